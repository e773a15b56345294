/**
 * The hostile sweep covers the whole public API: every module `lib/mod.ts`
 * re-exports has its `tests/hostile_<module>_test.ts` (which in turn fails when one
 * of the module's exports has no hostile cases), `mod.ts` exports nothing else, and
 * no private `_`-prefixed module is re-exported.
 */

import assert from "node:assert/strict";
import * as lib from "../lib/mod.ts";

const lines = Deno.readTextFileSync(new URL("../lib/mod.ts", import.meta.url))
  .split("\n").filter((l) => l.trim() !== "");

Deno.test("lib/mod.ts only re-exports public modules, each with its hostile test file", () => {
  const missing: string[] = [];
  for (const line of lines) {
    const star = /^export \* from "\.\/(\w+)\.ts";$/.exec(line);
    const typeOnly = /^export type \{[^}]*\} from "\.\/\w+\.ts";$/.test(line);
    assert.ok(star || typeOnly, `mod.ts line is not a re-export: ${line}`);
    if (star === null) continue;
    const module = star[1]!;
    assert.ok(
      !module.startsWith("_"),
      `mod.ts re-exports private ${module}.ts`,
    );
    try {
      Deno.statSync(new URL(`./hostile_${module}_test.ts`, import.meta.url));
    } catch {
      missing.push(`tests/hostile_${module}_test.ts`);
    }
  }
  assert.deepEqual(missing, [], `modules without hostile tests: ${missing}`);
});

Deno.test("lib/mod.ts exports no validation helper", () => {
  for (
    const name of [
      "describe",
      "checkFinite",
      "checkOptions",
      "toFloat64Array",
      "allocate",
      "MAX_LENGTH",
      "toDesignMatrix",
      "toTargetVector",
    ]
  ) {
    assert.ok(!(name in lib), `${name} is exported by lib/mod.ts`);
  }
});
