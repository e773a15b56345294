/**
 * Log-densities, log-likelihoods and maximum-likelihood fits for the distributions
 * behind the common losses: Normal (squared error), Laplace (absolute error),
 * Bernoulli (binary cross-entropy) and categorical (cross-entropy).
 *
 * Densities follow `scipy.stats` (`norm`, `laplace`, `bernoulli`); fits return the
 * same estimates as scipy's `norm.fit` and `laplace.fit`, together with the
 * log-likelihood at the estimate and standard errors from the Fisher information.
 *
 * @module
 */

import {
  checkFinite,
  checkInteger,
  checkPositive,
  checkProbability,
  describe,
  isArrayLike,
  type NumericArray,
  toFloat64Array,
} from "./_validate.ts";
import { mean, median, std } from "./stats.ts";

/** `log √(2π)`, as scipy's `_norm_pdf_logC`. */
const LOG_SQRT_2PI = Math.log(Math.sqrt(2 * Math.PI));

// ---------------------------------------------------------------------------
// Log-densities
// ---------------------------------------------------------------------------

function normalLogPdfUnchecked(x: number, mu: number, sigma: number): number {
  const z = (x - mu) / sigma;
  return -(z * z) / 2 - LOG_SQRT_2PI - Math.log(sigma);
}

/**
 * Log-density of the Normal distribution `N(μ, σ²)`:
 * `log f(x) = -(x - μ)² / (2σ²) - log σ - ½ log 2π`, as `scipy.stats.norm.logpdf`.
 *
 * @param x The point, finite.
 * @param mu The mean μ, finite. Defaults to 0.
 * @param sigma The standard deviation σ > 0. Defaults to 1.
 * @returns `log f(x; μ, σ)`.
 * @throws {TypeError} If an argument is not a number.
 * @throws {RangeError} If an argument is not finite, or `sigma <= 0`.
 *
 * @example
 * ```ts
 * import { normalLogPdf } from "./distributions.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(normalLogPdf(0), -0.5 * Math.log(2 * Math.PI));
 * assert.throws(() => normalLogPdf(0, 0, 0), /normalLogPdf\(\): sigma must be greater than 0/);
 * ```
 */
export function normalLogPdf(x: number, mu = 0, sigma = 1): number {
  const fn = "normalLogPdf";
  checkFinite(fn, "x", x);
  checkFinite(fn, "mu", mu);
  checkPositive(fn, "sigma", sigma);
  return normalLogPdfUnchecked(x, mu, sigma);
}

/**
 * Density of the Normal distribution `N(μ, σ²)`:
 * `f(x) = exp(-(x - μ)² / (2σ²)) / (σ √(2π))`, as `scipy.stats.norm.pdf`.
 *
 * @param x The point, finite.
 * @param mu The mean μ, finite. Defaults to 0.
 * @param sigma The standard deviation σ > 0. Defaults to 1.
 * @returns `f(x; μ, σ)`.
 * @throws {TypeError} If an argument is not a number.
 * @throws {RangeError} If an argument is not finite, or `sigma <= 0`.
 *
 * @example
 * ```ts
 * import { normalPdf } from "./distributions.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(normalPdf(0), 1 / Math.sqrt(2 * Math.PI));
 * assert.equal(normalPdf(3, 3, 2), normalPdf(0) / 2);
 * ```
 */
export function normalPdf(x: number, mu = 0, sigma = 1): number {
  const fn = "normalPdf";
  checkFinite(fn, "x", x);
  checkFinite(fn, "mu", mu);
  checkPositive(fn, "sigma", sigma);
  const z = (x - mu) / sigma;
  return Math.exp(-(z * z) / 2) / Math.sqrt(2 * Math.PI) / sigma;
}

function laplaceLogPdfUnchecked(x: number, mu: number, b: number): number {
  return Math.log(0.5) - Math.abs((x - mu) / b) - Math.log(b);
}

/**
 * Log-density of the Laplace distribution with location μ and scale b:
 * `log f(x) = -|x - μ| / b - log(2b)`, as `scipy.stats.laplace.logpdf`.
 *
 * @param x The point, finite.
 * @param mu The location μ (the median), finite. Defaults to 0.
 * @param b The scale b > 0 (the mean absolute deviation). Defaults to 1.
 * @returns `log f(x; μ, b)`.
 * @throws {TypeError} If an argument is not a number.
 * @throws {RangeError} If an argument is not finite, or `b <= 0`.
 *
 * @example
 * ```ts
 * import { laplaceLogPdf } from "./distributions.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(laplaceLogPdf(0), Math.log(0.5));
 * assert.equal(laplaceLogPdf(3, 1, 2), Math.log(0.5) - 1 - Math.log(2));
 * ```
 */
export function laplaceLogPdf(x: number, mu = 0, b = 1): number {
  const fn = "laplaceLogPdf";
  checkFinite(fn, "x", x);
  checkFinite(fn, "mu", mu);
  checkPositive(fn, "b", b);
  return laplaceLogPdfUnchecked(x, mu, b);
}

function checkBinary(fn: string, name: string, value: unknown): 0 | 1 {
  if (value === 0 || value === false) return 0;
  if (value === 1 || value === true) return 1;
  const msg = `${fn}(): ${name} must be 0 or 1 (received ${describe(value)})`;
  throw typeof value === "number" ? new RangeError(msg) : new TypeError(msg);
}

function bernoulliLogPmfUnchecked(k: 0 | 1, p: number): number {
  if (k === 1) return Math.log(p);
  return p === 0 ? 0 : Math.log1p(-p); // log1p(-0) would be -0
}

/**
 * Log-probability of the Bernoulli distribution: `log p` for `k = 1`,
 * `log(1 - p)` for `k = 0` (as `scipy.stats.bernoulli.logpmf`). It is `-Infinity`
 * exactly where the probability is 0 (`k = 1, p = 0` or `k = 0, p = 1`).
 *
 * @param k The outcome: 0 or 1 (`false` or `true` also accepted).
 * @param p The success probability in [0, 1].
 * @returns `log P(K = k)`, in [-Infinity, 0].
 * @throws {TypeError} If `k` is not a number or boolean, or `p` is not a number.
 * @throws {RangeError} If `k` is not 0 or 1, or `p` is outside [0, 1] or NaN.
 *
 * @example
 * ```ts
 * import { bernoulliLogPmf } from "./distributions.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(bernoulliLogPmf(1, 0.25), Math.log(0.25));
 * assert.equal(bernoulliLogPmf(0, 0.25), Math.log(0.75));
 * assert.equal(bernoulliLogPmf(1, 0), -Infinity);
 * ```
 */
export function bernoulliLogPmf(k: number | boolean, p: number): number {
  const fn = "bernoulliLogPmf";
  const kk = checkBinary(fn, "k", k);
  checkProbability(fn, "p", p);
  return bernoulliLogPmfUnchecked(kk, p);
}

/** Validated probability vector: entries in [0, 1], sum within 1e-9 of 1. */
function toProbabilities(fn: string, probs: unknown): Float64Array {
  const p = toFloat64Array(fn, "probs", probs);
  let s = 0;
  for (let i = 0; i < p.length; i++) {
    checkProbability(fn, `probs[${i}]`, p[i]);
    s += p[i]!;
  }
  if (!(Math.abs(s - 1) <= 1e-9)) {
    throw new RangeError(
      `${fn}(): probs must sum to 1 (within 1e-9) (received sum ${s})`,
    );
  }
  return p;
}

/**
 * Log-probability of the categorical distribution: `log probs[k]`. It is
 * `-Infinity` exactly when `probs[k] = 0`.
 *
 * @param k The class, an integer in [0, K).
 * @param probs The `K` class probabilities, each in [0, 1], summing to 1 within
 *   `1e-9`.
 * @returns `log P(K = k)`.
 * @throws {TypeError} If an argument has the wrong type.
 * @throws {RangeError} If `k` is not an integer in [0, K), or `probs` is empty, holds
 *   a value outside [0, 1], or does not sum to 1.
 *
 * @example
 * ```ts
 * import { categoricalLogPmf } from "./distributions.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(categoricalLogPmf(2, [0.2, 0.3, 0.5]), Math.log(0.5));
 * assert.throws(() => categoricalLogPmf(3, [0.2, 0.3, 0.5]), /k must be in \[0, 2\]/);
 * ```
 */
export function categoricalLogPmf(k: number, probs: NumericArray): number {
  const fn = "categoricalLogPmf";
  const p = toProbabilities(fn, probs);
  checkInteger(fn, "k", k, { min: 0, max: p.length - 1 });
  return Math.log(p[k]!);
}

// ---------------------------------------------------------------------------
// Log-likelihoods of a sample
// ---------------------------------------------------------------------------

/**
 * Log-likelihood of an i.i.d. Normal sample: `Σ_i log f(x_i; μ, σ)`.
 *
 * @param x The sample: at least one finite value.
 * @param mu The mean μ, finite.
 * @param sigma The standard deviation σ > 0.
 * @returns The sum of the log-densities.
 * @throws {TypeError} If an argument has the wrong type.
 * @throws {RangeError} If `x` is empty or holds a non-finite value, `mu` is not
 *   finite, or `sigma <= 0`.
 *
 * @example
 * ```ts
 * import { normalLogLikelihood, normalLogPdf } from "./distributions.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(normalLogLikelihood([0, 2], 1, 1), 2 * normalLogPdf(1));
 * ```
 */
export function normalLogLikelihood(
  x: NumericArray,
  mu: number,
  sigma: number,
): number {
  const fn = "normalLogLikelihood";
  const v = toFloat64Array(fn, "x", x);
  checkFinite(fn, "mu", mu);
  checkPositive(fn, "sigma", sigma);
  let s = 0;
  for (let i = 0; i < v.length; i++) {
    s += normalLogPdfUnchecked(v[i]!, mu, sigma);
  }
  return s;
}

/**
 * Log-likelihood of an i.i.d. Laplace sample: `Σ_i log f(x_i; μ, b)`.
 *
 * @param x The sample: at least one finite value.
 * @param mu The location μ, finite.
 * @param b The scale b > 0.
 * @returns The sum of the log-densities.
 * @throws {TypeError} If an argument has the wrong type.
 * @throws {RangeError} If `x` is empty or holds a non-finite value, `mu` is not
 *   finite, or `b <= 0`.
 *
 * @example
 * ```ts
 * import { laplaceLogLikelihood } from "./distributions.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(laplaceLogLikelihood([-1, 1], 0, 1), 2 * (Math.log(0.5) - 1));
 * ```
 */
export function laplaceLogLikelihood(
  x: NumericArray,
  mu: number,
  b: number,
): number {
  const fn = "laplaceLogLikelihood";
  const v = toFloat64Array(fn, "x", x);
  checkFinite(fn, "mu", mu);
  checkPositive(fn, "b", b);
  let s = 0;
  for (let i = 0; i < v.length; i++) {
    s += laplaceLogPdfUnchecked(v[i]!, mu, b);
  }
  return s;
}

/** Number of ones in a validated 0/1 (or boolean) sample. */
function countOnes(
  fn: string,
  x: ArrayLike<number | boolean>,
): { n: number; k: number } {
  if (!isArrayLike(x)) {
    throw new TypeError(
      `${fn}(): x must be an array of 0/1 values (received ${describe(x)})`,
    );
  }
  if (x.length === 0) {
    throw new RangeError(
      `${fn}(): x must have at least 1 value (received ${describe(x)})`,
    );
  }
  let k = 0;
  for (let i = 0; i < x.length; i++) k += checkBinary(fn, `x[${i}]`, x[i]);
  return { n: x.length, k };
}

/** `k log p + (n - k) log(1 - p)` with `0 · log 0 = 0`. */
function bernoulliLogLikelihoodUnchecked(n: number, k: number, p: number) {
  const a = k === 0 ? 0 : k * Math.log(p);
  const b = n - k === 0 ? 0 : (n - k) * Math.log1p(-p);
  return a + b;
}

/**
 * Log-likelihood of an i.i.d. Bernoulli sample with `k` ones among `n`:
 * `k log p + (n - k) log(1 - p)`, with the convention `0 · log 0 = 0` (so an
 * all-ones sample has log-likelihood 0 at `p = 1`, and `-Infinity` at `p = 0`).
 *
 * @param x The sample: 0/1 values (or booleans), at least one.
 * @param p The success probability in [0, 1].
 * @returns The sum of the log-probabilities.
 * @throws {TypeError} If `x` is not an array, or an entry is neither number nor
 *   boolean, or `p` is not a number.
 * @throws {RangeError} If `x` is empty or holds a value other than 0 and 1, or `p`
 *   is outside [0, 1] or NaN.
 *
 * @example
 * ```ts
 * import { bernoulliLogLikelihood } from "./distributions.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(bernoulliLogLikelihood([1, 0, 1, 1], 0.5), 4 * Math.log(0.5));
 * assert.equal(bernoulliLogLikelihood([true, true], 1), 0);
 * ```
 */
export function bernoulliLogLikelihood(
  x: ArrayLike<number | boolean>,
  p: number,
): number {
  const fn = "bernoulliLogLikelihood";
  const { n, k } = countOnes(fn, x);
  checkProbability(fn, "p", p);
  return bernoulliLogLikelihoodUnchecked(n, k, p);
}

/**
 * Log-likelihood of an i.i.d. categorical sample: `Σ_i log probs[k_i]`.
 *
 * @param k The classes: integers in [0, K), at least one.
 * @param probs The `K` class probabilities, summing to 1 within `1e-9`.
 * @returns The sum of the log-probabilities (`-Infinity` if a class of probability
 *   0 occurs).
 * @throws {TypeError} If an argument has the wrong type.
 * @throws {RangeError} If `k` is empty or holds a value that is not an integer in
 *   [0, K), or `probs` is not a probability vector.
 *
 * @example
 * ```ts
 * import { categoricalLogLikelihood } from "./distributions.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(categoricalLogLikelihood([0, 2, 2], [0.5, 0, 0.5]), 3 * Math.log(0.5));
 * ```
 */
export function categoricalLogLikelihood(
  k: NumericArray,
  probs: NumericArray,
): number {
  const fn = "categoricalLogLikelihood";
  const classes = toFloat64Array(fn, "k", k);
  const p = toProbabilities(fn, probs);
  let s = 0;
  for (let i = 0; i < classes.length; i++) {
    const c = checkInteger(fn, `k[${i}]`, classes[i], {
      min: 0,
      max: p.length - 1,
    });
    s += Math.log(p[c]!);
  }
  return s;
}

// ---------------------------------------------------------------------------
// Maximum-likelihood fits
// ---------------------------------------------------------------------------

function isConstant(v: Float64Array): boolean {
  for (let i = 1; i < v.length; i++) if (v[i] !== v[0]) return false;
  return true;
}

/** Result of {@link fitNormal}. */
export interface NormalFit {
  /** MLE of the mean: the sample mean. */
  mu: number;
  /** MLE of the standard deviation: `√(Σ(x_i - μ̂)² / n)` (divides by n). */
  sigma: number;
  /** Log-likelihood at the estimate, `Σ log f(x_i; μ̂, σ̂)`. */
  logLikelihood: number;
  /** Standard errors from the Fisher information: `σ̂/√n` and `σ̂/√(2n)`. */
  standardErrors: { mu: number; sigma: number };
  /** Sample size. */
  n: number;
}

/**
 * Maximum-likelihood fit of a Normal distribution, the same estimates as
 * `scipy.stats.norm.fit`: `μ̂ = mean(x)`, `σ̂ = √(Σ(x_i - μ̂)² / n)` — dividing by
 * `n`, not `n - 1`, so `σ̂²` is biased low by the factor `(n - 1)/n`.
 *
 * Standard errors come from the Fisher information per observation,
 * `I(μ) = 1/σ²` and `I(σ) = 2/σ²` (μ and σ are orthogonal), evaluated at the
 * estimate: `se(μ̂) = σ̂/√n`, `se(σ̂) = σ̂/√(2n)`.
 *
 * @param x The sample: finite values, at least two of them distinct.
 * @returns `{ mu, sigma, logLikelihood, standardErrors: { mu, sigma }, n }`.
 * @throws {TypeError} If `x` is not an array of numbers.
 * @throws {RangeError} If `x` is empty, holds a non-finite value, or is constant
 *   (then `σ̂ = 0` and the likelihood is unbounded).
 *
 * @example
 * ```ts
 * import { fitNormal } from "./distributions.ts";
 * import assert from "node:assert/strict";
 *
 * const fit = fitNormal([1, 2, 3, 4]);
 * assert.equal(fit.mu, 2.5);
 * assert.equal(fit.sigma, Math.sqrt(1.25)); // divides by n = 4
 * assert.equal(fit.standardErrors.mu, fit.sigma / 2);
 * ```
 */
export function fitNormal(x: NumericArray): NormalFit {
  const fn = "fitNormal";
  const v = toFloat64Array(fn, "x", x);
  const n = v.length;
  const mu = mean(v);
  const sigma = std(v); // ddof = 0: divides by n
  if (isConstant(v) || !(sigma > 0)) {
    throw new RangeError(
      `${fn}(): x must hold at least two distinct values, or the MLE of sigma is 0 (received ${
        describe(x)
      } of constant ${v[0]})`,
    );
  }
  let logLikelihood = 0;
  for (let i = 0; i < n; i++) {
    logLikelihood += normalLogPdfUnchecked(v[i]!, mu, sigma);
  }
  return {
    mu,
    sigma,
    logLikelihood,
    standardErrors: {
      mu: sigma / Math.sqrt(n),
      sigma: sigma / Math.sqrt(2 * n),
    },
    n,
  };
}

/** Result of {@link fitBernoulli}. */
export interface BernoulliFit {
  /** MLE of the success probability: the fraction of ones. */
  p: number;
  /** Log-likelihood at the estimate (0 when `p̂` is 0 or 1). */
  logLikelihood: number;
  /** Standard error `√(p̂(1 - p̂)/n)` from the Fisher information. */
  standardErrors: { p: number };
  /** Sample size. */
  n: number;
}

/**
 * Maximum-likelihood fit of a Bernoulli distribution: `p̂ = k/n`, the fraction of
 * ones.
 *
 * The standard error comes from the Fisher information `I(p) = 1/(p(1 - p))` per
 * observation, at the estimate: `se(p̂) = √(p̂(1 - p̂)/n)`. When every value is equal
 * (`p̂ = 0` or `1`) it is 0 and the log-likelihood is 0 — the likelihood is maximal
 * at the boundary, and a zero standard error there signals that the Wald
 * approximation has broken down, not that `p` is known exactly.
 *
 * @param x The sample: 0/1 values or booleans, at least one.
 * @returns `{ p, logLikelihood, standardErrors: { p }, n }`.
 * @throws {TypeError} If `x` is not an array, or holds a value that is neither
 *   number nor boolean.
 * @throws {RangeError} If `x` is empty or holds a number other than 0 and 1.
 *
 * @example
 * ```ts
 * import { fitBernoulli } from "./distributions.ts";
 * import assert from "node:assert/strict";
 *
 * const fit = fitBernoulli([1, 0, 1, 1]);
 * assert.equal(fit.p, 0.75);
 * assert.equal(fit.standardErrors.p, Math.sqrt(0.75 * 0.25 / 4));
 * assert.equal(fitBernoulli([true, true]).standardErrors.p, 0);
 * ```
 */
export function fitBernoulli(x: ArrayLike<number | boolean>): BernoulliFit {
  const { n, k } = countOnes("fitBernoulli", x);
  const p = k / n;
  return {
    p,
    logLikelihood: bernoulliLogLikelihoodUnchecked(n, k, p),
    standardErrors: { p: Math.sqrt(p * (1 - p) / n) },
    n,
  };
}

/** Result of {@link fitLaplace}. */
export interface LaplaceFit {
  /** MLE of the location: the sample median. */
  mu: number;
  /** MLE of the scale: the mean absolute deviation from the median. */
  b: number;
  /** Log-likelihood at the estimate, `Σ log f(x_i; μ̂, b̂)`. */
  logLikelihood: number;
  /** Standard errors `b̂/√n` for both μ̂ and b̂ (see {@link fitLaplace}). */
  standardErrors: { mu: number; b: number };
  /** Sample size. */
  n: number;
}

/**
 * Maximum-likelihood fit of a Laplace distribution, the same estimates as
 * `scipy.stats.laplace.fit`: `μ̂ = median(x)` (the mean of the two middle values
 * when `n` is even — any point between them maximises the likelihood) and
 * `b̂ = Σ|x_i - μ̂| / n`.
 *
 * Standard errors, evaluated at the estimate:
 * - scale: the Fisher information per observation is `I(b) = 1/b²`, so
 *   `se(b̂) = b̂/√n`;
 * - location: the log-density is not differentiable at μ, so the usual regularity
 *   argument does not apply, but the median's asymptotic variance is
 *   `1/(4 n f(μ)²) = b²/n` (with `f(μ) = 1/(2b)`), which equals the Cramér–Rao bound
 *   `1/(n I(μ))`, `I(μ) = E[(sign(x - μ)/b)²] = 1/b²`. So `se(μ̂) = b̂/√n`.
 *
 * @param x The sample: finite values, not all equal.
 * @returns `{ mu, b, logLikelihood, standardErrors: { mu, b }, n }`.
 * @throws {TypeError} If `x` is not an array of numbers.
 * @throws {RangeError} If `x` is empty, holds a non-finite value, or is constant
 *   (then `b̂ = 0` and the likelihood is unbounded).
 *
 * @example
 * ```ts
 * import { fitLaplace } from "./distributions.ts";
 * import assert from "node:assert/strict";
 *
 * const fit = fitLaplace([0, 1, 2, 10]);
 * assert.equal(fit.mu, 1.5); // median
 * assert.equal(fit.b, (1.5 + 0.5 + 0.5 + 8.5) / 4);
 * assert.equal(fit.standardErrors.b, fit.b / 2);
 * ```
 */
export function fitLaplace(x: NumericArray): LaplaceFit {
  const fn = "fitLaplace";
  const v = toFloat64Array(fn, "x", x);
  const n = v.length;
  const mu = median(v);
  let sad = 0;
  for (let i = 0; i < n; i++) sad += Math.abs(v[i]! - mu);
  const b = sad / n;
  if (isConstant(v) || !(b > 0)) {
    throw new RangeError(
      `${fn}(): x must hold at least two distinct values, or the MLE of b is 0 (received ${
        describe(x)
      } of constant ${v[0]})`,
    );
  }
  let logLikelihood = 0;
  for (let i = 0; i < n; i++) {
    logLikelihood += laplaceLogPdfUnchecked(v[i]!, mu, b);
  }
  const se = b / Math.sqrt(n);
  return { mu, b, logLikelihood, standardErrors: { mu: se, b: se }, n };
}
