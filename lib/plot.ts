/**
 * Observable Plot charts rendered without a browser, deterministically.
 *
 * Plot needs a DOM; outside a browser {@link plot} gives it one from linkedom. Plot
 * also names each chart's CSS class at random unless told otherwise, which would make
 * every run's SVG differ; {@link plot} passes a fixed class name. Charts use
 * `currentColor` for text and axes; `show()` draws them on white with near-black ink
 * (as SVG and as a PNG copy), so they read in light and dark themes alike.
 *
 * @module
 */

import * as Plot from "@observablehq/plot";
import { parseHTML } from "linkedom";
import { describe, isRevokedProxy } from "./_validate.ts";

export { Plot };

/** The class name given to every chart, so the markup is the same on every run. */
export const PLOT_CLASS_NAME = "estimation-plot";

let cachedDocument: Document | undefined;

function linkedomDocument(): Document {
  if (!cachedDocument) {
    const { document } = parseHTML(
      "<!DOCTYPE html><html><head></head><body></body></html>",
    );
    cachedDocument = document as unknown as Document;
  }
  return cachedDocument;
}

/**
 * Renders an Observable Plot chart with a deterministic class name, in a browser or
 * outside one.
 *
 * @param options Plot's options (`marks`, `x`, `y`, `title`, `caption`, ...), all
 *   optional: `{}` draws an empty frame. Set `document` or `className` to override
 *   the defaults.
 * @returns The chart: an `<svg>` element, or a `<figure>` when it has a title, caption
 *   or legend. In the Deno kernel, `show(chart)` displays the title and caption as
 *   Markdown text and the chart, its legend drawn inside, as one SVG picture with a PNG
 *   copy (what an untrusted notebook shows).
 * @throws {TypeError} If `options` is not an object (an array of marks belongs in
 *   `{ marks }`) or is a revoked `Proxy`.
 *
 * @example
 * ```ts
 * import { plot, Plot } from "./plot.ts";
 * import assert from "node:assert/strict";
 *
 * const chart = plot({ marks: [Plot.dot([[1, 2], [2, 3]])] });
 * assert.match(chart.outerHTML, /^<svg [^>]*class="estimation-plot"/);
 * ```
 */
export function plot(options: Plot.PlotOptions): SVGSVGElement | HTMLElement {
  if (
    typeof options !== "object" || options === null ||
    isRevokedProxy(options) || Array.isArray(options)
  ) {
    throw new TypeError(
      `plot(): options must be an object of Plot options, e.g. { marks: [...] } (received ${
        describe(options)
      })`,
    );
  }
  const document = options.document ??
    (typeof globalThis.document !== "undefined"
      ? globalThis.document
      : linkedomDocument());
  return Plot.plot({ className: PLOT_CLASS_NAME, ...options, document });
}
