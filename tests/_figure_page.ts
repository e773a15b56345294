/**
 * Reading a live interactive figure in a Chromium page, for the browser tests of the
 * figures (`tests/figures_test.ts`) and of the edition (`tests/book_test.ts`).
 *
 * @module
 */

import type { Page } from "playwright-core";
import type { Settings } from "../figures/_framework.ts";

/** What a live figure shows: its settings and its numbers, raw and printed. */
export interface FigureShown {
  settings: Settings;
  values: Record<string, number>;
  texts: Record<string, string>;
}

/** The settings and numbers the live figure `name` shows on `page`. */
export function readFigure(page: Page, name: string): Promise<FigureShown> {
  return page.evaluate((name) => {
    const fig = document.querySelector(`.fig-live[data-figure="${name}"]`);
    if (!fig) throw new Error(`no live figure ${name}`);
    const values: Record<string, number> = {};
    const texts: Record<string, string> = {};
    for (const dd of fig.querySelectorAll<HTMLElement>("dd[data-key]")) {
      values[dd.dataset.key!] = Number(dd.dataset.value);
      texts[dd.dataset.key!] = dd.textContent ?? "";
    }
    return {
      settings: JSON.parse(fig.getAttribute("data-settings") ?? "{}"),
      values,
      texts,
    };
  }, name);
}
