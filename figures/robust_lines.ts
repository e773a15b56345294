/**
 * Chapter 03's figure: a line fitted by three losses, and one point the reader moves
 * far away. Least squares (MSE, Gaussian noise) follows the point; least absolute
 * deviations (MAE, Laplace noise) barely moves; Huber's loss with threshold δ sits
 * between, closer to the one or the other as δ grows or shrinks.
 *
 * Data: `x = linspace(0, 10, n)`, `y = 1 + 0.5·x + RandomState(seed).normal(0, 1, n)`,
 * then point `k` is moved up by `shift`. Fits: the library's `ols`, `lad` and
 * `huberRegression(X, y, { delta, scale: 1 })` (which minimises the summed `huber`
 * loss of `losses.ts`).
 *
 * @module
 */

import * as Plot from "@observablehq/plot";
import type { FigureDefinition, MountedFigure } from "./_framework.ts";
import { mountFigure, seedControl } from "./_framework.ts";
import {
  huber,
  huberRegression,
  lad,
  linspace,
  mae,
  mse,
  ols,
  RandomState,
} from "./_lib.ts";
import { palette } from "./_style.ts";

/** The figure's settings. */
export interface RobustLinesSettings {
  [key: string]: number | string;
  /** How far the moved point is shifted in y. */
  shift: number;
  /** Which point is moved (1 = leftmost, n = rightmost). */
  k: number;
  /** Huber's threshold δ (in units of y; the noise has standard deviation 1). */
  delta: number;
  /** Number of points. */
  n: number;
  /** Seed of numpy's legacy generator. */
  seed: number;
}

/** One fitted line. */
export interface Line {
  intercept: number;
  slope: number;
}

/** What {@link compute} returns. */
export interface RobustLinesResult {
  x: Float64Array;
  y: Float64Array;
  ols: Line;
  lad: Line;
  huber: Line;
  /** Each loss at its own fit, mean over the points (the library's mse, mae, huber). */
  losses: { mse: number; mae: number; huber: number };
}

/** True intercept and slope. */
export const TRUTH: Line = { intercept: 1, slope: 0.5 };

/** The default settings. */
export const defaults: RobustLinesSettings = {
  shift: 12,
  k: 12,
  delta: 1,
  n: 12,
  seed: 0,
};

/**
 * The figure's numbers for `s`, from the library.
 *
 * @example
 * ```ts
 * import { compute, defaults } from "./robust_lines.ts";
 * import assert from "node:assert/strict";
 *
 * const r = compute({ ...defaults, shift: 30 });
 * // least squares is pulled up by the moved point far more than LAD
 * assert.ok(r.ols.slope - 0.5 > 3 * Math.abs(r.lad.slope - 0.5));
 * ```
 */
export function compute(s: RobustLinesSettings): RobustLinesResult {
  const x = linspace(0, 10, s.n);
  const noise = new RandomState(s.seed).normal(0, 1, s.n);
  const y = Float64Array.from(
    x,
    (v, i) => TRUTH.intercept + TRUTH.slope * v + noise[i]!,
  );
  y[s.k - 1] = y[s.k - 1]! + s.shift;
  const X = Array.from(x, (v) => [v]);
  const line = (f: { intercept: number; coef: ArrayLike<number> }): Line => ({
    intercept: f.intercept,
    slope: f.coef[0]!,
  });
  const fits = {
    ols: line(ols(X, y)),
    lad: line(lad(X, y)),
    huber: line(huberRegression(X, y, { delta: s.delta, scale: 1 })),
  };
  const predict = (l: Line) => x.map((v) => l.intercept + l.slope * v);
  return {
    x,
    y,
    ...fits,
    losses: {
      mse: mse(y, predict(fits.ols)),
      mae: mae(y, predict(fits.lad)),
      huber: huber(y, predict(fits.huber), { delta: s.delta }),
    },
  };
}

const NAMES = {
  ols: "MSE (least squares)",
  lad: "MAE (least absolute deviations)",
  huber: "Huber",
} as const;

/** The figure: controls, numbers and charts. */
export const figure: FigureDefinition<RobustLinesSettings, RobustLinesResult> =
  {
    name: "robust-lines",
    chapter: "03",
    title: "One point far away: MSE, MAE and Huber lines",
    lead:
      "Move one point up or down, far from the others. The least-squares line, the " +
      "maximum-likelihood line under Gaussian noise, chases it; the MAE line (Laplace " +
      "noise) hardly moves; the Huber line treats residuals below δ as Gaussian and " +
      "larger ones as Laplace.",
    defaults,
    controls: [
      {
        kind: "range",
        key: "shift",
        label: "shift of the moved point",
        min: -40,
        max: 40,
        step: 0.5,
        format: (v) => v.toFixed(1),
      },
      {
        kind: "range",
        key: "k",
        label: "moved point (1 = leftmost)",
        min: 1,
        max: (s) => s.n,
        step: 1,
      },
      {
        kind: "range",
        key: "delta",
        label: "Huber threshold δ",
        min: 0.1,
        max: 10,
        step: 0.1,
        format: (v) => v.toFixed(1),
      },
      {
        kind: "range",
        key: "n",
        label: "number of points n",
        min: 5,
        max: 50,
        step: 1,
      },
      seedControl(),
    ],
    compute,
    readings: (r) => [
      { key: "ols-slope", label: "MSE slope", value: r.ols.slope, spec: ".4f" },
      { key: "lad-slope", label: "MAE slope", value: r.lad.slope, spec: ".4f" },
      {
        key: "huber-slope",
        label: "Huber slope",
        value: r.huber.slope,
        spec: ".4f",
      },
      {
        key: "ols-intercept",
        label: "MSE intercept",
        value: r.ols.intercept,
        spec: ".4f",
      },
      {
        key: "lad-intercept",
        label: "MAE intercept",
        value: r.lad.intercept,
        spec: ".4f",
      },
      {
        key: "huber-intercept",
        label: "Huber intercept",
        value: r.huber.intercept,
        spec: ".4f",
      },
    ],
    charts: (r, s) => {
      const names = [NAMES.ols, NAMES.lad, NAMES.huber];
      const lines = (["ols", "lad", "huber"] as const).flatMap((k) =>
        [-0.5, 10.5].map((x) => ({
          x,
          y: r[k].intercept + r[k].slope * x,
          fit: NAMES[k],
        }))
      );
      const points = Array.from(
        r.x,
        (x, i) => ({ x, y: r.y[i]!, moved: i === s.k - 1 }),
      );
      const ys = [...r.y, ...lines.map((d) => d.y)];
      const yDomain = [Math.min(-3, ...ys) - 1, Math.max(9, ...ys) + 1];
      const residuals = Array.from(linspace(-4, 4, 161));
      const lossCurves = residuals.flatMap((t) => [
        { t, value: mse([0], [t]), loss: "MSE" },
        { t, value: mae([0], [t]), loss: "MAE" },
        { t, value: huber([0], [t], { delta: s.delta }), loss: "Huber" },
      ]);
      return [
        {
          key: "scatter",
          label: "The data and the three fitted lines",
          caption:
            `The ringed point is moved by ${
              s.shift.toFixed(1)
            } (drag in the chart, or use the slider); the dashed line is the true line y = 1 + 0.5x. ` +
            "Large residuals pull the MSE line in proportion to their size; the MAE and Huber lines feel only their sign beyond δ.",
          // a drag moves the ringed point to the pointer's height
          drag: ({ y }) => ({ shift: y - (r.y[s.k - 1]! - s.shift) }),
          options: {
            height: 300,
            marginLeft: 48,
            x: { label: "x →", domain: [-0.5, 10.5] },
            y: { label: "↑ y", domain: yDomain, grid: true },
            color: {
              domain: names,
              range: [palette.mse, palette.mae, palette.huber],
              legend: true,
            },
            marks: [
              Plot.line([[-0.5, 0.75], [10.5, 6.25]], {
                stroke: "currentColor",
                strokeDasharray: "5,3",
              }),
              Plot.line(lines, {
                x: "x",
                y: "y",
                z: "fit",
                stroke: "fit",
                strokeWidth: 2.5,
                // Huber dashed: it often runs over one of the others
                strokeDasharray: "none",
                filter: (d: { fit: string }) => d.fit !== NAMES.huber,
              }),
              Plot.line(lines, {
                x: "x",
                y: "y",
                stroke: "fit",
                strokeWidth: 2.5,
                strokeDasharray: "8,4",
                filter: (d: { fit: string }) => d.fit === NAMES.huber,
              }),
              Plot.dot(points, {
                x: "x",
                y: "y",
                r: 3.5,
                fill: "currentColor",
              }),
              Plot.dot(points.filter((d) => d.moved), {
                x: "x",
                y: "y",
                r: 8,
                stroke: "currentColor",
                strokeWidth: 2,
              }),
            ],
          },
        },
        {
          key: "losses",
          label: "The three losses of one residual",
          caption: `MSE r², MAE |r| and Huber's loss with δ = ${
            s.delta.toFixed(1)
          } (r²/2 inside ±δ, δ(|r| − δ/2) beyond), as the library computes them for one residual r.`,
          options: {
            height: 200,
            marginLeft: 48,
            x: { label: "residual r →", domain: [-4, 4] },
            y: { label: "↑ loss", domain: [0, 6], grid: true },
            color: {
              domain: ["MSE", "MAE", "Huber"],
              range: [palette.mse, palette.mae, palette.huber],
              legend: true,
            },
            marks: [
              Plot.ruleX([-s.delta, s.delta], {
                stroke: "currentColor",
                strokeOpacity: 0.35,
                strokeDasharray: "2,3",
              }),
              Plot.line(lossCurves, {
                x: "t",
                y: "value",
                z: "loss",
                stroke: "loss",
                strokeWidth: 2,
                clip: true,
              }),
            ],
          },
        },
      ];
    },
  };

/** Mounts the live figure in `element`. */
export function mount(
  element: HTMLElement,
  initial: Partial<RobustLinesSettings> = {},
): MountedFigure<RobustLinesSettings> {
  return mountFigure(figure, element, initial);
}
