/**
 * Formats the notebooks' code cells, and nothing else.
 *
 * `deno fmt` over a `.ipynb` formats its markdown cells too, and inside `$$ … $$` it
 * reads a line that starts with `+` as a list item: it once turned `+` into `-` in
 * three formulas. Here each code cell is written to its own `.ts` file under
 * `.build/nbfmt/`, those files are formatted by `deno fmt` with the notebooks'
 * configuration (`tools/nbcheck.deno.json`), and only the code cells' sources are
 * written back. Markdown and raw cells, outputs and metadata are never touched, and
 * `tools/check_notebooks.ts` proves it: it runs this step and fails unless every
 * non-code cell comes back byte-identical.
 *
 * Usage: `deno run -A tools/format_notebooks.ts [--check] [--dir DIR] [name ...]`
 * (`--check` reports unformatted code without writing).
 *
 * @module
 */

import { basename, join } from "node:path";
import {
  type Cell,
  joinSource,
  listNotebooks,
  type Notebook,
  readNotebook,
  ROOT,
} from "./notebook_runner.ts";

/** The notebooks' formatting configuration. */
export const NB_CONFIG = join(ROOT, "tools", "nbcheck.deno.json");

/** A cell's `source` as nbformat (Python's json, indent 1) writes it inside a cell. */
function sourceJson(source: string | string[]): string {
  return JSON.stringify(source, null, 1).replace(/\n/g, "\n   ");
}

/**
 * The notebook file's text with the changed code cells' sources replaced, and every
 * other byte as it was (numbers, key order, layout): the sources are found in the
 * text in cell order and replaced there, rather than re-serialising the notebook,
 * whose numbers JavaScript would print differently from Python (`2e-05`).
 *
 * @param text The notebook file's text.
 * @param r The formatting result for that notebook.
 * @returns The new text, or `undefined` when a source is not where nbformat puts it.
 */
export function replaceSources(
  text: string,
  r: FormatResult,
): string | undefined {
  let out = "";
  let cursor = 0;
  for (const i of r.changed) {
    const before = `"source": ${
      sourceJson((r.before.cells[i] as Cell).source)
    }`;
    const at = text.indexOf(before, cursor);
    if (at < 0) return undefined;
    out += text.slice(cursor, at) +
      `"source": ${sourceJson((r.after.cells[i] as Cell).source)}`;
    cursor = at + before.length;
  }
  out += text.slice(cursor);
  const parsed = JSON.parse(out);
  return JSON.stringify(parsed) === JSON.stringify(r.after) ? out : undefined;
}

/** `text` as nbformat stores a multi-line string: one entry per line. */
function splitSource(text: string, like: string | string[]): string | string[] {
  if (!Array.isArray(like)) return text;
  if (text === "") return [];
  const lines = text.split(/(?<=\n)/);
  return lines;
}

/** The result of formatting one notebook. */
export interface FormatResult {
  /** The notebook's path. */
  path: string;
  /** The notebook as read. */
  before: Notebook;
  /** The notebook with its code cells formatted. */
  after: Notebook;
  /** Indices of the code cells whose source changed. */
  changed: number[];
}

/**
 * Formats the code cells of notebooks (in memory; nothing is written back).
 *
 * @param paths The notebooks.
 * @param options.work A scratch folder for the cells' `.ts` files (emptied first).
 *   Defaults to a fresh folder under `.build/`, removed afterwards, so that two runs
 *   never share one.
 * @returns One result per notebook, in order.
 * @throws {Error} If `deno fmt` fails (a syntax error); the message names the
 *   notebook and the cell.
 */
export async function formatNotebooks(
  paths: string[],
  options: { work?: string } = {},
): Promise<FormatResult[]> {
  if (options.work !== undefined) {
    await Deno.remove(options.work, { recursive: true }).catch(() => {});
    await Deno.mkdir(options.work, { recursive: true });
    return await formatIn(paths, options.work);
  }
  await Deno.mkdir(join(ROOT, ".build"), { recursive: true });
  const work = await Deno.makeTempDir({
    dir: join(ROOT, ".build"),
    prefix: "nbfmt-",
  });
  try {
    return await formatIn(paths, work);
  } finally {
    await Deno.remove(work, { recursive: true }).catch(() => {});
  }
}

async function formatIn(
  paths: string[],
  work: string,
): Promise<FormatResult[]> {
  const books: {
    path: string;
    before: Notebook;
    files: Map<number, string>;
  }[] = [];
  for (const [n, path] of paths.entries()) {
    const before = await readNotebook(path);
    const dir = join(
      work,
      `${String(n).padStart(2, "0")}_${basename(path, ".ipynb")}`,
    );
    await Deno.mkdir(dir, { recursive: true });
    const files = new Map<number, string>();
    for (const [i, cell] of before.cells.entries()) {
      if (cell.cell_type !== "code") continue;
      const file = join(dir, `cell_${String(i).padStart(3, "0")}.ts`);
      await Deno.writeTextFile(file, joinSource(cell.source) + "\n");
      files.set(i, file);
    }
    books.push({ path, before, files });
  }
  const out = await new Deno.Command(Deno.execPath(), {
    args: ["fmt", "--quiet", "--config", NB_CONFIG, work],
    cwd: ROOT,
    env: { NO_COLOR: "1" },
    stdout: "piped",
    stderr: "piped",
  }).output();
  if (!out.success) {
    const dec = new TextDecoder();
    const text = (dec.decode(out.stdout) + dec.decode(out.stderr)).replace(
      /[^\s]*nbfmt\/\d\d_([\w.-]+)\/cell_(\d+)\.ts/g,
      (_, nb, cell) => `${nb}.ipynb cell ${Number(cell)}`,
    );
    throw new Error(`deno fmt could not format the notebooks' code:\n${text}`);
  }
  const results: FormatResult[] = [];
  for (const { path, before, files } of books) {
    const after = structuredClone(before) as Notebook;
    const changed: number[] = [];
    for (const [i, file] of files) {
      const cell = after.cells[i] as Cell;
      const old = joinSource(cell.source);
      let text = await Deno.readTextFile(file);
      // The file got a final newline; the cell keeps the one it had (usually none).
      if (!old.endsWith("\n") && text.endsWith("\n")) text = text.slice(0, -1);
      if (text !== old) {
        cell.source = splitSource(text, cell.source);
        changed.push(i);
      }
    }
    results.push({ path, before, after, changed });
  }
  return results;
}

/**
 * What the formatting step did to anything but code: one message per markdown or raw
 * cell, notebook metadata or cell list that is not byte-identical afterwards.
 *
 * @param r A result of {@link formatNotebooks}.
 * @returns The messages; empty when only code cells changed.
 */
export function nonCodeChanges(r: FormatResult): string[] {
  const name = basename(r.path);
  const out: string[] = [];
  if (r.before.cells.length !== r.after.cells.length) {
    out.push(`${name}: the number of cells changed`);
  }
  r.before.cells.forEach((cell, i) => {
    const after = r.after.cells[i];
    if (!after) return;
    if (cell.cell_type !== "code") {
      if (JSON.stringify(cell) !== JSON.stringify(after)) {
        out.push(
          `${name} cell ${i}: the formatting step changed this ${cell.cell_type} cell`,
        );
      }
    } else {
      const rest = (c: Cell) => JSON.stringify({ ...c, source: undefined });
      if (rest(cell) !== rest(after)) {
        out.push(
          `${name} cell ${i}: the formatting step changed this code cell's outputs or metadata`,
        );
      }
    }
  });
  for (const key of ["metadata", "nbformat", "nbformat_minor"] as const) {
    if (JSON.stringify(r.before[key]) !== JSON.stringify(r.after[key])) {
      out.push(`${name}: the formatting step changed the notebook's ${key}`);
    }
  }
  return out;
}

if (import.meta.main) {
  const check = Deno.args.includes("--check");
  const dirAt = Deno.args.indexOf("--dir");
  const dir = dirAt >= 0 ? Deno.args[dirAt + 1] : undefined;
  const names = Deno.args.filter((a, i) =>
    !a.startsWith("--") && !(dirAt >= 0 && i === dirAt + 1)
  );
  const all = await listNotebooks(dir);
  const paths = names.length
    ? all.filter((p) => names.some((n) => basename(p).includes(n)))
    : all;
  let failed = false;
  for (const r of await formatNotebooks(paths)) {
    const name = basename(r.path);
    const damage = nonCodeChanges(r);
    if (damage.length > 0) {
      // Unreachable by construction; refuse rather than write a damaged notebook.
      for (const d of damage) console.log(`[format] ${d}`);
      failed = true;
      continue;
    }
    if (r.changed.length === 0) continue;
    if (check) {
      console.log(
        `[format] ${name}: code cell(s) ${
          r.changed.join(", ")
        } are not formatted`,
      );
      failed = true;
      continue;
    }
    const text = replaceSources(await Deno.readTextFile(r.path), r);
    if (text === undefined) {
      console.log(
        `[format] ${name}: not written: its JSON is not in nbformat's layout (indent 1), so writing it back would change more than its code; save it from Jupyter first`,
      );
      failed = true;
      continue;
    }
    await Deno.writeTextFile(r.path, text);
    console.log(
      `[format] ${name}: formatted code cell(s) ${r.changed.join(", ")}`,
    );
  }
  if (failed) Deno.exit(1);
}
