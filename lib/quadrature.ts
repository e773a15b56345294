/**
 * Numerical integration of a function over a finite interval.
 *
 * @module
 */

import {
  checkFinite,
  checkInteger,
  checkOptions,
  describe,
} from "./_validate.ts";

/** The most subintervals {@link simpson} evaluates: 2^24 (about 16.8 million). */
const MAX_INTERVALS = 2 ** 24;

/** Options of {@link simpson}. */
export interface SimpsonOptions {
  /** Number of subintervals: an even integer in `[2, 2^24]`. Defaults to 80,000. */
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
 * @param options.intervals An even integer in `[2, 2^24]` (the bound keeps the call
 *   finite). Defaults to 80,000.
 * @returns The approximate integral.
 * @throws {TypeError} If `f` is not a function, a limit not a number, or `options`
 *   has a key other than `intervals` (a misspelt option is refused by name).
 * @throws {RangeError} If a limit is not finite, `intervals` is not an even integer
 *   in `[2, 2^24]`, or `f` returns a non-finite value (naming the node).
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
  const fn = "simpson";
  if (typeof f !== "function") {
    throw new TypeError(
      `${fn}(): f must be a function (received ${describe(f)})`,
    );
  }
  checkFinite(fn, "a", a);
  checkFinite(fn, "b", b);
  const o = checkOptions(fn, options, ["intervals"]);
  const m = checkInteger(fn, "intervals", o.intervals ?? 80_000, {
    min: 2,
    max: MAX_INTERVALS,
  });
  if (m % 2 !== 0) {
    throw new RangeError(
      `${fn}(): intervals must be an even integer (received ${m})`,
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
