/**
 * Monte Carlo experiments on estimators: repeat a random experiment many times, keep
 * each estimator's value, and summarise the resulting sampling distribution.
 *
 * Sums here follow numpy's `np.add.reduce` for float64 exactly (pairwise summation in
 * blocks of 8192, see {@link numpySum}), so a mean or variance of simulated values
 * equals what `np.mean` / `np.var` print for the same numbers, to the last bit.
 *
 * @module
 */

import { RandomState } from "./random.ts";
import {
  allocate,
  checkFinite,
  checkInteger,
  checkNonNegative,
  checkOptions,
  describe,
  isInstance,
  MAX_LENGTH,
  toFloat64Array,
} from "./_validate.ts";

/** numpy's unrolled pairwise summation (`pairwise_sum_DOUBLE`) of `a[lo, lo + n)`. */
function pairwise(a: Float64Array, lo: number, n: number): number {
  if (n < 8) {
    let res = 0;
    for (let i = lo; i < lo + n; i++) res += a[i]!;
    return res;
  }
  if (n <= 128) {
    let r0 = a[lo]!, r1 = a[lo + 1]!, r2 = a[lo + 2]!, r3 = a[lo + 3]!;
    let r4 = a[lo + 4]!, r5 = a[lo + 5]!, r6 = a[lo + 6]!, r7 = a[lo + 7]!;
    const end = lo + n - (n % 8);
    let i = lo + 8;
    for (; i < end; i += 8) {
      r0 += a[i]!;
      r1 += a[i + 1]!;
      r2 += a[i + 2]!;
      r3 += a[i + 3]!;
      r4 += a[i + 4]!;
      r5 += a[i + 5]!;
      r6 += a[i + 6]!;
      r7 += a[i + 7]!;
    }
    let res = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7));
    for (; i < lo + n; i++) res += a[i]!;
    return res;
  }
  let n2 = Math.floor(n / 2);
  n2 -= n2 % 8;
  return pairwise(a, lo, n2) + pairwise(a, lo + n2, n - n2);
}

/** numpy's sum of a contiguous float64 range: pairwise within 8192-value buffers. */
function sumRange(a: Float64Array, lo: number, n: number): number {
  let res = 0;
  for (let k = 0; k < n; k += 8192) {
    res += pairwise(a, lo + k, Math.min(8192, n - k));
  }
  return res;
}

/**
 * The sum of `x` computed exactly as numpy's `np.sum` computes it for a contiguous
 * float64 array: pairwise summation with an 8-way unrolled base case of up to 128
 * values, applied to consecutive blocks of 8192 values whose sums are accumulated in
 * order. The rounding error grows like `log n` rather than `n`, and the result is
 * bit-for-bit numpy's.
 *
 * @param x The values (any finite numbers; an empty array sums to 0).
 * @returns The sum, as numpy would print it.
 * @throws {TypeError} If `x` is not an array of numbers.
 * @throws {RangeError} If a value is not finite.
 *
 * @example Not the left-to-right sum
 * ```ts
 * import { numpySum } from "./simulate.ts";
 * import assert from "node:assert/strict";
 *
 * const x = Array.from({ length: 10 }, () => 0.1);
 * assert.equal(numpySum(x), 1); // np.sum([0.1] * 10) prints 1.0
 * assert.equal(x.reduce((a, b) => a + b), 0.9999999999999999);
 * ```
 */
export function numpySum(x: ArrayLike<number>): number {
  const v = toFloat64Array("numpySum", "x", x, { minLength: 0 });
  return sumRange(v, 0, v.length);
}

/**
 * Runs `experiments` independent repetitions of a random experiment, in order, and
 * returns every statistic's value on every repetition: a sampling distribution.
 *
 * Experiment `i` calls `draw(i)` once and applies each statistic to the same sample, so
 * a seeded generator consumed inside `draw` gives the same numbers as a Python loop
 * `for i in range(experiments): x = draw(); ...` with numpy's generator.
 *
 * @param experiments How many repetitions (integer ≥ 1).
 * @param draw Returns one experiment's data; called with the experiment's index.
 * @param statistics Named estimators, each mapping a sample to a number.
 * @returns For each statistic's name, a `Float64Array` of its `experiments` values.
 * @throws {TypeError} If `draw` or a statistic is not a function, or `draw` does not
 *   return an array of numbers.
 * @throws {RangeError} If `experiments` is not an integer in [1, 2^28] (the library's array limit),
 *   `statistics` is empty, a sample holds a non-finite value, or a statistic returns a non-finite
 *   number (the message names the statistic and the experiment).
 *
 * @example The sample mean and the sample maximum of 5 uniforms, 1000 times
 * ```ts
 * import { monteCarlo } from "./simulate.ts";
 * import { RandomState } from "./random.ts";
 * import assert from "node:assert/strict";
 *
 * const rs = new RandomState(0);
 * const est = monteCarlo(1000, () => rs.rand(5), {
 *   mean: (x) => x.reduce((a, b) => a + b) / x.length,
 *   max: (x) => Math.max(...x),
 * });
 * assert.equal(est.mean.length, 1000);
 * assert.ok(est.max.every((m, i) => m >= est.mean[i]!));
 * ```
 */
export function monteCarlo<K extends string>(
  experiments: number,
  draw: (experiment: number) => ArrayLike<number>,
  statistics: Readonly<Record<K, (sample: Float64Array) => number>>,
): Record<K, Float64Array> {
  const fn = "monteCarlo";
  checkInteger(fn, "experiments", experiments, { min: 1 });
  if (typeof draw !== "function") {
    throw new TypeError(
      `${fn}(): draw must be a function (received ${describe(draw)})`,
    );
  }
  if (typeof statistics !== "object" || statistics === null) {
    throw new TypeError(
      `${fn}(): statistics must be an object of functions (received ${
        describe(statistics)
      })`,
    );
  }
  const names = Object.keys(statistics) as K[];
  if (names.length === 0) {
    throw new RangeError(
      `${fn}(): statistics must name at least one statistic (received an empty object)`,
    );
  }
  const fns = names.map((name) => {
    const f = statistics[name];
    if (typeof f !== "function") {
      throw new TypeError(
        `${fn}(): statistics.${name} must be a function (received ${
          describe(f)
        })`,
      );
    }
    return f;
  });
  const out = names.map(() => allocate(fn, "experiments", experiments));
  for (let e = 0; e < experiments; e++) {
    const sample = toFloat64Array(fn, "draw()", draw(e), { minLength: 0 });
    for (let s = 0; s < fns.length; s++) {
      const v = fns[s]!(sample);
      if (typeof v !== "number" || !Number.isFinite(v)) {
        throw new RangeError(
          `${fn}(): statistics.${
            names[s]
          } must return a finite number (received ${
            describe(v)
          } in experiment ${e})`,
        );
      }
      out[s]![e] = v;
    }
  }
  const result = {} as Record<K, Float64Array>;
  names.forEach((name, s) => (result[name] = out[s]!));
  return result;
}

/**
 * Values drawn per block by {@link sampleMeans} (unless one sample is larger): small
 * enough for the block to stay in cache between drawing and summing.
 */
const BLOCK = 2 ** 15;

/** Options of {@link sampleMeans}. */
export interface SampleMeansOptions {
  /** Mean of each observation. Defaults to 0. */
  loc?: number;
  /** Standard deviation of each observation (≥ 0). Defaults to 1. */
  scale?: number;
}

/**
 * The sample means of `experiments` Gaussian samples of size `n`, drawn one experiment
 * after another from `rs`: the fast equivalent of numpy's
 * `[np.mean(np.random.normal(loc, scale, n)) for _ in range(experiments)]`, equal to
 * it to the last bit when `rs` is in the same state: the same draws in the same order,
 * summed in numpy's order.
 *
 * The draws are made block by block into one reused buffer of about 32,768 values
 * (numpy's generator caches one Gaussian value between calls, so the stream does not
 * depend on how it is cut), and each mean is numpy's: {@link numpySum} of the `n`
 * values divided by `n`. Only the means are kept, never the `experiments × n` draws.
 *
 * @param rs The generator; it advances by `n · experiments` normal draws.
 * @param n The sample size of each experiment (integer ≥ 1).
 * @param experiments The number of experiments (integer ≥ 1).
 * @param options.loc Mean of each observation. Defaults to 0.
 * @param options.scale Standard deviation of each observation. Defaults to 1.
 * @returns The `experiments` sample means, in order.
 * @throws {TypeError} If `rs` is not a {@link RandomState} or `options` not an object.
 * @throws {RangeError} If `n` or `experiments` is not a positive integer, `n ·
 *   experiments` exceeds 2^28 (draws, what numpy could hold at once), `loc`
 *   is not finite, or `scale` is negative or not finite.
 * @throws {TypeError} If `options` has a key other than those documented above: a
 *   misspelt option is refused by name, never silently ignored.
 *
 * @example Same numbers as drawing experiment by experiment
 * ```ts
 * import { numpySum, sampleMeans } from "./simulate.ts";
 * import { RandomState } from "./random.ts";
 * import assert from "node:assert/strict";
 *
 * const fast = sampleMeans(new RandomState(42), 10, 500, { scale: 2 });
 * const rs = new RandomState(42);
 * const slow = Array.from({ length: 500 }, () => numpySum(rs.normal(0, 2, 10)) / 10);
 * assert.deepEqual(Array.from(fast), slow);
 * ```
 */
export function sampleMeans(
  rs: RandomState,
  n: number,
  experiments: number,
  options: SampleMeansOptions = {},
): Float64Array {
  const fn = "sampleMeans";
  checkGenerator(fn, rs);
  checkInteger(fn, "n", n, { min: 1 });
  checkInteger(fn, "experiments", experiments, { min: 1 });
  checkDraws(fn, n, experiments);
  const o = checkOptions(fn, options, ["loc", "scale"]);
  const loc = checkFinite(fn, "loc", o.loc ?? 0);
  const scale = checkNonNegative(fn, "scale", o.scale ?? 1);
  return drawMeans(rs, n, experiments, loc, scale);
}

/** The means of `experiments` samples of `n` normal draws, for checked arguments. */
function drawMeans(
  rs: RandomState,
  n: number,
  experiments: number,
  loc: number,
  scale: number,
): Float64Array {
  const perBlock = Math.min(experiments, Math.max(1, Math.floor(BLOCK / n)));
  // One scratch buffer, drawn into again and again: a fresh array per block would
  // spend more time page-faulting its memory than drawing the numbers.
  const scratch = new Float64Array(perBlock * n);
  const means = new Float64Array(experiments);
  for (let e0 = 0; e0 < experiments; e0 += perBlock) {
    const m = Math.min(perBlock, experiments - e0);
    const x = m === perBlock ? scratch : scratch.subarray(0, m * n);
    rs.normalInto(x, loc, scale);
    for (let e = 0; e < m; e++) means[e0 + e] = sumRange(x, e * n, n) / n;
  }
  return means;
}

function checkGenerator(fn: string, rs: unknown): void {
  if (!isInstance(rs, RandomState)) {
    throw new TypeError(
      `${fn}(): rs must be a RandomState (received ${describe(rs)})`,
    );
  }
}

/** Refuses more draws than numpy could hold at once (hours of work otherwise). */
function checkDraws(fn: string, n: number, experiments: number): void {
  if (n * experiments > MAX_LENGTH) {
    throw new RangeError(
      `${fn}(): n · experiments must be at most ${MAX_LENGTH} draws (received n=${n}, experiments=${experiments})`,
    );
  }
}

/** Options of {@link sampleMeanVariances}. */
export interface SampleMeanVariancesOptions extends SampleMeansOptions {
  /** Experiments per sample size (integer ≥ 1). Defaults to 10,000, as the article. */
  experiments?: number;
}

/**
 * The article's Cramér–Rao experiment in one call: for each sample size `n` in turn,
 * the variance (`np.var`, dividing by the number of experiments) of the sample means of
 * `experiments` Gaussian samples of size `n`, all drawn from the one stream `rs`. Equal
 * to the `empirical_var` column numpy prints for
 *
 * ```text
 * for n in sizes:
 *     means = [np.mean(np.random.normal(loc, scale, n)) for _ in range(experiments)]
 *     empirical_var = np.var(means)
 * ```
 *
 * when `rs` is in the same state (see {@link sampleMeans}).
 *
 * @param rs The generator; it advances by `experiments · Σ sizes` normal draws.
 * @param sizes The sample sizes, each an integer ≥ 1, in the order they are run.
 * @param options.experiments Experiments per size. Defaults to 10,000.
 * @param options.loc Mean of each observation. Defaults to 0.
 * @param options.scale Standard deviation of each observation. Defaults to 1.
 * @returns One variance per entry of `sizes`.
 * @throws {TypeError} If `rs` is not a {@link RandomState}, `sizes` is not an array of
 *   numbers or `options` not an object.
 * @throws {RangeError} If `sizes` is empty or holds a non-positive or non-integer
 *   size, or an option is out of range (as {@link sampleMeans}).
 * @throws {TypeError} If `options` has a key other than those documented above: a
 *   misspelt option is refused by name, never silently ignored.
 *
 * @example The variance of a mean falls like σ²/n
 * ```ts
 * import { sampleMeanVariances } from "./simulate.ts";
 * import { RandomState } from "./random.ts";
 * import assert from "node:assert/strict";
 *
 * const v = sampleMeanVariances(new RandomState(42), [10, 100], { experiments: 2000, scale: 2 });
 * assert.ok(Math.abs(v[0]! / 0.4 - 1) < 0.1);
 * assert.ok(Math.abs(v[1]! / 0.04 - 1) < 0.1);
 * ```
 */
export function sampleMeanVariances(
  rs: RandomState,
  sizes: ArrayLike<number>,
  options: SampleMeanVariancesOptions = {},
): number[] {
  const fn = "sampleMeanVariances";
  checkGenerator(fn, rs);
  const ns = toFloat64Array(fn, "sizes", sizes);
  ns.forEach((n, i) => checkInteger(fn, `sizes[${i}]`, n, { min: 1 }));
  const o = checkOptions(fn, options, ["experiments", "loc", "scale"]);
  const experiments = checkInteger(fn, "experiments", o.experiments ?? 10_000, {
    min: 1,
  });
  ns.forEach((n) => checkDraws(fn, n, experiments));
  const loc = checkFinite(fn, "loc", o.loc ?? 0);
  const scale = checkNonNegative(fn, "scale", o.scale ?? 1);
  return Array.from(
    ns,
    (n) => summarise(drawMeans(rs, n, experiments, loc, scale), 0).variance,
  );
}

/** The sampling distribution of an estimator, summarised against the true value. */
export interface SamplingSummary {
  /** Number of estimates. */
  readonly count: number;
  /** Average estimate, as `np.mean`. */
  readonly mean: number;
  /** `mean − truth`. */
  readonly bias: number;
  /** Spread of the estimates around their own mean, dividing by the count (`np.var`). */
  readonly variance: number;
  /** Mean squared distance to the truth, `np.mean((est − truth)**2)`. */
  readonly mse: number;
  /**
   * Monte Carlo standard error of `mean`: `√(variance / (count − 1))` (NaN for one
   * estimate). Use it to judge whether a bias is real or noise.
   */
  readonly standardError: number;
}

/**
 * Bias, variance and mean squared error of an estimator from its simulated values,
 * computed as numpy would (`np.mean`, `np.var` with `ddof=0`).
 *
 * The decomposition `mse = bias² + variance` holds for these numbers up to rounding,
 * because it holds for any distribution, including the empirical one.
 *
 * @param estimates The estimator's values, one per experiment (at least one).
 * @param truth The true value of the parameter.
 * @returns `{ count, mean, bias, variance, mse, standardError }`.
 * @throws {TypeError} If `estimates` is not an array of numbers.
 * @throws {RangeError} If `estimates` is empty or holds a non-finite value, or
 *   `truth` is not finite.
 *
 * @example An estimator that is always 1 too high
 * ```ts
 * import { samplingSummary } from "./simulate.ts";
 * import assert from "node:assert/strict";
 *
 * const s = samplingSummary([2, 4, 3, 3], 2);
 * assert.deepEqual([s.mean, s.bias, s.variance, s.mse], [3, 1, 0.5, 1.5]);
 * assert.equal(s.standardError, Math.sqrt(0.5 / 3));
 * ```
 */
export function samplingSummary(
  estimates: ArrayLike<number>,
  truth: number,
): SamplingSummary {
  const fn = "samplingSummary";
  const x = toFloat64Array(fn, "estimates", estimates);
  const t = checkFinite(fn, "truth", truth);
  return summarise(x, t);
}

/** {@link samplingSummary} of checked estimates. */
function summarise(x: Float64Array, t: number): SamplingSummary {
  const m = x.length;
  const mean = sumRange(x, 0, m) / m;
  if (!Number.isFinite(mean)) return summariseScaled(x, t);
  const dev = new Float64Array(m);
  const err = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    const d = x[i]! - mean;
    dev[i] = d * d;
    const e = x[i]! - t;
    err[i] = e * e;
  }
  const variance = sumRange(dev, 0, m) / m;
  const mse = sumRange(err, 0, m) / m;
  if (!Number.isFinite(variance) || !Number.isFinite(mse)) {
    return summariseScaled(x, t);
  }
  return {
    count: m,
    mean,
    bias: mean - t,
    variance,
    mse,
    standardError: m > 1 ? Math.sqrt(variance / (m - 1)) : NaN,
  };
}

/**
 * {@link summarise} for estimates near the largest double, whose sum or squared
 * deviations overflow: everything is computed on values scaled by a power of two
 * 2^-k (exact) and scaled back, as `mean()` does, so only a result that is itself
 * beyond the float64 range comes out as Infinity.
 */
function summariseScaled(x: Float64Array, t: number): SamplingSummary {
  const m = x.length;
  let big = Math.abs(t);
  for (let i = 0; i < m; i++) big = Math.max(big, Math.abs(x[i]!));
  const k = Math.floor(Math.log2(big));
  const f = 2 ** -k;
  const xs = Float64Array.from(x, (v) => v * f);
  const ts = t * f;
  const ms = sumRange(xs, 0, m) / m;
  const dev = new Float64Array(m);
  const err = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    const d = xs[i]! - ms;
    dev[i] = d * d;
    const e = xs[i]! - ts;
    err[i] = e * e;
  }
  const vs = sumRange(dev, 0, m) / m;
  const up = 2 ** k;
  return {
    count: m,
    mean: ms * up,
    bias: (ms - ts) * up,
    variance: vs * up * up,
    mse: sumRange(err, 0, m) / m * up * up,
    standardError: m > 1 ? Math.sqrt(vs / (m - 1)) * up : NaN,
  };
}

/**
 * Running means `x̄_k = (x_1 + … + x_k) / k` for `k = 1 … n`, as numpy's
 * `np.cumsum(x) / np.arange(1, n + 1)`: the path an estimate follows as data arrive,
 * used to watch an estimator converge (consistency).
 *
 * @param x The observations, in arrival order (at least one).
 * @returns A `Float64Array` of the `n` running means.
 * @throws {TypeError} If `x` is not an array of numbers.
 * @throws {RangeError} If `x` is empty or holds a non-finite value.
 *
 * @example
 * ```ts
 * import { cumulativeMean } from "./simulate.ts";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual(cumulativeMean([2, 4, 0, 6]), new Float64Array([2, 3, 2, 3]));
 * ```
 */
export function cumulativeMean(x: ArrayLike<number>): Float64Array {
  const v = toFloat64Array("cumulativeMean", "x", x);
  const out = new Float64Array(v.length);
  let s = 0;
  for (let i = 0; i < v.length; i++) {
    s += v[i]!;
    out[i] = s / (i + 1);
  }
  if (Number.isFinite(s) && !out.some((m) => !Number.isFinite(m))) return out;
  // A partial sum overflowed (values near the largest double), though no mean can:
  // the same running sums of values scaled by a power of two, exactly.
  let big = 0;
  for (let i = 0; i < v.length; i++) big = Math.max(big, Math.abs(v[i]!));
  const k = Math.floor(Math.log2(big));
  const f = 2 ** -k, up = 2 ** k;
  s = 0;
  for (let i = 0; i < v.length; i++) {
    s += v[i]! * f;
    out[i] = s / (i + 1) * up;
  }
  return out;
}
