/**
 * Conjugate posteriors for the MAP chapters and the reading edition's explorer.
 *
 * The Beta–Bernoulli posterior lives in `fisher.ts` ({@link betaBernoulliPosterior}
 * there); this file adds the Gaussian mean with known variance, and the two priors
 * written the way the explorer and the notebooks speak about them: a *centre* (the
 * prior's mode) and a *strength* counted in pseudo-observations. With that reading the
 * MAP estimate of both models is the same weighted average,
 *
 * `MAP = (n · MLE + strength · centre) / (n + strength)`,
 *
 * so strength 0 gives back the MLE and a strength equal to `n` pulls the estimate half
 * way to the prior's centre.
 *
 * @module
 */

import {
  checkFinite,
  checkNonNegative,
  checkOptions,
  checkPositive,
  checkProbability,
  describe,
  type NumericArray,
  toFloat64Array,
} from "./validate.ts";
import { mean as meanOf } from "./stats.ts";

/** A Gaussian prior on a mean, or the posterior of that mean. */
export interface NormalMeanPosterior {
  /** Posterior mean of the parameter. */
  readonly mean: number;
  /** Posterior standard deviation of the parameter. */
  readonly sd: number;
  /** Posterior mode, the MAP estimate; equal to `mean` for a Gaussian. */
  readonly mode: number;
}

/**
 * The posterior of the mean `μ` of a Gaussian with known standard deviation `sigma`,
 * under the conjugate prior `μ ~ N(priorMean, priorSd²)`, after observing `x`:
 *
 * `precision = 1/priorSd² + n/sigma²`,
 * `mean = (priorMean/priorSd² + Σx/sigma²) / precision`, `sd = 1/√precision`.
 *
 * `priorSd = Infinity` is the flat (improper) prior: the posterior is then
 * `N(x̄, sigma²/n)` and its mode is the MLE `x̄`.
 *
 * @param x The observations (at least one, all finite).
 * @param options.sigma The known standard deviation of each observation (> 0).
 * @param options.priorMean The prior's mean (finite).
 * @param options.priorSd The prior's standard deviation (> 0, or `Infinity` for a flat prior).
 * @returns The posterior's mean, standard deviation and mode.
 * @throws {TypeError} If `options` is not an object, an option is not a number or `x`
 *   is not an array of numbers.
 * @throws {RangeError} If `x` is empty or holds a non-finite value, `sigma` is not
 *   positive and finite, `priorMean` is not finite, or `priorSd` is not positive.
 *
 * @example Four observations at 1 with a unit-variance prior at 0
 * ```ts
 * import { normalMeanPosterior } from "./bayes.ts";
 * import assert from "node:assert/strict";
 *
 * const post = normalMeanPosterior([1, 1, 1, 1], { sigma: 1, priorMean: 0, priorSd: 1 });
 * assert.equal(post.mean, 0.8); // (0 + 4) / (1 + 4)
 * assert.equal(post.sd, Math.sqrt(1 / 5));
 * assert.equal(post.mode, post.mean);
 *
 * const flat = normalMeanPosterior([1, 2, 3], { sigma: 2, priorMean: 0, priorSd: Infinity });
 * assert.equal(flat.mean, 2); // the MLE
 * assert.equal(flat.sd, 2 / Math.sqrt(3));
 * ```
 */
export function normalMeanPosterior(
  x: NumericArray,
  options: { sigma: number; priorMean: number; priorSd: number },
): NormalMeanPosterior {
  const fn = "normalMeanPosterior";
  const obs = toFloat64Array(fn, "x", x);
  const sigma = checkPositive(fn, "sigma", checkOptions(fn, options).sigma);
  const priorMean = checkFinite(fn, "priorMean", options.priorMean);
  const priorSd = options.priorSd;
  if (priorSd !== Infinity) checkPositive(fn, "priorSd", priorSd);

  const n = obs.length;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += obs[i]!;
  const xbar = sum / n;
  const s2 = sigma * sigma;
  if (priorSd === Infinity) {
    const sd = sigma / Math.sqrt(n);
    if (Number.isFinite(xbar)) return { mean: xbar, sd, mode: xbar };
    const m = meanOf(obs); // the plain sum overflowed: an overflow-safe mean
    return { mean: m, sd, mode: m };
  }
  const t2 = priorSd * priorSd;
  // Weighted form: precision-weighted average of the prior mean and the sample mean.
  const denom = s2 + n * t2;
  const mean = (s2 * priorMean + n * t2 * xbar) / denom;
  const sd = Math.sqrt((s2 * t2) / denom);
  if (Number.isFinite(mean) && Number.isFinite(sd) && sd > 0) {
    return { mean, sd, mode: mean };
  }
  // Scales or values near the float64 limits made a square or the sum overflow (or
  // underflow): the same posterior as a convex combination, with ratios ≤ 1 only.
  const sn = sigma / Math.sqrt(n);
  const h = Math.hypot(sn, priorSd);
  const wPrior = (sn / h) ** 2;
  const m = priorMean * wPrior + meanOf(obs) * (priorSd / h) ** 2;
  return { mean: m, sd: (sn / h) * priorSd, mode: m };
}

/**
 * A Beta prior on a probability given by its mode (`centre`) and its `strength` in
 * pseudo-observations: `a = 1 + centre · strength`, `b = 1 + (1 − centre) · strength`.
 *
 * Both shapes are at least 1, so the prior has a single mode, at `centre`. Combined
 * with `k` ones in `n` Bernoulli trials the MAP estimate is
 * `(k + centre · strength) / (n + strength)`: the prior counts as `strength` extra
 * trials whose success rate is `centre`. Strength 0 is the uniform prior Beta(1, 1).
 *
 * @param options.centre The prior's mode, in [0, 1].
 * @param options.strength The prior's weight in pseudo-observations (≥ 0).
 * @returns The shapes `{ a, b }`, ready for `betaBernoulliPosterior` in `fisher.ts`.
 * @throws {TypeError} If `options` is not an object or an option is not a number.
 * @throws {RangeError} If `centre` is outside [0, 1] or `strength` is negative or not finite.
 *
 * @example A prior worth 10 trials at 0.3
 * ```ts
 * import { betaPrior } from "./bayes.ts";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual(betaPrior({ centre: 0.3, strength: 10 }), { a: 4, b: 8 });
 * assert.deepEqual(betaPrior({ centre: 0.5, strength: 0 }), { a: 1, b: 1 });
 * ```
 */
export function betaPrior(
  options: { centre: number; strength: number },
): { a: number; b: number } {
  const fn = "betaPrior";
  const centre = checkProbability(
    fn,
    "centre",
    checkOptions(fn, options).centre,
  );
  const strength = checkNonNegative(fn, "strength", options.strength);
  return { a: 1 + centre * strength, b: 1 + (1 - centre) * strength };
}

/**
 * A Gaussian prior on a mean given by its `centre` and its `strength` in
 * pseudo-observations, for data with known standard deviation `sigma`:
 * `priorMean = centre`, `priorSd = sigma / √strength` (`Infinity`, a flat prior, when
 * the strength is 0).
 *
 * With `n` observations of mean `x̄` the MAP estimate is then
 * `(n · x̄ + strength · centre) / (n + strength)`.
 *
 * @param options.centre The prior's mean (finite).
 * @param options.strength The prior's weight in pseudo-observations (≥ 0).
 * @param options.sigma The known standard deviation of one observation (> 0).
 * @returns `{ priorMean, priorSd }`, ready for {@link normalMeanPosterior} with the same `sigma`.
 * @throws {TypeError} If `options` is not an object or an option is not a number.
 * @throws {RangeError} If `centre` is not finite, `strength` is negative or not finite,
 *   or `sigma` is not positive and finite.
 *
 * @example A prior worth 4 observations at 0, for unit-variance data
 * ```ts
 * import { normalMeanPosterior, normalPrior } from "./bayes.ts";
 * import assert from "node:assert/strict";
 *
 * const prior = normalPrior({ centre: 0, strength: 4, sigma: 1 });
 * assert.deepEqual(prior, { priorMean: 0, priorSd: 0.5 });
 * // four observations at 1: MAP = (4 · 1 + 4 · 0) / (4 + 4)
 * assert.equal(normalMeanPosterior([1, 1, 1, 1], { sigma: 1, ...prior }).mode, 0.5);
 * assert.equal(normalPrior({ centre: 0, strength: 0, sigma: 1 }).priorSd, Infinity);
 * ```
 */
export function normalPrior(
  options: { centre: number; strength: number; sigma: number },
): { priorMean: number; priorSd: number } {
  const fn = "normalPrior";
  const centre = checkFinite(fn, "centre", checkOptions(fn, options).centre);
  const strength = checkNonNegative(fn, "strength", options.strength);
  const sigma = checkPositive(fn, "sigma", options.sigma);
  if (strength === 0) return { priorMean: centre, priorSd: Infinity };
  const priorSd = sigma / Math.sqrt(strength);
  if (!(priorSd > 0)) {
    throw new RangeError(
      `${fn}(): strength is too large for sigma (strength=${
        describe(strength)
      }, sigma=${describe(sigma)})`,
    );
  }
  return { priorMean: centre, priorSd };
}
