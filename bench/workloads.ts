/**
 * The benchmark workloads of `deno task bench`, shared by the `deno bench` file and
 * the memory probe. Each mirrors a function of `bench/reference.py` that does the
 * same work in numpy, scipy or scikit-learn.
 *
 * @module
 */

import { Matrix } from "../lib/matrix.ts";
import { logisticRegression } from "../lib/logistic.ts";
import { RandomState } from "../lib/random.ts";
import { lasso, ridge } from "../lib/regression.ts";
import { sampleMeanVariances } from "../lib/simulate.ts";

/** W1: ten million normal draws from numpy's stream for seed 0. */
export function w1(): Float64Array {
  return new RandomState(0).normal(0, 1, 10_000_000);
}

/** The sample sizes of the Cramér–Rao table (10,000 experiments each). */
export const CRB_SIZES = [10, 50, 100, 500, 1000] as const;

/** W2: the variance of 10,000 sample means for each n, one seed-42 stream. */
export function w2(): number[] {
  return sampleMeanVariances(new RandomState(42), CRB_SIZES, {
    experiments: 10_000,
    scale: 2,
  });
}

/** The article's logistic-regression data (seed 42, n = 500, intercept column). */
export function logisticData(): { X: Matrix; y: Float64Array } {
  const rs = new RandomState(42);
  const n = 500;
  const z = rs.randn([n, 2]);
  const X = new Matrix(n, 3);
  const wTrue = [0.5, 1.2, -0.8];
  const probs = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const a = z.data[2 * i]!;
    const b = z.data[2 * i + 1]!;
    X.data[3 * i] = 1;
    X.data[3 * i + 1] = a;
    X.data[3 * i + 2] = b;
    probs[i] = 1 / (1 + Math.exp(-(wTrue[0]! + wTrue[1]! * a + wTrue[2]! * b)));
  }
  const u = rs.rand(n);
  const y = Float64Array.from(u, (v, i) => (v < probs[i]! ? 1 : 0));
  return { X, y };
}

/** W3: the article's gradient-descent loop, 1000 epochs at learning rate 0.01. */
export function w3(data: { X: Matrix; y: Float64Array }) {
  return logisticRegression(data.X, data.y, {
    method: "gd",
    learningRate: 0.01,
    epochs: 1000,
    fitIntercept: false,
  });
}

/** The article's MAP data (seed 42, 100 x 50, five non-zero weights, noise 0.1). */
export function regressionData(): { X: Matrix; y: Float64Array } {
  const rs = new RandomState(42);
  const n = 100;
  const d = 50;
  const Xs = rs.randn([n, d]);
  const X = new Matrix(n, d, Xs.data);
  const w = [1.0, -0.5, 0.8, -1.2, 0.3];
  const noise = rs.randn(n);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < w.length; j++) s += X.data[i * d + j]! * w[j]!;
    y[i] = s + 0.1 * noise[i]!;
  }
  return { X, y };
}

/** W4: ridge with alpha = 1 and no intercept: one solve of (XᵀX + I) w = Xᵀy. */
export function w4(data: { X: Matrix; y: Float64Array }) {
  return ridge(data.X, data.y, { alpha: 1, fitIntercept: false });
}

/** W5: lasso with alpha = 0.1, scikit-learn's defaults (intercept, tol 1e-4). */
export function w5(data: { X: Matrix; y: Float64Array }) {
  return lasso(data.X, data.y, { alpha: 0.1 });
}
