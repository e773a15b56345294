/**
 * Tests of the reading edition (`tools/book.ts`), its interactive figures
 * (`figures/`, one or more per chapter 01–06) and the MLE and MAP explorer.
 *
 * - Builder tests (no browser): the cache, the failure path, solutions, the offline
 *   check. They build small books from synthetic notebooks with a fake executor.
 * - Browser tests: Debian's Chromium driven by playwright-core. They open the real
 *   edition in `site/` (built by `deno task book`; when `site/` is missing they build it
 *   into a temporary folder), and a small synthetic edition with every kind of output.
 *   Screenshots go to `.build/screenshots/`.
 *
 * Without `/usr/bin/chromium` the browser tests are skipped with a message, except when
 * `CI=true`, where they fail.
 *
 * Run: `deno test -A tests/book_test.ts`
 */

import assert from "node:assert/strict";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseHTML } from "linkedom";
import { chromium } from "playwright-core";
import type { Browser, BrowserContext, Page } from "playwright-core";
import {
  buildBook,
  createMarkdown,
  type Executor,
  externalReferences,
  renderNotebook,
  ROOT,
} from "../tools/book.ts";
import type { Notebook } from "../tools/notebook_runner.ts";
import { printBook } from "../tools/book/pdf.ts";
import { RandomState } from "../lib/random.ts";
import { fitBernoulli, fitNormal } from "../lib/distributions.ts";
import { betaBernoulliPosterior } from "../lib/fisher.ts";
import { betaPrior, normalMeanPosterior, normalPrior } from "../lib/bayes.ts";
import { formatNumber, type Settings } from "../figures/_framework.ts";
import { figureNamed } from "../figures/mod.ts";
import { MOVES } from "../bench/figures_moves.ts";
import { assertMatchesLibrary } from "./_figures_reference.ts";
import { CHROMIUM, CHROMIUM_FLAGS } from "../tools/setup.ts";
import { type FigureShown, readFigure } from "./_figure_page.ts";

const SCREENSHOTS = join(ROOT, ".build", "screenshots");

// ---------------------------------------------------------------------------------
// Synthetic notebooks
// ---------------------------------------------------------------------------------

/** A red 4x4 PNG. */
const PNG =
  "iVBORw0KGgoAAAANSUhEUgAAAAQAAAAECAIAAAAmkwkpAAAAEElEQVR4nGP4z8AARwzEcQCukw/x0F8jngAAAABJRU5ErkJggg==";

const SVG =
  `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" ` +
  `width="200" height="100" viewBox="0 0 200 100" fill="currentColor" class="estimation-plot">` +
  `<path d="M10,90L100,10L190,60" fill="none" stroke="currentColor"/>` +
  `<text x="100" y="95">x</text></svg>`;

function md(source: string) {
  return { cell_type: "markdown" as const, metadata: {}, source };
}

function code(
  source: string,
  outputs: Notebook["cells"][number]["outputs"] = [],
) {
  return {
    cell_type: "code" as const,
    metadata: {},
    source,
    outputs,
    execution_count: 1,
  };
}

function notebook(cells: Notebook["cells"]): Notebook {
  return {
    cells,
    metadata: { kernelspec: { name: "deno", language: "typescript" } },
    nbformat: 4,
    nbformat_minor: 5,
  };
}

/** A chapter with math, every kind of output, exercises and two kinds of solution. */
const FIXTURE_CHAPTER = notebook([
  md(
    "# Fixture chapter\n\nThe estimator $\\hat\\theta_n = \\frac{1}{n}\\sum_i x_i$ costs \\$5.\n" +
      "Its variance $\\operatorname{Var}(\\hat\\theta_n)\n= \\sigma^2/n$ spans a line break.\n\n" +
      "$$\n\\operatorname{Var}(\\hat\\theta_n) = \\frac{\\sigma^2}{n} \\qquad a_1 * b_2\n$$\n",
  ),
  code('console.log("mean 2.5");', [
    { output_type: "stream", name: "stdout", text: ["mean 2.5\n"] },
  ]),
  code("await show(chart);", [
    {
      output_type: "display_data",
      data: { "image/svg+xml": SVG, "text/plain": "chart" },
      metadata: {},
    },
  ]),
  code("await show(df);", [
    {
      output_type: "display_data",
      data: {
        "text/html":
          "<table><thead><tr><th>n</th><th>mle</th></tr></thead><tbody><tr><td>10</td><td>0.61</td></tr></tbody></table>",
        "application/vnd.dataresource+json": { schema: {} },
      },
      metadata: {},
    },
  ]),
  code("await show(png);", [
    {
      output_type: "display_data",
      data: { "image/png": PNG, "text/plain": "a red square" },
      metadata: {},
    },
  ]),
  md("## Exercises\n\n### Exercise 1\n\nShow that the mean is unbiased."),
  md(
    "### Solution\n\nBy linearity, $\\mathbb{E}[\\bar x] = \\mu$.\n\n#### A step inside",
  ),
  code('console.log("inside the first solution");', [
    {
      output_type: "stream",
      name: "stdout",
      text: "inside the first solution\n",
    },
  ]),
  md("### Exercise 2\n\nCompute $\\frac{1}{2}$."),
  md("**Solution** (exercise 2)\n\nIt is one half."),
  md("## After the exercises\n\nThis text is visible."),
  md(
    "## Going further\n\nOptional: a longer derivation.\n\n### A subsection of it\n\nStill optional.",
  ),
  md("## Summary\n\nVisible again."),
]);

/** A chart as Observable Plot writes it today: a figure with an `<h2>` title. */
const PLOT_FIGURE =
  `<figure class="estimation-plot-figure"><h2>Sampling distribution of the mean</h2>` +
  `<svg viewBox="0 0 720 300" width="720" height="300" font-size="10" fill="currentColor">` +
  `<g aria-label="x-axis tick label"><text x="40" y="290">0.5</text></g>` +
  `<g aria-label="line"><path d="M40,250L700,40" stroke="currentColor"/></g></svg>` +
  `<figcaption>Dashed: the true mean. The histogram centres on it.</figcaption></figure>`;

/** A notebook whose markdown, outputs and a heading try to run script. */
const HOSTILE = notebook([
  md(
    "# Hostile chapter\n\n<img src=x onerror=\"window.__pwned='md-img'\">" +
      "<script>window.__pwned='md-script'</script>\n\n" +
      "<svg onload=\"window.__pwned='md-svg'\"><circle r='1'/></svg>\n\n" +
      "<a href=\"javascript:window.__pwned='md-href'\">a link</a> and <b>bold</b> kept.",
  ),
  md(
    "## A heading <img src=x onerror=\"window.__pwned='heading'\"> with $x^2$",
  ),
  code("await show(x);", [
    {
      output_type: "display_data",
      data: {
        "text/html": "<script>window.__pwned='out-script'</script>" +
          "<img src=x onerror=\"window.__pwned='out-img'\">" +
          "<body onload=\"window.__pwned='out-body'\"><p>output text</p>",
      },
      metadata: {},
    },
    {
      output_type: "display_data",
      data: {
        "image/svg+xml":
          '<svg onload="window.__pwned=\'svg-out\'" viewBox="0 0 10 10">' +
          "<script>window.__pwned='svg-script'</script><circle r=\"1\"/></svg>",
        "text/plain": "a chart",
      },
      metadata: {},
    },
    {
      output_type: "display_data",
      data: {
        "text/markdown":
          "Output markdown <img src=x onerror=\"window.__pwned='out-md'\">",
      },
      metadata: {},
    },
    {
      output_type: "display_data",
      data: { "text/html": PLOT_FIGURE },
      metadata: {},
    },
  ]),
]);

const FIXTURE_SECOND = notebook([
  md(
    "# Second chapter\n\nBack to [the exercises](01_fixture.ipynb#exercises), as chapter 1 asked.",
  ),
  code("1 + 1", [
    {
      output_type: "execute_result",
      data: { "text/plain": "2" },
      metadata: {},
      execution_count: 1,
    },
  ]),
]);

/** Writes notebooks (name → content) into a fresh folder. */
async function writeNotebooks(
  dir: string,
  notebooks: Record<string, Notebook>,
): Promise<void> {
  await Deno.mkdir(dir, { recursive: true });
  for (const [name, nb] of Object.entries(notebooks)) {
    await Deno.writeTextFile(join(dir, name), JSON.stringify(nb));
  }
}

/** An executor that returns the notebook as it is on disk, and counts its calls. */
function fakeExecutor(): Executor & { calls: string[] } {
  const calls: string[] = [];
  const run = async (path: string) => {
    calls.push(path.split("/").pop()!);
    return JSON.parse(await Deno.readTextFile(path)) as Notebook;
  };
  return Object.assign(run, { calls });
}

/** A throw-away repository root with lib/, deno.json and deno.lock. */
async function fakeRoot(): Promise<string> {
  const root = await Deno.makeTempDir({ prefix: "book-test-" });
  await Deno.mkdir(join(root, "lib"));
  await Deno.writeTextFile(
    join(root, "lib", "mod.ts"),
    "export const x = 1;\n",
  );
  await Deno.writeTextFile(join(root, "deno.json"), "{}\n");
  await Deno.writeTextFile(join(root, "deno.lock"), '{ "version": "5" }\n');
  await writeNotebooks(join(root, "notebooks"), {
    "01_fixture.ipynb": FIXTURE_CHAPTER,
    "02_second.ipynb": FIXTURE_SECOND,
  });
  return root;
}

const quiet = () => {};

// ---------------------------------------------------------------------------------
// Builder tests
// ---------------------------------------------------------------------------------

Deno.test("buildBook() re-executes only what changed: notebook, lib/, deno.lock", async () => {
  const root = await fakeRoot();
  try {
    const exec = fakeExecutor();
    const opts = { root, execute: exec, explorer: false, log: quiet };
    const first = await buildBook(opts);
    assert.deepEqual(exec.calls.toSorted(), [
      "01_fixture.ipynb",
      "02_second.ipynb",
    ]);
    assert.deepEqual(first.notebooks.map((n) => n.cached), [false, false]);
    assert.deepEqual(
      first.notebooks.map((n) => n.name),
      ["01_fixture.ipynb", "02_second.ipynb"],
      "reported in reading order although two run at a time",
    );

    exec.calls.length = 0;
    const warm = await buildBook(opts);
    assert.deepEqual(
      exec.calls,
      [],
      "a rebuild with nothing changed executes nothing",
    );
    assert.deepEqual(warm.notebooks.map((n) => n.cached), [true, true]);

    // Changing one notebook re-executes that notebook only.
    const second = structuredClone(FIXTURE_SECOND);
    second.cells.push(md("One more paragraph."));
    await writeNotebooks(join(root, "notebooks"), {
      "02_second.ipynb": second,
    });
    await buildBook(opts);
    assert.deepEqual(exec.calls, ["02_second.ipynb"]);

    // Anything under lib/ is a dependency of every notebook.
    exec.calls.length = 0;
    await Deno.writeTextFile(
      join(root, "lib", "extra.ts"),
      "export const y = 2;\n",
    );
    await buildBook(opts);
    assert.deepEqual(exec.calls.toSorted(), [
      "01_fixture.ipynb",
      "02_second.ipynb",
    ]);

    // So is the lockfile.
    exec.calls.length = 0;
    await Deno.writeTextFile(
      join(root, "deno.lock"),
      '{ "version": "5", "npm": {} }\n',
    );
    await buildBook(opts);
    assert.deepEqual(exec.calls.toSorted(), [
      "01_fixture.ipynb",
      "02_second.ipynb",
    ]);

    // One cache entry per notebook: stale ones are removed.
    const entries = [...Deno.readDirSync(join(root, ".build", "cache"))].map((
      e,
    ) => e.name);
    assert.equal(entries.filter((e) => e.startsWith("01_fixture.")).length, 1);
  } finally {
    await Deno.remove(root, { recursive: true });
  }
});

Deno.test("buildBook() stops at a failing notebook, names it, and keeps the previous edition", async () => {
  const root = await fakeRoot();
  try {
    await buildBook({
      root,
      execute: fakeExecutor(),
      explorer: false,
      log: quiet,
    });
    const site = join(root, "site");
    const before = await Deno.readTextFile(join(site, "01_fixture.html"));

    // The second notebook now fails.
    const broken = structuredClone(FIXTURE_SECOND);
    broken.cells.push(code('throw new Error("boom")'));
    await writeNotebooks(join(root, "notebooks"), {
      "02_second.ipynb": broken,
    });
    const failing: Executor = async (path) => {
      if (path.endsWith("02_second.ipynb")) {
        throw new Error("02_second.ipynb: cell 2 failed: Error: boom");
      }
      return JSON.parse(await Deno.readTextFile(path));
    };
    await assert.rejects(
      buildBook({ root, execute: failing, explorer: false, log: quiet }),
      /02_second\.ipynb: cell 2 failed: Error: boom/,
    );
    assert.equal(
      await Deno.readTextFile(join(site, "01_fixture.html")),
      before,
    );
    assert.ok((await Deno.stat(join(site, "02_second.html"))).isFile);
    // No half-built edition is left next to it.
    const leftovers = [...Deno.readDirSync(join(root, ".build"))].filter((e) =>
      e.name.includes("staging")
    );
    assert.deepEqual(leftovers, []);
  } finally {
    await Deno.remove(root, { recursive: true });
  }
});

Deno.test("buildBook() refuses math KaTeX cannot parse, naming the notebook and the cell", async () => {
  const root = await fakeRoot();
  try {
    await writeNotebooks(join(root, "notebooks"), {
      "03_bad_math.ipynb": notebook([
        md("# Bad\n\nok"),
        md("Broken $\\frac{1}{$ here."),
      ]),
    });
    await assert.rejects(
      buildBook({ root, execute: fakeExecutor(), explorer: false, log: quiet }),
      /03_bad_math\.ipynb: cell 1: KaTeX cannot render/,
    );
  } finally {
    await Deno.remove(root, { recursive: true });
  }
});

Deno.test("book.ts exits non-zero naming notebook, cell and error when a cell raises in the kernel", async () => {
  const dir = await Deno.makeTempDir({ prefix: "book-cli-" });
  try {
    await writeNotebooks(join(dir, "notebooks"), {
      "broken.ipynb": notebook([
        md("# Broken"),
        code('console.log("fine");'),
        code('throw new RangeError("deliberate failure");'),
      ]),
    });
    await Deno.mkdir(join(dir, "site"));
    await Deno.writeTextFile(
      join(dir, "site", "index.html"),
      "previous edition",
    );
    const res = await new Deno.Command(Deno.execPath(), {
      args: [
        "run",
        "-A",
        join(ROOT, "tools", "book.ts"),
        `--notebooks=${join(dir, "notebooks")}`,
        `--out=${join(dir, "site")}`,
        `--cache=${join(dir, "cache")}`,
        "--no-explorer",
      ],
      cwd: ROOT,
      env: { NO_COLOR: "1" },
      stdout: "piped",
      stderr: "piped",
    }).output();
    const out = new TextDecoder().decode(res.stdout) +
      new TextDecoder().decode(res.stderr);
    assert.equal(res.code, 1, out);
    assert.match(out, /broken\.ipynb/);
    assert.match(out, /cell 2/);
    assert.match(out, /RangeError/);
    assert.match(out, /deliberate failure/);
    assert.equal(
      await Deno.readTextFile(join(dir, "site", "index.html")),
      "previous edition",
    );
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("renderNotebook() folds each solution, code included, until the next heading of level 1-3", () => {
  const page = renderNotebook(
    createMarkdown(),
    FIXTURE_CHAPTER,
    "01_fixture.ipynb",
  );
  const { document } = parseHTML(
    `<!DOCTYPE html><html><body>${page.html}</body></html>`,
  );
  const details = [...document.querySelectorAll("details.solution")];
  assert.equal(details.length, 2);
  assert.equal(details[0]!.querySelector("summary")!.textContent, "Solution");
  assert.match(details[0]!.textContent!, /By linearity/);
  assert.match(details[0]!.textContent!, /inside the first solution/);
  assert.ok(
    details[0]!.querySelector("h4"),
    "a #### heading stays inside the solution",
  );
  assert.doesNotMatch(details[0]!.textContent!, /Exercise 2/);
  assert.equal(
    details[1]!.querySelector("summary")!.textContent,
    "Solution (exercise 2)",
  );
  assert.match(details[1]!.textContent!, /It is one half/);
  assert.doesNotMatch(details[1]!.textContent!, /This text is visible/);
  assert.ok(
    !details.some((d) => d.hasAttribute("open")),
    "solutions start closed",
  );
  // The outline lists sections and exercises, not solutions.
  assert.deepEqual(page.headings.map((h) => h.text), [
    "Exercises",
    "Exercise 1",
    "Exercise 2",
    "After the exercises",
    "Going further",
    "A subsection of it",
    "Summary",
  ]);
  assert.equal(page.title, "Fixture chapter");
});

Deno.test("renderNotebook() typesets math at build time and escapes nothing twice", () => {
  const page = renderNotebook(
    createMarkdown(),
    FIXTURE_CHAPTER,
    "01_fixture.ipynb",
  );
  const { document } = parseHTML(
    `<!DOCTYPE html><html><body>${page.html}</body></html>`,
  );
  assert.ok(document.querySelectorAll(".katex").length >= 4);
  assert.ok(
    document.querySelector(".katex-display"),
    "display math is in display mode",
  );
  for (const k of document.querySelectorAll(".katex")) k.remove();
  const text = document.body.textContent!;
  assert.doesNotMatch(text, /\$\$|\\frac|\\hat/);
  assert.match(text, /costs \$5/);
});

Deno.test("externalReferences() flags loaded resources, not links or XML namespaces", () => {
  assert.deepEqual(
    externalReferences(
      '<p>See <a href="https://example.org/paper">the paper</a>, https://x.org.</p>',
      "html",
    ),
    [],
  );
  assert.deepEqual(
    externalReferences(
      '<script src="https://cdn.example/k.js"></script>',
      "html",
    ),
    [
      '<script src="https://cdn.example/k.js">',
    ],
  );
  assert.equal(
    externalReferences(
      '<link rel="stylesheet" href="//cdn.example/k.css">',
      "html",
    ).length,
    1,
  );
  assert.equal(
    externalReferences('<img src="file:///tmp/a.png">', "html").length,
    1,
  );
  assert.equal(
    externalReferences(
      "<style>@import url(https://fonts.example/f.css);</style>",
      "html",
    ).length,
    1,
  );
  assert.equal(
    externalReferences("a{background:url(http://x.example/a.png)}", "css")
      .length,
    1,
  );
  assert.deepEqual(
    externalReferences(
      "/* https://in.a/comment */ a{b:url(fonts/x.woff2)}",
      "css",
    ),
    [],
  );
  assert.deepEqual(
    externalReferences(
      'const ns = "http://www.w3.org/2000/svg", x = "http://www.w3.org/1999/xlink";',
      "js",
    ),
    [],
  );
  assert.deepEqual(
    externalReferences('fetch("https://api.example/data")', "js"),
    ["https://api.example/data"],
  );
});

Deno.test("renderNotebook() folds Going further until the next heading of its level, with a clear label", () => {
  const page = renderNotebook(
    createMarkdown(),
    FIXTURE_CHAPTER,
    "01_fixture.ipynb",
  );
  const { document } = parseHTML(
    `<!DOCTYPE html><html><body>${page.html}</body></html>`,
  );
  const further = document.querySelector("details.going-further")!;
  assert.ok(further, "a Going further block");
  assert.match(
    further.querySelector("summary")!.textContent!,
    /^Optional: open/,
  );
  assert.match(further.textContent!, /a longer derivation[^]*Still optional/);
  assert.doesNotMatch(further.textContent!, /Visible again/);
  assert.ok(!further.hasAttribute("open"), "folded");
  assert.ok(
    document.querySelector("h2#going-further"),
    "the heading stays outside, in the outline",
  );
});

Deno.test("renderNotebook() turns chart titles into text and charts into named, described images", () => {
  const page = renderNotebook(createMarkdown(), HOSTILE, "03_hostile.ipynb");
  const { document } = parseHTML(
    `<!DOCTYPE html><html><body>${page.html}</body></html>`,
  );
  const svg = document.querySelector("figure svg")!;
  assert.equal(svg.getAttribute("role"), "img");
  assert.equal(
    svg.getAttribute("aria-label"),
    "Sampling distribution of the mean",
  );
  const caption = document.getElementById(
    svg.getAttribute("aria-describedby")!,
  );
  assert.match(caption?.textContent ?? "", /The histogram centres on it/);
  assert.equal(
    document.querySelectorAll(".outputs h1, .outputs h2, .outputs h3").length,
    0,
  );
  assert.equal(
    document.querySelector("figure .chart-title")?.textContent,
    "Sampling distribution of the mean",
  );
  assert.equal(
    svg.querySelectorAll("[aria-label]").length,
    0,
    "no label on Plot's groups",
  );
});

Deno.test("renderNotebook() shows a chart bundle's SVG inline (not its PNG) and keeps its name and description", () => {
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 640 300" width="640" height="300" role="img" ` +
    `aria-label="Bias of the variance estimator" aria-describedby="d1"><desc id="d1">Bias shrinks as n grows.</desc>` +
    `<g aria-label="line"><path d="M0,0L10,10"/></g><text x="5" y="5">n</text></svg>`;
  const nb = notebook([
    md("# Charts"),
    code("await show(chart);", [
      {
        output_type: "display_data",
        data: {
          "text/markdown":
            "**Bias of the variance estimator**\n\nBias shrinks as n grows.",
        },
        metadata: {},
      },
      {
        output_type: "display_data",
        data: { "image/svg+xml": svg, "image/png": PNG, "text/plain": "chart" },
        metadata: {},
      },
    ]),
  ]);
  const page = renderNotebook(createMarkdown(), nb, "09_charts.ipynb");
  const { document } = parseHTML(
    `<!DOCTYPE html><html><body>${page.html}</body></html>`,
  );
  assert.equal(document.querySelectorAll(".output img").length, 0, "no PNG");
  const shown = document.querySelector(".output.svg svg")!;
  assert.equal(shown.getAttribute("role"), "img");
  assert.equal(
    shown.getAttribute("aria-label"),
    "Bias of the variance estimator",
  );
  assert.equal(
    document.getElementById(shown.getAttribute("aria-describedby")!)
      ?.textContent,
    "Bias shrinks as n grows.",
  );
  assert.equal(shown.querySelectorAll("g[aria-label]").length, 0);
  assert.equal(document.querySelectorAll(".outputs h1, .outputs h2").length, 0);
});

Deno.test("the sanitiser removes scripts, event handlers and javascript: links from markdown, outputs and headings", () => {
  const page = renderNotebook(createMarkdown(), HOSTILE, "03_hostile.ipynb");
  const all = page.html + page.headings.map((h) => h.html).join("");
  assert.doesNotMatch(all, /<script|onerror|onload|javascript:|<body/i);
  assert.match(page.html, /<b>bold<\/b> kept/);
  assert.match(page.html, /<p>output text<\/p>/);
  assert.match(page.html, /<math/, "MathML kept");
  assert.match(page.html, /<circle/, "SVG kept");
});

// ---------------------------------------------------------------------------------
// Browser tests
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
    `book_test: ${CHROMIUM} not found: skipping the browser tests ` +
      `(install Debian's chromium, or run \`deno run -A tools/setup.ts --browser\`)`,
  );
}
const browserTest = (name: string, fn: () => Promise<void>) =>
  Deno.test({
    name,
    ignore: !haveChromium && !inCI,
    sanitizeOps: false,
    sanitizeResources: false,
    fn: async () => {
      if (!haveChromium) {
        throw new Error(
          `${CHROMIUM} is missing, and CI=true requires the browser tests to run`,
        );
      }
      await fn();
    },
  });

/** A static file server for a folder on 127.0.0.1, on a free port. */
function serve(dir: string): { origin: string; close: () => Promise<void> } {
  const types: Record<string, string> = {
    html: "text/html; charset=utf-8",
    css: "text/css",
    js: "text/javascript",
    woff2: "font/woff2",
    woff: "font/woff",
    ttf: "font/ttf",
    png: "image/png",
    svg: "image/svg+xml",
  };
  const server = Deno.serve({
    hostname: "127.0.0.1",
    port: 0,
    onListen: () => {},
  }, async (req) => {
    const path = decodeURIComponent(new URL(req.url).pathname);
    if (path.includes("..")) return new Response("bad path", { status: 400 });
    const file = join(dir, path.endsWith("/") ? `${path}index.html` : path);
    try {
      const body = await Deno.readFile(file);
      const ext = file.split(".").pop() ?? "";
      return new Response(body, {
        headers: { "content-type": types[ext] ?? "application/octet-stream" },
      });
    } catch {
      return new Response("not found", { status: 404 });
    }
  });
  return {
    origin: `http://127.0.0.1:${server.addr.port}`,
    close: () => server.shutdown(),
  };
}

let browserPromise: Promise<Browser> | undefined;
function browser(): Promise<Browser> {
  browserPromise ??= chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [...CHROMIUM_FLAGS],
  });
  return browserPromise;
}

/** What went wrong while a page was open. */
interface Problems {
  console: string[];
  failed: string[];
  external: string[];
}

/**
 * A browser context that refuses every request outside `allowed` (the local server, or
 * file:// for a folder) and records it, plus console errors and failed requests.
 */
async function openContext(
  allowed: (url: string) => boolean,
  colorScheme: "light" | "dark" = "light",
): Promise<
  { context: BrowserContext; problems: Problems; watch: (page: Page) => void }
> {
  const context = await (await browser()).newContext({
    colorScheme,
    viewport: { width: 1280, height: 900 },
    serviceWorkers: "block",
  });
  context.setDefaultTimeout(10_000);
  const problems: Problems = { console: [], failed: [], external: [] };
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (allowed(url) || url.startsWith("data:")) return route.continue();
    problems.external.push(url);
    return route.abort();
  });
  const watch = (page: Page) => {
    page.on("console", (m) => {
      if (m.type() === "error" || m.type() === "warning") {
        problems.console.push(`${m.type()}: ${m.text()}`);
      }
    });
    page.on(
      "pageerror",
      (e) => problems.console.push(`uncaught: ${e.message}`),
    );
    page.on("requestfailed", (r) => {
      if (allowed(r.url())) {
        problems.failed.push(`${r.url()}: ${r.failure()?.errorText}`);
      }
    });
    page.on("response", (r) => {
      if (r.status() >= 400) {
        problems.failed.push(`${r.url()}: HTTP ${r.status()}`);
      }
    });
  };
  return { context, problems, watch };
}

/**
 * The folder of the real edition: `$BOOK_SITE` if set, else `site/`, else a fresh build
 * in a temporary folder. Its notebooks are in `$BOOK_NOTEBOOKS`, else `notebooks/`.
 */
let siteDirPromise: Promise<string> | undefined;
const NOTEBOOKS = Deno.env.get("BOOK_NOTEBOOKS") ?? join(ROOT, "notebooks");
function siteDir(): Promise<string> {
  siteDirPromise ??= (async () => {
    const site = Deno.env.get("BOOK_SITE") ?? join(ROOT, "site");
    try {
      if ((await Deno.stat(join(site, "index.html"))).isFile) return site;
    } catch {
      // not built yet
    }
    const out = join(await Deno.makeTempDir({ prefix: "book-site-" }), "site");
    console.log(`book_test: ${site} is missing; building the book into ${out}`);
    await buildBook({ outDir: out, notebooksDir: NOTEBOOKS });
    return out;
  })();
  return siteDirPromise;
}

async function htmlPages(dir: string): Promise<string[]> {
  const pages: string[] = [];
  for await (const e of Deno.readDir(dir)) {
    if (e.isFile && e.name.endsWith(".html")) pages.push(e.name);
  }
  return pages.sort();
}

async function notebookPages(dir: string): Promise<string[]> {
  return (await htmlPages(dir)).filter((p) => /^\d+.*\.html$/.test(p));
}

/** Text of the main content with math, code and outputs removed. */
function proseText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const main = document.querySelector("main")!.cloneNode(true) as HTMLElement;
    for (
      const el of main.querySelectorAll(
        ".katex, pre, code, .outputs, script, style",
      )
    ) el.remove();
    return main.textContent ?? "";
  });
}

async function screenshot(page: Page, name: string): Promise<void> {
  await Deno.mkdir(SCREENSHOTS, { recursive: true });
  await page.screenshot({
    path: join(SCREENSHOTS, `${name}.png`),
    fullPage: true,
  });
}

/**
 * Waits until every interactive figure of the page is live (its host holds a live
 * figure or says it failed), then fails if one failed. Returns how many there are.
 */
async function figuresLive(page: Page): Promise<number> {
  await page.waitForFunction(() =>
    [...document.querySelectorAll("[data-figure-host]")].every((h) =>
      h.querySelector(":scope > .fig-live, :scope > .fig-error")
    )
  );
  // a figure that could not start says so beside its static rendering; a live one
  // shows an error of its own inside
  const failed = (await page.locator(
    "[data-figure-host] > .fig-error, .fig-live .fig-error",
  ).allTextContents()).filter((t) => t.trim() !== "");
  assert.deepEqual(failed, [], "a figure failed");
  return await page.locator(".fig-live").count();
}

/**
 * Checks a live figure against the library: every number shown equals what
 * `lib/mod.ts` computes for the settings shown (`_figures_reference.ts`), printed as
 * the figure's format says.
 */
async function checkFigure(
  page: Page,
  name: string,
  label: string,
): Promise<FigureShown> {
  const shown = await readFigure(page, name);
  assertMatchesLibrary(name, shown.settings, shown.values);
  const def = figureNamed(name);
  for (const r of def.readings(def.compute(shown.settings), shown.settings)) {
    assert.equal(
      shown.texts[r.key],
      formatNumber(r.value, r.spec),
      `${label}: ${name}'s ${r.key} as printed`,
    );
  }
  return shown;
}

browserTest(
  "every page of the edition loads with no console error and no failed or external request",
  async () => {
    const dir = await siteDir();
    const server = serve(dir);
    const { context, problems, watch } = await openContext((u) =>
      u.startsWith(server.origin)
    );
    try {
      const pages = await htmlPages(dir);
      assert.ok(
        pages.includes("index.html") && pages.includes("explorer.html"),
        pages.join(", "),
      );
      for (const name of pages) {
        const page = await context.newPage();
        watch(page);
        await page.goto(`${server.origin}/${name}`, { waitUntil: "load" });
        await page.evaluate(() => document.fonts.ready);
        // Every page has the table of contents, and previous/next links.
        assert.ok(
          await page.locator("nav.toc a[href='index.html']").count(),
          `${name}: no TOC`,
        );
        assert.ok(
          await page.locator("nav.pager.bottom a").count(),
          `${name}: no previous/next`,
        );
        await page.close();
      }
      assert.deepEqual(problems, { console: [], failed: [], external: [] });
    } finally {
      await context.close();
      await server.close();
    }
  },
);

browserTest(
  "every page opened from file:// with the network refused loads everything, fonts included",
  async () => {
    const dir = await siteDir();
    const { context, problems, watch } = await openContext((u) =>
      u.startsWith("file://")
    );
    try {
      for (const name of await htmlPages(dir)) {
        const page = await context.newPage();
        watch(page);
        await page.goto(`file://${dir}/${name}`, { waitUntil: "load" });
        const fontsOk = await page.evaluate(async () => {
          await document.fonts.ready;
          return [...document.fonts].filter((f) => f.status === "error").map((
            f,
          ) => f.family);
        });
        assert.deepEqual(fontsOk, [], `${name}: fonts failed to load`);
        await page.close();
      }
      assert.deepEqual(problems, { console: [], failed: [], external: [] });
    } finally {
      await context.close();
    }
  },
);

browserTest(
  "notebook pages show typeset formulas, their charts as SVG and their tables",
  async () => {
    const dir = await siteDir();
    const server = serve(dir);
    const { context, problems, watch } = await openContext((u) =>
      u.startsWith(server.origin)
    );
    try {
      const pages = await notebookPages(dir);
      assert.ok(pages.length > 0, "the edition has no notebook page");
      for (const name of pages) {
        // What the committed notebook holds, output by output.
        const nb = JSON.parse(
          await Deno.readTextFile(
            join(NOTEBOOKS, name.replace(/\.html$/, ".ipynb")),
          ),
        ) as Notebook;
        let charts = 0, tables = 0, hasMath = false;
        for (const cell of nb.cells) {
          const src = Array.isArray(cell.source)
            ? cell.source.join("")
            : cell.source;
          if (
            cell.cell_type === "markdown" && /\$/.test(src.replace(/\\\$/g, ""))
          ) hasMath = true;
          for (const o of cell.outputs ?? []) {
            const data = o.data ?? {};
            const html = data["text/html"];
            const htmlText = Array.isArray(html)
              ? html.join("")
              : typeof html === "string"
              ? html
              : "";
            if (htmlText) {
              if (/<svg[\s>]/.test(htmlText)) charts++;
              if (/<table[\s>]/.test(htmlText)) tables++;
            } else if (data["image/svg+xml"] !== undefined) charts++;
          }
        }
        const page = await context.newPage();
        watch(page);
        await page.goto(`${server.origin}/${name}`);
        if (hasMath) {
          assert.ok(
            await page.locator(".katex").count() > 0,
            `${name}: no KaTeX markup`,
          );
        }
        const prose = await proseText(page);
        assert.doesNotMatch(
          prose,
          /\$\$|\\(frac|hat|sum|mathbb|theta|sigma|mu|begin)\b/,
          `${name}: raw TeX left`,
        );
        // Charts: SVG with a viewBox (legend swatches have none), outside formulas.
        const svgs = await page.locator(".output svg[viewBox]").evaluateAll((
          els,
        ) =>
          els.filter((e) => !e.closest(".katex")).map((e) => {
            const r = e.getBoundingClientRect();
            return r.width > 100 && r.height > 50;
          })
        );
        assert.ok(
          svgs.length >= charts,
          `${name}: ${svgs.length} SVG charts shown, ${charts} in the notebook`,
        );
        assert.ok(
          svgs.every((visible) => visible),
          `${name}: an SVG chart has no size`,
        );
        const shownTables = await page.locator(".output table").count();
        assert.ok(
          shownTables >= tables,
          `${name}: ${shownTables} tables shown, ${tables} in the notebook`,
        );
        await page.close();
      }
      assert.deepEqual(problems, { console: [], failed: [], external: [] });
    } finally {
      await context.close();
      await server.close();
    }
  },
);

/** What the library computes for the explorer's settings, straight from lib/. */
function expectedEstimates(s: Settings): { mle: number; map: number } {
  const rs = new RandomState(Number(s.seed));
  const n = Number(s.n), strength = Number(s.strength);
  if (s.model === "bernoulli") {
    const x = rs.binomial(1, Number(s.p), n);
    return {
      mle: fitBernoulli(x).p,
      map: betaBernoulliPosterior(
        x,
        betaPrior({ centre: Number(s.centreP), strength }),
      ).mode,
    };
  }
  const x = rs.normal(Number(s.mu), 1, n);
  const prior = normalPrior({
    centre: Number(s.centreMu),
    strength,
    sigma: 1,
  });
  return {
    mle: n === 1 ? x[0]! : fitNormal(x).mu,
    map: normalMeanPosterior(x, { sigma: 1, ...prior }).mode,
  };
}

browserTest(
  "the explorer (the mle-map figure) prints the MLE and MAP the library computes for the controls' settings",
  async () => {
    const dir = await siteDir();
    const server = serve(dir);
    const { context, problems, watch } = await openContext((u) =>
      u.startsWith(server.origin)
    );
    try {
      const page = await context.newPage();
      watch(page);
      await page.goto(`${server.origin}/explorer.html`);
      assert.equal(await figuresLive(page), 1);
      const control = (key: string) => page.locator(`#fig-mle-map-${key}`);
      const check = async (label: string) => {
        const got = await checkFigure(page, "mle-map", label);
        const s = got.settings;
        const want = expectedEstimates(s);
        assert.equal(
          got.values.mle,
          want.mle,
          `${label}: MLE for ${JSON.stringify(s)}`,
        );
        assert.equal(
          got.values.map,
          want.map,
          `${label}: MAP for ${JSON.stringify(s)}`,
        );
        assert.equal(
          got.texts.mle,
          want.mle.toFixed(4),
          `${label}: printed MLE`,
        );
        assert.equal(
          got.texts.map,
          want.map.toFixed(4),
          `${label}: printed MAP`,
        );
        return { mle: got.values.mle!, map: got.values.map!, settings: s };
      };

      const before = await check("defaults");
      await control("n").fill("37");
      const after = await check("n = 37");
      assert.equal(after.settings.n, 37);
      assert.notEqual(after.mle, before.mle, "moving n changes the MLE");
      await control("p").fill("0.8");
      await control("seed").fill("7");
      await control("strength").fill("60");
      await control("centreP").fill("0.2");
      const pulled = await check("strong prior at 0.2");
      assert.ok(
        pulled.map < pulled.mle,
        "a strong prior below the MLE pulls the MAP down",
      );
      // the keyboard: Home takes n to 1, arrows move the prior's strength to 0
      await control("n").focus();
      await page.keyboard.press("Home");
      assert.equal((await check("n = 1")).settings.n, 1);
      await control("strength").fill("2");
      await control("strength").focus();
      await page.keyboard.press("ArrowLeft");
      await page.keyboard.press("ArrowLeft");
      const flat = await check("flat prior");
      assert.equal(flat.settings.strength, 0);
      assert.equal(flat.map, flat.mle, "with a flat prior MAP = MLE");
      await screenshot(page, "explorer-bernoulli-light");

      await control("model").selectOption("normal");
      await check("Gaussian");
      await control("mu").fill("-1.5");
      await control("n").fill("250");
      await control("seed").fill("123");
      await control("centreMu").fill("2");
      await control("strength").fill("25");
      await check("Gaussian, n = 250");
      await control("n").fill("1");
      await check("Gaussian, n = 1");
      await control("n").fill("12");
      await check("Gaussian, n = 12");
      // The charts are drawn.
      assert.ok(
        await page.locator("#fig-mle-map svg.fig-plot").count() >= 2,
        "the explorer's charts",
      );
      await screenshot(page, "explorer-normal-light");

      // Printed, it shows its settings instead of its controls.
      await page.emulateMedia({ media: "print" });
      assert.equal(
        await page.locator("#fig-mle-map .fig-controls").isVisible(),
        false,
      );
      assert.match(
        await page.locator("#fig-mle-map .fig-settings").textContent() ?? "",
        /sample size n = 12\b/,
      );
      await page.emulateMedia({ media: "screen" });

      // The settings survive a reload through the address.
      assert.match(
        await page.evaluate(() => location.hash),
        /mle-map\.n=12(&|$)/,
      );
      await page.reload();
      await figuresLive(page);
      const reloaded = await check("after reload");
      assert.equal(reloaded.settings.n, 12);
      assert.equal(reloaded.settings.model, "normal");
      await page.close();
      assert.deepEqual(problems, { console: [], failed: [], external: [] });
    } finally {
      await context.close();
      await server.close();
    }
  },
);

browserTest(
  "every chapter's figure, opened from file:// and moved with the keyboard, shows the library's numbers next to the chapter's static chart",
  async () => {
    const dir = await siteDir();
    const { context, problems, watch } = await openContext((u) =>
      u.startsWith("file://")
    );
    const seen: string[] = [];
    try {
      const page = await context.newPage();
      watch(page);
      for (const file of await notebookPages(dir)) {
        await page.goto(`file://${dir}/${file}`);
        const names = await page.locator("[data-figure-host]").evaluateAll((
          hosts,
        ) => hosts.map((h) => (h as HTMLElement).dataset.figureHost!));
        assert.equal(await figuresLive(page), names.length, file);
        for (const name of names) {
          seen.push(`${file.slice(0, 2)} ${name}`);
          const label = `${file}: ${name}`;
          // The chapter's static chart (a notebook output) comes before the figure.
          assert.ok(
            await page.locator(`[data-figure-host="${name}"]`).evaluate((
              host,
            ) =>
              [...document.querySelectorAll(".outputs svg[role=img]")].some((
                svg,
              ) =>
                !svg.closest(".katex") &&
                (svg.compareDocumentPosition(host) &
                    Node.DOCUMENT_POSITION_FOLLOWING) !== 0
              )
            ),
            `${label}: no static chart before the figure`,
          );
          const before = await checkFigure(page, name, `${label} (default)`);
          const [key] = MOVES[name]!;
          const control = page.locator(`#fig-${name}-${key}`);
          await control.focus();
          await page.keyboard.press("ArrowRight");
          await page.keyboard.press("ArrowRight");
          const after = await checkFigure(
            page,
            name,
            `${label} (${key} moved)`,
          );
          assert.notEqual(
            after.settings[key],
            before.settings[key],
            `${label}: ${key} did not move with the arrow keys`,
          );
          assert.notDeepEqual(after.values, before.values, `${label}: numbers`);
        }
      }
      assert.deepEqual(seen, [
        "01 variance-divisor",
        "02 log-likelihood",
        "03 robust-lines",
        "04 penalty-shapes",
        "04 mle-map",
        "05 efficiency",
        "06 gd-newton",
      ]);
      assert.deepEqual(problems, { console: [], failed: [], external: [] });
    } finally {
      await context.close();
    }
  },
);

browserTest(
  "screenshots of the index, a notebook page and the explorer, light and dark",
  async () => {
    const dir = await siteDir();
    const server = serve(dir);
    try {
      const first = (await notebookPages(dir))[0];
      const targets = [["index", "index.html"], ["explorer", "explorer.html"]];
      if (first) targets.push(["notebook", first]);
      for (const scheme of ["light", "dark"] as const) {
        const { context, problems, watch } = await openContext(
          (u) => u.startsWith(server.origin),
          scheme,
        );
        try {
          for (const [label, file] of targets) {
            const page = await context.newPage();
            watch(page);
            await page.goto(`${server.origin}/${file}`);
            await page.evaluate(() => document.fonts.ready);
            await figuresLive(page);
            // The page follows the colour scheme.
            const bg = await page.evaluate(() =>
              getComputedStyle(document.documentElement).backgroundColor
            );
            const [r] = bg.match(/\d+/g)!.map(Number);
            assert.ok(
              scheme === "dark" ? r! < 60 : r! > 200,
              `${file} in ${scheme}: background ${bg}`,
            );
            await screenshot(page, `${label}-${scheme}`);
            await page.close();
          }
          assert.deepEqual(problems, { console: [], failed: [], external: [] });
        } finally {
          await context.close();
        }
      }
    } finally {
      await server.close();
    }
  },
);

browserTest(
  "solutions open on request, print open, and every output kind shows (synthetic book)",
  async () => {
    const root = await fakeRoot();
    const out = join(root, "site");
    await buildBook({
      root,
      outDir: out,
      execute: fakeExecutor(),
      explorer: false,
      log: quiet,
    });
    const { context, problems, watch } = await openContext((u) =>
      u.startsWith("file://")
    );
    try {
      const page = await context.newPage();
      watch(page);
      await page.goto(`file://${out}/01_fixture.html`);
      const firstBody = page.locator("details.solution").first().locator(
        ".solution-body",
      );
      assert.equal(
        await firstBody.isVisible(),
        false,
        "a solution starts closed",
      );
      await page.locator("details.solution summary").first().click();
      assert.equal(
        await firstBody.isVisible(),
        true,
        "clicking the summary opens it",
      );
      await page.locator("details.solution summary").first().click();

      // Outputs: SVG inline (without xmlns), the table, the PNG, text.
      assert.equal(await page.locator(".output.svg svg").count(), 1);
      assert.equal(
        await page.locator(".output table td").first().textContent(),
        "10",
      );
      assert.ok(
        await page.locator(".output.image img").evaluate((img) =>
          (img as HTMLImageElement).naturalWidth === 4
        ),
      );
      assert.match(
        await page.locator("pre.output.stdout").first().textContent() ?? "",
        /mean 2\.5/,
      );
      const html = await Deno.readTextFile(join(out, "01_fixture.html"));
      assert.doesNotMatch(
        html,
        /https?:\/\/|file:\/\//,
        "no address left in the page, xmlns included",
      );

      // Previous / next and the link between notebooks.
      assert.equal(
        await page.locator("nav.pager.bottom a[rel=next]").getAttribute("href"),
        "02_second.html",
      );
      assert.equal(
        await page.locator("nav.pager.bottom a[rel=prev]").getAttribute("href"),
        "index.html",
      );

      // Print: navigation hidden, every solution's content shown.
      await page.emulateMedia({ media: "print" });
      assert.equal(await page.locator("nav.toc").isVisible(), false);
      assert.equal(await page.locator("header.topbar").isVisible(), false);
      assert.equal(await firstBody.isVisible(), true, "solutions print open");
      await page.emulateMedia({ media: "screen" });

      await page.goto(`file://${out}/02_second.html`);
      assert.equal(
        await page.locator("main a", { hasText: "the exercises" }).getAttribute(
          "href",
        ),
        "01_fixture.html#exercises",
      );
      await page.locator("main a", { hasText: "the exercises" }).click();
      await page.waitForURL(/01_fixture\.html#exercises$/);
      await page.close();
      assert.deepEqual(problems, { console: [], failed: [], external: [] });
    } finally {
      await context.close();
      await Deno.remove(root, { recursive: true });
    }
  },
);

// ---------------------------------------------------------------------------------
// Accessibility, phone, search, copy, downloads, theme, sanitiser, CSP, PDF, export
// ---------------------------------------------------------------------------------

const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
/** The rules of {@link AXE_TAGS} whose outcome depends on colours. */
const COLOUR_RULES = ["color-contrast", "link-in-text-block"];
const axeSource = Deno.readTextFileSync(
  fileURLToPath(import.meta.resolve("axe-core/axe.min.js")),
);

interface AxeViolation {
  id: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/**
 * Runs axe-core (injected once per page) on the page or on `include` only, with every
 * rule of {@link AXE_TAGS} or only the rules given.
 */
async function axe(
  page: Page,
  include?: string,
  rules?: string[],
): Promise<AxeViolation[]> {
  if (!await page.evaluate(() => "axe" in globalThis)) {
    await page.evaluate(axeSource);
  }
  return await page.evaluate(
    ([tags, include, rules]) =>
      // deno-lint-ignore no-explicit-any
      (globalThis as any).axe.run(
        include ? { include: [[include]] } : document,
        {
          preload: false,
          resultTypes: ["violations"],
          runOnly: rules
            ? { type: "rule", values: rules }
            : { type: "tag", values: tags },
        },
      ).then((r: { violations: AxeViolation[] }) =>
        r.violations.map((v) => ({
          id: v.id,
          nodes: v.nodes.map((n) => ({
            target: n.target,
            failureSummary: n.failureSummary,
          })),
        }))
      ),
    [AXE_TAGS, include, rules] as const,
  );
}

/** Lets the page's script react (resize, toggle) before measuring. */
function settle(page: Page): Promise<void> {
  return page.evaluate(() =>
    new Promise<void>((r) =>
      requestAnimationFrame(() => setTimeout(() => r(), 60))
    )
  );
}

browserTest(
  "axe-core finds no WCAG 2.1 A/AA violation on any page, light and dark, solutions folded and open, at 1280 and 390 px",
  async () => {
    const dir = await siteDir();
    const { context, problems, watch } = await openContext((u) =>
      u.startsWith("file://")
    );
    const found: string[] = [];
    const t0 = performance.now();
    try {
      const page = await context.newPage();
      watch(page);
      for (const name of await htmlPages(dir)) {
        await page.setViewportSize({ width: 1280, height: 900 });
        await page.goto(`file://${dir}/${name}`);
        await figuresLive(page);
        for (const width of [1280, 390]) {
          await page.setViewportSize({ width, height: 900 });
          for (const theme of ["light", "dark"]) {
            for (const open of [false, true]) {
              await page.evaluate(([theme, open]) => {
                document.documentElement.dataset.theme = theme as string;
                for (const d of document.querySelectorAll("details")) {
                  d.open = open as boolean;
                }
              }, [theme, open] as const);
              await settle(page);
              // Open: what changed is inside the folds; the rest was just checked.
              const include = open ? "details" : undefined;
              if (open && !await page.locator("details").count()) continue;
              // The themes differ in colours only (the switch sets CSS variables):
              // the second theme needs only the rules that look at colours.
              const rules = theme === "dark" ? COLOUR_RULES : undefined;
              for (const v of await axe(page, include, rules)) {
                found.push(
                  `${name} ${width}px ${theme} ${
                    open ? "open" : "folded"
                  }: ${v.id} (${v.nodes.length}): ${
                    v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(
                      " | ",
                    )
                  }`,
                );
              }
            }
          }
        }
      }
      console.log(
        `axe: ${
          (await htmlPages(dir)).length
        } pages x 2 widths x 2 themes x 2 fold states in ${
          ((performance.now() - t0) / 1000).toFixed(1)
        }s`,
      );
      assert.deepEqual(found, []);
      assert.deepEqual(problems, { console: [], failed: [], external: [] });
    } finally {
      await context.close();
    }
  },
);

browserTest(
  "at phone width no page scrolls sideways, chart text stays >= 9 px, and the contents menu is one tap away anywhere",
  async () => {
    const dir = await siteDir();
    const { context, problems, watch } = await openContext((u) =>
      u.startsWith("file://")
    );
    try {
      const page = await context.newPage();
      watch(page);
      await page.setViewportSize({ width: 390, height: 844 });
      for (const name of await htmlPages(dir)) {
        await page.goto(`file://${dir}/${name}`);
        await figuresLive(page);
        await page.evaluate(() => {
          for (const d of document.querySelectorAll("details")) d.open = true;
        });
        await settle(page);
        const m = await page.evaluate(() => {
          const sideways = document.documentElement.scrollWidth - innerWidth;
          let smallest = Infinity;
          for (
            const svg of document.querySelectorAll<SVGSVGElement>(
              "main svg[role=img]",
            )
          ) {
            if (svg.closest(".katex")) continue;
            const vb = svg.viewBox.baseVal;
            const w = svg.getBoundingClientRect().width;
            if (!vb || !vb.width || !w) continue;
            for (const t of svg.querySelectorAll("text")) {
              const px = parseFloat(getComputedStyle(t).fontSize) * w /
                vb.width;
              smallest = Math.min(smallest, px);
            }
          }
          return { sideways, smallest };
        });
        assert.ok(m.sideways <= 0, `${name}: scrolls ${m.sideways}px sideways`);
        // A chart wider than the column is focusable and says it scrolls; a copy
        // button sits above its code, not over the first line.
        const cues = await page.evaluate(() =>
          [...document.querySelectorAll<HTMLElement>(".output")]
            .filter((o) =>
              o.querySelector("svg[role=img]") &&
              o.scrollWidth > o.clientWidth + 1
            ).map((o) => ({
              focusable: o.tabIndex === 0,
              hint: getComputedStyle(o, "::before").content,
              mask: getComputedStyle(o).maskImage,
            }))
        );
        for (const c of cues) {
          assert.ok(c.focusable, `${name}: a scrolling chart is not focusable`);
          assert.match(c.hint, /scroll sideways/i, `${name}: no scroll cue`);
          assert.notEqual(
            c.mask,
            "none",
            `${name}: no fade at the hidden side`,
          );
        }
        const covered = await page.evaluate(() =>
          [...document.querySelectorAll(".source-wrap")].filter((w) => {
            const b = w.querySelector("button.copy")!.getBoundingClientRect();
            const code = w.querySelector("pre code")!;
            const top = code.getBoundingClientRect().top +
              parseFloat(getComputedStyle(code).paddingTop);
            return b.bottom > top;
          }).length
        );
        assert.equal(covered, 0, `${name}: copy buttons over the code`);
        assert.ok(
          m.smallest >= 8.95,
          `${name}: chart text rendered at ${m.smallest.toFixed(1)}px`,
        );
        // Contents: folded away, one tap from the bar that stays on screen.
        const toc = page.locator("#toc");
        assert.equal(await toc.isVisible(), false, `${name}: contents shown`);
        await page.evaluate(() => scrollTo(0, document.body.scrollHeight));
        const bar = await page.locator(".toc-toggle").boundingBox();
        assert.ok(
          bar && bar.y >= 0 && bar.y < 120,
          `${name}: the contents button is off screen at the end`,
        );
        await page.locator(".toc-toggle").click();
        assert.equal(await toc.isVisible(), true, `${name}: contents opens`);
        assert.equal(
          await page.locator(".toc-toggle").getAttribute("aria-expanded"),
          "true",
        );
        await page.keyboard.press("Escape");
        assert.equal(await toc.isVisible(), false, `${name}: Escape closes`);
      }
      await screenshot(page, "phone-chapter");
      // A link to a section shows its heading below the bar that stays on top.
      const chapter = (await notebookPages(dir))[0]!;
      await page.goto(`file://${dir}/${chapter}`);
      // a section in the middle, which the page can scroll to the top
      const ids = await page.locator("main h2[id]").evaluateAll((hs) =>
        hs.map((h) => h.id)
      );
      const id = ids[Math.floor(ids.length / 2)]!;
      await page.goto(`file://${dir}/${chapter}#${id}`);
      await settle(page);
      const [heading, bar] = await page.evaluate((id) => [
        document.getElementById(id)!.getBoundingClientRect().top,
        document.querySelector(".topbar")!.getBoundingClientRect().bottom,
      ], id);
      assert.ok(
        heading >= bar && heading < bar + 60,
        `${chapter}#${id}: heading at ${heading}px, the bar ends at ${bar}px`,
      );
      await page.screenshot({
        path: join(SCREENSHOTS, "phone-anchor.png"),
      });
      assert.ok(
        await page.locator(".output[data-scrolls]").count() > 0,
        `${chapter}: no chart wider than the phone, nothing to show`,
      );
      await page.locator(".output[data-scrolls]").first()
        .scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(SCREENSHOTS, "phone-chart.png") });
      assert.deepEqual(problems, { console: [], failed: [], external: [] });
    } finally {
      await context.close();
    }
  },
);

browserTest(
  "search works from file://: typing finds sections and a result opens the section",
  async () => {
    const dir = await siteDir();
    const { context, problems, watch } = await openContext((u) =>
      u.startsWith("file://")
    );
    try {
      const page = await context.newPage();
      watch(page);
      await page.goto(`file://${dir}/index.html`);
      await page.locator("#search-input").fill("Fisher information");
      const first = page.locator("#search-results li a").first();
      await first.waitFor();
      assert.match(
        await page.locator("#search-status").textContent() ?? "",
        /\d+ results? for Fisher information/,
      );
      // Matches are marked; maths shows as TeX or "…", not as KaTeX's flat text.
      const shown = await page.locator("#search-results").evaluate((r) => ({
        marks: [...r.querySelectorAll("p mark")].map((m) => m.textContent),
        text: r.textContent ?? "",
      }));
      assert.ok(
        shown.marks.length > 0 &&
          shown.marks.every((m) => /fisher|inform/i.test(m ?? "")),
        `marks: ${shown.marks}`,
      );
      assert.doesNotMatch(shown.text, /∑i=1|=∫∂θ|\(1−pi\)/, "flattened maths");
      await page.screenshot({ path: join(SCREENSHOTS, "search.png") });
      const href = await first.getAttribute("href") ?? "";
      assert.match(href, /^\d\d_[\w]+\.html(#[\w-]+)?$/);
      await first.click();
      await page.waitForURL((u) => u.href.endsWith(href));
      const id = href.split("#")[1];
      if (id) {
        assert.equal(
          await page.locator(`[id="${id}"]`).isVisible(),
          true,
          `${href}: the section is shown`,
        );
      }
      assert.match(
        await page.locator("main").textContent() ?? "",
        /Fisher/i,
      );
      await page.locator("#search-input").fill("zzqxw");
      await page.locator("#search-status", { hasText: "No result" }).waitFor();
      assert.deepEqual(problems, { console: [], failed: [], external: [] });
    } finally {
      await context.close();
    }
  },
);

browserTest(
  "chapter pages: a copy button per code cell, a download link to the notebook, heading permalinks, chapter references linked, a CSP",
  async () => {
    const dir = await siteDir();
    const { context, problems, watch } = await openContext((u) =>
      u.startsWith("file://")
    );
    try {
      const page = await context.newPage();
      watch(page);
      let chapterRefs = 0;
      for (const name of await notebookPages(dir)) {
        await page.goto(`file://${dir}/${name}`);
        assert.equal(
          await page.locator("button.copy").count(),
          await page.locator("pre.source").count(),
          `${name}: one copy button per code block`,
        );
        const nb = name.replace(/\.html$/, ".ipynb");
        const link = page.locator("a[download]");
        assert.equal(await link.getAttribute("href"), `notebooks/${nb}`);
        assert.deepEqual(
          await Deno.readFile(join(dir, "notebooks", nb)),
          await Deno.readFile(join(NOTEBOOKS, nb)),
          `${name}: the download is the committed notebook`,
        );
        const permalinks = await page.locator("main h2[id]").evaluateAll((hs) =>
          hs.every((h) =>
            h.querySelector("a.permalink")?.getAttribute("href") === `#${h.id}`
          )
        );
        assert.ok(permalinks, `${name}: a heading without its permalink`);
        for (const a of await page.locator("a.chapter-ref").all()) {
          chapterRefs++;
          const [, n] = /(\d+)/.exec(await a.textContent() ?? "") ?? [];
          assert.match(
            await a.getAttribute("href") ?? "",
            new RegExp(`^0?${n}_\\w+\\.html$`),
          );
        }
        assert.match(
          await page.locator('meta[http-equiv="Content-Security-Policy"]')
            .getAttribute("content") ?? "",
          /default-src 'none'.*script-src 'self'/,
        );
      }
      assert.ok(chapterRefs > 0, "no chapter reference was linked");

      // Copy: the button puts the cell's code on the clipboard.
      const first = (await notebookPages(dir))[0]!;
      await page.goto(`file://${dir}/${first}`);
      await page.locator("button.copy").first().click();
      await page.locator("button.copy", { hasText: "Copied" }).first()
        .waitFor();
      assert.match(
        await page.locator("#status").textContent() ?? "",
        /copied/i,
      );
      assert.deepEqual(problems, { console: [], failed: [], external: [] });
    } finally {
      await context.close();
    }
  },
);

browserTest(
  "the theme switch overrides the system's scheme and is remembered on the next page",
  async () => {
    const dir = await siteDir();
    const { context, problems, watch } = await openContext(
      (u) => u.startsWith("file://"),
      "light",
    );
    try {
      const page = await context.newPage();
      watch(page);
      const bg = () =>
        page.evaluate(() =>
          Number(
            getComputedStyle(document.documentElement).backgroundColor.match(
              /\d+/,
            )?.[0],
          )
        );
      await page.goto(`file://${dir}/index.html`);
      assert.ok(await bg() > 200, "light by default in a light system");
      await page.locator(".theme-toggle").click();
      assert.ok(await bg() < 60, "dark after the switch");
      const next = (await notebookPages(dir))[0]!;
      await page.goto(`file://${dir}/${next}`);
      assert.equal(
        await page.evaluate(() => document.documentElement.dataset.theme),
        "dark",
      );
      assert.ok(await bg() < 60, "still dark on the next page");
      // Charts drawn on white keep their dark ink in the dark theme.
      let charts = 0;
      for (const name of await notebookPages(dir)) {
        await page.goto(`file://${dir}/${name}`);
        const low = await page.evaluate(() => {
          const rgb = (c: string) =>
            c.match(/[\d.]+/g)!.slice(0, 3).map(Number);
          const lum = (c: string) => {
            const [r, g, b] = rgb(c).map((v) => {
              const s = v / 255;
              return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
            });
            return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
          };
          const background = (svg: SVGSVGElement) => {
            const w = svg.viewBox.baseVal?.width;
            const card = [...svg.children].find((c) =>
              c.tagName === "rect" && Number(c.getAttribute("width")) === w
            );
            if (card) return getComputedStyle(card).fill;
            for (let e: Element | null = svg; e; e = e.parentElement) {
              const c = getComputedStyle(e).backgroundColor;
              if (!/rgba\(.*, 0\)|transparent/.test(c)) return c;
            }
            return "rgb(255, 255, 255)";
          };
          const out: string[] = [];
          let n = 0;
          for (
            const svg of document.querySelectorAll<SVGSVGElement>(
              ".output svg[role=img]",
            )
          ) {
            const text = svg.querySelector("text");
            if (!text) continue;
            n++;
            const fg = lum(getComputedStyle(text).color);
            const bg = lum(background(svg));
            const ratio = (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
            if (ratio < 4.5) {
              out.push(
                `${svg.getAttribute("aria-label")}: ${ratio.toFixed(2)}:1`,
              );
            }
          }
          return { n, out };
        });
        charts += low.n;
        assert.deepEqual(low.out, [], `${name}: chart text too faint in dark`);
      }
      assert.ok(charts > 0, "no chart was checked");
      await page.goto(`file://${dir}/${next}`);
      await page.locator(".output svg[role=img]").first()
        .scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(SCREENSHOTS, "dark-chart.png") });
      await page.locator(".theme-toggle").click();
      assert.ok(await bg() > 200, "back to light");
      assert.deepEqual(problems, { console: [], failed: [], external: [] });
    } finally {
      await context.close();
    }
  },
);

browserTest(
  "a notebook's script, onerror and onload in markdown, outputs and a heading never run, even with the CSP bypassed",
  async () => {
    const root = await fakeRoot();
    await writeNotebooks(join(root, "notebooks"), {
      "03_hostile.ipynb": HOSTILE,
    });
    const out = join(root, "site");
    await buildBook({
      root,
      outDir: out,
      execute: fakeExecutor(),
      explorer: false,
      log: quiet,
    });
    const context = await (await browser()).newContext({ bypassCSP: true });
    try {
      await context.route(
        "**/*",
        (route) =>
          route.request().url().startsWith("file://")
            ? route.continue()
            : route.abort(),
      );
      const page = await context.newPage();
      const dialogs: string[] = [];
      page.on("dialog", (d) => {
        dialogs.push(d.message());
        d.dismiss();
      });
      for (const name of ["03_hostile.html", "01_fixture.html"]) {
        await page.goto(`file://${out}/${name}`);
        await settle(page);
        assert.equal(
          await page.evaluate(() =>
            (globalThis as { __pwned?: string }).__pwned
          ),
          undefined,
          `${name}: injected code ran`,
        );
      }
      for (const a of await page.locator("a").all()) {
        assert.doesNotMatch(await a.getAttribute("href") ?? "", /^javascript:/);
      }
      assert.deepEqual(dialogs, []);
      for (const f of ["03_hostile.html", "01_fixture.html", "index.html"]) {
        const html = await Deno.readTextFile(join(out, f));
        assert.doesNotMatch(html, /onerror|onload|javascript:/i, f);
        const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
        assert.ok(
          scripts.every((s) => /src="assets\/[\w-]+\.js"/.test(s)),
          `${f}: ${scripts.join(", ")}`,
        );
      }
    } finally {
      await context.close();
      await Deno.remove(root, { recursive: true });
    }
  },
);

browserTest(
  "deno task pdf's printer writes one PDF of every page, offline, with code wrapped and folds open",
  async () => {
    const root = await fakeRoot();
    const out = join(root, "site");
    try {
      await buildBook({
        root,
        outDir: out,
        execute: fakeExecutor(),
        explorer: false,
        log: quiet,
      });
      // Print styles: code wraps, folds print open, navigation is gone.
      const { context } = await openContext((u) => u.startsWith("file://"));
      const page = await context.newPage();
      await page.goto(`file://${out}/01_fixture.html`);
      await page.emulateMedia({ media: "print" });
      assert.equal(
        await page.locator("pre.source").first().evaluate((e) =>
          getComputedStyle(e).whiteSpace
        ),
        "pre-wrap",
      );
      await context.close();

      const pdf = join(root, "book.pdf");
      const bytes = await printBook(out, pdf);
      const head = new TextDecoder().decode(
        (await Deno.readFile(pdf)).slice(0, 5),
      );
      assert.equal(head, "%PDF-");
      const text = new TextDecoder("latin1").decode(await Deno.readFile(pdf));
      const pages = text.match(/\/Type\s*\/Page[^s]/g)?.length ?? 0;
      assert.ok(pages >= 3, `${pages} pages, ${bytes} bytes`);
    } finally {
      await Deno.remove(root, { recursive: true });
    }
  },
);

browserTest(
  "deno task export writes one HTML file that shows maths, fonts and charts with nothing else on disk and no network",
  async () => {
    const dir = await Deno.makeTempDir({ prefix: "book-export-" });
    const name = (await notebookPages(await siteDir()))[1] ??
      (await notebookPages(await siteDir()))[0]!;
    const nb = join(NOTEBOOKS, name.replace(/\.html$/, ".ipynb"));
    const file = join(dir, "chapter.html");
    try {
      const res = await new Deno.Command(Deno.execPath(), {
        args: [
          "run",
          "-A",
          join(ROOT, "tools", "export.ts"),
          nb,
          "--out",
          file,
        ],
        cwd: dir,
        env: { NO_COLOR: "1" },
        stdout: "piped",
        stderr: "piped",
      }).output();
      assert.equal(res.code, 0, new TextDecoder().decode(res.stderr));
      assert.deepEqual(
        [...Deno.readDirSync(dir)].map((e) => e.name),
        ["chapter.html"],
      );
      const { context, problems, watch } = await openContext((u) =>
        u === `file://${file}`
      );
      try {
        const page = await context.newPage();
        watch(page);
        await page.goto(`file://${file}`);
        const fonts = await page.evaluate(async () => {
          await document.fonts.ready;
          await Promise.all(
            [...document.fonts].map((f) => f.load().catch(() => f)),
          );
          return [...document.fonts].filter((f) => f.family.includes("KaTeX"))
            .map((f) => f.status);
        });
        assert.ok(
          fonts.length > 0 && fonts.every((s) => s === "loaded"),
          `KaTeX fonts: ${fonts}`,
        );
        assert.ok(await page.locator(".katex").count() > 0, "maths typeset");
        const prose = await proseText(page);
        assert.doesNotMatch(prose, /\$\$|\\(frac|hat|sum)\b/);
        const nbJson = await Deno.readTextFile(nb);
        if (/<svg|image\/svg/.test(nbJson)) {
          assert.ok(
            await page.locator("svg[role=img]").count() > 0,
            "charts inline",
          );
        }
        await page.locator(".theme-toggle").click();
        assert.equal(
          await page.evaluate(() => document.documentElement.dataset.theme),
          "dark",
          "its script runs under its CSP",
        );
        assert.deepEqual(problems, { console: [], failed: [], external: [] });
      } finally {
        await context.close();
      }
    } finally {
      await Deno.remove(dir, { recursive: true });
    }
  },
);

Deno.test({
  name: "(closes the browser)",
  sanitizeOps: false,
  sanitizeResources: false,
  fn: async () => {
    if (!browserPromise) return;
    await (await browserPromise).close();
    console.log(`book_test: screenshots in ${SCREENSHOTS}`);
  },
});
