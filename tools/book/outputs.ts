/**
 * Renders a code cell's outputs to HTML: text streams, errors, HTML, markdown, LaTeX,
 * SVG inline, raster images, JSON. Raw HTML and SVG are sanitised, and charts made
 * images with a name and a description (`charts.ts`).
 *
 * @module
 */

import type { Output } from "../notebook_runner.ts";
import { joinSource, stripAnsi } from "../notebook_runner.ts";
import { escapeHtml } from "./_util.ts";
import { accessibleCharts } from "./charts.ts";
import { type Markdown, type PageEnv, renderMath } from "./markdown.ts";
import { sanitize } from "./sanitize.ts";

/**
 * The MIME types shown, in order of preference: a chart's SVG before its PNG fallback
 * and before any HTML of the same bundle, then as nbconvert prefers them.
 */
const MIME_ORDER = [
  "image/svg+xml",
  "text/html",
  "text/markdown",
  "text/latex",
  "image/png",
  "image/jpeg",
  "image/gif",
  "application/json",
  "text/plain",
];

/** Removes what inline SVG in HTML5 does not need: XML prolog, doctype, comments. */
function inlineSvg(svg: string): string {
  return svg.replace(/<\?xml[^>]*\?>/g, "").replace(/<!DOCTYPE[^>]*>/gi, "")
    .replace(/<!--[\s\S]*?-->/g, "").trim();
}

/**
 * Drops XML namespace declarations (`xmlns="http://www.w3.org/2000/svg"`, MathML's,
 * xlink's): HTML5 puts inline `<svg>` and `<math>` in their namespaces by itself, and
 * the declarations look like web addresses to a search for loaded resources.
 */
export function stripXmlns(html: string): string {
  return html.replace(
    /\s+xmlns(?::[a-z]+)?="http:\/\/www\.w3\.org\/[^"]*"/gi,
    "",
  );
}

function renderOutput(
  md: Markdown,
  env: PageEnv,
  o: Output,
  context: string,
): string {
  if (o.output_type === "stream") {
    const cls = o.name === "stderr" ? "stderr" : "stdout";
    return `<pre class="output stream ${cls}">${
      escapeHtml(stripAnsi(joinSource(o.text)).replace(/\n$/, ""))
    }</pre>`;
  }
  if (o.output_type === "error") {
    const tb = (o.traceback ?? []).map(stripAnsi).join("\n") ||
      `${o.ename}: ${o.evalue}`;
    return `<pre class="output error">${escapeHtml(tb)}</pre>`;
  }
  const data = o.data ?? {};
  const mime = MIME_ORDER.find((m) => data[m] !== undefined);
  if (!mime) return "";
  const raw = data[mime];
  const value = typeof raw === "string" || Array.isArray(raw)
    ? joinSource(raw as string | string[])
    : JSON.stringify(raw, null, 2);
  switch (mime) {
    case "text/html": {
      const cls = /<table[\s>]/i.test(value)
        ? "output html table-wrap"
        : "output html";
      return `<div class="${cls}">${
        accessibleCharts(sanitize(value), env, context)
      }</div>`;
    }
    case "text/markdown":
      return `<div class="output markdown">${
        sanitize(md.render(value, env))
      }</div>`;
    case "text/latex": {
      const tex = value.trim().replace(/^\$\$?|\$\$?$/g, "");
      return `<div class="output math-display">${renderMath(tex, true)}</div>`;
    }
    case "image/svg+xml":
      return `<div class="output svg">${
        accessibleCharts(sanitize(inlineSvg(value)), env, context)
      }</div>`;
    case "image/png":
    case "image/jpeg":
    case "image/gif": {
      const alt = typeof data["text/plain"] === "string"
        ? String(data["text/plain"])
        : "";
      return `<div class="output image"><img src="data:${mime};base64,${
        value.replace(/\s+/g, "")
      }" alt="${escapeHtml(alt)}"></div>`;
    }
    case "application/json":
      return `<pre class="output json">${escapeHtml(value)}</pre>`;
    default:
      return `<pre class="output text">${escapeHtml(stripAnsi(value))}</pre>`;
  }
}

export function renderOutputs(
  md: Markdown,
  env: PageEnv,
  outputs: Output[],
): string {
  // Consecutive writes to the same stream read as one block of text.
  const merged: Output[] = [];
  for (const o of outputs) {
    const last = merged[merged.length - 1];
    if (
      o.output_type === "stream" && last?.output_type === "stream" &&
      last.name === o.name
    ) {
      merged[merged.length - 1] = {
        ...last,
        text: joinSource(last.text) + joinSource(o.text),
      };
    } else merged.push(o);
  }
  // A chart's name may come from the text shown just before it (its title).
  let context = "";
  const html: string[] = [];
  for (const o of merged) {
    const h = renderOutput(md, env, o, context);
    const md_ = o.data?.["text/markdown"];
    context = md_ !== undefined
      ? joinSource(md_ as string | string[]).replace(/[*_`#>]/g, "").trim()
        .split("\n")[0]!.trim()
      : "";
    if (h) html.push(h);
  }
  return html.join("\n");
}
