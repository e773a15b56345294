/**
 * Issue 15: the library is strict at every boundary. Typo'd options are refused by
 * name, options are read from own properties only, no call runs unbounded, the
 * listed extremes are exact or refused clearly, and revoked Proxies and detached
 * methods get errors that name the function.
 */

import assert from "node:assert/strict";
import * as lib from "../lib/mod.ts";

const X = [[0], [1], [2], [3]];
const Y = [0.1, 0.9, 2.2, 2.8];
const B = [0, 1, 0, 1];

/** [label, call with a typo'd key, the function's name, the bad key]. */
const TYPOS: [string, () => unknown, string, string][] = [
  [
    "variance ddoff",
    () => lib.variance([1, 2], { ddoff: 1 } as never),
    "variance",
    "ddoff",
  ],
  ["std ddoff", () => lib.std([1, 2], { ddoff: 1 } as never), "std", "ddoff"],
  [
    "cov ddoff",
    () => lib.cov([1, 2], [1, 2], { ddoff: 1 } as never),
    "cov",
    "ddoff",
  ],
  [
    "ridge alpah",
    () => lib.ridge(X, Y, { alpah: 5 } as never),
    "ridge",
    "alpah",
  ],
  [
    "ridgePath alpha",
    () => lib.ridgePath(X, Y, [1], { alpha: 1 } as never),
    "ridgePath",
    "alpha",
  ],
  [
    "ols fit_intercept",
    () => lib.ols(X, Y, { fit_intercept: false } as never),
    "ols",
    "fit_intercept",
  ],
  [
    "lasso max_iter",
    () => lib.lasso(X, Y, { max_iter: 1 } as never),
    "lasso",
    "max_iter",
  ],
  [
    "lassoPath alpha",
    () => lib.lassoPath(X, Y, [1], { alpha: 1 } as never),
    "lassoPath",
    "alpha",
  ],
  [
    "lassoAlphaMax tol",
    () => lib.lassoAlphaMax(X, Y, { tol: 1 } as never),
    "lassoAlphaMax",
    "tol",
  ],
  [
    "logisticRegression lr",
    () => lib.logisticRegression(X, B, { lr: 1 } as never),
    "logisticRegression",
    "lr",
  ],
  [
    "lad max_iter",
    () => lib.lad(X, Y, { max_iter: 1 } as never),
    "lad",
    "max_iter",
  ],
  [
    "huberRegression epsilon",
    () => lib.huberRegression(X, Y, { epsilon: 1 } as never),
    "huberRegression",
    "epsilon",
  ],
  [
    "Adam weight_decay",
    () => new lib.Adam([1], { weight_decay: 0.5 } as never),
    "Adam",
    "weight_decay",
  ],
  [
    "SGD nesterov",
    () => new lib.SGD([1], { lr: 1, nesterov: true } as never),
    "SGD",
    "nesterov",
  ],
  [
    "mse reduce",
    () => lib.mse([1], [1], { reduce: "sum" } as never),
    "mse",
    "reduce",
  ],
  [
    "mae reduce",
    () => lib.mae([1], [1], { reduce: "sum" } as never),
    "mae",
    "reduce",
  ],
  [
    "huber beta",
    () => lib.huber([1], [1], { beta: 2 } as never),
    "huber",
    "beta",
  ],
  [
    "binaryCrossEntropy weight",
    () => lib.binaryCrossEntropy([1], [0.5], { weight: [1] } as never),
    "binaryCrossEntropy",
    "weight",
  ],
  [
    "binaryCrossEntropyWithLogits pos_weight",
    () =>
      lib.binaryCrossEntropyWithLogits([1], [1], { pos_weight: 2 } as never),
    "binaryCrossEntropyWithLogits",
    "pos_weight",
  ],
  [
    "crossEntropy label_smoothing",
    () => lib.crossEntropy([[1, 2]], [0], { label_smoothing: 0.1 } as never),
    "crossEntropy",
    "label_smoothing",
  ],
  [
    "cholesky overwrite_a",
    () => lib.cholesky(lib.Matrix.identity(2), { overwrite_a: true } as never),
    "cholesky",
    "overwrite_a",
  ],
  [
    "lstsq rcnd",
    () => lib.lstsq(lib.Matrix.identity(2), [1, 1], { rcnd: 1 } as never),
    "lstsq",
    "rcnd",
  ],
  [
    "sampleMeans mean",
    () => lib.sampleMeans(new lib.RandomState(0), 2, 2, { mean: 1 } as never),
    "sampleMeans",
    "mean",
  ],
  [
    "sampleMeanVariances n",
    () =>
      lib.sampleMeanVariances(new lib.RandomState(0), [2], { n: 1 } as never),
    "sampleMeanVariances",
    "n",
  ],
  [
    "choice replacement",
    () => new lib.RandomState(0).choice(3, 2, { replacement: false } as never),
    "choice",
    "replacement",
  ],
  [
    "betaBernoulliPosterior alpha",
    () => lib.betaBernoulliPosterior([1], { alpha: 2 } as never),
    "betaBernoulliPosterior",
    "alpha",
  ],
  [
    "normalMeanPosterior prior_sd",
    () =>
      lib.normalMeanPosterior(
        [1],
        { sigma: 1, priorMean: 0, priorSd: 1, prior_sd: 2 } as never,
      ),
    "normalMeanPosterior",
    "prior_sd",
  ],
  [
    "betaPrior center",
    () => lib.betaPrior({ centre: 0.5, strength: 1, center: 0.5 } as never),
    "betaPrior",
    "center",
  ],
  [
    "normalPrior center",
    () =>
      lib.normalPrior({ centre: 0, strength: 1, sigma: 1, center: 0 } as never),
    "normalPrior",
    "center",
  ],
];

Deno.test("an unknown option key is refused with a TypeError naming the function, the key and the valid keys", () => {
  for (const [label, call, fn, key] of TYPOS) {
    assert.throws(call, (e: unknown) => {
      assert.ok(e instanceof TypeError, `${label}: ${e}`);
      assert.match(
        e.message,
        new RegExp(`^${fn}\\(\\): unknown option "${key}"`),
        label,
      );
      assert.match(e.message, /valid options: \w+/, label);
      return true;
    });
  }
});

Deno.test("options are read from own properties only: Object.prototype changes nothing", () => {
  const proto = Object.prototype as Record<string, unknown>;
  const before = {
    variance: lib.variance([1, 2, 3, 4]),
    ridge: lib.ridge(X, Y).coef[0],
    lasso: lib.lasso(X, Y, { alpha: 0.1 }).coef[0],
    mean: lib.mean([1, 2]),
  };
  try {
    proto.ddof = 1;
    proto.alpha = 100;
    proto.allowNonFinite = true;
    proto.minLength = 0;
    proto.min = 5;
    proto.max = 0;
    assert.equal(lib.variance([1, 2, 3, 4]), before.variance);
    assert.equal(lib.ridge(X, Y).coef[0], before.ridge);
    assert.equal(lib.lasso(X, Y, { alpha: 0.1 }).coef[0], before.lasso);
    assert.equal(lib.mean([1, 2]), before.mean);
    // The notebook helpers read their options the same way.
    proto.z = 1e-9;
    proto.rtol = 1e-300;
    lib.assertNear(1, 1.1, { se: 0.1, what: "x" }); // z stays 5: |Δ| = 0.1 ≤ 0.5
    lib.assertClose(1, 1 + 1e-13, { what: "x" }); // rtol stays 1e-12
    assert.throws(
      () => lib.mean([1, NaN]),
      /mean\(\): x\[1\] must be a finite number/,
    );
    assert.throws(() => lib.mean([]), /mean\(\): x must have at least 1 value/);
  } finally {
    for (
      const k of ["ddof", "alpha", "allowNonFinite", "minLength", "min", "max"]
    ) {
      delete proto[k];
    }
  }
});

Deno.test("no call runs unbounded: iteration counts above 10^6 and huge shapes are refused at once", () => {
  const t0 = performance.now();
  const huge = { maxIter: 1e12, tol: 0 };
  assert.throws(
    () => lib.lasso(X, Y, huge),
    /lasso\(\): maxIter must be in \[1, 1000000\]/,
  );
  assert.throws(
    () => lib.lassoPath(X, Y, [1], huge),
    /lassoPath\(\): maxIter must be in \[1, 1000000\]/,
  );
  assert.throws(
    () => lib.huberRegression(X, Y, huge),
    /huberRegression\(\): maxIter must be in \[1, 1000000\]/,
  );
  assert.throws(
    () => lib.lad(X, Y, huge),
    /lad\(\): maxIter must be in \[1, 1000000\]/,
  );
  assert.throws(
    () => lib.logisticRegression(X, B, { method: "newton", ...huge }),
    /logisticRegression\(\): maxIter must be in \[1, 1000000\]/,
  );
  assert.throws(
    () => lib.logisticRegression(X, B, { epochs: 1e12, tol: 0 }),
    /logisticRegression\(\): epochs must be in \[1, 1000000\]/,
  );
  assert.throws(
    () => lib.Matrix.zeros(1e9, 0).toArray(),
    /Matrix\.zeros\(\): rows must be an integer in \[0, 268435456\]/,
  );
  assert.throws(
    () => new lib.Matrix(2 ** 25, 0).toArray(),
    /Matrix\.toArray\(\): rows must be at most 16777216/,
  );
  assert.throws(
    () => lib.transpose(new lib.Matrix(2 ** 53, 0)),
    /Matrix\(\): rows must be an integer in \[0, 268435456\]/,
  );
  const g = lib.linspace(0, 1, 2 ** 15);
  assert.throws(
    () => lib.grid2d((x, y) => x + y, g, g),
    /grid2d\(\): xs\.length \* ys\.length must be at most 16777216 grid points/,
  );
  assert.ok(performance.now() - t0 < 5000, "the refusals are immediate");
});

Deno.test("the extremes of issue 15 are exact or refused clearly", () => {
  // lstsq with entries 1e-300: x = 1e300 (s² underflowed before).
  const ls = lib.lstsq(lib.Matrix.from([[1e-300], [1e-300]]), [1, 1]);
  assert.ok(Math.abs(ls.x[0]! / 1e300 - 1) < 1e-14, `lstsq: ${ls.x[0]}`);
  // huberLogPdf with δ = 1e-308: log Z = log(2/δ) = 709.889...
  const h = lib.huberLogPdf(0, 0, 1, 1e-308);
  assert.ok(
    Math.abs(h + (Math.LN2 + 308 * Math.LN10)) < 1e-12,
    `huberLogPdf: ${h}`,
  );
  // Means of values near the largest double, as mean() computes them.
  const big = [1.7e308, 1.7e308, 1.6e308];
  assert.deepEqual(Array.from(lib.cumulativeMean(big)), [
    1.7e308,
    1.7e308,
    lib.mean(big),
  ]);
  assert.equal(lib.mae(big, [0, 0, 0]), lib.mean(big));
  assert.equal(lib.mae([1.7e308, 0], [-1.7e308, 0]), 1.7e308);
  // δ·|r| − δ²/2 with δ = 1e-300: the mean is 1e-300 · mean(big), to rounding.
  const hm = lib.huber(big, [0, 0, 0], { delta: 1e-300 }) as number;
  assert.ok(Math.abs(hm / (lib.mean(big) * 1e-300) - 1) < 1e-15, `huber ${hm}`);
  const s = lib.samplingSummary(big, 1.7e308);
  assert.equal(s.mean, lib.mean(big));
  assert.equal(s.variance, lib.variance(big)); // beyond the range: Infinity, not NaN
  const same = lib.samplingSummary([1.7e308, 1.7e308], 1.7e308);
  assert.deepEqual(
    [same.mean, same.bias, same.variance, same.mse],
    [1.7e308, 0, 0, 0],
  );
  // betaincinv at a shape of 5e-324: the quantile 0.5^(1/a) underflows to 0.
  assert.equal(lib.betaincinv(5e-324, 1, 0.5), 0);
  assert.equal(lib.betaincinv(1, 5e-324, 0.5), 1);
  // lasso with alpha 1e308: every coefficient 0, converged, a finite gap.
  const l = lib.lasso(X, Y, { alpha: 1e308 });
  assert.equal(l.coef[0], 0);
  assert.equal(l.converged, true);
  assert.ok(Number.isFinite(l.dualGap), `dualGap ${l.dualGap}`);
  // Adam with eps 0 on a zero gradient: the step is 0, not NaN.
  assert.deepEqual(
    new lib.Adam([1], { eps: 0 }).step([0]),
    new Float64Array([1]),
  );
  // fitNormal of two values 1e-300 apart: sigma 5e-301, not "constant".
  const fit = lib.fitNormal([0, 1e-300]);
  assert.ok(Math.abs(fit.sigma / 5e-301 - 1) < 1e-15, `sigma ${fit.sigma}`);
  assert.equal(lib.std([0, 1e-300]), fit.sigma);
  // sampleMeanVariances names itself, not sampleMeans() or samplingSummary().
  assert.throws(
    () => lib.sampleMeanVariances(new lib.RandomState(0), [2], { loc: NaN }),
    /^RangeError: sampleMeanVariances\(\): loc must be a finite number/,
  );
  assert.throws(
    () => lib.sampleMeanVariances(new lib.RandomState(0), [2], { scale: -1 }),
    /sampleMeanVariances\(\): scale must be at least 0/,
  );
});

Deno.test("a revoked Proxy gets a TypeError naming the function and argument, never an engine message", () => {
  const { proxy, revoke } = Proxy.revocable([1, 2], {});
  revoke();
  const calls: [() => unknown, RegExp][] = [
    [
      () => lib.mean(proxy as never),
      /^mean\(\): x must be an array of numbers \(received revoked Proxy\)/,
    ],
    [
      () => lib.variance([1, 2], proxy as never),
      /^variance\(\): options must be an object \(received revoked Proxy\)/,
    ],
    [
      () => lib.ols(proxy as never, Y),
      /^ols\(\): X must be an array of rows or a Matrix \(received revoked Proxy\)/,
    ],
    [
      () => lib.matmul(proxy as never, lib.Matrix.identity(1)),
      /^matmul\(\): a must be a Matrix \(received revoked Proxy\)/,
    ],
    [
      () => lib.Matrix.from(proxy as never),
      /^Matrix\.from\(\): rows must be an array of rows \(received revoked Proxy\)/,
    ],
    [
      () => new lib.RandomState(proxy as never),
      /^RandomState\(\): seed must be an integer or an array of integers \(received revoked Proxy\)/,
    ],
    [
      () => lib.ridge(X, Y, proxy as never),
      /^ridge\(\): options must be an object \(received revoked Proxy\)/,
    ],
  ];
  for (const [call, message] of calls) {
    assert.throws(call, (e: unknown) => {
      assert.ok(e instanceof TypeError, String(e));
      assert.match(e.message, message);
      return true;
    });
  }
});

Deno.test("a detached method names its class and method", () => {
  const rs = new lib.RandomState(0);
  const { rand, normal, choice } = rs;
  assert.throws(
    () => rand(3),
    /^TypeError: RandomState\.rand\(\): must be called on a RandomState/,
  );
  assert.throws(
    () => normal(),
    /RandomState\.normal\(\): must be called on a RandomState/,
  );
  assert.throws(
    () => choice(3),
    /RandomState\.choice\(\): must be called on a RandomState/,
  );
  const m = lib.Matrix.identity(2);
  const { get, toArray } = m;
  assert.throws(() => get(0, 0), /Matrix\.get\(\): must be called on a Matrix/);
  assert.throws(
    () => toArray(),
    /Matrix\.toArray\(\): must be called on a Matrix/,
  );
  const { step } = new lib.Adam([1]);
  assert.throws(() => step([1]), /Adam\.step\(\): must be called on an Adam/);
  const { step: sgdStep } = new lib.SGD([1], { lr: 1 });
  assert.throws(() => sgdStep([1]), /SGD\.step\(\): must be called on a SGD/);
  // Bound, they work.
  assert.deepEqual(
    rand.call(new lib.RandomState(0), 1),
    new lib.RandomState(0).rand(1),
  );
});
