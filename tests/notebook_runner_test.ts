/**
 * Tests of the notebook runner: the guard against the kernel's dropped outputs, the
 * report of a failing cell, the comparison of outputs, and runs with other parameters
 * (`--param`, `--variants`). The first two run real
 * notebooks (tests/notebook_fixtures/) in the Deno kernel, so they need the set-up that
 * `deno task test` performs first.
 */

import assert from "node:assert/strict";
import { join } from "node:path";
import {
  compareOutputs,
  DROPPED,
  droppedOutputs,
  executeNotebook,
  joinSource,
  normaliseOutputs,
  type Notebook,
  readNotebook,
  ROOT,
} from "../tools/notebook_runner.ts";
import { ensureSetup } from "../tools/setup.ts";
import { injectParameters, parseParamArg } from "../tools/notebook_params.ts";

const FIXTURES = join(ROOT, "tests", "notebook_fixtures");

async function runner(
  ...args: string[]
): Promise<{ code: number; output: string }> {
  const res = await new Deno.Command(Deno.execPath(), {
    args: [
      "run",
      "-A",
      join(ROOT, "tools", "run_notebooks.ts"),
      "--dir",
      FIXTURES,
      ...args,
    ],
    env: { NO_COLOR: "1" },
    stdout: "piped",
    stderr: "piped",
  }).output();
  const dec = new TextDecoder();
  return {
    code: res.code,
    output: dec.decode(res.stdout) + dec.decode(res.stderr),
  };
}

function notebook(cells: Notebook["cells"]): Notebook {
  return { cells, metadata: {}, nbformat: 4, nbformat_minor: 5 };
}

Deno.test("the runner fails a notebook whose committed output goes missing, after re-running it", async () => {
  const { code, output } = await runner("dropped");
  assert.equal(code, 1);
  assert.match(
    output,
    /dropped\.ipynb: the kernel dropped the output of cell\(s\) 1; running it again/,
  );
  assert.match(
    output,
    new RegExp(`dropped\\.ipynb: FAILED[^]*cell 1: ${DROPPED}`),
  );
  assert.match(output, /0 passed, 1 failed/);
});

Deno.test("a notebook whose cell throws fails with the notebook, the cell and the message", async () => {
  const { code, output } = await runner("throws");
  assert.equal(code, 1);
  assert.match(
    output,
    /throws\.ipynb: FAILED at cell 2: RangeError: deliberate failure in a fixture/,
  );
});

Deno.test("two fresh executions of a chapter give identical outputs", async () => {
  const { python } = await ensureSetup();
  const path = join(ROOT, "notebooks", "01_estimators.ipynb");
  const a = await executeNotebook(path, { python });
  const b = await executeNotebook(path, { python });
  await Deno.remove(a.path);
  await Deno.remove(b.path);
  // A dropped output would show up here as a difference too; the runner re-runs for
  // that, this test does not, so compare only cells that have output in both runs.
  const diffs = compareOutputs(a.notebook, b.notebook).filter((p) =>
    !p.includes(DROPPED)
  );
  assert.deepEqual(diffs, []);
  const saved = await readNotebook(path);
  assert.ok(
    saved.cells.some((c) =>
      (c.outputs ?? []).some((o) => o.output_type === "display_data")
    ),
  );
});

Deno.test("normaliseOutputs() merges stream chunks and ignores execution counts", () => {
  const out = normaliseOutputs([
    { output_type: "stream", name: "stdout", text: ["a\n"] },
    { output_type: "stream", name: "stdout", text: "b\n" },
    {
      output_type: "execute_result",
      execution_count: 7,
      data: { "text/plain": ["1"] },
      metadata: {},
    },
  ]);
  assert.deepEqual(out, [
    { output_type: "stream", name: "stdout", text: "a\nb\n" },
    { output_type: "display_data", data: { "text/plain": "1" } },
  ]);
});

Deno.test("compareOutputs() reports a changed output with the first differing line", () => {
  const saved = notebook([{
    cell_type: "code",
    source: "x",
    outputs: [{
      output_type: "display_data",
      data: { "text/plain": "mean 3.5232" },
    }],
  }]);
  const fresh = notebook([{
    cell_type: "code",
    source: "x",
    outputs: [{
      output_type: "display_data",
      data: { "text/plain": "mean 3.5233" },
    }],
  }]);
  const problems = compareOutputs(saved, fresh);
  assert.equal(problems.length, 1);
  assert.match(problems[0]!, /cell 0: outputs differ[^]*3\.5232[^]*3\.5233/);
  assert.deepEqual(compareOutputs(saved, saved), []);
});

Deno.test("droppedOutputs() finds cells whose unchanged code lost an output, however streams are chunked", () => {
  const saved = notebook([
    {
      cell_type: "code",
      source: "show(1)",
      outputs: [{ output_type: "display_data", data: { "text/plain": "1" } }],
    },
    { cell_type: "code", source: "const a = 1;", outputs: [] },
  ]);
  const fresh = notebook([
    { cell_type: "markdown", source: "new text" },
    { cell_type: "code", source: "show(1)", outputs: [] },
    { cell_type: "code", source: "const a = 1;", outputs: [] },
  ]);
  assert.deepEqual(droppedOutputs(saved, fresh), [1]);
  // One of two displays lost counts too; stream chunking does not.
  const two = notebook([{
    cell_type: "code",
    source: "show(a); show(b); log()",
    outputs: [
      { output_type: "display_data", data: { "text/plain": "a" } },
      { output_type: "display_data", data: { "text/plain": "b" } },
      { output_type: "stream", name: "stdout", text: "x\ny\n" },
    ],
  }]);
  const oneLost = structuredClone(two);
  oneLost.cells[0]!.outputs!.splice(1, 1);
  assert.deepEqual(droppedOutputs(two, oneLost), [0]);
  const rechunked = structuredClone(two);
  rechunked.cells[0]!.outputs!.splice(2, 1, {
    output_type: "stream",
    name: "stdout",
    text: "x\n",
  }, { output_type: "stream", name: "stdout", text: "y\n" });
  assert.deepEqual(droppedOutputs(two, rechunked), []);
});

Deno.test("--param injects a cell tagged injected-parameters after the parameters cell, and later cells see the values", async () => {
  const out = await Deno.makeTempDir({ prefix: "nb-param-" });
  try {
    const { code, output } = await runner(
      "knobs",
      "--param",
      "n=50",
      "--param",
      "seed=3",
      "--out",
      out,
    );
    assert.equal(code, 0, output);
    assert.match(output, /knobs\.ipynb \[n = 50, seed = 3\]: executed/);
    const nb = await readNotebook(join(out, "knobs.ipynb"));
    const tags = nb.cells.map((c) => (c.metadata?.tags as string[]) ?? []);
    assert.deepEqual(tags[1], ["parameters"]);
    assert.deepEqual(tags[2], ["injected-parameters"]);
    assert.match(
      JSON.stringify(nb.cells[3]!.outputs),
      /seed=3 n=50/,
      "the cell after the injection runs with the injected values",
    );
  } finally {
    await Deno.remove(out, { recursive: true });
  }
});

Deno.test("--param refuses a name the parameters cell does not declare, naming what it declares", async () => {
  const { code, output } = await runner("knobs", "--param", "sigma=2");
  assert.equal(code, 1);
  assert.match(
    output,
    /knobs\.ipynb: the parameters cell \(cell 1\) does not declare "sigma"; it declares seed, n/,
  );
});

Deno.test("--variants runs each parameter set of metadata.estimation and fails the set whose run raises", async () => {
  const { code, output } = await runner("knobs", "--variants");
  assert.equal(code, 1, output);
  assert.match(
    output,
    /knobs\.ipynb \[seed = 7, n = 20\]: executed in [\d.]+s without error/,
  );
  assert.match(
    output,
    /knobs\.ipynb \[seed = 1, n = 500\]: FAILED at cell 3: RangeError: n = 500 is more than this fixture allows/,
  );
  assert.match(output, /1 passed, 1 failed/);
});

Deno.test("injectParameters() keeps the committed cells, refuses a value of another type, and replaces an earlier injection", () => {
  const nb = notebook([
    { cell_type: "markdown", source: "# T" },
    {
      cell_type: "code",
      source:
        "const seed = 42; // the seed\nconst n = 1_000; // size\nconst model = 'normal';",
      metadata: { tags: ["parameters"] },
      outputs: [],
    },
    { cell_type: "code", source: "show(seed)", outputs: [] },
  ]);
  const once = injectParameters(nb, { n: 10, model: "laplace" }, "t.ipynb");
  assert.equal(once.cells.length, 4);
  assert.equal(
    joinSource(once.cells[2]!.source).split("\n").slice(1).join("\n"),
    'const n = 10;\nconst model = "laplace";',
  );
  assert.equal(nb.cells.length, 3, "the input notebook is not modified");
  const twice = injectParameters(once, { seed: 7 }, "t.ipynb");
  assert.equal(twice.cells.length, 4, "a second injection replaces the first");
  assert.throws(
    () => injectParameters(nb, { n: "many" }, "t.ipynb"),
    /t\.ipynb: parameter n is a number \(1000 in the parameters cell\), got the string "many"/,
  );
  assert.throws(
    () => injectParameters(notebook([]), { n: 1 }, "t.ipynb"),
    /has no code cell tagged "parameters"/,
  );
  assert.deepEqual(parseParamArg("n=500"), ["n", 500]);
  assert.deepEqual(parseParamArg('model="laplace"'), ["model", "laplace"]);
  assert.deepEqual(parseParamArg("fast=true"), ["fast", true]);
  assert.throws(() => parseParamArg("=3"), /name=value/);
});

Deno.test("a stale notebook fails the freshness check, naming it and saying how to restore or refresh it", async () => {
  const { code, output } = await runner("stale");
  assert.equal(code, 1);
  assert.match(
    output,
    /stale\.ipynb: FAILED, the outputs saved in tests\/notebook_fixtures\/stale\.ipynb are not what its code produces now/,
  );
  assert.match(output, /mean 3\.5232[^]*mean 3\.5233/);
  assert.match(output, /git checkout tests\/notebook_fixtures\/stale\.ipynb/);
  assert.match(output, /deno task notebooks stale\.ipynb/);
});
