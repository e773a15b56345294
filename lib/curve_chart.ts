/**
 * Curves on shared axes with direct labels, maxima and vertical markers:
 * {@link curveChart}, one of the chart helpers gathered by `lib/charts.ts`.
 *
 * @module
 */

import { Plot, plot } from "./plot.ts";
import { fmt } from "./format.ts";
import { checkOptions, describe, isPlainObject } from "./_args.ts";
import {
  type Chart,
  type ChartOptions,
  checkObject,
  checkText,
  common,
  isArray,
  numbers,
} from "./_chart_options.ts";
import {
  colourAt,
  colours,
  DASH,
  type EndLabel,
  endLabels,
  extent,
  frame,
  labelMargin,
  logAxis,
  logTickMargin,
  tickMargin,
} from "./_chart_layout.ts";

/** One curve of {@link curveChart}. */
export interface CurveSeries {
  /** The curve's name, written at its right end. */
  label: string;
  /** The curve's x values (finite). */
  x: ArrayLike<number>;
  /** The values; NaN or infinite values leave a gap. */
  y: ArrayLike<number>;
  /** Draw dashed (dashed curves are drawn on top of solid ones). */
  dashed?: boolean;
  /** A colour; defaults to the palette's colour named by the label, else the next. */
  color?: string;
}

/** A vertical marker of {@link curveChart}: a line at `x` with a label at the top. */
export interface VerticalMarker {
  /** Where the line is drawn, on the x axis. */
  x: number;
  /** The marker's label, written at the top of the line. */
  label: string;
  /** Defaults to the text colour (`currentColor`). */
  color?: string;
}

/** Options of {@link curveChart}. */
export interface CurveOptions extends Omit<ChartOptions, "marks"> {
  /** The curves: at least one. */
  series: CurveSeries[];
  /**
   * Vertical markers `{ x, label }` (true value, argmax) and extra Plot marks, in one
   * array: plain `{ x, label }` objects are markers, anything else a Plot mark.
   */
  marks?: (VerticalMarker | Plot.Markish)[];
  /** Mark each curve's maximum with a dot and its x value. */
  maxima?: boolean;
  /** The x axis' label (required). */
  xLabel: string;
  /** The y axis' label (required). */
  yLabel: string;
  /** A logarithmic x axis (e.g. sample size n). */
  logX?: boolean;
  /** A logarithmic y axis (e.g. an MSE falling as 1/n). */
  logY?: boolean;
}

function isMarker(m: unknown): m is VerticalMarker {
  return isPlainObject(m) && "x" in m && "label" in m;
}

/**
 * One or more curves on shared axes, each named by a direct label at its right end
 * (moved apart so none overlaps), with optional vertical markers and maxima.
 *
 * @param options.series The curves `{ label, x, y, dashed?, color? }`: at least one;
 *   `x` finite, `y` finite or a gap (NaN, ±Infinity).
 * @param options.marks Vertical markers `{ x, label, color? }` and extra Plot marks.
 * @param options.maxima Mark each curve's maximum (a dot and its x value).
 * @param options.xLabel The x axis' label (required).
 * @param options.yLabel The y axis' label (required).
 * @param options.logX A logarithmic x axis (all x must be > 0).
 * @param options.logY A logarithmic y axis (values <= 0 are left out).
 * @returns The chart, as {@link plot} returns it.
 * @throws {TypeError} If an option has the wrong type or a label is missing.
 * @throws {RangeError} If there is no series, a series' `x` and `y` differ in length,
 *   or `logX` meets an x <= 0.
 *
 * @example A likelihood and its maximum
 * ```ts
 * import { curveChart } from "./curve_chart.ts";
 * import assert from "node:assert/strict";
 *
 * const x = Array.from({ length: 99 }, (_, i) => (i + 1) / 100);
 * const y = x.map((p) => 3 * Math.log(p) + 7 * Math.log(1 - p));
 * const chart = curveChart({
 *   series: [{ label: "log-likelihood, n = 10", x, y }],
 *   marks: [{ x: 0.3, label: "k/n" }],
 *   maxima: true,
 *   xLabel: "p",
 *   yLabel: "log L(p)",
 * });
 * assert.match(chart.outerHTML, /log-likelihood, n = 10/);
 * assert.match(chart.outerHTML, /k\/n/);
 * ```
 */
export function curveChart(options: CurveOptions): Chart {
  const fn = "curveChart";
  options = checkObject(
    fn,
    "options",
    options,
    "{ series: [{ label, x, y }], xLabel, yLabel }",
    ["series", "maxima", "xLabel", "yLabel", "logX", "logY"],
  );
  const rawMarks = options.marks === undefined ? [] : options.marks;
  if (!isArray(rawMarks)) {
    throw new TypeError(
      `${fn}(): marks must be an array of { x, label } markers or Plot marks (received ${
        describe(rawMarks)
      })`,
    );
  }
  const c = common(fn, { ...options, marks: undefined });
  const xLabel = checkText(
    fn,
    "options.xLabel",
    options.xLabel,
    true,
  ) as string;
  const yLabel = checkText(
    fn,
    "options.yLabel",
    options.yLabel,
    true,
  ) as string;
  if (!isArray(options.series)) {
    throw new TypeError(
      `${fn}(): options.series must be an array of { label, x, y } (received ${
        describe(options.series)
      })`,
    );
  }
  if (options.series.length === 0) {
    throw new RangeError(
      `${fn}(): options.series must have at least one curve (received an empty array)`,
    );
  }
  const logX = options.logX === true, logY = options.logY === true;
  const series = options.series.map((s, i) => {
    const at = `options.series[${i}]`;
    s = checkObject(fn, at, s, "{ label, x, y }", [
      "label",
      "x",
      "y",
      "dashed",
      "color",
    ]);
    const label = checkText(fn, `${at}.label`, s.label, true) as string;
    const x = numbers(fn, `${at}.x`, s.x);
    const y = numbers(fn, `${at}.y`, s.y, true);
    if (x.length !== y.length) {
      throw new RangeError(
        `${fn}(): ${at}.x and ${at}.y must have the same length (received ${x.length} and ${y.length})`,
      );
    }
    if (logX && x.some((v) => v <= 0)) {
      throw new RangeError(
        `${fn}(): ${at}.x must be > 0 on a logarithmic x axis (logX)`,
      );
    }
    const color = s.color === undefined
      ? undefined
      : checkText(fn, `${at}.color`, s.color, true);
    return { label, x, y, dashed: s.dashed === true, color, i };
  });
  const markers: VerticalMarker[] = [];
  const extra: Plot.Markish[] = [];
  rawMarks.forEach((m, i) => {
    if (isMarker(m)) {
      m = checkOptions(fn, m, ["x", "label", "color"], `options.marks[${i}]`);
      const x = numbers(fn, `options.marks[${i}].x`, [m.x])[0] as number;
      const label = checkText(
        fn,
        `options.marks[${i}].label`,
        m.label,
        true,
      ) as string;
      markers.push({
        x,
        label,
        ...(m.color === undefined ? {} : { color: m.color }),
      });
    } else extra.push(m as Plot.Markish);
  });
  const cols = colours(series);
  const height = c.height ?? 360;
  const ok = (v: number) => Number.isFinite(v) && (!logY || v > 0);
  const yDomain = extent(series.flatMap((s) => s.y), 0.05, logY);
  const xDomain = extent(
    [...series.flatMap((s) => s.x), ...markers.map((m) => m.x)],
    0,
    logX,
  );
  const marks: Plot.Markish[] = [];
  // Solid curves first, dashed on top, so a dashed line is never hidden.
  const order = [...series].sort((a, b) =>
    Number(a.dashed) - Number(b.dashed) || a.i - b.i
  );
  for (const s of order) {
    const pts = s.x.map((x, k) => ({
      x,
      y: ok(s.y[k] as number) ? s.y[k] as number : NaN,
    }));
    marks.push(Plot.line(pts, {
      x: "x",
      y: "y",
      stroke: colourAt(cols, s.i),
      strokeWidth: 2,
      ...(s.dashed ? { strokeDasharray: DASH } : {}),
    }));
  }
  markers.forEach((m, k) => {
    marks.push(
      Plot.ruleX([m.x], {
        stroke: m.color ?? "currentColor",
        strokeDasharray: "3,3",
        strokeWidth: 1.5,
      }),
      Plot.text([m.x], {
        x: (v: number) => v,
        frameAnchor: "top",
        text: () => m.label,
        textAnchor: "start",
        dx: 4,
        dy: -12 + 14 * k,
        fill: m.color ?? "currentColor",
      }),
    );
  });
  if (options.maxima === true) {
    for (const s of series) {
      let best = -1;
      s.y.forEach((v, k) => {
        if (ok(v) && (best < 0 || v > (s.y[best] as number))) best = k;
      });
      if (best < 0) continue;
      const pt = { x: s.x[best] as number, y: s.y[best] as number };
      marks.push(
        Plot.dot([pt], { x: "x", y: "y", r: 4.5, fill: colourAt(cols, s.i) }),
        Plot.text([pt], {
          x: "x",
          y: "y",
          text: (d: { x: number }) => fmt`max at ${d.x}:.3g`,
          textAnchor: "start",
          dx: 7,
          dy: -10,
          fill: colourAt(cols, s.i),
        }),
      );
    }
  }
  const ends: EndLabel[] = series.flatMap((s) => {
    for (let k = s.x.length - 1; k >= 0; k--) {
      if (ok(s.y[k] as number)) {
        return [{
          x: s.x[k] as number,
          y: s.y[k] as number,
          text: s.label,
          color: colourAt(cols, s.i),
        }];
      }
    }
    return [];
  });
  marks.push(...endLabels(ends, yDomain, height, logY, "right"));
  return plot({
    ...frame(c, height),
    marginRight: labelMargin(series.map((s) => s.label)),
    marginLeft: logY ? logTickMargin(yDomain) : tickMargin(yDomain),
    x: {
      label: xLabel,
      domain: xDomain,
      ...(logX ? { type: "log", ...logAxis(xDomain) } : {}),
    },
    y: {
      label: yLabel,
      domain: yDomain,
      grid: true,
      ...(logY ? { type: "log", ...logAxis(yDomain) } : {}),
    },
    marks: [...marks, ...extra],
  });
}
