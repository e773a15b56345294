/**
 * What each interactive figure (`figures/`) must show, recomputed from `lib/mod.ts`
 * without the figures' code: used by `figures_test.ts` (the demo page) and
 * `book_test.ts` (the built edition).
 *
 * @module
 */

import assert from "node:assert/strict";
import * as lib from "../lib/mod.ts";
import type { Settings } from "../figures/_framework.ts";

type Expected = Record<string, number>;

function num(s: Settings, key: string): number {
  return Number(s[key]);
}

/** Each figure's readings, recomputed from lib/mod.ts without the figure's code. */
export const REFERENCE: Record<string, (s: Settings) => Expected> = {
  "variance-divisor": (s) => {
    const n = num(s, "n"), c = num(s, "c"), sigma2 = num(s, "sigma2");
    const reps = num(s, "reps");
    const draws = new lib.RandomState(num(s, "seed")).normal(
      0,
      Math.sqrt(sigma2),
      [reps, n],
    );
    const est = Float64Array.from(
      { length: reps },
      (_, r) => lib.variance(draws.data.subarray(r * n, (r + 1) * n)) * n / c,
    );
    const sum = lib.samplingSummary(est, sigma2);
    const bias2 = ((n - 1) / c - 1) ** 2 * sigma2 ** 2;
    return {
      mean: sum.mean,
      bias2: sum.bias ** 2,
      variance: sum.variance,
      mse: sum.mse,
      "theory-mse": bias2 + 2 * (n - 1) * sigma2 ** 2 / c ** 2,
    };
  },
  "log-likelihood": (s) => {
    const rs = new lib.RandomState(num(s, "seed"));
    const n = num(s, "n");
    if (s.model === "bernoulli") {
      const x = rs.binomial(1, num(s, "p"), n);
      const fit = lib.fitBernoulli(x);
      const g = lib.grid1d(
        (p) => lib.bernoulliLogLikelihood(x, p),
        lib.linspace(0.001, 0.999, 301),
      );
      return {
        mle: fit.p,
        se: 1 / Math.sqrt(lib.fisherInformationBernoulli(fit.p, n)),
        "max-log-likelihood": fit.logLikelihood,
        "grid-argmax": g.argmax.x,
      };
    }
    const mu = num(s, "mu"), sigma = num(s, "sigma");
    const x = rs.normal(mu, sigma, n);
    const fit = lib.fitNormal(x);
    const g = lib.grid1d(
      (m) => lib.normalLogLikelihood(x, m, fit.sigma),
      lib.linspace(mu - 1.5 * sigma, mu + 1.5 * sigma, 301),
    );
    return {
      mle: fit.mu,
      "sigma-hat": fit.sigma,
      se: fit.sigma / Math.sqrt(n),
      "max-log-likelihood": fit.logLikelihood,
      "grid-argmax": g.argmax.x,
    };
  },
  "robust-lines": (s) => {
    const n = num(s, "n");
    const x = lib.linspace(0, 10, n);
    const noise = new lib.RandomState(num(s, "seed")).normal(0, 1, n);
    const y = Array.from(x, (v, i) => 1 + 0.5 * v + noise[i]!);
    y[num(s, "k") - 1]! += num(s, "shift");
    const X = Array.from(x, (v) => [v]);
    const o = lib.ols(X, y), l = lib.lad(X, y);
    const h = lib.huberRegression(X, y, { delta: num(s, "delta"), scale: 1 });
    return {
      "ols-slope": o.coef[0]!,
      "ols-intercept": o.intercept,
      "lad-slope": l.coef[0]!,
      "lad-intercept": l.intercept,
      "huber-slope": h.coef[0]!,
      "huber-intercept": h.intercept,
    };
  },
  "penalty-shapes": (s) => {
    const n = num(s, "n"), rho = num(s, "rho");
    const rs = new lib.RandomState(num(s, "seed"));
    const z = rs.randn([n, 2]);
    const e = rs.normal(0, 1, n);
    const X: number[][] = [];
    const y: number[] = [];
    for (let i = 0; i < n; i++) {
      const x1 = z.get(i, 0);
      const x2 = rho * x1 + Math.sqrt(1 - rho * rho) * z.get(i, 1);
      X.push([x1, x2]);
      y.push(2 * x1 + 0.5 * x2 + e[i]!);
    }
    const lambda = 10 ** num(s, "logLambda");
    const r = lib.ridge(X, y, { alpha: lambda, fitIntercept: false }).coef;
    const a = lib.lasso(X, y, { alpha: lambda / (2 * n), fitIntercept: false })
      .coef;
    const o = lib.ols(X, y, { fitIntercept: false }).coef;
    return {
      lambda,
      "ridge-w1": r[0]!,
      "ridge-w2": r[1]!,
      "lasso-w1": a[0]!,
      "lasso-w2": a[1]!,
      "ols-w1": o[0]!,
      "ols-w2": o[1]!,
    };
  },
  "mle-map": (s) => {
    const n = num(s, "n"), strength = num(s, "strength");
    const rs = new lib.RandomState(num(s, "seed"));
    if (s.model === "bernoulli") {
      const x = rs.binomial(1, num(s, "p"), 500).subarray(0, n);
      const post = lib.betaBernoulliPosterior(
        x,
        lib.betaPrior({ centre: num(s, "centreP"), strength }),
      );
      return {
        mle: lib.fitBernoulli(x).p,
        map: post.mode,
        "posterior-mean": post.mean,
        "posterior-sd": Math.sqrt(post.variance),
      };
    }
    const x = rs.normal(num(s, "mu"), 1, 500).subarray(0, n);
    const post = lib.normalMeanPosterior(x, {
      sigma: 1,
      ...lib.normalPrior({ centre: num(s, "centreMu"), strength, sigma: 1 }),
    });
    return {
      mle: n === 1 ? x[0]! : lib.fitNormal(x).mu,
      map: post.mode,
      "posterior-mean": post.mean,
      "posterior-sd": post.sd,
    };
  },
  efficiency: (s) => {
    const n = num(s, "n"), theta = num(s, "theta");
    const rs = new lib.RandomState(num(s, "seed"));
    const est = lib.monteCarlo(num(s, "reps"), () => rs.normal(theta, 1, n), {
      v: (x) => {
        if (s.estimator === "median") return lib.median(x);
        const m = lib.mean(x);
        return s.estimator === "hodges" && Math.abs(m) < n ** -0.25 ? 0 : m;
      },
    }).v;
    const sum = lib.samplingSummary(est, theta);
    const nI = lib.fisherInformationNormalMean(1, n);
    return {
      mean: sum.mean,
      variance: sum.variance,
      "variance-nI": sum.variance * nI,
      "mse-nI": sum.mse * nI,
    };
  },
  "gd-newton": (s) => {
    const n = num(s, "n"), rho = num(s, "rho");
    const rs = new lib.RandomState(num(s, "seed"));
    const z = rs.randn([n, 2]);
    const X = new lib.Matrix(n, 2);
    for (let i = 0; i < n; i++) {
      X.set(i, 0, z.get(i, 0));
      X.set(i, 1, rho * z.get(i, 0) + Math.sqrt(1 - rho * rho) * z.get(i, 1));
    }
    const p = lib.sigmoid(lib.matvec(X, [1.2, -0.8]));
    const u = rs.rand(n);
    const y = Array.from(p, (pi, i) => (u[i]! < pi ? 1 : 0));
    const gd = lib.logisticRegression(X, y, {
      learningRate: num(s, "lr"),
      epochs: num(s, "epochs"),
      tol: 0,
      fitIntercept: false,
    });
    const newton = lib.logisticRegression(X, y, {
      method: "newton",
      fitIntercept: false,
    });
    return {
      "gd-w1": gd.coef[0]!,
      "gd-w2": gd.coef[1]!,
      "gd-loss": lib.binaryCrossEntropyWithLogits(lib.matvec(X, gd.coef), y),
      "newton-w1": newton.coef[0]!,
      "newton-w2": newton.coef[1]!,
      "newton-loss": newton.loss,
      "newton-steps": newton.nIter,
    };
  },
};

/** Shown numbers (key → value as printed in data-value) against the reference. */
export function assertMatchesLibrary(
  name: string,
  settings: Settings,
  shown: Record<string, number>,
): void {
  const expected = REFERENCE[name]!(settings);
  assert.deepEqual(
    Object.keys(shown).sort(),
    Object.keys(expected).sort(),
    `${name}: the readings shown`,
  );
  for (const [key, want] of Object.entries(expected)) {
    const got = shown[key]!;
    // the figure and the reference call the same library functions, except that
    // gradient descent runs as the notebook's SGD loop in the figure and inside
    // logisticRegression in the reference (equal to rounding, as the notebook checks)
    const tol = key.startsWith("gd-") ? 1e-12 : 0;
    assert.ok(
      Math.abs(got - want) <= tol * Math.max(1, Math.abs(want)),
      `${name} at ${
        JSON.stringify(settings)
      }: ${key} shown ${got}, library ${want}`,
    );
  }
}
