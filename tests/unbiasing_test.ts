import assert from "node:assert/strict";
import { c4 } from "../lib/unbiasing.ts";
import { RandomState } from "../lib/random.ts";

Deno.test("c4 matches the closed forms: √(2/π) at n = 2, √π/2 at n = 3, and Γ-function values", () => {
  assert.ok(Math.abs(c4(2) - Math.sqrt(2 / Math.PI)) < 1e-15);
  // n = 3: √(2/2)·Γ(3/2)/Γ(1) = √π/2
  assert.ok(Math.abs(c4(3) - Math.sqrt(Math.PI) / 2) < 1e-15);
  // Python: sqrt(2/(n-1)) * exp(lgamma(n/2) - lgamma((n-1)/2))
  const ref: [number, number][] = [
    [5, 0.9399856029866254],
    [10, 0.972659274121587],
    [100, 0.997477976071278],
  ];
  for (const [n, v] of ref) assert.ok(Math.abs(c4(n) - v) < 1e-12, `n = ${n}`);
  // c4(n) ≈ 1 − 1/(4n) − 7/(32n²) for large n
  const big = 100_000;
  assert.ok(
    Math.abs(c4(big) - (1 - 1 / (4 * big) - 7 / (32 * big ** 2))) < 1e-12,
  );
});

Deno.test("c4 is E[s]/σ: a simulation agrees within its standard error", () => {
  const rs = new RandomState(1);
  const n = 4, m = 40_000;
  const x = rs.randn([m, n]).data;
  let sum = 0, sumSq = 0;
  for (let r = 0; r < m; r++) {
    const row = x.subarray(r * n, (r + 1) * n);
    const mean = row.reduce((a, b) => a + b, 0) / n;
    const s = Math.sqrt(row.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1));
    sum += s;
    sumSq += s * s;
  }
  const mean = sum / m;
  const se = Math.sqrt((sumSq / m - mean ** 2) / m);
  assert.ok(Math.abs(mean - c4(n)) < 5 * se);
});

Deno.test("c4 is within 1e-15 of 50-digit arithmetic on both sides of the switch from the recursion to the series", () => {
  // Python's decimal at 50 digits: the recursion from Γ(1)/Γ(½) and Γ(3/2)/Γ(1).
  const ref: [number, number][] = [
    [30, 0.991418053292673],
    [119, 0.9978836239781778],
    [120, 0.9979013895560608],
    [121, 0.9979188593597667],
    [199, 0.998738175875358],
    [500, 0.9994991238117116],
    [1000, 0.9997497811015132],
    [10000, 0.9999749978123516],
    [1000000, 0.9999997499997813],
  ];
  for (const [n, v] of ref) {
    assert.ok(Math.abs(c4(n) - v) <= 1e-15, `n = ${n}: ${c4(n)} vs ${v}`);
  }
});

Deno.test("c4 takes any sample size up to 2^53 − 1 in bounded time, staying in (0, 1]", () => {
  for (const n of [1e9, 1e12, 2 ** 40, Number.MAX_SAFE_INTEGER]) {
    const v = c4(n);
    assert.ok(v > 0 && v <= 1, `n = ${n}: ${v}`);
    assert.ok(Math.abs(v - (1 - 1 / (4 * n))) <= 2e-16, `n = ${n}: ${v}`);
  }
});

Deno.test("c4 rejects a sample size below 2, beyond 2^53 − 1, not an integer or not a number, naming n", () => {
  assert.throws(
    () => c4(1),
    /^RangeError: c4\(\): n must be in \[2, 9007199254740991\] \(received 1\)$/,
  );
  assert.throws(() => c4(2 ** 53), RangeError);
  assert.throws(() => c4(2.5), /c4\(\): n must be an integer \(received 2.5\)/);
  assert.throws(
    () => c4(Number.NaN),
    /c4\(\): n must be an integer \(received NaN\)/,
  );
  assert.throws(
    // @ts-expect-error: a string, as a notebook cell could pass
    () => c4("5"),
    (e: unknown) =>
      e instanceof TypeError &&
      /c4\(\): n must be an integer \(received string "5"\)/.test(e.message),
  );
});
