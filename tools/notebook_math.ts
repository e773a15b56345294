/**
 * Checks the maths of notebooks' markdown cells, with the reading edition's own
 * markdown reader (`createMarkdown()` of `tools/book.ts`: markdown-it with
 * markdown-it-texmath's `$…$` and `$$…$$` rules), so what passes here is what the
 * edition typesets:
 *
 * - every formula the reader finds typesets under KaTeX with `throwOnError` (and the
 *   edition's other KaTeX options);
 * - every `$$ … $$` pair in the cell's text is read as one display formula: none is
 *   left open, none contains a blank line (which ends a markdown paragraph and
 *   splits the formula), and none is read as anything but maths;
 * - no `$` is left as text (a formula the reader does not see, such as `$ x$`; a
 *   literal dollar is written `\$`).
 *
 * Code (fenced blocks and inline code spans) is left out, and so is an escaped `\$`.
 *
 * @module
 */

import katex from "katex";
import { createMarkdown } from "./book.ts";

/** One problem with one formula of one cell. */
export interface MathProblem {
  /** 1-based line of the cell where the formula starts. */
  line: number;
  /** The formula's source (without its delimiters), trimmed. */
  formula: string;
  /** What is wrong. */
  problem: string;
}

/** The KaTeX options the reading edition renders with (tools/book/markdown.ts). */
const KATEX_OPTIONS = {
  throwOnError: true,
  output: "htmlAndMathml",
  strict: "ignore",
} as const;

interface MathToken {
  content: string;
  display: boolean;
  line: number;
}

/** A token as markdown-it gives it (only the fields read here). */
interface TokenLike {
  type: string;
  content: string;
  map: [number, number] | null;
  children: TokenLike[] | null;
}

let markdown: ReturnType<typeof createMarkdown> | undefined;

/** The formulas the edition's markdown reader finds in `source`. */
function mathTokens(source: string): MathToken[] {
  markdown ??= createMarkdown();
  const tokens = markdown.parse(source, {}) as unknown as TokenLike[];
  const out: MathToken[] = [];
  for (const t of tokens) {
    const line = (t.map?.[0] ?? 0) + 1;
    if (t.type === "math_block" || t.type === "math_block_eqno") {
      out.push({ content: t.content, display: true, line });
    }
    for (const c of t.children ?? []) {
      if (c.type === "math_inline" || c.type === "math_inline_double") {
        out.push({
          content: c.content,
          display: c.type === "math_inline_double",
          line,
        });
      }
    }
  }
  return out;
}

/**
 * `source` with code blanked out (same length and line breaks): fenced code blocks,
 * indented code is not used by the notebooks, and inline code spans.
 */
function withoutCode(source: string): string {
  const lines = source.split("\n");
  let fence: string | undefined;
  const kept = lines.map((line) => {
    const m = /^\s{0,3}(`{3,}|~{3,})/.exec(line);
    if (fence === undefined && m) {
      fence = m[1];
      return " ".repeat(line.length);
    }
    if (fence !== undefined) {
      if (
        m && (m[1] as string)[0] === fence[0] &&
        (m[1] as string).length >= fence.length
      ) {
        fence = undefined;
      }
      return " ".repeat(line.length);
    }
    return line;
  });
  return kept.join("\n").replace(
    /(`+)[^`][\s\S]*?\1/g,
    (span) => span.replace(/[^\n]/g, " "),
  );
}

const lineOf = (text: string, index: number) =>
  text.slice(0, index).split("\n").length;

/** A formula for a message: trimmed, lines joined, at most 80 characters. */
export function shortFormula(tex: string): string {
  const s = tex.trim().replace(/\s*\n\s*/g, " ");
  return s.length > 80 ? s.slice(0, 77) + "..." : s;
}

/**
 * The maths problems of one markdown cell.
 *
 * @param source The cell's markdown.
 * @returns One entry per damaged formula; empty when every formula typesets.
 */
export function markdownMathProblems(source: string): MathProblem[] {
  const problems: MathProblem[] = [];
  const tokens = mathTokens(source);
  for (const t of tokens) {
    try {
      katex.renderToString(t.content, {
        ...KATEX_OPTIONS,
        displayMode: t.display,
      });
    } catch (e) {
      const msg = e instanceof Error ? e.message : String(e);
      problems.push({
        line: t.line,
        formula: shortFormula(t.content),
        problem: `KaTeX cannot typeset it: ${msg.split("\n")[0]}`,
      });
    }
  }

  // Every $$ ... $$ in the text: paired, without a blank line, read as maths.
  const text = withoutCode(source);
  const at: number[] = [];
  const re = /(?<!\\)\$\$/g;
  for (let m = re.exec(text); m; m = re.exec(text)) at.push(m.index);
  const displays = tokens.filter((t) => t.display).map((t) => t.content.trim());
  for (let k = 0; k + 1 < at.length; k += 2) {
    const start = at[k] as number, end = at[k + 1] as number;
    const body = source.slice(start + 2, end);
    const line = lineOf(source, start);
    if (/\n[ \t]*\n/.test(body)) {
      const blank = lineOf(source, start + 2 + body.search(/\n[ \t]*\n/)) + 1;
      problems.push({
        line,
        formula: shortFormula(body),
        problem:
          `the display block contains a blank line (line ${blank}), which ends the paragraph and splits the formula`,
      });
    } else if (!displays.includes(body.trim())) {
      problems.push({
        line,
        formula: shortFormula(body),
        problem: "this $$ … $$ block is not read as one display formula",
      });
    }
  }
  // A `$` the reader leaves as text is a formula that does not typeset (or a dollar
  // sign that needs its escape, `\$`).
  const pairLines: [number, number][] = [];
  for (let k = 0; k + 1 < at.length; k += 2) {
    pairLines.push([
      lineOf(source, at[k] as number),
      lineOf(source, at[k + 1] as number),
    ]);
  }
  if (at.length % 2 === 1) {
    pairLines.push([lineOf(source, at[at.length - 1] as number), Infinity]);
  }
  const inPair = (line: number) =>
    pairLines.some(([a, b]) => line >= a && line <= b);
  for (const line of strayDollars(source)) {
    if (inPair(line)) continue; // reported above, with its display block
    problems.push({
      line,
      formula: shortFormula(source.split("\n")[line - 1] ?? ""),
      problem:
        "a $ is left as text: the formula around it is not read as maths (a space after the opening $ or before the closing one?); write a literal dollar as \\$",
    });
  }
  if (at.length % 2 === 1) {
    const start = at[at.length - 1] as number;
    problems.push({
      line: lineOf(source, start),
      formula: shortFormula(source.slice(start + 2, start + 82)),
      problem: "$$ opens a display block that is never closed",
    });
  }
  return problems;
}

/**
 * Lines holding a `$` that the edition's reader leaves as plain text: outside every
 * formula, code span, code block and HTML, and not escaped (`\$`).
 */
function strayDollars(source: string): number[] {
  markdown ??= createMarkdown();
  // Escaped dollars become text too; hide them first (same length, same lines).
  const hidden = source.replace(/\\\$/g, "\\\uE000");
  const tokens = markdown.parse(hidden, {}) as unknown as TokenLike[];
  const lines = new Set<number>();
  for (const t of tokens) {
    for (const c of t.children ?? []) {
      if (c.type === "text" && c.content.includes("$")) {
        lines.add((t.map?.[0] ?? 0) + 1);
      }
    }
  }
  return [...lines];
}

/** A notebook's cells, as far as this check reads them. */
export interface NotebookLike {
  cells: { cell_type: string; source: string | string[] }[];
}

/**
 * The maths problems of every markdown cell of a notebook, as messages naming the
 * notebook, the cell (0-based index among all cells), the line and the formula.
 *
 * @param name The notebook's file name, for the messages.
 * @param notebook The notebook.
 * @returns The messages; empty when every formula is sound.
 */
export function notebookMathProblems(
  name: string,
  notebook: NotebookLike,
): string[] {
  const out: string[] = [];
  notebook.cells.forEach((cell, index) => {
    if (cell.cell_type !== "markdown") return;
    const source = Array.isArray(cell.source)
      ? cell.source.join("")
      : cell.source;
    for (const p of markdownMathProblems(source)) {
      out.push(
        `${name} cell ${index}, line ${p.line}: ${p.problem}: ${p.formula}`,
      );
    }
  });
  return out;
}
