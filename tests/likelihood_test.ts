import assert from "node:assert/strict";
import fixture from "./fixtures/likelihood.json" with { type: "json" };
import { grid1d, grid2d, linspace } from "../lib/likelihood.ts";
import { normalLogLikelihood } from "../lib/distributions.ts";

Deno.test("linspace() equals numpy.linspace bit for bit", () => {
  for (const c of fixture.linspace) {
    assert.deepEqual(
      Array.from(linspace(c.start, c.stop, c.num)),
      c.values,
      `linspace(${c.start}, ${c.stop}, ${c.num})`,
    );
  }
});

Deno.test("grid2d() of a Normal log-likelihood matches scipy, row-major with rows over y", () => {
  const s = fixture.normalSurface;
  const g = grid2d(
    (mu, sigma) => normalLogLikelihood(s.x, mu, sigma),
    linspace(s.mus.start, s.mus.stop, s.mus.num),
    linspace(s.sigmas.start, s.sigmas.stop, s.sigmas.num),
  );
  assert.equal(g.width, s.mus.num);
  assert.equal(g.height, s.sigmas.num);
  for (let k = 0; k < s.values.length; k++) {
    const want = s.values[k]!;
    assert.ok(
      Math.abs(g.values[k]! - want) <= 1e-12 * Math.abs(want),
      `values[${k}]: ${g.values[k]} vs ${want}`,
    );
  }
  assert.equal(g.argmax.i, s.argmax.i);
  assert.equal(g.argmax.j, s.argmax.j);
  assert.equal(g.argmax.x, g.xs[s.argmax.i]);
  assert.equal(g.argmax.y, g.ys[s.argmax.j]);
});

Deno.test("grid2d() bounds put each value at its grid point for Plot (cell centres)", () => {
  const g = grid2d((x, y) => x + y, linspace(0, 1, 11), linspace(10, 20, 6));
  const kx = (g.x2 - g.x1) / g.width, ky = (g.y2 - g.y1) / g.height;
  // Plot places value i at (x1 + (i % width + 0.5) kx, y1 + (floor(i / width) + 0.5) ky)
  for (let k = 0; k < g.values.length; k++) {
    const x = g.x1 + ((k % g.width) + 0.5) * kx;
    const y = g.y1 + (Math.floor(k / g.width) + 0.5) * ky;
    assert.ok(Math.abs(g.values[k]! - (x + y)) < 1e-12);
  }
});

Deno.test("grid1d() finds the first maximiser and keeps -Infinity values", () => {
  const g = grid1d(
    (p) => (p === 0 ? -Infinity : -((p - 0.5) ** 2)),
    linspace(0, 1, 5),
  );
  assert.equal(g.values[0], -Infinity);
  assert.deepEqual(g.argmax, { index: 2, x: 0.5, value: -0 });
  const tie = grid1d(() => 1, [3, 4, 5]);
  assert.equal(tie.argmax.index, 0);
});

Deno.test("grid helpers name the function and argument in their errors", () => {
  assert.throws(
    () => linspace(0, 1, 0),
    /linspace\(\): num must be at least 1 \(received 0\)/,
  );
  assert.throws(
    () => linspace(0, NaN, 3),
    /linspace\(\): stop must be a finite number \(received NaN\)/,
  );
  assert.throws(
    () => grid1d(() => NaN, [1]),
    /grid1d\(\): f must return a number that is not NaN or \+Infinity \(received NaN at x = 1\)/,
  );
  assert.throws(
    () => grid2d((x) => x, [1, 1], [0]),
    /grid2d\(\): xs must be strictly increasing/,
  );
  assert.throws(
    () => grid1d(3 as unknown as (x: number) => number, [1]),
    /grid1d\(\): f must be a function \(received 3\)/,
  );
});
