/**
 * Fisher information, Cramér–Rao lower bounds, and the conjugate Beta–Bernoulli
 * posterior.
 *
 * The Fisher information of `n` independent observations is `n` times that of one
 * observation, and the Cramér–Rao bound is its inverse: no unbiased estimator of the
 * parameter has a smaller variance. Every function here takes the sample size `n`
 * (default 1) and, for the normal model, the variance `sigma2` (not the standard
 * deviation), so that `crbNormalMean(sigma2, n) === 1 / fisherInformationNormalMean(sigma2, n)`.
 *
 * @module
 */

import {
  checkFinite,
  checkInteger,
  checkOptions,
  checkPositive,
  checkProbability,
  describe,
  toFloat64Array,
} from "./validate.ts";
import { Matrix } from "./linalg.ts";
import { toDesignMatrix } from "./regression.ts";
import { sigmoid } from "./losses.ts";

// ---------------------------------------------------------------------------------
// Closed-form Fisher information and Cramér–Rao bounds
// ---------------------------------------------------------------------------------

function checkN(fn: string, n: unknown): number {
  return checkInteger(fn, "n", n, { min: 1 });
}

/**
 * Fisher information about the mean `mu` of a normal distribution with known variance:
 * `I(mu) = n / sigma2`.
 *
 * @param sigma2 The variance `sigma^2` (> 0).
 * @param n The number of independent observations (integer >= 1). Defaults to 1.
 * @returns `n / sigma2`.
 * @throws {RangeError} If `sigma2` is not positive and finite or `n` is not a positive integer.
 *
 * @example Four observations with variance 2 carry information 2 about the mean
 * ```ts
 * import { fisherInformationNormalMean } from "./fisher.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(fisherInformationNormalMean(2, 4), 2);
 * assert.equal(fisherInformationNormalMean(0.25), 4);
 * ```
 */
export function fisherInformationNormalMean(sigma2: number, n = 1): number {
  const fn = "fisherInformationNormalMean";
  const s2 = checkPositive(fn, "sigma2", sigma2);
  return checkN(fn, n) / s2;
}

/**
 * Fisher information about the variance `sigma2` of a normal distribution with known
 * mean: `I(sigma2) = n / (2 sigma2^2)`.
 *
 * @param sigma2 The variance `sigma^2` (> 0).
 * @param n The number of independent observations (integer >= 1). Defaults to 1.
 * @returns `n / (2 sigma2^2)`.
 * @throws {RangeError} If `sigma2` is not positive and finite or `n` is not a positive integer.
 *
 * @example
 * ```ts
 * import { fisherInformationNormalVariance } from "./fisher.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(fisherInformationNormalVariance(2, 8), 1);
 * ```
 */
export function fisherInformationNormalVariance(
  sigma2: number,
  n = 1,
): number {
  const fn = "fisherInformationNormalVariance";
  const s2 = checkPositive(fn, "sigma2", sigma2);
  return checkN(fn, n) / (2 * s2 * s2);
}

/**
 * Fisher information about the success probability `p` of a Bernoulli distribution:
 * `I(p) = n / (p (1 - p))`.
 *
 * @param p The success probability, strictly between 0 and 1.
 * @param n The number of independent trials (integer >= 1). Defaults to 1.
 * @returns `n / (p (1 - p))`.
 * @throws {RangeError} If `p` is not in (0, 1) or `n` is not a positive integer.
 *
 * @example Information is smallest at p = 1/2, where outcomes are least predictable
 * ```ts
 * import { fisherInformationBernoulli } from "./fisher.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(fisherInformationBernoulli(0.5), 4);
 * assert.equal(fisherInformationBernoulli(0.5, 10), 40);
 * assert.ok(fisherInformationBernoulli(0.1) > fisherInformationBernoulli(0.5));
 * ```
 */
export function fisherInformationBernoulli(p: number, n = 1): number {
  const fn = "fisherInformationBernoulli";
  const q = checkOpenProbability(fn, p);
  return checkN(fn, n) / (q * (1 - q));
}

/**
 * Cramér–Rao lower bound for an unbiased estimator of a normal mean with known
 * variance: `sigma2 / n`. The sample mean attains it.
 *
 * @param sigma2 The variance `sigma^2` (> 0).
 * @param n The sample size (integer >= 1). Defaults to 1.
 * @returns `sigma2 / n`, the inverse of {@link fisherInformationNormalMean}.
 * @throws {RangeError} If `sigma2` is not positive and finite or `n` is not a positive integer.
 *
 * @example The article's table: sigma^2 = 4
 * ```ts
 * import { crbNormalMean } from "./fisher.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(crbNormalMean(4, 10), 0.4);
 * assert.equal(crbNormalMean(4, 1000), 0.004);
 * ```
 */
export function crbNormalMean(sigma2: number, n = 1): number {
  const fn = "crbNormalMean";
  const s2 = checkPositive(fn, "sigma2", sigma2);
  return s2 / checkN(fn, n);
}

/**
 * Cramér–Rao lower bound for an unbiased estimator of a normal variance with known
 * mean: `2 sigma2^2 / n`.
 *
 * @param sigma2 The variance `sigma^2` (> 0).
 * @param n The sample size (integer >= 1). Defaults to 1.
 * @returns `2 sigma2^2 / n`, the inverse of {@link fisherInformationNormalVariance}.
 * @throws {RangeError} If `sigma2` is not positive and finite or `n` is not a positive integer.
 *
 * @example
 * ```ts
 * import { crbNormalVariance } from "./fisher.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(crbNormalVariance(3, 6), 3);
 * ```
 */
export function crbNormalVariance(sigma2: number, n = 1): number {
  const fn = "crbNormalVariance";
  const s2 = checkPositive(fn, "sigma2", sigma2);
  return (2 * s2 * s2) / checkN(fn, n);
}

/**
 * Cramér–Rao lower bound for an unbiased estimator of a Bernoulli probability:
 * `p (1 - p) / n`. The sample proportion attains it.
 *
 * @param p The success probability, strictly between 0 and 1.
 * @param n The number of trials (integer >= 1). Defaults to 1.
 * @returns `p (1 - p) / n`, the inverse of {@link fisherInformationBernoulli}.
 * @throws {RangeError} If `p` is not in (0, 1) or `n` is not a positive integer.
 *
 * @example
 * ```ts
 * import { crbBernoulli } from "./fisher.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(crbBernoulli(0.5, 100), 0.0025);
 * ```
 */
export function crbBernoulli(p: number, n = 1): number {
  const fn = "crbBernoulli";
  const q = checkOpenProbability(fn, p);
  return (q * (1 - q)) / checkN(fn, n);
}

/**
 * Largest shape accepted by the incomplete beta functions: beyond it the continued
 * fraction needs more than its 100,000 iterations and `log B(a, b)` loses its digits
 * to cancellation (relative error grows like `a · eps`).
 */
const MAX_SHAPE = 1e9;

function checkShape(fn: string, name: string, v: unknown): number {
  const s = checkPositive(fn, name, v);
  if (s > MAX_SHAPE) {
    throw new RangeError(
      `${fn}(): ${name} must be at most ${MAX_SHAPE} (received ${describe(s)})`,
    );
  }
  return s;
}

function checkOpenProbability(fn: string, p: unknown): number {
  const q = checkProbability(fn, "p", p);
  if (q === 0 || q === 1) {
    throw new RangeError(
      `${fn}(): p must be strictly between 0 and 1 (received ${describe(q)})`,
    );
  }
  return q;
}

// ---------------------------------------------------------------------------------
// Fisher information of logistic regression, and the empirical Fisher
// ---------------------------------------------------------------------------------

/**
 * Fisher information matrix of logistic regression at the parameters `(intercept, coef)`:
 * `X^T W X` with `W = diag(p_i (1 - p_i))` and `p_i = sigmoid(intercept + x_i . coef)`.
 * For the logistic model the observed and expected information coincide (the Hessian
 * of the negative log-likelihood does not depend on `y`), and its inverse is the
 * asymptotic covariance of the maximum-likelihood estimate.
 *
 * @param X The design, `n` rows of `d` features (`number[][]` or a `Matrix`).
 * @param coef The `d` coefficients.
 * @param intercept If given, a column of ones is prepended to `X` and the intercept is
 *   the first parameter: the result is `(d + 1) x (d + 1)` with the intercept in row
 *   and column 0. If omitted, the result is `d x d` and `X` is used as it is.
 * @returns The information matrix (symmetric, positive semi-definite).
 * @throws {RangeError} If `X` is empty, ragged or non-finite, if `X·coef` overflows
 *   to ∞ − ∞ in a row, if `coef` does not have
 *   one entry per column of `X`, or if `intercept` is not finite.
 *
 * @example At zero coefficients every weight is 1/4
 * ```ts
 * import { logisticFisherInformation } from "./fisher.ts";
 * import assert from "node:assert/strict";
 *
 * const info = logisticFisherInformation([[1], [2], [3]], [0], 0);
 * assert.deepEqual([info.get(0, 0), info.get(0, 1), info.get(1, 1)], [0.75, 1.5, 3.5]);
 * ```
 */
export function logisticFisherInformation(
  X: number[][] | Matrix,
  coef: ArrayLike<number>,
  intercept?: number,
): Matrix {
  const fn = "logisticFisherInformation";
  const design = toDesignMatrix(fn, "X", X);
  const w = toFloat64Array(fn, "coef", coef);
  if (w.length !== design.cols) {
    throw new RangeError(
      `${fn}(): coef must have one entry per column of X (received ${w.length} entries for ${design.cols} columns)`,
    );
  }
  const hasIntercept = intercept !== undefined;
  const b = hasIntercept ? checkFinite(fn, "intercept", intercept) : 0;
  const { rows: n, cols: d, data } = design;
  const k = hasIntercept ? d + 1 : d;
  const out = new Float64Array(k * k);
  const off = hasIntercept ? 1 : 0;
  const row = new Float64Array(k);
  for (let i = 0; i < n; i++) {
    let eta = b;
    for (let j = 0; j < d; j++) eta += data[i * d + j]! * w[j]!;
    // ±Infinity is a valid limit (weight 0); NaN means ∞ − ∞ in X·coef.
    if (Number.isNaN(eta)) {
      throw new RangeError(
        `${fn}(): X·coef overflows the float64 range at row ${i} (∞ − ∞); coef is too large for X (received max |coef| = ${
          Math.max(...Array.from(w, Math.abs))
        })`,
      );
    }
    const p = Number.isFinite(eta) ? sigmoid(eta) : eta > 0 ? 1 : 0;
    const wi = p * (1 - p);
    if (hasIntercept) row[0] = 1;
    for (let j = 0; j < d; j++) row[off + j] = data[i * d + j]!;
    for (let r = 0; r < k; r++) {
      const v = wi * row[r]!;
      for (let c = r; c < k; c++) out[r * k + c]! += v * row[c]!;
    }
  }
  for (let r = 0; r < k; r++) {
    for (let c = 0; c < r; c++) out[r * k + c] = out[c * k + r]!;
  }
  return new Matrix(k, k, out);
}

/**
 * Empirical Fisher information: the mean outer product of per-observation scores
 * (gradients of the log-likelihood), `(1/n) sum_i s_i s_i^T`. At the true parameter its
 * expectation is the Fisher information of one observation. This is the quantity that
 * Adam's second-moment estimate and K-FAC approximate.
 *
 * @param scores Either `n` scalar scores (one parameter), or `n` score vectors of
 *   equal length `k` (`number[][]`).
 * @returns For scalar scores, the mean of their squares; for vectors, the `k x k`
 *   matrix of mean outer products.
 * @throws {RangeError} If there are no scores, a score is not finite, or score vectors
 *   differ in length.
 *
 * @example Scores of a N(mu, 1) model at mu = 0 are the observations themselves
 * ```ts
 * import { empiricalFisher } from "./fisher.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(empiricalFisher([1, -1, 2, -2]), 2.5);
 * const m = empiricalFisher([[1, 0], [0, 2]]);
 * assert.deepEqual(Array.from(m.data), [0.5, 0, 0, 2]);
 * ```
 */
export function empiricalFisher(scores: ArrayLike<number>): number;
export function empiricalFisher(scores: number[][] | Matrix): Matrix;
export function empiricalFisher(
  scores: ArrayLike<number> | number[][] | Matrix,
): number | Matrix {
  const fn = "empiricalFisher";
  if (
    scores instanceof Matrix ||
    (Array.isArray(scores) && scores.length > 0 && Array.isArray(scores[0]))
  ) {
    const s = toDesignMatrix(fn, "scores", scores as number[][] | Matrix);
    const { rows: n, cols: k, data } = s;
    const out = new Float64Array(k * k);
    for (let i = 0; i < n; i++) {
      for (let r = 0; r < k; r++) {
        const v = data[i * k + r]!;
        for (let c = r; c < k; c++) out[r * k + c]! += v * data[i * k + c]!;
      }
    }
    for (let r = 0; r < k; r++) {
      for (let c = r; c < k; c++) {
        out[r * k + c] = out[r * k + c]! / n;
        out[c * k + r] = out[r * k + c]!;
      }
    }
    return new Matrix(k, k, out);
  }
  const s = toFloat64Array(fn, "scores", scores);
  let acc = 0;
  for (let i = 0; i < s.length; i++) acc += s[i]! * s[i]!;
  return acc / s.length;
}

// ---------------------------------------------------------------------------------
// Special functions: log-gamma, log-beta, regularized incomplete beta and its inverse
// ---------------------------------------------------------------------------------

const LN_SQRT_2PI = 0.9189385332046728; // log(sqrt(2 pi))

// Lanczos approximation, g = 7, n = 9 (relative error ~1e-15 for x >= 0.5).
const LANCZOS = [
  0.99999999999980993,
  676.5203681218851,
  -1259.1392167224028,
  771.32342877765313,
  -176.61502916214059,
  12.507343278686905,
  -0.13857109526572012,
  9.9843695780195716e-6,
  1.5056327351493116e-7,
];

/** log|Gamma(x)| for x > 0. */
function lgamma(x: number): number {
  if (x < 0.5) {
    // Reflection: Gamma(x) Gamma(1 - x) = pi / sin(pi x); for 0 < x < 0.5 all positive.
    return Math.log(Math.PI / Math.sin(Math.PI * x)) - lgamma(1 - x);
  }
  if (x >= 10) {
    return (x - 0.5) * Math.log(x) - x + LN_SQRT_2PI + stirlingCorrection(x);
  }
  const z = x - 1;
  let a = LANCZOS[0]!;
  const t = z + 7.5;
  for (let i = 1; i < 9; i++) a += LANCZOS[i]! / (z + i);
  return LN_SQRT_2PI + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

/**
 * Stirling's correction `lgamma(x) - ((x - 1/2) log x - x + log sqrt(2 pi))` for x >= 10,
 * from the asymptotic series in 1/x (Bernoulli numbers); error below 1e-17 there.
 */
function stirlingCorrection(x: number): number {
  const r = 1 / x;
  const r2 = r * r;
  return r * (1 / 12 +
    r2 * (-1 / 360 +
        r2 * (1 / 1260 +
            r2 * (-1 / 1680 +
                r2 * (1 / 1188 +
                    r2 *
                      (-691 / 360360 +
                        r2 * (1 / 156 + r2 * (-3617 / 122400))))))));
}

/**
 * log B(a, b) = lgamma(a) + lgamma(b) - lgamma(a + b), arranged (after R's `lbeta`) so
 * that large arguments do not cancel catastrophically.
 */
function lbeta(a: number, b: number): number {
  const p = Math.min(a, b);
  const q = Math.max(a, b);
  if (p >= 10) {
    const corr = stirlingCorrection(p) + stirlingCorrection(q) -
      stirlingCorrection(p + q);
    return -0.5 * Math.log(q) + LN_SQRT_2PI + corr +
      (p - 0.5) * Math.log(p / (p + q)) + q * Math.log1p(-p / (p + q));
  }
  if (q >= 10) {
    const corr = stirlingCorrection(q) - stirlingCorrection(p + q);
    return lgamma(p) + corr + p - p * Math.log(p + q) +
      (q - 0.5) * Math.log1p(-p / (p + q));
  }
  return lgamma(p) + lgamma(q) - lgamma(p + q);
}

/** Continued fraction for I_x(a, b) (modified Lentz), valid for x < (a+1)/(a+b+2). */
function betaContinuedFraction(a: number, b: number, x: number): number {
  const TINY = 1e-300;
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 - (qab * x) / qap;
  if (Math.abs(d) < TINY) d = TINY;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 100000; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < 1e-16) return h;
  }
  return h; // not reached for a, b below ~1e9
}

/**
 * Both tails `[I_x(a, b), 1 - I_x(a, b)]` for validated a, b > 0 and 0 <= x <= 1.
 * The tail computed from the continued fraction is accurate to a few ulps in relative
 * terms; the other is one minus it, so whichever tail is small is the accurate one.
 */
function betaincTails(a: number, b: number, x: number): [number, number] {
  if (x <= 0) return [0, 1];
  if (x >= 1) return [1, 0];
  const logFront = a * Math.log(x) + b * Math.log1p(-x) - lbeta(a, b);
  if (x < (a + 1) / (a + b + 2)) {
    const lower = (Math.exp(logFront) * betaContinuedFraction(a, b, x)) / a;
    return [lower, 1 - lower];
  }
  const upper = (Math.exp(logFront) * betaContinuedFraction(b, a, 1 - x)) / b;
  return [1 - upper, upper];
}

function betaincUnchecked(a: number, b: number, x: number): number {
  return betaincTails(a, b, x)[0];
}

/**
 * The regularized incomplete beta function `I_x(a, b)`, which is the CDF of the
 * Beta(a, b) distribution at `x` (scipy's `scipy.special.betainc(a, b, x)`).
 *
 * Computed from its continued fraction (modified Lentz), using the symmetry
 * `I_x(a, b) = 1 - I_{1-x}(b, a)` on the side where the fraction converges fast.
 *
 * @param a First shape parameter (> 0).
 * @param b Second shape parameter (> 0).
 * @param x The point, in [0, 1].
 * @returns `I_x(a, b)`, in [0, 1].
 * @throws {RangeError} If `a` or `b` is not in (0, 1e9] (beyond, the continued
 *   fraction does not converge in double precision), or `x` is not in [0, 1].
 *
 * @example Beta(1, 1) is uniform; Beta(2, 1) has CDF x^2
 * ```ts
 * import { betainc } from "./fisher.ts";
 * import assert from "node:assert/strict";
 *
 * assert.ok(Math.abs(betainc(1, 1, 0.3) - 0.3) < 1e-15);
 * assert.ok(Math.abs(betainc(2, 1, 0.5) - 0.25) < 1e-15);
 * ```
 */
export function betainc(a: number, b: number, x: number): number {
  const fn = "betainc";
  const aa = checkShape(fn, "a", a);
  const bb = checkShape(fn, "b", b);
  const xx = checkProbability(fn, "x", x);
  return betaincUnchecked(aa, bb, xx);
}

/**
 * The inverse of the regularized incomplete beta function in `x`: the `p`-quantile of
 * the Beta(a, b) distribution (scipy's `scipy.special.betaincinv(a, b, p)` and
 * `scipy.stats.beta.ppf(p, a, b)`).
 *
 * Starts from the classical initial guess (a normal approximation when `a, b >= 1`, the
 * power-law tails `x^a / (a B)` and `1 - (1-x)^b / (b B)` otherwise), then takes Halley
 * steps on `I_x(a, b) - p` inside a bracket that bisection keeps valid. Quantiles that
 * underflow (e.g. `p = 1e-10` for `a = 0.01`) are returned as 0.
 *
 * @param a First shape parameter (> 0).
 * @param b Second shape parameter (> 0).
 * @param p The probability, in [0, 1].
 * @returns `x` in [0, 1] with `I_x(a, b) = p`.
 * @throws {RangeError} If `a` or `b` is not in (0, 1e9], or `p` is not in [0, 1].
 *
 * @example The median of Beta(2, 2) is 1/2; Beta(2, 1) has quantile sqrt(p)
 * ```ts
 * import { betaincinv } from "./fisher.ts";
 * import assert from "node:assert/strict";
 *
 * assert.ok(Math.abs(betaincinv(2, 2, 0.5) - 0.5) < 1e-15);
 * assert.ok(Math.abs(betaincinv(2, 1, 0.81) - 0.9) < 1e-15);
 * ```
 */
export function betaincinv(a: number, b: number, p: number): number {
  const fn = "betaincinv";
  const aa = checkShape(fn, "a", a);
  const bb = checkShape(fn, "b", b);
  const pp = checkProbability(fn, "p", p);
  return betaincinvUnchecked(aa, bb, pp);
}

function betaincinvUnchecked(a: number, b: number, p: number): number {
  if (p <= 0) return 0;
  if (p >= 1) return 1;
  // Initial guess x0 and its complement x1 = 1 - x0, each computed directly.
  let x0: number;
  let x1: number;
  if (a >= 1 && b >= 1) {
    // Normal approximation (Abramowitz & Stegun 26.5.22, via Numerical Recipes).
    const pp = p < 0.5 ? p : 1 - p;
    const t = Math.sqrt(-2 * Math.log(pp));
    let z = (2.30753 + t * 0.27061) / (1 + t * (0.99229 + t * 0.04481)) - t;
    if (p < 0.5) z = -z;
    const al = (z * z - 3) / 6;
    const h = 2 / (1 / (2 * a - 1) + 1 / (2 * b - 1));
    const w = (z * Math.sqrt(al + h)) / h -
      (1 / (2 * b - 1) - 1 / (2 * a - 1)) * (al + 5 / 6 - 2 / (3 * h));
    const e = b * Math.exp(2 * w);
    x0 = a / (a + e);
    x1 = e / (a + e);
  } else {
    // Power-law tails: I_x ~ x^a / (a B) near 0, 1 - I_x ~ (1-x)^b / (b B) near 1.
    const t = Math.exp(a * Math.log(a / (a + b)) - Math.log(a));
    const u = Math.exp(b * Math.log(b / (a + b)) - Math.log(b));
    const w = t + u;
    if (p < t / w) {
      x0 = Math.pow(a * w * p, 1 / a);
      x1 = 1 - x0;
    } else {
      x1 = Math.pow(b * w * (1 - p), 1 / b);
      x0 = 1 - x1;
    }
  }
  // Refine whichever of x and 1 - x is smaller, so it keeps its relative precision
  // (I_{1-x}(b, a) = 1 - I_x(a, b)).
  const q = 1 - p;
  if (x0 <= 0.5) return refineBetaQuantile(a, b, p, q, x0);
  return 1 - refineBetaQuantile(b, a, q, p, x1);
}

/**
 * Solves `I_x(a, b) = p` (equivalently `1 - I_x(a, b) = q`) for `x` by Halley steps
 * kept inside a bracket. The residual is formed with the smaller of `p` and `q`, the
 * one known exactly, against the matching tail from {@link betaincTails}.
 */
function refineBetaQuantile(
  a: number,
  b: number,
  p: number,
  q: number,
  guess: number,
): number {
  // The tail guesses are asymptotically exact: one that underflows means the
  // quantile itself is below the smallest double.
  if (guess === 0) return 0;
  const lnB = lbeta(a, b);
  const useLower = p <= q;
  let lo = 0;
  let hi = 1;
  let x = guess < 1 ? guess : 1 - Number.EPSILON;
  for (let iter = 0; iter < 300; iter++) {
    const [lower, upper] = betaincTails(a, b, x);
    // f increases with x in both forms.
    const f = useLower ? lower - p : q - upper;
    if (f === 0) return x;
    if (f < 0) lo = x;
    else hi = x;
    // Density x^(a-1) (1-x)^(b-1) / B(a, b).
    const dens = Math.exp(
      (a - 1) * Math.log(x) + (b - 1) * Math.log1p(-x) - lnB,
    );
    let next = NaN;
    if (dens > 0 && Number.isFinite(dens)) {
      const u = f / dens;
      // Halley's correction, with f''/f' = (a-1)/x - (b-1)/(1-x), damped.
      const corr = 1 -
        0.5 * Math.min(1, u * ((a - 1) / x - (b - 1) / (1 - x)));
      next = x - u / corr;
    }
    // A step below half an ulp: x is the root to working precision.
    if (next === x) return x;
    if (!(next > lo && next < hi)) {
      // Outside the bracket (or no usable density): bisect, geometrically when
      // the bracket spans many decades.
      next = lo === 0
        ? hi / 2
        : hi / lo > 1e3
        ? Math.sqrt(lo * hi)
        : 0.5 * (lo + hi);
      if (!(next > lo && next < hi)) return x;
    } else if (Math.abs(next - x) <= 2 * Number.EPSILON * next) {
      return next;
    }
    x = next;
  }
  return x;
}

// ---------------------------------------------------------------------------------
// Conjugate Beta–Bernoulli posterior
// ---------------------------------------------------------------------------------

/** The Beta posterior of a Bernoulli probability, as returned by {@link betaBernoulliPosterior}. */
export interface BetaPosterior {
  /** Posterior first shape parameter: prior `a` plus the number of ones. */
  readonly a: number;
  /** Posterior second shape parameter: prior `b` plus the number of zeros. */
  readonly b: number;
  /** Posterior mean `a / (a + b)`. */
  readonly mean: number;
  /**
   * Posterior mode, the MAP estimate: `(a - 1) / (a + b - 2)` when `a, b > 1`; 0 when
   * `a <= 1 < b`; 1 when `b <= 1 < a`; NaN when `a, b <= 1` (no unique mode).
   */
  readonly mode: number;
  /** Posterior variance `a b / ((a + b)^2 (a + b + 1))`. */
  readonly variance: number;
  /**
   * The equal-tailed credible interval `[q((1 - level)/2), q((1 + level)/2)]` of the
   * posterior, `q` being its quantile function ({@link betaincinv}).
   *
   * @param level The posterior probability inside the interval, in (0, 1). Defaults to 0.95.
   * @returns `[lower, upper]`.
   * @throws {RangeError} If `level` is not strictly between 0 and 1, or a posterior
   *   shape exceeds 1e9 (the domain of {@link betaincinv}).
   */
  credibleInterval(level?: number): [number, number];
}

/**
 * The posterior of a Bernoulli probability under a conjugate Beta(a, b) prior, after
 * observing the 0/1 sample `x`: Beta(a + k, b + n - k) with `k` the number of ones.
 * Its mode is the MAP estimate; with the uniform prior Beta(1, 1) the mode equals the
 * MLE `k / n`, and the prior acts as `a - 1` extra ones and `b - 1` extra zeros.
 *
 * @param x The observations, each 0 or 1 (may be empty: the posterior is the prior).
 * @param prior.a Prior first shape parameter (> 0). Defaults to 1.
 * @param prior.b Prior second shape parameter (> 0). Defaults to 1.
 * @returns The posterior's parameters, moments, mode and credible intervals.
 * @throws {TypeError} If `x` is not an array of numbers or `prior` not an object.
 * @throws {RangeError} If an observation is not 0 or 1, or `a` or `b` is not positive.
 *
 * @example 7 successes in 10 trials, uniform prior
 * ```ts
 * import { betaBernoulliPosterior } from "./fisher.ts";
 * import assert from "node:assert/strict";
 *
 * const post = betaBernoulliPosterior([1, 1, 1, 0, 1, 1, 0, 1, 0, 1]);
 * assert.equal(post.a, 8);
 * assert.equal(post.b, 4);
 * assert.equal(post.mode, 0.7); // the MLE
 * assert.equal(post.mean, 8 / 12);
 * const [lo, hi] = post.credibleInterval(0.95);
 * assert.ok(lo < 0.7 && 0.7 < hi);
 * ```
 */
export function betaBernoulliPosterior(
  x: ArrayLike<number>,
  prior: { a?: number; b?: number } = {},
): BetaPosterior {
  const fn = "betaBernoulliPosterior";
  const a0 = checkPositive(fn, "a", checkOptions(fn, prior, "prior").a ?? 1);
  const b0 = checkPositive(fn, "b", prior.b ?? 1);
  const obs = toFloat64Array(fn, "x", x, { minLength: 0 });
  let k = 0;
  for (let i = 0; i < obs.length; i++) {
    const v = obs[i]!;
    if (v !== 0 && v !== 1) {
      throw new RangeError(
        `${fn}(): x must hold only 0 and 1 (received x[${i}]=${describe(v)})`,
      );
    }
    k += v;
  }
  const a = a0 + k;
  const b = b0 + obs.length - k;
  const s = a + b;
  let mode: number;
  if (a > 1 && b > 1) mode = (a - 1) / (s - 2);
  else if (a > 1) mode = 1;
  else if (b > 1) mode = 0;
  else mode = NaN;
  return {
    a,
    b,
    mean: a / s,
    mode,
    variance: (a * b) / (s * s * (s + 1)),
    credibleInterval(level = 0.95): [number, number] {
      const lv = checkFinite("credibleInterval", "level", level);
      if (!(lv > 0 && lv < 1)) {
        throw new RangeError(
          `credibleInterval(): level must be strictly between 0 and 1 (received ${
            describe(lv)
          })`,
        );
      }
      if (a > MAX_SHAPE || b > MAX_SHAPE) {
        throw new RangeError(
          `credibleInterval(): the posterior shapes a and b must be at most ${MAX_SHAPE} (received a=${a}, b=${b})`,
        );
      }
      return [
        betaincinvUnchecked(a, b, (1 - lv) / 2),
        betaincinvUnchecked(a, b, (1 + lv) / 2),
      ];
    },
  };
}

/**
 * Density of the Beta(a, b) distribution,
 * `x^(a−1) (1−x)^(b−1) / B(a, b)` on [0, 1] and 0 outside, as `scipy.stats.beta.pdf`.
 * Used to draw a {@link BetaPosterior}: `betaPdf(p, post.a, post.b)`.
 *
 * Computed on the log scale with the same `log B(a, b)` as {@link betainc}, so large
 * shapes (many observations) neither overflow nor underflow prematurely. At the ends
 * `x = 0` (and symmetrically `x = 1`) the density is `Infinity` when `a < 1`, `b` when
 * `a = 1`, and 0 when `a > 1`.
 *
 * @param x The point (any finite number; outside [0, 1] the density is 0).
 * @param a First shape parameter (> 0).
 * @param b Second shape parameter (> 0).
 * @returns The density at `x`.
 * @throws {RangeError} If `x` is not finite, or `a` or `b` is not in (0, 1e9].
 *
 * @example Agrees with scipy.stats.beta.pdf
 * ```ts
 * import { betaPdf } from "./fisher.ts";
 * import assert from "node:assert/strict";
 *
 * // scipy.stats.beta.pdf(0.3, 3, 5) = 2.268945 (= 105 · 0.3² · 0.7⁴)
 * assert.ok(Math.abs(betaPdf(0.3, 3, 5) - 2.268945) < 1e-12);
 * assert.ok(Math.abs(betaPdf(0.5, 1, 1) - 1) < 1e-14); // uniform
 * assert.equal(betaPdf(0, 1, 3), 3);
 * assert.equal(betaPdf(1.5, 2, 2), 0);
 * ```
 */
export function betaPdf(x: number, a: number, b: number): number {
  const fn = "betaPdf";
  checkFinite(fn, "x", x);
  checkShape(fn, "a", a);
  checkShape(fn, "b", b);
  if (x < 0 || x > 1) return 0;
  if (x === 0) return a < 1 ? Infinity : a === 1 ? b : 0;
  if (x === 1) return b < 1 ? Infinity : b === 1 ? a : 0;
  return Math.exp(
    (a - 1) * Math.log(x) + (b - 1) * Math.log1p(-x) - lbeta(a, b),
  );
}
