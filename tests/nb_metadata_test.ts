/**
 * tools/nb_metadata.ts: worked solutions are hidden on open, and nothing else changes.
 */

import assert from "node:assert/strict";
import {
  applySolutionMetadata,
  type CellLike,
  checkSolutionMetadata,
  planSolutions,
} from "../tools/nb_metadata.ts";
import { listNotebooks } from "../tools/notebook_runner.ts";

const md = (source: string): CellLike => ({
  cell_type: "markdown",
  source,
  metadata: {},
});
const code = (source: string): CellLike => ({
  cell_type: "code",
  source,
  metadata: {},
});

function notebookText(cells: CellLike[]): string {
  const nb = {
    cells: cells.map((c) =>
      c.cell_type === "code"
        ? {
          cell_type: "code",
          execution_count: 1,
          metadata: c.metadata,
          outputs: [{
            data: { "text/plain": ["0.00001 1e-05 2.0"] },
            metadata: {},
            output_type: "display_data",
          }],
          source: [c.source],
        }
        : { cell_type: "markdown", metadata: c.metadata, source: [c.source] }
    ),
    metadata: { kernelspec: { name: "deno" } },
    nbformat: 4,
    nbformat_minor: 5,
  };
  return JSON.stringify(nb, null, 1) + "\n";
}

Deno.test("a solution runs from its heading to the next heading of level 1-3, #### headings inside it", () => {
  const plan = planSolutions([
    md("## Exercises\n\n1. Show it."),
    md("### Solution 1\n\nBecause."),
    code("await show(1);"),
    md("#### A step\n\nMore."),
    code("await show(2);"),
    md("### Solution 2"),
    code("await show(3);"),
    md("## Summary"),
    code("await show(4);"),
  ]);
  assert.deepEqual(plan.hidden, [
    false,
    true,
    true,
    true,
    true,
    true,
    true,
    false,
    false,
  ]);
  assert.deepEqual(plan.problems, []);
});

Deno.test("solution markers are recognised as the reading edition does: any heading level, bold paragraphs, not inside code fences", () => {
  const plan = planSolutions([
    md("## Q1"),
    md("**Solution.** The MLE."),
    code("1"),
    md("## Q2"),
    md("#### solution to Q2"),
    code("2"),
    md("## Q3\n\n```md\n### Solution in a fence\n```"),
    code("3"),
    md("### Solutions, plural, is another word"),
    md("### Solutionist"),
    code("4"),
  ]);
  assert.deepEqual(plan.hidden, [
    false,
    true,
    true,
    false,
    true,
    true,
    false,
    false,
    false,
    false,
    false,
  ]);
});

Deno.test("a Solution heading after other text in its cell, or a section opened mid-cell, is reported", () => {
  const a = planSolutions([
    md("## Exercises\n\n1. Try.\n\n### Solution 1\n\nYes."),
  ]);
  assert.equal(a.problems.length, 1);
  assert.match(
    a.problems[0]!,
    /cell 0: "Solution 1" must start its own Markdown cell/,
  );
  const b = planSolutions([md("### Solution 1"), md("Yes.\n\n## Summary")]);
  assert.equal(b.problems.length, 1);
  assert.match(b.problems[0]!, /cell 1: the heading "Summary" ends a solution/);
});

Deno.test("applySolutionMetadata hides solution cells (source, and outputs of code cells) and changes no other byte", () => {
  const cells = [
    md("## Exercises"),
    md("### Solution 1\n\nYes."),
    code("await show(1);"),
    md("## Summary"),
    code("await show(2);"),
  ];
  const text = notebookText(cells);
  const { text: out, changed, problems } = applySolutionMetadata(text);
  assert.deepEqual(changed, [1, 2]);
  assert.deepEqual(problems, []);
  const after = JSON.parse(out);
  assert.deepEqual(after.cells[1].metadata, {
    jupyter: { source_hidden: true },
  });
  assert.deepEqual(after.cells[2].metadata, {
    collapsed: true,
    jupyter: { outputs_hidden: true, source_hidden: true },
  });
  assert.deepEqual(after.cells[4].metadata, {});
  // Everything but the two metadata objects is byte for byte the same.
  const strip = (s: string) =>
    s.replace(/"metadata": \{[^{}]*(\{[^{}]*\}[^{}]*)*\}/g, "M");
  assert.equal(strip(out), strip(text));
  assert.match(out, /"text\/plain": \[\n\s+"0\.00001 1e-05 2\.0"/);
  assert.deepEqual(checkSolutionMetadata(out), []);
  assert.equal(applySolutionMetadata(out).text, out);
});

Deno.test("a cell that left a solution is shown again; other metadata (tags) is kept", () => {
  const hiddenMeta = {
    collapsed: true,
    jupyter: { outputs_hidden: true, source_hidden: true },
    tags: ["parameters"],
  };
  const text = notebookText([
    md("## Setup"),
    { ...code("const n = 5;"), metadata: hiddenMeta },
  ]);
  assert.deepEqual(checkSolutionMetadata(text), [
    'cell 1 ("const n = 5;") is hidden but not part of a solution',
  ]);
  const out = applySolutionMetadata(text).text;
  assert.deepEqual(JSON.parse(out).cells[1].metadata, { tags: ["parameters"] });
});

Deno.test("--check names a solution cell that is not hidden", () => {
  const text = notebookText([md("### Solution 1"), code("await show(1);")]);
  assert.deepEqual(checkSolutionMetadata(text), [
    'cell 0 ("### Solution 1") is part of a solution but not hidden',
    'cell 1 ("await show(1);") is part of a solution but not hidden',
  ]);
});

Deno.test("every committed notebook has its solution cells hidden (run tools/nb_metadata.ts to fix)", async () => {
  const failures: string[] = [];
  for (const path of await listNotebooks()) {
    const problems = checkSolutionMetadata(await Deno.readTextFile(path));
    for (const p of problems) failures.push(`${path}: ${p}`);
  }
  assert.deepEqual(failures, []);
});
