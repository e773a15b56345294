/**
 * The MLE and MAP explorer as a figure of the shared framework (for chapter 04, where
 * MAP is taught, or the explorer's own page): a sample from a model whose parameter
 * the reader chooses, the likelihood, the prior and the posterior, the MLE and the MAP
 * estimate, and both estimates as n grows. The numbers are the explorer's own
 * (`explorer/model.ts`, which calls the library): `RandomState(seed).binomial(1, p,
 * 500)` or `.normal(μ, 1, 500)`, its first n values, a Beta or Gaussian prior of a
 * given strength in pseudo-observations.
 *
 * @module
 */

import * as Plot from "@observablehq/plot";
import type { FigureDefinition, MountedFigure } from "./_framework.ts";
import { mountFigure, seedControl } from "./_framework.ts";
import {
  curves,
  drawSample,
  estimate,
  type Estimates,
  type Model,
  N_MAX,
  PARAMETER_DOMAIN,
  paths,
  type Settings as ModelSettings,
  SIGMA,
} from "../explorer/model.ts";
import { palette } from "./_style.ts";

/** The figure's settings. */
export interface MleMapSettings {
  [key: string]: number | string;
  /** `"bernoulli"` (Beta prior) or `"normal"` (σ = 1 known, Gaussian prior). */
  model: string;
  /** True p of the Bernoulli. */
  p: number;
  /** True μ of the Gaussian. */
  mu: number;
  /** Sample size. */
  n: number;
  /** The Beta prior's mode. */
  centreP: number;
  /** The Gaussian prior's mean. */
  centreMu: number;
  /** Prior strength in pseudo-observations (0: flat, MAP = MLE). */
  strength: number;
  /** Seed of numpy's legacy generator. */
  seed: number;
}

/** What {@link compute} returns. */
export interface MleMapResult extends Estimates {
  /** The first n values of the sample. */
  sample: Float64Array;
  /** The three curves, each scaled to a peak of 1. */
  curves: ReturnType<typeof curves>;
  /** MLE and MAP after 1, 2, ..., 500 observations. */
  paths: ReturnType<typeof paths>;
}

/** The explorer's default settings. */
export const defaults: MleMapSettings = {
  model: "bernoulli",
  p: 0.3,
  mu: 1,
  n: 20,
  centreP: 0.5,
  centreMu: 0,
  strength: 10,
  seed: 42,
};

/**
 * The explorer's own settings (`explorer/model.ts`) for these.
 *
 * @example
 * ```ts
 * import { defaults, modelSettings } from "./mle_map.ts";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual(modelSettings({ ...defaults, model: "normal" }), {
 *   model: "normal", theta: 1, n: 20, centre: 0, strength: 10, seed: 42,
 * });
 * ```
 */
export function modelSettings(s: MleMapSettings): ModelSettings {
  const bernoulli = s.model === "bernoulli";
  return {
    model: (bernoulli ? "bernoulli" : "normal") as Model,
    theta: bernoulli ? s.p : s.mu,
    n: s.n,
    centre: bernoulli ? s.centreP : s.centreMu,
    strength: s.strength,
    seed: s.seed,
  };
}

let cache:
  | { key: string; full: Float64Array; paths: MleMapResult["paths"] }
  | undefined;

/**
 * The figure's numbers for `s`, from the explorer's model (the library).
 *
 * @example
 * ```ts
 * import { compute, defaults } from "./mle_map.ts";
 * import assert from "node:assert/strict";
 *
 * const flat = compute({ ...defaults, strength: 0 });
 * assert.equal(flat.map, flat.mle); // a flat prior: MAP = MLE
 * ```
 */
export function compute(s: MleMapSettings): MleMapResult {
  const m = modelSettings(s);
  const key = `${m.model}|${m.theta}|${m.centre}|${m.strength}|${m.seed}`;
  if (cache?.key !== key) {
    const full = drawSample(m);
    cache = { key, full, paths: paths(full, m) };
  }
  const sample = cache.full.subarray(0, s.n);
  return {
    ...estimate(sample, m),
    sample,
    curves: curves(sample, m),
    paths: cache.paths,
  };
}

const bernoulli = (s: MleMapSettings) => s.model === "bernoulli";
const normal = (s: MleMapSettings) => s.model === "normal";

/** The figure: controls, numbers and charts. */
export const figure: FigureDefinition<MleMapSettings, MleMapResult> = {
  name: "mle-map",
  chapter: "04",
  title: "MLE and MAP: a prior's pull and how data outweigh it",
  lead:
    "Draw a sample from a model whose true parameter you choose and compare the " +
    "maximum-likelihood estimate with the MAP estimate under a prior you choose. Raise n " +
    "and watch the prior's pull fade; change the seed and watch both estimates wobble.",
  defaults,
  controls: [
    {
      kind: "select",
      key: "model",
      label: "model",
      options: [
        { value: "bernoulli", label: "Bernoulli, Beta prior" },
        {
          value: "normal",
          label: "Gaussian mean, σ = 1 known, Gaussian prior",
        },
      ],
    },
    {
      kind: "range",
      key: "p",
      label: "true p",
      min: 0.01,
      max: 0.99,
      step: 0.01,
      format: (v) => v.toFixed(2),
      visible: bernoulli,
    },
    {
      kind: "range",
      key: "mu",
      label: "true μ",
      min: -3,
      max: 3,
      step: 0.05,
      format: (v) => v.toFixed(2),
      visible: normal,
    },
    {
      kind: "range",
      key: "n",
      label: "sample size n",
      min: 1,
      max: N_MAX,
      step: 1,
    },
    {
      kind: "range",
      key: "centreP",
      label: "prior centre (mode)",
      min: 0,
      max: 1,
      step: 0.01,
      format: (v) => v.toFixed(2),
      visible: bernoulli,
    },
    {
      kind: "range",
      key: "centreMu",
      label: "prior mean",
      min: -3,
      max: 3,
      step: 0.05,
      format: (v) => v.toFixed(2),
      visible: normal,
    },
    {
      kind: "range",
      key: "strength",
      label: "prior strength (pseudo-observations)",
      min: 0,
      max: 200,
      step: 1,
    },
    seedControl(),
  ],
  compute,
  readings: (r) => [
    { key: "mle", label: "MLE", value: r.mle, spec: ".4f" },
    { key: "map", label: "MAP", value: r.map, spec: ".4f" },
    {
      key: "posterior-mean",
      label: "posterior mean",
      value: r.posteriorMean,
      spec: ".4f",
    },
    {
      key: "posterior-sd",
      label: "posterior sd",
      value: r.posteriorSd,
      spec: ".4f",
    },
  ],
  charts: (r, s) => {
    const m = modelSettings(s);
    const sym = m.model === "bernoulli" ? "p" : "μ";
    const domain = PARAMETER_DOMAIN[m.model];
    const colour = {
      domain: ["likelihood", "prior", "posterior"],
      range: [palette.estimate, palette.prior, palette.posterior],
      legend: true,
    };
    let ones = 0;
    for (const v of r.sample) ones += v;
    return [
      {
        key: "curves",
        label: `Likelihood, prior and posterior of ${sym}`,
        caption:
          (m.model === "bernoulli"
            ? `${ones} ones and ${s.n - ones} zeros in n = ${s.n} trials. `
            : `n = ${s.n} draws from N(μ = ${
              m.theta.toFixed(2)
            }, σ = ${SIGMA}). `) +
          "Each curve is scaled to a peak of 1. Dotted: the true value; the blue line marks the MLE " +
          "(the likelihood's peak), the purple line the MAP estimate (the posterior's peak).",
        options: {
          height: 260,
          marginLeft: 48,
          x: { domain, label: `${sym} →` },
          y: { domain: [0, 1.05], label: "↑ scaled to peak 1", ticks: 4 },
          color: colour,
          marks: [
            Plot.ruleY([0]),
            Plot.line(r.curves, {
              x: "theta",
              y: "value",
              z: "curve",
              stroke: "curve",
              strokeWidth: 2,
            }),
            Plot.ruleX([m.theta], {
              stroke: "currentColor",
              strokeDasharray: "2,3",
            }),
            Plot.ruleX([r.mle], { stroke: palette.estimate, strokeWidth: 1.5 }),
            Plot.ruleX([r.map], {
              stroke: palette.posterior,
              strokeWidth: 1.5,
            }),
          ],
        },
      },
      {
        key: "paths",
        label: "MLE and MAP as n grows",
        caption:
          `Both estimates after the first 1, 2, …, ${N_MAX} draws of this seed (log scale). ` +
          "The grey line is the current n, the dotted line the true value.",
        options: {
          height: 220,
          marginLeft: 48,
          x: { type: "log", domain: [1, N_MAX], label: "sample size n →" },
          y: { domain, label: `↑ estimate of ${sym}`, ticks: 5 },
          color: {
            domain: ["MLE", "MAP"],
            range: [palette.estimate, palette.posterior],
            legend: true,
          },
          marks: [
            Plot.ruleY([m.theta], {
              stroke: "currentColor",
              strokeDasharray: "2,3",
            }),
            Plot.ruleX([s.n], { stroke: "currentColor", strokeOpacity: 0.4 }),
            Plot.line(r.paths, {
              x: "n",
              y: "value",
              stroke: "estimate",
              strokeWidth: 1.75,
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
  initial: Partial<MleMapSettings> = {},
): MountedFigure<MleMapSettings> {
  return mountFigure(figure, element, initial);
}
