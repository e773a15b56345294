/** Hostile inputs for `lib/bayes.ts`: see `_hostile.ts` for the rules. */

import * as lib from "../lib/mod.ts";
import * as mod from "../lib/bayes.ts";
import { c, custom, doc, err, finite, hostileSweep } from "./_hostile.ts";

hostileSweep("bayes", mod as unknown as Record<string, unknown>, {
  functions: {
    betaPdf: {
      valid: [0.3, 2, 3],
      cases: [
        c("x NaN", [NaN, 2, 3], err("x", "RangeError")),
        c("a 0", [0.5, 0, 1], err("a", "RangeError")),
        c("b Infinity", [0.5, 1, Infinity], err("b", "RangeError")),
        c("a huge", [0.5, 1e20, 1e20], err("a", "RangeError")),
        c(
          "x outside [0, 1]",
          [1.5, 2, 2],
          doc("betaPdf: 'outside [0, 1] the density is 0'", (r) => r === 0),
        ),
        c(
          "x = 0 with a < 1",
          [0, 0.5, 2],
          doc(
            "betaPdf: 'the density is `Infinity` when `a < 1`'",
            (r) => r === Infinity,
          ),
        ),
      ],
    },
    betaBernoulliPosterior: {
      valid: [[0, 1, 1]],
      generic: {
        "[]": doc(
          "betaBernoulliPosterior: no observation leaves the prior (x may be empty)",
          (r) =>
            (r as lib.BetaPosterior).a === 1 &&
            (r as lib.BetaPosterior).b === 1,
        ),
      },
      cases: [
        c("a 2 in x", [[0, 2]], err("x", "RangeError")),
        c("prior a 0", [[1], { a: 0 }], err("a", "RangeError")),
        c("prior b negative", [[1], { b: -1 }], err("b", "RangeError")),
        c("null prior", [[1], null], err("prior", "TypeError")),
        custom(
          "credibleInterval(1.5)",
          () => lib.betaBernoulliPosterior([1]).credibleInterval(1.5),
          err("level", "RangeError", "credibleInterval"),
        ),
        custom(
          "credibleInterval(NaN)",
          () => lib.betaBernoulliPosterior([1]).credibleInterval(NaN),
          err("level", "RangeError", "credibleInterval"),
        ),
        custom(
          "credibleInterval(1)",
          () => lib.betaBernoulliPosterior([1]).credibleInterval(1),
          err("level", "RangeError", "credibleInterval"),
        ),
        c(
          "flat prior, no data: no unique mode",
          [[]],
          doc(
            "BetaPosterior.mode: 'NaN when `a, b <= 1` (no unique mode)'",
            (r) => Number.isNaN((r as lib.BetaPosterior).mode),
          ),
        ),
      ],
    },

    normalMeanPosterior: {
      valid: [[1, 2], { sigma: 1, priorMean: 0, priorSd: 1 }],
      cases: [
        c(
          "empty x",
          [[], { sigma: 1, priorMean: 0, priorSd: 1 }],
          err("x", "RangeError"),
        ),
        c(
          "sigma 0",
          [[1], { sigma: 0, priorMean: 0, priorSd: 1 }],
          err("sigma", "RangeError"),
        ),
        c(
          "priorSd 0",
          [[1], { sigma: 1, priorMean: 0, priorSd: 0 }],
          err("priorSd", "RangeError"),
        ),
        c("priorSd -Infinity", [[1], {
          sigma: 1,
          priorMean: 0,
          priorSd: -Infinity,
        }], err("priorSd", "RangeError")),
        c(
          "priorMean NaN",
          [[1], { sigma: 1, priorMean: NaN, priorSd: 1 }],
          err("priorMean", "RangeError"),
        ),
        c(
          "options missing",
          [[1]],
          err("options", "TypeError"),
        ),
        c(
          "sums that overflow",
          [[1e308, 1e308], { sigma: 1e200, priorMean: 0, priorSd: 1e200 }],
          doc(
            "normalMeanPosterior: finite posterior for finite data",
            (r) => Object.values(r as object).every(finite),
          ),
        ),
        c(
          "flat prior",
          [[1, 3], { sigma: 2, priorMean: 0, priorSd: Infinity }],
          doc(
            "normalMeanPosterior: '`priorSd = Infinity` is the flat (improper) prior'",
            (r) => (r as lib.NormalMeanPosterior).mean === 2,
          ),
        ),
      ],
    },
    betaPrior: {
      valid: [{ centre: 0.5, strength: 2 }],
      cases: [
        c(
          "centre above 1",
          [{ centre: 1.5, strength: 1 }],
          err("centre", "RangeError"),
        ),
        c(
          "strength negative",
          [{ centre: 0.5, strength: -1 }],
          err("strength", "RangeError"),
        ),
        c("strength missing", [{ centre: 0.5 }], err("strength", "TypeError")),
      ],
    },
    normalPrior: {
      valid: [{ centre: 0, strength: 2, sigma: 1 }],
      cases: [
        c(
          "sigma 0",
          [{ centre: 0, strength: 1, sigma: 0 }],
          err("sigma", "RangeError"),
        ),
        c(
          "centre Infinity",
          [{ centre: Infinity, strength: 1, sigma: 1 }],
          err("centre", "RangeError"),
        ),
        c(
          "strength NaN",
          [{ centre: 0, strength: NaN, sigma: 1 }],
          err("strength", "RangeError"),
        ),
      ],
    },
  },
  classes: {},
  exempt: {},
});
