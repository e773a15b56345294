"""Reference timings for `deno task bench`: the same workloads in numpy, scipy and
scikit-learn, timed the same way (median of repeated runs after a warm-up).

Usage: /usr/bin/python3 bench/reference.py [--quick]
Prints one JSON object: {"W1": {"median_s": ..., "runs": ..., "check": ...}, ...,
"versions": {...}}. "check" holds numbers the Deno side compares with its own results
(W1, W2: exact values; W5: coefficients).

Memory (W6) is measured by `bench/memory.py` in a process of its own.
"""

import json
import statistics
import sys
import time

import numpy as np
import scipy
import sklearn
from sklearn.linear_model import Lasso

QUICK = "--quick" in sys.argv


def timeit(fn, min_runs=5, min_seconds=2.0, max_runs=200):
    fn()  # warm-up
    times = []
    start = time.perf_counter()
    while len(times) < min_runs or (time.perf_counter() - start < min_seconds and len(times) < max_runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
        if QUICK and len(times) >= 3:
            break
    return {"median_s": statistics.median(times), "runs": len(times)}


SIZES = [10, 50, 100, 500, 1000]
EXPERIMENTS = 10_000


def w1():
    return np.random.RandomState(0).normal(0, 1, 10_000_000)


def w2():
    rs = np.random.RandomState(42)
    return [float(rs.normal(0, 2, (EXPERIMENTS, n)).mean(axis=1).var()) for n in SIZES]


def logistic_data():
    rs = np.random.RandomState(42)
    n = 500
    X = np.column_stack([np.ones(n), rs.randn(n, 2)])
    w_true = np.array([0.5, 1.2, -0.8])
    probs = 1 / (1 + np.exp(-X @ w_true))
    y = (rs.rand(n) < probs).astype(float)
    return X, y


def w3(X, y, learning_rate=0.01, epochs=1000):
    # The article's loop, without its printing.
    n, d = X.shape
    theta = np.zeros(d)
    for epoch in range(epochs):
        logits = X @ theta
        y_hat = 1 / (1 + np.exp(-logits))
        eps = 1e-15
        nll = -np.mean(y * np.log(y_hat + eps) + (1 - y) * np.log(1 - y_hat + eps))
        grad = X.T @ (y_hat - y) / n
        theta -= learning_rate * grad
    return theta, nll


def regression_data():
    rs = np.random.RandomState(42)
    n, d = 100, 50
    X = rs.randn(n, d)
    w_true = np.zeros(d)
    w_true[:5] = [1.0, -0.5, 0.8, -1.2, 0.3]
    y = X @ w_true + 0.1 * rs.randn(n)
    return X, y


def w4(X, y, a=1.0):
    d = X.shape[1]
    return np.linalg.solve(X.T @ X + a * np.eye(d), X.T @ y)


def w5(X, y):
    return Lasso(alpha=0.1, tol=1e-4, max_iter=1000).fit(X, y)


def main():
    out = {}
    r = timeit(w1)
    v = w1()
    r["check"] = {"first": [float(x) for x in v[:3]], "last": float(v[-1]), "sum": float(v.sum())}
    out["W1"] = r
    r = timeit(w2, min_runs=3)
    r["check"] = {"variances": w2()}
    out["W2"] = r
    X, y = logistic_data()
    r = timeit(lambda: w3(X, y))
    theta, nll = w3(X, y)
    r["check"] = {"theta": theta.tolist(), "nll": float(nll)}
    out["W3"] = r
    X, y = regression_data()
    r = timeit(lambda: w4(X, y), min_runs=50)
    r["check"] = {"coef": w4(X, y).tolist()}
    out["W4"] = r
    r = timeit(lambda: w5(X, y), min_runs=20)
    m = w5(X, y)
    r["check"] = {"coef": m.coef_.tolist(), "intercept": float(m.intercept_), "n_iter": int(m.n_iter_)}
    out["W5"] = r
    out["versions"] = {
        "python": sys.version.split()[0],
        "numpy": np.__version__,
        "scipy": scipy.__version__,
        "sklearn": sklearn.__version__,
    }
    print(json.dumps(out))


if __name__ == "__main__":
    main()
