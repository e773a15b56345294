/**
 * Special functions with scipy's names: the regularized incomplete beta function
 * {@link betainc} (the Beta CDF) and its inverse {@link betaincinv} (the Beta
 * quantile), for credible intervals and the Fisher-information chapter.
 *
 * @module
 */

import { checkProbability } from "./_validate.ts";
import {
  betaincinvUnchecked,
  betaincUnchecked,
  checkShape,
} from "./_special.ts";

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
 * import { betainc } from "./special.ts";
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
 * import { betaincinv } from "./special.ts";
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
