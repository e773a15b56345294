/**
 * Linear regression as maximum-likelihood and MAP estimation: ordinary least squares
 * (Gaussian noise, flat prior), ridge (Gaussian prior, L2) and the lasso (Laplace
 * prior, L1), with the objectives, conventions and stopping rules of scikit-learn.
 *
 * | function | objective minimised over `w`, `b` | scikit-learn |
 * | --- | --- | --- |
 * | {@link ols} | `‖y − Xw − b‖²` | `LinearRegression` |
 * | {@link ridge} | `‖y − Xw − b‖² + α‖w‖²` | `Ridge` |
 * | {@link lasso} | `(1/2n)‖y − Xw − b‖² + α‖w‖₁` | `Lasso` |
 *
 * With `fitIntercept` (the default) the intercept `b` is never penalised: `X` and `y`
 * are centred, the centred problem is solved, and `b = ȳ − x̄·w`, as scikit-learn does.
 *
 * `X` is `number[][]` (one row per observation) or a {@link Matrix}; `y` is any array
 * of numbers. Neither is modified. Entries must be finite and at most 1e100 in
 * magnitude, so that `XᵀX`, `Xᵀy` and the centring cannot overflow (rescale data
 * beyond that; no real design comes near it).
 *
 * @module
 */

import {
  checkBoolean,
  checkIterations,
  checkNonNegative,
  checkOptions,
  toFloat64Array,
} from "./_validate.ts";
import { toDesignMatrix, toTargetVector } from "./_validate_matrix.ts";
import { cholSolveVec } from "./_lapack.ts";
import { type DesignInput, Matrix } from "./matrix.ts";
import { gram } from "./products.ts";
import { cholesky, lstsq, solve } from "./linalg.ts";

/** The centred (or, without intercept, the original) problem. */
interface Centred {
  /** `n x d` design, centred column by column when fitting an intercept (unless not copied). */
  X: Matrix;
  /** Targets, centred when fitting an intercept. */
  y: Float64Array;
  /** Column means of the original `X` (zeros without intercept). */
  xMean: Float64Array;
  /** Mean of the original `y` (0 without intercept). */
  yMean: number;
}

/**
 * The checked inputs every fit starts from: the design as a Matrix, the targets (one
 * per row) and whether to fit an intercept (default true).
 */
function fitInputs(
  fn: string,
  X: DesignInput,
  y: ArrayLike<number>,
  options: { fitIntercept?: boolean | undefined },
): { A: Matrix; t: Float64Array; fitIntercept: boolean } {
  const A = toDesignMatrix(fn, "X", X);
  const t = toTargetVector(fn, y, A.rows);
  const fitIntercept = checkBoolean(
    fn,
    "fitIntercept",
    options.fitIntercept ?? true,
  );
  return { A, t, fitIntercept };
}

/**
 * Centres `X` and `y` for an unpenalised intercept. With `copyX` false the returned
 * `X` is the original (the lasso centres while copying into its column buffer).
 */
function centre(
  X: Matrix,
  y: Float64Array,
  fitIntercept: boolean,
  copyX = true,
): Centred {
  const { rows: n, cols: d, data } = X;
  const xMean = new Float64Array(d);
  if (!fitIntercept) return { X, y, xMean, yMean: 0 };
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < d; j++) xMean[j]! += data[i * d + j]!;
  }
  for (let j = 0; j < d; j++) xMean[j] = xMean[j]! / n;
  let yMean = 0;
  for (let i = 0; i < n; i++) yMean += y[i]!;
  yMean /= n;
  const yc = new Float64Array(n);
  for (let i = 0; i < n; i++) yc[i] = y[i]! - yMean;
  if (!copyX) return { X, y: yc, xMean, yMean };
  const xc = new Float64Array(n * d);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < d; j++) xc[i * d + j] = data[i * d + j]! - xMean[j]!;
  }
  return { X: new Matrix(n, d, xc), y: yc, xMean, yMean };
}

function interceptOf(c: Centred, coef: Float64Array): number {
  let b = c.yMean;
  for (let j = 0; j < coef.length; j++) b -= c.xMean[j]! * coef[j]!;
  return b;
}

/**
 * `X^T v` for a row-major `n x d` matrix, each entry summed over the rows in order
 * (as the lasso's coordinate descent sums `x_jᵀr`, which lassoAlphaMax must match).
 */
function xtv(X: Matrix, v: Float64Array): Float64Array {
  const { rows: n, cols: d, data } = X;
  const out = new Float64Array(d);
  for (let i = 0; i < n; i++) {
    const vi = v[i]!;
    if (vi === 0) continue;
    for (let j = 0; j < d; j++) out[j]! += data[i * d + j]! * vi;
  }
  return out;
}

// ---------------------------------------------------------------------------------
// Ordinary least squares
// ---------------------------------------------------------------------------------

/** Options of {@link ols}. */
export interface OlsOptions {
  /** Fit an unpenalised intercept by centring `X` and `y`. Defaults to true. */
  fitIntercept?: boolean;
  /**
   * Relative cut-off for small singular values, as `numpy.linalg.lstsq`'s `rcond`.
   * Defaults to `eps · max(n, d)`.
   */
  rcond?: number;
}

/** Result of {@link ols}. */
export interface OlsResult {
  /** The coefficients `w`, one per column of `X`. */
  coef: Float64Array;
  /** The intercept `b` (0 when `fitIntercept` is false). */
  intercept: number;
  /**
   * Effective rank of the (centred) design. Below the number of columns the design is
   * singular and `coef` is the minimum-norm solution among the infinitely many.
   */
  rank: number;
  /** Singular values of the (centred) design, decreasing. */
  singularValues: Float64Array;
  /** Residual sum of squares `‖y − Xw − b‖²`. */
  rss: number;
}

/**
 * Ordinary least squares, the maximum-likelihood estimate under Gaussian noise:
 * minimises `‖y − Xw − b‖²`, as scikit-learn's `LinearRegression`.
 *
 * Solved by minimum-norm least squares ({@link lstsq}, an SVD) on the centred design.
 * **A singular design does not throw**: when the columns of `X` are linearly dependent
 * (or there are fewer rows than columns) the minimiser is not unique, and the result is
 * the one of smallest `‖w‖₂` — the same answer as `LinearRegression` and
 * `numpy.linalg.lstsq`. Check `rank < X.cols` to detect it.
 *
 * @param X The design, `n` rows of `d` features.
 * @param y The targets, one per row.
 * @param options.fitIntercept Fit an intercept. Defaults to true.
 * @param options.rcond Singular-value cut-off ratio. Defaults to `eps · max(n, d)`.
 * @returns `{ coef, intercept, rank, singularValues, rss }`.
 * @throws {TypeError} If an argument has the wrong type.
 * @throws {RangeError} If `X` is empty, ragged or non-finite, `y` is non-finite or of
 *   a different length, or `rcond` is negative.
 * @throws {TypeError} If `options` has a key other than those documented above: a
 *   misspelt option is refused by name, never silently ignored.
 *
 * @example A noiseless line, and a duplicated column (rank 1, minimum norm)
 * ```ts
 * import { ols } from "./regression.ts";
 * import assert from "node:assert/strict";
 *
 * const fit = ols([[0], [1], [2]], [1, 3, 5]);
 * assert.ok(Math.abs(fit.coef[0]! - 2) < 1e-12 && Math.abs(fit.intercept - 1) < 1e-12);
 *
 * const dup = ols([[0, 0], [1, 1], [2, 2]], [1, 3, 5]);
 * assert.equal(dup.rank, 1);
 * assert.ok(Math.abs(dup.coef[0]! - 1) < 1e-12 && Math.abs(dup.coef[1]! - 1) < 1e-12);
 * ```
 */
export function ols(
  X: DesignInput,
  y: ArrayLike<number>,
  options: OlsOptions = {},
): OlsResult {
  const fn = "ols";
  const o = checkOptions(fn, options, ["fitIntercept", "rcond"]);
  const { A, t, fitIntercept } = fitInputs(fn, X, y, o);
  const c = centre(A, t, fitIntercept);
  const lsOpts = o.rcond === undefined
    ? {}
    : { rcond: checkNonNegative(fn, "rcond", o.rcond) };
  const sol = lstsq(c.X, c.y, lsOpts);
  return {
    coef: sol.x,
    intercept: fitIntercept ? interceptOf(c, sol.x) : 0,
    rank: sol.rank,
    singularValues: sol.singularValues,
    rss: sol.residuals,
  };
}

// ---------------------------------------------------------------------------------
// Ridge
// ---------------------------------------------------------------------------------

/** Options of {@link ridge}. */
export interface RidgeOptions {
  /** Penalty `α ≥ 0` on `‖w‖²`. Defaults to 1, as scikit-learn. */
  alpha?: number;
  /** Fit an unpenalised intercept by centring `X` and `y`. Defaults to true. */
  fitIntercept?: boolean;
}

/** Result of {@link ridge}. */
export interface RidgeResult {
  /** The coefficients `w`. */
  coef: Float64Array;
  /** The intercept `b` (0 when `fitIntercept` is false). */
  intercept: number;
  /** The penalty used. */
  alpha: number;
  /**
   * How the system was solved: `"primal"` (`(XᵀX + αI) w = Xᵀy`, when `n ≥ d`),
   * `"dual"` (`w = Xᵀ(XXᵀ + αI)⁻¹ y`, when `n < d`), or `"lstsq"` (the
   * minimum-norm fallback, only reachable with `α = 0` and a singular design).
   */
  solver: "primal" | "dual" | "lstsq";
}

/** Pre-computed pieces shared by every alpha of a ridge path. */
interface RidgeProblem {
  c: Centred;
  fitIntercept: boolean;
  dual: boolean;
  /** `XᵀX` (primal) or `XXᵀ` (dual), centred. */
  G: Matrix;
  /** `Xᵀy` (primal) or `y` (dual), centred. */
  rhs: Float64Array;
  /** `tr G = ‖X‖²_F`. */
  trace: number;
}

/**
 * The centred problem and its Gram matrix, written into `G` (`min(n, d)` square:
 * `XᵀX` when `n ≥ d`, else `XXᵀ`).
 */
function ridgeProblem(
  A: Matrix,
  t: Float64Array,
  fitIntercept: boolean,
  G: Matrix,
): RidgeProblem {
  const c = centre(A, t, fitIntercept);
  const dual = c.X.rows < c.X.cols;
  if (!dual) {
    gram(c.X, G);
    return { c, fitIntercept, dual, G, rhs: xtv(c.X, c.y), trace: trace(G) };
  }
  // Kernel matrix X Xᵀ: entries are dot products of rows.
  const { rows: n, cols: d, data } = c.X;
  const K = G.data;
  for (let i = 0; i < n; i++) {
    for (let k = i; k < n; k++) {
      let s = 0;
      for (let j = 0; j < d; j++) s += data[i * d + j]! * data[k * d + j]!;
      K[i * n + k] = s;
      K[k * n + i] = s;
    }
  }
  return { c, fitIntercept, dual, G, rhs: c.y, trace: trace(G) };
}

/**
 * Scratch `n x n` matrix for the normal equations, reused by calls of the same size:
 * allocating a fresh one per call can cost more than the solve itself, for the first
 * touch of each new page faults (~10 µs per 4 KiB on the benchmark machine, so
 * ~0.2 ms for a 50 x 50 system). Only systems up to 256 x 256 (512 KiB) are kept,
 * so nothing large stays allocated; larger ones cost O(n³) anyway.
 */
let scratch: Matrix | undefined;

function systemMatrix(n: number): Matrix {
  if (n > 256) return new Matrix(n, n);
  if (scratch?.rows !== n) scratch = new Matrix(n, n);
  return scratch;
}

function trace(G: Matrix): number {
  let s = 0;
  for (let i = 0; i < G.rows; i++) s += G.data[i * G.cols + i]!;
  return s;
}

/**
 * Whether `G + αI` is provably far from singular, G being `XᵀX` or `XXᵀ` of an
 * `n x d` design: then {@link solve}'s condition estimate could only confirm it, and
 * the system is solved by Cholesky alone. With k = max(n, d) and ε = 2^-52, the
 * computed G is off by at most k·ε/2·tr G in the 2-norm, so for α ≥ 4k·ε·tr G the
 * eigenvalues of G + αI lie in [7α/8, tr G + α]: the 2-norm condition number is below
 * 0.3/(kε) and the 1-norm one (at most k times larger) below 1/ε, the threshold of
 * solve(). The article's 100 x 50 design with α = 1 passes with room to spare
 * (4k·ε·tr G ≈ 5e-10).
 */
function wellConditioned(p: RidgeProblem, alpha: number): boolean {
  const k = Math.max(p.c.X.rows, p.c.X.cols);
  return alpha > 0 && alpha >= 4 * k * 2 ** -52 * p.trace;
}

/**
 * Solves the system for one alpha in `M` (overwritten; it may be `p.G` itself when
 * no other alpha needs it).
 */
function ridgeSolve(p: RidgeProblem, alpha: number, M: Matrix): RidgeResult {
  const m = p.G.rows;
  if (M !== p.G) M.data.set(p.G.data);
  for (let i = 0; i < m; i++) M.data[i * m + i]! += alpha;
  let coef: Float64Array;
  let solver: RidgeResult["solver"];
  try {
    let z: Float64Array;
    if (wellConditioned(p, alpha)) {
      // Provably well conditioned: Cholesky and the shared triangular solves alone.
      z = p.rhs.slice();
      cholSolveVec(cholesky(M, { overwriteA: true }).data, m, z);
    } else {
      z = solve(M, p.rhs);
    }
    coef = p.dual ? xtv(p.c.X, z) : z;
    solver = p.dual ? "dual" : "primal";
  } catch (e) {
    // Only alpha = 0 with a singular design gets here (alpha > 0 makes M positive
    // definite); scikit-learn then falls back to the SVD, i.e. the minimum-norm
    // least-squares solution.
    if (!(e instanceof RangeError) || alpha > 0) throw e;
    coef = lstsq(p.c.X, p.c.y).x;
    solver = "lstsq";
  }
  return {
    coef,
    intercept: p.fitIntercept ? interceptOf(p.c, coef) : 0,
    alpha,
    solver,
  };
}

/**
 * Ridge regression, the MAP estimate under a Gaussian prior `w ~ N(0, σ²/α I)`:
 * minimises `‖y − Xw − b‖² + α‖w‖²` (scikit-learn's `Ridge`; the intercept is not
 * penalised).
 *
 * Solves `(XᵀX + αI) w = Xᵀy` by Cholesky ({@link solve}) when `n ≥ d`, and the
 * equivalent dual `w = Xᵀ(XXᵀ + αI)⁻¹y` when `n < d` (the smaller system), as
 * scikit-learn's `cholesky` solver does. With `α = 0` this is least squares; if the
 * design is then singular, the minimum-norm solution is returned (`solver: "lstsq"`).
 * When `α ≥ 4·max(n, d)·ε·‖X‖²_F` (ε = 2^-52; any practical penalty), the system is
 * provably well conditioned, so {@link solve}'s condition estimate is skipped and
 * Cholesky alone solves it; smaller penalties go through {@link solve}.
 *
 * @param X The design, `n` rows of `d` features.
 * @param y The targets, one per row.
 * @param options.alpha The penalty `α ≥ 0`. Defaults to 1.
 * @param options.fitIntercept Fit an intercept. Defaults to true.
 * @returns `{ coef, intercept, alpha, solver }`.
 * @throws {TypeError} If an argument has the wrong type.
 * @throws {RangeError} If `alpha` is negative or not finite, `X` is empty, ragged or
 *   non-finite, or `y` is non-finite or of a different length.
 * @throws {TypeError} If `options` has a key other than those documented above: a
 *   misspelt option is refused by name, never silently ignored.
 *
 * @example The article's MAP estimate: (XᵀX + I)⁻¹Xᵀy
 * ```ts
 * import { ridge } from "./regression.ts";
 * import assert from "node:assert/strict";
 *
 * // One feature: w = Σxy / (Σx² + α) = 10 / (5 + 1).
 * const fit = ridge([[1], [2]], [2, 4], { alpha: 1, fitIntercept: false });
 * assert.ok(Math.abs(fit.coef[0]! - 10 / 6) < 1e-15);
 * assert.throws(() => ridge([[1]], [1], { alpha: -1 }), /ridge\(\): alpha must be at least 0 \(received -1\)/);
 * ```
 */
export function ridge(
  X: DesignInput,
  y: ArrayLike<number>,
  options: RidgeOptions = {},
): RidgeResult {
  const fn = "ridge";
  const o = checkOptions(fn, options, ["alpha", "fitIntercept"]);
  const alpha = checkNonNegative(fn, "alpha", o.alpha ?? 1);
  const { A, t, fitIntercept } = fitInputs(fn, X, y, o);
  const G = systemMatrix(Math.min(A.rows, A.cols));
  return ridgeSolve(ridgeProblem(A, t, fitIntercept, G), alpha, G);
}

/**
 * Ridge fits for several penalties at once (the coefficient path), sharing the Gram
 * matrix between them. Each entry equals `ridge(X, y, { alpha, fitIntercept })`.
 *
 * @param X The design, `n` rows of `d` features.
 * @param y The targets, one per row.
 * @param alphas The penalties, each `≥ 0`, in any order (results keep that order).
 * @param options.fitIntercept Fit an intercept. Defaults to true.
 * @returns One {@link RidgeResult} per alpha.
 * @throws {TypeError} If an argument has the wrong type.
 * @throws {RangeError} As {@link ridge}, naming `alphas[i]` for a bad penalty, or if
 *   `alphas` is empty.
 * @throws {TypeError} If `options` has a key other than those documented above: a
 *   misspelt option is refused by name, never silently ignored.
 *
 * @example Coefficients shrink towards zero as alpha grows
 * ```ts
 * import { ridgePath } from "./regression.ts";
 * import assert from "node:assert/strict";
 *
 * const path = ridgePath([[0], [1], [2], [3]], [0, 1, 2, 3], [0, 1, 10, 100]);
 * const w = path.map((r) => r.coef[0]!);
 * assert.ok(Math.abs(w[0]! - 1) < 1e-12);
 * assert.ok(w[0]! > w[1]! && w[1]! > w[2]! && w[2]! > w[3]! && w[3]! > 0);
 * ```
 */
export function ridgePath(
  X: DesignInput,
  y: ArrayLike<number>,
  alphas: ArrayLike<number>,
  options: { fitIntercept?: boolean } = {},
): RidgeResult[] {
  const fn = "ridgePath";
  const o = checkOptions(fn, options, ["fitIntercept"]);
  const as = toFloat64Array(fn, "alphas", alphas);
  for (let i = 0; i < as.length; i++) {
    checkNonNegative(fn, `alphas[${i}]`, as[i]);
  }
  const { A, t, fitIntercept } = fitInputs(fn, X, y, o);
  const m = Math.min(A.rows, A.cols);
  const p = ridgeProblem(A, t, fitIntercept, new Matrix(m, m));
  const M = systemMatrix(m);
  return Array.from(as, (a) => ridgeSolve(p, a, M));
}

// ---------------------------------------------------------------------------------
// Lasso
// ---------------------------------------------------------------------------------

/** Options of {@link lasso}. */
export interface LassoOptions {
  /** Penalty `α ≥ 0` on `‖w‖₁`. Defaults to 1, as scikit-learn. */
  alpha?: number;
  /** Fit an unpenalised intercept by centring `X` and `y`. Defaults to true. */
  fitIntercept?: boolean;
  /** Tolerance of the stopping rule (see {@link lasso}). Defaults to 1e-4. */
  tol?: number;
  /** Maximum number of passes over the coordinates. Defaults to 1000. */
  maxIter?: number;
}

/** Result of {@link lasso}. */
export interface LassoResult {
  /** The coefficients `w`; exactly zero for the features the lasso dropped. */
  coef: Float64Array;
  /** The intercept `b` (0 when `fitIntercept` is false). */
  intercept: number;
  /** The penalty used. */
  alpha: number;
  /** Passes over the coordinates performed (scikit-learn's `n_iter_`). */
  nIter: number;
  /**
   * Duality gap of the last check, divided by `n` (scikit-learn's `dual_gap_`): an
   * upper bound on how far the objective is above its minimum.
   */
  dualGap: number;
  /**
   * Whether the duality-gap test passed. `false` means `maxIter` passes were not
   * enough (scikit-learn's `ConvergenceWarning`): `coef` is the last iterate, usable
   * but not optimal to `tol`. Nothing is printed; check this flag.
   */
  converged: boolean;
}

/**
 * Cyclic coordinate descent for `(1/2)‖y − Xw‖² + l1‖w‖₁` on a centred problem,
 * a line-by-line port of scikit-learn's `enet_coordinate_descent` (l2 = 0, cyclic,
 * not positive). `w` is the warm start and is overwritten.
 */
function lassoCD(
  cols: Float64Array[],
  y: Float64Array,
  l1: number,
  w: Float64Array,
  maxIter: number,
  tol: number,
): { nIter: number; gap: number; converged: boolean } {
  const n = y.length;
  const d = cols.length;
  const normCols = new Float64Array(d);
  for (let j = 0; j < d; j++) {
    const c = cols[j]!;
    let s = 0;
    for (let i = 0; i < n; i++) s += c[i]! * c[i]!;
    normCols[j] = s;
  }
  // Residual R = y − Xw.
  const R = y.slice();
  for (let j = 0; j < d; j++) {
    const wj = w[j]!;
    if (wj === 0) continue;
    const c = cols[j]!;
    for (let i = 0; i < n; i++) R[i]! -= wj * c[i]!;
  }
  let yy = 0;
  for (let i = 0; i < n; i++) yy += y[i]! * y[i]!;
  const dwTol = tol;
  const gapTol = tol * yy;
  let gap = gapTol + 1;
  let nIter = 0;
  for (let iter = 0; iter < maxIter; iter++) {
    nIter = iter + 1;
    let wMax = 0;
    let dwMax = 0;
    for (let j = 0; j < d; j++) {
      if (normCols[j] === 0) continue;
      const c = cols[j]!;
      const wOld = w[j]!;
      if (wOld !== 0) { for (let i = 0; i < n; i++) R[i]! += wOld * c[i]!; }
      let tmp = 0;
      for (let i = 0; i < n; i++) tmp += c[i]! * R[i]!;
      // Soft-thresholding; "+ 0" turns scikit-learn's -0.0 into 0.
      const wNew = (Math.sign(tmp) * Math.max(Math.abs(tmp) - l1, 0)) /
          normCols[j]! + 0;
      w[j] = wNew;
      if (wNew !== 0) { for (let i = 0; i < n; i++) R[i]! -= wNew * c[i]!; }
      dwMax = Math.max(dwMax, Math.abs(wNew - wOld));
      wMax = Math.max(wMax, Math.abs(wNew));
    }
    if (wMax === 0 || dwMax / wMax < dwTol || iter === maxIter - 1) {
      // The largest update was small: check the duality gap, the real criterion.
      let dualNorm = 0;
      for (let j = 0; j < d; j++) {
        const c = cols[j]!;
        let s = 0;
        for (let i = 0; i < n; i++) s += c[i]! * R[i]!;
        dualNorm = Math.max(dualNorm, Math.abs(s));
      }
      let rNorm2 = 0;
      let rDotY = 0;
      for (let i = 0; i < n; i++) {
        rNorm2 += R[i]! * R[i]!;
        rDotY += R[i]! * y[i]!;
      }
      let cst: number;
      if (dualNorm > l1) {
        cst = l1 / dualNorm;
        gap = 0.5 * (rNorm2 + rNorm2 * cst * cst);
      } else {
        cst = 1;
        gap = rNorm2;
      }
      let l1Norm = 0;
      for (let j = 0; j < d; j++) l1Norm += Math.abs(w[j]!);
      // w = 0 adds no penalty, even for α·n beyond the float64 range (∞ · 0).
      gap += (l1Norm === 0 ? 0 : l1 * l1Norm) - cst * rDotY;
      // scikit-learn tests `gap < tol`; `<=` also accepts the exact optimum of a
      // problem with y = 0 (gap = tol = 0), which scikit-learn reports as failing.
      if (gap <= gapTol) return { nIter, gap, converged: true };
    }
  }
  return { nIter, gap, converged: false };
}

/** Column-major copy reused across lasso calls (grown as needed, never shrunk). */
let columnScratch = new Float64Array(0);

/**
 * The columns of `X` (centred by `xMean`) as views into one column-major buffer, so the
 * coordinate descent reads each feature contiguously. The buffer is module-level and
 * reused by the next call: a fresh 80 KB array per call costs more in page faults than
 * the whole 100 x 50 fit. Safe because a fit is synchronous and never re-entered.
 */
function columnsOf(X: Matrix, xMean: Float64Array): Float64Array[] {
  const { rows: n, cols: d, data } = X;
  if (columnScratch.length < n * d) columnScratch = new Float64Array(n * d);
  const buf = columnScratch;
  for (let i = 0; i < n; i++) {
    const row = i * d;
    for (let j = 0; j < d; j++) buf[j * n + i] = data[row + j]! - xMean[j]!;
  }
  const cols: Float64Array[] = new Array(d);
  for (let j = 0; j < d; j++) cols[j] = buf.subarray(j * n, (j + 1) * n);
  return cols;
}

function lassoSettings(
  fn: string,
  options: {
    fitIntercept?: boolean | undefined;
    tol?: number | undefined;
    maxIter?: number | undefined;
  },
) {
  return {
    fitIntercept: checkBoolean(
      fn,
      "fitIntercept",
      options.fitIntercept ?? true,
    ),
    tol: checkNonNegative(fn, "tol", options.tol ?? 1e-4),
    maxIter: checkIterations(fn, "maxIter", options.maxIter ?? 1000),
  };
}

/**
 * The lasso, the MAP estimate under a Laplace prior on the weights: minimises
 * `(1/2n)‖y − Xw − b‖² + α‖w‖₁` (scikit-learn's `Lasso`; the intercept is not
 * penalised). Many coefficients come out exactly zero.
 *
 * Cyclic coordinate descent from `w = 0`, ported from scikit-learn's
 * `enet_coordinate_descent`: each pass updates every coordinate by soft-thresholding;
 * when the largest change in a pass is below `tol · max|w|` (or all `w` are zero, or
 * on the last pass), the duality gap is computed and the loop stops if it is below
 * `tol · ‖y‖²` (centred `y`). Same `alpha`, `tol` and `maxIter` give the same iterates
 * and `nIter` as scikit-learn 1.2, up to rounding.
 *
 * Non-convergence is reported, never hidden and never thrown: `converged: false`.
 *
 * @param X The design, `n` rows of `d` features.
 * @param y The targets, one per row.
 * @param options.alpha The penalty `α ≥ 0`. Defaults to 1. At or above
 *   {@link lassoAlphaMax} every coefficient is zero.
 * @param options.fitIntercept Fit an intercept. Defaults to true.
 * @param options.tol Stopping tolerance `≥ 0`. Defaults to 1e-4.
 * @param options.maxIter Maximum number of passes, an integer in `[1, 10⁶]` (the
 *   bound keeps every call finite, even with `tol: 0`). Defaults to 1000.
 * @returns `{ coef, intercept, alpha, nIter, dualGap, converged }`.
 * @throws {TypeError} If an argument has the wrong type.
 * @throws {RangeError} If `alpha` or `tol` is negative, `maxIter` is not a positive
 *   integer, `X` is empty, ragged or non-finite, or `y` is non-finite or of a different
 *   length.
 * @throws {TypeError} If `options` has a key other than those documented above: a
 *   misspelt option is refused by name, never silently ignored.
 *
 * @example A sparse fit: the irrelevant second feature is dropped
 * ```ts
 * import { lasso } from "./regression.ts";
 * import assert from "node:assert/strict";
 *
 * const X = [[1, 0.3], [2, -0.1], [3, 0.2], [4, -0.4], [5, 0.1]];
 * const y = [2.1, 3.9, 6.0, 8.1, 9.9];
 * const fit = lasso(X, y, { alpha: 0.1 });
 * assert.equal(fit.converged, true);
 * assert.equal(fit.coef[1], 0);
 * assert.ok(fit.coef[0]! > 1.8 && fit.coef[0]! < 2);
 * ```
 */
export function lasso(
  X: DesignInput,
  y: ArrayLike<number>,
  options: LassoOptions = {},
): LassoResult {
  const fn = "lasso";
  const o = checkOptions(fn, options, [
    "alpha",
    "fitIntercept",
    "tol",
    "maxIter",
  ]);
  const alpha = checkNonNegative(fn, "alpha", o.alpha ?? 1);
  const s = lassoSettings(fn, o);
  const A = toDesignMatrix(fn, "X", X);
  const t = toTargetVector(fn, y, A.rows);
  const c = centre(A, t, s.fitIntercept, false);
  const w = new Float64Array(A.cols);
  const r = lassoCD(
    columnsOf(A, c.xMean),
    c.y,
    alpha * A.rows,
    w,
    s.maxIter,
    s.tol,
  );
  return {
    coef: w,
    intercept: s.fitIntercept ? interceptOf(c, w) : 0,
    alpha,
    nIter: r.nIter,
    dualGap: r.gap / A.rows,
    converged: r.converged,
  };
}

/**
 * Lasso fits for several penalties (the coefficient path). The alphas are solved from
 * largest to smallest, each warm-started from the previous solution (as scikit-learn's
 * `lasso_path`), and the results are returned in the order given. Each entry solves the
 * same problem as `lasso(X, y, { alpha, ... })` to the same tolerance, though the
 * iterates (and `nIter`) differ because of the warm start.
 *
 * @param X The design, `n` rows of `d` features.
 * @param y The targets, one per row.
 * @param alphas The penalties, each `≥ 0`.
 * @param options As {@link lasso} without `alpha`.
 * @returns One {@link LassoResult} per alpha, in the order of `alphas`.
 * @throws {TypeError} If an argument has the wrong type.
 * @throws {RangeError} As {@link lasso}, naming `alphas[i]` for a bad penalty, or if
 *   `alphas` is empty.
 * @throws {TypeError} If `options` has a key other than those documented above: a
 *   misspelt option is refused by name, never silently ignored.
 *
 * @example Features enter the model one by one as alpha decreases
 * ```ts
 * import { lassoAlphaMax, lassoPath } from "./regression.ts";
 * import assert from "node:assert/strict";
 *
 * const X = [[1, 0.5], [2, -1], [3, 1], [4, 0], [5, -0.5]];
 * const y = [1, 1, 4, 3, 4];
 * const aMax = lassoAlphaMax(X, y);
 * const path = lassoPath(X, y, [aMax, aMax / 2, aMax / 100]);
 * const active = path.map((r) => r.coef.filter((w) => w !== 0).length);
 * assert.deepEqual(active, [0, 1, 2]);
 * ```
 */
export function lassoPath(
  X: DesignInput,
  y: ArrayLike<number>,
  alphas: ArrayLike<number>,
  options: Omit<LassoOptions, "alpha"> = {},
): LassoResult[] {
  const fn = "lassoPath";
  const o = checkOptions(fn, options, ["fitIntercept", "tol", "maxIter"]);
  const as = toFloat64Array(fn, "alphas", alphas);
  for (let i = 0; i < as.length; i++) {
    checkNonNegative(fn, `alphas[${i}]`, as[i]);
  }
  const s = lassoSettings(fn, o);
  const A = toDesignMatrix(fn, "X", X);
  const t = toTargetVector(fn, y, A.rows);
  const c = centre(A, t, s.fitIntercept, false);
  const cols = columnsOf(A, c.xMean);
  const order = Array.from(as, (_, i) => i).sort((i, j) => as[j]! - as[i]!);
  const out: LassoResult[] = new Array(as.length);
  const w = new Float64Array(A.cols);
  for (const k of order) {
    const alpha = as[k]!;
    const r = lassoCD(cols, c.y, alpha * A.rows, w, s.maxIter, s.tol);
    const coef = w.slice();
    out[k] = {
      coef,
      intercept: s.fitIntercept ? interceptOf(c, coef) : 0,
      alpha,
      nIter: r.nIter,
      dualGap: r.gap / A.rows,
      converged: r.converged,
    };
  }
  return out;
}

/**
 * The smallest lasso penalty at which every coefficient is zero:
 * `α_max = max_j |x_jᵀ(y − ȳ)| / n` (with centred columns `x_j` when fitting an
 * intercept; uncentred `X` and `y` otherwise). For any `α ≥ α_max` the lasso returns
 * `w = 0` (exactly: the value is rounded up by an ulp where the division rounded it
 * below the lasso's floating-point threshold); just below it, one feature enters. This
 * is the top of scikit-learn's default alpha grid.
 *
 * @param X The design, `n` rows of `d` features.
 * @param y The targets, one per row.
 * @param options.fitIntercept Whether the lasso fits an intercept. Defaults to true.
 * @returns `α_max ≥ 0`.
 * @throws {TypeError} If an argument has the wrong type.
 * @throws {RangeError} If `X` is empty, ragged or non-finite, or `y` is non-finite or
 *   of a different length.
 * @throws {TypeError} If `options` has a key other than those documented above: a
 *   misspelt option is refused by name, never silently ignored.
 *
 * @example
 * ```ts
 * import { lasso, lassoAlphaMax } from "./regression.ts";
 * import assert from "node:assert/strict";
 *
 * const X = [[1], [2], [3]];
 * const y = [1, 3, 2];
 * const aMax = lassoAlphaMax(X, y); // |(-1)(-1) + 0 + (1)(0)| / 3
 * assert.ok(Math.abs(aMax - 1 / 3) < 1e-15);
 * assert.equal(lasso(X, y, { alpha: aMax }).coef[0], 0);
 * assert.ok(lasso(X, y, { alpha: 0.9 * aMax }).coef[0]! > 0);
 * ```
 */
export function lassoAlphaMax(
  X: DesignInput,
  y: ArrayLike<number>,
  options: { fitIntercept?: boolean } = {},
): number {
  const fn = "lassoAlphaMax";
  const o = checkOptions(fn, options, ["fitIntercept"]);
  const { A, t, fitIntercept } = fitInputs(fn, X, y, o);
  const c = centre(A, t, fitIntercept);
  const g = xtv(c.X, c.y);
  let m = 0;
  for (let j = 0; j < g.length; j++) m = Math.max(m, Math.abs(g[j]!));
  // The lasso zeroes feature j when |x_jᵀr| ≤ α·n, computed in floating point: round
  // m / n up by one ulp when needed so that α_max itself gives w = 0 exactly.
  const a = m / A.rows;
  return a * A.rows >= m ? a : nextUp(a);
}

/** The next double above a finite non-negative `x`. */
function nextUp(x: number): number {
  const b = new Float64Array([x]);
  const u = new BigUint64Array(b.buffer);
  u[0]! += 1n;
  return b[0]!;
}
