/**
 * Writes the whole reading edition as one PDF, offline: builds `site/` if needed
 * (re-executing only what changed), then prints every page, in reading order, with
 * Chromium. Solutions and "Going further" sections print open; the interactive
 * figures (the explorer's included) print at their default settings, which they state.
 *
 * Usage: `deno task pdf [--out FILE]` (default: `site/book.pdf`)
 *
 * @module
 */

import { join, resolve } from "node:path";
import { ROOT } from "./notebook_runner.ts";
import { buildBook } from "./book/build.ts";
import { printBook } from "./book/pdf.ts";

if (import.meta.main) {
  const args = [...Deno.args];
  const i = args.findIndex((a) => a === "--out" || a.startsWith("--out="));
  let out = join(ROOT, "site", "book.pdf");
  if (i >= 0) {
    out = resolve(
      args[i]!.includes("=") ? args[i]!.split("=")[1]! : args[i + 1]!,
    );
  }
  const t0 = performance.now();
  try {
    await buildBook();
    const bytes = await printBook(join(ROOT, "site"), out);
    console.log(
      `[pdf] wrote ${out} (${Math.round(bytes / 1024)} KB) in ${
        ((performance.now() - t0) / 1000).toFixed(1)
      }s`,
    );
  } catch (e) {
    console.error(
      `[pdf] FAILED: ${e instanceof Error ? e.message : String(e)}`,
    );
    Deno.exit(1);
  }
}
