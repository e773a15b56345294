/**
 * The MLE and MAP explorer's page script, bundled for the browser by `tools/book.ts`
 * (`deno bundle --platform browser --format iife`). It reads the sliders, asks
 * `model.ts` (that is, the library) for the numbers, prints them and draws them with
 * Observable Plot. The settings live in the address's fragment, so a view can be
 * linked to.
 *
 * @module
 */

import * as Plot from "@observablehq/plot";
import { palette } from "../lib/palette.ts";
import {
  curves,
  drawSample,
  estimate,
  type Model,
  N_MAX,
  PARAMETER_DOMAIN,
  paths,
  type Settings,
  SIGMA,
} from "./model.ts";

/** The pack's palette (lib/palette.ts): colours that read on light and dark backgrounds. */
const COLOURS = {
  likelihood: palette.estimate,
  prior: palette.prior,
  posterior: palette.posterior,
  MLE: palette.estimate,
  MAP: palette.posterior,
};

/** Chart text a little larger than Plot's 10px: the charts are read, not glanced at. */
const CHART_STYLE = { fontSize: "12px" };

interface SliderSpec {
  label: string;
  min: number;
  max: number;
  step: number;
  value: number;
}

/** Each model's sliders: labels, ranges and starting values. */
const SLIDERS: Record<
  Model,
  Record<"theta" | "centre" | "strength", SliderSpec>
> = {
  bernoulli: {
    theta: { label: "true p", min: 0.01, max: 0.99, step: 0.01, value: 0.3 },
    centre: {
      label: "prior centre (mode)",
      min: 0,
      max: 1,
      step: 0.01,
      value: 0.5,
    },
    strength: {
      label: "prior strength (pseudo-trials)",
      min: 0,
      max: 200,
      step: 1,
      value: 10,
    },
  },
  normal: {
    theta: { label: "true μ", min: -3, max: 3, step: 0.05, value: 1 },
    centre: { label: "prior mean", min: -3, max: 3, step: 0.05, value: 0 },
    strength: {
      label: "prior strength (pseudo-observations)",
      min: 0,
      max: 200,
      step: 1,
      value: 5,
    },
  },
};

const KEYS = ["theta", "n", "centre", "strength", "seed"] as const;

function $(id: string): HTMLElement {
  const el = document.getElementById(id);
  if (!el) throw new Error(`explorer: the page has no element #${id}`);
  return el;
}

function input(id: string): HTMLInputElement {
  return $(id) as HTMLInputElement;
}

/** Prints a number the same way everywhere on the page (and in the tests). */
export function format(v: number): string {
  return Number.isFinite(v) ? v.toFixed(4) : String(v);
}

function currentModel(): Model {
  return input("model-normal").checked ? "normal" : "bernoulli";
}

function readSettings(): Settings {
  return {
    model: currentModel(),
    theta: Number(input("theta").value),
    n: Number(input("n").value),
    centre: Number(input("centre").value),
    strength: Number(input("strength").value),
    seed: Number(input("seed").value),
  };
}

/** Sets a model's slider ranges; keeps current values unless `reset`. */
function configureSliders(model: Model, reset: boolean): void {
  for (const [key, spec] of Object.entries(SLIDERS[model])) {
    const el = input(key);
    el.min = String(spec.min);
    el.max = String(spec.max);
    el.step = String(spec.step);
    if (reset) el.value = String(spec.value);
    $(`${key}-label`).textContent = spec.label;
  }
}

function showValues(s: Settings): void {
  for (const key of KEYS) {
    const out = $(`${key}-value`);
    out.textContent = key === "n" || key === "seed" || key === "strength"
      ? String(s[key])
      : s[key].toFixed(2);
  }
}

function printNumber(id: string, v: number): void {
  const el = $(id);
  el.textContent = format(v);
  el.dataset.value = String(v);
}

function saveToHash(s: Settings): void {
  const params = new URLSearchParams({ model: s.model });
  for (const key of KEYS) params.set(key, String(s[key]));
  try {
    history.replaceState(null, "", `#${params}`);
  } catch {
    // Some browsers refuse to rewrite file:// addresses; the page works without it.
  }
}

function loadFromHash(): void {
  const params = new URLSearchParams(location.hash.slice(1));
  const model = params.get("model") === "normal" ? "normal" : "bernoulli";
  input(model === "normal" ? "model-normal" : "model-bernoulli").checked = true;
  configureSliders(model, true);
  for (const key of KEYS) {
    const v = params.get(key);
    if (v !== null && v !== "" && Number.isFinite(Number(v))) {
      input(key).value = v;
    }
  }
}

/**
 * Puts a chart in its figure as an image named after the figure: the chart's SVG gets
 * `role="img"` and the figure's label, legend swatches are hidden from assistive
 * technology, and Plot's `<g aria-label>` groups lose labels ARIA does not allow there.
 */
function chart(id: string, node: Element): void {
  const host = $(id);
  const svgs = node.tagName.toLowerCase() === "svg"
    ? [node]
    : [...node.querySelectorAll("svg")];
  const width = (svg: Element) => Number(svg.getAttribute("width") ?? 0);
  const main = svgs.reduce<Element | undefined>(
    (best, svg) => !best || width(svg) > width(best) ? svg : best,
    undefined,
  );
  for (const svg of svgs) {
    for (const el of svg.querySelectorAll("[aria-label]")) {
      el.removeAttribute("aria-label");
    }
    if (svg === main) {
      svg.setAttribute("role", "img");
      svg.setAttribute(
        "aria-label",
        host.getAttribute("aria-label") ?? "Chart",
      );
    } else {
      svg.setAttribute("aria-hidden", "true");
    }
  }
  host.replaceChildren(node);
}

function render(): void {
  const s = readSettings();
  showValues(s);
  const sample = drawSample(s);
  const x = sample.subarray(0, s.n);
  const e = estimate(x, s);
  printNumber("mle", e.mle);
  printNumber("map", e.map);
  printNumber("posterior-mean", e.posteriorMean);
  printNumber("posterior-sd", e.posteriorSd);
  const symbol = s.model === "bernoulli" ? "p" : "μ";
  for (const el of document.querySelectorAll(".theta-symbol")) {
    el.textContent = symbol;
  }

  if (s.model === "bernoulli") {
    let k = 0;
    for (const v of x) k += v;
    $("sample-summary").textContent = `${k} ones and ${
      s.n - k
    } zeros in n = ${s.n} trials.`;
  } else {
    $("sample-summary").textContent = `n = ${s.n} draws from N(μ = ${
      s.theta.toFixed(2)
    }, σ = ${SIGMA}).`;
  }

  const domain = PARAMETER_DOMAIN[s.model];
  const width = Math.max(
    280,
    Math.min(760, $("chart-posterior").clientWidth || 640),
  );
  const colour = {
    domain: ["likelihood", "prior", "posterior"],
    range: [COLOURS.likelihood, COLOURS.prior, COLOURS.posterior],
    legend: true,
  };

  // The three curves, the true value and both estimates.
  const points = curves(x, s);
  chart(
    "chart-posterior",
    Plot.plot({
      width,
      height: 280,
      marginLeft: 48,
      style: CHART_STYLE,
      x: { domain, label: `${symbol} →` },
      y: { domain: [0, 1.05], label: "↑ scaled to peak 1", ticks: 4 },
      color: colour,
      marks: [
        Plot.ruleY([0]),
        ...(["prior", "likelihood", "posterior"] as const).map((name) =>
          Plot.line(points.filter((d) => d.curve === name), {
            x: "theta",
            y: "value",
            stroke: "curve",
            strokeWidth: name === "posterior" ? 2.5 : 1.75,
            strokeDasharray: name === "prior" ? "5,3" : "none",
          })
        ),
        Plot.ruleX([s.theta], {
          stroke: "currentColor",
          strokeDasharray: "2,3",
        }),
        Plot.ruleX([e.mle], { stroke: COLOURS.MLE, strokeWidth: 1.5 }),
        Plot.ruleX([e.map], { stroke: COLOURS.MAP, strokeWidth: 1.5 }),
        Plot.text([{ x: s.theta, label: "true" }], {
          x: "x",
          y: 1.05,
          text: "label",
          dy: -2,
          fill: "currentColor",
        }),
      ],
    }),
  );

  // The sample itself.
  if (s.model === "bernoulli") {
    let k = 0;
    for (const v of x) k += v;
    const counts = [{ outcome: "0", count: s.n - k }, {
      outcome: "1",
      count: k,
    }];
    chart(
      "chart-sample",
      Plot.plot({
        width,
        height: 90,
        marginLeft: 48,
        style: CHART_STYLE,
        x: { label: "count →", domain: [0, Math.max(1, s.n)] },
        y: { label: "outcome", domain: ["1", "0"] },
        marks: [
          Plot.barX(counts, {
            x: "count",
            y: "outcome",
            fill: "currentColor",
            fillOpacity: 0.35,
          }),
          Plot.text(counts, {
            x: "count",
            y: "outcome",
            text: (d: { count: number }) => String(d.count),
            dx: 4,
            textAnchor: "start",
            fill: "currentColor",
          }),
          Plot.ruleX([0]),
        ],
      }),
    );
  } else {
    chart(
      "chart-sample",
      Plot.plot({
        width,
        height: 70,
        marginLeft: 48,
        style: CHART_STYLE,
        x: { domain, label: "x →" },
        marks: [
          Plot.tickX(Array.from(x), {
            x: (d: number) => d,
            stroke: "currentColor",
            strokeOpacity: 0.5,
          }),
        ],
      }),
    );
  }

  // How both estimates move as n grows, for this seed.
  chart(
    "chart-n",
    Plot.plot({
      width,
      height: 220,
      marginLeft: 48,
      style: CHART_STYLE,
      x: { type: "log", domain: [1, N_MAX], label: "sample size n →" },
      y: { domain, label: `↑ estimate of ${symbol}`, ticks: 5 },
      color: {
        domain: ["MLE", "MAP"],
        range: [COLOURS.MLE, COLOURS.MAP],
        legend: true,
      },
      marks: [
        Plot.ruleY([s.theta], {
          stroke: "currentColor",
          strokeDasharray: "2,3",
        }),
        Plot.ruleX([s.n], { stroke: "currentColor", strokeOpacity: 0.4 }),
        Plot.line(paths(sample, s), {
          x: "n",
          y: "value",
          stroke: "estimate",
          strokeWidth: 1.75,
        }),
      ],
    }),
  );
  saveToHash(s);
}

function start(): void {
  loadFromHash();
  for (
    const radio of document.querySelectorAll<HTMLInputElement>(
      'input[name="model"]',
    )
  ) {
    radio.addEventListener("change", () => {
      configureSliders(currentModel(), true);
      render();
    });
  }
  for (const key of KEYS) input(key).addEventListener("input", render);
  addEventListener("resize", () => render());
  try {
    render();
    $("explorer").classList.add("ready");
  } catch (e) {
    const msg = $("explorer-error");
    msg.hidden = false;
    msg.textContent = `The explorer failed: ${
      e instanceof Error ? e.message : String(e)
    }`;
    throw e;
  }
}

if (document.readyState === "loading") {
  document.addEventListener("DOMContentLoaded", start);
} else {
  start();
}
