"""W6 reference: peak resident memory of the Cramér–Rao table done the numpy way
(vectorised: one (10000, n) matrix per sample size). Prints {"peak_kib": ..., "baseline_kib": ...}.

Usage: /usr/bin/python3 bench/memory.py
"""

import json

import numpy as np


def vm_hwm_kib():
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return -1


baseline = vm_hwm_kib()
rs = np.random.RandomState(42)
variances = [float(rs.normal(0, 2, (10_000, n)).mean(axis=1).var()) for n in [10, 50, 100, 500, 1000]]
print(json.dumps({"peak_kib": vm_hwm_kib(), "baseline_kib": baseline, "variances": variances}))
