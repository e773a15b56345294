/**
 * Unbiasing constants for Gaussian samples: the factor by which the sample standard
 * deviation underestimates σ.
 *
 * @module
 */

/**
 * The constant `c₄(n) = E[s]/σ` for a sample of `n` Gaussian values, where
 * `s = √(Σ(xᵢ − x̄)²/(n − 1))`: `c₄(n) = √(2/(n − 1)) · Γ(n/2) / Γ((n − 1)/2)`.
 * `s / c₄(n)` is unbiased for σ. Computed with the recursion
 * `Γ((m + 2)/2)/Γ((m + 1)/2) = (m/(m − 1)) · Γ(m/2)/Γ((m − 1)/2)` from
 * `Γ(1)/Γ(½) = 1/√π` and `Γ(3/2)/Γ(1) = √π/2`, so it is exact to rounding.
 *
 * @param n Sample size (an integer ≥ 2).
 * @returns `c₄(n)`, in (0, 1); `c₄(2) = √(2/π)` and `c₄(n) → 1` as n grows.
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
  if (!Number.isInteger(n) || n < 2) {
    throw new RangeError(
      `c4(): n must be an integer >= 2 (received ${String(n)})`,
    );
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
