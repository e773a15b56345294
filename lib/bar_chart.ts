/**
 * Small comparisons as labelled horizontal bars: {@link barChart}, one of the chart
 * helpers gathered by `lib/charts.ts`.
 *
 * @module
 */

import { Plot, plot } from "./plot.ts";
import { palette } from "./palette.ts";
import { formatWithSpec } from "./_format_spec.ts";
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
  colours,
  extent,
  frame,
  labelMargin,
  MARGIN_BOTTOM,
  MARGIN_TOP,
} from "./_chart_layout.ts";

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
  /** How the value is written at each bar's end: a `fmt` spec (`format.ts`). Defaults to ".3g". */
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
 * @param options.format The values' format spec, as in `fmt` (`format.ts`); defaults to ".3g".
 * @returns The chart, as {@link plot} returns it.
 * @throws {TypeError} If an option has the wrong type or a label is missing.
 * @throws {RangeError} If `rows` is empty, a value is not finite, a (label, group)
 *   repeats, or the format is not a spec.
 *
 * @example MSE of two estimators
 * ```ts
 * import { barChart } from "./bar_chart.ts";
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
  options = checkObject(
    fn,
    "options",
    options,
    "{ rows: [{ label, value }], xLabel }",
    [
      "rows",
      "xLabel",
      "yLabel",
      "format",
    ],
  );
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
    r = checkObject(fn, at, r, "{ label, value }", ["label", "value", "group"]);
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
