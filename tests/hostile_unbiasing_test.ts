/** Hostile inputs for `lib/unbiasing.ts`: see `_hostile.ts` for the rules. */

import * as mod from "../lib/unbiasing.ts";
import { c, err, hostileSweep } from "./_hostile.ts";

hostileSweep("unbiasing", mod as unknown as Record<string, unknown>, {
  functions: {
    c4: {
      valid: [5],
      cases: [
        c("n 1 (no spread in one value)", [1], err("n", "RangeError")),
        c("n 0", [0], err("n", "RangeError")),
        c("n -3", [-3], err("n", "RangeError")),
        c("n 2.5", [2.5], err("n", "RangeError")),
        c("n Infinity", [Infinity], err("n", "RangeError")),
        c("n 2^53 (beyond exact integers)", [2 ** 53], err("n", "RangeError")),
        c("n a string", ["5"], err("n", "TypeError")),
        c("n a bigint", [5n], err("n", "TypeError")),
        c("n an array", [[5]], err("n", "TypeError")),
      ],
    },
  },
  classes: {},
  exempt: {},
});
