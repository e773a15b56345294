/**
 * Executes notebooks headless in the real Deno Jupyter kernel (through Python's
 * nbclient, `tools/nbexec.py`) and compares their outputs with what is committed.
 *
 * The Deno 2.9 kernel can report a cell finished before its output was sent, and a
 * headless client then drops that output silently (see the platform notes). So a run
 * is only trusted when every code cell that had output in the committed notebook has
 * output again: {@link compareOutputs} reports a cell whose output went missing.
 *
 * @module
 */

import { basename, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** Root of the repository. */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");

/** One output of a code cell, as nbformat 4 stores it. */
export interface Output {
  output_type:
    | "stream"
    | "display_data"
    | "execute_result"
    | "error"
    | "update_display_data";
  name?: string;
  text?: string | string[];
  data?: Record<string, string | string[] | unknown>;
  metadata?: Record<string, unknown>;
  execution_count?: number | null;
  ename?: string;
  evalue?: string;
  traceback?: string[];
  transient?: unknown;
}

/** One cell, as nbformat 4 stores it. */
export interface Cell {
  cell_type: "code" | "markdown" | "raw";
  source: string | string[];
  metadata?: Record<string, unknown>;
  outputs?: Output[];
  execution_count?: number | null;
  id?: string;
}

/** A notebook, as nbformat 4 stores it. */
export interface Notebook {
  cells: Cell[];
  metadata: Record<string, unknown>;
  nbformat: number;
  nbformat_minor: number;
}

/** A cell raised while the notebook ran. */
export class NotebookError extends Error {
  /**
   * @param notebook The notebook's path.
   * @param cell The failing cell's index (0-based, counting every cell), if known.
   * @param ename The error's class name.
   * @param evalue The error's message.
   */
  constructor(
    readonly notebook: string,
    readonly cell: number | null,
    readonly ename: string,
    readonly evalue: string,
  ) {
    super(
      `${basename(notebook)}: cell ${cell ?? "?"} failed: ${ename}: ${evalue}`,
    );
    this.name = "NotebookError";
  }
}

/** Joins a multi-line nbformat string. */
export function joinSource(s: string | string[] | undefined): string {
  if (s === undefined) return "";
  return Array.isArray(s) ? s.join("") : s;
}

/**
 * Reads a notebook file.
 *
 * @param path The `.ipynb` file.
 * @returns The parsed notebook.
 */
export async function readNotebook(path: string): Promise<Notebook> {
  return JSON.parse(await Deno.readTextFile(path)) as Notebook;
}

/** The notebooks of the pack, in reading order. */
export async function listNotebooks(
  dir = join(ROOT, "notebooks"),
): Promise<string[]> {
  const out: string[] = [];
  for await (const e of Deno.readDir(dir)) {
    if (e.isFile && e.name.endsWith(".ipynb")) out.push(join(dir, e.name));
  }
  return out.sort();
}

/** Removes ANSI escape sequences (colours, cursor moves) from kernel text. */
export function stripAnsi(s: string): string {
  // deno-lint-ignore no-control-regex
  return s.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, "");
}

/**
 * Executes a notebook in the Deno kernel and returns the executed notebook.
 *
 * @param path The notebook to run; its folder is the kernel's working directory.
 * @param options.python The Python that has nbclient (from `tools/setup.ts`).
 * @param options.timeoutSeconds Per-cell timeout. Defaults to 600.
 * @param options.out Where to write the executed notebook. Defaults to a temp file.
 * @param options.env Extra environment for the kernel (e.g. `DENO_DIR`).
 * @param options.notebook Run this content instead of the file's (e.g. with injected
 *   parameters); the kernel still starts in the file's folder.
 * @returns The executed notebook, and the path it was written to.
 * @throws {NotebookError} If a cell raises; the message names notebook, cell and error.
 */
export async function executeNotebook(
  path: string,
  options: {
    python: string;
    timeoutSeconds?: number;
    out?: string;
    env?: Record<string, string>;
    notebook?: Notebook;
  },
): Promise<{ notebook: Notebook; path: string }> {
  const out = options.out ?? await Deno.makeTempFile({ suffix: ".ipynb" });
  let input = path;
  if (options.notebook) {
    input = await Deno.makeTempFile({ prefix: "nbin-", suffix: ".ipynb" });
    await Deno.writeTextFile(input, JSON.stringify(options.notebook));
  }
  const cmd = new Deno.Command(options.python, {
    args: [
      join(ROOT, "tools", "nbexec.py"),
      input,
      out,
      "--cwd",
      dirname(resolve(path)),
      "--timeout",
      String(options.timeoutSeconds ?? 600),
    ],
    env: {
      NO_COLOR: "1",
      DENO_NO_UPDATE_CHECK: "1",
      PYTHONWARNINGS: "ignore",
      ...options.env,
    },
    stdout: "piped",
    stderr: "piped",
    stdin: "null",
  });
  const res = await cmd.output().finally(() =>
    input === path ? undefined : Deno.remove(input).catch(() => {})
  );
  const dec = new TextDecoder();
  if (res.code === 2) {
    const line = dec.decode(res.stdout).trim().split("\n").pop() ?? "{}";
    const info = JSON.parse(line) as {
      cell: number | null;
      ename: string;
      evalue: string;
      traceback: string[];
    };
    // The traceback's first line repeats "ename: evalue"; keep the evalue and the frames.
    const frames = info.traceback.map(stripAnsi).join("\n").split("\n").filter((
      l,
    ) => /^\s+at /.test(l));
    const detail = [info.evalue, ...frames].join("\n");
    throw new NotebookError(path, info.cell, info.ename, stripAnsi(detail));
  }
  if (!res.success) {
    throw new Error(
      `${basename(path)}: the notebook runner failed (exit ${res.code}):\n${
        dec.decode(res.stderr).slice(-3000)
      }`,
    );
  }
  return { notebook: await readNotebook(out), path: out };
}

/** An output reduced to what must be reproducible: no execution counts, streams merged. */
export function normaliseOutputs(outputs: Output[] | undefined): unknown[] {
  const norm: Record<string, unknown>[] = [];
  for (const o of outputs ?? []) {
    if (o.output_type === "stream") {
      const last = norm[norm.length - 1];
      const text = joinSource(o.text);
      if (last && last.output_type === "stream" && last.name === o.name) {
        last.text = (last.text as string) + text;
      } else {
        norm.push({ output_type: "stream", name: o.name, text });
      }
      continue;
    }
    if (o.output_type === "error") {
      norm.push({ output_type: "error", ename: o.ename, evalue: o.evalue });
      continue;
    }
    const data: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(o.data ?? {})) {
      data[k] = typeof v === "string" || Array.isArray(v)
        ? joinSource(v as string | string[])
        : v;
    }
    norm.push({
      output_type: o.output_type === "execute_result"
        ? "display_data"
        : o.output_type,
      data,
    });
  }
  return norm;
}

function firstDifference(a: string, b: string): string {
  const la = a.split("\n");
  const lb = b.split("\n");
  for (let i = 0; i < Math.max(la.length, lb.length); i++) {
    if (la[i] !== lb[i]) {
      const cut = (
        s: string | undefined,
      ) => (s === undefined
        ? "<nothing>"
        : s.length > 160
        ? s.slice(0, 157) + "..."
        : s);
      return `line ${i + 1}:\n      committed: ${
        cut(la[i])
      }\n      fresh:     ${cut(lb[i])}`;
    }
  }
  return "(no line differs; structure differs)";
}

/** Marks a {@link compareOutputs} message about an output that went missing. */
export const DROPPED = "had output when saved, none now";

/**
 * Code cells that produced fewer outputs than a cell with the same source had in the
 * saved notebook (streams merged, so chunking does not count): the signature of the
 * kernel's dropped-output bug, which can lose one display of a cell that shows two (or
 * of a real change, which a re-run tells apart: it comes back the same every time).
 *
 * @param saved The notebook as committed.
 * @param fresh The same notebook, just executed (its sources may have been edited).
 * @returns The indices of such cells in `fresh`.
 */
export function droppedOutputs(saved: Notebook, fresh: Notebook): number[] {
  const had = new Map<string, number>();
  for (const c of saved.cells) {
    if (c.cell_type !== "code") continue;
    const src = joinSource(c.source);
    had.set(
      src,
      Math.max(had.get(src) ?? 0, normaliseOutputs(c.outputs).length),
    );
  }
  const out: number[] = [];
  fresh.cells.forEach((c, i) => {
    if (
      c.cell_type === "code" &&
      (had.get(joinSource(c.source)) ?? 0) > normaliseOutputs(c.outputs).length
    ) out.push(i);
  });
  return out;
}

/** How many times a notebook is run again when the kernel dropped an output. */
export const RETRIES_AFTER_DROP = 2;

/**
 * Runs a notebook, and runs it again (up to {@link RETRIES_AFTER_DROP} times) while a
 * cell that had output in `saved` comes back without output: the one retry policy of
 * the runner and the book. A real regression is missing every time, a kernel flake is
 * not.
 *
 * @param run Executes the notebook once.
 * @param saved The notebook as committed, whose outputs say which cells must have output.
 * @param options.onRetry Told which cells lost their output before each re-run.
 * @param options.discard Cleans up a run that is thrown away (e.g. its temp file).
 * @returns The last run, and the cells still without output after every retry.
 */
export async function executeWithRetry<T extends { notebook: Notebook }>(
  run: () => Promise<T>,
  saved: Notebook,
  options: {
    onRetry?: (dropped: number[], attempt: number) => void;
    discard?: (result: T) => Promise<void>;
  } = {},
): Promise<T & { dropped: number[] }> {
  for (let attempt = 0;; attempt++) {
    const result = await run();
    const dropped = droppedOutputs(saved, result.notebook);
    if (dropped.length === 0 || attempt >= RETRIES_AFTER_DROP) {
      return { ...result, dropped };
    }
    options.onRetry?.(dropped, attempt + 1);
    await options.discard?.(result);
  }
}

/**
 * Compares a fresh run with the committed notebook.
 *
 * @param saved The committed notebook.
 * @param fresh The same notebook, just executed.
 * @returns One message per code cell whose outputs differ; empty when they agree.
 *   A cell that had output when saved and has none now is reported as dropped.
 */
export function compareOutputs(saved: Notebook, fresh: Notebook): string[] {
  const problems: string[] = [];
  if (saved.cells.length !== fresh.cells.length) {
    return [
      `the notebook has ${saved.cells.length} cells saved but ${fresh.cells.length} after the run`,
    ];
  }
  saved.cells.forEach((cell, i) => {
    if (cell.cell_type !== "code") return;
    const f = fresh.cells[i];
    const a = normaliseOutputs(cell.outputs);
    const b = normaliseOutputs(f?.outputs);
    if (a.length > 0 && b.length === 0) {
      problems.push(
        `cell ${i}: ${DROPPED} (the Deno kernel can drop output: display it with show())`,
      );
      return;
    }
    const ja = JSON.stringify(a, null, 1);
    const jb = JSON.stringify(b, null, 1);
    if (ja !== jb) {
      problems.push(
        `cell ${i}: outputs differ from the committed ones, first at ${
          firstDifference(ja, jb)
        }`,
      );
    }
  });
  return problems;
}
