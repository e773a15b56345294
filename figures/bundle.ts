/**
 * Builds the figures' one browser bundle, `figures.js` (all figures, the library code
 * they use and Observable Plot), with `deno bundle --platform browser --format iife`,
 * and copies `figures.css` beside it. The book copies both into `site/assets/`.
 *
 * Usage: `deno run -A figures/bundle.ts OUTDIR` (writes OUTDIR/figures.js and
 * OUTDIR/figures.css).
 *
 * @module
 */

import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { denoBundle } from "../tools/deno_bundle.ts";

/** This folder. */
export const FIGURES_DIR: string = dirname(fileURLToPath(import.meta.url));

/** The files {@link bundleFigures} writes into its folder. */
export const FIGURE_ASSETS = ["figures.js", "figures.css"] as const;

/**
 * Bundles `figures/main.ts` into `outDir/figures.js` and copies `figures.css` there.
 *
 * @param outDir The folder to write into (created if missing).
 * @param options.minify Minify the bundle. Defaults to true.
 * @throws {Error} If `deno bundle` fails, with its error output.
 */
export async function bundleFigures(
  outDir: string,
  options: { minify?: boolean } = {},
): Promise<void> {
  await Deno.mkdir(outDir, { recursive: true });
  await denoBundle({
    entry: join(FIGURES_DIR, "main.ts"),
    output: join(outDir, "figures.js"),
    cwd: dirname(FIGURES_DIR),
    ...(options.minify === undefined ? {} : { minify: options.minify }),
  });
  await Deno.copyFile(
    join(FIGURES_DIR, "figures.css"),
    join(outDir, "figures.css"),
  );
}

if (import.meta.main) {
  const out = Deno.args[0];
  if (!out) {
    console.error("usage: deno run -A figures/bundle.ts OUTDIR");
    Deno.exit(2);
  }
  await bundleFigures(out);
  console.log(`wrote ${FIGURE_ASSETS.map((f) => join(out, f)).join(", ")}`);
}
