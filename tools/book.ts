/**
 * Builds the reading edition: a self-contained, offline HTML book of the executed
 * notebooks, plus the MLE and MAP explorer, in `site/`.
 *
 * The stages live in `tools/book/` (see `tools/book/build.ts`); this file is the
 * command line. What the build does, in order:
 *
 * 1. Executes each notebook of `notebooks/` in the Deno kernel (`notebook_runner.ts`),
 *    unless `.build/cache/` holds an executed copy with the same content hash. The hash
 *    covers the notebook file, every file under `lib/` and `data/`, `deno.json`,
 *    `deno.lock`, the notebook runner and the Deno version, so changing any of them
 *    re-executes what depends on it, and nothing else.
 * 2. Renders every page: markdown with markdown-it, math with KaTeX at build time,
 *    code with highlight.js, every output inline (SVG charts, HTML tables, text, PNG).
 * 3. Puts each interactive figure where a markdown line `<!-- figure: NAME -->` asks
 *    (`figures/embed.ts`: its static rendering, shown without JavaScript and in print),
 *    and bundles the figures (`figures/main.ts`, with the library) once with
 *    `deno bundle` into `assets/figures.js`, loaded by the pages that have one.
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
 * - **Going further**: a heading of level 1–3 whose text starts with "Going further"
 *   stays in the outline, and what follows it is folded (labelled as optional) until the
 *   next heading of the same or a higher level.
 * - Raw HTML in markdown and outputs is sanitised (`tools/book/sanitize.ts`); chart
 *   titles become text, charts images with a name and a description
 *   (`tools/book/charts.ts`). "chapter N" in prose links to chapter N.
 * - Cell tags (cell metadata `tags`): `remove-cell` leaves the cell out of the book,
 *   `hide-input` shows only the cell's outputs.
 * - Links to another notebook (`02_mle.ipynb#section`) point to its page.
 * - **Interactive figures**: a markdown line `<!-- figure: NAME -->` (an HTML comment,
 *   invisible in JupyterLab and VS Code) places figure NAME of `figures/` there; put
 *   it after the text and the static chart it goes with. The notebook keeps its chart.
 *
 * Usage: `deno run -A tools/book.ts [--out=site] [--notebooks=notebooks]
 * [--cache=.build/cache] [--force]`
 *
 * @module
 */

import { resolve } from "node:path";
import { seconds } from "./book/_util.ts";
import { buildBook, type BuildOptions } from "./book/build.ts";

export { ROOT } from "./notebook_runner.ts";
export {
  buildBook,
  type BuildOptions,
  type BuildReport,
} from "./book/build.ts";
export { type Executor, SHARED_INPUTS } from "./book/execute.ts";
export { createMarkdown, highlight } from "./book/markdown.ts";
export { externalReferences } from "./book/offline.ts";
export { stripXmlns } from "./book/outputs.ts";
export { renderNotebook, splitMarkdown } from "./book/render.ts";
export { BOOK_DIR, BOOK_TITLE, fillTemplate } from "./book/template.ts";
export { escapeHtml, slugify } from "./book/_util.ts";

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
