/**
 * Tests of the notebook runner: the guard against the kernel's dropped outputs, the
 * report of a failing cell, and the comparison of outputs. The first two run real
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
  normaliseOutputs,
  type Notebook,
  readNotebook,
  ROOT,
} from "../tools/notebook_runner.ts";
import { ensureSetup } from "../tools/setup.ts";

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

Deno.test("droppedOutputs() finds cells whose unchanged code lost its output", () => {
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
});
