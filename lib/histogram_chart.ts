/**
 * A sampling distribution with its true value marked: {@link histogramChart}, one
 * of the chart helpers gathered by `lib/charts.ts`.
 *
 * @module
 */

import { Plot, plot } from "./plot.ts";
import { palette } from "./palette.ts";
import { fmt } from "./format.ts";
import { describe } from "./_args.ts";
import {
  type Chart,
  type ChartOptions,
  checkObject,
  checkText,
  common,
  numbers,
} from "./_chart_options.ts";
import { frame } from "./_chart_layout.ts";

/** Options of {@link histogramChart}. */
export interface HistogramOptions extends ChartOptions {
  /** The values whose distribution is drawn (e.g. one estimate per simulated sample). */
  values: ArrayLike<number>;
  /** The true value, marked by a vertical line. */
  truth?: number;
  /** The true value's label. Defaults to `true value <truth>`. */
  truthLabel?: string;
  /** A density drawn over the histogram (the histogram is then on the density scale). */
  density?: { x: ArrayLike<number>; y: ArrayLike<number>; label: string };
  /** Number of equal-width bins. Defaults to √n, between 10 and 40. */
  bins?: number;
  /** The x axis' label: what the values are. */
  xLabel: string;
  /** The y axis' label. Defaults to "count", or "density" with a density. */
  yLabel?: string;
}

/**
 * A sampling distribution: a histogram of `values` with the true value marked and,
 * optionally, a density drawn over it (the histogram then shows densities, so both
 * share the y axis).
 *
 * @param options.values The values: finite numbers, at least one.
 * @param options.truth The true value (a vertical line in `palette.truth`).
 * @param options.truthLabel Its label; defaults to "true value" and the number.
 * @param options.density A curve `{ x, y, label }` (e.g. the normal approximation).
 * @param options.bins The number of equal-width bins (1 to 500); defaults to √n within
 *   10 to 40.
 * @param options.xLabel What the values are (required).
 * @param options.yLabel Defaults to "count" or "density".
 * @returns The chart, as {@link plot} returns it.
 * @throws {TypeError} If an option has the wrong type or a label is missing.
 * @throws {RangeError} If a value is not finite, `bins` is out of range or the
 *   density's `x` and `y` differ in length.
 *
 * @example The sampling distribution of a mean
 * ```ts
 * import { histogramChart } from "./histogram_chart.ts";
 * import assert from "node:assert/strict";
 *
 * const values = [4.8, 5.1, 5.0, 4.9, 5.3, 5.0, 4.7, 5.2];
 * const chart = histogramChart({ values, truth: 5, xLabel: "sample mean", bins: 4 });
 * assert.match(chart.outerHTML, /true value 5/);
 * assert.equal(chart.outerHTML, histogramChart({ values, truth: 5, xLabel: "sample mean", bins: 4 }).outerHTML);
 * ```
 */
export function histogramChart(options: HistogramOptions): Chart {
  const fn = "histogramChart";
  options = checkObject(fn, "options", options, "{ values, truth, xLabel }", [
    "values",
    "truth",
    "truthLabel",
    "density",
    "bins",
    "xLabel",
    "yLabel",
  ]);
  const c = common(fn, options as unknown as Record<string, unknown>);
  const values = numbers(fn, "options.values", options.values);
  const xLabel = checkText(
    fn,
    "options.xLabel",
    options.xLabel,
    true,
  ) as string;
  let truth: number | undefined;
  if (options.truth !== undefined) {
    truth = numbers(fn, "options.truth", [options.truth])[0];
  }
  const truthLabel = checkText(
    fn,
    "options.truthLabel",
    options.truthLabel,
    false,
  );
  let bins = Math.min(40, Math.max(10, Math.round(Math.sqrt(values.length))));
  if (options.bins !== undefined) {
    if (typeof options.bins !== "number") {
      throw new TypeError(
        `${fn}(): options.bins must be a number (received ${
          describe(options.bins)
        })`,
      );
    }
    if (
      !Number.isInteger(options.bins) || options.bins < 1 || options.bins > 500
    ) {
      throw new RangeError(
        `${fn}(): options.bins must be a whole number from 1 to 500 (received ${
          describe(options.bins)
        })`,
      );
    }
    bins = options.bins;
  }
  let density: { x: number[]; y: number[]; label: string } | undefined;
  if (options.density !== undefined) {
    const d = checkObject(
      fn,
      "options.density",
      options.density,
      "{ x, y, label }",
      [
        "x",
        "y",
        "label",
      ],
    );
    const dx = numbers(fn, "options.density.x", d.x);
    const dy = numbers(fn, "options.density.y", d.y);
    if (dx.length !== dy.length) {
      throw new RangeError(
        `${fn}(): options.density.x and options.density.y must have the same length (received ${dx.length} and ${dy.length})`,
      );
    }
    const label = checkText(
      fn,
      "options.density.label",
      d.label,
      true,
    ) as string;
    density = { x: dx, y: dy, label };
  }
  const yLabel = checkText(fn, "options.yLabel", options.yLabel, false) ??
    (density ? "density" : "count");

  // Equal-width bins over the values' range; the last bin includes its right edge.
  let lo = Math.min(...values), hi = Math.max(...values);
  if (lo === hi) [lo, hi] = [lo - 0.5, hi + 0.5];
  const w = (hi - lo) / bins;
  const counts = new Array<number>(bins).fill(0);
  for (const v of values) {
    const k = Math.min(bins - 1, Math.floor((v - lo) / w));
    counts[k] = (counts[k] as number) + 1;
  }
  const scale = density ? 1 / (values.length * w) : 1;
  const rects = counts.map((n, i) => ({
    x1: lo + i * w,
    x2: i === bins - 1 ? hi : lo + (i + 1) * w,
    y: n * scale,
  }));
  const yMax = Math.max(...rects.map((r) => r.y), ...(density?.y ?? [0]));
  const height = c.height ?? 320;
  const marks: Plot.Markish[] = [
    Plot.rectY(rects, {
      x1: "x1",
      x2: "x2",
      y: "y",
      fill: palette.estimate,
      fillOpacity: 0.3,
      stroke: palette.estimate,
      strokeWidth: 1,
    }),
    Plot.ruleY([0]),
  ];
  if (density) {
    const d = density;
    const pts = d.x.map((x, i) => ({ x, y: d.y[i] as number }));
    marks.push(
      Plot.line(pts, {
        x: "x",
        y: "y",
        stroke: "currentColor",
        strokeWidth: 2,
      }),
    );
    // Label the density on its left flank, where it is at 60% of its peak.
    const peak = d.y.indexOf(Math.max(...d.y));
    let at = peak;
    while (at > 0 && (d.y[at] as number) > 0.6 * (d.y[peak] as number)) at--;
    marks.push(
      Plot.text([pts[at]], {
        x: "x",
        y: "y",
        text: () => d.label,
        textAnchor: "end",
        dx: -8,
        fill: "currentColor",
        fontWeight: 600,
      }),
    );
  }
  if (truth !== undefined) {
    const label = truthLabel ?? fmt`true value ${truth}:.4g`;
    marks.push(
      Plot.ruleX([truth], { stroke: palette.truth, strokeWidth: 2.5 }),
      Plot.text([truth], {
        x: (v: number) => v,
        frameAnchor: "top",
        text: () => label,
        textAnchor: "start",
        dx: 5,
        dy: -12,
        fill: palette.truth,
        fontWeight: 600,
      }),
    );
  }
  return plot({
    ...frame(c, height),
    x: { label: xLabel },
    y: { label: yLabel, domain: [0, yMax * 1.08 || 1] },
    marks: [...marks, ...c.marks],
  });
}
