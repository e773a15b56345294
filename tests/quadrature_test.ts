import assert from "node:assert/strict";
import { simpson } from "../lib/quadrature.ts";

Deno.test("simpson() is exact for cubics on any even number of intervals", () => {
  const cubic = (t: number) => 2 * t ** 3 - t ** 2 + 4;
  const exact = (t: number) => t ** 4 / 2 - t ** 3 / 3 + 4 * t;
  for (const intervals of [2, 4, 10]) {
    const got = simpson(cubic, -1, 2, { intervals });
    assert.ok(Math.abs(got - (exact(2) - exact(-1))) < 1e-12, `${intervals}`);
  }
});

Deno.test("simpson() converges at fourth order on a smooth integrand", () => {
  const err = (m: number) =>
    Math.abs(simpson(Math.sin, 0, Math.PI, { intervals: m }) - 2);
  const ratio = err(20) / err(40);
  assert.ok(ratio > 15 && ratio < 17, `ratio ${ratio}`); // 2^4 = 16
});

Deno.test("simpson() with reversed limits is minus the integral", () => {
  assert.ok(Math.abs(simpson(Math.exp, 1, 0) + (Math.E - 1)) < 1e-12);
});

Deno.test("simpson() rejects odd intervals, infinite limits and non-finite values", () => {
  assert.throws(
    () => simpson(Math.sin, 0, 1, { intervals: 3 }),
    /even integer/,
  );
  assert.throws(() => simpson(Math.sin, 0, Infinity), /finite/);
  assert.throws(
    () => simpson((t) => 1 / t, 0, 1),
    /f returned Infinity at t=0/,
  );
});
