/** Hostile inputs for `lib/special.ts`: see `_hostile.ts` for the rules. */

import * as mod from "../lib/special.ts";
import { c, doc, err, hostileSweep } from "./_hostile.ts";

hostileSweep("special", mod as unknown as Record<string, unknown>, {
  functions: {
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
  },
  classes: {},
  exempt: {},
});
