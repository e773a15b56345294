/**
 * Charts as notebook outputs: what `show(chart)` sends to Jupyter (through
 * `chartOutputs`), and the PNG copy every untrusted client shows.
 */

import assert from "node:assert/strict";
import UPNG from "upng-js";
import { Plot, plot } from "../lib/plot.ts";
import {
  chartOutputs,
  chartPicture,
  escapeMarkdown,
  INK,
  isChart,
} from "../lib/_chart.ts";
import { RASTER_ZOOM, svgToPng } from "../lib/_png.ts";
import { show, textOf } from "../lib/display.ts";

const FITS = ["least squares", "least absolute deviations", "Huber"];
const COLOURS = ["#4c78a8", "#f58518", "#54a24b"];

function legendChart(): SVGSVGElement | HTMLElement {
  return plot({
    title: "Three lines *through* ten points",
    caption:
      "The blue line is pulled towards the outlier at x = 13; cost is $5.",
    width: 480,
    height: 240,
    x: { label: "x" },
    y: { label: "σ̂²", grid: true },
    color: { domain: FITS, range: COLOURS, legend: true },
    marks: FITS.map((fit, k) =>
      Plot.line([[0, k], [10, 2 * k]], { stroke: () => fit, strokeWidth: 8 })
    ),
  });
}

function decodePng(base64: string): {
  width: number;
  height: number;
  colourType: number;
  rgba: Uint8Array;
} {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const img = UPNG.decode(bytes.buffer);
  return {
    width: img.width,
    height: img.height,
    colourType: img.ctype,
    rgba: new Uint8Array(UPNG.toRGBA8(img)[0]),
  };
}

function hex(c: string): [number, number, number] {
  return [1, 3, 5].map((i) => parseInt(c.slice(i, i + 2), 16)) as [
    number,
    number,
    number,
  ];
}

/** Pixels within `tol` of a colour in every channel, in the given rows. */
function countNear(
  png: { width: number; rgba: Uint8Array },
  colour: string,
  tol: number,
  rows: [number, number] = [0, Infinity],
): number {
  const [r, g, b] = hex(colour);
  let n = 0;
  for (let i = 0; i < png.rgba.length; i += 4) {
    const row = Math.floor(i / 4 / png.width);
    if (row < rows[0] || row >= rows[1]) continue;
    if (
      Math.abs(png.rgba[i]! - r) <= tol &&
      Math.abs(png.rgba[i + 1]! - g) <= tol &&
      Math.abs(png.rgba[i + 2]! - b) <= tol
    ) n++;
  }
  return n;
}

Deno.test("show(chart) sends the title and caption as Markdown text, never as a heading", async () => {
  const [text] = await chartOutputs(legendChart());
  assert.ok(text);
  const md = text.data["text/markdown"] as string;
  assert.equal(
    md,
    "**Three lines \\*through\\* ten points**\n\n" +
      "The blue line is pulled towards the outlier at x = 13; cost is \\$5.",
  );
  assert.doesNotMatch(md, /^#/m);
  assert.equal(
    text.data["text/plain"],
    "Three lines *through* ten points\n" +
      "The blue line is pulled towards the outlier at x = 13; cost is $5.",
  );
});

Deno.test("a chart's picture bundle is SVG + PNG + alt text, without text/html (which untrusted JupyterLab prefers and sanitises)", async () => {
  const outputs = await chartOutputs(legendChart());
  assert.equal(outputs.length, 2);
  const picture = outputs[1]!;
  assert.deepEqual(Object.keys(picture.data), [
    "image/svg+xml",
    "image/png",
    "text/plain",
  ]);
  assert.match(
    picture.data["text/plain"] as string,
    /^Three lines \*through\* ten points: The blue line/,
  );
  assert.deepEqual(picture.metadata, { "image/png": { width: 480 } });
});

Deno.test("a chart without title or caption shows as the picture alone", async () => {
  const outputs = await chartOutputs(
    plot({ marks: [Plot.dot([[1, 2], [2, 3]])] }),
  );
  assert.equal(outputs.length, 1);
  assert.equal(outputs[0]!.data["text/plain"], "Chart");
});

Deno.test("the SVG is one standalone picture: role img, aria-label, title, desc, legend drawn inside, no HTML", () => {
  const p = chartPicture(legendChart());
  assert.match(
    p.svg,
    /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" role="img"/,
  );
  assert.match(p.svg, /aria-label="Three lines \*through\* ten points"/);
  assert.match(p.svg, /<title>Three lines \*through\* ten points<\/title>/);
  assert.match(p.svg, /<desc>The blue line is pulled/);
  for (const fit of FITS) assert.match(p.svg, new RegExp(`>${fit}</text>`));
  for (const colour of COLOURS) {
    assert.match(p.svg, new RegExp(`<g transform="[^"]*" fill="${colour}">`));
  }
  assert.doesNotMatch(p.svg, /<(h[1-6]|figure|figcaption|div|span|style)[\s>]/);
  // The legend pushes the plot down; the picture is taller than the plot.
  assert.equal(p.width, 480);
  assert.ok(p.height > 240, `height ${p.height}`);
  assert.match(p.svg, /<svg [^>]*y="(\d+)"/);
});

Deno.test("the PNG shows the legend's colours and dark text on white, at RASTER_ZOOM device pixels per CSS pixel", async () => {
  const chart = legendChart();
  const p = chartPicture(chart);
  const [, picture] = await chartOutputs(chart);
  const png = decodePng(picture!.data["image/png"] as string);
  assert.equal(png.colourType, 3, "a palette PNG (colour type 3)");
  assert.equal(png.width, Math.round(p.width * RASTER_ZOOM));
  assert.equal(png.height, Math.round(p.height * RASTER_ZOOM));
  // The legend row sits above the plot: its swatches are drawn there in the fit's colour.
  const plotTop = Number(p.svg.match(/<svg [^>]*y="(\d+)"/)?.[1]) * RASTER_ZOOM;
  for (const colour of COLOURS) {
    assert.ok(
      countNear(png, colour, 12, [0, plotTop]) > 100,
      `legend swatch ${colour} is drawn`,
    );
  }
  // Text (legend labels, tick labels) is drawn in ink, on a white page.
  assert.ok(countNear(png, INK, 24, [0, plotTop]) > 50, "legend labels drawn");
  assert.ok(countNear(png, INK, 24, [plotTop, Infinity]) > 200, "axes drawn");
  assert.ok(countNear(png, "#ffffff", 0) > png.width * png.height / 2);
});

Deno.test("the PNG is byte-for-byte the same on every run", async () => {
  const a = await chartOutputs(legendChart());
  const b = await chartOutputs(legendChart());
  assert.equal(a[1]!.data["image/png"], b[1]!.data["image/png"]);
  assert.equal(a[1]!.data["image/svg+xml"], b[1]!.data["image/svg+xml"]);
});

Deno.test("svgToPng draws text with the bundled font whatever family the SVG names", async () => {
  const svg = (family: string) =>
    `<svg xmlns="http://www.w3.org/2000/svg" width="60" height="20"><rect width="60" height="20" fill="white"/>` +
    `<text x="2" y="15" font-family="${family}" font-size="14">σ² 10</text></svg>`;
  const a = await svgToPng(svg("system-ui, sans-serif"));
  const b = await svgToPng(svg("Helvetica"));
  assert.deepEqual(a.bytes, b.bytes);
  const img = decodePng(
    btoa(String.fromCharCode(...a.bytes)),
  );
  assert.ok(countNear(img, "#000000", 40) > 20, "the glyphs are drawn");
});

Deno.test("isChart() accepts what plot() returns and nothing else", () => {
  assert.equal(isChart(legendChart()), true);
  assert.equal(isChart(plot({ marks: [] })), true);
  assert.equal(isChart("<svg></svg>"), false);
  assert.equal(isChart({ outerHTML: "<svg></svg>" }), false);
  assert.equal(isChart(null), false);
  assert.throws(
    () => chartPicture({} as Element),
    /chartPicture\(\): chart must be an <svg> element/,
  );
});

Deno.test("escapeMarkdown() leaves no emphasis, math, HTML, heading or list marker", () => {
  assert.equal(escapeMarkdown("a*b*"), "a\\*b\\*");
  assert.equal(escapeMarkdown("$x$ <b> [l](u)"), "\\$x\\$ \\<b\\> \\[l\\](u)");
  assert.equal(escapeMarkdown("# no heading"), "\\# no heading");
  assert.equal(escapeMarkdown("- no item"), "\\- no item");
  assert.equal(escapeMarkdown("2) no item"), "2\\) no item");
  assert.equal(escapeMarkdown("σ² = 1.5"), "σ² = 1.5");
});

Deno.test("show() outside the kernel prints a chart's markup as text", async () => {
  const chart = plot({ marks: [Plot.dot([[1, 2]])] });
  const log = console.log;
  const printed: string[] = [];
  console.log = (s: string) => printed.push(s);
  try {
    await show(chart);
  } finally {
    console.log = log;
  }
  assert.deepEqual(printed, [textOf(chart)]);
});
