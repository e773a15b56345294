/** Hostile inputs for `lib/regression.ts`: see `_hostile.ts` for the rules. */

import * as lib from "../lib/mod.ts";
import * as mod from "../lib/regression.ts";
import { c, COLLINEAR, doc, err, hostileSweep, X4, Y4 } from "./_hostile.ts";

hostileSweep("regression", mod as unknown as Record<string, unknown>, {
  functions: {
    ols: {
      valid: [X4, Y4],
      cases: [
        c("no rows", [[], []], err("X", "RangeError")),
        c("ragged X", [[[1], [2, 3]], [1, 2]], err("X[1]", "RangeError")),
        c("y too short", [X4, [1, 2]], err("y", "RangeError")),
        c("NaN in y", [X4, [1, 2, NaN, 4]], err("y[2]", "RangeError")),
        c(
          "rcond negative",
          [X4, Y4, { rcond: -1 }],
          err("rcond", "RangeError"),
        ),
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
        c(
          "alpha negative",
          [X4, Y4, { alpha: -1 }],
          err("alpha", "RangeError"),
        ),
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
        c(
          "a negative alpha",
          [X4, Y4, [1, -1]],
          err("alphas[1]", "RangeError"),
        ),
        c("null options", [X4, Y4, [1], null], err("options", "TypeError")),
      ],
    },
    lasso: {
      valid: [X4, Y4],
      cases: [
        c(
          "alpha negative",
          [X4, Y4, { alpha: -1 }],
          err("alpha", "RangeError"),
        ),
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
  },
  classes: {},
  exempt: {},
});
