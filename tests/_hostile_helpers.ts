/**
 * The hostile cases of the notebook helpers (`lib/format.ts`, `lib/checks.ts`,
 * `lib/charts.ts`, `lib/palette.ts`), in the harness's table shape, shared by
 * `hostile_test.ts` and the per-module `hostile_<module>_test.ts` files (issue 15's
 * split harness). Every function gets a revoked Proxy and a misspelt option too.
 *
 * @module
 */

import * as lib from "../lib/mod.ts";

/** The call throws a TypeError or RangeError naming the function and `arg`. */
interface Throws {
  kind: "throws";
  arg: string;
  fn?: string;
  type?: "TypeError" | "RangeError";
}

/** The call returns a value its JSDoc documents; `ok` checks it. */
interface Documented {
  kind: "documented";
  doc: string;
  ok: (result: unknown) => boolean;
}

/** One hostile call. */
export interface Case {
  what: string;
  args?: unknown[];
  call?: () => unknown;
  expect: Throws | Documented;
}

/** A function and its hostile calls. */
export interface FnEntry {
  valid: unknown[];
  hostileArg?: number;
  label?: string;
  cases: Case[];
}

function err(arg: string, type?: "TypeError" | "RangeError"): Throws {
  return { kind: "throws", arg, ...(type === undefined ? {} : { type }) };
}

function doc(docText: string, ok: (result: unknown) => boolean): Documented {
  return { kind: "documented", doc: docText, ok };
}

function c(what: string, args: unknown[], expect: Throws | Documented): Case {
  return { what, args, expect };
}

const noop = () => {};

/** A revoked Proxy: every operation on it throws an engine error naming nothing. */
const REVOKED = () => {
  const { proxy, revoke } = Proxy.revocable([1, 2], {});
  revoke();
  return proxy;
};

/** A template strings array, as a tag receives it. */
const TEMPLATE = (parts: string[]) =>
  Object.assign(parts.slice(), { raw: parts.slice() });

/** The helpers' functions and their hostile cases. */
export const HELPER_FUNCTIONS: Record<string, FnEntry> = {
  // ------------------------------------------------------------------- format.ts
  fmt: {
    valid: [TEMPLATE(["x = ", ":.2f"]), 1.5],
    cases: [
      c(
        "a revoked Proxy as strings",
        [REVOKED(), 1],
        err("strings", "TypeError"),
      ),
      c(
        "a revoked Proxy as a value",
        [TEMPLATE(["x = ", ""]), REVOKED()],
        err("placeholder 1", "TypeError"),
      ),
      c("called as a function", ["x = ", 1], err("strings", "TypeError")),
      c(
        "one part too few",
        [TEMPLATE(["x = "]), 1],
        err("strings", "RangeError"),
      ),
      c(
        "a part that is not a string",
        [TEMPLATE(["x = ", 1 as unknown as string]), 1],
        err("strings[1]", "TypeError"),
      ),
      c(
        "undefined in a placeholder",
        [TEMPLATE(["x = ", ""]), undefined],
        err("placeholder 1", "TypeError"),
      ),
      c(
        "a string under a number spec",
        [TEMPLATE(["x = ", ":.2f"]), "1.5"],
        err("placeholder 1", "TypeError"),
      ),
      c(
        "a non-integer under :d",
        [TEMPLATE(["n = ", ":d"]), 2.5],
        err("placeholder 1", "RangeError"),
      ),
      c(
        "NaN under a spec",
        [TEMPLATE(["", ":.2f"]), NaN],
        doc(
          "fmt: 'Non-finite numbers print as numpy does (nan)'",
          (r) => r === "nan",
        ),
      ),
    ],
  },
  table: {
    valid: [[{ a: 1.5, n: 2 }], { digits: 2 }],
    cases: [
      c("a revoked Proxy as rows", [REVOKED()], err("rows", "TypeError")),
      c(
        "a revoked Proxy as options",
        [[{ a: 1 }], REVOKED()],
        err("options", "TypeError"),
      ),
      c("a revoked Proxy as a row", [[REVOKED()]], err("rows[0]", "TypeError")),
      c(
        "a misspelt option",
        [[{ a: 1 }], { digit: 2 }],
        err("digit", "TypeError"),
      ),
      c("no rows", [[]], err("rows", "RangeError")),
      c("a row that is an array", [[[1, 2]]], err("rows[0]", "TypeError")),
      c("only empty rows", [[{}]], err("rows", "RangeError")),
      c(
        "a function in a cell",
        [[{ f: noop }]],
        err("rows[0].f", "TypeError"),
      ),
      c("options null", [[{ a: 1 }], null], err("options", "TypeError")),
      c(
        "fractional digits",
        [[{ a: 1 }], { digits: 1.5 }],
        err("options.digits", "RangeError"),
      ),
      c(
        "digits for a missing column",
        [[{ a: 1 }], { digits: { b: 2 } }],
        err("options.digits.b", "RangeError"),
      ),
      c(
        "an invalid spec",
        [[{ a: 1 }], { digits: { a: ".2q" } }],
        err("options.digits.a", "RangeError"),
      ),
      c(
        "NaN in a cell",
        [[{ a: NaN }], { digits: 2 }],
        doc(
          "table: 'non-finite numbers print as numpy does (nan)'",
          (r) => (r as lib.Table).text.endsWith("nan"),
        ),
      ),
    ],
  },

  // ------------------------------------------------------------------- checks.ts
  articleSettings: {
    valid: [{ seed: 1, n: 2 }, { seed: 1 }],
    cases: [
      c(
        "a revoked Proxy as current",
        [REVOKED(), { seed: 1 }],
        err("current", "TypeError"),
      ),
      c(
        "a revoked Proxy as article",
        [{ seed: 1 }, REVOKED()],
        err("article", "TypeError"),
      ),
      c("an empty article", [{ seed: 1 }, {}], err("article", "RangeError")),
      c(
        "a key current lacks",
        [{ seed: 1 }, { n: 1 }],
        err("current", "RangeError"),
      ),
      c("article an array", [{ seed: 1 }, [1]], err("article", "TypeError")),
    ],
  },
  atArticleSettings: {
    valid: [{ seed: 1, n: 2 }, { seed: 1 }],
    cases: [
      c(
        "a revoked Proxy as current",
        [REVOKED(), { seed: 1 }],
        err("current", "TypeError"),
      ),
      c("an empty article", [{ seed: 1 }, {}], err("article", "RangeError")),
      c(
        "a key current lacks",
        [{ seed: 1 }, { n: 1 }],
        err("current", "RangeError"),
      ),
      c(
        "other settings",
        [{ seed: 2 }, { seed: 1 }],
        doc(
          "atArticleSettings: 'A promise of ... false (after showing the line)'",
          (r) => r === false,
        ),
      ),
    ],
  },
  assertNear: {
    valid: [0.5, 0.5, { se: 0.1, what: "m" }],
    cases: [
      c(
        "a revoked Proxy as actual",
        [REVOKED(), 0, { se: 1, what: "m" }],
        err("actual", "TypeError"),
      ),
      c(
        "a revoked Proxy as options",
        [0, 0, REVOKED()],
        err("options", "TypeError"),
      ),
      c(
        "a misspelt option",
        [0, 0, { se: 1, what: "m", zz: 2 }],
        err("zz", "TypeError"),
      ),
      c(
        "se zero",
        [0, 0, { se: 0, what: "m" }],
        err("options.se", "RangeError"),
      ),
      c(
        "se NaN",
        [0, 0, { se: NaN, what: "m" }],
        err("options.se", "RangeError"),
      ),
      c(
        "z negative",
        [0, 0, { se: 1, z: -1, what: "m" }],
        err("options.z", "RangeError"),
      ),
      c("no what", [0, 0, { se: 1 }], err("options.what", "TypeError")),
      c(
        "expected NaN",
        [0, NaN, { se: 1, what: "m" }],
        err("expected", "RangeError"),
      ),
      c(
        "lengths differ",
        [[1, 2], [1, 2, 3], { se: 1, what: "m" }],
        err("actual", "RangeError"),
      ),
      c("options missing", [0, 0], err("options", "TypeError")),
    ],
  },
  assertClose: {
    valid: [0.5, 0.5, { what: "m" }],
    cases: [
      c(
        "a revoked Proxy as expected",
        [0, REVOKED(), { what: "m" }],
        err("expected", "TypeError"),
      ),
      c(
        "a misspelt option",
        [0, 0, { rtoll: 1, what: "m" }],
        err("rtoll", "TypeError"),
      ),
      c(
        "rtol negative",
        [0, 0, { rtol: -1, what: "m" }],
        err("options.rtol", "RangeError"),
      ),
      c(
        "atol infinite",
        [0, 0, { atol: Infinity, what: "m" }],
        err("options.atol", "RangeError"),
      ),
      c("no what", [0, 0, {}], err("options.what", "TypeError")),
      c("expected NaN", [0, NaN, { what: "m" }], err("expected", "RangeError")),
      c("actual a string", ["0", 0, { what: "m" }], err("actual", "TypeError")),
      c(
        "equal infinities",
        [Infinity, Infinity, { what: "m" }],
        doc(
          "assertClose: 'Equal infinities are close'",
          (r) => r === undefined,
        ),
      ),
    ],
  },

  // ------------------------------------------------------------------- charts.ts
  histogramChart: {
    valid: [{ values: [1, 2, 2, 3], truth: 2, xLabel: "x" }],
    cases: [
      c("a revoked Proxy as options", [REVOKED()], err("options", "TypeError")),
      c("a misspelt option", [{ titel: "t" }], err("titel", "TypeError")),
      c("no xLabel", [{ values: [1, 2] }], err("options.xLabel", "TypeError")),
      c(
        "a NaN value",
        [{ values: [1, NaN], xLabel: "x" }],
        err("options.values[1]", "RangeError"),
      ),
      c(
        "zero bins",
        [{ values: [1, 2], bins: 0, xLabel: "x" }],
        err("options.bins", "RangeError"),
      ),
      c(
        "a density of mismatched lengths",
        [{
          values: [1, 2],
          xLabel: "x",
          density: { x: [1, 2], y: [1], label: "d" },
        }],
        err("options.density.x", "RangeError"),
      ),
      c(
        "a NaN truth",
        [{ values: [1, 2], truth: NaN, xLabel: "x" }],
        err("options.truth[0]", "RangeError"),
      ),
    ],
  },
  curveChart: {
    valid: [{
      series: [{ label: "a", x: [1, 2], y: [1, 2] }],
      xLabel: "x",
      yLabel: "y",
    }],
    cases: [
      c("a revoked Proxy as options", [REVOKED()], err("options", "TypeError")),
      c("a misspelt option", [{ titel: "t" }], err("titel", "TypeError")),
      c(
        "no series",
        [{ series: [], xLabel: "x", yLabel: "y" }],
        err("options.series", "RangeError"),
      ),
      c(
        "a series without a label",
        [{ series: [{ x: [1], y: [1] }], xLabel: "x", yLabel: "y" }],
        err("options.series[0].label", "TypeError"),
      ),
      c(
        "x and y of different lengths",
        [{
          series: [{ label: "a", x: [1, 2], y: [1] }],
          xLabel: "x",
          yLabel: "y",
        }],
        err("options.series[0].x", "RangeError"),
      ),
      c(
        "marks not an array",
        [{
          series: [{ label: "a", x: [1], y: [1] }],
          marks: {},
          xLabel: "x",
          yLabel: "y",
        }],
        err("marks", "TypeError"),
      ),
      c(
        "a gap (NaN) in y",
        [{
          series: [{ label: "a", x: [1, 2, 3], y: [1, NaN, 2] }],
          xLabel: "x",
          yLabel: "y",
        }],
        doc(
          "curveChart: 'NaN or infinite values leave a gap'",
          (r) => typeof r === "object" && r !== null,
        ),
      ),
    ],
  },
  scatterFitChart: {
    valid: [{
      x: [1, 2, 3],
      y: [1, 2, 4],
      lines: [{ label: "OLS", intercept: 0, slope: 1 }],
      xLabel: "x",
      yLabel: "y",
    }],
    cases: [
      c("a revoked Proxy as options", [REVOKED()], err("options", "TypeError")),
      c("a misspelt option", [{ titel: "t" }], err("titel", "TypeError")),
      c(
        "x and y of different lengths",
        [{ x: [1, 2], y: [1], lines: [], xLabel: "x", yLabel: "y" }],
        err("options.x", "RangeError"),
      ),
      c(
        "a highlight out of range",
        [{
          x: [1],
          y: [1],
          lines: [],
          highlight: [1],
          xLabel: "x",
          yLabel: "y",
        }],
        err("options.highlight[0]", "RangeError"),
      ),
      c(
        "lines not an array",
        [{ x: [1], y: [1], lines: {}, xLabel: "x", yLabel: "y" }],
        err("options.lines", "TypeError"),
      ),
    ],
  },
  pathChart: {
    valid: [{ alphas: [0.1, 1], coefs: [[1, 2], [0, 1]] }],
    cases: [
      c("a revoked Proxy as options", [REVOKED()], err("options", "TypeError")),
      c("a misspelt option", [{ titel: "t" }], err("titel", "TypeError")),
      c(
        "rows != alphas",
        [{ alphas: [0.1, 1], coefs: [[1]] }],
        err("options.coefs", "RangeError"),
      ),
      c(
        "ragged coefficients",
        [{ alphas: [0.1, 1], coefs: [[1, 2], [1]] }],
        err("options.coefs[1]", "RangeError"),
      ),
      c(
        "alpha 0 on a log axis",
        [{ alphas: [0, 1], coefs: [[1], [0]], logX: true }],
        err("options.alphas", "RangeError"),
      ),
      c(
        "truth of the wrong length",
        [{ alphas: [1], coefs: [[1, 2]], truth: [1] }],
        err("options.truth", "RangeError"),
      ),
    ],
  },
  barChart: {
    valid: [{ rows: [{ label: "a", value: 1 }], xLabel: "v" }],
    cases: [
      c("a revoked Proxy as options", [REVOKED()], err("options", "TypeError")),
      c("a misspelt option", [{ titel: "t" }], err("titel", "TypeError")),
      c(
        "no rows",
        [{ rows: [], xLabel: "v" }],
        err("options.rows", "RangeError"),
      ),
      c(
        "a repeated bar",
        [{
          rows: [{ label: "a", value: 1 }, { label: "a", value: 2 }],
          xLabel: "v",
        }],
        err("options.rows[1]", "RangeError"),
      ),
      c(
        "an invalid format",
        [{ rows: [{ label: "a", value: 1 }], xLabel: "v", format: "%%" }],
        err("options.format", "RangeError"),
      ),
      c(
        "a NaN value",
        [{ rows: [{ label: "a", value: NaN }], xLabel: "v" }],
        err("options.rows[0].value[0]", "RangeError"),
      ),
    ],
  },
};

/** The helpers' exports with nothing to call. */
export const HELPER_EXEMPT: Record<string, string> = {
  palette:
    "a frozen object of colour strings (the charts' and explorer's colours)",
};

/** The names of `HELPER_FUNCTIONS` that `lib/<module>.ts` exports. */
export function helperTable(
  module: Record<string, unknown>,
): {
  functions: Record<string, FnEntry>;
  classes: Record<string, never>;
  exempt: Record<string, string>;
} {
  const pick = <T>(table: Record<string, T>) =>
    Object.fromEntries(
      Object.entries(table).filter(([name]) => name in module),
    );
  return {
    functions: pick(HELPER_FUNCTIONS),
    classes: {},
    exempt: pick(HELPER_EXEMPT),
  };
}
