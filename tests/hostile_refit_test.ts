/** Hostile inputs for `lib/refit.ts`: see `_hostile.ts` for the rules. */

import * as lib from "../lib/mod.ts";
import * as mod from "../lib/refit.ts";
import { c, err, hostileSweep } from "./_hostile.ts";

const rs = () => new lib.RandomState(0);
const X = () => lib.simulateLogisticData(new lib.RandomState(1), 40, [0, 1]).X;

hostileSweep("refit", mod as unknown as Record<string, unknown>, {
  functions: {
    simulateLogisticData: {
      valid: [rs(), 20, [0.5, 1]],
      cases: [
        c("rng not a RandomState", [{}, 20, [0, 1]], err("rng", "TypeError")),
        c("n 0", [rs(), 0, [0, 1]], err("n", "RangeError")),
        c("n 2.5", [rs(), 2.5, [0, 1]], err("n", "RangeError")),
        c("theta empty", [rs(), 10, []], err("theta", "RangeError")),
        c("theta NaN", [rs(), 10, [0, NaN]], err("theta[1]", "RangeError")),
        c("theta not an array", [rs(), 10, 1], err("theta", "TypeError")),
        c(
          "n · d beyond the array limit",
          [rs(), 2 ** 27, [0, 1, 2, 3]],
          err("n", "RangeError"),
        ),
      ],
    },
    refitLogistic: {
      valid: [X(), [0, 1], 2, rs()],
      hostileArg: 0,
      cases: [
        c("X not a matrix", [1, [0, 1], 2, rs()], err("X", "TypeError")),
        c("theta too short", [X(), [0], 2, rs()], err("theta", "RangeError")),
        c("theta NaN", [X(), [0, NaN], 2, rs()], err("theta[1]", "RangeError")),
        c("replicates 0", [X(), [0, 1], 0, rs()], err("replicates")),
        c(
          "replicates 1e12 (unbounded work)",
          [X(), [0, 1], 1e12, rs()],
          err("replicates", "RangeError"),
        ),
        c("rng missing", [X(), [0, 1], 2], err("rng", "TypeError")),
      ],
    },
  },
  classes: {},
  exempt: {},
});
