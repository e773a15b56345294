import assert from "node:assert/strict";
import fixture from "./fixtures/distributions.json" with { type: "json" };
import {
  bernoulliLogLikelihood,
  bernoulliLogPmf,
  categoricalLogLikelihood,
  categoricalLogPmf,
  fitBernoulli,
  fitLaplace,
  fitNormal,
  laplaceLogLikelihood,
  laplaceLogPdf,
  normalLogLikelihood,
  normalLogPdf,
  normalPdf,
} from "../lib/distributions.ts";

/** |actual - expected| <= rtol |expected|; equal values (infinities too) pass. */
function assertClose(
  actual: number,
  expected: number,
  what: string,
  rtol = 1e-12,
): void {
  if (actual === expected) return;
  const diff = Math.abs(actual - expected);
  if (!(diff <= rtol * Math.abs(expected))) {
    assert.fail(
      `${what}: ${actual} differs from ${expected} by ${diff} (rtol ${rtol})`,
    );
  }
}

// --- densities ------------------------------------------------------------------

Deno.test("normalLogPdf() and normalPdf() match scipy.stats.norm", () => {
  for (const c of fixture.normal) {
    const what = `x=${c.x}, mu=${c.mu}, sigma=${c.sigma}`;
    assertClose(normalLogPdf(c.x, c.mu, c.sigma), c.logpdf, `logpdf ${what}`);
    assertClose(normalPdf(c.x, c.mu, c.sigma), c.pdf, `pdf ${what}`);
  }
});

Deno.test("laplaceLogPdf() matches scipy.stats.laplace, and stays finite where scipy's log(pdf) underflows", () => {
  for (const c of fixture.laplace) {
    const what = `x=${c.x}, mu=${c.mu}, b=${c.b}`;
    const actual = laplaceLogPdf(c.x, c.mu, c.b);
    assertClose(actual, c.logpdf, what);
    if (c.scipy !== null) {
      assertClose(actual, c.scipy, `${what} (scipy)`, 1e-13);
    }
  }
  // |x - mu| / b = 4200: scipy 1.10 returns -inf here.
  assertClose(
    laplaceLogPdf(40, -2, 0.01),
    Math.log(0.5) - 4200 - Math.log(0.01),
    "tail",
  );
});

Deno.test("bernoulliLogPmf() matches scipy.stats.bernoulli, and is -Infinity exactly where P = 0", () => {
  for (const c of fixture.bernoulli) {
    assertClose(bernoulliLogPmf(c.k, c.p), c.logpmf, `k=${c.k}, p=${c.p}`);
  }
  assert.equal(bernoulliLogPmf(1, 0), -Infinity);
  assert.equal(bernoulliLogPmf(0, 1), -Infinity);
  assert.equal(bernoulliLogPmf(0, 0), 0);
  assert.equal(bernoulliLogPmf(true, 1), 0);
});

Deno.test("categoricalLogPmf() and categoricalLogLikelihood() match scipy.stats.multinomial with n = 1", () => {
  const { probs, logpmf, sample, logLikelihood } = fixture.categorical;
  logpmf.forEach((v, k) =>
    assertClose(categoricalLogPmf(k, probs), v, `k=${k}`)
  );
  assertClose(categoricalLogLikelihood(sample, probs), logLikelihood, "sample");
  assert.equal(categoricalLogPmf(1, [1, 0]), -Infinity);
});

Deno.test("log-likelihoods are the sums of the log-densities", () => {
  const x = [0.5, -1.25, 3, 2];
  const sumOf = (f: (v: number) => number) => x.reduce((s, v) => s + f(v), 0);
  assertClose(
    normalLogLikelihood(x, 1, 2),
    sumOf((v) => normalLogPdf(v, 1, 2)),
    "normal",
  );
  assertClose(
    laplaceLogLikelihood(x, 1, 2),
    sumOf((v) => laplaceLogPdf(v, 1, 2)),
    "laplace",
  );
  const y = [1, 0, 0, 1, 1];
  assertClose(
    bernoulliLogLikelihood(y, 0.3),
    y.reduce((s, k) => s + bernoulliLogPmf(k, 0.3), 0),
    "bernoulli",
  );
  assert.equal(bernoulliLogLikelihood([1, 1], 0), -Infinity);
});

// --- fits ---------------------------------------------------------------------------

Deno.test("fitNormal() matches scipy.stats.norm.fit (sigma divides by n), with Fisher standard errors", () => {
  for (const c of fixture.fitNormal) {
    const fit = fitNormal(c.x);
    assertClose(fit.mu, c.mu, `${c.name} mu`);
    assertClose(fit.sigma, c.sigma, `${c.name} sigma`);
    assertClose(fit.logLikelihood, c.logLikelihood, `${c.name} logLikelihood`);
    assertClose(fit.standardErrors.mu, c.se.mu, `${c.name} se(mu)`);
    assertClose(fit.standardErrors.sigma, c.se.sigma, `${c.name} se(sigma)`);
    assert.equal(fit.n, c.x.length);
  }
});

Deno.test("fitNormal() on RandomState(42).normal(3.5, 1.2, 1000) gives mu 3.5232, sigma² 1.3794, sigma 1.1745", () => {
  const fit = fitNormal(fixture.fitNormal[0]!.x);
  assert.equal(fit.mu.toFixed(4), "3.5232");
  assert.equal((fit.sigma ** 2).toFixed(4), "1.3794");
  assert.equal(fit.sigma.toFixed(4), "1.1745");
});

Deno.test("fitNormal() maximises the likelihood: nudging mu or sigma lowers it", () => {
  const x = fixture.fitNormal[1]!.x;
  const fit = fitNormal(x);
  for (const d of [-1e-3, 1e-3]) {
    assert.ok(
      normalLogLikelihood(x, fit.mu + d, fit.sigma) < fit.logLikelihood,
    );
    assert.ok(
      normalLogLikelihood(x, fit.mu, fit.sigma * (1 + d)) < fit.logLikelihood,
    );
  }
});

Deno.test("fitLaplace() matches scipy.stats.laplace.fit (median, mean absolute deviation), odd and even n", () => {
  for (const c of fixture.fitLaplace) {
    const fit = fitLaplace(c.x);
    assertClose(fit.mu, c.mu, `${c.name} mu`);
    assertClose(fit.b, c.b, `${c.name} b`);
    assertClose(fit.logLikelihood, c.logLikelihood, `${c.name} logLikelihood`);
    assertClose(fit.standardErrors.mu, c.se.mu, `${c.name} se(mu)`);
    assertClose(fit.standardErrors.b, c.se.b, `${c.name} se(b)`);
    assert.equal(fit.n, c.x.length);
  }
});

Deno.test("fitLaplace() maximises the likelihood: nudging mu or b lowers it", () => {
  const x = fixture.fitLaplace[0]!.x; // odd n: the median is the unique maximiser
  const fit = fitLaplace(x);
  for (const d of [-1e-3, 1e-3]) {
    assert.ok(laplaceLogLikelihood(x, fit.mu + d, fit.b) < fit.logLikelihood);
    assert.ok(
      laplaceLogLikelihood(x, fit.mu, fit.b * (1 + d)) < fit.logLikelihood,
    );
  }
});

Deno.test("fitBernoulli() matches numpy's mean and scipy's log-likelihood; accepts booleans", () => {
  for (const c of fixture.fitBernoulli) {
    const fit = fitBernoulli(c.x);
    assertClose(fit.p, c.p, `${c.name} p`);
    assertClose(fit.logLikelihood, c.logLikelihood, `${c.name} logLikelihood`);
    assertClose(fit.standardErrors.p, c.se.p, `${c.name} se(p)`);
    assert.deepEqual(fitBernoulli(c.x.map((v) => v === 1)), fit);
  }
});

Deno.test("fitBernoulli() at p = 0 or 1: log-likelihood 0 and standard error 0", () => {
  for (const [x, p] of [[[0, 0, 0], 0], [[1, 1], 1]] as const) {
    const fit = fitBernoulli(x);
    assert.equal(fit.p, p);
    assert.equal(fit.logLikelihood, 0);
    assert.equal(fit.standardErrors.p, 0);
  }
});

// --- errors -------------------------------------------------------------------------

Deno.test("densities name the faulty argument", () => {
  assert.throws(
    () => normalLogPdf(NaN),
    /normalLogPdf\(\): x must be a finite number \(received NaN\)/,
  );
  assert.throws(
    () => normalLogPdf(0, NaN, 1),
    /normalLogPdf\(\): mu must be a finite number/,
  );
  assert.throws(
    () => normalLogPdf(0, 0, -1),
    /normalLogPdf\(\): sigma must be greater than 0 \(received -1\)/,
  );
  assert.throws(
    () => normalPdf(0, 0, 0),
    /normalPdf\(\): sigma must be greater than 0 \(received 0\)/,
  );
  assert.throws(
    () => laplaceLogPdf(0, 0, 0),
    /laplaceLogPdf\(\): b must be greater than 0 \(received 0\)/,
  );
  assert.throws(
    () => bernoulliLogPmf(2, 0.5),
    /bernoulliLogPmf\(\): k must be 0 or 1 \(received 2\)/,
  );
  assert.throws(
    () => bernoulliLogPmf(1, 1.5),
    /bernoulliLogPmf\(\): p must be a probability in \[0, 1\] \(received 1.5\)/,
  );
  assert.throws(
    () => bernoulliLogPmf(1, NaN),
    /bernoulliLogPmf\(\): p must be a probability/,
  );
  assert.throws(
    () => categoricalLogPmf(0, [0.5, 0.6]),
    /categoricalLogPmf\(\): probs must sum to 1 \(within 1e-9\) \(received sum 1.1\)/,
  );
  assert.throws(
    () => categoricalLogPmf(0, [1.5, -0.5]),
    /categoricalLogPmf\(\): probs\[0\] must be a probability in \[0, 1\] \(received 1.5\)/,
  );
  assert.throws(
    () => categoricalLogPmf(0, []),
    /categoricalLogPmf\(\): probs must have at least 1 value/,
  );
  assert.throws(
    () => categoricalLogPmf(0.5, [1]),
    /categoricalLogPmf\(\): k must be an integer \(received 0.5\)/,
  );
  assert.throws(
    () => categoricalLogLikelihood([0, 2], [0.5, 0.5]),
    /categoricalLogLikelihood\(\): k\[1\] must be in \[0, 1\] \(received 2\)/,
  );
  assert.throws(
    () => normalLogLikelihood([], 0, 1),
    /normalLogLikelihood\(\): x must have at least 1 value/,
  );
  assert.throws(
    () => laplaceLogLikelihood([1, NaN], 0, 1),
    /laplaceLogLikelihood\(\): x\[1\] must be a finite number \(received NaN\)/,
  );
});

Deno.test("fits reject empty, non-finite, constant and non-binary samples, naming the argument", () => {
  assert.throws(
    () => fitNormal([]),
    /fitNormal\(\): x must have at least 1 value \(received array of length 0\)/,
  );
  assert.throws(
    () => fitNormal([1, NaN]),
    /fitNormal\(\): x\[1\] must be a finite number \(received NaN\)/,
  );
  assert.throws(
    () => fitNormal([2, 2, 2]),
    /fitNormal\(\): x must hold at least two distinct values, or the MLE of sigma is 0/,
  );
  assert.throws(
    () => fitNormal([5]),
    /fitNormal\(\): x must hold at least two distinct values/,
  );
  assert.throws(
    () => fitLaplace([]),
    /fitLaplace\(\): x must have at least 1 value/,
  );
  assert.throws(
    () => fitLaplace([Infinity]),
    /fitLaplace\(\): x\[0\] must be a finite number/,
  );
  assert.throws(
    () => fitLaplace([3, 3]),
    /fitLaplace\(\): x must hold at least two distinct values, or the MLE of b is 0/,
  );
  assert.throws(
    () => fitBernoulli([]),
    /fitBernoulli\(\): x must have at least 1 value/,
  );
  assert.throws(
    () => fitBernoulli([1, 0, 2]),
    /fitBernoulli\(\): x\[2\] must be 0 or 1 \(received 2\)/,
  );
  assert.throws(
    () => fitBernoulli([1, NaN]),
    /fitBernoulli\(\): x\[1\] must be 0 or 1 \(received NaN\)/,
  );
  assert.throws(
    // @ts-expect-error strings are rejected at run time too
    () => fitBernoulli(["1"]),
    /fitBernoulli\(\): x\[0\] must be 0 or 1 \(received string "1"\)/,
  );
});
