/** Hostile inputs for `lib/distributions.ts`: see `_hostile.ts` for the rules. */

import * as lib from "../lib/mod.ts";
import * as mod from "../lib/distributions.ts";
import { c, doc, err, hostileSweep } from "./_hostile.ts";

hostileSweep("distributions", mod as unknown as Record<string, unknown>, {
  functions: {
    normalLogPdf: {
      valid: [0],
      cases: [
        c("x a string", ["0"], err("x", "TypeError")),
        c("x NaN", [NaN], err("x", "RangeError")),
        c("x Infinity", [Infinity], err("x", "RangeError")),
        c("mu NaN", [0, NaN], err("mu", "RangeError")),
        c("sigma 0", [0, 0, 0], err("sigma", "RangeError")),
        c("sigma negative", [0, 0, -1], err("sigma", "RangeError")),
        c("sigma Infinity", [0, 0, Infinity], err("sigma", "RangeError")),
      ],
    },
    normalPdf: {
      valid: [0],
      cases: [
        c("x -Infinity", [-Infinity], err("x", "RangeError")),
        c("mu a string", [0, "0"], err("mu", "TypeError")),
        c("sigma 0", [0, 0, 0], err("sigma", "RangeError")),
        c("sigma -1", [0, 0, -1], err("sigma", "RangeError")),
      ],
    },
    laplaceLogPdf: {
      valid: [0],
      cases: [
        c("x NaN", [NaN], err("x", "RangeError")),
        c("b 0", [0, 0, 0], err("b", "RangeError")),
        c("b negative", [0, 0, -2], err("b", "RangeError")),
      ],
    },
    bernoulliLogPmf: {
      valid: [1, 0.5],
      cases: [
        c("k = 2", [2, 0.5], err("k", "RangeError")),
        c("k = 0.5", [0.5, 0.5], err("k", "RangeError")),
        c("k a string", ["1", 0.5], err("k", "TypeError")),
        c("p above 1", [1, 1.5], err("p", "RangeError")),
        c("p below 0", [1, -0.1], err("p", "RangeError")),
        c("p NaN", [1, NaN], err("p", "RangeError")),
        c(
          "p = 0, k = 1",
          [1, 0],
          doc(
            "bernoulliLogPmf: 'It is `-Infinity`' where the outcome is impossible",
            (r) => r === -Infinity,
          ),
        ),
        c(
          "p = 1, k = 1",
          [1, 1],
          doc(
            "bernoulliLogPmf: '@returns log P(K = k), in [-Infinity, 0]'",
            (r) => r === 0,
          ),
        ),
        c(
          "k = true",
          [true, 0.5],
          doc(
            "bernoulliLogPmf: '`false` or `true` also accepted'",
            (r) => r === Math.log(0.5),
          ),
        ),
      ],
    },
    categoricalLogPmf: {
      valid: [0, [0.5, 0.5]],
      cases: [
        c("class out of range", [2, [0.5, 0.5]], err("k", "RangeError")),
        c("negative class", [-1, [0.5, 0.5]], err("k", "RangeError")),
        c("non-integer class", [0.5, [0.5, 0.5]], err("k", "RangeError")),
        c(
          "probs not summing to 1",
          [0, [0.5, 0.6]],
          err("probs", "RangeError"),
        ),
        c(
          "probability above 1",
          [0, [1.5, -0.5]],
          err("probs[0]", "RangeError"),
        ),
        c("empty probs", [0, []], err("probs", "RangeError")),
        c("NaN probability", [0, [NaN, 1]], err("probs[0]", "RangeError")),
        c(
          "probability 0",
          [1, [1, 0]],
          doc(
            "categoricalLogPmf: '`-Infinity` exactly when `probs[k] = 0`'",
            (r) => r === -Infinity,
          ),
        ),
      ],
    },
    normalLogLikelihood: {
      valid: [[1, 2], 0, 1],
      cases: [
        c("empty sample", [[], 0, 1], err("x", "RangeError")),
        c("NaN in sample", [[1, NaN], 0, 1], err("x[1]", "RangeError")),
        c("sigma 0", [[1], 0, 0], err("sigma", "RangeError")),
        c("sigma missing", [[1], 0], err("sigma", "TypeError")),
        c("mu Infinity", [[1], Infinity, 1], err("mu", "RangeError")),
      ],
    },
    laplaceLogLikelihood: {
      valid: [[1, 2], 0, 1],
      cases: [
        c("empty sample", [[], 0, 1], err("x", "RangeError")),
        c("b negative", [[1], 0, -1], err("b", "RangeError")),
        c("b missing", [[1], 0], err("b", "TypeError")),
      ],
    },
    bernoulliLogLikelihood: {
      valid: [[0, 1], 0.5],
      cases: [
        c("empty sample", [[], 0.5], err("x", "RangeError")),
        c("a 2 in the sample", [[0, 2], 0.5], err("x[1]", "RangeError")),
        c("p above 1", [[0, 1], 2], err("p", "RangeError")),
        c(
          "p = 0 with a one",
          [[1], 0],
          doc(
            "bernoulliLogLikelihood: '`-Infinity` at `p = 0`'",
            (r) => r === -Infinity,
          ),
        ),
        c(
          "all ones at p = 1",
          [[1, 1], 1],
          doc(
            "bernoulliLogLikelihood: 'all-ones sample has log-likelihood 0 at `p = 1`'",
            (r) => r === 0,
          ),
        ),
      ],
    },
    categoricalLogLikelihood: {
      valid: [[0, 1], [0.5, 0.5]],
      cases: [
        c(
          "class out of range",
          [[0, 2], [0.5, 0.5]],
          err("k[1]", "RangeError"),
        ),
        c("non-integer class", [[0.5], [0.5, 0.5]], err("k[0]", "RangeError")),
        c("empty classes", [[], [0.5, 0.5]], err("k", "RangeError")),
        c(
          "probs not summing to 1",
          [[0], [0.2, 0.2]],
          err("probs", "RangeError"),
        ),
      ],
    },
    fitNormal: {
      valid: [[1, 2, 4]],
      cases: [
        c("empty", [[]], err("x", "RangeError")),
        c("n = 1", [[3]], err("x", "RangeError")),
        c("constant", [[5, 5, 5]], err("x", "RangeError")),
        c("NaN", [[1, NaN]], err("x[1]", "RangeError")),
      ],
    },
    fitBernoulli: {
      valid: [[0, 1, 1]],
      cases: [
        c("empty", [[]], err("x", "RangeError")),
        c("a 2", [[0, 2]], err("x[1]", "RangeError")),
        c("a string", [["1"]], err("x[0]", "TypeError")),
        c("not an array", [1], err("x", "TypeError")),
        c(
          "n = 1",
          [[1]],
          doc(
            "fitBernoulli: 'MLE of the success probability: the fraction of ones'",
            (r) =>
              (r as lib.BernoulliFit).p === 1 &&
              (r as lib.BernoulliFit).logLikelihood === 0,
          ),
        ),
      ],
    },
    fitLaplace: {
      valid: [[1, 2, 4]],
      cases: [
        c("empty", [[]], err("x", "RangeError")),
        c("n = 1", [[3]], err("x", "RangeError")),
        c("constant", [[2, 2]], err("x", "RangeError")),
        c("Infinity", [[1, Infinity]], err("x[1]", "RangeError")),
      ],
    },
  },
  classes: {},
  exempt: {},
});
