/**
 * Fisher information and Cramér–Rao lower bounds (the conjugate Beta–Bernoulli
 * posterior moved to `bayes.ts`, the incomplete beta function to `special.ts`).
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
  checkPositive,
  checkProbability,
  describe,
  isArrayLike,
  isInstance,
  toFloat64Array,
} from "./_validate.ts";
import { Matrix } from "./matrix.ts";
import { toDesignMatrix } from "./_validate_matrix.ts";
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
    isInstance(scores, Matrix) ||
    (isArrayLike(scores) && scores.length > 0 && isArrayLike(scores[0]))
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

/**
 * Kept for the importers of `fisher.ts` from before the posterior moved to
 * `bayes.ts` (`explorer/model.ts`, `tests/book_test.ts`); `mod.ts` exports it once.
 *
 * @deprecated Import {@link betaBernoulliPosterior} from `bayes.ts` or `mod.ts`.
 */
export { betaBernoulliPosterior } from "./bayes.ts";
