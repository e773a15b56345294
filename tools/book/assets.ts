/**
 * The book's assets: KaTeX's style sheet and fonts, highlight.js's themes, the book's
 * own style sheet and script, and the interactive figures' bundle and style sheet
 * (`deno bundle`, cached).
 *
 * @module
 */

import { basename, dirname, join } from "node:path";
import { ROOT } from "../notebook_runner.ts";
import { denoBundle } from "../deno_bundle.ts";
import { fileURLToPath } from "node:url";
import { exists, hashInputs, seconds } from "./_util.ts";
import { CACHE_VERSION } from "./execute.ts";
import { BOOK_DIR } from "./template.ts";

/** The file an npm specifier of the import map resolves to. */
export function npmFile(specifier: string): string {
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

/**
 * The assets stage: KaTeX's style sheet and fonts, the book's style sheet, the early
 * theme script, the page script (bundled with MiniSearch), the search index and the
 * notebooks for download.
 */
export async function writeAssets(
  out: string,
  opts: {
    root: string;
    cacheDir: string;
    notebooks: string[];
    searchIndex: string;
    log: (line: string) => void;
  },
): Promise<void> {
  const assets = join(out, "assets");
  await Deno.mkdir(join(assets, "katex"), { recursive: true });
  const katexCss = npmFile("katex/dist/katex.min.css");
  await Deno.copyFile(katexCss, join(assets, "katex", "katex.min.css"));
  await copyDir(
    join(dirname(katexCss), "fonts"),
    join(assets, "katex", "fonts"),
  );
  await Deno.copyFile(join(BOOK_DIR, "book.css"), join(assets, "book.css"));
  await Deno.copyFile(join(BOOK_DIR, "theme.js"), join(assets, "theme.js"));
  await Deno.writeTextFile(
    join(assets, "book.js"),
    await bundleClient(opts.cacheDir, opts.log),
  );
  await Deno.writeTextFile(join(assets, "search-index.js"), opts.searchIndex);
  await Deno.mkdir(join(out, "notebooks"), { recursive: true });
  for (const nb of opts.notebooks) {
    await Deno.copyFile(nb, join(out, "notebooks", basename(nb)));
  }
}

/** Bundles the page script (`tools/book/client/main.ts`, with MiniSearch). */
export function bundleClient(
  cacheDir: string,
  log: (line: string) => void,
): Promise<string> {
  return bundle(
    ROOT,
    join(BOOK_DIR, "client", "main.ts"),
    ["tools/book/client", "deno.json", "deno.lock"],
    cacheDir,
    "book",
    log,
  );
}

/**
 * The interactive figures' one bundle (`figures/main.ts`: the framework, every figure,
 * the library code they use and Observable Plot), cached like the page script under
 * a hash of `figures/`, `lib/`, `explorer/model.ts`, `deno.json` and `deno.lock`.
 * The figures are this repository's (as `figures/embed.ts`, which renders their
 * static versions at build time), whatever root the book is built from.
 */
export function bundleFigures(
  cacheDir: string,
  log: (line: string) => void,
): Promise<string> {
  return bundle(
    ROOT,
    join(ROOT, "figures", "main.ts"),
    ["figures", "lib", "explorer/model.ts", "deno.json", "deno.lock"],
    cacheDir,
    "figures",
    log,
  );
}

/** Writes `assets/figures.js` (bundled, cached) and `assets/figures.css` into `out`. */
export async function writeFigureAssets(
  out: string,
  cacheDir: string,
  log: (line: string) => void,
): Promise<void> {
  const assets = join(out, "assets");
  await Deno.mkdir(assets, { recursive: true });
  await Deno.writeTextFile(
    join(assets, "figures.js"),
    await bundleFigures(cacheDir, log),
  );
  await Deno.copyFile(
    join(ROOT, "figures", "figures.css"),
    join(assets, "figures.css"),
  );
}

/**
 * Bundles a browser script with `deno bundle` (minified IIFE), cached under a hash
 * of its inputs (paths relative to `root`, which must hold the entry's sources).
 */
export async function bundle(
  root: string,
  entry: string,
  inputs: string[],
  cacheDir: string,
  name: string,
  log: (line: string) => void,
): Promise<string> {
  const t0 = performance.now();
  const base = inputs.some((i) => i.startsWith("tools/")) ? ROOT : root;
  const key = (await hashInputs(base, inputs, [
    CACHE_VERSION,
    `deno ${Deno.version.deno}`,
  ])).slice(0, 20);
  const file = join(cacheDir, `${name}.${key}.js`);
  if (await exists(file)) {
    log(`[book] ${name}.js: cached`);
    return await Deno.readTextFile(file);
  }
  await Deno.mkdir(cacheDir, { recursive: true });
  const tmp = `${file}.tmp-${crypto.randomUUID()}.js`;
  try {
    await denoBundle({ entry, output: tmp, cwd: base });
  } catch (e) {
    await Deno.remove(tmp).catch(() => {});
    throw new Error(`${name}: ${e instanceof Error ? e.message : String(e)}`);
  }
  const stale = new RegExp(`^${name}\\.[0-9a-f]+\\.js$`);
  for await (const e of Deno.readDir(cacheDir)) {
    if (stale.test(e.name)) {
      await Deno.remove(join(cacheDir, e.name)).catch(() => {});
    }
  }
  await Deno.rename(tmp, file);
  log(`[book] ${name}.js: bundled in ${seconds(t0)}s`);
  return await Deno.readTextFile(file);
}
