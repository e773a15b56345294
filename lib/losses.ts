/**
 * Loss functions with PyTorch's semantics: the cross-entropy family
 * (`binaryCrossEntropy`, `binaryCrossEntropyWithLogits`, `crossEntropy`), the
 * regression losses (`mse`, `mae`, `huber`) and the numerically stable building
 * blocks they rest on (`logSumExp`, `logSoftmax`, `softmax`, `sigmoid`).
 *
 * Every loss takes a `reduction` option as PyTorch does: `"mean"` (the default)
 * and `"sum"` return a number, `"none"` returns the per-sample losses as a
 * `Float64Array`.
 *
 * Each function is the negative log-likelihood of a distribution in
 * `distributions.ts`: binary cross-entropy is the Bernoulli NLL, cross-entropy the
 * categorical NLL, the mean squared error the Gaussian NLL up to constants, the mean
 * absolute error the Laplace NLL up to constants.
 *
 * @module
 */

import {
  checkBoolean,
  checkFinite,
  checkInteger,
  checkNonNegative,
  checkOptions,
  checkPositive,
  checkProbability,
  checkSameLength,
  describe,
  isArrayLike,
  type NumericArray,
  parseRows,
  toFloat64Array,
} from "./_validate.ts";

/**
 * How per-sample losses are combined, as in PyTorch: `"mean"` averages them (for
 * `crossEntropy`, a weighted average), `"sum"` adds them, `"none"` returns them all.
 */
export type Reduction = "mean" | "sum" | "none";

/** The `reduction` option shared by every loss. */
export interface ReductionOptions {
  /** How per-sample losses are combined. Defaults to `"mean"`. */
  reduction?: Reduction;
}

/**
 * Class scores, one row per sample: an array of rows (all of the same length) or a
 * row-major matrix `{ rows, cols, data }` such as `Matrix` from `linalg.ts`.
 */
export type Logits =
  | ReadonlyArray<ArrayLike<number>>
  | {
    readonly rows: number;
    readonly cols: number;
    readonly data: ArrayLike<number>;
  };

// ---------------------------------------------------------------------------
// Stable building blocks
// ---------------------------------------------------------------------------

/**
 * Index of the largest value in `x[off, off + len)` (first one on ties). `len >= 1`.
 */
function argmax(x: Float64Array, off: number, len: number): number {
  let best = off;
  for (let i = off + 1; i < off + len; i++) {
    if (x[i]! > x[best]!) best = i;
  }
  return best;
}

/**
 * `log1p(sum_{i != argmax} exp(x_i - max))` over `x[off, off + len)`, so that
 * `logSumExp = max + tail`. Every exponent is at most 0: nothing overflows.
 */
function logSumExpTail(
  x: Float64Array,
  off: number,
  len: number,
  iMax: number,
): number {
  const m = x[iMax]!;
  let s = 0;
  for (let i = off; i < off + len; i++) {
    if (i !== iMax) s += Math.exp(x[i]! - m);
  }
  return Math.log1p(s);
}

/**
 * Writes `log softmax` of `x[off, off + len)` into `out[off, off + len)`.
 * Computed as `(x_c - max) - log1p(sum_{i != argmax} exp(x_i - max))`: no overflow,
 * and the log-probability of the largest score keeps full relative precision even
 * when it is tiny.
 */
function logSoftmaxInto(
  x: Float64Array,
  off: number,
  len: number,
  out: Float64Array,
): void {
  const iMax = argmax(x, off, len);
  const m = x[iMax]!;
  const tail = logSumExpTail(x, off, len, iMax);
  for (let i = off; i < off + len; i++) out[i] = (x[i]! - m) - tail;
}

/**
 * The log of the sum of exponentials, `log(Σ exp(x_i))`, computed without overflow
 * as `max + log1p(Σ_{i ≠ argmax} exp(x_i - max))` (every exponent is at most 0).
 *
 * @param x At least one finite value.
 * @returns `log Σ exp(x_i)`; finite for any finite input, e.g. `logSumExp([1e4, 1e4])`
 *   is `1e4 + log 2`.
 * @throws {TypeError} If `x` is not an array of numbers.
 * @throws {RangeError} If `x` is empty or holds a non-finite value.
 *
 * @example Large scores do not overflow
 * ```ts
 * import { logSumExp } from "./losses.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(logSumExp([0, 0]), Math.LN2);
 * assert.equal(logSumExp([1e4, 1e4]), 1e4 + Math.LN2);
 * assert.equal(Math.log(Math.exp(1e4) + Math.exp(1e4)), Infinity); // the naive way
 * ```
 */
export function logSumExp(x: NumericArray): number {
  const v = toFloat64Array("logSumExp", "x", x);
  const iMax = argmax(v, 0, v.length);
  return v[iMax]! + logSumExpTail(v, 0, v.length, iMax);
}

/**
 * Log-probabilities of a row of class scores: `x_c - logSumExp(x)`, computed
 * without overflow for any finite scores.
 *
 * @param row Class scores (logits); at least one finite value.
 * @returns A new `Float64Array` of log-probabilities (all ≤ 0; their exponentials
 *   sum to 1).
 * @throws {TypeError} If `row` is not an array of numbers.
 * @throws {RangeError} If `row` is empty or holds a non-finite value.
 *
 * @example
 * ```ts
 * import { logSoftmax } from "./losses.ts";
 * import assert from "node:assert/strict";
 *
 * const lp = logSoftmax([1e4, 0, -1e4]);
 * assert.deepEqual(Array.from(lp), [0, -1e4, -2e4]);
 * assert.equal(logSoftmax([0, 0])[0], -Math.LN2);
 * ```
 */
export function logSoftmax(row: NumericArray): Float64Array {
  const v = toFloat64Array("logSoftmax", "row", row);
  const out = new Float64Array(v.length);
  logSoftmaxInto(v, 0, v.length, out);
  return out;
}

/**
 * Probabilities from a row of class scores: `exp(x_c) / Σ exp(x_i)`, computed as
 * `exp(x_c - max) / Σ exp(x_i - max)` so that no exponential overflows.
 *
 * @param row Class scores (logits); at least one finite value.
 * @returns A new `Float64Array` of probabilities summing to 1 (up to rounding).
 * @throws {TypeError} If `row` is not an array of numbers.
 * @throws {RangeError} If `row` is empty or holds a non-finite value.
 *
 * @example The naive formula overflows; this one does not
 * ```ts
 * import { softmax } from "./losses.ts";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual(Array.from(softmax([1e4, 1e4])), [0.5, 0.5]);
 * assert.ok(Number.isNaN(Math.exp(1e4) / (Math.exp(1e4) + Math.exp(1e4))));
 * ```
 */
export function softmax(row: NumericArray): Float64Array {
  const v = toFloat64Array("softmax", "row", row);
  const m = v[argmax(v, 0, v.length)]!;
  const out = new Float64Array(v.length);
  let s = 0;
  for (let i = 0; i < v.length; i++) {
    const e = Math.exp(v[i]! - m);
    out[i] = e;
    s += e;
  }
  for (let i = 0; i < v.length; i++) out[i] = out[i]! / s;
  return out;
}

function sigmoidScalar(x: number): number {
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x);
  return e / (1 + e);
}

/**
 * The logistic function `σ(x) = 1 / (1 + e^{-x})`, evaluated stably: for `x < 0` as
 * `e^x / (1 + e^x)`, so no exponential overflows and tiny probabilities keep their
 * relative precision (`σ(-800)` is `e^{-800}` underflowed to 0, `σ(-40)` is
 * `4.248…e-18`, not 0).
 *
 * @param x A finite number, or an array of them.
 * @returns `σ(x)` in [0, 1]; a new `Float64Array` when `x` is an array.
 * @throws {TypeError} If `x` is not a number or an array of numbers.
 * @throws {RangeError} If `x` is (or holds) a non-finite value.
 *
 * @example
 * ```ts
 * import { sigmoid } from "./losses.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(sigmoid(0), 0.5);
 * assert.equal(sigmoid(1e4), 1);
 * assert.equal(sigmoid(-40), Math.exp(-40) / (1 + Math.exp(-40)));
 * assert.deepEqual(Array.from(sigmoid([0, 0])), [0.5, 0.5]);
 * ```
 */
export function sigmoid(x: number): number;
export function sigmoid(x: NumericArray): Float64Array;
export function sigmoid(x: number | NumericArray): number | Float64Array {
  if (typeof x === "number") {
    return sigmoidScalar(checkFinite("sigmoid", "x", x));
  }
  const v = toFloat64Array("sigmoid", "x", x);
  const out = new Float64Array(v.length);
  for (let i = 0; i < v.length; i++) out[i] = sigmoidScalar(v[i]!);
  return out;
}

// ---------------------------------------------------------------------------
// Reductions
// ---------------------------------------------------------------------------

function checkReduction(fn: string, value: unknown): Reduction {
  if (value === "mean" || value === "sum" || value === "none") return value;
  const msg = `${fn}(): reduction must be "mean", "sum" or "none" (received ${
    describe(value)
  })`;
  throw typeof value === "string" ? new RangeError(msg) : new TypeError(msg);
}

// Not stats.ts's `sum`: a loss may legitimately be Infinity (binaryCrossEntropy with
// eps 0), which `sum` rejects as invalid input.
function sumOf(v: Float64Array): number {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i]!;
  return s;
}

/** Applies a reduction to per-sample losses; `"mean"` divides by `denominator`. */
function reduce(
  losses: Float64Array,
  reduction: Reduction,
  denominator: number = losses.length,
): number | Float64Array {
  if (reduction === "none") return losses;
  const s = sumOf(losses);
  return reduction === "sum" ? s : s / denominator;
}

// ---------------------------------------------------------------------------
// Binary cross-entropy
// ---------------------------------------------------------------------------

/** Options of {@link binaryCrossEntropy}. */
export interface BinaryCrossEntropyOptions extends ReductionOptions {
  /**
   * Probabilities are clipped to `[eps, 1 - eps]` before the logarithm, as in the
   * article and scikit-learn's historical `log_loss`. Must lie in [0, 0.5).
   * Defaults to `1e-15`, or to `0` (no clipping) when `clampLog` is true.
   */
  eps?: number;
  /**
   * Clamp each logarithm at -100 as PyTorch's `BCELoss` does, so a confident wrong
   * prediction costs at most 100 instead of infinity. Defaults to false.
   */
  clampLog?: boolean;
}

/**
 * Binary cross-entropy on probabilities (the Bernoulli negative log-likelihood):
 * `ℓ_i = -[y_i log p_i + (1 - y_i) log(1 - p_i)]`, reduced as asked.
 *
 * Two ways of keeping `ℓ_i` finite when `p_i` is 0 or 1:
 * - default: clip `p_i` to `[eps, 1 - eps]` with `eps = 1e-15` (the article's choice);
 *   a confident wrong prediction then costs `-log(1e-15) ≈ 34.54`.
 * - `clampLog: true`: PyTorch's `BCELoss` — no clipping (unless `eps` is also given),
 *   each logarithm clamped at -100.
 *
 * With `eps: 0` and `clampLog: false` the loss is exact and may be `Infinity`. A term
 * whose coefficient is 0 counts 0 (the convention `0 · log 0 = 0`, as
 * `scipy.special.xlogy`). `log(1 - p)` is evaluated as `log1p(-p)`. Targets may be soft
 * labels in [0, 1], as in PyTorch. For raw scores use
 * {@link binaryCrossEntropyWithLogits}, which is exact without clipping.
 *
 * @param yTrue Targets in [0, 1] (usually 0 or 1).
 * @param yProb Predicted probabilities `P(y = 1)` in [0, 1], same length.
 * @param options.eps Clipping margin in [0, 0.5). Defaults to `1e-15` (`0` with `clampLog`).
 * @param options.clampLog Clamp logarithms at -100 like PyTorch. Defaults to false.
 * @param options.reduction `"mean"` (default), `"sum"` or `"none"`.
 * @returns The reduced loss, or the per-sample losses for `reduction: "none"`.
 * @throws {TypeError} If an argument has the wrong type.
 * @throws {RangeError} If the inputs are empty or differ in length, a target or
 *   probability lies outside [0, 1] (or is NaN), `eps` is outside [0, 0.5), or
 *   `reduction` is unknown.
 * @throws {TypeError} If `options` has a key other than those documented above: a
 *   misspelt option is refused by name, never silently ignored.
 *
 * @example The article's five predictions
 * ```ts
 * import { binaryCrossEntropy } from "./losses.ts";
 * import assert from "node:assert/strict";
 *
 * const loss = binaryCrossEntropy([1, 0, 1, 1, 0], [0.9, 0.1, 0.8, 0.7, 0.3]);
 * assert.equal(loss.toFixed(6), "0.229443");
 * // A certain, wrong prediction: clipped, PyTorch-clamped, exact.
 * assert.equal(binaryCrossEntropy([1], [0]), -Math.log(1e-15));
 * assert.equal(binaryCrossEntropy([1], [0], { clampLog: true }), 100);
 * assert.equal(binaryCrossEntropy([1], [0], { eps: 0 }), Infinity);
 * ```
 */
export function binaryCrossEntropy(
  yTrue: NumericArray,
  yProb: NumericArray,
  options: BinaryCrossEntropyOptions & { reduction: "none" },
): Float64Array;
export function binaryCrossEntropy(
  yTrue: NumericArray,
  yProb: NumericArray,
  options?: BinaryCrossEntropyOptions & { reduction?: "mean" | "sum" },
): number;
export function binaryCrossEntropy(
  yTrue: NumericArray,
  yProb: NumericArray,
  options?: BinaryCrossEntropyOptions,
): number | Float64Array;
export function binaryCrossEntropy(
  yTrue: NumericArray,
  yProb: NumericArray,
  options: BinaryCrossEntropyOptions = {},
): number | Float64Array {
  const fn = "binaryCrossEntropy";
  const y = toFloat64Array(fn, "yTrue", yTrue);
  const p = toFloat64Array(fn, "yProb", yProb);
  checkSameLength(fn, "yTrue", y, "yProb", p);
  const o = checkOptions(fn, options, ["eps", "clampLog", "reduction"]);
  const clampLog = checkBoolean(fn, "clampLog", o.clampLog ?? false);
  const eps = checkNonNegative(fn, "eps", o.eps ?? (clampLog ? 0 : 1e-15));
  if (!(eps < 0.5)) {
    throw new RangeError(
      `${fn}(): eps must be less than 0.5 (received ${describe(eps)})`,
    );
  }
  const reduction = checkReduction(fn, o.reduction ?? "mean");
  for (let i = 0; i < y.length; i++) {
    checkProbability(fn, `yTrue[${i}]`, y[i]);
    checkProbability(fn, `yProb[${i}]`, p[i]);
  }
  const lo = eps;
  const hi = 1 - eps;
  const out = new Float64Array(y.length);
  for (let i = 0; i < y.length; i++) {
    const yi = y[i]!;
    const pi = Math.min(Math.max(p[i]!, lo), hi);
    let logP = Math.log(pi);
    let log1mP = Math.log1p(-pi);
    if (clampLog) {
      logP = Math.max(logP, -100);
      log1mP = Math.max(log1mP, -100);
    }
    const a = yi === 0 ? 0 : yi * logP;
    const b = yi === 1 ? 0 : (1 - yi) * log1mP;
    out[i] = 0 - (a + b);
  }
  return reduce(out, reduction);
}

/** Options of {@link binaryCrossEntropyWithLogits}. */
export interface BinaryCrossEntropyWithLogitsOptions extends ReductionOptions {
  /**
   * Weight of the positive class, PyTorch's `pos_weight`: one number, or one per
   * sample. Values > 1 raise recall, < 1 raise precision. Defaults to 1.
   */
  posWeight?: number | NumericArray;
}

/** `softplus(z) = log(1 + e^z)`, stably: `max(z, 0) + log1p(e^{-|z|})`. */
function softplus(z: number): number {
  return Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z)));
}

/**
 * Binary cross-entropy on raw scores (logits), PyTorch's `BCEWithLogitsLoss`:
 * `ℓ_i = -[w_p y_i log σ(x_i) + (1 - y_i) log(1 - σ(x_i))]` with `w_p` = `posWeight`.
 *
 * PyTorch evaluates `(1 - y) x + (1 + (w_p - 1) y) (log1p(e^{-|x|}) + max(-x, 0))`.
 * This function evaluates the same quantity rearranged as
 * `w_p y softplus(-x) + (1 - y) softplus(x)` (with `softplus(z) = log(1 + e^z)`
 * computed stably): equal in exact arithmetic, but it avoids PyTorch's cancellation
 * `x + (-x)` when the loss is tiny, so `y = 0, x = -40` gives `e^{-40}` rather than 0.
 * No clipping is needed: every finite logit gives a finite loss.
 *
 * @param logits Raw scores `x_i`, finite.
 * @param targets Targets `y_i` in [0, 1] (soft labels allowed), same length.
 * @param options.posWeight Positive-class weight ≥ 0: a number or one per sample.
 *   Defaults to 1.
 * @param options.reduction `"mean"` (default), `"sum"` or `"none"`.
 * @returns The reduced loss, or the per-sample losses for `reduction: "none"`.
 * @throws {TypeError} If an argument has the wrong type.
 * @throws {RangeError} If the inputs are empty or differ in length, a logit is not
 *   finite, a target is outside [0, 1], `posWeight` is negative, non-finite or of the
 *   wrong length, or `reduction` is unknown.
 * @throws {TypeError} If `options` has a key other than those documented above: a
 *   misspelt option is refused by name, never silently ignored.
 *
 * @example Extreme logits stay finite and exact
 * ```ts
 * import { binaryCrossEntropyWithLogits } from "./losses.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(binaryCrossEntropyWithLogits([0], [1]), Math.LN2);
 * assert.equal(binaryCrossEntropyWithLogits([-1e4], [1]), 1e4);
 * assert.equal(binaryCrossEntropyWithLogits([-1e4], [1], { posWeight: 3 }), 3e4);
 * assert.equal(binaryCrossEntropyWithLogits([1e4], [1]), 0);
 * ```
 */
export function binaryCrossEntropyWithLogits(
  logits: NumericArray,
  targets: NumericArray,
  options: BinaryCrossEntropyWithLogitsOptions & { reduction: "none" },
): Float64Array;
export function binaryCrossEntropyWithLogits(
  logits: NumericArray,
  targets: NumericArray,
  options?: BinaryCrossEntropyWithLogitsOptions & {
    reduction?: "mean" | "sum";
  },
): number;
export function binaryCrossEntropyWithLogits(
  logits: NumericArray,
  targets: NumericArray,
  options?: BinaryCrossEntropyWithLogitsOptions,
): number | Float64Array;
export function binaryCrossEntropyWithLogits(
  logits: NumericArray,
  targets: NumericArray,
  options: BinaryCrossEntropyWithLogitsOptions = {},
): number | Float64Array {
  const fn = "binaryCrossEntropyWithLogits";
  const x = toFloat64Array(fn, "logits", logits);
  const y = toFloat64Array(fn, "targets", targets);
  checkSameLength(fn, "logits", x, "targets", y);
  for (let i = 0; i < y.length; i++) {
    checkProbability(fn, `targets[${i}]`, y[i]);
  }
  const o = checkOptions(fn, options, ["posWeight", "reduction"]);
  const pw = o.posWeight ?? 1;
  let posWeight: (i: number) => number;
  if (typeof pw === "number") {
    const w = checkNonNegative(fn, "posWeight", pw);
    posWeight = () => w;
  } else {
    const w = toFloat64Array(fn, "posWeight", pw);
    checkSameLength(fn, "posWeight", w, "logits", x);
    for (let i = 0; i < w.length; i++) {
      checkNonNegative(fn, `posWeight[${i}]`, w[i]);
    }
    posWeight = (i) => w[i]!;
  }
  const reduction = checkReduction(fn, o.reduction ?? "mean");
  const out = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) {
    const xi = x[i]!;
    const yi = y[i]!;
    const pos = yi === 0 ? 0 : posWeight(i) * yi * softplus(-xi);
    const neg = yi === 1 ? 0 : (1 - yi) * softplus(xi);
    out[i] = pos + neg;
  }
  return reduce(out, reduction);
}

// ---------------------------------------------------------------------------
// Cross-entropy over classes
// ---------------------------------------------------------------------------

/** Options of {@link crossEntropy}. */
export interface CrossEntropyOptions extends ReductionOptions {
  /** One non-negative weight per class (PyTorch's `weight`). Defaults to all 1. */
  weight?: NumericArray;
  /** A target equal to this is ignored: loss 0, no weight. Defaults to -100. */
  ignoreIndex?: number;
  /** PyTorch's `label_smoothing` ε in [0, 1]. Defaults to 0. */
  labelSmoothing?: number;
}

/** Validated logits as one row-major buffer. */
function toLogitRows(
  fn: string,
  logits: unknown,
): { n: number; k: number; data: Float64Array } {
  // describe() is "object" for an object that is not an array, a typed array or a
  // (revoked) Proxy, on which Object.hasOwn would throw an engine error; own
  // properties only, so that Object.prototype.rows makes no array a matrix.
  if (
    typeof logits === "object" && logits !== null && !isArrayLike(logits) &&
    describe(logits) === "object" && Object.hasOwn(logits, "rows") &&
    Object.hasOwn(logits, "cols") && Object.hasOwn(logits, "data")
  ) {
    const m = logits as { rows: unknown; cols: unknown; data: unknown };
    const n = checkInteger(fn, "logits.rows", m.rows, { min: 1 });
    const k = checkInteger(fn, "logits.cols", m.cols, { min: 1 });
    const data = toFloat64Array(fn, "logits.data", m.data, { minLength: 0 });
    if (data.length !== n * k) {
      throw new RangeError(
        `${fn}(): logits.data must have rows * cols = ${
          n * k
        } values (received ${data.length})`,
      );
    }
    return { n, k, data };
  }
  if (!isArrayLike(logits)) {
    throw new TypeError(
      `${fn}(): logits must be an array of rows or a matrix { rows, cols, data } (received ${
        describe(logits)
      })`,
    );
  }
  const { rows: n, cols: k, data } = parseRows(fn, "logits", logits);
  if (n === 0) {
    throw new RangeError(
      `${fn}(): logits must have at least 1 row (received array of length 0)`,
    );
  }
  if (k === 0) {
    throw new RangeError(
      `${fn}(): logits[0] must have at least 1 value (received array of length 0)`,
    );
  }
  return { n, k, data };
}

/**
 * Cross-entropy between class scores and class indices, PyTorch's
 * `CrossEntropyLoss` (log-softmax followed by the negative log-likelihood).
 *
 * For sample `i` with scores `x_i`, target class `t_i`, class weights `w` (all 1 by
 * default) and smoothing ε over `C` classes, with `log p_ic = x_ic - logSumExp(x_i)`:
 *
 * `ℓ_i = (1 - ε) w_{t_i} (-log p_{i t_i}) + (ε / C) Σ_c w_c (-log p_ic)`
 *
 * and `ℓ_i = 0` when `t_i = ignoreIndex`. Reductions follow PyTorch:
 * - `"sum"`: `Σ_i ℓ_i`;
 * - `"mean"`: `Σ_i ℓ_i / Σ_{i not ignored} w_{t_i}` — the weighted mean; without
 *   weights, the mean over the samples not ignored. The smoothing term is divided by
 *   the same sum of target weights, as PyTorch does;
 * - `"none"`: the `ℓ_i` as a `Float64Array` (0 for ignored samples).
 *
 * When every target is ignored (or their weights sum to 0), `"mean"` returns `NaN`,
 * exactly as PyTorch does (0 / 0); check for it if a batch can be fully masked.
 * The log-softmax never overflows (scores of ±1e4 give exact, finite losses).
 *
 * @param logits One row of `C` finite class scores per sample: `number[][]`, an
 *   array of typed arrays, or a row-major `{ rows, cols, data }` matrix.
 * @param targets One class index per row: an integer in [0, C), or `ignoreIndex`.
 * @param options.weight One finite weight ≥ 0 per class. Defaults to all 1.
 * @param options.ignoreIndex Target value to ignore. Defaults to -100.
 * @param options.labelSmoothing ε in [0, 1]. Defaults to 0.
 * @param options.reduction `"mean"` (default), `"sum"` or `"none"`.
 * @returns The reduced loss, or the per-sample losses for `reduction: "none"`.
 * @throws {TypeError} If an argument has the wrong type.
 * @throws {RangeError} If `logits` is empty, ragged or holds a non-finite value;
 *   `targets` differs in length from the number of rows, or holds a non-integer or a
 *   class outside [0, C) that is not `ignoreIndex`; `weight` does not have `C`
 *   finite non-negative entries; `labelSmoothing` is outside [0, 1]; or `reduction`
 *   is unknown.
 * @throws {TypeError} If `options` has a key other than those documented above: a
 *   misspelt option is refused by name, never silently ignored.
 *
 * @example Negative log-probability of the target class
 * ```ts
 * import { crossEntropy } from "./losses.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(crossEntropy([[0, 0]], [1]), Math.LN2);
 * // Extreme scores: exact, where exp(1e4) alone would overflow.
 * assert.equal(crossEntropy([[1e4, 0, -1e4]], [2]), 2e4);
 * // Ignored samples contribute nothing to the loss or the mean's denominator.
 * assert.equal(crossEntropy([[0, 0], [5, -5]], [0, -100]), Math.LN2);
 * const perSample = crossEntropy([[0, 0], [5, -5]], [0, -100], { reduction: "none" });
 * assert.deepEqual(Array.from(perSample), [Math.LN2, 0]);
 * ```
 */
export function crossEntropy(
  logits: Logits,
  targets: NumericArray,
  options: CrossEntropyOptions & { reduction: "none" },
): Float64Array;
export function crossEntropy(
  logits: Logits,
  targets: NumericArray,
  options?: CrossEntropyOptions & { reduction?: "mean" | "sum" },
): number;
export function crossEntropy(
  logits: Logits,
  targets: NumericArray,
  options?: CrossEntropyOptions,
): number | Float64Array;
export function crossEntropy(
  logits: Logits,
  targets: NumericArray,
  options: CrossEntropyOptions = {},
): number | Float64Array {
  const fn = "crossEntropy";
  const { n, k, data } = toLogitRows(fn, logits);
  const t = toFloat64Array(fn, "targets", targets, { minLength: 0 });
  if (t.length !== n) {
    throw new RangeError(
      `${fn}(): targets must have one class index per row of logits (received ${t.length} targets for ${n} rows)`,
    );
  }
  const o = checkOptions(fn, options, [
    "weight",
    "ignoreIndex",
    "labelSmoothing",
    "reduction",
  ]);
  const ignoreIndex = checkInteger(fn, "ignoreIndex", o.ignoreIndex ?? -100);
  for (let i = 0; i < n; i++) {
    const ti = t[i]!;
    if (!Number.isInteger(ti)) {
      throw new RangeError(
        `${fn}(): targets[${i}] must be an integer class index (received ${
          describe(ti)
        })`,
      );
    }
    if (ti !== ignoreIndex && (ti < 0 || ti >= k)) {
      throw new RangeError(
        `${fn}(): targets[${i}] must be a class index in [0, ${k}) or ignoreIndex ${ignoreIndex} (received ${ti})`,
      );
    }
  }
  let weight: Float64Array | undefined;
  if (o.weight !== undefined) {
    weight = toFloat64Array(fn, "weight", o.weight, { minLength: 0 });
    if (weight.length !== k) {
      throw new RangeError(
        `${fn}(): weight must have one entry per class (received length ${weight.length} for ${k} classes)`,
      );
    }
    for (let c = 0; c < k; c++) checkNonNegative(fn, `weight[${c}]`, weight[c]);
  }
  const eps = o.labelSmoothing ?? 0;
  if (typeof eps !== "number") {
    throw new TypeError(
      `${fn}(): labelSmoothing must be a number (received ${describe(eps)})`,
    );
  }
  if (!(eps >= 0 && eps <= 1)) {
    throw new RangeError(
      `${fn}(): labelSmoothing must be in [0, 1] (received ${describe(eps)})`,
    );
  }
  const reduction = checkReduction(fn, o.reduction ?? "mean");

  const logp = new Float64Array(n * k);
  const out = new Float64Array(n);
  let weightSum = 0;
  for (let i = 0; i < n; i++) {
    const ti = t[i]!;
    if (ti === ignoreIndex) continue;
    const off = i * k;
    logSoftmaxInto(data, off, k, logp);
    const wt = weight === undefined ? 1 : weight[ti]!;
    weightSum += wt;
    const nll = 0 - wt * logp[off + ti]!; // 0 - x: no -0
    if (eps === 0) {
      out[i] = nll;
      continue;
    }
    let smooth = 0;
    for (let c = 0; c < k; c++) {
      smooth -= (weight === undefined ? 1 : weight[c]!) * logp[off + c]!;
    }
    out[i] = (1 - eps) * nll + (eps / k) * smooth;
  }
  return reduce(out, reduction, weightSum);
}

// ---------------------------------------------------------------------------
// Regression losses
// ---------------------------------------------------------------------------

function residuals(
  fn: string,
  yTrue: NumericArray,
  yPred: NumericArray,
): Float64Array {
  const a = toFloat64Array(fn, "yTrue", yTrue);
  const b = toFloat64Array(fn, "yPred", yPred);
  checkSameLength(fn, "yTrue", a, "yPred", b);
  const r = new Float64Array(a.length);
  for (let i = 0; i < a.length; i++) r[i] = a[i]! - b[i]!;
  return r;
}

/**
 * Mean squared error, PyTorch's `MSELoss`: `ℓ_i = (y_i - ŷ_i)²`, reduced as asked.
 * Minimising it is maximum likelihood under Gaussian noise of fixed variance.
 *
 * @param yTrue Targets, finite.
 * @param yPred Predictions, finite, same length.
 * @param options.reduction `"mean"` (default), `"sum"` or `"none"`.
 * @returns The reduced loss, or the per-sample losses for `reduction: "none"`.
 * @throws {TypeError} If an argument has the wrong type.
 * @throws {RangeError} If the inputs are empty, differ in length or hold a
 *   non-finite value, or `reduction` is unknown.
 * @throws {TypeError} If `options` has a key other than those documented above: a
 *   misspelt option is refused by name, never silently ignored.
 *
 * @example
 * ```ts
 * import { mse } from "./losses.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(mse([1, 2, 3], [1, 2, 5]), 4 / 3);
 * assert.equal(mse([1, 2, 3], [1, 2, 5], { reduction: "sum" }), 4);
 * assert.deepEqual(Array.from(mse([1, 2], [0, 0], { reduction: "none" })), [1, 4]);
 * ```
 */
export function mse(
  yTrue: NumericArray,
  yPred: NumericArray,
  options: { reduction: "none" },
): Float64Array;
export function mse(
  yTrue: NumericArray,
  yPred: NumericArray,
  options?: { reduction?: "mean" | "sum" },
): number;
export function mse(
  yTrue: NumericArray,
  yPred: NumericArray,
  options?: ReductionOptions,
): number | Float64Array;
export function mse(
  yTrue: NumericArray,
  yPred: NumericArray,
  options: ReductionOptions = {},
): number | Float64Array {
  const r = residuals("mse", yTrue, yPred);
  const reduction = checkReduction(
    "mse",
    checkOptions("mse", options, ["reduction"]).reduction ?? "mean",
  );
  for (let i = 0; i < r.length; i++) r[i] = r[i]! * r[i]!;
  return reduce(r, reduction);
}

/**
 * Mean absolute error, PyTorch's `L1Loss`: `ℓ_i = |y_i - ŷ_i|`, reduced as asked.
 * Minimising it is maximum likelihood under Laplace noise of fixed scale.
 *
 * @param yTrue Targets, finite.
 * @param yPred Predictions, finite, same length.
 * @param options.reduction `"mean"` (default), `"sum"` or `"none"`.
 * @returns The reduced loss, or the per-sample losses for `reduction: "none"`.
 * @throws {TypeError} If an argument has the wrong type.
 * @throws {RangeError} If the inputs are empty, differ in length or hold a
 *   non-finite value, or `reduction` is unknown.
 * @throws {TypeError} If `options` has a key other than those documented above: a
 *   misspelt option is refused by name, never silently ignored.
 *
 * @example
 * ```ts
 * import { mae } from "./losses.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(mae([1, 2, 3], [1, 2, 5]), 2 / 3);
 * assert.deepEqual(Array.from(mae([1, 2], [0, 4], { reduction: "none" })), [1, 2]);
 * ```
 */
export function mae(
  yTrue: NumericArray,
  yPred: NumericArray,
  options: { reduction: "none" },
): Float64Array;
export function mae(
  yTrue: NumericArray,
  yPred: NumericArray,
  options?: { reduction?: "mean" | "sum" },
): number;
export function mae(
  yTrue: NumericArray,
  yPred: NumericArray,
  options?: ReductionOptions,
): number | Float64Array;
export function mae(
  yTrue: NumericArray,
  yPred: NumericArray,
  options: ReductionOptions = {},
): number | Float64Array {
  const r = residuals("mae", yTrue, yPred);
  const reduction = checkReduction(
    "mae",
    checkOptions("mae", options, ["reduction"]).reduction ?? "mean",
  );
  for (let i = 0; i < r.length; i++) r[i] = Math.abs(r[i]!);
  const out = reduce(r, reduction);
  if (reduction !== "mean" || Number.isFinite(out)) return out;
  // Residuals or their sum overflowed, though the mean may not: mae is
  // homogeneous, mae(y, ŷ) = 2^k · mae(2^-k y, 2^-k ŷ), computed exactly.
  const k = exponentOf(yTrue, yPred);
  const s = residuals("mae", scaled(yTrue, 2 ** -k), scaled(yPred, 2 ** -k));
  for (let i = 0; i < s.length; i++) s[i] = Math.abs(s[i]!);
  return (reduce(s, reduction) as number) * 2 ** k;
}

/** Options of {@link huber}. */
export interface HuberOptions extends ReductionOptions {
  /** Where the loss turns from quadratic to linear; > 0. Defaults to 1. */
  delta?: number;
}

/**
 * Huber loss, PyTorch's `HuberLoss`: with `r_i = y_i - ŷ_i`,
 * `ℓ_i = 0.5 r_i²` if `|r_i| < δ`, else `δ (|r_i| - 0.5 δ)`, reduced as asked.
 * Quadratic near zero like `mse`, linear in the tails like `mae`, so outliers pull
 * less. (PyTorch's `SmoothL1Loss` is this divided by δ.)
 *
 * @param yTrue Targets, finite.
 * @param yPred Predictions, finite, same length.
 * @param options.delta Threshold δ > 0. Defaults to 1.
 * @param options.reduction `"mean"` (default), `"sum"` or `"none"`.
 * @returns The reduced loss, or the per-sample losses for `reduction: "none"`.
 * @throws {TypeError} If an argument has the wrong type.
 * @throws {RangeError} If the inputs are empty, differ in length or hold a
 *   non-finite value, `delta` is not positive, or `reduction` is unknown.
 * @throws {TypeError} If `options` has a key other than those documented above: a
 *   misspelt option is refused by name, never silently ignored.
 *
 * @example
 * ```ts
 * import { huber } from "./losses.ts";
 * import assert from "node:assert/strict";
 *
 * const losses = huber([0, 0], [0.5, 3], { reduction: "none" });
 * assert.deepEqual(Array.from(losses), [0.125, 2.5]);
 * assert.equal(huber([0], [3], { delta: 0.5 }), 0.5 * (3 - 0.25));
 * ```
 */
export function huber(
  yTrue: NumericArray,
  yPred: NumericArray,
  options: HuberOptions & { reduction: "none" },
): Float64Array;
export function huber(
  yTrue: NumericArray,
  yPred: NumericArray,
  options?: HuberOptions & { reduction?: "mean" | "sum" },
): number;
export function huber(
  yTrue: NumericArray,
  yPred: NumericArray,
  options?: HuberOptions,
): number | Float64Array;
export function huber(
  yTrue: NumericArray,
  yPred: NumericArray,
  options: HuberOptions = {},
): number | Float64Array {
  const r = residuals("huber", yTrue, yPred);
  const o = checkOptions("huber", options, ["delta", "reduction"]);
  const delta = checkPositive("huber", "delta", o.delta ?? 1);
  const reduction = checkReduction("huber", o.reduction ?? "mean");
  huberInPlace(r, delta);
  const out = reduce(r, reduction);
  if (reduction !== "mean" || Number.isFinite(out)) return out;
  // Residuals, losses or their sum overflowed, though the mean may not: with
  // s = 2^-k, huber_δ(r) = huber_{sδ}(s r) / s², computed on exactly scaled values.
  const k = exponentOf(yTrue, yPred);
  const f = 2 ** -k;
  const t = residuals("huber", scaled(yTrue, f), scaled(yPred, f));
  huberInPlace(t, delta * f);
  return (reduce(t, reduction) as number) * 2 ** k * 2 ** k;
}

function huberInPlace(r: Float64Array, delta: number): void {
  for (let i = 0; i < r.length; i++) {
    const a = Math.abs(r[i]!);
    r[i] = a < delta ? 0.5 * a * a : delta * (a - 0.5 * delta);
  }
}

/** The exponent k of the power of two 2^k ≤ the largest magnitude in `a` or `b`. */
function exponentOf(a: NumericArray, b: NumericArray): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]!));
  for (let i = 0; i < b.length; i++) m = Math.max(m, Math.abs(b[i]!));
  return m === 0 ? 0 : Math.floor(Math.log2(m));
}

/** A copy of `v` times `f` (a power of two: exact barring underflow). */
function scaled(v: NumericArray, f: number): Float64Array {
  return Float64Array.from(v as ArrayLike<number>, (x) => x * f);
}
