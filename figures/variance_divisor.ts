/**
 * Chapter 01's figure: the sampling distribution of `σ̂²_c = Σ(xᵢ − x̄)² / c` for a
 * chosen sample size `n` and divisor `c`, with its bias², variance and MSE, simulated
 * and in closed form, and where `c = n − 1` (unbiased), `c = n` (the MLE) and
 * `c = n + 1` (smallest MSE for Gaussian data) sit on the trade-off.
 *
 * The draws are the notebook's: `RandomState(seed).normal(0, √σ², [reps, n])`, one
 * row per sample, and `σ̂²_c = variance(row) · n / c` (numpy's `np.var(row) * n / c`).
 *
 * @module
 */

import * as Plot from "@observablehq/plot";
import type { FigureDefinition, MountedFigure } from "./_framework.ts";
import { mountFigure, seedControl } from "./_framework.ts";
import { RandomState, samplingSummary, variance } from "./_lib.ts";
import { palette } from "./_style.ts";

/** The figure's settings. */
export interface VarianceDivisorSettings {
  [key: string]: number | string;
  /** Sample size. */
  n: number;
  /** Divisor of the sum of squared deviations. */
  c: number;
  /** True variance σ². */
  sigma2: number;
  /** Number of simulated samples ("2000", "10000", "50000"). */
  reps: string;
  /** Seed of numpy's legacy generator. */
  seed: number;
}

/** What {@link compute} returns. */
export interface VarianceDivisorResult {
  /** The estimates `σ̂²_c`, one per simulated sample. */
  estimates: Float64Array;
  /** Their summary against σ² (library's `samplingSummary`). */
  mean: number;
  bias2: number;
  variance: number;
  mse: number;
  /** Closed forms for Gaussian data: `E S = (n−1)σ²`, `Var S = 2(n−1)σ⁴`. */
  theory: { bias2: number; variance: number; mse: number };
}

/** The default settings: the notebook's n = 5, σ² = 4, seed 0. */
export const defaults: VarianceDivisorSettings = {
  n: 5,
  c: 5,
  sigma2: 4,
  reps: "10000",
  seed: 0,
};

/**
 * Closed-form bias², variance and MSE of `S / c` for Gaussian data, where
 * `S = Σ(xᵢ − x̄)²` has mean `(n − 1)σ²` and variance `2(n − 1)σ⁴`.
 *
 * @example The MSE is smallest at c = n + 1
 * ```ts
 * import { theory } from "./variance_divisor.ts";
 * import assert from "node:assert/strict";
 *
 * const mse = (c: number) => theory(5, c, 4).mse;
 * assert.equal(theory(5, 4, 4).bias2, 0); // c = n − 1: unbiased
 * assert.ok(mse(6) < mse(5) && mse(6) < mse(7));
 * ```
 */
export function theory(
  n: number,
  c: number,
  sigma2: number,
): { bias2: number; variance: number; mse: number } {
  const bias2 = ((n - 1) / c - 1) ** 2 * sigma2 ** 2;
  const v = 2 * (n - 1) * sigma2 ** 2 / c ** 2;
  return { bias2, variance: v, mse: bias2 + v };
}

let cache: { key: string; sumsOfSquares: Float64Array } | undefined;

/** The sums of squared deviations `S = n · np.var(row)` of each simulated sample. */
function sumsOfSquares(s: VarianceDivisorSettings): Float64Array {
  const key = `${s.seed}|${s.n}|${s.sigma2}|${s.reps}`;
  if (cache?.key === key) return cache.sumsOfSquares;
  const reps = Number(s.reps);
  const draws = new RandomState(s.seed).normal(0, Math.sqrt(s.sigma2), [
    reps,
    s.n,
  ]);
  const out = new Float64Array(reps);
  for (let r = 0; r < reps; r++) {
    out[r] = variance(draws.data.subarray(r * s.n, (r + 1) * s.n)) * s.n;
  }
  cache = { key, sumsOfSquares: out };
  return out;
}

/**
 * The figure's numbers for `s`, from the library.
 *
 * @example
 * ```ts
 * import { compute, defaults } from "./variance_divisor.ts";
 * import assert from "node:assert/strict";
 *
 * const r = compute({ ...defaults, c: 4 }); // c = n − 1: unbiased
 * assert.ok(Math.abs(r.mean - 4) < 0.1);
 * assert.ok(Math.abs(r.mse - (r.bias2 + r.variance)) < 1e-9);
 * ```
 */
export function compute(s: VarianceDivisorSettings): VarianceDivisorResult {
  const ss = sumsOfSquares(s);
  const estimates = Float64Array.from(ss, (v) => v / s.c);
  const sum = samplingSummary(estimates, s.sigma2);
  return {
    estimates,
    mean: sum.mean,
    bias2: sum.bias ** 2,
    variance: sum.variance,
    mse: sum.mse,
    theory: theory(s.n, s.c, s.sigma2),
  };
}

/** The figure: controls, numbers and charts. */
export const figure: FigureDefinition<
  VarianceDivisorSettings,
  VarianceDivisorResult
> = {
  name: "variance-divisor",
  chapter: "01",
  title: "Dividing by n − 1, n or n + 1: bias against variance",
  lead:
    "Choose the sample size n and the divisor c of Σ(xᵢ − x̄)². A larger c shrinks every " +
    "estimate: the bias grows, the variance falls, and their sum, the MSE, is smallest " +
    "near c = n + 1, not at the unbiased c = n − 1.",
  defaults,
  controls: [
    {
      kind: "range",
      key: "n",
      label: "sample size n",
      min: 2,
      max: 50,
      step: 1,
    },
    {
      kind: "range",
      key: "c",
      label: "divisor c",
      min: 1,
      max: (s) => 3 * s.n,
      step: 1,
    },
    {
      kind: "range",
      key: "sigma2",
      label: "true variance σ²",
      min: 0.5,
      max: 10,
      step: 0.5,
      format: (v) => v.toFixed(1),
    },
    {
      kind: "select",
      key: "reps",
      label: "simulated samples",
      options: [
        { value: "2000", label: "2,000" },
        { value: "10000", label: "10,000" },
        { value: "50000", label: "50,000" },
        { value: "100000", label: "100,000 (the notebook's)" },
      ],
    },
    seedControl(),
  ],
  compute,
  readings: (r) => [
    { key: "mean", label: "average estimate", value: r.mean, spec: ".4f" },
    { key: "bias2", label: "bias²", value: r.bias2, spec: ".4f" },
    { key: "variance", label: "variance", value: r.variance, spec: ".4f" },
    { key: "mse", label: "MSE", value: r.mse, spec: ".4f" },
    {
      key: "theory-mse",
      label: "MSE (theory)",
      value: r.theory.mse,
      spec: ".4f",
    },
  ],
  charts: (r, s) => {
    const top = s.sigma2 * (s.n < 10 ? 4 : 2.5) * Math.max(1, s.n / s.c);
    const shown = Array.from(r.estimates).filter((v) => v <= top);
    const cLo = 1, cHi = 3 * s.n;
    const cs = Array.from(
      { length: 241 },
      (_, i) => cLo + (cHi - cLo) * i / 240,
    );
    const curves = cs.flatMap((c) => {
      const t = theory(s.n, c, s.sigma2);
      return [
        { c, value: t.mse, part: "MSE" },
        { c, value: t.bias2, part: "bias²" },
        { c, value: t.variance, part: "variance" },
      ];
    });
    const ends = ["MSE", "bias²", "variance"].map((part) =>
      curves.filter((d) => d.part === part).at(-1)!
    );
    const yTop = Math.max(3 * theory(s.n, s.n + 1, s.sigma2).mse, r.mse * 1.1);
    const marks = [
      { c: s.n - 1, label: "n − 1" },
      { c: s.n, label: "n" },
      { c: s.n + 1, label: "n + 1" },
    ].filter((m) => m.c >= 1);
    return [
      {
        key: "histogram",
        label: `Sampling distribution of σ̂² with c = ${s.c}`,
        caption:
          `The ${shown.length.toLocaleString("en-US")} estimates below ${
            top.toFixed(1)
          } of ${
            Number(s.reps).toLocaleString("en-US")
          }. Dashed: the true σ² = ${s.sigma2}; solid: the average estimate. ` +
          "The distance between them is the bias; the spread of the histogram is the variance.",
        options: {
          height: 240,
          marginLeft: 56,
          x: { label: "estimate of σ² →", domain: [0, top] },
          y: { label: "↑ samples", grid: true },
          marks: [
            Plot.rectY(
              shown,
              Plot.binX<Plot.RectYOptions>({ y: "count" }, {
                x: (d: number) => d,
                thresholds: 60,
                domain: [0, top],
                fill: palette.estimate,
                fillOpacity: 0.55,
              }),
            ),
            Plot.ruleX([s.sigma2], {
              stroke: "currentColor",
              strokeDasharray: "5,3",
              strokeWidth: 2,
            }),
            Plot.ruleX([r.mean], { stroke: palette.estimate, strokeWidth: 2 }),
            Plot.ruleY([0]),
          ],
        },
      },
      {
        key: "tradeoff",
        label: "Bias², variance and MSE against the divisor c",
        caption:
          `Closed forms for Gaussian data with n = ${s.n}; the dot is the simulated MSE at c = ${s.c}. ` +
          "The vertical lines mark c = n − 1 (unbiased), n (maximum likelihood) and n + 1 (smallest MSE).",
        options: {
          height: 240,
          marginLeft: 56,
          marginRight: 70,
          x: { label: "divisor c →", domain: [cLo, cHi] },
          y: { label: "↑ squared error", domain: [0, yTop], grid: true },
          color: {
            domain: ["MSE", "bias²", "variance"],
            range: [palette.mse, palette.series[1]!, palette.series[2]!],
          },
          marks: [
            Plot.ruleX(marks, {
              x: "c",
              stroke: "currentColor",
              strokeOpacity: 0.35,
            }),
            // the three lines are a unit apart, a few pixels at a phone's width:
            // each label on a line of its own, to the right of its rule
            ...marks.map((m, i) =>
              Plot.text([m], {
                x: "c",
                text: "label",
                frameAnchor: "top",
                lineAnchor: "top",
                textAnchor: "start",
                dx: 3,
                dy: 2 + 15 * i,
                fill: "currentColor",
              })
            ),
            Plot.line(curves.filter((d) => d.value <= yTop * 1.5), {
              x: "c",
              y: "value",
              stroke: "part",
              z: "part",
              strokeWidth: 2,
              clip: true,
            }),
            // direct labels at the line ends, nudged apart
            ...ends.map((d) =>
              Plot.text([d], {
                x: "c",
                y: (e: { value: number }) => Math.min(e.value, yTop),
                text: "part",
                fill: "part",
                textAnchor: "start",
                dx: 4,
                dy: d.part === "MSE" ? -6 : d.part === "bias²" ? 6 : 0,
              })
            ),
            Plot.dot([{ c: s.c, value: r.mse }], {
              x: "c",
              y: "value",
              r: 5,
              fill: palette.mse,
              stroke: "currentColor",
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
  initial: Partial<VarianceDivisorSettings> = {},
): MountedFigure<VarianceDivisorSettings> {
  return mountFigure(figure, element, initial);
}
