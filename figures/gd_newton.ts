/**
 * Chapter 06's figure: logistic regression's negative log-likelihood over two weights,
 * gradient descent's path for a chosen learning rate and number of epochs against
 * Newton's few long steps, and the loss curve of both.
 *
 * Data, as the notebook but without the intercept column (two weights, so the loss is
 * a surface in the plane) and with correlated features: `rs = RandomState(seed)`,
 * `Z = rs.randn([n, 2])`, `x₁ = z₁`, `x₂ = ρ z₁ + √(1 − ρ²) z₂`,
 * `y = rs.rand(n) < σ(X·[1.2, −0.8])`. Gradient descent is the notebook's written-out
 * loop (`SGD` from θ = 0, gradient `Xᵀ(σ(Xθ) − y)/n`), equal to
 * `logisticRegression(X, y, { learningRate, epochs, tol: 0, fitIntercept: false })`;
 * Newton's iterates are `logisticRegression(..., { method: "newton", maxIter: k })`.
 * The loss is the library's `binaryCrossEntropyWithLogits` (the mean NLL).
 *
 * @module
 */

import * as Plot from "@observablehq/plot";
import type { FigureDefinition, MountedFigure } from "./_framework.ts";
import { mountFigure, seedControl } from "./_framework.ts";
import {
  binaryCrossEntropyWithLogits,
  grid2d,
  linspace,
  logisticRegression,
  Matrix,
  matvec,
  RandomState,
  SGD,
  sigmoid,
  transpose,
} from "./_lib.ts";
import { palette } from "./_style.ts";

/** The figure's settings. */
export interface GdNewtonSettings {
  [key: string]: number | string;
  /** Gradient descent's learning rate η. */
  lr: number;
  /** Gradient descent's number of epochs. */
  epochs: number;
  /** Correlation of the two features (0: round contours; near ±1: a long valley). */
  rho: number;
  /** Sample size. */
  n: number;
  /** Seed of numpy's legacy generator. */
  seed: number;
}

/** One point of a path. */
export interface PathPoint {
  step: number;
  w1: number;
  w2: number;
  loss: number;
}

/** What {@link compute} returns. */
export interface GdNewtonResult {
  /** Gradient descent: θ and the loss after 0, 1, ..., epochs steps. */
  gd: PathPoint[];
  /** Newton: θ and the loss after 0, 1, ... steps, until converged. */
  newton: PathPoint[];
  /** The loss surface (−NLL, for the contours) over the plane drawn. */
  surface: ReturnType<typeof grid2d>;
  /** The plane drawn: [w1 min, w1 max, w2 min, w2 max]. */
  box: [number, number, number, number];
}

/** The true weights. */
export const TRUE_W = [1.2, -0.8] as const;

/** The default settings. */
export const defaults: GdNewtonSettings = {
  lr: 1,
  epochs: 50,
  rho: 0.8,
  n: 200,
  seed: 42,
};

interface Data {
  X: Matrix;
  y: Float64Array;
  newton: PathPoint[];
  surface: ReturnType<typeof grid2d>;
  box: GdNewtonResult["box"];
}

let cache: { key: string; data: Data } | undefined;

/** The mean negative log-likelihood at θ. */
function nll(X: Matrix, y: Float64Array, theta: ArrayLike<number>): number {
  return binaryCrossEntropyWithLogits(matvec(X, theta), y);
}

function data(s: GdNewtonSettings): Data {
  const key = `${s.seed}|${s.n}|${s.rho}`;
  if (cache?.key === key) return cache.data;
  const rs = new RandomState(s.seed);
  const z = rs.randn([s.n, 2]);
  const X = new Matrix(s.n, 2);
  const c = Math.sqrt(1 - s.rho * s.rho);
  for (let i = 0; i < s.n; i++) {
    X.set(i, 0, z.data[2 * i]!);
    X.set(i, 1, s.rho * z.data[2 * i]! + c * z.data[2 * i + 1]!);
  }
  const p = sigmoid(matvec(X, TRUE_W));
  const u = rs.rand(s.n);
  const y = Float64Array.from(p, (pi, i) => (u[i]! < pi ? 1 : 0));
  const newton: PathPoint[] = [{
    step: 0,
    w1: 0,
    w2: 0,
    loss: nll(X, y, [0, 0]),
  }];
  for (let k = 1; k <= 25; k++) {
    const fit = logisticRegression(X, y, {
      method: "newton",
      maxIter: k,
      fitIntercept: false,
    });
    newton.push({
      step: k,
      w1: fit.coef[0]!,
      w2: fit.coef[1]!,
      loss: fit.loss,
    });
    if (fit.converged) break;
  }
  const mle = newton.at(-1)!;
  const box: GdNewtonResult["box"] = [
    Math.min(0, mle.w1) - 0.6,
    Math.max(0, mle.w1) + 0.6,
    Math.min(0, mle.w2) - 0.6,
    Math.max(0, mle.w2) + 0.6,
  ];
  const theta = new Float64Array(2);
  const surface = grid2d(
    (a, b) => {
      theta[0] = a;
      theta[1] = b;
      return -nll(X, y, theta);
    },
    // beyond the box drawn, so that the contours' cut edges fall outside it
    linspace(box[0] - 0.25, box[1] + 0.25, 41),
    linspace(box[2] - 0.25, box[3] + 0.25, 41),
  );
  const d = { X, y, newton, surface, box };
  cache = { key, data: d };
  return d;
}

/**
 * The figure's numbers for `s`, from the library.
 *
 * @example
 * ```ts
 * import { compute, defaults } from "./gd_newton.ts";
 * import assert from "node:assert/strict";
 *
 * const r = compute(defaults);
 * assert.ok(r.newton.length <= 10); // Newton converges in a few steps
 * assert.ok(r.gd.at(-1)!.loss > r.newton.at(-1)!.loss); // 50 GD epochs do not
 * ```
 */
export function compute(s: GdNewtonSettings): GdNewtonResult {
  const { X, y, newton, surface, box } = data(s);
  const Xt = transpose(X);
  const sgd = new SGD(new Float64Array(2), { lr: s.lr });
  const gd: PathPoint[] = [{
    step: 0,
    w1: 0,
    w2: 0,
    loss: nll(X, y, sgd.params),
  }];
  for (let epoch = 1; epoch <= s.epochs; epoch++) {
    const p = sigmoid(matvec(X, sgd.params));
    const residual = p.map((pi, i) => (pi - y[i]!) / s.n); // (p − y) / n
    sgd.step(matvec(Xt, residual)); // θ ← θ − η Xᵀ(p − y)/n
    gd.push({
      step: epoch,
      w1: sgd.params[0]!,
      w2: sgd.params[1]!,
      loss: nll(X, y, sgd.params),
    });
  }
  return { gd, newton, surface, box };
}

/** The figure: controls, numbers and charts. */
export const figure: FigureDefinition<GdNewtonSettings, GdNewtonResult> = {
  name: "gd-newton",
  chapter: "06",
  title: "Gradient descent and Newton's method on the same likelihood",
  lead:
    "Set the learning rate and the number of epochs. Gradient descent takes many short " +
    "steps across the contours of the negative log-likelihood; Newton's method, which " +
    "also uses the curvature, reaches the maximum-likelihood estimate in a handful. " +
    "Too large a rate makes gradient descent zigzag or overshoot.",
  defaults,
  controls: [
    {
      kind: "range",
      key: "lr",
      label: "learning rate η",
      min: 0.05,
      max: 10,
      step: 0.05,
      format: (v) => v.toFixed(2),
    },
    {
      kind: "range",
      key: "epochs",
      label: "epochs",
      min: 1,
      max: 500,
      step: 1,
    },
    {
      kind: "range",
      key: "rho",
      label: "correlation of the features ρ",
      min: -0.95,
      max: 0.95,
      step: 0.05,
      format: (v) => v.toFixed(2),
    },
    {
      kind: "range",
      key: "n",
      label: "sample size n",
      min: 20,
      max: 1000,
      step: 10,
    },
    seedControl(),
  ],
  compute,
  readings: (r) => {
    const g = r.gd.at(-1)!, m = r.newton.at(-1)!;
    return [
      { key: "gd-w1", label: "gradient descent w₁", value: g.w1, spec: ".4f" },
      { key: "gd-w2", label: "gradient descent w₂", value: g.w2, spec: ".4f" },
      {
        key: "gd-loss",
        label: "gradient descent NLL",
        value: g.loss,
        spec: ".6f",
      },
      { key: "newton-w1", label: "Newton (MLE) w₁", value: m.w1, spec: ".4f" },
      { key: "newton-w2", label: "Newton (MLE) w₂", value: m.w2, spec: ".4f" },
      { key: "newton-loss", label: "Newton NLL", value: m.loss, spec: ".6f" },
      { key: "newton-steps", label: "Newton steps", value: m.step, spec: "d" },
    ];
  },
  charts: (r, s) => {
    const g = r.surface;
    const best = -g.argmax.value;
    const levels = [1.005, 1.02, 1.05, 1.1, 1.2, 1.35].map((f) => -best * f);
    const [a1, b1, a2, b2] = r.box;
    const inBox = (d: PathPoint) =>
      d.w1 >= a1 && d.w1 <= b1 && d.w2 >= a2 && d.w2 <= b2;
    const colour = {
      domain: ["gradient descent", "Newton"],
      range: [palette.gd, palette.newton],
      legend: true,
    };
    const tag = (path: PathPoint[], method: string) =>
      path.map((d) => ({ ...d, method }));
    const both = [...tag(r.gd, "gradient descent"), ...tag(r.newton, "Newton")];
    const floor = Math.min(...both.map((d) => d.loss));
    return [
      {
        key: "contours",
        label:
          "Paths of gradient descent and Newton's method over the loss contours",
        caption:
          `Contours of the mean negative log-likelihood of ${s.n} labels over the two weights; both start at 0. ` +
          `Gradient descent: ${s.epochs} steps with η = ${
            s.lr.toFixed(2)
          }, one dot per epoch; Newton's method: ${
            r.newton.length - 1
          } steps to the MLE.`,
        options: {
          width: 440,
          height: 400,
          marginLeft: 48,
          x: { label: "w₁ →", domain: [a1, b1] },
          y: { label: "↑ w₂", domain: [a2, b2] },
          color: colour,
          marks: [
            Plot.contour(g.values, {
              width: g.width,
              height: g.height,
              x1: g.x1,
              x2: g.x2,
              y1: g.y1,
              y2: g.y2,
              thresholds: levels,
              stroke: "currentColor",
              strokeOpacity: 0.45,
              fill: "none",
              clip: true,
            }),
            Plot.line(tag(r.gd, "gradient descent"), {
              x: "w1",
              y: "w2",
              stroke: "method",
              strokeWidth: 2,
              clip: true,
            }),
            Plot.dot(tag(r.gd, "gradient descent").filter(inBox), {
              x: "w1",
              y: "w2",
              fill: "method",
              r: 2,
            }),
            Plot.line(tag(r.newton, "Newton"), {
              x: "w1",
              y: "w2",
              stroke: "method",
              strokeWidth: 2,
              clip: true,
            }),
            Plot.dot(tag(r.newton, "Newton").filter(inBox), {
              x: "w1",
              y: "w2",
              fill: "method",
              r: 4,
              stroke: "currentColor",
            }),
          ],
        },
      },
      {
        key: "loss",
        label: "Loss per step for both methods",
        caption:
          "Mean negative log-likelihood after each step, as a gap above the optimum (log scale). " +
          "Newton's gap collapses after a few steps; gradient descent's shrinks by a roughly constant factor per epoch.",
        options: {
          height: 220,
          marginLeft: 56,
          x: {
            label: "step →",
            domain: [0, Math.max(s.epochs, r.newton.length)],
          },
          y: { type: "log", label: "↑ NLL − its minimum", grid: true },
          color: colour,
          marks: [
            Plot.line(
              both.filter((d) => d.loss - floor > 1e-15),
              {
                x: "step",
                y: (d: PathPoint) => d.loss - floor,
                z: "method",
                stroke: "method",
                strokeWidth: 2,
              },
            ),
          ],
        },
      },
    ];
  },
};

/** Mounts the live figure in `element`. */
export function mount(
  element: HTMLElement,
  initial: Partial<GdNewtonSettings> = {},
): MountedFigure<GdNewtonSettings> {
  return mountFigure(figure, element, initial);
}
