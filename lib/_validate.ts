/**
 * The library's one validation layer (private: not re-exported by `mod.ts`). Every
 * public function checks its arguments with these helpers at its boundary, then
 * computes on trusted values.
 *
 * The pattern every public function follows, options included:
 *
 * ```ts ignore
 * export function f(x: NumericArray, options: FOptions = {}): number {
 *   const fn = "f";
 *   const o = checkOptions(fn, options, ["ddof", "axis"]); // own keys only, unknown refused
 *   const v = toFloat64Array(fn, "x", x);
 *   const ddof = checkInteger(fn, "ddof", o.ddof ?? 0, { min: 0 });
 *   ...
 * }
 * ```
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
 * import { describe } from "./_validate.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(describe(NaN), "NaN");
 * assert.equal(describe([1, 2]), "array of length 2");
 * assert.equal(describe("x"), 'string "x"');
 * ```
 */
export function describe(value: unknown): string {
  if (isRevokedProxy(value)) return "revoked Proxy";
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
  try {
    if (Array.isArray(value)) return `array of length ${value.length}`;
    if (ArrayBuffer.isView(value)) {
      const name = Object.getPrototypeOf(value)?.constructor?.name ?? "view";
      const len = (value as unknown as { length?: number }).length;
      return typeof len === "number"
        ? `${name} of length ${len}`
        : String(name);
    }
  } catch {
    // A Proxy whose traps throw: describe it without touching it again.
    return "Proxy";
  }
  return typeof value === "object" ? "object" : typeof value;
}

/**
 * Whether `value` is a revoked `Proxy`: every operation on it throws an engine
 * `TypeError` that names no function, so the checks below test for it first.
 *
 * @param value Any value.
 * @returns Whether it is a revoked Proxy.
 *
 * @example
 * ```ts
 * import { isRevokedProxy } from "./_validate.ts";
 * import assert from "node:assert/strict";
 *
 * const { proxy, revoke } = Proxy.revocable({}, {});
 * assert.equal(isRevokedProxy(proxy), false);
 * revoke();
 * assert.equal(isRevokedProxy(proxy), true);
 * ```
 */
export function isRevokedProxy(value: unknown): boolean {
  if (typeof value !== "object" && typeof value !== "function") return false;
  if (value === null) return false;
  try {
    Array.isArray(value);
    return false;
  } catch {
    return true;
  }
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
 * import { checkFinite } from "./_validate.ts";
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
 * import { checkPositive } from "./_validate.ts";
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
 * import { checkNonNegative } from "./_validate.ts";
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
 * import { checkProbability } from "./_validate.ts";
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
 * import { checkInteger } from "./_validate.ts";
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
  const min = own<number>(bounds, "min"), max = own<number>(bounds, "max");
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
 * import { toFloat64Array } from "./_validate.ts";
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
  const minLength = own<number>(options, "minLength") ?? 1;
  const allowNonFinite = own<boolean>(options, "allowNonFinite") === true;
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
    if (!allowNonFinite && !Number.isFinite(v)) {
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
 * import { checkSameLength } from "./_validate.ts";
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
 * Checks an options argument strictly, as scikit-learn and PyTorch check keyword
 * arguments, and returns a copy holding only its own properties.
 *
 * - The value must be an object (not `undefined`, `null`, an array or a function):
 *   a public function whose options are optional gives its parameter the default
 *   `{}`, which JavaScript also applies to an explicit `undefined`.
 * - Only **own** enumerable properties are read, so a property added to
 *   `Object.prototype` (say `Object.prototype.ddof = 1`) changes nothing.
 * - A key that is not in `keys` is refused with a `TypeError` naming the key and
 *   the valid ones: a typo such as `{ ddoff: 1 }` never silently falls back to the
 *   default.
 * - A key whose value is `undefined` counts as absent (the default applies).
 *
 * @param fn The public function's name.
 * @param value The options received.
 * @param keys The valid option names.
 * @param name The argument's name. Defaults to `"options"`.
 * @returns A new object with the given own properties (and no prototype).
 * @throws {TypeError} If `value` is not an object, is a revoked Proxy, or has a key
 *   not in `keys`.
 *
 * @example
 * ```ts
 * import { checkOptions } from "./_validate.ts";
 * import assert from "node:assert/strict";
 *
 * type RidgeOptions = { alpha?: number; fitIntercept?: boolean };
 * const keys = ["alpha", "fitIntercept"] as const;
 * const ok: RidgeOptions = { alpha: 1 };
 * assert.equal(checkOptions("ridge", ok, keys).alpha, 1);
 * assert.throws(() => checkOptions("ridge", null as never, keys), /ridge\(\): options must be an object \(received null\)/);
 * const typo = { alpah: 5 } as RidgeOptions;
 * assert.throws(
 *   () => checkOptions("ridge", typo, keys),
 *   /ridge\(\): unknown option "alpah" in options; valid options: alpha, fitIntercept/,
 * );
 * ```
 */
export function checkOptions<T extends object, K extends keyof T & string>(
  fn: string,
  value: T,
  keys: readonly K[],
  name = "options",
): Pick<T, K> {
  const out = Object.create(null) as Pick<T, K>;
  if (
    typeof value !== "object" || value === null || isRevokedProxy(value) ||
    Array.isArray(value)
  ) {
    throw new TypeError(
      `${fn}(): ${name} must be an object (received ${describe(value)})`,
    );
  }
  let own: string[];
  try {
    own = Object.keys(value);
  } catch (e) {
    throw new TypeError(
      `${fn}(): ${name} could not be read (${
        e instanceof Error ? e.message : String(e)
      })`,
    );
  }
  for (const key of own) {
    if (!(keys as readonly string[]).includes(key)) {
      throw new TypeError(
        `${fn}(): unknown option ${
          JSON.stringify(key)
        } in ${name}; valid options: ${
          keys.length === 0 ? "none" : keys.join(", ")
        }`,
      );
    }
    const v = (value as Record<string, unknown>)[key];
    if (v !== undefined) (out as Record<string, unknown>)[key] = v;
  }
  return out;
}

/**
 * Checks that `value` is a boolean.
 *
 * @param fn The public function's name.
 * @param name The argument's name.
 * @param value The value received.
 * @returns `value`.
 * @throws {TypeError} If `value` is not a boolean.
 *
 * @example
 * ```ts
 * import { checkBoolean } from "./_validate.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(checkBoolean("ols", "fitIntercept", false), false);
 * assert.throws(() => checkBoolean("ols", "fitIntercept", 1), /ols\(\): fitIntercept must be a boolean \(received 1\)/);
 * ```
 */
export function checkBoolean(
  fn: string,
  name: string,
  value: unknown,
): boolean {
  if (typeof value !== "boolean") {
    throw new TypeError(
      `${fn}(): ${name} must be a boolean (received ${describe(value)})`,
    );
  }
  return value;
}

/**
 * The most iterations (passes, epochs) an iterative fit may be asked for: 10^6.
 * With `tol: 0` a fit runs every one of them, so this bound is what keeps every
 * public call finite.
 */
export const MAX_ITER = 1_000_000;

/**
 * Checks an iteration count: an integer in `[1, MAX_ITER]` (10^6).
 *
 * @param fn The public function's name.
 * @param name The argument's name (e.g. `"maxIter"`).
 * @param value The value received.
 * @returns `value`.
 * @throws {TypeError} If `value` is not a number.
 * @throws {RangeError} If it is not an integer in `[1, 1000000]`.
 *
 * @example
 * ```ts
 * import { checkIterations } from "./_validate.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(checkIterations("lasso", "maxIter", 1000), 1000);
 * assert.throws(() => checkIterations("lasso", "maxIter", 1e12), /lasso\(\): maxIter must be in \[1, 1000000\]/);
 * ```
 */
export function checkIterations(
  fn: string,
  name: string,
  value: unknown,
): number {
  return checkInteger(fn, name, value, { min: 1, max: MAX_ITER });
}

/**
 * Checks that a method was called on an instance of its class: a method taken off
 * its object (`const { rand } = rs; rand(3)`) runs with `this` undefined, and the
 * engine's own error would name no function.
 *
 * @param fn The method's name as messages show it (e.g. `"RandomState.rand"`).
 * @param self The method's `this`.
 * @param cls The class.
 * @throws {TypeError} If `self` is not an instance of `cls`.
 *
 * @example
 * ```ts
 * import { checkThis } from "./_validate.ts";
 * import assert from "node:assert/strict";
 *
 * class A {}
 * checkThis("A.f", new A(), A);
 * assert.throws(() => checkThis("A.f", undefined, A), /A\.f\(\): must be called on an A/);
 * ```
 */
export function checkThis(
  fn: string,
  self: unknown,
  // deno-lint-ignore no-explicit-any
  cls: abstract new (...args: any[]) => unknown,
): void {
  if (!isInstance(self, cls)) {
    throw new TypeError(
      `${fn}(): must be called on a${
        /^[AEIOU]/.test(cls.name) ? "n" : ""
      } ${cls.name} (received this = ${
        describe(self)
      }); call it as obj.method(...), or bind it first`,
    );
  }
}

/**
 * `value instanceof cls`, false instead of an engine error for a revoked Proxy.
 *
 * @param value Any value.
 * @param cls A class.
 * @returns Whether `value` is an instance of `cls`.
 *
 * @example
 * ```ts
 * import { isInstance } from "./_validate.ts";
 * import assert from "node:assert/strict";
 *
 * const { proxy, revoke } = Proxy.revocable({}, {});
 * revoke();
 * assert.equal(isInstance(proxy, Object), false);
 * assert.equal(isInstance(new Date(0), Date), true);
 * ```
 */
export function isInstance<T>(
  value: unknown,
  // deno-lint-ignore no-explicit-any
  cls: abstract new (...args: any[]) => T,
): value is T {
  if (isRevokedProxy(value)) return false;
  try {
    return value instanceof cls;
  } catch {
    return false;
  }
}

/**
 * Whether `value` is an array or a typed array (not a `DataView`, not a revoked
 * Proxy): the one "is it an array" test of the library.
 *
 * @param value Any value.
 * @returns Whether it can be read as `ArrayLike`.
 *
 * @example
 * ```ts
 * import { isArrayLike } from "./_validate.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(isArrayLike([1]), true);
 * assert.equal(isArrayLike(new Float64Array(2)), true);
 * assert.equal(isArrayLike(new DataView(new ArrayBuffer(8))), false);
 * assert.equal(isArrayLike({ length: 1 }), false);
 * ```
 */
export function isArrayLike(value: unknown): value is ArrayLike<unknown> {
  if (isRevokedProxy(value)) return false;
  if (Array.isArray(value)) return true;
  return ArrayBuffer.isView(value) && !(value instanceof DataView);
}

/**
 * Parses an array of rows into row-major data: the one row parser behind
 * `Matrix.from` and the regression designs. Every row must be an array (or typed
 * array) of numbers, all of the first row's length; every entry finite and at most
 * `maxAbs` in magnitude.
 *
 * @param fn The public function's name.
 * @param name The argument's name (e.g. `"rows"`, `"X"`).
 * @param value The rows.
 * @param maxAbs The largest magnitude accepted, with `tooLarge` building the error.
 * @returns `{ rows, cols, data }` (`0 x 0` for no rows).
 * @throws {TypeError} If `value` or a row is not an array, or an entry not a number.
 * @throws {RangeError} If rows are ragged, an entry is not finite or too large, or
 *   the data would exceed `MAX_LENGTH` values.
 *
 * @example
 * ```ts
 * import { parseRows } from "./_validate.ts";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual(parseRows("f", "X", [[1, 2], [3, 4]]).data, new Float64Array([1, 2, 3, 4]));
 * assert.throws(() => parseRows("f", "X", [[1, 2], [3]]), /f\(\): X\[1\] must have length 2 like X\[0\] \(received length 1\)/);
 * ```
 */
export function parseRows(
  fn: string,
  name: string,
  value: unknown,
  maxAbs = Number.MAX_VALUE,
  tooLarge?: (where: string, v: number) => Error,
): { rows: number; cols: number; data: Float64Array } {
  if (!isArrayLike(value)) {
    throw new TypeError(
      `${fn}(): ${name} must be an array of rows${
        name === "X" ? " or a Matrix" : ""
      } (received ${describe(value)})`,
    );
  }
  const rows = value.length;
  if (rows === 0) return { rows: 0, cols: 0, data: new Float64Array(0) };
  let cols = 0;
  let data: Float64Array = new Float64Array(0);
  for (let i = 0; i < rows; i++) {
    const row: unknown = value[i];
    if (!isArrayLike(row)) {
      throw new TypeError(
        `${fn}(): ${name}[${i}] must be an array of numbers (received ${
          describe(row)
        })`,
      );
    }
    if (i === 0) {
      cols = row.length;
      data = allocate(fn, `${name}.length * ${name}[0].length`, rows * cols);
    } else if (row.length !== cols) {
      throw new RangeError(
        `${fn}(): ${name}[${i}] must have length ${cols} like ${name}[0] (received length ${row.length})`,
      );
    }
    for (let j = 0; j < cols; j++) {
      const v = row[j];
      if (typeof v !== "number") {
        throw new TypeError(
          `${fn}(): ${name}[${i}][${j}] must be a number (received ${
            describe(v)
          })`,
        );
      }
      if (!(Math.abs(v) <= maxAbs)) {
        if (Number.isFinite(v) && tooLarge) {
          throw tooLarge(`${name}[${i}][${j}]`, v);
        }
        throw new RangeError(
          `${fn}(): ${name}[${i}][${j}] must be a finite number (received ${
            describe(v)
          })`,
        );
      }
      data[i * cols + j] = v;
    }
  }
  return { rows, cols, data };
}

/** An own property of `obj`, or `undefined` (never one inherited from a prototype). */
function own<T>(obj: object, key: string): T | undefined {
  return Object.hasOwn(obj, key)
    ? (obj as Record<string, unknown>)[key] as T
    : undefined;
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
 * import { allocate } from "./_validate.ts";
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
