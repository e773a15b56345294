/**
 * Matrix and vector products in Float64: {@link matmul}, {@link matvec},
 * {@link transpose}, {@link gram} (`XᵀX`), {@link dot} and {@link norm}.
 *
 * Tight loops over `Float64Array`s (no per-element allocation), because the
 * regression chapters call them in their inner loops. Inputs are checked at the
 * boundary (shapes agree, entries finite); a product that overflows the float64
 * range is refused rather than returned with infinities.
 *
 * @module
 */

import {
  checkSameLength,
  describe,
  isInstance,
  toFloat64Array,
} from "./_validate.ts";
import { checkMatrix, checkProduct } from "./_validate_matrix.ts";
import { norm2 } from "./_lapack.ts";
import { Matrix } from "./matrix.ts";

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
 * import { Matrix } from "./matrix.ts";
 * import { matmul } from "./products.ts";
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
 * import { Matrix } from "./matrix.ts";
 * import { matvec } from "./products.ts";
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
 * import { Matrix } from "./matrix.ts";
 * import { transpose } from "./products.ts";
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
 * import { Matrix } from "./matrix.ts";
 * import { gram } from "./products.ts";
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
    if (!isInstance(out, Matrix)) {
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
 * import { dot } from "./products.ts";
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
 * import { norm } from "./products.ts";
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
