/**
 * The chart helpers' option checks (private to the chart modules gathered by
 * `lib/charts.ts`): the options every chart takes, strict as the validation layer's
 * `checkOptions` (unknown keys refused by name, own properties only), labels, sizes and
 * numbers.
 *
 * @module
 */

import type { Plot } from "./plot.ts";
import {
  checkOptions,
  describe,
  isArrayLike,
  toFloat64Array,
} from "./_args.ts";

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

const COMMON = ["title", "caption", "height", "width", "marks"];

/** `Array.isArray`, false for a revoked Proxy instead of an engine error. */
export function isArray(v: unknown): v is unknown[] {
  return isArrayLike(v) && Array.isArray(v);
}

/**
 * A plain object of options whose keys are all in `keys` (and the common ones),
 * returned as a copy of its own properties: read options from the copy only, so
 * that a key on Object.prototype changes nothing.
 */
export function checkObject<T>(
  fn: string,
  name: string,
  v: T,
  example: string,
  keys: string[],
): T {
  return checkOptions(
    fn,
    v,
    name === "options" ? [...COMMON, ...keys] : keys,
    name,
    example,
  );
}

export function checkText(
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

export function checkSize(
  fn: string,
  name: string,
  v: unknown,
): number | undefined {
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

export function checkMarks(fn: string, v: unknown): Plot.Markish[] {
  if (v === undefined) return [];
  if (!isArray(v)) {
    throw new TypeError(
      `${fn}(): marks must be an array of Plot marks (received ${describe(v)})`,
    );
  }
  return v as Plot.Markish[];
}

export interface Common {
  title: string | undefined;
  caption: string | undefined;
  height: number | undefined;
  width: number;
  marks: Plot.Markish[];
}

export function common(fn: string, o: Record<string, unknown>): Common {
  return {
    title: checkText(fn, "title", o.title, false),
    caption: checkText(fn, "caption", o.caption, false),
    height: checkSize(fn, "height", o.height),
    width: checkSize(fn, "width", o.width) ?? 640,
    marks: checkMarks(fn, o.marks),
  };
}

export function numbers(
  fn: string,
  name: string,
  v: unknown,
  allowNonFinite = false,
): number[] {
  return Array.from(toFloat64Array(fn, name, v, { allowNonFinite }));
}
