/**
 * Checks a notebook states its claims with: {@link assertNear} for statistical claims
 * (a tolerance from theory, in standard errors), {@link assertClose} for numeric
 * agreement (numpy's `isclose`), and {@link atArticleSettings} for pins of the
 * article's printed numbers, which hold only at the article's seed and sizes.
 *
 * A failed check throws node's `AssertionError`, which fails the cell in Jupyter and
 * the test in `deno test`; its message names what was checked, the values and the
 * tolerance.
 *
 * @module
 */

import { AssertionError } from "node:assert";
import { isDeepStrictEqual } from "node:util";
import { show } from "./display.ts";
import { checkOptions, describe, isArrayLike, isPlainObject } from "./_args.ts";
import { fmt } from "./format.ts";

/** A parameter value as the skip line prints it: `42`, `"adam"`, `[1, 2]`. */
function valueText(v: unknown): string {
  if (typeof v === "string") return JSON.stringify(v);
  if (isArrayLike(v)) {
    return `[${Array.from(v, valueText).join(", ")}]`;
  }
  return String(v);
}

function checkSettings(
  fn: string,
  current: unknown,
  article: unknown,
): asserts current is Record<string, unknown> {
  if (!isPlainObject(current)) {
    throw new TypeError(
      `${fn}(): current must be an object of this run's parameters, e.g. { seed, n } (received ${
        describe(current)
      })`,
    );
  }
  if (!isPlainObject(article)) {
    throw new TypeError(
      `${fn}(): article must be an object of the article's parameters, e.g. { seed: 42, n: 100 } (received ${
        describe(article)
      })`,
    );
  }
  const keys = Object.keys(article);
  if (keys.length === 0) {
    throw new RangeError(
      `${fn}(): article must name at least one parameter (received an empty object)`,
    );
  }
  const missing = keys.filter((k) => !(k in current));
  if (missing.length > 0) {
    throw new RangeError(
      `${fn}(): current has no value for ${
        missing.join(", ")
      } (article's parameters: ${keys.join(", ")}; current's: ${
        Object.keys(current).join(", ") || "none"
      })`,
    );
  }
}

/**
 * Whether this run uses the article's settings: every key of `article` has the same
 * value in `current` (numbers, strings, arrays compared by value).
 *
 * In a notebook use {@link atArticleSettings}, which also says why a pin is skipped.
 *
 * @param current This run's parameters, e.g. `{ seed, n }`.
 * @param article The parameters at which the article's numbers were printed.
 * @returns `true` when every key of `article` equals `current`'s, else `false`.
 * @throws {TypeError} If either argument is not a plain object.
 * @throws {RangeError} If `article` is empty or names a key `current` lacks.
 *
 * @example
 * ```ts
 * import { articleSettings } from "./checks.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(articleSettings({ seed: 42, n: 100 }, { seed: 42, n: 100 }), true);
 * assert.equal(articleSettings({ seed: 7, n: 100 }, { seed: 42, n: 100 }), false);
 * assert.equal(articleSettings({ w: [1, 2] }, { w: [1, 2] }), true);
 * ```
 */
export function articleSettings(
  current: Record<string, unknown>,
  article: Record<string, unknown>,
): boolean {
  checkSettings("articleSettings", current, article);
  return Object.keys(article).every((k) =>
    isDeepStrictEqual(current[k], article[k])
  );
}

/**
 * Whether this run uses the article's settings, as {@link articleSettings}; when it
 * does not, shows one line saying the article's pins are skipped and why:
 * `Skipped: the article's printed numbers hold at seed = 42, n = 100 (this run: seed = 7, n = 500).`
 *
 * @param current This run's parameters, e.g. `{ seed, n }`.
 * @param article The parameters at which the article's numbers were printed.
 * @returns A promise of `true` at the article's settings, else `false` (after showing
 *   the line).
 * @throws {TypeError} If either argument is not a plain object (the promise rejects).
 * @throws {RangeError} If `article` is empty or names a key `current` lacks (the
 *   promise rejects).
 *
 * @example Pins that hold only at the article's seed
 * ```ts
 * import { atArticleSettings } from "./checks.ts";
 * import assert from "node:assert/strict";
 *
 * const seed = 7, n = 500;
 * if (await atArticleSettings({ seed, n }, { seed: 42, n: 100 })) {
 *   assert.equal(n, 100); // not reached: prints the "Skipped: ..." line instead
 * }
 * ```
 */
export async function atArticleSettings(
  current: Record<string, unknown>,
  article: Record<string, unknown>,
): Promise<boolean> {
  checkSettings("atArticleSettings", current, article);
  if (articleSettings(current, article)) return true;
  const list = (o: Record<string, unknown>) =>
    Object.keys(article).map((k) => `${k} = ${valueText(o[k])}`).join(", ");
  await show(
    `Skipped: the article's printed numbers hold at ${
      list(article)
    } (this run: ${list(current)}).`,
  );
  return false;
}

// ---------------------------------------------------------------------------------
// Assertions

/** A number, or an array (or typed array) of numbers, compared element-wise. */
export type Numbers = number | ArrayLike<number>;

/** `x` as an array of numbers (a scalar as one element); validates the kind. */
function numbers(
  fn: string,
  name: string,
  x: unknown,
  allowInfinite: boolean,
): number[] {
  let xs: number[];
  if (typeof x === "number") xs = [x];
  else if (isArrayLike(x)) {
    xs = Array.from(x as ArrayLike<unknown>) as number[];
    if (xs.length === 0) {
      throw new RangeError(
        `${fn}(): ${name} must not be empty: there is nothing to compare (received ${
          describe(x)
        })`,
      );
    }
  } else {
    throw new TypeError(
      `${fn}(): ${name} must be a number or an array of numbers (received ${
        describe(x)
      })`,
    );
  }
  xs.forEach((v, i) => {
    const at = typeof x === "number" ? name : `${name}[${i}]`;
    if (typeof v !== "number") {
      throw new TypeError(
        `${fn}(): ${at} must be a number (received ${describe(v)})`,
      );
    }
    if (Number.isNaN(v) || (!allowInfinite && !Number.isFinite(v))) {
      throw new RangeError(
        `${fn}(): ${at} must be ${
          allowInfinite ? "a number, not NaN," : "a finite number"
        } (received ${describe(v)}); a NaN is never near anything`,
      );
    }
  });
  return xs;
}

/** Pairs `actual` with `expected`, broadcasting a scalar against an array. */
function pairs(
  fn: string,
  a: number[],
  b: number[],
  actual: unknown,
): { a: number; b: number; i: number | undefined }[] {
  const scalar = typeof actual === "number" && a.length === 1;
  if (a.length !== b.length && b.length !== 1 && a.length !== 1) {
    throw new RangeError(
      `${fn}(): actual and expected must have the same length, or one be a number (received lengths ${a.length} and ${b.length})`,
    );
  }
  const n = Math.max(a.length, b.length);
  return Array.from({ length: n }, (_, i) => ({
    a: a.length === 1 ? a[0] as number : a[i] as number,
    b: b.length === 1 ? b[0] as number : b[i] as number,
    i: scalar && b.length === 1 ? undefined : i,
  }));
}

function checkWhat(fn: string, what: unknown): string {
  if (typeof what !== "string" || what.trim() === "") {
    throw new TypeError(
      `${fn}(): options.what must be a non-empty string saying what is checked, e.g. "mean of 10,000 draws" (received ${
        describe(what)
      })`,
    );
  }
  return what;
}

function checkPositive(
  fn: string,
  name: string,
  v: unknown,
  allowZero: boolean,
): number {
  if (typeof v !== "number") {
    throw new TypeError(
      `${fn}(): ${name} must be a number (received ${describe(v)})`,
    );
  }
  if (!Number.isFinite(v) || v < 0 || (!allowZero && v === 0)) {
    throw new RangeError(
      `${fn}(): ${name} must be a finite number ${
        allowZero ? ">= 0" : "> 0"
      } (received ${describe(v)})`,
    );
  }
  return v;
}

/** Options of {@link assertNear}. */
export interface NearOptions {
  /** The standard error of `actual` (from theory), > 0; a number or one per element. */
  se: number | ArrayLike<number>;
  /** How many standard errors are allowed. Defaults to 5. */
  z?: number;
  /** What is checked, for the message: `"mean of 10,000 draws"`. */
  what: string;
}

/**
 * Asserts a statistical claim: `|actual - expected| <= z * se`, with the standard
 * error `se` derived from theory (for a sample mean, `σ / √n`). At `z = 5` a correct
 * claim fails about once in 1.7 million runs, whatever the seed.
 *
 * `actual` and `expected` may be numbers or arrays of the same length (or one of them
 * a number); `se` a number or one per element.
 *
 * @param actual The estimate (e.g. a Monte Carlo mean).
 * @param expected What theory says it should be near.
 * @param options.se The standard error of `actual`: finite and > 0.
 * @param options.z The tolerance in standard errors: finite and > 0. Defaults to 5.
 * @param options.what What is checked, named in the message.
 * @throws {AssertionError} (node:assert's) If `|actual - expected| > z * se`; the
 *   message names `what`, both values, the difference, the tolerance and z.
 * @throws {TypeError} If an argument has the wrong type or `what` is empty.
 * @throws {RangeError} If a value is NaN or infinite, `se` or `z` is not > 0, or the
 *   lengths differ.
 *
 * @example The mean of uniform draws is near 1/2
 * ```ts
 * import { assertNear } from "./checks.ts";
 * import assert from "node:assert/strict";
 *
 * const n = 10_000, mean = 0.5031; // a simulated mean
 * assertNear(mean, 0.5, { se: Math.sqrt(1 / 12 / n), what: "mean of U(0, 1) draws" });
 * assert.throws(
 *   () => assertNear(0.53, 0.5, { se: Math.sqrt(1 / 12 / n), what: "mean of U(0, 1) draws" }),
 *   { name: "AssertionError", message: /mean of U\(0, 1\) draws: .* 10\.4 standard errors/ },
 * );
 * ```
 */
export function assertNear(
  actual: Numbers,
  expected: Numbers,
  options: NearOptions,
): void {
  const fn = "assertNear";
  const a = numbers(fn, "actual", actual, false);
  const b = numbers(fn, "expected", expected, false);
  checkOptions(
    fn,
    options,
    ["se", "z", "what"],
    "options",
    '{ se: sigma / Math.sqrt(n), what: "..." }',
  );
  const ses = numbers(fn, "options.se", options.se, false);
  ses.forEach((s, i) =>
    checkPositive(
      fn,
      ses.length === 1 ? "options.se" : `options.se[${i}]`,
      s,
      false,
    )
  );
  const z = options.z === undefined
    ? 5
    : checkPositive(fn, "options.z", options.z, false);
  const what = checkWhat(fn, options.what);
  const ps = pairs(fn, a, b, actual);
  if (ses.length !== 1 && ses.length !== ps.length) {
    throw new RangeError(
      `${fn}(): options.se must be a number or have one entry per element (received length ${ses.length} for ${ps.length} elements)`,
    );
  }
  const bad = ps.map((p, k) => ({
    ...p,
    se: ses.length === 1 ? ses[0] as number : ses[k] as number,
  }))
    .filter((p) => !(Math.abs(p.a - p.b) <= z * p.se));
  if (bad.length === 0) return;
  const first = bad[0] as (typeof bad)[number];
  const diff = Math.abs(first.a - first.b);
  const at = first.i === undefined ? "" : `[${first.i}]`;
  const others = bad.length > 1
    ? ` (${bad.length} of ${ps.length} elements are off; the first is shown)`
    : "";
  throw new AssertionError({
    message: fmt`${what}${at}: ${first.a} is ${
      diff / first.se
    }:.3g standard errors from ${first.b}, more than z = ${z} allows (|difference| = ${diff}:.4g, tolerance z × se = ${z} × ${first.se}:.4g = ${
      z * first.se
    }:.4g)${others}`,
    actual,
    expected,
    operator: "assertNear",
  });
}

/** Options of {@link assertClose}. */
export interface CloseOptions {
  /** Relative tolerance, >= 0. Defaults to 1e-12. */
  rtol?: number;
  /** Absolute tolerance, >= 0. Defaults to 0. */
  atol?: number;
  /** What is checked, for the message: `"OLS slope against numpy"`. */
  what: string;
}

/**
 * Asserts numeric agreement with numpy's `isclose` rule:
 * `|actual - expected| <= atol + rtol * |expected|` for every element. Equal
 * infinities are close; NaN is refused (it is never close to anything).
 *
 * @param actual The computed value(s).
 * @param expected The reference value(s): a number or an array of the same length.
 * @param options.rtol Relative tolerance, >= 0. Defaults to 1e-12.
 * @param options.atol Absolute tolerance, >= 0. Defaults to 0 (so comparing with an
 *   expected 0 needs an `atol`, as in numpy).
 * @param options.what What is checked, named in the message.
 * @throws {AssertionError} (node:assert's) If an element is not close; the message
 *   names `what`, the element, both values, the difference and the tolerance.
 * @throws {TypeError} If an argument has the wrong type or `what` is empty.
 * @throws {RangeError} If a value is NaN, a tolerance is negative or not finite, or the
 *   lengths differ.
 *
 * @example Agreement with a closed form
 * ```ts
 * import { assertClose } from "./checks.ts";
 * import assert from "node:assert/strict";
 *
 * assertClose(0.1 + 0.2, 0.3, { what: "0.1 + 0.2" }); // within 1e-12 relative
 * assertClose([1, 2.0000001], [1, 2], { rtol: 1e-6, what: "weights" });
 * assert.throws(
 *   () => assertClose([1, 2.1], [1, 2], { rtol: 1e-6, what: "weights" }),
 *   { name: "AssertionError", message: /^weights\[1\]: 2\.1 is not close to 2/ },
 * );
 * ```
 */
export function assertClose(
  actual: Numbers,
  expected: Numbers,
  options: CloseOptions,
): void {
  const fn = "assertClose";
  const a = numbers(fn, "actual", actual, true);
  const b = numbers(fn, "expected", expected, true);
  checkOptions(
    fn,
    options,
    ["rtol", "atol", "what"],
    "options",
    '{ rtol: 1e-9, what: "..." }',
  );
  const rtol = options.rtol === undefined
    ? 1e-12
    : checkPositive(fn, "options.rtol", options.rtol, true);
  const atol = options.atol === undefined
    ? 0
    : checkPositive(fn, "options.atol", options.atol, true);
  const what = checkWhat(fn, options.what);
  const ps = pairs(fn, a, b, actual);
  // numpy: a non-finite value is close only to itself.
  const close = (x: number, y: number) =>
    Number.isFinite(x) && Number.isFinite(y)
      ? Math.abs(x - y) <= atol + rtol * Math.abs(y)
      : x === y;
  const bad = ps.filter((p) => !close(p.a, p.b));
  if (bad.length === 0) return;
  const first = bad[0] as (typeof bad)[number];
  const at = first.i === undefined ? "" : `[${first.i}]`;
  const others = bad.length > 1
    ? ` (${bad.length} of ${ps.length} elements are not close; the first is shown)`
    : "";
  throw new AssertionError({
    message:
      fmt`${what}${at}: ${first.a} is not close to ${first.b} (|difference| = ${
        Math.abs(first.a - first.b)
      }:.4g > atol + rtol × |expected| = ${atol} + ${rtol} × ${
        Math.abs(first.b)
      }:.4g = ${atol + rtol * Math.abs(first.b)}:.4g)${others}`,
    actual,
    expected,
    operator: "assertClose",
  });
}
