/**
 * Chapter 04's figure: ridge and lasso on two correlated features. In the plane of
 * the two weights, the loss's contours (ellipses around the least-squares fit) meet
 * the L2 disc at the ridge solution and the L1 diamond at the lasso solution; as λ
 * grows the lasso's solution reaches a corner, where a weight is exactly zero, and
 * the ridge's never does.
 *
 * Data: `Z = RandomState(seed).randn([n, 2])`, `x₁ = z₁`, `x₂ = ρ z₁ + √(1 − ρ²) z₂`,
 * `y = 2 x₁ + 0.5 x₂ + normal(0, 1, n)` from the same generator. Both fits minimise
 * `‖y − Xw‖² + λ·penalty`, as in the notebook: `ridge(X, y, { alpha: λ })` and
 * `lasso(X, y, { alpha: λ / (2n) })` (scikit-learn's scaling), without intercept.
 *
 * @module
 */

import * as Plot from "@observablehq/plot";
import type { FigureDefinition, MountedFigure } from "./_framework.ts";
import { mountFigure, seedControl } from "./_framework.ts";
import {
  grid2d,
  lasso,
  linspace,
  Matrix,
  matvec,
  mse,
  ols,
  RandomState,
  ridge,
} from "./_lib.ts";
import { palette } from "./_style.ts";

/** The figure's settings. */
export interface PenaltyShapesSettings {
  [key: string]: number | string;
  /** log₁₀ λ. */
  logLambda: number;
  /** Correlation of the two features. */
  rho: number;
  /** Sample size. */
  n: number;
  /** Seed of numpy's legacy generator. */
  seed: number;
}

/** What {@link compute} returns. */
export interface PenaltyShapesResult {
  lambda: number;
  ols: Float64Array;
  ridge: Float64Array;
  lasso: Float64Array;
  /** Residual sums of squares at each solution. */
  rss: { ols: number; ridge: number; lasso: number };
  /**
   * Half-width of the square around 0 that holds the disc, the diamond and the
   * least-squares fit at every λ (from the least-squares fit: no λ in it).
   */
  reach: number;
  /** The loss surface (RSS) over the weight plane, for the contours. */
  surface: ReturnType<typeof grid2d>;
  /** Coefficient paths over a λ grid. */
  paths: { lambda: number; method: string; feature: string; value: number }[];
}

/** The true weights. */
export const TRUE_W = [2, 0.5] as const;

/** The default settings. */
export const defaults: PenaltyShapesSettings = {
  logLambda: 1.5,
  rho: 0.5,
  n: 50,
  seed: 0,
};

/**
 * The widest the weight plane is drawn, as a multiple of its height: on a wide page
 * the plane extends to the right (where the least-squares fit and its contours are),
 * with one unit as long on w₁ as on w₂, so the disc stays round.
 */
const WIDEST = 1.6;

/** The plane's height in pixels that a wide chart aims at. */
const PLANE_HEIGHT = 440;

interface Data {
  X: Matrix;
  y: Float64Array;
  ols: Float64Array;
  reach: number;
  surface: ReturnType<typeof grid2d>;
  paths: PenaltyShapesResult["paths"];
}

let cache: { key: string; data: Data } | undefined;

function rss(X: Matrix, y: Float64Array, w: ArrayLike<number>): number {
  return mse(y, matvec(X, w), { reduction: "sum" });
}

/** The draws, the least-squares fit, the loss surface and the paths (no λ in them). */
function data(s: PenaltyShapesSettings): Data {
  const key = `${s.seed}|${s.n}|${s.rho}`;
  if (cache?.key === key) return cache.data;
  const rs = new RandomState(s.seed);
  const z = rs.randn([s.n, 2]);
  const noise = rs.normal(0, 1, s.n);
  const X = new Matrix(s.n, 2);
  const y = new Float64Array(s.n);
  const c = Math.sqrt(1 - s.rho * s.rho);
  for (let i = 0; i < s.n; i++) {
    const z1 = z.data[2 * i]!, z2 = z.data[2 * i + 1]!;
    X.set(i, 0, z1);
    X.set(i, 1, s.rho * z1 + c * z2);
    y[i] = TRUE_W[0] * X.get(i, 0) + TRUE_W[1] * X.get(i, 1) + noise[i]!;
  }
  const fit = ols(X, y, { fitIntercept: false }).coef;
  // The lasso's ‖w‖₁ and the ridge's ‖w‖₂ shrink as λ grows, from at most the
  // least-squares fit's ‖w‖₁: a square of that half-width holds both shapes whole.
  const reach = 1.12 * Math.max(0.5, Math.abs(fit[0]!) + Math.abs(fit[1]!));
  // RSS(w) = yᵀy − 2 wᵀXᵀy + wᵀXᵀX w: the grid's thousands of points cost O(1)
  // each (only the contours are drawn from it; every number shown is the library's)
  let yy = 0, b0 = 0, b1 = 0, g00 = 0, g01 = 0, g11 = 0;
  for (let i = 0; i < s.n; i++) {
    const x0 = X.get(i, 0), x1 = X.get(i, 1), yi = y[i]!;
    yy += yi * yi;
    b0 += x0 * yi;
    b1 += x1 * yi;
    g00 += x0 * x0;
    g01 += x0 * x1;
    g11 += x1 * x1;
  }
  // beyond the widest plane drawn, so that the contours' cut edges fall outside it
  const pad = 0.05 * reach;
  const surface = grid2d(
    // grid2d finds maxima; the contours are drawn of −RSS
    (a, b) =>
      -(yy - 2 * (a * b0 + b * b1) + a * a * g00 + 2 * a * b * g01 +
        b * b * g11),
    linspace(-reach - pad, -reach + 2 * reach * WIDEST + pad, 97),
    linspace(-reach - pad, reach + pad, 61),
  );
  const paths: Data["paths"] = [];
  for (const l of linspace(-1, 3.5, 46)) {
    const lambda = 10 ** l;
    const r = ridge(X, y, { alpha: lambda, fitIntercept: false }).coef;
    const a =
      lasso(X, y, { alpha: lambda / (2 * s.n), fitIntercept: false }).coef;
    for (let j = 0; j < 2; j++) {
      paths.push(
        { lambda, method: "ridge", feature: ["w₁", "w₂"][j]!, value: r[j]! },
        { lambda, method: "lasso", feature: ["w₁", "w₂"][j]!, value: a[j]! },
      );
    }
  }
  const d = { X, y, ols: fit, reach, surface, paths };
  cache = { key, data: d };
  return d;
}

/**
 * The figure's numbers for `s`, from the library.
 *
 * @example
 * ```ts
 * import { compute, defaults } from "./penalty_shapes.ts";
 * import assert from "node:assert/strict";
 *
 * const r = compute({ ...defaults, logLambda: 3 });
 * assert.ok(r.lasso.includes(0)); // a weight exactly zero
 * assert.ok(!r.ridge.includes(0)); // never for ridge
 * ```
 */
export function compute(s: PenaltyShapesSettings): PenaltyShapesResult {
  const d = data(s);
  const lambda = 10 ** s.logLambda;
  const r = ridge(d.X, d.y, { alpha: lambda, fitIntercept: false }).coef;
  const l =
    lasso(d.X, d.y, { alpha: lambda / (2 * s.n), fitIntercept: false }).coef;
  return {
    lambda,
    ols: d.ols,
    ridge: r,
    lasso: l,
    rss: {
      ols: rss(d.X, d.y, d.ols),
      ridge: rss(d.X, d.y, r),
      lasso: rss(d.X, d.y, l),
    },
    reach: d.reach,
    surface: d.surface,
    paths: d.paths,
  };
}

function circle(radius: number): [number, number][] {
  return Array.from({ length: 121 }, (_, i) => {
    const t = (2 * Math.PI * i) / 120;
    return [radius * Math.cos(t), radius * Math.sin(t)];
  });
}

/** The figure: controls, numbers and charts. */
export const figure: FigureDefinition<
  PenaltyShapesSettings,
  PenaltyShapesResult
> = {
  name: "penalty-shapes",
  chapter: "04",
  title: "The L1 diamond and the L2 disc against the loss",
  lead:
    "Raise λ and both penalised fits move from the least-squares fit towards zero. " +
    "Each solution is where a contour of the loss touches the penalty's shape: the " +
    "disc (ridge) is round, so the touch is almost never on an axis; the diamond " +
    "(lasso) has corners on the axes, so a weight becomes exactly 0.",
  defaults,
  controls: [
    {
      kind: "range",
      key: "logLambda",
      label: "penalty λ (log scale)",
      min: -1,
      max: 3.5,
      step: 0.05,
      format: (v) => `${(10 ** v).toPrecision(3)}`,
    },
    {
      kind: "range",
      key: "rho",
      label: "correlation of the features ρ",
      min: -0.9,
      max: 0.9,
      step: 0.05,
      format: (v) => v.toFixed(2),
    },
    {
      kind: "range",
      key: "n",
      label: "sample size n",
      min: 10,
      max: 200,
      step: 1,
    },
    seedControl(),
  ],
  compute,
  readings: (r) => [
    { key: "lambda", label: "λ", value: r.lambda, spec: ".4f" },
    { key: "ridge-w1", label: "ridge w₁", value: r.ridge[0]!, spec: ".4f" },
    { key: "ridge-w2", label: "ridge w₂", value: r.ridge[1]!, spec: ".4f" },
    { key: "lasso-w1", label: "lasso w₁", value: r.lasso[0]!, spec: ".4f" },
    { key: "lasso-w2", label: "lasso w₂", value: r.lasso[1]!, spec: ".4f" },
    { key: "ols-w1", label: "least squares w₁", value: r.ols[0]!, spec: ".4f" },
    { key: "ols-w2", label: "least squares w₂", value: r.ols[1]!, spec: ".4f" },
  ],
  charts: (r, _s, width) => {
    const t = Math.abs(r.lasso[0]!) + Math.abs(r.lasso[1]!);
    const diamond: [number, number][] = [[t, 0], [0, t], [-t, 0], [0, -t], [
      t,
      0,
    ]];
    const radius = Math.hypot(r.ridge[0]!, r.ridge[1]!);
    const g = r.surface;
    // contours of −RSS: the two that pass through the solutions, and a few more
    const levels = [-r.rss.lasso, -r.rss.ridge];
    const spread = [1.05, 1.3, 2, 3.5, 6, 10].map((f) => -r.rss.ols * f);
    // equal units on both axes: w₂ spans [−reach, reach]; w₁ as far to the right as
    // the width allows (square on a phone, up to WIDEST times as wide as high)
    const margin = { marginLeft: 48, marginRight: 24, marginTop: 24 };
    const inner = width - margin.marginLeft - margin.marginRight;
    const wide = Math.min(WIDEST, Math.max(1, inner / PLANE_HEIGHT));
    const R = r.reach;
    const points = [
      { w1: r.ols[0]!, w2: r.ols[1]!, fit: "least squares" },
      { w1: r.ridge[0]!, w2: r.ridge[1]!, fit: "ridge" },
      { w1: r.lasso[0]!, w2: r.lasso[1]!, fit: "lasso" },
    ];
    const colour = {
      domain: ["least squares", "ridge", "lasso"],
      range: [palette.ols, palette.ridge, palette.lasso],
      legend: true,
    };
    return [
      {
        key: "plane",
        label:
          "Loss contours, the L2 disc and the L1 diamond in the weight plane",
        caption:
          `λ = ${
            r.lambda.toPrecision(3)
          }. Grey ellipses: contours of the squared error around the least-squares fit; ` +
          "the disc (ridge) and the diamond (lasso) have the size that their solutions reach; " +
          "each solution is where a contour just touches its shape. A lasso solution on an axis has a weight of exactly 0.",
        options: {
          ...margin,
          marginBottom: 38,
          height: Math.round(inner / wide) + margin.marginTop + 38,
          x: { label: "w₁ →", domain: [-R, -R + 2 * R * wide] },
          y: { label: "↑ w₂", domain: [-R, R] },
          color: colour,
          marks: [
            Plot.ruleX([0], { stroke: "currentColor", strokeOpacity: 0.5 }),
            Plot.ruleY([0], { stroke: "currentColor", strokeOpacity: 0.5 }),
            // one contour mark for every level, as each mark costs a pass over the
            // grid: a few levels, and the two through the ridge and lasso solutions
            Plot.contour(g.values, {
              width: g.width,
              height: g.height,
              x1: g.x1,
              x2: g.x2,
              y1: g.y1,
              y2: g.y2,
              thresholds: [...spread, ...levels].sort((a, b) => a - b),
              stroke: "currentColor",
              strokeOpacity: 0.45,
              fill: "none",
              clip: true,
            }),
            // outlines only, in the legend's colours, as the notebook draws them
            // (filled, the two overlap in a grey that is neither's colour)
            Plot.line(circle(radius), {
              stroke: palette.ridge,
              strokeWidth: 2,
            }),
            Plot.line(diamond, {
              stroke: palette.lasso,
              strokeWidth: 2,
            }),
            Plot.dot(points, {
              x: "w1",
              y: "w2",
              fill: "fit",
              r: 5,
              stroke: "currentColor",
            }),
          ],
        },
      },
      {
        key: "paths",
        label: "Ridge and lasso coefficients as λ grows",
        caption:
          "Solid: lasso; dashed: ridge. The vertical line is the current λ. The lasso's weights reach exactly 0 one after the other; the ridge's shrink towards 0 without reaching it.",
        options: {
          height: 240,
          marginLeft: 48,
          x: { type: "log", label: "λ →", domain: [0.1, 10 ** 3.5] },
          y: { label: "↑ weight", grid: true },
          color: {
            domain: ["w₁", "w₂"],
            range: [palette.series[0]!, palette.series[4]!],
            legend: true,
          },
          marks: [
            Plot.ruleY([0], { stroke: "currentColor", strokeOpacity: 0.5 }),
            Plot.ruleX([r.lambda], { stroke: "currentColor" }),
            Plot.line(r.paths.filter((d) => d.method === "lasso"), {
              x: "lambda",
              y: "value",
              z: "feature",
              stroke: "feature",
              strokeWidth: 2,
            }),
            Plot.line(r.paths.filter((d) => d.method === "ridge"), {
              x: "lambda",
              y: "value",
              z: "feature",
              stroke: "feature",
              strokeWidth: 2,
              strokeDasharray: "5,3",
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
  initial: Partial<PenaltyShapesSettings> = {},
): MountedFigure<PenaltyShapesSettings> {
  return mountFigure(figure, element, initial);
}
