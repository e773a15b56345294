/**
 * Writes one notebook as one self-contained HTML file (styles, KaTeX fonts, charts and
 * the page script inline) that reads offline: to mail, or to read on a phone. It shows
 * the notebook's committed outputs (which the test command keeps equal to a fresh
 * run), so it needs neither the kernel nor the network.
 *
 * Usage: `deno task export notebooks/NAME.ipynb [--out FILE]` (default:
 * `NAME.html` in the current folder)
 *
 * @module
 */

import { basename, join, resolve } from "node:path";
import { ROOT } from "./notebook_runner.ts";
import { exportNotebook } from "./book/standalone.ts";

if (import.meta.main) {
  const args = [...Deno.args];
  const i = args.findIndex((a) => a === "--out" || a.startsWith("--out="));
  let out: string | undefined;
  if (i >= 0) {
    out = args[i]!.includes("=") ? args[i]!.split("=")[1] : args[i + 1];
    args.splice(i, args[i]!.includes("=") ? 1 : 2);
  }
  const [input, ...rest] = args;
  if (!input || rest.length || !input.endsWith(".ipynb") || out === "") {
    console.error(
      "usage: deno task export notebooks/NAME.ipynb [--out FILE.html]",
    );
    Deno.exit(2);
  }
  const target = resolve(out ?? basename(input).replace(/\.ipynb$/, ".html"));
  try {
    await exportNotebook(resolve(input), target, join(ROOT, ".build", "cache"));
    const kb = Math.round((await Deno.stat(target)).size / 1024);
    console.log(`[export] wrote ${target} (${kb} KB, self-contained)`);
  } catch (e) {
    console.error(
      `[export] FAILED: ${e instanceof Error ? e.message : String(e)}`,
    );
    Deno.exit(1);
  }
}
