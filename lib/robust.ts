/**
 * Robust linear fits, each the maximum-likelihood estimate under a heavier-tailed
 * noise model than the Gaussian behind least squares:
 *
 * - {@link lad}: least absolute deviations (median regression), the MLE under
 *   Laplace noise; minimises `Σ |y_i − x_i·w − b|`, as `statsmodels`' `QuantReg`
 *   with `q = 0.5`.
 * - {@link huberRegression}: Huber's M-estimator, the MLE under the Huber density
 *   ({@link huberLogPdf}: Gaussian in the centre, exponential tails); minimises
 *   `Σ ρ_δ(r_i / s)`, as `statsmodels`' `RLM` with `HuberT`.
 *
 * Both are computed by iteratively reweighted least squares (IRLS): a weighted least
 * squares fit, weights recomputed from its residuals, repeated.
 *
 * @module
 */

import { lstsq } from "./linalg.ts";
import { type DesignInput, Matrix } from "./matrix.ts";
import {
  checkBoolean,
  checkFinite,
  checkIterations,
  checkNonNegative,
  checkOptions,
  checkPositive,
  describe,
} from "./_validate.ts";
import { toDesignMatrix, toTargetVector } from "./_validate_matrix.ts";

/** `Φ⁻¹(3/4)`: the MAD of a standard normal, so `MAD / 0.6745` estimates σ. */
const MAD_TO_SIGMA = 0.6744897501960817;

/** Options shared by {@link lad} and {@link huberRegression}. */
export interface RobustFitOptions {
  /** Fit an unpenalised intercept. Defaults to true. */
  fitIntercept?: boolean;
  /**
   * Most IRLS iterations, an integer in `[1, 10⁶]` (the bound keeps every call
   * finite). Defaults to 1000 for `lad`, 500 for `huberRegression`.
   */
  maxIter?: number;
  /**
   * Convergence tolerance: IRLS stops when no coefficient moves by more than
   * `tol · (1 + |coefficient|)` in one iteration. Defaults to 1e-10.
   */
  tol?: number;
}

/** Result of {@link lad} and {@link huberRegression}. */
export interface RobustFit {
  /** The coefficients `w`, one per column of `X`. */
  coef: Float64Array;
  /** The intercept `b` (0 when `fitIntercept` is false). */
  intercept: number;
  /** The residuals `y_i − x_i·w − b`. */
  residuals: Float64Array;
  /**
   * The weights of the last weighted least-squares step, recomputed from the final
   * residuals: how much each observation counts in the fit (1 for a Huber residual
   * in the quadratic zone, less beyond it; `1/|r_i|` for LAD, capped where `r_i ≈ 0`).
   */
  weights: Float64Array;
  /** The minimised objective: `Σ |r_i|` for LAD, `Σ ρ_δ(r_i / s)` for Huber. */
  objective: number;
  /** IRLS iterations done. */
  iterations: number;
  /** Whether the tolerance was met within `maxIter` iterations. */
  converged: boolean;
}

interface Problem {
  /** Design with a leading column of ones when fitting an intercept. */
  A: Matrix;
  y: Float64Array;
  fitIntercept: boolean;
  maxIter: number;
  tol: number;
}

function setUp(
  fn: string,
  X: DesignInput,
  y: ArrayLike<number>,
  options: {
    fitIntercept?: boolean | undefined;
    maxIter?: number | undefined;
    tol?: number | undefined;
  },
  defaultMaxIter: number,
): Problem {
  const M = toDesignMatrix(fn, "X", X);
  const t = toTargetVector(fn, y, M.rows);
  const fitIntercept = checkBoolean(
    fn,
    "fitIntercept",
    options.fitIntercept ?? true,
  );
  const maxIter = checkIterations(
    fn,
    "maxIter",
    options.maxIter ?? defaultMaxIter,
  );
  const tol = checkNonNegative(fn, "tol", options.tol ?? 1e-10);
  const n = M.rows, d = M.cols;
  const p = d + (fitIntercept ? 1 : 0);
  const data = new Float64Array(n * p);
  for (let i = 0; i < n; i++) {
    let k = i * p;
    if (fitIntercept) data[k++] = 1;
    for (let j = 0; j < d; j++) data[k++] = M.data[i * d + j]!;
  }
  return { A: new Matrix(n, p, data), y: t, fitIntercept, maxIter, tol };
}

/** Weighted least squares: minimises `Σ w_i (y_i − a_i·β)²` by lstsq on √w-scaled rows. */
function wls(A: Matrix, y: Float64Array, w: Float64Array): Float64Array {
  const { rows: n, cols: p, data } = A;
  const sa = new Float64Array(n * p);
  const sy = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const s = Math.sqrt(w[i]!);
    for (let j = 0; j < p; j++) sa[i * p + j] = data[i * p + j]! * s;
    sy[i] = y[i]! * s;
  }
  return lstsq(new Matrix(n, p, sa), sy).x;
}

function residualsOf(A: Matrix, y: Float64Array, beta: Float64Array) {
  const { rows: n, cols: p, data } = A;
  const r = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let f = 0;
    for (let j = 0; j < p; j++) f += data[i * p + j]! * beta[j]!;
    r[i] = y[i]! - f;
  }
  return r;
}

function moved(prev: Float64Array, next: Float64Array, tol: number): boolean {
  for (let j = 0; j < next.length; j++) {
    if (Math.abs(next[j]! - prev[j]!) > tol * (1 + Math.abs(next[j]!))) {
      return true;
    }
  }
  return false;
}

function sumAbs(r: Float64Array): number {
  let s = 0;
  for (let i = 0; i < r.length; i++) s += Math.abs(r[i]!);
  return s;
}

function split(
  beta: Float64Array,
  fitIntercept: boolean,
): { coef: Float64Array; intercept: number } {
  return fitIntercept
    ? { coef: beta.slice(1), intercept: beta[0]! }
    : { coef: beta.slice(), intercept: 0 };
}

/**
 * The LAD optimum is attained at a vertex where `p` residuals vanish. Solve exactly
 * through the `p` observations of smallest |residual|; `undefined` if they are
 * linearly dependent.
 */
function vertexThrough(
  A: Matrix,
  y: Float64Array,
  r: Float64Array,
): Float64Array | undefined {
  const { rows: n, cols: p } = A;
  if (n < p) return undefined;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) =>
    Math.abs(r[a]!) - Math.abs(r[b]!)
  );
  const sub = new Float64Array(p * p);
  const sy = new Float64Array(p);
  for (let k = 0; k < p; k++) {
    const i = order[k]!;
    for (let j = 0; j < p; j++) sub[k * p + j] = A.data[i * p + j]!;
    sy[k] = y[i]!;
  }
  const sol = lstsq(new Matrix(p, p, sub), sy);
  return sol.rank === p ? sol.x : undefined;
}

/**
 * Least absolute deviations (median regression): the `w, b` minimising
 * `Σ_i |y_i − x_i·w − b|`, the maximum-likelihood estimate when the noise is Laplace
 * (`p(r) ∝ exp(−|r|/b)`). The same minimiser as `statsmodels`' `QuantReg(q=0.5)` and
 * a linear program; one outlier moves it far less than it moves least squares.
 *
 * Method: IRLS from the least-squares fit, with weights `1 / max(|r_i|, ε)`, then an
 * exact step to the vertex through the `p` observations with the smallest
 * residuals (an LAD optimum passes exactly through `p` of the points, `p` the number
 * of fitted parameters), kept when it does not raise the objective. When the
 * minimiser is not unique (e.g. an even number of points and an intercept alone),
 * the result is one of the minimisers.
 *
 * @param X The design, `n` rows of `d` features.
 * @param y The targets, one per row.
 * @param options.fitIntercept Fit an intercept. Defaults to true.
 * @param options.maxIter Most IRLS iterations. Defaults to 1000.
 * @param options.tol Relative change in every coefficient at which IRLS stops.
 *   Defaults to 1e-10.
 * @returns `{ coef, intercept, residuals, weights, objective, iterations, converged }`,
 *   `objective = Σ |r_i|`.
 * @throws {TypeError} If an argument has the wrong type.
 * @throws {RangeError} If `X` is empty, ragged or non-finite, `y` is non-finite or of
 *   a different length, `maxIter < 1` or `tol < 0`.
 * @throws {TypeError} If `options` has a key other than those documented above: a
 *   misspelt option is refused by name, never silently ignored.
 *
 * @example Ten points on a line and one outlier: LAD keeps the line
 * ```ts
 * import { lad } from "./robust.ts";
 * import assert from "node:assert/strict";
 *
 * const x = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
 * const y = x.map((v) => 1 + 2 * v);
 * y[8] = 40; // instead of 17
 * const fit = lad(x.map((v) => [v]), y);
 * assert.ok(Math.abs(fit.coef[0]! - 2) < 1e-9 && Math.abs(fit.intercept - 1) < 1e-9);
 * assert.ok(Math.abs(fit.objective - 23) < 1e-9); // only the outlier's residual is left
 * ```
 */
export function lad(
  X: DesignInput,
  y: ArrayLike<number>,
  options: RobustFitOptions = {},
): RobustFit {
  const o = checkOptions("lad", options, ["fitIntercept", "maxIter", "tol"]);
  const { A, y: t, fitIntercept, maxIter, tol } = setUp("lad", X, y, o, 1000);
  const n = A.rows;
  let yMax = 0;
  for (let i = 0; i < n; i++) yMax = Math.max(yMax, Math.abs(t[i]!));
  const eps = 1e-12 * Math.max(1, yMax);
  const w = new Float64Array(n).fill(1);
  let beta = wls(A, t, w);
  let r = residualsOf(A, t, beta);
  let iterations = 0;
  let converged = false;
  while (iterations < maxIter) {
    for (let i = 0; i < n; i++) w[i] = 1 / Math.max(Math.abs(r[i]!), eps);
    const next = wls(A, t, w);
    iterations++;
    const go = moved(beta, next, tol);
    beta = next;
    r = residualsOf(A, t, beta);
    if (!go) {
      converged = true;
      break;
    }
  }
  let objective = sumAbs(r);
  const vertex = vertexThrough(A, t, r);
  if (vertex) {
    const rv = residualsOf(A, t, vertex);
    const ov = sumAbs(rv);
    if (ov <= objective) {
      beta = vertex;
      r = rv;
      objective = ov;
    }
  }
  const weights = new Float64Array(n);
  for (let i = 0; i < n; i++) weights[i] = 1 / Math.max(Math.abs(r[i]!), eps);
  return {
    ...split(beta, fitIntercept),
    residuals: r,
    weights,
    objective,
    iterations,
    converged,
  };
}

/** Options of {@link huberRegression}. */
export interface HuberRegressionOptions extends RobustFitOptions {
  /**
   * The threshold δ > 0, in units of the scale: standardised residuals with
   * `|r/s| ≤ δ` are treated as Gaussian, larger ones as exponential tails. Defaults
   * to 1.345 (95% efficiency at Gaussian noise, statsmodels' `HuberT` default).
   */
  delta?: number;
  /**
   * The scale `s` of the residuals: a fixed positive number, or `"mad"` to
   * re-estimate it after every step as `median |r_i| / Φ⁻¹(3/4)` (statsmodels' `RLM`
   * default). With `scale: 1` the fit minimises `huber(y, ŷ, { delta, reduction:
   * "sum" })` of `losses.ts`. Defaults to `"mad"`.
   */
  scale?: number | "mad";
}

/** Result of {@link huberRegression}. */
export interface HuberRegressionFit extends RobustFit {
  /** The threshold δ used. */
  delta: number;
  /** The scale `s`: the fixed one, or the final MAD estimate. */
  scale: number;
}

function madScale(r: Float64Array): number {
  const a = Float64Array.from(r, Math.abs).sort();
  const h = a.length >> 1;
  const med = a.length % 2 === 1 ? a[h]! : (a[h - 1]! + a[h]!) / 2;
  return med / MAD_TO_SIGMA;
}

/** Huber's ρ: `z²/2` for `|z| ≤ δ`, `δ|z| − δ²/2` beyond. */
function rho(z: number, delta: number): number {
  const a = Math.abs(z);
  return a <= delta ? 0.5 * z * z : delta * a - 0.5 * delta * delta;
}

/**
 * Huber regression: the `w, b` minimising `Σ_i ρ_δ((y_i − x_i·w − b) / s)` with
 * `ρ_δ(z) = z²/2` for `|z| ≤ δ` and `δ|z| − δ²/2` beyond — the maximum-likelihood
 * estimate when the noise has the Huber density ({@link huberLogPdf}), Gaussian in
 * the centre with exponential (Laplace-like) tails. Residuals within `δ·s` count as
 * in least squares; larger ones pull with a force capped at `δ`.
 *
 * With the default `scale: "mad"` the scale is re-estimated from the residuals at
 * every step, as `statsmodels.api.RLM(y, X, M=HuberT(t=delta)).fit()` does, and the
 * result is the same fixed point. With a number, the scale is held fixed and the
 * objective is convex: IRLS converges to its unique minimum (unique when the
 * residuals in the quadratic zone span the parameters).
 *
 * Method: IRLS from the least-squares fit, weights `min(1, δ / |r_i/s|)`.
 *
 * @param X The design, `n` rows of `d` features.
 * @param y The targets, one per row.
 * @param options.delta Threshold δ > 0 in units of the scale. Defaults to 1.345.
 * @param options.scale A fixed scale > 0, or `"mad"` (default) to estimate it.
 * @param options.fitIntercept Fit an intercept. Defaults to true.
 * @param options.maxIter Most IRLS iterations, in `[1, 10⁶]`. Defaults to 500.
 * @param options.tol Relative change in every coefficient at which IRLS stops.
 *   Defaults to 1e-10.
 * @returns `{ coef, intercept, residuals, weights, objective, iterations, converged,
 *   delta, scale }`, `objective = Σ ρ_δ(r_i / s)`.
 * @throws {TypeError} If an argument has the wrong type.
 * @throws {RangeError} If `X` is empty, ragged or non-finite, `y` is non-finite or of
 *   a different length, `delta` or a numeric `scale` is not positive, `maxIter < 1`,
 *   `tol < 0`, or the MAD scale estimate becomes 0 (more than half the points fitted
 *   exactly, up to rounding — below `64 ε max|y_i|`: pass a fixed `scale`).
 * @throws {TypeError} If `options` has a key other than those documented above: a
 *   misspelt option is refused by name, never silently ignored.
 *
 * @example One outlier: least squares is dragged, Huber much less
 * ```ts
 * import { huberRegression } from "./robust.ts";
 * import assert from "node:assert/strict";
 *
 * const x = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
 * const noise = [0.1, -0.2, 0.15, 0, -0.1, 0.2, -0.15, 0.05, 0, -0.05, 0.1];
 * const y = x.map((v, i) => 1 + 2 * v + noise[i]!);
 * y[8] = 40;
 * const fit = huberRegression(x.map((v) => [v]), y); // δ = 1.345, MAD scale
 * assert.ok(Math.abs(fit.coef[0]! - 2) < 0.05);
 * assert.ok(fit.weights[8]! < 0.02); // the outlier barely counts
 * assert.equal(fit.weights[0], 1); // an ordinary point counts fully
 *
 * // A fixed scale of 1 minimises the summed PyTorch-style Huber loss.
 * const fixed = huberRegression(x.map((v) => [v]), y, { delta: 1, scale: 1 });
 * assert.equal(fixed.scale, 1);
 * ```
 */
export function huberRegression(
  X: DesignInput,
  y: ArrayLike<number>,
  options: HuberRegressionOptions = {},
): HuberRegressionFit {
  const fn = "huberRegression";
  const o = checkOptions(fn, options, [
    "fitIntercept",
    "maxIter",
    "tol",
    "delta",
    "scale",
  ]);
  const { A, y: t, fitIntercept, maxIter, tol } = setUp(fn, X, y, o, 500);
  const delta = checkPositive(fn, "delta", o.delta ?? 1.345);
  const scaleOpt = o.scale ?? "mad";
  if (scaleOpt !== "mad") {
    if (typeof scaleOpt !== "number") {
      throw new TypeError(
        `${fn}(): scale must be a positive number or "mad" (received ${
          describe(scaleOpt)
        })`,
      );
    }
    checkPositive(fn, "scale", scaleOpt);
  }
  const n = A.rows;
  const w = new Float64Array(n).fill(1);
  let beta = wls(A, t, w);
  let r = residualsOf(A, t, beta);
  let yMax = 0;
  for (let i = 0; i < n; i++) yMax = Math.max(yMax, Math.abs(t[i]!));
  // residuals of an exact fit are rounding noise, a few eps times |y|: treat as 0
  const zeroScale = 64 * Number.EPSILON * yMax;
  const estimate = (res: Float64Array): number => {
    if (scaleOpt !== "mad") return scaleOpt;
    const s = madScale(res);
    if (!(s > zeroScale)) {
      throw new RangeError(
        `${fn}(): the MAD scale estimate became 0: more than half the residuals are 0, so the fit is exact on them; pass a fixed scale (received scale "mad")`,
      );
    }
    return s;
  };
  let scale = estimate(r);
  const huberWeights = () => {
    for (let i = 0; i < n; i++) {
      const a = Math.abs(r[i]! / scale);
      w[i] = a <= delta ? 1 : delta / a;
    }
  };
  let iterations = 0;
  let converged = false;
  while (iterations < maxIter) {
    huberWeights();
    const next = wls(A, t, w);
    iterations++;
    const go = moved(beta, next, tol);
    beta = next;
    r = residualsOf(A, t, beta);
    scale = estimate(r);
    if (!go) {
      converged = true;
      break;
    }
  }
  huberWeights();
  let objective = 0;
  for (let i = 0; i < n; i++) objective += rho(r[i]! / scale, delta);
  return {
    ...split(beta, fitIntercept),
    residuals: r,
    weights: Float64Array.from(w),
    objective,
    iterations,
    converged,
    delta,
    scale,
  };
}

/** erf(x) for x ≥ 0: series with positive terms (no cancellation); 1 beyond x = 6. */
function erfNonNegative(x: number): number {
  if (x >= 6) return 1; // erfc(6) ≈ 2e-17
  const x2 = x * x;
  let term = x;
  let sum = x;
  for (let k = 1; k < 500; k++) {
    term *= (2 * x2) / (2 * k + 1);
    sum += term;
    if (term < 1e-17 * sum) break;
  }
  return (2 / Math.sqrt(Math.PI)) * Math.exp(-x2) * sum;
}

/**
 * The normalising constant of the Huber density with unit scale:
 * `Z(δ) = ∫ exp(−ρ_δ(z)) dz = √(2π)·(2Φ(δ) − 1) + 2 exp(−δ²/2) / δ`
 * (the Gaussian centre plus two exponential tails).
 */
function huberZ(delta: number): number {
  return Math.sqrt(2 * Math.PI) * erfNonNegative(delta / Math.SQRT2) +
    (2 * Math.exp(-0.5 * delta * delta)) / delta;
}

/**
 * `log Z(δ)` without forming `Z(δ)`, which overflows for δ below ~1e-308: for δ < 1,
 * `Z = (2/δ)·e^{−δ²/2}·(1 + √(2π)·erf(δ/√2)·δ·e^{δ²/2}/2)`.
 */
function logHuberZ(delta: number): number {
  if (delta >= 1) return Math.log(huberZ(delta));
  const tail = Math.SQRT2 * Math.sqrt(Math.PI) *
    erfNonNegative(delta / Math.SQRT2) *
    delta * Math.exp(0.5 * delta * delta) / 2;
  return Math.LN2 - Math.log(delta) - 0.5 * delta * delta + Math.log1p(tail);
}

/**
 * Log-density of the Huber distribution, the noise model whose negative
 * log-likelihood is the Huber loss:
 * `log p(x) = −ρ_δ((x − μ)/s) − log(s · Z(δ))`, with `ρ_δ(z) = z²/2` for `|z| ≤ δ`
 * and `δ|z| − δ²/2` beyond, and `Z(δ) = √(2π)(2Φ(δ) − 1) + 2e^{−δ²/2}/δ`.
 *
 * It is one density, not a switch between two: a Gaussian bell for `|x − μ| ≤ δs`
 * joined, with matching value and slope, to exponential tails `∝ e^{−δ|x−μ|/s}`
 * like a Laplace density's. Neither a Gaussian nor a Laplace density itself.
 *
 * @param x The point, finite.
 * @param mu The location μ, finite. Defaults to 0.
 * @param scale The scale `s > 0`. Defaults to 1.
 * @param delta The threshold δ > 0 (in units of `s`). Defaults to 1.345.
 * @returns `log p(x; μ, s, δ)`.
 * @throws {TypeError} If an argument is not a number.
 * @throws {RangeError} If an argument is not finite, or `scale` or `delta` is not
 *   positive.
 *
 * @example Gaussian in the centre, linear log-tails
 * ```ts
 * import { huberLogPdf } from "./robust.ts";
 * import assert from "node:assert/strict";
 *
 * // In the centre the log-density falls like a Gaussian's: −z²/2.
 * assert.ok(Math.abs(huberLogPdf(0, 0, 1, 1) - huberLogPdf(0.5, 0, 1, 1) - 0.125) < 1e-15);
 * // In the tails it falls linearly, by δ per unit.
 * assert.ok(Math.abs(huberLogPdf(5, 0, 1, 1) - huberLogPdf(6, 0, 1, 1) - 1) < 1e-12);
 * ```
 */
export function huberLogPdf(
  x: number,
  mu = 0,
  scale = 1,
  delta = 1.345,
): number {
  const fn = "huberLogPdf";
  checkFinite(fn, "x", x);
  checkFinite(fn, "mu", mu);
  checkPositive(fn, "scale", scale);
  checkPositive(fn, "delta", delta);
  const z = huberZ(delta), sz = scale * z;
  if (sz >= 2 ** -1022 && sz < Infinity) {
    return -rho((x - mu) / scale, delta) - Math.log(sz);
  }
  // s·Z(δ) beyond the float64 range (δ below ~1e-308, or an extreme scale): in logs.
  return -rho((x - mu) / scale, delta) - (Math.log(scale) + logHuberZ(delta));
}
