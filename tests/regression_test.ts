import assert from "node:assert/strict";
import {
  lasso,
  lassoAlphaMax,
  lassoPath,
  ols,
  ridge,
  ridgePath,
} from "../lib/regression.ts";
import { solve } from "../lib/linalg.ts";
import { Matrix } from "../lib/matrix.ts";
import { gram, matvec, norm, transpose } from "../lib/products.ts";
import { RandomState } from "../lib/random.ts";

interface LassoCase {
  alpha: number;
  fitIntercept: boolean;
  tol: number;
  maxIter: number;
  coef: number[];
  intercept: number;
  nIter: number;
  dualGap: number;
}
interface LinearCase {
  fitIntercept: boolean;
  alpha?: number;
  coef: number[];
  intercept: number;
  rank?: number;
}
interface Fixture {
  mapExample: {
    X: number[][];
    y: number[];
    wTrue: number[];
    wMle: number[];
    rank: number;
    wMap: number[];
    mleNorm: number;
    mapNorm: number;
    mleError: number;
    mapError: number;
    lasso: LassoCase[];
    ridgeIntercept: { alpha: number; coef: number[]; intercept: number };
    alphaMax: number;
    alphaMaxNoIntercept: number;
  };
  small: {
    X: number[][];
    y: number[];
    ols: LinearCase[];
    ridge: LinearCase[];
    lasso: LassoCase[];
    lassoPathTight: LassoCase[];
    alphaMax: number;
  };
  deficient: { X: number[][]; y: number[]; ols: LinearCase[] };
}

const fx: Fixture = JSON.parse(
  await Deno.readTextFile(
    new URL("./fixtures/regression.json", import.meta.url),
  ),
);

/** max_i |a_i − b_i| / max(1, max_i |b_i|). */
function relErr(a: ArrayLike<number>, b: ArrayLike<number>): number {
  assert.equal(a.length, b.length);
  let e = 0;
  let s = 1;
  for (let i = 0; i < b.length; i++) {
    e = Math.max(e, Math.abs(a[i]! - b[i]!));
    s = Math.max(s, Math.abs(b[i]!));
  }
  return e / s;
}

function close(actual: number, expected: number, tol: number, what: string) {
  assert.ok(
    Math.abs(actual - expected) <= tol * Math.max(1, Math.abs(expected)),
    `${what}: ${actual} vs ${expected}`,
  );
}

// ---------------------------------------------------------------------------------
// The article's MAP example
// ---------------------------------------------------------------------------------

Deno.test("ols() on the article's MAP data matches numpy.linalg.lstsq", () => {
  const m = fx.mapExample;
  const fit = ols(m.X, m.y, { fitIntercept: false });
  assert.ok(relErr(fit.coef, m.wMle) < 1e-10, `${relErr(fit.coef, m.wMle)}`);
  assert.equal(fit.rank, m.rank);
  assert.equal(fit.intercept, 0);
  close(norm(fit.coef), m.mleNorm, 1e-10, "MLE norm");
});

Deno.test("ridge(alpha=1, fitIntercept=false) equals the article's solve(XᵀX + I, Xᵀy)", () => {
  const m = fx.mapExample;
  const fit = ridge(m.X, m.y, { alpha: 1, fitIntercept: false });
  assert.equal(fit.solver, "primal");
  assert.ok(relErr(fit.coef, m.wMap) < 1e-12, `${relErr(fit.coef, m.wMap)}`);
  close(norm(fit.coef), m.mapNorm, 1e-12, "MAP norm");
  const err = norm(fit.coef.map((w, i) => w - m.wTrue[i]!));
  close(err, m.mapError, 1e-10, "MAP error");
  // The article's printed comparison: the prior pulls the weights towards zero.
  assert.equal(norm(fit.coef).toFixed(3), "1.811");
  assert.equal(m.mleNorm.toFixed(3), "1.847");
});

Deno.test("ridge() with an intercept on the MAP data matches sklearn Ridge", () => {
  const m = fx.mapExample;
  const r = m.ridgeIntercept;
  const fit = ridge(m.X, m.y, { alpha: r.alpha });
  assert.ok(relErr(fit.coef, r.coef) < 1e-12);
  close(fit.intercept, r.intercept, 1e-12, "intercept");
});

Deno.test("lasso() on the MAP data follows sklearn Lasso iterate for iterate (coef to 1e-12, same n_iter)", () => {
  const m = fx.mapExample;
  for (const c of m.lasso) {
    const fit = lasso(m.X, m.y, {
      alpha: c.alpha,
      fitIntercept: c.fitIntercept,
      tol: c.tol,
      maxIter: c.maxIter,
    });
    const what = `alpha=${c.alpha} fitIntercept=${c.fitIntercept}`;
    assert.ok(relErr(fit.coef, c.coef) < 1e-12, what);
    close(fit.intercept, c.intercept, 1e-12, `${what} intercept`);
    assert.equal(fit.nIter, c.nIter, what);
    close(fit.dualGap, c.dualGap, 1e-6, `${what} dual gap`);
    assert.equal(fit.converged, true, what);
    // Zeros are exact zeros, where sklearn has them.
    for (let j = 0; j < c.coef.length; j++) {
      assert.equal(
        fit.coef[j] === 0,
        c.coef[j] === 0,
        `${what} zero pattern at ${j}`,
      );
    }
  }
});

Deno.test("lassoAlphaMax() is max|Xᵀ(y − ȳ)|/n, and is where the lasso turns all-zero", () => {
  const m = fx.mapExample;
  close(lassoAlphaMax(m.X, m.y), m.alphaMax, 1e-13, "alphaMax");
  close(
    lassoAlphaMax(m.X, m.y, { fitIntercept: false }),
    m.alphaMaxNoIntercept,
    1e-13,
    "alphaMax without intercept",
  );
  const s = fx.small;
  const aMax = lassoAlphaMax(s.X, s.y);
  close(aMax, s.alphaMax, 1e-13, "small alphaMax");
  assert.ok(lasso(s.X, s.y, { alpha: aMax }).coef.every((w) => w === 0));
  assert.ok(lasso(s.X, s.y, { alpha: aMax * 0.99 }).coef.some((w) => w !== 0));
});

// ---------------------------------------------------------------------------------
// A small design with non-zero column means
// ---------------------------------------------------------------------------------

Deno.test("ols() matches sklearn LinearRegression with and without intercept", () => {
  const s = fx.small;
  for (const c of s.ols) {
    const fit = ols(s.X, s.y, { fitIntercept: c.fitIntercept });
    assert.ok(relErr(fit.coef, c.coef) < 1e-10);
    close(fit.intercept, c.intercept, 1e-10, "intercept");
    assert.equal(fit.rank, c.rank);
  }
});

Deno.test("ridge() matches sklearn Ridge over alphas 0..1000, with and without intercept", () => {
  const s = fx.small;
  for (const c of s.ridge) {
    const fit = ridge(s.X, s.y, {
      alpha: c.alpha!,
      fitIntercept: c.fitIntercept,
    });
    const what = `alpha=${c.alpha} fitIntercept=${c.fitIntercept}`;
    assert.ok(relErr(fit.coef, c.coef) < 1e-10, what);
    close(fit.intercept, c.intercept, 1e-10, `${what} intercept`);
  }
});

Deno.test("ridgePath() equals ridge() at each alpha, in the order given", () => {
  const s = fx.small;
  const alphas = [10, 0, 1000, 0.1];
  const path = ridgePath(s.X, s.y, alphas);
  alphas.forEach((a, k) => {
    const one = ridge(s.X, s.y, { alpha: a });
    assert.equal(path[k]!.alpha, a);
    assert.ok(relErr(path[k]!.coef, one.coef) < 1e-14);
    assert.equal(path[k]!.intercept, one.intercept);
  });
});

Deno.test("lasso() matches sklearn Lasso (coef to 1e-12, same n_iter) on a design with non-zero means", () => {
  const s = fx.small;
  for (const c of s.lasso) {
    const fit = lasso(s.X, s.y, {
      alpha: c.alpha,
      fitIntercept: c.fitIntercept,
      tol: c.tol,
      maxIter: c.maxIter,
    });
    const what = `alpha=${c.alpha} fitIntercept=${c.fitIntercept}`;
    assert.ok(
      relErr(fit.coef, c.coef) < 1e-12,
      `${what}: ${relErr(fit.coef, c.coef)}`,
    );
    close(fit.intercept, c.intercept, 1e-12, `${what} intercept`);
    assert.equal(fit.nIter, c.nIter, what);
    assert.equal(fit.converged, true);
  }
});

Deno.test("lassoPath() (warm starts, any order) reaches sklearn's optimum at each alpha", () => {
  const s = fx.small;
  const cases = s.lassoPathTight;
  const alphas = cases.map((c) => c.alpha).reverse(); // ascending on purpose
  const path = lassoPath(s.X, s.y, alphas, { tol: 1e-12, maxIter: 100000 });
  alphas.forEach((a, k) => {
    const c = cases.find((x) => x.alpha === a)!;
    assert.equal(path[k]!.alpha, a);
    assert.equal(path[k]!.converged, true);
    assert.ok(relErr(path[k]!.coef, c.coef) < 1e-8, `alpha=${a}`);
    close(path[k]!.intercept, c.intercept, 1e-8, `alpha=${a} intercept`);
  });
});

// ---------------------------------------------------------------------------------
// Singular designs, convergence reporting
// ---------------------------------------------------------------------------------

Deno.test("ols() on a rank-deficient design returns sklearn's minimum-norm solution and reports the rank", () => {
  const r = fx.deficient;
  for (const c of r.ols) {
    const fit = ols(r.X, r.y, { fitIntercept: c.fitIntercept });
    assert.equal(fit.rank, 3);
    assert.equal(fit.rank, c.rank);
    assert.ok(relErr(fit.coef, c.coef) < 1e-9, `${relErr(fit.coef, c.coef)}`);
    close(fit.intercept, c.intercept, 1e-9, "intercept");
  }
});

Deno.test("ridge() skips the condition estimate only where solve() would agree: same coefficients on both sides of the threshold", () => {
  // Above alpha = 4·max(n, d)·eps·‖X‖²_F ridge solves by Cholesky alone; below it,
  // through solve(). Both must give solve(XᵀX + αI, Xᵀy) to the last bit.
  const m = fx.mapExample;
  const X = Matrix.from(m.X);
  const G = gram(X);
  const rhs = matvec(transpose(X), m.y);
  let tr = 0;
  for (let i = 0; i < G.rows; i++) tr += G.get(i, i);
  const threshold = 4 * Math.max(X.rows, X.cols) * 2 ** -52 * tr;
  for (const alpha of [threshold / 2, threshold, 2 * threshold, 1, 1e3]) {
    const M = new Matrix(G.rows, G.cols, G.data.slice());
    for (let i = 0; i < G.rows; i++) M.data[i * G.cols + i]! += alpha;
    const fit = ridge(X, m.y, { alpha, fitIntercept: false });
    assert.deepEqual(fit.coef, solve(M, rhs), `alpha=${alpha}`);
  }
});

Deno.test("ridge(alpha=0) on a singular design falls back to the minimum-norm solution", () => {
  const r = fx.deficient;
  const fit = ridge(r.X, r.y, { alpha: 0 });
  assert.equal(fit.solver, "lstsq");
  const ref = ols(r.X, r.y);
  assert.ok(relErr(fit.coef, ref.coef) < 1e-12);
  // A positive penalty makes the system definite again.
  assert.equal(ridge(r.X, r.y, { alpha: 1e-3 }).solver, "primal");
});

Deno.test("ridge() uses the dual when n < d and agrees with the primal solution", () => {
  const m = fx.mapExample;
  const X = m.X.slice(0, 30); // 30 rows, 50 columns
  const y = m.y.slice(0, 30);
  const fit = ridge(X, y, { alpha: 2 });
  assert.equal(fit.solver, "dual");
  // Primal check: (XcᵀXc + αI) w = Xcᵀyc, evaluated directly.
  const d = 50, n = 30;
  const xm = Array.from(
    { length: d },
    (_, j) => X.reduce((s, r) => s + r[j]!, 0) / n,
  );
  const ym = y.reduce((s, v) => s + v, 0) / n;
  for (let j = 0; j < d; j++) {
    let lhs = 2 * fit.coef[j]!;
    let rhs = 0;
    for (let i = 0; i < n; i++) {
      const xij = X[i]![j]! - xm[j]!;
      let pred = 0;
      for (let k = 0; k < d; k++) pred += (X[i]![k]! - xm[k]!) * fit.coef[k]!;
      lhs += xij * pred;
      rhs += xij * (y[i]! - ym);
    }
    assert.ok(Math.abs(lhs - rhs) < 1e-10, `normal equation ${j}`);
  }
});

Deno.test("lasso() reports non-convergence with converged=false instead of throwing", () => {
  const s = fx.small;
  const fit = lasso(s.X, s.y, {
    alpha: 0.001,
    fitIntercept: false,
    tol: 1e-12,
    maxIter: 3,
  });
  assert.equal(fit.converged, false);
  assert.equal(fit.nIter, 3);
  assert.ok(fit.dualGap > 0 && Number.isFinite(fit.dualGap));
});

Deno.test("lasso() on a constant target converges at once to all zeros", () => {
  const fit = lasso([[1, 2], [3, 4], [5, 7]], [2, 2, 2], { alpha: 0.1 });
  assert.equal(fit.converged, true);
  assert.equal(fit.nIter, 1);
  assert.deepEqual(Array.from(fit.coef), [0, 0]);
  assert.equal(fit.intercept, 2);
});

Deno.test("ols(), ridge() and lasso() accept a Matrix and a Float64Array and leave them unchanged", () => {
  const s = fx.small;
  const X = Matrix.from(s.X);
  const y = new Float64Array(s.y);
  const before = X.data.slice();
  const yBefore = y.slice();
  const a = ols(X, y);
  const b = ridge(X, y, { alpha: 1 });
  const c = lasso(X, y, { alpha: 0.1 });
  assert.deepEqual(X.data, before);
  assert.deepEqual(y, yBefore);
  assert.deepEqual(a.coef, ols(s.X, s.y).coef);
  assert.deepEqual(b.coef, ridge(s.X, s.y, { alpha: 1 }).coef);
  assert.deepEqual(c.coef, lasso(s.X, s.y, { alpha: 0.1 }).coef);
});

// ---------------------------------------------------------------------------------
// Argument errors
// ---------------------------------------------------------------------------------

Deno.test("regression functions reject bad arguments with messages naming them", () => {
  const X = [[1, 2], [3, 4], [5, 6]];
  const y = [1, 2, 3];
  assert.throws(
    () => ridge(X, y, { alpha: -1 }),
    /^RangeError: ridge\(\): alpha must be at least 0 \(received -1\)$/,
  );
  assert.throws(
    () => lasso(X, y, { alpha: -0.5 }),
    /lasso\(\): alpha must be at least 0 \(received -0.5\)/,
  );
  assert.throws(
    () => lasso(X, y, { alpha: NaN }),
    /lasso\(\): alpha must be a finite number \(received NaN\)/,
  );
  assert.throws(
    () => lassoPath(X, y, [1, -2]),
    /lassoPath\(\): alphas\[1\] must be at least 0 \(received -2\)/,
  );
  assert.throws(
    () => ridgePath(X, y, []),
    /ridgePath\(\): alphas must have at least 1 value/,
  );
  assert.throws(
    () => lasso(X, y, { maxIter: 0 }),
    /lasso\(\): maxIter must be in \[1, 1000000\] \(received 0\)/,
  );
  assert.throws(
    () => lasso(X, y, { tol: -1 }),
    /lasso\(\): tol must be at least 0/,
  );
  assert.throws(
    () => ols([[1, 2], [3]], [1, 2]),
    /^RangeError: ols\(\): X\[1\] must have length 2 like X\[0\] \(received length 1\)$/,
  );
  assert.throws(
    () => ols(X, [1, 2]),
    /^RangeError: ols\(\): X and y must have the same number of rows \(received 3 rows in X and 2 values in y\)$/,
  );
  assert.throws(
    () => ols([[1, NaN], [1, 2]], [1, 2]),
    /ols\(\): X\[0\]\[1\] must be a finite number \(received NaN\)/,
  );
  assert.throws(
    () => ols(X, [1, NaN, 2]),
    /ols\(\): y\[1\] must be a finite number \(received NaN\)/,
  );
  assert.throws(
    () => ols([], []),
    /ols\(\): X must have at least one row \(received array of length 0\)/,
  );
  assert.throws(
    () => ols([[]], [1]),
    /ols\(\): X must have at least one column/,
  );
  assert.throws(
    () => lassoAlphaMax(X, []),
    /lassoAlphaMax\(\): y must have at least 1 value/,
  );
  assert.throws(
    () => ols(X, y, { fitIntercept: "yes" as unknown as boolean }),
    /^TypeError: ols\(\): fitIntercept must be a boolean \(received string "yes"\)$/,
  );
  assert.throws(
    () => ols("X" as unknown as number[][], y),
    /^TypeError: ols\(\): X must be an array of rows or a Matrix/,
  );
});

Deno.test("the MAP example's X regenerates bit for bit from RandomState(42) (numpy's seed 42), y to rounding", () => {
  const m = fx.mapExample;
  const rs = new RandomState(42);
  const X = rs.randn([100, 50]);
  assert.deepEqual(X.toArray(), m.X);
  const noise = rs.randn(100);
  const y = matvec(X, m.wTrue).map((v, i) => v + 0.1 * noise[i]!);
  assert.ok(relErr(y, m.y) < 1e-15);
});
