/**
 * The figures' browser script, bundled once for every page (`figures/bundle.ts`):
 * each element `[data-figure-host="NAME"]` becomes figure NAME, live, replacing the
 * static rendering it holds. `data-figure-hash` on the element keeps its settings in
 * the page's fragment. A figure that fails leaves its static rendering in place and
 * says so.
 *
 * @module
 */

import { mountFigure } from "./_framework.ts";
import { figureNamed } from "./mod.ts";

function start(): void {
  document.documentElement.classList.add("figures-live");
  for (
    const host of document.querySelectorAll<HTMLElement>("[data-figure-host]")
  ) {
    const name = host.dataset.figureHost ?? "";
    try {
      mountFigure(figureNamed(name), host, {}, {
        hash: host.hasAttribute("data-figure-hash"),
      });
    } catch (e) {
      const p = document.createElement("p");
      p.className = "fig-error";
      p.setAttribute("role", "alert");
      p.textContent = `This figure could not start (${
        e instanceof Error ? e.message : String(e)
      }); the chart shows its default settings.`;
      host.append(p);
    }
  }
}

if (document.readyState === "loading") {
  document.addEventListener("DOMContentLoaded", start);
} else {
  start();
}
