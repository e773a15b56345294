/** Hostile inputs for `lib/robust.ts`: see `_hostile.ts` for the rules. */

import * as mod from "../lib/robust.ts";
import { c, err, hostileSweep, X4, Y4 } from "./_hostile.ts";

hostileSweep("robust", mod as unknown as Record<string, unknown>, {
  functions: {
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
        c(
          "scale negative",
          [X4, Y4, { scale: -1 }],
          err("scale", "RangeError"),
        ),
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
  },
  classes: {},
  exempt: {},
});
