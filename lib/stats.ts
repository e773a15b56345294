/**
 * Descriptive statistics with numpy's conventions: `sum`, `mean`, `variance` and
 * `std` (with `ddof`), `median`, `quantile` (numpy's default "linear" method) and
 * `cov`.
 *
 * Accuracy first: sums are compensated (Neumaier), and the variance uses the
 * corrected two-pass algorithm, so data with a large offset (1e9 plus unit noise)
 * keeps its digits. Every function accepts a plain array or any typed array and
 * refuses NaN and infinities, naming the index.
 *
 * @module
 */

import {
  checkInteger,
  checkOptions,
  checkProbability,
  checkSameLength,
  type NumericArray,
  toFloat64Array,
} from "./_validate.ts";

/** Options of {@link variance} and {@link std}. */
export interface VarianceOptions {
  /**
   * Delta degrees of freedom: the divisor is `n - ddof`. An integer in `[0, n)`.
   * Defaults to 0 (numpy's default: the maximum-likelihood estimate).
   */
  ddof?: number;
}

/** Options of {@link cov}. */
export interface CovOptions {
  /**
   * Delta degrees of freedom: the divisor is `n - ddof`. An integer in `[0, n)`.
   * Defaults to 1, as `numpy.cov` (the unbiased estimate).
   */
  ddof?: number;
}

/**
 * Sum of the values, compensated (Neumaier's improved Kahan summation): the error is
 * about one rounding of the result, whatever the length or the cancellation, where
 * naive summation loses `n · eps` and numpy's pairwise summation `log₂ n · eps`.
 *
 * @param x The values (may be empty: the sum is then 0).
 * @returns `Σ xᵢ` (±Infinity when the exact sum lies beyond the float64 range).
 * @throws {TypeError} If `x` is not an array of numbers.
 * @throws {RangeError} If a value is NaN or infinite (the message names the index).
 *
 * @example Compensation recovers what naive summation loses
 * ```ts
 * import { sum } from "./stats.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(sum([1, 2, 3.5]), 6.5);
 * assert.equal(sum([1e16, 1, -1e16]), 1); // naive left-to-right gives 0
 * assert.equal(sum([]), 0);
 * ```
 */
export function sum(x: NumericArray): number {
  return neumaier(toFloat64Array("sum", "x", x, { minLength: 0 }));
}

/**
 * Arithmetic mean `(1/n) Σ xᵢ`, with a compensated sum.
 *
 * @param x The sample: at least one finite value.
 * @returns The mean of `x`.
 * @throws {TypeError} If `x` is not an array of numbers.
 * @throws {RangeError} If `x` is empty or holds NaN or an infinity.
 *
 * @example
 * ```ts
 * import { mean } from "./stats.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(mean([1, 2, 3, 4]), 2.5);
 * assert.equal(mean(new Float64Array([1e9 + 1, 1e9 + 2])), 1e9 + 1.5);
 * assert.throws(() => mean([]), /mean\(\): x must have at least 1 value \(received array of length 0\)/);
 * ```
 */
export function mean(x: NumericArray): number {
  const v = toFloat64Array("mean", "x", x);
  const s = neumaier(v);
  // The sum of values near the largest double may overflow while their mean
  // cannot: then average values scaled down by a power of two (exactly).
  if (Number.isFinite(s)) return s / v.length;
  const k = exponentOf(v);
  return neumaier(scaled(v, 2 ** -k)) / v.length * 2 ** k;
}

/**
 * Sample variance with numpy's `ddof` convention: divides by `n - ddof`.
 *
 * `ddof = 0` (the default, as numpy) is the maximum-likelihood estimate, biased by
 * the factor `(n − 1)/n`; `ddof = 1` applies Bessel's correction (unbiased).
 *
 * Algorithm: the corrected two-pass formula (Chan, Golub & LeVeque 1983)
 * `(Σ dᵢ² − (Σ dᵢ)²/n) / (n − ddof)` with `dᵢ = xᵢ − mean` and compensated sums; the
 * second term removes the rounding error of the mean. On 1e9 plus standard normal
 * noise it agrees with the exact rational result to ~1e-15 relative. Values near
 * the largest double are rescaled by a power of two first, so the result is never
 * NaN: it is `Infinity` only when the variance itself exceeds the float64 range.
 *
 * @param x The sample: at least `ddof + 1` finite values.
 * @param options.ddof Delta degrees of freedom, an integer in `[0, n)`. Defaults to 0.
 * @returns The variance of `x` (≥ 0).
 * @throws {TypeError} If `x` is not an array of numbers or `ddof` not a number.
 * @throws {RangeError} If `x` is empty or holds NaN or an infinity (naming the
 *   index), or `ddof` is not an integer in `[0, n)`.
 * @throws {TypeError} If `options` has a key other than those documented above: a
 *   misspelt option is refused by name, never silently ignored.
 *
 * @example Bessel's correction
 * ```ts
 * import { variance } from "./stats.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(variance([1, 2, 3, 4]), 1.25);
 * assert.equal(variance([1, 2, 3, 4], { ddof: 1 }), 5 / 3);
 * assert.throws(
 *   () => variance([1, 2], { ddof: 2 }),
 *   /variance\(\): ddof must be less than the sample size \(ddof=2, n=2\)/,
 * );
 * ```
 */
export function variance(
  x: NumericArray,
  options: VarianceOptions = {},
): number {
  return varianceOf("variance", x, options, false);
}

/**
 * Standard deviation: the square root of {@link variance}, same `ddof` convention
 * (default 0, as `numpy.std`). With `ddof = 1` it is the square root of the unbiased
 * variance, itself not unbiased for σ.
 *
 * @param x The sample: at least `ddof + 1` finite values.
 * @param options.ddof Delta degrees of freedom, an integer in `[0, n)`. Defaults to 0.
 * @returns The standard deviation of `x`.
 * @throws {TypeError} If `x` is not an array of numbers or `ddof` not a number.
 * @throws {RangeError} If `x` is empty or holds NaN or an infinity, or `ddof` is not
 *   an integer in `[0, n)`.
 * @throws {TypeError} If `options` has a key other than those documented above: a
 *   misspelt option is refused by name, never silently ignored.
 *
 * @example
 * ```ts
 * import { std } from "./stats.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(std([2, 4, 4, 4, 5, 5, 7, 9]), 2);
 * assert.equal(std([1, 3], { ddof: 1 }), Math.SQRT2);
 * ```
 */
export function std(x: NumericArray, options: VarianceOptions = {}): number {
  return varianceOf("std", x, options, true);
}

/**
 * Median, as `numpy.median`: the middle value of the sorted sample, or the average
 * of the two middle values when `n` is even. The input is not modified.
 *
 * @param x The sample: at least one finite value.
 * @returns The median of `x`.
 * @throws {TypeError} If `x` is not an array of numbers.
 * @throws {RangeError} If `x` is empty or holds NaN or an infinity.
 *
 * @example
 * ```ts
 * import { median } from "./stats.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(median([3, 1, 2]), 2);
 * assert.equal(median([4, 1, 3, 2]), 2.5);
 * ```
 */
export function median(x: NumericArray): number {
  const a = sortedCopy("median", x);
  const n = a.length, h = n >> 1;
  if (n % 2 === 1) return a[h]!;
  const lo = a[h - 1]!, hi = a[h]!;
  const mid = (lo + hi) / 2;
  return Number.isFinite(mid) ? mid : lo / 2 + hi / 2;
}

/**
 * Quantile(s) of a sample with numpy's default method (`method="linear"`, type 7 of
 * Hyndman & Fan): with the sample sorted as `a₀ ≤ … ≤ aₙ₋₁` and `h = (n − 1) q`, the
 * result interpolates linearly between `a⌊h⌋` and `a⌊h⌋₊₁`. The interpolation is
 * computed exactly as numpy's, so results agree to the last bit.
 *
 * @param x The sample: at least one finite value. Not modified.
 * @param q A probability in `[0, 1]`, or an array of them.
 * @returns The quantile as a number for a number `q`; a new `Float64Array` (one per
 *   probability) for an array `q`.
 * @throws {TypeError} If `x` or `q` is not numeric.
 * @throws {RangeError} If `x` is empty or holds NaN or an infinity, or a `q` lies
 *   outside `[0, 1]`.
 *
 * @example Quartiles
 * ```ts
 * import { quantile } from "./stats.ts";
 * import assert from "node:assert/strict";
 *
 * const x = [1, 2, 3, 4, 5];
 * assert.equal(quantile(x, 0.25), 2);
 * assert.deepEqual(quantile(x, [0, 0.5, 0.9, 1]), new Float64Array([1, 3, 4.6, 5]));
 * assert.throws(() => quantile(x, 1.5), /quantile\(\): q must be a probability in \[0, 1\] \(received 1.5\)/);
 * ```
 */
export function quantile(x: NumericArray, q: number): number;
export function quantile(x: NumericArray, q: NumericArray): Float64Array;
export function quantile(
  x: NumericArray,
  q: number | NumericArray,
): number | Float64Array {
  if (typeof q === "number") {
    checkProbability("quantile", "q", q);
    return linearQuantile(sortedCopy("quantile", x), q);
  }
  const qs = toFloat64Array("quantile", "q", q, { minLength: 0 });
  for (let i = 0; i < qs.length; i++) {
    checkProbability("quantile", `q[${i}]`, qs[i]);
  }
  const a = sortedCopy("quantile", x);
  const out = new Float64Array(qs.length);
  for (let i = 0; i < qs.length; i++) out[i] = linearQuantile(a, qs[i]!);
  return out;
}

/**
 * Sample covariance of two paired samples, `Σ (xᵢ − x̄)(yᵢ − ȳ) / (n − ddof)`, as
 * the off-diagonal entry of `numpy.cov(x, y)`, whose default is `ddof = 1` (unlike
 * {@link variance}, whose default is numpy's `var` default 0). Computed with the
 * corrected two-pass formula and compensated sums, as {@link variance};
 * `cov(x, x, { ddof })` equals `variance(x, { ddof })`.
 *
 * @param x The first sample: at least `ddof + 1` finite values.
 * @param y The second sample, paired with `x`: same length.
 * @param options.ddof Delta degrees of freedom, an integer in `[0, n)`. Defaults to 1.
 * @returns The covariance of `x` and `y`.
 * @throws {TypeError} If `x` or `y` is not an array of numbers or `ddof` not a number.
 * @throws {RangeError} If a sample is empty or holds NaN or an infinity, the lengths
 *   differ, or `ddof` is not an integer in `[0, n)`.
 * @throws {TypeError} If `options` has a key other than those documented above: a
 *   misspelt option is refused by name, never silently ignored.
 *
 * @example
 * ```ts
 * import { cov } from "./stats.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(cov([1, 2, 3], [2, 4, 6]), 2);
 * assert.equal(cov([1, 2, 3], [2, 4, 6], { ddof: 0 }), 4 / 3);
 * assert.throws(() => cov([1, 2], [1]), /cov\(\): x and y must have the same length \(received 2 and 1\)/);
 * ```
 */
export function cov(
  x: NumericArray,
  y: NumericArray,
  options: CovOptions = {},
): number {
  const u = toFloat64Array("cov", "x", x);
  const v = toFloat64Array("cov", "y", y);
  checkSameLength("cov", "x", u, "y", v);
  const n = u.length;
  const ddof = checkDdof("cov", options, 1, n);
  const c = centredCrossProducts(u, v) / (n - ddof);
  if (Number.isFinite(c)) return c;
  // Values near the largest double: rescale each sample by a power of two.
  const ku = exponentOf(u), kv = exponentOf(v);
  const cs = centredCrossProducts(scaled(u, 2 ** -ku), scaled(v, 2 ** -kv));
  return cs / (n - ddof) * 2 ** ku * 2 ** kv;
}

// ---------------------------------------------------------------------------
// Internals

/** Corrected two-pass `Σ (uᵢ − ū)(vᵢ − v̄)` with compensated sums. */
function centredCrossProducts(u: Float64Array, v: Float64Array): number {
  const n = u.length;
  const mu = neumaier(u) / n, mv = neumaier(v) / n;
  // Compensated Σ du·dv, Σ du, Σ dv in one pass.
  let sp = 0, cp = 0, su = 0, cu = 0, sv = 0, cv = 0;
  for (let i = 0; i < n; i++) {
    const du = u[i]! - mu, dv = v[i]! - mv, p = du * dv;
    let t = sp + p;
    cp += Math.abs(sp) >= Math.abs(p) ? (sp - t) + p : (p - t) + sp;
    sp = t;
    t = su + du;
    cu += Math.abs(su) >= Math.abs(du) ? (su - t) + du : (du - t) + su;
    su = t;
    t = sv + dv;
    cv += Math.abs(sv) >= Math.abs(dv) ? (sv - t) + dv : (dv - t) + sv;
    sv = t;
  }
  return (sp + cp) - (su + cu) * (sv + cv) / n;
}

function varianceOf(
  fn: string,
  x: NumericArray,
  options: VarianceOptions,
  root: boolean,
): number {
  const v = toFloat64Array(fn, "x", x);
  const n = v.length;
  const ddof = checkDdof(fn, options, 0, n);
  const r = centredSumOfSquares(v) / (n - ddof);
  if (Number.isFinite(r) && (r >= 2 ** -1022 || (r === 0 && isConstant(v)))) {
    return root ? Math.sqrt(r) : r;
  }
  if (Number.isFinite(r)) {
    // The squares underflowed (values below ~1e-154 apart): rescale up by a power
    // of two, exactly, so that std([0, 1e-300]) is 5e-301, not 0.
    const k = exponentOf(v);
    const rs = centredSumOfSquares(scaledPow2(v, -k)) / (n - ddof);
    return root ? Math.sqrt(rs) * 2 ** k : rs * 2 ** k * 2 ** k;
  }
  // Values near the largest double (the sum, a deviation or a square overflowed):
  // rescale by a power of two, exactly, so that only a variance that is itself
  // beyond the float64 range comes out as Infinity, and its root stays finite.
  const k = exponentOf(v);
  const rs = centredSumOfSquares(scaled(v, 2 ** -k)) / (n - ddof);
  return root ? Math.sqrt(rs) * 2 ** k : rs * 2 ** k * 2 ** k;
}

/** Corrected two-pass `Σ (xᵢ − x̄)²` with compensated sums (NaN on overflow). */
function centredSumOfSquares(v: Float64Array): number {
  const n = v.length;
  const m = neumaier(v) / n;
  // Compensated Σ d² and Σ d in one pass.
  let s2 = 0, c2 = 0, s1 = 0, c1 = 0;
  for (let i = 0; i < n; i++) {
    const d = v[i]! - m, q = d * d;
    let t = s2 + q;
    c2 += s2 >= q ? (s2 - t) + q : (q - t) + s2;
    s2 = t;
    t = s1 + d;
    c1 += Math.abs(s1) >= Math.abs(d) ? (s1 - t) + d : (d - t) + s1;
    s1 = t;
  }
  const d1 = s1 + c1;
  const ss = (s2 + c2) - d1 * d1 / n;
  return Number.isNaN(ss) ? NaN : Math.max(ss, 0);
}

/** The exponent k of the power of two 2^k ≤ max |vᵢ| (0 for a zero vector). */
function exponentOf(v: Float64Array): number {
  let m = 0;
  for (let i = 0; i < v.length; i++) m = Math.max(m, Math.abs(v[i]!));
  return m === 0 ? 0 : Math.floor(Math.log2(m));
}

/** Whether every value equals the first. */
function isConstant(v: Float64Array): boolean {
  for (let i = 1; i < v.length; i++) if (v[i] !== v[0]) return false;
  return true;
}

/** A copy of `v` times 2^e, in two exact steps (2^1074 alone would overflow). */
function scaledPow2(v: Float64Array, e: number): Float64Array {
  const h = Math.trunc(e / 2), f1 = 2 ** h, f2 = 2 ** (e - h);
  const out = new Float64Array(v.length);
  for (let i = 0; i < v.length; i++) out[i] = v[i]! * f1 * f2;
  return out;
}

/** A copy of `v` times `factor` (a power of two: exact barring underflow). */
function scaled(v: Float64Array, factor: number): Float64Array {
  const out = new Float64Array(v.length);
  for (let i = 0; i < v.length; i++) out[i] = v[i]! * factor;
  return out;
}

function checkDdof(
  fn: string,
  options: { ddof?: number },
  fallback: number,
  n: number,
): number {
  const ddof = checkOptions(fn, options, ["ddof"]).ddof ?? fallback;
  checkInteger(fn, "ddof", ddof, { min: 0 });
  if (ddof >= n) {
    throw new RangeError(
      `${fn}(): ddof must be less than the sample size (ddof=${ddof}, n=${n})`,
    );
  }
  return ddof;
}

/** Neumaier's compensated sum of a finite Float64Array. */
function neumaier(v: Float64Array): number {
  let s = 0, c = 0;
  for (let i = 0; i < v.length; i++) {
    const x = v[i]!, t = s + x;
    c += Math.abs(s) >= Math.abs(x) ? (s - t) + x : (x - t) + s;
    s = t;
  }
  // On overflow s is infinite and c NaN: report the overflow, not NaN.
  return Number.isFinite(s) ? s + c : s;
}

function sortedCopy(fn: string, x: NumericArray): Float64Array {
  const v = toFloat64Array(fn, "x", x);
  // toFloat64Array returns a Float64Array input itself: never sort the caller's data.
  return (v === x ? v.slice() : v).sort();
}

/** numpy's "linear" quantile of sorted data, including its two-sided lerp. */
function linearQuantile(a: Float64Array, q: number): number {
  const n = a.length;
  const h = (n - 1) * q;
  const lo = Math.floor(h);
  if (lo >= n - 1) return a[n - 1]!;
  const prev = a[lo]!, next = a[lo + 1]!;
  const gamma = h - lo;
  const diff = next - prev;
  // numpy's _lerp: interpolate from the nearer end for monotonicity.
  const r = gamma >= 0.5 ? next - diff * (1 - gamma) : prev + diff * gamma;
  // next − prev overflows only for values of opposite signs near the largest
  // double; the convex combination cannot overflow.
  return Number.isFinite(r) ? r : prev * (1 - gamma) + next * gamma;
}
