/** Tests for lib/charts.ts and lib/palette.ts. */
import assert from "node:assert/strict";
import {
  barChart,
  curveChart,
  histogramChart,
  pathChart,
  scatterFitChart,
} from "../lib/charts.ts";
import { palette } from "../lib/palette.ts";
import { Plot } from "../lib/plot.ts";

// ---------------------------------------------------------------------------------
// palette

function luminance(hex: string): number {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  assert.ok(m, `not a #rrggbb colour: ${hex}`);
  const [r, g, b] = [m[1], m[2], m[3]].map((h) => {
    const c = parseInt(h as string, 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p) as [
    number,
    number,
  ];
  return (x + 0.05) / (y + 0.05);
}

/** The reading edition's light and dark page backgrounds, read from its stylesheet. */
function bookBackgrounds(): string[] {
  const css = Deno.readTextFileSync(
    new URL("../tools/book/book.css", import.meta.url),
  );
  const bgs = [...css.matchAll(/--(?:bg|surface):\s*(#[0-9a-fA-F]{6})\b/g)].map(
    (m) => m[1] as string,
  );
  assert.ok(bgs.length >= 4, "book.css defines light and dark --bg/--surface");
  return bgs;
}

Deno.test("palette: every colour has WCAG contrast >= 3:1 against white, the edition's light and dark backgrounds, JupyterLab's and VS Code's dark themes", () => {
  const backgrounds = [
    "#ffffff",
    ...bookBackgrounds(),
    "#111111", // JupyterLab dark --jp-layout-color0
    "#1e1e1e", // VS Code Dark+ editor background
  ];
  const colours = Object.entries(palette).flatMap(([name, v]) =>
    typeof v === "string"
      ? [[name, v] as const]
      : (v as readonly string[]).map((c, i) => [`series[${i}]`, c] as const)
  );
  const failures: string[] = [];
  for (const [name, c] of colours) {
    for (const bg of backgrounds) {
      const r = contrast(c, bg);
      if (r < 3) failures.push(`${name} ${c} on ${bg}: ${r.toFixed(2)}`);
    }
  }
  assert.deepEqual(failures, []);
});

Deno.test("palette: the eight series colours are distinct, and named colours come from them", () => {
  assert.equal(new Set(palette.series).size, 8);
  for (const [name, v] of Object.entries(palette)) {
    if (typeof v === "string") {
      assert.ok(palette.series.includes(v), `${name} is a series colour`);
    }
  }
  assert.ok(Object.isFrozen(palette) && Object.isFrozen(palette.series));
});

// ---------------------------------------------------------------------------------
// Charts

const count = (html: string, re: RegExp) => (html.match(re) ?? []).length;
const html = (c: Element) => c.outerHTML;

/** A seeded, deterministic sample (no RandomState dependency in this test). */
function sample(n: number): number[] {
  let s = 12345;
  return Array.from({ length: n }, () => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return 5 + (s / 2 ** 31 - 0.5);
  });
}

Deno.test("histogramChart() draws one bar per bin, the truth line and label, axis labels, title and caption", () => {
  const values = sample(400);
  const chart = histogramChart({
    values,
    truth: 5,
    bins: 12,
    xLabel: "sample mean",
    title: "Where the estimates fall",
    caption: "Centred on the truth.",
  });
  const h = html(chart);
  assert.equal(count(h, /<rect /g), 12);
  assert.match(h, new RegExp(`stroke="${palette.truth}"`));
  assert.match(h, />true value 5</);
  assert.match(h, /sample mean/);
  assert.match(h, /count/);
  assert.match(h, /Where the estimates fall/);
  assert.match(h, /Centred on the truth\./);
});

Deno.test("histogramChart() bins every value once: bar heights follow the counts, as counts or densities", () => {
  const values = [0, 0, 0, 1, 1, 2]; // bins [0, 2/3), [2/3, 4/3), [4/3, 2]: 3, 2, 1
  const heights = (h: string) =>
    [...h.matchAll(/<rect [^>]*height="([\d.]+)"/g)].map((m) => Number(m[1]));
  for (
    const density of [
      undefined,
      { x: [0, 2], y: [0.75, 0.75], label: "flat" },
    ]
  ) {
    const h = html(histogramChart({
      values,
      bins: 3,
      xLabel: "x",
      ...(density ? { density } : {}),
    }));
    const [a, b, c] = heights(h) as [number, number, number];
    assert.ok(Math.abs(a / c - 3) < 1e-9 && Math.abs(b / c - 2) < 1e-9);
    assert.match(h, density ? /↑ density/ : /↑ count/);
    if (density) {
      assert.match(h, />flat</);
      // Densities: the tallest bar, 3 / (6 · 2/3) = 0.75, meets the flat density line.
      const line = /<path d="M[\d.]+,([\d.]+)L/.exec(
        h.slice(
          h.indexOf('stroke="currentColor" fill="none" aria-label="line"'),
        ),
      );
      const top = /<rect [^>]*y="([\d.]+)"/.exec(h);
      assert.ok(line && top);
      assert.ok(Math.abs(Number(line[1]) - Number(top[1])) < 0.01);
    }
  }
});

Deno.test("curveChart() draws each curve, labels it at its end, marks maxima and markers", () => {
  const x = Array.from({ length: 99 }, (_, i) => (i + 1) / 100);
  const ll = (k: number, n: number) =>
    x.map((p) => k * Math.log(p) + (n - k) * Math.log(1 - p));
  const chart = curveChart({
    series: [
      { label: "n = 10", x, y: ll(3, 10) },
      { label: "n = 100", x, y: ll(30, 100), dashed: true },
    ],
    marks: [{ x: 0.3, label: "true p" }, Plot.ruleY([0])],
    maxima: true,
    xLabel: "p",
    yLabel: "log L(p)",
  });
  const h = html(chart);
  assert.match(h, />n = 10</);
  assert.match(h, />n = 100</);
  assert.match(h, />true p</);
  assert.equal(count(h, />max at 0\.3</g), 2);
  assert.match(h, /stroke-dasharray="6,4"/);
  assert.match(h, /log L\(p\)/);
  // The dashed curve is drawn after (on top of) the solid one.
  const solid = h.indexOf(`stroke="${palette.series[0]}"`);
  const dashed = h.indexOf('stroke-dasharray="6,4"');
  assert.ok(solid >= 0 && dashed > solid);
});

Deno.test("curveChart() keeps direct labels of curves ending at the same height apart", () => {
  const x = [0, 1];
  const chart = curveChart({
    series: [
      { label: "first", x, y: [0, 1] },
      { label: "second", x, y: [1, 1] },
      { label: "third", x, y: [2, 1] },
    ],
    xLabel: "x",
    yLabel: "y",
  });
  const ys = ["first", "second", "third"].map((t) => {
    const m = new RegExp(
      `<text[^>]*transform="translate\\([\\d.]+,([\\d.]+)\\)"[^>]*>${t}<`,
    ).exec(
      html(chart),
    ) ??
      new RegExp(`<g[^>]*><text[^>]*y="([\\d.]+)"[^>]*>${t}<`).exec(
        html(chart),
      );
    return m ? Number(m[1]) : NaN;
  });
  assert.ok(ys.every(Number.isFinite), `label positions: ${ys}`);
  const sorted = [...ys].sort((a, b) => a - b);
  for (let i = 1; i < sorted.length; i++) {
    assert.ok((sorted[i] as number) - (sorted[i - 1] as number) >= 13.9);
  }
});

Deno.test("curveChart() on log axes labels ticks as numbers, not SI prefixes", () => {
  const n = [10, 30, 100, 300, 1000];
  const chart = curveChart({
    series: [{ label: "MSE", x: n, y: n.map((v) => 1 / v) }],
    logX: true,
    logY: true,
    xLabel: "n",
    yLabel: "MSE",
  });
  const h = html(chart);
  assert.match(h, />0\.01</);
  assert.match(h, />1000</);
  assert.doesNotMatch(h, />\d+m</);
  assert.throws(
    () =>
      curveChart({
        series: [{ label: "a", x: [0, 1], y: [1, 2] }],
        logX: true,
        xLabel: "x",
        yLabel: "y",
      }),
    /logX/,
  );
});

Deno.test("scatterFitChart() draws every point, each line with its label, and rings the highlighted points", () => {
  const x = [0, 1, 2, 3, 4, 5];
  const y = [0.1, 1.2, 1.9, 3.1, 4.2, 15];
  const chart = scatterFitChart({
    x,
    y,
    lines: [
      { label: "OLS", intercept: -1, slope: 2.5 },
      { label: "Huber", intercept: 0, slope: 1.02 },
    ],
    highlight: [5],
    xLabel: "x",
    yLabel: "y",
  });
  const h = html(chart);
  assert.equal(count(h, /<circle /g), x.length + 1);
  assert.match(h, new RegExp(`stroke="${palette.ols}"`));
  assert.match(h, new RegExp(`stroke="${palette.huber}"`));
  assert.match(h, />OLS</);
  assert.match(h, />Huber</);
  assert.match(h, />outlier</);
  assert.throws(
    () =>
      scatterFitChart({
        x,
        y,
        lines: [],
        highlight: [6],
        xLabel: "x",
        yLabel: "y",
      }),
    /options\.highlight\[0\] must be an index from 0 to 5/,
  );
});

Deno.test("pathChart() draws one path per feature, labels, and the true coefficients dashed", () => {
  const alphas = [0.001, 0.01, 0.1, 1];
  const coefs = [[2, -1, 0.5], [1.9, -0.9, 0.3], [1.5, -0.4, 0], [0.2, 0, 0]];
  const chart = pathChart({
    alphas,
    coefs,
    truth: [2, -1, 0],
    featureLabels: ["age", "dose", "noise"],
  });
  const h = html(chart);
  for (const name of ["age", "dose", "noise"]) {
    assert.match(h, new RegExp(`>${name}<`));
  }
  assert.equal(count(h, /stroke-dasharray="2,4"/g), 3);
  assert.match(h, /α \(penalty strength\)/);
  assert.match(h, /↑ coefficient/);
  assert.throws(
    () => pathChart({ alphas, coefs: coefs.slice(1) }),
    /one row per alpha/,
  );
  assert.throws(
    () => pathChart({ alphas: [0, 1], coefs: [[1], [0]], logX: true }),
    /logX/,
  );
});

Deno.test("barChart() draws one bar per row with its value written, grouped rows by label without a legend", () => {
  const plain = html(barChart({
    rows: [{ label: "divide by n", value: 0.18 }, {
      label: "divide by n − 1",
      value: 0.2,
    }],
    xLabel: "MSE",
  }));
  assert.match(plain, />0\.18</);
  assert.match(plain, />divide by n − 1</);
  const grouped = html(barChart({
    rows: [
      { label: "bias", value: 0.1, group: "MLE" },
      { label: "bias", value: -0.05, group: "MAP" },
      { label: "variance", value: 0.3, group: "MLE" },
      { label: "variance", value: 0.2, group: "MAP" },
    ],
    xLabel: "value",
    format: ".2f",
  }));
  assert.match(grouped, />-0\.05</);
  assert.match(grouped, />variance</);
  assert.doesNotMatch(grouped, /-swatch/); // no colour legend
  assert.throws(
    () =>
      barChart({
        rows: [{ label: "a", value: 1 }, { label: "a", value: 2 }],
        xLabel: "v",
      }),
    /repeats the bar a/,
  );
  assert.throws(
    () =>
      barChart({
        rows: [{ label: "a", value: 1 }],
        xLabel: "v",
        format: ".2q",
      }),
    RangeError,
  );
});

Deno.test("every chart helper is deterministic: the same call gives the same markup twice", () => {
  const calls = [
    () => histogramChart({ values: sample(200), truth: 5, xLabel: "x" }),
    () =>
      curveChart({
        series: [{ label: "a", x: [1, 2, 3], y: [3, 1, 2] }],
        maxima: true,
        xLabel: "x",
        yLabel: "y",
      }),
    () =>
      scatterFitChart({
        x: [1, 2, 3],
        y: [1, 2, 4],
        lines: [{ label: "OLS", intercept: 0, slope: 1 }],
        xLabel: "x",
        yLabel: "y",
      }),
    () => pathChart({ alphas: [0.1, 1], coefs: [[1, 2], [0, 1]] }),
    () => barChart({ rows: [{ label: "a", value: 1 }], xLabel: "v" }),
  ];
  for (const call of calls) assert.equal(html(call()), html(call()));
});

Deno.test("chart helpers refuse missing axis labels and malformed data with errors naming the option", () => {
  assert.throws(() => histogramChart({ values: [1, 2] } as never), {
    name: "TypeError",
    message: /^histogramChart\(\): options\.xLabel must be a non-empty string/,
  });
  assert.throws(
    () => histogramChart({ values: [1, NaN], xLabel: "x" }),
    /options\.values\[1\] must be a finite number/,
  );
  assert.throws(
    () => curveChart({ series: [], xLabel: "x", yLabel: "y" }),
    /at least one curve/,
  );
  assert.throws(
    () =>
      curveChart({
        series: [{ label: "a", x: [1, 2], y: [1] }],
        xLabel: "x",
        yLabel: "y",
      }),
    /options\.series\[0\]\.x and options\.series\[0\]\.y must have the same length/,
  );
  assert.throws(() => barChart({ rows: [], xLabel: "v" }), RangeError);
  assert.throws(
    () => scatterFitChart(null as never),
    /options must be an object/,
  );
});

Deno.test("chart helpers refuse a misspelt option, also inside a series or a row", () => {
  assert.throws(
    () => histogramChart({ values: [1, 2], xLabel: "x", xlabel: "y" } as never),
    /^TypeError: histogramChart\(\): unknown option "xlabel" in options/,
  );
  assert.throws(
    () =>
      curveChart({
        series: [{ label: "a", x: [1], y: [1], dash: true }],
        xLabel: "x",
        yLabel: "y",
      } as never),
    /curveChart\(\): unknown option "dash" in options\.series\[0\]; valid options: label, x, y, dashed, color/,
  );
  assert.throws(
    () =>
      barChart(
        { rows: [{ label: "a", value: 1, grp: "g" }], xLabel: "v" } as never,
      ),
    /unknown option "grp" in options\.rows\[0\]/,
  );
});

Deno.test("curveChart() leaves room for wide y tick labels such as −1,580", () => {
  const x = [0, 1, 2, 3];
  const narrow = curveChart({
    series: [{ label: "a", x, y: [0.1, 0.2, 0.3, 0.2] }],
    xLabel: "x",
    yLabel: "y",
  });
  const wide = curveChart({
    series: [{ label: "a", x, y: [-1580, -1590, -1600, -1585] }],
    xLabel: "x",
    yLabel: "y",
  });
  const left = (el: { outerHTML: string }) => {
    const m = el.outerHTML.match(
      /aria-label="y-axis tick label">\s*<text[^>]*transform="translate\((-?[\d.]+)/,
    );
    return m ? Number(m[1]) : NaN;
  };
  assert.ok(left(wide) > left(narrow), `${left(wide)} vs ${left(narrow)}`);
});

Deno.test("curveChart() with logY leaves room for tick labels such as 0.001", () => {
  const x = [1, 2, 3, 4];
  const chart = curveChart({
    series: [{ label: "gap", x, y: [1, 0.1, 0.01, 0.001] }],
    xLabel: "x",
    yLabel: "y",
    logY: true,
  });
  const m = chart.outerHTML.match(
    /aria-label="y-axis tick label">\s*<text[^>]*transform="translate\((-?[\d.]+)/,
  );
  assert.ok(m && Number(m[1]) >= 5 * 7.6 * 0.85, m?.[1]);
});
