import assert from "node:assert/strict";
import {
  betaBernoulliPosterior,
  betaPrior,
  normalMeanPosterior,
  normalPrior,
} from "../lib/bayes.ts";
import fixture from "./fixtures/bayes.json" with { type: "json" };

function close(actual: number, expected: number, rel: number, what: string) {
  const tol = rel * Math.max(1, Math.abs(expected));
  assert.ok(
    Math.abs(actual - expected) <= tol,
    `${what}: ${actual} differs from ${expected} by more than ${tol}`,
  );
}

Deno.test("normalMeanPosterior() matches the posterior integrated numerically by scipy", () => {
  for (const c of fixture.normalMean) {
    const priorSd = c.priorSd === "Infinity" ? Infinity : Number(c.priorSd);
    const post = normalMeanPosterior(c.x, {
      sigma: c.sigma,
      priorMean: c.priorMean,
      priorSd,
    });
    close(post.mean, c.mean, 1e-10, `mean (n=${c.x.length})`);
    close(post.sd, c.sd, 1e-10, `sd (n=${c.x.length})`);
    // scipy's bounded optimiser finds the mode to about 1e-8.
    close(post.mode, c.mode, 1e-7, `mode (n=${c.x.length})`);
    assert.equal(post.mode, post.mean);
  }
});

Deno.test("normalMeanPosterior() with a flat prior is N(mean(x), sigma^2/n)", () => {
  const post = normalMeanPosterior([2, 4, 9], {
    sigma: 3,
    priorMean: 100,
    priorSd: Infinity,
  });
  assert.equal(post.mean, 5);
  assert.equal(post.sd, 3 / Math.sqrt(3));
});

Deno.test("normalMeanPosterior() tends to the flat-prior posterior as priorSd grows", () => {
  const x = [0.5, 1.5, -0.25, 2];
  const flat = normalMeanPosterior(x, {
    sigma: 1,
    priorMean: 3,
    priorSd: Infinity,
  });
  const wide = normalMeanPosterior(x, { sigma: 1, priorMean: 3, priorSd: 1e6 });
  close(wide.mean, flat.mean, 1e-10, "mean");
  close(wide.sd, flat.sd, 1e-10, "sd");
});

Deno.test("normalMeanPosterior() rejects bad arguments with messages naming them", () => {
  const ok = { sigma: 1, priorMean: 0, priorSd: 1 };
  assert.throws(
    () => normalMeanPosterior([], ok),
    /normalMeanPosterior\(\): x must have at least 1 value \(received array of length 0\)/,
  );
  assert.throws(
    () => normalMeanPosterior([1, NaN], ok),
    /normalMeanPosterior\(\): x\[1\] must be a finite number \(received NaN\)/,
  );
  assert.throws(
    () => normalMeanPosterior([1], { ...ok, sigma: 0 }),
    /normalMeanPosterior\(\): sigma must be greater than 0 \(received 0\)/,
  );
  assert.throws(
    () => normalMeanPosterior([1], { ...ok, priorSd: -1 }),
    /normalMeanPosterior\(\): priorSd must be greater than 0 \(received -1\)/,
  );
  assert.throws(
    () => normalMeanPosterior([1], { ...ok, priorMean: Infinity }),
    /normalMeanPosterior\(\): priorMean must be a finite number \(received Infinity\)/,
  );
});

Deno.test("betaPrior() puts the MAP where scipy's maximiser of the Beta posterior finds it", () => {
  for (const c of fixture.betaMap) {
    const prior = betaPrior({ centre: c.centre, strength: c.strength });
    close(prior.a, c.a, 1e-15, "a");
    close(prior.b, c.b, 1e-15, "b");
    const x = Array.from({ length: c.n }, (_, i) => (i < c.k ? 1 : 0));
    const post = betaBernoulliPosterior(x, prior);
    close(post.mode, c.map, 1e-7, `MAP (k=${c.k}, n=${c.n})`);
  }
});

Deno.test("betaPrior() and normalPrior() give MAP = (n MLE + strength centre) / (n + strength)", () => {
  const x = [1, 0, 1, 1, 0, 1, 1];
  const k = 5, n = 7;
  for (const [centre, strength] of [[0.5, 0], [0.1, 3], [0.9, 20]] as const) {
    const map = betaBernoulliPosterior(x, betaPrior({ centre, strength })).mode;
    close(map, (k + centre * strength) / (n + strength), 1e-14, "Beta MAP");
  }
  const y = [0.2, 1.4, -0.3, 2.2];
  const ybar = (0.2 + 1.4 - 0.3 + 2.2) / 4;
  for (
    const [centre, strength, sigma] of [[0, 0, 1], [-1, 2, 0.5], [
      3,
      40,
      2,
    ]] as const
  ) {
    const prior = normalPrior({ centre, strength, sigma });
    const map = normalMeanPosterior(y, { sigma, ...prior }).mode;
    close(
      map,
      (4 * ybar + strength * centre) / (4 + strength),
      1e-14,
      "Gaussian MAP",
    );
  }
});

Deno.test("betaPrior() and normalPrior() reject bad arguments with messages naming them", () => {
  assert.throws(
    () => betaPrior({ centre: 1.2, strength: 1 }),
    /betaPrior\(\): centre must be a probability in \[0, 1\] \(received 1.2\)/,
  );
  assert.throws(
    () => betaPrior({ centre: 0.5, strength: -1 }),
    /betaPrior\(\): strength must be at least 0 \(received -1\)/,
  );
  assert.throws(
    () => normalPrior({ centre: 0, strength: 1, sigma: 0 }),
    /normalPrior\(\): sigma must be greater than 0 \(received 0\)/,
  );
  assert.throws(
    () => normalPrior({ centre: NaN, strength: 1, sigma: 1 }),
    /normalPrior\(\): centre must be a finite number \(received NaN\)/,
  );
});
