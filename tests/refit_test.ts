import assert from "node:assert/strict";
import { refitLogistic, simulateLogisticData } from "../lib/refit.ts";
import { logisticFisherInformation } from "../lib/fisher.ts";
import { inv } from "../lib/linalg.ts";
import { RandomState } from "../lib/random.ts";

Deno.test("simulateLogisticData reproduces the article's numpy draws (seed 42, n = 500)", () => {
  const rs = new RandomState(42);
  const data = simulateLogisticData(rs, 500, [0.5, 1.2, -0.8]);
  // np.random.seed(42); np.random.randn(500, 2)[0] = [0.4967141530112327, -0.13826430117118466]
  assert.equal(data.X.get(0, 1), 0.4967141530112327);
  assert.equal(data.X.get(0, 2), -0.13826430117118466);
  assert.equal(data.features.get(0, 1), -0.13826430117118466);
  for (let i = 0; i < 500; i++) assert.equal(data.X.get(i, 0), 1);
  assert.equal(data.y.reduce((a, b) => a + b, 0), 289);
  // the same stream drawn by hand
  const rs2 = new RandomState(42);
  rs2.randn([500, 2]);
  const u = rs2.rand(500);
  data.y.forEach((yi, i) =>
    assert.equal(yi, (u[i] as number) < (data.p[i] as number) ? 1 : 0)
  );
});

Deno.test("simulateLogisticData rejects a bad n or an empty theta, naming the argument", () => {
  assert.throws(
    () => simulateLogisticData(new RandomState(0), 0, [1]),
    /simulateLogisticData\(\): n/,
  );
  assert.throws(
    () => simulateLogisticData(new RandomState(0), 10, []),
    /theta/,
  );
});

Deno.test("refitLogistic's spread matches the inverse Fisher information within Monte Carlo error", () => {
  const theta = [0.5, 1.2, -0.8];
  const { X } = simulateLogisticData(new RandomState(3), 400, theta);
  const B = 400;
  const refits = refitLogistic(X, theta, B, new RandomState(4));
  const cov = inv(logisticFisherInformation(X, theta));
  refits.forEach((v, j) => {
    const mean = v.reduce((a, b) => a + b, 0) / B;
    const sd = Math.sqrt(v.reduce((a, b) => a + (b - mean) ** 2, 0) / B);
    const se = Math.sqrt(cov.get(j, j));
    // sd of an sd from B draws is about sd/√(2B): 5 of those, plus O(1/n) small-sample bias
    assert.ok(
      Math.abs(sd / se - 1) < 5 / Math.sqrt(2 * B) + 0.05,
      `weight ${j}`,
    );
    assert.ok(
      Math.abs(mean - (theta[j] as number)) <
        5 * se / Math.sqrt(B) + 0.05 * Math.abs(theta[j] as number),
    );
  });
});

Deno.test("refitLogistic is deterministic for a seed and checks its arguments", () => {
  const { X } = simulateLogisticData(new RandomState(1), 100, [0, 1]);
  const a = refitLogistic(X, [0, 1], 5, new RandomState(9));
  const b = refitLogistic(X, [0, 1], 5, new RandomState(9));
  assert.deepEqual(a, b);
  assert.throws(
    () => refitLogistic(X, [0, 1, 2], 5, new RandomState(9)),
    /refitLogistic\(\): theta/,
  );
  assert.throws(
    () => refitLogistic(X, [0, 1], 0, new RandomState(9)),
    /replicates/,
  );
});
