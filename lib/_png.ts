/**
 * SVG to PNG in pure WebAssembly, byte for byte the same on every run (private to
 * `display.ts`).
 *
 * resvg renders the SVG with one font shipped in an npm package (DejaVu Sans; no system
 * fonts are looked up, so the machine cannot change the picture), then the pixels are
 * reduced to a 256-colour palette (UPNG's quantiser, which has no randomness) to keep
 * the notebooks small. The WebAssembly module and the font load on first use, not at
 * import.
 *
 * @module
 */

import { createRequire } from "node:module";
import { initWasm, Resvg } from "@resvg/resvg-wasm";
import UPNG from "upng-js";

/** The font family every text of a rasterised chart is drawn in. */
export const RASTER_FONT = "DejaVu Sans";

/** Device pixels per CSS pixel of the PNG copy of a chart. */
export const RASTER_ZOOM = 1.5;

/** Colours in the PNG's palette. */
const PALETTE_COLOURS = 256;

let ready: Promise<Uint8Array[]> | undefined;

function load(): Promise<Uint8Array[]> {
  ready ??= (async () => {
    const require = createRequire(import.meta.url);
    await initWasm(
      Deno.readFileSync(require.resolve("@resvg/resvg-wasm/index_bg.wasm")),
    );
    return [
      "dejavu-fonts-ttf/ttf/DejaVuSans.ttf",
      "dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf",
    ].map((f) => Deno.readFileSync(require.resolve(f)));
  })();
  return ready;
}

/**
 * Rasterises an SVG document to a palette PNG, deterministically.
 *
 * Every font family maps to {@link RASTER_FONT}; the background is whatever the SVG
 * paints (transparent where it paints nothing). `currentColor` is black, as in an
 * `<img>`: give the SVG a `color` attribute for another ink.
 *
 * @param svg A standalone SVG document (with `xmlns`).
 * @param options.zoom Device pixels per CSS pixel. Defaults to {@link RASTER_ZOOM}.
 * @returns The PNG file's bytes and its size in device pixels.
 * @throws {Error} If resvg cannot parse the SVG (the promise rejects).
 *
 * @example
 * ```ts
 * import { svgToPng } from "./_png.ts";
 * import assert from "node:assert/strict";
 *
 * const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="20" height="10">' +
 *   '<rect width="20" height="10" fill="white"/><text y="9">a</text></svg>';
 * const png = await svgToPng(svg, { zoom: 2 });
 * assert.deepEqual([png.width, png.height], [40, 20]);
 * assert.deepEqual([...png.bytes.slice(1, 4)], [0x50, 0x4e, 0x47]); // "PNG"
 * assert.deepEqual(png.bytes, (await svgToPng(svg, { zoom: 2 })).bytes);
 * ```
 */
export async function svgToPng(
  svg: string,
  options: { zoom?: number } = {},
): Promise<{ bytes: Uint8Array; width: number; height: number }> {
  const fonts = await load();
  const resvg = new Resvg(svg, {
    font: {
      fontBuffers: fonts,
      loadSystemFonts: false,
      defaultFontFamily: RASTER_FONT,
      sansSerifFamily: RASTER_FONT,
      serifFamily: RASTER_FONT,
      monospaceFamily: RASTER_FONT,
      cursiveFamily: RASTER_FONT,
      fantasyFamily: RASTER_FONT,
    },
    fitTo: { mode: "zoom", value: options.zoom ?? RASTER_ZOOM },
    shapeRendering: 2,
    textRendering: 1,
  });
  const image = resvg.render();
  const { width, height } = image;
  const pixels = image.pixels.slice();
  image.free();
  resvg.free();
  const bytes = new Uint8Array(
    UPNG.encode([pixels.buffer], width, height, PALETTE_COLOURS),
  );
  return { bytes, width, height };
}
