/**
 * The pack's recurring figures as one call each, built on {@link plot}: a sampling
 * distribution with its true value ({@link histogramChart}), curves with their maxima
 * or markers ({@link curveChart}), fitted lines over data ({@link scatterFitChart}),
 * coefficient paths ({@link pathChart}) and small comparisons ({@link barChart}).
 *
 * Every chart labels its axes, names its lines with direct labels at the line ends
 * (never a colour legend), uses the shared {@link palette}, and is deterministic: the
 * same data give the same markup. Each helper takes `title` and `caption` (say what
 * to look at), `height`, `width`, and extra Observable Plot `marks`.
 *
 * @module
 */

import { Plot, plot } from "./plot.ts";
import { palette } from "./palette.ts";
import { fmt } from "./format.ts";
import { formatWithSpec } from "./_format_spec.ts";
import {
  checkOptions,
  describe,
  isArrayLike,
  isPlainObject,
  toFloat64Array,
} from "./_args.ts";

export { type Palette, palette } from "./palette.ts";

/** What every chart helper returns: the chart, as {@link plot} returns it. */
export type Chart = SVGSVGElement | HTMLElement;

/** Options every chart helper takes. */
export interface ChartOptions {
  /** Shown above the chart (not as a heading). */
  title?: string;
  /** Shown below the chart: say what to look at. */
  caption?: string;
  /** Height of the plotting area with its axes, in pixels. */
  height?: number;
  /** Width in pixels. Defaults to 640. */
  width?: number;
  /** Extra Observable Plot marks drawn on top. */
  marks?: Plot.Markish[];
}

// ---------------------------------------------------------------------------------
// Shared pieces

const FONT_SIZE = 12;
/** Approximate width of one character of chart text, in pixels. */
const CHAR_WIDTH = 7.6;
const MARGIN_TOP = 28;
const MARGIN_BOTTOM = 40;
/** Smallest vertical distance between two direct labels, in pixels. */
const LABEL_GAP = 14;
const DASH = "6,4";

const COMMON = ["title", "caption", "height", "width", "marks"];

/** `Array.isArray`, false for a revoked Proxy instead of an engine error. */
function isArray(v: unknown): v is unknown[] {
  return isArrayLike(v) && Array.isArray(v);
}

/** A plain object of options whose keys are all in `keys` (and the common ones). */
function checkObject(
  fn: string,
  name: string,
  v: unknown,
  example: string,
  keys: string[],
) {
  checkOptions(
    fn,
    v,
    name === "options" ? [...COMMON, ...keys] : keys,
    name,
    example,
  );
}

function checkText(
  fn: string,
  name: string,
  v: unknown,
  required: boolean,
): string | undefined {
  if (v === undefined && !required) return undefined;
  if (typeof v !== "string" || v.trim() === "") {
    throw new TypeError(
      `${fn}(): ${name} must be a non-empty string${
        required ? " (charts label their axes)" : ""
      } (received ${describe(v)})`,
    );
  }
  return v;
}

function checkSize(fn: string, name: string, v: unknown): number | undefined {
  if (v === undefined) return undefined;
  if (typeof v !== "number") {
    throw new TypeError(
      `${fn}(): ${name} must be a number of pixels (received ${describe(v)})`,
    );
  }
  if (!Number.isFinite(v) || v < 40 || v > 4000) {
    throw new RangeError(
      `${fn}(): ${name} must be between 40 and 4000 pixels (received ${
        describe(v)
      })`,
    );
  }
  return v;
}

function checkMarks(fn: string, v: unknown): Plot.Markish[] {
  if (v === undefined) return [];
  if (!isArray(v)) {
    throw new TypeError(
      `${fn}(): marks must be an array of Plot marks (received ${describe(v)})`,
    );
  }
  return v as Plot.Markish[];
}

interface Common {
  title: string | undefined;
  caption: string | undefined;
  height: number | undefined;
  width: number;
  marks: Plot.Markish[];
}

function common(fn: string, o: Record<string, unknown>): Common {
  return {
    title: checkText(fn, "title", o.title, false),
    caption: checkText(fn, "caption", o.caption, false),
    height: checkSize(fn, "height", o.height),
    width: checkSize(fn, "width", o.width) ?? 640,
    marks: checkMarks(fn, o.marks),
  };
}

/** The Plot options every chart shares: size, text size, title and caption. */
function frame(c: Common, height: number): Plot.PlotOptions {
  return {
    width: c.width,
    height: c.height ?? height,
    marginTop: MARGIN_TOP,
    marginBottom: MARGIN_BOTTOM,
    style: { fontSize: `${FONT_SIZE}px` },
    ...(c.title === undefined ? {} : { title: c.title }),
    ...(c.caption === undefined ? {} : { caption: c.caption }),
  };
}

/** Palette colours by name (`"MSE"` -> `palette.mse`), for labels that name one. */
const NAMED: Record<string, string> = Object.fromEntries(
  Object.entries(palette).filter(([, v]) => typeof v === "string"),
) as Record<string, string>;

/**
 * One colour per label: an explicit colour, else the palette's colour named by the
 * label (`"ridge"`), else the next series colour not yet used.
 */
function colours(
  items: { label: string; color?: string | undefined }[],
): string[] {
  const used = new Set<string>();
  const out: (string | undefined)[] = items.map((it) => {
    const c = it.color ?? NAMED[it.label.trim().toLowerCase()];
    if (c === undefined || used.has(c)) return undefined;
    used.add(c);
    return c;
  });
  let next = 0;
  return out.map((c) => {
    if (c !== undefined) return c;
    const free = palette.series.find((s) => !used.has(s));
    const pick = free ?? palette.series[next++ % palette.series.length] ??
      "currentColor";
    used.add(pick);
    return pick;
  });
}

/**
 * Ticks and their labels for a logarithmic axis: the powers of ten in the domain,
 * with 2 and 5 times them when the domain spans less than two decades; labels as
 * numbers (0.01, 100), not SI prefixes.
 */
function logAxis(domain: [number, number]): {
  ticks: number[];
  tickFormat: (d: number) => string;
} {
  const lo = Math.min(...domain), hi = Math.max(...domain);
  const a = Math.floor(Math.log10(lo)), b = Math.ceil(Math.log10(hi));
  const steps = b - a < 2 ? [1, 2, 5] : [1];
  const ticks: number[] = [];
  for (let e = a; e <= b; e++) {
    for (const m of steps) {
      const t = Number(fmt`${m * 10 ** e}:.1e`);
      if (t >= lo * (1 - 1e-12) && t <= hi * (1 + 1e-12)) ticks.push(t);
    }
  }
  return { ticks, tickFormat: (d: number) => fmt`${d}:.6g` };
}

/** `xs[i]`, which the caller knows exists. */
function colourAt(xs: readonly string[], i: number): string {
  return xs[i] ?? "currentColor";
}

/** An axis domain from data, padded by `pad` of its span (a point gets a unit span). */
function extent(
  values: number[],
  pad: number,
  log: boolean,
): [number, number] {
  const vs = values.filter((v) => Number.isFinite(v) && (!log || v > 0));
  if (vs.length === 0) return log ? [1, 10] : [0, 1];
  let lo = Math.min(...vs);
  let hi = Math.max(...vs);
  if (log) {
    let a = Math.log10(lo), b = Math.log10(hi);
    if (a === b) [a, b] = [a - 0.5, b + 0.5];
    const p = (b - a) * pad;
    return [10 ** (a - p), 10 ** (b + p)];
  }
  if (lo === hi) {
    const d = lo === 0 ? 1 : Math.abs(lo) * 0.1;
    return [lo - d, hi + d];
  }
  const p = (hi - lo) * pad;
  lo -= p;
  hi += p;
  return [lo, hi];
}

interface EndLabel {
  x: number;
  y: number;
  text: string;
  color: string;
}

/**
 * Direct labels at line ends, moved apart vertically so that none overlaps another:
 * positions are computed in pixels from the y domain the chart is given.
 */
function endLabels(
  labels: EndLabel[],
  yDomain: [number, number],
  height: number,
  log: boolean,
  side: "right" | "left",
): Plot.Markish[] {
  const t = (v: number) => (log ? Math.log10(v) : v);
  const [d0, d1] = [t(yDomain[0]), t(yDomain[1])];
  const top = MARGIN_TOP, bottom = height - MARGIN_BOTTOM;
  const toPx = (v: number) =>
    bottom - ((t(v) - d0) / (d1 - d0)) * (bottom - top);
  const fromPx = (p: number) => {
    const u = d0 + ((bottom - p) / (bottom - top)) * (d1 - d0);
    return log ? 10 ** u : u;
  };
  const placed = labels
    .map((l, i) => ({ ...l, i, p: Math.min(bottom, Math.max(top, toPx(l.y))) }))
    .sort((a, b) => a.p - b.p || a.i - b.i);
  for (let k = 1; k < placed.length; k++) {
    const prev = placed[k - 1] as (typeof placed)[number];
    const cur = placed[k] as (typeof placed)[number];
    if (cur.p < prev.p + LABEL_GAP) cur.p = prev.p + LABEL_GAP;
  }
  // Labels pushed below the frame move back up, keeping their gaps.
  for (let k = placed.length - 1; k >= 0; k--) {
    const cur = placed[k] as (typeof placed)[number];
    const below = placed[k + 1];
    const limit = below === undefined ? bottom : below.p - LABEL_GAP;
    if (cur.p > limit) cur.p = limit;
  }
  return placed
    .sort((a, b) => a.i - b.i)
    .map((l) =>
      Plot.text([l], {
        x: "x",
        y: () => fromPx(l.p),
        text: "text",
        fill: l.color,
        textAnchor: side === "right" ? "start" : "end",
        dx: side === "right" ? 6 : -6,
        fontWeight: 600,
      })
    );
}

/** Room for the longest label beside the plot, in pixels. */
/**
 * A left margin wide enough for the y axis's tick labels, as Plot formats them
 * (thousands separators, a minus sign): at least Plot's default of 40 px.
 */
function tickMargin(domain: readonly number[]): number {
  const finite = domain.filter((v) => Number.isFinite(v));
  const span = Math.max(...finite) - Math.min(...finite);
  // Ticks step by about a tenth of the span: that many decimals, no more.
  const decimals = span > 0
    ? Math.min(6, Math.max(0, -Math.floor(Math.log10(span / 10))))
    : 0;
  const fmt = new Intl.NumberFormat("en-US", {
    maximumFractionDigits: decimals,
  });
  const widest = Math.max(0, ...finite.map((v) => fmt.format(v).length));
  return Math.max(40, Math.ceil(widest * CHAR_WIDTH * 0.85 + 14));
}

/** {@link tickMargin} for a log axis, whose tick labels {@link logAxis} chooses. */
function logTickMargin(domain: [number, number]): number {
  const { ticks, tickFormat } = logAxis(domain);
  const widest = Math.max(0, ...ticks.map((t) => tickFormat(t).length));
  return Math.max(40, Math.ceil(widest * CHAR_WIDTH * 0.85 + 14));
}

function labelMargin(texts: string[]): number {
  return Math.max(
    20,
    Math.ceil(Math.max(0, ...texts.map((t) => t.length)) * CHAR_WIDTH + 16),
  );
}

function numbers(
  fn: string,
  name: string,
  v: unknown,
  allowNonFinite = false,
): number[] {
  return Array.from(toFloat64Array(fn, name, v, { allowNonFinite }));
}

// ---------------------------------------------------------------------------------
// histogramChart

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
 * import { histogramChart } from "./charts.ts";
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
  checkObject(fn, "options", options, "{ values, truth, xLabel }", [
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
    checkObject(fn, "options.density", options.density, "{ x, y, label }", [
      "x",
      "y",
      "label",
    ]);
    const dx = numbers(fn, "options.density.x", options.density.x);
    const dy = numbers(fn, "options.density.y", options.density.y);
    if (dx.length !== dy.length) {
      throw new RangeError(
        `${fn}(): options.density.x and options.density.y must have the same length (received ${dx.length} and ${dy.length})`,
      );
    }
    const label = checkText(
      fn,
      "options.density.label",
      options.density.label,
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

// ---------------------------------------------------------------------------------
// curveChart

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
 * import { curveChart } from "./charts.ts";
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
  checkObject(
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
    checkObject(fn, at, s, "{ label, x, y }", [
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
      checkOptions(fn, m, ["x", "label", "color"], `options.marks[${i}]`);
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

// ---------------------------------------------------------------------------------
// scatterFitChart

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
 * import { scatterFitChart } from "./charts.ts";
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
  checkObject(fn, "options", options, "{ x, y, lines, xLabel, yLabel }", [
    "x",
    "y",
    "lines",
    "highlight",
    "highlightLabel",
    "xLabel",
    "yLabel",
  ]);
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
    checkObject(fn, at, l, "{ label, intercept, slope }", [
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

// ---------------------------------------------------------------------------------
// pathChart

/** Options of {@link pathChart}. */
export interface PathOptions extends ChartOptions {
  /** The penalty strengths, one per fit. */
  alphas: ArrayLike<number>;
  /** The coefficients: one array per alpha, one value per feature. */
  coefs: ArrayLike<number>[];
  /** The true coefficients, one per feature: a dashed line each, in its colour. */
  truth?: ArrayLike<number>;
  /** A logarithmic α axis. Defaults to true when every α > 0. */
  logX?: boolean;
  /** The features' names. Defaults to w0, w1, .... */
  featureLabels?: string[];
  /** Defaults to "α (penalty strength)". */
  xLabel?: string;
  /** Defaults to "coefficient". */
  yLabel?: string;
}

/**
 * Coefficient paths: each coefficient against the penalty strength α, one line per
 * feature. α decreases to the right, where the paths fan out and are labelled; the
 * true coefficients, when given, are dashed lines in the features' colours.
 *
 * @param options.alphas The penalty strengths (finite, >= 0; > 0 on a log axis).
 * @param options.coefs One array of coefficients per alpha, all of one length.
 * @param options.truth The true coefficients, one per feature.
 * @param options.logX A logarithmic α axis; defaults to true when every α > 0.
 * @param options.featureLabels The features' names; defaults to w0, w1, ....
 * @param options.xLabel Defaults to "α (penalty strength)".
 * @param options.yLabel Defaults to "coefficient".
 * @returns The chart, as {@link plot} returns it.
 * @throws {TypeError} If an option has the wrong type.
 * @throws {RangeError} If the shapes disagree, a number is not finite, or `logX` meets
 *   an α <= 0.
 *
 * @example Lasso paths shrinking to zero
 * ```ts
 * import { pathChart } from "./charts.ts";
 * import assert from "node:assert/strict";
 *
 * const alphas = [0.01, 0.1, 1];
 * const coefs = [[1.9, -0.9], [1.5, -0.5], [0.2, 0]];
 * const chart = pathChart({ alphas, coefs, truth: [2, -1] });
 * assert.match(chart.outerHTML, />w0</);
 * assert.match(chart.outerHTML, />w1</);
 * ```
 */
export function pathChart(options: PathOptions): Chart {
  const fn = "pathChart";
  checkObject(fn, "options", options, "{ alphas, coefs }", [
    "alphas",
    "coefs",
    "truth",
    "logX",
    "featureLabels",
    "xLabel",
    "yLabel",
  ]);
  const c = common(fn, options as unknown as Record<string, unknown>);
  const alphas = numbers(fn, "options.alphas", options.alphas);
  if (alphas.some((a) => a < 0)) {
    throw new RangeError(
      `${fn}(): options.alphas must be >= 0 (received a negative α)`,
    );
  }
  if (!isArray(options.coefs)) {
    throw new TypeError(
      `${fn}(): options.coefs must be an array with one array of coefficients per alpha (received ${
        describe(options.coefs)
      })`,
    );
  }
  if (options.coefs.length !== alphas.length) {
    throw new RangeError(
      `${fn}(): options.coefs must have one row per alpha (received ${options.coefs.length} rows for ${alphas.length} alphas)`,
    );
  }
  const coefs = options.coefs.map((row, i) =>
    numbers(fn, `options.coefs[${i}]`, row)
  );
  const d = (coefs[0] as number[]).length;
  coefs.forEach((row, i) => {
    if (row.length !== d) {
      throw new RangeError(
        `${fn}(): options.coefs[${i}] must have ${d} coefficients like options.coefs[0] (received ${row.length})`,
      );
    }
  });
  const truth = options.truth === undefined
    ? undefined
    : numbers(fn, "options.truth", options.truth);
  if (truth && truth.length !== d) {
    throw new RangeError(
      `${fn}(): options.truth must have one value per feature (received ${truth.length} for ${d} features)`,
    );
  }
  let names = Array.from({ length: d }, (_, j) => `w${j}`);
  if (options.featureLabels !== undefined) {
    const fl = options.featureLabels;
    if (!isArray(fl)) {
      throw new TypeError(
        `${fn}(): options.featureLabels must be an array of strings (received ${
          describe(fl)
        })`,
      );
    }
    if (fl.length !== d) {
      throw new RangeError(
        `${fn}(): options.featureLabels must have one name per feature (received ${fl.length} for ${d})`,
      );
    }
    names = fl.map((s, j) =>
      checkText(fn, `options.featureLabels[${j}]`, s, true) as string
    );
  }
  const logX = options.logX ?? alphas.every((a) => a > 0);
  if (logX && alphas.some((a) => a <= 0)) {
    throw new RangeError(
      `${fn}(): options.alphas must be > 0 on a logarithmic axis (logX); pass logX: false`,
    );
  }
  const xLabel = checkText(fn, "options.xLabel", options.xLabel, false) ??
    "α (penalty strength)";
  const yLabel = checkText(fn, "options.yLabel", options.yLabel, false) ??
    "coefficient";
  const cols = colours(names.map((label) => ({ label })));
  const height = c.height ?? 380;
  const yDomain = extent([...coefs.flat(), ...(truth ?? []), 0], 0.05, false);
  const order = alphas.map((a, i) => ({ a, i })).sort((p, q) => p.a - q.a);
  const smallest = order[0] as { a: number; i: number };
  const marks: Plot.Markish[] = [
    Plot.ruleY([0], { stroke: "currentColor", strokeOpacity: 0.4 }),
  ];
  for (let j = 0; j < d; j++) {
    if (truth) {
      marks.push(
        Plot.ruleY([truth[j]], {
          stroke: colourAt(cols, j),
          strokeDasharray: "2,4",
          strokeWidth: 1.5,
        }),
      );
    }
    marks.push(
      Plot.line(
        order.map(({ a, i }) => ({
          a,
          w: (coefs[i] as number[])[j] as number,
        })),
        {
          x: "a",
          y: "w",
          stroke: colourAt(cols, j),
          strokeWidth: 2,
        },
      ),
    );
  }
  marks.push(
    ...endLabels(
      names.map((text, j) => ({
        x: smallest.a,
        y: (coefs[smallest.i] as number[])[j] as number,
        text,
        color: colourAt(cols, j),
      })),
      yDomain,
      height,
      false,
      "right",
    ),
  );
  return plot({
    ...frame(c, height),
    marginRight: labelMargin(names),
    x: {
      label: xLabel,
      reverse: true,
      ...(logX
        ? {
          type: "log",
          domain: extent(alphas, 0, true),
          ...logAxis(extent(alphas, 0, true)),
        }
        : {}),
    },
    y: { label: yLabel, domain: yDomain, grid: true },
    marks: [...marks, ...c.marks],
  });
}

// ---------------------------------------------------------------------------------
// barChart

/** A bar of {@link barChart}. */
export interface BarRow {
  /** The bar's name, on the category axis. */
  label: string;
  /** The bar's value (finite). */
  value: number;
  /** Bars sharing a label are grouped; each group has its own colour and name. */
  group?: string;
}

/** Options of {@link barChart}. */
export interface BarOptions extends ChartOptions {
  /** The bars: at least one. */
  rows: BarRow[];
  /** The value axis' label (required). */
  xLabel: string;
  /** The category axis' label. Defaults to none. */
  yLabel?: string;
  /** How the value is written at each bar's end: a {@link fmt} spec. Defaults to ".3g". */
  format?: string;
}

/**
 * A small comparison: horizontal bars with their values written at the ends. Rows
 * sharing a `label` are drawn as a group, one bar per `group`, the group's name beside
 * its bar (no colour legend).
 *
 * @param options.rows The bars `{ label, value, group? }`: at least one, `value`
 *   finite, each (label, group) once.
 * @param options.xLabel The value axis' label (required).
 * @param options.yLabel The category axis' label.
 * @param options.format The values' format spec, as in {@link fmt}; defaults to ".3g".
 * @returns The chart, as {@link plot} returns it.
 * @throws {TypeError} If an option has the wrong type or a label is missing.
 * @throws {RangeError} If `rows` is empty, a value is not finite, a (label, group)
 *   repeats, or the format is not a spec.
 *
 * @example MSE of two estimators
 * ```ts
 * import { barChart } from "./charts.ts";
 * import assert from "node:assert/strict";
 *
 * const chart = barChart({
 *   rows: [{ label: "divide by n", value: 0.18 }, { label: "divide by n − 1", value: 0.2 }],
 *   xLabel: "MSE of σ̂²",
 * });
 * assert.match(chart.outerHTML, />0\.18</);
 * ```
 */
export function barChart(options: BarOptions): Chart {
  const fn = "barChart";
  checkObject(fn, "options", options, "{ rows: [{ label, value }], xLabel }", [
    "rows",
    "xLabel",
    "yLabel",
    "format",
  ]);
  const c = common(fn, options as unknown as Record<string, unknown>);
  const xLabel = checkText(
    fn,
    "options.xLabel",
    options.xLabel,
    true,
  ) as string;
  const yLabel = checkText(fn, "options.yLabel", options.yLabel, false);
  if (!isArray(options.rows)) {
    throw new TypeError(
      `${fn}(): options.rows must be an array of { label, value } (received ${
        describe(options.rows)
      })`,
    );
  }
  if (options.rows.length === 0) {
    throw new RangeError(
      `${fn}(): options.rows must have at least one bar (received an empty array)`,
    );
  }
  const spec = options.format ?? ".3g";
  if (typeof spec !== "string") {
    throw new TypeError(
      `${fn}(): options.format must be a spec like ".3g" (received ${
        describe(spec)
      })`,
    );
  }
  if (formatWithSpec(1, spec, fn, "options.format") === undefined) {
    throw new RangeError(
      `${fn}(): options.format must be a spec as in fmt, e.g. ".3g", ".1%" (received ${
        describe(spec)
      })`,
    );
  }
  const write = (v: number, i: number) =>
    formatWithSpec(v, spec, fn, `options.rows[${i}].value`) as string;
  const seen = new Set<string>();
  const rows = options.rows.map((r, i) => {
    const at = `options.rows[${i}]`;
    checkObject(fn, at, r, "{ label, value }", ["label", "value", "group"]);
    const label = checkText(fn, `${at}.label`, r.label, true) as string;
    const value = numbers(fn, `${at}.value`, [r.value])[0] as number;
    const group = r.group === undefined
      ? undefined
      : checkText(fn, `${at}.group`, r.group, true);
    const key = JSON.stringify([label, group ?? null]);
    if (seen.has(key)) {
      throw new RangeError(
        `${fn}(): ${at} repeats the bar ${label}${
          group === undefined ? "" : ` (group ${group})`
        }; each label and group once`,
      );
    }
    seen.add(key);
    return { label, value, group, text: write(value, i) };
  });
  const grouped = rows.some((r) => r.group !== undefined);
  const groups = [...new Set(rows.map((r) => r.group ?? ""))];
  const labels = [...new Set(rows.map((r) => r.label))];
  const groupCols = colours(groups.map((g) => ({ label: g || "estimate" })));
  const colourOf = (g: string | undefined) =>
    grouped ? groupCols[groups.indexOf(g ?? "")] as string : palette.estimate;
  const values = rows.map((r) => r.value);
  const xDomain = extent([...values, 0], 0.12, false);
  const bandLabels = grouped ? groups : labels;
  const perBand = 26;
  const height = c.height ??
    Math.max(
      120,
      MARGIN_TOP + MARGIN_BOTTOM + perBand * rows.length +
        (grouped ? 10 * labels.length : 0),
    );
  const marks: Plot.Markish[] = [];
  for (const r of rows) {
    const y = grouped ? (r.group ?? "") : r.label;
    const datum = [{ ...r, y }];
    marks.push(
      Plot.barX(datum, {
        x1: 0,
        x2: "value",
        y: "y",
        ...(grouped ? { fy: "label" } : {}),
        fill: colourOf(r.group),
      }),
      Plot.text(datum, {
        x: "value",
        y: "y",
        ...(grouped ? { fy: "label" } : {}),
        text: "text",
        textAnchor: r.value < 0 ? "end" : "start",
        dx: r.value < 0 ? -4 : 4,
        fill: "currentColor",
      }),
    );
  }
  marks.push(Plot.ruleX([0]));
  return plot({
    ...frame(c, height),
    marginLeft: labelMargin(bandLabels),
    marginRight: grouped ? labelMargin(labels) : 20,
    x: { label: xLabel, domain: xDomain, grid: true },
    y: { label: yLabel ?? null, domain: bandLabels, padding: 0.2 },
    ...(grouped ? { fy: { label: null, domain: labels } } : {}),
    marks: [...marks, ...c.marks],
  });
}
