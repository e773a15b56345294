import assert from "node:assert/strict";
import { logisticRegression } from "../lib/logistic.ts";
import { Matrix } from "../lib/matrix.ts";
import { RandomState } from "../lib/random.ts";
import { sum } from "../lib/stats.ts";

interface LogitRef {
  params: number[];
  bse: number[];
  llf: number;
  nIter: number;
}
const fx: {
  article: {
    X: number[][];
    y: number[];
    theta: number[];
    lossHistory: number[];
    printed: Record<string, number>;
    thetaRounded: number[];
    fastLoop: {
      learningRate: number;
      epochs: number;
      theta: number[];
      lossHistory: number[];
    };
    logit: LogitRef;
  };
  second: {
    X: number[][];
    y: number[];
    logit: LogitRef;
    l2: { C: number; l2: number; coef: number[]; intercept: number }[];
  };
} = JSON.parse(
  await Deno.readTextFile(new URL("./fixtures/logistic.json", import.meta.url)),
);

function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  assert.equal(a.length, b.length);
  let m = 0;
  for (let i = 0; i < b.length; i++) m = Math.max(m, Math.abs(a[i]! - b[i]!));
  return m;
}

// ---------------------------------------------------------------------------------
// The article's training loop
// ---------------------------------------------------------------------------------

Deno.test("gd reproduces the article's numpy loop: all 1000 losses and the final theta", () => {
  const a = fx.article;
  const fit = logisticRegression(a.X, a.y, { fitIntercept: false });
  assert.equal(fit.lossHistory.length, 1000);
  assert.equal(fit.nIter, 1000);
  assert.ok(maxAbsDiff(fit.lossHistory, a.lossHistory) < 1e-13);
  assert.ok(maxAbsDiff(fit.coef, a.theta) < 1e-13);
  assert.equal(fit.intercept, 0);
});

Deno.test("gd prints what the article prints: NLL 0.6931 at epoch 0 ... 0.5348 at 900, weights 0.338 0.905 -0.579", () => {
  const a = fx.article;
  const fit = logisticRegression(a.X, a.y, {
    method: "gd",
    learningRate: 0.01,
    epochs: 1000,
    fitIntercept: false,
  });
  const printed: Record<string, number> = {};
  for (let e = 0; e < 1000; e += 100) {
    printed[String(e)] = Number(fit.lossHistory[e]!.toFixed(4));
  }
  assert.deepEqual(printed, a.printed);
  assert.equal(printed["0"], 0.6931);
  assert.equal(printed["900"], 0.5348);
  assert.deepEqual(Array.from(fit.coef, (w) => Number(w.toFixed(3))), [
    0.338,
    0.905,
    -0.579,
  ]);
  // After 1000 small steps the loop is still far from the MLE: reported, not hidden.
  assert.equal(fit.converged, false);
  assert.match(fit.message, /not converged/);
});

Deno.test("gd with fitIntercept adds the column of ones itself: same numbers as the article's X", () => {
  const a = fx.article;
  const X = a.X.map((r) => r.slice(1));
  const fit = logisticRegression(X, a.y, { learningRate: 0.5, epochs: 200 });
  const ref = fx.article.fastLoop;
  assert.ok(maxAbsDiff(fit.lossHistory, ref.lossHistory) < 1e-13);
  assert.ok(Math.abs(fit.intercept - ref.theta[0]!) < 1e-13);
  assert.ok(maxAbsDiff(fit.coef, ref.theta.slice(1)) < 1e-13);
});

Deno.test("gd stops early once max|gradient| < tol and says so", () => {
  const a = fx.article;
  const fit = logisticRegression(a.X, a.y, {
    fitIntercept: false,
    learningRate: 1,
    epochs: 100000,
    tol: 1e-8,
  });
  assert.equal(fit.converged, true);
  assert.ok(fit.nIter < 100000);
  assert.equal(fit.lossHistory.length, fit.nIter + 1);
  assert.match(fit.message, /^converged/);
  // ...at the MLE, which statsmodels finds by Newton's method.
  assert.ok(maxAbsDiff(fit.coef, a.logit.params) < 1e-6);
});

Deno.test("gd equals the article's loop written out literally, for 1 to 7 columns, with and without intercept, up to n = 3000", () => {
  // n = 3000 takes the product of the loss factors below 2^-500 several times, so its
  // rescaling is exercised; 1, 2, 4 and 7 columns cover the passes' padding to
  // three-column groups.
  const rs = new RandomState(7);
  for (const [n, d] of [[5, 1], [40, 2], [3000, 4], [300, 7]] as const) {
    const X = rs.randn([n, d]);
    const u = rs.rand(n);
    const y = Float64Array.from(u, (ui, i) => {
      const z = X.data[i * d]! - 0.5 * X.data[i * d + d - 1]!;
      return ui < 1 / (1 + Math.exp(-z)) ? 1 : 0;
    });
    for (const fitIntercept of [false, true]) {
      const lr = 0.5, epochs = 50, l2 = 0.01;
      const fit = logisticRegression(X, y, {
        learningRate: lr,
        epochs,
        l2,
        fitIntercept,
      });
      const off = fitIntercept ? 1 : 0;
      const theta = new Float64Array(d + off);
      const losses: number[] = [];
      for (let epoch = 0; epoch < epochs; epoch++) {
        const yHat = new Float64Array(n);
        const terms = new Float64Array(n);
        for (let i = 0; i < n; i++) {
          let eta = fitIntercept ? theta[0]! : 0;
          for (let j = 0; j < d; j++) {
            eta += X.data[i * d + j]! * theta[off + j]!;
          }
          yHat[i] = 1 / (1 + Math.exp(-eta));
          terms[i] = y[i]! * Math.log(yHat[i]! + 1e-15) +
            (1 - y[i]!) * Math.log(1 - yHat[i]! + 1e-15);
        }
        let w2 = 0;
        for (let j = off; j < theta.length; j++) w2 += theta[j]! ** 2;
        losses.push(-sum(terms) / n + l2 * w2);
        const grad = new Float64Array(theta.length);
        for (let i = 0; i < n; i++) {
          const r = yHat[i]! - y[i]!;
          if (fitIntercept) grad[0]! += r;
          for (let j = 0; j < d; j++) grad[off + j]! += X.data[i * d + j]! * r;
        }
        for (let j = 0; j < theta.length; j++) {
          theta[j]! -= lr *
            (grad[j]! / n + (j >= off ? 2 * l2 * theta[j]! : 0));
        }
      }
      const where = `n=${n}, d=${d}, fitIntercept=${fitIntercept}`;
      assert.ok(maxAbsDiff(fit.lossHistory, losses) < 1e-14, where);
      assert.ok(maxAbsDiff(fit.coef, theta.subarray(off)) < 1e-13, where);
      assert.ok(
        Math.abs(fit.intercept - (fitIntercept ? theta[0]! : 0)) < 1e-13,
      );
    }
  }
});

// ---------------------------------------------------------------------------------
// Newton / IRLS against statsmodels
// ---------------------------------------------------------------------------------

Deno.test("newton matches statsmodels Logit params and bse on the article's data", () => {
  const a = fx.article;
  const fit = logisticRegression(a.X, a.y, {
    method: "newton",
    fitIntercept: false,
  });
  assert.equal(fit.converged, true);
  assert.ok(maxAbsDiff(fit.coef, a.logit.params) < 1e-12);
  assert.ok(maxAbsDiff(fit.standardErrors.coef, a.logit.bse) < 1e-12);
  assert.ok(Number.isNaN(fit.standardErrors.intercept));
  // The loss is the mean NLL: -llf / n.
  assert.ok(Math.abs(fit.loss - -a.logit.llf / a.y.length) < 1e-13);
  // Newton's loss decreases at every step.
  for (let k = 1; k < fit.lossHistory.length; k++) {
    assert.ok(fit.lossHistory[k]! < fit.lossHistory[k - 1]!);
  }
});

Deno.test("newton with fitIntercept matches statsmodels Logit(y, add_constant(X)) with the intercept split out", () => {
  for (
    const [X, y, ref] of [
      [fx.article.X.map((r) => r.slice(1)), fx.article.y, fx.article.logit],
      [fx.second.X, fx.second.y, fx.second.logit],
    ] as const
  ) {
    const fit = logisticRegression(X, y, { method: "newton" });
    assert.equal(fit.converged, true);
    assert.ok(Math.abs(fit.intercept - ref.params[0]!) < 1e-12);
    assert.ok(maxAbsDiff(fit.coef, ref.params.slice(1)) < 1e-12);
    assert.ok(Math.abs(fit.standardErrors.intercept - ref.bse[0]!) < 1e-12);
    assert.ok(maxAbsDiff(fit.standardErrors.coef, ref.bse.slice(1)) < 1e-12);
  }
});

Deno.test("newton with l2 = 1/(2Cn) matches sklearn LogisticRegression(C) (intercept unpenalised)", () => {
  const s = fx.second;
  for (const c of s.l2) {
    const fit = logisticRegression(Matrix.from(s.X), new Float64Array(s.y), {
      method: "newton",
      l2: c.l2,
    });
    assert.equal(fit.converged, true);
    assert.ok(maxAbsDiff(fit.coef, c.coef) < 1e-9, `C=${c.C}`);
    assert.ok(Math.abs(fit.intercept - c.intercept) < 1e-9, `C=${c.C}`);
  }
});

Deno.test("the l2 penalty shrinks the weights and enters the loss as lambda*||w||^2", () => {
  const a = fx.article;
  const X = a.X.map((r) => r.slice(1));
  const mle = logisticRegression(X, a.y, { method: "newton" });
  const map = logisticRegression(X, a.y, { method: "newton", l2: 0.05 });
  const n2 = (w: Float64Array) => w.reduce((s, v) => s + v * v, 0);
  assert.ok(n2(map.coef) < n2(mle.coef));
  // gd on the same penalised objective: the first loss is the article's at theta = 0
  // (no penalty yet), -log(0.5 + 1e-15) = ln 2 - 2e-15 (numpy: ln 2 - 1.9e-15).
  const gd = logisticRegression(X, a.y, { l2: 0.05, epochs: 3 });
  assert.ok(Math.abs(gd.lossHistory[0]! - -Math.log(0.5 + 1e-15)) < 1e-15);
  // The reported loss is the mean NLL at the estimate plus lambda * ||w||^2.
  let nll = 0;
  X.forEach((row, i) => {
    const z = map.intercept + row[0]! * map.coef[0]! + row[1]! * map.coef[1]!;
    const p = 1 / (1 + Math.exp(-z));
    nll -= a.y[i] === 1 ? Math.log(p) : Math.log(1 - p);
  });
  const expected = nll / a.y.length + 0.05 * n2(map.coef);
  assert.ok(Math.abs(map.loss - expected) < 1e-14);
});

// ---------------------------------------------------------------------------------
// Separation, labels, errors
// ---------------------------------------------------------------------------------

Deno.test("perfect separation is reported as non-convergence with an explicit message, by both methods", () => {
  const X = [[0], [1], [2], [3]];
  const y = [0, 0, 1, 1];
  for (
    const options of [{ method: "newton" as const }, {
      learningRate: 1,
      epochs: 20000,
    }]
  ) {
    const fit = logisticRegression(X, y, options);
    assert.equal(fit.converged, false);
    assert.match(fit.message, /perfect separation/);
  }
  // A penalty makes the MAP estimate finite: that converges.
  const map = logisticRegression(X, y, { method: "newton", l2: 0.01 });
  assert.equal(map.converged, true);
  assert.ok(Number.isFinite(map.coef[0]!));
});

Deno.test("logisticRegression() rejects bad labels and arguments with messages naming them", () => {
  const X = [[1], [2], [3]];
  assert.throws(
    () => logisticRegression(X, [0, 1, 2]),
    /^RangeError: logisticRegression\(\): y must hold only 0 and 1 \(received y\[2\]=2\)$/,
  );
  assert.throws(
    () => logisticRegression(X, [0, 1, 0.5]),
    /y must hold only 0 and 1 \(received y\[2\]=0.5\)/,
  );
  assert.throws(() => logisticRegression(X, [-1, 1, 1]), /y\[0\]=-1/);
  assert.throws(
    () => logisticRegression(X, [0, 1]),
    /logisticRegression\(\): X and y must have the same number of rows \(received 3 rows in X and 2 values in y\)/,
  );
  assert.throws(
    () => logisticRegression([[1], [2, 3]], [0, 1]),
    /logisticRegression\(\): X\[1\] must have length 1 like X\[0\]/,
  );
  assert.throws(
    () => logisticRegression([[NaN]], [0]),
    /logisticRegression\(\): X\[0\]\[0\] must be a finite number \(received NaN\)/,
  );
  assert.throws(
    () => logisticRegression([], []),
    /logisticRegression\(\): X must have at least one row/,
  );
  assert.throws(
    () => logisticRegression(X, [0, 1, 1], { l2: -1 }),
    /logisticRegression\(\): l2 must be at least 0 \(received -1\)/,
  );
  assert.throws(
    () => logisticRegression(X, [0, 1, 1], { learningRate: 0 }),
    /learningRate must be greater than 0 \(received 0\)/,
  );
  assert.throws(
    () => logisticRegression(X, [0, 1, 1], { epochs: 0 }),
    /epochs must be in \[1, 1000000\] \(received 0\)/,
  );
  assert.throws(
    () => logisticRegression(X, [0, 1, 1], { method: "sgd" as "gd" }),
    /^RangeError: logisticRegression\(\): method must be "gd" or "newton" \(received string "sgd"\)$/,
  );
});

Deno.test("the article's logistic data regenerate exactly from RandomState(42), as numpy's seed 42", () => {
  const a = fx.article;
  const rs = new RandomState(42);
  const Z = rs.randn([500, 2]);
  const X = Z.toArray().map((r) => [1, ...r]);
  assert.deepEqual(X, a.X);
  const wTrue = [0.5, 1.2, -0.8];
  const u = rs.rand(500);
  const y = X.map((r, i) => {
    const p = 1 /
      (1 +
        Math.exp(-(r[0]! * wTrue[0]! + r[1]! * wTrue[1]! + r[2]! * wTrue[2]!)));
    return u[i]! < p ? 1 : 0;
  });
  assert.deepEqual(y, a.y);
});
