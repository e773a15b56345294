import assert from "node:assert/strict";
import fc from "fast-check";
import fixture from "./fixtures/losses.json" with { type: "json" };
import {
  binaryCrossEntropy,
  binaryCrossEntropyWithLogits,
  crossEntropy,
  huber,
  logSoftmax,
  logSumExp,
  mae,
  mse,
  type Reduction,
  sigmoid,
  softmax,
} from "../lib/losses.ts";

const REDUCTIONS = ["mean", "sum", "none"] as const;

/** |actual - expected| <= atol + rtol |expected|; equal infinities pass. */
function assertClose(
  actual: number,
  expected: number,
  what: string,
  rtol = 1e-12,
  atol = 0,
): void {
  if (actual === expected) return;
  const diff = Math.abs(actual - expected);
  if (!(diff <= atol + rtol * Math.abs(expected))) {
    assert.fail(
      `${what}: ${actual} differs from ${expected} by ${diff} (rtol ${rtol}, atol ${atol})`,
    );
  }
}

function assertAllClose(
  actual: ArrayLike<number>,
  expected: ArrayLike<number>,
  what: string,
  rtol = 1e-12,
  atol = 0,
): void {
  assert.equal(actual.length, expected.length, `${what}: length`);
  for (let i = 0; i < expected.length; i++) {
    assertClose(actual[i]!, expected[i]!, `${what}[${i}]`, rtol, atol);
  }
}

/** Compares a reduced loss (number) or per-sample losses with the fixture. */
function assertReduced(
  actual: number | Float64Array,
  expected: number | number[],
  what: string,
  rtol = 1e-12,
  atol = 0,
): void {
  if (typeof expected === "number") {
    assert.equal(typeof actual, "number", `${what}: a number`);
    assertClose(actual as number, expected, what, rtol, atol);
  } else {
    assert.ok(actual instanceof Float64Array, `${what}: a Float64Array`);
    assertAllClose(actual, expected, what, rtol, atol);
  }
}

// --- building blocks ---------------------------------------------------------

Deno.test("logSumExp(), logSoftmax() and softmax() match scipy.special, including ±1e4 scores", () => {
  for (const [i, row] of fixture.rows.entries()) {
    assertClose(logSumExp(row.x), row.logSumExp, `rows[${i}] logSumExp`);
    assertAllClose(logSoftmax(row.x), row.logSoftmax, `rows[${i}] logSoftmax`);
    assertAllClose(softmax(row.x), row.softmax, `rows[${i}] softmax`);
  }
});

Deno.test("softmax() stays exact where the naive exp(x) / Σ exp(x) overflows to NaN", () => {
  const row = [1e4, 1e4 - 1, -1e4];
  const naive = row.map((v) =>
    Math.exp(v) / row.reduce((s, u) => s + Math.exp(u), 0)
  );
  assert.ok(Number.isNaN(naive[0]), "naive softmax gives Infinity / Infinity");
  const naiveLse = Math.log(row.reduce((s, u) => s + Math.exp(u), 0));
  assert.equal(naiveLse, Infinity);
  // Exact values: with z = 1 + e^-1, p = [1/z, e^-1/z, 0].
  const z = 1 + Math.exp(-1);
  assertAllClose(softmax(row), [1 / z, Math.exp(-1) / z, 0], "softmax", 1e-15);
  assertClose(
    logSumExp(row),
    1e4 + Math.log1p(Math.exp(-1)),
    "logSumExp",
    1e-15,
  );
  assertAllClose(
    logSoftmax(row),
    [
      -Math.log1p(Math.exp(-1)),
      -1 - Math.log1p(Math.exp(-1)),
      -2e4 - Math.log1p(Math.exp(-1)),
    ],
    "logSoftmax",
    1e-15,
  );
});

Deno.test("sigmoid() matches scipy.special.expit from -1e4 to 1e4, scalar and array", () => {
  const { x, value } = fixture.sigmoid;
  assertAllClose(sigmoid(x), value, "sigmoid(array)");
  for (let i = 0; i < x.length; i++) {
    assertClose(sigmoid(x[i]!), value[i]!, `sigmoid(${x[i]})`);
  }
  // The tail keeps relative precision: 1 / (1 + e^40) is not rounded to 0.
  assert.ok(sigmoid(-40) > 4.24e-18);
});

Deno.test("logSoftmax() keeps the relative precision of a tiny loss that log(Σ exp) rounds to 0", () => {
  // -log p(class 0) for scores [40, 0] is log1p(e^-40) ≈ 4.25e-18.
  const exact = Math.log1p(Math.exp(-40));
  assertClose(-logSoftmax([40, 0])[0]!, exact, "logSoftmax", 1e-15);
  assertClose(crossEntropy([[40, 0]], [0]), exact, "crossEntropy", 1e-15);
  const naive = Math.log(Math.exp(0) + Math.exp(-40)) + 40 - 40;
  assert.equal(naive, 0);
});

// --- crossEntropy ----------------------------------------------------------------

Deno.test("crossEntropy() matches PyTorch's formulas (weights, ignoreIndex, labelSmoothing, ±1e4) for every reduction", () => {
  for (const c of fixture.crossEntropy) {
    for (const reduction of REDUCTIONS) {
      const options: {
        reduction: Reduction;
        weight?: number[];
        ignoreIndex?: number;
        labelSmoothing?: number;
      } = { reduction };
      if ("weight" in c) options.weight = c.weight;
      if ("ignoreIndex" in c) options.ignoreIndex = c.ignoreIndex;
      if ("labelSmoothing" in c) options.labelSmoothing = c.labelSmoothing;
      const actual = crossEntropy(c.logits, c.targets, options);
      assertReduced(actual, c.expected[reduction], `${c.name} (${reduction})`);
    }
  }
});

Deno.test("crossEntropy() with extreme logits (±1e4) gives finite losses exactly", () => {
  const c = fixture.crossEntropy.find((c) => c.name === "extreme logits")!;
  const losses = crossEntropy(c.logits, c.targets, { reduction: "none" });
  assert.deepEqual(Array.from(losses), [0, 2e4, 1e4, 0, Math.log(3)]);
  assert.ok(losses.every(Number.isFinite));
});

Deno.test("crossEntropy() accepts a { rows, cols, data } matrix and typed-array rows alike", () => {
  const c = fixture.crossEntropy[0]!;
  const rows = c.logits.length;
  const cols = c.logits[0]!.length;
  const matrix = { rows, cols, data: Float64Array.from(c.logits.flat()) };
  const typed = c.logits.map((r) => Float64Array.from(r));
  const expected = crossEntropy(c.logits, c.targets, { reduction: "none" });
  assert.deepEqual(
    crossEntropy(matrix, c.targets, { reduction: "none" }),
    expected,
  );
  assert.deepEqual(
    crossEntropy(typed, Int32Array.from(c.targets), { reduction: "none" }),
    expected,
  );
});

Deno.test("crossEntropy() per sample equals -log softmax at the target (property)", () => {
  const score = fc.double({ min: -50, max: 50, noNaN: true });
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: 6 }).chain((k) =>
        fc.tuple(
          fc.array(fc.array(score, { minLength: k, maxLength: k }), {
            minLength: 1,
            maxLength: 5,
          }),
          fc.constant(k),
        )
      ),
      fc.nat(),
      ([rows, k], seed) => {
        const targets = rows.map((_, i) => (seed + i) % k);
        const losses = crossEntropy(rows, targets, { reduction: "none" });
        rows.forEach((row, i) => {
          const expected = -logSoftmax(row)[targets[i]!]!;
          assertClose(losses[i]!, expected, `row ${i}`, 0, 1e-12);
        });
      },
    ),
  );
});

Deno.test("crossEntropy() with every target ignored: mean is NaN as in PyTorch, sum is 0", () => {
  const logits = [[1, 2], [3, 4]];
  assert.ok(Number.isNaN(crossEntropy(logits, [-100, -100])));
  assert.ok(Number.isNaN(crossEntropy(logits, [0, 1], { weight: [0, 0] })));
  assert.equal(crossEntropy(logits, [-100, -100], { reduction: "sum" }), 0);
  assert.deepEqual(
    Array.from(crossEntropy(logits, [-100, -100], { reduction: "none" })),
    [0, 0],
  );
});

Deno.test("crossEntropy() names the faulty argument", () => {
  const x = [[0, 1, 2], [1, 1, 1]];
  assert.throws(
    () => crossEntropy([], []),
    /crossEntropy\(\): logits must have at least 1 row/,
  );
  assert.throws(
    () => crossEntropy([[]], [0]),
    /crossEntropy\(\): logits\[0\] must have at least 1 value/,
  );
  assert.throws(
    () => crossEntropy([[0, 1, 2], [1, 1]], [0, 0]),
    /crossEntropy\(\): logits\[1\] must have length 3 like logits\[0\] \(received length 2\)/,
  );
  assert.throws(
    () => crossEntropy([[0, NaN, 2]], [0]),
    /crossEntropy\(\): logits\[0\]\[1\] must be a finite number \(received NaN\)/,
  );
  assert.throws(
    () => crossEntropy({ rows: 2, cols: 2, data: [1, 2, 3] }, [0, 0]),
    /crossEntropy\(\): logits.data must have rows \* cols = 4 values \(received 3\)/,
  );
  assert.throws(
    () => crossEntropy(x, [0]),
    /crossEntropy\(\): targets must have one class index per row of logits \(received 1 targets for 2 rows\)/,
  );
  assert.throws(
    () => crossEntropy(x, [0, 3]),
    /crossEntropy\(\): targets\[1\] must be a class index in \[0, 3\) or ignoreIndex -100 \(received 3\)/,
  );
  assert.throws(
    () => crossEntropy(x, [0, -1]),
    /targets\[1\] must be a class index in \[0, 3\)/,
  );
  assert.throws(
    () => crossEntropy(x, [0.5, 1]),
    /crossEntropy\(\): targets\[0\] must be an integer class index \(received 0.5\)/,
  );
  assert.throws(
    () => crossEntropy(x, [0, NaN]),
    /crossEntropy\(\): targets\[1\] must be a finite number/,
  );
  assert.throws(
    () => crossEntropy(x, [0, 1], { weight: [1, 1] }),
    /crossEntropy\(\): weight must have one entry per class \(received length 2 for 3 classes\)/,
  );
  assert.throws(
    () => crossEntropy(x, [0, 1], { weight: [1, -1, 1] }),
    /crossEntropy\(\): weight\[1\] must be at least 0 \(received -1\)/,
  );
  assert.throws(
    () => crossEntropy(x, [0, 1], { labelSmoothing: 1.5 }),
    /crossEntropy\(\): labelSmoothing must be in \[0, 1\] \(received 1.5\)/,
  );
  assert.throws(
    () => crossEntropy(x, [0, 1], { ignoreIndex: 0.5 }),
    /crossEntropy\(\): ignoreIndex must be an integer \(received 0.5\)/,
  );
  assert.throws(
    // @ts-expect-error an unknown reduction is rejected at run time too
    () => crossEntropy(x, [0, 1], { reduction: "avg" }),
    /crossEntropy\(\): reduction must be "mean", "sum" or "none" \(received string "avg"\)/,
  );
});

// --- binary cross-entropy -----------------------------------------------------------

Deno.test("binaryCrossEntropy() on the article's five predictions is 0.229443", () => {
  const { yTrue, yProb, loss, rounded } = fixture.article;
  const actual = binaryCrossEntropy(yTrue, yProb);
  assertClose(actual, loss, "article");
  assert.equal(actual.toFixed(6), rounded);
  assert.equal(rounded, "0.229443");
});

Deno.test("binaryCrossEntropy() matches numpy: clipping at 1e-15 and 1e-7, and PyTorch's log clamp at -100", () => {
  for (const c of fixture.binaryCrossEntropy) {
    for (const reduction of REDUCTIONS) {
      assertReduced(
        binaryCrossEntropy(c.yTrue, c.yProb, { reduction }),
        c.clipped[reduction],
        `${c.name} clipped (${reduction})`,
      );
      assertReduced(
        binaryCrossEntropy(c.yTrue, c.yProb, { reduction, eps: 1e-7 }),
        c["clipped1e-7"][reduction],
        `${c.name} eps 1e-7 (${reduction})`,
      );
      assertReduced(
        binaryCrossEntropy(c.yTrue, c.yProb, { reduction, clampLog: true }),
        c.clampLog[reduction],
        `${c.name} clampLog (${reduction})`,
      );
    }
  }
});

Deno.test("binaryCrossEntropy() with eps 0 is exact: Infinity for a certain wrong answer, 0 · log 0 = 0", () => {
  assert.equal(binaryCrossEntropy([1], [0], { eps: 0 }), Infinity);
  assert.equal(binaryCrossEntropy([0], [1], { eps: 0 }), Infinity);
  assert.equal(binaryCrossEntropy([1, 0], [1, 0], { eps: 0 }), 0);
  assertClose(
    binaryCrossEntropy([1], [1e-300], { eps: 0 }),
    300 * Math.LN10,
    "1e-300",
  );
});

Deno.test("binaryCrossEntropy() names the faulty argument", () => {
  assert.throws(
    () => binaryCrossEntropy([], []),
    /binaryCrossEntropy\(\): yTrue must have at least 1 value/,
  );
  assert.throws(
    () => binaryCrossEntropy([1, 0], [0.5]),
    /binaryCrossEntropy\(\): yTrue and yProb must have the same length \(received 2 and 1\)/,
  );
  assert.throws(
    () => binaryCrossEntropy([1, 0], [0.5, 1.2]),
    /binaryCrossEntropy\(\): yProb\[1\] must be a probability in \[0, 1\] \(received 1.2\)/,
  );
  assert.throws(
    () => binaryCrossEntropy([2, 0], [0.5, 0.5]),
    /binaryCrossEntropy\(\): yTrue\[0\] must be a probability in \[0, 1\] \(received 2\)/,
  );
  assert.throws(
    () => binaryCrossEntropy([1], [NaN]),
    /binaryCrossEntropy\(\): yProb\[0\] must be a finite number \(received NaN\)/,
  );
  assert.throws(
    () => binaryCrossEntropy([1], [0.5], { eps: 0.5 }),
    /binaryCrossEntropy\(\): eps must be less than 0.5 \(received 0.5\)/,
  );
  assert.throws(
    () => binaryCrossEntropy([1], [0.5], { eps: -1 }),
    /binaryCrossEntropy\(\): eps must be at least 0 \(received -1\)/,
  );
});

Deno.test("binaryCrossEntropyWithLogits() matches PyTorch's stable formula, with posWeight scalar and per sample", () => {
  for (const c of fixture.binaryCrossEntropyWithLogits) {
    for (const reduction of REDUCTIONS) {
      // The tiny losses PyTorch's form rounds to 0 are kept here (see next test),
      // hence the absolute tolerance far below any loss that is not tiny.
      assertReduced(
        binaryCrossEntropyWithLogits(c.logits, c.targets, { reduction }),
        c.plain[reduction],
        `${c.name} (${reduction})`,
        1e-12,
        1e-15,
      );
      assertReduced(
        binaryCrossEntropyWithLogits(c.logits, c.targets, {
          reduction,
          posWeight: 2.5,
        }),
        c["posWeight2.5"][reduction],
        `${c.name} posWeight 2.5 (${reduction})`,
        1e-12,
        1e-15,
      );
      if (c.posWeightVector && c.posWeightVectorExpected) {
        assertReduced(
          binaryCrossEntropyWithLogits(c.logits, c.targets, {
            reduction,
            posWeight: c.posWeightVector,
          }),
          c.posWeightVectorExpected[reduction],
          `${c.name} posWeight vector (${reduction})`,
          1e-12,
          1e-15,
        );
      }
    }
  }
});

Deno.test("binaryCrossEntropyWithLogits() keeps tiny losses that PyTorch's form cancels to 0", () => {
  const x = -40;
  const pytorch = (1 - 0) * x +
    (1 + 0) * (Math.log1p(Math.exp(-Math.abs(x))) + Math.max(-x, 0));
  assert.equal(pytorch, 0);
  assertClose(
    binaryCrossEntropyWithLogits([x], [0]),
    Math.log1p(Math.exp(-40)),
    "y=0, x=-40",
    1e-15,
  );
  assertClose(
    binaryCrossEntropyWithLogits([40], [1]),
    Math.log1p(Math.exp(-40)),
    "y=1, x=40",
    1e-15,
  );
});

Deno.test("binaryCrossEntropyWithLogits(x) equals binaryCrossEntropy(sigmoid(x)) without clipping", () => {
  const x = [-3, -0.5, 0, 0.7, 4];
  const y = [0, 1, 0.25, 1, 0];
  assertAllClose(
    binaryCrossEntropyWithLogits(x, y, { reduction: "none" }),
    binaryCrossEntropy(y, sigmoid(x), { eps: 0, reduction: "none" }),
    "bce",
    1e-14,
  );
});

Deno.test("binaryCrossEntropyWithLogits() names the faulty argument", () => {
  const fn = "binaryCrossEntropyWithLogits";
  assert.throws(
    () => binaryCrossEntropyWithLogits([], []),
    new RegExp(`${fn}\\(\\): logits must have at least 1 value`),
  );
  assert.throws(
    () => binaryCrossEntropyWithLogits([0, 1], [1]),
    /logits and targets must have the same length \(received 2 and 1\)/,
  );
  assert.throws(
    () => binaryCrossEntropyWithLogits([Infinity], [1]),
    /binaryCrossEntropyWithLogits\(\): logits\[0\] must be a finite number \(received Infinity\)/,
  );
  assert.throws(
    () => binaryCrossEntropyWithLogits([0], [-0.1]),
    /binaryCrossEntropyWithLogits\(\): targets\[0\] must be a probability in \[0, 1\] \(received -0.1\)/,
  );
  assert.throws(
    () => binaryCrossEntropyWithLogits([0], [1], { posWeight: -2 }),
    /binaryCrossEntropyWithLogits\(\): posWeight must be at least 0 \(received -2\)/,
  );
  assert.throws(
    () => binaryCrossEntropyWithLogits([0, 1], [1, 0], { posWeight: [1] }),
    /binaryCrossEntropyWithLogits\(\): posWeight and logits must have the same length \(received 1 and 2\)/,
  );
});

// --- regression losses ---------------------------------------------------------------

Deno.test("mse(), mae() and huber() (delta 1 and 0.5) match PyTorch's definitions for every reduction", () => {
  const r = fixture.regression;
  for (const reduction of REDUCTIONS) {
    assertReduced(
      mse(r.yTrue, r.yPred, { reduction }),
      r.mse[reduction],
      `mse (${reduction})`,
    );
    assertReduced(
      mae(r.yTrue, r.yPred, { reduction }),
      r.mae[reduction],
      `mae (${reduction})`,
    );
    assertReduced(
      huber(r.yTrue, r.yPred, { reduction }),
      r.huber1[reduction],
      `huber 1 (${reduction})`,
    );
    assertReduced(
      huber(r.yTrue, r.yPred, { reduction, delta: 0.5 }),
      r["huber0.5"][reduction],
      `huber 0.5 (${reduction})`,
    );
  }
});

Deno.test("huber() is quadratic below delta and linear from delta on", () => {
  const losses = huber([0, 0, 0, 0], [0.25, -0.5, 2, -3], {
    delta: 0.5,
    reduction: "none",
  });
  assert.deepEqual(Array.from(losses), [0.03125, 0.125, 0.875, 1.375]);
});

Deno.test("mse(), mae() and huber() name the faulty argument", () => {
  assert.throws(() => mse([], []), /mse\(\): yTrue must have at least 1 value/);
  assert.throws(
    () => mae([1, 2], [1]),
    /mae\(\): yTrue and yPred must have the same length \(received 2 and 1\)/,
  );
  assert.throws(
    () => mse([1], [NaN]),
    /mse\(\): yPred\[0\] must be a finite number \(received NaN\)/,
  );
  assert.throws(
    () => huber([1], [1], { delta: 0 }),
    /huber\(\): delta must be greater than 0 \(received 0\)/,
  );
  assert.throws(
    // @ts-expect-error an unknown reduction is rejected at run time too
    () => mae([1], [1], { reduction: "avg" }),
    /mae\(\): reduction must be "mean", "sum" or "none"/,
  );
});

Deno.test("logSumExp(), logSoftmax(), softmax() and sigmoid() reject empty and non-finite input", () => {
  assert.throws(
    () => logSumExp([]),
    /logSumExp\(\): x must have at least 1 value/,
  );
  assert.throws(
    () => logSoftmax([1, NaN]),
    /logSoftmax\(\): row\[1\] must be a finite number \(received NaN\)/,
  );
  assert.throws(
    () => softmax([Infinity]),
    /softmax\(\): row\[0\] must be a finite number/,
  );
  assert.throws(
    () => sigmoid(NaN),
    /sigmoid\(\): x must be a finite number \(received NaN\)/,
  );
});
