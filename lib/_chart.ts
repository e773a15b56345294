/**
 * A chart rendered by Observable Plot, as one self-contained SVG picture plus its title
 * and caption as text (private to `display.ts`).
 *
 * Plot wraps a chart that has a title, caption or legend in an HTML `<figure>`: the
 * title is an `<h2>`, the colour legend a row of HTML swatches, the caption a
 * `<figcaption>`. Jupyter front ends show such HTML sanitised (the SVG stripped) until
 * the notebook is trusted, and the `<h2>` lands in JupyterLab's table of contents.
 * {@link chartPicture} takes the figure apart: the legend is redrawn inside the SVG (so
 * a raster copy loses nothing), the title and caption come back as plain text for the
 * caller to show as text that is not a heading.
 *
 * @module
 */

import { svgToPng } from "./_png.ts";

/** A chart as one standalone SVG document plus the text around it. */
export interface ChartPicture {
  /** The chart's title (Plot's `title`), or `undefined` when it has none. */
  title: string | undefined;
  /** The chart's subtitle (Plot's `subtitle`), or `undefined`. */
  subtitle: string | undefined;
  /** The chart's caption (Plot's `caption`), or `undefined`. */
  caption: string | undefined;
  /** A standalone SVG document (with `xmlns`), legends drawn inside it. */
  svg: string;
  /** Width of the picture in CSS pixels. */
  width: number;
  /** Height of the picture in CSS pixels. */
  height: number;
}

/** The colour of text and axes in the picture: near-black, on {@link PAPER}. */
export const INK = "#1f1f1f";

/** The picture's background: charts are drawn on white so they read in dark themes too. */
export const PAPER = "#ffffff";

/** Legend text size in pixels, as Plot's HTML swatches use. */
const LEGEND_FONT_SIZE = 10;
/** Height of one legend row in pixels. */
const LEGEND_ROW = 22;
/** Generous mean advance of a character, in ems, so legend labels never overlap. */
const CHAR_EM = 0.6;

function escapeXml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

function text(el: Element | null | undefined): string | undefined {
  const t = el?.textContent?.replace(/\s+/g, " ").trim();
  return t ? t : undefined;
}

function tag(el: Element): string {
  return el.tagName.toLowerCase();
}

function classes(el: Element): string[] {
  return (el.getAttribute("class") ?? "").split(/\s+/).filter(Boolean);
}

function number(el: Element, name: string, fallback: number): number {
  const v = parseFloat(el.getAttribute(name) ?? "");
  return Number.isFinite(v) ? v : fallback;
}

/**
 * Whether a value is a chart {@link chartPicture} can draw: an `<svg>` element, or a
 * `<figure>` holding one (what Observable Plot returns).
 *
 * @param value Anything.
 * @returns `true` for a Plot chart.
 *
 * @example
 * ```ts
 * import { isChart } from "./_chart.ts";
 * import { plot, Plot } from "./plot.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(isChart(plot({ marks: [Plot.dot([[1, 2]])] })), true);
 * assert.equal(isChart("<svg></svg>"), false);
 * ```
 */
export function isChart(value: unknown): value is Element {
  if (typeof value !== "object" || value === null) return false;
  const el = value as Partial<Element>;
  if (typeof el.tagName !== "string" || typeof el.outerHTML !== "string") {
    return false;
  }
  const name = el.tagName.toLowerCase();
  if (name === "svg") return true;
  return name === "figure" && typeof el.querySelector === "function" &&
    el.querySelector("svg") !== null;
}

/** One swatch of an HTML legend: its little SVG symbol and its label. */
interface Swatch {
  symbol: Element | undefined;
  label: string;
}

function swatchesOf(legend: Element): Swatch[] {
  const out: Swatch[] = [];
  for (const el of Array.from(legend.querySelectorAll("*"))) {
    if (!classes(el).some((c) => c.endsWith("-swatch"))) continue;
    const symbol = el.querySelector("svg") ?? undefined;
    let label = "";
    for (const node of Array.from(el.childNodes)) {
      if (node !== symbol) label += node.textContent ?? "";
    }
    out.push({ symbol, label: label.replace(/\s+/g, " ").trim() });
  }
  return out;
}

/** Draws one symbol of a swatch legend at (x, y), `size` pixels square. */
function symbolSvg(symbol: Element | undefined, x: number, y: number): {
  markup: string;
  size: number;
} {
  if (!symbol) return { markup: "", size: 0 };
  const w = number(symbol, "width", 15);
  const h = number(symbol, "height", 15);
  const box = (symbol.getAttribute("viewBox") ?? `0 0 ${w} ${h}`).split(
    /[\s,]+/,
  ).map(Number);
  const [minX = 0, minY = 0, vbW = w, vbH = h] = box;
  const attrs: string[] = [];
  for (const a of Array.from(symbol.attributes)) {
    if (["width", "height", "viewBox", "class", "style"].includes(a.name)) {
      continue;
    }
    attrs.push(`${a.name}="${escapeXml(a.value)}"`);
  }
  // Percentages inside the swatch (Plot draws `<rect width="100%">`) refer to the
  // swatch's own box; inside the picture they would refer to the whole chart.
  const inner = Array.from(symbol.children).map((child) => {
    const clone = child.cloneNode(true) as Element;
    for (const [name, full] of [["width", vbW], ["height", vbH]] as const) {
      const v = clone.getAttribute(name);
      if (v?.endsWith("%")) {
        clone.setAttribute(name, String(full * parseFloat(v) / 100));
      }
    }
    if (clone.getAttribute("x") === null && tag(clone) === "rect") {
      clone.setAttribute("x", String(minX));
      clone.setAttribute("y", String(minY));
    }
    return clone.outerHTML;
  }).join("");
  const sx = w / vbW;
  const sy = h / vbH;
  return {
    markup:
      `<g transform="translate(${x},${y}) scale(${sx},${sy}) translate(${-minX},${-minY})" ${
        attrs.join(" ")
      }>${inner}</g>`,
    size: w,
  };
}

/** Lays a swatch legend out in rows no wider than `width`; returns markup and height. */
function legendSvg(
  swatches: Swatch[],
  width: number,
  top: number,
): { markup: string; height: number } {
  const parts: string[] = [];
  let x = 0;
  let row = 0;
  for (const s of swatches) {
    const symbolSize = s.symbol ? number(s.symbol, "width", 15) : 0;
    const labelWidth = Math.ceil(s.label.length * LEGEND_FONT_SIZE * CHAR_EM);
    const itemWidth = symbolSize + (symbolSize ? 5 : 0) + labelWidth;
    if (x > 0 && x + itemWidth > width) {
      row++;
      x = 0;
    }
    const cy = top + row * LEGEND_ROW + LEGEND_ROW / 2;
    const symbolHeight = s.symbol ? number(s.symbol, "height", 15) : 0;
    const sym = symbolSvg(s.symbol, x, cy - symbolHeight / 2);
    parts.push(sym.markup);
    const tx = x + symbolSize + (symbolSize ? 5 : 0);
    parts.push(
      `<text x="${tx}" y="${cy}" dy="0.35em" text-anchor="start">${
        escapeXml(s.label)
      }</text>`,
    );
    x += itemWidth + LEGEND_FONT_SIZE;
  }
  const rows = swatches.length ? row + 1 : 0;
  return {
    markup: `<g aria-label="legend" font-size="${LEGEND_FONT_SIZE}">${
      parts.join("")
    }</g>`,
    height: rows * LEGEND_ROW + (rows ? 6 : 0),
  };
}

/** A plot's `<svg>`, re-rooted at (0, y) inside the picture, without its HTML styles. */
function nestedSvg(svg: Element, y: number): string {
  const clone = svg.cloneNode(true) as Element;
  for (const style of Array.from(clone.querySelectorAll("style"))) {
    style.remove();
  }
  clone.removeAttribute("class");
  clone.removeAttribute("style");
  clone.setAttribute("x", "0");
  clone.setAttribute("y", String(y));
  return clone.outerHTML;
}

/**
 * Takes a Plot chart apart into one self-contained SVG picture (legends drawn inside
 * it, white background, near-black text) and its title, subtitle and caption as text.
 *
 * The SVG carries `role="img"`, an `aria-label` (the title) and `<title>`/`<desc>`
 * elements (title and caption), so screen readers and tooltips have the words even
 * where the text around the picture is not shown. Text and axes use `currentColor`
 * with the SVG's `color` set to {@link INK}, so a page that inlines the SVG can
 * re-colour it with CSS.
 *
 * @param chart What {@link isChart} accepts (what `plot()` returns).
 * @returns The picture and its text.
 * @throws {TypeError} If `chart` is not a chart.
 *
 * @example
 * ```ts
 * import { chartPicture } from "./_chart.ts";
 * import { plot, Plot } from "./plot.ts";
 * import assert from "node:assert/strict";
 *
 * const picture = chartPicture(plot({
 *   title: "Two points",
 *   caption: "Look at the right one.",
 *   marks: [Plot.dot([[1, 2], [2, 3]])],
 * }));
 * assert.equal(picture.title, "Two points");
 * assert.equal(picture.caption, "Look at the right one.");
 * assert.match(picture.svg, /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"[^>]* role="img"/);
 * assert.doesNotMatch(picture.svg, /<h2|<figure/);
 * ```
 */
export function chartPicture(chart: Element): ChartPicture {
  if (!isChart(chart)) {
    throw new TypeError(
      "chartPicture(): chart must be an <svg> element or a <figure> holding one, as plot() returns",
    );
  }
  let title: string | undefined;
  let subtitle: string | undefined;
  let caption: string | undefined;
  const blocks: ({ kind: "svg"; el: Element } | {
    kind: "legend";
    swatches: Swatch[];
  })[] = [];
  if (tag(chart) === "svg") {
    blocks.push({ kind: "svg", el: chart });
  } else {
    for (const child of Array.from(chart.children)) {
      const name = tag(child);
      if (name === "h2") title = text(child);
      else if (name === "h3") subtitle = text(child);
      else if (name === "figcaption") caption = text(child);
      else if (name === "svg") blocks.push({ kind: "svg", el: child });
      else {
        const swatches = swatchesOf(child);
        if (swatches.length) blocks.push({ kind: "legend", swatches });
        else {
          for (const svg of Array.from(child.querySelectorAll("svg"))) {
            blocks.push({ kind: "svg", el: svg });
          }
        }
      }
    }
  }
  const width = Math.max(
    1,
    ...blocks.map((b) => b.kind === "svg" ? number(b.el, "width", 640) : 0),
  );
  let y = 0;
  const body: string[] = [];
  for (const b of blocks) {
    if (b.kind === "legend") {
      const legend = legendSvg(b.swatches, width, y);
      body.push(legend.markup);
      y += legend.height;
    } else {
      body.push(nestedSvg(b.el, y));
      y += number(b.el, "height", 400);
    }
  }
  const height = Math.max(1, y);
  const label = title ?? caption ?? "Chart";
  const head = [
    `<title>${escapeXml(label)}</title>`,
    caption !== undefined && caption !== label
      ? `<desc>${escapeXml(caption)}</desc>`
      : "",
  ].join("");
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${
      escapeXml(label)
    }" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" ` +
    `color="${INK}" fill="currentColor" font-family="system-ui, sans-serif" font-size="10">` +
    head +
    `<rect width="${width}" height="${height}" fill="${PAPER}"/>` +
    body.join("") + `</svg>`;
  return { title, subtitle, caption, svg, width, height };
}

/** One output for Jupyter's display protocol: a MIME bundle and its metadata. */
export interface DisplayData {
  /** MIME type to content. */
  data: Record<string, unknown>;
  /** Metadata, per MIME type (for example an image's width in CSS pixels). */
  metadata: Record<string, unknown>;
}

/**
 * Escapes text so Markdown shows it as it is: no emphasis, links, HTML, math (`$`),
 * headings or list items.
 *
 * @param s Plain text (one paragraph).
 * @returns Markdown that renders as `s`.
 *
 * @example
 * ```ts
 * import { escapeMarkdown } from "./_chart.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(escapeMarkdown("a*b_c $x$"), "a\\*b\\_c \\$x\\$");
 * assert.equal(escapeMarkdown("1. not a list"), "1\\. not a list");
 * ```
 */
export function escapeMarkdown(s: string): string {
  return s.replace(/[\\`*_\[\]<>#|~$&]/g, "\\$&")
    .replace(/^(\s*\d+)([.)])/, "$1\\$2")
    .replace(/^(\s*)([-+=])/, "$1\\$2");
}

/**
 * The outputs that show a chart in a notebook: first its title (bold, not a heading),
 * subtitle and caption as Markdown, then the picture as `image/svg+xml` (for trusted
 * notebooks and the reading edition), `image/png` (what an untrusted notebook shows)
 * and `text/plain` (the alternative text), and no `text/html`, which untrusted
 * JupyterLab would prefer and show sanitised.
 *
 * @param chart What {@link isChart} accepts (what `plot()` returns).
 * @returns One or two outputs: the text (when the chart has any) and the picture.
 * @throws {TypeError} If `chart` is not a chart (the promise rejects).
 *
 * @example
 * ```ts
 * import { chartOutputs } from "./_chart.ts";
 * import { plot, Plot } from "./plot.ts";
 * import assert from "node:assert/strict";
 *
 * const [text, picture] = await chartOutputs(plot({
 *   title: "Two points",
 *   caption: "Look at the right one.",
 *   marks: [Plot.dot([[1, 2], [2, 3]])],
 * }));
 * assert.equal(text?.data["text/markdown"], "**Two points**\n\nLook at the right one.");
 * assert.deepEqual(Object.keys(picture?.data ?? {}), ["image/svg+xml", "image/png", "text/plain"]);
 * ```
 */
export async function chartOutputs(chart: Element): Promise<DisplayData[]> {
  const p = chartPicture(chart);
  const outputs: DisplayData[] = [];
  const words = [p.title, p.subtitle, p.caption];
  if (words.some((w) => w !== undefined)) {
    const md = [
      p.title !== undefined ? `**${escapeMarkdown(p.title)}**` : undefined,
      p.subtitle !== undefined ? `*${escapeMarkdown(p.subtitle)}*` : undefined,
      p.caption !== undefined ? escapeMarkdown(p.caption) : undefined,
    ].filter((s) => s !== undefined).join("\n\n");
    const plain = words.filter((s) => s !== undefined).join("\n");
    outputs.push({
      data: { "text/markdown": md, "text/plain": plain },
      metadata: {},
    });
  }
  const png = await svgToPng(p.svg.replace(/currentColor/g, INK));
  const alt = [p.title, p.caption].filter((s) => s !== undefined).join(": ") ||
    "Chart";
  outputs.push({
    data: {
      "image/svg+xml": p.svg,
      "image/png": encodeBase64(png.bytes),
      "text/plain": alt,
    },
    metadata: { "image/png": { width: p.width } },
  });
  return outputs;
}

function encodeBase64(bytes: Uint8Array): string {
  let s = "";
  for (let i = 0; i < bytes.length; i += 0x8000) {
    s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(s);
}
