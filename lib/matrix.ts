/**
 * The dense {@link Matrix} type: Float64 values stored row by row, the input and
 * output of every linear-algebra function ({@link matmul}, {@link solve},
 * {@link lstsq}, ...).
 *
 * Size bounds: a matrix holds at most `2^28` values (2 GiB), and each dimension is
 * at most `2^28`, so that no loop over rows or columns (even of an empty matrix)
 * runs unbounded; {@link Matrix.toArray} builds at most `2^24` row arrays.
 *
 * @module
 */

import {
  allocate,
  checkThis,
  describe,
  MAX_LENGTH,
  parseRows,
} from "./_validate.ts";

/** The most row arrays {@link Matrix.toArray} builds: 2^24. */
const MAX_ROW_ARRAYS = 2 ** 24;

/**
 * A design matrix as the regressions accept it: `n` rows (observations) of `d`
 * features, as nested arrays or a {@link Matrix}.
 */
export type DesignInput = number[][] | Matrix;

/**
 * A dense matrix of Float64 values stored row by row: entry `(i, j)` lives at
 * `data[i * cols + j]`.
 *
 * The constructor adopts `data` without copying it. Every way of building a matrix
 * (`new Matrix`, {@link Matrix.from}, {@link Matrix.set}) refuses NaN and infinities;
 * code that writes into `data` directly is trusted, and the functions of this module
 * check their inputs again before computing.
 *
 * @example Build, read, write
 * ```ts
 * import { Matrix } from "./matrix.ts";
 * import assert from "node:assert/strict";
 *
 * const a = Matrix.from([[1, 2, 3], [4, 5, 6]]);
 * assert.equal(a.rows, 2);
 * assert.equal(a.cols, 3);
 * assert.equal(a.get(1, 0), 4);
 * a.set(1, 0, -4);
 * assert.deepEqual(a.toArray(), [[1, 2, 3], [-4, 5, 6]]);
 * assert.deepEqual(a.col(2), new Float64Array([3, 6]));
 * assert.throws(() => Matrix.from([[1, 2], [3]]), /rows\[1\] must have length 2/);
 * ```
 */
export class Matrix {
  /** Number of rows (a non-negative integer). */
  readonly rows: number;
  /** Number of columns (a non-negative integer). */
  readonly cols: number;
  /** The entries, row-major: `(i, j)` is `data[i * cols + j]`. */
  readonly data: Float64Array;

  /**
   * Creates a `rows` x `cols` matrix.
   *
   * @param rows Number of rows: an integer in `[0, 2^28]`.
   * @param cols Number of columns: an integer in `[0, 2^28]`.
   * @param data Row-major entries, adopted without copying; length `rows * cols`.
   *   Defaults to zeros.
   * @throws {RangeError} If a dimension is not an integer in `[0, 2^28]`, `data` has the
   *   wrong length, an entry is not finite, or `rows * cols` exceeds 2^28
   *   values or cannot be allocated.
   * @throws {TypeError} If `data` is given and is not a `Float64Array`.
   *
   * @example
   * ```ts
   * import { Matrix } from "./matrix.ts";
   * import assert from "node:assert/strict";
   *
   * const a = new Matrix(2, 2, new Float64Array([1, 2, 3, 4]));
   * assert.equal(a.get(1, 0), 3);
   * assert.throws(() => new Matrix(2, 2, new Float64Array(3)), /data must have length rows \* cols = 4 \(received 3\)/);
   * ```
   */
  constructor(rows: number, cols: number, data?: Float64Array) {
    checkDim("Matrix", "rows", rows);
    checkDim("Matrix", "cols", cols);
    if (data === undefined) {
      data = allocate("Matrix", "rows * cols", rows * cols);
    } else {
      if (!(data instanceof Float64Array)) {
        throw new TypeError(
          `Matrix(): data must be a Float64Array (received ${describe(data)})`,
        );
      }
      if (data.length !== rows * cols) {
        throw new RangeError(
          `Matrix(): data must have length rows * cols = ${
            rows * cols
          } (received ${data.length})`,
        );
      }
      for (let k = 0; k < data.length; k++) {
        const v = data[k]!;
        // Finite (NaN fails too): cheaper than Number.isFinite in V8's mid tier.
        if (!(Math.abs(v) < Infinity)) {
          throw new RangeError(
            `Matrix(): data[${k}] must be a finite number (received ${
              describe(v)
            })`,
          );
        }
      }
    }
    this.rows = rows;
    this.cols = cols;
    this.data = data;
  }

  /**
   * Builds a matrix from an array of rows (copying the values).
   *
   * @param rows The rows; each must have the same length.
   * @returns A new `rows.length` x `rows[0].length` matrix (0 x 0 for no rows).
   * @throws {TypeError} If `rows` or a row is not an array, or an entry is not a number.
   * @throws {RangeError} If the rows are ragged (the message names the row) or an
   *   entry is not finite.
   *
   * @example
   * ```ts
   * import { Matrix } from "./matrix.ts";
   * import assert from "node:assert/strict";
   *
   * assert.deepEqual(Matrix.from([[1, 2], [3, 4]]).data, new Float64Array([1, 2, 3, 4]));
   * assert.throws(() => Matrix.from([[1, 2], [3, NaN]]), /rows\[1\]\[1\] must be a finite number \(received NaN\)/);
   * ```
   */
  static from(rows: ArrayLike<ArrayLike<number>>): Matrix {
    const { rows: r, cols: c, data } = parseRows("Matrix.from", "rows", rows);
    return new Matrix(r, c, data);
  }

  /**
   * A matrix of zeros.
   *
   * @param rows Number of rows: an integer in `[0, 2^28]`.
   * @param cols Number of columns: an integer in `[0, 2^28]`.
   * @returns A new `rows` x `cols` zero matrix.
   * @throws {RangeError} If a dimension is not an integer in `[0, 2^28]`, or
   *   `rows * cols` exceeds 2^28 values.
   *
   * @example
   * ```ts
   * import { Matrix } from "./matrix.ts";
   * import assert from "node:assert/strict";
   *
   * assert.deepEqual(Matrix.zeros(1, 2).toArray(), [[0, 0]]);
   * ```
   */
  static zeros(rows: number, cols: number): Matrix {
    checkDim("Matrix.zeros", "rows", rows);
    checkDim("Matrix.zeros", "cols", cols);
    checkCount("Matrix.zeros", "rows * cols", rows * cols);
    return new Matrix(rows, cols);
  }

  /**
   * The `n` x `n` identity matrix.
   *
   * @param n The order: an integer in `[0, 2^14]` (`n²` values at most 2^28).
   * @returns A new identity matrix.
   * @throws {RangeError} If `n` is not a non-negative integer, or `n * n` exceeds
   *   2^28 values.
   *
   * @example
   * ```ts
   * import { Matrix } from "./matrix.ts";
   * import assert from "node:assert/strict";
   *
   * assert.deepEqual(Matrix.identity(2).toArray(), [[1, 0], [0, 1]]);
   * ```
   */
  static identity(n: number): Matrix {
    checkDim("Matrix.identity", "n", n);
    checkCount("Matrix.identity", "n * n", n * n);
    const m = new Matrix(n, n);
    for (let i = 0; i < n; i++) m.data[i * n + i] = 1;
    return m;
  }

  /**
   * Reads entry `(i, j)`.
   *
   * @param i Row index in `[0, rows)`.
   * @param j Column index in `[0, cols)`.
   * @returns The entry.
   * @throws {RangeError} If an index is out of range or not an integer.
   *
   * @example
   * ```ts
   * import { Matrix } from "./matrix.ts";
   * import assert from "node:assert/strict";
   *
   * assert.equal(Matrix.identity(3).get(2, 2), 1);
   * assert.throws(() => Matrix.identity(3).get(3, 0), /get\(\): i must be an integer in \[0, 3\) \(received 3\)/);
   * ```
   */
  get(i: number, j: number): number {
    checkThis("Matrix.get", this, Matrix);
    checkIndex("get", "i", i, this.rows);
    checkIndex("get", "j", j, this.cols);
    return this.data[i * this.cols + j]!;
  }

  /**
   * Writes entry `(i, j)`.
   *
   * @param i Row index in `[0, rows)`.
   * @param j Column index in `[0, cols)`.
   * @param v The new value: a finite number.
   * @throws {RangeError} If an index is out of range or `v` is not finite.
   * @throws {TypeError} If `v` is not a number.
   *
   * @example
   * ```ts
   * import { Matrix } from "./matrix.ts";
   * import assert from "node:assert/strict";
   *
   * const a = Matrix.zeros(2, 2);
   * a.set(0, 1, 5);
   * assert.deepEqual(a.toArray(), [[0, 5], [0, 0]]);
   * assert.throws(() => a.set(0, 0, NaN), /set\(\): v must be a finite number \(received NaN\)/);
   * ```
   */
  set(i: number, j: number, v: number): void {
    checkThis("Matrix.set", this, Matrix);
    checkIndex("set", "i", i, this.rows);
    checkIndex("set", "j", j, this.cols);
    if (typeof v !== "number") {
      throw new TypeError(
        `set(): v must be a number (received ${describe(v)})`,
      );
    }
    if (!Number.isFinite(v)) {
      throw new RangeError(
        `set(): v must be a finite number (received ${describe(v)})`,
      );
    }
    this.data[i * this.cols + j] = v;
  }

  /**
   * Row `i` as a **view** into `data` (no copy): writing into it writes into the
   * matrix. Call `.slice()` on it for an independent copy.
   *
   * @param i Row index in `[0, rows)`.
   * @returns A `Float64Array` of length `cols` sharing memory with the matrix.
   * @throws {RangeError} If `i` is out of range.
   *
   * @example
   * ```ts
   * import { Matrix } from "./matrix.ts";
   * import assert from "node:assert/strict";
   *
   * const a = Matrix.from([[1, 2], [3, 4]]);
   * const r = a.row(1);
   * assert.deepEqual(r, new Float64Array([3, 4]));
   * r[0] = 30; // a view: the matrix changes too
   * assert.equal(a.get(1, 0), 30);
   * ```
   */
  row(i: number): Float64Array {
    checkThis("Matrix.row", this, Matrix);
    checkIndex("row", "i", i, this.rows);
    return this.data.subarray(i * this.cols, (i + 1) * this.cols);
  }

  /**
   * Column `j` as a new array (a copy: columns are not contiguous in memory).
   *
   * @param j Column index in `[0, cols)`.
   * @returns A new `Float64Array` of length `rows`.
   * @throws {RangeError} If `j` is out of range.
   *
   * @example
   * ```ts
   * import { Matrix } from "./matrix.ts";
   * import assert from "node:assert/strict";
   *
   * assert.deepEqual(Matrix.from([[1, 2], [3, 4]]).col(1), new Float64Array([2, 4]));
   * ```
   */
  col(j: number): Float64Array {
    checkThis("Matrix.col", this, Matrix);
    checkIndex("col", "j", j, this.cols);
    const { rows, cols, data } = this;
    const out = new Float64Array(rows);
    for (let i = 0; i < rows; i++) out[i] = data[i * cols + j]!;
    return out;
  }

  /**
   * The entries as nested plain arrays, one per row.
   *
   * @returns A new `number[][]` with `rows` rows of `cols` numbers.
   * @throws {RangeError} If the matrix has more than 2^24 rows (one array each
   *   would exhaust memory even with no columns).
   *
   * @example
   * ```ts
   * import { Matrix } from "./matrix.ts";
   * import assert from "node:assert/strict";
   *
   * assert.deepEqual(Matrix.identity(2).toArray(), [[1, 0], [0, 1]]);
   * ```
   */
  toArray(): number[][] {
    checkThis("Matrix.toArray", this, Matrix);
    if (this.rows > MAX_ROW_ARRAYS) {
      throw new RangeError(
        `Matrix.toArray(): rows must be at most ${MAX_ROW_ARRAYS} to build nested arrays (received ${this.rows}); read data or row(i) instead`,
      );
    }
    const out: number[][] = [];
    for (let i = 0; i < this.rows; i++) {
      out.push(
        Array.from(this.data.subarray(i * this.cols, (i + 1) * this.cols)),
      );
    }
    return out;
  }
}

function checkDim(fn: string, name: string, v: unknown): void {
  if (typeof v !== "number") {
    throw new TypeError(
      `${fn}(): ${name} must be a non-negative integer (received ${
        describe(v)
      })`,
    );
  }
  if (!Number.isInteger(v) || v < 0 || v > MAX_LENGTH) {
    throw new RangeError(
      `${fn}(): ${name} must be an integer in [0, ${MAX_LENGTH}] (received ${
        describe(v)
      })`,
    );
  }
}

/** Refuses a matrix of more than `MAX_LENGTH` entries, naming the static method. */
function checkCount(fn: string, name: string, count: number): void {
  if (count > MAX_LENGTH) {
    throw new RangeError(
      `${fn}(): ${name} must be at most ${MAX_LENGTH} values (received ${count})`,
    );
  }
}

function checkIndex(fn: string, name: string, v: number, size: number): void {
  if (!(Number.isInteger(v) && v >= 0 && v < size)) {
    throw new RangeError(
      `${fn}(): ${name} must be an integer in [0, ${size}) (received ${
        describe(v)
      })`,
    );
  }
}
