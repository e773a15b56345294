/** Hostile inputs for `lib/optim.ts`: see `_hostile.ts` for the rules. */

import * as lib from "../lib/mod.ts";
import * as mod from "../lib/optim.ts";
import { c, err, hostileSweep } from "./_hostile.ts";

hostileSweep("optim", mod as unknown as Record<string, unknown>, {
  functions: {},
  classes: {
    SGD: {
      ctor: {
        valid: [[1, 2], { lr: 0.1 }],
        cases: [
          c("no params", [[], { lr: 0.1 }], err("params", "RangeError")),
          c("NaN param", [[NaN], { lr: 0.1 }], err("params[0]", "RangeError")),
          c("lr 0", [[1], { lr: 0 }], err("lr", "RangeError")),
          c("lr negative", [[1], { lr: -1 }], err("lr", "RangeError")),
          c("lr missing", [[1], {}], err("lr", "TypeError")),
          c("options missing", [[1]], err("lr", "TypeError")),
          c(
            "momentum 1",
            [[1], { lr: 0.1, momentum: 1 }],
            err("momentum", "RangeError"),
          ),
        ],
      },
      statics: {},
      instance: () => new lib.SGD([1, 2], { lr: 0.1 }),
      methods: {
        step: {
          valid: [[0.5, 0.5]],
          cases: [
            c("grad of the wrong length", [[1]], err("grad", "RangeError")),
            c("grad with NaN", [[1, NaN]], err("grad[1]", "RangeError")),
            c("grad a number", [1], err("grad", "TypeError")),
          ],
        },
        t: { noArgs: "SGD.t: a read-only accessor" },
      },
    },
    Adam: {
      ctor: {
        valid: [[1, 2]],
        cases: [
          c("no params", [[]], err("params", "RangeError")),
          c("beta1 1", [[1], { beta1: 1 }], err("beta1", "RangeError")),
          c(
            "beta2 negative",
            [[1], { beta2: -0.1 }],
            err("beta2", "RangeError"),
          ),
          c("eps negative", [[1], { eps: -1 }], err("eps", "RangeError")),
          c(
            "weightDecay NaN",
            [[1], { weightDecay: NaN }],
            err("weightDecay", "RangeError"),
          ),
          c(
            "decoupled 1",
            [[1], { decoupled: 1 }],
            err("decoupled", "TypeError"),
          ),
          c("lr 0", [[1], { lr: 0 }], err("lr", "RangeError")),
          c(
            "null options",
            [[1], null],
            err("options", "TypeError"),
          ),
        ],
      },
      statics: {},
      instance: () => new lib.Adam([1, 2]),
      methods: {
        step: {
          valid: [[0.5, 0.5]],
          cases: [
            c(
              "grad of the wrong length",
              [[1, 2, 3]],
              err("grad", "RangeError"),
            ),
            c(
              "grad with Infinity",
              [[Infinity, 1]],
              err("grad[0]", "RangeError"),
            ),
          ],
        },
        mHat: { noArgs: "Adam.mHat(): no parameters" },
        vHat: { noArgs: "Adam.vHat(): no parameters" },
        t: { noArgs: "Adam.t: a read-only accessor" },
      },
    },
  },
  exempt: {},
});
