/**
 * Unbiasing constants for Gaussian samples: the factor by which the sample standard
 * deviation underestimates σ.
 *
 * @module
 */

import { checkInteger } from "./_validate.ts";

/** The smallest n whose c₄ comes from the asymptotic series (the recursion below). */
const SERIES_MIN = 120;
/** The coefficients of `Γ(x + ½)/(Γ(x)·√x)` in powers of `1/x`. */
const SERIES = [
  1,
  -1 / 8,
  1 / 128,
  5 / 1024,
  -21 / 32768,
  -399 / 262144,
  869 / 4194304,
];

/**
 * The constant `c₄(n) = E[s]/σ` for a sample of `n` Gaussian values, where
 * `s = √(Σ(xᵢ − x̄)²/(n − 1))`: `c₄(n) = √(2/(n − 1)) · Γ(n/2) / Γ((n − 1)/2)`.
 * `s / c₄(n)` is unbiased for σ. For `n < 120`, computed with the recursion
 * `Γ((m + 2)/2)/Γ((m + 1)/2) = (m/(m − 1)) · Γ(m/2)/Γ((m − 1)/2)` from
 * `Γ(1)/Γ(½) = 1/√π` and `Γ(3/2)/Γ(1) = √π/2`; from 120 on, where the recursion's
 * rounding errors would add up, from the asymptotic series
 * `Γ(x + ½)/Γ(x) = √x · (1 − 1/(8x) + 1/(128x²) + 5/(1024x³) − 21/(32768x⁴) −
 * 399/(262144x⁵) + 869/(4194304x⁶) + …)` at `x = (n − 1)/2`, exact to rounding
 * there. Within 1e-15 of the exact value for every `n` (the tests compare with
 * 50-digit arithmetic), in at most 100 multiplications, so any `n` up to
 * `Number.MAX_SAFE_INTEGER` is quick.
 *
 * @param n Sample size (an integer from 2 to `Number.MAX_SAFE_INTEGER`).
 * @returns `c₄(n)`, in (0, 1]; `c₄(2) = √(2/π)` and `c₄(n) → 1` as n grows (it rounds
 *   to 1 beyond n ≈ 10^15).
 * @throws {TypeError} If `n` is not a number.
 * @throws {RangeError} If `n` is not an integer or lies outside `[2, 2^53 − 1]`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { c4 } from "./mod.ts";
 * assert.ok(Math.abs(c4(2) - Math.sqrt(2 / Math.PI)) < 1e-15);
 * assert.ok(Math.abs(c4(5) - 0.9399856029866) < 1e-12);
 * ```
 */
export function c4(n: number): number {
  checkInteger("c4", "n", n, { min: 2, max: Number.MAX_SAFE_INTEGER });
  if (n >= SERIES_MIN) {
    const x = (n - 1) / 2;
    let sum = 0;
    for (let k = SERIES.length - 1; k >= 0; k--) {
      sum = sum / x + (SERIES[k] as number);
    }
    return Math.sqrt(2 / (n - 1)) * Math.sqrt(x) * sum;
  }
  // ratio(m) = Γ(m/2) / Γ((m − 1)/2), stepping m by 2 from 2 or 3
  let m = n % 2 === 0 ? 2 : 3;
  let ratio = m === 2 ? 1 / Math.sqrt(Math.PI) : Math.sqrt(Math.PI) / 2;
  while (m < n) {
    ratio *= m / (m - 1);
    m += 2;
  }
  return Math.sqrt(2 / (n - 1)) * ratio;
}
