/**
 * `deno bench` for the workloads of BENCHMARKS.md. Run through `deno task bench`,
 * which also runs the same work in numpy, scipy and scikit-learn and prints the
 * comparison; run alone with `deno bench -A bench/workloads_bench.ts`.
 *
 * When BENCH_SAMPLES is set, each workload's per-run wall times (ms) are written
 * there as JSON when the run ends, so the orchestrator can report medians.
 *
 * @module
 */

import {
  logisticData,
  regressionData,
  w1,
  w2,
  w3,
  w4,
  w5,
} from "./workloads.ts";

const samples: Record<string, number[]> = {};
const logistic = logisticData();
const regression = regressionData();

function bench(name: string, fn: () => unknown, n: number): void {
  Deno.bench({ name, n, warmup: 3 }, (b) => {
    const t = performance.now();
    b.start();
    const out = fn();
    b.end();
    (samples[name] ??= []).push(performance.now() - t);
    if (out === undefined) throw new Error(`${name} returned nothing`);
  });
}

bench("W1", w1, 15);
bench("W2", w2, 8);
bench("W3", () => w3(logistic), 100);
bench("W4", () => w4(regression), 2000);
bench("W5", () => w5(regression), 1000);

globalThis.addEventListener("unload", () => {
  const out = Deno.env.get("BENCH_SAMPLES");
  if (out) Deno.writeTextFileSync(out, JSON.stringify(samples));
});
