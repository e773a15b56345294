/**
 * Argument checks of the notebook helpers (format.ts, checks.ts, charts.ts): strict
 * options (an unknown key is refused, so a typo such as `{ digit: 4 }` never falls
 * back silently to the default), and values that cannot be inspected (a revoked
 * `Proxy`) refused with a message naming the function, not an engine error.
 *
 * A thin layer over the library's one validation module, `_validate.ts`: the array
 * test, `describe`, `toFloat64Array` and the strict options reader are its own; this
 * file adds the plain-object requirement and the example in the message.
 *
 * @module
 */

import {
  checkOptions as checkOwnOptions,
  describe,
  isArrayLike,
  isRevokedProxy,
  toFloat64Array,
} from "./_validate.ts";

export { describe, isArrayLike, isRevokedProxy, toFloat64Array };

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
 * Checks an options object: a plain object whose own keys are all in `keys`, and
 * returns a copy of its own properties (`_validate.ts`'s `checkOptions`).
 *
 * @param fn The public function's name.
 * @param value The options received.
 * @param keys The valid option names.
 * @param name The argument's name. Defaults to `"options"`.
 * @param example An example for the message, e.g. `{ digits: 4 }`.
 * @returns A copy of `value`'s own properties, typed.
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
  // Unknown keys refused by name; own properties only (a copy), so that a key on
  // Object.prototype changes nothing.
  return checkOwnOptions(
    fn,
    value as Record<string, unknown>,
    keys,
    name,
  ) as T;
}
