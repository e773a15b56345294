/** Hostile inputs for `lib/display.ts`: see `_hostile.ts` for the rules. */

import * as mod from "../lib/display.ts";
import { c, doc, err, hostileSweep } from "./_hostile.ts";

/** A revoked Proxy: every read of it is an engine error. */
function revoked(): unknown {
  const { proxy, revoke } = Proxy.revocable({}, {});
  revoke();
  return proxy;
}

hostileSweep("display", mod as unknown as Record<string, unknown>, {
  functions: {
    jupyterApi: {
      valid: [],
      generic: Object.fromEntries(
        ["undefined", "null", "NaN", "[]", "[NaN]", "{}", "revoked Proxy"].map((
          h,
        ) => [
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
        c("a revoked Proxy", [revoked()], err("value", "TypeError")),
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
      cases: [
        c("a revoked Proxy", [revoked()], err("value", "TypeError")),
      ],
    },
    showBundle: {
      valid: [{ "text/plain": "hello" }],
      cases: [
        c("null", [null], err("bundle", "TypeError")),
        c("an array", [["text/plain"]], err("bundle", "TypeError")),
        c("a string", ["text/plain"], err("bundle", "TypeError")),
        c("no MIME type", [{}], err("bundle", "RangeError")),
        c("a revoked Proxy", [revoked()], err("bundle", "TypeError")),
      ],
    },
    showMarkdown: {
      valid: ["# Title"],
      cases: [
        c("a number", [1], err("markdown", "TypeError")),
        c("an array", [["# Title"]], err("markdown", "TypeError")),
        c("a revoked Proxy", [revoked()], err("markdown", "TypeError")),
      ],
    },
  },
  classes: {},
  exempt: {
    DISPLAY_SETTLE_MS: "a number constant (the display settle delay)",
  },
});
