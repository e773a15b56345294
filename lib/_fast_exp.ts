/**
 * A fast `1 / (1 + e^(−η))` for the gradient-descent loop of `logistic.ts`
 * (private: not re-exported by `mod.ts`).
 *
 * @module
 */

// The article's sigmoid 1 / (1 + e^(−η)), with e^x inline by Tang's table method:
// x = (k/128) ln 2 + r with |r| ≤ ln2/256, e^x = 2^(k/128) · e^r, and e^r from its
// Taylor polynomial to r⁵ (truncation below 2^-60). e^x is within 2 ulp of Math.exp,
// and the whole is about twice as fast as with Math.exp, which V8 cannot inline.
const EXP_N = 128;
/** 2^(j/128), j < 128 (each correctly rounded: checked against 60-digit values). */
const EXP2_FRAC = Float64Array.from(
  { length: EXP_N },
  (_, j) => 2 ** (j / EXP_N),
);
/** 2^e for e = −1022 … 1023, by exact doubling from the smallest normal number. */
const EXP2_INT = new Float64Array(2046);
EXP2_INT[0] = 2.2250738585072014e-308;
for (let e = 1; e < EXP2_INT.length; e++) EXP2_INT[e] = 2 * EXP2_INT[e - 1]!;
const INV_LN2_N = EXP_N / Math.LN2;
// ln 2 = LN2_HI + LN2_LO, fdlibm's split: LN2_HI has 32 significant bits, so k·LN2_HI
// is exact for |k| < 2^21.
const LN2_HI_N = 6.93147180369123816490e-1 / EXP_N;
const LN2_LO_N = 1.90821492927058770002e-10 / EXP_N;
/** 1.5 · 2^52: `(v + ROUND) − ROUND` is v rounded to the nearest integer. */
const ROUND = 6755399441055744;

/**
 * `1 / (1 + e^(−η))` for finite η. Past |η| = 708 the argument is clamped (keeping
 * the call-free loop fast): the result is then exactly 1, or below 3.4e-308 where it
 * would be a smaller subnormal or 0.
 */
export function sigmoidInline(eta: number): number {
  const x = Math.min(Math.max(-eta, -708), 708);
  const kd = x * INV_LN2_N + ROUND - ROUND;
  const r = x - kd * LN2_HI_N - kd * LN2_LO_N;
  const k = kd | 0;
  const t = EXP2_FRAC[k & (EXP_N - 1)]! * EXP2_INT[(k >> 7) + 1022]!;
  const r2 = r * r;
  const er = r + r2 * ((1 / 2 + r * (1 / 6)) + r2 * (1 / 24 + r * (1 / 120)));
  return 1 / (1 + (t + t * er));
}
