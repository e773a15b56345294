/**
 * Charts as images with a name and a description. Observable Plot's figures carry
 * their title as an `<h2>` (it would join the page's outline) and draw `<g aria-label>`
 * groups without a role (which ARIA prohibits). For every chart SVG of an output:
 * the title becomes text that is not a heading, the SVG gets `role="img"`, an
 * `aria-label` from the title (kept when the chart already has one), and
 * `aria-describedby` pointing to the caption; the groups' labels are dropped (an image's
 * inside is not read anyway). Charts that already come as `image/svg+xml` with a role,
 * a name and a description keep them.
 *
 * @module
 */

import { parseHTML } from "linkedom";

/** Per-page counter for the caption ids. */
export interface ChartIds {
  charts: number;
}

/**
 * Makes the charts of one output accessible (see the module's documentation).
 *
 * @param html An output's HTML (already sanitised).
 * @param ids The page's counter, for unique caption ids.
 * @param fallbackName A name for a chart with no title and no label (e.g. the text of
 *   the output that precedes it).
 * @returns The HTML with the charts fixed; unchanged when it holds no SVG.
 */
export function accessibleCharts(
  html: string,
  ids: ChartIds,
  fallbackName = "",
): string {
  if (!/<svg[\s>]/i.test(html)) return html;
  const { document } = parseHTML(
    `<!DOCTYPE html><html><body><div id="root">${html}</div></body></html>`,
  );
  const root = document.getElementById("root")!;
  for (const svg of [...root.querySelectorAll("svg")]) {
    if (svg.parentElement?.closest("svg")) continue;
    const figure = svg.closest("figure");
    let title = "";
    let captionId = "";
    if (figure) {
      for (const h of [...figure.querySelectorAll("h1, h2, h3, h4, h5, h6")]) {
        const p = document.createElement("p");
        p.setAttribute(
          "class",
          h.tagName.toLowerCase() === "h2" || !title
            ? "chart-title"
            : "chart-subtitle",
        );
        p.innerHTML = h.innerHTML;
        title ||= (h.textContent ?? "").trim();
        h.replaceWith(p);
      }
      const caption = figure.querySelector("figcaption");
      if (caption && (caption.textContent ?? "").trim()) {
        captionId = caption.getAttribute("id") ?? "";
        if (!captionId) {
          captionId = `chart-caption-${++ids.charts}`;
          caption.setAttribute("id", captionId);
        }
      }
    }
    svg.setAttribute("role", "img");
    const name = svg.getAttribute("aria-label") || title ||
      (svg.querySelector(":scope > title")?.textContent ?? "").trim() ||
      fallbackName || "Chart";
    svg.setAttribute("aria-label", name);
    if (captionId && !svg.getAttribute("aria-describedby")) {
      svg.setAttribute("aria-describedby", captionId);
    }
    for (const el of [...svg.querySelectorAll("*")]) {
      el.removeAttribute("aria-label");
      el.removeAttribute("aria-description");
      el.removeAttribute("role");
    }
    // Its drawn width, so narrow screens can keep the text legible (book.css).
    const w = Number((svg.getAttribute("viewBox") ?? "").split(/[\s,]+/)[2]);
    if (w > 0) {
      const style = svg.getAttribute("style") ?? "";
      svg.setAttribute(
        "style",
        `${style}${
          style && !style.trim().endsWith(";") ? ";" : ""
        }--chart-w:${w}`,
      );
    }
  }
  return root.innerHTML;
}
