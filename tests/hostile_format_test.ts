/** Hostile inputs for `lib/format.ts`: see `_hostile.ts` for the rules. */

import * as lib from "../lib/mod.ts";
import * as mod from "../lib/format.ts";
import { c, doc, err, hostileSweep, noop } from "./_hostile.ts";

/** A revoked Proxy: every operation on it throws an engine error naming nothing. */
const REVOKED = () => {
  const { proxy, revoke } = Proxy.revocable([1, 2], {});
  revoke();
  return proxy;
};

/** A template strings array, as a tag receives it. */
const TEMPLATE = (parts: string[]) =>
  Object.assign(parts.slice(), { raw: parts.slice() });

hostileSweep("format", mod as unknown as Record<string, unknown>, {
  functions: {
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
        c(
          "a revoked Proxy as a row",
          [[REVOKED()]],
          err("rows[0]", "TypeError"),
        ),
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
  },
  classes: {},
  exempt: {},
});
