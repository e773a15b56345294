/**
 * Chapter 02's figure: data drawn from a chosen Gaussian (μ, σ) or Bernoulli (p) with
 * a chosen n; the log-likelihood curve of the mean (or of p) and its maximum move
 * with the data, and the curve sharpens as n grows.
 *
 * The draws are the notebook's: `RandomState(seed).normal(μ, σ, n)` and
 * `RandomState(seed).binomial(1, p, n)`. The curve is the library's log-likelihood on
 * a grid (`grid1d`), relative to its maximum; the MLE is `fitNormal` / `fitBernoulli`.
 *
 * @module
 */

import * as Plot from "@observablehq/plot";
import type { FigureDefinition, MountedFigure } from "./_framework.ts";
import { mountFigure, seedControl } from "./_framework.ts";
import {
  bernoulliLogLikelihood,
  fisherInformationBernoulli,
  fitBernoulli,
  fitNormal,
  grid1d,
  linspace,
  normalLogLikelihood,
  RandomState,
} from "./_lib.ts";
import { palette } from "./_style.ts";

/** The figure's settings. */
export interface LogLikelihoodSettings {
  [key: string]: number | string;
  /** `"normal"` (curve over μ, σ at its MLE) or `"bernoulli"` (curve over p). */
  model: string;
  /** True mean of the Gaussian. */
  mu: number;
  /** True standard deviation of the Gaussian. */
  sigma: number;
  /** True success probability of the Bernoulli. */
  p: number;
  /** Sample size. */
  n: number;
  /** Seed of numpy's legacy generator. */
  seed: number;
}

/** What {@link compute} returns. */
export interface LogLikelihoodResult {
  /** The data. */
  data: Float64Array;
  /** The MLE of the curve's parameter (μ̂ or p̂). */
  mle: number;
  /** The Gaussian's σ̂ (NaN for the Bernoulli). */
  sigmaHat: number;
  /** The log-likelihood at the MLE. */
  maxLogLikelihood: number;
  /** Standard error of the MLE from the Fisher information (1 / curvature^½). */
  standardError: number;
  /** The grid's own maximiser. */
  gridArgmax: number;
  /** The grid. */
  grid: Float64Array;
  /** Log-likelihood minus its maximum at each grid point. */
  relative: Float64Array;
}

/** The default settings: the notebook's μ = 3.5, σ = 1.2, seed 42 (with n = 50). */
export const defaults: LogLikelihoodSettings = {
  model: "normal",
  mu: 3.5,
  sigma: 1.2,
  p: 0.3,
  n: 50,
  seed: 42,
};

/**
 * The horizontal range of the curve: fixed by the true parameters, not by the data,
 * so that the curve visibly narrows as n grows.
 *
 * @example
 * ```ts
 * import { defaults, parameterRange } from "./log_likelihood.ts";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual(parameterRange({ ...defaults, mu: 0, sigma: 2 }), [-3, 3]);
 * ```
 */
export function parameterRange(s: LogLikelihoodSettings): [number, number] {
  return s.model === "bernoulli"
    ? [0.001, 0.999]
    : [s.mu - 1.5 * s.sigma, s.mu + 1.5 * s.sigma];
}

/** Points of the grid. */
export const GRID_POINTS = 301;

/**
 * The figure's numbers for `s`, from the library.
 *
 * @example
 * ```ts
 * import { compute, defaults } from "./log_likelihood.ts";
 * import assert from "node:assert/strict";
 *
 * const r = compute({ ...defaults, n: 1000 });
 * assert.equal(r.mle.toFixed(4), "3.5232"); // the notebook's μ̂
 * ```
 */
export function compute(s: LogLikelihoodSettings): LogLikelihoodResult {
  const rs = new RandomState(s.seed);
  const grid = linspace(...parameterRange(s), GRID_POINTS);
  if (s.model === "bernoulli") {
    const data = rs.binomial(1, s.p, s.n);
    const fit = fitBernoulli(data);
    const g = grid1d((p) => bernoulliLogLikelihood(data, p), grid);
    return {
      data,
      mle: fit.p,
      sigmaHat: NaN,
      maxLogLikelihood: fit.logLikelihood,
      standardError: 1 / Math.sqrt(fisherInformationBernoulli(fit.p, s.n)),
      gridArgmax: g.argmax.x,
      grid,
      relative: g.values.map((v) => v - fit.logLikelihood),
    };
  }
  const data = rs.normal(s.mu, s.sigma, s.n);
  const fit = fitNormal(data);
  const g = grid1d((mu) => normalLogLikelihood(data, mu, fit.sigma), grid);
  return {
    data,
    mle: fit.mu,
    sigmaHat: fit.sigma,
    maxLogLikelihood: fit.logLikelihood,
    standardError: fit.standardErrors.mu,
    gridArgmax: g.argmax.x,
    grid,
    relative: g.values.map((v) => v - fit.logLikelihood),
  };
}

/** Lowest relative log-likelihood drawn. */
const FLOOR = -12;

/** The figure: controls, numbers and charts. */
export const figure: FigureDefinition<
  LogLikelihoodSettings,
  LogLikelihoodResult
> = {
  name: "log-likelihood",
  chapter: "02",
  title: "The log-likelihood and its maximum",
  lead:
    "Draw data from a model whose parameters you choose, and watch the log-likelihood " +
    "of the unknown parameter peak at the maximum-likelihood estimate. More data make " +
    "the curve narrower: its curvature at the peak is the Fisher information n·I.",
  defaults,
  controls: [
    {
      kind: "select",
      key: "model",
      label: "model",
      options: [
        { value: "normal", label: "Gaussian, curve over μ" },
        { value: "bernoulli", label: "Bernoulli, curve over p" },
      ],
    },
    {
      kind: "range",
      key: "mu",
      label: "true μ",
      min: -5,
      max: 5,
      step: 0.1,
      format: (v) => v.toFixed(1),
    },
    {
      kind: "range",
      key: "sigma",
      label: "true σ",
      min: 0.2,
      max: 5,
      step: 0.1,
      format: (v) => v.toFixed(1),
    },
    {
      kind: "range",
      key: "p",
      label: "true p",
      min: 0.01,
      max: 0.99,
      step: 0.01,
      format: (v) => v.toFixed(2),
    },
    {
      kind: "range",
      key: "n",
      label: "sample size n",
      min: 2,
      max: 1000,
      step: 1,
    },
    seedControl(),
  ],
  compute,
  readings: (r, s) => {
    const sym = s.model === "bernoulli" ? "p" : "μ";
    const out = [
      { key: "mle", label: `MLE ${sym}̂`, value: r.mle, spec: ".4f" },
      {
        key: "se",
        label: `standard error of ${sym}̂`,
        value: r.standardError,
        spec: ".4f",
      },
      {
        key: "max-log-likelihood",
        label: "maximum log-likelihood",
        value: r.maxLogLikelihood,
        spec: ".4f",
      },
      {
        key: "grid-argmax",
        label: "grid's maximiser",
        value: r.gridArgmax,
        spec: ".4f",
      },
    ];
    if (s.model === "normal") {
      out.splice(1, 0, {
        key: "sigma-hat",
        label: "MLE σ̂",
        value: r.sigmaHat,
        spec: ".4f",
      });
    }
    return out;
  },
  charts: (r, s) => {
    const sym = s.model === "bernoulli" ? "p" : "μ";
    const truth = s.model === "bernoulli" ? s.p : s.mu;
    const points = Array.from(r.grid, (x, i) => ({ x, y: r.relative[i]! }))
      .filter((d) => d.y >= FLOOR * 1.5);
    const marks = [
      { x: truth, label: `true ${sym}` },
      { x: r.mle, label: "MLE" },
    ];
    return [{
      key: "curve",
      label: `Log-likelihood of ${sym}, relative to its maximum`,
      caption:
        `ℓ(${sym}) − ℓ(${sym}̂) for these ${s.n} observations${
          s.model === "normal" ? " (σ held at its MLE σ̂)" : ""
        }. The solid line is the MLE, the dashed line the true value. ` +
        `The horizontal line at −1.92 bounds the approximate 95% likelihood interval; with more data the curve narrows around the truth.`,
      options: {
        height: 280,
        marginLeft: 56,
        x: { label: `${sym} →`, domain: parameterRange(s) },
        y: {
          label: "↑ log-likelihood − maximum",
          domain: [FLOOR, 0.8],
          grid: true,
        },
        marks: [
          Plot.ruleY([-1.92], { stroke: "currentColor", strokeOpacity: 0.4 }),
          Plot.line(points, {
            x: "x",
            y: "y",
            stroke: palette.estimate,
            strokeWidth: 2.5,
            clip: true,
          }),
          Plot.ruleX([truth], {
            stroke: palette.truth,
            strokeDasharray: "5,3",
            strokeWidth: 2,
          }),
          Plot.ruleX([r.mle], { stroke: palette.estimate, strokeWidth: 1.5 }),
          ...marks.map((m, i) => {
            // the label of the larger value to the right of its line
            const right = m.x >= marks[1 - i]!.x;
            return Plot.text([m], {
              x: "x",
              y: 0.8,
              text: "label",
              textAnchor: right ? "start" : "end",
              dx: right ? 4 : -4,
              dy: 4,
              fill: "currentColor",
            });
          }),
        ],
      },
    }];
  },
};

/** Mounts the live figure in `element`. */
export function mount(
  element: HTMLElement,
  initial: Partial<LogLikelihoodSettings> = {},
): MountedFigure<LogLikelihoodSettings> {
  return mountFigure(figure, element, initial);
}
