/**
 * Extreme but legitimate inputs (issue 7): logits of ±1e4, probabilities of exactly
 * 0 and 1, data of 1e9 plus unit noise, near-collinear designs, and samples of one
 * observation. Each gets an exact answer or a clear error, never NaN or garbage.
 */

import assert from "node:assert/strict";
import * as lib from "../lib/mod.ts";

const EPS = Number.EPSILON;

function close(actual: number, expected: number, rel: number, what = "") {
  const tol = rel * Math.max(1, Math.abs(expected));
  assert.ok(
    Math.abs(actual - expected) <= tol,
    `${what}: ${actual} differs from ${expected} by more than ${tol}`,
  );
}

// ---------------------------------------------------------------------------------
// Logits of ±1e4: exp overflows, the log-sum-exp must not

Deno.test("crossEntropy() is exact for logits of ±1e4 (exp(1e4) alone overflows)", () => {
  assert.equal(lib.crossEntropy([[1e4, -1e4]], [1]), 2e4);
  assert.equal(lib.crossEntropy([[1e4, -1e4]], [0]), 0);
  assert.equal(lib.crossEntropy([[1e4, 1e4]], [0]), Math.LN2);
  assert.equal(lib.crossEntropy([[-1e4, -1e4, -1e4]], [2]), Math.log(3));
  assert.equal(
    lib.crossEntropy([[1e4, -1e4], [-1e4, 1e4]], [1, 1], { reduction: "sum" }),
    2e4,
  );
});

Deno.test("logSumExp(), softmax() and logSoftmax() are exact for logits of ±1e4", () => {
  assert.equal(lib.logSumExp([1e4, 1e4]), 1e4 + Math.LN2);
  assert.equal(lib.logSumExp([-1e4, -1e4]), -1e4 + Math.LN2);
  assert.deepEqual(lib.softmax([1e4, -1e4]), new Float64Array([1, 0]));
  assert.deepEqual(lib.softmax([1e4, 1e4]), new Float64Array([0.5, 0.5]));
  assert.deepEqual(lib.logSoftmax([1e4, -1e4]), new Float64Array([0, -2e4]));
});

Deno.test("binaryCrossEntropyWithLogits() and sigmoid() are exact at logits of ±1e4", () => {
  const bce = (z: number, y: number) =>
    lib.binaryCrossEntropyWithLogits([z], [y]);
  assert.equal(bce(1e4, 0), 1e4);
  assert.equal(bce(-1e4, 0), 0);
  assert.equal(bce(1e4, 1), 0);
  assert.equal(bce(-1e4, 1), 1e4);
  assert.equal(lib.sigmoid(1e4), 1);
  assert.equal(lib.sigmoid(-1e4), 0);
  assert.deepEqual(lib.sigmoid([1e4, -1e4, 0]), new Float64Array([1, 0, 0.5]));
});

// ---------------------------------------------------------------------------------
// Probabilities of exactly 0 and 1

Deno.test("binaryCrossEntropy() at probabilities 0 and 1: clipped by eps, clamped at 100, or exactly Infinity as documented", () => {
  // Default eps 1e-15: −log(1e-15).
  close(lib.binaryCrossEntropy([1], [0]), -Math.log(1e-15), 1e-15, "eps");
  assert.equal(lib.binaryCrossEntropy([1], [0], { clampLog: true }), 100);
  // JSDoc: "With `eps: 0` and `clampLog: false` the loss is exact and may be Infinity".
  assert.equal(lib.binaryCrossEntropy([1], [0], { eps: 0 }), Infinity);
  assert.equal(lib.binaryCrossEntropy([1, 0], [1, 0], { eps: 0 }), 0);
});

Deno.test("Bernoulli and categorical log-probabilities are exact at p = 0 and p = 1", () => {
  assert.equal(lib.bernoulliLogPmf(1, 0), -Infinity);
  assert.equal(lib.bernoulliLogPmf(0, 0), 0);
  assert.equal(lib.bernoulliLogPmf(1, 1), 0);
  assert.equal(lib.bernoulliLogPmf(0, 1), -Infinity);
  assert.equal(lib.bernoulliLogLikelihood([1, 1, 1], 1), 0);
  assert.equal(lib.bernoulliLogLikelihood([0, 1], 1), -Infinity);
  assert.equal(lib.categoricalLogPmf(0, [1, 0]), 0);
  assert.equal(lib.categoricalLogPmf(1, [1, 0]), -Infinity);
  assert.equal(lib.categoricalLogLikelihood([0, 0], [1, 0]), 0);
});

Deno.test("fitBernoulli() on all ones gives p̂ = 1 with zero standard error and log-likelihood 0", () => {
  const fit = lib.fitBernoulli([1, 1, 1]);
  assert.equal(fit.p, 1);
  assert.equal(fit.standardErrors.p, 0);
  assert.equal(fit.logLikelihood, 0);
  const zeros = lib.fitBernoulli([0, 0]);
  assert.equal(zeros.p, 0);
  assert.equal(zeros.logLikelihood, 0);
});

Deno.test("Fisher information and the Cramér–Rao bound refuse p = 0 and p = 1 with a clear error", () => {
  for (const p of [0, 1]) {
    assert.throws(
      () => lib.fisherInformationBernoulli(p),
      /fisherInformationBernoulli\(\): p must be strictly between 0 and 1/,
    );
    assert.throws(
      () => lib.crbBernoulli(p, 10),
      /crbBernoulli\(\): p must be strictly between 0 and 1/,
    );
  }
});

Deno.test("binomial() with p = 0 or 1 and choice() with zero-probability entries are exact", () => {
  const rs = new lib.RandomState(0);
  assert.ok(rs.binomial(10, 0, 100).every((k) => k === 0));
  assert.ok(rs.binomial(10, 1, 100).every((k) => k === 10));
  const picks = rs.choice(3, 1000, { p: [0, 1, 0] });
  assert.ok(picks.every((k) => k === 1));
});

Deno.test("incomplete beta functions and the Beta posterior are exact at the ends of [0, 1]", () => {
  assert.equal(lib.betainc(2, 3, 0), 0);
  assert.equal(lib.betainc(2, 3, 1), 1);
  assert.equal(lib.betaincinv(2, 3, 0), 0);
  assert.equal(lib.betaincinv(2, 3, 1), 1);
  const post = lib.betaBernoulliPosterior([1, 1, 1, 1]);
  assert.equal(post.mode, 1); // a = 5 > 1 = b: the mode is at 1
  const [lo, hi] = post.credibleInterval(0.95);
  assert.ok(lo > 0 && hi < 1 && lo < hi);
  // I_hi(5, 1) = hi⁵ = 0.975 exactly in exact arithmetic.
  close(hi ** 5, 0.975, 1e-12, "upper quantile");
});

Deno.test("quantile() at q = 0 and q = 1 is the minimum and the maximum", () => {
  const x = [3, -1, 7, 2];
  assert.equal(lib.quantile(x, 0), -1);
  assert.equal(lib.quantile(x, 1), 7);
  assert.deepEqual(lib.quantile(x, [0, 1]), new Float64Array([-1, 7]));
});

// ---------------------------------------------------------------------------------
// 1e9 plus unit noise: catastrophic cancellation in naive formulas

/** Unit noise on a 2^-20 grid, so that 1e9 + z is exact (ulp(1e9) = 2^-23). */
function offsetSample(n = 1000): { z: number[]; x: number[] } {
  const rs = new lib.RandomState(1);
  const z = Array.from(
    rs.normal(0, 1, n),
    (v) => Math.round(v * 2 ** 20) / 2 ** 20,
  );
  return { z, x: z.map((v) => 1e9 + v) };
}

Deno.test("variance(), std() and cov() of 1e9 + unit noise equal those of the noise to 1e-15", () => {
  const { z, x } = offsetSample();
  close(lib.variance(x), lib.variance(z), 1e-15, "variance");
  close(
    lib.variance(x, { ddof: 1 }),
    lib.variance(z, { ddof: 1 }),
    1e-15,
    "ddof 1",
  );
  close(lib.std(x), lib.std(z), 1e-15, "std");
  close(lib.cov(x, x), lib.variance(z, { ddof: 1 }), 1e-15, "cov");
  close(lib.fitNormal(x).sigma, lib.std(z), 1e-15, "fitNormal sigma");
});

Deno.test("mean() and median() of 1e9 + unit noise are within half an ulp of 1e9 + those of the noise", () => {
  const { z, x } = offsetSample();
  const halfUlp = 2 ** -24;
  assert.ok(Math.abs(lib.mean(x) - (1e9 + lib.mean(z))) <= halfUlp);
  assert.equal(lib.median(x) - 1e9, lib.median(z)); // exact: grid values
});

Deno.test("samplingSummary() of estimates near 1e9 keeps the spread to 1e-12 (numpy's pairwise sums)", () => {
  const { z, x } = offsetSample();
  const s = lib.samplingSummary(x, 1e9);
  close(s.variance, lib.variance(z), 1e-12, "variance");
  // The mean itself is rounded to the grid of doubles near 1e9 (half an ulp, 6e-8),
  // which moves bias² by up to 2·|bias|·6e-8.
  assert.ok(
    Math.abs(s.mse - (s.bias ** 2 + s.variance)) <=
      2 * Math.abs(s.bias) * 2 ** -24 + 1e-15 * s.mse,
  );
});

Deno.test("ols() recovers an exact line whose feature is offset by 1e9", () => {
  const t = Array.from({ length: 50 }, (_, i) => i);
  const fit = lib.ols(t.map((v) => [1e9 + v]), t.map((v) => 2 * v + 3));
  close(fit.coef[0]!, 2, 1e-13, "slope");
  close(fit.intercept, 3 - 2e9, 1e-13, "intercept");
  assert.ok(fit.rss < 1e-12);
});

Deno.test("normalMeanPosterior() is exact for observations at 1e9 ± 1", () => {
  const post = lib.normalMeanPosterior([1e9 + 1, 1e9 - 1], {
    sigma: 1,
    priorMean: 1e9,
    priorSd: 1,
  });
  assert.equal(post.mean, 1e9);
  close(post.sd, Math.sqrt(1 / 3), 1e-15, "sd");
});

// ---------------------------------------------------------------------------------
// Near-collinear designs

/** Two columns equal up to 1e-10: singular values 3.2 and 1.4e-10. */
const NEAR = [[1, 1], [2, 2 + 1e-10], [3, 3 - 1e-10], [4, 4 + 2e-10]];
const NEAR_Y = [1, 2, 3, 4.1];

Deno.test("ols() on a near-collinear design keeps both directions (rank 2) and fits as well as any solution", () => {
  const fit = lib.ols(NEAR, NEAR_Y);
  assert.equal(fit.rank, 2);
  assert.ok(fit.coef.every(Number.isFinite));
  // Least squares: no other coefficients fit better, e.g. the stable ridge ones.
  const r = lib.ridge(NEAR, NEAR_Y, { alpha: 1e-3 });
  const rss = (coef: Float64Array, b: number) =>
    NEAR.reduce(
      (s, row, i) =>
        s + (NEAR_Y[i]! - row[0]! * coef[0]! - row[1]! * coef[1]! - b) ** 2,
      0,
    );
  assert.ok(fit.rss <= rss(r.coef, r.intercept) * (1 + 1e-6));
});

Deno.test("ols() with rcond above the tiny singular value drops it: the stable minimum-norm fit", () => {
  const fit = lib.ols(NEAR, NEAR_Y, { rcond: 1e-8 });
  assert.equal(fit.rank, 1);
  // Minimum norm splits the common slope equally between the two copies.
  close(fit.coef[0]!, fit.coef[1]!, 1e-6, "equal split");
  close(fit.coef[0]! + fit.coef[1]!, 1.03, 1e-6, "total slope");
});

Deno.test("ridge() on a near-collinear design is stable and splits the weight equally", () => {
  const r = lib.ridge(NEAR, NEAR_Y, { alpha: 1e-3 });
  assert.equal(r.solver, "primal");
  close(r.coef[0]!, r.coef[1]!, 1e-6, "equal split");
  assert.ok(Math.abs(r.coef[0]!) < 1);
  // alpha = 0 on exactly collinear columns falls back to the minimum-norm solution.
  const exact = lib.ridge([[1, 1], [2, 2], [3, 3]], [1, 2, 3.5], { alpha: 0 });
  assert.equal(exact.solver, "lstsq");
  close(exact.coef[0]!, exact.coef[1]!, 1e-12, "lstsq split");
});

Deno.test("lasso() on duplicated columns converges and keeps one copy", () => {
  const fit = lib.lasso([[1, 1], [2, 2], [3, 3], [4, 4]], [1, 2, 3, 4.1], {
    alpha: 0.01,
  });
  assert.ok(fit.converged);
  assert.ok(fit.coef.every(Number.isFinite));
  close(fit.coef[0]! + fit.coef[1]!, 1.022, 1e-9, "total slope");
});

Deno.test("solve() and inv() are accurate to cond·eps on a near-singular matrix and refuse one singular to working precision", () => {
  const A = lib.Matrix.from([[1, 1], [1, 1 + 1e-10]]); // cond ≈ 4e10
  const Ai = lib.inv(A);
  const I = lib.matmul(Ai, A);
  for (let i = 0; i < 2; i++) {
    for (let j = 0; j < 2; j++) {
      assert.ok(Math.abs(I.get(i, j) - (i === j ? 1 : 0)) < 4e10 * EPS * 10);
    }
  }
  const B = lib.Matrix.from([[1, 1], [1, 1 + 2 ** -52]]); // cond ≈ 1.8e16
  assert.throws(
    () => lib.inv(B),
    /inv\(\): A is singular to working precision/,
  );
  assert.throws(() => lib.solve(B, [1, 2]), /solve\(\): A is singular/);
});

Deno.test("logisticRegression() with duplicated columns reports a singular Hessian instead of returning garbage", () => {
  const X = [[1, 1], [2, 2], [3, 3], [4, 4], [2.5, 2.5]];
  const fit = lib.logisticRegression(X, [0, 1, 0, 1, 1], { method: "newton" });
  assert.equal(fit.converged, false);
  assert.match(fit.message, /Hessian XᵀWX became singular/);
  assert.ok(fit.coef.every(Number.isFinite));
  // Documented: "NaN when the information is singular".
  assert.ok(fit.standardErrors.coef.every(Number.isNaN));
});

// ---------------------------------------------------------------------------------
// n = 1

Deno.test("one observation: mean, median, quantile, sum and variance (ddof 0) are exact", () => {
  assert.equal(lib.mean([7]), 7);
  assert.equal(lib.median([7]), 7);
  assert.equal(lib.quantile([7], 0.3), 7);
  assert.equal(lib.sum([7]), 7);
  assert.equal(lib.variance([7]), 0);
  assert.equal(lib.std([7]), 0);
  assert.equal(lib.cov([7], [3], { ddof: 0 }), 0);
  assert.deepEqual(lib.cumulativeMean([7]), new Float64Array([7]));
});

Deno.test("one observation: ddof = 1 estimates and MLE fits of a scale refuse with a clear error", () => {
  assert.throws(
    () => lib.variance([7], { ddof: 1 }),
    /variance\(\): ddof must be less than the sample size \(ddof=1, n=1\)/,
  );
  assert.throws(
    () => lib.std([7], { ddof: 1 }),
    /std\(\): ddof must be less than the sample size/,
  );
  assert.throws(
    () => lib.cov([7], [3]),
    /cov\(\): ddof must be less than the sample size \(ddof=1, n=1\)/,
  );
  assert.throws(
    () => lib.fitNormal([7]),
    /fitNormal\(\): x must hold at least two distinct values/,
  );
  assert.throws(
    () => lib.fitLaplace([7]),
    /fitLaplace\(\): x must hold at least two distinct values/,
  );
  assert.throws(
    () => lib.huberRegression([[2]], [3]),
    /huberRegression\(\): the MAD scale estimate became 0/,
  );
});

Deno.test("one observation: likelihoods, posteriors and bounds are the single-term values", () => {
  assert.equal(
    lib.normalLogLikelihood([1.5], 0, 2),
    lib.normalLogPdf(1.5, 0, 2),
  );
  assert.equal(
    lib.laplaceLogLikelihood([1.5], 0, 2),
    lib.laplaceLogPdf(1.5, 0, 2),
  );
  assert.equal(lib.fitBernoulli([1]).p, 1);
  assert.equal(lib.crbNormalMean(4, 1), 4);
  assert.equal(lib.empiricalFisher([3]), 9);
  const post = lib.normalMeanPosterior([2], {
    sigma: 1,
    priorMean: 0,
    priorSd: 1,
  });
  assert.equal(post.mean, 1);
  assert.equal(post.sd, Math.SQRT1_2);
  const s = lib.samplingSummary([2], 1);
  assert.equal(s.mse, 1);
  assert.equal(s.variance, 0);
  assert.ok(Number.isNaN(s.standardError)); // documented: "NaN for one estimate"
  assert.deepEqual(lib.linspace(2, 5, 1), new Float64Array([2]));
});

Deno.test("one observation: ols, ridge and lasso with an intercept predict it exactly with zero slope", () => {
  const o = lib.ols([[2]], [3]);
  assert.deepEqual([o.coef[0], o.intercept, o.rank, o.rss], [0, 3, 0, 0]);
  const r = lib.ridge([[2]], [3]);
  assert.deepEqual([r.coef[0], r.intercept], [0, 3]);
  const l = lib.lasso([[2]], [3]);
  assert.deepEqual([l.coef[0], l.intercept, l.converged], [0, 3, true]);
  assert.equal(lib.lassoAlphaMax([[2]], [3]), 0);
  // Without an intercept the one equation 2w = 3 is solved exactly.
  close(lib.ols([[2]], [3], { fitIntercept: false }).coef[0]!, 1.5, 1e-15, "w");
  const lad = lib.lad([[2]], [3]);
  assert.ok(Math.abs(lad.residuals[0]!) < 1e-12);
});

Deno.test("one observation: logistic regression reports separation instead of a spurious estimate", () => {
  const gd = lib.logisticRegression([[1]], [1], { epochs: 50 });
  assert.equal(gd.converged, false);
  assert.match(gd.message, /perfect separation/);
  assert.ok(Number.isFinite(gd.coef[0]!) && Number.isFinite(gd.loss));
  const newton = lib.logisticRegression([[1]], [1], { method: "newton" });
  assert.equal(newton.converged, false);
});

Deno.test("one-by-one systems and one-element draws are exact", () => {
  const A = lib.Matrix.from([[4]]);
  assert.deepEqual(lib.solve(A, [2]), new Float64Array([0.5]));
  assert.deepEqual(lib.inv(A).toArray(), [[0.25]]);
  assert.deepEqual(lib.cholesky(A).toArray(), [[2]]);
  assert.deepEqual(lib.lstsq(A, [2]).x, new Float64Array([0.5]));
  const rs = new lib.RandomState(0);
  assert.deepEqual(rs.permutation(1), new Float64Array([0]));
  assert.deepEqual(rs.choice(1, 3), new Float64Array([0, 0, 0]));
});
