/** Hostile inputs for `lib/logistic.ts`: see `_hostile.ts` for the rules. */

import * as lib from "../lib/mod.ts";
import * as mod from "../lib/logistic.ts";
import { B4, c, doc, err, hostileSweep, X4 } from "./_hostile.ts";

hostileSweep("logistic", mod as unknown as Record<string, unknown>, {
  functions: {
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
        c(
          "method a number",
          [X4, B4, { method: 1 }],
          err("method", "TypeError"),
        ),
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
  },
  classes: {},
  exempt: {},
});
