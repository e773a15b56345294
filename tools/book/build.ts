/**
 * Builds the reading edition: a self-contained, offline HTML book of the executed
 * notebooks, plus the MLE and MAP explorer. {@link buildBook} is the list of its
 * stages, each a module of `tools/book/`:
 *
 * 1. read (`read.ts`): the notebooks, in reading order;
 * 2. execute (`execute.ts`): each in the Deno kernel, or from the content-hashed cache;
 * 3. render (`render.ts`, `markdown.ts`, `outputs.ts`): markdown, maths and outputs;
 * 4. template (`template.ts`): every page into a staging folder;
 * 5. assets (`assets.ts`): styles, fonts, scripts, and the interactive figures' bundle
 *    and style sheet (`figures/`) when a page has a figure marker;
 * 6. offline check (`offline.ts`): nothing loads from outside the folder;
 * 7. swap: the staging folder replaces the edition, only when all of this succeeded.
 *
 * @module
 */

import { basename, dirname, join, relative, resolve } from "node:path";
import { ROOT } from "../notebook_runner.ts";
import { exists } from "./_util.ts";
import { writeAssets, writeFigureAssets } from "./assets.ts";
import { executeAll, type Executor, kernelExecute } from "./execute.ts";
import { createMarkdown } from "./markdown.ts";
import { checkOffline } from "./offline.ts";
import { readNotebookList } from "./read.ts";
import { FIGURES_HEAD, renderNotebook } from "./render.ts";
import { markerNames } from "../../figures/embed.ts";
import { searchDocs, searchIndexScript } from "./search.ts";
import { type ChapterPage, writePages } from "./template.ts";

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
  /** Build the explorer page (`explorer/explorer.md`). Defaults to true. */
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

/**
 * Builds the book into `outDir`, replacing it only when everything succeeded.
 *
 * @param options Where things are, how to execute notebooks, and switches.
 * @returns What was built and how long it took.
 * @throws {Error} If a notebook fails (the message names notebook, cell and error), a
 *   page cannot be rendered, the figures do not bundle, or a page references
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
  const log = options.log ?? ((line: string) => console.log(line));
  const withExplorer = options.explorer ?? true;

  const paths = await readNotebookList(notebooksDir);
  const executed = await executeAll(root, paths, {
    cacheDir,
    execute: options.execute ?? kernelExecute,
    force: options.force ?? false,
    log,
  });
  const md = createMarkdown();
  const files = new Map(
    executed.map(({ name }, i) => [i + 1, name.replace(/\.ipynb$/, ".html")]),
  );
  const chapters: ChapterPage[] = executed.map(({ name, notebook }, i) => {
    const page = renderNotebook(md, notebook, name, {
      chapter: i + 1,
      chapters: files,
    });
    return {
      name,
      file: files.get(i + 1)!,
      page,
      ...(page.figures.length ? { head: FIGURES_HEAD } : {}),
    };
  });
  const explorerMarkdown = withExplorer
    ? await Deno.readTextFile(join(root, "explorer", "explorer.md"))
    : undefined;
  const withFigures = chapters.some((c) => c.page.figures.length > 0) ||
    markerNames(explorerMarkdown ?? "").length > 0;
  const pages = await intoStaging(root, outDir, async (staging) => {
    const written = await writePages(staging, {
      md,
      chapters,
      ...(explorerMarkdown !== undefined ? { explorerMarkdown } : {}),
    });
    await writeAssets(staging, {
      root,
      cacheDir,
      notebooks: paths,
      searchIndex: searchIndexScript(searchDocs(chapters)),
      log,
    });
    if (withFigures) await writeFigureAssets(staging, cacheDir, log);
    await checkOffline(staging);
    return written;
  });
  const secs = (performance.now() - t0) / 1000;
  log(
    `[book] wrote ${pages.length} pages to ${
      relative(Deno.cwd(), outDir) || "."
    }/ in ${secs.toFixed(1)}s`,
  );
  return {
    notebooks: executed.map(({ name, cached, seconds }) => ({
      name,
      cached,
      seconds,
    })),
    pages,
    seconds: secs,
  };
}

/**
 * Runs `fill` on a fresh staging folder next to `outDir` (in `.build/` for the root's
 * `site/`), then swaps it in for `outDir`; when `fill` throws, removes the staging
 * folder and leaves `outDir` as it was.
 */
async function intoStaging<T>(
  root: string,
  outDir: string,
  fill: (staging: string) => Promise<T>,
): Promise<T> {
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
    const result = await fill(staging);
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
    return result;
  } finally {
    if (!swapped) {
      await Deno.remove(staging, { recursive: true }).catch(() => {});
    }
  }
}
