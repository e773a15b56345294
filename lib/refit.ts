/**
 * Simulating logistic-regression data and refitting the model on simulated labels:
 * the article's data-generating recipe and the parametric bootstrap that chapters 6
 * and 7 both run.
 *
 * @module
 */
import { Matrix, matvec } from "./linalg.ts";
import { logisticRegression } from "./logistic.ts";
import { sigmoid } from "./losses.ts";
import type { RandomState } from "./random.ts";

/** Data drawn by {@link simulateLogisticData}. */
export interface LogisticData {
  /** The design: a column of ones followed by the features (`n × (d + 1)`). */
  X: Matrix;
  /** The features alone, without the column of ones (`n × d`). */
  features: Matrix;
  /** The true probabilities `σ(Xθ)`. */
  p: Float64Array;
  /** The labels, `y_i = 1` when `u_i < p_i` for `u_i` uniform on [0, 1). */
  y: Float64Array;
}

/**
 * Draws logistic-regression data the way the article's numpy code does:
 * `X = np.column_stack([np.ones(n), np.random.randn(n, d)])`, `p = σ(Xθ)`,
 * `y = (np.random.rand(n) < p)`. With `new RandomState(42)`, `n = 500` and
 * `theta = [0.5, 1.2, -0.8]` these are the article's data, number for number.
 *
 * @param rng The random stream (advanced by `n·d` normal and `n` uniform draws).
 * @param n Number of examples (integer ≥ 1).
 * @param theta True weights, the intercept first; `d = theta.length − 1` features.
 * @returns The design with its column of ones, the features, the probabilities and labels.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { RandomState, simulateLogisticData } from "./mod.ts";
 * const data = simulateLogisticData(new RandomState(42), 500, [0.5, 1.2, -0.8]);
 * assert.equal(data.X.get(0, 0), 1);
 * assert.equal(data.X.get(0, 1), 0.4967141530112327); // np.random.randn's first draw
 * assert.equal(data.y.reduce((a, b) => a + b, 0), 289); // the article's positives
 * ```
 */
export function simulateLogisticData(
  rng: RandomState,
  n: number,
  theta: ArrayLike<number>,
): LogisticData {
  const fn = "simulateLogisticData";
  if (!Number.isInteger(n) || n < 1) {
    throw new RangeError(
      `${fn}(): n must be an integer >= 1 (received ${String(n)})`,
    );
  }
  if (theta.length < 1) {
    throw new RangeError(
      `${fn}(): theta must hold at least the intercept (received length 0)`,
    );
  }
  const d = theta.length - 1;
  const draws = rng.randn([n, d]).data;
  const features = new Matrix(n, d, Float64Array.from(draws));
  const X = new Matrix(n, d + 1);
  for (let i = 0; i < n; i++) {
    X.set(i, 0, 1);
    for (let j = 0; j < d; j++) X.set(i, j + 1, draws[i * d + j] as number);
  }
  const p = sigmoid(matvec(X, theta));
  const u = rng.rand(n);
  const y = Float64Array.from(p, (pi, i) => ((u[i] as number) < pi ? 1 : 0));
  return { X, features, p, y };
}

/**
 * Parametric bootstrap of logistic regression: draws `replicates` label vectors
 * `y* ~ Bernoulli(σ(Xθ))` (one `rng.rand(n)` per replicate), refits each by Newton's
 * method (`fitIntercept: false`, so `X` carries its own column of ones) and returns
 * the refitted weights. Their spread estimates the sampling distribution of the MLE
 * at `theta`, which the Fisher information `(XᵀWX)⁻¹` predicts for large `n`.
 *
 * @param X The design (`n × d`), including a column of ones if the model has an intercept.
 * @param theta The weights the labels are drawn from (length `d`).
 * @param replicates Number of simulated data sets (integer ≥ 1).
 * @param rng The random stream (advanced by `replicates · n` uniform draws).
 * @returns One array per weight, holding its `replicates` refitted values.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { RandomState, refitLogistic, simulateLogisticData } from "./mod.ts";
 * const { X } = simulateLogisticData(new RandomState(1), 200, [0, 1]);
 * const refits = refitLogistic(X, [0, 1], 50, new RandomState(2));
 * assert.equal(refits.length, 2);
 * assert.equal(refits[1]?.length, 50);
 * ```
 */
export function refitLogistic(
  X: Matrix,
  theta: ArrayLike<number>,
  replicates: number,
  rng: RandomState,
): Float64Array[] {
  const fn = "refitLogistic";
  if (theta.length !== X.cols) {
    throw new RangeError(
      `${fn}(): theta must have one weight per column of X (${X.cols}; received length ${theta.length})`,
    );
  }
  if (!Number.isInteger(replicates) || replicates < 1) {
    throw new RangeError(
      `${fn}(): replicates must be an integer >= 1 (received ${
        String(replicates)
      })`,
    );
  }
  const p = sigmoid(matvec(X, theta));
  const refits = Array.from(
    { length: X.cols },
    () => new Float64Array(replicates),
  );
  for (let r = 0; r < replicates; r++) {
    const u = rng.rand(X.rows);
    const yStar = Float64Array.from(
      p,
      (pi, i) => ((u[i] as number) < pi ? 1 : 0),
    );
    const fit = logisticRegression(X, yStar, {
      method: "newton",
      fitIntercept: false,
    });
    fit.coef.forEach((c, j) => {
      (refits[j] as Float64Array)[r] = c;
    });
  }
  return refits;
}
