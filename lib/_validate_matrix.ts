/**
 * The checks of {@link Matrix} arguments and regression designs (private: not
 * re-exported by `mod.ts`), shared by the products, the solvers, the regressions,
 * the logistic regression and the Fisher information.
 *
 * @module
 */

import {
  describe,
  isInstance,
  parseRows,
  toFloat64Array,
} from "./_validate.ts";
import { Matrix } from "./matrix.ts";

/**
 * Throws if a computed product (row-major, `cols` wide) holds an entry that
 * overflowed to ±Infinity or became NaN (∞ − ∞): one pass over the output.
 */
export function checkProduct(
  fn: string,
  what: string,
  culprits: string,
  out: Float64Array,
  cols: number,
): void {
  for (let k = 0; k < out.length; k++) {
    if (!(Math.abs(out[k]!) < Infinity)) {
      throw new RangeError(
        `${fn}(): ${what} overflows the float64 range at entry [${
          Math.floor(k / cols)
        }][${k % cols}] (received ${describe(out[k])}); rescale ${culprits}`,
      );
    }
  }
}

export function checkMatrix(fn: string, name: string, a: unknown): void {
  if (!isInstance(a, Matrix)) {
    throw new TypeError(
      `${fn}(): ${name} must be a Matrix (received ${describe(a)})`,
    );
  }
  const d = (a as Matrix).data, c = (a as Matrix).cols;
  for (let k = 0; k < d.length; k++) {
    if (!(Math.abs(d[k]!) < Infinity)) {
      throw new RangeError(
        `${fn}(): ${name}[${Math.floor(k / c)}][${
          k % c
        }] must be a finite number (received ${describe(d[k])})`,
      );
    }
  }
}

export function checkSquare(fn: string, A: unknown): void {
  checkMatrix(fn, "A", A);
  const { rows, cols } = A as Matrix;
  if (rows !== cols || rows === 0) {
    throw new RangeError(
      `${fn}(): A must be a non-empty square matrix (received ${rows}x${cols} matrix)`,
    );
  }
}

/**
 * Largest magnitude accepted in a design or target: squares (1e200) summed over any
 * allocatable number of rows stay far below the largest double (1.8e308).
 */
export const MAX_ABS = 1e100;

function tooLarge(fn: string, where: string, v: number): RangeError {
  return new RangeError(
    `${fn}(): ${where} must be at most ${MAX_ABS} in magnitude, so that sums of squares cannot overflow; rescale the data (received ${
      describe(v)
    })`,
  );
}

/**
 * Validates a design matrix and returns it as a {@link Matrix}: at least one row and
 * one column, rows of equal length, every entry a finite number of magnitude at most
 * 1e100 (so that `XᵀX` cannot overflow). A `Matrix` input is returned as it is (after
 * checking its entries); `number[][]` is copied.
 *
 * @param fn The public function's name, for messages (e.g. `"ols"`).
 * @param name The argument's name (e.g. `"X"`).
 * @param X The design: `number[][]` or a `Matrix`.
 * @returns The design as a `Matrix`.
 * @throws {TypeError} If `X` is not an array of arrays of numbers or a `Matrix`.
 * @throws {RangeError} If `X` is empty, has no columns, is ragged, or holds a
 *   non-finite value or one beyond 1e100 in magnitude; the message names the
 *   offending row and column.
 *
 * @example
 * ```ts
 * import { toDesignMatrix } from "./_validate_matrix.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(toDesignMatrix("ols", "X", [[1, 2], [3, 4]]).get(1, 0), 3);
 * assert.throws(() => toDesignMatrix("ols", "X", [[1, 2], [3]]), /ols\(\): X\[1\] must have length 2 like X\[0\] \(received length 1\)/);
 * assert.throws(() => toDesignMatrix("ols", "X", [[1, NaN]]), /ols\(\): X\[0\]\[1\] must be a finite number \(received NaN\)/);
 * assert.throws(() => toDesignMatrix("ols", "X", []), /ols\(\): X must have at least one row/);
 * ```
 */
export function toDesignMatrix(
  fn: string,
  name: string,
  X: unknown,
): Matrix {
  if (isInstance(X, Matrix)) {
    const M = X as Matrix;
    if (M.rows === 0 || M.cols === 0) {
      throw new RangeError(
        `${fn}(): ${name} must have at least one row and one column (received ${M.rows}x${M.cols} matrix)`,
      );
    }
    const d = M.data;
    for (let k = 0; k < d.length; k++) {
      const v = d[k]!;
      if (!(Math.abs(v) <= MAX_ABS)) {
        const where = `${name}[${Math.floor(k / M.cols)}][${k % M.cols}]`;
        if (Number.isFinite(v)) throw tooLarge(fn, where, v);
        throw new RangeError(
          `${fn}(): ${where} must be a finite number (received ${describe(v)})`,
        );
      }
    }
    return M;
  }
  const { rows, cols, data } = parseRows(
    fn,
    name,
    X,
    MAX_ABS,
    (where, v) => tooLarge(fn, where, v),
  );
  if (rows === 0) {
    throw new RangeError(
      `${fn}(): ${name} must have at least one row (received ${describe(X)})`,
    );
  }
  if (cols === 0) {
    throw new RangeError(
      `${fn}(): ${name} must have at least one column (received ${name}[0] of length 0)`,
    );
  }
  return new Matrix(rows, cols, data);
}

/**
 * Validates a target vector against a design with `rows` rows: finite numbers of
 * magnitude at most 1e100, one per row of `X`.
 *
 * @param fn The public function's name, for messages.
 * @param y The targets.
 * @param rows The number of rows of the design.
 * @returns The targets as a `Float64Array` (the input itself if it already is one).
 * @throws {TypeError} If `y` is not an array of numbers.
 * @throws {RangeError} If `y` is empty, holds a non-finite value or one beyond 1e100
 *   in magnitude, or its length differs from `rows`.
 *
 * @example
 * ```ts
 * import { toTargetVector } from "./_validate_matrix.ts";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual(toTargetVector("ols", [1, 2], 2), new Float64Array([1, 2]));
 * assert.throws(() => toTargetVector("ols", [1, 2], 3), /ols\(\): X and y must have the same number of rows \(received 3 rows in X and 2 values in y\)/);
 * ```
 */
export function toTargetVector(
  fn: string,
  y: unknown,
  rows: number,
): Float64Array {
  const v = toFloat64Array(fn, "y", y);
  if (v.length !== rows) {
    throw new RangeError(
      `${fn}(): X and y must have the same number of rows (received ${rows} rows in X and ${v.length} values in y)`,
    );
  }
  for (let i = 0; i < v.length; i++) {
    if (!(Math.abs(v[i]!) <= MAX_ABS)) throw tooLarge(fn, `y[${i}]`, v[i]!);
  }
  return v;
}
