/**
 * The book's markdown renderer: CommonMark and tables with markdown-it, maths typeset
 * at build time by KaTeX (HTML and MathML), code highlighted by highlight.js, unique
 * heading ids collected into the page's outline, links to notebooks pointed at their
 * pages.
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
import { escapeHtml, slugify } from "./_util.ts";
import { sanitize } from "./sanitize.ts";

export type { Markdown };

/** A heading collected while rendering, for the page's table of contents. */
export interface Heading {
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
export interface PageEnv {
  [key: string | symbol]: unknown;
  ids: Set<string>;
  headings: Heading[];
  /** Cell attachments, `attachment:name` → data URI. */
  attachments?: Record<string, string>;
  /** Charts seen so far on the page (for unique caption ids). */
  charts: number;
  /** Chapter number → page file, to link "chapter N" in prose. */
  chapters?: Map<number, string>;
  /** This page's chapter number, whose own mentions are not linked. */
  chapter?: number;
}

/** A fresh rendering state for one page. */
export function newPageEnv(extra: Partial<PageEnv> = {}): PageEnv {
  return { ids: new Set(), headings: [], charts: 0, ...extra };
}

/** Typesets TeX with KaTeX (HTML and MathML); throws naming the formula. */
export function renderMath(tex: string, displayMode: boolean): string {
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
          ? sanitize(
            md.renderer.renderInline(inline.children ?? [], md.options, env),
          )
          : "",
      });
    }
  });

  // A permalink at the end of every heading.
  md.renderer.rules.heading_close = (tokens, idx, options, _env, self) => {
    const open = tokens.slice(0, idx).reverse().find((t) =>
      t.type === "heading_open"
    );
    const id = open?.attrGet("id");
    const link = id
      ? `<a class="permalink" href="#${
        escapeHtml(String(id))
      }"><span class="visually-hidden">Link to this section</span><span aria-hidden="true">#</span></a>`
      : "";
    return link + self.renderToken(tokens, idx, options);
  };

  // Tables scroll inside their own box on a narrow screen, not the page.
  md.renderer.rules.table_open = () => `<div class="table-wrap"><table>\n`;
  md.renderer.rules.table_close = () => `</table></div>\n`;

  // "chapter 3" in prose links to chapter 3's page.
  md.core.ruler.push("chapter_links", (state: StateCore) => {
    const env = state.env as Partial<PageEnv>;
    const chapters = env.chapters;
    if (!chapters) return;
    for (const block of state.tokens) {
      if (block.type !== "inline" || !block.children) continue;
      const out: Token[] = [];
      let inLink = 0;
      for (const t of block.children) {
        if (t.type === "link_open") inLink++;
        if (t.type === "link_close") inLink--;
        if (t.type !== "text" || inLink > 0) {
          out.push(t);
          continue;
        }
        const re = /\b([Cc]hapter)\s+(\d+)\b/g;
        let last = 0;
        for (const m of t.content.matchAll(re)) {
          const n = Number(m[2]);
          const file = chapters.get(n);
          if (!file || n === env.chapter) continue;
          const before = new state.Token("text", "", 0);
          before.content = t.content.slice(last, m.index);
          const open = new state.Token("link_open", "a", 1);
          open.attrSet("href", file);
          open.attrSet("class", "chapter-ref");
          const text = new state.Token("text", "", 0);
          text.content = m[0];
          const close = new state.Token("link_close", "a", -1);
          out.push(before, open, text, close);
          last = m.index + m[0].length;
        }
        if (last === 0) out.push(t);
        else {
          const rest = new state.Token("text", "", 0);
          rest.content = t.content.slice(last);
          out.push(rest);
        }
      }
      block.children = out;
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
