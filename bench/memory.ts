/**
 * W6: peak resident memory of the Cramér–Rao table computed by the library (streamed,
 * never materialising the 10,000 x n matrix). Prints
 * `{"peak_kib": ..., "baseline_kib": ..., "variances": [...]}`, as `bench/memory.py` does.
 *
 * Usage: `deno run -A bench/memory.ts`
 *
 * @module
 */

import { w2 } from "./workloads.ts";

function vmHwmKib(): number {
  const m = Deno.readTextFileSync("/proc/self/status").match(
    /^VmHWM:\s+(\d+)/m,
  );
  return m ? Number(m[1]) : -1;
}

const baseline = vmHwmKib();
const variances = w2();
console.log(
  JSON.stringify({ peak_kib: vmHwmKib(), baseline_kib: baseline, variances }),
);
