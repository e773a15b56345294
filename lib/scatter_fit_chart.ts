/**
 * Data with fitted lines and ringed outliers: {@link scatterFitChart}, one of the
 * chart helpers gathered by `lib/charts.ts`.
 *
 * @module
 */

import { Plot, plot } from "./plot.ts";
import { palette } from "./palette.ts";
import { describe } from "./_args.ts";
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
  endLabels,
  extent,
  frame,
  labelMargin,
  tickMargin,
} from "./_chart_layout.ts";

/** A fitted line of {@link scatterFitChart}. */
export interface FitLine {
  /** The line's name, written at its right end. */
  label: string;
  /** The line's value at x = 0. */
  intercept: number;
  /** The line's slope. */
  slope: number;
  /** Draw dashed (dashed lines are drawn on top of solid ones). */
  dashed?: boolean;
  /** A colour; defaults to the palette's colour named by the label, else the next. */
  color?: string;
}

/** Options of {@link scatterFitChart}. */
export interface ScatterFitOptions extends ChartOptions {
  /** The inputs (finite). */
  x: ArrayLike<number>;
  /** The targets (finite), as many as `x`. */
  y: ArrayLike<number>;
  /** Fitted lines `y = intercept + slope · x`, each named at its right end. */
  lines: FitLine[];
  /** Indices of points to ring (e.g. outliers). */
  highlight?: ArrayLike<number>;
  /** The label written next to each highlighted point. Defaults to "outlier". */
  highlightLabel?: string;
  /** The x axis' label (required). */
  xLabel: string;
  /** The y axis' label (required). */
  yLabel: string;
}

/**
 * Data with fitted lines: the points, each line `y = intercept + slope · x` across the
 * data's x range with its name at the right end, and optional rings around chosen
 * points (outliers).
 *
 * @param options.x The inputs: finite numbers.
 * @param options.y The targets: finite, as many as `x`.
 * @param options.lines Lines `{ label, intercept, slope, dashed?, color? }`; a label
 *   naming a palette colour (`"OLS"`, `"ridge"`, `"Huber"`) takes that colour.
 * @param options.highlight Indices of points to ring, in `palette.truth`.
 * @param options.highlightLabel Their label; defaults to "outlier".
 * @param options.xLabel The x axis' label (required).
 * @param options.yLabel The y axis' label (required).
 * @returns The chart, as {@link plot} returns it.
 * @throws {TypeError} If an option has the wrong type or a label is missing.
 * @throws {RangeError} If `x` and `y` differ in length, a number is not finite, or a
 *   highlighted index is out of range.
 *
 * @example OLS against a robust line
 * ```ts
 * import { scatterFitChart } from "./scatter_fit_chart.ts";
 * import assert from "node:assert/strict";
 *
 * const chart = scatterFitChart({
 *   x: [0, 1, 2, 3, 4],
 *   y: [0.1, 1.1, 1.9, 3.2, 12],
 *   lines: [{ label: "OLS", intercept: -1.2, slope: 2.6 }, { label: "MAE", intercept: 0, slope: 1 }],
 *   highlight: [4],
 *   xLabel: "x",
 *   yLabel: "y",
 * });
 * assert.match(chart.outerHTML, /OLS/);
 * assert.match(chart.outerHTML, /outlier/);
 * ```
 */
export function scatterFitChart(options: ScatterFitOptions): Chart {
  const fn = "scatterFitChart";
  options = checkObject(
    fn,
    "options",
    options,
    "{ x, y, lines, xLabel, yLabel }",
    [
      "x",
      "y",
      "lines",
      "highlight",
      "highlightLabel",
      "xLabel",
      "yLabel",
    ],
  );
  const c = common(fn, options as unknown as Record<string, unknown>);
  const x = numbers(fn, "options.x", options.x);
  const y = numbers(fn, "options.y", options.y);
  if (x.length !== y.length) {
    throw new RangeError(
      `${fn}(): options.x and options.y must have the same length (received ${x.length} and ${y.length})`,
    );
  }
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
  if (!isArray(options.lines)) {
    throw new TypeError(
      `${fn}(): options.lines must be an array of { label, intercept, slope } (received ${
        describe(options.lines)
      })`,
    );
  }
  const lines = options.lines.map((l, i) => {
    const at = `options.lines[${i}]`;
    l = checkObject(fn, at, l, "{ label, intercept, slope }", [
      "label",
      "intercept",
      "slope",
      "dashed",
      "color",
    ]);
    const [intercept, slope] = numbers(fn, `${at}.intercept and slope`, [
      l.intercept,
      l.slope,
    ]) as [number, number];
    return {
      label: checkText(fn, `${at}.label`, l.label, true) as string,
      intercept,
      slope,
      dashed: l.dashed === true,
      color: l.color === undefined
        ? undefined
        : checkText(fn, `${at}.color`, l.color, true),
    };
  });
  const highlight = options.highlight === undefined
    ? []
    : numbers(fn, "options.highlight", options.highlight, false);
  highlight.forEach((h, i) => {
    if (!Number.isInteger(h) || h < 0 || h >= x.length) {
      throw new RangeError(
        `${fn}(): options.highlight[${i}] must be an index from 0 to ${
          x.length - 1
        } (received ${describe(h)})`,
      );
    }
  });
  const highlightLabel =
    checkText(fn, "options.highlightLabel", options.highlightLabel, false) ??
      "outlier";
  const cols = colours(lines);
  const height = c.height ?? 380;
  const [x0, x1] = [Math.min(...x), Math.max(...x)];
  const segs = lines.map((l) => [
    { x: x0, y: l.intercept + l.slope * x0 },
    { x: x1, y: l.intercept + l.slope * x1 },
  ]);
  const yDomain = extent(
    [...y, ...segs.flatMap((s) => s.map((p) => p.y))],
    0.05,
    false,
  );
  const pts = x.map((xi, i) => ({ x: xi, y: y[i] as number }));
  const marks: Plot.Markish[] = [
    Plot.dot(pts, {
      x: "x",
      y: "y",
      r: 3,
      fill: "currentColor",
      fillOpacity: 0.6,
    }),
  ];
  const order = lines.map((l, i) => ({ l, i })).sort((a, b) =>
    Number(a.l.dashed) - Number(b.l.dashed) || a.i - b.i
  );
  for (const { l, i } of order) {
    marks.push(Plot.line(segs[i], {
      x: "x",
      y: "y",
      stroke: colourAt(cols, i),
      strokeWidth: 2.5,
      ...(l.dashed ? { strokeDasharray: DASH } : {}),
    }));
  }
  if (highlight.length > 0) {
    const hs = highlight.map((h) => pts[h]);
    marks.push(
      Plot.dot(hs, {
        x: "x",
        y: "y",
        r: 8,
        stroke: palette.truth,
        strokeWidth: 2,
        fill: "none",
      }),
      Plot.text(hs, {
        x: "x",
        y: "y",
        text: () => highlightLabel,
        textAnchor: "end",
        dx: -12,
        fill: palette.truth,
      }),
    );
  }
  marks.push(
    ...endLabels(
      lines.map((l, i) => ({
        x: x1,
        y: (segs[i]?.[1]?.y) as number,
        text: l.label,
        color: colourAt(cols, i),
      })),
      yDomain,
      height,
      false,
      "right",
    ),
  );
  return plot({
    ...frame(c, height),
    marginRight: labelMargin(lines.map((l) => l.label)),
    marginLeft: tickMargin(yDomain),
    x: { label: xLabel },
    y: { label: yLabel, domain: yDomain },
    marks: [...marks, ...c.marks],
  });
}
