/** Hostile inputs for `lib/products.ts`: see `_hostile.ts` for the rules. */

import * as lib from "../lib/mod.ts";
import * as mod from "../lib/products.ts";
import { c, corrupted, doc, err, hostileSweep, I2 } from "./_hostile.ts";

hostileSweep("products", mod as unknown as Record<string, unknown>, {
  functions: {
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
  },
  classes: {},
  exempt: {},
});
