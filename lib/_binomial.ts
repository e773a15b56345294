/**
 * numpy's legacy binomial samplers (private: not re-exported by `mod.ts`):
 * inversion for `n·p < 30` and BTPE (Kachitvichyanukul & Schmeiser) otherwise, each
 * drawing its uniforms from the `next` function of a `RandomState`.
 *
 * @module
 */

import { glibcLog } from "./_glibc_log.ts";

/** Constants of the inversion sampler for one (n, p), p <= 0.5. */
export interface InversionSetup {
  q: number;
  qn: number;
  bound: number;
}

/**
 * `Math.exp` here is V8's, not glibc's; a last-bit difference in `qn` could only
 * change a draw whose uniform lies within an ulp of a CDF step (odds ~1e-16).
 */
export function inversionSetup(n: number, p: number): InversionSetup {
  const q = 1 - p;
  const np = n * p;
  return {
    q,
    qn: Math.exp(n * glibcLog(q)),
    bound: Math.trunc(Math.min(n, np + 10 * Math.sqrt(np * q + 1))),
  };
}

/** numpy's `random_binomial_inversion`. */
export function binomialInversion(
  next: () => number,
  n: number,
  p: number,
  s: InversionSetup,
): number {
  const { q, qn, bound } = s;
  let x = 0;
  let px = qn;
  let u = next();
  while (u > px) {
    x++;
    if (x > bound) {
      x = 0;
      px = qn;
      u = next();
    } else {
      u -= px;
      px = ((n - x + 1) * p * px) / (x * q);
    }
  }
  return x;
}

/** Constants of the BTPE sampler for one (n, p), p <= 0.5. */
export interface BtpeSetup {
  r: number;
  q: number;
  m: number;
  p1: number;
  xm: number;
  xl: number;
  xr: number;
  c: number;
  laml: number;
  lamr: number;
  p2: number;
  p3: number;
  p4: number;
}

export function btpeSetup(n: number, p: number): BtpeSetup {
  const r = Math.min(p, 1 - p);
  const q = 1 - r;
  const fm = n * r + r;
  const m = Math.floor(fm);
  const p1 = Math.floor(2.195 * Math.sqrt(n * r * q) - 4.6 * q) + 0.5;
  const xm = m + 0.5;
  const xl = xm - p1;
  const xr = xm + p1;
  const c = 0.134 + 20.5 / (15.3 + m);
  let a = (fm - xl) / (fm - xl * r);
  const laml = a * (1 + a / 2);
  a = (xr - fm) / (xr * q);
  const lamr = a * (1 + a / 2);
  const p2 = p1 * (1 + 2 * c);
  const p3 = p2 + c / laml;
  const p4 = p3 + c / lamr;
  return { r, q, m, p1, xm, xl, xr, c, laml, lamr, p2, p3, p4 };
}

/** Stirling-series correction term used by BTPE's final acceptance test. */
function stirlingTerm(v: number, v2: number): number {
  return (13680 - (462 - (132 - (99 - 140 / v2) / v2) / v2) / v2) / v /
    166320;
}

/**
 * numpy's `random_binomial_btpe` (Kachitvichyanukul & Schmeiser), p <= 0.5. Its
 * `goto`s become `continue` (back to Step 10) and `return` (Step 60; the final
 * flip for p > 0.5 never applies because the caller passes min(p, 1 - p)).
 */
export function binomialBtpe(
  next: () => number,
  n: number,
  s: BtpeSetup,
): number {
  const { r, q, m, p1, xm, xl, xr, c, laml, lamr, p2, p3, p4 } = s;
  const nrq = n * r * q;
  for (;;) {
    // Step 10: the triangular region.
    const u = next() * p4;
    let v = next();
    let y: number;
    if (u <= p1) return Math.floor(xm - p1 * v + u);
    if (u <= p2) {
      // Step 20: the parallelograms.
      const x = xl + (u - p1) / c;
      v = v * c + 1 - Math.abs(m - x + 0.5) / p1;
      if (v > 1) continue;
      y = Math.floor(x);
    } else if (u <= p3) {
      // Step 30: left exponential tail.
      y = Math.floor(xl + glibcLog(v) / laml);
      if (y < 0 || v === 0) continue;
      v = v * (u - p2) * laml;
    } else {
      // Step 40: right exponential tail.
      y = Math.floor(xr - glibcLog(v) / lamr);
      if (y > n || v === 0) continue;
      v = v * (u - p3) * lamr;
    }
    // Step 50: explicit evaluation near the mode.
    const k = Math.abs(y - m);
    if (!(k > 20 && k < nrq / 2 - 1)) {
      const ratio = r / q;
      const a = ratio * (n + 1);
      let f = 1;
      if (m < y) {
        for (let i = m + 1; i <= y; i++) f *= a / i - ratio;
      } else if (m > y) {
        for (let i = y + 1; i <= m; i++) f /= a / i - ratio;
      }
      if (v > f) continue;
      return y;
    }
    // Step 52: squeeze on log(f(y) / f(m)).
    const rho = (k / nrq) *
      ((k * (k / 3 + 0.625) + 0.16666666666666666) / nrq + 0.5);
    const t = (-k * k) / (2 * nrq);
    const logV = glibcLog(v);
    if (logV < t - rho) return y;
    if (logV > t + rho) continue;
    const x1 = y + 1;
    const f1 = m + 1;
    const z = n + 1 - m;
    const w = n - y + 1;
    const bound = xm * glibcLog(f1 / x1) + (n - m + 0.5) * glibcLog(z / w) +
      (y - m) * glibcLog(w * r / (x1 * q)) + stirlingTerm(f1, f1 * f1) +
      stirlingTerm(z, z * z) + stirlingTerm(x1, x1 * x1) +
      stirlingTerm(w, w * w);
    if (logV > bound) continue;
    return y;
  }
}
