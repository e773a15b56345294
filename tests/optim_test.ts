import assert from "node:assert/strict";
import { Adam, SGD } from "../lib/optim.ts";
import fixture from "./fixtures/optim.json" with { type: "json" };

/** The fixture's gradient: a ⊙ θ + noise_t (gradient of Σ a_j θ_j² / 2, perturbed). */
function gradAt(theta: Float64Array, t: number): Float64Array {
  const z = fixture.noises[t]!;
  return Float64Array.from(theta, (th, j) => fixture.a[j]! * th + z[j]!);
}

function assertClose(
  actual: ArrayLike<number>,
  expected: ArrayLike<number>,
  rel: number,
  what: string,
) {
  assert.equal(actual.length, expected.length, what);
  for (let j = 0; j < expected.length; j++) {
    const e = expected[j]!;
    const tol = rel * Math.max(1e-12, Math.abs(e));
    assert.ok(
      Math.abs(actual[j]! - e) <= tol,
      `${what}[${j}]: ${actual[j]} differs from ${e} by more than ${tol}`,
    );
  }
}

Deno.test("Adam.step() follows torch.optim.Adam/AdamW (numpy transcription) for 50 steps", () => {
  for (const c of fixture.adam) {
    const opt = new Adam(fixture.theta0, c.options);
    c.steps.forEach((s, t) => {
      opt.step(gradAt(opt.params, t));
      const what = `${JSON.stringify(c.options)} step ${t + 1}`;
      assertClose(opt.params, s.params, 1e-12, `${what} params`);
      assertClose(opt.m, s.m, 1e-12, `${what} m`);
      assertClose(opt.v, s.v, 1e-12, `${what} v`);
    });
    assert.equal(opt.t, c.steps.length);
  }
});

Deno.test("SGD.step() follows torch.optim.SGD with and without momentum for 50 steps", () => {
  for (const c of fixture.sgd) {
    const opt = new SGD(fixture.theta0, { lr: c.lr, momentum: c.momentum });
    c.params.forEach((p, t) => {
      opt.step(gradAt(opt.params, t));
      assertClose(
        opt.params,
        p,
        1e-12,
        `lr=${c.lr} momentum=${c.momentum} step ${t + 1}`,
      );
    });
  }
});

Deno.test("Adam.vHat() is the bias-corrected average of squared gradients, with weights summing to 1", () => {
  const beta2 = 0.9;
  const opt = new Adam([0, 0], { beta2, lr: 1e-12 });
  const grads = [[1, -2], [3, 0.5], [-1, 4], [2, 2]];
  grads.forEach((g) => opt.step(g));
  const T = grads.length;
  for (let j = 0; j < 2; j++) {
    let num = 0;
    let den = 0;
    grads.forEach((g, i) => {
      const w = (1 - beta2) * beta2 ** (T - 1 - i);
      num += w * g[j]! ** 2;
      den += w;
    });
    assert.ok(Math.abs(opt.vHat()[j]! - num / den) < 1e-12 * (num / den));
  }
});

Deno.test("Adam.vHat() of a stream of i.i.d. gradients converges to their mean square, not their squared mean", () => {
  // Gradients ±1 with mean 0: E[g²] = 1 while (E[g])² = 0.
  const opt = new Adam([0], { beta1: 0.999, beta2: 0.999, lr: 1e-12 });
  for (let t = 0; t < 20000; t++) opt.step([t % 2 === 0 ? 1 : -1]);
  assert.ok(Math.abs(opt.vHat()[0]! - 1) < 1e-12);
  assert.ok(Math.abs(opt.mHat()[0]!) < 1e-3);
});

Deno.test("Adam's steps are unchanged by scaling the loss, SGD's scale with it", () => {
  const grad = (
    th: Float64Array,
    c: number,
  ) => [c * (th[0]! - 3), c * 5 * (th[1]! + 1)];
  const [a1, a2] = [
    new Adam([0, 0], { lr: 0.1, eps: 0 }),
    new Adam([0, 0], { lr: 0.1, eps: 0 }),
  ];
  const [s1, s2] = [
    new SGD([0, 0], { lr: 0.01 }),
    new SGD([0, 0], { lr: 0.01 }),
  ];
  s1.step(grad(s1.params, 1));
  s2.step(grad(s2.params, 10));
  for (let t = 0; t < 100; t++) {
    a1.step(grad(a1.params, 1));
    a2.step(grad(a2.params, 10));
  }
  for (let j = 0; j < 2; j++) {
    assert.ok(Math.abs(a1.params[j]! - a2.params[j]!) < 1e-12);
    assert.ok(Math.abs(s2.params[j]! - 10 * s1.params[j]!) < 1e-12);
  }
});

Deno.test("Adam and SGD copy their starting parameters", () => {
  const start = new Float64Array([1, 2]);
  const opt = new Adam(start, { lr: 0.1 });
  opt.step([1, 1]);
  assert.deepEqual(Array.from(start), [1, 2]);
  const sgd = new SGD(start, { lr: 0.1 });
  sgd.step([1, 1]);
  assert.deepEqual(Array.from(start), [1, 2]);
});

Deno.test("Adam and SGD reject bad options and gradients with messages naming the argument", () => {
  assert.throws(
    () => new Adam([]),
    /Adam\(\): params must have at least 1 value/,
  );
  assert.throws(
    () => new Adam([0], { lr: -1 }),
    /Adam\(\): lr must be greater than 0 \(received -1\)/,
  );
  assert.throws(
    () => new Adam([0], { beta1: 1 }),
    /Adam\(\): beta1 must be in \[0, 1\) \(received 1\)/,
  );
  assert.throws(
    () => new Adam([0], { eps: -1 }),
    /Adam\(\): eps must be at least 0/,
  );
  assert.throws(
    () => new Adam([0], { weightDecay: NaN }),
    /Adam\(\): weightDecay must be a finite number/,
  );
  assert.throws(
    () => new Adam([0], { decoupled: "yes" as unknown as boolean }),
    /Adam\(\): decoupled must be a boolean \(received string "yes"\)/,
  );
  assert.throws(
    () => new Adam([0, 0]).step([1]),
    /Adam\.step\(\): grad and params must have the same length \(received 1 and 2\)/,
  );
  assert.throws(
    () => new Adam([0]).step([NaN]),
    /Adam\.step\(\): grad\[0\] must be a finite number/,
  );
  assert.throws(
    () => new SGD([0], { lr: 0.1, momentum: -0.1 }),
    /SGD\(\): momentum must be in \[0, 1\)/,
  );
  assert.throws(
    () => new SGD([0], { lr: 0.1 }).step([1, 2]),
    /SGD\.step\(\): grad and params must have the same length/,
  );
});
