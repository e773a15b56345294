/**
 * Hostile inputs for `lib/palette.ts`, through issue 15's per-module harness
 * (`tests/_hostile.ts`) when it is present; the cases live in `_hostile_helpers.ts`,
 * which `hostile_test.ts` also runs.
 */

import * as mod from "../lib/palette.ts";
import { helperTable } from "./_hostile_helpers.ts";

const harness = new URL("./_hostile.ts", import.meta.url);
const present = await Deno.stat(harness).then(() => true, () => false);
if (present) {
  const { hostileSweep } = await import(harness.href);
  hostileSweep("palette", mod, helperTable(mod));
} else {
  Deno.test({
    name:
      "palette.ts: per-module hostile sweep (needs tests/_hostile.ts; hostile_test.ts runs the same cases)",
    ignore: true,
    fn() {},
  });
}
