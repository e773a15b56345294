/** Hostile inputs for `lib/random.ts`: see `_hostile.ts` for the rules. */

import * as lib from "../lib/mod.ts";
import * as mod from "../lib/random.ts";
import { c, doc, err, finite, hostileSweep, isF64 } from "./_hostile.ts";

hostileSweep("random", mod as unknown as Record<string, unknown>, {
  functions: {},
  classes: {
    RandomState: {
      ctor: {
        valid: [42],
        generic: {
          undefined: doc(
            "RandomState: 'Omit it for a non-deterministic seed'",
            (r) => r instanceof lib.RandomState,
          ),
        },
        cases: [
          c("seed negative", [-1], err("seed", "RangeError")),
          c("seed 1.5", [1.5], err("seed", "RangeError")),
          c("seed 2^32", [2 ** 32], err("seed", "RangeError")),
          c("seed a string", ["42"], err("seed", "TypeError")),
          c("seed Infinity", [Infinity], err("seed", "RangeError")),
          c("empty seed array", [[]], err("seed", "RangeError")),
          c("seed array with -1", [[1, -1]], err("seed[1]", "RangeError")),
        ],
      },
      statics: {},
      instance: () => new lib.RandomState(0),
      methods: {
        seed: {
          valid: [1],
          generic: {
            undefined: doc(
              "seed: 'omit it for a non-deterministic seed'",
              (r) => r === undefined,
            ),
          },
          cases: [
            c("seed NaN", [NaN], err("seed", "RangeError")),
            c(
              "seed array with 2^32",
              [[2 ** 32]],
              err("seed[0]", "RangeError"),
            ),
          ],
        },
        rand: {
          valid: [3],
          generic: {
            undefined: doc(
              "rand: '@param size Omit for one number'",
              (r) => typeof r === "number" && r >= 0 && r < 1,
            ),
          },
          cases: [
            c("size negative", [-1], err("size", "RangeError")),
            c("size 1.5", [1.5], err("size", "RangeError")),
            c("size a string", ["3"], err("size", "TypeError")),
            c("size [2]", [[2]], err("size", "TypeError")),
            c("size [2, -1]", [[2, -1]], err("size[1]", "RangeError")),
            c("size 1e15", [1e15], err("size", "RangeError")),
            c("size [1e5, 1e5]", [[1e5, 1e5]], err("size", "RangeError")),
            c(
              "size 2^31 − 1 (16 GiB, lazily committed)",
              [2 ** 31 - 1],
              err("size", "RangeError"),
            ),
            c(
              "size 0",
              [0],
              doc("rand: 'a count ... for many' (0 gives none)", isF64(0)),
            ),
          ],
        },
        uniform: {
          valid: [0, 1, 3],
          generic: {
            undefined: doc(
              "uniform: '@param low ... Defaults to 0'",
              (r) => r instanceof Float64Array && r.length === 3,
            ),
          },
          cases: [
            c("low NaN", [NaN, 1], err("low", "RangeError")),
            c("high Infinity", [0, Infinity], err("high", "RangeError")),
            c(
              "high − low overflows",
              [-1e308, 1e308],
              err("high", "RangeError"),
            ),
            c("size negative", [0, 1, -1], err("size", "RangeError")),
            c("low a string", ["0", 1], err("low", "TypeError")),
          ],
        },
        randn: {
          valid: [3],
          generic: {
            undefined: doc("randn: '@param size Omit for one number'", finite),
          },
          cases: [
            c("size negative", [-2], err("size", "RangeError")),
            c("size [1e9, 1e9]", [[1e9, 1e9]], err("size", "RangeError")),
          ],
        },
        normal: {
          valid: [0, 1, 3],
          generic: {
            undefined: doc(
              "normal: '@param loc Mean. Defaults to 0'",
              (r) => r instanceof Float64Array && r.length === 3,
            ),
          },
          cases: [
            c("scale negative", [0, -1], err("scale", "RangeError")),
            c("scale NaN", [0, NaN], err("scale", "RangeError")),
            c("loc Infinity", [Infinity, 1], err("loc", "RangeError")),
            c("size 2.5", [0, 1, 2.5], err("size", "RangeError")),
            c(
              "scale 0",
              [5, 0, 2],
              doc(
                "normal: '`scale = 0` is allowed and returns `loc`'",
                (r) => r instanceof Float64Array && r.every((v) => v === 5),
              ),
            ),
          ],
        },
        normalInto: {
          valid: [new Float64Array(3), 0, 1],
          cases: [
            c("out a plain array", [[0, 0], 0, 1], err("out", "TypeError")),
            c(
              "out a Float32Array",
              [new Float32Array(2)],
              err("out", "TypeError"),
            ),
            c(
              "scale negative",
              [new Float64Array(2), 0, -1],
              err("scale", "RangeError"),
            ),
            c(
              "loc NaN",
              [new Float64Array(2), NaN, 1],
              err("loc", "RangeError"),
            ),
            c(
              "loc a string",
              [new Float64Array(2), "0", 1],
              err("loc", "TypeError"),
            ),
            c(
              "an empty buffer",
              [new Float64Array(0)],
              doc(
                "normalInto: 'The array to overwrite, entirely (it may be empty)'",
                isF64(0),
              ),
            ),
          ],
        },
        randint: {
          valid: [0, 10, 3],
          cases: [
            c("low = high", [5, 5], err("low", "RangeError")),
            c("low 1.5", [1.5, 3], err("low", "RangeError")),
            c("high beyond 2^53", [0, 2 ** 54], err("high", "RangeError")),
            c("high a string", [0, "3"], err("high", "TypeError")),
            c("one bound 0", [0], err("low", "RangeError")),
            c("size negative", [0, 3, -1], err("size", "RangeError")),
          ],
        },
        permutation: {
          valid: [5],
          generic: {
            "[]": doc(
              "permutation: 'an array of numbers to permute (copied)': [] permutes to []",
              isF64(0),
            ),
          },
          cases: [
            c("n negative", [-1], err("n", "RangeError")),
            c("n 1.5", [1.5], err("n", "RangeError")),
            c("n 2^31", [2 ** 31], err("n", "RangeError")),
            c(
              "n 2^31 − 1 (16 GiB, lazily committed)",
              [2 ** 31 - 1],
              err("n", "RangeError"),
            ),
            c("array with NaN", [[1, NaN]], err("x[1]", "RangeError")),
            c("a string", ["abc"], err("x", "TypeError")),
          ],
        },
        choice: {
          valid: [5, 3],
          cases: [
            c("empty population", [0, 3], err("a", "RangeError")),
            c("a negative", [-1], err("a", "RangeError")),
            c(
              "2^31 − 1 without replacement",
              [2 ** 31 - 1, 1, { replace: false }],
              err("a", "RangeError"),
            ),
            c("more than the population without replacement", [3, 5, {
              replace: false,
            }], err("size", "RangeError")),
            c(
              "p not summing to 1",
              [3, 2, { p: [0.5, 0.6, 0.1] }],
              err("p", "RangeError"),
            ),
            c(
              "p of the wrong length",
              [3, 2, { p: [0.5, 0.5] }],
              err("p", "RangeError"),
            ),
            c(
              "p negative",
              [3, 2, { p: [-0.5, 1, 0.5] }],
              err("p", "RangeError"),
            ),
            c(
              "replace not boolean",
              [3, 2, { replace: "no" }],
              err("replace", "TypeError"),
            ),
            c("null options", [3, 2, null], err("options", "TypeError")),
          ],
        },
        binomial: {
          valid: [10, 0.5, 3],
          cases: [
            c("n negative", [-1, 0.5], err("n", "RangeError")),
            c("n 1.5", [1.5, 0.5], err("n", "RangeError")),
            c("n 2^53", [2 ** 53, 0.5], err("n", "RangeError")),
            c("p above 1", [10, 1.5], err("p", "RangeError")),
            c("p NaN", [10, NaN], err("p", "RangeError")),
            c(
              "p = 0",
              [10, 0, 3],
              doc(
                "binomial: 'p Success probability in [0, 1]' — no successes",
                (r) => r instanceof Float64Array && r.every((v) => v === 0),
              ),
            ),
            c(
              "p = 1",
              [10, 1, 3],
              doc(
                "binomial: 'p Success probability in [0, 1]' — all successes",
                (r) => r instanceof Float64Array && r.every((v) => v === 10),
              ),
            ),
          ],
        },
      },
    },
  },
  exempt: {},
});
