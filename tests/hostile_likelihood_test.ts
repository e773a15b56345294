/** Hostile inputs for `lib/likelihood.ts`: see `_hostile.ts` for the rules. */

import * as lib from "../lib/mod.ts";
import * as mod from "../lib/likelihood.ts";
import { c, doc, err, finite, hostileSweep, noop } from "./_hostile.ts";

hostileSweep("likelihood", mod as unknown as Record<string, unknown>, {
  functions: {
    linspace: {
      valid: [0, 1, 5],
      cases: [
        c("start NaN", [NaN, 1, 5], err("start", "RangeError")),
        c("stop Infinity", [0, Infinity, 5], err("stop", "RangeError")),
        c("num 0", [0, 1, 0], err("num", "RangeError")),
        c("num 2.5", [0, 1, 2.5], err("num", "RangeError")),
        c(
          "num 1e12",
          [0, 1, 1e12],
          err("num", "RangeError"),
        ),
        c(
          "stop − start overflows",
          [-1e308, 1e308, 3],
          doc(
            "linspace: evenly spaced finite values",
            (r) => r instanceof Float64Array && r.every(finite),
          ),
        ),
        c(
          "num = 1",
          [2, 3, 1],
          doc(
            "linspace: '`num = 1` gives `[start]`'",
            (r) => r instanceof Float64Array && r.length === 1 && r[0] === 2,
          ),
        ),
      ],
    },
    grid1d: {
      valid: [(x: number) => -x * x, [0, 1]],
      cases: [
        c("f not a function", ["f", [0]], err("f", "TypeError")),
        c("empty grid", [noop, []], err("xs", "RangeError")),
        c("f returns NaN", [() => NaN, [0]], err("f", "RangeError")),
        c("f returns +Infinity", [() => Infinity, [0]], err("f", "RangeError")),
        c(
          "f returns -Infinity",
          [() => -Infinity, [0]],
          doc(
            "grid1d: 'It may return `-Infinity` (zero likelihood)'",
            (r) => (r as lib.Grid1d).values[0] === -Infinity,
          ),
        ),
      ],
    },
    grid2d: {
      valid: [(x: number, y: number) => x + y, [0, 1], [0, 1]],
      cases: [
        c("f not a function", [1, [0], [0]], err("f", "TypeError")),
        c("xs decreasing", [noop, [1, 0], [0]], err("xs", "RangeError")),
        c("ys empty", [noop, [0], []], err("ys", "RangeError")),
        c("f returns NaN", [() => NaN, [0], [0]], err("f", "RangeError")),
      ],
    },
  },
  classes: {},
  exempt: {},
});
