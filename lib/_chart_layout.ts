/**
 * The chart helpers' layout (private to the chart modules gathered by
 * `lib/charts.ts`): the shared frame, colours by label, axis extents and log ticks,
 * margins sized to their labels, and direct labels moved apart so none overlaps.
 *
 * @module
 */

import { Plot } from "./plot.ts";
import { palette } from "./palette.ts";
import { fmt } from "./format.ts";
import type { Common } from "./_chart_options.ts";

const FONT_SIZE = 12;
/** Approximate width of one character of chart text, in pixels. */
const CHAR_WIDTH = 7.6;
export const MARGIN_TOP = 28;
export const MARGIN_BOTTOM = 40;
/** Smallest vertical distance between two direct labels, in pixels. */
const LABEL_GAP = 14;
export const DASH = "6,4";

/** The Plot options every chart shares: size, text size, title and caption. */
export function frame(c: Common, height: number): Plot.PlotOptions {
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
export function colours(
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
export function logAxis(domain: [number, number]): {
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
export function colourAt(xs: readonly string[], i: number): string {
  return xs[i] ?? "currentColor";
}

/** An axis domain from data, padded by `pad` of its span (a point gets a unit span). */
export function extent(
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

export interface EndLabel {
  x: number;
  y: number;
  text: string;
  color: string;
}

/**
 * Direct labels at line ends, moved apart vertically so that none overlaps another:
 * positions are computed in pixels from the y domain the chart is given.
 */
export function endLabels(
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

/**
 * A left margin wide enough for the y axis's tick labels, as Plot formats them
 * (thousands separators, a minus sign): at least Plot's default of 40 px.
 */
export function tickMargin(domain: readonly number[]): number {
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
export function logTickMargin(domain: [number, number]): number {
  const { ticks, tickFormat } = logAxis(domain);
  const widest = Math.max(0, ...ticks.map((t) => tickFormat(t).length));
  return Math.max(40, Math.ceil(widest * CHAR_WIDTH * 0.85 + 14));
}

/** Room for the longest label beside the plot, in pixels. */
export function labelMargin(texts: string[]): number {
  return Math.max(
    20,
    Math.ceil(Math.max(0, ...texts.map((t) => t.length)) * CHAR_WIDTH + 16),
  );
}
