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
}

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
