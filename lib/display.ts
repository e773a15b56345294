/**
 * Showing values in a notebook.
 *
 * The Deno 2.9 Jupyter kernel can report a cell finished before the cell's output has
 * been sent, and a headless client then drops that output. {@link show} displays
 * explicitly and then waits a moment, which in trials lost no output; notebooks use it
 * instead of leaving a value as a cell's last expression.
 *
 * Outside the kernel (in `deno test`, or `deno run`), {@link show} prints to standard
 * output, so library code and notebooks' code can be exercised anywhere. Nothing here
 * touches `Deno.jupyter` at import time.
 *
 * @module
 */

import { describe, isRevokedProxy } from "./_validate.ts";
import { chartOutputs, isChart } from "./_chart.ts";

/** A MIME bundle, as Jupyter's display protocol carries it. */
export type MimeBundle = Record<string, unknown>;

interface JupyterApi {
  display(obj: unknown, options?: { raw?: boolean }): Promise<void>;
  broadcast?(msgType: string, content: Record<string, unknown>): Promise<void>;
}

/** How long {@link show} waits after displaying, in milliseconds. */
export const DISPLAY_SETTLE_MS = 30;

/**
 * The kernel's `Deno.jupyter` namespace, or `undefined` outside the kernel.
 *
 * @returns The namespace when running in `deno jupyter`, else `undefined`.
 *
 * @example
 * ```ts
 * import { jupyterApi } from "./display.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(jupyterApi(), undefined); // deno test is not the kernel
 * ```
 */
export function jupyterApi(): JupyterApi | undefined {
  try {
    const api = Reflect.get(Deno, "jupyter") as JupyterApi | undefined;
    return api && typeof api.display === "function" ? api : undefined;
  } catch {
    return undefined; // "Deno.jupyter is only available in `deno jupyter`"
  }
}

/** Refuses a revoked Proxy, which every read turns into an engine error. */
function checkReadable(fn: string, value: unknown): void {
  if (isRevokedProxy(value)) {
    throw new TypeError(
      `${fn}(): value cannot be read: it is a revoked Proxy (received ${
        describe(value)
      })`,
    );
  }
}

function hasOuterHtml(value: unknown): value is { outerHTML: string } {
  return typeof value === "object" && value !== null &&
    typeof Reflect.get(value, "outerHTML") === "string";
}

/** The MIME bundle a value gives the kernel under `Symbol.for("Jupyter.display")`. */
function displayBundle(value: unknown): MimeBundle | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  const method = Reflect.get(value, Symbol.for("Jupyter.display"));
  if (typeof method !== "function") return undefined;
  const bundle = method.call(value);
  return typeof bundle === "object" && bundle !== null ? bundle : undefined;
}

/**
 * A value's plain-text form, as {@link show} prints it outside the kernel.
 *
 * Strings print as they are; numbers as JavaScript prints them (shortest round-trip
 * form); DOM elements (charts) as their markup; values that give the kernel a MIME
 * bundle (`Symbol.for("Jupyter.display")`, e.g. `table()`) as the bundle's `text/plain`;
 * anything else through `Deno.inspect`.
 *
 * @param value Anything that can be read.
 * @returns Its text form.
 * @throws {TypeError} If `value` is a revoked `Proxy` (nothing about it can be read).
 *
 * @example
 * ```ts
 * import { textOf } from "./display.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(textOf("mean 3.5"), "mean 3.5");
 * assert.equal(textOf(0.1 + 0.2), "0.30000000000000004");
 * ```
 */
export function textOf(value: unknown): string {
  checkReadable("textOf", value);
  if (typeof value === "string") return value;
  if (hasOuterHtml(value)) return value.outerHTML;
  const bundle = displayBundle(value);
  if (typeof bundle?.["text/plain"] === "string") return bundle["text/plain"];
  return Deno.inspect(value, {
    colors: false,
    depth: 6,
    iterableLimit: 200,
    strAbbreviateSize: 10_000,
  });
}

/**
 * Shows a value as a cell output, and makes sure the output is not lost.
 *
 * In the kernel, strings show as plain text (without quotes); charts (what `plot()`
 * returns) as two outputs, their title and caption as Markdown text (never a heading)
 * and then the picture as `image/svg+xml` + `image/png` + `text/plain`, so that an
 * untrusted notebook, which shows no SVG, still shows the PNG; other elements as
 * HTML, polars DataFrames as tables, and anything else as the kernel formats it.
 * Outside the kernel the value's {@link textOf} form goes to standard output.
 *
 * @param value What to show.
 * @returns A promise that settles once the output has been sent.
 * @throws {TypeError} If `value` is a revoked `Proxy` (the promise rejects).
 *
 * @example
 * ```ts
 * import { show } from "./display.ts";
 *
 * await show("hello"); // prints "hello" outside the kernel
 * ```
 */
export async function show(value: unknown): Promise<void> {
  checkReadable("show", value);
  const api = jupyterApi();
  if (!api) {
    console.log(textOf(value));
    return;
  }
  if (typeof value === "string") {
    await api.display({ "text/plain": value }, { raw: true });
  } else if (isChart(value)) {
    for (const output of await chartOutputs(value)) {
      await sendDisplayData(api, output.data, output.metadata);
    }
    return;
  } else {
    await api.display(value);
  }
  await settle();
}

function settle(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, DISPLAY_SETTLE_MS));
}

/** Sends one display_data message with metadata (which `display()` cannot carry). */
async function sendDisplayData(
  api: JupyterApi,
  data: MimeBundle,
  metadata: Record<string, unknown>,
): Promise<void> {
  if (typeof api.broadcast === "function") {
    await api.broadcast("display_data", { data, metadata, transient: {} });
  } else {
    await api.display(data, { raw: true });
  }
  await settle();
}

/**
 * Shows a MIME bundle exactly as given (for example Markdown built from computed
 * numbers: `{ "text/markdown": md, "text/plain": md }`).
 *
 * @param bundle MIME type to content: at least one entry.
 * @returns A promise that settles once the output has been sent.
 * @throws {TypeError} If `bundle` is not an object of MIME types, or is a revoked
 *   `Proxy` (the promise rejects).
 * @throws {RangeError} If `bundle` has no entry (the promise rejects).
 *
 * @example
 * ```ts
 * import { showBundle } from "./display.ts";
 *
 * await showBundle({ "text/plain": "x = 1" }); // prints "x = 1" outside the kernel
 * ```
 */
export async function showBundle(bundle: MimeBundle): Promise<void> {
  if (
    typeof bundle !== "object" || bundle === null || isRevokedProxy(bundle) ||
    Array.isArray(bundle)
  ) {
    throw new TypeError(
      `showBundle(): bundle must be an object mapping MIME types to content (received ${
        describe(bundle)
      })`,
    );
  }
  if (Object.keys(bundle).length === 0) {
    throw new RangeError(
      "showBundle(): bundle must have at least one MIME type (received an empty object)",
    );
  }
  const api = jupyterApi();
  if (!api) {
    const text = bundle["text/plain"] ?? bundle["text/markdown"] ??
      Object.values(bundle)[0];
    console.log(typeof text === "string" ? text : textOf(text));
    return;
  }
  await api.display(bundle, { raw: true });
  await settle();
}

/**
 * Shows Markdown (rendered in Jupyter, VS Code and the reading edition).
 *
 * @param markdown The Markdown text; `$...$` math is rendered by the front end.
 * @returns A promise that settles once the output has been sent.
 * @throws {TypeError} If `markdown` is not a string.
 *
 * @example
 * ```ts
 * import { showMarkdown } from "./display.ts";
 *
 * await showMarkdown("**bias** = 0.012");
 * ```
 */
export function showMarkdown(markdown: string): Promise<void> {
  if (typeof markdown !== "string") {
    throw new TypeError(
      `showMarkdown(): markdown must be a string (received ${
        describe(markdown)
      })`,
    );
  }
  return showBundle({ "text/markdown": markdown, "text/plain": markdown });
}
