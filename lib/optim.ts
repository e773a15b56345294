/**
 * Two first-order optimisers with PyTorch's update rules, small enough to read in one
 * sitting: {@link SGD} (gradient descent, optionally with momentum) and {@link Adam}.
 *
 * Both are stateful: construct one with the starting parameters, then call `step(grad)`
 * with the gradient of the loss at the current parameters. The parameters are updated
 * in place and returned. Each optimiser exposes its internal state (Adam's first and
 * second moments `m` and `v`) so that a notebook can look inside it: Adam's `v` is an
 * exponential moving average of squared gradients `g ⊙ g`, and the step divides by its
 * square root.
 *
 * @module
 */

import {
  checkBoolean,
  checkFinite,
  checkNonNegative,
  checkOptions,
  checkPositive,
  checkSameLength,
  checkThis,
  describe,
  toFloat64Array,
} from "./_validate.ts";

function checkBeta(fn: string, name: string, value: unknown): number {
  const b = checkFinite(fn, name, value);
  if (!(b >= 0 && b < 1)) {
    throw new RangeError(
      `${fn}(): ${name} must be in [0, 1) (received ${describe(b)})`,
    );
  }
  return b;
}

/** Options of {@link SGD}. */
export interface SGDOptions {
  /** Learning rate `η > 0`. Required, as in PyTorch. */
  lr: number;
  /** Momentum `μ ∈ [0, 1)`. Defaults to 0 (plain gradient descent). */
  momentum?: number;
}

/**
 * Stochastic gradient descent with PyTorch's `torch.optim.SGD` rule (no dampening, no
 * Nesterov): `b ← μ b + g` (with `b = g` on the first step), then `θ ← θ − η b`. With
 * the default `momentum: 0` this is `θ ← θ − η g`, the article's training loop.
 *
 * @example Minimising f(θ) = θ² / 2, whose gradient is θ
 * ```ts
 * import { SGD } from "./optim.ts";
 * import assert from "node:assert/strict";
 *
 * const opt = new SGD([1], { lr: 0.5 });
 * opt.step([opt.params[0]!]); // θ = 1 − 0.5 · 1
 * assert.equal(opt.params[0], 0.5);
 * assert.equal(opt.t, 1);
 * ```
 */
export class SGD {
  /** The parameters, updated in place by {@link SGD.step}. */
  readonly params: Float64Array;
  /** The momentum buffer `b` (zeros until the first step). */
  readonly buffer: Float64Array;
  /** Learning rate `η`. */
  readonly lr: number;
  /** Momentum `μ`. */
  readonly momentum: number;
  #t = 0;

  /**
   * Creates an optimiser for a copy of `params`.
   *
   * @param params Starting parameters: at least one finite value (copied).
   * @param options.lr Learning rate `η > 0`.
   * @param options.momentum Momentum `μ ∈ [0, 1)`. Defaults to 0.
   * @throws {TypeError} If `params` is not an array of numbers.
   * @throws {RangeError} If `params` is empty or non-finite, `lr` is not positive, or
   *   `momentum` is outside [0, 1).
   * @throws {TypeError} If `options` has a key other than those documented above: a
   *   misspelt option is refused by name, never silently ignored.
   *
   * @example
   * ```ts
   * import { SGD } from "./optim.ts";
   * import assert from "node:assert/strict";
   *
   * assert.throws(() => new SGD([0], { lr: 0 }), /SGD\(\): lr must be greater than 0 \(received 0\)/);
   * ```
   */
  constructor(params: ArrayLike<number>, options: SGDOptions) {
    const fn = "SGD";
    this.params = Float64Array.from(toFloat64Array(fn, "params", params));
    const o = checkOptions(fn, options ?? {}, ["lr", "momentum"]);
    this.lr = checkPositive(fn, "lr", o.lr);
    this.momentum = checkBeta(fn, "momentum", o.momentum ?? 0);
    this.buffer = new Float64Array(this.params.length);
  }

  /** Number of steps taken so far. */
  get t(): number {
    return this.#t;
  }

  /**
   * Takes one step along `-grad`.
   *
   * @param grad The gradient of the loss at the current parameters, same length.
   * @returns The updated parameters (the same array as {@link SGD.params}).
   * @throws {TypeError} If `grad` is not an array of numbers.
   * @throws {RangeError} If `grad` is non-finite or has the wrong length.
   *
   * @example Momentum accumulates a constant gradient: steps 1, 1.5, 1.75, ...
   * ```ts
   * import { SGD } from "./optim.ts";
   * import assert from "node:assert/strict";
   *
   * const opt = new SGD([0], { lr: 1, momentum: 0.5 });
   * opt.step([-1]);
   * opt.step([-1]);
   * assert.equal(opt.params[0], 2.5);
   * ```
   */
  step(grad: ArrayLike<number>): Float64Array {
    const fn = "SGD.step";
    checkThis(fn, this, SGD);
    const g = toFloat64Array(fn, "grad", grad);
    checkSameLength(fn, "grad", g, "params", this.params);
    const { params: p, buffer: b, lr, momentum } = this;
    for (let j = 0; j < p.length; j++) {
      b[j] = this.#t === 0 || momentum === 0 ? g[j]! : momentum * b[j]! + g[j]!;
      p[j] = p[j]! - lr * b[j]!;
    }
    this.#t++;
    return p;
  }
}

/** Options of {@link Adam}. */
export interface AdamOptions {
  /** Learning rate `η > 0`. Defaults to `1e-3`, as PyTorch. */
  lr?: number;
  /** Decay `β₁ ∈ [0, 1)` of the first-moment average. Defaults to 0.9. */
  beta1?: number;
  /** Decay `β₂ ∈ [0, 1)` of the second-moment average. Defaults to 0.999. */
  beta2?: number;
  /** `ε ≥ 0` added to `√v̂` in the denominator. Defaults to `1e-8`. */
  eps?: number;
  /**
   * Weight decay `λ ≥ 0`. Defaults to 0. As in `torch.optim.Adam`, `λθ` is added to the
   * gradient (an L2 penalty `λ‖θ‖²/2` in the loss), unless `decoupled` is true.
   */
  weightDecay?: number;
  /**
   * Apply the weight decay as `torch.optim.AdamW` does, directly to the parameters:
   * `θ ← θ(1 − ηλ)` before the Adam step, not through `m` and `v`. Defaults to false.
   */
  decoupled?: boolean;
}

/**
 * Adam with PyTorch's update rule (`torch.optim.Adam`, or `AdamW` with
 * `decoupled: true`; no AMSGrad). At step `t`, with gradient `g`:
 *
 * ```text
 * m ← β₁ m + (1 − β₁) g              first moment: average gradient
 * v ← β₂ v + (1 − β₂) g ⊙ g          second moment: average squared gradient
 * m̂ = m / (1 − β₁ᵗ),  v̂ = v / (1 − β₂ᵗ)   bias corrections
 * θ ← θ − η m̂ / (√v̂ + ε)
 * ```
 *
 * `v̂` estimates `E[g ⊙ g]`: with per-example (or mini-batch) gradients, the diagonal of
 * the empirical Fisher information. The step divides by its **square root**, so it is
 * unchanged when the loss is multiplied by a constant (for `ε → 0`); a natural-gradient
 * step divides by the Fisher itself.
 *
 * @example Adam's first step moves every coordinate by about `lr`, whatever the gradient's size
 * ```ts
 * import { Adam } from "./optim.ts";
 * import assert from "node:assert/strict";
 *
 * const opt = new Adam([0, 0], { lr: 0.1 });
 * opt.step([1000, -0.001]);
 * assert.ok(Math.abs(opt.params[0]! + 0.1) < 1e-9);
 * assert.ok(Math.abs(opt.params[1]! - 0.1) < 1e-5);
 * // After one step v̂ is the squared gradient.
 * assert.ok(Math.abs(opt.vHat()[0]! / 1e6 - 1) < 1e-12);
 * ```
 */
export class Adam {
  /** The parameters, updated in place by {@link Adam.step}. */
  readonly params: Float64Array;
  /** First-moment average `m` (not bias-corrected). */
  readonly m: Float64Array;
  /** Second-moment average `v` of `g ⊙ g` (not bias-corrected). */
  readonly v: Float64Array;
  /** Learning rate `η`. */
  readonly lr: number;
  /** Decay `β₁` of `m`. */
  readonly beta1: number;
  /** Decay `β₂` of `v`. */
  readonly beta2: number;
  /** `ε` in the denominator. */
  readonly eps: number;
  /** Weight decay `λ`. */
  readonly weightDecay: number;
  /** Whether the weight decay is decoupled (AdamW). */
  readonly decoupled: boolean;
  #t = 0;

  /**
   * Creates an optimiser for a copy of `params`.
   *
   * @param params Starting parameters: at least one finite value (copied).
   * @param options.lr Learning rate `η > 0`. Defaults to `1e-3`.
   * @param options.beta1 First-moment decay in [0, 1). Defaults to 0.9.
   * @param options.beta2 Second-moment decay in [0, 1). Defaults to 0.999.
   * @param options.eps Denominator offset `≥ 0`. Defaults to `1e-8`.
   * @param options.weightDecay Weight decay `λ ≥ 0`. Defaults to 0.
   * @param options.decoupled Decoupled weight decay (AdamW). Defaults to false.
   * @throws {TypeError} If `params` is not an array of numbers, `options` is not an
   *   object, or `decoupled` is not a boolean.
   * @throws {RangeError} If `params` is empty or non-finite, or an option is out of range.
   * @throws {TypeError} If `options` has a key other than those documented above: a
   *   misspelt option is refused by name, never silently ignored.
   *
   * @example
   * ```ts
   * import { Adam } from "./optim.ts";
   * import assert from "node:assert/strict";
   *
   * assert.throws(() => new Adam([0], { beta2: 1 }), /Adam\(\): beta2 must be in \[0, 1\) \(received 1\)/);
   * ```
   */
  constructor(params: ArrayLike<number>, options: AdamOptions = {}) {
    const fn = "Adam";
    this.params = Float64Array.from(toFloat64Array(fn, "params", params));
    const o = checkOptions(fn, options, [
      "lr",
      "beta1",
      "beta2",
      "eps",
      "weightDecay",
      "decoupled",
    ]);
    this.lr = checkPositive(fn, "lr", o.lr ?? 1e-3);
    this.beta1 = checkBeta(fn, "beta1", o.beta1 ?? 0.9);
    this.beta2 = checkBeta(fn, "beta2", o.beta2 ?? 0.999);
    this.eps = checkNonNegative(fn, "eps", o.eps ?? 1e-8);
    this.weightDecay = checkNonNegative(fn, "weightDecay", o.weightDecay ?? 0);
    this.decoupled = checkBoolean(fn, "decoupled", o.decoupled ?? false);
    this.m = new Float64Array(this.params.length);
    this.v = new Float64Array(this.params.length);
  }

  /** Number of steps taken so far. */
  get t(): number {
    return this.#t;
  }

  /**
   * Takes one Adam step with the gradient `grad` at the current parameters.
   *
   * @param grad The gradient of the loss at the current parameters, same length.
   * @returns The updated parameters (the same array as {@link Adam.params}).
   * @throws {TypeError} If `grad` is not an array of numbers.
   * @throws {RangeError} If `grad` is non-finite or has the wrong length.
   *
   * @example Multiplying the loss (so every gradient) by 1000 leaves the steps unchanged
   * ```ts
   * import { Adam } from "./optim.ts";
   * import assert from "node:assert/strict";
   *
   * const a = new Adam([1, 1], { eps: 0 });
   * const b = new Adam([1, 1], { eps: 0 });
   * for (let t = 0; t < 5; t++) {
   *   a.step([a.params[0]!, 2 * a.params[1]!]);
   *   b.step([1000 * b.params[0]!, 2000 * b.params[1]!]);
   * }
   * assert.ok(Math.abs(a.params[0]! - b.params[0]!) < 1e-15);
   * assert.ok(Math.abs(a.params[1]! - b.params[1]!) < 1e-15);
   * ```
   */
  step(grad: ArrayLike<number>): Float64Array {
    const fn = "Adam.step";
    checkThis(fn, this, Adam);
    const g = toFloat64Array(fn, "grad", grad);
    checkSameLength(fn, "grad", g, "params", this.params);
    const { params: p, m, v, lr, beta1, beta2, eps, weightDecay } = this;
    this.#t++;
    const t = this.#t;
    const bc1 = 1 - beta1 ** t;
    const bc2Sqrt = Math.sqrt(1 - beta2 ** t);
    const stepSize = lr / bc1;
    for (let j = 0; j < p.length; j++) {
      let gj = g[j]!;
      if (weightDecay !== 0) {
        if (this.decoupled) p[j] = p[j]! * (1 - lr * weightDecay);
        else gj += weightDecay * p[j]!;
      }
      m[j] = beta1 * m[j]! + (1 - beta1) * gj;
      v[j] = beta2 * v[j]! + (1 - beta2) * gj * gj;
      // PyTorch's order of operations: denom = sqrt(v) / sqrt(1 - β₂ᵗ) + ε.
      const denom = Math.sqrt(v[j]!) / bc2Sqrt + eps;
      // denom is 0 only with eps = 0 and every gradient so far 0, so m is 0 too:
      // the step is 0 (PyTorch computes 0/0 = NaN there).
      p[j] = p[j]! - stepSize * (denom === 0 ? 0 : m[j]! / denom);
    }
    return p;
  }

  /**
   * The bias-corrected first moment `m̂ = m / (1 − β₁ᵗ)`.
   *
   * @returns A new array; zeros before the first step.
   *
   * @example After one step, m̂ is the gradient
   * ```ts
   * import { Adam } from "./optim.ts";
   * import assert from "node:assert/strict";
   *
   * const opt = new Adam([0]);
   * opt.step([3]);
   * assert.ok(Math.abs(opt.mHat()[0]! - 3) < 1e-12);
   * ```
   */
  mHat(): Float64Array {
    checkThis("Adam.mHat", this, Adam);
    const out = new Float64Array(this.m.length);
    if (this.#t === 0) return out;
    const bc1 = 1 - this.beta1 ** this.#t;
    for (let j = 0; j < out.length; j++) out[j] = this.m[j]! / bc1;
    return out;
  }

  /**
   * The bias-corrected second moment `v̂ = v / (1 − β₂ᵗ)`: a weighted average of the
   * squared gradients seen so far, whose weights sum to 1.
   *
   * @returns A new array; zeros before the first step.
   *
   * @example Squared gradients 1 and 9: the average is weighted towards the recent one
   * ```ts
   * import { Adam } from "./optim.ts";
   * import assert from "node:assert/strict";
   *
   * const opt = new Adam([0], { beta2: 0.5 });
   * opt.step([1]);
   * opt.step([3]);
   * // v = 0.5·(0.5·1) + 0.5·9 = 4.75, 1 − 0.5² = 0.75: v̂ = (1·0.25 + 9·0.5) / 0.75
   * assert.ok(Math.abs(opt.vHat()[0]! - 4.75 / 0.75) < 1e-12);
   * ```
   */
  vHat(): Float64Array {
    checkThis("Adam.vHat", this, Adam);
    const out = new Float64Array(this.v.length);
    if (this.#t === 0) return out;
    const bc2 = 1 - this.beta2 ** this.#t;
    for (let j = 0; j < out.length; j++) out[j] = this.v[j]! / bc2;
    return out;
  }
}
