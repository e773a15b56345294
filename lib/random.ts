/**
 * `RandomState`: numpy's legacy `numpy.random.RandomState`, reproduced bit for bit.
 *
 * The generator is the 32-bit Mersenne Twister (MT19937) seeded exactly as numpy
 * seeds it, and every method consumes the stream exactly as numpy's legacy code
 * does, so `new RandomState(42).randn(5)` equals `np.random.RandomState(42).randn(5)`
 * to the last bit. That lets a notebook quote numpy's numbers, and lets the tests
 * compare against golden values written by numpy (`tools/fixtures/random_state.py`).
 *
 * Shapes follow numpy's `size` argument: omitted gives one number, a count `k` gives
 * a `Float64Array` of length `k`, and `[rows, cols]` gives a row-major `Matrix`
 * (from `lib/linalg.ts`) filled in numpy's C order. Integer-valued methods
 * (`randint`, `permutation`, `choice`, `binomial`) return their integers in the same
 * `Float64Array`s.
 *
 * numpy's Gaussians go through the C library's `log`, whose last bit depends on the
 * platform; this module reproduces glibc's (Linux, x86-64 with FMA), where numpy's
 * golden values were written. Uniform and integer streams do not depend on libm.
 *
 * @module
 */

import { Matrix } from "./matrix.ts";
import {
  allocate,
  checkBoolean,
  checkFinite,
  checkInteger,
  checkNonNegative,
  checkOptions,
  checkProbability,
  checkThis,
  describe,
  isArrayLike,
  isInstance,
  MAX_LENGTH,
  toFloat64Array,
} from "./_validate.ts";
import * as mt from "./_mt19937.ts";
import { glibcLog, logMainUnfused } from "./_glibc_log.ts";
import {
  binomialBtpe,
  binomialInversion,
  btpeSetup,
  inversionSetup,
} from "./_binomial.ts";

// The twister's size and tempering constants as module-local consts, as they were
// before the generator moved to _mt19937.ts: the fill loops below temper words
// inline, and a local const is what V8 can fold into their code.
/** Words of MT19937 state. */
const N = mt.N;
const TEMPER_B = mt.TEMPER_B;
const TEMPER_C = mt.TEMPER_C;
const { seedWord, seedWords, twist } = mt;
/** 2^-53: scales a 53-bit integer into [0, 1). Exact, so equal to dividing by 2^53. */
const TWO_POW_MINUS_53 = 1.1102230246251565e-16;
/** 2^-52, so that 2 * random_double() - 1 is one multiply and one subtraction. */
const TWO_POW_MINUS_52 = 2.220446049250313e-16;
const TWO_POW_32 = 4294967296;
/** Largest seed word numpy accepts. */
const SEED_MAX = 4294967295;
/** Most values one call may return. */
/** The library-wide array limit (2^28 values, 2 GiB): larger requests are refused. */
const MAX_ELEMENTS = MAX_LENGTH;
/** Largest integer a float64 holds exactly. */
const MAX_SAFE = Number.MAX_SAFE_INTEGER;
/** numpy's tolerance on `sum(p) - 1` in `choice`: sqrt(float64 eps). */
const P_SUM_ATOL = Math.sqrt(Number.EPSILON);

/**
 * How many values to draw, and in what shape, as numpy's `size`: a count `k` for a
 * vector of length `k`, or `[rows, cols]` for a row-major matrix. Leaving `size` out
 * draws a single number.
 *
 * @example
 * ```ts
 * import { RandomState, type Size } from "./random.ts";
 * import assert from "node:assert/strict";
 *
 * const size: Size = [2, 3];
 * assert.equal(new RandomState(0).rand(size).data.length, 6);
 * ```
 */
export type Size = number | readonly [number, number];

/**
 * What a sampling method returns for a given `size`: a number when `size` is left
 * out, a `Float64Array` for a count, a row-major {@link Matrix} for `[rows, cols]`.
 *
 * @example
 * ```ts
 * import { RandomState, type Sample } from "./random.ts";
 * import assert from "node:assert/strict";
 *
 * const v: Sample<number> = new RandomState(0).randn(4);
 * assert.ok(v instanceof Float64Array);
 * ```
 */
export type Sample<S> = S extends number ? Float64Array
  : S extends readonly [number, number] ? Matrix
  : number;

/**
 * Options of {@link RandomState.choice}: numpy's `replace` and `p`.
 *
 * @example
 * ```ts
 * import { type ChoiceOptions, RandomState } from "./random.ts";
 * import assert from "node:assert/strict";
 *
 * const options: ChoiceOptions = { replace: false, p: [0.5, 0.25, 0.25, 0] };
 * const draw = new RandomState(0).choice(4, 3, options);
 * assert.deepEqual([...draw].sort(), [0, 1, 2]);
 * ```
 */
export interface ChoiceOptions {
  /** Draw with replacement (numpy's default, `true`) or without. */
  replace?: boolean;
  /** Probabilities of the population's entries: non-negative, summing to 1. */
  p?: ArrayLike<number>;
}

/** Smallest all-ones bit mask covering `x` (numpy's `gen_mask`), for x < 2^32. */
function mask32(x: number): number {
  let m = x >>> 0;
  m |= m >>> 1;
  m |= m >>> 2;
  m |= m >>> 4;
  m |= m >>> 8;
  m |= m >>> 16;
  return m >>> 0;
}

/** Index of the first entry of the sorted `cdf` greater than `u` (searchsorted right). */
function searchRight(cdf: Float64Array, u: number): number {
  let lo = 0;
  let hi = cdf.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cdf[mid]! <= u) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** `cumsum(p) / cumsum(p)[-1]`, summed left to right as numpy does. */
function normalisedCdf(p: Float64Array): Float64Array {
  const cdf = new Float64Array(p.length);
  let acc = 0;
  for (let i = 0; i < p.length; i++) {
    acc += p[i]!;
    cdf[i] = acc;
  }
  const total = cdf[cdf.length - 1]!;
  for (let i = 0; i < cdf.length; i++) cdf[i] = cdf[i]! / total;
  return cdf;
}

/** numpy's `kahan_sum`, used to check that probabilities sum to 1. */
function kahanSum(x: Float64Array): number {
  let sum = x[0]!;
  let c = 0;
  for (let i = 1; i < x.length; i++) {
    const y = x[i]! - c;
    const t = sum + y;
    c = (t - sum) - y;
    sum = t;
  }
  return sum;
}

/**
 * numpy's legacy `numpy.random.RandomState`: a Mersenne Twister whose streams match
 * numpy's bit for bit, for the same seed and the same sequence of calls.
 *
 * Seeding follows numpy: an integer in [0, 2^32 - 1] uses `init_genrand`; an array
 * of such integers uses `init_by_array` — so `new RandomState([5])` differs from
 * `new RandomState(5)`, as in numpy. Without a seed the state comes from
 * `crypto.getRandomValues` and the stream is **not** reproducible.
 *
 * Gaussian draws (`randn`, `normal`) use numpy's legacy polar Box–Muller method,
 * which makes two values at a time and caches the second: `randn(3)` then `randn(4)`
 * equals `randn(7)`. Reseeding clears the cache.
 *
 * @example Matches numpy
 * ```ts
 * import { RandomState } from "./random.ts";
 * import assert from "node:assert/strict";
 *
 * const rs = new RandomState(42);
 * // np.random.RandomState(42).rand(3)
 * assert.deepEqual(rs.rand(3), new Float64Array([
 *   0.3745401188473625, 0.9507143064099162, 0.7319939418114051,
 * ]));
 * ```
 */
export class RandomState {
  #key = new Int32Array(N);
  #pos = N;
  #hasGauss = false;
  #gauss = 0;
  /** Bound `nextDouble`, passed to the module-level binomial samplers. */
  #next: () => number = () => this.#nextDouble();

  /**
   * Creates a generator, seeded as `np.random.RandomState(seed)`.
   *
   * @param seed An integer in [0, 2^32 - 1], or a non-empty array of such integers.
   *   Omit it for a non-deterministic seed from `crypto.getRandomValues`.
   * @throws {TypeError} If `seed` is neither a number nor an array of numbers.
   * @throws {RangeError} If a seed value is not an integer in [0, 2^32 - 1], or the
   *   array is empty.
   *
   * @example
   * ```ts
   * import { RandomState } from "./random.ts";
   * import assert from "node:assert/strict";
   *
   * assert.equal(new RandomState(5).rand(), 0.22199317108973948);
   * assert.equal(new RandomState([5]).rand(), 0.6229016948897019);
   * assert.throws(() => new RandomState(-1), /RandomState\(\): seed must be in \[0, 4294967295\] \(received -1\)/);
   * ```
   */
  constructor(seed?: number | ArrayLike<number>) {
    this.#reseed("RandomState", seed);
  }

  /**
   * Reseeds the generator in place, as numpy's `RandomState.seed`, and clears the
   * cached Gaussian value.
   *
   * @param seed As for the constructor; omit it for a non-deterministic seed.
   * @throws {TypeError} If `seed` is neither a number nor an array of numbers.
   * @throws {RangeError} If a seed value is not an integer in [0, 2^32 - 1], or the
   *   array is empty.
   *
   * @example
   * ```ts
   * import { RandomState } from "./random.ts";
   * import assert from "node:assert/strict";
   *
   * const rs = new RandomState(1);
   * const first = rs.randn(3);
   * rs.seed(1);
   * assert.deepEqual(rs.randn(3), first);
   * ```
   */
  seed(seed?: number | ArrayLike<number>): void {
    checkThis("RandomState.seed", this, RandomState);
    this.#reseed("seed", seed);
  }

  /**
   * Uniform floats in [0, 1), as numpy's `random_sample` (and `rand`): each is
   * `(a >> 5) * 2^26 + (b >> 6)) / 2^53` for two consecutive 32-bit words.
   *
   * @param size Omit for one number; a count or `[rows, cols]` for many.
   * @returns The samples, shaped by `size`.
   * @throws {RangeError} If `size` is negative, not an integer, or above 2^28
   *   values (the library's array limit).
   *
   * @example
   * ```ts
   * import { RandomState } from "./random.ts";
   * import assert from "node:assert/strict";
   *
   * const u = new RandomState(0).rand(1000);
   * assert.ok(u.every((x) => x >= 0 && x < 1));
   * ```
   */
  rand<S extends Size | undefined = undefined>(size?: S): Sample<S> {
    checkThis("RandomState.rand", this, RandomState);
    const out = this.#allocate("rand", size);
    if (out === null) return this.#nextDouble() as Sample<S>;
    this.#fillDoubles(out, 0, 1);
    return shape(size, out) as Sample<S>;
  }

  /**
   * Uniform floats in [low, high), computed as numpy does: `low + (high - low) * u`.
   * As in numpy, `high < low` is accepted and gives values in (high, low].
   *
   * @param low Lower bound (inclusive). Defaults to 0.
   * @param high Upper bound (exclusive). Defaults to 1.
   * @param size Omit for one number; a count or `[rows, cols]` for many.
   * @returns The samples, shaped by `size`.
   * @throws {TypeError} If `low` or `high` is not a number.
   * @throws {RangeError} If `low`, `high` or `high - low` is not finite, or `size` is
   *   invalid.
   *
   * @example
   * ```ts
   * import { RandomState } from "./random.ts";
   * import assert from "node:assert/strict";
   *
   * const x = new RandomState(0).uniform(-2, 3, 1000);
   * assert.ok(x.every((v) => v >= -2 && v < 3));
   * ```
   */
  uniform<S extends Size | undefined = undefined>(
    low = 0,
    high = 1,
    size?: S,
  ): Sample<S> {
    checkThis("RandomState.uniform", this, RandomState);
    checkFinite("uniform", "low", low);
    checkFinite("uniform", "high", high);
    const range = high - low;
    if (!Number.isFinite(range)) {
      throw new RangeError(
        `uniform(): high - low must be finite (low=${describe(low)}, high=${
          describe(high)
        })`,
      );
    }
    const out = this.#allocate("uniform", size);
    if (out === null) return (low + range * this.#nextDouble()) as Sample<S>;
    this.#fillDoubles(out, low, range);
    return shape(size, out) as Sample<S>;
  }

  /**
   * Standard normal samples, as numpy's legacy `randn` / `standard_normal`
   * (polar Box–Muller with the second value cached).
   *
   * @param size Omit for one number; a count or `[rows, cols]` for many.
   * @returns The samples, shaped by `size`.
   * @throws {RangeError} If `size` is invalid.
   *
   * @example The Gaussian cache carries across calls
   * ```ts
   * import { RandomState } from "./random.ts";
   * import assert from "node:assert/strict";
   *
   * const a = new RandomState(42);
   * assert.deepEqual(a.randn(3), new Float64Array([
   *   0.4967141530112327, -0.13826430117118466, 0.6476885381006925,
   * ]));
   * const b = new RandomState(7);
   * const c = new RandomState(7);
   * assert.deepEqual([...b.randn(3), ...b.randn(4)], [...c.randn(7)]);
   * ```
   */
  randn<S extends Size | undefined = undefined>(size?: S): Sample<S> {
    checkThis("RandomState.randn", this, RandomState);
    const out = this.#allocate("randn", size);
    if (out === null) return this.#gaussOne() as Sample<S>;
    this.#fillGauss(out, 0, 1);
    return shape(size, out) as Sample<S>;
  }

  /**
   * Normal samples with mean `loc` and standard deviation `scale`, as numpy's legacy
   * `normal`: `loc + scale * z` with `z` from {@link RandomState.randn}'s stream
   * (sharing its cache). `scale = 0` is allowed and returns `loc`.
   *
   * @param loc Mean. Defaults to 0.
   * @param scale Standard deviation, at least 0. Defaults to 1.
   * @param size Omit for one number; a count or `[rows, cols]` for many.
   * @returns The samples, shaped by `size`.
   * @throws {TypeError} If `loc` or `scale` is not a number.
   * @throws {RangeError} If `loc` is not finite, `scale` is negative or not finite,
   *   or `size` is invalid.
   *
   * @example
   * ```ts
   * import { RandomState } from "./random.ts";
   * import assert from "node:assert/strict";
   *
   * const z = new RandomState(42).randn(4);
   * const x = new RandomState(42).normal(10, 2, 4);
   * assert.deepEqual(x, z.map((v) => 10 + 2 * v));
   * assert.throws(() => new RandomState(0).normal(0, -1), /normal\(\): scale must be at least 0 \(received -1\)/);
   * ```
   */
  normal<S extends Size | undefined = undefined>(
    loc = 0,
    scale = 1,
    size?: S,
  ): Sample<S> {
    checkThis("RandomState.normal", this, RandomState);
    checkFinite("normal", "loc", loc);
    checkNonNegative("normal", "scale", scale);
    const out = this.#allocate("normal", size);
    if (out === null) return (loc + scale * this.#gaussOne()) as Sample<S>;
    this.#fillGauss(out, loc, scale);
    return shape(size, out) as Sample<S>;
  }

  /**
   * Fills `out` with normal samples in place: the same stream as
   * `normal(loc, scale, out.length)` (sharing the Gaussian cache), without allocating.
   * Meant for Monte Carlo loops that draw block after block into one reused buffer,
   * where a fresh array per block would cost more in page faults than in drawing.
   * numpy's legacy API has no such method; the values are numpy's all the same.
   *
   * @param out The array to overwrite, entirely (it may be empty).
   * @param loc Mean. Defaults to 0.
   * @param scale Standard deviation, at least 0. Defaults to 1.
   * @returns `out`, filled.
   * @throws {TypeError} If `out` is not a `Float64Array`, or `loc` or `scale` is not a
   *   number.
   * @throws {RangeError} If `loc` is not finite, or `scale` is negative or not finite.
   *
   * @example Two blocks into one buffer give the same numbers as one call
   * ```ts
   * import { RandomState } from "./random.ts";
   * import assert from "node:assert/strict";
   *
   * const rs = new RandomState(42);
   * const buf = new Float64Array(3);
   * const first = Array.from(rs.normalInto(buf, 10, 2));
   * const second = Array.from(rs.normalInto(buf, 10, 2));
   * assert.deepEqual([...first, ...second], Array.from(new RandomState(42).normal(10, 2, 6)));
   * assert.throws(() => rs.normalInto([0, 0] as never), /normalInto\(\): out must be a Float64Array/);
   * ```
   */
  normalInto(out: Float64Array, loc = 0, scale = 1): Float64Array {
    checkThis("RandomState.normalInto", this, RandomState);
    if (!isInstance(out, Float64Array)) {
      throw new TypeError(
        `normalInto(): out must be a Float64Array (received ${describe(out)})`,
      );
    }
    checkFinite("normalInto", "loc", loc);
    checkNonNegative("normalInto", "scale", scale);
    this.#fillGauss(out, loc, scale);
    return out;
  }

  /**
   * Uniform integers in [low, high), as numpy's legacy `randint` with its default
   * int64 dtype (masked rejection sampling: 32-bit draws when `high - low - 1` fits
   * in 32 bits, 64-bit draws otherwise). With one argument, draws from [0, low).
   *
   * @param low Lowest value (inclusive), an integer in [-(2^53 - 1), 2^53 - 1]; or,
   *   when `high` is omitted, the exclusive upper bound.
   * @param high Exclusive upper bound, an integer in [2 - 2^53, 2^53].
   * @param size Omit for one number; a count or `[rows, cols]` for many.
   * @returns The integers, as numbers, shaped by `size`.
   * @throws {TypeError} If `low` or `high` is not a number.
   * @throws {RangeError} If a bound is not an integer in its range, `low >= high`,
   *   `high - low` exceeds 2^53 (so results stay exact in float64), or `size` is
   *   invalid.
   *
   * @example
   * ```ts
   * import { RandomState } from "./random.ts";
   * import assert from "node:assert/strict";
   *
   * // np.random.RandomState(0).randint(10, size=5)
   * assert.deepEqual(new RandomState(0).randint(10, undefined, 5), new Float64Array([5, 0, 3, 3, 7]));
   * assert.throws(() => new RandomState(0).randint(5, 5), /randint\(\): low must be less than high \(low=5, high=5\)/);
   * ```
   */
  randint<S extends Size | undefined = undefined>(
    low: number,
    high?: number,
    size?: S,
  ): Sample<S> {
    checkThis("RandomState.randint", this, RandomState);
    // Bounds whose results are exact in float64: [-(2^53 - 1), 2^53].
    if (high === undefined) {
      high = checkInteger("randint", "low", low, {
        min: 1 - MAX_SAFE,
        max: 2 ** 53,
      });
      low = 0;
    } else {
      checkInteger("randint", "low", low, { min: -MAX_SAFE, max: MAX_SAFE });
      checkInteger("randint", "high", high, {
        min: 1 - MAX_SAFE,
        max: 2 ** 53,
      });
    }
    if (!(low < high)) {
      throw new RangeError(
        `randint(): low must be less than high (low=${describe(low)}, high=${
          describe(high)
        })`,
      );
    }
    const rng = high - 1 - low;
    if (rng > MAX_SAFE) {
      throw new RangeError(
        `randint(): high - low must be at most 2^53 (low=${
          describe(low)
        }, high=${describe(high)})`,
      );
    }
    const out = this.#allocate("randint", size);
    if (out === null) {
      const one = new Float64Array(1);
      this.#fillBounded(one, low, rng);
      return one[0] as Sample<S>;
    }
    this.#fillBounded(out, low, rng);
    return shape(size, out) as Sample<S>;
  }

  /**
   * A random permutation, as numpy's legacy `permutation`: `arange(n)` (or a copy of
   * `x`) shuffled by Fisher–Yates from the end, each swap index drawn by numpy's
   * `random_interval` (masked rejection on 32-bit words).
   *
   * @param x A count `n` (permute 0, 1, ..., n - 1) or an array of numbers to
   *   permute (copied, not modified).
   * @returns The permuted values.
   * @throws {TypeError} If `x` is neither a number nor an array of numbers.
   * @throws {RangeError} If `n` is not an integer in [0, 2^28].
   *
   * @example
   * ```ts
   * import { RandomState } from "./random.ts";
   * import assert from "node:assert/strict";
   *
   * // np.random.RandomState(0).permutation(5)
   * assert.deepEqual(new RandomState(0).permutation(5), new Float64Array([2, 0, 1, 3, 4]));
   * ```
   */
  permutation(x: number | ArrayLike<number>): Float64Array {
    checkThis("RandomState.permutation", this, RandomState);
    let out: Float64Array;
    if (typeof x === "number") {
      checkInteger("permutation", "n", x, { min: 0, max: MAX_ELEMENTS });
      out = new Float64Array(x);
      for (let i = 0; i < x; i++) out[i] = i;
    } else {
      out = Float64Array.from(
        toFloat64Array("permutation", "x", x, { minLength: 0 }),
      );
    }
    this.#shuffle(out);
    return out;
  }

  /**
   * A random sample from `arange(a)` (or from the array `a`), as numpy's legacy
   * `choice`:
   * - with replacement, without `p`: `randint(0, n, size)`;
   * - with replacement, with `p`: `searchsorted(cdf, rand(size), "right")`;
   * - without replacement, without `p`: `permutation(n)` cut to `size`;
   * - without replacement, with `p`: numpy's loop that redraws until `size`
   *   distinct entries are found.
   *
   * @param a Population size `n` (sample from 0, ..., n - 1) or the population
   *   itself as an array of numbers.
   * @param size Omit for one number; a count or `[rows, cols]` for many.
   * @param options `replace` (default `true`) and `p` (probabilities, one per entry,
   *   non-negative, summing to 1 within numpy's tolerance sqrt(eps) ≈ 1.5e-8).
   * @returns The sampled values, shaped by `size`.
   * @throws {TypeError} If `a` or `p` is not a number or array of numbers, `options`
   *   is not an object, or `replace` is not a boolean.
   * @throws {RangeError} If the population is empty while values are requested,
   *   `p` has the wrong length, a negative entry or does not sum to 1, `size`
   *   exceeds the population (or the non-zero entries of `p`) without replacement,
   *   or `size` is invalid.
   * @throws {TypeError} If `options` has a key other than those documented above: a
   *   misspelt option is refused by name, never silently ignored.
   *
   * @example
   * ```ts
   * import { RandomState } from "./random.ts";
   * import assert from "node:assert/strict";
   *
   * const rs = new RandomState(0);
   * const draw = rs.choice(5, 3, { replace: false });
   * assert.equal(new Set(draw).size, 3);
   * assert.throws(() => rs.choice(3, 2, { p: [0.5, 0.6, 0.1] }), /choice\(\): p must sum to 1/);
   * assert.throws(() => rs.choice(3, 5, { replace: false }), /choice\(\): size must be at most/);
   * ```
   */
  choice<S extends Size | undefined = undefined>(
    a: number | ArrayLike<number>,
    size?: S,
    options: ChoiceOptions = {},
  ): Sample<S> {
    checkThis("RandomState.choice", this, RandomState);
    const o = checkOptions("choice", options, ["replace", "p"]);
    const replace = checkBoolean("choice", "replace", o.replace ?? true);
    let population: Float64Array | null = null;
    let n: number;
    if (typeof a === "number") {
      n = checkInteger("choice", "a", a, { min: 0, max: MAX_ELEMENTS });
    } else {
      population = toFloat64Array("choice", "a", a, { minLength: 0 });
      n = population.length;
    }
    const out = this.#allocate("choice", size);
    const count = out === null ? 1 : out.length;
    if (n === 0 && count > 0) {
      throw new RangeError(
        "choice(): a must be a non-empty population unless no samples are taken (received 0)",
      );
    }
    let p: Float64Array | null = null;
    if (o.p !== undefined) {
      p = toFloat64Array("choice", "p", o.p, { minLength: 0 });
      if (p.length !== n) {
        throw new RangeError(
          `choice(): p must have one probability per entry of a (received ${p.length}, expected ${n})`,
        );
      }
      for (let i = 0; i < p.length; i++) {
        if (p[i]! < 0) {
          throw new RangeError(
            `choice(): p must be non-negative (p[${i}]=${describe(p[i])})`,
          );
        }
      }
      const sum = n === 0 ? 0 : kahanSum(p);
      if (!(Math.abs(sum - 1) <= P_SUM_ATOL)) {
        throw new RangeError(
          `choice(): p must sum to 1 within ${P_SUM_ATOL} (received sum ${sum})`,
        );
      }
    }
    const idx = out ?? new Float64Array(1);
    if (replace) {
      if (p !== null) {
        const cdf = normalisedCdf(p);
        for (let i = 0; i < count; i++) {
          idx[i] = searchRight(cdf, this.#nextDouble());
        }
      } else {
        this.#fillBounded(idx, 0, n - 1);
      }
    } else {
      if (count > n) {
        throw new RangeError(
          `choice(): size must be at most the population size when replace is false (size=${count}, population=${n})`,
        );
      }
      if (p !== null) {
        this.#choiceWithoutReplacement(p, idx);
      } else {
        idx.set(this.permutation(n).subarray(0, count));
      }
    }
    if (population !== null) {
      for (let i = 0; i < count; i++) idx[i] = population[idx[i]!]!;
    }
    if (out === null) return idx[0] as Sample<S>;
    return shape(size, out) as Sample<S>;
  }

  /**
   * Binomial samples (successes in `n` trials of probability `p`), as numpy's legacy
   * `binomial`: inversion when `min(p, 1 - p) * n <= 30`, BTPE otherwise, drawing
   * for `min(p, 1 - p)` and returning `n - x` when `p > 0.5`.
   *
   * @param n Number of trials, a non-negative safe integer.
   * @param p Success probability in [0, 1].
   * @param size Omit for one number; a count or `[rows, cols]` for many.
   * @returns The counts, as numbers, shaped by `size`.
   * @throws {TypeError} If `n` or `p` is not a number.
   * @throws {RangeError} If `n` is negative or not an integer, `p` is outside
   *   [0, 1], or `size` is invalid.
   *
   * @example
   * ```ts
   * import { RandomState } from "./random.ts";
   * import assert from "node:assert/strict";
   *
   * const x = new RandomState(0).binomial(10, 0.3, 1000);
   * assert.ok(x.every((k) => Number.isInteger(k) && k >= 0 && k <= 10));
   * assert.throws(() => new RandomState(0).binomial(10, 1.5), /binomial\(\): p must be a probability in \[0, 1\] \(received 1.5\)/);
   * ```
   */
  binomial<S extends Size | undefined = undefined>(
    n: number,
    p: number,
    size?: S,
  ): Sample<S> {
    checkThis("RandomState.binomial", this, RandomState);
    checkInteger("binomial", "n", n, { min: 0, max: MAX_SAFE });
    checkProbability("binomial", "p", p);
    const out = this.#allocate("binomial", size);
    const target = out ?? new Float64Array(1);
    const flip = p > 0.5;
    const pp = flip ? 1 - p : p;
    const next = this.#next;
    if (pp * n <= 30) {
      const setup = inversionSetup(n, pp);
      for (let i = 0; i < target.length; i++) {
        const x = binomialInversion(next, n, pp, setup);
        target[i] = flip ? n - x : x;
      }
    } else {
      const setup = btpeSetup(n, pp);
      for (let i = 0; i < target.length; i++) {
        const x = binomialBtpe(next, n, setup);
        target[i] = flip ? n - x : x;
      }
    }
    if (out === null) return target[0] as Sample<S>;
    return shape(size, out) as Sample<S>;
  }

  // ---------------------------------------------------------------- internals

  #reseed(fn: string, seed: unknown): void {
    const key = this.#key;
    if (seed === undefined) {
      // numpy seeds from OS entropy here; the stream is not reproducible.
      crypto.getRandomValues(key);
      key[0] = 0x80000000;
    } else if (typeof seed === "number") {
      seedWord(key, checkInteger(fn, "seed", seed, { min: 0, max: SEED_MAX }));
    } else if (
      isArrayLike(seed)
    ) {
      const words = seed as ArrayLike<unknown>;
      if (words.length === 0) {
        throw new RangeError(
          `${fn}(): seed must be a non-empty array (received ${
            describe(seed)
          })`,
        );
      }
      const checked = new Float64Array(words.length);
      for (let i = 0; i < words.length; i++) {
        checked[i] = checkInteger(fn, `seed[${i}]`, words[i], {
          min: 0,
          max: SEED_MAX,
        });
      }
      seedWords(key, checked);
    } else {
      throw new TypeError(
        `${fn}(): seed must be an integer or an array of integers (received ${
          describe(seed)
        })`,
      );
    }
    this.#pos = N;
    this.#hasGauss = false;
    this.#gauss = 0;
  }

  /** Validates `size` and allocates the output; `null` means "one number". */
  #allocate(fn: string, size: Size | undefined): Float64Array | null {
    if (size === undefined) return null;
    let count: number;
    if (typeof size === "number") {
      count = checkInteger(fn, "size", size, { min: 0 });
    } else if (isArrayLike(size) && size.length === 2) {
      const rows = checkInteger(fn, "size[0]", size[0], { min: 0 });
      const cols = checkInteger(fn, "size[1]", size[1], { min: 0 });
      count = rows * cols;
    } else {
      throw new TypeError(
        `${fn}(): size must be a count or [rows, cols] (received ${
          describe(size)
        })`,
      );
    }
    if (count > MAX_ELEMENTS) {
      throw new RangeError(
        `${fn}(): size must be at most ${MAX_ELEMENTS} values (received ${count})`,
      );
    }
    return allocate(fn, "size", count);
  }

  /**
   * The next tempered 32-bit word, as a signed int32 (`>>> 0` gives numpy's
   * unsigned value); staying in int32 keeps V8 from boxing it.
   */
  #next32(): number {
    if (this.#pos === N) {
      twist(this.#key);
      this.#pos = 0;
    }
    let y = this.#key[this.#pos++]!;
    y ^= y >>> 11;
    y ^= (y << 7) & TEMPER_B;
    y ^= (y << 15) & TEMPER_C;
    return y ^ (y >>> 18);
  }

  /** numpy's `random_double`: 53 random bits from two words, scaled to [0, 1). */
  #nextDouble(): number {
    const a = this.#next32() >>> 5;
    const b = this.#next32() >>> 6;
    return (a * 67108864 + b) * TWO_POW_MINUS_53;
  }

  /**
   * Fills `out` with `low + range * random_double()`, the hot loop of `rand` and
   * `uniform`: state in locals, words tempered inline, `#nextDouble` only where a
   * pair of words straddles a 624-word block.
   */
  #fillDoubles(out: Float64Array, low: number, range: number): void {
    const key = this.#key;
    const len = out.length;
    let pos = this.#pos;
    for (let i = 0; i < len; i++) {
      if (pos > N - 2) {
        this.#pos = pos;
        out[i] = low + range * this.#nextDouble();
        pos = this.#pos;
        continue;
      }
      let y = key[pos]!;
      y ^= y >>> 11;
      y ^= (y << 7) & TEMPER_B;
      y ^= (y << 15) & TEMPER_C;
      y ^= y >>> 18;
      let z = key[pos + 1]!;
      z ^= z >>> 11;
      z ^= (z << 7) & TEMPER_B;
      z ^= (z << 15) & TEMPER_C;
      z ^= z >>> 18;
      pos += 2;
      out[i] = low +
        range * (((y >>> 5) * 67108864 + (z >>> 6)) * TWO_POW_MINUS_53);
    }
    this.#pos = pos;
  }

  /** numpy's `legacy_gauss`: one standard normal, using and refilling the cache. */
  #gaussOne(): number {
    if (this.#hasGauss) {
      this.#hasGauss = false;
      const g = this.#gauss;
      this.#gauss = 0;
      return g;
    }
    let x1: number;
    let x2: number;
    let r2: number;
    do {
      x1 = 2 * this.#nextDouble() - 1;
      x2 = 2 * this.#nextDouble() - 1;
      r2 = x1 * x1 + x2 * x2;
    } while (r2 >= 1 || r2 === 0);
    const f = Math.sqrt(-2 * glibcLog(r2) / r2);
    this.#gauss = f * x1;
    this.#hasGauss = true;
    return f * x2;
  }

  /**
   * Fills `out` with `loc + scale * legacy_gauss()`, the hot loop of `randn` and
   * `normal`: the twister state lives in locals and the words are tempered inline,
   * with a fall back to `#nextDouble` only near the end of a 624-word block.
   */
  #fillGauss(out: Float64Array, loc: number, scale: number): void {
    const len = out.length;
    let i = 0;
    if (len === 0) return;
    if (this.#hasGauss) {
      out[i++] = loc + scale * this.#gauss;
      this.#hasGauss = false;
      this.#gauss = 0;
    }
    const key = this.#key;
    let pos = this.#pos;
    while (i < len) {
      let x1: number;
      let x2: number;
      let r2: number;
      do {
        if (pos <= N - 4) {
          let y = key[pos]!;
          y ^= y >>> 11;
          y ^= (y << 7) & TEMPER_B;
          y ^= (y << 15) & TEMPER_C;
          y ^= y >>> 18;
          let z = key[pos + 1]!;
          z ^= z >>> 11;
          z ^= (z << 7) & TEMPER_B;
          z ^= (z << 15) & TEMPER_C;
          z ^= z >>> 18;
          x1 = ((y >>> 5) * 67108864 + (z >>> 6)) * TWO_POW_MINUS_52 - 1;
          y = key[pos + 2]!;
          y ^= y >>> 11;
          y ^= (y << 7) & TEMPER_B;
          y ^= (y << 15) & TEMPER_C;
          y ^= y >>> 18;
          z = key[pos + 3]!;
          z ^= z >>> 11;
          z ^= (z << 7) & TEMPER_B;
          z ^= (z << 15) & TEMPER_C;
          z ^= z >>> 18;
          x2 = ((y >>> 5) * 67108864 + (z >>> 6)) * TWO_POW_MINUS_52 - 1;
          pos += 4;
        } else {
          this.#pos = pos;
          x1 = 2 * this.#nextDouble() - 1;
          x2 = 2 * this.#nextDouble() - 1;
          pos = this.#pos;
        }
        r2 = x1 * x1 + x2 * x2;
      } while (r2 >= 1 || r2 === 0);
      // r2 >= 2^-104 is never subnormal; the unfused fast path inlines here.
      let lg = r2 < 0.9375 ? logMainUnfused(r2) : NaN;
      if (lg !== lg) lg = glibcLog(r2);
      const f = Math.sqrt(-2 * lg / r2);
      out[i++] = loc + scale * (f * x2);
      if (i < len) {
        out[i++] = loc + scale * (f * x1);
      } else {
        this.#gauss = f * x1;
        this.#hasGauss = true;
      }
    }
    this.#pos = pos;
  }

  /**
   * numpy's `random_bounded_uint64_fill` with masked rejection: `low + v` where `v`
   * is uniform on [0, rng], from 32-bit words when rng < 2^32 and from 64-bit words
   * (high word first) otherwise.
   */
  #fillBounded(out: Float64Array, low: number, rng: number): void {
    if (rng === 0) {
      out.fill(low);
    } else if (rng <= 0xffffffff) {
      const mask = mask32(rng);
      for (let i = 0; i < out.length; i++) {
        let v: number;
        do {
          v = (this.#next32() & mask) >>> 0;
        } while (v > rng);
        out[i] = low + v;
      }
    } else {
      // rng >= 2^32, so the mask's low word is all ones.
      const maskHi = mask32(Math.floor(rng / TWO_POW_32));
      for (let i = 0; i < out.length; i++) {
        let v: number;
        do {
          const hi = (this.#next32() & maskHi) >>> 0;
          v = hi * TWO_POW_32 + (this.#next32() >>> 0);
        } while (v > rng);
        out[i] = low + v;
      }
    }
  }

  /** numpy's legacy `shuffle` of a 1-d array: Fisher–Yates from the end. */
  #shuffle(x: Float64Array): void {
    for (let i = x.length - 1; i > 0; i--) {
      // random_interval(i): masked rejection on 32-bit words (i < 2^31 here).
      const mask = mask32(i);
      let j: number;
      do {
        j = (this.#next32() & mask) >>> 0;
      } while (j > i);
      const t = x[i]!;
      x[i] = x[j]!;
      x[j] = t;
    }
  }

  /** numpy's loop for `choice(replace=False, p=...)`, writing into `found`. */
  #choiceWithoutReplacement(pIn: Float64Array, found: Float64Array): void {
    const size = found.length;
    let nonZero = 0;
    for (let i = 0; i < pIn.length; i++) if (pIn[i]! > 0) nonZero++;
    if (nonZero < size) {
      throw new RangeError(
        `choice(): size must be at most the number of non-zero entries of p when replace is false (size=${size}, non-zero=${nonZero})`,
      );
    }
    const p = Float64Array.from(pIn);
    const seen = new Uint8Array(p.length);
    let nUniq = 0;
    while (nUniq < size) {
      const x = this.rand(size - nUniq);
      for (let i = 0; i < nUniq; i++) p[found[i]!] = 0;
      const cdf = normalisedCdf(p);
      // Distinct values of searchsorted(cdf, x), in order of first appearance.
      const fresh: number[] = [];
      for (let i = 0; i < x.length; i++) {
        const k = searchRight(cdf, x[i]!);
        if (seen[k] === 0) {
          seen[k] = 1;
          fresh.push(k);
        }
      }
      for (const k of fresh) seen[k] = 0;
      for (const k of fresh) found[nUniq++] = k;
    }
  }
}

/** Wraps filled values in the shape `size` asked for. */
function shape(
  size: Size | undefined,
  data: Float64Array,
): Float64Array | Matrix {
  return typeof size === "object" ? new Matrix(size[0], size[1], data) : data;
}
