/**
 * The one small framework every interactive figure uses: labelled, keyboard-operable
 * controls (range inputs showing their value, number inputs for seeds, selects), the
 * numbers in an `aria-live` region, charts drawn with Observable Plot, a redraw on
 * every input, and optionally the settings in the page's fragment.
 *
 * A figure is a {@link FigureDefinition}: its controls, a pure `compute(settings)`
 * that asks the library for the numbers, the readings to print and the charts to
 * draw. {@link mountFigure} makes it live in the browser; {@link renderStatic} draws
 * the same figure without controls for a page built outside a browser (print, no
 * JavaScript), given a DOM such as linkedom's.
 *
 * @module
 */

import * as Plot from "@observablehq/plot";
import { fmt } from "./_lib.ts";

/** A figure's settings: every value a control sets. */
export type Settings = Record<string, number | string>;

/** A value, or a function of the current settings giving it. */
export type Dynamic<S, T> = T | ((settings: S) => T);

/** What every control has. */
export interface ControlBase<S> {
  /**
   * Whether the control applies under the current settings (e.g. `p` only for the
   * Bernoulli model); hidden controls are left out of the settings line. Defaults to
   * always.
   */
  visible?: (settings: S) => boolean;
}

/** A slider with its value shown next to it. */
export interface RangeControl<S> extends ControlBase<S> {
  kind: "range";
  /** The settings key it sets. */
  key: keyof S & string;
  /** Visible label (plain text). */
  label: string;
  min: Dynamic<S, number>;
  max: Dynamic<S, number>;
  step: number;
  /** How the value is shown next to the slider; defaults to `String(v)`. */
  format?: (value: number) => string;
}

/** A number box, for seeds. */
export interface NumberControl<S> extends ControlBase<S> {
  kind: "number";
  key: keyof S & string;
  label: string;
  min: number;
  max: number;
  step: number;
}

/** A drop-down list. */
export interface SelectControl<S> extends ControlBase<S> {
  kind: "select";
  key: keyof S & string;
  label: string;
  options: readonly { value: string; label: string }[];
}

/**
 * The seed box every figure has: numpy's legacy seeds, 0 to 2^32 − 1, so a figure
 * draws what the notebook draws for the same seed.
 *
 * @returns A {@link NumberControl} for the settings key `seed`.
 *
 * @example
 * ```ts
 * import { seedControl } from "./_framework.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(seedControl<{ seed: number }>().max, 2 ** 32 - 1);
 * ```
 */
export function seedControl<S extends { seed: number }>(): NumberControl<S> {
  return {
    kind: "number",
    key: "seed" as keyof S & string,
    label: "seed",
    min: 0,
    max: 4294967295,
    step: 1,
  };
}

/** Any control. */
export type Control<S> = RangeControl<S> | NumberControl<S> | SelectControl<S>;

/** One number the figure prints. */
export interface Reading {
  /** Stable key (tests read `[data-key=...]`). */
  key: string;
  /** Visible label (plain text). */
  label: string;
  /** The value. */
  value: number;
  /** Format: `.Nf` fixed, `.Ne` exponent, `d` integer, `.N%` percent. */
  spec: string;
}

/** One chart: Plot options plus its accessible name and description. */
export interface ChartSpec {
  /** Stable key. */
  key: string;
  /** Accessible name of the chart (its short title). */
  label: string;
  /** What to look at: shown below the chart and used as its description. */
  caption: string;
  /**
   * Plot's options; `document` and `className` are filled in, and `width` (the
   * figure's, unless given here: then it is the chart's largest width, and a narrower
   * chart keeps the aspect of `width` × `height`).
   */
  options: Plot.PlotOptions;
  /**
   * Makes the live chart draggable with a pointer: called with the pointer's place in
   * the chart's data coordinates, returns the settings to change (or null). A
   * pointer's shortcut only: every setting a drag changes has its keyboard control.
   */
  drag?: (point: { x: number; y: number }) => Settings | null;
}

/** What a draggable chart needs at event time (its scales are those it was drawn with). */
interface DragInfo {
  svg: Element;
  x: { invert?: (v: number) => number };
  y: { invert?: (v: number) => number };
  drag: NonNullable<ChartSpec["drag"]>;
}

const dragInfo = new WeakMap<Element, DragInfo>();

/** Everything a figure is. */
export interface FigureDefinition<S extends Settings, R> {
  /** Short name used in markers and ids (`[a-z0-9-]+`). */
  name: string;
  /** Chapter it belongs to, e.g. `"01"`. */
  chapter: string;
  /** Title (shown as bold text, never a heading). */
  title: string;
  /** One or two sentences: what to do and what to watch. */
  lead: string;
  /** The default settings. */
  defaults: S;
  /** The controls, in order. */
  controls: readonly Control<S>[];
  /** Brings settings into range (e.g. a divisor bound by n); defaults to identity. */
  normalise?: (settings: S) => S;
  /** The numbers, from the library. Pure: same settings, same result. */
  compute: (settings: S) => R;
  /** The numbers printed. */
  readings: (result: R, settings: S) => Reading[];
  /**
   * The charts drawn, for a figure whose charts are `width` pixels wide (the live
   * figure's available width, or {@link STATIC_WIDTH}): a chart that keeps an aspect
   * (equal units on x and y) can fit its domain to it.
   */
  charts: (result: R, settings: S, width: number) => ChartSpec[];
}

// ---------------------------------------------------------------------------------
// Formatting
// ---------------------------------------------------------------------------------

/**
 * Formats a number with a Python-style spec (`.4f`, `.3e`, `d`, `.1%`, `+.2f`, ...)
 * exactly as the notebooks' `fmt` does (it is `fmt` itself), so a figure prints a
 * number the way the notebook prints it: `1.234e+04`, `-0.0000`, `nan`.
 *
 * @example
 * ```ts
 * import { formatNumber } from "./_framework.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(formatNumber(0.123456, ".3f"), "0.123");
 * assert.equal(formatNumber(12345, ".3e"), "1.234e+04");
 * assert.equal(formatNumber(0.25, ".1%"), "25.0%");
 * assert.equal(formatNumber(NaN, ".2f"), "nan");
 * ```
 */
export function formatNumber(value: number, spec: string): string {
  const parts = ["", `:${spec}`];
  const strings = Object.assign([...parts], { raw: parts });
  return fmt(strings as unknown as TemplateStringsArray, value);
}

function valueOf<S, T>(d: Dynamic<S, T>, s: S): T {
  return typeof d === "function" ? (d as (s: S) => T)(s) : d;
}

/**
 * Clamps every range and number control's value to its bounds and step grid and
 * replaces an unknown select value by the default, then applies the figure's own
 * `normalise`. Settings from a fragment or a test pass through here.
 *
 * @example
 * ```ts
 * import { normaliseSettings, type FigureDefinition } from "./_framework.ts";
 * import assert from "node:assert/strict";
 *
 * const def = {
 *   defaults: { n: 5 },
 *   controls: [{ kind: "range", key: "n", label: "n", min: 2, max: 9, step: 1 }],
 * } as unknown as FigureDefinition<{ n: number }, unknown>;
 * assert.deepEqual(normaliseSettings(def, { n: 42 }), { n: 9 });
 * assert.deepEqual(normaliseSettings(def, { n: 3.4 }), { n: 3 });
 * ```
 */
export function normaliseSettings<S extends Settings, R>(
  def: FigureDefinition<S, R>,
  settings: Partial<S>,
): S {
  const s = { ...def.defaults, ...settings } as S;
  for (const c of def.controls) {
    const v = s[c.key];
    if (c.kind === "select") {
      if (!c.options.some((o) => o.value === v)) {
        (s as Settings)[c.key] = def.defaults[c.key] as string;
      }
      continue;
    }
    const min = c.kind === "range" ? valueOf(c.min, s) : c.min;
    const max = c.kind === "range" ? valueOf(c.max, s) : c.max;
    let x = typeof v === "number" ? v : Number(v);
    if (!Number.isFinite(x)) x = def.defaults[c.key] as number;
    x = Math.min(max, Math.max(min, x));
    // onto the step grid from min, as the browser's range input does
    x = min + Math.round((x - min) / c.step) * c.step;
    // and rounded to the step's decimals, so 0.1 + 0.2 prints as 0.3
    const decimals = (String(c.step).split(".")[1] ?? "").length;
    (s as Settings)[c.key] = Number(Math.min(max, x).toFixed(decimals));
  }
  return def.normalise ? def.normalise(s) : s;
}

/**
 * The settings as one line of text, as print shows them; controls that do not apply
 * (see {@link ControlBase.visible}) are left out.
 *
 * @example
 * ```ts
 * import { settingsText } from "./_framework.ts";
 * import { figure } from "./efficiency.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(
 *   settingsText(figure, figure.defaults),
 *   "estimator = sample mean (the MLE), sample size n = 50, true mean θ = 0.00, simulated samples = 2,000, seed = 0",
 * );
 * ```
 */
export function settingsText<S extends Settings, R>(
  def: FigureDefinition<S, R>,
  s: S,
): string {
  return def.controls.filter((c) => c.visible?.(s) ?? true).map((c) => {
    const v = s[c.key];
    let shown: string;
    if (c.kind === "select") {
      shown = c.options.find((o) => o.value === v)?.label ?? String(v);
    } else if (c.kind === "range" && c.format) shown = c.format(v as number);
    else shown = String(v);
    return `${c.label} = ${shown}`;
  }).join(", ");
}

// ---------------------------------------------------------------------------------
// Building the DOM (shared by the live and the static figure)
// ---------------------------------------------------------------------------------

interface Parts {
  root: HTMLElement;
  readings: HTMLElement;
  settings: HTMLElement;
  charts: HTMLElement;
  error: HTMLElement;
  inputs: Map<string, HTMLInputElement | HTMLSelectElement>;
  values: Map<string, HTMLOutputElement>;
  wrappers: Map<string, HTMLElement>;
}

function el<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  attrs: Record<string, string> = {},
  text?: string,
): HTMLElementTagNameMap[K] {
  const e = doc.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
}

function build<S extends Settings, R>(
  doc: Document,
  def: FigureDefinition<S, R>,
  id: string,
  withControls: boolean,
): Parts {
  const root = el(doc, "figure", {
    class: "fig",
    id,
    "data-figure": def.name,
    "aria-labelledby": `${id}-title`,
  });
  const caption = el(doc, "figcaption", { class: "fig-head" });
  caption.append(
    el(doc, "p", { class: "fig-title", id: `${id}-title` }, def.title),
    el(doc, "p", { class: "fig-lead" }, def.lead),
  );
  root.append(caption);
  const inputs = new Map<string, HTMLInputElement | HTMLSelectElement>();
  const values = new Map<string, HTMLOutputElement>();
  const wrappers = new Map<string, HTMLElement>();
  if (withControls) {
    const group = el(doc, "div", {
      class: "fig-controls",
      role: "group",
      "aria-label": `Settings: ${def.title}`,
    });
    for (const c of def.controls) {
      const cid = `${id}-${c.key}`;
      const wrap = el(doc, "div", { class: `fig-control fig-${c.kind}` });
      const label = el(doc, "label", { for: cid }, c.label);
      let input: HTMLInputElement | HTMLSelectElement;
      if (c.kind === "select") {
        input = el(doc, "select", { id: cid, name: c.key });
        for (const o of c.options) {
          input.append(el(doc, "option", { value: o.value }, o.label));
        }
        wrap.append(label, input);
      } else {
        input = el(doc, "input", {
          id: cid,
          name: c.key,
          type: c.kind,
          step: String(c.step),
        });
        if (c.kind === "number") {
          input.setAttribute("min", String(c.min));
          input.setAttribute("max", String(c.max));
          input.setAttribute("inputmode", "numeric");
          wrap.append(label, input);
        } else {
          const out = el(doc, "output", {
            for: cid,
            id: `${cid}-value`,
            class: "fig-value",
          });
          values.set(c.key, out);
          wrap.append(label, out, input);
        }
      }
      inputs.set(c.key, input);
      wrappers.set(c.key, wrap);
      group.append(wrap);
    }
    root.append(group);
  }
  const readings = el(doc, "dl", {
    class: "fig-readings",
    "aria-live": "polite",
    "aria-label": `Numbers: ${def.title}`,
  });
  const settings = el(doc, "p", { class: "fig-settings" });
  const error = el(doc, "p", { class: "fig-error", role: "alert" });
  error.hidden = true;
  const charts = el(doc, "div", { class: "fig-charts" });
  root.append(readings, settings, error, charts);
  return { root, readings, settings, charts, error, inputs, values, wrappers };
}

/**
 * Renders a chart with Plot and makes it an image with a name and a description:
 * `role="img"`, `aria-label`, `aria-describedby` the caption; the `aria-label`s Plot
 * puts on its inner groups (without a role, which axe reports) are removed.
 */
function drawChart(
  doc: Document,
  spec: ChartSpec,
  id: string,
  width: number,
): HTMLElement {
  const box = el(doc, "div", {
    class: "fig-chart",
    "data-chart": spec.key,
  });
  const captionId = `${id}-chart-${spec.key}-caption`;
  // a chart's own width is its largest: narrower, it shrinks with its aspect kept
  // (drawn at the width it is shown at, its text keeps its size)
  const own = spec.options.width;
  const w = own === undefined ? width : Math.min(own, width);
  const h = own !== undefined && spec.options.height !== undefined
    ? Math.round(spec.options.height * w / own)
    : spec.options.height;
  const chart = Plot.plot({
    // 12px text (Plot's default is 10px), and room for it: the axis labels sit
    // below the tick labels and above the top tick, not on them
    style: { fontSize: `${CHART_FONT_PX}px` },
    marginTop: 24,
    marginBottom: 38,
    ...spec.options,
    width: w,
    ...(h === undefined ? {} : { height: h }),
    className: "fig-plot",
    document: doc,
  });
  // with a legend Plot returns a <figure>: swatches (small svgs) and then the chart
  const svg = chart.tagName.toLowerCase() === "svg"
    ? chart
    : chart.querySelector("svg.fig-plot");
  for (const swatch of chart.querySelectorAll("svg")) {
    if (swatch !== svg) swatch.setAttribute("aria-hidden", "true");
  }
  for (const g of chart.querySelectorAll("[aria-label]")) {
    if (g !== svg) g.removeAttribute("aria-label");
  }
  for (const g of chart.querySelectorAll("[aria-description]")) {
    g.removeAttribute("aria-description");
  }
  // Plot numbers its clip paths with a counter global to the page ("plot-clip-1"):
  // name them after the chart instead, so the ids are unique on a page that holds
  // other Plot charts and the same from one build to the next
  let clips = 0;
  for (const clip of chart.querySelectorAll("clipPath[id]")) {
    const old = clip.getAttribute("id");
    const fresh = `${id}-chart-${spec.key}-clip-${++clips}`;
    clip.setAttribute("id", fresh);
    for (const user of chart.querySelectorAll(`[clip-path="url(#${old})"]`)) {
      user.setAttribute("clip-path", `url(#${fresh})`);
    }
  }
  if (svg) {
    svg.setAttribute("role", "img");
    svg.setAttribute("aria-label", spec.label);
    svg.setAttribute("aria-describedby", captionId);
  }
  box.append(
    chart,
    el(doc, "p", { class: "fig-chart-caption", id: captionId }, spec.caption),
  );
  const scaled = chart as unknown as {
    scale?: (name: string) => DragInfo["x"] | undefined;
  };
  if (spec.drag && svg && typeof scaled.scale === "function") {
    const x = scaled.scale("x"), y = scaled.scale("y");
    if (x?.invert && y?.invert) {
      box.setAttribute("data-draggable", "");
      dragInfo.set(box, { svg, x, y, drag: spec.drag });
    }
  }
  return box;
}

/** The pointer's place in a draggable chart's data coordinates. */
function pointerData(
  info: DragInfo,
  e: PointerEvent,
): { x: number; y: number } {
  const rect = info.svg.getBoundingClientRect();
  const w = Number(info.svg.getAttribute("width")) || rect.width;
  const h = Number(info.svg.getAttribute("height")) || rect.height;
  // the svg may be drawn smaller than its own size (max-width: 100%)
  const px = (e.clientX - rect.left) * (w / rect.width);
  const py = (e.clientY - rect.top) * (h / rect.height);
  return { x: info.x.invert!(px), y: info.y.invert!(py) };
}

function fill<S extends Settings, R>(
  doc: Document,
  def: FigureDefinition<S, R>,
  parts: Parts,
  s: S,
  id: string,
  width: number,
): void {
  parts.root.setAttribute("data-settings", JSON.stringify(s));
  parts.settings.textContent = `Settings: ${settingsText(def, s)}.`;
  for (const c of def.controls) {
    const input = parts.inputs.get(c.key);
    if (!input) continue;
    const wrap = parts.wrappers.get(c.key);
    if (wrap) wrap.hidden = !(c.visible?.(s) ?? true);
    if (c.kind === "range") {
      input.setAttribute("min", String(valueOf(c.min, s)));
      input.setAttribute("max", String(valueOf(c.max, s)));
    }
    if (input.value !== String(s[c.key])) input.value = String(s[c.key]);
    const out = parts.values.get(c.key);
    if (out && c.kind === "range") {
      out.textContent = c.format
        ? c.format(s[c.key] as number)
        : String(s[c.key]);
    }
  }
  let result: R;
  try {
    result = def.compute(s);
  } catch (e) {
    parts.error.hidden = false;
    parts.error.textContent = `These settings cannot be computed: ${
      e instanceof Error ? e.message : String(e)
    }`;
    return;
  }
  parts.error.hidden = true;
  parts.error.textContent = "";
  const items: Node[] = [];
  for (const r of def.readings(result, s)) {
    const div = el(doc, "div", { class: "fig-reading" });
    div.append(
      el(doc, "dt", {}, r.label),
      el(doc, "dd", {
        "data-key": r.key,
        "data-value": String(r.value),
      }, formatNumber(r.value, r.spec)),
    );
    items.push(div);
  }
  parts.readings.replaceChildren(...items);
  parts.charts.replaceChildren(
    ...def.charts(result, s, width).map((c) => drawChart(doc, c, id, width)),
  );
}

// ---------------------------------------------------------------------------------
// Static and live figures
// ---------------------------------------------------------------------------------

/** Default chart width when the page has no layout (static build). */
export const STATIC_WIDTH = 640;

/** The widest a live figure draws its charts (the rest of a wide page stays empty). */
export const MAX_CHART_WIDTH = 880;

/** Size of the charts' text (ticks, axis labels, direct labels), in CSS pixels. */
export const CHART_FONT_PX = 12;

/**
 * The figure at `settings`, without controls, as an element of `doc`: what a page
 * shows before (or without) JavaScript, and what print shows.
 */
export function renderStatic<S extends Settings, R>(
  def: FigureDefinition<S, R>,
  doc: Document,
  settings: Partial<S> = {},
): HTMLElement {
  const id = `fig-${def.name}`;
  const parts = build(doc, def, id, false);
  parts.root.classList.add("fig-static");
  fill(doc, def, parts, normaliseSettings(def, settings), id, STATIC_WIDTH);
  return parts.root;
}

/** What {@link mountFigure} returns. */
export interface MountedFigure<S> {
  /** The current settings. */
  settings(): S;
  /** Sets some settings (normalised) and redraws. */
  update(settings: Partial<S>): void;
  /** Milliseconds the last redraw took (compute + DOM + charts). */
  lastUpdateMs(): number;
}

/** Options of {@link mountFigure}. */
export interface MountOptions {
  /**
   * Keep the settings in the page's fragment (`#NAME.key=value&...`), so a view can
   * be linked to. Off by default: in a book the fragment names a heading.
   */
  hash?: boolean;
}

function readHash<S extends Settings, R>(
  def: FigureDefinition<S, R>,
): Partial<S> {
  const out: Settings = {};
  const params = new URLSearchParams(location.hash.slice(1));
  for (const c of def.controls) {
    const v = params.get(`${def.name}.${c.key}`);
    if (v === null) continue;
    out[c.key] = c.kind === "select" ? v : Number(v);
  }
  return out as Partial<S>;
}

function writeHash<S extends Settings, R>(
  def: FigureDefinition<S, R>,
  s: S,
): void {
  const params = new URLSearchParams(location.hash.slice(1));
  for (const c of def.controls) {
    params.set(`${def.name}.${c.key}`, String(s[c.key]));
  }
  try {
    history.replaceState(null, "", `#${params}`);
  } catch {
    // some browsers refuse to rewrite file:// addresses; the figure works without
  }
}

const mountedIds = new Set<string>();

/**
 * Makes a figure live inside `element` (its children are replaced): controls, the
 * numbers, the charts, redrawn on every input.
 */
export function mountFigure<S extends Settings, R>(
  def: FigureDefinition<S, R>,
  element: HTMLElement,
  initial: Partial<S> = {},
  options: MountOptions = {},
): MountedFigure<S> {
  const doc = element.ownerDocument;
  let id = `fig-${def.name}`;
  for (let k = 2;; k++) {
    const other = doc.getElementById(id);
    // the host's own static rendering is about to be replaced: its id is free
    if (!mountedIds.has(id) && (!other || element.contains(other))) break;
    id = `fig-${def.name}-${k}`;
  }
  mountedIds.add(id);
  const parts = build(doc, def, id, true);
  parts.root.classList.add("fig-live");
  let current = normaliseSettings(def, {
    ...initial,
    ...(options.hash ? readHash(def) : {}),
  });
  let last = 0;
  const width = () =>
    Math.max(
      280,
      Math.min(MAX_CHART_WIDTH, parts.charts.clientWidth || STATIC_WIDTH),
    );
  const redraw = () => {
    const t0 = performance.now();
    fill(doc, def, parts, current, id, width());
    last = performance.now() - t0;
    if (options.hash) writeHash(def, current);
  };
  for (const c of def.controls) {
    const input = parts.inputs.get(c.key);
    if (!input) continue;
    input.addEventListener("input", () => {
      if (c.kind === "number") {
        const v = (input as HTMLInputElement).valueAsNumber;
        const ok = Number.isInteger(v) && v >= c.min && v <= c.max;
        input.setAttribute("aria-invalid", ok ? "false" : "true");
        if (!ok) return; // keep the last good value until the entry is complete
      }
      const raw = c.kind === "select" ? input.value : Number(input.value);
      current = normaliseSettings(def, { ...current, [c.key]: raw });
      redraw();
    });
  }
  // Dragging: the charts are redrawn on every move, so the events are taken on
  // their container, which stays, and each chart is looked up again by its key.
  let dragging: string | null = null;
  const applyDrag = (e: PointerEvent) => {
    const box = parts.charts.querySelector(`[data-chart="${dragging}"]`);
    const info = box ? dragInfo.get(box) : undefined;
    if (!info) return;
    const patch = info.drag(pointerData(info, e));
    if (!patch) return;
    current = normaliseSettings(def, { ...current, ...patch } as S);
    redraw();
  };
  parts.charts.addEventListener("pointerdown", (e) => {
    const box = (e.target as Element).closest?.(".fig-chart[data-draggable]");
    if (!box || !parts.charts.contains(box)) return;
    dragging = box.getAttribute("data-chart");
    parts.charts.setPointerCapture?.(e.pointerId);
    e.preventDefault();
    applyDrag(e);
  });
  parts.charts.addEventListener("pointermove", (e) => {
    if (dragging) applyDrag(e);
  });
  const stop = () => (dragging = null);
  parts.charts.addEventListener("pointerup", stop);
  parts.charts.addEventListener("pointercancel", stop);
  element.replaceChildren(parts.root);
  element.classList.add("fig-host-live");
  redraw();
  let resizeTimer: ReturnType<typeof setTimeout> | undefined;
  addEventListener("resize", () => {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(redraw, 150);
  });
  return {
    settings: () => ({ ...current }),
    update: (s) => {
      current = normaliseSettings(def, { ...current, ...s });
      redraw();
    },
    lastUpdateMs: () => last,
  };
}
