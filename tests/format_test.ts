/**
 * Tests for lib/format.ts. `fmt` is compared with Python's own `format()` on 6,600
 * value/spec pairs (tests/fixtures/format.json, written by tools/fixtures/format.py):
 * exact ties, negative zero, subnormals, huge and tiny magnitudes, non-finite values.
 */
import assert from "node:assert/strict";
import fc from "fast-check";
import { fmt, table } from "../lib/format.ts";
import { show, textOf } from "../lib/display.ts";

const fixture = JSON.parse(
  Deno.readTextFileSync(new URL("./fixtures/format.json", import.meta.url)),
) as { python: string; cases: [string, string, string][] };

function pyFloat(repr: string): number {
  if (repr === "nan") return NaN;
  if (repr === "inf") return Infinity;
  if (repr === "-inf") return -Infinity;
  return Number(repr);
}

/** Calls fmt as a tag with one placeholder followed by `:spec`. */
function one(value: unknown, spec: string): string {
  const strings = Object.assign([`<`, `:${spec}>`], {
    raw: [`<`, `:${spec}>`],
  });
  return fmt(strings, value).slice(1, -1);
}

Deno.test("fmt() prints every fixture value exactly as Python's format() does", () => {
  const failures: string[] = [];
  for (const [repr, spec, text] of fixture.cases) {
    const got = one(pyFloat(repr), spec);
    if (got !== text) {
      failures.push(`${repr}:${spec} -> ${got}, Python ${text}`);
    }
  }
  assert.ok(fixture.cases.length > 6000);
  assert.deepEqual(failures, [], failures.slice(0, 20).join("\n"));
});

Deno.test("fmt() rounds exact ties half to even, as Python does (toFixed rounds them up)", () => {
  assert.equal(fmt`${2.5}:.0f ${3.5}:.0f ${-2.5}:.0f`, "2 4 -2");
  assert.equal(fmt`${0.125}:.2f ${0.375}:.2f`, "0.12 0.38");
  assert.equal(fmt`${1.25}:.1e`, "1.2e+00");
  // Not ties: the binary value of 2.675 is below 2.675, of 1.35 above 1.35.
  assert.equal(fmt`${2.675}:.2f ${1.35}:.1f`, "2.67 1.4");
  // Where there is no tie, fmt agrees with toFixed.
  fc.assert(
    fc.property(
      fc.double({ min: -1e6, max: 1e6, noNaN: true }),
      fc.integer({ min: 0, max: 12 }),
      (x, n) => {
        const scaled = Math.abs(x) * 10 ** n;
        fc.pre(Math.abs(scaled - Math.floor(scaled) - 0.5) > 1e-6);
        fc.pre(!Object.is(x, -0) && Number(x.toFixed(n)) !== 0);
        return one(x, `.${n}f`) === x.toFixed(n);
      },
    ),
  );
});

Deno.test("fmt() keeps a negative zero's sign like Python (-0.0), and z drops it", () => {
  assert.equal(fmt`${-0}:.1f`, "-0.0");
  assert.equal(fmt`${-0.0004}:.2f`, "-0.00");
  assert.equal(fmt`${-0.0004}:z.2f ${-0}:z.1e`, "0.00 0.0e+00");
  assert.equal(fmt`${-0}:d`, "0");
  assert.equal(fmt`${-0}`, "0"); // no spec: String(-0)
});

Deno.test("fmt() prints non-finite numbers as numpy does: nan, inf, -inf", () => {
  assert.equal(fmt`${NaN} ${Infinity} ${-Infinity}`, "nan inf -inf");
  assert.equal(
    fmt`${NaN}:.3f ${Infinity}:.2e ${-Infinity}:.1% ${NaN}:.0%`,
    "nan inf -inf% nan%",
  );
  assert.equal(fmt`${Infinity}:+.2f`, "+inf");
});

Deno.test("fmt() :d prints integers in full and throws a RangeError on a non-integer", () => {
  assert.equal(
    fmt`n = ${2000}:d, ${1e21}:,d, ${-7n}:d`,
    "n = 2000, 1,000,000,000,000,000,000,000, -7",
  );
  assert.throws(() => fmt`${2.5}:d`, {
    name: "RangeError",
    message:
      /^fmt\(\): placeholder 1 has spec :d, which needs an integer \(received 2\.5\)/,
  });
  assert.throws(() => fmt`${NaN}:d`, RangeError);
  assert.throws(() => fmt`${[1, 2.5]}:d`, /placeholder 1\[1\]/);
});

Deno.test("fmt() formats arrays element-wise with the placeholder's spec, joined by ', '", () => {
  assert.equal(fmt`w = ${[0.1234, 0.4567]}:.3f`, "w = 0.123, 0.457");
  assert.equal(fmt`${new Float64Array([1, 2])}:.1f`, "1.0, 2.0");
  assert.equal(fmt`${[1, 0.5]}`, "1, 0.5");
  assert.equal(fmt`${[[1, 2], [3, 4]]}:.0f`, "[1, 2], [3, 4]");
  assert.equal(fmt`${[]}:.2f`, "");
});

Deno.test("fmt() treats a colon not followed by a valid spec as plain text", () => {
  assert.equal(fmt`${3}: the answer`, "3: the answer");
  assert.equal(fmt`${3}:done`, "3:done"); // a letter type must end the spec
  assert.equal(fmt`${3}:.2x`, "3:.2x");
  assert.equal(fmt`ratio ${1}:${2}`, "ratio 1:2");
  assert.equal(fmt`${0.5}:.1%s`, "50.0%s"); // % needs no boundary
  assert.equal(fmt`${0.5}:.2f.`, "0.50."); // sentence punctuation after a spec
});

Deno.test("fmt() takes multi-line templates and strings, booleans, bigints without a spec", () => {
  const mu = 1.23456, name = "MLE";
  assert.equal(
    fmt`${name}:
  mean ${mu}:.2f
  ok ${true}`,
    "MLE:\n  mean 1.23\n  ok true",
  );
  assert.equal(fmt`${12n}`, "12");
});

Deno.test("fmt() throws a TypeError naming the placeholder for undefined, null or a plain object", () => {
  assert.throws(() => fmt`a ${undefined}`, {
    name: "TypeError",
    message: /^fmt\(\): placeholder 1 must be a number.*\(received undefined\)/,
  });
  assert.throws(() => fmt`${1} ${null}`, /placeholder 2 .*received null/);
  assert.throws(() => fmt`${{}}`, TypeError);
  assert.throws(() => fmt`${"x"}:.2f`, {
    name: "TypeError",
    message: /placeholder 1 has a number spec/,
  });
  assert.equal(fmt`${new Date(0).toISOString()}`, "1970-01-01T00:00:00.000Z");
});

Deno.test("fmt() used as a plain function (not a tag) throws a TypeError or RangeError", () => {
  const f = fmt as unknown as (...a: unknown[]) => string;
  assert.throws(() => f("x = ", 1), TypeError);
  assert.throws(() => f(["a", "b"]), RangeError);
  assert.throws(() => f([1, 2], 3), TypeError);
});

Deno.test("fmt() grouping and sign options: ',' '_' '+' ' '", () => {
  assert.equal(fmt`${1234567.891}:,.2f`, "1,234,567.89");
  assert.equal(fmt`${1234567}:_d`, "1_234_567");
  assert.equal(fmt`${0.5}:+.1f ${0.5}: .1f ${-0.5}: .1f`, "+0.5  0.5 -0.5");
});

// ---------------------------------------------------------------------------------
// table

const ROWS = [
  { estimator: "mean", bias: 0.00123, n: 100 },
  { estimator: "median", bias: -0.0456, n: 100 },
];

Deno.test("table() aligns numbers right and text left in its plain text", () => {
  const t = table(ROWS, { digits: 3 });
  assert.equal(
    t.text,
    [
      "estimator    bias    n",
      "---------  ------  ---",
      "mean        0.001  100",
      "median     -0.046  100",
    ].join("\n"),
  );
  assert.equal(String(t), t.text);
});

Deno.test("table() gives a Markdown table with numeric columns right-aligned and a bold title", () => {
  const t = table(ROWS, { digits: 3, title: "Bias | n" });
  assert.equal(
    t.markdown,
    [
      "**Bias | n**",
      "",
      "| estimator | bias | n |",
      "| :-- | --: | --: |",
      "| mean | 0.001 | 100 |",
      "| median | -0.046 | 100 |",
    ].join("\n"),
  );
  assert.doesNotMatch(t.markdown, /^#/m); // the title is never a heading
});

Deno.test("table() shows as text/markdown with a text/plain fallback in the kernel, as text outside", async () => {
  const t = table(ROWS, { digits: 2 });
  const method = (t as unknown as Record<symbol, () => Record<string, string>>)[
    Symbol.for("Jupyter.display")
  ];
  assert.equal(typeof method, "function");
  const bundle = method!.call(t);
  assert.deepEqual(Object.keys(bundle), ["text/markdown", "text/plain"]);
  assert.equal(bundle["text/markdown"], t.markdown);
  assert.equal(bundle["text/plain"], t.text);
  assert.equal(textOf(t), t.text);
  const log = console.log;
  const printed: string[] = [];
  console.log = (s: string) => printed.push(s);
  try {
    await show(t);
  } finally {
    console.log = log;
  }
  assert.deepEqual(printed, [t.text]);
});

Deno.test("table() digits: a number applies to columns with non-integers; integer columns stay integers", () => {
  const t = table([{ a: 1, b: 0.5, c: 2 }, { a: 3, b: 0, c: 2.25 }], {
    digits: 2,
  });
  assert.deepEqual(t.cells, [["1", "0.50", "2.00"], ["3", "0.00", "2.25"]]);
});

Deno.test("table() digits per column: a number of decimals or a fmt spec", () => {
  const t = table(
    [{ bias: 0.012345, n: 100, p: 0.000123, share: 0.5 }],
    { digits: { bias: 4, n: 0, p: ".2e", share: ":.1%" } },
  );
  assert.deepEqual(t.cells, [["0.0123", "100", "1.23e-04", "50.0%"]]);
  assert.throws(
    () => table([{ x: 1.5 }], { digits: { x: "d" } }),
    /table\(\): rows\[0\]\.x has spec :d, which needs an integer/,
  );
  assert.throws(
    () => table([{ x: 1 }], { digits: { y: 2 } }),
    /options\.digits\.y names no column/,
  );
  assert.throws(() => table([{ x: 1 }], { digits: { x: ".2q" } }), RangeError);
  assert.throws(() => table([{ x: 1 }], { digits: 1.5 }), RangeError);
});

Deno.test("table() defaults: integers in full, other numbers to 6 significant digits, non-finite as numpy", () => {
  const t = table([{ x: 1 / 3, n: 12345678, z: NaN, w: -Infinity }]);
  assert.deepEqual(t.cells, [["0.333333", "12345678", "nan", "-inf"]]);
});

Deno.test("table() takes ragged rows: later keys are added, missing cells are blank", () => {
  const t = table([{ a: 1 }, { a: 2, b: "x" }, { b: null }]);
  assert.deepEqual(t.columns, ["a", "b"]);
  assert.deepEqual(t.cells, [["1", ""], ["2", "x"], ["", ""]]);
  assert.equal(t.text, "a  b\n-  -\n1\n2  x\n"); // the last row is all blank
});

Deno.test("table() measures width without combining marks (μ̂ is one column wide)", () => {
  const t = table([{ "μ̂": 1.5, n: 10 }]);
  assert.equal(t.text, "  μ̂   n\n---  --\n1.5  10"); // numeric: right-aligned
});

Deno.test("table() rejects what is not a non-empty array of plain objects", () => {
  assert.throws(() => table(undefined as never), {
    name: "TypeError",
    message: /^table\(\): rows must be an array/,
  });
  assert.throws(() => table([]), {
    name: "RangeError",
    message: /at least one row/,
  });
  assert.throws(() => table([[1, 2]]), /rows\[0\] must be a plain object/);
  assert.throws(() => table([{}]), /at least one column/);
  assert.throws(() => table([{ f: () => 1 }]), /rows\[0\]\.f must be/);
  assert.throws(
    () => table([{ a: 1 }], { title: 3 } as never),
    /options\.title/,
  );
});

Deno.test("table() refuses a misspelt option instead of silently using the default", () => {
  assert.throws(() => table([{ a: 1.5 }], { digit: 2 } as never), {
    name: "TypeError",
    message:
      /^table\(\): unknown option "digit" in options; valid options: digits, title/,
  });
});
