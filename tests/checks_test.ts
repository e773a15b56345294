/** Tests for lib/checks.ts: the checks notebooks state their claims with. */
import assert from "node:assert/strict";
import { AssertionError } from "node:assert";
import {
  articleSettings,
  assertClose,
  assertNear,
  atArticleSettings,
} from "../lib/checks.ts";

/** Runs `f` with console.log captured; returns its result and the printed lines. */
async function capture<T>(f: () => Promise<T>): Promise<[T, string[]]> {
  const log = console.log;
  const lines: string[] = [];
  console.log = (s: string) => lines.push(s);
  try {
    return [await f(), lines];
  } finally {
    console.log = log;
  }
}

Deno.test("articleSettings() is true exactly when every article key has the same value in current", () => {
  assert.equal(
    articleSettings({ seed: 42, n: 100, extra: 1 }, { seed: 42, n: 100 }),
    true,
  );
  assert.equal(
    articleSettings({ seed: 42, n: 101 }, { seed: 42, n: 100 }),
    false,
  );
  assert.equal(
    articleSettings({ w: [1, 2], name: "adam" }, { w: [1, 2], name: "adam" }),
    true,
  );
  assert.equal(articleSettings({ w: [1, 2.5] }, { w: [1, 2] }), false);
  assert.equal(articleSettings({ x: NaN }, { x: NaN }), true);
});

Deno.test("articleSettings() throws a RangeError naming an article key that current lacks (a typo)", () => {
  assert.throws(() => articleSettings({ seed: 42 }, { seed: 42, n: 100 }), {
    name: "RangeError",
    message:
      /^articleSettings\(\): current has no value for n \(article's parameters: seed, n; current's: seed\)/,
  });
  assert.throws(() => articleSettings({ seed: 1 }, {}), RangeError);
  assert.throws(
    () => articleSettings(undefined as never, { seed: 1 }),
    TypeError,
  );
  assert.throws(
    () => articleSettings({ seed: 1 }, [1] as never),
    /article must be an object/,
  );
});

Deno.test("atArticleSettings() shows one line saying what was skipped and why, and returns false", async () => {
  const [at, lines] = await capture(() =>
    atArticleSettings({ seed: 7, n: 500 }, { seed: 42, n: 100 })
  );
  assert.equal(at, false);
  assert.deepEqual(lines, [
    "Skipped: the article's printed numbers hold at seed = 42, n = 100 (this run: seed = 7, n = 500).",
  ]);
  const [, quoted] = await capture(() =>
    atArticleSettings({ opt: "sgd", w: [1, 3] }, { opt: "adam", w: [1, 2] })
  );
  assert.deepEqual(quoted, [
    `Skipped: the article's printed numbers hold at opt = "adam", w = [1, 2] (this run: opt = "sgd", w = [1, 3]).`,
  ]);
});

Deno.test("atArticleSettings() at the article's settings returns true and shows nothing", async () => {
  const [at, lines] = await capture(() =>
    atArticleSettings({ seed: 42, n: 100 }, { seed: 42, n: 100 })
  );
  assert.equal(at, true);
  assert.deepEqual(lines, []);
  await assert.rejects(() => atArticleSettings({}, { n: 1 }), RangeError);
});

Deno.test("assertNear() passes within z standard errors and fails beyond, at the boundary inclusive", () => {
  assertNear(0.54, 0.5, { se: 0.01, what: "mean" });
  assertNear(1.5, 1, { se: 0.25, z: 2, what: "mean" }); // exactly 2 se: passes
  assert.throws(
    () => assertNear(1.5000001, 1, { se: 0.25, z: 2, what: "mean" }),
    AssertionError,
  );
  assert.throws(
    () => assertNear(0.56, 0.5, { se: 0.01, what: "mean" }),
    AssertionError,
  );
  assert.throws(
    () => assertNear(0.44, 0.5, { se: 0.01, what: "mean" }),
    AssertionError,
  );
});

Deno.test("assertNear() failure is node:assert's AssertionError naming what, values, tolerance and z", () => {
  try {
    assertNear(0.53, 0.5, { se: 0.002, what: "mean of 10,000 draws" });
    assert.fail("no error");
  } catch (e) {
    assert.ok(e instanceof AssertionError);
    assert.equal(e.operator, "assertNear");
    assert.equal(
      e.message,
      "mean of 10,000 draws: 0.53 is 15 standard errors from 0.5, more than z = 5 allows (|difference| = 0.03, tolerance z × se = 5 × 0.002 = 0.01)",
    );
  }
});

Deno.test("assertNear() compares arrays element-wise, with one se or one per element, naming the first failure", () => {
  assertNear([1, 2], [1.01, 1.99], { se: 0.01, what: "weights" });
  assertNear([1, 2], 1.5, { se: [0.1, 0.1], what: "broadcast" });
  assert.throws(
    () =>
      assertNear([1, 2, 3], [1, 2.2, 3.3], {
        se: [0.1, 0.01, 0.01],
        what: "w",
      }),
    {
      name: "AssertionError",
      message:
        /^w\[1\]: 2 is 20 standard errors from 2\.2.*\(2 of 3 elements are off; the first is shown\)$/,
    },
  );
  assert.throws(
    () => assertNear([1, 2], [1, 2, 3], { se: 1, what: "w" }),
    RangeError,
  );
  assert.throws(
    () => assertNear([1, 2], [1, 2], { se: [1, 2, 3], what: "w" }),
    RangeError,
  );
  assert.throws(
    () => assertNear([], [], { se: 1, what: "w" }),
    /must not be empty/,
  );
});

Deno.test("assertNear() refuses NaN, infinities, se <= 0 and a missing what with TypeError/RangeError", () => {
  assert.throws(() => assertNear(NaN, 0, { se: 1, what: "m" }), {
    name: "RangeError",
    message: /^assertNear\(\): actual must be a finite number \(received NaN\)/,
  });
  assert.throws(
    () => assertNear(0, Infinity, { se: 1, what: "m" }),
    RangeError,
  );
  assert.throws(
    () => assertNear(0, 0, { se: 0, what: "m" }),
    /options\.se must be a finite number > 0/,
  );
  assert.throws(() => assertNear(0, 0, { se: -1, what: "m" }), RangeError);
  assert.throws(
    () => assertNear(0, 0, { se: 1, z: 0, what: "m" }),
    /options\.z/,
  );
  assert.throws(() => assertNear(0, 0, { se: 1 } as never), {
    name: "TypeError",
    message: /options\.what must be a non-empty string/,
  });
  assert.throws(() => assertNear(0, 0, undefined as never), TypeError);
});

Deno.test("assertClose() follows numpy.isclose: |a - b| <= atol + rtol·|b|", () => {
  assertClose(0.1 + 0.2, 0.3, { what: "sum" });
  assertClose(1 + 1e-6, 1, { rtol: 1e-6, what: "r" });
  assert.throws(
    () => assertClose(1 + 3e-6, 1, { rtol: 1e-6, what: "r" }),
    AssertionError,
  );
  // rtol scales with the expected value (numpy's asymmetry): b = 0 needs an atol.
  assert.throws(() => assertClose(1e-20, 0, { what: "zero" }), AssertionError);
  assertClose(1e-20, 0, { atol: 1e-12, what: "zero" });
  assertClose(-0, 0, { what: "signed zero" });
});

Deno.test("assertClose() treats equal infinities as close and refuses NaN, as numpy.isclose(equal_nan=False)", () => {
  assertClose(Infinity, Infinity, { what: "inf" });
  assertClose([-Infinity, 1], [-Infinity, 1], { what: "inf" });
  assert.throws(
    () => assertClose(Infinity, -Infinity, { what: "inf" }),
    AssertionError,
  );
  assert.throws(
    () => assertClose(1e308, Infinity, { rtol: 1, what: "inf" }),
    AssertionError,
  );
  assert.throws(() => assertClose(NaN, NaN, { what: "nan" }), {
    name: "RangeError",
    message: /^assertClose\(\): actual must be a number, not NaN,/,
  });
});

Deno.test("assertClose() failure names what, the element, the values and the tolerance", () => {
  assert.throws(
    () =>
      assertClose([1, 2.1], new Float64Array([1, 2]), {
        rtol: 1e-6,
        what: "weights",
      }),
    {
      name: "AssertionError",
      message:
        "weights[1]: 2.1 is not close to 2 (|difference| = 0.1 > atol + rtol × |expected| = 0 + 0.000001 × 2 = 2e-06)",
    },
  );
  assert.throws(
    () => assertClose(1, 1, { rtol: -1, what: "w" }),
    /options\.rtol must be a finite number >= 0/,
  );
  assert.throws(() => assertClose("1" as never, 1, { what: "w" }), TypeError);
  assert.throws(
    () => assertClose([1, "2"] as never, 1, { what: "w" }),
    /actual\[1\] must be a number/,
  );
});

Deno.test("assertNear() and assertClose() refuse a misspelt option instead of silently using the default", () => {
  assert.throws(() => assertNear(0, 0, { se: 1, what: "m", Z: 3 } as never), {
    name: "TypeError",
    message:
      /^assertNear\(\): unknown option "Z" in options; valid options: se, z, what/,
  });
  assert.throws(
    () => assertClose(0, 0, { rtoll: 1, what: "m" } as never),
    /unknown option "rtoll"/,
  );
});
