/**
 * Chapter 05's figure: the sampling distribution of an estimator of a Gaussian mean
 * θ (σ = 1 known) against the normal law `N(θ, 1/(nI))` that the Cramér–Rao bound and
 * the MLE's asymptotics predict, and its variance × nI: 1 for the mean (efficient),
 * about π/2 for the median, and below 1 at θ = 0 for Hodges' superefficient estimator
 * (which pays for it near `|θ| = n^(-1/4)`).
 *
 * Draws: `monteCarlo(reps, () => rs.normal(θ, 1, n), ...)` with
 * `rs = RandomState(seed)`, as the notebook; `I = fisherInformationNormalMean(1)`.
 *
 * @module
 */

import * as Plot from "@observablehq/plot";
import type { FigureDefinition, MountedFigure } from "./_framework.ts";
import { mountFigure, seedControl } from "./_framework.ts";
import {
  fisherInformationNormalMean,
  linspace,
  mean,
  median,
  monteCarlo,
  normalPdf,
  RandomState,
  samplingSummary,
} from "./_lib.ts";
import { palette } from "./_style.ts";

/** The figure's settings. */
export interface EfficiencySettings {
  [key: string]: number | string;
  /** `"mean"`, `"median"` or `"hodges"`. */
  estimator: string;
  /** Sample size. */
  n: number;
  /** True mean θ. */
  theta: number;
  /** Number of simulated samples ("1000", "4000"). */
  reps: string;
  /** Seed of numpy's legacy generator. */
  seed: number;
}

/** What {@link compute} returns. */
export interface EfficiencyResult {
  /** The chosen estimator's values, one per simulated sample. */
  estimates: Float64Array;
  /** Their average. */
  mean: number;
  /** Their variance (np.var). */
  variance: number;
  /** Their mean squared error around θ. */
  mse: number;
  /** Fisher information of the sample, n·I. */
  nI: number;
  /** variance × nI: 1 at the Cramér–Rao bound. */
  varianceTimesNI: number;
  /** MSE × nI. */
  mseTimesNI: number;
}

/**
 * Hodges' estimator: the sample mean, set to 0 when it is below `n^(-1/4)` in size.
 *
 * @example
 * ```ts
 * import { hodges } from "./efficiency.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(hodges(Float64Array.of(0.1, -0.05, 0.2, 0.1)), 0); // |0.0875| < 4^(-1/4)
 * assert.equal(hodges(Float64Array.of(1, 2, 3, 2)), 2);
 * ```
 */
export function hodges(x: Float64Array): number {
  const m = mean(x);
  return Math.abs(m) < x.length ** -0.25 ? 0 : m;
}

/** The default settings. */
export const defaults: EfficiencySettings = {
  estimator: "mean",
  n: 50,
  theta: 0,
  reps: "2000",
  seed: 0,
};

const ESTIMATORS: Record<string, (x: Float64Array) => number> = {
  mean,
  median,
  hodges,
};

let cache: { key: string; estimates: Float64Array } | undefined;

/**
 * The figure's numbers for `s`, from the library.
 *
 * @example
 * ```ts
 * import { compute, defaults } from "./efficiency.ts";
 * import assert from "node:assert/strict";
 *
 * const r = compute({ ...defaults, estimator: "median" });
 * assert.ok(r.varianceTimesNI > 1.3 && r.varianceTimesNI < 1.9); // ≈ π/2
 * ```
 */
export function compute(s: EfficiencySettings): EfficiencyResult {
  const key = `${s.estimator}|${s.seed}|${s.n}|${s.theta}|${s.reps}`;
  if (cache?.key !== key) {
    const rs = new RandomState(s.seed);
    const statistic = ESTIMATORS[s.estimator] ?? mean;
    const values = monteCarlo(
      Number(s.reps),
      () => rs.normal(s.theta, 1, s.n),
      {
        estimate: statistic,
      },
    );
    cache = { key, estimates: values.estimate };
  }
  const estimates = cache.estimates;
  const sum = samplingSummary(estimates, s.theta);
  const nI = fisherInformationNormalMean(1, s.n);
  return {
    estimates,
    mean: sum.mean,
    variance: sum.variance,
    mse: sum.mse,
    nI,
    varianceTimesNI: sum.variance * nI,
    mseTimesNI: sum.mse * nI,
  };
}

const LABELS: Record<string, string> = {
  mean: "sample mean (the MLE)",
  median: "sample median",
  hodges: "Hodges' estimator",
};

/** The figure: controls, numbers and charts. */
export const figure: FigureDefinition<EfficiencySettings, EfficiencyResult> = {
  name: "efficiency",
  chapter: "05",
  title: "Three estimators of a mean against the Cramér–Rao bound",
  lead:
    "Pick an estimator and a sample size. The histogram of its estimates is drawn " +
    "against N(θ, 1/(nI)), the law of an efficient estimator; variance × nI is 1 at the " +
    "bound. The median pays about π/2; Hodges' estimator beats the bound at θ = 0 and " +
    "pays for it near |θ| = n^(−1/4).",
  defaults,
  controls: [
    {
      kind: "select",
      key: "estimator",
      label: "estimator",
      options: [
        { value: "mean", label: LABELS.mean! },
        { value: "median", label: LABELS.median! },
        { value: "hodges", label: LABELS.hodges! },
      ],
    },
    {
      kind: "range",
      key: "n",
      label: "sample size n",
      min: 5,
      max: 400,
      step: 1,
    },
    {
      kind: "range",
      key: "theta",
      label: "true mean θ",
      min: -1,
      max: 1,
      step: 0.01,
      format: (v) => v.toFixed(2),
    },
    {
      kind: "select",
      key: "reps",
      label: "simulated samples",
      options: [
        { value: "1000", label: "1,000" },
        { value: "2000", label: "2,000" },
        { value: "4000", label: "4,000" },
      ],
    },
    seedControl(),
  ],
  compute,
  readings: (r) => [
    { key: "mean", label: "average estimate", value: r.mean, spec: ".4f" },
    { key: "variance", label: "variance", value: r.variance, spec: ".3e" },
    {
      key: "variance-nI",
      label: "variance × nI",
      value: r.varianceTimesNI,
      spec: ".3f",
    },
    { key: "mse-nI", label: "MSE × nI", value: r.mseTimesNI, spec: ".3f" },
  ],
  charts: (r, s) => {
    const sd = 1 / Math.sqrt(r.nI);
    const lo = s.theta - 5 * sd, hi = s.theta + 5 * sd;
    const xs = Array.from(linspace(lo, hi, 201));
    const density = xs.map((x) => ({ x, y: normalPdf(x, s.theta, sd) }));
    const shown = Array.from(r.estimates).filter((v) => v >= lo && v <= hi);
    const top = Math.max(...density.map((d) => d.y));
    return [{
      key: "histogram",
      label: `Sampling distribution of the ${LABELS[s.estimator]}`,
      caption:
        `Bars: ${
          Number(s.reps).toLocaleString("en-US")
        } estimates from samples of n = ${s.n}, as a density. ` +
        "Curve: N(θ, 1/(nI)), the law of an efficient estimator. Dashed: the true θ. " +
        "A histogram wider than the curve has a variance above the bound.",
      options: {
        height: 260,
        marginLeft: 56,
        x: { label: "estimate →", domain: [lo, hi] },
        y: { label: "↑ density", grid: true, domain: [0, top * 1.6] },
        marks: [
          Plot.rectY(
            shown,
            Plot.binX<Plot.RectYOptions>({
              y: (bin: number[], { x1, x2 }: { x1: number; x2: number }) =>
                bin.length / (r.estimates.length * (x2 - x1)),
            }, {
              x: (d: number) => d,
              thresholds: 50,
              domain: [lo, hi],
              fill: palette.estimate,
              fillOpacity: 0.5,
              clip: true,
            }),
          ),
          Plot.line(density, {
            x: "x",
            y: "y",
            // the Gaussian law in the colour after the histogram's (both are "gaussian")
            stroke: palette.series[1]!,
            strokeWidth: 2.5,
          }),
          Plot.ruleX([s.theta], {
            stroke: "currentColor",
            strokeDasharray: "5,3",
            strokeWidth: 1.5,
          }),
          Plot.ruleY([0]),
        ],
      },
    }];
  },
};

/** Mounts the live figure in `element`. */
export function mount(
  element: HTMLElement,
  initial: Partial<EfficiencySettings> = {},
): MountedFigure<EfficiencySettings> {
  return mountFigure(figure, element, initial);
}
