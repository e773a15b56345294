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

Deno.test("c4 rejects a sample size below 2 or not an integer, naming n", () => {
  assert.throws(
    () => c4(1),
    /c4\(\): n must be an integer >= 2 \(received 1\)/,
  );
  assert.throws(() => c4(2.5), /received 2.5/);
  assert.throws(() => c4(Number.NaN), /received NaN/);
});
