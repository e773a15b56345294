/** Hostile inputs for `lib/losses.ts`: see `_hostile.ts` for the rules. */

import * as mod from "../lib/losses.ts";
import { c, doc, err, hostileSweep } from "./_hostile.ts";

hostileSweep("losses", mod as unknown as Record<string, unknown>, {
  functions: {
    logSumExp: {
      valid: [[1, 2]],
      cases: [
        c("empty", [[]], err("x", "RangeError")),
        c("NaN", [[NaN]], err("x[0]", "RangeError")),
        c("+Infinity", [[0, Infinity]], err("x[1]", "RangeError")),
      ],
    },
    logSoftmax: {
      valid: [[1, 2]],
      cases: [
        c("empty", [[]], err("row", "RangeError")),
        c("-Infinity", [[-Infinity, 0]], err("row[0]", "RangeError")),
      ],
    },
    softmax: {
      valid: [[1, 2]],
      cases: [
        c("empty", [[]], err("row", "RangeError")),
        c("a matrix", [[[1, 2]]], err("row[0]", "TypeError")),
      ],
    },
    sigmoid: {
      valid: [0],
      cases: [
        c("NaN", [NaN], err("x", "RangeError")),
        c("Infinity", [Infinity], err("x", "RangeError")),
        c("a string", ["0"], err("x", "TypeError")),
        c("empty array", [[]], err("x", "RangeError")),
      ],
    },
    binaryCrossEntropy: {
      valid: [[0, 1], [0.2, 0.8]],
      cases: [
        c("empty", [[], []], err("yTrue", "RangeError")),
        c("mismatched lengths", [[0, 1], [0.5]], err("yProb", "RangeError")),
        c(
          "probability above 1",
          [[0, 1], [1.5, 0.5]],
          err("yProb[0]", "RangeError"),
        ),
        c(
          "probability below 0",
          [[0, 1], [0.5, -0.5]],
          err("yProb[1]", "RangeError"),
        ),
        c("label 2", [[2, 0], [0.5, 0.5]], err("yTrue[0]", "RangeError")),
        c("eps 0.5", [[1], [0.5], { eps: 0.5 }], err("eps", "RangeError")),
        c("eps negative", [[1], [0.5], { eps: -1 }], err("eps", "RangeError")),
        c(
          "clampLog not boolean",
          [[1], [0.5], { clampLog: 1 }],
          err("clampLog", "TypeError"),
        ),
        c(
          "unknown reduction",
          [[1], [0.5], { reduction: "avg" }],
          err("reduction", "RangeError"),
        ),
        c(
          "reduction a number",
          [[1], [0.5], { reduction: 1 }],
          err("reduction", "TypeError"),
        ),
        c("null options", [[1], [0.5], null], err("options", "TypeError")),
      ],
    },
    binaryCrossEntropyWithLogits: {
      valid: [[0, 1], [0, 1]],
      cases: [
        c("empty", [[], []], err("logits", "RangeError")),
        c("mismatched lengths", [[0, 1], [1]], err("targets", "RangeError")),
        c("target 2", [[0], [2]], err("targets[0]", "RangeError")),
        c("logit NaN", [[NaN], [1]], err("logits[0]", "RangeError")),
        c(
          "posWeight negative",
          [[0], [1], { posWeight: -1 }],
          err("posWeight", "RangeError"),
        ),
        c(
          "posWeight wrong length",
          [[0, 1], [1, 0], { posWeight: [1] }],
          err("posWeight", "RangeError"),
        ),
        c("null options", [[0], [1], null], err("options", "TypeError")),
      ],
    },
    crossEntropy: {
      valid: [[[1, 2], [3, 4]], [0, 1]],
      cases: [
        c("no rows", [[], []], err("logits", "RangeError")),
        c("ragged rows", [[[1, 2], [3]], [0, 0]], err("logits", "RangeError")),
        c("a NaN logit", [[[1, NaN]], [0]], err("logits[0]", "RangeError")),
        c(
          "class out of range",
          [[[1, 2]], [2]],
          err("targets[0]", "RangeError"),
        ),
        c("negative class", [[[1, 2]], [-1]], err("targets[0]", "RangeError")),
        c(
          "non-integer class",
          [[[1, 2]], [0.5]],
          err("targets[0]", "RangeError"),
        ),
        c(
          "one target for two rows",
          [[[1, 2], [3, 4]], [0]],
          err("targets", "RangeError"),
        ),
        c(
          "weight of the wrong length",
          [[[1, 2]], [0], { weight: [1] }],
          err("weight", "RangeError"),
        ),
        c(
          "negative weight",
          [[[1, 2]], [0], { weight: [-1, 1] }],
          err("weight[0]", "RangeError"),
        ),
        c(
          "labelSmoothing 2",
          [[[1, 2]], [0], { labelSmoothing: 2 }],
          err("labelSmoothing", "RangeError"),
        ),
        c(
          "ignoreIndex 0.5",
          [[[1, 2]], [0], { ignoreIndex: 0.5 }],
          err("ignoreIndex", "RangeError"),
        ),
        c("matrix with short data", [{ rows: 2, cols: 2, data: [1, 2, 3] }, [
          0,
          0,
        ]], err("logits.data", "RangeError")),
        c(
          "matrix with 0 rows",
          [{ rows: 0, cols: 2, data: [] }, []],
          err("logits.rows", "RangeError"),
        ),
        c("null options", [[[1, 2]], [0], null], err("options", "TypeError")),
        c(
          "every target ignored",
          [[[1, 2]], [-100]],
          doc(
            "crossEntropy: 'When every target is ignored ... \"mean\" returns `NaN`, exactly as PyTorch'",
            (r) => Number.isNaN(r),
          ),
        ),
      ],
    },
    mse: {
      valid: [[1, 2], [1, 3]],
      cases: [
        c("empty", [[], []], err("yTrue", "RangeError")),
        c("mismatched lengths", [[1, 2], [1]], err("yPred", "RangeError")),
        c("NaN prediction", [[1], [NaN]], err("yPred[0]", "RangeError")),
        c(
          "unknown reduction",
          [[1], [1], { reduction: "max" }],
          err("reduction", "RangeError"),
        ),
        c("null options", [[1], [1], null], err("options", "TypeError")),
      ],
    },
    mae: {
      valid: [[1, 2], [1, 3]],
      cases: [
        c("empty", [[], []], err("yTrue", "RangeError")),
        c("mismatched lengths", [[1], [1, 2]], err("yPred", "RangeError")),
        c("null options", [[1], [1], null], err("options", "TypeError")),
      ],
    },
    huber: {
      valid: [[1, 2], [1, 3]],
      cases: [
        c("empty", [[], []], err("yTrue", "RangeError")),
        c("mismatched lengths", [[1], [1, 2]], err("yPred", "RangeError")),
        c("delta 0", [[1], [1], { delta: 0 }], err("delta", "RangeError")),
        c(
          "delta negative",
          [[1], [1], { delta: -1 }],
          err("delta", "RangeError"),
        ),
        c("null options", [[1], [1], null], err("options", "TypeError")),
      ],
    },
  },
  classes: {},
  exempt: {},
});
