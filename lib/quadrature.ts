/**
 * Numerical integration of a function over a finite interval.
 *
 * @module
 */

/** Options of {@link simpson}. */
export interface SimpsonOptions {
  /** Number of subintervals: an even integer ≥ 2. Defaults to 80,000. */
  intervals?: number;
}

/**
 * Integrates `f` over `[a, b]` with the composite Simpson rule on `intervals` equal
 * subintervals (the rule `scipy.integrate.simpson` applies to evenly spaced samples).
 * The error is O(h⁴) for smooth `f`, with `h = (b − a) / intervals`.
 *
 * @param f The integrand; it must return a finite number at every node.
 * @param a The lower limit (finite).
 * @param b The upper limit (finite); `b < a` gives minus the integral over `[b, a]`.
 * @param options.intervals An even integer ≥ 2. Defaults to 80,000.
 * @returns The approximate integral.
 * @throws {RangeError} If a limit is not finite, `intervals` is not an even integer
 *   ≥ 2, or `f` returns a non-finite value (naming the node).
 *
 * @example The standard normal density integrates to 1
 * ```ts
 * import { simpson } from "./quadrature.ts";
 * import assert from "node:assert/strict";
 *
 * const phi = (t: number) => Math.exp(-t * t / 2) / Math.sqrt(2 * Math.PI);
 * assert.ok(Math.abs(simpson(phi, -40, 40) - 1) < 1e-12);
 * assert.equal(simpson((t) => t * t, 0, 3, { intervals: 2 }), 9); // exact for cubics
 * ```
 */
export function simpson(
  f: (t: number) => number,
  a: number,
  b: number,
  options: SimpsonOptions = {},
): number {
  if (!Number.isFinite(a) || !Number.isFinite(b)) {
    throw new RangeError(
      `simpson(): the limits must be finite numbers (received a=${a}, b=${b})`,
    );
  }
  const m = options.intervals ?? 80_000;
  if (!Number.isInteger(m) || m < 2 || m % 2 !== 0) {
    throw new RangeError(
      `simpson(): intervals must be an even integer >= 2 (received ${m})`,
    );
  }
  const h = (b - a) / m;
  let acc = 0;
  for (let k = 0; k <= m; k++) {
    const t = a + k * h;
    const v = f(t);
    if (!Number.isFinite(v)) {
      throw new RangeError(
        `simpson(): f returned ${v} at t=${t} (node ${k} of ${m})`,
      );
    }
    acc += (k === 0 || k === m ? 1 : k % 2 === 1 ? 4 : 2) * v;
  }
  return (acc * h) / 3;
}
