/** Hostile inputs for `lib/matrix.ts`: see `_hostile.ts` for the rules. */

import * as lib from "../lib/mod.ts";
import * as mod from "../lib/matrix.ts";
import { c, doc, err, hostileSweep } from "./_hostile.ts";

hostileSweep("matrix", mod as unknown as Record<string, unknown>, {
  functions: {},
  classes: {
    Matrix: {
      ctor: {
        valid: [2, 2],
        cases: [
          c("rows negative", [-1, 2], err("rows", "RangeError")),
          c("rows 1.5", [1.5, 2], err("rows", "RangeError")),
          c("rows a string", ["2", 2], err("rows", "TypeError")),
          c("cols NaN", [2, NaN], err("cols", "RangeError")),
          c(
            "data a plain array",
            [2, 2, [1, 2, 3, 4]],
            err("data", "TypeError"),
          ),
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
  },
  exempt: {},
});
