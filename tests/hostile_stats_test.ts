/** Hostile inputs for `lib/stats.ts`: see `_hostile.ts` for the rules. */

import * as mod from "../lib/stats.ts";
import { c, doc, err, hostileSweep } from "./_hostile.ts";

hostileSweep("stats", mod as unknown as Record<string, unknown>, {
  functions: {
    sum: {
      valid: [[1, 2]],
      generic: {
        "[]": doc(
          "sum: '@param x The values (may be empty: the sum is then 0)'",
          (r) => r === 0,
        ),
      },
      cases: [
        c("NaN", [[1, NaN]], err("x[1]", "RangeError")),
        c("a string", ["12"], err("x", "TypeError")),
      ],
    },
    mean: {
      valid: [[1, 2]],
      cases: [
        c("empty", [[]], err("x", "RangeError")),
        c("-Infinity", [[-Infinity]], err("x[0]", "RangeError")),
        c(
          "a sparse array of 2^32 − 1 holes",
          [new Array(2 ** 32 - 1)],
          err("x.length", "RangeError"),
        ),
        c(
          "values near the largest double",
          [[1.5e308, 1.5e308]],
          doc(
            "mean: the arithmetic mean (1.5e308, representable)",
            (r) => r === 1.5e308,
          ),
        ),
      ],
    },
    variance: {
      valid: [[1, 2]],
      cases: [
        c("empty", [[]], err("x", "RangeError")),
        c("ddof = n", [[1, 2], { ddof: 2 }], err("ddof", "RangeError")),
        c("ddof > n", [[1, 2], { ddof: 5 }], err("ddof", "RangeError")),
        c("ddof negative", [[1, 2], { ddof: -1 }], err("ddof", "RangeError")),
        c("ddof 0.5", [[1, 2], { ddof: 0.5 }], err("ddof", "RangeError")),
        c("ddof a string", [[1, 2], { ddof: "1" }], err("ddof", "TypeError")),
        c("null options", [[1, 2], null], err("options", "TypeError")),
        c(
          "n = 1, ddof 0",
          [[7]],
          doc("variance: 'at least `ddof + 1` finite values'", (r) => r === 0),
        ),
        c(
          "values near the largest double",
          [[1e308, 1e308]],
          doc("variance: '@returns The variance of `x` (≥ 0)'", (r) => r === 0),
        ),
        c(
          "a variance beyond the largest double",
          [[1e308, -1e308]],
          doc(
            "variance: the exact 1e616 overflows: +Infinity, never NaN",
            (r) => r === Infinity,
          ),
        ),
      ],
    },
    std: {
      valid: [[1, 2]],
      cases: [
        c("empty", [[]], err("x", "RangeError")),
        c("ddof = n", [[1], { ddof: 1 }], err("ddof", "RangeError")),
        c("null options", [[1], null], err("options", "TypeError")),
        c(
          "a spread near the largest double",
          [[1e308, -1e308]],
          doc(
            "std: the standard deviation, 1e308 (representable)",
            (r) => r === 1e308,
          ),
        ),
      ],
    },
    median: {
      valid: [[1, 2]],
      cases: [
        c("empty", [[]], err("x", "RangeError")),
        c("NaN", [[1, NaN]], err("x[1]", "RangeError")),
      ],
    },
    quantile: {
      valid: [[1, 2, 3], 0.5],
      cases: [
        c("q above 1", [[1, 2], 1.5], err("q", "RangeError")),
        c("q negative", [[1, 2], -0.1], err("q", "RangeError")),
        c("q NaN", [[1, 2], NaN], err("q", "RangeError")),
        c(
          "q array with a bad entry",
          [[1, 2], [0.5, 2]],
          err("q[1]", "RangeError"),
        ),
        c("q a string", [[1, 2], "0.5"], err("q", "TypeError")),
        c("empty x", [[], 0.5], err("x", "RangeError")),
        c(
          "an interpolation across the whole range",
          [[-1.5e308, 1.5e308], 0.5],
          doc(
            "quantile: interpolates linearly between finite values",
            (r) => r === 0,
          ),
        ),
      ],
    },
    cov: {
      valid: [[1, 2, 3], [1, 3, 2]],
      cases: [
        c("mismatched lengths", [[1, 2], [1]], err("x", "RangeError")),
        c("empty", [[], []], err("x", "RangeError")),
        c(
          "n = 1 with the default ddof 1",
          [[1], [2]],
          err("ddof", "RangeError"),
        ),
        c("null options", [[1, 2], [1, 2], null], err("options", "TypeError")),
        c(
          "a covariance near the largest double",
          [[1e308, -1e308], [0.5, -0.5]],
          doc(
            "cov: 'Σ (xᵢ − x̄)(yᵢ − ȳ) / (n − ddof)' = 1e308, representable",
            (r) => r === 1e308,
          ),
        ),
        c(
          "a covariance beyond the largest double",
          [[1e308, -1e308], [1e308, -1e308]],
          doc(
            "cov: the exact 2e616 overflows: +Infinity, never NaN",
            (r) => r === Infinity,
          ),
        ),
      ],
    },
  },
  classes: {},
  exempt: {},
});
