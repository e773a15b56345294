import assert from "node:assert/strict";
import fc from "fast-check";
import { Matrix } from "../lib/matrix.ts";
import { RandomState, type Size } from "../lib/random.ts";
import fixture from "./fixtures/random.json" with { type: "json" };

/** One call of a fixture case, as tools/fixtures/random_state.py recorded it. */
interface Call {
  method: string;
  args: unknown[];
  size?: Size;
  options?: { replace?: boolean; p?: number[] };
  expected: number | number[] | null;
}

interface Case {
  name: string;
  seed: number | number[];
  calls: Call[];
}

interface Stream {
  seed: number;
  method: string;
  args: number[];
  size: number;
  xor: [number, number];
  every: number;
  samples: number[];
}

const cases = fixture.cases as unknown as Case[];
const streams = fixture.streams as unknown as Stream[];

/** Calls the method `c` names, with numpy's arguments. */
function run(rs: RandomState, c: Call): number | Float64Array | Matrix | null {
  const a = c.args;
  const size = c.size;
  switch (c.method) {
    case "seed":
      rs.seed(a[0] as number | number[]);
      return null;
    case "rand":
      return rs.rand(size);
    case "randn":
      return rs.randn(size);
    case "normal":
      return rs.normal(a[0] as number, a[1] as number, size);
    case "uniform":
      return rs.uniform(a[0] as number, a[1] as number, size);
    case "randint":
      return rs.randint(a[0] as number, a[1] as number | undefined, size);
    case "permutation":
      return rs.permutation(a[0] as number | number[]);
    case "choice":
      return rs.choice(a[0] as number | number[], size, c.options ?? {});
    case "binomial":
      return rs.binomial(a[0] as number, a[1] as number, size);
  }
  throw new Error(`unknown method ${c.method}`);
}

/** The result flattened like the fixture, checking a matrix's shape on the way. */
function flat(
  got: number | Float64Array | Matrix | null,
  c: Call,
): number | number[] | null {
  if (got === null || typeof got === "number") return got;
  if (got instanceof Matrix) {
    assert.deepEqual([got.rows, got.cols], c.size, `${c.method} shape`);
    return Array.from(got.data);
  }
  return Array.from(got);
}

/** XOR of the low and of the high 32-bit words of float64 values. */
function xorWords(x: Float64Array): [number, number] {
  const w = new Uint32Array(x.buffer, x.byteOffset, x.length * 2);
  let lo = 0;
  let hi = 0;
  for (let i = 0; i < w.length; i += 2) {
    lo ^= w[i]!;
    hi ^= w[i + 1]!;
  }
  return [lo >>> 0, hi >>> 0];
}

for (const c of cases) {
  Deno.test(`RandomState replays numpy's calls bit for bit: ${c.name}`, () => {
    const rs = new RandomState(c.seed);
    for (const [i, call] of c.calls.entries()) {
      const label = `call ${i}: ${call.method}(${JSON.stringify(call.args)}, ${
        JSON.stringify(call.size)
      })`;
      assert.deepEqual(flat(run(rs, call), call), call.expected, label);
    }
  });
}

Deno.test("the fixture covers at least 200 values of every method for each standard seed", () => {
  const standard = cases.filter((c) => c.name.startsWith("standard calls"));
  assert.ok(standard.length >= 7);
  for (const c of standard) {
    const counts = new Map<string, number>();
    for (const call of c.calls) {
      const n = Array.isArray(call.expected) ? call.expected.length : 1;
      counts.set(call.method, (counts.get(call.method) ?? 0) + n);
    }
    for (
      const m of [
        "rand",
        "randn",
        "normal",
        "uniform",
        "randint",
        "permutation",
        "choice",
        "binomial",
      ]
    ) {
      assert.ok((counts.get(m) ?? 0) >= 200, `${c.name}: ${m}`);
    }
  }
});

for (const s of streams) {
  Deno.test(`${s.method}(${s.args.join(", ")}) over ${s.size} values matches numpy's stream bit for bit (seed ${s.seed})`, () => {
    const rs = new RandomState(s.seed);
    const x = run(rs, {
      method: s.method,
      args: s.args,
      size: s.size,
      expected: null,
    }) as Float64Array;
    const samples = [];
    for (let i = 0; i < x.length; i += s.every) samples.push(x[i]!);
    assert.deepEqual(samples, s.samples);
    assert.deepEqual(xorWords(x), s.xor);
  });
}

Deno.test("seed 42 gives numpy's documented rand(3) and randn(3)", () => {
  assert.deepEqual(
    Array.from(new RandomState(42).rand(3)),
    [0.3745401188473625, 0.9507143064099162, 0.7319939418114051],
  );
  assert.deepEqual(
    Array.from(new RandomState(42).randn(3)),
    [0.4967141530112327, -0.13826430117118466, 0.6476885381006925],
  );
});

Deno.test("an integer seed and a one-element array seed give different streams, as in numpy", () => {
  assert.equal(new RandomState(5).rand(), 0.22199317108973948);
  assert.equal(new RandomState([5]).rand(), 0.6229016948897019);
  assert.equal(
    new RandomState(new Uint32Array([5])).rand(),
    0.6229016948897019,
  );
});

Deno.test("reseeding clears the cached Gaussian", () => {
  const rs = new RandomState(42);
  rs.randn(3); // odd count: one Gaussian is cached
  rs.seed(42);
  assert.deepEqual(rs.randn(3), new RandomState(42).randn(3));
  // The cache also survives between scalar and vector calls.
  const a = new RandomState(9);
  const b = new RandomState(9);
  const scalarThenVector = [a.randn(), ...a.normal(0, 1, 4)];
  assert.deepEqual(scalarThenVector, Array.from(b.randn(5)));
});

Deno.test("sampling methods return a number, a Float64Array or a Matrix according to size", () => {
  const rs = new RandomState(0);
  assert.equal(typeof rs.rand(), "number");
  assert.equal(typeof rs.randint(5), "number");
  const v = rs.normal(0, 1, 4);
  assert.ok(v instanceof Float64Array && v.length === 4);
  const m = rs.binomial(10, 0.5, [2, 3]);
  assert.ok(m instanceof Matrix);
  assert.deepEqual([m.rows, m.cols, m.data.length], [2, 3, 6]);
  assert.equal(rs.uniform(0, 1, 0).length, 0);
  assert.deepEqual(rs.choice([7, 8, 9], 2, { replace: false }).length, 2);
});

Deno.test("unseeded generators draw their state from crypto and differ", () => {
  const a = new RandomState().rand(4);
  const b = new RandomState().rand(4);
  assert.notDeepEqual(a, b);
  const rs = new RandomState(1);
  rs.seed();
  assert.notDeepEqual(rs.rand(4), new RandomState(1).rand(4));
});

Deno.test("bad arguments throw errors naming the function, the argument and the value", () => {
  const rs = new RandomState(0);
  const cases: [() => unknown, RegExp][] = [
    [
      () => new RandomState(-1),
      /RandomState\(\): seed must be in \[0, 4294967295\] \(received -1\)/,
    ],
    [
      () => new RandomState(2 ** 32),
      /RandomState\(\): seed must be in \[0, 4294967295\] \(received 4294967296\)/,
    ],
    [
      () => new RandomState(1.5),
      /RandomState\(\): seed must be an integer \(received 1.5\)/,
    ],
    [
      () => new RandomState([]),
      /RandomState\(\): seed must be a non-empty array/,
    ],
    [
      () => new RandomState([1, -2]),
      /RandomState\(\): seed\[1\] must be in \[0, 4294967295\] \(received -2\)/,
    ],
    [
      () => new RandomState("7" as unknown as number),
      /RandomState\(\): seed must be an integer or an array of integers \(received string "7"\)/,
    ],
    [() => rs.seed(NaN), /seed\(\): seed must be an integer \(received NaN\)/],
    [
      () => rs.normal(0, -1),
      /normal\(\): scale must be at least 0 \(received -1\)/,
    ],
    [
      () => rs.normal(NaN, 1),
      /normal\(\): loc must be a finite number \(received NaN\)/,
    ],
    [
      () => rs.uniform(-Number.MAX_VALUE, Number.MAX_VALUE),
      /uniform\(\): high - low must be finite/,
    ],
    [
      () => rs.randint(5, 5),
      /randint\(\): low must be less than high \(low=5, high=5\)/,
    ],
    [
      () => rs.randint(0),
      /randint\(\): low must be less than high \(low=0, high=0\)/,
    ],
    [
      () => rs.randint(2.5),
      /randint\(\): low must be an integer \(received 2.5\)/,
    ],
    [
      () => rs.randint(-(2 ** 52), 2 ** 52 + 2),
      /randint\(\): high - low must be at most 2\^53/,
    ],
    [
      () => rs.choice(3, 2, { p: [0.5, 0.6, 0.1] }),
      /choice\(\): p must sum to 1 within 1\.49\d*e-8 \(received sum 1\.2\d*\)/,
    ],
    [
      () => rs.choice(3, 5, { replace: false }),
      /choice\(\): size must be at most the population size when replace is false \(size=5, population=3\)/,
    ],
    [
      () => rs.choice(3, 2, { p: [0.5, 0.5] }),
      /choice\(\): p must have one probability per entry of a \(received 2, expected 3\)/,
    ],
    [
      () => rs.choice(3, 2, { p: [1.5, -0.5, 0] }),
      /choice\(\): p must be non-negative \(p\[1\]=-0.5\)/,
    ],
    [
      () => rs.choice(3, 3, { replace: false, p: [0.5, 0.5, 0] }),
      /choice\(\): size must be at most the number of non-zero entries of p when replace is false \(size=3, non-zero=2\)/,
    ],
    [
      () => rs.choice(3, 2, null as unknown as object),
      /choice\(\): options must be an object \(received null\)/,
    ],
    [
      () => rs.choice(3, 2, { replace: "no" as unknown as boolean }),
      /choice\(\): replace must be a boolean \(received string "no"\)/,
    ],
    [
      () => rs.choice(0, 1),
      /choice\(\): a must be a non-empty population/,
    ],
    [() => rs.rand(-1), /rand\(\): size must be at least 0 \(received -1\)/],
    [
      () => rs.randn(2.5),
      /randn\(\): size must be an integer \(received 2.5\)/,
    ],
    [
      () => rs.rand([2, -3]),
      /rand\(\): size\[1\] must be at least 0 \(received -3\)/,
    ],
    [
      () => rs.rand([2, 3, 4] as unknown as Size),
      /rand\(\): size must be a count or \[rows, cols\] \(received array of length 3\)/,
    ],
    [
      () => rs.normal(0, 1, 2 ** 31),
      /normal\(\): size must be at most 268435456 values \(received 2147483648\)/,
    ],
    [
      () => rs.rand([65536, 65536]),
      /rand\(\): size must be at most 268435456 values \(received 4294967296\)/,
    ],
    [
      () => rs.binomial(10, 1.5),
      /binomial\(\): p must be a probability in \[0, 1\] \(received 1.5\)/,
    ],
    [
      () => rs.binomial(-1, 0.5),
      /binomial\(\): n must be in \[0, 9007199254740991\] \(received -1\)/,
    ],
    [
      () => rs.binomial(2.5, 0.5),
      /binomial\(\): n must be an integer \(received 2.5\)/,
    ],
    [
      () => rs.permutation(-3),
      /permutation\(\): n must be in \[0, 268435456\] \(received -3\)/,
    ],
  ];
  for (const [f, message] of cases) assert.throws(f, message);
  assert.throws(() => new RandomState(-1), RangeError);
  assert.throws(
    () => new RandomState("7" as unknown as number),
    TypeError,
  );
  // A refused call consumes nothing: the stream continues as if it never happened.
  const fresh = new RandomState(0);
  assert.deepEqual(rs.rand(3), fresh.rand(3));
});

Deno.test("the same seed gives the same stream for any sequence of calls (property)", () => {
  const op = fc.oneof(
    fc.record({ kind: fc.constant("rand"), n: fc.nat(40) }),
    fc.record({ kind: fc.constant("randn"), n: fc.nat(40) }),
    fc.record({
      kind: fc.constant("randint"),
      n: fc.integer({ min: 1, max: 2 ** 40 }),
    }),
    fc.record({ kind: fc.constant("binomial"), n: fc.nat(5000) }),
    fc.record({ kind: fc.constant("permutation"), n: fc.nat(30) }),
  );
  fc.assert(
    fc.property(
      fc.oneof(
        fc.integer({ min: 0, max: 2 ** 32 - 1 }),
        fc.array(fc.integer({ min: 0, max: 2 ** 32 - 1 }), {
          minLength: 1,
          maxLength: 8,
        }),
      ),
      fc.array(op, { maxLength: 12 }),
      (seed, ops) => {
        const draw = (rs: RandomState) =>
          ops.map((o) => {
            switch (o.kind) {
              case "rand":
                return Array.from(rs.rand(o.n));
              case "randn":
                return Array.from(rs.randn(o.n));
              case "randint":
                return Array.from(rs.randint(o.n, undefined, 3));
              case "binomial":
                return Array.from(rs.binomial(o.n, 0.3, 3));
              default:
                return Array.from(rs.permutation(o.n));
            }
          });
        assert.deepEqual(
          draw(new RandomState(seed)),
          draw(new RandomState(seed)),
        );
      },
    ),
  );
});

Deno.test("randn(a) then randn(b) equals randn(a + b), and normal() shares the stream (property)", () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 0, max: 2 ** 32 - 1 }),
      fc.nat(1500),
      fc.nat(1500),
      fc.double({ min: -1e6, max: 1e6, noNaN: true }),
      fc.double({ min: 0, max: 1e6, noNaN: true }),
      (seed, a, b, loc, scale) => {
        const split = new RandomState(seed);
        const joined = new RandomState(seed).randn(a + b);
        assert.deepEqual(
          [...split.randn(a), ...split.randn(b)],
          Array.from(joined),
        );
        const z = new RandomState(seed).randn(a + 1);
        const x = new RandomState(seed).normal(loc, scale, a + 1);
        for (let i = 0; i <= a; i++) assert.equal(x[i], loc + scale * z[i]!);
      },
    ),
    { numRuns: 60 },
  );
});

Deno.test("randint stays in [low, high) and permutation is a permutation (property)", () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 0, max: 2 ** 32 - 1 }),
      fc.integer({ min: -(2 ** 45), max: 2 ** 45 }),
      fc.integer({ min: 1, max: 2 ** 46 }),
      fc.nat(300),
      (seed, low, width, n) => {
        const rs = new RandomState(seed);
        const x = rs.randint(low, low + width, 50);
        assert.ok(
          x.every((v) => Number.isInteger(v) && v >= low && v < low + width),
        );
        const p = Array.from(rs.permutation(n)).sort((u, v) => u - v);
        assert.deepEqual(p, Array.from({ length: n }, (_, i) => i));
      },
    ),
    { numRuns: 80 },
  );
});

Deno.test("normalInto() refills one buffer with normal()'s numpy stream, cache included, bit for bit", () => {
  const s = streams.find((t) => t.method === "normal")!;
  const rs = new RandomState(s.seed);
  const all = new Float64Array(s.size);
  // Odd-sized pieces, so the cached second Gaussian carries across calls.
  const buf = new Float64Array(4097);
  for (let at = 0; at < s.size; at += buf.length) {
    const piece = buf.subarray(0, Math.min(buf.length, s.size - at));
    const got = rs.normalInto(piece, s.args[0], s.args[1]);
    assert.equal(got, piece);
    all.set(piece, at);
  }
  assert.deepEqual(xorWords(all), s.xor);
  assert.equal(rs.normalInto(new Float64Array(0)).length, 0);
  assert.throws(
    () => rs.normalInto([0, 0] as unknown as Float64Array),
    /normalInto\(\): out must be a Float64Array \(received /,
  );
  assert.throws(
    () => rs.normalInto(buf, 0, -1),
    /normalInto\(\): scale must be at least 0 \(received -1\)/,
  );
  assert.throws(
    () => rs.normalInto(buf, NaN),
    /normalInto\(\): loc must be a finite number \(received NaN\)/,
  );
});
