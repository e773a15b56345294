/**
 * Dense linear algebra in Float64: a row-major {@link Matrix}, products, a
 * linear-system solver and minimum-norm least squares.
 *
 * Everything here is written as tight loops over `Float64Array`s (no per-element
 * allocation) because the regression chapters call it in their inner loops.
 *
 * Conventions:
 * - A vector is any `ArrayLike<number>` on input and a `Float64Array` on output.
 * - Inputs are validated at the boundary: shapes must agree and every entry must be
 *   finite; the messages name the function, the argument and what was received.
 * - Results agree with numpy (`numpy.linalg.solve`, `numpy.linalg.lstsq`) to about
 *   1e-10 relative on well-conditioned problems (see `tests/linalg_test.ts`).
 *
 * @module
 */

import {
  allocate,
  checkNonNegative,
  checkOptions,
  checkSameLength,
  describe,
  MAX_LENGTH,
  toFloat64Array,
} from "./validate.ts";

const EPS = 2 ** -52;

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
 * import { Matrix } from "./linalg.ts";
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
   * @param rows Number of rows: a non-negative integer.
   * @param cols Number of columns: a non-negative integer.
   * @param data Row-major entries, adopted without copying; length `rows * cols`.
   *   Defaults to zeros.
   * @throws {RangeError} If a dimension is not a non-negative integer, `data` has the
   *   wrong length, an entry is not finite, or `rows * cols` exceeds `MAX_LENGTH`
   *   (2^28 values) or cannot be allocated.
   * @throws {TypeError} If `data` is given and is not a `Float64Array`.
   *
   * @example
   * ```ts
   * import { Matrix } from "./linalg.ts";
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
   * import { Matrix } from "./linalg.ts";
   * import assert from "node:assert/strict";
   *
   * assert.deepEqual(Matrix.from([[1, 2], [3, 4]]).data, new Float64Array([1, 2, 3, 4]));
   * assert.throws(() => Matrix.from([[1, 2], [3, NaN]]), /rows\[1\]\[1\] must be a finite number \(received NaN\)/);
   * ```
   */
  static from(rows: ArrayLike<ArrayLike<number>>): Matrix {
    if (!isArrayLike(rows)) {
      throw new TypeError(
        `Matrix.from(): rows must be an array of rows (received ${
          describe(rows)
        })`,
      );
    }
    const r = rows.length;
    if (r === 0) return new Matrix(0, 0);
    const first = rows[0];
    if (!isArrayLike(first)) {
      throw new TypeError(
        `Matrix.from(): rows[0] must be an array of numbers (received ${
          describe(first)
        })`,
      );
    }
    const c = first.length;
    const data = new Float64Array(r * c);
    for (let i = 0; i < r; i++) {
      const row = rows[i];
      if (!isArrayLike(row)) {
        throw new TypeError(
          `Matrix.from(): rows[${i}] must be an array of numbers (received ${
            describe(row)
          })`,
        );
      }
      if (row.length !== c) {
        throw new RangeError(
          `Matrix.from(): rows[${i}] must have length ${c} like rows[0] (received length ${row.length})`,
        );
      }
      for (let j = 0; j < c; j++) {
        const v = row[j];
        if (typeof v !== "number") {
          throw new TypeError(
            `Matrix.from(): rows[${i}][${j}] must be a number (received ${
              describe(v)
            })`,
          );
        }
        if (!Number.isFinite(v)) {
          throw new RangeError(
            `Matrix.from(): rows[${i}][${j}] must be a finite number (received ${
              describe(v)
            })`,
          );
        }
        data[i * c + j] = v;
      }
    }
    return new Matrix(r, c, data);
  }

  /**
   * A matrix of zeros.
   *
   * @param rows Number of rows: a non-negative integer.
   * @param cols Number of columns: a non-negative integer.
   * @returns A new `rows` x `cols` zero matrix.
   * @throws {RangeError} If a dimension is not a non-negative integer, or
   *   `rows * cols` exceeds `MAX_LENGTH` (2^28 values).
   *
   * @example
   * ```ts
   * import { Matrix } from "./linalg.ts";
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
   * @param n The order: a non-negative integer.
   * @returns A new identity matrix.
   * @throws {RangeError} If `n` is not a non-negative integer, or `n * n` exceeds
   *   `MAX_LENGTH` (2^28 values).
   *
   * @example
   * ```ts
   * import { Matrix } from "./linalg.ts";
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
   * import { Matrix } from "./linalg.ts";
   * import assert from "node:assert/strict";
   *
   * assert.equal(Matrix.identity(3).get(2, 2), 1);
   * assert.throws(() => Matrix.identity(3).get(3, 0), /get\(\): i must be an integer in \[0, 3\) \(received 3\)/);
   * ```
   */
  get(i: number, j: number): number {
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
   * import { Matrix } from "./linalg.ts";
   * import assert from "node:assert/strict";
   *
   * const a = Matrix.zeros(2, 2);
   * a.set(0, 1, 5);
   * assert.deepEqual(a.toArray(), [[0, 5], [0, 0]]);
   * assert.throws(() => a.set(0, 0, NaN), /set\(\): v must be a finite number \(received NaN\)/);
   * ```
   */
  set(i: number, j: number, v: number): void {
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
   * import { Matrix } from "./linalg.ts";
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
   * import { Matrix } from "./linalg.ts";
   * import assert from "node:assert/strict";
   *
   * assert.deepEqual(Matrix.from([[1, 2], [3, 4]]).col(1), new Float64Array([2, 4]));
   * ```
   */
  col(j: number): Float64Array {
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
   *
   * @example
   * ```ts
   * import { Matrix } from "./linalg.ts";
   * import assert from "node:assert/strict";
   *
   * assert.deepEqual(Matrix.identity(2).toArray(), [[1, 0], [0, 1]]);
   * ```
   */
  toArray(): number[][] {
    const out: number[][] = [];
    for (let i = 0; i < this.rows; i++) {
      out.push(
        Array.from(this.data.subarray(i * this.cols, (i + 1) * this.cols)),
      );
    }
    return out;
  }
}

/**
 * Matrix product `a b`.
 *
 * @param a An `m` x `k` matrix.
 * @param b A `k` x `n` matrix.
 * @returns The new `m` x `n` product.
 * @throws {TypeError} If an argument is not a {@link Matrix}.
 * @throws {RangeError} If `a.cols !== b.rows`, an entry is not finite, or an entry
 *   of the product overflows the float64 range.
 *
 * @example
 * ```ts
 * import { Matrix, matmul } from "./linalg.ts";
 * import assert from "node:assert/strict";
 *
 * const a = Matrix.from([[1, 2], [3, 4]]);
 * assert.deepEqual(matmul(a, Matrix.identity(2)).toArray(), [[1, 2], [3, 4]]);
 * assert.deepEqual(matmul(a, a).toArray(), [[7, 10], [15, 22]]);
 * assert.throws(
 *   () => matmul(a, Matrix.zeros(3, 1)),
 *   /matmul\(\): a.cols must equal b.rows \(received 2 and 3\)/,
 * );
 * ```
 */
export function matmul(a: Matrix, b: Matrix): Matrix {
  checkMatrix("matmul", "a", a);
  checkMatrix("matmul", "b", b);
  if (a.cols !== b.rows) {
    throw new RangeError(
      `matmul(): a.cols must equal b.rows (received ${a.cols} and ${b.rows})`,
    );
  }
  const m = a.rows, K = a.cols, n = b.cols;
  const A = a.data, B = b.data;
  const out = new Matrix(m, n);
  const C = out.data;
  // i-k-j order: the innermost loop runs along contiguous rows of b and of the result.
  for (let i = 0; i < m; i++) {
    const ci = i * n, ai = i * K;
    for (let k = 0; k < K; k++) {
      const aik = A[ai + k]!;
      if (aik === 0) continue;
      const bk = k * n;
      for (let j = 0; j < n; j++) C[ci + j]! += aik * B[bk + j]!;
    }
  }
  checkProduct("matmul", "a b", "a or b", C, n);
  return out;
}

/**
 * Matrix-vector product `a x`.
 *
 * @param a An `m` x `n` matrix.
 * @param x A vector of length `n`.
 * @returns The new vector `a x` of length `m`.
 * @throws {TypeError} If `a` is not a {@link Matrix} or `x` is not an array of numbers.
 * @throws {RangeError} If `x.length !== a.cols`, an entry is not finite, or an entry
 *   of the product overflows the float64 range.
 *
 * @example
 * ```ts
 * import { Matrix, matvec } from "./linalg.ts";
 * import assert from "node:assert/strict";
 *
 * const a = Matrix.from([[1, 2], [3, 4], [5, 6]]);
 * assert.deepEqual(matvec(a, [1, -1]), new Float64Array([-1, -1, -1]));
 * assert.throws(() => matvec(a, [1, 2, 3]), /matvec\(\): x.length must equal a.cols \(received 3 and 2\)/);
 * ```
 */
export function matvec(a: Matrix, x: ArrayLike<number>): Float64Array {
  checkMatrix("matvec", "a", a);
  const v = toFloat64Array("matvec", "x", x, { minLength: 0 });
  if (v.length !== a.cols) {
    throw new RangeError(
      `matvec(): x.length must equal a.cols (received ${v.length} and ${a.cols})`,
    );
  }
  const m = a.rows, n = a.cols, A = a.data;
  const out = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    const ai = i * n;
    let s = 0;
    for (let j = 0; j < n; j++) s += A[ai + j]! * v[j]!;
    out[i] = s;
  }
  checkProduct("matvec", "a x", "a or x", out, 1);
  return out;
}

/**
 * The transpose `aᵀ`.
 *
 * @param a An `m` x `n` matrix.
 * @returns A new `n` x `m` matrix.
 * @throws {TypeError} If `a` is not a {@link Matrix}.
 * @throws {RangeError} If an entry is not finite.
 *
 * @example
 * ```ts
 * import { Matrix, transpose } from "./linalg.ts";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual(transpose(Matrix.from([[1, 2, 3]])).toArray(), [[1], [2], [3]]);
 * ```
 */
export function transpose(a: Matrix): Matrix {
  checkMatrix("transpose", "a", a);
  const m = a.rows, n = a.cols, A = a.data;
  const out = new Matrix(n, m);
  const T = out.data;
  for (let i = 0; i < m; i++) {
    const ai = i * n;
    for (let j = 0; j < n; j++) T[j * m + i] = A[ai + j]!;
  }
  return out;
}

/**
 * The Gram matrix `aᵀ a` (for a design matrix X: `XᵀX`), computed without forming
 * the transpose and exploiting symmetry: only the upper triangle is accumulated,
 * then mirrored, so the result is exactly symmetric.
 *
 * @param a An `m` x `n` matrix.
 * @param out Optional `n` x `n` matrix to write the result into, as numpy's `out=`:
 *   its contents are overwritten and it is returned. Reusing one saves allocating
 *   (and, on a fresh page, faulting in) `n²` values per call. It must not share
 *   memory with `a`.
 * @returns A new symmetric `n` x `n` matrix, or `out`.
 * @throws {TypeError} If `a` or `out` is not a {@link Matrix}.
 * @throws {RangeError} If an entry is not finite, an entry of `aᵀ a` overflows the
 *   float64 range, or `out` is not `n` x `n` or shares memory with `a`.
 *
 * @example
 * ```ts
 * import { Matrix, gram } from "./linalg.ts";
 * import assert from "node:assert/strict";
 *
 * const x = Matrix.from([[1, 2], [3, 4], [5, 6]]);
 * assert.deepEqual(gram(x).toArray(), [[35, 44], [44, 56]]);
 * const out = Matrix.zeros(2, 2);
 * assert.equal(gram(x, out), out);
 * assert.deepEqual(out.toArray(), [[35, 44], [44, 56]]);
 * ```
 */
export function gram(a: Matrix, out?: Matrix): Matrix {
  checkMatrix("gram", "a", a);
  const n = a.cols;
  if (out === undefined) {
    out = new Matrix(n, n);
  } else {
    if (!(out instanceof Matrix)) {
      throw new TypeError(
        `gram(): out must be a Matrix (received ${describe(out)})`,
      );
    }
    if (out.rows !== n || out.cols !== n) {
      throw new RangeError(
        `gram(): out must be ${n}x${n} like aᵀ a (received ${out.rows}x${out.cols} matrix)`,
      );
    }
    if (out.data.buffer === a.data.buffer) {
      throw new RangeError("gram(): out must not share memory with a");
    }
    out.data.fill(0);
  }
  gramUpper(a.data, a.rows, n, out.data);
  checkProduct("gram", "aᵀ a", "a", out.data, n);
  const G = out.data;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) G[j * n + i] = G[i * n + j]!;
  }
  return out;
}

/**
 * Adds the upper triangle of AᵀA (A: m x n, row-major) into G by rank-4 updates:
 * four rows of A at a time (quartering the traffic on G), each applied to four rows
 * of G at once (sharing every load of A among them). The inner loops are contiguous
 * in both arrays. The leftover rows and columns (m mod 4, n mod 4) come first: V8
 * compiles the hot loops on the fly during the first call, and code still to run
 * after them would have no type feedback and bail out of the optimized code on every
 * later call.
 */
function gramUpper(
  A: Float64Array,
  m: number,
  n: number,
  G: Float64Array,
): void {
  const m4 = m - (m % 4), n4 = n % 4;
  for (let r = m4; r < m; r++) {
    const b0 = r * n;
    for (let i = 0; i < n; i++) {
      const x0 = A[b0 + i]!;
      const gi = i * n;
      for (let j = i; j < n; j++) G[gi + j]! += x0 * A[b0 + j]!;
    }
  }
  for (let r = 0; r < m4; r += 4) {
    const b0 = r * n, b1 = b0 + n, b2 = b1 + n, b3 = b2 + n;
    for (let i = 0; i < n4; i++) {
      const x0 = A[b0 + i]!, x1 = A[b1 + i]!, x2 = A[b2 + i]!, x3 = A[b3 + i]!;
      const gi = i * n;
      for (let j = i; j < n; j++) {
        G[gi + j]! += x0 * A[b0 + j]! + x1 * A[b1 + j]! + x2 * A[b2 + j]! +
          x3 * A[b3 + j]!;
      }
    }
    for (let i = n4; i < n; i += 4) {
      // Columns i … i + 3 of the four rows: x, y, z and w.
      const x0 = A[b0 + i]!, x1 = A[b1 + i]!, x2 = A[b2 + i]!, x3 = A[b3 + i]!;
      const y0 = A[b0 + i + 1]!, y1 = A[b1 + i + 1]!;
      const y2 = A[b2 + i + 1]!, y3 = A[b3 + i + 1]!;
      const z0 = A[b0 + i + 2]!, z1 = A[b1 + i + 2]!;
      const z2 = A[b2 + i + 2]!, z3 = A[b3 + i + 2]!;
      const w0 = A[b0 + i + 3]!, w1 = A[b1 + i + 3]!;
      const w2 = A[b2 + i + 3]!, w3 = A[b3 + i + 3]!;
      const gx = i * n, gy = gx + n, gz = gy + n, gw = gz + n;
      // The 4 x 4 block on the diagonal (its upper triangle), then the rows to its right.
      G[gx + i]! += x0 * x0 + x1 * x1 + x2 * x2 + x3 * x3;
      G[gx + i + 1]! += x0 * y0 + x1 * y1 + x2 * y2 + x3 * y3;
      G[gx + i + 2]! += x0 * z0 + x1 * z1 + x2 * z2 + x3 * z3;
      G[gy + i + 1]! += y0 * y0 + y1 * y1 + y2 * y2 + y3 * y3;
      G[gy + i + 2]! += y0 * z0 + y1 * z1 + y2 * z2 + y3 * z3;
      G[gz + i + 2]! += z0 * z0 + z1 * z1 + z2 * z2 + z3 * z3;
      for (let j = i + 3; j < n; j++) {
        const a0 = A[b0 + j]!,
          a1 = A[b1 + j]!,
          a2 = A[b2 + j]!,
          a3 = A[b3 + j]!;
        G[gx + j]! += x0 * a0 + x1 * a1 + x2 * a2 + x3 * a3;
        G[gy + j]! += y0 * a0 + y1 * a1 + y2 * a2 + y3 * a3;
        G[gz + j]! += z0 * a0 + z1 * a1 + z2 * a2 + z3 * a3;
        G[gw + j]! += w0 * a0 + w1 * a1 + w2 * a2 + w3 * a3;
      }
    }
  }
}

/**
 * Dot product `Σ xᵢ yᵢ`.
 *
 * @param x A vector.
 * @param y A vector of the same length.
 * @returns The dot product (0 for empty vectors).
 * @throws {TypeError} If an argument is not an array of numbers.
 * @throws {RangeError} If the lengths differ, an entry is not finite, or the sum
 *   overflows the float64 range.
 *
 * @example
 * ```ts
 * import { dot } from "./linalg.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(dot([1, 2, 3], [4, 5, 6]), 32);
 * assert.throws(() => dot([1, 2], [1]), /dot\(\): x and y must have the same length \(received 2 and 1\)/);
 * ```
 */
export function dot(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const u = toFloat64Array("dot", "x", x, { minLength: 0 });
  const v = toFloat64Array("dot", "y", y, { minLength: 0 });
  checkSameLength("dot", "x", u, "y", v);
  let s = 0;
  for (let i = 0; i < u.length; i++) s += u[i]! * v[i]!;
  if (!Number.isFinite(s)) {
    throw new RangeError(
      `dot(): x·y overflows the float64 range (received ${s}); rescale x or y`,
    );
  }
  return s;
}

/**
 * Euclidean norm `‖x‖₂ = √(Σ xᵢ²)`. Overflow- and underflow-safe: when the plain
 * sum of squares overflows or underflows, the vector is rescaled by a power of two
 * near its largest magnitude first, so `norm([1e200, 1e200])` is `√2·1e200`, not
 * `Infinity`.
 *
 * @param x A vector.
 * @returns The norm (0 for an empty vector).
 * @throws {TypeError} If `x` is not an array of numbers.
 * @throws {RangeError} If an entry is not finite.
 *
 * @example
 * ```ts
 * import { norm } from "./linalg.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(norm([3, 4]), 5);
 * // (3·2⁶⁰⁰)² overflows, but the norm does not:
 * assert.equal(norm([3 * 2 ** 600, 4 * 2 ** 600]), 5 * 2 ** 600);
 * ```
 */
export function norm(x: ArrayLike<number>): number {
  return norm2(toFloat64Array("norm", "x", x, { minLength: 0 }), 0, x.length);
}

/**
 * Solves the square system `A x = b`.
 *
 * Method: if `A` is exactly symmetric, a Cholesky factorization `A = L Lᵀ` is tried
 * (half the work of LU; this is the path of ridge regression's `XᵀX + αI`); if it
 * breaks down (A not positive definite), or `A` is not symmetric, LU with partial
 * pivoting is used (as `numpy.linalg.solve`).
 *
 * Singularity rule: `A` is declared singular when LU meets an exactly zero pivot
 * column, or when the estimated reciprocal condition number in the 1-norm,
 * `rcond = 1 / (‖A‖₁ · est ‖A⁻¹‖₁)` (Hager–Higham estimator, as LAPACK's
 * `dgecon`/`dpocon`), is below machine epsilon 2⁻⁵² ≈ 2.2e-16 — the threshold at
 * which `scipy.linalg.solve` warns "ill-conditioned". Below it the answer would carry
 * no correct digit. numpy only refuses exact zero pivots and returns garbage instead.
 *
 * @param A A square `n` x `n` matrix, `n ≥ 1`.
 * @param b The right-hand side: a vector of length `n`, or an `n` x `k` matrix whose
 *   columns are right-hand sides.
 * @returns `x`: a new `Float64Array` for a vector `b`, a new `n` x `k` {@link Matrix}
 *   for a matrix `b`.
 * @throws {TypeError} If `A` is not a {@link Matrix} or `b` not a vector or matrix.
 * @throws {RangeError} If `A` is not square or empty, shapes disagree, an entry is
 *   not finite, or `A` is singular (`solve(): A is singular ...`).
 *
 * @example Symmetric positive definite (Cholesky) and general (LU) systems
 * ```ts
 * import { Matrix, solve } from "./linalg.ts";
 * import assert from "node:assert/strict";
 *
 * const spd = Matrix.from([[4, 2], [2, 3]]);
 * assert.deepEqual(solve(spd, [2, 1]), new Float64Array([0.5, 0]));
 * const general = Matrix.from([[0, 1], [2, 0]]);
 * assert.deepEqual(solve(general, [3, 4]), new Float64Array([2, 3]));
 * assert.deepEqual(solve(general, Matrix.identity(2)).toArray(), [[0, 0.5], [1, 0]]);
 * assert.throws(() => solve(Matrix.from([[1, 2], [2, 4]]), [1, 1]), /solve\(\): A is singular/);
 * ```
 */
export function solve(A: Matrix, b: Matrix): Matrix;
export function solve(A: Matrix, b: ArrayLike<number>): Float64Array;
export function solve(
  A: Matrix,
  b: Matrix | ArrayLike<number>,
): Matrix | Float64Array {
  checkSquare("solve", A);
  const n = A.rows;
  let rhs: Float64Array, k: number;
  if (b instanceof Matrix) {
    checkMatrix("solve", "b", b);
    if (b.rows !== n) {
      throw new RangeError(
        `solve(): b.rows must equal A.rows (received ${b.rows} and ${n})`,
      );
    }
    rhs = b.data;
    k = b.cols;
  } else {
    rhs = toFloat64Array("solve", "b", b, { minLength: 0 });
    if (rhs.length !== n) {
      throw new RangeError(
        `solve(): b.length must equal A.rows (received ${rhs.length} and ${n})`,
      );
    }
    k = 1;
  }
  const x = factorize("solve", A).solve(rhs, k);
  return b instanceof Matrix ? new Matrix(n, k, x) : x;
}

/**
 * The inverse `A⁻¹`, computed as `solve(A, I)` (same method and singularity rule as
 * {@link solve}). Prefer `solve(A, b)` to `matvec(inv(A), b)`: it is cheaper and
 * more accurate; the inverse itself is wanted for covariance matrices such as the
 * inverse Fisher information.
 *
 * @param A A square `n` x `n` matrix, `n ≥ 1`.
 * @returns A new `n` x `n` matrix.
 * @throws {TypeError} If `A` is not a {@link Matrix}.
 * @throws {RangeError} If `A` is not square or empty, an entry is not finite, or `A`
 *   is singular (`inv(): A is singular ...`).
 *
 * @example
 * ```ts
 * import { Matrix, inv } from "./linalg.ts";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual(inv(Matrix.from([[0, 2], [4, 0]])).toArray(), [[0, 0.25], [0.5, 0]]);
 * ```
 */
export function inv(A: Matrix): Matrix {
  checkSquare("inv", A);
  const n = A.rows;
  return new Matrix(
    n,
    n,
    factorize("inv", A).solve(Matrix.identity(n).data, n),
  );
}

/** Options of {@link cholesky}. */
export interface CholeskyOptions {
  /**
   * Factor in place, as scipy's `overwrite_a`: `A` itself receives `L` (its upper
   * triangle zeroed) and is returned, saving the allocation of `n²` values. If `A`
   * is not positive definite its contents are left unspecified. Defaults to false.
   */
  overwriteA?: boolean;
}

/**
 * Cholesky factor of a symmetric positive definite matrix: lower-triangular `L` with
 * positive diagonal and `A = L Lᵀ` (as `numpy.linalg.cholesky`). Only the lower
 * triangle of `A` is read, after checking that `A` is symmetric to within
 * `√eps · max|Aᵢⱼ|` (a check numpy does not make).
 *
 * @param A A symmetric positive definite `n` x `n` matrix, `n ≥ 1`.
 * @param options `{ overwriteA }`; see {@link CholeskyOptions}.
 * @returns A new lower-triangular `n` x `n` matrix (`A` itself with `overwriteA`).
 * @throws {TypeError} If `A` is not a {@link Matrix}, `options` not an object, or
 *   `overwriteA` not a boolean.
 * @throws {RangeError} If `A` is not square, not symmetric, not positive definite,
 *   or has a non-finite entry.
 *
 * @example
 * ```ts
 * import { Matrix, cholesky } from "./linalg.ts";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual(cholesky(Matrix.from([[4, 2], [2, 5]])).toArray(), [[2, 0], [1, 2]]);
 * const A = Matrix.from([[4, 2], [2, 5]]);
 * assert.equal(cholesky(A, { overwriteA: true }), A);
 * assert.deepEqual(A.toArray(), [[2, 0], [1, 2]]);
 * assert.throws(
 *   () => cholesky(Matrix.from([[1, 2], [2, 1]])),
 *   /cholesky\(\): A must be positive definite \(leading minor of order 2 is not positive\)/,
 * );
 * ```
 */
export function cholesky(A: Matrix, options: CholeskyOptions = {}): Matrix {
  checkSquare("cholesky", A);
  const overwriteA = checkOptions("cholesky", options).overwriteA ?? false;
  if (typeof overwriteA !== "boolean") {
    throw new TypeError(
      `cholesky(): overwriteA must be a boolean (received ${
        describe(overwriteA)
      })`,
    );
  }
  const n = A.rows, a = A.data;
  if (!isSymmetric(a, n)) {
    // Not exactly symmetric (the common case is): compare with the tolerance.
    let maxAbs = 0;
    for (let k = 0; k < a.length; k++) {
      maxAbs = Math.max(maxAbs, Math.abs(a[k]!));
    }
    const tol = Math.sqrt(EPS) * maxAbs;
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < i; j++) {
        const lo = a[i * n + j]!, up = a[j * n + i]!;
        if (Math.abs(lo - up) > tol) {
          throw new RangeError(
            `cholesky(): A must be symmetric (received A[${i}][${j}]=${lo} and A[${j}][${i}]=${up})`,
          );
        }
      }
    }
  }
  const L = overwriteA ? choleskyInPlace(a, n) : choleskyFactor(a, n);
  if (typeof L === "number") {
    throw new RangeError(
      `cholesky(): A must be positive definite (leading minor of order ${
        L + 1
      } is not positive)`,
    );
  }
  if (!overwriteA) return new Matrix(n, n, L);
  for (let i = 0; i < n; i++) a.fill(0, i * n + i + 1, (i + 1) * n);
  return A;
}

/** Options of {@link lstsq}. */
export interface LstsqOptions {
  /**
   * Cut-off ratio for small singular values: those at most `rcond · s_max` count as
   * zero. Defaults to `eps · max(m, n)` (numpy ≥ 2's default; numpy 1.x's `rcond=None`).
   */
  rcond?: number;
}

/** Result of {@link lstsq}, field for field as `numpy.linalg.lstsq`. */
export interface LstsqResult {
  /** The minimum-norm least-squares solution, length `n`. */
  x: Float64Array;
  /**
   * Sum of squared residuals `‖b − A x‖²`. Always computed (numpy returns an empty
   * array when `rank < n` or `m ≤ n`; here it is then a meaningful number, ≈ 0 for a
   * consistent system).
   */
  residuals: number;
  /** Effective rank: the number of singular values above `rcond · s_max`. */
  rank: number;
  /** Singular values of `A`, in decreasing order, length `min(m, n)`. */
  singularValues: Float64Array;
}

/**
 * Minimum-norm least squares: the `x` minimizing `‖b − A x‖₂` and, among the
 * minimizers, `‖x‖₂` — as `numpy.linalg.lstsq(A, b, rcond=None)`. Handles
 * overdetermined (`m > n`), underdetermined (`m < n`) and rank-deficient `A`.
 *
 * Method: Householder QR with column pivoting of `A` (or of `Aᵀ` when `m < n`),
 * then the SVD of the small triangular factor by one-sided Jacobi (Hestenes), which
 * computes singular values to high relative accuracy; finally
 * `x = Σ_{sᵢ > rcond·s_max} vᵢ (uᵢ·b) / sᵢ`.
 *
 * @param A An `m` x `n` matrix with `m, n ≥ 1`.
 * @param b A vector of length `m`.
 * @param options.rcond Relative cut-off for small singular values; see
 *   {@link LstsqOptions}.
 * @returns `{ x, residuals, rank, singularValues }`; see {@link LstsqResult}.
 * @throws {TypeError} If `A` is not a {@link Matrix} or `b` is not an array of numbers.
 * @throws {TypeError} If `options` is not an object.
 * @throws {RangeError} If `A` is empty, `b.length !== A.rows`, an entry is not
 *   finite, or `rcond` is negative or not finite.
 *
 * @example A line through three points, and an underdetermined system
 * ```ts
 * import { Matrix, lstsq } from "./linalg.ts";
 * import assert from "node:assert/strict";
 *
 * // Fit y = c0 + c1 t to (0, 1), (1, 3), (2, 5): exact, so residuals ≈ 0.
 * const fit = lstsq(Matrix.from([[1, 0], [1, 1], [1, 2]]), [1, 3, 5]);
 * assert.ok(Math.abs(fit.x[0]! - 1) < 1e-12 && Math.abs(fit.x[1]! - 2) < 1e-12);
 * assert.equal(fit.rank, 2);
 * assert.ok(fit.residuals < 1e-20);
 *
 * // One equation x0 + x1 = 2: the minimum-norm solution is (1, 1).
 * const under = lstsq(Matrix.from([[1, 1]]), [2]);
 * assert.ok(Math.abs(under.x[0]! - 1) < 1e-12 && Math.abs(under.x[1]! - 1) < 1e-12);
 * assert.equal(under.rank, 1);
 * ```
 */
export function lstsq(
  A: Matrix,
  b: ArrayLike<number>,
  options: LstsqOptions = {},
): LstsqResult {
  checkMatrix("lstsq", "A", A);
  const m = A.rows, n = A.cols;
  if (m === 0 || n === 0) {
    throw new RangeError(
      `lstsq(): A must have at least one row and one column (received ${m}x${n} matrix)`,
    );
  }
  const y = toFloat64Array("lstsq", "b", b, { minLength: 0 });
  if (y.length !== m) {
    throw new RangeError(
      `lstsq(): b.length must equal A.rows (received ${y.length} and ${m})`,
    );
  }
  const rcond = checkOptions("lstsq", options).rcond === undefined
    ? EPS * Math.max(m, n)
    : checkNonNegative("lstsq", "rcond", options.rcond);

  // Let B = A (tall) or Aᵀ (wide), t x p with t = max(m, n) ≥ p = min(m, n).
  // 1. Householder QR with column pivoting, B P = Q R, on T = Bᵀ stored as p
  //    contiguous rows of length t.
  // 2. The least-squares problem reduces to the p x p system S z = c with
  //    tall (A P = Q R):  S = R,  c = (Qᵀ b)₁..ₚ,  x = P z;
  //    wide (Pᵀ A = Rᵀ Qᵀ): S = Rᵀ, c = Pᵀ b,       x = Q z.
  // 3. One-sided Jacobi on the rows of S (for tall A the columns of Rᵀ:
  //    QR-preconditioned Jacobi, Drmač & Veselić 2008) gives S = Σᵢ vᵢ gᵢᵀ with
  //    mutually orthogonal gᵢ = sᵢ ŵᵢ, so S⁺ c = Σ_{sᵢ > cutoff} gᵢ (vᵢ·c) / sᵢ².
  const tall = m >= n;
  const p = tall ? n : m, t = tall ? m : n;
  const T = tall ? transposeData(A.data, m, n) : A.data.slice();
  const tau = new Float64Array(p);
  const perm = new Int32Array(p);
  householderQr(T, p, t, tau, perm);
  const S = new Float64Array(p * p);
  for (let k = 0; k < p; k++) {
    for (let j = k; j < p; j++) {
      S[tall ? k * p + j : j * p + k] = T[j * t + k]!;
    }
  }
  let c: Float64Array;
  if (tall) {
    c = y.slice();
    applyHouseholder(T, p, t, tau, c, true);
    c = c.slice(0, p);
  } else {
    c = new Float64Array(p);
    for (let k = 0; k < p; k++) c[k] = y[perm[k]!]!;
  }
  jacobiSvd(S, p, p, c); // c ← Vᵀ c

  const s = new Float64Array(p);
  for (let i = 0; i < p; i++) s[i] = norm2(S, i * p, p);
  const singularValues = s.slice().sort().reverse();
  const cutoff = rcond * singularValues[0]!;
  const z = new Float64Array(p);
  let rank = 0;
  for (let i = 0; i < p; i++) {
    if (!(s[i]! > cutoff)) continue;
    rank++;
    const coef = c[i]! / (s[i]! * s[i]!), gi = i * p;
    for (let k = 0; k < p; k++) z[k]! += coef * S[gi + k]!;
  }
  const x = new Float64Array(n);
  if (tall) {
    for (let k = 0; k < p; k++) x[perm[k]!] = z[k]!;
  } else {
    x.set(z);
    applyHouseholder(T, p, t, tau, x, false);
  }

  let residuals = 0;
  const a = A.data;
  for (let i = 0; i < m; i++) {
    let r = y[i]!;
    const ai = i * n;
    for (let j = 0; j < n; j++) r -= a[ai + j]! * x[j]!;
    residuals += r * r;
  }
  return { x, residuals, rank, singularValues };
}

// ---------------------------------------------------------------------------
// Internals

interface Factorization {
  /** Solves A X = B for B an n x k row-major array; returns a new array. */
  solve(B: Float64Array, k: number): Float64Array;
}

/** Factorizes a square, finite, validated matrix; throws if it is singular. */
function factorize(fn: string, A: Matrix): Factorization {
  const n = A.rows, a = A.data;
  const anorm = norm1(a, n);
  if (isSymmetric(a, n)) {
    const L = choleskyFactor(a, n);
    if (typeof L !== "number") {
      const solveVec = (v: Float64Array) => cholSolveVec(L, n, v);
      checkCondition(fn, anorm, n, solveVec, solveVec);
      return {
        solve: (B, k) => {
          if (k !== 1) return cholSolve(L, n, B, k);
          const v = B.slice(0, n);
          cholSolveVec(L, n, v);
          return v;
        },
      };
    }
  }
  const lu = a.slice();
  const perm = new Int32Array(n);
  const zeroCol = luFactor(lu, perm, n);
  if (zeroCol >= 0) {
    throw new RangeError(
      `${fn}(): A is singular (no nonzero pivot in column ${zeroCol} of the LU factorization)`,
    );
  }
  const work = new Float64Array(n);
  checkCondition(
    fn,
    anorm,
    n,
    (v) => luSolveVec(lu, perm, n, v, work),
    (v) => luSolveTransposedVec(lu, perm, n, v, work),
  );
  return {
    solve: (B, k) => {
      if (k !== 1) return luSolve(lu, perm, n, B, k);
      const v = B.slice(0, n);
      luSolveVec(lu, perm, n, v, work);
      return v;
    },
  };
}

/** Throws if the 1-norm reciprocal condition estimate is below machine epsilon. */
function checkCondition(
  fn: string,
  anorm: number,
  n: number,
  solveA: (v: Float64Array) => void,
  solveAT: (v: Float64Array) => void,
): void {
  const rcond = 1 / (anorm * invNorm1Estimate(n, solveA, solveAT));
  if (!(rcond >= EPS)) {
    throw new RangeError(
      `${fn}(): A is singular to working precision (estimated reciprocal condition number ${
        rcond.toPrecision(3)
      } < machine epsilon 2.22e-16)`,
    );
  }
}

/**
 * Estimates ‖A⁻¹‖₁ from in-place solves with A and Aᵀ (Hager 1984, Higham 1988; the
 * algorithm of LAPACK's dlacn2). Costs at most 11 O(n²) solves, usually 5.
 */
function invNorm1Estimate(
  n: number,
  solveA: (v: Float64Array) => void,
  solveAT: (v: Float64Array) => void,
): number {
  const x = new Float64Array(n).fill(1 / n);
  solveA(x);
  let est = sum1(x);
  if (n > 1 && Number.isFinite(est)) {
    const xi = new Float64Array(n);
    for (let i = 0; i < n; i++) xi[i] = x[i]! >= 0 ? 1 : -1;
    const z = xi.slice();
    solveAT(z);
    let j = argmaxAbs(z);
    for (let iter = 2; iter <= 5; iter++) {
      x.fill(0);
      x[j] = 1;
      solveA(x);
      const estOld = est;
      est = sum1(x);
      let sameSigns = true;
      for (let i = 0; i < n; i++) {
        const sgn = x[i]! >= 0 ? 1 : -1;
        if (sgn !== xi[i]) {
          sameSigns = false;
          xi[i] = sgn;
        }
      }
      if (sameSigns || est <= estOld || !Number.isFinite(est)) {
        est = Math.max(est, estOld);
        break;
      }
      z.set(xi);
      solveAT(z);
      const jLast = j;
      j = argmaxAbs(z);
      if (Math.abs(z[jLast]!) === Math.abs(z[j]!)) break;
    }
    // Alternative estimate guarding against the rare failures of the iteration.
    for (let i = 0; i < n; i++) {
      x[i] = (i % 2 === 0 ? 1 : -1) * (1 + i / (n - 1));
    }
    solveA(x);
    const t = 2 * sum1(x) / (3 * n);
    if (t > est || !Number.isFinite(t)) est = t;
  }
  return Number.isFinite(est) ? est : Infinity;
}

function sum1(v: Float64Array): number {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += Math.abs(v[i]!);
  return s;
}

function argmaxAbs(v: Float64Array): number {
  let j = 0, best = Math.abs(v[0]!);
  for (let i = 1; i < v.length; i++) {
    const a = Math.abs(v[i]!);
    if (a > best) {
      best = a;
      j = i;
    }
  }
  return j;
}

/** Swaps rows `a` and `b` of a row-major buffer `width` wide, and their entries in `perm`. */
function swapRows(
  data: Float64Array,
  width: number,
  a: number,
  b: number,
  perm: Int32Array,
): void {
  const ra = a * width, rb = b * width;
  for (let j = 0; j < width; j++) {
    const v = data[ra + j]!;
    data[ra + j] = data[rb + j]!;
    data[rb + j] = v;
  }
  const q = perm[a]!;
  perm[a] = perm[b]!;
  perm[b] = q;
}

/** In-place LU with partial pivoting; returns the first zero-pivot column or -1. */
function luFactor(lu: Float64Array, perm: Int32Array, n: number): number {
  for (let i = 0; i < n; i++) perm[i] = i;
  for (let k = 0; k < n; k++) {
    let p = k, best = Math.abs(lu[k * n + k]!);
    for (let i = k + 1; i < n; i++) {
      const v = Math.abs(lu[i * n + k]!);
      if (v > best) {
        best = v;
        p = i;
      }
    }
    if (best === 0) return k;
    if (p !== k) swapRows(lu, n, k, p, perm);
    const rk = k * n, pivot = lu[rk + k]!;
    for (let i = k + 1; i < n; i++) {
      const ri = i * n;
      const l = lu[ri + k]! / pivot;
      lu[ri + k] = l;
      if (l === 0) continue;
      for (let j = k + 1; j < n; j++) lu[ri + j]! -= l * lu[rk + j]!;
    }
  }
  return -1;
}

/** Solves A X = B from PA = LU; B is n x k row-major. */
function luSolve(
  lu: Float64Array,
  perm: Int32Array,
  n: number,
  B: Float64Array,
  k: number,
): Float64Array {
  const X = new Float64Array(n * k);
  for (let i = 0; i < n; i++) {
    const src = perm[i]! * k, dst = i * k;
    for (let c = 0; c < k; c++) X[dst + c] = B[src + c]!;
  }
  for (let i = 1; i < n; i++) {
    const ri = i * n, xi = i * k;
    for (let p = 0; p < i; p++) {
      const l = lu[ri + p]!;
      if (l === 0) continue;
      const xp = p * k;
      for (let c = 0; c < k; c++) X[xi + c]! -= l * X[xp + c]!;
    }
  }
  for (let i = n - 1; i >= 0; i--) {
    const ri = i * n, xi = i * k;
    for (let p = i + 1; p < n; p++) {
      const u = lu[ri + p]!;
      if (u === 0) continue;
      const xp = p * k;
      for (let c = 0; c < k; c++) X[xi + c]! -= u * X[xp + c]!;
    }
    const d = lu[ri + i]!;
    for (let c = 0; c < k; c++) X[xi + c]! /= d;
  }
  return X;
}

/** Solves A x = v in place from PA = LU; `w` is scratch of length n. */
function luSolveVec(
  lu: Float64Array,
  perm: Int32Array,
  n: number,
  v: Float64Array,
  w: Float64Array,
): void {
  for (let i = 0; i < n; i++) w[i] = v[perm[i]!]!;
  for (let i = 1; i < n; i++) {
    const ri = i * n;
    let s = w[i]!;
    for (let p = 0; p < i; p++) s -= lu[ri + p]! * w[p]!;
    w[i] = s;
  }
  for (let i = n - 1; i >= 0; i--) {
    const ri = i * n;
    let s = w[i]!;
    for (let p = i + 1; p < n; p++) s -= lu[ri + p]! * w[p]!;
    w[i] = s / lu[ri + i]!;
  }
  v.set(w);
}

/** Solves Aᵀ z = v in place from PA = LU; `w` is scratch of length n. */
function luSolveTransposedVec(
  lu: Float64Array,
  perm: Int32Array,
  n: number,
  v: Float64Array,
  w: Float64Array,
): void {
  w.set(v);
  // Uᵀ w = v, column-oriented so that U is read along its rows.
  for (let i = 0; i < n; i++) {
    const ri = i * n;
    const wi = (w[i]! /= lu[ri + i]!);
    for (let j = i + 1; j < n; j++) w[j]! -= lu[ri + j]! * wi;
  }
  // Lᵀ u = w (unit diagonal), reading L along its rows.
  for (let i = n - 1; i > 0; i--) {
    const ri = i * n, ui = w[i]!;
    for (let p = 0; p < i; p++) w[p]! -= lu[ri + p]! * ui;
  }
  for (let i = 0; i < n; i++) v[perm[i]!] = w[i]!;
}

/**
 * Cholesky factor of a (n x n, row-major) from its lower triangle: returns L, or the
 * index of the first non-positive pivot. Right-looking and blocked, as LAPACK's
 * dpotrf: each panel of four columns is factored, then the rest of the lower triangle
 * is updated by all four at once, `L[i][k] −= Σ_p L[i][p] L[k][p]` (a rank-4 update).
 * Every update goes to memory rather than to a loop-carried sum, which V8's
 * mid-tier compiler (Maglev) would box on each iteration.
 */
function choleskyFactor(a: Float64Array, n: number): Float64Array | number {
  const L = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) L[i * n + j] = a[i * n + j]!;
  }
  return choleskyInPlace(L, n);
}

/**
 * {@link choleskyFactor} in place: overwrites the lower triangle of L (n x n,
 * row-major) with the factor, leaving the strict upper triangle untouched.
 */
function choleskyInPlace(L: Float64Array, n: number): Float64Array | number {
  for (let j = 0; j < n; j += 4) {
    const e = Math.min(j + 4, n);
    // The panel: columns j … e − 1, already updated by every column left of j.
    for (let c = j; c < e; c++) {
      for (let p = j; p < c; p++) {
        const lcp = L[c * n + p]!;
        for (let i = c; i < n; i++) L[i * n + c]! -= L[i * n + p]! * lcp;
      }
      const d = L[c * n + c]!;
      if (!(d > 0)) return c;
      const r = Math.sqrt(d);
      L[c * n + c] = r;
      for (let i = c + 1; i < n; i++) L[i * n + c]! /= r;
    }
    if (e === n) break;
    // The rank-4 update of the trailing lower triangle (rows and columns ≥ e), two
    // rows at a time (x and y) to share the loads of row k; the leftover row first.
    const first = e + ((n - e) % 2);
    for (let i = e; i < first; i++) rank4Row(L, n, j, i, e, i);
    for (let i = first; i < n; i += 2) {
      const ri = i * n, rh = ri + n;
      const x0 = L[ri + j]!, x1 = L[ri + j + 1]!;
      const x2 = L[ri + j + 2]!, x3 = L[ri + j + 3]!;
      const y0 = L[rh + j]!, y1 = L[rh + j + 1]!;
      const y2 = L[rh + j + 2]!, y3 = L[rh + j + 3]!;
      for (let k = e; k <= i; k++) {
        const rk = k * n + j;
        const l0 = L[rk]!, l1 = L[rk + 1]!, l2 = L[rk + 2]!, l3 = L[rk + 3]!;
        L[ri + k]! -= x0 * l0 + x1 * l1 + x2 * l2 + x3 * l3;
        L[rh + k]! -= y0 * l0 + y1 * l1 + y2 * l2 + y3 * l3;
      }
      rank4Row(L, n, j, i + 1, i + 1, i + 1);
    }
  }
  return L;
}

/**
 * `L[i][k] −= Σ_{p<4} L[i][j + p] L[k][j + p]` for k = k0 … k1: one row of the rank-4
 * update in {@link choleskyFactor}.
 */
function rank4Row(
  L: Float64Array,
  n: number,
  j: number,
  i: number,
  k0: number,
  k1: number,
): void {
  const ri = i * n;
  const x0 = L[ri + j]!, x1 = L[ri + j + 1]!;
  const x2 = L[ri + j + 2]!, x3 = L[ri + j + 3]!;
  for (let k = k0; k <= k1; k++) {
    const rk = k * n + j;
    L[ri + k]! -= x0 * L[rk]! + x1 * L[rk + 1]! + x2 * L[rk + 2]! +
      x3 * L[rk + 3]!;
  }
}

/** Solves L Lᵀ X = B; B is n x k row-major. */
function cholSolve(
  L: Float64Array,
  n: number,
  B: Float64Array,
  k: number,
): Float64Array {
  const X = B.slice(0, n * k);
  for (let i = 0; i < n; i++) {
    const ri = i * n, xi = i * k;
    for (let p = 0; p < i; p++) {
      const l = L[ri + p]!;
      if (l === 0) continue;
      const xp = p * k;
      for (let c = 0; c < k; c++) X[xi + c]! -= l * X[xp + c]!;
    }
    const d = L[ri + i]!;
    for (let c = 0; c < k; c++) X[xi + c]! /= d;
  }
  for (let i = n - 1; i >= 0; i--) {
    const ri = i * n, xi = i * k;
    const d = L[ri + i]!;
    for (let c = 0; c < k; c++) X[xi + c]! /= d;
    for (let p = 0; p < i; p++) {
      const l = L[ri + p]!;
      if (l === 0) continue;
      const xp = p * k;
      for (let c = 0; c < k; c++) X[xp + c]! -= l * X[xi + c]!;
    }
  }
  return X;
}

/**
 * Solves L Lᵀ x = v in place: forward substitution by columns of L, then back
 * substitution by rows, both as updates of v (no loop-carried sums).
 */
function cholSolveVec(L: Float64Array, n: number, v: Float64Array): void {
  for (let j = 0; j < n; j++) {
    const xj = (v[j]! /= L[j * n + j]!);
    for (let i = j + 1; i < n; i++) v[i]! -= L[i * n + j]! * xj;
  }
  for (let i = n - 1; i >= 0; i--) {
    const ri = i * n;
    const xi = (v[i]! /= L[ri + i]!);
    for (let p = 0; p < i; p++) v[p]! -= L[ri + p]! * xi;
  }
}

/**
 * Householder QR with column pivoting of B (t x p, t ≥ p) held as T = Bᵀ: p
 * contiguous rows of length t, row k being column k of B (LAPACK's dgeqp3 pivot rule
 * with dlarfg's reflectors; trailing norms are recomputed, not downdated). In place:
 * afterwards B P = Q R with column k of B P the original column perm[k],
 * R[k][j] = T[j·t + k] for j ≥ k, reflector k is v = (1, T[k·t + k+1 ..]) on entries
 * k.., Hₖ = I − tau[k] v vᵀ and Q = H₀ H₁ ⋯ H_{p−1}.
 */
function householderQr(
  T: Float64Array,
  p: number,
  t: number,
  tau: Float64Array,
  perm: Int32Array,
): void {
  for (let k = 0; k < p; k++) perm[k] = k;
  for (let k = 0; k < p; k++) {
    // Pivot: the remaining column with the largest trailing norm.
    let best = k, bestNorm = -1;
    for (let j = k; j < p; j++) {
      const nj = norm2(T, j * t + k, t - k);
      if (nj > bestNorm) {
        bestNorm = nj;
        best = j;
      }
    }
    const rk = k * t;
    if (best !== k) swapRows(T, t, k, best, perm);
    const alpha = T[rk + k]!;
    const xnorm = norm2(T, rk + k + 1, t - k - 1);
    if (xnorm === 0) {
      tau[k] = 0;
      continue;
    }
    const beta = (alpha >= 0 ? -1 : 1) * Math.hypot(alpha, xnorm);
    const tk = (tau[k] = (beta - alpha) / beta);
    const scale = 1 / (alpha - beta);
    for (let i = k + 1; i < t; i++) T[rk + i]! *= scale;
    T[rk + k] = beta;
    for (let j = k + 1; j < p; j++) {
      const rj = j * t;
      let w = T[rj + k]!;
      for (let i = k + 1; i < t; i++) w += T[rk + i]! * T[rj + i]!;
      w *= tk;
      T[rj + k]! -= w;
      for (let i = k + 1; i < t; i++) T[rj + i]! -= w * T[rk + i]!;
    }
  }
}

/** v ← Qᵀ v (`transposed`) or v ← Q v, for Q from {@link householderQr}; |v| = t. */
function applyHouseholder(
  T: Float64Array,
  p: number,
  t: number,
  tau: Float64Array,
  v: Float64Array,
  transposed: boolean,
): void {
  for (let step = 0; step < p; step++) {
    const k = transposed ? step : p - 1 - step;
    const tk = tau[k]!;
    if (tk === 0) continue;
    const rk = k * t;
    let w = v[k]!;
    for (let i = k + 1; i < t; i++) w += T[rk + i]! * v[i]!;
    w *= tk;
    v[k]! -= w;
    for (let i = k + 1; i < t; i++) v[i]! -= w * T[rk + i]!;
  }
}

/**
 * One-sided Jacobi (Hestenes) on the p rows of G (p x len, row-major): rotates pairs
 * of rows until all are mutually orthogonal to working precision,
 * |gᵢ·gⱼ| ≤ √p · eps · ‖gᵢ‖‖gⱼ‖ (the test of LAPACK's dgesvj). With V the product
 * of the rotations, G ← Vᵀ G, so G₀ = V G = Σᵢ vᵢ gᵢᵀ; the same rotations are applied
 * to the p-vector u, giving u ← Vᵀ u (i.e. uᵢ = vᵢ·u₀) without forming V.
 */
function jacobiSvd(
  G: Float64Array,
  p: number,
  len: number,
  u: Float64Array,
): void {
  const tol = Math.sqrt(p) * EPS;
  for (let sweep = 0; sweep < 100; sweep++) {
    let rotated = false;
    for (let i = 0; i < p - 1; i++) {
      const gi = i * len;
      for (let j = i + 1; j < p; j++) {
        const gj = j * len;
        let alpha = 0, beta = 0, gamma = 0;
        for (let k = 0; k < len; k++) {
          const a = G[gi + k]!, b = G[gj + k]!;
          alpha += a * a;
          beta += b * b;
          gamma += a * b;
        }
        if (!(Math.abs(gamma) > tol * Math.sqrt(alpha) * Math.sqrt(beta))) {
          continue;
        }
        rotated = true;
        const zeta = (beta - alpha) / (2 * gamma);
        const t = Math.abs(zeta) > 1e150 ? 0.5 / zeta : (zeta >= 0 ? 1 : -1) /
          (Math.abs(zeta) + Math.sqrt(1 + zeta * zeta));
        const c = 1 / Math.sqrt(1 + t * t), s = c * t;
        for (let k = 0; k < len; k++) {
          const a = G[gi + k]!, b = G[gj + k]!;
          G[gi + k] = c * a - s * b;
          G[gj + k] = s * a + c * b;
        }
        const ui = u[i]!, uj = u[j]!;
        u[i] = c * ui - s * uj;
        u[j] = s * ui + c * uj;
      }
    }
    if (!rotated) break;
  }
}

function transposeData(a: Float64Array, m: number, n: number): Float64Array {
  const t = new Float64Array(m * n);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) t[j * m + i] = a[i * n + j]!;
  }
  return t;
}

/** Euclidean norm of v[off .. off+len), rescaling only when squares over/underflow. */
function norm2(v: Float64Array, off: number, len: number): number {
  let ss = 0;
  for (let k = off; k < off + len; k++) ss += v[k]! * v[k]!;
  if (ss < Number.MAX_VALUE && ss > 1e-280) return Math.sqrt(ss);
  let scale = 0;
  for (let k = off; k < off + len; k++) {
    scale = Math.max(scale, Math.abs(v[k]!));
  }
  if (scale === 0) return 0;
  // A power of two, so that dividing by it is exact.
  scale = 2 ** Math.floor(Math.log2(scale));
  ss = 0;
  for (let k = off; k < off + len; k++) {
    const r = v[k]! / scale;
    ss += r * r;
  }
  return scale * Math.sqrt(ss);
}

/** ‖A‖₁: the largest column sum of absolute values. */
function norm1(a: Float64Array, n: number): number {
  const colSums = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const ri = i * n;
    for (let j = 0; j < n; j++) colSums[j]! += Math.abs(a[ri + j]!);
  }
  let best = 0;
  for (let j = 0; j < n; j++) best = Math.max(best, colSums[j]!);
  return best;
}

function isSymmetric(a: Float64Array, n: number): boolean {
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i; j++) {
      if (a[i * n + j] !== a[j * n + i]) return false;
    }
  }
  return true;
}

function checkDim(fn: string, name: string, v: unknown): void {
  if (typeof v !== "number") {
    throw new TypeError(
      `${fn}(): ${name} must be a non-negative integer (received ${
        describe(v)
      })`,
    );
  }
  if (!Number.isInteger(v) || v < 0) {
    throw new RangeError(
      `${fn}(): ${name} must be a non-negative integer (received ${
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

/**
 * Throws if a computed product (row-major, `cols` wide) holds an entry that
 * overflowed to ±Infinity or became NaN (∞ − ∞): one pass over the output.
 */
function checkProduct(
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

function checkIndex(fn: string, name: string, v: number, size: number): void {
  if (!(Number.isInteger(v) && v >= 0 && v < size)) {
    throw new RangeError(
      `${fn}(): ${name} must be an integer in [0, ${size}) (received ${
        describe(v)
      })`,
    );
  }
}

function checkMatrix(fn: string, name: string, a: unknown): void {
  if (!(a instanceof Matrix)) {
    throw new TypeError(
      `${fn}(): ${name} must be a Matrix (received ${describe(a)})`,
    );
  }
  const d = a.data, c = a.cols;
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

function checkSquare(fn: string, A: unknown): void {
  checkMatrix(fn, "A", A);
  const { rows, cols } = A as Matrix;
  if (rows !== cols || rows === 0) {
    throw new RangeError(
      `${fn}(): A must be a non-empty square matrix (received ${rows}x${cols} matrix)`,
    );
  }
}

function isArrayLike(value: unknown): value is ArrayLike<unknown> {
  return Array.isArray(value) ||
    (ArrayBuffer.isView(value) && !(value instanceof DataView));
}
