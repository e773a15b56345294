/**
 * The page template: the book's title, the contents list, previous and next links.
 *
 * @module
 */

import { join } from "node:path";
import { ROOT } from "../notebook_runner.ts";
import { escapeHtml } from "./_util.ts";
import {
  type Heading,
  type Markdown,
  newPageEnv,
  type PageEnv,
} from "./markdown.ts";
import { stripXmlns } from "./outputs.ts";
import {
  FIGURES_HEAD,
  type RenderedNotebook,
  renderMarkdownWithFigures,
} from "./render.ts";
import { markerNames } from "../../figures/embed.ts";

/** The page template, style sheet, script and index text. */
export const BOOK_DIR = join(ROOT, "tools", "book");

/** The book's title, on every page. */
export const BOOK_TITLE = "Estimation theory, by running it";

/**
 * The pages' Content-Security-Policy: scripts, styles, fonts and images from the
 * book's own folder only (plus `data:` images and inline style attributes, which
 * KaTeX's layout needs), no connection, no frame, no form, no plugin.
 */
export const CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'none'",
  "frame-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join("; ");

/** One page of the book, in reading order. */
export interface PageInfo {
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
export function chapterLabel(p: PageInfo): string {
  return p.chapter !== undefined && !/^\s*\d/.test(p.title)
    ? `<span class="num">${p.chapter}.</span> ${p.titleHtml}`
    : p.titleHtml;
}

export function tocHtml(
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

export function pagerHtml(pages: PageInfo[], current: string): string {
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

/** A notebook rendered for the book, with its page's file name. */
export interface ChapterPage {
  /** The notebook's file name. */
  name: string;
  /** The page's file name. */
  file: string;
  /** The rendered notebook. */
  page: RenderedNotebook;
  /**
   * Extra markup for the page's `<head>`, e.g. the interactive figures' style sheet
   * and script ({@link FIGURES_HEAD}, bundled by `bundleFigures()` of `assets.ts`)
   * when the chapter has figure markers: scripts must be files under `assets/` (the
   * CSP refuses inline scripts).
   */
  head?: string;
}

/** The pages of the book in reading order: index, chapters, explorer. */
export function pageList(
  chapters: ChapterPage[],
  withExplorer: boolean,
): PageInfo[] {
  const pages: PageInfo[] = [
    { file: "index.html", title: "Introduction", titleHtml: "Introduction" },
    ...chapters.map((r, i) => ({
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
  return pages;
}

/**
 * The template stage: writes every page (index, chapters, explorer) into `dir`.
 *
 * @returns The files written, relative to `dir`.
 */
export async function writePages(
  dir: string,
  opts: {
    md: Markdown;
    chapters: ChapterPage[];
    explorerMarkdown?: string;
  },
): Promise<string[]> {
  const { md, chapters } = opts;
  const withExplorer = opts.explorerMarkdown !== undefined;
  const template = await Deno.readTextFile(join(BOOK_DIR, "page.html"));
  const pages = pageList(chapters, withExplorer);
  const page = (
    file: string,
    title: string,
    content: string,
    extra: { headings?: Heading[]; head?: string; bodyClass?: string } = {},
  ) =>
    stripXmlns(fillTemplate(template, {
      csp: CSP,
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
    await Deno.writeTextFile(join(dir, file), html);
    written.push(file);
  };

  // The index: the hand-written introduction with the chapter list in its slot.
  const intro = await Deno.readTextFile(join(BOOK_DIR, "index.md"));
  const list =
    `<ol class="chapters">${
      chapters.map((r, i) =>
        `<li><a href="${r.file}">${chapterLabel(pages[i + 1]!)}</a>${
          r.page.summaryHtml ? `<p>${r.page.summaryHtml}</p>` : ""
        }</li>`
      ).join("\n")
    }</ol>` +
    (withExplorer
      ? `<p class="explorer-link">Then play with the <a href="explorer.html">MLE and MAP explorer</a>: ` +
        `change the sample size, the prior and the seed, and watch both estimates move.</p>`
      : "");
  const introEnv: PageEnv = newPageEnv();
  const introHtml = md.render(intro, introEnv).replace(
    /<p>\s*&lt;!-- chapters --&gt;\s*<\/p>|<!-- chapters -->/,
    list,
  );
  await write(
    "index.html",
    page("index.html", BOOK_TITLE, introHtml, {
      headings: introEnv.headings.filter((h) => h.level === 2),
      bodyClass: "index",
    }),
  );

  for (const r of chapters) {
    await write(
      r.file,
      page(
        r.file,
        r.page.title,
        `<p class="notebook-download"><a href="notebooks/${r.name}" download>Download the notebook</a> (<code>${r.name}</code>) to run and change it in JupyterLab or VS Code with the Deno kernel.</p>` +
          `<article class="notebook">${r.page.html}</article>`,
        {
          headings: r.page.headings,
          bodyClass: "notebook-page",
          head: r.head ?? "",
        },
      ),
    );
  }

  if (opts.explorerMarkdown !== undefined) {
    const explorerEnv: PageEnv = newPageEnv();
    const body = renderMarkdownWithFigures(
      md,
      opts.explorerMarkdown,
      explorerEnv,
    );
    await write(
      "explorer.html",
      page("explorer.html", "MLE and MAP explorer", body, {
        headings: explorerEnv.headings.filter((h) => h.level === 2),
        head: markerNames(opts.explorerMarkdown).length ? FIGURES_HEAD : "",
        bodyClass: "explorer-page",
      }),
    );
  }
  return written;
}
