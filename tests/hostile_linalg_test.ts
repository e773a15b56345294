/** Hostile inputs for `lib/linalg.ts`: see `_hostile.ts` for the rules. */

import * as lib from "../lib/mod.ts";
import * as mod from "../lib/linalg.ts";
import {
  c,
  corrupted,
  doc,
  err,
  hostileSweep,
  I2,
  RANK_DEFICIENT,
  SINGULAR,
} from "./_hostile.ts";

hostileSweep("linalg", mod as unknown as Record<string, unknown>, {
  functions: {
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
  },
  classes: {},
  exempt: {},
});
