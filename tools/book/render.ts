/**
 * Renders an executed notebook to a page's content: markdown split at headings,
 * solutions folded, code highlighted, outputs inline, and the page's outline.
 *
 * @module
 */

import type { Cell, Notebook } from "../notebook_runner.ts";
import { joinSource } from "../notebook_runner.ts";
import { escapeHtml } from "./_util.ts";
import {
  type Heading,
  highlight,
  type Markdown,
  newPageEnv,
  type PageEnv,
} from "./markdown.ts";
import { renderOutputs } from "./outputs.ts";
import { sanitize } from "./sanitize.ts";
import {
  figurePlaceholders,
  fillFigureHosts,
  markerNames,
} from "../../figures/embed.ts";

/** A piece of a notebook, after markdown cells are split at their headings. */
type Piece =
  | {
    kind: "markdown";
    text: string;
    cell: number;
    /** Starts with a heading of level 1–3 that is not a solution. */
    sectionStart: boolean;
    /** Starts a solution; the label's inline markdown. */
    solution?: string;
    /** Starts a "Going further" section: its heading's level and markdown. */
    goingFurther?: { level: number; heading: string };
    /** The level of the heading a section starts with. */
    level?: number;
    attachments?: Record<string, string>;
  }
  | { kind: "code"; cell: Cell; index: number };

const SOLUTION_WORD = /^solution\b/i;
const GOING_FURTHER = /^going further\b/i;

/** A piece of a markdown cell, as {@link splitMarkdown} cuts it. */
export interface MarkdownPiece {
  text: string;
  sectionStart: boolean;
  /** The level of the heading a section starts with. */
  level?: number;
  solution?: string;
  goingFurther?: { level: number; heading: string };
}
const BOLD_SOLUTION = /^\s{0,3}(\*\*|__)(Solution\b.*?)\1[ \t]*[.:]?[ \t]*/i;

/**
 * Splits a markdown cell at its top-level headings of level 1–3, at solution headings
 * of any level, and at `**Solution` paragraphs, and says what each piece starts with.
 */
export function splitMarkdown(
  md: Markdown,
  source: string,
): MarkdownPiece[] {
  const lines = source.split("\n");
  const tokens = md.parse(source, {});
  /** Where each piece starts, and where its body starts (after a marker). */
  interface Cut {
    line: number;
    sectionStart: boolean;
    level?: number;
    solution?: string;
    goingFurther?: { level: number; heading: string };
    /** The body's first line: after a heading, or what follows a bold marker. */
    bodyLine: number;
    /** Replaces the text of line `bodyLine` (the rest of a bold marker's line). */
    firstLine?: string;
  }
  const cuts: Cut[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.level !== 0 || !t.map) continue;
    const [begin, finish] = t.map;
    if (t.type === "heading_open") {
      const content = tokens[i + 1]?.content.trim() ?? "";
      const level = Number(t.tag.slice(1));
      if (SOLUTION_WORD.test(content.replace(/^(\*\*|__)/, ""))) {
        cuts.push({
          line: begin,
          sectionStart: false,
          solution: content,
          bodyLine: finish,
        });
      } else if (level <= 3 && GOING_FURTHER.test(content)) {
        cuts.push({
          line: begin,
          sectionStart: true,
          goingFurther: {
            level,
            heading: lines.slice(begin, finish).join("\n"),
          },
          bodyLine: finish,
        });
      } else if (level <= 3) {
        cuts.push({ line: begin, sectionStart: true, level, bodyLine: begin });
      }
    } else if (t.type === "paragraph_open") {
      const first = lines[begin] ?? "";
      const m = BOLD_SOLUTION.exec(first);
      if (!m) continue;
      const rest = first.slice(m[0].length);
      // "**Solution** (exercise 2)" alone on its line: the parenthesis joins the label.
      if (/^\([^)]*\)[.:]?\s*$/.test(rest)) {
        cuts.push({
          line: begin,
          sectionStart: false,
          solution: `${m[2]!} ${rest.trim().replace(/[.:]$/, "")}`,
          bodyLine: begin + 1,
        });
      } else {
        cuts.push({
          line: begin,
          sectionStart: false,
          solution: m[2]!,
          bodyLine: begin,
          firstLine: rest,
        });
      }
    }
  }
  if (!cuts.length || cuts[0]!.line !== 0) {
    cuts.unshift({ line: 0, sectionStart: false, bodyLine: 0 });
  }
  const pieces: MarkdownPiece[] = [];
  for (let c = 0; c < cuts.length; c++) {
    const cut = cuts[c]!;
    const end = c + 1 < cuts.length ? cuts[c + 1]!.line : lines.length;
    const body = lines.slice(cut.bodyLine, end);
    if (cut.firstLine !== undefined && body.length) body[0] = cut.firstLine;
    const text = body.join("\n");
    if (cut.solution !== undefined) {
      pieces.push({ text, sectionStart: false, solution: cut.solution });
    } else if (cut.goingFurther) {
      pieces.push({ text, sectionStart: true, goingFurther: cut.goingFurther });
    } else if (cut.sectionStart || text.trim() !== "") {
      pieces.push({
        text,
        sectionStart: cut.sectionStart,
        ...(cut.level ? { level: cut.level } : {}),
      });
    }
  }
  return pieces;
}

function cellTags(cell: Cell): string[] {
  const tags = cell.metadata?.tags;
  return Array.isArray(tags) ? tags.map(String) : [];
}

function attachmentsOf(cell: Cell): Record<string, string> | undefined {
  const att =
    (cell as { attachments?: Record<string, Record<string, unknown>> })
      .attachments;
  if (!att) return undefined;
  const out: Record<string, string> = {};
  for (const [name, bundle] of Object.entries(att)) {
    const mime = Object.keys(bundle).find((m) => m.startsWith("image/"));
    if (mime) {
      out[name] = `data:${mime};base64,${
        joinSource(bundle[mime] as string | string[]).replace(/\s+/g, "")
      }`;
    }
  }
  return out;
}

/** A rendered notebook: its body, title, summary and outline. */
export interface RenderedNotebook {
  /** The page's main content. */
  html: string;
  /** Plain-text title (the first `#` heading, else the file name). */
  title: string;
  /** The title as inline HTML (may hold math). */
  titleHtml: string;
  /** The first paragraph after the title, as HTML, for the index. */
  summaryHtml: string;
  /** The `##` and `###` headings, for the table of contents. */
  headings: Heading[];
  /**
   * The interactive figures the page holds (marker lines `<!-- figure: NAME -->` of
   * its markdown, see `figures/embed.ts`), in order: the page then needs the figures'
   * script and style sheet ({@link FIGURES_HEAD}).
   */
  figures: string[];
}

/**
 * What a page with interactive figures loads: the figures' style sheet and their one
 * bundle (`figures/main.ts`), both files under `assets/` (the CSP refuses inline
 * scripts).
 */
export const FIGURES_HEAD =
  `<link rel="stylesheet" href="assets/figures.css">\n<script src="assets/figures.js" defer></script>`;

/**
 * Renders markdown with its figure markers: each marker line becomes an empty host
 * before markdown-it, the HTML is sanitised, then each host receives its figure's
 * static rendering (which the sanitiser would strip), made live by `figures.js`.
 *
 * @example
 * ```ts
 * import { createMarkdown, newPageEnv } from "./markdown.ts";
 * import { renderMarkdownWithFigures } from "./render.ts";
 * import assert from "node:assert/strict";
 *
 * const html = renderMarkdownWithFigures(
 *   createMarkdown(),
 *   "Text.\n<!-- figure: efficiency -->\n<script>x()</script>",
 *   newPageEnv(),
 * );
 * assert.match(html, /^<p>Text\.<\/p>\n<div class="fig-host" data-figure-host="efficiency"><figure /);
 * assert.ok(!html.includes("<script"));
 * ```
 */
export function renderMarkdownWithFigures(
  md: Markdown,
  text: string,
  env: PageEnv,
): string {
  return fillFigureHosts(sanitize(md.render(figurePlaceholders(text), env)));
}

/**
 * Renders an executed notebook to HTML.
 *
 * @param md The renderer from {@link createMarkdown}.
 * @param nb The executed notebook.
 * @param name The notebook's file name, for error messages.
 * @returns The page's content and outline.
 * @throws {Error} Naming the notebook and the cell, if a cell cannot be rendered.
 */
export function renderNotebook(
  md: Markdown,
  nb: Notebook,
  name: string,
  options: { chapter?: number; chapters?: Map<number, string> } = {},
): RenderedNotebook {
  const env: PageEnv = newPageEnv(options);
  const pieces: Piece[] = [];
  nb.cells.forEach((cell, index) => {
    if (cellTags(cell).includes("remove-cell")) return;
    if (cell.cell_type === "markdown") {
      const att = attachmentsOf(cell);
      for (const p of splitMarkdown(md, joinSource(cell.source))) {
        pieces.push({
          kind: "markdown",
          cell: index,
          ...p,
          ...(att ? { attachments: att } : {}),
        });
      }
    } else if (cell.cell_type === "code") {
      pieces.push({ kind: "code", cell, index });
    }
  });

  const out: string[] = [];
  const figures: string[] = [];
  let inSolution = false;
  /** The level of the open "Going further" section's heading, if one is open. */
  let furtherLevel: number | null = null;
  const close = () => {
    if (inSolution) out.push(`</div></details>`);
    inSolution = false;
  };
  const closeFurther = () => {
    close();
    if (furtherLevel !== null) out.push(`</div></details>`);
    furtherLevel = null;
  };
  for (const p of pieces) {
    const cellIndex = p.kind === "code" ? p.index : p.cell;
    try {
      if (p.kind === "markdown") {
        if (p.attachments) env.attachments = p.attachments;
        else delete env.attachments;
        if (p.solution !== undefined) {
          close();
          const label = sanitize(md.renderInline(
            p.solution.replace(/^(\*\*|__)(.*)\1$/, "$2"),
            env,
          ));
          out.push(
            `<details class="solution"><summary>${label}</summary><div class="solution-body">`,
          );
          inSolution = true;
        } else if (p.goingFurther) {
          closeFurther();
          out.push(
            `<div class="cell markdown">${
              sanitize(md.render(p.goingFurther.heading, env))
            }</div>`,
            `<details class="going-further"><summary>Optional: open this section to read it</summary><div class="going-further-body">`,
          );
          furtherLevel = p.goingFurther.level;
        } else if (p.sectionStart) {
          close();
          if (furtherLevel !== null && (p.level ?? 1) <= furtherLevel) {
            closeFurther();
          }
        }
        if (p.text.trim()) {
          figures.push(...markerNames(p.text));
          out.push(
            `<div class="cell markdown">${
              renderMarkdownWithFigures(md, p.text, env)
            }</div>`,
          );
        }
      } else {
        const tags = cellTags(p.cell);
        const source = joinSource(p.cell.source);
        const showInput = !tags.includes("hide-input") &&
          !tags.includes("remove-input") &&
          source.trim() !== "";
        const input = showInput
          ? `<pre class="source"><code class="hljs language-typescript">${
            highlight(source.replace(/\s+$/, ""), "typescript")
          }</code></pre>`
          : "";
        const outputs = renderOutputs(md, env, p.cell.outputs ?? []);
        if (input || outputs) {
          out.push(
            `<div class="cell code">${input}${
              outputs ? `<div class="outputs">${outputs}</div>` : ""
            }</div>`,
          );
        }
      }
    } catch (e) {
      const msg = e instanceof Error ? e.message : String(e);
      throw new Error(`${name}: cell ${cellIndex}: ${msg}`);
    }
  }
  closeFurther();

  const h1 = env.headings.find((h) => h.level === 1);
  const title = h1?.text || name.replace(/\.ipynb$/, "");
  // The summary: the first paragraph of the first markdown cell after the title.
  let summaryHtml = "";
  for (const cell of nb.cells) {
    if (cell.cell_type !== "markdown") continue;
    const tokens = md.parse(joinSource(cell.source), {});
    const i = tokens.findIndex((t) =>
      t.type === "paragraph_open" && t.level === 0
    );
    if (i >= 0) {
      summaryHtml = sanitize(md.renderer.renderInline(
        tokens[i + 1]?.children ?? [],
        md.options,
        newPageEnv(),
      ));
      break;
    }
  }
  return {
    html: out.join("\n"),
    title,
    titleHtml: h1?.html ?? escapeHtml(title),
    summaryHtml,
    headings: env.headings.filter((h) => h.level === 2 || h.level === 3),
    figures,
  };
}
