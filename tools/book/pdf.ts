/**
 * The whole book as one PDF: every page of the edition (introduction, chapters,
 * explorer) composed into one print page next to the edition's assets, printed by
 * Chromium (playwright-core) with every request outside the folder refused.
 *
 * @module
 */

import { join } from "node:path";
import { chromium } from "playwright-core";
import { CHROMIUM, CHROMIUM_FLAGS } from "../setup.ts";
import { BOOK_TITLE, CSP } from "./template.ts";
import { escapeHtml } from "./_util.ts";

/** The `<main>` of a page, without the navigation around its content. */
function mainContent(html: string): string {
  const m = /<main id="main">([\s\S]*)<\/main>/.exec(html);
  return (m?.[1] ?? "").replace(
    /<nav class="pager bottom"[\s\S]*?<\/nav>|<p class="back-to-contents">[\s\S]*?<\/p>/g,
    "",
  );
}

/**
 * Composes the pages of an edition into one HTML page for print: ids get a per-page
 * prefix so anchors stay unique, and links between pages become links inside it.
 *
 * @param pages The pages' file names, in reading order.
 * @param read Reads a page's HTML.
 */
export async function printPage(
  pages: string[],
  read: (file: string) => Promise<string>,
): Promise<string> {
  const prefix = new Map(pages.map((p, i) => [p, `p${i + 1}`]));
  const sections: string[] = [];
  let withFigures = false;
  for (const file of pages) {
    const p = prefix.get(file)!;
    const html = await read(file);
    if (html.includes('href="assets/figures.css"')) withFigures = true;
    let body = mainContent(html).replace(
      /\b(id|for|aria-describedby|aria-labelledby|aria-controls)="([^"]+)"/g,
      (_m, attr: string, v: string) =>
        `${attr}="${v.split(" ").map((x) => `${p}-${x}`).join(" ")}"`,
    ).replace(/href="#([^"]*)"/g, (_m, id: string) => `href="#${p}-${id}"`);
    body = body.replace(
      /href="([\w.-]+\.html)(?:#([^"]*))?"/g,
      (m, target: string, id: string | undefined) => {
        const q = prefix.get(target);
        if (!q) return m;
        return `href="#${id ? `${q}-${id}` : q}"`;
      },
    );
    sections.push(`<section class="print-page" id="${p}">${body}</section>`);
  }
  // The interactive figures print as their static renderings (default settings,
  // printed below each), which need only the figures' style sheet.
  const figures = withFigures
    ? `<link rel="stylesheet" href="assets/figures.css">`
    : "";
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<title>${escapeHtml(BOOK_TITLE)}</title>
<link rel="stylesheet" href="assets/katex/katex.min.css">
<link rel="stylesheet" href="assets/book.css">
<script src="assets/theme.js"></script>
<script src="assets/book.js" defer></script>
${figures}
</head>
<body class="print-book">
<main id="main">
${sections.join("\n")}
</main>
</body>
</html>
`;
}

/**
 * Prints an edition to one PDF.
 *
 * @param siteDir The built edition (`site/`).
 * @param out The PDF to write.
 * @returns The number of bytes written.
 */
export async function printBook(siteDir: string, out: string): Promise<number> {
  const index = await Deno.readTextFile(join(siteDir, "index.html"));
  // The reading order is the contents list's.
  const order = [
    ...index.matchAll(/<ol class="toc-pages">([\s\S]*?)<\/nav>/g),
  ].flatMap((m) =>
    [...m[1]!.matchAll(/<li(?: class="current")?><a href="([\w.-]+\.html)"/g)]
      .map((x) => x[1]!)
  );
  const pages = [...new Set(order)];
  const file = join(siteDir, `.print-${crypto.randomUUID()}.html`);
  await Deno.writeTextFile(
    file,
    await printPage(pages, (f) => Deno.readTextFile(join(siteDir, f))),
  );
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [...CHROMIUM_FLAGS],
  });
  try {
    const context = await browser.newContext({ colorScheme: "light" });
    await context.route("**/*", (route) => {
      const url = route.request().url();
      return url.startsWith("file://") || url.startsWith("data:")
        ? route.continue()
        : route.abort();
    });
    const page = await context.newPage();
    await page.goto(`file://${file}`, { waitUntil: "load" });
    await page.evaluate(() => document.fonts.ready);
    await page.evaluate(() => {
      for (const d of document.querySelectorAll("details")) d.open = true;
    });
    await page.emulateMedia({ media: "print" });
    await page.pdf({
      path: out,
      preferCSSPageSize: true,
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: "<span></span>",
      footerTemplate:
        `<div style="font-size:8px;width:100%;text-align:center;color:#555">${
          escapeHtml(BOOK_TITLE)
        } · <span class="pageNumber"></span> / <span class="totalPages"></span></div>`,
      outline: true,
      tagged: true,
    });
    return (await Deno.stat(out)).size;
  } finally {
    await browser.close();
    await Deno.remove(file).catch(() => {});
  }
}
