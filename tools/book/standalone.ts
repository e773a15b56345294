/**
 * One chapter as one self-contained HTML file: the rendered notebook with the book's
 * style sheet, KaTeX's style sheet and fonts (as `data:` addresses) and the page script
 * inline, charts inline, and a Content-Security-Policy that allows only those inline
 * scripts (by hash) and nothing from outside. It reads offline, mailed or on a phone.
 *
 * @module
 */

import { createHash } from "node:crypto";
import { basename, dirname, join } from "node:path";
import { type Notebook, readNotebook, ROOT } from "../notebook_runner.ts";
import { escapeHtml } from "./_util.ts";
import { bundleClient, npmFile } from "./assets.ts";
import { createMarkdown } from "./markdown.ts";
import { stripXmlns } from "./outputs.ts";
import { renderNotebook } from "./render.ts";
import { BOOK_DIR, BOOK_TITLE } from "./template.ts";

/** KaTeX's style sheet with its WOFF2 fonts inlined (other formats dropped). */
async function katexCssInline(): Promise<string> {
  const cssPath = npmFile("katex/dist/katex.min.css");
  const css = await Deno.readTextFile(cssPath);
  const fonts = join(dirname(cssPath), "fonts");
  const cache = new Map<string, string>();
  const out: string[] = [];
  // Each @font-face lists woff2, woff, ttf; keep the woff2 one, as data.
  for (const part of css.split(/(?=@font-face)/)) {
    const m = /url\((fonts\/[^)]+\.woff2)\) format\("woff2"\)/.exec(part);
    if (!part.startsWith("@font-face") || !m) {
      out.push(part);
      continue;
    }
    const file = basename(m[1]!);
    if (!cache.has(file)) {
      const bytes = await Deno.readFile(join(fonts, file));
      cache.set(
        file,
        `url(data:font/woff2;base64,${btoa(String.fromCharCode(...bytes))})`,
      );
    }
    out.push(
      part.replace(
        /src:[^;}]*/,
        `src:${cache.get(file)} format("woff2")`,
      ),
    );
  }
  return out.join("");
}

function sha256(text: string): string {
  return `'sha256-${createHash("sha256").update(text).digest("base64")}'`;
}

/**
 * Renders one executed notebook as a self-contained HTML page.
 *
 * @param nb The notebook, with its outputs.
 * @param name Its file name (for the title and error messages).
 * @param cacheDir Where the page script's bundle is cached.
 * @returns The page's HTML.
 */
export async function standalonePage(
  nb: Notebook,
  name: string,
  cacheDir: string,
): Promise<string> {
  const md = createMarkdown();
  const page = renderNotebook(md, nb, name);
  // Interactive figures show their static rendering (default settings) here: the
  // figures' script is not inlined, their style sheet is.
  const css = (await katexCssInline()) + "\n" +
    await Deno.readTextFile(join(BOOK_DIR, "book.css")) +
    (page.figures.length
      ? "\n" + await Deno.readTextFile(join(ROOT, "figures", "figures.css"))
      : "");
  const theme = await Deno.readTextFile(join(BOOK_DIR, "theme.js"));
  const script = (await bundleClient(cacheDir, () => {})).replace(
    /<\/script/gi,
    "<\\/script",
  );
  const csp = [
    "default-src 'none'",
    `script-src ${sha256(theme)} ${sha256(script)}`,
    "style-src 'unsafe-inline'",
    "img-src data:",
    "font-src data:",
    "base-uri 'none'",
    "form-action 'none'",
  ].join("; ");
  const toc = page.headings.length
    ? `<nav class="toc export-toc" id="toc" aria-label="Table of contents"><p class="toc-title">Contents</p><ol class="toc-sections">${
      page.headings.map((h) =>
        `<li class="toc-h${h.level}"><a href="#${h.id}">${h.html}</a></li>`
      ).join("")
    }</ol></nav>`
    : "";
  return stripXmlns(`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>${escapeHtml(page.title)} · ${escapeHtml(BOOK_TITLE)}</title>
<style>${css}</style>
<script>${theme}</script>
</head>
<body class="notebook-page export">
<a class="skip-link" href="#main">Skip to the content</a>
<header class="topbar">
<span class="book-title">${escapeHtml(BOOK_TITLE)}: ${escapeHtml(name)}</span>
<button class="theme-toggle" type="button">Theme</button>
</header>
<div class="layout">
${toc}
<main id="main">
<article class="notebook">${page.html}</article>
</main>
</div>
<p id="status" class="visually-hidden" role="status"></p>
<script>${script}</script>
</body>
</html>
`);
}

/**
 * Writes a notebook (with its committed outputs) as one self-contained HTML file.
 *
 * @param path The `.ipynb` file.
 * @param out The HTML file to write.
 * @param cacheDir Where the page script's bundle is cached.
 */
export async function exportNotebook(
  path: string,
  out: string,
  cacheDir: string,
): Promise<void> {
  const html = await standalonePage(
    await readNotebook(path),
    basename(path),
    cacheDir,
  );
  await Deno.mkdir(dirname(out), { recursive: true }).catch(() => {});
  await Deno.writeTextFile(out, html);
}
