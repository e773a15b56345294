/**
 * Hides the worked solutions of the notebooks until the reader asks for them.
 *
 * A solution section runs from a Markdown heading whose text starts with "Solution"
 * (`### Solution 2`) to the next heading of level 1–3. Every cell of it gets the cell
 * metadata Jupyter defines for hiding (nbformat 4): `jupyter.source_hidden` (the cell
 * collapses to its first line, so a hidden heading cell still reads "### Solution 2")
 * and, on code cells, `jupyter.outputs_hidden` with its older twin `collapsed`.
 * JupyterLab 4 honours these on open; a click on the cell's bar shows it. Cells outside
 * solution sections lose those keys, so a cell moved out of a solution shows again.
 *
 * Only the `metadata` of cells changes, spliced into the file's text, so the rest of
 * the file (outputs included) stays byte for byte as nbformat wrote it.
 *
 * Usage:
 * - `deno run -A tools/nb_metadata.ts [NAME ...]`: sets the metadata in place.
 * - `deno run -A tools/nb_metadata.ts --check [NAME ...]`: exits 1, naming notebook and
 *   cell, when a solution cell is not hidden or another cell is.
 *
 * `--dir DIR` works on another folder of notebooks; NAME filters by file name.
 *
 * @module
 */

import { basename, join } from "node:path";
import { ROOT } from "./notebook_runner.ts";

/** A notebook cell as far as this tool looks at it. */
export interface CellLike {
  cell_type: string;
  source: string | string[];
  metadata?: Record<string, unknown>;
}

/** A Markdown heading (or bold "**Solution" marker) found in a cell. */
interface Marker {
  /** 1–6 for a heading; 7 for a bold "**Solution" paragraph (never ends a section). */
  level: number;
  text: string;
  /** Whether the marker is the first thing in its cell (blank lines aside). */
  first: boolean;
}

function joinSource(s: string | string[]): string {
  return Array.isArray(s) ? s.join("") : s;
}

const SOLUTION_WORD = /^solution\b/i;
const BOLD_SOLUTION = /^\s{0,3}(\*\*|__)(Solution\b.*?)\1/i;

/** ATX headings and bold solution markers of a Markdown cell, outside code fences. */
function markers(source: string): Marker[] {
  const out: Marker[] = [];
  let fence: string | undefined;
  let seenContent = false;
  let paragraphStart = true;
  for (const line of source.split("\n")) {
    const f = line.match(/^\s{0,3}(`{3,}|~{3,})/);
    if (f) {
      const mark = f[1]!;
      if (fence === undefined) fence = mark[0]!.repeat(mark.length);
      else if (mark.startsWith(fence)) fence = undefined;
      seenContent = true;
      continue;
    }
    if (fence !== undefined) continue;
    const h = line.match(/^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/);
    const b = paragraphStart ? BOLD_SOLUTION.exec(line) : null;
    if (h) {
      out.push({ level: h[1]!.length, text: h[2]!, first: !seenContent });
    } else if (b) {
      out.push({ level: 7, text: b[2]!, first: !seenContent });
    }
    paragraphStart = line.trim() === "" || h !== null;
    if (line.trim() !== "") seenContent = true;
  }
  return out;
}

/**
 * Whether a marker opens a solution: a heading of any level, or a bold paragraph
 * start, whose text starts with the word "Solution" (as the reading edition decides).
 */
function isSolution(m: Marker): boolean {
  return SOLUTION_WORD.test(m.text.replace(/^(\*\*|__)/, ""));
}

/** The cells to hide, and problems that make the sections ambiguous. */
export interface SolutionPlan {
  /** `hidden[i]` is whether cell `i` belongs to a solution section. */
  hidden: boolean[];
  /** Cells that mix solution and non-solution content (one message each). */
  problems: string[];
}

/**
 * Finds the cells of every solution section: from a heading (of any level) or a bold
 * paragraph start whose text starts with the word "Solution" to the next heading of
 * level 1–3 that is not itself a solution, as the reading edition folds them.
 *
 * A solution marker must start its cell, and a cell inside a solution must not open
 * the next section after solution text: either would hide text that is not part of
 * the solution, or show part of one. Such cells are reported, not guessed at.
 *
 * @param cells The notebook's cells.
 * @returns Which cells to hide, and the problems found.
 *
 * @example
 * ```ts
 * import { planSolutions } from "./nb_metadata.ts";
 * import assert from "node:assert/strict";
 *
 * const md = (source: string) => ({ cell_type: "markdown", source });
 * const code = (source: string) => ({ cell_type: "code", source });
 * const plan = planSolutions([
 *   md("## Exercises\n\n1. Try it."),
 *   md("### Solution 1\n\nThe answer."),
 *   code("await show(1);"),
 *   md("#### A detail"),
 *   md("## Summary"),
 * ]);
 * assert.deepEqual(plan.hidden, [false, true, true, true, false]);
 * assert.deepEqual(plan.problems, []);
 * ```
 */
export function planSolutions(cells: CellLike[]): SolutionPlan {
  const hidden: boolean[] = [];
  const problems: string[] = [];
  let inSolution = false;
  cells.forEach((cell, i) => {
    if (cell.cell_type !== "markdown") {
      hidden.push(inSolution);
      return;
    }
    const ms = markers(joinSource(cell.source)).filter((m) =>
      isSolution(m) || m.level <= 3
    );
    let cellHidden = inSolution;
    ms.forEach((m, k) => {
      const opensCell = k === 0 && m.first;
      if (isSolution(m)) {
        if (!opensCell && !inSolution) {
          problems.push(
            `cell ${i}: "${m.text}" must start its own Markdown cell ` +
              `(the text before it would be hidden with the solution)`,
          );
        }
        if (opensCell) cellHidden = true;
        inSolution = true;
      } else {
        if (inSolution && !opensCell) {
          problems.push(
            `cell ${i}: the heading "${m.text}" ends a solution in the middle of a cell; ` +
              `start a new Markdown cell at it`,
          );
        }
        if (opensCell) cellHidden = false;
        inSolution = false;
      }
    });
    hidden.push(cellHidden);
  });
  return { hidden, problems };
}

/** The metadata a cell should have, given whether it is hidden. */
export function wantedMetadata(
  cell: CellLike,
  hide: boolean,
): Record<string, unknown> {
  const meta: Record<string, unknown> = { ...(cell.metadata ?? {}) };
  const jupyter: Record<string, unknown> = {
    ...((meta.jupyter as Record<string, unknown> | undefined) ?? {}),
  };
  delete jupyter.source_hidden;
  delete jupyter.outputs_hidden;
  delete meta.collapsed;
  if (hide) {
    jupyter.source_hidden = true;
    if (cell.cell_type === "code") {
      jupyter.outputs_hidden = true;
      meta.collapsed = true;
    }
  }
  if (Object.keys(jupyter).length) meta.jupyter = jupyter;
  else delete meta.jupyter;
  return meta;
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(sortKeys(a)) === JSON.stringify(sortKeys(b));
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v !== null && typeof v === "object") {
    return Object.fromEntries(
      Object.keys(v).sort().map((
        k,
      ) => [k, sortKeys((v as Record<string, unknown>)[k])]),
    );
  }
  return v;
}

/**
 * Serialises a JSON value as Python's `json.dumps(v, indent=1, sort_keys=True,
 * ensure_ascii=False)` does (what nbformat writes), starting at indentation `depth`.
 */
function pyJson(v: unknown, depth: number): string {
  const pad = (d: number) => " ".repeat(d);
  if (v === null) return "null";
  if (typeof v === "boolean") return v ? "true" : "false";
  if (typeof v === "string") return JSON.stringify(v);
  if (typeof v === "number") {
    if (!Number.isFinite(v)) {
      throw new RangeError(`nb_metadata: cannot write ${v} as JSON`);
    }
    if (Number.isInteger(v) && Math.abs(v) < 1e16) return String(v);
    // Python's float repr: the same shortest digits, but in exponent form below 1e-4
    // and from 1e16 on, with at least two exponent digits.
    const [, mantissa, sign, digits] = v.toExponential().match(
      /^(-?[\d.]+)e([+-])(\d+)$/,
    )!;
    const exp = Number(sign! + digits!);
    return exp < -4 || exp >= 16
      ? `${mantissa}e${sign}${digits!.padStart(2, "0")}`
      : String(v);
  }
  if (Array.isArray(v)) {
    if (!v.length) return "[]";
    return "[\n" +
      v.map((x) => pad(depth + 1) + pyJson(x, depth + 1)).join(",\n") +
      "\n" + pad(depth) + "]";
  }
  const keys = Object.keys(v as object).sort();
  if (!keys.length) return "{}";
  return "{\n" +
    keys.map((k) =>
      pad(depth + 1) + JSON.stringify(k) + ": " +
      pyJson((v as Record<string, unknown>)[k], depth + 1)
    ).join(",\n") + "\n" + pad(depth) + "}";
}

const LITERAL = /true|false|null|-?[\d.eE+-]+/y;

/** Index just past the JSON value that starts at `i` (whitespace before it skipped). */
function skipValue(text: string, i: number): number {
  i = skipSpace(text, i);
  const c = text[i];
  if (c === '"') {
    i++;
    while (text[i] !== '"') i += text[i] === "\\" ? 2 : 1;
    return i + 1;
  }
  if (c === "{" || c === "[") {
    const close = c === "{" ? "}" : "]";
    i = skipSpace(text, i + 1);
    if (text[i] === close) return i + 1;
    for (;;) {
      if (c === "{") {
        i = skipValue(text, i); // key
        i = skipSpace(text, i) + 1; // ':'
      }
      i = skipSpace(text, skipValue(text, i));
      if (text[i] === ",") {
        i = skipSpace(text, i + 1);
        continue;
      }
      return i + 1;
    }
  }
  LITERAL.lastIndex = i;
  const m = LITERAL.exec(text);
  if (!m) throw new SyntaxError(`nb_metadata: unexpected JSON at ${i}`);
  return i + m[0].length;
}

function skipSpace(text: string, i: number): number {
  while (/\s/.test(text[i] ?? "")) i++;
  return i;
}

/** The [start, end) range of `key`'s value in the object starting at `i`. */
function memberRange(
  text: string,
  i: number,
  key: string,
): [number, number] | undefined {
  i = skipSpace(text, i);
  if (text[i] !== "{") throw new SyntaxError("nb_metadata: expected an object");
  i = skipSpace(text, i + 1);
  while (text[i] !== "}") {
    const keyEnd = skipValue(text, i);
    const name = JSON.parse(text.slice(i, keyEnd)) as string;
    const start = skipSpace(text, skipSpace(text, keyEnd) + 1);
    const end = skipValue(text, start);
    if (name === key) return [start, end];
    i = skipSpace(text, end);
    if (text[i] === ",") i = skipSpace(text, i + 1);
  }
  return undefined;
}

/** Start index of each element of the array starting at `i`. */
function elementStarts(text: string, i: number): number[] {
  i = skipSpace(text, i);
  const out: number[] = [];
  i = skipSpace(text, i + 1);
  while (text[i] !== "]") {
    out.push(i);
    i = skipSpace(text, skipValue(text, i));
    if (text[i] === ",") i = skipSpace(text, i + 1);
  }
  return out;
}

/**
 * Sets the solution metadata in a notebook's text, changing nothing else.
 *
 * @param text The `.ipynb` file's text (as nbformat writes it: indent 1, sorted keys).
 * @returns The new text, which cells changed, and problems found.
 *
 * @example
 * ```ts
 * import { applySolutionMetadata } from "./nb_metadata.ts";
 * import assert from "node:assert/strict";
 *
 * const nb = {
 *   cells: [
 *     { cell_type: "markdown", metadata: {}, source: ["### Solution 1\n", "Yes."] },
 *     { cell_type: "code", execution_count: 1, metadata: {}, outputs: [], source: ["1"] },
 *   ],
 *   metadata: {}, nbformat: 4, nbformat_minor: 5,
 * };
 * const text = JSON.stringify(nb, null, 1) + "\n";
 * const { text: out, changed } = applySolutionMetadata(text);
 * assert.deepEqual(changed, [0, 1]);
 * const cells = JSON.parse(out).cells;
 * assert.deepEqual(cells[0].metadata, { jupyter: { source_hidden: true } });
 * assert.deepEqual(cells[1].metadata, {
 *   collapsed: true, jupyter: { outputs_hidden: true, source_hidden: true },
 * });
 * assert.equal(applySolutionMetadata(out).text, out); // idempotent
 * ```
 */
export function applySolutionMetadata(
  text: string,
): { text: string; changed: number[]; problems: string[] } {
  const nb = JSON.parse(text) as { cells: CellLike[] };
  const plan = planSolutions(nb.cells);
  const cellsRange = memberRange(text, 0, "cells");
  if (!cellsRange) {
    throw new SyntaxError("nb_metadata: the notebook has no cells");
  }
  const starts = elementStarts(text, cellsRange[0]);
  const edits: { start: number; end: number; value: string }[] = [];
  const changed: number[] = [];
  nb.cells.forEach((cell, i) => {
    const want = wantedMetadata(cell, plan.hidden[i] ?? false);
    if (sameJson(want, cell.metadata ?? {})) return;
    changed.push(i);
    const range = memberRange(text, starts[i]!, "metadata");
    if (!range) {
      throw new SyntaxError(`nb_metadata: cell ${i} has no metadata object`);
    }
    // The cell's keys sit at indentation 3 in nbformat's layout (indent=1).
    const lineStart = text.lastIndexOf("\n", range[0]) + 1;
    const depth = text.slice(lineStart).match(/^ */)![0].length;
    edits.push({ start: range[0], end: range[1], value: pyJson(want, depth) });
  });
  let out = text;
  for (const e of edits.reverse()) {
    out = out.slice(0, e.start) + e.value + out.slice(e.end);
  }
  return { text: out, changed, problems: plan.problems };
}

/**
 * The problems `--check` reports for one notebook's text: solution cells that are not
 * hidden, other cells that are, and ambiguous sections.
 *
 * @param text The `.ipynb` file's text.
 * @returns One message per problem; empty when the notebook is as the tool leaves it.
 */
export function checkSolutionMetadata(text: string): string[] {
  const nb = JSON.parse(text) as { cells: CellLike[] };
  const plan = planSolutions(nb.cells);
  const out = [...plan.problems];
  nb.cells.forEach((cell, i) => {
    const hide = plan.hidden[i] ?? false;
    if (sameJson(wantedMetadata(cell, hide), cell.metadata ?? {})) return;
    const first = joinSource(cell.source).split("\n")[0]!.slice(0, 60);
    out.push(
      hide
        ? `cell ${i} ("${first}") is part of a solution but not hidden`
        : `cell ${i} ("${first}") is hidden but not part of a solution`,
    );
  });
  return out;
}

if (import.meta.main) {
  const args = [...Deno.args];
  const check = args.includes("--check");
  const dirAt = args.indexOf("--dir");
  const dir = dirAt >= 0 ? args[dirAt + 1]! : join(ROOT, "notebooks");
  const names = args.filter((a, i) =>
    !a.startsWith("--") && (dirAt < 0 || i !== dirAt + 1)
  );
  const files = [...Deno.readDirSync(dir)]
    .filter((e) => e.isFile && e.name.endsWith(".ipynb"))
    .map((e) => join(dir, e.name))
    .filter((p) => !names.length || names.some((n) => basename(p).includes(n)))
    .sort();
  let bad = 0;
  for (const path of files) {
    const text = await Deno.readTextFile(path);
    const name = basename(path);
    if (check) {
      const problems = checkSolutionMetadata(text);
      if (problems.length) {
        bad++;
        console.log(`[solutions] ${name}: FAILED`);
        for (const p of problems) console.log(`    ${p}`);
      } else {
        console.log(`[solutions] ${name}: solution cells hidden`);
      }
      continue;
    }
    const res = applySolutionMetadata(text);
    for (const p of res.problems) console.log(`[solutions] ${name}: ${p}`);
    if (res.problems.length) bad++;
    if (res.changed.length) {
      await Deno.writeTextFile(path, res.text);
      console.log(
        `[solutions] ${name}: metadata set on cell(s) ${
          res.changed.join(", ")
        }`,
      );
    } else {
      console.log(`[solutions] ${name}: nothing to change`);
    }
  }
  if (check && bad) {
    console.log(
      "[solutions] run `deno run -A tools/nb_metadata.ts` (part of `deno task notebooks`) to hide them",
    );
  }
  console.log(
    `[solutions] ${files.length - bad} passed, ${bad} failed`,
  );
  if (bad) Deno.exit(1);
}
