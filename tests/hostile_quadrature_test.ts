/** Hostile inputs for `lib/quadrature.ts`: see `_hostile.ts` for the rules. */

import * as mod from "../lib/quadrature.ts";
import { c, err, hostileSweep } from "./_hostile.ts";

hostileSweep("quadrature", mod as unknown as Record<string, unknown>, {
  functions: {
    simpson: {
      valid: [Math.sin, 0, 1, { intervals: 4 }],
      cases: [
        c("f not a function", [1, 0, 1], err("f", "TypeError")),
        c("a NaN", [Math.sin, NaN, 1], err("a", "RangeError")),
        c("b infinite", [Math.sin, 0, Infinity], err("b", "RangeError")),
        c("b a string", [Math.sin, 0, "1"], err("b", "TypeError")),
        c(
          "odd intervals",
          [Math.sin, 0, 1, { intervals: 3 }],
          err("intervals"),
        ),
        c("intervals 0", [Math.sin, 0, 1, { intervals: 0 }], err("intervals")),
        c(
          "intervals 2^40 (unbounded work)",
          [Math.sin, 0, 1, { intervals: 2 ** 40 }],
          err("intervals", "RangeError"),
        ),
        c(
          "misspelt option",
          [Math.sin, 0, 1, { interval: 4 }],
          err("interval", "TypeError"),
        ),
        c("f returns NaN", [() => NaN, 0, 1, { intervals: 2 }], err("f")),
      ],
    },
  },
  classes: {},
  exempt: {},
});
