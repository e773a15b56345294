/**
 * Logistic regression fitted by maximum likelihood: the article's training loop
 * (gradient descent on the mean negative log-likelihood) and Newton's method (IRLS),
 * with standard errors from the Fisher information at the estimate.
 *
 * @module
 */

import {
  checkInteger,
  checkNonNegative,
  checkOptions,
  checkPositive,
  describe,
} from "./validate.ts";
import { inv, Matrix, solve } from "./linalg.ts";
import { binaryCrossEntropyWithLogits, sigmoid } from "./losses.ts";
import { logisticFisherInformation } from "./fisher.ts";
import {
  type DesignInput,
  toDesignMatrix,
  toTargetVector,
} from "./regression.ts";

/** Options of {@link logisticRegression}. */
export interface LogisticRegressionOptions {
  /**
   * `"gd"`: the article's gradient-descent loop, `epochs` steps of size
   * `learningRate`. `"newton"`: Newton's method (IRLS) to convergence. Defaults to `"gd"`.
   */
  method?: "gd" | "newton";
  /** Step size of gradient descent (> 0). Defaults to 0.01, as the article. */
  learningRate?: number;
  /** Number of gradient-descent epochs (integer ≥ 1). Defaults to 1000, as the article. */
  epochs?: number;
  /**
   * L2 penalty `λ ≥ 0`: the objective becomes `NLL + λ‖w‖²` (the article's
   * `lambda * np.sum(theta**2)`), MAP under a Gaussian prior. The intercept is not
   * penalised when `fitIntercept` is true (as scikit-learn); with
   * `fitIntercept: false` every column of `X` is, including a column of ones you
   * supplied. Defaults to 0.
   */
  l2?: number;
  /** Fit an intercept (a column of ones is added internally). Defaults to true. */
  fitIntercept?: boolean;
  /**
   * Convergence tolerance. `"gd"`: stop once `max|∇|` at the current point is below
   * it (default 1e-6). `"newton"`: stop once `max|step|` is below it (default 1e-10).
   */
  tol?: number;
  /** Maximum Newton iterations (integer ≥ 1); ignored by `"gd"`. Defaults to 100. */
  maxIter?: number;
}

/** Result of {@link logisticRegression}. */
export interface LogisticRegressionResult {
  /** The coefficients, one per column of `X`. */
  coef: Float64Array;
  /** The intercept (0 when `fitIntercept` is false). */
  intercept: number;
  /**
   * Asymptotic standard errors: square roots of the diagonal of the inverse Fisher
   * information `(XᵀWX)⁻¹` at the final estimate (with the column of ones when
   * fitting an intercept), as statsmodels' `Logit(...).fit().bse`. The information
   * is that of the likelihood alone, also when `l2 > 0`. NaN when the information is
   * singular (e.g. perfect separation); `intercept` is NaN without an intercept.
   */
  standardErrors: { coef: Float64Array; intercept: number };
  /**
   * The objective at the start of each epoch / iteration: `lossHistory[k]` is the loss
   * at the parameters after `k` updates. For `"gd"`, the article's
   * `-mean(y log(ŷ + 1e-15) + (1 − y) log(1 − ŷ + 1e-15))`; for `"newton"`, the exact
   * mean NLL. Plus `λ‖w‖²` when `l2 > 0`.
   */
  lossHistory: Float64Array;
  /** The objective at the returned parameters (same formula as `lossHistory`). */
  loss: number;
  /** Number of parameter updates performed (epochs or Newton steps). */
  nIter: number;
  /**
   * Whether the tolerance was met. Always false under perfect separation without a
   * penalty, where the MLE does not exist (see `message`).
   */
  converged: boolean;
  /** A sentence saying how the fit ended, e.g. why it did not converge. */
  message: string;
}

const ARTICLE_EPS = 1e-15;

/**
 * Logistic regression `P(y = 1 | x) = σ(b + xᵀw)` by maximum likelihood, i.e. by
 * minimising the mean binary cross-entropy, optionally plus `λ‖w‖²` (MAP).
 *
 * `method: "gd"` is the article's training loop, step for step: `θ = 0`; each epoch
 * computes `ŷ = 1 / (1 + exp(−Xθ))`, the loss, the gradient `Xᵀ(ŷ − y)/n` (+ `2λw`)
 * and `θ −= learningRate · ∇`. It runs `epochs` epochs, or stops early when
 * `max|∇| < tol`. To reproduce the article, whose `X` already holds a column of
 * ones, pass that `X` with `fitIntercept: false`.
 *
 * `method: "newton"` is Newton–Raphson (iteratively reweighted least squares) from
 * `θ = 0`: `θ −= H⁻¹∇` with `H = XᵀWX/n` (+ `2λI`), until `max|step| < tol`. It is the
 * method of statsmodels' `Logit.fit()`, and gives the same estimates.
 *
 * Non-convergence is reported (`converged: false` and `message`), never thrown; only
 * gradient descent that diverges (a parameter overflows because `learningRate` is far
 * too large) throws, rather than return infinite or NaN coefficients. Under
 * perfect separation (some `w` classifies every point correctly) the MLE does not
 * exist — the likelihood keeps rising as `‖w‖ → ∞` — and the result says so.
 *
 * @param X The design, `n` rows of `d` features (`number[][]` or a `Matrix`).
 * @param y The labels, each 0 or 1, one per row.
 * @param options See {@link LogisticRegressionOptions}.
 * @returns See {@link LogisticRegressionResult}.
 * @throws {TypeError} If an argument has the wrong type or `method` is unknown.
 * @throws {RangeError} If a label is not 0 or 1, `X` is empty, ragged or non-finite,
 *   `X` and `y` differ in length, an option is out of range, or gradient descent
 *   diverges.
 *
 * @example Newton's method on a small overlapping data set
 * ```ts
 * import { logisticRegression } from "./logistic.ts";
 * import assert from "node:assert/strict";
 *
 * const X = [[-2], [-1], [-0.5], [0], [0.5], [1], [2], [3]];
 * const y = [0, 0, 1, 0, 1, 0, 1, 1];
 * const fit = logisticRegression(X, y, { method: "newton" });
 * assert.equal(fit.converged, true);
 * assert.ok(fit.coef[0]! > 0);
 * assert.ok(fit.standardErrors.coef[0]! > 0);
 * // Gradient descent heads to the same place, more slowly.
 * const gd = logisticRegression(X, y, { learningRate: 0.5, epochs: 5000 });
 * assert.ok(Math.abs(gd.coef[0]! - fit.coef[0]!) < 1e-4);
 * assert.throws(() => logisticRegression(X, [0, 0, 1, 0, 1, 0, 1, 2]), /y must hold only 0 and 1 \(received y\[7\]=2\)/);
 * ```
 */
export function logisticRegression(
  X: DesignInput,
  y: ArrayLike<number>,
  options: LogisticRegressionOptions = {},
): LogisticRegressionResult {
  const fn = "logisticRegression";
  const method = checkOptions(fn, options).method ?? "gd";
  if (method !== "gd" && method !== "newton") {
    const msg = `${fn}(): method must be "gd" or "newton" (received ${
      describe(method)
    })`;
    throw typeof method === "string" ? new RangeError(msg) : new TypeError(msg);
  }
  const fitIntercept = options.fitIntercept ?? true;
  if (typeof fitIntercept !== "boolean") {
    throw new TypeError(
      `${fn}(): fitIntercept must be a boolean (received ${
        describe(fitIntercept)
      })`,
    );
  }
  const l2 = checkNonNegative(fn, "l2", options.l2 ?? 0);
  const learningRate = checkPositive(
    fn,
    "learningRate",
    options.learningRate ?? 0.01,
  );
  const epochs = checkInteger(fn, "epochs", options.epochs ?? 1000, {
    min: 1,
  });
  const maxIter = checkInteger(fn, "maxIter", options.maxIter ?? 100, {
    min: 1,
  });
  const tol = checkNonNegative(
    fn,
    "tol",
    options.tol ?? (method === "gd" ? 1e-6 : 1e-10),
  );
  const A = toDesignMatrix(fn, "X", X);
  const t = toTargetVector(fn, y, A.rows);
  for (let i = 0; i < t.length; i++) {
    const v = t[i]!;
    if (v !== 0 && v !== 1) {
      throw new RangeError(
        `${fn}(): y must hold only 0 and 1 (received y[${i}]=${describe(v)})`,
      );
    }
  }
  const p: Problem = { X: A, y: t, fitIntercept, l2 };
  const fit = method === "gd"
    ? gradientDescent(p, learningRate, epochs, tol)
    : newton(p, maxIter, tol);
  return finish(p, fit);
}

interface Problem {
  X: Matrix;
  y: Float64Array;
  fitIntercept: boolean;
  l2: number;
}

interface RawFit {
  /** Parameters: `[intercept, ...coef]` with an intercept, `coef` otherwise. */
  theta: Float64Array;
  lossHistory: number[];
  loss: number;
  nIter: number;
  converged: boolean;
  message: string;
}

/** Linear predictor `Xθ` (intercept first when fitted), in the article's order. */
function linearPredictor(p: Problem, theta: Float64Array): Float64Array {
  const { rows: n, cols: d, data } = p.X;
  const off = p.fitIntercept ? 1 : 0;
  const eta = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = p.fitIntercept ? theta[0]! : 0;
    for (let j = 0; j < d; j++) s += data[i * d + j]! * theta[off + j]!;
    eta[i] = s;
  }
  return eta;
}

/** `λ‖w‖²` over the penalised parameters (all but the intercept). */
function penalty(p: Problem, theta: Float64Array): number {
  if (p.l2 === 0) return 0;
  let s = 0;
  for (let j = p.fitIntercept ? 1 : 0; j < theta.length; j++) {
    s += theta[j]! * theta[j]!;
  }
  return p.l2 * s;
}

/** Gradient of the mean NLL plus penalty: `Xᵀ(ŷ − y)/n + 2λw`. */
function gradient(
  p: Problem,
  theta: Float64Array,
  yHat: Float64Array,
): Float64Array {
  const { rows: n, cols: d, data } = p.X;
  const off = p.fitIntercept ? 1 : 0;
  const g = new Float64Array(theta.length);
  for (let i = 0; i < n; i++) {
    const r = yHat[i]! - p.y[i]!;
    if (p.fitIntercept) g[0]! += r;
    for (let j = 0; j < d; j++) g[off + j]! += data[i * d + j]! * r;
  }
  for (let j = 0; j < g.length; j++) {
    g[j] = g[j]! / n;
    if (j >= off) g[j]! += 2 * p.l2 * theta[j]!;
  }
  return g;
}

function maxAbs(v: Float64Array): number {
  let m = 0;
  for (let j = 0; j < v.length; j++) m = Math.max(m, Math.abs(v[j]!));
  return m;
}

function gradientDescent(
  p: Problem,
  learningRate: number,
  epochs: number,
  tol: number,
): RawFit {
  const n = p.X.rows;
  const theta = new Float64Array(p.X.cols + (p.fitIntercept ? 1 : 0));
  const history: number[] = [];
  const yHat = new Float64Array(n);
  // The article's loss, with eps inside the logarithms.
  const articleLoss = (eta: Float64Array): number => {
    let s = 0;
    for (let i = 0; i < n; i++) {
      yHat[i] = 1 / (1 + Math.exp(-eta[i]!)); // sigmoid, as the article writes it
      const yi = p.y[i]!;
      s += yi * Math.log(yHat[i]! + ARTICLE_EPS) +
        (1 - yi) * Math.log(1 - yHat[i]! + ARTICLE_EPS);
    }
    return -(s / n) + penalty(p, theta);
  };
  for (let epoch = 0; epoch < epochs; epoch++) {
    const loss = articleLoss(linearPredictor(p, theta));
    history.push(loss);
    const g = gradient(p, theta, yHat);
    if (maxAbs(g) < tol) {
      return {
        theta,
        lossHistory: history,
        loss,
        nIter: epoch,
        converged: true,
        message: `converged: max|gradient| < tol=${tol} after ${epoch} epochs`,
      };
    }
    let finite = true;
    for (let j = 0; j < theta.length; j++) {
      theta[j]! -= learningRate * g[j]!;
      finite &&= Number.isFinite(theta[j]!);
    }
    if (!finite) {
      throw new RangeError(
        `logisticRegression(): gradient descent diverged: a parameter overflowed at epoch ${epoch} (received learningRate=${learningRate}); lower learningRate or use method "newton"`,
      );
    }
  }
  const loss = articleLoss(linearPredictor(p, theta));
  const gFinal = maxAbs(gradient(p, theta, yHat));
  const converged = gFinal < tol;
  return {
    theta,
    lossHistory: history,
    loss,
    nIter: epochs,
    converged,
    message: converged
      ? `converged: max|gradient| < tol=${tol} after ${epochs} epochs`
      : `not converged: max|gradient| = ${
        gFinal.toExponential(3)
      } >= tol=${tol} after ${epochs} epochs (raise epochs or learningRate, or use method "newton")`,
  };
}

function newton(p: Problem, maxIter: number, tol: number): RawFit {
  const { rows: n, cols: d, data } = p.X;
  const off = p.fitIntercept ? 1 : 0;
  const k = d + off;
  const theta = new Float64Array(k);
  const history: number[] = [];
  const yHat = new Float64Array(n);
  const row = new Float64Array(k);
  const exactLoss = (eta: Float64Array): number =>
    binaryCrossEntropyWithLogits(eta, p.y) + penalty(p, theta);
  for (let iter = 0; iter < maxIter; iter++) {
    const eta = linearPredictor(p, theta);
    history.push(exactLoss(eta));
    // Hessian H = XᵀWX/n + 2λI (penalised block), W = diag(ŷ(1 − ŷ)).
    const H = new Float64Array(k * k);
    for (let i = 0; i < n; i++) {
      const pi = sigmoid(eta[i]!);
      yHat[i] = pi;
      const wi = pi * (1 - pi);
      if (p.fitIntercept) row[0] = 1;
      for (let j = 0; j < d; j++) row[off + j] = data[i * d + j]!;
      for (let r = 0; r < k; r++) {
        const v = wi * row[r]!;
        for (let c = r; c < k; c++) H[r * k + c]! += v * row[c]!;
      }
    }
    for (let r = 0; r < k; r++) {
      for (let c = r; c < k; c++) {
        H[r * k + c] = H[r * k + c]! / n;
        H[c * k + r] = H[r * k + c]!;
      }
      if (r >= off) H[r * k + r]! += 2 * p.l2;
    }
    const g = gradient(p, theta, yHat);
    let step: Float64Array;
    try {
      step = solve(new Matrix(k, k, H), g);
    } catch (e) {
      if (!(e instanceof RangeError)) throw e;
      return {
        theta,
        lossHistory: history,
        loss: history[history.length - 1]!,
        nIter: iter,
        converged: false,
        message:
          `not converged: the Hessian XᵀWX became singular after ${iter} Newton steps (${e.message})`,
      };
    }
    for (let j = 0; j < k; j++) theta[j]! -= step[j]!;
    if (maxAbs(step) < tol) {
      return {
        theta,
        lossHistory: history,
        loss: exactLoss(linearPredictor(p, theta)),
        nIter: iter + 1,
        converged: true,
        message: `converged: max|step| < tol=${tol} after ${
          iter + 1
        } Newton steps`,
      };
    }
  }
  return {
    theta,
    lossHistory: history,
    loss: exactLoss(linearPredictor(p, theta)),
    nIter: maxIter,
    converged: false,
    message:
      `not converged: max|step| >= tol=${tol} after ${maxIter} Newton steps`,
  };
}

/** Splits θ, checks for separation, and computes the standard errors. */
function finish(p: Problem, fit: RawFit): LogisticRegressionResult {
  const off = p.fitIntercept ? 1 : 0;
  const coef = fit.theta.slice(off);
  const intercept = p.fitIntercept ? fit.theta[0]! : 0;
  let converged = fit.converged;
  let message = fit.message;
  if (p.l2 === 0 && separates(p, fit.theta)) {
    converged = false;
    message =
      `perfect separation: the estimate classifies every observation correctly, so the likelihood keeps increasing as the coefficients grow and the MLE does not exist (use l2 > 0 for a finite MAP estimate). Stopped after ${fit.nIter} ${
        fit.message.includes("Newton") ? "Newton steps" : "epochs"
      }.`;
  }
  const seCoef = new Float64Array(coef.length).fill(NaN);
  let seIntercept = NaN;
  try {
    const info = p.fitIntercept
      ? logisticFisherInformation(p.X, coef, intercept)
      : logisticFisherInformation(p.X, coef);
    const cov = inv(info);
    const k = cov.rows;
    for (let j = 0; j < coef.length; j++) {
      seCoef[j] = Math.sqrt(cov.data[(off + j) * k + off + j]!);
    }
    if (p.fitIntercept) seIntercept = Math.sqrt(cov.data[0]!);
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
  }
  return {
    coef,
    intercept,
    standardErrors: { coef: seCoef, intercept: seIntercept },
    lossHistory: Float64Array.from(fit.lossHistory),
    loss: fit.loss,
    nIter: fit.nIter,
    converged,
    message,
  };
}

/** Whether the linear predictor puts every 1 strictly above 0 and every 0 below. */
function separates(p: Problem, theta: Float64Array): boolean {
  const eta = linearPredictor(p, theta);
  for (let i = 0; i < eta.length; i++) {
    const e = eta[i]!;
    if (p.y[i] === 1 ? !(e > 0) : !(e < 0)) return false;
  }
  return true;
}
