/**
 * The chapters' teaching targets (issue 12), measured per notebook:
 *
 * - words of prose on the core path: markdown outside sections headed "Exercises",
 *   "Solution…" or "Going further" (a section runs to the next heading of the same
 *   or a higher level), without code, maths, HTML tags or link targets;
 * - the longest code cell, in lines, and the cells over 30 lines;
 * - calls of `toFixed`, `toExponential`, `toPrecision`; non-null assertions (`x!`);
 *   `[...].join("\n")` print blocks: counted on the syntax tree by Deno's own
 *   parser (a `deno lint` plugin, tools/_nb_metrics_plugin.ts), not by a regex.
 *
 * {@link checkTargets} lists what misses the targets; `tools/check_notebooks.ts`
 * prints the report always and enforces the targets with `--targets`.
 *
 * @module
 */

import { join, relative } from "node:path";
import { table } from "../lib/format.ts";
import { joinSource, ROOT } from "./notebook_runner.ts";

/** The targets of issue 12. */
export const TARGETS = {
  /** Words of prose on each chapter's core path, at most. */
  wordsPerChapter: 1800,
  /** Lines of one code cell, at most. */
  cellLines: 30,
  /** `[...].join("\n")` print blocks in all notebooks, at most. */
  joinBlocks: 0,
  /** `toFixed`/`toExponential`/`toPrecision` calls in all notebooks, at most. */
  toFixedTotal: 54,
  /** Non-null assertions in all notebooks, at most. */
  nonNullTotal: 20,
} as const;

/** What the report measured in one notebook. */
export interface NotebookReport {
  name: string;
  /** Words of prose on the core path. */
  words: number;
  /** The longest code cell: its index and its number of lines. */
  longest: { cell: number; lines: number } | undefined;
  /** Code cells over {@link TARGETS.cellLines} lines: index and lines. */
  longCells: { cell: number; lines: number }[];
  /** Cells and counts of toFixed-family calls. */
  toFixed: Map<number, number>;
  /** Cells and counts of non-null assertions. */
  nonNull: Map<number, number>;
  /** Cells and counts of `[...].join("\n")` blocks. */
  joinBlocks: Map<number, number>;
}

/** A notebook, as far as the report reads it. */
export interface NotebookLike {
  cells: { cell_type: string; source: string | string[] }[];
}

const OFF_PATH = /^(exercises?|solutions?|going further)\b/i;

/** Words in a piece of markdown prose: code, maths, tags and link targets left out. */
export function countWords(markdown: string): number {
  const text = markdown
    .replace(/^\s{0,3}(`{3,}|~{3,})[\s\S]*?^\s{0,3}\1[^\n]*$/gm, " ")
    .replace(/(`+)[^`][\s\S]*?\1/g, " ")
    .replace(/\\\$/g, " ")
    .replace(/\$\$[\s\S]*?\$\$/g, " ")
    .replace(/\$(?:[^\s\\$]|\S[\s\S]*?[^\s\\])\$/g, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/\]\([^)]*\)/g, " ")
    .replace(/^\s{0,3}#{1,6}\s/gm, " ");
  return (text.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu) ?? []).length;
}

/**
 * Words of prose on a notebook's core path: markdown outside sections headed
 * Exercises, Solution… or Going further.
 *
 * @param notebook The notebook.
 * @returns The word count.
 */
export function corePathWords(notebook: NotebookLike): number {
  let offLevel: number | undefined;
  let words = 0;
  for (const cell of notebook.cells) {
    if (cell.cell_type !== "markdown") continue;
    let fence: string | undefined;
    let segment: string[] = [];
    const flush = () => {
      if (offLevel === undefined) words += countWords(segment.join("\n"));
      segment = [];
    };
    for (const line of joinSource(cell.source).split("\n")) {
      const f = /^\s{0,3}(`{3,}|~{3,})/.exec(line)?.[1];
      if (f && (fence === undefined || f.startsWith(fence))) {
        fence = fence === undefined ? f : undefined;
      }
      const h = fence === undefined
        ? /^\s{0,3}(#{1,6})\s+(.*)$/.exec(line)
        : null;
      if (h) {
        flush();
        const level = (h[1] as string).length;
        const title = (h[2] as string).replace(/^[\d.]+\s*/, "").replace(
          /^[*_]+/,
          "",
        );
        if (offLevel !== undefined && level <= offLevel) offLevel = undefined;
        if (offLevel === undefined && OFF_PATH.test(title)) offLevel = level;
      }
      segment.push(line);
    }
    flush();
  }
  return words;
}

interface LintDiagnostic {
  filename: string;
  code: string;
}

/**
 * Counts, per code cell, the syntax the plugin marks.
 *
 * @returns Per rule (`non-null`, `to-fixed`, `join-print`), cell index to count.
 */
async function syntaxCounts(
  name: string,
  notebook: NotebookLike,
): Promise<Record<string, Map<number, number>>> {
  await Deno.mkdir(join(ROOT, ".build"), { recursive: true });
  const dir = await Deno.makeTempDir({
    dir: join(ROOT, ".build"),
    prefix: "nbreport-",
  });
  try {
    return await countIn(dir, name, notebook);
  } finally {
    await Deno.remove(dir, { recursive: true }).catch(() => {});
  }
}

async function countIn(
  dir: string,
  name: string,
  notebook: NotebookLike,
): Promise<Record<string, Map<number, number>>> {
  const files: string[] = [];
  for (const [i, cell] of notebook.cells.entries()) {
    if (cell.cell_type !== "code") continue;
    const file = join(dir, `cell_${String(i).padStart(3, "0")}.ts`);
    await Deno.writeTextFile(file, joinSource(cell.source) + "\nexport {};\n");
    files.push(file);
  }
  const counts: Record<string, Map<number, number>> = {
    "non-null": new Map(),
    "to-fixed": new Map(),
    "join-print": new Map(),
  };
  if (files.length === 0) return counts;
  const config = join(dir, "deno.json");
  const plugin = relative(dir, join(ROOT, "tools", "_nb_metrics_plugin.ts"));
  await Deno.writeTextFile(
    config,
    JSON.stringify({
      lint: { plugins: [`./${plugin}`], rules: { tags: [] } },
    }),
  );
  const out = await new Deno.Command(Deno.execPath(), {
    args: ["lint", "--config", config, "--json", ...files],
    cwd: ROOT,
    env: { NO_COLOR: "1" },
    stdout: "piped",
    stderr: "piped",
  }).output();
  const text = new TextDecoder().decode(out.stdout);
  let parsed: { diagnostics: LintDiagnostic[]; errors?: unknown[] };
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new Error(
      `${name}: deno lint did not report JSON:\n${text}${
        new TextDecoder().decode(out.stderr)
      }`,
    );
  }
  if (parsed.errors && parsed.errors.length > 0) {
    throw new Error(
      `${name}: deno lint could not parse a cell: ${
        JSON.stringify(parsed.errors)
      }`,
    );
  }
  for (const d of parsed.diagnostics) {
    const rule = d.code.replace(/^nb-metrics\//, "");
    const cell = Number(/cell_(\d+)\.ts$/.exec(d.filename)?.[1]);
    const map = counts[rule];
    if (map && Number.isInteger(cell)) map.set(cell, (map.get(cell) ?? 0) + 1);
  }
  return counts;
}

/**
 * Measures one notebook.
 *
 * @param name The notebook's file name.
 * @param notebook The notebook.
 * @returns Its report.
 */
export async function reportNotebook(
  name: string,
  notebook: NotebookLike,
): Promise<NotebookReport> {
  const sizes = notebook.cells.flatMap((c, cell) =>
    c.cell_type === "code"
      ? [{
        cell,
        lines: joinSource(c.source).replace(/\n$/, "").split("\n").length,
      }]
      : []
  );
  const longest = sizes.reduce<{ cell: number; lines: number } | undefined>(
    (best, s) => (best === undefined || s.lines > best.lines ? s : best),
    undefined,
  );
  const counts = await syntaxCounts(name, notebook);
  return {
    name,
    words: corePathWords(notebook),
    longest,
    longCells: sizes.filter((s) => s.lines > TARGETS.cellLines),
    toFixed: counts["to-fixed"] as Map<number, number>,
    nonNull: counts["non-null"] as Map<number, number>,
    joinBlocks: counts["join-print"] as Map<number, number>,
  };
}

const total = (m: Map<number, number>) =>
  [...m.values()].reduce((a, b) => a + b, 0);
const cells = (m: Map<number, number>) =>
  [...m.entries()].map(([c, n]) => (n > 1 ? `${c} (${n})` : `${c}`)).join(", ");

/**
 * Prints the report: one row per notebook and a total.
 *
 * @param reports The notebooks' reports.
 */
export function printReport(reports: NotebookReport[]): void {
  const rows = reports.map((r) => ({
    notebook: r.name,
    "core words": r.words,
    "longest cell": r.longest
      ? `${r.longest.lines} (cell ${r.longest.cell})`
      : "",
    "cells > 30 lines": r.longCells.length,
    "toFixed etc.": total(r.toFixed),
    "x!": total(r.nonNull),
    'join("\\n")': total(r.joinBlocks),
  }));
  rows.push({
    notebook: "all",
    "core words": reports.reduce((a, r) => a + r.words, 0),
    "longest cell": "",
    "cells > 30 lines": reports.reduce((a, r) => a + r.longCells.length, 0),
    "toFixed etc.": reports.reduce((a, r) => a + total(r.toFixed), 0),
    "x!": reports.reduce((a, r) => a + total(r.nonNull), 0),
    'join("\\n")': reports.reduce((a, r) => a + total(r.joinBlocks), 0),
  });
  console.log(
    table(rows, {
      title:
        `[check] report: the chapters against issue 12's targets (core words <= ${TARGETS.wordsPerChapter} each; cells <= ${TARGETS.cellLines} lines; toFixed etc. <= ${TARGETS.toFixedTotal} and x! <= ${TARGETS.nonNullTotal} in all; no join("\\n") blocks)`,
    }).text,
  );
}

/**
 * What misses issue 12's targets, one message each (naming notebook and cells).
 *
 * @param reports The notebooks' reports.
 * @returns The messages; empty when every target holds.
 */
export function checkTargets(reports: NotebookReport[]): string[] {
  const out: string[] = [];
  for (const r of reports) {
    if (r.words > TARGETS.wordsPerChapter) {
      out.push(
        `${r.name}: ${r.words} words on the core path (at most ${TARGETS.wordsPerChapter}; move depth under "## Going further")`,
      );
    }
    if (r.longCells.length) {
      out.push(
        `${r.name}: code cell(s) over ${TARGETS.cellLines} lines: ${
          r.longCells.map((s) => `${s.cell} (${s.lines})`).join(", ")
        }`,
      );
    }
    if (total(r.joinBlocks) > TARGETS.joinBlocks) {
      out.push(
        `${r.name}: [...].join("\\n") print blocks in cell(s) ${
          cells(r.joinBlocks)
        } (use fmt or table)`,
      );
    }
  }
  const fixed = reports.reduce((a, r) => a + total(r.toFixed), 0);
  if (fixed > TARGETS.toFixedTotal) {
    out.push(
      `all notebooks: ${fixed} toFixed/toExponential/toPrecision calls (at most ${TARGETS.toFixedTotal}): ${
        reports.filter((r) => r.toFixed.size).map((r) =>
          `${r.name} ${total(r.toFixed)}`
        ).join(", ")
      }`,
    );
  }
  const bang = reports.reduce((a, r) => a + total(r.nonNull), 0);
  if (bang > TARGETS.nonNullTotal) {
    out.push(
      `all notebooks: ${bang} non-null assertions (at most ${TARGETS.nonNullTotal}): ${
        reports.filter((r) => r.nonNull.size).map((r) =>
          `${r.name} ${total(r.nonNull)}`
        ).join(", ")
      }`,
    );
  }
  return out;
}
