import assert from "node:assert/strict";
import fc from "fast-check";
import fixture from "./fixtures/robust.json" with { type: "json" };
import { huberLogPdf, huberRegression, lad } from "../lib/robust.ts";
import { huber } from "../lib/losses.ts";
import { ols } from "../lib/regression.ts";

type Name = keyof typeof fixture.datasets;
const NAMES = Object.keys(fixture.datasets) as Name[];

function assertClose(
  actual: number,
  expected: number,
  what: string,
  rtol: number,
  atol = 0,
): void {
  const diff = Math.abs(actual - expected);
  if (!(diff <= atol + rtol * Math.abs(expected))) {
    assert.fail(
      `${what}: ${actual} differs from ${expected} by ${diff} (rtol ${rtol}, atol ${atol})`,
    );
  }
}

function sumAbsResiduals(
  X: number[][],
  y: number[],
  intercept: number,
  coef: ArrayLike<number>,
): number {
  let s = 0;
  for (let i = 0; i < y.length; i++) {
    let f = intercept;
    for (let j = 0; j < coef.length; j++) f += X[i]![j]! * coef[j]!;
    s += Math.abs(y[i]! - f);
  }
  return s;
}

Deno.test("lad() matches the exact linear-programming minimiser (scipy linprog)", () => {
  for (const name of NAMES) {
    const { X, y } = fixture.datasets[name];
    const want = fixture.lad[name];
    const fit = lad(X, y);
    assertClose(fit.intercept, want.intercept, `${name} intercept`, 1e-9, 1e-9);
    want.coef.forEach((c, j) =>
      assertClose(fit.coef[j]!, c, `${name} coef[${j}]`, 1e-9, 1e-12)
    );
    assertClose(fit.objective, want.objective, `${name} objective`, 1e-12);
    assert.ok(fit.converged, `${name} converged`);
  }
});

Deno.test("lad() reaches an objective no larger than statsmodels QuantReg(q=0.5)", () => {
  for (const name of NAMES) {
    const { X, y } = fixture.datasets[name];
    const [b, ...w] = fixture.lad[name].quantregStatsmodels;
    const theirs = sumAbsResiduals(X, y, b!, w);
    const ours = lad(X, y).objective;
    assert.ok(ours <= theirs + 1e-12, `${name}: ${ours} > ${theirs}`);
  }
});

Deno.test("lad() passes exactly through p of the points (a vertex of the LP)", () => {
  for (const name of NAMES) {
    const { X, y } = fixture.datasets[name];
    const fit = lad(X, y);
    const p = fit.coef.length + 1;
    const zeros = fit.residuals.filter((r) => Math.abs(r) < 1e-9).length;
    assert.ok(zeros >= p, `${name}: ${zeros} exact points, expected >= ${p}`);
  }
});

Deno.test("lad() is a local minimum: no small move of the coefficients lowers Σ|r|", () => {
  const { X, y } = fixture.datasets.tnoise;
  const fit = lad(X, y);
  fc.assert(
    fc.property(
      fc.double({ min: -1e-3, max: 1e-3, noNaN: true }),
      fc.double({ min: -1e-3, max: 1e-3, noNaN: true }),
      (db, dw) => {
        const moved = sumAbsResiduals(X, y, fit.intercept + db, [
          fit.coef[0]! + dw,
        ]);
        return moved >= fit.objective - 1e-12;
      },
    ),
  );
});

Deno.test("lad() without intercept fits a line through the origin", () => {
  const x = [1, 2, 3, 4, 5];
  const y = [2, 4, 6, 8, 30];
  const fit = lad(x.map((v) => [v]), y, { fitIntercept: false });
  assert.equal(fit.intercept, 0);
  assertClose(fit.coef[0]!, 2, "slope", 1e-12);
});

Deno.test("huberRegression() with a fixed scale matches scipy's minimiser", () => {
  for (const c of fixture.huberFixed) {
    const { X, y } = fixture.datasets[c.dataset as Name];
    const fit = huberRegression(X, y, { delta: c.delta, scale: c.scale });
    const what = `${c.dataset} delta=${c.delta} scale=${c.scale}`;
    assertClose(fit.intercept, c.intercept, `${what} intercept`, 1e-8, 1e-10);
    c.coef.forEach((v, j) =>
      assertClose(fit.coef[j]!, v, `${what} coef[${j}]`, 1e-8, 1e-12)
    );
    assertClose(fit.objective, c.objective, `${what} objective`, 1e-12);
    assert.equal(fit.scale, c.scale);
    assert.ok(fit.converged, what);
  }
});

Deno.test("huberRegression() with scale 'mad' matches statsmodels RLM(HuberT)", () => {
  for (const name of NAMES) {
    const { X, y } = fixture.datasets[name];
    const want = fixture.huberMad[name];
    const fit = huberRegression(X, y);
    assertClose(
      fit.intercept,
      want.intercept,
      `${name} intercept`,
      1e-8,
      1e-10,
    );
    want.coef.forEach((v, j) =>
      assertClose(fit.coef[j]!, v, `${name} coef[${j}]`, 1e-8, 1e-12)
    );
    assertClose(fit.scale, want.scale, `${name} scale`, 1e-8);
    assert.equal(fit.delta, 1.345);
  }
});

Deno.test("huberRegression() with scale 1 minimises the summed Huber loss of losses.ts", () => {
  const { X, y } = fixture.datasets.cars;
  const fit = huberRegression(X, y, { delta: 1, scale: 1 });
  const yHat = X.map((row) =>
    fit.intercept + row[0]! * fit.coef[0]! + row[1]! * fit.coef[1]!
  );
  const loss = huber(y, yHat, { delta: 1, reduction: "sum" });
  assertClose(fit.objective, loss, "objective vs huber()", 1e-12);
  for (const [db, dw] of [[1e-3, 0], [-1e-3, 0], [0, 1e-5], [0, -1e-5]]) {
    const moved = X.map((row) =>
      fit.intercept + db! + row[0]! * (fit.coef[0]! + dw!) +
      row[1]! * fit.coef[1]!
    );
    assert.ok(huber(y, moved, { delta: 1, reduction: "sum" }) > loss);
  }
});

Deno.test("huberRegression() with a huge delta is ordinary least squares", () => {
  const { X, y } = fixture.datasets.cars;
  const fit = huberRegression(X, y, { delta: 1e6, scale: 1 });
  const ls = ols(X, y);
  assertClose(fit.intercept, ls.intercept, "intercept", 1e-10);
  assertClose(fit.coef[0]!, ls.coef[0]!, "coef[0]", 1e-10);
  assertClose(fit.coef[1]!, ls.coef[1]!, "coef[1]", 1e-10);
  assert.ok(fit.weights.every((w) => w === 1));
});

Deno.test("huberLogPdf() matches the closed form checked by scipy quadrature", () => {
  for (const c of fixture.huberLogPdf) {
    assertClose(
      huberLogPdf(c.x, c.mu, c.scale, c.delta),
      c.logpdf,
      `x=${c.x} mu=${c.mu} s=${c.scale} delta=${c.delta}`,
      1e-14,
      1e-15,
    );
  }
});

Deno.test("huberLogPdf() integrates to 1 for every delta", () => {
  for (const delta of [0.1, 0.5, 1, 1.345, 3, 10]) {
    // Simpson's rule on [-L, L] with the tails beyond L added in closed form.
    const L = 40 / Math.min(delta, 1);
    const m = 400_000;
    const h = (2 * L) / m;
    let s = 0;
    for (let k = 0; k <= m; k++) {
      const wgt = k === 0 || k === m ? 1 : k % 2 === 1 ? 4 : 2;
      s += wgt * Math.exp(huberLogPdf(-L + k * h, 0, 1, delta));
    }
    const tails = (2 * Math.exp(huberLogPdf(L, 0, 1, delta))) / delta;
    assertClose((s * h) / 3 + tails, 1, `delta=${delta}`, 1e-9);
  }
});

Deno.test("robust fits name the function and argument in their errors", () => {
  assert.throws(
    () => lad([[1], [2]], [1]),
    /lad\(\): X and y must have the same number of rows/,
  );
  assert.throws(
    () => lad([[1], [2]], [1, 2], { maxIter: 0 }),
    /lad\(\): maxIter must be in \[1, 1000000\] \(received 0\)/,
  );
  assert.throws(
    () => huberRegression([[1], [2]], [1, 2], { delta: 0 }),
    /huberRegression\(\): delta must be greater than 0 \(received 0\)/,
  );
  assert.throws(
    () => huberRegression([[1], [2]], [1, 2], { scale: -1 }),
    /huberRegression\(\): scale must be greater than 0 \(received -1\)/,
  );
  assert.throws(
    // deno-lint-ignore no-explicit-any
    () => huberRegression([[1], [2]], [1, 2], { scale: "iqr" as any }),
    /huberRegression\(\): scale must be a positive number or "mad" \(received string "iqr"\)/,
  );
  assert.throws(
    () => huberRegression([[1], [2], [3], [4], [5]], [3, 5, 7, 9, 11]), // an exact line
    /huberRegression\(\): the MAD scale estimate became 0/,
  );
  assert.throws(
    () => huberLogPdf(0, 0, 0),
    /huberLogPdf\(\): scale must be greater than 0/,
  );
});
