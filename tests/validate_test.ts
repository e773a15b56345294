/**
 * The private validation layer (`lib/_validate.ts`) on its own: the guarantees every
 * public function inherits from it.
 */

import assert from "node:assert/strict";
import {
  checkIterations,
  checkOptions,
  checkThis,
  describe,
  isArrayLike,
  isInstance,
  parseRows,
  toFloat64Array,
} from "../lib/_validate.ts";

function revoked(): object {
  const { proxy, revoke } = Proxy.revocable([1], {});
  revoke();
  return proxy;
}

Deno.test("describe() never throws, even on revoked Proxies and Proxies whose traps throw", () => {
  assert.equal(describe(revoked()), "revoked Proxy");
  const hostile = new Proxy(new Float64Array(2), {
    get() {
      throw new Error("trap");
    },
    getPrototypeOf() {
      throw new Error("trap");
    },
  });
  assert.equal(typeof describe(hostile), "string");
  assert.equal(describe(new Float64Array(3)), "Float64Array of length 3");
  assert.equal(describe(-0), "-0");
});

Deno.test("checkOptions() refuses unknown keys naming them and the valid ones, and reads own properties only", () => {
  type O = { a?: number; b?: number };
  const keys = ["a", "b"] as const;
  assert.throws(
    () => checkOptions("f", { a: 1, c: 2 } as O, keys),
    /^TypeError: f\(\): unknown option "c" in options; valid options: a, b$/,
  );
  assert.throws(
    () => checkOptions("f", { a: 1 } as O, [] as never[]),
    /f\(\): unknown option "a" in options; valid options: none/,
  );
  const inherited = Object.create({ a: 5 }) as O;
  assert.equal(checkOptions("f", inherited, keys).a, undefined);
  const o = checkOptions("f", { a: undefined, b: 2 } as unknown as O, keys);
  assert.deepEqual(Object.keys(o), ["b"]);
  assert.equal(Object.getPrototypeOf(o), null);
  for (const bad of [null, undefined, [1], () => {}, 3, "a", revoked()]) {
    assert.throws(
      () => checkOptions("f", bad as O, keys),
      /^TypeError: f\(\): options must be an object \(received /,
    );
  }
  assert.throws(
    () => checkOptions("f", { zz: 1 } as O, keys, "prior"),
    /unknown option "zz" in prior/,
  );
});

Deno.test("toFloat64Array() ignores Object.prototype's minLength and allowNonFinite", () => {
  const proto = Object.prototype as Record<string, unknown>;
  try {
    proto.allowNonFinite = true;
    proto.minLength = 0;
    assert.throws(
      () => toFloat64Array("f", "x", [NaN]),
      /x\[0\] must be a finite number/,
    );
    assert.throws(
      () => toFloat64Array("f", "x", []),
      /x must have at least 1 value/,
    );
  } finally {
    delete proto.allowNonFinite;
    delete proto.minLength;
  }
});

Deno.test("isArrayLike() and isInstance() answer false for a revoked Proxy instead of throwing", () => {
  assert.equal(isArrayLike(revoked()), false);
  assert.equal(isInstance(revoked(), Object), false);
  assert.equal(isArrayLike(new DataView(new ArrayBuffer(8))), false);
  assert.equal(isArrayLike({ length: 0 }), false);
});

Deno.test("parseRows() is one parser for every number[][]: ragged, non-numeric and non-finite rows are named", () => {
  assert.deepEqual(parseRows("f", "X", []), {
    rows: 0,
    cols: 0,
    data: new Float64Array(0),
  });
  assert.throws(
    () => parseRows("f", "X", [[1], 2]),
    /f\(\): X\[1\] must be an array of numbers \(received 2\)/,
  );
  assert.throws(
    () => parseRows("f", "X", [[1], ["a"]]),
    /f\(\): X\[1\]\[0\] must be a number/,
  );
  assert.throws(
    () => parseRows("f", "X", [[Infinity]]),
    /f\(\): X\[0\]\[0\] must be a finite number/,
  );
  assert.throws(
    () =>
      parseRows(
        "f",
        "X",
        [[2e100]],
        1e100,
        (w, v) => new RangeError(`${w}=${v} too large`),
      ),
    /X\[0\]\[0\]=2e\+100 too large/,
  );
});

Deno.test("checkIterations() bounds every iterative fit at 10^6 iterations", () => {
  assert.equal(checkIterations("f", "maxIter", 1_000_000), 1_000_000);
  assert.throws(
    () => checkIterations("f", "maxIter", 1_000_001),
    /f\(\): maxIter must be in \[1, 1000000\]/,
  );
  assert.throws(
    () => checkIterations("f", "maxIter", Infinity),
    /maxIter must be an integer/,
  );
});

Deno.test("checkThis() names the method called without its object", () => {
  class Gen {}
  assert.throws(
    () => checkThis("Gen.draw", undefined, Gen),
    /^TypeError: Gen\.draw\(\): must be called on a Gen \(received this = undefined\)/,
  );
});
