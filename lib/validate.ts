/**
 * Argument checks shared by every public function of the library.
 *
 * Each check throws a `TypeError` (wrong kind of value) or `RangeError` (right kind,
 * value out of range) whose message names the function, the argument, what was
 * expected and what was received, e.g.
 * `RangeError: variance(): ddof must be less than the sample size (ddof=2, n=2)`.
 *
 * @module
 */

/** A one-dimensional numeric input: a plain array or any typed array. */
export type NumericArray = ArrayLike<number>;

/**
 * Formats a received value for an error message: short, and never throws.
 *
 * @param value Any value.
 * @returns A short human-readable description, e.g. `NaN`, `-1`, `array of length 3`.
 *
 * @example
 * ```ts
 * import { describe } from "./validate.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(describe(NaN), "NaN");
 * assert.equal(describe([1, 2]), "array of length 2");
 * assert.equal(describe("x"), 'string "x"');
 * ```
 */
export function describe(value: unknown): string {
  if (value === null) return "null";
  if (value === undefined) return "undefined";
  if (typeof value === "number") {
    return Object.is(value, -0) ? "-0" : String(value);
  }
  if (typeof value === "bigint") return `${value}n`;
  if (typeof value === "string") {
    const s = value.length > 40 ? value.slice(0, 37) + "..." : value;
    return `string ${JSON.stringify(s)}`;
  }
  if (typeof value === "boolean") return `boolean ${value}`;
  if (typeof value === "function") return "function";
  if (Array.isArray(value)) return `array of length ${value.length}`;
  if (ArrayBuffer.isView(value)) {
    const name = value.constructor.name;
    const len = (value as unknown as { length?: number }).length;
    return len === undefined ? name : `${name} of length ${len}`;
  }
  return typeof value === "object" ? "object" : typeof value;
}

/**
 * Checks that `value` is a finite number.
 *
 * @param fn The public function's name, for the message (e.g. `"normal"`).
 * @param name The argument's name (e.g. `"scale"`).
 * @param value The value received.
 * @returns `value`, typed as a number.
 * @throws {TypeError} If `value` is not a number.
 * @throws {RangeError} If `value` is NaN or infinite.
 *
 * @example
 * ```ts
 * import { checkFinite } from "./validate.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(checkFinite("f", "x", 2.5), 2.5);
 * assert.throws(() => checkFinite("f", "x", NaN), /f\(\): x must be a finite number \(received NaN\)/);
 * ```
 */
export function checkFinite(fn: string, name: string, value: unknown): number {
  if (typeof value !== "number") {
    throw new TypeError(
      `${fn}(): ${name} must be a number (received ${describe(value)})`,
    );
  }
  if (!Number.isFinite(value)) {
    throw new RangeError(
      `${fn}(): ${name} must be a finite number (received ${describe(value)})`,
    );
  }
  return value;
}

/**
 * Checks that `value` is a finite number strictly greater than zero.
 *
 * @param fn The public function's name.
 * @param name The argument's name.
 * @param value The value received.
 * @returns `value`.
 * @throws {TypeError} If `value` is not a number.
 * @throws {RangeError} If `value` is not finite or not positive.
 *
 * @example
 * ```ts
 * import { checkPositive } from "./validate.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(checkPositive("normal", "scale", 1), 1);
 * assert.throws(() => checkPositive("normal", "scale", -1), RangeError);
 * ```
 */
export function checkPositive(
  fn: string,
  name: string,
  value: unknown,
): number {
  const v = checkFinite(fn, name, value);
  if (!(v > 0)) {
    throw new RangeError(
      `${fn}(): ${name} must be greater than 0 (received ${describe(v)})`,
    );
  }
  return v;
}

/**
 * Checks that `value` is a finite number that is at least zero.
 *
 * @param fn The public function's name.
 * @param name The argument's name.
 * @param value The value received.
 * @returns `value`.
 * @throws {TypeError} If `value` is not a number.
 * @throws {RangeError} If `value` is not finite or is negative.
 *
 * @example
 * ```ts
 * import { checkNonNegative } from "./validate.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(checkNonNegative("ridge", "alpha", 0), 0);
 * assert.throws(() => checkNonNegative("ridge", "alpha", -1), /ridge\(\): alpha must be at least 0 \(received -1\)/);
 * ```
 */
export function checkNonNegative(
  fn: string,
  name: string,
  value: unknown,
): number {
  const v = checkFinite(fn, name, value);
  if (!(v >= 0)) {
    throw new RangeError(
      `${fn}(): ${name} must be at least 0 (received ${describe(v)})`,
    );
  }
  return v;
}

/**
 * Checks that `value` is a probability: a number in [0, 1].
 *
 * @param fn The public function's name.
 * @param name The argument's name.
 * @param value The value received.
 * @returns `value`.
 * @throws {TypeError} If `value` is not a number.
 * @throws {RangeError} If `value` is NaN or outside [0, 1].
 *
 * @example
 * ```ts
 * import { checkProbability } from "./validate.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(checkProbability("binomial", "p", 0.3), 0.3);
 * assert.throws(() => checkProbability("binomial", "p", 1.5), RangeError);
 * ```
 */
export function checkProbability(
  fn: string,
  name: string,
  value: unknown,
): number {
  if (typeof value !== "number") {
    throw new TypeError(
      `${fn}(): ${name} must be a number (received ${describe(value)})`,
    );
  }
  if (!(value >= 0 && value <= 1)) {
    throw new RangeError(
      `${fn}(): ${name} must be a probability in [0, 1] (received ${
        describe(value)
      })`,
    );
  }
  return value;
}

/**
 * Checks that `value` is an integer within optional bounds (inclusive).
 *
 * @param fn The public function's name.
 * @param name The argument's name.
 * @param value The value received.
 * @param bounds Optional inclusive `min` and `max`.
 * @returns `value`.
 * @throws {TypeError} If `value` is not a number, or `bounds` not an object.
 * @throws {RangeError} If `value` is not an integer or lies outside the bounds.
 *
 * @example
 * ```ts
 * import { checkInteger } from "./validate.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(checkInteger("RandomState", "seed", 42, { min: 0, max: 2 ** 32 - 1 }), 42);
 * assert.throws(() => checkInteger("RandomState", "seed", 1.5), /seed must be an integer \(received 1.5\)/);
 * assert.throws(() => checkInteger("RandomState", "seed", -1, { min: 0 }), RangeError);
 * ```
 */
export function checkInteger(
  fn: string,
  name: string,
  value: unknown,
  bounds: { min?: number; max?: number } = {},
): number {
  if (typeof value !== "number") {
    throw new TypeError(
      `${fn}(): ${name} must be an integer (received ${describe(value)})`,
    );
  }
  if (!Number.isInteger(value)) {
    throw new RangeError(
      `${fn}(): ${name} must be an integer (received ${describe(value)})`,
    );
  }
  const { min, max } = checkOptions(fn, bounds, "bounds");
  if (min !== undefined && max !== undefined && (value < min || value > max)) {
    throw new RangeError(
      `${fn}(): ${name} must be in [${min}, ${max}] (received ${
        describe(value)
      })`,
    );
  }
  if (min !== undefined && value < min) {
    throw new RangeError(
      `${fn}(): ${name} must be at least ${min} (received ${describe(value)})`,
    );
  }
  if (max !== undefined && value > max) {
    throw new RangeError(
      `${fn}(): ${name} must be at most ${max} (received ${describe(value)})`,
    );
  }
  return value;
}

/**
 * Converts a numeric array to a `Float64Array`, checking every element is a finite
 * number. Returns the input itself when it is already a `Float64Array` (no copy).
 *
 * @param fn The public function's name.
 * @param name The argument's name.
 * @param value The value received.
 * @param options.minLength The fewest elements accepted. Defaults to 1 (no empty input).
 * @param options.allowNonFinite Accept NaN and infinities. Defaults to false.
 * @returns The values as a `Float64Array`.
 * @throws {TypeError} If `value` is not an array of numbers, or `options` not an
 *   object.
 * @throws {RangeError} If it is too short, holds a non-finite value, or (when a copy
 *   is needed) is longer than {@link MAX_LENGTH}.
 *
 * @example
 * ```ts
 * import { toFloat64Array } from "./validate.ts";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual(toFloat64Array("mean", "x", [1, 2]), new Float64Array([1, 2]));
 * assert.throws(() => toFloat64Array("mean", "x", []), /mean\(\): x must have at least 1 value \(received array of length 0\)/);
 * assert.throws(() => toFloat64Array("mean", "x", [1, NaN]), /x\[1\] must be a finite number \(received NaN\)/);
 * ```
 */
export function toFloat64Array(
  fn: string,
  name: string,
  value: unknown,
  options: { minLength?: number; allowNonFinite?: boolean } = {},
): Float64Array {
  const minLength = checkOptions(fn, options).minLength ?? 1;
  if (!isArrayLike(value)) {
    throw new TypeError(
      `${fn}(): ${name} must be an array of numbers (received ${
        describe(value)
      })`,
    );
  }
  if (value.length < minLength) {
    throw new RangeError(
      `${fn}(): ${name} must have at least ${minLength} value${
        minLength === 1 ? "" : "s"
      } (received ${describe(value)})`,
    );
  }
  const out = value instanceof Float64Array
    ? value
    : allocate(fn, `${name}.length`, value.length);
  for (let i = 0; i < value.length; i++) {
    const v = value[i];
    if (typeof v !== "number") {
      throw new TypeError(
        `${fn}(): ${name}[${i}] must be a number (received ${describe(v)})`,
      );
    }
    if (!options.allowNonFinite && !Number.isFinite(v)) {
      throw new RangeError(
        `${fn}(): ${name}[${i}] must be a finite number (received ${
          describe(v)
        })`,
      );
    }
    out[i] = v;
  }
  return out;
}

/**
 * Checks that two arrays have the same length.
 *
 * @param fn The public function's name.
 * @param nameA The first argument's name.
 * @param a The first array.
 * @param nameB The second argument's name.
 * @param b The second array.
 * @throws {TypeError} If `a` or `b` is not an array.
 * @throws {RangeError} If the lengths differ.
 *
 * @example
 * ```ts
 * import { checkSameLength } from "./validate.ts";
 * import assert from "node:assert/strict";
 *
 * checkSameLength("mse", "yTrue", [1, 2], "yPred", [1, 2]);
 * assert.throws(
 *   () => checkSameLength("mse", "yTrue", [1, 2], "yPred", [1]),
 *   /mse\(\): yTrue and yPred must have the same length \(received 2 and 1\)/,
 * );
 * ```
 */
export function checkSameLength(
  fn: string,
  nameA: string,
  a: ArrayLike<unknown>,
  nameB: string,
  b: ArrayLike<unknown>,
): void {
  if (!isArrayLike(a) || !isArrayLike(b)) {
    const [name, v] = isArrayLike(a) ? [nameB, b] : [nameA, a];
    throw new TypeError(
      `${fn}(): ${name} must be an array (received ${describe(v)})`,
    );
  }
  if (a.length !== b.length) {
    throw new RangeError(
      `${fn}(): ${nameA} and ${nameB} must have the same length (received ${a.length} and ${b.length})`,
    );
  }
}

/**
 * The most values one array built by the library may hold: 2^28 (2 GiB of Float64).
 * Larger requests are refused with a `RangeError` naming the function and the
 * argument, before any memory is touched: the engine would otherwise either fail
 * with an anonymous "Array buffer allocation failed" or, worse, hand out lazily
 * committed memory that runs the process out of memory while it is being filled.
 */
export const MAX_LENGTH = 2 ** 28;

/**
 * Checks that an options argument is an object (or omitted, in which case the
 * caller's default `{}` applies), so that reading a field never fails with
 * "Cannot read properties of null".
 *
 * @param fn The public function's name.
 * @param value The value received.
 * @param name The argument's name. Defaults to `"options"`.
 * @returns `value`, typed as the options object.
 * @throws {TypeError} If `value` is `null`, an array or not an object.
 *
 * @example
 * ```ts
 * import { checkOptions } from "./validate.ts";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual(checkOptions("ridge", { alpha: 1 }), { alpha: 1 });
 * assert.throws(() => checkOptions("ridge", null), /ridge\(\): options must be an object \(received null\)/);
 * ```
 */
export function checkOptions<T>(fn: string, value: T, name = "options"): T {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new TypeError(
      `${fn}(): ${name} must be an object (received ${describe(value)})`,
    );
  }
  return value;
}

/**
 * Allocates a zero-filled `Float64Array` of `length` values, refusing lengths that
 * are not integers, exceed {@link MAX_LENGTH}, or that the engine cannot allocate,
 * with a message naming the function and what the length was computed from.
 *
 * @param fn The public function's name.
 * @param name What determines the length, for the message (e.g. `"rows * cols"`).
 * @param length The number of values requested.
 * @returns A new zero-filled `Float64Array`.
 * @throws {RangeError} If `length` is not an integer in `[0, MAX_LENGTH]`, or the
 *   allocation fails.
 *
 * @example
 * ```ts
 * import { allocate } from "./validate.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(allocate("Matrix", "rows * cols", 6).length, 6);
 * assert.throws(
 *   () => allocate("Matrix", "rows * cols", 1e12),
 *   /Matrix\(\): rows \* cols must be at most 268435456 values \(received 1000000000000\)/,
 * );
 * ```
 */
export function allocate(
  fn: string,
  name: string,
  length: number,
): Float64Array {
  if (!(Number.isInteger(length) && length >= 0)) {
    throw new RangeError(
      `${fn}(): ${name} must be a non-negative integer number of values (received ${
        describe(length)
      })`,
    );
  }
  if (length > MAX_LENGTH) {
    throw new RangeError(
      `${fn}(): ${name} must be at most ${MAX_LENGTH} values (received ${length})`,
    );
  }
  try {
    return new Float64Array(length);
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    throw new RangeError(
      `${fn}(): ${name} = ${length} values cannot be allocated (${e.message})`,
    );
  }
}

function isArrayLike(value: unknown): value is ArrayLike<unknown> {
  if (Array.isArray(value)) return true;
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) return true;
  return false;
}
