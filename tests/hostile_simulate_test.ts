/** Hostile inputs for `lib/simulate.ts`: see `_hostile.ts` for the rules. */

import * as lib from "../lib/mod.ts";
import * as mod from "../lib/simulate.ts";
import { c, doc, err, hostileSweep, noop } from "./_hostile.ts";

hostileSweep("simulate", mod as unknown as Record<string, unknown>, {
  functions: {
    numpySum: {
      valid: [[1, 2]],
      generic: {
        "[]": doc("numpySum: 'an empty array sums to 0'", (r) => r === 0),
      },
      cases: [c("NaN", [[1, NaN]], err("x[1]", "RangeError"))],
    },
    monteCarlo: {
      valid: [3, (e: number) => [e, e + 1], { m: lib.mean }],
      cases: [
        c(
          "experiments 0",
          [0, noop, { m: lib.mean }],
          err("experiments", "RangeError"),
        ),
        c(
          "experiments 1.5",
          [1.5, noop, { m: lib.mean }],
          err("experiments", "RangeError"),
        ),
        c(
          "draw not a function",
          [1, [1, 2], { m: lib.mean }],
          err("draw", "TypeError"),
        ),
        c(
          "statistics null",
          [1, () => [1], null],
          err("statistics", "TypeError"),
        ),
        c("no statistic", [1, () => [1], {}], err("statistics", "RangeError")),
        c(
          "a statistic not a function",
          [1, () => [1], { m: 1 }],
          err("statistics.m", "TypeError"),
        ),
        c(
          "a statistic returning NaN",
          [1, () => [1], { m: () => NaN }],
          err("statistics.m", "RangeError"),
        ),
        c(
          "draw returning a string",
          [1, () => "1", { m: lib.mean }],
          err("draw()", "TypeError"),
        ),
        c(
          "experiments 1e15",
          [1e15, () => [1], { m: lib.mean }],
          err("experiments", "RangeError"),
        ),
      ],
    },
    sampleMeans: {
      valid: [new lib.RandomState(0), 3, 4],
      cases: [
        c(
          "rs not a RandomState",
          [{}, 3, 4],
          err("rs", "TypeError"),
        ),
        c(
          "rs with normal but no normalInto",
          [{ normal: () => new Float64Array(0) }, 3, 4],
          err("rs", "TypeError"),
        ),
        c("n 0", [new lib.RandomState(0), 0, 4], err("n", "RangeError")),
        c(
          "experiments 2.5",
          [new lib.RandomState(0), 3, 2.5],
          err("experiments", "RangeError"),
        ),
        c(
          "scale negative",
          [new lib.RandomState(0), 3, 4, { scale: -1 }],
          err("scale", "RangeError"),
        ),
        c(
          "null options",
          [new lib.RandomState(0), 3, 4, null],
          err("options", "TypeError"),
        ),
        c(
          "n · experiments = 1e18",
          [new lib.RandomState(0), 1e9, 1e9],
          err("experiments", "RangeError"),
        ),
      ],
    },
    sampleMeanVariances: {
      valid: [new lib.RandomState(0), [2, 3], { experiments: 3 }],
      cases: [
        c(
          "rs not a RandomState",
          [null, [2], { experiments: 3 }],
          err("rs", "TypeError"),
        ),
        c("no sizes", [new lib.RandomState(0), []], err("sizes", "RangeError")),
        c(
          "size 0",
          [new lib.RandomState(0), [0]],
          err("sizes[0]", "RangeError"),
        ),
        c(
          "experiments 0",
          [new lib.RandomState(0), [2], { experiments: 0 }],
          err("experiments", "RangeError"),
        ),
        c(
          "null options",
          [new lib.RandomState(0), [2], null],
          err("options", "TypeError"),
        ),
        c(
          "n · experiments = 1e18",
          [new lib.RandomState(0), [1e9], { experiments: 1e9 }],
          err("experiments", "RangeError"),
        ),
      ],
    },
    samplingSummary: {
      valid: [[1, 2, 3], 2],
      cases: [
        c("no estimates", [[], 0], err("estimates", "RangeError")),
        c("truth NaN", [[1], NaN], err("truth", "RangeError")),
        c(
          "estimate Infinity",
          [[Infinity], 0],
          err("estimates[0]", "RangeError"),
        ),
        c(
          "one estimate",
          [[1], 0],
          doc(
            "SamplingSummary.standardError: '(NaN for one estimate)'",
            (r) =>
              Number.isNaN((r as lib.SamplingSummary).standardError) &&
              (r as lib.SamplingSummary).mse === 1,
          ),
        ),
      ],
    },
    cumulativeMean: {
      valid: [[1, 2]],
      cases: [
        c("empty", [[]], err("x", "RangeError")),
        c("NaN", [[NaN]], err("x[0]", "RangeError")),
      ],
    },
  },
  classes: {},
  exempt: {},
});
