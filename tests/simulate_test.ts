import assert from "node:assert/strict";
import {
  cumulativeMean,
  monteCarlo,
  numpySum,
  sampleMeans,
  sampleMeanVariances,
  samplingSummary,
} from "../lib/simulate.ts";
import { RandomState } from "../lib/random.ts";
import fixture from "./fixtures/simulate.json" with { type: "json" };

Deno.test("numpySum() equals np.sum bit for bit, across the pairwise and 8192-buffer boundaries", () => {
  let differsFromLeftToRight = 0;
  for (const c of fixture.sums) {
    const x = new RandomState(c.seed).rand(c.n).map((v) => v - 0.5);
    assert.equal(numpySum(x), c.sum, `n=${c.n}`);
    if (c.sum !== c.leftToRight) differsFromLeftToRight++;
  }
  // The fixture really distinguishes pairwise from naive summation.
  assert.ok(differsFromLeftToRight >= 5);
  assert.equal(numpySum([]), 0);
});

Deno.test("samplingSummary() mean and variance equal np.mean and np.var bit for bit", () => {
  for (const c of fixture.sums) {
    const s = samplingSummary(
      new RandomState(c.seed).rand(c.n).map((v) => v - 0.5),
      0,
    );
    assert.equal(s.mean, c.mean, `n=${c.n}`);
    assert.equal(s.variance, c.var, `n=${c.n}`);
  }
  const f = fixture.summary;
  const x = new RandomState(f.seed).uniform(f.low, f.high, f.n);
  const s = samplingSummary(x, f.truth);
  assert.equal(s.mean, f.mean);
  assert.equal(s.variance, f.var);
  assert.equal(s.mse, f.mse);
  assert.equal(s.bias, f.mean - f.truth);
  assert.ok(Math.abs(s.mse - (s.bias ** 2 + s.variance)) < 1e-12 * s.mse);
});

Deno.test("sampleMeans() reproduces numpy's per-experiment loop bit for bit (first row of the article's table)", () => {
  const t = fixture.articleTable;
  const row = t.rows[0]!;
  const means = sampleMeans(new RandomState(t.seed), row.n, t.experiments, {
    scale: Math.sqrt(t.sigma2),
  });
  assert.deepEqual(Array.from(means.subarray(0, 5)), row.first);
  assert.equal(means[t.experiments - 1], row.last);
  const s = samplingSummary(means, 0);
  assert.equal(s.mean, row.meanOfMeans);
  assert.equal(s.variance, row.var);
  assert.equal(s.mse, row.mse);
});

Deno.test("sampleMeanVariances() equals np.var of every row of the article's table bit for bit, in one stream", () => {
  const t = fixture.articleTable;
  const got = sampleMeanVariances(
    new RandomState(t.seed),
    t.rows.map((r) => r.n),
    { experiments: t.experiments, scale: Math.sqrt(t.sigma2) },
  );
  assert.deepEqual(got, t.rows.map((r) => r.var));
  assert.throws(
    () => sampleMeanVariances(new RandomState(0), [10, 0]),
    /sampleMeanVariances\(\): sizes\[1\] must be at least 1 \(received 0\)/,
  );
});

Deno.test("sampleMeans() gives the same stream however the experiments are blocked", () => {
  // n large enough that one block holds fewer experiments than requested.
  const n = 300_000;
  const a = sampleMeans(new RandomState(3), n, 5, { loc: 1, scale: 3 });
  const rs = new RandomState(3);
  for (let e = 0; e < 5; e++) {
    assert.equal(a[e], numpySum(rs.normal(1, 3, n)) / n);
  }
});

Deno.test("monteCarlo() applies every statistic to the same sample, experiment by experiment", () => {
  const rs = new RandomState(1);
  const seen: number[] = [];
  const est = monteCarlo(50, (i) => {
    seen.push(i);
    return rs.randn(4);
  }, {
    first: (x) => x[0]!,
    sum: (x) => x.reduce((a, b) => a + b, 0),
  });
  assert.deepEqual(seen, Array.from({ length: 50 }, (_, i) => i));
  const again = new RandomState(1).randn([50, 4]).data;
  for (let e = 0; e < 50; e++) {
    assert.equal(est.first[e], again[4 * e]);
    assert.ok(
      Math.abs(est.sum[e]! - numpySum(again.subarray(4 * e, 4 * e + 4))) <
        1e-12,
    );
  }
});

Deno.test("cumulativeMean() equals np.cumsum(x) / np.arange(1, n + 1)", () => {
  const f = fixture.summary;
  const x = new RandomState(f.seed).uniform(f.low, f.high, f.n);
  const got = cumulativeMean(x);
  for (let i = 0; i < f.n; i++) {
    assert.ok(
      Math.abs(got[i]! - f.cumulativeMean[i]!) <=
        1e-14 * Math.abs(f.cumulativeMean[i]!) + 1e-15,
      `k=${i + 1}`,
    );
  }
});

Deno.test("simulate functions reject bad arguments with messages naming the argument", () => {
  const rs = new RandomState(0);
  assert.throws(
    () => monteCarlo(0, () => [1], { m: (x) => x[0]! }),
    /monteCarlo\(\): experiments must be at least 1 \(received 0\)/,
  );
  assert.throws(
    () => monteCarlo(2, () => [1], {}),
    /monteCarlo\(\): statistics must name at least one statistic/,
  );
  assert.throws(
    () => monteCarlo(2, () => [1], { bad: () => NaN }),
    /monteCarlo\(\): statistics\.bad must return a finite number \(received NaN in experiment 0\)/,
  );
  assert.throws(
    () => monteCarlo(2, () => [1, Infinity], { m: (x) => x[0]! }),
    /monteCarlo\(\): draw\(\)\[1\] must be a finite number \(received Infinity\)/,
  );
  assert.throws(
    () => sampleMeans(rs, 0, 10),
    /sampleMeans\(\): n must be at least 1 \(received 0\)/,
  );
  assert.throws(
    () => sampleMeans(rs, 5, 10, { scale: -1 }),
    /sampleMeans\(\): scale must be at least 0 \(received -1\)/,
  );
  assert.throws(
    () => samplingSummary([], 0),
    /samplingSummary\(\): estimates must have at least 1 value/,
  );
  assert.throws(
    () => samplingSummary([1], NaN),
    /samplingSummary\(\): truth must be a finite number \(received NaN\)/,
  );
  assert.throws(
    () => cumulativeMean([1, NaN]),
    /cumulativeMean\(\): x\[1\] must be a finite number \(received NaN\)/,
  );
  assert.throws(() => numpySum("12" as unknown as number[]), TypeError);
});
