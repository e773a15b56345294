/**
 * Builds the reading edition: a self-contained, offline HTML book of the executed
 * notebooks, plus the MLE and MAP explorer, in `site/`.
 *
 * What it does, in order:
 *
 * 1. Executes each notebook of `notebooks/` in the Deno kernel (`notebook_runner.ts`),
 *    unless `.build/cache/` holds an executed copy with the same content hash. The hash
 *    covers the notebook file, every file under `lib/` and `data/`, `deno.json`,
 *    `deno.lock`, the notebook runner and the Deno version, so changing any of them
 *    re-executes what depends on it, and nothing else.
 * 2. Renders every page: markdown with markdown-it, math with KaTeX at build time,
 *    code with highlight.js, every output inline (SVG charts, HTML tables, text, PNG).
 * 3. Bundles the explorer (`explorer/main.ts`, with the library) with `deno bundle`.
 * 4. Copies KaTeX's CSS and fonts and the book's CSS and script next to the pages,
 *    checks that no page loads anything from outside the folder, and only then
 *    swaps the new edition in. A failing notebook stops the build, names the notebook,
 *    the cell and the error, exits non-zero and leaves the previous edition intact.
 *
 * ## Conventions for notebook authors
 *
 * - The notebook's first `# ` heading is the chapter's title; the first paragraph after
 *   it is the chapter's summary on the index page. `##` and `###` headings make the
 *   page's table of contents.
 * - Math: `$...$` inline and `$$...$$` displayed (on its own lines or inline), as in
 *   Jupyter. A formula KaTeX cannot parse stops the build and names the cell. Write a
 *   literal dollar as `\$`.
 * - **Solutions** are collapsed until the reader opens them. A solution starts at a
 *   markdown heading whose text starts with the word "Solution" (`### Solution`,
 *   `#### Solution to exercise 2`) or at a paragraph whose first line starts with
 *   `**Solution` (`**Solution.**`, `**Solution** (exercise 2)`). Everything after it,
 *   markdown and code cells with their outputs, goes inside the same collapsed block
 *   until the next heading of level 1 to 3 that is not itself a solution (for instance
 *   `### Exercise 3` or `## Summary`), or the end of the notebook. Use `####` headings
 *   inside a solution if it needs them. The marker's text becomes the block's label.
 * - Cell tags (cell metadata `tags`): `remove-cell` leaves the cell out of the book,
 *   `hide-input` shows only the cell's outputs.
 * - Links to another notebook (`02_mle.ipynb#section`) point to its page.
 *
 * Usage: `deno run -A tools/book.ts [--out=site] [--notebooks=notebooks]
 * [--cache=.build/cache] [--force]`
 *
 * @module
 */

import MarkdownIt from "markdown-it";
import type { MarkdownIt as Markdown, StateCore, Token } from "markdown-it";
import texmath from "markdown-it-texmath";
import katex from "katex";
import hljs from "highlight.js/lib/core";
import bash from "highlight.js/lib/languages/bash";
import css from "highlight.js/lib/languages/css";
import javascript from "highlight.js/lib/languages/javascript";
import json from "highlight.js/lib/languages/json";
import markdown from "highlight.js/lib/languages/markdown";
import plaintext from "highlight.js/lib/languages/plaintext";
import python from "highlight.js/lib/languages/python";
import shell from "highlight.js/lib/languages/shell";
import typescript from "highlight.js/lib/languages/typescript";
import xml from "highlight.js/lib/languages/xml";
import { createHash } from "node:crypto";
import { basename, dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { Cell, Notebook, Output } from "./notebook_runner.ts";

/** Root of the repository. */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");

/** The page template, style sheet, script and index text. */
export const BOOK_DIR = join(ROOT, "tools", "book");

/** The book's title, on every page. */
export const BOOK_TITLE = "Estimation theory, by running it";

/** Bump to invalidate every cached notebook when the cache's format changes. */
const CACHE_VERSION = "book-cache-1";

/** Files and folders (relative to the root) that every notebook's execution depends on. */
export const SHARED_INPUTS = [
  "lib",
  "data",
  "deno.json",
  "deno.lock",
  "tools/notebook_runner.ts",
  "tools/nbexec.py",
];

/** Runs one notebook and returns it executed; throws naming the notebook, cell and error. */
export type Executor = (path: string) => Promise<Notebook>;

/** Options of {@link buildBook}. */
export interface BuildOptions {
  /** Repository root: where `lib/`, `deno.lock`, `explorer/` are. Defaults to this repo. */
  root?: string;
  /** Folder of the `.ipynb` files. Defaults to `<root>/notebooks`. */
  notebooksDir?: string;
  /** Output folder, replaced as a whole at the end. Defaults to `<root>/site`. */
  outDir?: string;
  /** Executed-notebook cache. Defaults to `<root>/.build/cache`. */
  cacheDir?: string;
  /** Runs a notebook. Defaults to the Deno kernel through `notebook_runner.ts`. */
  execute?: Executor;
  /** Re-execute every notebook even when cached. */
  force?: boolean;
  /** Build the explorer page and its bundle. Defaults to true. */
  explorer?: boolean;
  /** Where progress lines go. Defaults to `console.log`. */
  log?: (line: string) => void;
}

/** What {@link buildBook} did. */
export interface BuildReport {
  /** Per notebook: its file name and whether it was taken from the cache. */
  notebooks: { name: string; cached: boolean; seconds: number }[];
  /** The pages written, relative to the output folder. */
  pages: string[];
  /** Wall time of the whole build, in seconds. */
  seconds: number;
}

// ---------------------------------------------------------------------------------
// Small helpers
// ---------------------------------------------------------------------------------

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

function joinSource(s: string | string[] | undefined): string {
  if (s === undefined) return "";
  return Array.isArray(s) ? s.join("") : s;
}

function stripAnsi(s: string): string {
  // deno-lint-ignore no-control-regex
  return s.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, "");
}

async function exists(path: string): Promise<boolean> {
  try {
    await Deno.lstat(path);
    return true;
  } catch (e) {
    if (e instanceof Deno.errors.NotFound) return false;
    throw e;
  }
}

/** Every file under `path` (or `path` itself), sorted, as paths relative to `base`. */
async function listFiles(base: string, path: string): Promise<string[]> {
  const full = join(base, path);
  let info: Deno.FileInfo;
  try {
    info = await Deno.stat(full);
  } catch (e) {
    if (e instanceof Deno.errors.NotFound) return [];
    throw e;
  }
  if (info.isFile) return [path];
  const out: string[] = [];
  const entries: string[] = [];
  for await (const e of Deno.readDir(full)) entries.push(e.name);
  for (const name of entries.sort()) {
    if (name === "__pycache__" || name.startsWith(".")) continue;
    out.push(...await listFiles(base, join(path, name)));
  }
  return out;
}

/**
 * A SHA-256 over the named files and folders (their relative paths and bytes), plus
 * extra strings. A missing input hashes as missing, so creating it changes the hash.
 */
async function hashInputs(
  base: string,
  inputs: string[],
  extra: string[] = [],
): Promise<string> {
  const h = createHash("sha256");
  for (const x of extra) h.update(`extra\0${x}\0`);
  for (const input of inputs) {
    const files = await listFiles(base, input);
    if (files.length === 0) h.update(`missing\0${input}\0`);
    for (const f of files) {
      h.update(`file\0${f}\0`);
      h.update(await Deno.readFile(join(base, f)));
      h.update("\0");
    }
  }
  return h.digest("hex");
}

function seconds(t0: number): string {
  return ((performance.now() - t0) / 1000).toFixed(1);
}

/** A slug for a heading id: lower case, ASCII letters and digits, dashes. */
export function slugify(text: string): string {
  const s = text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
    .replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
  return s || "section";
}

// ---------------------------------------------------------------------------------
// Markdown, math and code
// ---------------------------------------------------------------------------------

/** A heading collected while rendering, for the page's table of contents. */
interface Heading {
  level: number;
  id: string;
  html: string;
  text: string;
}

/** The part of markdown-it-texmath's (untyped) module that is adjusted here. */
interface TexmathModule {
  rules: { dollars: { inline: { name: string; rex: RegExp }[] } };
}

/** Per-page rendering state, passed to markdown-it as its `env`. */
interface PageEnv {
  [key: string | symbol]: unknown;
  ids: Set<string>;
  headings: Heading[];
  /** Cell attachments, `attachment:name` → data URI. */
  attachments?: Record<string, string>;
}

function renderMath(tex: string, displayMode: boolean): string {
  try {
    return katex.renderToString(tex, {
      displayMode,
      throwOnError: true,
      output: "htmlAndMathml",
      strict: "ignore",
    });
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    throw new Error(
      `KaTeX cannot render ${JSON.stringify(tex.trim())}: ${msg}`,
    );
  }
}

// Only the languages a notebook shows (loading all of highlight.js's costs half a second).
for (
  const [name, lang] of Object.entries({
    bash,
    css,
    javascript,
    json,
    markdown,
    plaintext,
    python,
    shell,
    typescript,
    xml,
  })
) hljs.registerLanguage(name, lang);

/** Highlights code with highlight.js; unknown languages are only escaped. */
export function highlight(code: string, language: string): string {
  const lang = language.trim().toLowerCase() || "typescript";
  if (hljs.getLanguage(lang)) {
    return hljs.highlight(code, { language: lang, ignoreIllegals: true }).value;
  }
  return escapeHtml(code);
}

function plainText(tokens: Token[] | null): string {
  let s = "";
  for (const t of tokens ?? []) {
    if (t.type === "text" || t.type === "code_inline") s += t.content;
    else if (t.type.startsWith("math")) s += t.content;
    else if (t.children) s += plainText(t.children);
  }
  return s;
}

/** The markdown renderer: CommonMark + tables, KaTeX math, highlighted fences, heading ids. */
export function createMarkdown(): Markdown {
  const md: Markdown = new MarkdownIt({
    html: true,
    linkify: false,
    typographer: false,
    highlight: (code: string, lang: string) =>
      `<pre class="source"><code class="hljs language-${
        escapeHtml(lang || "text")
      }">${highlight(code, lang || "text")}</code></pre>`,
  });
  // markdown-it-texmath finds $...$ and $$...$$ before markdown's escapes and emphasis
  // see them; its default templates wrap display math in <section> (invalid inside a
  // <p>), so the rendering rules are replaced by KaTeX's own markup.
  // Its inline `$...$` stops at a line break, where Jupyter's does not: a formula
  // wrapped over two lines of a paragraph would stay raw, so the rule may span lines
  // (never paragraphs: inline rules only see one block's text).
  const inline = (texmath as TexmathModule).rules.dollars.inline.find((r) =>
    r.name === "math_inline"
  );
  if (inline) inline.rex = /\$((?:[^\s\\])|(?:\S[\s\S]*?[^\s\\]))\$/gy;
  md.use(texmath, { engine: katex, delimiters: "dollars" });
  md.renderer.rules.math_inline = (tokens, idx) =>
    renderMath(tokens[idx]!.content, false);
  md.renderer.rules.math_inline_double = (tokens, idx) =>
    renderMath(tokens[idx]!.content, true);
  md.renderer.rules.math_block = (tokens, idx) =>
    `<div class="math-display">${
      renderMath(tokens[idx]!.content, true)
    }</div>\n`;
  md.renderer.rules.math_block_eqno = (tokens, idx) =>
    `<div class="math-display eqno">${
      renderMath(tokens[idx]!.content, true)
    }<span class="eqno-label">(${
      escapeHtml(tokens[idx]!.info)
    })</span></div>\n`;

  // Heading ids (unique per page) and the page's outline.
  md.core.ruler.push("heading_ids", (state: StateCore) => {
    const env = state.env as Partial<PageEnv>;
    if (!env.ids || !env.headings) return;
    const tokens = state.tokens;
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!;
      if (t.type !== "heading_open") continue;
      const inline = tokens[i + 1];
      const text = plainText(inline?.children ?? null).trim();
      let id = slugify(text);
      for (let n = 2; env.ids.has(id); n++) id = `${slugify(text)}-${n}`;
      env.ids.add(id);
      t.attrSet("id", id);
      env.headings.push({
        level: Number(t.tag.slice(1)),
        id,
        text,
        html: inline
          ? md.renderer.renderInline(inline.children ?? [], md.options, env)
          : "",
      });
    }
  });

  // Links to notebooks point to their pages; images may be cell attachments.
  const defaultLink = md.renderer.rules.link_open ??
    ((tokens, idx, options, _env, self) =>
      self.renderToken(tokens, idx, options));
  md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
    const t = tokens[idx]!;
    const href = String(t.attrGet("href") ?? "");
    if (href && !/^[a-z][a-z0-9+.-]*:/i.test(href)) {
      t.attrSet(
        "href",
        href.replace(/(^|\/)([^/#?]+)\.ipynb(?=$|[#?])/, "$1$2.html"),
      );
    }
    return defaultLink(tokens, idx, options, env, self);
  };
  const defaultImage = md.renderer.rules.image!;
  md.renderer.rules.image = (tokens, idx, options, env, self) => {
    const t = tokens[idx]!;
    const src = String(t.attrGet("src") ?? "");
    const att = (env as Partial<PageEnv>).attachments;
    if (src.startsWith("attachment:") && att) {
      const uri = att[src.slice("attachment:".length)];
      if (uri) t.attrSet("src", uri);
    }
    return defaultImage(tokens, idx, options, env, self);
  };
  return md;
}

// ---------------------------------------------------------------------------------
// Notebook → HTML
// ---------------------------------------------------------------------------------

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
    attachments?: Record<string, string>;
  }
  | { kind: "code"; cell: Cell; index: number };

const SOLUTION_WORD = /^solution\b/i;
const BOLD_SOLUTION = /^\s{0,3}(\*\*|__)(Solution\b.*?)\1[ \t]*[.:]?[ \t]*/i;

/**
 * Splits a markdown cell at its top-level headings of level 1–3, at solution headings
 * of any level, and at `**Solution` paragraphs, and says what each piece starts with.
 */
export function splitMarkdown(
  md: Markdown,
  source: string,
): { text: string; sectionStart: boolean; solution?: string }[] {
  const lines = source.split("\n");
  const tokens = md.parse(source, {});
  /** Where each piece starts, and where its body starts (after a marker). */
  interface Cut {
    line: number;
    sectionStart: boolean;
    solution?: string;
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
      } else if (level <= 3) {
        cuts.push({ line: begin, sectionStart: true, bodyLine: begin });
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
  const pieces: { text: string; sectionStart: boolean; solution?: string }[] =
    [];
  for (let c = 0; c < cuts.length; c++) {
    const cut = cuts[c]!;
    const end = c + 1 < cuts.length ? cuts[c + 1]!.line : lines.length;
    const body = lines.slice(cut.bodyLine, end);
    if (cut.firstLine !== undefined && body.length) body[0] = cut.firstLine;
    const text = body.join("\n");
    if (cut.solution !== undefined) {
      pieces.push({ text, sectionStart: false, solution: cut.solution });
    } else if (cut.sectionStart || text.trim() !== "") {
      pieces.push({ text, sectionStart: cut.sectionStart });
    }
  }
  return pieces;
}

/** The MIME types shown, in order of preference (as nbconvert prefers them). */
const MIME_ORDER = [
  "text/html",
  "text/markdown",
  "text/latex",
  "image/svg+xml",
  "image/png",
  "image/jpeg",
  "image/gif",
  "application/json",
  "text/plain",
];

/** Removes what inline SVG in HTML5 does not need: XML prolog, doctype, comments. */
function inlineSvg(svg: string): string {
  return svg.replace(/<\?xml[^>]*\?>/g, "").replace(/<!DOCTYPE[^>]*>/gi, "")
    .replace(/<!--[\s\S]*?-->/g, "").trim();
}

/**
 * Drops XML namespace declarations (`xmlns="http://www.w3.org/2000/svg"`, MathML's,
 * xlink's): HTML5 puts inline `<svg>` and `<math>` in their namespaces by itself, and
 * the declarations look like web addresses to a search for loaded resources.
 */
export function stripXmlns(html: string): string {
  return html.replace(
    /\s+xmlns(?::[a-z]+)?="http:\/\/www\.w3\.org\/[^"]*"/gi,
    "",
  );
}

function renderOutput(md: Markdown, env: PageEnv, o: Output): string {
  if (o.output_type === "stream") {
    const cls = o.name === "stderr" ? "stderr" : "stdout";
    return `<pre class="output stream ${cls}">${
      escapeHtml(stripAnsi(joinSource(o.text)).replace(/\n$/, ""))
    }</pre>`;
  }
  if (o.output_type === "error") {
    const tb = (o.traceback ?? []).map(stripAnsi).join("\n") ||
      `${o.ename}: ${o.evalue}`;
    return `<pre class="output error">${escapeHtml(tb)}</pre>`;
  }
  const data = o.data ?? {};
  const mime = MIME_ORDER.find((m) => data[m] !== undefined);
  if (!mime) return "";
  const raw = data[mime];
  const value = typeof raw === "string" || Array.isArray(raw)
    ? joinSource(raw as string | string[])
    : JSON.stringify(raw, null, 2);
  switch (mime) {
    case "text/html": {
      const cls = /<table[\s>]/i.test(value)
        ? "output html table-wrap"
        : "output html";
      return `<div class="${cls}">${value}</div>`;
    }
    case "text/markdown":
      return `<div class="output markdown">${md.render(value, env)}</div>`;
    case "text/latex": {
      const tex = value.trim().replace(/^\$\$?|\$\$?$/g, "");
      return `<div class="output math-display">${renderMath(tex, true)}</div>`;
    }
    case "image/svg+xml":
      return `<div class="output svg">${inlineSvg(value)}</div>`;
    case "image/png":
    case "image/jpeg":
    case "image/gif": {
      const alt = typeof data["text/plain"] === "string"
        ? String(data["text/plain"])
        : "";
      return `<div class="output image"><img src="data:${mime};base64,${
        value.replace(/\s+/g, "")
      }" alt="${escapeHtml(alt)}"></div>`;
    }
    case "application/json":
      return `<pre class="output json">${escapeHtml(value)}</pre>`;
    default:
      return `<pre class="output text">${escapeHtml(stripAnsi(value))}</pre>`;
  }
}

function renderOutputs(md: Markdown, env: PageEnv, outputs: Output[]): string {
  // Consecutive writes to the same stream read as one block of text.
  const merged: Output[] = [];
  for (const o of outputs) {
    const last = merged[merged.length - 1];
    if (
      o.output_type === "stream" && last?.output_type === "stream" &&
      last.name === o.name
    ) {
      merged[merged.length - 1] = {
        ...last,
        text: joinSource(last.text) + joinSource(o.text),
      };
    } else merged.push(o);
  }
  return merged.map((o) => renderOutput(md, env, o)).filter((s) => s).join(
    "\n",
  );
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
): RenderedNotebook {
  const env: PageEnv = { ids: new Set(), headings: [] };
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
  let inSolution = false;
  const close = () => {
    if (inSolution) out.push(`</div></details>`);
    inSolution = false;
  };
  for (const p of pieces) {
    const cellIndex = p.kind === "code" ? p.index : p.cell;
    try {
      if (p.kind === "markdown") {
        if (p.attachments) env.attachments = p.attachments;
        else delete env.attachments;
        if (p.solution !== undefined) {
          close();
          const label = md.renderInline(
            p.solution.replace(/^(\*\*|__)(.*)\1$/, "$2"),
            env,
          );
          out.push(
            `<details class="solution"><summary>${label}</summary><div class="solution-body">`,
          );
          inSolution = true;
        } else if (p.sectionStart) {
          close();
        }
        if (p.text.trim()) {
          out.push(
            `<div class="cell markdown">${md.render(p.text, env)}</div>`,
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
  close();

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
      summaryHtml = md.renderer.renderInline(
        tokens[i + 1]?.children ?? [],
        md.options,
        { ids: new Set(), headings: [] },
      );
      break;
    }
  }
  return {
    html: out.join("\n"),
    title,
    titleHtml: h1?.html ?? escapeHtml(title),
    summaryHtml,
    headings: env.headings.filter((h) => h.level === 2 || h.level === 3),
  };
}

// ---------------------------------------------------------------------------------
// Pages
// ---------------------------------------------------------------------------------

/** One page of the book, in reading order. */
interface PageInfo {
  file: string;
  title: string;
  titleHtml: string;
  /** Chapter number, for notebooks. */
  chapter?: number;
}

/** Fills `{{name}}` (or `{{ name }}`) slots in one pass; inserted text is not re-scanned. */
export function fillTemplate(
  template: string,
  values: Record<string, string>,
): string {
  return template.replace(
    /\{\{\s*(\w+)\s*\}\}/g,
    (m, key: string) => values[key] ?? m,
  );
}

/** A chapter's title, numbered unless the author numbered it ("2. Maximum likelihood"). */
function chapterLabel(p: PageInfo): string {
  return p.chapter !== undefined && !/^\s*\d/.test(p.title)
    ? `<span class="num">${p.chapter}.</span> ${p.titleHtml}`
    : p.titleHtml;
}

function tocHtml(
  pages: PageInfo[],
  current: string,
  headings: Heading[],
): string {
  const item = (p: PageInfo) => {
    const here = p.file === current;
    const label = chapterLabel(p);
    const sub = here && headings.length
      ? `<ol class="toc-sections">${
        headings.map((h) =>
          `<li class="toc-h${h.level}"><a href="#${h.id}">${h.html}</a></li>`
        ).join("")
      }</ol>`
      : "";
    return `<li${here ? ' class="current"' : ""}><a href="${p.file}"${
      here ? ' aria-current="page"' : ""
    }>${label}</a>${sub}</li>`;
  };
  return `<p class="toc-title">Contents</p><ol class="toc-pages">${
    pages.map(item).join("")
  }</ol>`;
}

function pagerHtml(pages: PageInfo[], current: string): string {
  const i = pages.findIndex((p) => p.file === current);
  const prev = pages[i - 1];
  const next = pages[i + 1];
  return (prev
    ? `<a class="prev" rel="prev" href="${prev.file}"><span class="dir">Previous</span> ${prev.titleHtml}</a>`
    : `<span class="prev"></span>`) +
    (next
      ? `<a class="next" rel="next" href="${next.file}"><span class="dir">Next</span> ${next.titleHtml}</a>`
      : `<span class="next"></span>`);
}

// ---------------------------------------------------------------------------------
// Offline check
// ---------------------------------------------------------------------------------

/** Namespace names that look like addresses but are never fetched. */
const XML_NAMESPACES = new Set([
  "http://www.w3.org/2000/svg",
  "http://www.w3.org/1999/xhtml",
  "http://www.w3.org/1999/xlink",
  "http://www.w3.org/XML/1998/namespace",
  "http://www.w3.org/2000/xmlns/",
  "http://www.w3.org/1998/Math/MathML",
]);

const ADDRESS = /(?:https?:|file:)\/\/[^\s"'`<>()\\]*/gi;

/**
 * Finds references to resources outside the book in one file of the output: in HTML,
 * any `http(s)://` or `file://` address in a tag's attribute (except an `<a href>`
 * link, which is navigation, not loading), in a `<style>` or `<script>` element; in CSS
 * and JavaScript, any such address except the XML namespace names that DOM code
 * compares against (`http://www.w3.org/2000/svg`, ...), which are never fetched.
 * Prose that merely mentions an address is not a reference.
 *
 * @param text The file's content.
 * @param kind `"html"`, `"css"` or `"js"`.
 * @returns The offending addresses with a little context; empty when none.
 */
export function externalReferences(
  text: string,
  kind: "html" | "css" | "js",
): string[] {
  const found: string[] = [];
  const scanCode = (code: string) => {
    for (const m of code.matchAll(ADDRESS)) {
      if (!XML_NAMESPACES.has(m[0].replace(/[.,;]+$/, ""))) found.push(m[0]);
    }
  };
  if (kind !== "html") {
    scanCode(kind === "css" ? text.replace(/\/\*[\s\S]*?\*\//g, "") : text);
    return found;
  }
  // Contents of <style> and <script> elements are code.
  const rest = text.replace(
    /<(style|script)\b([^>]*)>([\s\S]*?)<\/\1>/gi,
    (_m, tag: string, attrs: string, body: string) => {
      scanCode(body);
      return `<${tag}${attrs}></${tag}>`;
    },
  );
  for (
    const m of rest.matchAll(
      /<([a-zA-Z][\w:-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g,
    )
  ) {
    const tag = m[1]!.toLowerCase();
    for (
      const a of m[2]!.matchAll(/([\w:-]+)\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/g)
    ) {
      const attr = a[1]!.toLowerCase();
      const value = a[2]!.replace(/^["']|["']$/g, "");
      if (tag === "a" && attr === "href") continue;
      for (const u of value.matchAll(ADDRESS)) {
        if (attr.startsWith("xmlns") && XML_NAMESPACES.has(u[0])) continue;
        found.push(`<${tag} ${attr}="${u[0]}">`);
      }
      if (
        /^\s*\/\//.test(value) &&
        /^(src|href|srcset|poster|data|action)$/.test(attr)
      ) {
        found.push(`<${tag} ${attr}="${value}">`);
      }
    }
  }
  return found;
}

// ---------------------------------------------------------------------------------
// Notebook execution with a cache
// ---------------------------------------------------------------------------------

let setupPython: string | undefined;

/** Runs a notebook in the Deno kernel through `notebook_runner.ts`. */
async function kernelExecute(path: string): Promise<Notebook> {
  const { executeNotebook } = await import("./notebook_runner.ts");
  if (!setupPython) {
    const { ensureSetup } = await import("./setup.ts");
    setupPython = (await ensureSetup()).python;
  }
  const out = await Deno.makeTempFile({ prefix: "book-", suffix: ".ipynb" });
  try {
    return (await executeNotebook(path, { python: setupPython, out })).notebook;
  } finally {
    await Deno.remove(out).catch(() => {});
  }
}

/** Code cells that had output in the committed notebook and have none after the run. */
function droppedOutputs(saved: Notebook, fresh: Notebook): number[] {
  const cells: number[] = [];
  saved.cells.forEach((c, i) => {
    if (c.cell_type !== "code" || !(c.outputs ?? []).length) return;
    if (!(fresh.cells[i]?.outputs ?? []).length) cells.push(i);
  });
  return cells;
}

async function executeCached(
  path: string,
  opts: {
    cacheDir: string;
    sharedHash: string;
    execute: Executor;
    force: boolean;
  },
): Promise<{ notebook: Notebook; cached: boolean }> {
  const name = basename(path);
  const stem = name.replace(/\.ipynb$/, "");
  const bytes = await Deno.readFile(path);
  const key = createHash("sha256").update(opts.sharedHash).update(bytes).digest(
    "hex",
  )
    .slice(0, 20);
  const file = join(opts.cacheDir, `${stem}.${key}.ipynb`);
  if (!opts.force && await exists(file)) {
    return {
      notebook: JSON.parse(await Deno.readTextFile(file)),
      cached: true,
    };
  }
  const saved = JSON.parse(new TextDecoder().decode(bytes)) as Notebook;
  let fresh = await opts.execute(path);
  let dropped = droppedOutputs(saved, fresh);
  if (dropped.length) {
    // The Deno 2.9 kernel can lose a cell's output; one more run tells a flake from a change.
    fresh = await opts.execute(path);
    dropped = droppedOutputs(saved, fresh);
  }
  if (dropped.length) {
    throw new Error(
      `${name}: cell ${
        dropped.join(", ")
      } had output in the committed notebook and ` +
        `none after running it twice (the kernel drops output that is not shown with show())`,
    );
  }
  await Deno.mkdir(opts.cacheDir, { recursive: true });
  // Older entries of this notebook are stale now.
  for await (const e of Deno.readDir(opts.cacheDir)) {
    if (e.name.startsWith(`${stem}.`) && e.name.endsWith(".ipynb")) {
      await Deno.remove(join(opts.cacheDir, e.name)).catch(() => {});
    }
  }
  const tmp = `${file}.tmp-${crypto.randomUUID()}`;
  await Deno.writeTextFile(tmp, JSON.stringify(fresh));
  await Deno.rename(tmp, file);
  return { notebook: fresh, cached: false };
}

// ---------------------------------------------------------------------------------
// Assets and explorer
// ---------------------------------------------------------------------------------

function npmFile(specifier: string): string {
  return fileURLToPath(import.meta.resolve(specifier));
}

async function copyDir(from: string, to: string): Promise<void> {
  await Deno.mkdir(to, { recursive: true });
  for await (const e of Deno.readDir(from)) {
    if (e.isDirectory) await copyDir(join(from, e.name), join(to, e.name));
    else if (e.isFile) {
      await Deno.copyFile(join(from, e.name), join(to, e.name));
    }
  }
}

async function writeAssets(out: string): Promise<void> {
  const assets = join(out, "assets");
  await Deno.mkdir(join(assets, "katex"), { recursive: true });
  const katexCss = npmFile("katex/dist/katex.min.css");
  await Deno.copyFile(katexCss, join(assets, "katex", "katex.min.css"));
  await copyDir(
    join(dirname(katexCss), "fonts"),
    join(assets, "katex", "fonts"),
  );

  // highlight.js's GitHub themes, light and dark, chosen by the reader's colour scheme.
  const theme = async (name: string) =>
    (await Deno.readTextFile(npmFile(`highlight.js/styles/${name}.min.css`)))
      .replace(/\/\*[\s\S]*?\*\//g, "");
  const light = await theme("github");
  const dark = await theme("github-dark");
  await Deno.writeTextFile(
    join(assets, "highlight.css"),
    `/* highlight.js 11 themes "GitHub" and "GitHub Dark" (BSD-3-Clause) */\n` +
      `${light}\n@media screen and (prefers-color-scheme: dark) {\n${dark}\n}\n`,
  );
  await Deno.copyFile(join(BOOK_DIR, "book.css"), join(assets, "book.css"));
  await Deno.copyFile(join(BOOK_DIR, "book.js"), join(assets, "book.js"));
}

async function bundleExplorer(
  root: string,
  cacheDir: string,
  log: (line: string) => void,
): Promise<string> {
  const t0 = performance.now();
  const key =
    (await hashInputs(root, ["explorer", "lib", "deno.json", "deno.lock"], [
      CACHE_VERSION,
      `deno ${Deno.version.deno}`,
    ])).slice(0, 20);
  const file = join(cacheDir, `explorer.${key}.js`);
  if (await exists(file)) {
    log(`[book] explorer: cached`);
    return await Deno.readTextFile(file);
  }
  await Deno.mkdir(cacheDir, { recursive: true });
  const tmp = `${file}.tmp-${crypto.randomUUID()}.js`;
  const res = await new Deno.Command(Deno.execPath(), {
    args: [
      "bundle",
      "--quiet",
      "--platform",
      "browser",
      "--format",
      "iife",
      "--minify",
      "--output",
      tmp,
      join(root, "explorer", "main.ts"),
    ],
    cwd: root,
    env: { NO_COLOR: "1", DENO_NO_UPDATE_CHECK: "1" },
    stdout: "piped",
    stderr: "piped",
    stdin: "null",
  }).output();
  if (!res.success) {
    await Deno.remove(tmp).catch(() => {});
    const err = new TextDecoder().decode(res.stderr);
    throw new Error(
      `explorer: deno bundle failed (exit ${res.code}):\n${err.slice(-3000)}`,
    );
  }
  for await (const e of Deno.readDir(cacheDir)) {
    if (/^explorer\.[0-9a-f]+\.js$/.test(e.name)) {
      await Deno.remove(join(cacheDir, e.name)).catch(() => {});
    }
  }
  await Deno.rename(tmp, file);
  log(`[book] explorer: bundled in ${seconds(t0)}s`);
  return await Deno.readTextFile(file);
}

// ---------------------------------------------------------------------------------
// The build
// ---------------------------------------------------------------------------------

/**
 * Builds the book into `outDir`, replacing it only when everything succeeded.
 *
 * @param options Where things are, how to execute notebooks, and switches.
 * @returns What was built and how long it took.
 * @throws {Error} If a notebook fails (the message names notebook, cell and error), a
 *   page cannot be rendered, the explorer does not bundle, or a page references
 *   something outside the output folder. `outDir` is then left as it was.
 */
export async function buildBook(
  options: BuildOptions = {},
): Promise<BuildReport> {
  const t0 = performance.now();
  const root = resolve(options.root ?? ROOT);
  const notebooksDir = resolve(options.notebooksDir ?? join(root, "notebooks"));
  const outDir = resolve(options.outDir ?? join(root, "site"));
  const cacheDir = resolve(options.cacheDir ?? join(root, ".build", "cache"));
  const execute = options.execute ?? kernelExecute;
  const log = options.log ?? ((line: string) => console.log(line));
  const withExplorer = options.explorer ?? true;

  const notebookFiles: string[] = [];
  for await (const e of Deno.readDir(notebooksDir)) {
    if (e.isFile && e.name.endsWith(".ipynb")) notebookFiles.push(e.name);
  }
  notebookFiles.sort();

  // 1. Execute (or take from the cache).
  const sharedHash = await hashInputs(root, SHARED_INPUTS, [
    CACHE_VERSION,
    `deno ${Deno.version.deno}`,
  ]);
  const executed: { name: string; notebook: Notebook }[] = [];
  const report: BuildReport["notebooks"] = [];
  for (const name of notebookFiles) {
    const t = performance.now();
    const { notebook, cached } = await executeCached(join(notebooksDir, name), {
      cacheDir,
      sharedHash,
      execute,
      force: options.force ?? false,
    });
    const secs = (performance.now() - t) / 1000;
    log(
      `[book] ${name}: ${
        cached ? "cached" : `executed in ${secs.toFixed(1)}s`
      }`,
    );
    executed.push({ name, notebook });
    report.push({ name, cached, seconds: secs });
  }

  // 2. Render into a staging folder next to the output (or in .build/ for site/).
  const md = createMarkdown();
  const template = await Deno.readTextFile(join(BOOK_DIR, "page.html"));
  const rendered = executed.map(({ name, notebook }) => ({
    name,
    file: name.replace(/\.ipynb$/, ".html"),
    page: renderNotebook(md, notebook, name),
  }));
  const pages: PageInfo[] = [
    { file: "index.html", title: "Introduction", titleHtml: "Introduction" },
    ...rendered.map((r, i) => ({
      file: r.file,
      title: r.page.title,
      titleHtml: r.page.titleHtml,
      chapter: i + 1,
    })),
  ];
  if (withExplorer) {
    pages.push({
      file: "explorer.html",
      title: "MLE and MAP explorer",
      titleHtml: "MLE and MAP explorer",
    });
  }

  const stagingParent = dirname(outDir) === root
    ? join(root, ".build")
    : dirname(outDir);
  await Deno.mkdir(stagingParent, { recursive: true });
  const staging = await Deno.makeTempDir({
    dir: stagingParent,
    prefix: `.${basename(outDir)}-staging-`,
  });
  await Deno.chmod(staging, 0o755);
  let swapped = false;
  try {
    const page = (
      file: string,
      title: string,
      content: string,
      extra: { headings?: Heading[]; head?: string; bodyClass?: string } = {},
    ) =>
      stripXmlns(fillTemplate(template, {
        title: escapeHtml(
          title === BOOK_TITLE ? title : `${title} · ${BOOK_TITLE}`,
        ),
        bookTitle: escapeHtml(BOOK_TITLE),
        head: extra.head ?? "",
        bodyClass: extra.bodyClass ?? "",
        toc: tocHtml(pages, file, extra.headings ?? []),
        pager: pagerHtml(pages, file),
        content,
      }));

    const written: string[] = [];
    const write = async (file: string, html: string) => {
      await Deno.writeTextFile(join(staging, file), html);
      written.push(file);
    };

    // The index: the hand-written introduction with the chapter list in its slot.
    const intro = await Deno.readTextFile(join(BOOK_DIR, "index.md"));
    const chapters = `<ol class="chapters">${
      rendered.map((r, i) =>
        `<li><a href="${r.file}">${chapterLabel(pages[i + 1]!)}</a>${
          r.page.summaryHtml ? `<p>${r.page.summaryHtml}</p>` : ""
        }</li>`
      ).join("\n")
    }</ol>` +
      (withExplorer
        ? `<p class="explorer-link">Then play with the <a href="explorer.html">MLE and MAP explorer</a>: ` +
          `change the sample size, the prior and the seed, and watch both estimates move.</p>`
        : "");
    const introEnv: PageEnv = { ids: new Set(), headings: [] };
    const introHtml = md.render(intro, introEnv).replace(
      /<p>\s*&lt;!-- chapters --&gt;\s*<\/p>|<!-- chapters -->/,
      chapters,
    );
    await write(
      "index.html",
      page("index.html", BOOK_TITLE, introHtml, {
        headings: introEnv.headings.filter((h) =>
          h.level === 2
        ),
        bodyClass: "index",
      }),
    );

    for (const r of rendered) {
      await write(
        r.file,
        page(
          r.file,
          r.page.title,
          `<article class="notebook">${r.page.html}</article>`,
          {
            headings: r.page.headings,
            bodyClass: "notebook-page",
          },
        ),
      );
    }

    await writeAssets(staging);
    if (withExplorer) {
      const js = await bundleExplorer(root, cacheDir, log);
      await Deno.writeTextFile(join(staging, "assets", "explorer.js"), js);
      const explorerEnv: PageEnv = { ids: new Set(), headings: [] };
      const body = md.render(
        await Deno.readTextFile(join(root, "explorer", "explorer.md")),
        explorerEnv,
      );
      await write(
        "explorer.html",
        page("explorer.html", "MLE and MAP explorer", body, {
          headings: explorerEnv.headings.filter((h) => h.level === 2),
          head: `<script src="assets/explorer.js" defer></script>`,
          bodyClass: "explorer-page",
        }),
      );
    }

    // 3. Nothing may load from outside the folder.
    const problems: string[] = [];
    for (const f of await listFiles(staging, ".")) {
      const kind = f.endsWith(".html")
        ? "html"
        : f.endsWith(".css")
        ? "css"
        : f.endsWith(".js")
        ? "js"
        : undefined;
      if (!kind) continue;
      for (
        const ref of externalReferences(
          await Deno.readTextFile(join(staging, f)),
          kind,
        )
      ) {
        problems.push(`${relative(".", f)}: ${ref}`);
      }
    }
    if (problems.length) {
      throw new Error(
        `pages reference resources outside the book (they would not load offline):\n  ${
          problems.slice(0, 20).join("\n  ")
        }`,
      );
    }

    // 4. Swap the new edition in.
    if (await exists(outDir)) {
      const old = `${staging}-old`;
      await Deno.rename(outDir, old);
      await Deno.rename(staging, outDir);
      swapped = true;
      await Deno.remove(old, { recursive: true });
    } else {
      await Deno.mkdir(dirname(outDir), { recursive: true });
      await Deno.rename(staging, outDir);
      swapped = true;
    }
    const secs = (performance.now() - t0) / 1000;
    log(
      `[book] wrote ${written.length} pages to ${
        relative(Deno.cwd(), outDir) || "."
      }/ in ${secs.toFixed(1)}s`,
    );
    return { notebooks: report, pages: written, seconds: secs };
  } finally {
    if (!swapped) {
      await Deno.remove(staging, { recursive: true }).catch(() => {});
    }
  }
}

function parseArgs(args: string[]): BuildOptions {
  const opts: BuildOptions = {};
  for (const a of args) {
    const [flag, value] = a.includes("=")
      ? [a.slice(0, a.indexOf("=")), a.slice(a.indexOf("=") + 1)]
      : [a, ""];
    if (flag === "--out" && value) opts.outDir = resolve(value);
    else if (flag === "--notebooks" && value) {
      opts.notebooksDir = resolve(value);
    } else if (flag === "--cache" && value) opts.cacheDir = resolve(value);
    else if (flag === "--force") opts.force = true;
    else if (flag === "--no-explorer") opts.explorer = false;
    else {
      throw new Error(
        `book: unknown argument ${
          JSON.stringify(a)
        } (expected --out=DIR, --notebooks=DIR, ` +
          `--cache=DIR, --force, --no-explorer)`,
      );
    }
  }
  return opts;
}

if (import.meta.main) {
  const t0 = performance.now();
  try {
    await buildBook(parseArgs(Deno.args));
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    console.error(`[book] FAILED after ${seconds(t0)}s: ${msg}`);
    console.error(`[book] the previous edition (if any) is unchanged`);
    Deno.exit(1);
  }
}
