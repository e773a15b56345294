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
 * The code of a notebook as one module: each cell preceded by a marker comment.
 *
 * @param cells The code cells' sources, in order.
 * @param options.rewriteImports Rewrite `../` imports for a module two folders below
 *   the repository root (for type-checking). Defaults to true; the copy whose
 *   formatting is checked keeps the imports exactly as the notebook has them.
 * @returns The module's text.
 */
export function notebookModule(
  cells: { index: number; source: string }[],
  options: { rewriteImports?: boolean } = {},
): string {
  const rewrite = options.rewriteImports ?? true;
  const parts = cells.map(({ index, source }) => {
    const code = rewrite
      ? source.replace(
        /(from\s+|import\s*\(\s*|import\s+)(["'])\.\.\//g,
        "$1$2../../",
      )
      : source;
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
  const FMT = join(ROOT, ".build", "nbfmt");
  for (const dir of [OUT, FMT]) {
    await Deno.remove(dir, { recursive: true }).catch(() => {});
    await Deno.mkdir(dir, { recursive: true });
  }
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
    await Deno.writeTextFile(
      join(FMT, file),
      notebookModule(cells, { rewriteImports: false }),
    );
    modules.set(file, { notebook: basename(path), source });
  }
  const files = [...modules.keys()].map((f) => join(OUT, f));
  const config = join(ROOT, "tools", "nbcheck.deno.json");

  // `deno fmt --check` on .ipynb files misreports formatted notebooks (Deno 2.9), so the
  // notebooks are left out of the project's fmt and their code is checked here instead.
  console.log(
    `[check] checking the formatting of ${files.length} notebook(s)' code`,
  );
  const fmt = await run(["fmt", "--check", "--config", config, FMT]);
  if (!fmt.ok) {
    console.log(explain(fmt.text.replaceAll("/nbfmt/", "/nbcheck/"), modules));
    console.log(
      "[check] FAILED: notebook code is not formatted; run `deno task notebooks` (it formats them first)",
    );
    Deno.exit(1);
  }
  console.log(
    `[check] type-checking the code of the notebooks, the library, tests, tools, bench and explorer`,
  );
  const check = await run([
    "check",
    "--quiet",
    "lib/",
    "tests/",
    "tools/",
    "bench/",
    "explorer/",
    ...files,
  ]);
  if (!check.ok) {
    console.log(explain(check.text, modules));
    console.log("[check] FAILED: type errors");
    Deno.exit(1);
  }
  console.log(`[check] linting the notebooks' code`);
  const lint = await run(["lint", "--config", config, ...files]);
  if (!lint.ok) {
    console.log(explain(lint.text, modules));
    console.log("[check] FAILED: lint errors in notebooks");
    Deno.exit(1);
  }
  console.log(
    "[check] notebooks' code is formatted and lints clean; everything type-checks",
  );
}
