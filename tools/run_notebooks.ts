/**
 * Re-executes the notebooks in the Deno kernel.
 *
 * - `--check` (default): fails when a fresh run's outputs differ from the committed
 *   ones, or when a cell that had output has none now (the kernel's dropped-output bug).
 * - `--write`: saves the fresh outputs into the committed notebooks.
 *
 * Any further arguments select notebooks by a substring of their file name.
 *
 * Usage: `deno run -A tools/run_notebooks.ts [--check | --write] [name ...]`
 *
 * @module
 */

import { basename } from "node:path";
import { ensureSetup } from "./setup.ts";
import {
  compareOutputs,
  executeNotebook,
  listNotebooks,
  NotebookError,
  readNotebook,
} from "./notebook_runner.ts";

const write = Deno.args.includes("--write");
const filters = Deno.args.filter((a) => !a.startsWith("--"));

const { python } = await ensureSetup();
const all = await listNotebooks();
const selected = filters.length
  ? all.filter((p) => filters.some((f) => basename(p).includes(f)))
  : all;
if (selected.length === 0) {
  console.error(`no notebook matches ${filters.join(", ")}`);
  Deno.exit(1);
}

let failed = 0;
const t0 = performance.now();
for (const path of selected) {
  const name = basename(path);
  const t = performance.now();
  try {
    const { notebook: fresh, path: outPath } = await executeNotebook(path, {
      python,
    });
    const secs = ((performance.now() - t) / 1000).toFixed(1);
    if (write) {
      const emptyCode = fresh.cells.filter((c) =>
        c.cell_type === "code" && !(c.outputs ?? []).length
      ).length;
      await Deno.copyFile(outPath, path);
      console.log(
        `[notebooks] ${name}: executed in ${secs}s, outputs saved` +
          (emptyCode ? ` (${emptyCode} code cell(s) without output)` : ""),
      );
    } else {
      const problems = compareOutputs(await readNotebook(path), fresh);
      if (problems.length) {
        failed++;
        console.log(
          `[notebooks] ${name}: FAILED, committed outputs are not what the code produces:`,
        );
        for (const p of problems) console.log(`    ${p}`);
        console.log(
          `    (re-run \`deno task notebooks\` to save fresh outputs, and commit them)`,
        );
      } else {
        console.log(
          `[notebooks] ${name}: executed in ${secs}s, outputs match the committed ones`,
        );
      }
    }
    await Deno.remove(outPath).catch(() => {});
  } catch (e) {
    failed++;
    if (e instanceof NotebookError) {
      console.log(
        `[notebooks] ${name}: FAILED at cell ${
          e.cell ?? "?"
        }: ${e.ename}: ${e.evalue}`,
      );
    } else {
      console.log(
        `[notebooks] ${name}: FAILED: ${
          e instanceof Error ? e.message : String(e)
        }`,
      );
    }
  }
}
const total = ((performance.now() - t0) / 1000).toFixed(1);
console.log(
  `[notebooks] ${
    selected.length - failed
  } passed, ${failed} failed (${total}s)`,
);
if (failed) Deno.exit(1);
