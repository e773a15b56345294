/** Hostile inputs for `lib/fisher.ts`: see `_hostile.ts` for the rules. */

import * as mod from "../lib/fisher.ts";
import { c, err, hostileSweep, X4 } from "./_hostile.ts";

hostileSweep("fisher", mod as unknown as Record<string, unknown>, {
  functions: {
    fisherInformationNormalMean: {
      valid: [2, 3],
      cases: [
        c("sigma2 0", [0], err("sigma2", "RangeError")),
        c("sigma2 negative", [-1], err("sigma2", "RangeError")),
        c("n 0", [1, 0], err("n", "RangeError")),
        c("n 2.5", [1, 2.5], err("n", "RangeError")),
      ],
    },
    fisherInformationNormalVariance: {
      valid: [2, 3],
      cases: [
        c("sigma2 NaN", [NaN], err("sigma2", "RangeError")),
        c("n negative", [1, -3], err("n", "RangeError")),
      ],
    },
    fisherInformationBernoulli: {
      valid: [0.3, 3],
      cases: [
        c("p = 0", [0], err("p", "RangeError")),
        c("p = 1", [1], err("p", "RangeError")),
        c("p above 1", [1.5], err("p", "RangeError")),
        c("n 0", [0.5, 0], err("n", "RangeError")),
      ],
    },
    crbNormalMean: {
      valid: [2, 3],
      cases: [
        c("sigma2 Infinity", [Infinity], err("sigma2", "RangeError")),
        c("n 1.5", [1, 1.5], err("n", "RangeError")),
      ],
    },
    crbNormalVariance: {
      valid: [2, 3],
      cases: [
        c("sigma2 0", [0], err("sigma2", "RangeError")),
        c("n a string", [1, "3"], err("n", "TypeError")),
      ],
    },
    crbBernoulli: {
      valid: [0.3, 3],
      cases: [
        c("p = 0", [0], err("p", "RangeError")),
        c("p = 1", [1], err("p", "RangeError")),
        c("p negative", [-0.1], err("p", "RangeError")),
      ],
    },
    logisticFisherInformation: {
      valid: [X4, [0.5], 0.1],
      cases: [
        c("coef of the wrong length", [X4, [1, 2]], err("coef", "RangeError")),
        c("coef NaN", [X4, [NaN]], err("coef[0]", "RangeError")),
        c("intercept NaN", [X4, [1], NaN], err("intercept", "RangeError")),
        c("no rows", [[], [1]], err("X", "RangeError")),
        c(
          "∞ − ∞ in X·coef",
          [[[1e100, -1e100]], [1e300, 1e300]],
          err("coef", "RangeError"),
        ),
      ],
    },
    empiricalFisher: {
      valid: [[[1, 2], [3, 4]]],
      cases: [
        c("empty", [[]], err("scores", "RangeError")),
        c("NaN score", [[1, NaN]], err("scores[1]", "RangeError")),
        c("ragged score rows", [[[1, 2], [3]]], err("scores[1]", "RangeError")),
      ],
    },
  },
  classes: {},
  exempt: {
    betaBernoulliPosterior:
      "a deprecated re-export of bayes.ts's, whose hostile cases are in hostile_bayes_test.ts",
  },
});
