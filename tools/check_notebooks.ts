/**
 * Checks the notebooks: their maths, their formatting, their types and lint, and
 * reports the chapters' teaching targets.
 *
 * Stages (all run; the check fails if any fails):
 * - `format`: runs the formatting step of `deno task notebooks`
 *   (`tools/format_notebooks.ts`) in memory; fails unless every markdown and raw
 *   cell, every output and all metadata come back byte-identical, and unless the
 *   code cells are already formatted.
 * - `maths`: every `$…$` and `$$…$$` of every markdown cell typesets under KaTeX with
 *   `throwOnError`, read by the reading edition's own markdown reader; no display
 *   block holds a blank line or is left open (`tools/notebook_math.ts`).
 * - `types`: `deno check` of lib/, tests/, tools/, bench/ and explorer/ with
 *   `deno.json`'s options; of the notebooks' code with `notebooks/deno.json`'s
 *   (strict, but without `noUncheckedIndexedAccess`: a notebook reads `x[0]`).
 *   `deno check` does not read `.ipynb` files, so each notebook's code cells are
 *   written, in order, to one module under `.build/nbcheck/`; a diagnostic names the
 *   notebook and the cell.
 * - `lint`: `deno lint` of those modules.
 * - `report`: per notebook, the words of prose on the core path, the longest code
 *   cell, toFixed-family calls, non-null assertions and `[...].join("\n")` print
 *   blocks (`tools/notebook_report.ts`). Printed always; with `--targets` the
 *   chapters' targets (issue 12) are enforced.
 *
 * Usage: `deno run -A tools/check_notebooks.ts [--targets] [--dir DIR]
 * [--only format,maths,types,lint,report]`
 *
 * @module
 */

import { basename, join, relative, resolve } from "node:path";
import { formatNotebooks, nonCodeChanges } from "./format_notebooks.ts";
import { notebookMathProblems } from "./notebook_math.ts";
import {
  checkTargets,
  printReport,
  reportNotebook,
} from "./notebook_report.ts";
import {
  joinSource,
  listNotebooks,
  readNotebook,
  ROOT,
} from "./notebook_runner.ts";

const OUT = join(ROOT, ".build", "nbcheck");
const NB_LINT_CONFIG = join(ROOT, "tools", "nbcheck.deno.json");

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
 * options of `notebooks/deno.json` (the workspace member that Jupyter's kernel and
 * VS Code's Deno extension read for the notebooks: strict, but without
 * `noUncheckedIndexedAccess`, so a notebook reads `x[0]`, not `x[0]!`) and the import
 * map of the root `deno.json` (one source of truth for versions). The library keeps
 * the root's stricter options.
 *
 * @param dir Where to write `deno.json` (the folder of the extracted modules).
 * @returns The path of the written configuration.
 */
export async function notebookConfig(dir: string): Promise<string> {
  const root = JSON.parse(await Deno.readTextFile(join(ROOT, "deno.json")));
  const nb = JSON.parse(
    await Deno.readTextFile(join(ROOT, "notebooks", "deno.json")),
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

/** The stages, in the order they run. */
const STAGES = ["format", "maths", "types", "lint", "report"] as const;
type Stage = (typeof STAGES)[number];

function flag(name: string): string | undefined {
  const at = Deno.args.indexOf(name);
  return at >= 0 ? Deno.args[at + 1] : undefined;
}

if (import.meta.main) {
  const dirArg = flag("--dir");
  const dir = dirArg === undefined ? undefined : resolve(dirArg);
  const only = flag("--only")?.split(",").map((s) => s.trim());
  const unknown = (only ?? []).filter((s) => !STAGES.includes(s as Stage));
  if (unknown.length) {
    console.log(
      `[check] unknown stage(s) ${unknown.join(", ")}; stages: ${
        STAGES.join(", ")
      }`,
    );
    Deno.exit(2);
  }
  const runs = (stage: Stage) => only === undefined || only.includes(stage);
  const enforce = Deno.args.includes("--targets");
  const paths = await listNotebooks(dir);
  const failures: string[] = [];
  const fail = (stage: string, lines: string[]) => {
    for (const l of lines) console.log(`    ${l}`);
    failures.push(stage);
  };

  if (runs("format")) {
    console.log(
      `[check] format: the formatting step leaves markdown byte-identical and finds the code formatted (${paths.length} notebook(s))`,
    );
    try {
      const results = await formatNotebooks(paths);
      const damage = results.flatMap(nonCodeChanges);
      if (damage.length) fail("format (markdown changed)", damage);
      const unformatted = results.filter((r) => r.changed.length).map((r) =>
        `${basename(r.path)}: code cell(s) ${
          r.changed.join(", ")
        } are not formatted; run \`deno task notebooks\` (it formats them first)`
      );
      if (unformatted.length) fail("format (code)", unformatted);
    } catch (e) {
      fail("format", [e instanceof Error ? e.message : String(e)]);
    }
  }

  if (runs("maths")) {
    console.log(
      `[check] maths: every formula of every markdown cell typesets under KaTeX; display blocks intact`,
    );
    const problems: string[] = [];
    for (const path of paths) {
      problems.push(
        ...notebookMathProblems(basename(path), await readNotebook(path)),
      );
    }
    if (problems.length) fail("maths", problems);
  }

  const modules = new Map<string, { notebook: string; source: string }>();
  if (runs("types") || runs("lint")) {
    await Deno.remove(OUT, { recursive: true }).catch(() => {});
    await Deno.mkdir(OUT, { recursive: true });
    for (const path of paths) {
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
  }
  const files = [...modules.keys()].map((f) => join(OUT, f));

  if (runs("types")) {
    console.log(
      `[check] types: the library, tests, tools, bench and explorer (deno.json's options)`,
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
    if (!check.ok) fail("types (library)", [check.text]);
    console.log(
      `[check] types: the notebooks' code (notebooks/deno.json's options: strict, indexing unchecked)`,
    );
    if (files.length) {
      const nbCheck = await run([
        "check",
        "--quiet",
        "--config",
        await notebookConfig(OUT),
        ...files,
      ]);
      if (!nbCheck.ok) {
        fail("types (notebooks)", [explain(nbCheck.text, modules)]);
      }
    }
  }

  if (runs("lint") && files.length) {
    console.log(`[check] lint: the notebooks' code`);
    const lint = await run(["lint", "--config", NB_LINT_CONFIG, ...files]);
    if (!lint.ok) fail("lint", [explain(lint.text, modules)]);
  }

  if (runs("report")) {
    const reports = [];
    for (const path of paths) {
      reports.push(
        await reportNotebook(basename(path), await readNotebook(path)),
      );
    }
    printReport(reports);
    const misses = checkTargets(reports);
    if (misses.length) {
      if (enforce) fail("targets", misses);
      else {
        console.log(
          `[check] targets not met (${misses.length}); reported only, enforced with --targets:`,
        );
        for (const m of misses) console.log(`    ${m}`);
      }
    } else console.log("[check] targets: all met");
  }

  if (failures.length) {
    console.log(`[check] FAILED: ${failures.join("; ")}`);
    Deno.exit(1);
  }
  console.log("[check] passed");
}
