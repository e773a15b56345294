/**
 * Argument checks of the notebook helpers (format.ts, checks.ts, charts.ts): strict
 * options (an unknown key is refused, so a typo such as `{ digit: 4 }` never falls
 * back silently to the default), and values that cannot be inspected (a revoked
 * `Proxy`) refused with a message naming the function, not an engine error.
 *
 * The only import of the library's validation module is here; its `describe` and
 * `toFloat64Array` are wrapped so that a revoked Proxy never reaches them.
 *
 * @module
 */

import {
  describe as describeValue,
  toFloat64Array as toFloat64ArrayUnsafe,
} from "./validate.ts";

/**
 * Whether `value` is a revoked `Proxy`: every operation on it throws an engine
 * `TypeError` that names no function.
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

/** A short description of a received value for a message; never throws. */
export function describe(value: unknown): string {
  if (isRevokedProxy(value)) return "revoked Proxy";
  try {
    return describeValue(value);
  } catch {
    return "object";
  }
}

/** An array or a typed array (not a DataView, not a revoked Proxy). */
export function isArrayLike(value: unknown): value is ArrayLike<unknown> {
  if (isRevokedProxy(value)) return false;
  return Array.isArray(value) ||
    (ArrayBuffer.isView(value) && !(value instanceof DataView));
}

/** A plain object (`{...}` or `Object.create(null)`), never a revoked Proxy. */
export function isPlainObject(
  value: unknown,
): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null || isRevokedProxy(value)) {
    return false;
  }
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * Checks an options object: a plain object whose own keys are all in `keys`.
 *
 * @param fn The public function's name.
 * @param value The options received.
 * @param keys The valid option names.
 * @param name The argument's name. Defaults to `"options"`.
 * @param example An example for the message, e.g. `{ digits: 4 }`.
 * @returns `value`, typed.
 * @throws {TypeError} If `value` is not a plain object or has a key not in `keys`.
 */
export function checkOptions<T>(
  fn: string,
  value: T,
  keys: readonly string[],
  name = "options",
  example?: string,
): T {
  if (!isPlainObject(value)) {
    throw new TypeError(
      `${fn}(): ${name} must be an object${
        example === undefined ? "" : ` like ${example}`
      } (received ${describe(value)})`,
    );
  }
  for (const key of Object.keys(value)) {
    if (!keys.includes(key)) {
      throw new TypeError(
        `${fn}(): unknown option ${
          JSON.stringify(key)
        } in ${name}; valid options: ${keys.join(", ")}`,
      );
    }
  }
  return value;
}

/**
 * The numbers of `value` as a `Float64Array` (see validate.ts's `toFloat64Array`),
 * with a revoked Proxy refused first.
 *
 * @throws {TypeError} If `value` is not an array of numbers.
 * @throws {RangeError} If it is empty or holds a non-finite value (unless allowed).
 */
export function toFloat64Array(
  fn: string,
  name: string,
  value: unknown,
  options: { allowNonFinite?: boolean } = {},
): Float64Array {
  if (isRevokedProxy(value)) {
    throw new TypeError(
      `${fn}(): ${name} must be an array of numbers (received revoked Proxy)`,
    );
  }
  return toFloat64ArrayUnsafe(fn, name, value, options);
}
