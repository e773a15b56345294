/**
 * Re-executes the notebooks in the Deno kernel.
 *
 * - `--check` (default): fails when a fresh run's outputs differ from the committed
 *   ones, or when a cell that had output has none now (the kernel's dropped-output
 *   bug, told apart from a real change by re-running), and says how to restore the
 *   notebook.
 * - `--write`: saves the fresh outputs into the committed notebooks.
 * - `--param name=value` (repeatable): runs with other parameter values, injected as a
 *   code cell tagged `injected-parameters` after the cell tagged `parameters`
 *   (papermill's convention; values are JSON literals: `500`, `0.5`, `true`, `"text"`).
 *   A name the parameters cell does not declare is refused. Requires zero errors;
 *   outputs are not compared. `--out DIR` keeps the executed copies.
 * - `--variants`: runs every notebook once per entry of its
 *   `metadata.estimation.parameter_sets` and requires zero errors.
 *
 * `--dir DIR` runs the notebooks of another folder (the tests use it for fixtures);
 * `--jobs N` runs N notebooks at a time (default 2). Any further arguments select
 * notebooks by a substring of their file name.
 *
 * Usage: `deno run -A tools/run_notebooks.ts [--check | --write | --variants]
 * [--param name=value ...] [--out DIR] [--dir DIR] [--jobs N] [name ...]`
 *
 * @module
 */

import { basename, join, relative } from "node:path";
import { ensureSetup } from "./setup.ts";
import {
  compareOutputs,
  executeNotebook,
  executeWithRetry,
  listNotebooks,
  type Notebook,
  NotebookError,
  readNotebook,
  RETRIES_AFTER_DROP,
  ROOT,
} from "./notebook_runner.ts";
import {
  injectParameters,
  parameterSets,
  type ParamValue,
  parseParamArg,
} from "./notebook_params.ts";

interface Args {
  write: boolean;
  variants: boolean;
  params: Record<string, ParamValue>;
  out?: string;
  dir?: string;
  jobs: number;
  filters: string[];
}

function parseArgs(argv: string[]): Args {
  const a: Args = {
    write: false,
    variants: false,
    params: {},
    jobs: 2,
    filters: [],
  };
  for (let i = 0; i < argv.length; i++) {
    const x = argv[i]!;
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${x} needs a value`);
      return v;
    };
    if (x === "--write") a.write = true;
    else if (x === "--check") a.write = false;
    else if (x === "--variants") a.variants = true;
    else if (x === "--param") {
      const [k, v] = parseParamArg(value());
      a.params[k] = v;
    } else if (x.startsWith("--param=")) {
      const [k, v] = parseParamArg(x.slice("--param=".length));
      a.params[k] = v;
    } else if (x === "--out") a.out = value();
    else if (x === "--dir") a.dir = value();
    else if (x === "--jobs") {
      a.jobs = Number(value());
      if (!Number.isInteger(a.jobs) || a.jobs < 1) {
        throw new Error(`--jobs must be a positive integer`);
      }
    } else if (x.startsWith("--")) throw new Error(`unknown option ${x}`);
    else a.filters.push(x);
  }
  const injecting = Object.keys(a.params).length > 0;
  if (a.write && (injecting || a.variants)) {
    throw new Error(
      `--write saves outputs into the committed notebooks; it cannot be combined with --param or --variants`,
    );
  }
  if (a.variants && injecting) {
    throw new Error(
      `--variants runs the notebooks' own parameter sets; drop --param`,
    );
  }
  return a;
}

/** One execution to do. */
interface Job {
  path: string;
  label: string;
  run: () => Promise<boolean>;
}

function describe(params: Record<string, ParamValue>): string {
  return Object.entries(params).map(([k, v]) => `${k} = ${JSON.stringify(v)}`)
    .join(", ");
}

function failure(e: unknown): string {
  if (e instanceof NotebookError) {
    return `FAILED at cell ${e.cell ?? "?"}: ${e.ename}: ${e.evalue}`;
  }
  return `FAILED: ${e instanceof Error ? e.message : String(e)}`;
}

/** Says whether git sees local edits of `path` (best effort: false when unsure). */
async function editedInGit(path: string): Promise<boolean> {
  try {
    const res = await new Deno.Command("git", {
      args: ["status", "--porcelain", "--", path],
      cwd: ROOT,
      stdout: "piped",
      stderr: "null",
    }).output();
    return res.success && new TextDecoder().decode(res.stdout).trim() !== "";
  } catch {
    return false;
  }
}

let args: Args;
try {
  args = parseArgs(Deno.args);
} catch (e) {
  console.error(`[notebooks] ${e instanceof Error ? e.message : String(e)}`);
  Deno.exit(2);
}
const { python } = await ensureSetup();
const all = await listNotebooks(args.dir);
const selected = args.filters.length
  ? all.filter((p) => args.filters.some((f) => basename(p).includes(f)))
  : all;
if (selected.length === 0) {
  console.error(`no notebook matches ${args.filters.join(", ")}`);
  Deno.exit(1);
}
if (args.out) await Deno.mkdir(args.out, { recursive: true });

const log = (line: string) => console.log(`[notebooks] ${line}`);
const secs = (t: number) => ((performance.now() - t) / 1000).toFixed(1);

/** Runs `nb` (the notebook at `path` with parameters injected) and requires no error. */
async function runClean(
  path: string,
  nb: Notebook,
  label: string,
  keepAs?: string,
): Promise<boolean> {
  const t = performance.now();
  try {
    const { path: outPath } = await executeNotebook(path, {
      python,
      notebook: nb,
    });
    if (keepAs) await Deno.copyFile(outPath, keepAs);
    await Deno.remove(outPath).catch(() => {});
    log(`${label}: executed in ${secs(t)}s without error`);
    return true;
  } catch (e) {
    log(`${label}: ${failure(e)}`);
    return false;
  }
}

/** The freshness check, or `--write`. */
async function runFresh(path: string): Promise<boolean> {
  const name = basename(path);
  const saved = await readNotebook(path);
  const t = performance.now();
  try {
    const { path: outPath, notebook: fresh, dropped } = await executeWithRetry(
      () => executeNotebook(path, { python }),
      saved,
      {
        onRetry: (cells) =>
          log(
            `${name}: the kernel dropped the output of cell(s) ${
              cells.join(", ")
            }; running it again`,
          ),
        discard: (r) => Deno.remove(r.path).catch(() => {}),
      },
    );
    try {
      if (args.write) {
        // Fewer outputs every time is a real change, and is saved; no output at
        // all every time, where the same code had some, is refused.
        const silent = dropped.filter((i) =>
          !(fresh.cells[i]?.outputs ?? []).length
        );
        if (silent.length) {
          log(
            `${name}: FAILED, cell(s) ${silent.join(", ")} produced no output ${
              RETRIES_AFTER_DROP + 1
            } times although the same code had output when saved; nothing saved`,
          );
          return false;
        }
        const emptyCode = fresh.cells.filter((c) =>
          c.cell_type === "code" && !(c.outputs ?? []).length
        ).length;
        await Deno.copyFile(outPath, path);
        log(
          `${name}: executed in ${secs(t)}s, outputs saved` +
            (emptyCode ? ` (${emptyCode} code cell(s) without output)` : ""),
        );
        return true;
      }
      const problems = compareOutputs(saved, fresh);
      if (problems.length === 0) {
        log(
          `${name}: executed in ${secs(t)}s, outputs match the committed ones`,
        );
        return true;
      }
      const rel = relative(ROOT, path);
      const lines = [
        `${name}: FAILED, the outputs saved in ${rel} are not what its code produces now:`,
        ...problems.map((p) => `    ${p}`),
      ];
      if (await editedInGit(path)) {
        lines.push(
          `    ${rel} has local edits (JupyterLab autosaves them). To restore the committed notebook: git checkout ${rel}`,
        );
      }
      lines.push(
        `    To discard local edits: git checkout ${rel}; to keep them, save fresh outputs with \`deno task notebooks ${name}\` and commit the notebook.`,
      );
      for (const l of lines) log(l);
      return false;
    } finally {
      await Deno.remove(outPath).catch(() => {});
    }
  } catch (e) {
    log(`${name}: ${failure(e)}`);
    return false;
  }
}

const jobs: Job[] = [];
const injecting = Object.keys(args.params).length > 0;
for (const path of selected) {
  const name = basename(path);
  if (args.variants) {
    let sets: Record<string, ParamValue>[];
    try {
      sets = parameterSets(await readNotebook(path), name);
    } catch (e) {
      jobs.push({ path, label: name, run: () => Promise.reject(e) });
      continue;
    }
    if (sets.length === 0) {
      log(`${name}: no parameter sets in metadata.estimation.parameter_sets`);
    }
    sets.forEach((params, k) => {
      const label = `${name} [${describe(params)}]`;
      jobs.push({
        path,
        label,
        run: async () =>
          runClean(
            path,
            injectParameters(await readNotebook(path), params, name),
            label,
            args.out
              ? join(args.out, name.replace(/\.ipynb$/, `.set${k + 1}.ipynb`))
              : undefined,
          ),
      });
    });
  } else if (injecting) {
    const label = `${name} [${describe(args.params)}]`;
    jobs.push({
      path,
      label,
      run: async () =>
        runClean(
          path,
          injectParameters(await readNotebook(path), args.params, name),
          label,
          args.out ? join(args.out, name) : undefined,
        ),
    });
  } else {
    jobs.push({ path, label: name, run: () => runFresh(path) });
  }
}

let failed = 0;
let passed = 0;
const t0 = performance.now();
const queue = [...jobs];
await Promise.all(
  Array.from({ length: Math.min(args.jobs, queue.length) }, async () => {
    for (let job = queue.shift(); job; job = queue.shift()) {
      let ok = false;
      try {
        ok = await job.run();
      } catch (e) {
        log(`${job.label}: ${failure(e)}`);
      }
      if (ok) passed++;
      else failed++;
    }
  }),
);
log(`${passed} passed, ${failed} failed (${secs(t0)}s)`);
if (failed) Deno.exit(1);
