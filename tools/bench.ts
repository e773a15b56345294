/**
 * `deno task bench`: the library against numpy, scipy and scikit-learn on the
 * article's workloads, in one invocation on one machine.
 *
 * 1. `deno bench` runs `bench/workloads_bench.ts` (W1–W5); medians come from each
 *    workload's per-run wall times.
 * 2. When `/usr/bin/python3` has numpy, scipy and scikit-learn, `bench/reference.py`
 *    runs the same work there (with OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE unset, which
 *    otherwise slow a current numpy on this machine), and the results are compared:
 *    W1 and W2 to the last bit, W3 and W4 to 1e-10, W5 to 1e-6.
 * 3. W6 compares the peak memory of two processes doing the Cramér–Rao table.
 * 4. W7 executes every notebook end to end, cold (fresh Deno module cache) and warm.
 * 5. W8 times one update of each interactive figure (`figures/`) in Chromium
 *    (`bench/figures_browser.ts`), when `/usr/bin/chromium` exists.
 *
 * Prints one table (`--markdown` prints it as Markdown for BENCHMARKS.md). Speed is
 * never asserted in the test command; this is the only place it is measured.
 *
 * Usage: `deno run -A tools/bench.ts [--markdown] [--skip-notebooks] [--skip-figures]`
 *
 * @module
 */

import { join } from "node:path";
import { ROOT } from "./notebook_runner.ts";
import { executeNotebook, listNotebooks } from "./notebook_runner.ts";
import { ensureSetup } from "./setup.ts";
import {
  logisticData,
  regressionData,
  w1,
  w2,
  w3,
  w4,
  w5,
} from "../bench/workloads.ts";

const markdown = Deno.args.includes("--markdown");
const skipNotebooks = Deno.args.includes("--skip-notebooks");
const skipFigures = Deno.args.includes("--skip-figures");
const PY = "/usr/bin/python3";

interface Row {
  workload: string;
  ours: string;
  reference: string;
  ratio: string;
  target: string;
  runs: string;
  met: string;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

function fmtTime(seconds: number): string {
  if (seconds >= 1) return `${seconds.toFixed(2)} s`;
  if (seconds >= 1e-3) return `${(seconds * 1e3).toFixed(2)} ms`;
  return `${(seconds * 1e6).toFixed(1)} µs`;
}

async function output(
  cmd: string,
  args: string[],
  env: Record<string, string> = {},
  clearEnv: string[] = [],
) {
  const fullEnv: Record<string, string> = {
    ...Deno.env.toObject(),
    ...env,
    NO_COLOR: "1",
  };
  for (const k of clearEnv) delete fullEnv[k];
  const res = await new Deno.Command(cmd, {
    args,
    env: fullEnv,
    clearEnv: true,
    cwd: ROOT,
    stdout: "piped",
    stderr: "piped",
  })
    .output();
  const dec = new TextDecoder();
  return {
    ok: res.success,
    stdout: dec.decode(res.stdout),
    stderr: dec.decode(res.stderr),
  };
}

function machine(): string {
  const cpu =
    Deno.readTextFileSync("/proc/cpuinfo").match(/^model name\s*:\s*(.+)$/m)
      ?.[1] ?? "unknown CPU";
  const memKib = Number(
    Deno.readTextFileSync("/proc/meminfo").match(/^MemTotal:\s+(\d+)/m)?.[1] ??
      0,
  );
  return `${cpu}, ${navigator.hardwareConcurrency} cores, ${
    (memKib / 1048576).toFixed(0)
  } GiB, Linux; Deno ${Deno.version.deno}`;
}

function log(msg: string) {
  console.error(`[bench] ${msg}`);
}

function sameBits(a: number, b: number): boolean {
  return Object.is(a, b);
}

function maxRelDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) {
    const d = Math.abs(a[i]! - b[i]!) / Math.max(1e-300, Math.abs(b[i]!), 1);
    m = Math.max(m, d);
  }
  return a.length === b.length ? m : Infinity;
}

if (import.meta.main) {
  await ensureSetup();
  log(`machine: ${machine()}`);

  // 1. deno bench
  const samplesFile = await Deno.makeTempFile({ suffix: ".json" });
  log("running deno bench bench/workloads_bench.ts (W1–W5)");
  const bench = await output(Deno.execPath(), [
    "bench",
    "-A",
    "bench/workloads_bench.ts",
  ], { BENCH_SAMPLES: samplesFile });
  if (!bench.ok) {
    console.error(bench.stdout, bench.stderr);
    Deno.exit(1);
  }
  console.error(bench.stdout);
  const samples = JSON.parse(await Deno.readTextFile(samplesFile)) as Record<
    string,
    number[]
  >;
  const ours: Record<string, { median_s: number; runs: number }> = {};
  for (const [k, v] of Object.entries(samples)) {
    const measured = v.slice(4); // the first runs are deno bench's warm-up and calibration
    ours[k] = { median_s: median(measured) / 1e3, runs: measured.length };
  }

  // 2. reference
  type Ref =
    & Record<
      string,
      { median_s: number; runs: number; check: Record<string, unknown> }
    >
    & {
      versions?: Record<string, string>;
    };
  let ref: Ref | undefined;
  const hasPy = (await output(PY, ["-c", "import numpy, scipy, sklearn"])).ok;
  if (hasPy) {
    log("running bench/reference.py (numpy, scipy, scikit-learn)");
    const r = await output(PY, ["bench/reference.py"], {}, [
      "OPENBLAS_CORETYPE",
      "OPENBLAS_L2_SIZE",
    ]);
    if (!r.ok) {
      console.error(r.stderr);
      Deno.exit(1);
    }
    ref = JSON.parse(r.stdout) as Ref;
  } else {
    log(
      `${PY} with numpy, scipy and scikit-learn not found: reporting our timings only`,
    );
  }

  // Agreement with the reference results.
  const agreement: string[] = [];
  if (ref) {
    const a1 = w1();
    const c1 = ref.W1!.check as { first: number[]; last: number; sum: number };
    const ok1 = c1.first.every((v, i) => sameBits(a1[i]!, v)) &&
      sameBits(a1[a1.length - 1]!, c1.last);
    agreement.push(
      `W1: first and last draws ${ok1 ? "identical to the bit" : "DIFFER"}`,
    );
    const a2 = w2();
    const c2 = (ref.W2!.check as { variances: number[] }).variances;
    const exact2 = a2.every((v, i) => sameBits(v, c2[i]!));
    agreement.push(
      `W2: variances ${
        exact2
          ? "identical to the bit"
          : `differ by at most ${
            maxRelDiff(a2, c2).toExponential(1)
          } (relative)`
      }`,
    );
    const a3 = w3(logisticData());
    const c3 = (ref.W3!.check as { theta: number[] }).theta;
    agreement.push(
      `W3: weights agree to ${
        maxRelDiff(a3.coef, c3).toExponential(1)
      } (relative)`,
    );
    const a4 = w4(regressionData());
    const c4 = (ref.W4!.check as { coef: number[] }).coef;
    agreement.push(
      `W4: coefficients agree to ${
        maxRelDiff(a4.coef, c4).toExponential(1)
      } (relative)`,
    );
    const a5 = w5(regressionData());
    const c5 = (ref.W5!.check as { coef: number[] }).coef;
    let d5 = 0;
    for (let i = 0; i < c5.length; i++) {
      d5 = Math.max(d5, Math.abs(a5.coef[i]! - c5[i]!));
    }
    agreement.push(
      `W5: coefficients within ${
        d5.toExponential(1)
      } of scikit-learn's (absolute)`,
    );
  }

  const targets: Record<string, number> = {
    W1: 1.0,
    W2: 1.0,
    W3: 0.25,
    W4: 1.5,
    W5: 1.0,
    W6: 1.0,
  };
  const names: Record<string, string> = {
    W1: "W1 10M normal draws",
    W2: "W2 Cramér–Rao table (16.6M draws)",
    W3: "W3 logistic GD, 1000 epochs, 500×3",
    W4: "W4 ridge 100×50, one solve",
    W5: "W5 lasso 100×50, alpha 0.1",
    W6: "W6 Cramér–Rao table, peak memory",
  };
  const rows: Row[] = [];
  for (const k of ["W1", "W2", "W3", "W4", "W5"]) {
    const o = ours[k]!;
    const r = ref?.[k];
    const ratio = r ? o.median_s / r.median_s : NaN;
    rows.push({
      workload: names[k]!,
      ours: fmtTime(o.median_s),
      reference: r ? fmtTime(r.median_s) : "n/a",
      ratio: r ? ratio.toFixed(2) : "n/a",
      target: `≤ ${targets[k]!.toFixed(2)}`,
      runs: r ? `${o.runs} / ${r.runs}` : `${o.runs}`,
      met: r ? (ratio <= targets[k]! ? "yes" : "NO") : "n/a",
    });
  }

  // 3. memory
  log("W6: peak memory of the Cramér–Rao table, one process each");
  const m1 = await output(Deno.execPath(), ["run", "-A", "bench/memory.ts"]);
  const memOurs = JSON.parse(m1.stdout) as { peak_kib: number };
  let memRef: { peak_kib: number } | undefined;
  if (hasPy) {
    memRef = JSON.parse(
      (await output(PY, ["bench/memory.py"], {}, [
        "OPENBLAS_CORETYPE",
        "OPENBLAS_L2_SIZE",
      ])).stdout,
    );
  }
  const memRatio = memRef ? memOurs.peak_kib / memRef.peak_kib : NaN;
  rows.push({
    workload: names.W6!,
    ours: `${(memOurs.peak_kib / 1024).toFixed(0)} MiB`,
    reference: memRef ? `${(memRef.peak_kib / 1024).toFixed(0)} MiB` : "n/a",
    ratio: memRef ? memRatio.toFixed(2) : "n/a",
    target: "≤ 1.00",
    runs: "1 / 1",
    met: memRef ? (memRatio <= 1 ? "yes" : "NO") : "n/a",
  });

  // 4. notebooks
  if (!skipNotebooks) {
    const { python } = await ensureSetup();
    const notebooks = await listNotebooks();
    const realDir = (await output(Deno.execPath(), ["info", "--json"])).stdout;
    const denoDir = (JSON.parse(realDir) as { denoDir: string }).denoDir;
    const cold = await Deno.makeTempDir({ prefix: "deno-cold-" });
    await Deno.symlink(join(denoDir, "npm"), join(cold, "npm"));
    const time = async (env: Record<string, string>) => {
      const t = performance.now();
      for (const nb of notebooks) {
        const { path } = await executeNotebook(nb, { python, env });
        await Deno.remove(path);
      }
      return (performance.now() - t) / 1000;
    };
    log(
      `W7: executing ${notebooks.length} notebooks cold (fresh module cache)`,
    );
    const coldS = await time({ DENO_DIR: cold });
    log(`W7: executing ${notebooks.length} notebooks warm`);
    const warmS = await time({ DENO_DIR: cold });
    await Deno.remove(cold, { recursive: true });
    rows.push({
      workload: `W7 execute all ${notebooks.length} notebooks`,
      ours: `cold ${coldS.toFixed(1)} s, warm ${warmS.toFixed(1)} s`,
      reference: "none",
      ratio: "n/a",
      target: "report",
      runs: "1",
      met: "n/a",
    });
  }

  // 5. figures
  const figureLines: string[] = [];
  let haveChromium = false;
  try {
    haveChromium = Deno.statSync("/usr/bin/chromium").isFile;
  } catch {
    // no browser: no W8
  }
  if (!skipFigures && haveChromium) {
    log("W8: one update of each interactive figure in Chromium");
    const f = await output(Deno.execPath(), [
      "run",
      "-A",
      "bench/figures_browser.ts",
      "--json",
    ]);
    if (!f.ok) {
      console.error(f.stderr);
      Deno.exit(1);
    }
    const figures = JSON.parse(f.stdout) as Record<
      string,
      { median: number; p90: number; runs: number }
    >;
    const [slowest, worst] = Object.entries(figures).sort((a, b) =>
      b[1].median - a[1].median
    )[0]!;
    rows.push({
      workload: `W8 figure update in Chromium (slowest of ${
        Object.keys(figures).length
      }: ${slowest})`,
      ours: fmtTime(worst.median / 1e3),
      reference: "none",
      ratio: "n/a",
      target: "< 50 ms",
      runs: String(worst.runs),
      met: worst.median < 50 ? "yes" : "NO",
    });
    for (const [name, r] of Object.entries(figures)) {
      figureLines.push(
        `W8 ${name}: median ${fmtTime(r.median / 1e3)}, 90th percentile ${
          fmtTime(r.p90 / 1e3)
        }`,
      );
    }
  }

  const header = [
    "workload",
    "ours (median)",
    "reference (median)",
    "ratio",
    "target",
    "runs (ours / ref)",
    "met",
  ];
  const table = rows.map((
    r,
  ) => [r.workload, r.ours, r.reference, r.ratio, r.target, r.runs, r.met]);
  const versions = ref?.versions
    ? Object.entries(ref.versions).map(([k, v]) => `${k} ${v}`).join(", ")
    : "none";
  if (markdown) {
    console.log(`| ${header.join(" | ")} |`);
    console.log(`|${header.map(() => "---").join("|")}|`);
    for (const r of table) console.log(`| ${r.join(" | ")} |`);
  } else {
    const widths = header.map((h, i) =>
      Math.max(h.length, ...table.map((r) => r[i]!.length))
    );
    const line = (cells: string[]) =>
      cells.map((c, i) => c.padEnd(widths[i]!)).join("  ");
    console.log(line(header));
    console.log(widths.map((w) => "-".repeat(w)).join("  "));
    for (const r of table) console.log(line(r));
  }
  console.log(`\nmachine: ${machine()}`);
  console.log(`reference: ${versions}`);
  for (const a of agreement) console.log(a);
  for (const line of figureLines) console.log(line);
}
