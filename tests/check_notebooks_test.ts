/**
 * Tests of the notebook check (tools/check_notebooks.ts): the maths check fails on a
 * damaged display block, the formatting step never touches markdown, and the report
 * counts what issue 12's targets count.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import {
  formatNotebooks,
  type FormatResult,
  nonCodeChanges,
} from "../tools/format_notebooks.ts";
import { markdownMathProblems } from "../tools/notebook_math.ts";
import {
  checkTargets,
  corePathWords,
  countWords,
  reportNotebook,
} from "../tools/notebook_report.ts";
import { type Notebook, ROOT } from "../tools/notebook_runner.ts";

const CHECK = join(ROOT, "tools", "check_notebooks.ts");
const FORMAT = join(ROOT, "tools", "format_notebooks.ts");

/** A display block whose second line starts with `+`, as the ridge risk does. */
const RISK = [
  "The risk splits in two:\n",
  "\n",
  "$$\n",
  "\\mathbb E\\|\\hat w - w\\|^2 = \\|\\mathbb E[\\hat w] - w\\|^2\n",
  "+ \\operatorname{tr}\\operatorname{Cov}(\\hat w)\n",
  "$$\n",
  "\n",
  "bias² plus variance, with $\\lambda > 0$.",
];

function scratchNotebook(): Notebook {
  return {
    cells: [
      {
        cell_type: "markdown",
        id: "a0",
        metadata: {},
        source: ["# Scratch\n", "\n", "A notebook for the check's tests."],
      },
      { cell_type: "markdown", id: "a1", metadata: {}, source: [...RISK] },
      {
        cell_type: "code",
        id: "a2",
        metadata: {},
        execution_count: null,
        outputs: [],
        source: ["const   x =  [1,2];\n", "console.log( x )"],
      },
    ],
    metadata: {
      kernelspec: {
        display_name: "Deno",
        language: "typescript",
        name: "deno",
      },
      language_info: { name: "typescript" },
    },
    nbformat: 4,
    nbformat_minor: 5,
  };
}

/** Writes notebooks into a fresh temporary folder, as nbformat lays them out. */
async function scratchDir(
  notebooks: Record<string, Notebook>,
): Promise<string> {
  const dir = await Deno.makeTempDir({ prefix: "nbcheck-test-" });
  for (const [name, nb] of Object.entries(notebooks)) {
    await Deno.writeTextFile(
      join(dir, name),
      JSON.stringify(nb, null, 1) + "\n",
    );
  }
  return dir;
}

async function runTool(
  tool: string,
  args: string[],
): Promise<{ code: number; out: string }> {
  const r = await new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", tool, ...args],
    cwd: ROOT,
    env: { NO_COLOR: "1" },
    stdout: "piped",
    stderr: "piped",
  }).output();
  const dec = new TextDecoder();
  return { code: r.code, out: dec.decode(r.stdout) + dec.decode(r.stderr) };
}

Deno.test("check fails, naming notebook, cell and formula, when a blank line is inserted into a display block", async () => {
  const intact = scratchNotebook();
  const damaged = scratchNotebook();
  const src = damaged.cells[1]!.source as string[];
  src.splice(4, 0, "\n"); // a blank line between the two lines of the formula
  const dir = await scratchDir({
    "01_intact.ipynb": intact,
    "02_damaged.ipynb": damaged,
  });
  try {
    const r = await runTool(CHECK, ["--dir", dir, "--only", "maths"]);
    assert.equal(r.code, 1, r.out);
    assert.match(
      r.out,
      /02_damaged\.ipynb cell 1, line 3: the display block contains a blank line \(line 5\).*: \\mathbb E\\\|\\hat w - w\\\|\^2/,
    );
    assert.doesNotMatch(r.out, /01_intact\.ipynb/);
    // The intact notebook alone passes.
    await Deno.remove(join(dir, "02_damaged.ipynb"));
    const ok = await runTool(CHECK, ["--dir", dir, "--only", "maths"]);
    assert.equal(ok.code, 0, ok.out);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("a +-leading line inside $$ survives the formatting step byte-identical while the code is formatted", async () => {
  const dir = await scratchDir({ "01_scratch.ipynb": scratchNotebook() });
  try {
    const path = join(dir, "01_scratch.ipynb");
    const check = await runTool(FORMAT, ["--check", "--dir", dir]);
    assert.equal(check.code, 1);
    assert.match(
      check.out,
      /01_scratch\.ipynb: code cell\(s\) 2 are not formatted/,
    );
    const r = await runTool(FORMAT, ["--dir", dir]);
    assert.equal(r.code, 0, r.out);
    const after = JSON.parse(await Deno.readTextFile(path)) as Notebook;
    assert.deepEqual(after.cells[1]!.source, RISK);
    assert.deepEqual(after.cells[0], scratchNotebook().cells[0]);
    assert.deepEqual(after.cells[2]!.source, [
      "const x = [1, 2];\n",
      "console.log(x);",
    ]);
    // Formatting again changes nothing; the whole check's format stage passes.
    const again = await runTool(CHECK, [
      "--dir",
      dir,
      "--only",
      "format,maths",
    ]);
    assert.equal(again.code, 0, again.out);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("the formatting step changes only code cells' sources (and the check would see otherwise)", async () => {
  const dir = await scratchDir({ "01_scratch.ipynb": scratchNotebook() });
  try {
    const [r] = await formatNotebooks([join(dir, "01_scratch.ipynb")], {
      work: join(dir, "work"),
    }) as [FormatResult];
    assert.deepEqual(r.changed, [2]);
    assert.deepEqual(nonCodeChanges(r), []);
    // A step that rewrote the formula (as `deno fmt` over .ipynb did) is caught.
    const damaged = structuredClone(r);
    (damaged.after.cells[1]!.source as string[])[4] = "- \\operatorname{tr}\n";
    assert.deepEqual(nonCodeChanges(damaged), [
      "01_scratch.ipynb cell 1: the formatting step changed this markdown cell",
    ]);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("the maths check reads formulas as the edition does: KaTeX errors, open blocks, code left out", () => {
  assert.deepEqual(markdownMathProblems(RISK.join("")), []);
  const [bad] = markdownMathProblems("Text $\\frac{1}{$ and more.");
  assert.match(bad!.problem, /^KaTeX cannot typeset it/);
  assert.equal(bad!.formula, "\\frac{1}{");
  const [open] = markdownMathProblems("Display:\n\n$$\nx + y\n");
  assert.match(open!.problem, /never closed/);
  assert.deepEqual(markdownMathProblems("Code `$$` and\n\n```\n$$\n```\n"), []);
  assert.deepEqual(markdownMathProblems("Costs \\$5 and \\$6."), []);
});

Deno.test("core-path words leave out Exercises, Solution and Going further sections, code and maths", () => {
  assert.equal(countWords("The mean $\\bar x$ of `xs` is [here](a.ipynb)."), 5);
  const nb = {
    cells: [
      { cell_type: "markdown", source: "# Title\n\nOne two three." },
      { cell_type: "markdown", source: "## Going further\n\nskip skip skip" },
      { cell_type: "markdown", source: "### Deeper\n\nskip" },
      { cell_type: "markdown", source: "## Summary\n\nfour five" },
      {
        cell_type: "markdown",
        source: "## Exercises\n\nskip\n\n### Solution 1\n\nskip",
      },
      { cell_type: "code", source: "const notProse = 1;" },
    ],
  };
  assert.equal(corePathWords(nb), 1 + 3 + 1 + 2); // Title, One two three, Summary, four five
});

Deno.test('the report counts non-null assertions, toFixed calls and join("\\n") blocks on the syntax tree', async () => {
  const nb = {
    cells: [
      {
        cell_type: "markdown",
        source: "# T\n\nx! and toFixed( in prose do not count.",
      },
      {
        cell_type: "code",
        source: [
          "const xs = [1, 2];\n",
          "const a = xs[0]!; // x! in a comment does not count\n",
          'const s = "y!.toFixed(2)";\n',
          "const t = a.toFixed(2) + a.toPrecision(3) + (a!).toExponential(1);\n",
          'console.log([s, t].join("\\n"), xs.join("\\n"));',
        ],
      },
    ],
  };
  const r = await reportNotebook("99_probe.ipynb", nb);
  assert.deepEqual([...r.nonNull], [[1, 2]]);
  assert.deepEqual([...r.toFixed], [[1, 3]]);
  assert.deepEqual([...r.joinBlocks], [[1, 1]]); // xs.join is not a literal block
  assert.deepEqual(r.longest, { cell: 1, lines: 5 });
  const misses = checkTargets([r]);
  assert.equal(misses.length, 1);
  assert.match(misses[0]!, /join\("\\n"\) print blocks in cell\(s\) 1/);
});

Deno.test("the maths check flags a $ the edition leaves as text, but not an escaped dollar", () => {
  const [stray] = markdownMathProblems(
    "Paragraph\n\nThe mean $ \\bar x$ is unbiased.",
  );
  assert.equal(stray!.line, 3);
  assert.match(stray!.problem, /a \$ is left as text/);
  assert.deepEqual(
    markdownMathProblems("It costs \\$5, and $x$ is a formula."),
    [],
  );
  // A damaged display block is reported once, for its blank line.
  const damaged = markdownMathProblems("$$\na\n\n+ b\n$$\n");
  assert.equal(damaged.length, 1);
  assert.match(damaged[0]!.problem, /blank line/);
});
