/**
 * The figures' update time in Chromium, as a reader sees it: on the demo page from
 * file://, the main control of each figure (see `figures_moves.ts`), then its seed (new
 * data: nothing cached), is moved back and forth `RUNS` times; each update is timed from the input event to the end of the
 * redraw and the layout it forces (numbers, Plot charts, style and layout; painting
 * excluded). Prints one line per figure and, with `--json`, the medians as JSON.
 * Target: under 50 ms per update at the default sizes.
 *
 * Usage: `deno run -A bench/figures_browser.ts [--json]` (needs /usr/bin/chromium).
 *
 * @module
 */

import { pathToFileURL } from "node:url";
import { chromium } from "playwright-core";
import { buildDemo } from "../figures/build_demo.ts";
import { CHROMIUM, CHROMIUM_FLAGS } from "../tools/setup.ts";
import { MOVES } from "./figures_moves.ts";

const RUNS = 40;

function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
}

/** Median and 90th percentile (ms) of each figure's update in Chromium. */
export async function measureFigures(): Promise<
  Record<string, { median: number; p90: number; runs: number }>
> {
  const dir = await Deno.makeTempDir({ prefix: "figures-bench-" });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [...CHROMIUM_FLAGS],
  });
  try {
    const page = await browser.newPage({
      viewport: { width: 1100, height: 900 },
    });
    await page.goto(pathToFileURL(await buildDemo(dir)).href);
    await page.waitForFunction(() =>
      document.querySelectorAll(".fig-live").length === 7
    );
    const out: Record<string, { median: number; p90: number; runs: number }> =
      {};
    const moves = Object.entries(MOVES).flatMap(([name, move]) => [
      [name, move] as const,
      // a new seed: new data, so every cached part is recomputed
      [`${name} (seed)`, ["seed", 1, 2]] as const,
    ]);
    for (const [label, [key, a, b]] of moves) {
      const name = label.split(" ")[0]!;
      const times = await page.evaluate(({ id, a, b, runs }) => {
        const input = document.getElementById(id) as HTMLInputElement;
        const t: number[] = [];
        for (let i = 0; i < runs; i++) {
          const t0 = performance.now();
          input.value = String(i % 2 ? a : b);
          input.dispatchEvent(new Event("input"));
          void document.body.offsetHeight; // style and layout of the new DOM
          t.push(performance.now() - t0);
        }
        return t;
      }, { id: `fig-${name}-${key}`, a, b, runs: RUNS });
      const measured = times.slice(5); // the first runs compile the code
      out[label] = {
        median: quantile(measured, 0.5),
        p90: quantile(measured, 0.9),
        runs: measured.length,
      };
    }
    return out;
  } finally {
    await browser.close();
    await Deno.remove(dir, { recursive: true });
  }
}

if (import.meta.main) {
  const result = await measureFigures();
  if (Deno.args.includes("--json")) console.log(JSON.stringify(result));
  else {
    for (const [name, r] of Object.entries(result)) {
      console.log(
        `${name.padEnd(25)} median ${r.median.toFixed(1).padStart(5)} ms, 90% ${
          r.p90.toFixed(1).padStart(5)
        } ms (${r.runs} updates; target < 50 ms)`,
      );
    }
  }
}
