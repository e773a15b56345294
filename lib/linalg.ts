/**
 * Dense linear algebra in Float64: the linear-system solver ({@link solve},
 * {@link inv}), the Cholesky factor and minimum-norm least squares ({@link lstsq}).
 * The {@link Matrix} type lives in `matrix.ts`, the products in `products.ts`, the
 * LAPACK-style kernels in the private `_lapack.ts`.
 *
 * Everything here is written as tight loops over `Float64Array`s (no per-element
 * allocation) because the regression chapters call it in their inner loops.
 *
 * Conventions:
 * - A vector is any `ArrayLike<number>` on input and a `Float64Array` on output.
 * - Inputs are validated at the boundary: shapes must agree and every entry must be
 *   finite; the messages name the function, the argument and what was received.
 * - Results agree with numpy (`numpy.linalg.solve`, `numpy.linalg.lstsq`) to about
 *   1e-10 relative on well-conditioned problems (see `tests/linalg_test.ts`).
 *
 * @module
 */

import {
  checkBoolean,
  checkNonNegative,
  checkOptions,
  isInstance,
  toFloat64Array,
} from "./_validate.ts";
import { checkMatrix, checkSquare } from "./_validate_matrix.ts";
import {
  applyHouseholder,
  choleskyFactor,
  choleskyInPlace,
  EPS,
  factorize,
  householderQr,
  isSymmetric,
  jacobiSvd,
  norm2,
  transposeData,
} from "./_lapack.ts";
import { Matrix } from "./matrix.ts";

/** The smallest positive normal double, 2^-1022. */
const MIN_NORMAL = 2 ** -1022;

/**
 * Solves the square system `A x = b`.
 *
 * Method: if `A` is exactly symmetric, a Cholesky factorization `A = L Lᵀ` is tried
 * (half the work of LU; this is the path of ridge regression's `XᵀX + αI`); if it
 * breaks down (A not positive definite), or `A` is not symmetric, LU with partial
 * pivoting is used (as `numpy.linalg.solve`).
 *
 * Singularity rule: `A` is declared singular when LU meets an exactly zero pivot
 * column, or when the estimated reciprocal condition number in the 1-norm,
 * `rcond = 1 / (‖A‖₁ · est ‖A⁻¹‖₁)` (Hager–Higham estimator, as LAPACK's
 * `dgecon`/`dpocon`), is below machine epsilon 2⁻⁵² ≈ 2.2e-16 — the threshold at
 * which `scipy.linalg.solve` warns "ill-conditioned". Below it the answer would carry
 * no correct digit. numpy only refuses exact zero pivots and returns garbage instead.
 *
 * @param A A square `n` x `n` matrix, `n ≥ 1`.
 * @param b The right-hand side: a vector of length `n`, or an `n` x `k` matrix whose
 *   columns are right-hand sides.
 * @returns `x`: a new `Float64Array` for a vector `b`, a new `n` x `k` {@link Matrix}
 *   for a matrix `b`.
 * @throws {TypeError} If `A` is not a {@link Matrix} or `b` not a vector or matrix.
 * @throws {RangeError} If `A` is not square or empty, shapes disagree, an entry is
 *   not finite, or `A` is singular (`solve(): A is singular ...`).
 *
 * @example Symmetric positive definite (Cholesky) and general (LU) systems
 * ```ts
 * import { Matrix } from "./matrix.ts";
 * import { solve } from "./linalg.ts";
 * import assert from "node:assert/strict";
 *
 * const spd = Matrix.from([[4, 2], [2, 3]]);
 * assert.deepEqual(solve(spd, [2, 1]), new Float64Array([0.5, 0]));
 * const general = Matrix.from([[0, 1], [2, 0]]);
 * assert.deepEqual(solve(general, [3, 4]), new Float64Array([2, 3]));
 * assert.deepEqual(solve(general, Matrix.identity(2)).toArray(), [[0, 0.5], [1, 0]]);
 * assert.throws(() => solve(Matrix.from([[1, 2], [2, 4]]), [1, 1]), /solve\(\): A is singular/);
 * ```
 */
export function solve(A: Matrix, b: Matrix): Matrix;
export function solve(A: Matrix, b: ArrayLike<number>): Float64Array;
export function solve(
  A: Matrix,
  b: Matrix | ArrayLike<number>,
): Matrix | Float64Array {
  checkSquare("solve", A);
  const n = A.rows;
  let rhs: Float64Array, k: number;
  const bIsMatrix = isInstance(b, Matrix);
  if (bIsMatrix) {
    checkMatrix("solve", "b", b);
    if (b.rows !== n) {
      throw new RangeError(
        `solve(): b.rows must equal A.rows (received ${b.rows} and ${n})`,
      );
    }
    rhs = b.data;
    k = b.cols;
  } else {
    rhs = toFloat64Array("solve", "b", b, { minLength: 0 });
    if (rhs.length !== n) {
      throw new RangeError(
        `solve(): b.length must equal A.rows (received ${rhs.length} and ${n})`,
      );
    }
    k = 1;
  }
  const x = factorize("solve", A).solve(rhs, k);
  return bIsMatrix ? new Matrix(n, k, x) : x;
}

/**
 * The inverse `A⁻¹`, computed as `solve(A, I)` (same method and singularity rule as
 * {@link solve}). Prefer `solve(A, b)` to `matvec(inv(A), b)`: it is cheaper and
 * more accurate; the inverse itself is wanted for covariance matrices such as the
 * inverse Fisher information.
 *
 * @param A A square `n` x `n` matrix, `n ≥ 1`.
 * @returns A new `n` x `n` matrix.
 * @throws {TypeError} If `A` is not a {@link Matrix}.
 * @throws {RangeError} If `A` is not square or empty, an entry is not finite, or `A`
 *   is singular (`inv(): A is singular ...`).
 *
 * @example
 * ```ts
 * import { Matrix } from "./matrix.ts";
 * import { inv } from "./linalg.ts";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual(inv(Matrix.from([[0, 2], [4, 0]])).toArray(), [[0, 0.25], [0.5, 0]]);
 * ```
 */
export function inv(A: Matrix): Matrix {
  checkSquare("inv", A);
  const n = A.rows;
  return new Matrix(
    n,
    n,
    factorize("inv", A).solve(Matrix.identity(n).data, n),
  );
}

/** Options of {@link cholesky}. */
export interface CholeskyOptions {
  /**
   * Factor in place, as scipy's `overwrite_a`: `A` itself receives `L` (its upper
   * triangle zeroed) and is returned, saving the allocation of `n²` values. If `A`
   * is not positive definite its contents are left unspecified. Defaults to false.
   */
  overwriteA?: boolean;
}

/**
 * Cholesky factor of a symmetric positive definite matrix: lower-triangular `L` with
 * positive diagonal and `A = L Lᵀ` (as `numpy.linalg.cholesky`). Only the lower
 * triangle of `A` is read, after checking that `A` is symmetric to within
 * `√eps · max|Aᵢⱼ|` (a check numpy does not make).
 *
 * @param A A symmetric positive definite `n` x `n` matrix, `n ≥ 1`.
 * @param options `{ overwriteA }`; see {@link CholeskyOptions}.
 * @returns A new lower-triangular `n` x `n` matrix (`A` itself with `overwriteA`).
 * @throws {TypeError} If `A` is not a {@link Matrix}, `options` not an object, or
 *   `overwriteA` not a boolean.
 * @throws {RangeError} If `A` is not square, not symmetric, not positive definite,
 *   or has a non-finite entry.
 * @throws {TypeError} If `options` has a key other than those documented above: a
 *   misspelt option is refused by name, never silently ignored.
 *
 * @example
 * ```ts
 * import { Matrix } from "./matrix.ts";
 * import { cholesky } from "./linalg.ts";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual(cholesky(Matrix.from([[4, 2], [2, 5]])).toArray(), [[2, 0], [1, 2]]);
 * const A = Matrix.from([[4, 2], [2, 5]]);
 * assert.equal(cholesky(A, { overwriteA: true }), A);
 * assert.deepEqual(A.toArray(), [[2, 0], [1, 2]]);
 * assert.throws(
 *   () => cholesky(Matrix.from([[1, 2], [2, 1]])),
 *   /cholesky\(\): A must be positive definite \(leading minor of order 2 is not positive\)/,
 * );
 * ```
 */
export function cholesky(A: Matrix, options: CholeskyOptions = {}): Matrix {
  checkSquare("cholesky", A);
  const overwriteA = checkBoolean(
    "cholesky",
    "overwriteA",
    checkOptions("cholesky", options, ["overwriteA"]).overwriteA ?? false,
  );
  const n = A.rows, a = A.data;
  if (!isSymmetric(a, n)) {
    // Not exactly symmetric (the common case is): compare with the tolerance.
    let maxAbs = 0;
    for (let k = 0; k < a.length; k++) {
      maxAbs = Math.max(maxAbs, Math.abs(a[k]!));
    }
    const tol = Math.sqrt(EPS) * maxAbs;
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < i; j++) {
        const lo = a[i * n + j]!, up = a[j * n + i]!;
        if (Math.abs(lo - up) > tol) {
          throw new RangeError(
            `cholesky(): A must be symmetric (received A[${i}][${j}]=${lo} and A[${j}][${i}]=${up})`,
          );
        }
      }
    }
  }
  const L = overwriteA ? choleskyInPlace(a, n) : choleskyFactor(a, n);
  if (typeof L === "number") {
    throw new RangeError(
      `cholesky(): A must be positive definite (leading minor of order ${
        L + 1
      } is not positive)`,
    );
  }
  if (!overwriteA) return new Matrix(n, n, L);
  for (let i = 0; i < n; i++) a.fill(0, i * n + i + 1, (i + 1) * n);
  return A;
}

/** Options of {@link lstsq}. */
export interface LstsqOptions {
  /**
   * Cut-off ratio for small singular values: those at most `rcond · s_max` count as
   * zero. Defaults to `eps · max(m, n)` (numpy ≥ 2's default; numpy 1.x's `rcond=None`).
   */
  rcond?: number;
}

/** Result of {@link lstsq}, field for field as `numpy.linalg.lstsq`. */
export interface LstsqResult {
  /** The minimum-norm least-squares solution, length `n`. */
  x: Float64Array;
  /**
   * Sum of squared residuals `‖b − A x‖²`. Always computed (numpy returns an empty
   * array when `rank < n` or `m ≤ n`; here it is then a meaningful number, ≈ 0 for a
   * consistent system).
   */
  residuals: number;
  /** Effective rank: the number of singular values above `rcond · s_max`. */
  rank: number;
  /** Singular values of `A`, in decreasing order, length `min(m, n)`. */
  singularValues: Float64Array;
}

/**
 * Minimum-norm least squares: the `x` minimizing `‖b − A x‖₂` and, among the
 * minimizers, `‖x‖₂` — as `numpy.linalg.lstsq(A, b, rcond=None)`. Handles
 * overdetermined (`m > n`), underdetermined (`m < n`) and rank-deficient `A`.
 *
 * Method: Householder QR with column pivoting of `A` (or of `Aᵀ` when `m < n`),
 * then the SVD of the small triangular factor by one-sided Jacobi (Hestenes), which
 * computes singular values to high relative accuracy; finally
 * `x = Σ_{sᵢ > rcond·s_max} vᵢ (uᵢ·b) / sᵢ`.
 *
 * @param A An `m` x `n` matrix with `m, n ≥ 1`.
 * @param b A vector of length `m`.
 * @param options.rcond Relative cut-off for small singular values; see
 *   {@link LstsqOptions}.
 * @returns `{ x, residuals, rank, singularValues }`; see {@link LstsqResult}.
 * @throws {TypeError} If `A` is not a {@link Matrix} or `b` is not an array of numbers.
 * @throws {TypeError} If `options` is not an object.
 * @throws {RangeError} If `A` is empty, `b.length !== A.rows`, an entry is not
 *   finite, or `rcond` is negative or not finite.
 * @throws {TypeError} If `options` has a key other than those documented above: a
 *   misspelt option is refused by name, never silently ignored.
 *
 * @example A line through three points, and an underdetermined system
 * ```ts
 * import { Matrix } from "./matrix.ts";
 * import { lstsq } from "./linalg.ts";
 * import assert from "node:assert/strict";
 *
 * // Fit y = c0 + c1 t to (0, 1), (1, 3), (2, 5): exact, so residuals ≈ 0.
 * const fit = lstsq(Matrix.from([[1, 0], [1, 1], [1, 2]]), [1, 3, 5]);
 * assert.ok(Math.abs(fit.x[0]! - 1) < 1e-12 && Math.abs(fit.x[1]! - 2) < 1e-12);
 * assert.equal(fit.rank, 2);
 * assert.ok(fit.residuals < 1e-20);
 *
 * // One equation x0 + x1 = 2: the minimum-norm solution is (1, 1).
 * const under = lstsq(Matrix.from([[1, 1]]), [2]);
 * assert.ok(Math.abs(under.x[0]! - 1) < 1e-12 && Math.abs(under.x[1]! - 1) < 1e-12);
 * assert.equal(under.rank, 1);
 * ```
 */
export function lstsq(
  A: Matrix,
  b: ArrayLike<number>,
  options: LstsqOptions = {},
): LstsqResult {
  checkMatrix("lstsq", "A", A);
  const m = A.rows, n = A.cols;
  if (m === 0 || n === 0) {
    throw new RangeError(
      `lstsq(): A must have at least one row and one column (received ${m}x${n} matrix)`,
    );
  }
  const y = toFloat64Array("lstsq", "b", b, { minLength: 0 });
  if (y.length !== m) {
    throw new RangeError(
      `lstsq(): b.length must equal A.rows (received ${y.length} and ${m})`,
    );
  }
  const o = checkOptions("lstsq", options, ["rcond"]);
  const rcond = o.rcond === undefined
    ? EPS * Math.max(m, n)
    : checkNonNegative("lstsq", "rcond", o.rcond);

  // Let B = A (tall) or Aᵀ (wide), t x p with t = max(m, n) ≥ p = min(m, n).
  // 1. Householder QR with column pivoting, B P = Q R, on T = Bᵀ stored as p
  //    contiguous rows of length t.
  // 2. The least-squares problem reduces to the p x p system S z = c with
  //    tall (A P = Q R):  S = R,  c = (Qᵀ b)₁..ₚ,  x = P z;
  //    wide (Pᵀ A = Rᵀ Qᵀ): S = Rᵀ, c = Pᵀ b,       x = Q z.
  // 3. One-sided Jacobi on the rows of S (for tall A the columns of Rᵀ:
  //    QR-preconditioned Jacobi, Drmač & Veselić 2008) gives S = Σᵢ vᵢ gᵢᵀ with
  //    mutually orthogonal gᵢ = sᵢ ŵᵢ, so S⁺ c = Σ_{sᵢ > cutoff} gᵢ (vᵢ·c) / sᵢ².
  const tall = m >= n;
  const p = tall ? n : m, t = tall ? m : n;
  const T = tall ? transposeData(A.data, m, n) : A.data.slice();
  const tau = new Float64Array(p);
  const perm = new Int32Array(p);
  householderQr(T, p, t, tau, perm);
  const S = new Float64Array(p * p);
  for (let k = 0; k < p; k++) {
    for (let j = k; j < p; j++) {
      S[tall ? k * p + j : j * p + k] = T[j * t + k]!;
    }
  }
  let c: Float64Array;
  if (tall) {
    c = y.slice();
    applyHouseholder(T, p, t, tau, c, true);
    c = c.slice(0, p);
  } else {
    c = new Float64Array(p);
    for (let k = 0; k < p; k++) c[k] = y[perm[k]!]!;
  }
  jacobiSvd(S, p, p, c); // c ← Vᵀ c

  const s = new Float64Array(p);
  for (let i = 0; i < p; i++) s[i] = norm2(S, i * p, p);
  const singularValues = s.slice().sort().reverse();
  const cutoff = rcond * singularValues[0]!;
  const z = new Float64Array(p);
  let rank = 0;
  for (let i = 0; i < p; i++) {
    if (!(s[i]! > cutoff)) continue;
    rank++;
    const si = s[i]!, s2 = si * si, gi = i * p;
    if (s2 >= MIN_NORMAL && s2 < Infinity) {
      const coef = c[i]! / s2;
      for (let k = 0; k < p; k++) z[k]! += coef * S[gi + k]!;
    } else {
      // sᵢ² under- or overflows (entries near 1e-154 or 1e154): divide twice,
      // gᵢ / sᵢ being a unit vector, so that x = 1e300 comes out as 1e300.
      const coef = c[i]! / si;
      for (let k = 0; k < p; k++) z[k]! += coef * (S[gi + k]! / si);
    }
  }
  const x = new Float64Array(n);
  if (tall) {
    for (let k = 0; k < p; k++) x[perm[k]!] = z[k]!;
  } else {
    x.set(z);
    applyHouseholder(T, p, t, tau, x, false);
  }

  let residuals = 0;
  const a = A.data;
  for (let i = 0; i < m; i++) {
    let r = y[i]!;
    const ai = i * n;
    for (let j = 0; j < n; j++) r -= a[ai + j]! * x[j]!;
    residuals += r * r;
  }
  return { x, residuals, rank, singularValues };
}
