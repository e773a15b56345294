/**
 * The hostile-input sweep (issue 7): every export of `lib/mod.ts`, every class
 * constructor, static and public method, fed the inputs a reader might paste by
 * mistake. Each call must either throw a `TypeError` / `RangeError` whose message
 * names the function (`fn()`) and the offending argument, or return a result its
 * JSDoc documents (cited next to the expectation).
 *
 * The sweep discovers the exports (and the statics and methods of exported classes)
 * itself: a new export, static or method without an entry in `FUNCTIONS` or
 * `CLASSES` (or, for values that are not functions, in `EXEMPT`) fails the coverage
 * tests until someone writes its hostile cases.
 */

import assert from "node:assert/strict";
import * as lib from "../lib/mod.ts";
import { HELPER_EXEMPT, HELPER_FUNCTIONS } from "./_hostile_helpers.ts";

/** The generic pass's hostile values, each put in place of one argument. */
const HOSTILE: ReadonlyArray<readonly [HostileLabel, unknown]> = [
  ["undefined", undefined],
  ["null", null],
  ["NaN", NaN],
  ["[]", []],
  ["[NaN]", [NaN]],
  ["{}", {}],
];
type HostileLabel = "undefined" | "null" | "NaN" | "[]" | "[NaN]" | "{}";

// ---------------------------------------------------------------------------------
// Expectations

type ErrorName = "TypeError" | "RangeError";

/** The call throws a TypeError or RangeError naming `fn()` and the argument `arg`. */
interface Throws {
  kind: "throws";
  arg: string;
  /** Override the name expected before `()` (validators report their caller's). */
  fn?: string;
  /** Require this error class exactly (either is accepted otherwise). */
  type?: ErrorName;
}

/** The call returns a value its JSDoc documents; `ok` checks it. */
interface Documented {
  kind: "documented";
  /** Where the result is documented, quoted from the JSDoc. */
  doc: string;
  ok: (result: unknown) => boolean;
}

type Expect = Throws | Documented;

function err(arg: string, type?: ErrorName, fn?: string): Throws {
  return {
    kind: "throws",
    arg,
    ...(type === undefined ? {} : { type }),
    ...(fn === undefined ? {} : { fn }),
  };
}

function doc(docText: string, ok: (result: unknown) => boolean): Documented {
  return { kind: "documented", doc: docText, ok };
}

/** One hostile call: `args` for the entry's function, or a custom `call`. */
interface Case {
  what: string;
  args?: unknown[];
  call?: () => unknown;
  expect: Expect;
}

function c(what: string, args: unknown[], expect: Expect): Case {
  return { what, args, expect };
}

function custom(what: string, call: () => unknown, expect: Expect): Case {
  return { what, call, expect };
}

/** A function (or constructor, static, method) and its hostile calls. */
interface FnEntry {
  /** A call that must succeed without NaN; the generic pass perturbs it. */
  valid: unknown[];
  /** The argument the generic pass replaces by hostile values. Defaults to 0. */
  hostileArg?: number;
  /** The name its messages use, when not the export's (validators). */
  label?: string;
  /** Generic-pass outcomes that are documented results, keyed by hostile label. */
  generic?: Partial<Record<HostileLabel, Documented>>;
  cases: Case[];
}

/** A method that takes no argument: nothing hostile can be passed. */
interface NoArgs {
  noArgs: string;
}

interface ClassEntry {
  ctor: FnEntry;
  statics: Record<string, FnEntry>;
  instance: () => object;
  methods: Record<string, FnEntry | NoArgs>;
}

// ---------------------------------------------------------------------------------
// Fixtures

const finite = (v: unknown): boolean => typeof v === "number" && isFinite(v);
const isF64 = (len: number) => (v: unknown): boolean =>
  v instanceof Float64Array && v.length === len;
const I2 = () => lib.Matrix.identity(2);
/** A Matrix whose data was written directly with a NaN (bypassing `set`). */
function corrupted(): lib.Matrix {
  const m = lib.Matrix.zeros(2, 2);
  m.data[3] = NaN;
  return m;
}
const X4 = [[0], [1], [2], [3]];
const Y4 = [0.1, 0.9, 2.2, 2.8];
const B4 = [0, 1, 0, 1];
const SINGULAR = () => lib.Matrix.from([[1, 2], [2, 4]]);
const RANK_DEFICIENT = () => lib.Matrix.from([[1, 2, 3], [4, 5, 6], [7, 8, 9]]);
/** Columns 0 and 1 identical: the design is rank-deficient. */
const COLLINEAR = [[1, 1, 0], [2, 2, 1], [3, 3, 0], [4, 4, 1]];
const noop = () => {};

// ---------------------------------------------------------------------------------
// The table: one entry per function export, one per class.

const FUNCTIONS: Record<string, FnEntry> = {
  // ----------------------------------------------------------------- validate.ts
  describe: {
    valid: ["x"],
    generic: {
      undefined: doc("describe: 'never throws'", (r) => r === "undefined"),
      null: doc("describe: 'never throws'", (r) => r === "null"),
      NaN: doc("describe: 'never throws'", (r) => r === "NaN"),
      "[]": doc("describe: 'never throws'", (r) => r === "array of length 0"),
      "[NaN]": doc(
        "describe: 'never throws'",
        (r) => r === "array of length 1",
      ),
      "{}": doc("describe: 'never throws'", (r) => r === "object"),
    },
    cases: [
      c("-0", [-0], doc("describe: e.g. `-1`", (r) => r === "-0")),
      c(
        "a long string",
        ["x".repeat(100)],
        doc("describe: 'short'", (r) => typeof r === "string" && r.length < 60),
      ),
      c(
        "a symbol",
        [Symbol("s")],
        doc("describe: 'never throws'", (r) => r === "symbol"),
      ),
    ],
  },
  checkFinite: {
    valid: ["caller", "v", 1],
    hostileArg: 2,
    label: "caller",
    cases: [
      c("a string", ["caller", "v", "1"], err("v", "TypeError", "caller")),
      c("NaN", ["caller", "v", NaN], err("v", "RangeError", "caller")),
      c(
        "+Infinity",
        ["caller", "v", Infinity],
        err("v", "RangeError", "caller"),
      ),
      c(
        "-Infinity",
        ["caller", "v", -Infinity],
        err("v", "RangeError", "caller"),
      ),
    ],
  },
  checkPositive: {
    valid: ["caller", "v", 1],
    hostileArg: 2,
    label: "caller",
    cases: [
      c("zero", ["caller", "v", 0], err("v", "RangeError", "caller")),
      c("negative", ["caller", "v", -1], err("v", "RangeError", "caller")),
      c(
        "+Infinity",
        ["caller", "v", Infinity],
        err("v", "RangeError", "caller"),
      ),
    ],
  },
  checkNonNegative: {
    valid: ["caller", "v", 0],
    hostileArg: 2,
    label: "caller",
    cases: [
      c("negative", ["caller", "v", -1e-300], err("v", "RangeError", "caller")),
      c("NaN", ["caller", "v", NaN], err("v", "RangeError", "caller")),
    ],
  },
  checkProbability: {
    valid: ["caller", "p", 0.5],
    hostileArg: 2,
    label: "caller",
    cases: [
      c(
        "above 1",
        ["caller", "p", 1 + 1e-15],
        err("p", "RangeError", "caller"),
      ),
      c("below 0", ["caller", "p", -1e-300], err("p", "RangeError", "caller")),
      c("NaN", ["caller", "p", NaN], err("p", "RangeError", "caller")),
      c(
        "exactly 0",
        ["caller", "p", 0],
        doc("checkProbability: 'a number in [0, 1]'", (r) => r === 0),
      ),
      c(
        "exactly 1",
        ["caller", "p", 1],
        doc("checkProbability: 'a number in [0, 1]'", (r) => r === 1),
      ),
    ],
  },
  checkInteger: {
    valid: ["caller", "n", 3],
    hostileArg: 2,
    label: "caller",
    cases: [
      c("non-integer", ["caller", "n", 1.5], err("n", "RangeError", "caller")),
      c("string", ["caller", "n", "3"], err("n", "TypeError", "caller")),
      c(
        "below min",
        ["caller", "n", -1, { min: 0 }],
        err("n", "RangeError", "caller"),
      ),
      c(
        "above max",
        ["caller", "n", 9, { max: 5 }],
        err("n", "RangeError", "caller"),
      ),
      c(
        "Infinity",
        ["caller", "n", Infinity],
        err("n", "RangeError", "caller"),
      ),
      c(
        "null bounds",
        ["caller", "n", 3, null],
        err("bounds", "TypeError", "caller"),
      ),
    ],
  },
  checkSameLength: {
    valid: ["caller", "a", [1], "b", [2]],
    hostileArg: 2,
    label: "caller",
    generic: {
      // checkSameLength compares lengths only (its JSDoc): [] and [NaN] are arrays.
      "[NaN]": doc(
        "checkSameLength: 'Checks that two arrays have the same length'",
        (r) => r === undefined,
      ),
    },
    cases: [
      c(
        "mismatched lengths",
        ["caller", "a", [1, 2], "b", [1]],
        err("a", "RangeError", "caller"),
      ),
      c(
        "b not an array",
        ["caller", "a", [1], "b", 1],
        err("b", "TypeError", "caller"),
      ),
    ],
  },
  toFloat64Array: {
    valid: ["caller", "x", [1, 2]],
    hostileArg: 2,
    label: "caller",
    cases: [
      c("a string", ["caller", "x", "12"], err("x", "TypeError", "caller")),
      c(
        "a string entry",
        ["caller", "x", [1, "2"]],
        err("x[1]", "TypeError", "caller"),
      ),
      c("empty", ["caller", "x", []], err("x", "RangeError", "caller")),
      c(
        "-Infinity entry",
        ["caller", "x", [0, -Infinity]],
        err("x[1]", "RangeError", "caller"),
      ),
      c(
        "too short",
        ["caller", "x", [1], { minLength: 2 }],
        err("x", "RangeError", "caller"),
      ),
      c(
        "null options",
        ["caller", "x", [1], null],
        err("options", "TypeError", "caller"),
      ),
      c(
        "NaN allowed",
        ["caller", "x", [NaN], { allowNonFinite: true }],
        doc(
          "toFloat64Array: 'allowNonFinite Accept NaN and infinities'",
          (r) => r instanceof Float64Array && Number.isNaN(r[0]),
        ),
      ),
    ],
  },
  checkOptions: {
    valid: ["caller", {}],
    hostileArg: 1,
    label: "caller",
    generic: {
      "{}": doc("checkOptions: returns `value`", (r) => typeof r === "object"),
    },
    cases: [
      c("an array", ["caller", [1]], err("options", "TypeError", "caller")),
      c(
        "a number",
        ["caller", 1, "prior"],
        err("prior", "TypeError", "caller"),
      ),
    ],
  },
  allocate: {
    valid: ["caller", "size", 3],
    hostileArg: 2,
    label: "caller",
    cases: [
      c(
        "negative",
        ["caller", "size", -1],
        err("size", "RangeError", "caller"),
      ),
      c(
        "non-integer",
        ["caller", "size", 2.5],
        err("size", "RangeError", "caller"),
      ),
      c(
        "beyond MAX_LENGTH",
        ["caller", "size", lib.MAX_LENGTH + 1],
        err("size", "RangeError", "caller"),
      ),
      c(
        "1e300",
        ["caller", "size", 1e300],
        err("size", "RangeError", "caller"),
      ),
      c(
        "zero",
        ["caller", "size", 0],
        doc("allocate: 'length is ... in [0, MAX_LENGTH]'", isF64(0)),
      ),
    ],
  },

  // ------------------------------------------------------------------ display.ts
  jupyterApi: {
    valid: [],
    generic: Object.fromEntries(
      ["undefined", "null", "NaN", "[]", "[NaN]", "{}"].map((h) => [
        h,
        doc(
          "jupyterApi: takes no argument; '`undefined`' outside `deno jupyter`",
          (r) => r === undefined,
        ),
      ]),
    ),
    cases: [],
  },
  textOf: {
    valid: [1],
    generic: Object.fromEntries(
      ["undefined", "null", "NaN", "[]", "[NaN]", "{}"].map((h) => [
        h,
        doc(
          "textOf: '@param value Anything. @returns Its text form.'",
          (r) => typeof r === "string",
        ),
      ]),
    ),
    cases: [
      c(
        "a string",
        ["s"],
        doc("textOf: strings are returned as is", (r) => r === "s"),
      ),
    ],
  },
  show: {
    valid: ["hello"],
    generic: Object.fromEntries(
      ["undefined", "null", "NaN", "[]", "[NaN]", "{}"].map((h) => [
        h,
        doc(
          "show: '@param value What to show' (any value; printed as text outside a kernel)",
          (r) => r === undefined,
        ),
      ]),
    ),
    cases: [],
  },
  showBundle: {
    valid: [{ "text/plain": "hello" }],
    cases: [
      c("null", [null], err("bundle", "TypeError")),
      c("an array", [["text/plain"]], err("bundle", "TypeError")),
      c("a string", ["text/plain"], err("bundle", "TypeError")),
      c("no MIME type", [{}], err("bundle", "RangeError")),
    ],
  },
  showMarkdown: {
    valid: ["# Title"],
    cases: [
      c("a number", [1], err("markdown", "TypeError")),
      c("an array", [["# Title"]], err("markdown", "TypeError")),
    ],
  },

  // --------------------------------------------------------------------- plot.ts
  plot: {
    valid: [{ marks: [] }],
    generic: {
      "{}": doc(
        "plot: '@param options Plot's options' — all optional: {} is an empty frame",
        (r) => typeof r === "object" && r !== null,
      ),
    },
    cases: [
      c("null", [null], err("options", "TypeError")),
      c(
        "an array of marks",
        [[lib.Plot.dot([1, 2])]],
        err("options", "TypeError"),
      ),
      c("a number", [1], err("options", "TypeError")),
    ],
  },

  // ------------------------------------------------------------ distributions.ts
  normalLogPdf: {
    valid: [0],
    cases: [
      c("x a string", ["0"], err("x", "TypeError")),
      c("x NaN", [NaN], err("x", "RangeError")),
      c("x Infinity", [Infinity], err("x", "RangeError")),
      c("mu NaN", [0, NaN], err("mu", "RangeError")),
      c("sigma 0", [0, 0, 0], err("sigma", "RangeError")),
      c("sigma negative", [0, 0, -1], err("sigma", "RangeError")),
      c("sigma Infinity", [0, 0, Infinity], err("sigma", "RangeError")),
    ],
  },
  normalPdf: {
    valid: [0],
    cases: [
      c("x -Infinity", [-Infinity], err("x", "RangeError")),
      c("mu a string", [0, "0"], err("mu", "TypeError")),
      c("sigma 0", [0, 0, 0], err("sigma", "RangeError")),
      c("sigma -1", [0, 0, -1], err("sigma", "RangeError")),
    ],
  },
  laplaceLogPdf: {
    valid: [0],
    cases: [
      c("x NaN", [NaN], err("x", "RangeError")),
      c("b 0", [0, 0, 0], err("b", "RangeError")),
      c("b negative", [0, 0, -2], err("b", "RangeError")),
    ],
  },
  bernoulliLogPmf: {
    valid: [1, 0.5],
    cases: [
      c("k = 2", [2, 0.5], err("k", "RangeError")),
      c("k = 0.5", [0.5, 0.5], err("k", "RangeError")),
      c("k a string", ["1", 0.5], err("k", "TypeError")),
      c("p above 1", [1, 1.5], err("p", "RangeError")),
      c("p below 0", [1, -0.1], err("p", "RangeError")),
      c("p NaN", [1, NaN], err("p", "RangeError")),
      c(
        "p = 0, k = 1",
        [1, 0],
        doc(
          "bernoulliLogPmf: 'It is `-Infinity`' where the outcome is impossible",
          (r) => r === -Infinity,
        ),
      ),
      c(
        "p = 1, k = 1",
        [1, 1],
        doc(
          "bernoulliLogPmf: '@returns log P(K = k), in [-Infinity, 0]'",
          (r) => r === 0,
        ),
      ),
      c(
        "k = true",
        [true, 0.5],
        doc(
          "bernoulliLogPmf: '`false` or `true` also accepted'",
          (r) => r === Math.log(0.5),
        ),
      ),
    ],
  },
  categoricalLogPmf: {
    valid: [0, [0.5, 0.5]],
    cases: [
      c("class out of range", [2, [0.5, 0.5]], err("k", "RangeError")),
      c("negative class", [-1, [0.5, 0.5]], err("k", "RangeError")),
      c("non-integer class", [0.5, [0.5, 0.5]], err("k", "RangeError")),
      c("probs not summing to 1", [0, [0.5, 0.6]], err("probs", "RangeError")),
      c("probability above 1", [0, [1.5, -0.5]], err("probs[0]", "RangeError")),
      c("empty probs", [0, []], err("probs", "RangeError")),
      c("NaN probability", [0, [NaN, 1]], err("probs[0]", "RangeError")),
      c(
        "probability 0",
        [1, [1, 0]],
        doc(
          "categoricalLogPmf: '`-Infinity` exactly when `probs[k] = 0`'",
          (r) => r === -Infinity,
        ),
      ),
    ],
  },
  normalLogLikelihood: {
    valid: [[1, 2], 0, 1],
    cases: [
      c("empty sample", [[], 0, 1], err("x", "RangeError")),
      c("NaN in sample", [[1, NaN], 0, 1], err("x[1]", "RangeError")),
      c("sigma 0", [[1], 0, 0], err("sigma", "RangeError")),
      c("sigma missing", [[1], 0], err("sigma", "TypeError")),
      c("mu Infinity", [[1], Infinity, 1], err("mu", "RangeError")),
    ],
  },
  laplaceLogLikelihood: {
    valid: [[1, 2], 0, 1],
    cases: [
      c("empty sample", [[], 0, 1], err("x", "RangeError")),
      c("b negative", [[1], 0, -1], err("b", "RangeError")),
      c("b missing", [[1], 0], err("b", "TypeError")),
    ],
  },
  bernoulliLogLikelihood: {
    valid: [[0, 1], 0.5],
    cases: [
      c("empty sample", [[], 0.5], err("x", "RangeError")),
      c("a 2 in the sample", [[0, 2], 0.5], err("x[1]", "RangeError")),
      c("p above 1", [[0, 1], 2], err("p", "RangeError")),
      c(
        "p = 0 with a one",
        [[1], 0],
        doc(
          "bernoulliLogLikelihood: '`-Infinity` at `p = 0`'",
          (r) => r === -Infinity,
        ),
      ),
      c(
        "all ones at p = 1",
        [[1, 1], 1],
        doc(
          "bernoulliLogLikelihood: 'all-ones sample has log-likelihood 0 at `p = 1`'",
          (r) => r === 0,
        ),
      ),
    ],
  },
  categoricalLogLikelihood: {
    valid: [[0, 1], [0.5, 0.5]],
    cases: [
      c("class out of range", [[0, 2], [0.5, 0.5]], err("k[1]", "RangeError")),
      c("non-integer class", [[0.5], [0.5, 0.5]], err("k[0]", "RangeError")),
      c("empty classes", [[], [0.5, 0.5]], err("k", "RangeError")),
      c(
        "probs not summing to 1",
        [[0], [0.2, 0.2]],
        err("probs", "RangeError"),
      ),
    ],
  },
  fitNormal: {
    valid: [[1, 2, 4]],
    cases: [
      c("empty", [[]], err("x", "RangeError")),
      c("n = 1", [[3]], err("x", "RangeError")),
      c("constant", [[5, 5, 5]], err("x", "RangeError")),
      c("NaN", [[1, NaN]], err("x[1]", "RangeError")),
    ],
  },
  fitBernoulli: {
    valid: [[0, 1, 1]],
    cases: [
      c("empty", [[]], err("x", "RangeError")),
      c("a 2", [[0, 2]], err("x[1]", "RangeError")),
      c("a string", [["1"]], err("x[0]", "TypeError")),
      c("not an array", [1], err("x", "TypeError")),
      c(
        "n = 1",
        [[1]],
        doc(
          "fitBernoulli: 'MLE of the success probability: the fraction of ones'",
          (r) =>
            (r as lib.BernoulliFit).p === 1 &&
            (r as lib.BernoulliFit).logLikelihood === 0,
        ),
      ),
    ],
  },
  fitLaplace: {
    valid: [[1, 2, 4]],
    cases: [
      c("empty", [[]], err("x", "RangeError")),
      c("n = 1", [[3]], err("x", "RangeError")),
      c("constant", [[2, 2]], err("x", "RangeError")),
      c("Infinity", [[1, Infinity]], err("x[1]", "RangeError")),
    ],
  },

  // ------------------------------------------------------------------- losses.ts
  logSumExp: {
    valid: [[1, 2]],
    cases: [
      c("empty", [[]], err("x", "RangeError")),
      c("NaN", [[NaN]], err("x[0]", "RangeError")),
      c("+Infinity", [[0, Infinity]], err("x[1]", "RangeError")),
    ],
  },
  logSoftmax: {
    valid: [[1, 2]],
    cases: [
      c("empty", [[]], err("row", "RangeError")),
      c("-Infinity", [[-Infinity, 0]], err("row[0]", "RangeError")),
    ],
  },
  softmax: {
    valid: [[1, 2]],
    cases: [
      c("empty", [[]], err("row", "RangeError")),
      c("a matrix", [[[1, 2]]], err("row[0]", "TypeError")),
    ],
  },
  sigmoid: {
    valid: [0],
    cases: [
      c("NaN", [NaN], err("x", "RangeError")),
      c("Infinity", [Infinity], err("x", "RangeError")),
      c("a string", ["0"], err("x", "TypeError")),
      c("empty array", [[]], err("x", "RangeError")),
    ],
  },
  binaryCrossEntropy: {
    valid: [[0, 1], [0.2, 0.8]],
    cases: [
      c("empty", [[], []], err("yTrue", "RangeError")),
      c("mismatched lengths", [[0, 1], [0.5]], err("yProb", "RangeError")),
      c(
        "probability above 1",
        [[0, 1], [1.5, 0.5]],
        err("yProb[0]", "RangeError"),
      ),
      c(
        "probability below 0",
        [[0, 1], [0.5, -0.5]],
        err("yProb[1]", "RangeError"),
      ),
      c("label 2", [[2, 0], [0.5, 0.5]], err("yTrue[0]", "RangeError")),
      c("eps 0.5", [[1], [0.5], { eps: 0.5 }], err("eps", "RangeError")),
      c("eps negative", [[1], [0.5], { eps: -1 }], err("eps", "RangeError")),
      c(
        "clampLog not boolean",
        [[1], [0.5], { clampLog: 1 }],
        err("clampLog", "TypeError"),
      ),
      c(
        "unknown reduction",
        [[1], [0.5], { reduction: "avg" }],
        err("reduction", "RangeError"),
      ),
      c(
        "reduction a number",
        [[1], [0.5], { reduction: 1 }],
        err("reduction", "TypeError"),
      ),
      c("null options", [[1], [0.5], null], err("options", "TypeError")),
    ],
  },
  binaryCrossEntropyWithLogits: {
    valid: [[0, 1], [0, 1]],
    cases: [
      c("empty", [[], []], err("logits", "RangeError")),
      c("mismatched lengths", [[0, 1], [1]], err("targets", "RangeError")),
      c("target 2", [[0], [2]], err("targets[0]", "RangeError")),
      c("logit NaN", [[NaN], [1]], err("logits[0]", "RangeError")),
      c(
        "posWeight negative",
        [[0], [1], { posWeight: -1 }],
        err("posWeight", "RangeError"),
      ),
      c(
        "posWeight wrong length",
        [[0, 1], [1, 0], { posWeight: [1] }],
        err("posWeight", "RangeError"),
      ),
      c("null options", [[0], [1], null], err("options", "TypeError")),
    ],
  },
  crossEntropy: {
    valid: [[[1, 2], [3, 4]], [0, 1]],
    cases: [
      c("no rows", [[], []], err("logits", "RangeError")),
      c("ragged rows", [[[1, 2], [3]], [0, 0]], err("logits", "RangeError")),
      c("a NaN logit", [[[1, NaN]], [0]], err("logits[0]", "RangeError")),
      c("class out of range", [[[1, 2]], [2]], err("targets[0]", "RangeError")),
      c("negative class", [[[1, 2]], [-1]], err("targets[0]", "RangeError")),
      c(
        "non-integer class",
        [[[1, 2]], [0.5]],
        err("targets[0]", "RangeError"),
      ),
      c(
        "one target for two rows",
        [[[1, 2], [3, 4]], [0]],
        err("targets", "RangeError"),
      ),
      c(
        "weight of the wrong length",
        [[[1, 2]], [0], { weight: [1] }],
        err("weight", "RangeError"),
      ),
      c(
        "negative weight",
        [[[1, 2]], [0], { weight: [-1, 1] }],
        err("weight[0]", "RangeError"),
      ),
      c(
        "labelSmoothing 2",
        [[[1, 2]], [0], { labelSmoothing: 2 }],
        err("labelSmoothing", "RangeError"),
      ),
      c(
        "ignoreIndex 0.5",
        [[[1, 2]], [0], { ignoreIndex: 0.5 }],
        err("ignoreIndex", "RangeError"),
      ),
      c("matrix with short data", [{ rows: 2, cols: 2, data: [1, 2, 3] }, [
        0,
        0,
      ]], err("logits.data", "RangeError")),
      c(
        "matrix with 0 rows",
        [{ rows: 0, cols: 2, data: [] }, []],
        err("logits.rows", "RangeError"),
      ),
      c("null options", [[[1, 2]], [0], null], err("options", "TypeError")),
      c(
        "every target ignored",
        [[[1, 2]], [-100]],
        doc(
          "crossEntropy: 'When every target is ignored ... \"mean\" returns `NaN`, exactly as PyTorch'",
          (r) => Number.isNaN(r),
        ),
      ),
    ],
  },
  mse: {
    valid: [[1, 2], [1, 3]],
    cases: [
      c("empty", [[], []], err("yTrue", "RangeError")),
      c("mismatched lengths", [[1, 2], [1]], err("yPred", "RangeError")),
      c("NaN prediction", [[1], [NaN]], err("yPred[0]", "RangeError")),
      c(
        "unknown reduction",
        [[1], [1], { reduction: "max" }],
        err("reduction", "RangeError"),
      ),
      c("null options", [[1], [1], null], err("options", "TypeError")),
    ],
  },
  mae: {
    valid: [[1, 2], [1, 3]],
    cases: [
      c("empty", [[], []], err("yTrue", "RangeError")),
      c("mismatched lengths", [[1], [1, 2]], err("yPred", "RangeError")),
      c("null options", [[1], [1], null], err("options", "TypeError")),
    ],
  },
  huber: {
    valid: [[1, 2], [1, 3]],
    cases: [
      c("empty", [[], []], err("yTrue", "RangeError")),
      c("mismatched lengths", [[1], [1, 2]], err("yPred", "RangeError")),
      c("delta 0", [[1], [1], { delta: 0 }], err("delta", "RangeError")),
      c(
        "delta negative",
        [[1], [1], { delta: -1 }],
        err("delta", "RangeError"),
      ),
      c("null options", [[1], [1], null], err("options", "TypeError")),
    ],
  },

  // ------------------------------------------------------------------- linalg.ts
  matmul: {
    valid: [I2(), I2()],
    cases: [
      c(
        "inner dimensions differ",
        [I2(), lib.Matrix.zeros(3, 1)],
        err("a", "RangeError"),
      ),
      c("a not a Matrix", [[[1, 0], [0, 1]], I2()], err("a", "TypeError")),
      c("b not a Matrix", [I2(), [[1]]], err("b", "TypeError")),
      c(
        "a with a NaN written into data",
        [corrupted(), I2()],
        err("a[1][1]", "RangeError"),
      ),
      c("overflowing product", [
        lib.Matrix.from([[1e200]]),
        lib.Matrix.from([[1e200]]),
      ], err("a", "RangeError")),
    ],
  },
  matvec: {
    valid: [I2(), [1, 2]],
    cases: [
      c("x too long", [I2(), [1, 2, 3]], err("x", "RangeError")),
      c("x with NaN", [I2(), [1, NaN]], err("x[1]", "RangeError")),
      c("a not a Matrix", [[[1]], [1]], err("a", "TypeError")),
      c("overflowing product", [lib.Matrix.from([[1e200, 1e200]]), [
        1e200,
        1e200,
      ]], err("a", "RangeError")),
    ],
  },
  transpose: {
    valid: [I2()],
    cases: [
      c("not a Matrix", ["x"], err("a", "TypeError")),
      c("NaN written into data", [corrupted()], err("a[1][1]", "RangeError")),
    ],
  },
  gram: {
    valid: [I2()],
    cases: [
      c("not a Matrix", [[[1, 2]]], err("a", "TypeError")),
      c(
        "overflowing XᵀX",
        [lib.Matrix.from([[1e200, 1]])],
        err("a", "RangeError"),
      ),
    ],
  },
  dot: {
    valid: [[1, 2], [3, 4]],
    generic: {
      // dot([], y) with y of length 2: the lengths differ, so it throws; no exception.
    },
    cases: [
      c("mismatched lengths", [[1, 2], [1]], err("x", "RangeError")),
      c("NaN", [[1, NaN], [1, 1]], err("x[1]", "RangeError")),
      c(
        "empty vectors",
        [[], []],
        doc(
          "dot: '@returns The dot product (0 for empty vectors)'",
          (r) => r === 0,
        ),
      ),
      c(
        "∞ − ∞ overflow",
        [[1e200, -1e200], [1e200, 1e200]],
        err("x", "RangeError"),
      ),
    ],
  },
  norm: {
    valid: [[3, 4]],
    generic: {
      "[]": doc(
        "norm: '@returns The norm (0 for an empty vector)'",
        (r) => r === 0,
      ),
    },
    cases: [
      c("NaN", [[NaN]], err("x[0]", "RangeError")),
      c("a string", ["34"], err("x", "TypeError")),
      c(
        "huge entries",
        [[1e300, 1e300]],
        doc(
          "norm: 'Overflow- and underflow-safe'",
          (r) => r === Math.SQRT2 * 1e300,
        ),
      ),
    ],
  },
  solve: {
    valid: [I2(), [1, 2]],
    cases: [
      c("singular A", [SINGULAR(), [1, 1]], err("A", "RangeError")),
      c(
        "rank-deficient 3x3 A",
        [RANK_DEFICIENT(), [1, 1, 1]],
        err("A", "RangeError"),
      ),
      c(
        "near-singular A",
        [lib.Matrix.from([[1, 1], [1, 1 + 1e-17]]), [1, 1]],
        err("A", "RangeError"),
      ),
      c("zero A", [lib.Matrix.zeros(2, 2), [1, 1]], err("A", "RangeError")),
      c(
        "non-square A",
        [lib.Matrix.zeros(2, 3), [1, 1]],
        err("A", "RangeError"),
      ),
      c("empty A", [lib.Matrix.zeros(0, 0), []], err("A", "RangeError")),
      c("b too short", [I2(), [1]], err("b", "RangeError")),
      c("b a string", [I2(), "12"], err("b", "TypeError")),
      c(
        "b matrix with the wrong rows",
        [I2(), lib.Matrix.zeros(3, 1)],
        err("b", "RangeError"),
      ),
      c("A not a Matrix", [[[1, 0], [0, 1]], [1, 2]], err("A", "TypeError")),
    ],
  },
  inv: {
    valid: [I2()],
    cases: [
      c("singular", [SINGULAR()], err("A", "RangeError")),
      c("rank-deficient", [RANK_DEFICIENT()], err("A", "RangeError")),
      c("non-square", [lib.Matrix.zeros(1, 2)], err("A", "RangeError")),
      c("NaN written into data", [corrupted()], err("A[1][1]", "RangeError")),
    ],
  },
  cholesky: {
    valid: [I2()],
    cases: [
      c(
        "not symmetric",
        [lib.Matrix.from([[1, 2], [0, 1]])],
        err("A", "RangeError"),
      ),
      c(
        "indefinite",
        [lib.Matrix.from([[1, 2], [2, 1]])],
        err("A", "RangeError"),
      ),
      c(
        "singular PSD",
        [lib.Matrix.from([[1, 1], [1, 1]])],
        err("A", "RangeError"),
      ),
      c("empty", [lib.Matrix.zeros(0, 0)], err("A", "RangeError")),
    ],
  },
  lstsq: {
    valid: [I2(), [1, 2]],
    cases: [
      c("empty A", [lib.Matrix.zeros(0, 2), []], err("A", "RangeError")),
      c("b of the wrong length", [I2(), [1]], err("b", "RangeError")),
      c(
        "rcond negative",
        [I2(), [1, 2], { rcond: -1 }],
        err("rcond", "RangeError"),
      ),
      c(
        "rcond NaN",
        [I2(), [1, 2], { rcond: NaN }],
        err("rcond", "RangeError"),
      ),
      c("null options", [I2(), [1, 2], null], err("options", "TypeError")),
      c(
        "rank-deficient A",
        [RANK_DEFICIENT(), [1, 2, 3]],
        doc(
          "lstsq: 'Handles ... rank-deficient `A`' (minimum-norm x, rank 2)",
          (r) =>
            (r as lib.LstsqResult).rank === 2 &&
            (r as lib.LstsqResult).x.every(isFinite),
        ),
      ),
      c(
        "zero A",
        [lib.Matrix.zeros(2, 2), [1, 2]],
        doc(
          "lstsq: 'the minimum-norm solution' of a zero system is 0, rank 0",
          (r) =>
            (r as lib.LstsqResult).rank === 0 &&
            (r as lib.LstsqResult).x.every((v) => v === 0),
        ),
      ),
    ],
  },

  // ---------------------------------------------------------------- regression.ts
  toDesignMatrix: {
    valid: ["caller", "X", [[1, 2]]],
    hostileArg: 2,
    label: "caller",
    cases: [
      c(
        "ragged rows",
        ["caller", "X", [[1, 2], [3]]],
        err("X[1]", "RangeError", "caller"),
      ),
      c("no rows", ["caller", "X", []], err("X", "RangeError", "caller")),
      c("no columns", ["caller", "X", [[]]], err("X", "RangeError", "caller")),
      c(
        "empty Matrix",
        ["caller", "X", lib.Matrix.zeros(0, 0)],
        err("X", "RangeError", "caller"),
      ),
      c(
        "NaN entry",
        ["caller", "X", [[NaN]]],
        err("X[0][0]", "RangeError", "caller"),
      ),
      c(
        "a string entry",
        ["caller", "X", [["1"]]],
        err("X[0][0]", "TypeError", "caller"),
      ),
      c(
        "a flat vector",
        ["caller", "X", [1, 2]],
        err("X[0]", "TypeError", "caller"),
      ),
      c(
        "an entry beyond 1e100",
        ["caller", "X", [[1e200]]],
        err("X[0][0]", "RangeError", "caller"),
      ),
    ],
  },
  toTargetVector: {
    valid: ["caller", [1, 2], 2],
    hostileArg: 1,
    label: "caller",
    cases: [
      c(
        "fewer values than rows",
        ["caller", [1], 2],
        err("y", "RangeError", "caller"),
      ),
      c("NaN", ["caller", [NaN], 1], err("y[0]", "RangeError", "caller")),
      c(
        "a value beyond 1e100",
        ["caller", [1e200], 1],
        err("y[0]", "RangeError", "caller"),
      ),
    ],
  },
  ols: {
    valid: [X4, Y4],
    cases: [
      c("no rows", [[], []], err("X", "RangeError")),
      c("ragged X", [[[1], [2, 3]], [1, 2]], err("X[1]", "RangeError")),
      c("y too short", [X4, [1, 2]], err("y", "RangeError")),
      c("NaN in y", [X4, [1, 2, NaN, 4]], err("y[2]", "RangeError")),
      c("rcond negative", [X4, Y4, { rcond: -1 }], err("rcond", "RangeError")),
      c(
        "fitIntercept not boolean",
        [X4, Y4, { fitIntercept: 1 }],
        err("fitIntercept", "TypeError"),
      ),
      c("null options", [X4, Y4, null], err("options", "TypeError")),
      c(
        "collinear columns",
        [COLLINEAR, [1, 2, 3, 4]],
        doc(
          "ols: 'Below the number of columns the design is singular and `coef` is the minimum-norm solution'",
          (r) =>
            (r as lib.OlsResult).rank === 2 &&
            (r as lib.OlsResult).coef.every(isFinite),
        ),
      ),
      c(
        "n = 1",
        [[[2]], [3]],
        doc(
          "ols: rank below the columns gives the minimum-norm solution (centred 1x1 design is 0)",
          (r) =>
            (r as lib.OlsResult).rank === 0 &&
            (r as lib.OlsResult).intercept === 3,
        ),
      ),
    ],
  },
  ridge: {
    valid: [X4, Y4],
    cases: [
      c("alpha negative", [X4, Y4, { alpha: -1 }], err("alpha", "RangeError")),
      c("alpha NaN", [X4, Y4, { alpha: NaN }], err("alpha", "RangeError")),
      c("y of the wrong length", [X4, [1]], err("y", "RangeError")),
      c("ragged X", [[[1, 2], [1]], [1, 2]], err("X[1]", "RangeError")),
      c(
        "huge entries",
        [[[1e200], [2e200], [0]], [1, 2, 3]],
        err("X[0][0]", "RangeError"),
      ),
      c("null options", [X4, Y4, null], err("options", "TypeError")),
      c(
        "alpha 0 on collinear columns",
        [COLLINEAR, [1, 2, 3, 4], { alpha: 0 }],
        doc(
          "ridge: '`\"lstsq\"` (the minimum-norm fallback, only reachable with `α = 0` and a singular design)'",
          (r) => (r as lib.RidgeResult).solver === "lstsq",
        ),
      ),
    ],
  },
  ridgePath: {
    valid: [X4, Y4, [0.1, 1]],
    cases: [
      c("no alphas", [X4, Y4, []], err("alphas", "RangeError")),
      c("a negative alpha", [X4, Y4, [1, -1]], err("alphas[1]", "RangeError")),
      c("null options", [X4, Y4, [1], null], err("options", "TypeError")),
    ],
  },
  lasso: {
    valid: [X4, Y4],
    cases: [
      c("alpha negative", [X4, Y4, { alpha: -1 }], err("alpha", "RangeError")),
      c("tol negative", [X4, Y4, { tol: -1 }], err("tol", "RangeError")),
      c("maxIter 0", [X4, Y4, { maxIter: 0 }], err("maxIter", "RangeError")),
      c(
        "maxIter 1.5",
        [X4, Y4, { maxIter: 1.5 }],
        err("maxIter", "RangeError"),
      ),
      c(
        "y with Infinity",
        [X4, [1, 2, 3, Infinity]],
        err("y[3]", "RangeError"),
      ),
      c("null options", [X4, Y4, null], err("options", "TypeError")),
    ],
  },
  lassoPath: {
    valid: [X4, Y4, [0.1, 1]],
    cases: [
      c("no alphas", [X4, Y4, []], err("alphas", "RangeError")),
      c("NaN alpha", [X4, Y4, [NaN]], err("alphas[0]", "RangeError")),
      c("null options", [X4, Y4, [1], null], err("options", "TypeError")),
    ],
  },
  lassoAlphaMax: {
    valid: [X4, Y4],
    cases: [
      c("ragged X", [[[1], []], [1, 2]], err("X[1]", "RangeError")),
      c("null options", [X4, Y4, null], err("options", "TypeError")),
    ],
  },

  // ------------------------------------------------------------------ logistic.ts
  logisticRegression: {
    valid: [X4, B4, { epochs: 5 }],
    cases: [
      c("a label 2", [X4, [0, 1, 2, 1]], err("y", "RangeError")),
      c("a label 0.5", [X4, [0, 1, 0.5, 1]], err("y", "RangeError")),
      c("y too short", [X4, [0, 1]], err("y", "RangeError")),
      c(
        "unknown method",
        [X4, B4, { method: "sgd" }],
        err("method", "RangeError"),
      ),
      c("method a number", [X4, B4, { method: 1 }], err("method", "TypeError")),
      c(
        "learningRate 0",
        [X4, B4, { learningRate: 0 }],
        err("learningRate", "RangeError"),
      ),
      c("epochs 0", [X4, B4, { epochs: 0 }], err("epochs", "RangeError")),
      c("epochs 2.5", [X4, B4, { epochs: 2.5 }], err("epochs", "RangeError")),
      c(
        "maxIter 0",
        [X4, B4, { method: "newton", maxIter: 0 }],
        err("maxIter", "RangeError"),
      ),
      c("tol negative", [X4, B4, { tol: -1 }], err("tol", "RangeError")),
      c("l2 negative", [X4, B4, { l2: -1 }], err("l2", "RangeError")),
      c(
        "fitIntercept 1",
        [X4, B4, { fitIntercept: 1 }],
        err("fitIntercept", "TypeError"),
      ),
      c("null options", [X4, B4, null], err("options", "TypeError")),
      c("a learning rate that diverges", [[[1e50], [-1e50], [1], [0]], B4, {
        learningRate: 1e300,
        epochs: 50,
      }], err("learningRate", "RangeError")),
      c(
        "perfectly separated data",
        [X4, [0, 0, 1, 1], { method: "newton" }],
        doc(
          "logisticRegression: 'converged ... Always false under perfect separation'; standardErrors 'NaN when the information is singular (e.g. perfect separation)'",
          (r) =>
            (r as lib.LogisticRegressionResult).converged === false &&
            /separation/.test((r as lib.LogisticRegressionResult).message),
        ),
      ),
    ],
  },

  // -------------------------------------------------------------------- fisher.ts
  fisherInformationNormalMean: {
    valid: [2, 3],
    cases: [
      c("sigma2 0", [0], err("sigma2", "RangeError")),
      c("sigma2 negative", [-1], err("sigma2", "RangeError")),
      c("n 0", [1, 0], err("n", "RangeError")),
      c("n 2.5", [1, 2.5], err("n", "RangeError")),
    ],
  },
  fisherInformationNormalVariance: {
    valid: [2, 3],
    cases: [
      c("sigma2 NaN", [NaN], err("sigma2", "RangeError")),
      c("n negative", [1, -3], err("n", "RangeError")),
    ],
  },
  fisherInformationBernoulli: {
    valid: [0.3, 3],
    cases: [
      c("p = 0", [0], err("p", "RangeError")),
      c("p = 1", [1], err("p", "RangeError")),
      c("p above 1", [1.5], err("p", "RangeError")),
      c("n 0", [0.5, 0], err("n", "RangeError")),
    ],
  },
  crbNormalMean: {
    valid: [2, 3],
    cases: [
      c("sigma2 Infinity", [Infinity], err("sigma2", "RangeError")),
      c("n 1.5", [1, 1.5], err("n", "RangeError")),
    ],
  },
  crbNormalVariance: {
    valid: [2, 3],
    cases: [
      c("sigma2 0", [0], err("sigma2", "RangeError")),
      c("n a string", [1, "3"], err("n", "TypeError")),
    ],
  },
  crbBernoulli: {
    valid: [0.3, 3],
    cases: [
      c("p = 0", [0], err("p", "RangeError")),
      c("p = 1", [1], err("p", "RangeError")),
      c("p negative", [-0.1], err("p", "RangeError")),
    ],
  },
  logisticFisherInformation: {
    valid: [X4, [0.5], 0.1],
    cases: [
      c("coef of the wrong length", [X4, [1, 2]], err("coef", "RangeError")),
      c("coef NaN", [X4, [NaN]], err("coef[0]", "RangeError")),
      c("intercept NaN", [X4, [1], NaN], err("intercept", "RangeError")),
      c("no rows", [[], [1]], err("X", "RangeError")),
      c(
        "∞ − ∞ in X·coef",
        [[[1e100, -1e100]], [1e300, 1e300]],
        err("coef", "RangeError"),
      ),
    ],
  },
  empiricalFisher: {
    valid: [[[1, 2], [3, 4]]],
    cases: [
      c("empty", [[]], err("scores", "RangeError")),
      c("NaN score", [[1, NaN]], err("scores[1]", "RangeError")),
      c("ragged score rows", [[[1, 2], [3]]], err("scores[1]", "RangeError")),
    ],
  },
  betainc: {
    valid: [2, 3, 0.4],
    cases: [
      c("a 0", [0, 1, 0.5], err("a", "RangeError")),
      c("b negative", [1, -1, 0.5], err("b", "RangeError")),
      c("x above 1", [1, 1, 1.5], err("x", "RangeError")),
      c("x NaN", [1, 1, NaN], err("x", "RangeError")),
      c("a huge", [1e300, 1e300, 0.5], err("a", "RangeError")),
      c(
        "x = 0",
        [2, 3, 0],
        doc("betainc: I_0(a, b) = 0 (x in [0, 1])", (r) => r === 0),
      ),
      c(
        "x = 1",
        [2, 3, 1],
        doc("betainc: I_1(a, b) = 1 (x in [0, 1])", (r) => r === 1),
      ),
    ],
  },
  betaincinv: {
    valid: [2, 3, 0.4],
    cases: [
      c("a Infinity", [Infinity, 1, 0.5], err("a", "RangeError")),
      c("p above 1", [1, 1, 1.01], err("p", "RangeError")),
      c("b huge", [1, 1e300, 0.5], err("b", "RangeError")),
      c(
        "p = 0",
        [2, 3, 0],
        doc("betaincinv: p in [0, 1], quantile 0 at p = 0", (r) => r === 0),
      ),
      c(
        "p = 1",
        [2, 3, 1],
        doc("betaincinv: p in [0, 1], quantile 1 at p = 1", (r) => r === 1),
      ),
    ],
  },
  betaPdf: {
    valid: [0.3, 2, 3],
    cases: [
      c("x NaN", [NaN, 2, 3], err("x", "RangeError")),
      c("a 0", [0.5, 0, 1], err("a", "RangeError")),
      c("b Infinity", [0.5, 1, Infinity], err("b", "RangeError")),
      c("a huge", [0.5, 1e20, 1e20], err("a", "RangeError")),
      c(
        "x outside [0, 1]",
        [1.5, 2, 2],
        doc("betaPdf: 'outside [0, 1] the density is 0'", (r) => r === 0),
      ),
      c(
        "x = 0 with a < 1",
        [0, 0.5, 2],
        doc(
          "betaPdf: 'the density is `Infinity` when `a < 1`'",
          (r) => r === Infinity,
        ),
      ),
    ],
  },
  betaBernoulliPosterior: {
    valid: [[0, 1, 1]],
    generic: {
      "[]": doc(
        "betaBernoulliPosterior: no observation leaves the prior (x may be empty)",
        (r) =>
          (r as lib.BetaPosterior).a === 1 && (r as lib.BetaPosterior).b === 1,
      ),
    },
    cases: [
      c("a 2 in x", [[0, 2]], err("x", "RangeError")),
      c("prior a 0", [[1], { a: 0 }], err("a", "RangeError")),
      c("prior b negative", [[1], { b: -1 }], err("b", "RangeError")),
      c("null prior", [[1], null], err("prior", "TypeError")),
      custom(
        "credibleInterval(1.5)",
        () => lib.betaBernoulliPosterior([1]).credibleInterval(1.5),
        err("level", "RangeError", "credibleInterval"),
      ),
      custom(
        "credibleInterval(NaN)",
        () => lib.betaBernoulliPosterior([1]).credibleInterval(NaN),
        err("level", "RangeError", "credibleInterval"),
      ),
      custom(
        "credibleInterval(1)",
        () => lib.betaBernoulliPosterior([1]).credibleInterval(1),
        err("level", "RangeError", "credibleInterval"),
      ),
      c(
        "flat prior, no data: no unique mode",
        [[]],
        doc(
          "BetaPosterior.mode: 'NaN when `a, b <= 1` (no unique mode)'",
          (r) => Number.isNaN((r as lib.BetaPosterior).mode),
        ),
      ),
    ],
  },

  // --------------------------------------------------------------------- bayes.ts
  normalMeanPosterior: {
    valid: [[1, 2], { sigma: 1, priorMean: 0, priorSd: 1 }],
    cases: [
      c(
        "empty x",
        [[], { sigma: 1, priorMean: 0, priorSd: 1 }],
        err("x", "RangeError"),
      ),
      c(
        "sigma 0",
        [[1], { sigma: 0, priorMean: 0, priorSd: 1 }],
        err("sigma", "RangeError"),
      ),
      c(
        "priorSd 0",
        [[1], { sigma: 1, priorMean: 0, priorSd: 0 }],
        err("priorSd", "RangeError"),
      ),
      c("priorSd -Infinity", [[1], {
        sigma: 1,
        priorMean: 0,
        priorSd: -Infinity,
      }], err("priorSd", "RangeError")),
      c(
        "priorMean NaN",
        [[1], { sigma: 1, priorMean: NaN, priorSd: 1 }],
        err("priorMean", "RangeError"),
      ),
      c(
        "options missing",
        [[1]],
        err("options", "TypeError"),
      ),
      c(
        "sums that overflow",
        [[1e308, 1e308], { sigma: 1e200, priorMean: 0, priorSd: 1e200 }],
        doc(
          "normalMeanPosterior: finite posterior for finite data",
          (r) => Object.values(r as object).every(finite),
        ),
      ),
      c(
        "flat prior",
        [[1, 3], { sigma: 2, priorMean: 0, priorSd: Infinity }],
        doc(
          "normalMeanPosterior: '`priorSd = Infinity` is the flat (improper) prior'",
          (r) => (r as lib.NormalMeanPosterior).mean === 2,
        ),
      ),
    ],
  },
  betaPrior: {
    valid: [{ centre: 0.5, strength: 2 }],
    cases: [
      c(
        "centre above 1",
        [{ centre: 1.5, strength: 1 }],
        err("centre", "RangeError"),
      ),
      c(
        "strength negative",
        [{ centre: 0.5, strength: -1 }],
        err("strength", "RangeError"),
      ),
      c("strength missing", [{ centre: 0.5 }], err("strength", "TypeError")),
    ],
  },
  normalPrior: {
    valid: [{ centre: 0, strength: 2, sigma: 1 }],
    cases: [
      c(
        "sigma 0",
        [{ centre: 0, strength: 1, sigma: 0 }],
        err("sigma", "RangeError"),
      ),
      c(
        "centre Infinity",
        [{ centre: Infinity, strength: 1, sigma: 1 }],
        err("centre", "RangeError"),
      ),
      c(
        "strength NaN",
        [{ centre: 0, strength: NaN, sigma: 1 }],
        err("strength", "RangeError"),
      ),
    ],
  },

  // ---------------------------------------------------------------- likelihood.ts
  linspace: {
    valid: [0, 1, 5],
    cases: [
      c("start NaN", [NaN, 1, 5], err("start", "RangeError")),
      c("stop Infinity", [0, Infinity, 5], err("stop", "RangeError")),
      c("num 0", [0, 1, 0], err("num", "RangeError")),
      c("num 2.5", [0, 1, 2.5], err("num", "RangeError")),
      c(
        "num 1e12",
        [0, 1, 1e12],
        err("num", "RangeError"),
      ),
      c(
        "stop − start overflows",
        [-1e308, 1e308, 3],
        doc(
          "linspace: evenly spaced finite values",
          (r) => r instanceof Float64Array && r.every(finite),
        ),
      ),
      c(
        "num = 1",
        [2, 3, 1],
        doc(
          "linspace: '`num = 1` gives `[start]`'",
          (r) => r instanceof Float64Array && r.length === 1 && r[0] === 2,
        ),
      ),
    ],
  },
  grid1d: {
    valid: [(x: number) => -x * x, [0, 1]],
    cases: [
      c("f not a function", ["f", [0]], err("f", "TypeError")),
      c("empty grid", [noop, []], err("xs", "RangeError")),
      c("f returns NaN", [() => NaN, [0]], err("f", "RangeError")),
      c("f returns +Infinity", [() => Infinity, [0]], err("f", "RangeError")),
      c(
        "f returns -Infinity",
        [() => -Infinity, [0]],
        doc(
          "grid1d: 'It may return `-Infinity` (zero likelihood)'",
          (r) => (r as lib.Grid1d).values[0] === -Infinity,
        ),
      ),
    ],
  },
  grid2d: {
    valid: [(x: number, y: number) => x + y, [0, 1], [0, 1]],
    cases: [
      c("f not a function", [1, [0], [0]], err("f", "TypeError")),
      c("xs decreasing", [noop, [1, 0], [0]], err("xs", "RangeError")),
      c("ys empty", [noop, [0], []], err("ys", "RangeError")),
      c("f returns NaN", [() => NaN, [0], [0]], err("f", "RangeError")),
    ],
  },

  // -------------------------------------------------------------------- robust.ts
  lad: {
    valid: [X4, Y4],
    cases: [
      c("no rows", [[], []], err("X", "RangeError")),
      c("y of the wrong length", [X4, [1]], err("y", "RangeError")),
      c("maxIter 0", [X4, Y4, { maxIter: 0 }], err("maxIter", "RangeError")),
      c("tol negative", [X4, Y4, { tol: -1 }], err("tol", "RangeError")),
      c(
        "fitIntercept a string",
        [X4, Y4, { fitIntercept: "yes" }],
        err("fitIntercept", "TypeError"),
      ),
      c(
        "null options",
        [X4, Y4, null],
        err("options", "TypeError"),
      ),
    ],
  },
  huberRegression: {
    valid: [X4, Y4],
    cases: [
      c("delta 0", [X4, Y4, { delta: 0 }], err("delta", "RangeError")),
      c("scale negative", [X4, Y4, { scale: -1 }], err("scale", "RangeError")),
      c(
        "scale a string",
        [X4, Y4, { scale: "std" }],
        err("scale", "TypeError"),
      ),
      c(
        "null options",
        [X4, Y4, null],
        err("options", "TypeError"),
      ),
    ],
  },
  huberLogPdf: {
    valid: [0],
    cases: [
      c("x NaN", [NaN], err("x", "RangeError")),
      c("scale 0", [0, 0, 0], err("scale", "RangeError")),
      c("delta negative", [0, 0, 1, -1], err("delta", "RangeError")),
    ],
  },

  // ------------------------------------------------------------------ simulate.ts
  numpySum: {
    valid: [[1, 2]],
    generic: {
      "[]": doc("numpySum: 'an empty array sums to 0'", (r) => r === 0),
    },
    cases: [c("NaN", [[1, NaN]], err("x[1]", "RangeError"))],
  },
  monteCarlo: {
    valid: [3, (e: number) => [e, e + 1], { m: lib.mean }],
    cases: [
      c(
        "experiments 0",
        [0, noop, { m: lib.mean }],
        err("experiments", "RangeError"),
      ),
      c(
        "experiments 1.5",
        [1.5, noop, { m: lib.mean }],
        err("experiments", "RangeError"),
      ),
      c(
        "draw not a function",
        [1, [1, 2], { m: lib.mean }],
        err("draw", "TypeError"),
      ),
      c(
        "statistics null",
        [1, () => [1], null],
        err("statistics", "TypeError"),
      ),
      c("no statistic", [1, () => [1], {}], err("statistics", "RangeError")),
      c(
        "a statistic not a function",
        [1, () => [1], { m: 1 }],
        err("statistics.m", "TypeError"),
      ),
      c(
        "a statistic returning NaN",
        [1, () => [1], { m: () => NaN }],
        err("statistics.m", "RangeError"),
      ),
      c(
        "draw returning a string",
        [1, () => "1", { m: lib.mean }],
        err("draw()", "TypeError"),
      ),
      c(
        "experiments 1e15",
        [1e15, () => [1], { m: lib.mean }],
        err("experiments", "RangeError"),
      ),
    ],
  },
  sampleMeans: {
    valid: [new lib.RandomState(0), 3, 4],
    cases: [
      c(
        "rs not a RandomState",
        [{}, 3, 4],
        err("rs", "TypeError"),
      ),
      c(
        "rs with normal but no normalInto",
        [{ normal: () => new Float64Array(0) }, 3, 4],
        err("rs", "TypeError"),
      ),
      c("n 0", [new lib.RandomState(0), 0, 4], err("n", "RangeError")),
      c(
        "experiments 2.5",
        [new lib.RandomState(0), 3, 2.5],
        err("experiments", "RangeError"),
      ),
      c(
        "scale negative",
        [new lib.RandomState(0), 3, 4, { scale: -1 }],
        err("scale", "RangeError"),
      ),
      c(
        "null options",
        [new lib.RandomState(0), 3, 4, null],
        err("options", "TypeError"),
      ),
      c(
        "n · experiments = 1e18",
        [new lib.RandomState(0), 1e9, 1e9],
        err("experiments", "RangeError"),
      ),
    ],
  },
  sampleMeanVariances: {
    valid: [new lib.RandomState(0), [2, 3], { experiments: 3 }],
    cases: [
      c(
        "rs not a RandomState",
        [null, [2], { experiments: 3 }],
        err("rs", "TypeError"),
      ),
      c("no sizes", [new lib.RandomState(0), []], err("sizes", "RangeError")),
      c("size 0", [new lib.RandomState(0), [0]], err("sizes[0]", "RangeError")),
      c(
        "experiments 0",
        [new lib.RandomState(0), [2], { experiments: 0 }],
        err("experiments", "RangeError"),
      ),
      c(
        "null options",
        [new lib.RandomState(0), [2], null],
        err("options", "TypeError"),
      ),
      c(
        "n · experiments = 1e18",
        [new lib.RandomState(0), [1e9], { experiments: 1e9 }],
        err("experiments", "RangeError"),
      ),
    ],
  },
  samplingSummary: {
    valid: [[1, 2, 3], 2],
    cases: [
      c("no estimates", [[], 0], err("estimates", "RangeError")),
      c("truth NaN", [[1], NaN], err("truth", "RangeError")),
      c(
        "estimate Infinity",
        [[Infinity], 0],
        err("estimates[0]", "RangeError"),
      ),
      c(
        "one estimate",
        [[1], 0],
        doc(
          "SamplingSummary.standardError: '(NaN for one estimate)'",
          (r) =>
            Number.isNaN((r as lib.SamplingSummary).standardError) &&
            (r as lib.SamplingSummary).mse === 1,
        ),
      ),
    ],
  },
  cumulativeMean: {
    valid: [[1, 2]],
    cases: [
      c("empty", [[]], err("x", "RangeError")),
      c("NaN", [[NaN]], err("x[0]", "RangeError")),
    ],
  },

  // --------------------------------------------------------------------- stats.ts
  sum: {
    valid: [[1, 2]],
    generic: {
      "[]": doc(
        "sum: '@param x The values (may be empty: the sum is then 0)'",
        (r) => r === 0,
      ),
    },
    cases: [
      c("NaN", [[1, NaN]], err("x[1]", "RangeError")),
      c("a string", ["12"], err("x", "TypeError")),
    ],
  },
  mean: {
    valid: [[1, 2]],
    cases: [
      c("empty", [[]], err("x", "RangeError")),
      c("-Infinity", [[-Infinity]], err("x[0]", "RangeError")),
      c(
        "a sparse array of 2^32 − 1 holes",
        [new Array(2 ** 32 - 1)],
        err("x.length", "RangeError"),
      ),
      c(
        "values near the largest double",
        [[1.5e308, 1.5e308]],
        doc(
          "mean: the arithmetic mean (1.5e308, representable)",
          (r) => r === 1.5e308,
        ),
      ),
    ],
  },
  variance: {
    valid: [[1, 2]],
    cases: [
      c("empty", [[]], err("x", "RangeError")),
      c("ddof = n", [[1, 2], { ddof: 2 }], err("ddof", "RangeError")),
      c("ddof > n", [[1, 2], { ddof: 5 }], err("ddof", "RangeError")),
      c("ddof negative", [[1, 2], { ddof: -1 }], err("ddof", "RangeError")),
      c("ddof 0.5", [[1, 2], { ddof: 0.5 }], err("ddof", "RangeError")),
      c("ddof a string", [[1, 2], { ddof: "1" }], err("ddof", "TypeError")),
      c("null options", [[1, 2], null], err("options", "TypeError")),
      c(
        "n = 1, ddof 0",
        [[7]],
        doc("variance: 'at least `ddof + 1` finite values'", (r) => r === 0),
      ),
      c(
        "values near the largest double",
        [[1e308, 1e308]],
        doc("variance: '@returns The variance of `x` (≥ 0)'", (r) => r === 0),
      ),
      c(
        "a variance beyond the largest double",
        [[1e308, -1e308]],
        doc(
          "variance: the exact 1e616 overflows: +Infinity, never NaN",
          (r) => r === Infinity,
        ),
      ),
    ],
  },
  std: {
    valid: [[1, 2]],
    cases: [
      c("empty", [[]], err("x", "RangeError")),
      c("ddof = n", [[1], { ddof: 1 }], err("ddof", "RangeError")),
      c("null options", [[1], null], err("options", "TypeError")),
      c(
        "a spread near the largest double",
        [[1e308, -1e308]],
        doc(
          "std: the standard deviation, 1e308 (representable)",
          (r) => r === 1e308,
        ),
      ),
    ],
  },
  median: {
    valid: [[1, 2]],
    cases: [
      c("empty", [[]], err("x", "RangeError")),
      c("NaN", [[1, NaN]], err("x[1]", "RangeError")),
    ],
  },
  quantile: {
    valid: [[1, 2, 3], 0.5],
    cases: [
      c("q above 1", [[1, 2], 1.5], err("q", "RangeError")),
      c("q negative", [[1, 2], -0.1], err("q", "RangeError")),
      c("q NaN", [[1, 2], NaN], err("q", "RangeError")),
      c(
        "q array with a bad entry",
        [[1, 2], [0.5, 2]],
        err("q[1]", "RangeError"),
      ),
      c("q a string", [[1, 2], "0.5"], err("q", "TypeError")),
      c("empty x", [[], 0.5], err("x", "RangeError")),
      c(
        "an interpolation across the whole range",
        [[-1.5e308, 1.5e308], 0.5],
        doc(
          "quantile: interpolates linearly between finite values",
          (r) => r === 0,
        ),
      ),
    ],
  },
  cov: {
    valid: [[1, 2, 3], [1, 3, 2]],
    cases: [
      c("mismatched lengths", [[1, 2], [1]], err("x", "RangeError")),
      c("empty", [[], []], err("x", "RangeError")),
      c("n = 1 with the default ddof 1", [[1], [2]], err("ddof", "RangeError")),
      c("null options", [[1, 2], [1, 2], null], err("options", "TypeError")),
      c(
        "a covariance near the largest double",
        [[1e308, -1e308], [0.5, -0.5]],
        doc(
          "cov: 'Σ (xᵢ − x̄)(yᵢ − ȳ) / (n − ddof)' = 1e308, representable",
          (r) => r === 1e308,
        ),
      ),
      c(
        "a covariance beyond the largest double",
        [[1e308, -1e308], [1e308, -1e308]],
        doc(
          "cov: the exact 2e616 overflows: +Infinity, never NaN",
          (r) => r === Infinity,
        ),
      ),
    ],
  },

  // ------------------------------------ format.ts, checks.ts, charts.ts (i12lib)
  ...HELPER_FUNCTIONS,
};

const CLASSES: Record<string, ClassEntry> = {
  Matrix: {
    ctor: {
      valid: [2, 2],
      cases: [
        c("rows negative", [-1, 2], err("rows", "RangeError")),
        c("rows 1.5", [1.5, 2], err("rows", "RangeError")),
        c("rows a string", ["2", 2], err("rows", "TypeError")),
        c("cols NaN", [2, NaN], err("cols", "RangeError")),
        c("data a plain array", [2, 2, [1, 2, 3, 4]], err("data", "TypeError")),
        c(
          "data of the wrong length",
          [2, 2, new Float64Array(3)],
          err("data", "RangeError"),
        ),
        c(
          "data with NaN",
          [1, 1, new Float64Array([NaN])],
          err("data[0]", "RangeError"),
        ),
        c("1e6 x 1e6", [1e6, 1e6], err("rows", "RangeError")),
        c(
          "0 x 0",
          [0, 0],
          doc(
            "Matrix: 'rows Number of rows: a non-negative integer'",
            (r) => (r as lib.Matrix).data.length === 0,
          ),
        ),
      ],
    },
    statics: {
      from: {
        valid: [[[1, 2], [3, 4]]],
        generic: {
          "[]": doc(
            "Matrix.from: '(0 x 0 for no rows)'",
            (r) => (r as lib.Matrix).rows === 0,
          ),
        },
        cases: [
          c("ragged", [[[1, 2], [3]]], err("rows[1]", "RangeError")),
          c("NaN", [[[1, NaN]]], err("rows[0][1]", "RangeError")),
          c("a string entry", [[["1"]]], err("rows[0][0]", "TypeError")),
          c("not an array", ["12"], err("rows", "TypeError")),
          c("flat vector", [[1, 2]], err("rows[0]", "TypeError")),
        ],
      },
      zeros: {
        valid: [2, 3],
        cases: [
          c("rows negative", [-1, 2], err("rows", "RangeError")),
          c("cols 0.5", [1, 0.5], err("cols", "RangeError")),
          c("1e6 x 1e6", [1e6, 1e6], err("rows", "RangeError")),
        ],
      },
      identity: {
        valid: [2],
        cases: [
          c("n negative", [-1], err("n", "RangeError")),
          c("n 1.5", [1.5], err("n", "RangeError")),
          c("n 1e9", [1e9], err("n", "RangeError")),
        ],
      },
    },
    instance: () => lib.Matrix.from([[1, 2], [3, 4]]),
    methods: {
      get: {
        valid: [0, 1],
        cases: [
          c("i out of range", [2, 0], err("i", "RangeError")),
          c("j out of range", [0, 2], err("j", "RangeError")),
          c("i negative", [-1, 0], err("i", "RangeError")),
          c("i 0.5", [0.5, 0], err("i", "RangeError")),
        ],
      },
      set: {
        valid: [0, 1, 5],
        cases: [
          c("v NaN", [0, 0, NaN], err("v", "RangeError")),
          c("v a string", [0, 0, "1"], err("v", "TypeError")),
          c("i out of range", [5, 0, 1], err("i", "RangeError")),
        ],
      },
      row: {
        valid: [1],
        cases: [c("i out of range", [2], err("i", "RangeError"))],
      },
      col: {
        valid: [1],
        cases: [c("j out of range", [-1], err("j", "RangeError"))],
      },
      toArray: { noArgs: "Matrix.toArray(): no parameters" },
    },
  },
  RandomState: {
    ctor: {
      valid: [42],
      generic: {
        undefined: doc(
          "RandomState: 'Omit it for a non-deterministic seed'",
          (r) => r instanceof lib.RandomState,
        ),
      },
      cases: [
        c("seed negative", [-1], err("seed", "RangeError")),
        c("seed 1.5", [1.5], err("seed", "RangeError")),
        c("seed 2^32", [2 ** 32], err("seed", "RangeError")),
        c("seed a string", ["42"], err("seed", "TypeError")),
        c("seed Infinity", [Infinity], err("seed", "RangeError")),
        c("empty seed array", [[]], err("seed", "RangeError")),
        c("seed array with -1", [[1, -1]], err("seed[1]", "RangeError")),
      ],
    },
    statics: {},
    instance: () => new lib.RandomState(0),
    methods: {
      seed: {
        valid: [1],
        generic: {
          undefined: doc(
            "seed: 'omit it for a non-deterministic seed'",
            (r) => r === undefined,
          ),
        },
        cases: [
          c("seed NaN", [NaN], err("seed", "RangeError")),
          c("seed array with 2^32", [[2 ** 32]], err("seed[0]", "RangeError")),
        ],
      },
      rand: {
        valid: [3],
        generic: {
          undefined: doc(
            "rand: '@param size Omit for one number'",
            (r) => typeof r === "number" && r >= 0 && r < 1,
          ),
        },
        cases: [
          c("size negative", [-1], err("size", "RangeError")),
          c("size 1.5", [1.5], err("size", "RangeError")),
          c("size a string", ["3"], err("size", "TypeError")),
          c("size [2]", [[2]], err("size", "TypeError")),
          c("size [2, -1]", [[2, -1]], err("size[1]", "RangeError")),
          c("size 1e15", [1e15], err("size", "RangeError")),
          c("size [1e5, 1e5]", [[1e5, 1e5]], err("size", "RangeError")),
          c(
            "size 2^31 − 1 (16 GiB, lazily committed)",
            [2 ** 31 - 1],
            err("size", "RangeError"),
          ),
          c(
            "size 0",
            [0],
            doc("rand: 'a count ... for many' (0 gives none)", isF64(0)),
          ),
        ],
      },
      uniform: {
        valid: [0, 1, 3],
        generic: {
          undefined: doc(
            "uniform: '@param low ... Defaults to 0'",
            (r) => r instanceof Float64Array && r.length === 3,
          ),
        },
        cases: [
          c("low NaN", [NaN, 1], err("low", "RangeError")),
          c("high Infinity", [0, Infinity], err("high", "RangeError")),
          c("high − low overflows", [-1e308, 1e308], err("high", "RangeError")),
          c("size negative", [0, 1, -1], err("size", "RangeError")),
          c("low a string", ["0", 1], err("low", "TypeError")),
        ],
      },
      randn: {
        valid: [3],
        generic: {
          undefined: doc("randn: '@param size Omit for one number'", finite),
        },
        cases: [
          c("size negative", [-2], err("size", "RangeError")),
          c("size [1e9, 1e9]", [[1e9, 1e9]], err("size", "RangeError")),
        ],
      },
      normal: {
        valid: [0, 1, 3],
        generic: {
          undefined: doc(
            "normal: '@param loc Mean. Defaults to 0'",
            (r) => r instanceof Float64Array && r.length === 3,
          ),
        },
        cases: [
          c("scale negative", [0, -1], err("scale", "RangeError")),
          c("scale NaN", [0, NaN], err("scale", "RangeError")),
          c("loc Infinity", [Infinity, 1], err("loc", "RangeError")),
          c("size 2.5", [0, 1, 2.5], err("size", "RangeError")),
          c(
            "scale 0",
            [5, 0, 2],
            doc(
              "normal: '`scale = 0` is allowed and returns `loc`'",
              (r) => r instanceof Float64Array && r.every((v) => v === 5),
            ),
          ),
        ],
      },
      normalInto: {
        valid: [new Float64Array(3), 0, 1],
        cases: [
          c("out a plain array", [[0, 0], 0, 1], err("out", "TypeError")),
          c(
            "out a Float32Array",
            [new Float32Array(2)],
            err("out", "TypeError"),
          ),
          c(
            "scale negative",
            [new Float64Array(2), 0, -1],
            err("scale", "RangeError"),
          ),
          c("loc NaN", [new Float64Array(2), NaN, 1], err("loc", "RangeError")),
          c(
            "loc a string",
            [new Float64Array(2), "0", 1],
            err("loc", "TypeError"),
          ),
          c(
            "an empty buffer",
            [new Float64Array(0)],
            doc(
              "normalInto: 'The array to overwrite, entirely (it may be empty)'",
              isF64(0),
            ),
          ),
        ],
      },
      randint: {
        valid: [0, 10, 3],
        cases: [
          c("low = high", [5, 5], err("low", "RangeError")),
          c("low 1.5", [1.5, 3], err("low", "RangeError")),
          c("high beyond 2^53", [0, 2 ** 54], err("high", "RangeError")),
          c("high a string", [0, "3"], err("high", "TypeError")),
          c("one bound 0", [0], err("low", "RangeError")),
          c("size negative", [0, 3, -1], err("size", "RangeError")),
        ],
      },
      permutation: {
        valid: [5],
        generic: {
          "[]": doc(
            "permutation: 'an array of numbers to permute (copied)': [] permutes to []",
            isF64(0),
          ),
        },
        cases: [
          c("n negative", [-1], err("n", "RangeError")),
          c("n 1.5", [1.5], err("n", "RangeError")),
          c("n 2^31", [2 ** 31], err("n", "RangeError")),
          c(
            "n 2^31 − 1 (16 GiB, lazily committed)",
            [2 ** 31 - 1],
            err("n", "RangeError"),
          ),
          c("array with NaN", [[1, NaN]], err("x[1]", "RangeError")),
          c("a string", ["abc"], err("x", "TypeError")),
        ],
      },
      choice: {
        valid: [5, 3],
        cases: [
          c("empty population", [0, 3], err("a", "RangeError")),
          c("a negative", [-1], err("a", "RangeError")),
          c(
            "2^31 − 1 without replacement",
            [2 ** 31 - 1, 1, { replace: false }],
            err("a", "RangeError"),
          ),
          c("more than the population without replacement", [3, 5, {
            replace: false,
          }], err("size", "RangeError")),
          c(
            "p not summing to 1",
            [3, 2, { p: [0.5, 0.6, 0.1] }],
            err("p", "RangeError"),
          ),
          c(
            "p of the wrong length",
            [3, 2, { p: [0.5, 0.5] }],
            err("p", "RangeError"),
          ),
          c(
            "p negative",
            [3, 2, { p: [-0.5, 1, 0.5] }],
            err("p", "RangeError"),
          ),
          c(
            "replace not boolean",
            [3, 2, { replace: "no" }],
            err("replace", "TypeError"),
          ),
          c("null options", [3, 2, null], err("options", "TypeError")),
        ],
      },
      binomial: {
        valid: [10, 0.5, 3],
        cases: [
          c("n negative", [-1, 0.5], err("n", "RangeError")),
          c("n 1.5", [1.5, 0.5], err("n", "RangeError")),
          c("n 2^53", [2 ** 53, 0.5], err("n", "RangeError")),
          c("p above 1", [10, 1.5], err("p", "RangeError")),
          c("p NaN", [10, NaN], err("p", "RangeError")),
          c(
            "p = 0",
            [10, 0, 3],
            doc(
              "binomial: 'p Success probability in [0, 1]' — no successes",
              (r) => r instanceof Float64Array && r.every((v) => v === 0),
            ),
          ),
          c(
            "p = 1",
            [10, 1, 3],
            doc(
              "binomial: 'p Success probability in [0, 1]' — all successes",
              (r) => r instanceof Float64Array && r.every((v) => v === 10),
            ),
          ),
        ],
      },
    },
  },
  SGD: {
    ctor: {
      valid: [[1, 2], { lr: 0.1 }],
      cases: [
        c("no params", [[], { lr: 0.1 }], err("params", "RangeError")),
        c("NaN param", [[NaN], { lr: 0.1 }], err("params[0]", "RangeError")),
        c("lr 0", [[1], { lr: 0 }], err("lr", "RangeError")),
        c("lr negative", [[1], { lr: -1 }], err("lr", "RangeError")),
        c("lr missing", [[1], {}], err("lr", "TypeError")),
        c("options missing", [[1]], err("lr", "TypeError")),
        c(
          "momentum 1",
          [[1], { lr: 0.1, momentum: 1 }],
          err("momentum", "RangeError"),
        ),
      ],
    },
    statics: {},
    instance: () => new lib.SGD([1, 2], { lr: 0.1 }),
    methods: {
      step: {
        valid: [[0.5, 0.5]],
        cases: [
          c("grad of the wrong length", [[1]], err("grad", "RangeError")),
          c("grad with NaN", [[1, NaN]], err("grad[1]", "RangeError")),
          c("grad a number", [1], err("grad", "TypeError")),
        ],
      },
      t: { noArgs: "SGD.t: a read-only accessor" },
    },
  },
  Adam: {
    ctor: {
      valid: [[1, 2]],
      cases: [
        c("no params", [[]], err("params", "RangeError")),
        c("beta1 1", [[1], { beta1: 1 }], err("beta1", "RangeError")),
        c("beta2 negative", [[1], { beta2: -0.1 }], err("beta2", "RangeError")),
        c("eps negative", [[1], { eps: -1 }], err("eps", "RangeError")),
        c(
          "weightDecay NaN",
          [[1], { weightDecay: NaN }],
          err("weightDecay", "RangeError"),
        ),
        c(
          "decoupled 1",
          [[1], { decoupled: 1 }],
          err("decoupled", "TypeError"),
        ),
        c("lr 0", [[1], { lr: 0 }], err("lr", "RangeError")),
        c(
          "null options",
          [[1], null],
          err("options", "TypeError"),
        ),
      ],
    },
    statics: {},
    instance: () => new lib.Adam([1, 2]),
    methods: {
      step: {
        valid: [[0.5, 0.5]],
        cases: [
          c("grad of the wrong length", [[1, 2, 3]], err("grad", "RangeError")),
          c(
            "grad with Infinity",
            [[Infinity, 1]],
            err("grad[0]", "RangeError"),
          ),
        ],
      },
      mHat: { noArgs: "Adam.mHat(): no parameters" },
      vHat: { noArgs: "Adam.vHat(): no parameters" },
      t: { noArgs: "Adam.t: a read-only accessor" },
    },
  },
};

/** Exports that are not functions: nothing to call. */
const EXEMPT: Record<string, string> = {
  Plot:
    "the re-exported @observablehq/plot namespace (third-party; `plot()` wraps it)",
  PLOT_CLASS_NAME: "a string constant (the charts' CSS class)",
  DISPLAY_SETTLE_MS: "a number constant (the display settle delay)",
  MAX_LENGTH: "a number constant (the largest array the library allocates)",
  ...HELPER_EXEMPT,
};

// ---------------------------------------------------------------------------------
// Runner

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

/** Runs `thunk` with console output silenced; awaits a returned promise. */
async function run(thunk: () => unknown): Promise<Outcome> {
  const log = console.log;
  console.log = () => {};
  try {
    let value = thunk();
    if (value instanceof Promise) value = await value;
    return { ok: true, value };
  } catch (error) {
    return { ok: false, error };
  } finally {
    console.log = log;
  }
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** `arg` as a whole word (`x` matches `x[1]`'s prefix only through `x[1]` itself). */
function mentions(message: string, arg: string): boolean {
  return new RegExp(`(^|[^A-Za-z0-9_.])${escape(arg)}($|[^A-Za-z0-9_])`).test(
    message,
  );
}

/** Why `outcome` fails `expect` for function `fn`, or null when it meets it. */
function judge(fn: string, outcome: Outcome, expect: Expect): string | null {
  if (expect.kind === "throws") {
    if (outcome.ok) {
      return `expected a TypeError/RangeError naming ${expect.arg}, got a result: ${
        Deno.inspect(outcome.value, { depth: 1, iterableLimit: 4 })
      }`;
    }
    const e = outcome.error;
    if (!(e instanceof TypeError || e instanceof RangeError)) {
      return `expected a TypeError/RangeError, got ${Deno.inspect(e)}`;
    }
    if (expect.type !== undefined && e.name !== expect.type) {
      return `expected a ${expect.type}, got ${e.name}: ${e.message}`;
    }
    const name = expect.fn ?? fn;
    if (!e.message.includes(`${name}()`)) {
      return `message does not name ${name}(): ${e.name}: ${e.message}`;
    }
    if (!mentions(e.message, expect.arg)) {
      return `message does not name the argument ${expect.arg}: ${e.name}: ${e.message}`;
    }
    return null;
  }
  if (!outcome.ok) {
    const e = outcome.error as Error;
    return `expected the documented result (${expect.doc}), got ${e?.name}: ${e?.message}`;
  }
  return expect.ok(outcome.value)
    ? null
    : `result does not match its documentation (${expect.doc}): ${
      Deno.inspect(outcome.value, { depth: 1, iterableLimit: 4 })
    }`;
}

/** True when a NaN hides anywhere in `v` (numbers, typed arrays, plain objects). */
function hasNaN(v: unknown, depth = 0): boolean {
  if (typeof v === "number") return Number.isNaN(v);
  if (depth > 3 || v === null || typeof v !== "object") return false;
  if (ArrayBuffer.isView(v)) {
    return Array.prototype.some.call(v, (x: unknown) => Number.isNaN(x));
  }
  if (Array.isArray(v)) return v.some((x) => hasNaN(x, depth + 1));
  if (Object.getPrototypeOf(v) !== Object.prototype) return false;
  return Object.values(v).some((x) => hasNaN(x, depth + 1));
}

type Callable = (...args: unknown[]) => unknown;
type Target = {
  /** The name messages must contain before `()`. */
  name: string;
  /** A label for failure reports. */
  where: string;
  entry: FnEntry;
  call: (args: unknown[]) => unknown;
};

function targets(): Target[] {
  const out: Target[] = [];
  const exports = lib as unknown as Record<string, unknown>;
  for (const [name, entry] of Object.entries(FUNCTIONS)) {
    const f = exports[name] as Callable;
    out.push({
      name: entry.label ?? name,
      where: name,
      entry,
      call: (args) => f(...args),
    });
  }
  for (const [cls, spec] of Object.entries(CLASSES)) {
    const C = exports[cls] as new (...args: unknown[]) => object;
    out.push({
      name: cls,
      where: `new ${cls}`,
      entry: spec.ctor,
      call: (args) => new C(...args),
    });
    for (const [s, entry] of Object.entries(spec.statics)) {
      const f = (C as unknown as Record<string, Callable>)[s]!;
      out.push({
        name: entry.label ?? s,
        where: `${cls}.${s}`,
        entry,
        call: (args) => f.apply(C, args),
      });
    }
    for (const [m, entry] of Object.entries(spec.methods)) {
      if ("noArgs" in entry) continue;
      out.push({
        name: entry.label ?? m,
        where: `${cls}.prototype.${m}`,
        entry,
        call: (args) => {
          const obj = spec.instance() as Record<string, Callable>;
          return obj[m]!.apply(obj, args);
        },
      });
    }
  }
  return out;
}

function isClass(v: unknown): boolean {
  return typeof v === "function" &&
    /^class[\s{]/.test(Function.prototype.toString.call(v));
}

// ---------------------------------------------------------------------------------
// Tests

Deno.test("every export of lib/mod.ts is covered by the hostile sweep or EXEMPT", () => {
  const missing: string[] = [];
  const stale: string[] = [];
  const exports = lib as unknown as Record<string, unknown>;
  for (const [name, value] of Object.entries(exports)) {
    const covered = isClass(value)
      ? name in CLASSES
      : typeof value === "function"
      ? name in FUNCTIONS
      : name in EXEMPT;
    if (!covered) {
      missing.push(`${name} (${isClass(value) ? "class" : typeof value})`);
    }
  }
  for (
    const name of [
      ...Object.keys(FUNCTIONS),
      ...Object.keys(CLASSES),
      ...Object.keys(EXEMPT),
    ]
  ) {
    if (!(name in exports)) stale.push(name);
  }
  assert.deepEqual(
    missing,
    [],
    `exports without hostile cases: ${missing.join(", ")}`,
  );
  assert.deepEqual(
    stale,
    [],
    `table entries for names no longer exported: ${stale.join(", ")}`,
  );
});

Deno.test("every constructor, static and public method of an exported class has hostile cases", () => {
  const missing: string[] = [];
  const exports = lib as unknown as Record<string, unknown>;
  for (const [cls, spec] of Object.entries(CLASSES)) {
    const C = exports[cls] as { prototype: object };
    const methods = Object.getOwnPropertyNames(C.prototype).filter((m) =>
      m !== "constructor"
    );
    for (const m of methods) {
      if (!(m in spec.methods)) missing.push(`${cls}.prototype.${m}`);
    }
    const statics = Object.getOwnPropertyNames(C).filter((s) =>
      !["length", "name", "prototype"].includes(s)
    );
    for (const s of statics) {
      if (!(s in spec.statics)) missing.push(`${cls}.${s}`);
    }
    for (const m of Object.keys(spec.methods)) {
      if (!methods.includes(m)) {
        missing.push(`stale entry ${cls}.prototype.${m}`);
      }
    }
  }
  assert.deepEqual(
    missing,
    [],
    `members without hostile cases: ${missing.join(", ")}`,
  );
});

Deno.test("the sweep's valid calls succeed without NaN (so each case fails for its own reason)", async () => {
  const failures: string[] = [];
  for (const t of targets()) {
    const o = await run(() => t.call(t.entry.valid));
    if (!o.ok) failures.push(`${t.where}: ${(o.error as Error).message}`);
    else if (hasNaN(o.value)) failures.push(`${t.where}: NaN in the result`);
  }
  assert.deepEqual(failures, []);
});

/** Runs every case; returns the failures. */
async function sweep(): Promise<string[]> {
  const failures: string[] = [];
  for (const t of targets()) {
    for (const k of t.entry.cases) {
      const o = await run(() => k.call ? k.call() : t.call(k.args ?? []));
      const why = judge(t.name, o, k.expect);
      if (why !== null) failures.push(`${t.where} — ${k.what}: ${why}`);
      // A documented result must not smuggle in an undocumented NaN.
      if (
        why === null && o.ok && k.expect.kind === "documented" &&
        hasNaN(o.value) && !/NaN/.test(k.expect.doc)
      ) {
        failures.push(`${t.where} — ${k.what}: undocumented NaN in the result`);
      }
    }
  }
  return failures;
}

Deno.test("hostile inputs: each gets a TypeError/RangeError naming the function and argument, or its documented result", async () => {
  const failures = await sweep();
  assert.deepEqual(failures, [], `\n${failures.join("\n")}`);
});

/** The generic pass: perturbs argument `hostileArg` of each valid call. */
async function genericPass(): Promise<string[]> {
  const failures: string[] = [];
  for (const t of targets()) {
    const at = t.entry.hostileArg ?? 0;
    for (const [label, value] of HOSTILE) {
      const args = t.entry.valid.slice();
      args[at] = value;
      const o = await run(() => t.call(args));
      const documented = t.entry.generic?.[label];
      let why: string | null;
      if (documented) {
        why = judge(t.name, o, documented);
      } else if (o.ok) {
        why = `returned ${
          Deno.inspect(o.value, { depth: 0, iterableLimit: 4 })
        } instead of throwing`;
      } else {
        const e = o.error;
        why = !(e instanceof TypeError || e instanceof RangeError)
          ? `threw ${Deno.inspect(e)}, not a TypeError/RangeError`
          : !e.message.includes(`${t.name}()`)
          ? `message does not name ${t.name}(): ${e.name}: ${e.message}`
          : null;
      }
      if (why !== null) {
        failures.push(`${t.where}(arg ${at} = ${label}): ${why}`);
      }
    }
  }
  return failures;
}

Deno.test("never garbage: undefined, null, NaN, [], [NaN], {} in place of an argument throw a TypeError/RangeError naming the function", async () => {
  const failures = await genericPass();
  assert.deepEqual(failures, [], `\n${failures.join("\n")}`);
});
