/**
 * Re-executes the notebooks in the Deno kernel.
 *
 * - `--check` (default): fails when a fresh run's outputs differ from the committed
 *   ones, or when a cell that had output has none now (the kernel's dropped-output bug).
 * - `--write`: saves the fresh outputs into the committed notebooks.
 *
 * `--dir DIR` runs the notebooks of another folder (the tests use it for fixtures). Any
 * further arguments select notebooks by a substring of their file name.
 *
 * Usage: `deno run -A tools/run_notebooks.ts [--check | --write] [--dir DIR] [name ...]`
 *
 * @module
 */

import { basename } from "node:path";
import { ensureSetup } from "./setup.ts";
import {
  compareOutputs,
  DROPPED,
  droppedOutputs,
  executeNotebook,
  listNotebooks,
  NotebookError,
  readNotebook,
} from "./notebook_runner.ts";

const write = Deno.args.includes("--write");
const dirFlag = Deno.args.indexOf("--dir");
const dir = dirFlag >= 0 ? Deno.args[dirFlag + 1] : undefined;
const filters = Deno.args.filter((a, i) =>
  !a.startsWith("--") && (dirFlag < 0 || i !== dirFlag + 1)
);

const { python } = await ensureSetup();
const all = await listNotebooks(dir);
const selected = filters.length
  ? all.filter((p) => filters.some((f) => basename(p).includes(f)))
  : all;
if (selected.length === 0) {
  console.error(`no notebook matches ${filters.join(", ")}`);
  Deno.exit(1);
}

/** How many times a notebook is run again when the kernel dropped an output. */
const RETRIES_AFTER_DROP = 2;

let failed = 0;
const t0 = performance.now();
for (const path of selected) {
  const name = basename(path);
  const saved = await readNotebook(path);
  for (let attempt = 0;; attempt++) {
    const t = performance.now();
    try {
      const { notebook: fresh, path: outPath } = await executeNotebook(path, {
        python,
      });
      const secs = ((performance.now() - t) / 1000).toFixed(1);
      const dropped = droppedOutputs(saved, fresh);
      const problems = write ? [] : compareOutputs(saved, fresh);
      const onlyDrops = dropped.length > 0 &&
        (write || problems.every((p) => p.includes(DROPPED)));
      if (onlyDrops && attempt < RETRIES_AFTER_DROP) {
        // The Deno 2.9 kernel can lose a cell's output (see PLATFORM notes); a real
        // missing output comes back missing every time, so a re-run tells them apart.
        console.log(
          `[notebooks] ${name}: the kernel dropped the output of cell(s) ${
            dropped.join(", ")
          }; running it again`,
        );
        await Deno.remove(outPath).catch(() => {});
        continue;
      }
      if (write) {
        if (dropped.length) {
          failed++;
          console.log(
            `[notebooks] ${name}: FAILED, cell(s) ${
              dropped.join(", ")
            } produced no output ` +
              `${
                RETRIES_AFTER_DROP + 1
              } times although the same code had output when saved; nothing saved`,
          );
        } else {
          const emptyCode = fresh.cells.filter((c) =>
            c.cell_type === "code" && !(c.outputs ?? []).length
          ).length;
          await Deno.copyFile(outPath, path);
          console.log(
            `[notebooks] ${name}: executed in ${secs}s, outputs saved` +
              (emptyCode ? ` (${emptyCode} code cell(s) without output)` : ""),
          );
        }
      } else if (problems.length) {
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
    break;
  }
}
const total = ((performance.now() - t0) / 1000).toFixed(1);
console.log(
  `[notebooks] ${
    selected.length - failed
  } passed, ${failed} failed (${total}s)`,
);
if (failed) Deno.exit(1);
