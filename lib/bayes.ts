/**
 * Conjugate posteriors for the MAP chapters and the reading edition's explorer.
 *
 * The conjugate Beta–Bernoulli posterior ({@link betaBernoulliPosterior}, drawn
 * with {@link betaPdf}), the Gaussian mean with known variance, and the two priors
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
} from "./_validate.ts";
import { mean as meanOf } from "./stats.ts";
import {
  betaincinvUnchecked,
  checkShape,
  lbeta,
  MAX_SHAPE,
} from "./_special.ts";

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
 * @throws {TypeError} If `options` has a key other than those documented above: a
 *   misspelt option is refused by name, never silently ignored.
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
  const o = checkOptions(fn, options, ["sigma", "priorMean", "priorSd"]);
  const sigma = checkPositive(fn, "sigma", o.sigma);
  const priorMean = checkFinite(fn, "priorMean", o.priorMean);
  const priorSd = o.priorSd;
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
 * @throws {TypeError} If `options` has a key other than those documented above: a
 *   misspelt option is refused by name, never silently ignored.
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
  const o = checkOptions(fn, options, ["centre", "strength"]);
  const centre = checkProbability(fn, "centre", o.centre);
  const strength = checkNonNegative(fn, "strength", o.strength);
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
 * @throws {TypeError} If `options` has a key other than those documented above: a
 *   misspelt option is refused by name, never silently ignored.
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
  const o = checkOptions(fn, options, ["centre", "strength", "sigma"]);
  const centre = checkFinite(fn, "centre", o.centre);
  const strength = checkNonNegative(fn, "strength", o.strength);
  const sigma = checkPositive(fn, "sigma", o.sigma);
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
 * @throws {TypeError} If `prior` has a key other than those documented above: a
 *   misspelt option is refused by name, never silently ignored.
 *
 * @example 7 successes in 10 trials, uniform prior
 * ```ts
 * import { betaBernoulliPosterior } from "./bayes.ts";
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
  const o = checkOptions(fn, prior, ["a", "b"], "prior");
  const a0 = checkPositive(fn, "a", o.a ?? 1);
  const b0 = checkPositive(fn, "b", o.b ?? 1);
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
 * import { betaPdf } from "./bayes.ts";
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
