/**
 * A standalone page with every figure, for trying them out and for the browser tests:
 * `deno run -A figures/build_demo.ts OUTDIR` writes OUTDIR/index.html (static
 * renderings inside the hosts, as the book places them), OUTDIR/figures.js and
 * OUTDIR/figures.css. Open OUTDIR/index.html from file://.
 *
 * The page carries the book's own Content-Security-Policy (`CSP` from
 * tools/book/template.ts: scripts only from the page's folder, nothing from outside),
 * so the tests show the figures work under it.
 *
 * @module
 */

import { join } from "node:path";
import { bundleFigures } from "./bundle.ts";
import { FIGURE_NAMES, figureMarkers } from "./embed.ts";
import { FIGURES } from "./mod.ts";
import { CSP } from "../tools/book/template.ts";

/** Writes the demo page into `outDir`; returns the page's path. */
export async function buildDemo(outDir: string): Promise<string> {
  await bundleFigures(outDir);
  const sections = FIGURE_NAMES.map((name) => {
    const f = FIGURES[name]!;
    // the same path the book takes: a marker line in markdown, replaced
    // (with the settings in the address's fragment, which a chapter leaves off)
    const html = figureMarkers(`<!-- figure: ${name} hash -->`).trim();
    return `<section aria-labelledby="h-${name}">\n<h2 id="h-${name}">Chapter ${f.chapter}</h2>\n${html}\n</section>`;
  });
  const page = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<title>Interactive figures</title>
<link rel="stylesheet" href="figures.css">
<link rel="stylesheet" href="demo.css">
<script src="figures.js" defer></script>
</head>
<body>
<main>
<h1>Interactive figures</h1>
<p>One figure per chapter. Every number comes from the library the notebooks use,
with numpy's random numbers for the seed you set.</p>
${sections.join("\n")}
</main>
</body>
</html>
`;
  const demoCss =
    `body { font: 16px/1.5 system-ui, sans-serif; margin: 0; color: #1b1b1f; background: #ffffff; }
main { max-width: 48rem; margin: 0 auto; padding: 1rem; }
@media (prefers-color-scheme: dark) { body { color: #e8e8ec; background: #1b1b1f; } }
`;
  await Deno.writeTextFile(join(outDir, "demo.css"), demoCss);
  const file = join(outDir, "index.html");
  await Deno.writeTextFile(file, page);
  return file;
}

if (import.meta.main) {
  const out = Deno.args[0];
  if (!out) {
    console.error("usage: deno run -A figures/build_demo.ts OUTDIR");
    Deno.exit(2);
  }
  console.log(`wrote ${await buildDemo(out)}`);
}
