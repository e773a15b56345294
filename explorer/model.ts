/**
 * What the MLE and MAP explorer computes, without the page: a sample, both estimates,
 * the curves to draw and the estimates' paths as `n` grows. Every number comes from the
 * library the notebooks use (`lib/`); this file only wires the sliders' settings to it.
 *
 * @module
 */

import { RandomState } from "../lib/random.ts";
import {
  bernoulliLogLikelihood,
  fitBernoulli,
  fitNormal,
  normalLogLikelihood,
  normalLogPdf,
} from "../lib/distributions.ts";
import { betaBernoulliPosterior } from "../lib/fisher.ts";
import { betaPrior, normalMeanPosterior, normalPrior } from "../lib/bayes.ts";

/** The two models the explorer offers. */
export type Model = "bernoulli" | "normal";

/** The sliders' settings. */
export interface Settings {
  /** Bernoulli with a Beta prior, or a Gaussian mean with known σ and a Gaussian prior. */
  model: Model;
  /** The true parameter: the success probability `p`, or the mean `μ`. */
  theta: number;
  /** Sample size. */
  n: number;
  /** The prior's centre (its mode). */
  centre: number;
  /** The prior's strength in pseudo-observations (0: flat prior, MAP = MLE). */
  strength: number;
  /** Seed of numpy's legacy generator. */
  seed: number;
}

/** Largest sample the explorer draws; smaller `n` take its first `n` values. */
export const N_MAX = 500;

/** The known standard deviation of the Gaussian model. */
export const SIGMA = 1;

/** Horizontal range of the parameter axis, per model. */
export const PARAMETER_DOMAIN: Record<Model, [number, number]> = {
  bernoulli: [0, 1],
  normal: [-4, 4],
};

/**
 * Draws the explorer's sample of size {@link N_MAX} with numpy's legacy generator:
 * `RandomState(seed).binomial(1, p, N_MAX)` or `RandomState(seed).normal(μ, σ, N_MAX)`.
 * Both draw values one after the other, so the first `n` values are exactly what the
 * same call with size `n` returns.
 *
 * @param s The settings (model, theta, seed are used).
 * @returns The sample.
 */
export function drawSample(s: Settings): Float64Array {
  const rs = new RandomState(s.seed);
  return s.model === "bernoulli"
    ? rs.binomial(1, s.theta, N_MAX)
    : rs.normal(s.theta, SIGMA, N_MAX);
}

/** Both estimates for one sample. */
export interface Estimates {
  mle: number;
  map: number;
  /** Posterior mean and standard deviation. */
  posteriorMean: number;
  posteriorSd: number;
}

/**
 * The MLE and the MAP estimate (posterior mode) for a sample under the settings' prior.
 *
 * @param x The sample (at least one value).
 * @param s The settings (model, centre, strength are used).
 * @returns The estimates and the posterior's mean and standard deviation.
 */
export function estimate(x: Float64Array, s: Settings): Estimates {
  if (s.model === "bernoulli") {
    const post = betaBernoulliPosterior(
      x,
      betaPrior({ centre: s.centre, strength: s.strength }),
    );
    return {
      mle: fitBernoulli(x).p,
      map: post.mode,
      posteriorMean: post.mean,
      posteriorSd: Math.sqrt(post.variance),
    };
  }
  const post = normalMeanPosterior(x, {
    sigma: SIGMA,
    ...normalPrior({ centre: s.centre, strength: s.strength, sigma: SIGMA }),
  });
  // With σ known the MLE of μ is the sample mean, which fitNormal computes; fitNormal
  // also estimates σ and so needs two distinct values: one value is its own mean.
  const mle = x.length === 1 ? x[0]! : fitNormal(x).mu;
  return {
    mle,
    map: post.mode,
    posteriorMean: post.mean,
    posteriorSd: post.sd,
  };
}

/** One point of a curve over the parameter. */
export interface CurvePoint {
  theta: number;
  value: number;
  curve: "likelihood" | "prior" | "posterior";
}

/**
 * The likelihood, the prior and the posterior over a grid of parameter values, each
 * scaled so that its highest point is 1 (their shapes and places are what matter; their
 * heights differ by orders of magnitude). The posterior is computed pointwise as
 * likelihood × prior, Bayes' rule itself, so its peak checks the conjugate MAP.
 *
 * @param x The sample.
 * @param s The settings.
 * @param points Grid size.
 * @returns The three curves' points.
 */
export function curves(
  x: Float64Array,
  s: Settings,
  points = 801,
): CurvePoint[] {
  const [lo, hi] = PARAMETER_DOMAIN[s.model];
  const thetas = Array.from(
    { length: points },
    (_, i) => lo + (hi - lo) * i / (points - 1),
  );
  let logLik: (t: number) => number;
  let logPrior: (t: number) => number;
  if (s.model === "bernoulli") {
    const { a, b } = betaPrior({ centre: s.centre, strength: s.strength });
    logLik = (t) => bernoulliLogLikelihood(x, t);
    // The Beta(a, b) density up to its constant: only the shape is drawn.
    const term = (w: number, v: number) => (w === 0 ? 0 : w * Math.log(v));
    logPrior = (t) => term(a - 1, t) + term(b - 1, 1 - t);
  } else {
    const { priorMean, priorSd } = normalPrior({
      centre: s.centre,
      strength: s.strength,
      sigma: SIGMA,
    });
    logLik = (t) => normalLogLikelihood(x, t, SIGMA);
    logPrior = (
      t,
    ) => (priorSd === Infinity ? 0 : normalLogPdf(t, priorMean, priorSd));
  }
  const ll = thetas.map(logLik);
  const lp = thetas.map(logPrior);
  const lpost = ll.map((v, i) => v + lp[i]!);
  const scaled = (logs: number[]) => {
    const top = Math.max(...logs.filter((v) => Number.isFinite(v)));
    return logs.map((v) => (Number.isFinite(v) ? Math.exp(v - top) : 0));
  };
  const out: CurvePoint[] = [];
  const add = (curve: CurvePoint["curve"], values: number[]) =>
    values.forEach((value, i) => out.push({ theta: thetas[i]!, value, curve }));
  add("prior", scaled(lp));
  add("likelihood", scaled(ll));
  add("posterior", scaled(lpost));
  return out;
}

/** The estimates after each of the first `nMax` observations. */
export interface PathPoint {
  n: number;
  value: number;
  estimate: "MLE" | "MAP";
}

/**
 * The MLE and the MAP estimate after 1, 2, ..., `nMax` observations of the sample.
 *
 * @param x The full sample.
 * @param s The settings.
 * @param nMax How far to go.
 * @returns Two points per `n`.
 */
export function paths(
  x: Float64Array,
  s: Settings,
  nMax = x.length,
): PathPoint[] {
  const out: PathPoint[] = [];
  for (let n = 1; n <= nMax; n++) {
    const e = estimate(x.subarray(0, n), s);
    out.push({ n, value: e.mle, estimate: "MLE" }, {
      n,
      value: e.map,
      estimate: "MAP",
    });
  }
  return out;
}
