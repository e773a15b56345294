import assert from "node:assert/strict";
import { betaBernoulliPosterior, betaPdf } from "../lib/bayes.ts";
import { betainc, betaincinv } from "../lib/special.ts";
import {
  crbBernoulli,
  crbNormalMean,
  crbNormalVariance,
  empiricalFisher,
  fisherInformationBernoulli,
  fisherInformationNormalMean,
  fisherInformationNormalVariance,
  logisticFisherInformation,
} from "../lib/fisher.ts";
import { Matrix } from "../lib/matrix.ts";

interface IncCase {
  a: number;
  b: number;
  x: number;
  value: number;
  scipy: number;
}
interface InvCase {
  a: number;
  b: number;
  p: number;
  value: number;
  scipy: number;
}
interface PostFit {
  prior: { a: number; b: number };
  a: number;
  b: number;
  mean: number;
  variance: number;
  mode: number;
  interval95: [number, number];
  interval50: [number, number];
  interval99: [number, number];
}
const fx: {
  betainc: IncCase[];
  betaincinv: InvCase[];
  posterior: { x: number[]; fits: PostFit[] };
} = JSON.parse(
  await Deno.readTextFile(new URL("./fixtures/fisher.json", import.meta.url)),
);

/** Relative error, with an exact-zero reference requiring an exact zero. */
function rel(actual: number, expected: number): number {
  if (expected === 0) return actual === 0 ? 0 : Infinity;
  return Math.abs(actual - expected) / Math.abs(expected);
}

// ---------------------------------------------------------------------------------
// Closed forms
// ---------------------------------------------------------------------------------

Deno.test("each Cramér–Rao bound is the inverse of the matching Fisher information", () => {
  for (const n of [1, 7, 1000]) {
    for (const s2 of [0.01, 1, 4, 250]) {
      assert.ok(
        Math.abs(
          crbNormalMean(s2, n) * fisherInformationNormalMean(s2, n) - 1,
        ) < 1e-15,
      );
      assert.ok(
        Math.abs(
          crbNormalVariance(s2, n) * fisherInformationNormalVariance(s2, n) - 1,
        ) < 1e-15,
      );
    }
    for (const p of [1e-6, 0.1, 0.5, 0.9]) {
      assert.ok(
        Math.abs(crbBernoulli(p, n) * fisherInformationBernoulli(p, n) - 1) <
          1e-15,
      );
    }
  }
});

Deno.test("Fisher information and bounds have the textbook values and scale with n", () => {
  assert.equal(fisherInformationNormalMean(4), 0.25);
  assert.equal(fisherInformationNormalMean(4, 100), 25);
  assert.equal(fisherInformationNormalVariance(2, 10), 10 / 8);
  assert.equal(fisherInformationBernoulli(0.2, 5), 5 / 0.16000000000000003);
  // The article's table: sigma^2 = 4 and n = 10, 50, 100, 500, 1000.
  assert.deepEqual(
    [10, 50, 100, 500, 1000].map((n) => crbNormalMean(4, n)),
    [0.4, 0.08, 0.04, 0.008, 0.004],
  );
  assert.equal(crbNormalVariance(2, 4), 2);
  assert.equal(crbBernoulli(0.5, 4), 0.0625);
});

Deno.test("Fisher information functions reject bad arguments naming them", () => {
  assert.throws(
    () => fisherInformationNormalMean(0),
    /^RangeError: fisherInformationNormalMean\(\): sigma2 must be greater than 0 \(received 0\)$/,
  );
  assert.throws(
    () => crbNormalMean(1, 0),
    /crbNormalMean\(\): n must be at least 1 \(received 0\)/,
  );
  assert.throws(
    () => crbNormalVariance(1, 2.5),
    /crbNormalVariance\(\): n must be an integer \(received 2.5\)/,
  );
  assert.throws(
    () => fisherInformationBernoulli(1),
    /fisherInformationBernoulli\(\): p must be strictly between 0 and 1 \(received 1\)/,
  );
  assert.throws(
    () => crbBernoulli(NaN, 3),
    /crbBernoulli\(\): p must be a probability in \[0, 1\] \(received NaN\)/,
  );
});

// ---------------------------------------------------------------------------------
// Logistic Fisher information and the empirical Fisher
// ---------------------------------------------------------------------------------

Deno.test("logisticFisherInformation() equals XᵀWX summed term by term, intercept first", () => {
  const X = [[0.5, -1], [1.5, 2], [-0.3, 0.7], [2, -2]];
  const coef = [0.4, -0.2];
  const b = 0.3;
  const info = logisticFisherInformation(X, coef, b);
  assert.equal(info.rows, 3);
  const expected = [[0, 0, 0], [0, 0, 0], [0, 0, 0]];
  for (const row of X) {
    const z = [1, ...row];
    const p = 1 /
      (1 + Math.exp(-(b + row[0]! * coef[0]! + row[1]! * coef[1]!)));
    for (let r = 0; r < 3; r++) {
      for (let c = 0; c < 3; c++) {
        expected[r]![c]! += p * (1 - p) * z[r]! * z[c]!;
      }
    }
  }
  for (let r = 0; r < 3; r++) {
    for (let c = 0; c < 3; c++) {
      assert.ok(Math.abs(info.get(r, c) - expected[r]![c]!) < 1e-14);
    }
  }
  // Without an intercept: the lower-right block of the same computation at b = 0.
  const noB = logisticFisherInformation(Matrix.from(X), coef);
  const withZero = logisticFisherInformation(X, coef, 0);
  assert.equal(noB.rows, 2);
  for (let r = 0; r < 2; r++) {
    for (let c = 0; c < 2; c++) {
      assert.equal(noB.get(r, c), withZero.get(r + 1, c + 1));
    }
  }
  assert.throws(
    () => logisticFisherInformation(X, [1]),
    /logisticFisherInformation\(\): coef must have one entry per column of X \(received 1 entries for 2 columns\)/,
  );
  assert.throws(
    () => logisticFisherInformation([[1], [2, 3]], [1]),
    /logisticFisherInformation\(\): X\[1\] must have length 1/,
  );
});

Deno.test("empiricalFisher() is the mean squared score, and the mean outer product for vectors", () => {
  assert.equal(empiricalFisher([3, -1, 2]), 14 / 3);
  const m = empiricalFisher([[1, 2], [3, -1], [0, 1]]);
  assert.deepEqual(m.toArray(), [[10 / 3, -1 / 3], [-1 / 3, 2]]);
  assert.throws(
    () => empiricalFisher([]),
    /empiricalFisher\(\): scores must have at least 1 value/,
  );
  assert.throws(
    () => empiricalFisher([1, NaN]),
    /empiricalFisher\(\): scores\[1\] must be a finite number/,
  );
  assert.throws(
    () => empiricalFisher([[1, 2], [3]]),
    /empiricalFisher\(\): scores\[1\] must have length 2/,
  );
});

Deno.test("empiricalFisher() of normal-mean scores (x − μ)/σ² is the mean squared deviation over σ⁴", () => {
  const sigma2 = 4;
  const deviations = [-3, -1, 1, 3]; // x − μ, mean square 5
  const scores = deviations.map((d) => d / sigma2);
  assert.equal(empiricalFisher(scores), 5 / 16);
});

// ---------------------------------------------------------------------------------
// Incomplete beta and its inverse
// ---------------------------------------------------------------------------------

Deno.test("betainc() matches mpmath to 1e-13 relative, and scipy within scipy's own error", () => {
  for (const c of fx.betainc) {
    const v = betainc(c.a, c.b, c.x);
    assert.ok(
      rel(v, c.value) < 1e-13,
      `I_${c.x}(${c.a}, ${c.b}) = ${v}, mpmath ${c.value}`,
    );
    assert.ok(rel(v, c.scipy) < 1e-11, `vs scipy at (${c.a}, ${c.b}, ${c.x})`);
  }
});

Deno.test("betaincinv() matches scipy.stats.beta.ppf and mpmath to 2e-13 relative, tails included", () => {
  for (const c of fx.betaincinv) {
    const v = betaincinv(c.a, c.b, c.p);
    assert.ok(
      rel(v, c.value) < 2e-13,
      `q(${c.p}; ${c.a}, ${c.b}) = ${v}, mpmath ${c.value}`,
    );
    assert.ok(
      rel(v, c.scipy) < 2e-13,
      `q(${c.p}; ${c.a}, ${c.b}) = ${v}, scipy ${c.scipy}`,
    );
  }
});

Deno.test("betaincinv() lands within 4 ulps of the root of betainc() across shapes", () => {
  const e = 4 * Number.EPSILON;
  for (const [a, b] of [[0.3, 0.3], [1, 1], [2, 7], [50, 3], [0.7, 300]]) {
    for (let k = 1; k < 40; k++) {
      const p = k / 40;
      const x = betaincinv(a!, b!, p);
      // I is increasing: the root lies between x(1 - 4 eps) and x(1 + 4 eps),
      // allowing I its own rounding error of 1e-15.
      const below = betainc(a!, b!, x * (1 - e));
      const above = betainc(a!, b!, Math.min(1, x * (1 + e)));
      assert.ok(
        below - 1e-15 <= p && p <= above + 1e-15,
        `a=${a} b=${b} p=${p}`,
      );
    }
  }
  assert.equal(betaincinv(2, 3, 0), 0);
  assert.equal(betaincinv(2, 3, 1), 1);
  assert.throws(
    () => betaincinv(0, 1, 0.5),
    /betaincinv\(\): a must be greater than 0 \(received 0\)/,
  );
  assert.throws(
    () => betaincinv(1, 1, 1.5),
    /betaincinv\(\): p must be a probability in \[0, 1\] \(received 1.5\)/,
  );
  assert.throws(
    () => betainc(1, -1, 0.5),
    /betainc\(\): b must be greater than 0 \(received -1\)/,
  );
});

// ---------------------------------------------------------------------------------
// Beta–Bernoulli posterior
// ---------------------------------------------------------------------------------

Deno.test("betaBernoulliPosterior() matches scipy.stats.beta moments and equal-tailed intervals", () => {
  const { x, fits } = fx.posterior;
  for (const f of fits) {
    const post = betaBernoulliPosterior(x, f.prior);
    assert.equal(post.a, f.a);
    assert.equal(post.b, f.b);
    assert.ok(rel(post.mean, f.mean) < 1e-15);
    assert.ok(rel(post.variance, f.variance) < 1e-14);
    assert.ok(rel(post.mode, f.mode) < 1e-15);
    for (
      const [level, ref] of [[0.95, f.interval95], [0.5, f.interval50], [
        0.99,
        f.interval99,
      ]] as const
    ) {
      const [lo, hi] = post.credibleInterval(level);
      assert.ok(
        rel(lo, ref[0]) < 1e-13,
        `lower ${level} prior ${JSON.stringify(f.prior)}`,
      );
      assert.ok(
        rel(hi, ref[1]) < 1e-13,
        `upper ${level} prior ${JSON.stringify(f.prior)}`,
      );
    }
  }
});

Deno.test("betaBernoulliPosterior(): uniform prior mode is the MLE, no data returns the prior", () => {
  const post = betaBernoulliPosterior([1, 0, 0, 1, 1]);
  assert.equal(post.mode, 3 / 5);
  const prior = betaBernoulliPosterior([], { a: 2, b: 5 });
  assert.deepEqual([prior.a, prior.b], [2, 5]);
  assert.equal(prior.mode, 1 / 5);
  // Mode conventions at the edges of the shape space.
  assert.equal(betaBernoulliPosterior([1], { a: 1, b: 0.5 }).mode, 1);
  assert.equal(betaBernoulliPosterior([0], { a: 0.5, b: 1 }).mode, 0);
  assert.ok(Number.isNaN(betaBernoulliPosterior([], { a: 1, b: 1 }).mode));
  // Default level is 95%.
  assert.deepEqual(post.credibleInterval(), post.credibleInterval(0.95));
});

Deno.test("betaBernoulliPosterior() rejects non-binary data and bad priors and levels", () => {
  assert.throws(
    () => betaBernoulliPosterior([1, 0, 2]),
    /^RangeError: betaBernoulliPosterior\(\): x must hold only 0 and 1 \(received x\[2\]=2\)$/,
  );
  assert.throws(
    () => betaBernoulliPosterior([1, NaN]),
    /betaBernoulliPosterior\(\): x\[1\] must be a finite number \(received NaN\)/,
  );
  assert.throws(
    () => betaBernoulliPosterior([1], { a: 0 }),
    /betaBernoulliPosterior\(\): a must be greater than 0 \(received 0\)/,
  );
  assert.throws(
    () => betaBernoulliPosterior([1]).credibleInterval(1),
    /credibleInterval\(\): level must be strictly between 0 and 1 \(received 1\)/,
  );
});

Deno.test("betaPdf() matches scipy.stats.beta.pdf and integrates its CDF betainc", () => {
  // scipy.stats.beta.pdf (scipy 1.10)
  const cases: [number, number, number, number][] = [
    [0.3, 3, 5, 2.268944999999999],
    [0.999, 200.5, 0.5, 206.78850637647787],
    [0.02, 0.5, 3, 6.366612681108378],
  ];
  for (const [x, a, b, want] of cases) {
    assert.ok(
      Math.abs(betaPdf(x, a, b) / want - 1) < 1e-12,
      `${x}, ${a}, ${b}`,
    );
  }
  // d/dx betainc(a, b, x) = betaPdf(x, a, b), by central differences
  for (
    const [a, b, x] of [[2, 3, 0.4], [9, 5, 0.7], [0.7, 1.5, 0.2]] as const
  ) {
    const h = 1e-6;
    const slope = (betainc(a, b, x + h) - betainc(a, b, x - h)) / (2 * h);
    assert.ok(Math.abs(slope / betaPdf(x, a, b) - 1) < 1e-7);
  }
  assert.equal(betaPdf(0, 0.5, 2), Infinity);
  assert.equal(betaPdf(1, 2, 1), 2);
  assert.equal(betaPdf(-0.1, 2, 2), 0);
  assert.throws(
    () => betaPdf(0.5, 0, 1),
    /betaPdf\(\): a must be greater than 0 \(received 0\)/,
  );
});
