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

import { basename, join, relative } from "node:path";
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

/**
 * Writes the configuration the notebooks' code is type-checked with: the compiler
 * options of `tools/nbcheck.deno.json` (strict, but without `noUncheckedIndexedAccess`,
 * so a notebook reads `x[0]`, not `x[0]!`) and the import map of the root `deno.json`
 * (one source of truth for versions). The library keeps the root's stricter options.
 *
 * @param dir Where to write `deno.json` (the folder of the extracted modules).
 * @returns The path of the written configuration.
 */
export async function notebookConfig(dir: string): Promise<string> {
  const root = JSON.parse(await Deno.readTextFile(join(ROOT, "deno.json")));
  const nb = JSON.parse(
    await Deno.readTextFile(join(ROOT, "tools", "nbcheck.deno.json")),
  );
  const path = join(dir, "deno.json");
  const config = {
    compilerOptions: nb.compilerOptions,
    imports: root.imports,
    nodeModulesDir: root.nodeModulesDir,
    lock: { path: relative(dir, join(ROOT, "deno.lock")), frozen: true },
  };
  await Deno.writeTextFile(path, JSON.stringify(config, null, 2) + "\n");
  return path;
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
    `[check] type-checking the library, tests, tools, bench and explorer (deno.json's options)`,
  );
  const check = await run([
    "check",
    "--quiet",
    "lib/",
    "tests/",
    "tools/",
    "bench/",
    "explorer/",
  ]);
  if (!check.ok) {
    console.log(check.text);
    console.log("[check] FAILED: type errors");
    Deno.exit(1);
  }
  console.log(
    `[check] type-checking the notebooks' code (tools/nbcheck.deno.json's options: strict, indexing unchecked)`,
  );
  const nbConfig = await notebookConfig(OUT);
  const nbCheck = await run([
    "check",
    "--quiet",
    "--config",
    nbConfig,
    ...files,
  ]);
  if (!nbCheck.ok) {
    console.log(explain(nbCheck.text, modules));
    console.log("[check] FAILED: type errors in notebooks");
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
