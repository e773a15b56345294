/** Hostile inputs for `lib/palette.ts`: see `_hostile.ts` for the rules. */

import * as mod from "../lib/palette.ts";
import { hostileSweep } from "./_hostile.ts";

hostileSweep("palette", mod as unknown as Record<string, unknown>, {
  functions: {},
  classes: {},
  exempt: {
    palette:
      "a frozen object of colour strings (the charts' and explorer's colours)",
  },
});
