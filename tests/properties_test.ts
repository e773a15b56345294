/**
 * Property-based tests (fast-check) of the invariants the notebooks teach, on
 * arbitrary inputs rather than hand-picked ones: each property is checked on 100+
 * generated cases and fast-check shrinks any counterexample to a minimal one.
 */

import assert from "node:assert/strict";
import fc from "fast-check";
import {
  crossEntropy,
  lasso,
  lassoAlphaMax,
  logSoftmax,
  mean,
  ols,
  RandomState,
  ridge,
  samplingSummary,
  softmax,
  variance,
} from "../lib/mod.ts";

const EPS = Number.EPSILON;

/** Finite doubles of moderate size (no NaN, no infinities, no subnormals). */
const real = (max = 1e6) =>
  fc.double({ min: -max, max, noNaN: true, noDefaultInfinity: true });

/** A non-empty array of moderate finite doubles. */
const sample = (minLength = 1, max = 1e6) =>
  fc.array(real(max), { minLength, maxLength: 60 });

Deno.test("MSE = bias² + variance for any sample of estimates and any truth", () => {
  fc.assert(
    fc.property(sample(1), real(), (estimates, truth) => {
      const s = samplingSummary(estimates, truth);
      const decomposition = s.bias * s.bias + s.variance;
      // Each side is a sum of non-negative terms computed with rounding: allow a
      // few ulps of the larger of the terms involved (plus the underflow threshold,
      // where squares of tiny values lose their digits).
      const scale = s.mse + decomposition +
        estimates.reduce((m, x) => Math.max(m, (x - truth) ** 2), 0) + 1e-290;
      assert.ok(
        Math.abs(s.mse - decomposition) <= 64 * EPS * scale,
        `mse ${s.mse} vs bias² + variance ${decomposition}`,
      );
      // The same identity from the library's own mean and variance (ddof 0).
      const m = mean(estimates), v = variance(estimates);
      assert.ok(
        Math.abs(s.mse - ((m - truth) ** 2 + v)) <= 64 * EPS * scale,
      );
    }),
  );
});

Deno.test("crossEntropy() from logits equals −log softmax at the target wherever that is finite", () => {
  const row = fc.array(real(50), { minLength: 1, maxLength: 12 });
  fc.assert(
    fc.property(row, fc.nat(), (logits, pick) => {
      const target = pick % logits.length;
      const ce = crossEntropy([logits], [target]);
      // Exactly the log-softmax the library exposes (same computation).
      assert.equal(ce, 0 - logSoftmax(logits)[target]!);
      const p = softmax(logits)[target]!;
      const viaSoftmax = -Math.log(p);
      if (Number.isFinite(viaSoftmax)) {
        // softmax rounds p (relative error a few eps): its log moves by a few eps.
        assert.ok(
          Math.abs(ce - viaSoftmax) <= 1e-13 * Math.max(1, ce),
          `crossEntropy ${ce} vs −log softmax ${viaSoftmax}`,
        );
      }
      assert.ok(Number.isFinite(ce) && ce >= 0);
    }),
  );
});

Deno.test("crossEntropy() stays finite and within [m − x_t, m − x_t + log C] for logits far beyond exp's range", () => {
  fc.assert(
    fc.property(
      fc.array(real(1e300), { minLength: 2, maxLength: 6 }),
      fc.nat(),
      (logits, pick) => {
        const target = pick % logits.length;
        const ce = crossEntropy([logits], [target]);
        // logSumExp lies between the largest logit m and m + log C.
        const gap = Math.max(...logits) - logits[target]!;
        const slack = 4 * EPS * Math.max(1, gap);
        assert.ok(Number.isFinite(ce), `crossEntropy ${ce}`);
        assert.ok(ce >= gap - slack, `${ce} < ${gap}`);
        assert.ok(
          ce <= gap + Math.log(logits.length) + slack,
          `${ce} too large`,
        );
      },
    ),
  );
});

Deno.test("variance() is non-negative and never NaN for any finite sample, even near the largest double", () => {
  const anyFinite = fc.double({ noNaN: true, noDefaultInfinity: true });
  fc.assert(
    fc.property(fc.array(anyFinite, { minLength: 1, maxLength: 40 }), (x) => {
      const v = variance(x);
      assert.ok(v >= 0, `variance ${v}`);
    }),
  );
});

Deno.test("variance() is translation-invariant: variance(x + c) = variance(x) up to the rounding of x + c", () => {
  fc.assert(
    fc.property(sample(2, 1e3), real(1e6), (x, c) => {
      const shifted = x.map((v) => v + c);
      const v0 = variance(x), v1 = variance(shifted);
      // x + c rounds each value by at most δ = ulp(|c| + max|x|); the variance of the
      // rounded data moves by at most 2·sd·δ + δ².
      const big = Math.abs(c) + Math.max(...x.map(Math.abs));
      const delta = 2 * EPS * big;
      const tol = 1e-12 * v0 + 2 * Math.sqrt(v0) * delta + delta * delta;
      assert.ok(
        Math.abs(v1 - v0) <= tol,
        `variance ${v0} vs shifted ${v1} (tol ${tol})`,
      );
      // With c and x on a common binary grid the shift is exact, so is invariance.
      const grid = x.map((v) => Math.round(v * 1024) / 1024);
      const cg = Math.round(c);
      assert.ok(
        Math.abs(variance(grid.map((v) => v + cg)) - variance(grid)) <=
          1e-13 * variance(grid),
      );
    }),
  );
});

/** A well-conditioned n x d design with n > d, and targets, from a seeded stream. */
const regressionProblem = fc.record({
  seed: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
  n: fc.integer({ min: 4, max: 30 }),
  d: fc.integer({ min: 1, max: 4 }),
}).filter(({ n, d }) => n > d + 1).map(({ seed, n, d }) => {
  const rs = new RandomState(seed);
  const X = Array.from({ length: n }, () => Array.from(rs.normal(0, 1, d)));
  const y = Array.from(rs.normal(0, 1, n));
  return { X, y, n, d };
});

Deno.test("ridge() tends to least squares as alpha tends to 0, within the exact bound α/(s_min² + α)·‖w_ols‖", () => {
  fc.assert(
    fc.property(regressionProblem, ({ X, y }) => {
      const ls = ols(X, y);
      const s = ls.singularValues;
      const sMin = s[s.length - 1]!, sMax = s[0]!;
      // Full rank and not near-singular, so that least squares is unique and stable.
      fc.pre(sMin > 1e-3 * sMax);
      const wNorm = Math.hypot(...ls.coef);
      // w_ridge − w_ols = −α (XᵀX + αI)⁻¹ w_ols for the centred design; rounding
      // adds about cond(XᵀX)·eps·‖w‖.
      const rounding = 1e3 * (sMax / sMin) ** 2 * EPS * Math.max(1, wNorm);
      let previous = Infinity;
      for (const alpha of [1, 1e-2, 1e-4, 1e-6, 1e-9]) {
        const r = ridge(X, y, { alpha });
        const dist = Math.hypot(...r.coef.map((w, j) => w - ls.coef[j]!));
        const bound = alpha / (sMin * sMin + alpha) * wNorm;
        assert.ok(
          dist <= bound * (1 + 1e-9) + rounding,
          `alpha ${alpha}: ‖w_ridge − w_ols‖ = ${dist} > bound ${bound}`,
        );
        assert.ok(
          dist <= previous + rounding,
          `distance grew at alpha ${alpha}`,
        );
        previous = dist;
      }
    }),
  );
});

Deno.test("lasso() gives all-zero coefficients for alpha at or above lassoAlphaMax(), and not below it", () => {
  fc.assert(
    fc.property(
      regressionProblem,
      fc.double({ min: 1, max: 100, noNaN: true }),
      ({ X, y }, factor) => {
        const aMax = lassoAlphaMax(X, y);
        fc.pre(aMax > 0);
        for (const alpha of [aMax, aMax * factor]) {
          const fit = lasso(X, y, { alpha });
          assert.ok(
            fit.coef.every((w) => w === 0),
            `alpha ${alpha} (alphaMax ${aMax}): coef ${fit.coef}`,
          );
          assert.ok(
            Math.abs(fit.intercept - mean(y)) <=
              1e-12 * (1 + Math.abs(mean(y))),
          );
        }
        const below = lasso(X, y, { alpha: aMax * 0.9 });
        assert.ok(below.coef.some((w) => w !== 0), "alpha below alphaMax");
      },
    ),
  );
});

Deno.test("the same seed gives the same stream, for every sampler and however the draws are split", () => {
  fc.assert(
    fc.property(
      fc.oneof(
        fc.integer({ min: 0, max: 2 ** 32 - 1 }),
        fc.array(fc.integer({ min: 0, max: 2 ** 32 - 1 }), {
          minLength: 1,
          maxLength: 5,
        }),
      ),
      fc.integer({ min: 0, max: 40 }),
      fc.integer({ min: 0, max: 40 }),
      (seed, k1, k2) => {
        const a = new RandomState(seed), b = new RandomState(seed);
        assert.deepEqual(a.rand(k1), b.rand(k1));
        assert.deepEqual(a.normal(1, 2, k1), b.normal(1, 2, k1));
        assert.deepEqual(a.randint(-5, 5, k2), b.randint(-5, 5, k2));
        assert.deepEqual(a.permutation(k2), b.permutation(k2));
        assert.deepEqual(a.binomial(20, 0.3, k1), b.binomial(20, 0.3, k1));
        // Splitting one request in two gives the same numbers (the Gaussian cache
        // carries across calls).
        const c = new RandomState(seed), d = new RandomState(seed);
        const whole = c.randn(k1 + k2);
        const parts = [...d.randn(k1), ...d.randn(k2)];
        assert.deepEqual(Array.from(whole), parts);
        // Reseeding restarts the stream.
        c.seed(seed);
        assert.deepEqual(c.randn(k1 + k2), whole);
      },
    ),
  );
});
