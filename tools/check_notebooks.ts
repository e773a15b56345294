/**
 * Type-checks and lints the notebooks' code.
 *
 * `deno check` and `deno lint` do not read `.ipynb` files, so each notebook's code
 * cells are written, in order, to one TypeScript module under `.build/nbcheck/`
 * (imports of `../lib/...` rewritten to point at the same files), and those modules
 * are checked and linted. A diagnostic names the notebook and the cell.
 *
 * Usage: `deno run -A tools/check_notebooks.ts`
 *
 * @module
 */

import { basename, join } from "node:path";
import {
  joinSource,
  listNotebooks,
  readNotebook,
  ROOT,
} from "./notebook_runner.ts";

const OUT = join(ROOT, ".build", "nbcheck");

/**
 * The code of a notebook as one module: each cell preceded by a marker comment,
 * relative imports rewritten for a module two folders below the repository root.
 *
 * @param cells The code cells' sources, in order.
 * @returns The module's text.
 */
export function notebookModule(
  cells: { index: number; source: string }[],
): string {
  const parts = cells.map(({ index, source }) => {
    const code = source.replace(
      /(from\s+|import\s*\(\s*|import\s+)(["'])\.\.\//g,
      "$1$2../../",
    );
    return `// ---- cell ${index} ----\n${code}\n`;
  });
  return parts.join("\n") + "\nexport {};\n";
}

async function run(args: string[]): Promise<{ ok: boolean; text: string }> {
  const out = await new Deno.Command(Deno.execPath(), {
    args,
    cwd: ROOT,
    env: { NO_COLOR: "1" },
    stdout: "piped",
    stderr: "piped",
  }).output();
  const dec = new TextDecoder();
  return {
    ok: out.success,
    text: dec.decode(out.stdout) + dec.decode(out.stderr),
  };
}

/** Maps `.build/nbcheck/NN.ts:LINE` in diagnostics back to notebook and cell. */
function explain(
  text: string,
  modules: Map<string, { notebook: string; source: string }>,
): string {
  return text.replace(
    /(?:file:\/\/)?[^\s]*\.build\/nbcheck\/([\w.-]+\.ts):(\d+)(?::(\d+))?/g,
    (m, file, line) => {
      const mod = modules.get(file);
      if (!mod) return m;
      const lines = mod.source.split("\n").slice(0, Number(line));
      const marker = lines.reverse().find((l) => l.startsWith("// ---- cell "));
      const cell = marker?.match(/cell (\d+)/)?.[1] ?? "?";
      return `${mod.notebook} cell ${cell} (${
        m.replace(/^.*\.build/, ".build")
      })`;
    },
  );
}

if (import.meta.main) {
  await Deno.remove(OUT, { recursive: true }).catch(() => {});
  await Deno.mkdir(OUT, { recursive: true });
  const modules = new Map<string, { notebook: string; source: string }>();
  for (const path of await listNotebooks()) {
    const nb = await readNotebook(path);
    const cells = nb.cells
      .map((c, index) => ({ c, index }))
      .filter(({ c }) => c.cell_type === "code")
      .map(({ c, index }) => ({ index, source: joinSource(c.source) }));
    const file = basename(path).replace(/\.ipynb$/, ".ts");
    const source = notebookModule(cells);
    await Deno.writeTextFile(join(OUT, file), source);
    modules.set(file, { notebook: basename(path), source });
  }
  const files = [...modules.keys()].map((f) => join(OUT, f));
  console.log(
    `[check] type-checking the code of ${files.length} notebook(s), the library, tests and tools`,
  );
  const check = await run([
    "check",
    "--quiet",
    "lib/",
    "tests/",
    "tools/",
    ...files,
  ]);
  if (!check.ok) {
    console.log(explain(check.text, modules));
    console.log("[check] FAILED: type errors");
    Deno.exit(1);
  }
  console.log(`[check] linting the notebooks' code`);
  const lint = await run([
    "lint",
    "--config",
    join(ROOT, "tools", "nbcheck.deno.json"),
    ...files,
  ]);
  if (!lint.ok) {
    console.log(explain(lint.text, modules));
    console.log("[check] FAILED: lint errors in notebooks");
    Deno.exit(1);
  }
  console.log(
    "[check] notebooks, library, tests and tools type-check; notebooks' code lints clean",
  );
}
