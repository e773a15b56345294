/**
 * Runs every test of the pack, installing what is missing first:
 *
 * 1. set-up (Deno check, npm packages, Jupyter, the `deno` kernelspec, Chromium);
 * 2. formatting and lint (`deno fmt --check`, `deno lint`);
 * 3. the library's tests (`deno test tests/`, golden fixtures included) and its
 *    documentation examples (`deno test --doc lib/`);
 * 4. the notebooks' code type-checked and linted;
 * 5. every notebook executed in the Deno kernel, outputs compared with the committed
 *    ones, then once per parameter set of its `metadata.estimation.parameter_sets`
 *    with zero errors;
 * 6. the reading edition built and tested in Chromium.
 *
 * Every step runs even when an earlier one failed (but set-up), and the last line
 * counts the tests: `tests: N passed, M failed`.
 *
 * Usage: `deno run -A tools/test.ts` (the README's `deno task test`)
 *
 * @module
 */

import { ensureSetup } from "./setup.ts";
import { ROOT } from "./notebook_runner.ts";

interface StepResult {
  passed: number;
  failed: number;
}

async function step(
  title: string,
  args: string[],
  count: (output: string, ok: boolean) => StepResult,
): Promise<StepResult> {
  console.log(`\n==> ${title}\n    $ deno ${args.join(" ")}`);
  const t = performance.now();
  const child = new Deno.Command(Deno.execPath(), {
    args,
    cwd: ROOT,
    env: { NO_COLOR: "1", DENO_NO_UPDATE_CHECK: "1" },
    stdout: "piped",
    stderr: "piped",
    stdin: "null",
  }).spawn();
  let output = "";
  const pump = async (
    stream: ReadableStream<Uint8Array>,
    sink: typeof Deno.stdout,
  ) => {
    const dec = new TextDecoder();
    for await (const chunk of stream) {
      output += dec.decode(chunk, { stream: true });
      await sink.write(chunk);
    }
  };
  const [status] = await Promise.all([
    child.status,
    pump(child.stdout, Deno.stdout),
    pump(child.stderr, Deno.stderr),
  ]);
  const result = count(output, status.success);
  // A step that failed without a countable test failure still counts as a failure.
  if (!status.success && result.failed === 0) result.failed = 1;
  const secs = ((performance.now() - t) / 1000).toFixed(1);
  console.log(`<== ${title}: ${status.success ? "ok" : "FAILED"} (${secs}s)`);
  return result;
}

/** Counts from `deno test`'s summary lines (`ok | 12 passed (3 steps) | 0 failed`). */
function denoTestCounts(output: string): StepResult {
  let passed = 0;
  let failed = 0;
  for (
    const m of output.matchAll(
      /^(?:ok|FAILED) \| (\d+) passed(?: \(\d+ steps?\))? \| (\d+) failed/gm,
    )
  ) {
    passed += Number(m[1]);
    failed += Number(m[2]);
  }
  return { passed, failed };
}

/** Counts from the notebook runner's summary (`[notebooks] 7 passed, 0 failed`). */
function notebookCounts(output: string): StepResult {
  const m = output.match(/\[notebooks\] (\d+) passed, (\d+) failed/);
  return m
    ? { passed: Number(m[1]), failed: Number(m[2]) }
    : { passed: 0, failed: 0 };
}

/** A step that is one check: it passes or fails as a whole. */
function single(_output: string, ok: boolean): StepResult {
  return ok ? { passed: 1, failed: 0 } : { passed: 0, failed: 1 };
}

if (import.meta.main) {
  console.log("==> set-up: installing what is missing");
  try {
    await ensureSetup({ browser: true });
  } catch (e) {
    console.error(`[setup] ${e instanceof Error ? e.message : String(e)}`);
    console.log("tests: 0 passed, 1 failed");
    Deno.exit(1);
  }
  const t0 = performance.now();
  const results: StepResult[] = [];
  results.push(await step("formatting", ["fmt", "--check"], single));
  results.push(await step("lint", ["lint"], single));
  results.push(
    await step("library tests", [
      "test",
      "-A",
      "--parallel",
      "--ignore=tests/book_test.ts,tests/jupyterlab_test.ts",
      "tests/",
    ], denoTestCounts),
  );
  results.push(
    await step(
      "documentation examples",
      ["test", "--doc", "--allow-read", "lib/"],
      denoTestCounts,
    ),
  );
  results.push(
    await step(
      "notebooks: code formatting, maths, type-check, lint and the teaching targets",
      ["run", "-A", "tools/check_notebooks.ts", "--targets"],
      single,
    ),
  );
  results.push(
    await step(
      "notebooks: execute in the Deno kernel, compare with committed outputs",
      ["run", "-A", "tools/run_notebooks.ts", "--check"],
      notebookCounts,
    ),
  );
  results.push(
    await step(
      "notebooks: run with each of their other parameter sets, zero errors",
      ["run", "-A", "tools/run_notebooks.ts", "--variants"],
      notebookCounts,
    ),
  );
  results.push(
    await step(
      "notebooks in JupyterLab 4 (Chromium): untrusted on open, then Run All Cells",
      ["test", "-A", "tests/jupyterlab_test.ts"],
      denoTestCounts,
    ),
  );
  results.push(
    await step("reading edition: build site/ (re-executes only what changed)", [
      "run",
      "-A",
      "tools/book.ts",
    ], single),
  );
  results.push(
    await step("reading edition: tests in Chromium", [
      "test",
      "-A",
      "tests/book_test.ts",
    ], denoTestCounts),
  );
  const passed = results.reduce((s, r) => s + r.passed, 0);
  const failed = results.reduce((s, r) => s + r.failed, 0);
  const mins = ((performance.now() - t0) / 60000).toFixed(1);
  console.log(`\nAll steps ran in ${mins} min.`);
  console.log(`tests: ${passed} passed, ${failed} failed`);
  if (failed) Deno.exit(1);
}
