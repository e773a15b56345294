/**
 * Special-function kernels (private: not re-exported by `mod.ts`): log-gamma,
 * log-beta, the regularized incomplete beta function by its continued fraction and
 * its inverse by safeguarded Halley steps. Arguments are trusted; the public
 * {@link betainc}, {@link betaincinv} (`special.ts`) and {@link betaPdf}
 * (`bayes.ts`) check them first.
 *
 * @module
 */

import { checkPositive, describe } from "./_validate.ts";

/**
 * Largest shape accepted by the incomplete beta functions: beyond it the continued
 * fraction needs more than its 100,000 iterations and `log B(a, b)` loses its digits
 * to cancellation (relative error grows like `a · eps`).
 */
export const MAX_SHAPE = 1e9;

export function checkShape(fn: string, name: string, v: unknown): number {
  const s = checkPositive(fn, name, v);
  if (s > MAX_SHAPE) {
    throw new RangeError(
      `${fn}(): ${name} must be at most ${MAX_SHAPE} (received ${describe(s)})`,
    );
  }
  return s;
}

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
export function lgamma(x: number): number {
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
export function stirlingCorrection(x: number): number {
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
export function lbeta(a: number, b: number): number {
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
export function betaContinuedFraction(a: number, b: number, x: number): number {
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
export function betaincTails(
  a: number,
  b: number,
  x: number,
): [number, number] {
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

export function betaincUnchecked(a: number, b: number, x: number): number {
  return betaincTails(a, b, x)[0];
}

export function betaincinvUnchecked(a: number, b: number, p: number): number {
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
    const lt = a * Math.log(a / (a + b)) - Math.log(a);
    const lu = b * Math.log(b / (a + b)) - Math.log(b);
    const t = Math.exp(lt);
    const u = Math.exp(lu);
    const w = t + u;
    if (!Number.isFinite(w)) {
      // A shape below ~1e-308 overflows t or u: the same guesses, in logs.
      const lw = Math.max(lt, lu) + Math.log1p(Math.exp(-Math.abs(lt - lu)));
      if (Math.log(p) < lt - lw) {
        x0 = Math.exp((Math.log(a) + lw + Math.log(p)) / a);
        x1 = 1 - x0;
      } else {
        x1 = Math.exp((Math.log(b) + lw + Math.log1p(-p)) / b);
        x0 = 1 - x1;
      }
    } else if (p < t / w) {
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
export function refineBetaQuantile(
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
