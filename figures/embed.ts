/**
 * What the book calls to place the figures: {@link figureMarkers} replaces each marker
 * line `<!-- figure: NAME -->` in a chapter's markdown by {@link figureHtml}`(NAME)`,
 * the figure's host element holding its static rendering at the default settings
 * (numbers, settings line and charts as SVG, drawn at build time by the same code with
 * linkedom). Without JavaScript, and in print before the reader moved anything, that
 * static rendering is what shows; the bundle (`figures.js`, see `bundle.ts`) replaces
 * it by the live figure, whose print style hides the controls and prints the current
 * settings.
 *
 * Runs in Deno (not in the browser bundle).
 *
 * @module
 */

import { parseHTML } from "linkedom";
import { renderStatic } from "./_framework.ts";
import { figureNamed, FIGURES } from "./mod.ts";

/**
 * A marker line: `<!-- figure: NAME -->` alone on its line, or
 * `<!-- figure: NAME hash -->` for a figure that keeps its settings in the address's
 * fragment (for a page of its own, such as the explorer's: in a chapter the fragment
 * names a heading).
 */
export const MARKER =
  /^[ \t]*<!--[ \t]*figure:[ \t]*([A-Za-z0-9_-]+)(?:[ \t]+(hash))?[ \t]*-->[ \t]*$/gm;

/** Options of {@link figureHtml}. */
export interface FigureHtmlOptions {
  /** Keep the settings in the address's fragment. Defaults to false. */
  hash?: boolean;
}

/** The names of the figures that exist. */
export const FIGURE_NAMES: readonly string[] = Object.keys(FIGURES);

/**
 * The host element of figure `name` with its static rendering, as one line of HTML
 * (no blank line, so markdown-it keeps it one HTML block).
 *
 * @example
 * ```ts
 * import { figureHtml } from "./embed.ts";
 * import assert from "node:assert/strict";
 *
 * const html = figureHtml("robust-lines");
 * assert.match(html, /^<div class="fig-host" data-figure-host="robust-lines">/);
 * assert.ok(!html.includes("\n"));
 * ```
 */
export function figureHtml(
  name: string,
  options: FigureHtmlOptions = {},
): string {
  const def = figureNamed(name);
  const { document } = parseHTML("<!DOCTYPE html><html><body></body></html>");
  const el = renderStatic(def, document as unknown as Document);
  const inner = el.outerHTML.replace(/\s*\n\s*/g, " ");
  const hash = options.hash ? ' data-figure-hash=""' : "";
  return `<div class="fig-host" data-figure-host="${name}"${hash}>${inner}</div>`;
}

/**
 * Replaces every marker line `<!-- figure: NAME -->` of `markdown` by the host
 * element of figure NAME (surrounded by blank lines, so it is a block of its own).
 *
 * @param markdown A chapter's markdown (a cell's source, or a whole page's).
 * @returns The markdown with the figures in place.
 * @throws {RangeError} If a marker names a figure that does not exist.
 *
 * @example
 * ```ts
 * import { figureMarkers } from "./embed.ts";
 * import assert from "node:assert/strict";
 *
 * const out = figureMarkers("Text.\n<!-- figure: gd-newton -->\nMore.");
 * assert.match(out, /^Text\.\n\n<div class="fig-host" data-figure-host="gd-newton">.*<\/div>\n\nMore\.$/s);
 * assert.equal(figureMarkers("No marker."), "No marker.");
 * ```
 */
export function figureMarkers(markdown: string): string {
  return markdown.replace(
    MARKER,
    (_, name: string, hash?: string) =>
      `\n${figureHtml(name, { hash: hash !== undefined })}\n`,
  );
}

/** The figure names that `markdown`'s marker lines use, in order. */
export function markerNames(markdown: string): string[] {
  return [...markdown.matchAll(MARKER)].map((m) => m[1]!);
}

/** An empty host, as {@link figurePlaceholders} writes it and a sanitiser keeps it. */
const PLACEHOLDER =
  /<div data-figure-host="([A-Za-z0-9_-]+)"( data-figure-hash(?:="")?)?><\/div>/g;

/**
 * Like {@link figureMarkers}, but writes only an empty host
 * `<div data-figure-host="NAME"></div>` per marker: for a pipeline that sanitises
 * the rendered HTML (which would strip the SVG and its `<style>`). After sanitising
 * (keeping `div` and `data-figure-host`), {@link fillFigureHosts} puts the figures in.
 *
 * @example
 * ```ts
 * import { figurePlaceholders, fillFigureHosts } from "./embed.ts";
 * import assert from "node:assert/strict";
 *
 * const md = figurePlaceholders("<!-- figure: efficiency -->");
 * assert.equal(md, '\n<div data-figure-host="efficiency"></div>\n');
 * assert.match(fillFigureHosts(md), /^\n<div class="fig-host" data-figure-host="efficiency"><figure /);
 * ```
 */
export function figurePlaceholders(markdown: string): string {
  return markdown.replace(MARKER, (_, name: string, hash?: string) => {
    figureNamed(name); // an unknown name fails here, at the marker
    const flag = hash !== undefined ? ' data-figure-hash=""' : "";
    return `\n<div data-figure-host="${name}"${flag}></div>\n`;
  });
}

/**
 * Replaces each empty host left by {@link figurePlaceholders} by the figure (also
 * when a sanitiser wrote the flag as `data-figure-hash` without a value).
 */
export function fillFigureHosts(html: string): string {
  return html.replace(
    PLACEHOLDER,
    (_, name: string, hash?: string) =>
      figureHtml(name, { hash: hash !== undefined }),
  );
}

/**
 * Where each figure is: the notebook and the heading of the section whose text and
 * static chart it illustrates. The notebook's marker line sits in that section, after
 * the chapter's chart of the same thing (at the start of the next markdown cell, or at
 * the end of the cell that explains the chart), so the reading edition shows the
 * text, the notebook's chart, then the figure to play with. `tests/figures_test.ts`
 * checks that the committed notebooks carry exactly these markers.
 */
export const SUGGESTED_PLACES: Readonly<
  Record<string, { notebook: string; heading: string }>
> = {
  "variance-divisor": {
    notebook: "01_estimators",
    heading: "The best divisor",
  },
  "log-likelihood": {
    notebook: "02_mle",
    heading: "What the log-likelihood looks like",
  },
  "robust-lines": {
    notebook: "03_cross_entropy",
    heading: "One outlier, three forces",
  },
  "penalty-shapes": {
    notebook: "04_map",
    heading: "A Laplace prior gives the L1 penalty",
  },
  "mle-map": {
    notebook: "04_map",
    heading: "Prior, likelihood and posterior in one dimension",
  },
  efficiency: {
    notebook: "05_properties_crb",
    heading: "Asymptotic efficiency, and a caveat",
  },
  "gd-newton": {
    notebook: "06_training_loop",
    heading: "The learning curve against the optimum",
  },
};
