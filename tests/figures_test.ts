/**
 * Tests of the interactive figures (`figures/`).
 *
 * - In Deno: the library names the figures import are lib/mod.ts's own; each figure's
 *   numbers equal an independent computation with lib/mod.ts; compute() is pure; the
 *   book's marker replacement and the static rendering.
 * - In Chromium (Debian's, driven by playwright-core, from file://): the demo page
 *   built by `figures/build_demo.ts`, under its Content-Security-Policy. Each figure's
 *   controls are moved with the keyboard and the numbers shown are compared with the
 *   library's for the settings shown; no console error, no request outside the page's
 *   folder, zero axe-core violations (WCAG 2.1 A/AA) in light and dark, visible focus,
 *   the print style and the page without JavaScript.
 *
 * Speed is never asserted here: `deno bench -A bench/figures_bench.ts` measures it.
 *
 * @module
 */

import assert from "node:assert/strict";
import { pathToFileURL } from "node:url";
import { chromium } from "playwright-core";
import type { Browser, Page } from "playwright-core";
import axe from "axe-core";
import * as lib from "../lib/mod.ts";
import * as figLib from "../figures/_lib.ts";
import { formatNumber, type Settings } from "../figures/_framework.ts";
import { assertMatchesLibrary } from "./_figures_reference.ts";
import { figureNamed, FIGURES } from "../figures/mod.ts";
import {
  figureHtml,
  figureMarkers,
  figurePlaceholders,
  fillFigureHosts,
  markerNames,
  SUGGESTED_PLACES,
} from "../figures/embed.ts";
import { buildDemo } from "../figures/build_demo.ts";
import * as penalty from "../figures/penalty_shapes.ts";
import { CHROMIUM, CHROMIUM_FLAGS } from "../tools/setup.ts";
import { readFigure } from "./_figure_page.ts";

// ---------------------------------------------------------------------------------
// Deno tests
// ---------------------------------------------------------------------------------

Deno.test("figures/_lib.ts re-exports lib/mod.ts's own objects under their public names", () => {
  for (const [name, value] of Object.entries(figLib)) {
    assert.ok(name in lib, `${name} is not a public name of lib/mod.ts`);
    assert.equal(value, (lib as Record<string, unknown>)[name], name);
  }
});

/** Settings each figure is checked at, besides its defaults. */
const OTHER_SETTINGS: Record<string, Settings[]> = {
  "variance-divisor": [{ n: 12, c: 13, sigma2: 1.5, reps: "2000", seed: 3 }],
  "log-likelihood": [
    { model: "bernoulli", p: 0.12, n: 40, seed: 5 },
    { model: "normal", mu: -2, sigma: 3, n: 1000, seed: 42 },
  ],
  "robust-lines": [{ shift: -35, k: 1, delta: 0.3, n: 20, seed: 9 }],
  "penalty-shapes": [{ logLambda: 3.2, rho: -0.6, n: 80, seed: 4 }],
  "mle-map": [
    { model: "normal", mu: -1.5, n: 1, centreMu: 2, strength: 3, seed: 9 },
    { model: "bernoulli", p: 0.97, n: 12, centreP: 0.2, strength: 0, seed: 1 },
  ],
  efficiency: [
    { estimator: "hodges", n: 100, theta: 0, reps: "1000", seed: 1 },
    { estimator: "median", n: 31, theta: 0.4, reps: "1000", seed: 2 },
  ],
  "gd-newton": [{ lr: 4, epochs: 120, rho: -0.5, n: 300, seed: 8 }],
};

Deno.test("every figure's numbers equal the library's, at its defaults and other settings", () => {
  for (const [name, def] of Object.entries(FIGURES)) {
    for (const extra of [{}, ...(OTHER_SETTINGS[name] ?? [])]) {
      const s = { ...def.defaults, ...extra };
      const shown = Object.fromEntries(
        def.readings(def.compute(s), s).map((r) => [r.key, r.value]),
      );
      assertMatchesLibrary(name, s, shown);
    }
  }
});

Deno.test("compute() is pure: the same settings give the same numbers after others", () => {
  for (const [name, def] of Object.entries(FIGURES)) {
    const s = def.defaults;
    const first = def.readings(def.compute(s), s);
    const other = { ...def.defaults, ...(OTHER_SETTINGS[name]?.[0] ?? {}) };
    def.compute(other);
    assert.deepEqual(def.readings(def.compute(s), s), first, name);
  }
});

Deno.test("the figures show what their text says: c = n + 1 has the smallest MSE, only the lasso zeroes a weight, Hodges beats the bound at θ = 0, Newton reaches a lower loss than 50 GD epochs", () => {
  const vd = figureNamed("variance-divisor");
  const mse = (c: number) =>
    (vd.compute({ ...vd.defaults, c }) as { mse: number }).mse;
  const n = Number(vd.defaults.n);
  assert.ok(mse(n + 1) < mse(n) && mse(n) < mse(n - 1));
  const ps = figureNamed("penalty-shapes");
  const big = ps.compute({ ...ps.defaults, logLambda: 3 }) as {
    lasso: Float64Array;
    ridge: Float64Array;
  };
  assert.ok(big.lasso.includes(0) && !big.ridge.includes(0));
  const eff = figureNamed("efficiency");
  const hodges = eff.compute({ ...eff.defaults, estimator: "hodges" }) as {
    varianceTimesNI: number;
  };
  assert.ok(hodges.varianceTimesNI < 0.1); // superefficient at θ = 0
  const gn = figureNamed("gd-newton");
  const paths = gn.compute(gn.defaults) as {
    gd: { loss: number }[];
    newton: { loss: number }[];
  };
  assert.ok(paths.newton.length <= 8);
  assert.ok(paths.gd.at(-1)!.loss > paths.newton.at(-1)!.loss + 1e-6);
});

/** 04's settings the plane is checked at: the defaults, and small, strongly correlated samples. */
const PLANE_SETTINGS: Settings[] = [
  penalty.defaults,
  ...OTHER_SETTINGS["penalty-shapes"]!,
  { logLambda: 0, rho: 0.9, n: 10, seed: 3 },
  { logLambda: 0, rho: -0.9, n: 10, seed: 1 },
];

Deno.test("04's weight plane holds the disc, the diamond and the least-squares fit whole at every λ, with a unit as long on w₁ as on w₂ and the chart as wide as the figure", () => {
  for (const base of PLANE_SETTINGS) {
    for (const logLambda of lib.linspace(-1, 3.5, 10)) {
      const s = { ...penalty.defaults, ...base, logLambda };
      const r = penalty.compute(s);
      const l1 = Math.abs(r.lasso[0]!) + Math.abs(r.lasso[1]!);
      const l2 = Math.hypot(r.ridge[0]!, r.ridge[1]!);
      for (const width of [280, 312, 640, 815]) {
        const o = penalty.figure.charts(r, s, width)[0]!.options;
        const x = (o.x as { domain: number[] }).domain;
        const y = (o.y as { domain: number[] }).domain;
        const at = JSON.stringify({ s, width });
        // the diamond's corners (±l1 on each axis), the disc, the fit
        for (const d of [x, y]) {
          assert.ok(d[0]! < -Math.max(l1, l2) && d[1]! > Math.max(l1, l2), at);
        }
        assert.ok(x[0]! < r.ols[0]! && r.ols[0]! < x[1]!, at);
        assert.ok(y[0]! < r.ols[1]! && r.ols[1]! < y[1]!, at);
        // no width of its own: the chart takes the figure's
        assert.equal(o.width, undefined, at);
        const w = width - o.marginLeft! - o.marginRight!;
        const h = o.height! - o.marginTop! - o.marginBottom!;
        const perPixelX = (x[1]! - x[0]!) / w, perPixelY = (y[1]! - y[0]!) / h;
        // equal units, up to the height's rounding to a whole pixel
        assert.ok(Math.abs(perPixelX / perPixelY - 1) <= 1 / h, at);
      }
    }
  }
});

Deno.test("04's loss contours are drawn from the library's residual sum of squares", () => {
  for (const s of PLANE_SETTINGS) {
    const n = Number(s.n), rho = Number(s.rho);
    const rs = new lib.RandomState(Number(s.seed));
    const z = rs.randn([n, 2]);
    const e = rs.normal(0, 1, n);
    const X = new lib.Matrix(n, 2);
    const y = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      X.set(i, 0, z.get(i, 0));
      X.set(i, 1, rho * z.get(i, 0) + Math.sqrt(1 - rho * rho) * z.get(i, 1));
      y[i] = 2 * X.get(i, 0) + 0.5 * X.get(i, 1) + e[i]!;
    }
    const g = penalty.compute({ ...penalty.defaults, ...s }).surface;
    for (let k = 0; k < g.values.length; k += 37) {
      const w = [g.xs[k % g.width]!, g.ys[Math.floor(k / g.width)]!];
      const want = -lib.mse(y, lib.matvec(X, w), { reduction: "sum" });
      assert.ok(
        Math.abs(g.values[k]! - want) <= 1e-9 * Math.abs(want),
        `${JSON.stringify(s)} at w = ${w}: ${g.values[k]} against ${want}`,
      );
    }
  }
});

Deno.test("at the notebooks' settings the figures print the notebooks' numbers (01: 3.1965 and 3.9956; 02: μ̂ = 3.5232, σ̂ = 1.1745, p̂ = 0.3125 ± 0.0232)", () => {
  const vd = figureNamed("variance-divisor");
  const at = (c: number) => {
    const s = { ...vd.defaults, reps: "100000", c };
    return vd.readings(vd.compute(s), s).find((r) => r.key === "mean")!;
  };
  assert.equal(formatNumber(at(5).value, ".4f"), "3.1965");
  assert.equal(formatNumber(at(4).value, ".4f"), "3.9956");
  const ll = figureNamed("log-likelihood");
  const s = { ...ll.defaults, n: 1000 };
  const shown = Object.fromEntries(
    ll.readings(ll.compute(s), s).map((
      r,
    ) => [r.key, formatNumber(r.value, r.spec)]),
  );
  assert.equal(shown.mle, "3.5232");
  assert.equal(shown["sigma-hat"], "1.1745");
  // and the click experiment: RandomState(7).binomial(1, 0.3, 400)
  const b = { ...ll.defaults, model: "bernoulli", p: 0.3, n: 400, seed: 7 };
  const clicks = Object.fromEntries(
    ll.readings(ll.compute(b), b).map((
      r,
    ) => [r.key, formatNumber(r.value, r.spec)]),
  );
  assert.equal(clicks.mle, "0.3125");
  assert.equal(clicks.se, "0.0232");
});

Deno.test("figurePlaceholders() then fillFigureHosts() give what figureMarkers() gives, and every figure has a suggested place", () => {
  const md =
    "Intro.\n<!-- figure: gd-newton -->\n\n<!-- figure: mle-map hash -->\nEnd.";
  assert.equal(fillFigureHosts(figurePlaceholders(md)), figureMarkers(md));
  assert.equal(
    (figureMarkers(md).match(/data-figure-hash/g) ?? []).length,
    1,
  );
  assert.deepEqual(markerNames(md), ["gd-newton", "mle-map"]);
  // sanitize-html writes an empty attribute without its value
  assert.equal(
    fillFigureHosts('<div data-figure-host="mle-map" data-figure-hash></div>'),
    figureHtml("mle-map", { hash: true }),
  );
  assert.throws(
    () => figurePlaceholders("<!-- figure: nope -->"),
    /no figure called "nope"/,
  );
  assert.deepEqual(
    Object.keys(SUGGESTED_PLACES).sort(),
    Object.keys(FIGURES).sort(),
  );
});

Deno.test("the notebooks carry one marker per figure, in the section SUGGESTED_PLACES names, and the explorer page the mle-map figure", async () => {
  const found: Record<string, { notebook: string; heading: string }> = {};
  const dir = new URL("../notebooks/", import.meta.url);
  for await (const e of Deno.readDir(dir)) {
    if (!e.name.endsWith(".ipynb")) continue;
    const nb = JSON.parse(await Deno.readTextFile(new URL(e.name, dir))) as {
      cells: { cell_type: string; source: string | string[] }[];
    };
    let heading = "";
    for (const cell of nb.cells) {
      if (cell.cell_type !== "markdown") continue;
      const src = Array.isArray(cell.source)
        ? cell.source.join("")
        : cell.source;
      for (const line of src.split("\n")) {
        const h = /^#{1,3} (.*)$/.exec(line);
        if (h) heading = h[1]!.trim();
        for (const name of markerNames(line)) {
          assert.equal(found[name], undefined, `${name}: a second marker`);
          found[name] = { notebook: e.name.replace(/\.ipynb$/, ""), heading };
        }
      }
    }
  }
  assert.deepEqual(found, SUGGESTED_PLACES);
  const explorer = await Deno.readTextFile(
    new URL("../explorer/explorer.md", import.meta.url),
  );
  assert.deepEqual(markerNames(explorer), ["mle-map"]);
  assert.match(explorer, /^<!-- figure: mle-map hash -->$/m);
});

Deno.test("figureMarkers() puts each marked figure's host, with its static rendering, where the marker was", () => {
  const md = "## Bias\n\nText.\n<!-- figure: variance-divisor -->\n\nMore.\n";
  const out = figureMarkers(md);
  assert.deepEqual(markerNames(md), ["variance-divisor"]);
  assert.ok(out.startsWith('## Bias\n\nText.\n\n<div class="fig-host"'));
  assert.ok(out.endsWith("</div>\n\n\nMore.\n"));
  assert.ok(!/\n\s*\n/.test(figureHtml("variance-divisor")));
  // the same markup on every build (no counters or random names)
  assert.equal(figureHtml("gd-newton"), figureHtml("gd-newton"));
  assert.throws(
    () => figureMarkers("<!-- figure: nope -->"),
    /figureNamed\(\): no figure called "nope" \(known: variance-divisor, /,
  );
  // the static rendering shows the default numbers, formatted, and accessible charts
  for (const [name, def] of Object.entries(FIGURES)) {
    const html = figureHtml(name);
    for (const r of def.readings(def.compute(def.defaults), def.defaults)) {
      assert.ok(
        html.includes(
          `data-key="${r.key}">${formatNumber(r.value, r.spec)}</dd>`,
        ) ||
          html.includes(`>${formatNumber(r.value, r.spec)}</dd>`),
        `${name}: ${r.key}`,
      );
    }
    const svgs = html.match(/<svg[^>]*class="fig-plot"[^>]*>/g) ?? [];
    assert.ok(svgs.length >= 1, name);
    for (const svg of svgs) {
      assert.match(svg, /role="img"/);
      assert.match(svg, /aria-label="[^"]+"/);
      assert.match(svg, /aria-describedby="fig-[a-z-]+-chart-[a-z]+-caption"/);
    }
  }
});

// ---------------------------------------------------------------------------------
// Chromium
// ---------------------------------------------------------------------------------

const haveChromium = (() => {
  try {
    return Deno.statSync(CHROMIUM).isFile;
  } catch {
    return false;
  }
})();
const inCI = Deno.env.get("CI") === "true";
if (!haveChromium && !inCI) {
  console.warn(
    `figures_test: ${CHROMIUM} not found: skipping the browser tests`,
  );
}

/** A keyboard action on one control: focus it, then press keys or type. */
interface Action {
  key: string;
  press?: string[];
  type?: string;
}

/** Each figure's keyboard session. */
const ACTIONS: Record<string, Action[]> = {
  "variance-divisor": [
    { key: "n", press: ["ArrowRight", "ArrowRight"] },
    { key: "c", press: ["ArrowRight", "ArrowRight", "ArrowRight"] },
    { key: "sigma2", press: ["ArrowLeft"] },
    { key: "reps", press: ["ArrowUp"] },
    { key: "seed", type: "7" },
  ],
  "log-likelihood": [
    { key: "mu", press: ["ArrowRight", "ArrowRight", "ArrowRight"] },
    { key: "n", press: ["PageUp"] },
    { key: "seed", type: "3" },
    { key: "model", press: ["ArrowDown"] },
    { key: "p", press: ["ArrowLeft", "ArrowLeft", "ArrowLeft"] },
    { key: "n", press: ["End"] },
  ],
  "robust-lines": [
    { key: "shift", press: ["PageUp", "PageUp"] },
    { key: "delta", press: ["ArrowRight", "ArrowRight", "ArrowRight"] },
    { key: "k", press: ["Home"] },
    { key: "seed", type: "5" },
  ],
  "penalty-shapes": [
    { key: "logLambda", press: ["End"] },
    { key: "rho", press: ["ArrowLeft", "ArrowLeft", "ArrowLeft", "ArrowLeft"] },
    { key: "n", press: ["ArrowRight"] },
    { key: "seed", type: "11" },
  ],
  "mle-map": [
    { key: "p", press: ["ArrowRight", "ArrowRight"] },
    { key: "strength", press: ["PageUp"] },
    { key: "model", press: ["ArrowDown"] },
    { key: "mu", press: ["ArrowLeft", "ArrowLeft"] },
    { key: "centreMu", press: ["ArrowRight"] },
    { key: "n", press: ["Home"] },
    { key: "seed", type: "123" },
  ],
  efficiency: [
    { key: "estimator", press: ["ArrowDown"] },
    { key: "n", press: ["PageDown"] },
    { key: "estimator", press: ["ArrowDown"] },
    { key: "theta", press: ["ArrowRight", "ArrowRight", "ArrowRight"] },
    { key: "reps", press: ["ArrowUp"] },
  ],
  "gd-newton": [
    { key: "lr", press: ["ArrowRight", "ArrowRight", "ArrowRight"] },
    { key: "epochs", press: ["PageUp"] },
    { key: "rho", press: ["ArrowLeft", "ArrowLeft"] },
    { key: "seed", type: "1" },
  ],
};

Deno.test({
  name:
    "in Chromium from file://, each figure's keyboard-moved controls show the library's numbers, with no console error, no outside request and no axe violation",
  ignore: !haveChromium && !inCI,
  sanitizeOps: false,
  sanitizeResources: false,
  fn: async (t) => {
    assert.ok(haveChromium, `${CHROMIUM} is missing and CI=true`);
    const dir = await Deno.makeTempDir({ prefix: "figures-demo-" });
    const file = await buildDemo(dir);
    const url = pathToFileURL(file).href;
    const folder = pathToFileURL(dir).href + "/";
    const browser: Browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: [...CHROMIUM_FLAGS],
    });
    const problems: string[] = [];
    const outside: string[] = [];
    const open = async (
      options: {
        colorScheme?: "light" | "dark";
        javaScriptEnabled?: boolean;
        width?: number;
        hash?: string;
      } = {},
    ) => {
      const context = await browser.newContext({
        colorScheme: options.colorScheme ?? "light",
        javaScriptEnabled: options.javaScriptEnabled ?? true,
        viewport: { width: options.width ?? 1100, height: 900 },
      });
      context.setDefaultTimeout(15_000);
      // Requests are recorded, not intercepted: Chromium routes intercepted file://
      // loads through its network stack, where the CSP then judges them as connect-src.
      context.on("request", (r) => {
        const u = r.url();
        if (!u.startsWith(folder) && !u.startsWith("data:")) outside.push(u);
      });
      const page = await context.newPage();
      page.on("console", (m) => {
        if (m.type() === "error" || m.type() === "warning") {
          problems.push(`${m.type()}: ${m.text()}`);
        }
      });
      page.on("pageerror", (e) => problems.push(`uncaught: ${e.message}`));
      page.on("requestfailed", (r) => {
        if (r.url().startsWith(folder)) problems.push(`failed: ${r.url()}`);
      });
      await page.goto(url + (options.hash ?? ""));
      return { context, page };
    };
    const runAxe = async (page: Page) => {
      await page.evaluate(axe.source);
      const result = await page.evaluate(() =>
        // @ts-ignore: axe is injected into the page above
        axe.run(document, {
          // axe would fetch the stylesheets itself (a connect-src request the CSP refuses)
          preload: false,
          runOnly: {
            type: "tag",
            values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"],
          },
        })
      ) as {
        violations: { id: string; nodes: { target: unknown }[] }[];
        passes: unknown[];
      };
      // the rules did run: labels, names, contrast, ARIA ... pass on these nodes
      assert.ok(
        result.passes.length >= 10,
        `axe passed ${result.passes.length} rules`,
      );
      return result.violations.map((v) =>
        `${v.id}: ${v.nodes.length} node(s), e.g. ${
          JSON.stringify(v.nodes[0]?.target)
        }`
      );
    };
    try {
      const { context, page } = await open();
      await page.waitForFunction(() =>
        document.querySelectorAll(".fig-live").length === 7
      );

      await t.step("every id on the page is unique", async () => {
        const dup = await page.evaluate(() => {
          const seen = new Set<string>();
          const dups: string[] = [];
          for (const el of document.querySelectorAll("[id]")) {
            if (seen.has(el.id)) dups.push(el.id);
            seen.add(el.id);
          }
          return dups;
        });
        assert.deepEqual(dup, []);
      });

      await t.step("keyboard focus is visible", async () => {
        await page.keyboard.press("Tab");
        const outline = await page.evaluate(() => {
          const el = document.activeElement as HTMLElement;
          const cs = getComputedStyle(el);
          return {
            id: el.id,
            style: cs.outlineStyle,
            width: parseFloat(cs.outlineWidth),
          };
        });
        assert.equal(outline.id, "fig-variance-divisor-n");
        assert.notEqual(outline.style, "none");
        assert.ok(outline.width >= 2, `outline ${outline.width}px`);
      });

      for (const [name, actions] of Object.entries(ACTIONS)) {
        await t.step(`${name}: keyboard moves, library numbers`, async () => {
          let before = await readFigure(page, name);
          assertMatchesLibrary(name, before.settings, before.values);
          for (const a of actions) {
            const control = page.locator(`#fig-${name}-${a.key}`);
            await control.focus();
            if (a.type !== undefined) {
              await control.press("Control+A");
              await page.keyboard.type(a.type);
            }
            for (const k of a.press ?? []) await page.keyboard.press(k);
            const now = await readFigure(page, name);
            assert.notDeepEqual(
              now.settings[a.key],
              before.settings[a.key],
              `${name}: ${a.key} did not move with ${a.press ?? a.type}`,
            );
            assertMatchesLibrary(name, now.settings, now.values);
            // and printed as the figure's format says
            const def = figureNamed(name);
            const readings = def.readings(
              def.compute(now.settings),
              now.settings,
            );
            for (const r of readings) {
              assert.equal(
                now.texts[r.key],
                formatNumber(r.value, r.spec),
                `${name}: ${r.key}`,
              );
              assert.equal(now.values[r.key], r.value, `${name}: ${r.key}`);
            }
            before = now;
          }
        });
      }

      await t.step(
        "robust-lines: dragging in the chart moves the point, library numbers",
        async () => {
          const before = await readFigure(page, "robust-lines");
          const svg = page.locator(
            '#fig-robust-lines [data-chart="scatter"] svg.fig-plot',
          );
          await svg.scrollIntoViewIfNeeded();
          const box = (await svg.boundingBox())!;
          await page.mouse.move(
            box.x + box.width * 0.6,
            box.y + box.height * 0.5,
          );
          await page.mouse.down();
          await page.mouse.move(
            box.x + box.width * 0.6,
            box.y + box.height * 0.2,
            {
              steps: 4,
            },
          );
          await page.mouse.up();
          const after = await readFigure(page, "robust-lines");
          assert.notEqual(after.settings.shift, before.settings.shift);
          assert.equal(after.settings.k, before.settings.k);
          assertMatchesLibrary("robust-lines", after.settings, after.values);
        },
      );

      await t.step(
        "print hides the controls and prints the settings",
        async () => {
          await page.emulateMedia({ media: "print" });
          const shown = await page.evaluate(() =>
            Array.from(document.querySelectorAll(".fig-live"), (fig) => ({
              controls: getComputedStyle(fig.querySelector(".fig-controls")!)
                .display,
              settings: fig.querySelector(".fig-settings")!.textContent ?? "",
              visible: getComputedStyle(fig.querySelector(".fig-settings")!)
                .display,
            }))
          );
          for (const s of shown) {
            assert.equal(s.controls, "none");
            assert.notEqual(s.visible, "none");
            assert.match(s.settings, /^Settings: .+ = .+\.$/);
          }
          assert.match(shown[0]!.settings, /sample size n = 7, divisor c = 8/);
          await page.emulateMedia({ media: "screen" });
        },
      );

      await t.step("axe: no WCAG 2.1 A/AA violation, light", async () => {
        assert.deepEqual(await runAxe(page), []);
      });
      await context.close();

      await t.step(
        "axe: no WCAG 2.1 A/AA violation, dark, phone width, no sideways scroll",
        async () => {
          const { context, page } = await open({
            colorScheme: "dark",
            width: 390,
          });
          await page.waitForFunction(() =>
            document.querySelectorAll(".fig-live").length === 7
          );
          assert.deepEqual(await runAxe(page), []);
          const overflow = await page.evaluate(() =>
            document.documentElement.scrollWidth -
            document.documentElement.clientWidth
          );
          assert.ok(
            overflow <= 0,
            `the page scrolls sideways by ${overflow}px`,
          );
          await context.close();
        },
      );

      await t.step(
        "settings in the fragment are read, and moving a control writes them",
        async () => {
          const { context, page } = await open({
            hash: "#variance-divisor.n=9&variance-divisor.c=10&gd-newton.lr=2",
          });
          await page.waitForFunction(() =>
            document.querySelectorAll(".fig-live").length === 7
          );
          const vd = await readFigure(page, "variance-divisor");
          assert.equal(vd.settings.n, 9);
          assert.equal(vd.settings.c, 10);
          assertMatchesLibrary("variance-divisor", vd.settings, vd.values);
          const gn = await readFigure(page, "gd-newton");
          assert.equal(gn.settings.lr, 2);
          assertMatchesLibrary("gd-newton", gn.settings, gn.values);
          await page.locator("#fig-variance-divisor-c").focus();
          await page.keyboard.press("ArrowLeft");
          const hash = await page.evaluate(() => location.hash);
          assert.match(hash, /variance-divisor\.c=9(&|$)/);
          assert.match(hash, /gd-newton\.lr=2(&|$)/);
          await context.close();
        },
      );

      await t.step(
        "axe: the static renderings (the figures' script not loaded) have no violation either",
        async () => {
          // a context of its own: the refused script is the point, not a problem
          const context = await browser.newContext({
            viewport: { width: 1100, height: 900 },
          });
          await context.route("**/figures.js", (r) => r.abort());
          const page = await context.newPage();
          await page.goto(url);
          assert.equal(
            await page.locator(".fig-static").count(),
            Object.keys(FIGURES).length,
          );
          assert.deepEqual(await runAxe(page), []);
          await context.close();
        },
      );

      await t.step(
        "without JavaScript the static figures show the default numbers and charts",
        async () => {
          const { context, page } = await open({ javaScriptEnabled: false });
          for (const [name, def] of Object.entries(FIGURES)) {
            const got = await page.evaluate((name) => {
              const fig = document.querySelector(
                `.fig-static[data-figure="${name}"]`,
              )!;
              return {
                texts: Array.from(
                  fig.querySelectorAll("dd[data-key]"),
                  (d) => d.textContent,
                ),
                svgs: fig.querySelectorAll("svg[role=img]").length,
              };
            }, name);
            const readings = def.readings(
              def.compute(def.defaults),
              def.defaults,
            );
            assert.deepEqual(
              got.texts,
              readings.map((r) => formatNumber(r.value, r.spec)),
            );
            assert.ok(got.svgs >= 1);
          }
          await context.close();
        },
      );

      assert.deepEqual(problems, []);
      assert.deepEqual(outside, []);
    } finally {
      await browser.close();
      await Deno.remove(dir, { recursive: true });
    }
  },
});
