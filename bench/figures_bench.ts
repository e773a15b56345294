/**
 * `deno bench` for the interactive figures: one update each, at the default sizes —
 * the figure's `compute()` for a moved control, and the whole redraw (numbers and
 * Plot charts) into a linkedom DOM. The browser's own timings (with style and layout)
 * come from `bench/figures_browser.ts`. Target: under 50 ms per update.
 *
 * Run alone with `deno bench -A bench/figures_bench.ts`; `deno task bench` runs it.
 *
 * @module
 */

import { parseHTML } from "linkedom";
import { renderStatic } from "../figures/_framework.ts";
import { FIGURES } from "../figures/mod.ts";
import { MOVES } from "./figures_moves.ts";

const { document } = parseHTML("<!DOCTYPE html><html><body></body></html>");
const doc = document as unknown as Document;

for (const [name, def] of Object.entries(FIGURES)) {
  const [key, a, b] = MOVES[name]!;
  let flip = false;
  // each run moves the control between two values, as a reader dragging a slider
  const next = () => {
    flip = !flip;
    return { ...def.defaults, [key]: flip ? a : b };
  };
  def.compute(def.defaults); // warm the figure's data cache, as on the page
  Deno.bench({ name: `${name}: compute`, group: name, baseline: true }, () => {
    def.compute(next());
  });
  Deno.bench(
    { name: `${name}: compute + redraw (linkedom)`, group: name },
    () => {
      renderStatic(def, doc, next());
    },
  );
}
