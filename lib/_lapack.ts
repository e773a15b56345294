/**
 * LAPACK-style dense kernels behind {@link solve}, {@link inv}, {@link cholesky} and
 * {@link lstsq} (private: not re-exported by `mod.ts`): LU with partial pivoting,
 * blocked Cholesky, Householder QR with column pivoting, one-sided Jacobi SVD and the
 * Hager–Higham condition estimate. Inputs are trusted: the public functions check
 * shapes and finiteness first.
 *
 * @module
 */

import type { Matrix } from "./matrix.ts";

/** Machine epsilon of float64, 2^-52. */
export const EPS = 2 ** -52;

export interface Factorization {
  /** Solves A X = B for B an n x k row-major array; returns a new array. */
  solve(B: Float64Array, k: number): Float64Array;
}

/** Factorizes a square, finite, validated matrix; throws if it is singular. */
export function factorize(fn: string, A: Matrix): Factorization {
  const n = A.rows, a = A.data;
  const anorm = norm1(a, n);
  if (isSymmetric(a, n)) {
    const L = choleskyFactor(a, n);
    if (typeof L !== "number") {
      const solveVec = (v: Float64Array) => cholSolveVec(L, n, v);
      checkCondition(fn, anorm, n, solveVec, solveVec);
      return {
        solve: (B, k) => {
          if (k !== 1) return cholSolve(L, n, B, k);
          const v = B.slice(0, n);
          cholSolveVec(L, n, v);
          return v;
        },
      };
    }
  }
  const lu = a.slice();
  const perm = new Int32Array(n);
  const zeroCol = luFactor(lu, perm, n);
  if (zeroCol >= 0) {
    throw new RangeError(
      `${fn}(): A is singular (no nonzero pivot in column ${zeroCol} of the LU factorization)`,
    );
  }
  const work = new Float64Array(n);
  checkCondition(
    fn,
    anorm,
    n,
    (v) => luSolveVec(lu, perm, n, v, work),
    (v) => luSolveTransposedVec(lu, perm, n, v, work),
  );
  return {
    solve: (B, k) => {
      if (k !== 1) return luSolve(lu, perm, n, B, k);
      const v = B.slice(0, n);
      luSolveVec(lu, perm, n, v, work);
      return v;
    },
  };
}

/** Throws if the 1-norm reciprocal condition estimate is below machine epsilon. */
export function checkCondition(
  fn: string,
  anorm: number,
  n: number,
  solveA: (v: Float64Array) => void,
  solveAT: (v: Float64Array) => void,
): void {
  const rcond = 1 / (anorm * invNorm1Estimate(n, solveA, solveAT));
  if (!(rcond >= EPS)) {
    throw new RangeError(
      `${fn}(): A is singular to working precision (estimated reciprocal condition number ${
        rcond.toPrecision(3)
      } < machine epsilon 2.22e-16)`,
    );
  }
}

/**
 * Estimates ‖A⁻¹‖₁ from in-place solves with A and Aᵀ (Hager 1984, Higham 1988; the
 * algorithm of LAPACK's dlacn2). Costs at most 11 O(n²) solves, usually 5.
 */
export function invNorm1Estimate(
  n: number,
  solveA: (v: Float64Array) => void,
  solveAT: (v: Float64Array) => void,
): number {
  const x = new Float64Array(n).fill(1 / n);
  solveA(x);
  let est = sum1(x);
  if (n > 1 && Number.isFinite(est)) {
    const xi = new Float64Array(n);
    for (let i = 0; i < n; i++) xi[i] = x[i]! >= 0 ? 1 : -1;
    const z = xi.slice();
    solveAT(z);
    let j = argmaxAbs(z);
    for (let iter = 2; iter <= 5; iter++) {
      x.fill(0);
      x[j] = 1;
      solveA(x);
      const estOld = est;
      est = sum1(x);
      let sameSigns = true;
      for (let i = 0; i < n; i++) {
        const sgn = x[i]! >= 0 ? 1 : -1;
        if (sgn !== xi[i]) {
          sameSigns = false;
          xi[i] = sgn;
        }
      }
      if (sameSigns || est <= estOld || !Number.isFinite(est)) {
        est = Math.max(est, estOld);
        break;
      }
      z.set(xi);
      solveAT(z);
      const jLast = j;
      j = argmaxAbs(z);
      if (Math.abs(z[jLast]!) === Math.abs(z[j]!)) break;
    }
    // Alternative estimate guarding against the rare failures of the iteration.
    for (let i = 0; i < n; i++) {
      x[i] = (i % 2 === 0 ? 1 : -1) * (1 + i / (n - 1));
    }
    solveA(x);
    const t = 2 * sum1(x) / (3 * n);
    if (t > est || !Number.isFinite(t)) est = t;
  }
  return Number.isFinite(est) ? est : Infinity;
}

export function sum1(v: Float64Array): number {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += Math.abs(v[i]!);
  return s;
}

export function argmaxAbs(v: Float64Array): number {
  let j = 0, best = Math.abs(v[0]!);
  for (let i = 1; i < v.length; i++) {
    const a = Math.abs(v[i]!);
    if (a > best) {
      best = a;
      j = i;
    }
  }
  return j;
}

/** Swaps rows `a` and `b` of a row-major buffer `width` wide, and their entries in `perm`. */
export function swapRows(
  data: Float64Array,
  width: number,
  a: number,
  b: number,
  perm: Int32Array,
): void {
  const ra = a * width, rb = b * width;
  for (let j = 0; j < width; j++) {
    const v = data[ra + j]!;
    data[ra + j] = data[rb + j]!;
    data[rb + j] = v;
  }
  const q = perm[a]!;
  perm[a] = perm[b]!;
  perm[b] = q;
}

/** In-place LU with partial pivoting; returns the first zero-pivot column or -1. */
export function luFactor(
  lu: Float64Array,
  perm: Int32Array,
  n: number,
): number {
  for (let i = 0; i < n; i++) perm[i] = i;
  for (let k = 0; k < n; k++) {
    let p = k, best = Math.abs(lu[k * n + k]!);
    for (let i = k + 1; i < n; i++) {
      const v = Math.abs(lu[i * n + k]!);
      if (v > best) {
        best = v;
        p = i;
      }
    }
    if (best === 0) return k;
    if (p !== k) swapRows(lu, n, k, p, perm);
    const rk = k * n, pivot = lu[rk + k]!;
    for (let i = k + 1; i < n; i++) {
      const ri = i * n;
      const l = lu[ri + k]! / pivot;
      lu[ri + k] = l;
      if (l === 0) continue;
      for (let j = k + 1; j < n; j++) lu[ri + j]! -= l * lu[rk + j]!;
    }
  }
  return -1;
}

/** Solves A X = B from PA = LU; B is n x k row-major. */
export function luSolve(
  lu: Float64Array,
  perm: Int32Array,
  n: number,
  B: Float64Array,
  k: number,
): Float64Array {
  const X = new Float64Array(n * k);
  for (let i = 0; i < n; i++) {
    const src = perm[i]! * k, dst = i * k;
    for (let c = 0; c < k; c++) X[dst + c] = B[src + c]!;
  }
  for (let i = 1; i < n; i++) {
    const ri = i * n, xi = i * k;
    for (let p = 0; p < i; p++) {
      const l = lu[ri + p]!;
      if (l === 0) continue;
      const xp = p * k;
      for (let c = 0; c < k; c++) X[xi + c]! -= l * X[xp + c]!;
    }
  }
  for (let i = n - 1; i >= 0; i--) {
    const ri = i * n, xi = i * k;
    for (let p = i + 1; p < n; p++) {
      const u = lu[ri + p]!;
      if (u === 0) continue;
      const xp = p * k;
      for (let c = 0; c < k; c++) X[xi + c]! -= u * X[xp + c]!;
    }
    const d = lu[ri + i]!;
    for (let c = 0; c < k; c++) X[xi + c]! /= d;
  }
  return X;
}

/** Solves A x = v in place from PA = LU; `w` is scratch of length n. */
export function luSolveVec(
  lu: Float64Array,
  perm: Int32Array,
  n: number,
  v: Float64Array,
  w: Float64Array,
): void {
  for (let i = 0; i < n; i++) w[i] = v[perm[i]!]!;
  for (let i = 1; i < n; i++) {
    const ri = i * n;
    let s = w[i]!;
    for (let p = 0; p < i; p++) s -= lu[ri + p]! * w[p]!;
    w[i] = s;
  }
  for (let i = n - 1; i >= 0; i--) {
    const ri = i * n;
    let s = w[i]!;
    for (let p = i + 1; p < n; p++) s -= lu[ri + p]! * w[p]!;
    w[i] = s / lu[ri + i]!;
  }
  v.set(w);
}

/** Solves Aᵀ z = v in place from PA = LU; `w` is scratch of length n. */
export function luSolveTransposedVec(
  lu: Float64Array,
  perm: Int32Array,
  n: number,
  v: Float64Array,
  w: Float64Array,
): void {
  w.set(v);
  // Uᵀ w = v, column-oriented so that U is read along its rows.
  for (let i = 0; i < n; i++) {
    const ri = i * n;
    const wi = (w[i]! /= lu[ri + i]!);
    for (let j = i + 1; j < n; j++) w[j]! -= lu[ri + j]! * wi;
  }
  // Lᵀ u = w (unit diagonal), reading L along its rows.
  for (let i = n - 1; i > 0; i--) {
    const ri = i * n, ui = w[i]!;
    for (let p = 0; p < i; p++) w[p]! -= lu[ri + p]! * ui;
  }
  for (let i = 0; i < n; i++) v[perm[i]!] = w[i]!;
}

/**
 * Cholesky factor of a (n x n, row-major) from its lower triangle: returns L, or the
 * index of the first non-positive pivot. Right-looking and blocked, as LAPACK's
 * dpotrf: each panel of four columns is factored, then the rest of the lower triangle
 * is updated by all four at once, `L[i][k] −= Σ_p L[i][p] L[k][p]` (a rank-4 update).
 * Every update goes to memory rather than to a loop-carried sum, which V8's
 * mid-tier compiler (Maglev) would box on each iteration.
 */
export function choleskyFactor(
  a: Float64Array,
  n: number,
): Float64Array | number {
  const L = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) L[i * n + j] = a[i * n + j]!;
  }
  return choleskyInPlace(L, n);
}

/**
 * {@link choleskyFactor} in place: overwrites the lower triangle of L (n x n,
 * row-major) with the factor, leaving the strict upper triangle untouched.
 */
export function choleskyInPlace(
  L: Float64Array,
  n: number,
): Float64Array | number {
  for (let j = 0; j < n; j += 4) {
    const e = Math.min(j + 4, n);
    // The panel: columns j … e − 1, already updated by every column left of j.
    for (let c = j; c < e; c++) {
      for (let p = j; p < c; p++) {
        const lcp = L[c * n + p]!;
        for (let i = c; i < n; i++) L[i * n + c]! -= L[i * n + p]! * lcp;
      }
      const d = L[c * n + c]!;
      if (!(d > 0)) return c;
      const r = Math.sqrt(d);
      L[c * n + c] = r;
      for (let i = c + 1; i < n; i++) L[i * n + c]! /= r;
    }
    if (e === n) break;
    // The rank-4 update of the trailing lower triangle (rows and columns ≥ e), two
    // rows at a time (x and y) to share the loads of row k; the leftover row first.
    const first = e + ((n - e) % 2);
    for (let i = e; i < first; i++) rank4Row(L, n, j, i, e, i);
    for (let i = first; i < n; i += 2) {
      const ri = i * n, rh = ri + n;
      const x0 = L[ri + j]!, x1 = L[ri + j + 1]!;
      const x2 = L[ri + j + 2]!, x3 = L[ri + j + 3]!;
      const y0 = L[rh + j]!, y1 = L[rh + j + 1]!;
      const y2 = L[rh + j + 2]!, y3 = L[rh + j + 3]!;
      for (let k = e; k <= i; k++) {
        const rk = k * n + j;
        const l0 = L[rk]!, l1 = L[rk + 1]!, l2 = L[rk + 2]!, l3 = L[rk + 3]!;
        L[ri + k]! -= x0 * l0 + x1 * l1 + x2 * l2 + x3 * l3;
        L[rh + k]! -= y0 * l0 + y1 * l1 + y2 * l2 + y3 * l3;
      }
      rank4Row(L, n, j, i + 1, i + 1, i + 1);
    }
  }
  return L;
}

/**
 * `L[i][k] −= Σ_{p<4} L[i][j + p] L[k][j + p]` for k = k0 … k1: one row of the rank-4
 * update in {@link choleskyFactor}.
 */
export function rank4Row(
  L: Float64Array,
  n: number,
  j: number,
  i: number,
  k0: number,
  k1: number,
): void {
  const ri = i * n;
  const x0 = L[ri + j]!, x1 = L[ri + j + 1]!;
  const x2 = L[ri + j + 2]!, x3 = L[ri + j + 3]!;
  for (let k = k0; k <= k1; k++) {
    const rk = k * n + j;
    L[ri + k]! -= x0 * L[rk]! + x1 * L[rk + 1]! + x2 * L[rk + 2]! +
      x3 * L[rk + 3]!;
  }
}

/** Solves L Lᵀ X = B; B is n x k row-major. */
export function cholSolve(
  L: Float64Array,
  n: number,
  B: Float64Array,
  k: number,
): Float64Array {
  const X = B.slice(0, n * k);
  for (let i = 0; i < n; i++) {
    const ri = i * n, xi = i * k;
    for (let p = 0; p < i; p++) {
      const l = L[ri + p]!;
      if (l === 0) continue;
      const xp = p * k;
      for (let c = 0; c < k; c++) X[xi + c]! -= l * X[xp + c]!;
    }
    const d = L[ri + i]!;
    for (let c = 0; c < k; c++) X[xi + c]! /= d;
  }
  for (let i = n - 1; i >= 0; i--) {
    const ri = i * n, xi = i * k;
    const d = L[ri + i]!;
    for (let c = 0; c < k; c++) X[xi + c]! /= d;
    for (let p = 0; p < i; p++) {
      const l = L[ri + p]!;
      if (l === 0) continue;
      const xp = p * k;
      for (let c = 0; c < k; c++) X[xp + c]! -= l * X[xi + c]!;
    }
  }
  return X;
}

/**
 * Solves L Lᵀ x = v in place: forward substitution by columns of L, then back
 * substitution by rows, both as updates of v (no loop-carried sums).
 */
export function cholSolveVec(
  L: Float64Array,
  n: number,
  v: Float64Array,
): void {
  for (let j = 0; j < n; j++) {
    const xj = (v[j]! /= L[j * n + j]!);
    for (let i = j + 1; i < n; i++) v[i]! -= L[i * n + j]! * xj;
  }
  for (let i = n - 1; i >= 0; i--) {
    const ri = i * n;
    const xi = (v[i]! /= L[ri + i]!);
    for (let p = 0; p < i; p++) v[p]! -= L[ri + p]! * xi;
  }
}

/**
 * Householder QR with column pivoting of B (t x p, t ≥ p) held as T = Bᵀ: p
 * contiguous rows of length t, row k being column k of B (LAPACK's dgeqp3 pivot rule
 * with dlarfg's reflectors; trailing norms are recomputed, not downdated). In place:
 * afterwards B P = Q R with column k of B P the original column perm[k],
 * R[k][j] = T[j·t + k] for j ≥ k, reflector k is v = (1, T[k·t + k+1 ..]) on entries
 * k.., Hₖ = I − tau[k] v vᵀ and Q = H₀ H₁ ⋯ H_{p−1}.
 */
export function householderQr(
  T: Float64Array,
  p: number,
  t: number,
  tau: Float64Array,
  perm: Int32Array,
): void {
  for (let k = 0; k < p; k++) perm[k] = k;
  for (let k = 0; k < p; k++) {
    // Pivot: the remaining column with the largest trailing norm.
    let best = k, bestNorm = -1;
    for (let j = k; j < p; j++) {
      const nj = norm2(T, j * t + k, t - k);
      if (nj > bestNorm) {
        bestNorm = nj;
        best = j;
      }
    }
    const rk = k * t;
    if (best !== k) swapRows(T, t, k, best, perm);
    const alpha = T[rk + k]!;
    const xnorm = norm2(T, rk + k + 1, t - k - 1);
    if (xnorm === 0) {
      tau[k] = 0;
      continue;
    }
    const beta = (alpha >= 0 ? -1 : 1) * Math.hypot(alpha, xnorm);
    const tk = (tau[k] = (beta - alpha) / beta);
    const scale = 1 / (alpha - beta);
    for (let i = k + 1; i < t; i++) T[rk + i]! *= scale;
    T[rk + k] = beta;
    for (let j = k + 1; j < p; j++) {
      const rj = j * t;
      let w = T[rj + k]!;
      for (let i = k + 1; i < t; i++) w += T[rk + i]! * T[rj + i]!;
      w *= tk;
      T[rj + k]! -= w;
      for (let i = k + 1; i < t; i++) T[rj + i]! -= w * T[rk + i]!;
    }
  }
}

/** v ← Qᵀ v (`transposed`) or v ← Q v, for Q from {@link householderQr}; |v| = t. */
export function applyHouseholder(
  T: Float64Array,
  p: number,
  t: number,
  tau: Float64Array,
  v: Float64Array,
  transposed: boolean,
): void {
  for (let step = 0; step < p; step++) {
    const k = transposed ? step : p - 1 - step;
    const tk = tau[k]!;
    if (tk === 0) continue;
    const rk = k * t;
    let w = v[k]!;
    for (let i = k + 1; i < t; i++) w += T[rk + i]! * v[i]!;
    w *= tk;
    v[k]! -= w;
    for (let i = k + 1; i < t; i++) v[i]! -= w * T[rk + i]!;
  }
}

/**
 * One-sided Jacobi (Hestenes) on the p rows of G (p x len, row-major): rotates pairs
 * of rows until all are mutually orthogonal to working precision,
 * |gᵢ·gⱼ| ≤ √p · eps · ‖gᵢ‖‖gⱼ‖ (the test of LAPACK's dgesvj). With V the product
 * of the rotations, G ← Vᵀ G, so G₀ = V G = Σᵢ vᵢ gᵢᵀ; the same rotations are applied
 * to the p-vector u, giving u ← Vᵀ u (i.e. uᵢ = vᵢ·u₀) without forming V.
 */
export function jacobiSvd(
  G: Float64Array,
  p: number,
  len: number,
  u: Float64Array,
): void {
  const tol = Math.sqrt(p) * EPS;
  for (let sweep = 0; sweep < 100; sweep++) {
    let rotated = false;
    for (let i = 0; i < p - 1; i++) {
      const gi = i * len;
      for (let j = i + 1; j < p; j++) {
        const gj = j * len;
        let alpha = 0, beta = 0, gamma = 0;
        for (let k = 0; k < len; k++) {
          const a = G[gi + k]!, b = G[gj + k]!;
          alpha += a * a;
          beta += b * b;
          gamma += a * b;
        }
        if (!(Math.abs(gamma) > tol * Math.sqrt(alpha) * Math.sqrt(beta))) {
          continue;
        }
        rotated = true;
        const zeta = (beta - alpha) / (2 * gamma);
        const t = Math.abs(zeta) > 1e150 ? 0.5 / zeta : (zeta >= 0 ? 1 : -1) /
          (Math.abs(zeta) + Math.sqrt(1 + zeta * zeta));
        const c = 1 / Math.sqrt(1 + t * t), s = c * t;
        for (let k = 0; k < len; k++) {
          const a = G[gi + k]!, b = G[gj + k]!;
          G[gi + k] = c * a - s * b;
          G[gj + k] = s * a + c * b;
        }
        const ui = u[i]!, uj = u[j]!;
        u[i] = c * ui - s * uj;
        u[j] = s * ui + c * uj;
      }
    }
    if (!rotated) break;
  }
}

export function transposeData(
  a: Float64Array,
  m: number,
  n: number,
): Float64Array {
  const t = new Float64Array(m * n);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) t[j * m + i] = a[i * n + j]!;
  }
  return t;
}

/** Euclidean norm of v[off .. off+len), rescaling only when squares over/underflow. */
export function norm2(v: Float64Array, off: number, len: number): number {
  let ss = 0;
  for (let k = off; k < off + len; k++) ss += v[k]! * v[k]!;
  if (ss < Number.MAX_VALUE && ss > 1e-280) return Math.sqrt(ss);
  let scale = 0;
  for (let k = off; k < off + len; k++) {
    scale = Math.max(scale, Math.abs(v[k]!));
  }
  if (scale === 0) return 0;
  // A power of two, so that dividing by it is exact.
  scale = 2 ** Math.floor(Math.log2(scale));
  ss = 0;
  for (let k = off; k < off + len; k++) {
    const r = v[k]! / scale;
    ss += r * r;
  }
  return scale * Math.sqrt(ss);
}

/** ‖A‖₁: the largest column sum of absolute values. */
export function norm1(a: Float64Array, n: number): number {
  const colSums = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const ri = i * n;
    for (let j = 0; j < n; j++) colSums[j]! += Math.abs(a[ri + j]!);
  }
  let best = 0;
  for (let j = 0; j < n; j++) best = Math.max(best, colSums[j]!);
  return best;
}

export function isSymmetric(a: Float64Array, n: number): boolean {
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i; j++) {
      if (a[i * n + j] !== a[j * n + i]) return false;
    }
  }
  return true;
}
