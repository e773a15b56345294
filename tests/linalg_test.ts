/**
 * Tests for lib/linalg.ts against numpy golden values (tests/fixtures/linalg.json,
 * written by tools/fixtures/linalg.py).
 *
 * Tolerances. Comparisons are normwise: ‖ours − numpy‖ / ‖numpy‖.
 * - Products (matmul, matvec, gram, dot): 1e-14. Same sums in a possibly different
 *   order; the difference is a few ulps of the largest partial sum.
 * - solve: 1e-10 for the well-conditioned systems (cond ≤ ~35, so both answers lie
 *   within ~cond · eps ≈ 1e-14 of the truth; 1e-10 leaves room for other data without
 *   hiding a wrong algorithm, which errs by O(1)). For the 8x8 Hilbert matrix
 *   (cond 1.5e10) the bound is the forward-error bound 100 · cond · eps ≈ 3e-4.
 * - lstsq x: 1e-10 (the well-posed cases have cond ≤ ~1e4 in the kept subspace).
 *   Singular values: 1e-12 relative plus 1e-14 · s_max absolute (LAPACK's own
 *   accuracy is ~eps · s_max absolute); those numpy reports as numerically zero
 *   (~1e-16 · s_max, pure rounding noise in both) must be below 1e-14 · s_max here
 *   too. Residuals: within 1e-10 · ‖b‖² of numpy's
 *   ‖b − A x‖², an absolute scale that also covers consistent systems where both are
 *   rounding noise (~1e-30).
 */
import assert from "node:assert/strict";
import fc from "fast-check";
import { cholesky, inv, lstsq, solve } from "../lib/linalg.ts";
import { Matrix } from "../lib/matrix.ts";
import { dot, gram, matmul, matvec, norm, transpose } from "../lib/products.ts";

type Vec = number[];
type Mat = number[][];
interface SolveCase {
  name: string;
  A: Mat;
  b: Vec | Mat;
  x: Vec | Mat;
  cond: number;
}
interface LstsqCase {
  name: string;
  A: Mat;
  b: Vec;
  rcond: number | null;
  x: Vec;
  residuals: number | null;
  residualsDirect: number;
  rank: number;
  singularValues: Vec;
}
interface Fixture {
  products: {
    a: Mat;
    b: Mat;
    v: Vec;
    ab: Mat;
    av: Vec;
    design: Mat;
    gram: Mat;
    dot: number;
    dotX: Vec;
    dotY: Vec;
    norm: number;
  };
  solve: SolveCase[];
  inv: { A: Mat; inv: Mat };
  lstsq: LstsqCase[];
}

const fixture: Fixture = JSON.parse(
  Deno.readTextFileSync(new URL("./fixtures/linalg.json", import.meta.url)),
);

const EPS = 2 ** -52;

function flat(v: ArrayLike<number> | Matrix | Mat): number[] {
  if (v instanceof Matrix) return Array.from(v.data);
  const arr = Array.from(v as ArrayLike<number | number[]>);
  return arr.flatMap((r) => (typeof r === "number" ? [r] : r));
}

function euclid(v: number[]): number {
  return Math.sqrt(v.reduce((s, x) => s + x * x, 0));
}

/** Normwise relative difference ‖a − b‖ / ‖b‖ (absolute if b = 0). */
function relDiff(
  a: ArrayLike<number> | Matrix | Mat,
  b: ArrayLike<number> | Matrix | Mat,
): number {
  const fa = flat(a), fb = flat(b);
  assert.equal(fa.length, fb.length, "lengths differ");
  const d = euclid(fa.map((x, i) => x - fb[i]!));
  const s = euclid(fb);
  return s === 0 ? d : d / s;
}

function assertClose(
  actual: ArrayLike<number> | Matrix | Mat,
  expected: ArrayLike<number> | Matrix | Mat,
  tol: number,
  what: string,
) {
  const r = relDiff(actual, expected);
  assert.ok(r <= tol, `${what}: relative difference ${r} > ${tol}`);
}

// ---------------------------------------------------------------------------
// Matrix

Deno.test("Matrix.from() copies rows row-major and toArray() round-trips", () => {
  const rows = [[1, 2, 3], [4, 5, 6]];
  const a = Matrix.from(rows);
  assert.deepEqual(a.data, new Float64Array([1, 2, 3, 4, 5, 6]));
  assert.deepEqual(a.toArray(), rows);
  rows[0]![0] = 100;
  assert.equal(a.get(0, 0), 1, "from() must copy");
  assert.deepEqual(Matrix.from([new Float64Array([1, 2])]).toArray(), [[1, 2]]);
  const empty = Matrix.from([]);
  assert.equal(empty.rows, 0);
  assert.equal(empty.cols, 0);
});

Deno.test("Matrix.from() refuses ragged rows, naming the row", () => {
  assert.throws(
    () => Matrix.from([[1, 2], [3, 4], [5]]),
    {
      name: "RangeError",
      message:
        "Matrix.from(): rows[2] must have length 2 like rows[0] (received length 1)",
    },
  );
  assert.throws(() => Matrix.from([[1], 2 as unknown as number[]]), {
    name: "TypeError",
    message: "Matrix.from(): rows[1] must be an array of numbers (received 2)",
  });
});

Deno.test("Matrix refuses NaN and infinities wherever values enter", () => {
  assert.throws(() => Matrix.from([[1, 2], [NaN, 4]]), {
    name: "RangeError",
    message: "Matrix.from(): rows[1][0] must be a finite number (received NaN)",
  });
  assert.throws(
    () => new Matrix(1, 2, new Float64Array([1, Infinity])),
    /Matrix\(\): data\[1\] must be a finite number \(received Infinity\)/,
  );
  assert.throws(() => Matrix.zeros(1, 1).set(0, 0, NaN), RangeError);
  // Values written directly into .data are caught by the functions.
  const a = Matrix.identity(2);
  a.data[3] = NaN;
  assert.throws(() => matmul(a, a), {
    name: "RangeError",
    message: "matmul(): a[1][1] must be a finite number (received NaN)",
  });
  assert.throws(
    () => solve(a, [1, 1]),
    /solve\(\): A\[1\]\[1\] must be a finite/,
  );
  assert.throws(
    () => lstsq(a, [1, 1]),
    /lstsq\(\): A\[1\]\[1\] must be a finite/,
  );
  assert.throws(
    () => solve(Matrix.identity(2), [1, NaN]),
    /solve\(\): b\[1\] must be a finite number \(received NaN\)/,
  );
});

Deno.test("Matrix validates dimensions, data length and indices", () => {
  assert.throws(
    () => new Matrix(-1, 2),
    /Matrix\(\): rows must be an integer in \[0, 268435456\] \(received -1\)/,
  );
  assert.throws(
    () => new Matrix(2, 1.5),
    /Matrix\(\): cols must be an integer in \[0, 268435456\] \(received 1.5\)/,
  );
  assert.throws(
    () => new Matrix(2, 3, new Float64Array(5)),
    /Matrix\(\): data must have length rows \* cols = 6 \(received 5\)/,
  );
  assert.throws(
    () => new Matrix(1, 1, [1] as unknown as Float64Array),
    TypeError,
  );
  const a = Matrix.zeros(2, 3);
  assert.throws(() => a.get(0, 3), /get\(\): j must be an integer in \[0, 3\)/);
  assert.throws(() => a.set(-1, 0, 1), /set\(\): i must be an integer/);
  assert.throws(() => a.row(2), /row\(\): i must be an integer in \[0, 2\)/);
  assert.throws(() => a.col(0.5), /col\(\): j must be an integer/);
});

Deno.test("Matrix.row() is a view into data and Matrix.col() is a copy", () => {
  const a = Matrix.from([[1, 2], [3, 4]]);
  a.row(0)[1] = 20;
  assert.equal(a.get(0, 1), 20);
  const c = a.col(0);
  c[0] = 100;
  assert.equal(a.get(0, 0), 1);
  assert.deepEqual(Matrix.identity(3).toArray(), [[1, 0, 0], [0, 1, 0], [
    0,
    0,
    1,
  ]]);
});

// ---------------------------------------------------------------------------
// Products

Deno.test("matmul(), matvec(), transpose(), dot() and norm() match numpy", () => {
  const p = fixture.products;
  const a = Matrix.from(p.a), b = Matrix.from(p.b);
  assertClose(matmul(a, b), p.ab, 1e-14, "matmul");
  assertClose(matvec(a, p.v), p.av, 1e-14, "matvec");
  assert.deepEqual(transpose(transpose(a)), a);
  assert.equal(transpose(a).get(2, 3), a.get(3, 2));
  assert.ok(Math.abs(dot(p.dotX, p.dotY) - p.dot) <= 1e-14 * Math.abs(p.dot));
  assert.ok(Math.abs(norm(p.v) - p.norm) <= 1e-15 * p.norm);
});

Deno.test("gram() matches numpy's X.T @ X and is exactly symmetric", () => {
  const p = fixture.products;
  const x = Matrix.from(p.design);
  const g = gram(x);
  assertClose(g, p.gram, 1e-14, "gram");
  assertClose(g, matmul(transpose(x), x), 1e-15, "gram vs matmul");
  for (let i = 0; i < g.rows; i++) {
    for (let j = 0; j < i; j++) assert.equal(g.get(i, j), g.get(j, i));
  }
  // Rows of x are processed four at a time and rows of the result four at a time:
  // every remainder (m mod 4, n mod 4) must be handled. Small integers make both
  // computations exact, so equality is required.
  for (let m = 1; m <= 9; m++) {
    for (let n = 1; n <= 7; n++) {
      const x = Matrix.zeros(m, n);
      x.data.forEach((_, k) => (x.data[k] = ((k * 7) % 11) - 5));
      assert.deepEqual(gram(x), matmul(transpose(x), x), `m = ${m}, n = ${n}`);
    }
  }
  assert.deepEqual(gram(Matrix.from([[1, 2], [3, 4], [5, 6]])).toArray(), [
    [35, 44],
    [44, 56],
  ]);
});

Deno.test("gram(a, out) writes aᵀ a into out, whatever it held, and refuses a wrong shape or shared memory", () => {
  const x = Matrix.from([[1, 2, 0], [3, 4, 1], [5, 6, -2]]);
  const out = Matrix.zeros(3, 3);
  out.data.fill(7);
  assert.equal(gram(x, out), out);
  assert.deepEqual(out, gram(x));
  assert.throws(() => gram(x, Matrix.zeros(3, 2)), {
    name: "RangeError",
    message: "gram(): out must be 3x3 like aᵀ a (received 3x2 matrix)",
  });
  assert.throws(() => gram(x, x), {
    name: "RangeError",
    message: "gram(): out must not share memory with a",
  });
  assert.throws(() => gram(x, [[0]] as unknown as Matrix), {
    name: "TypeError",
    message: "gram(): out must be a Matrix (received array of length 1)",
  });
});

Deno.test("products refuse mismatched shapes with both sizes in the message", () => {
  const a = Matrix.zeros(2, 3), b = Matrix.zeros(4, 2);
  assert.throws(() => matmul(a, b), {
    name: "RangeError",
    message: "matmul(): a.cols must equal b.rows (received 3 and 4)",
  });
  assert.throws(() => matvec(a, [1, 2]), {
    name: "RangeError",
    message: "matvec(): x.length must equal a.cols (received 2 and 3)",
  });
  assert.throws(() => dot([1, 2, 3], [1, 2]), {
    name: "RangeError",
    message: "dot(): x and y must have the same length (received 3 and 2)",
  });
  assert.throws(
    () => matmul([[1]] as unknown as Matrix, a),
    /matmul\(\): a must be a Matrix \(received array of length 1\)/,
  );
});

Deno.test("norm() neither overflows nor underflows", () => {
  assert.equal(norm([1e200, 1e200]), Math.SQRT2 * 1e200);
  assert.ok(Math.abs(norm([3e-200, 4e-200]) - 5e-200) <= 1e-15 * 5e-200);
  assert.equal(norm([0, 0]), 0);
  assert.equal(norm([]), 0);
  assert.equal(norm([-2]), 2);
});

// ---------------------------------------------------------------------------
// solve, inv, cholesky

Deno.test("solve() matches numpy on SPD, non-symmetric, indefinite and multi-RHS systems", () => {
  for (const c of fixture.solve) {
    const A = Matrix.from(c.A);
    const x = typeof c.b[0] === "number"
      ? solve(A, c.b as Vec)
      : solve(A, Matrix.from(c.b as Mat));
    const tol = c.cond < 1e3 ? 1e-10 : 100 * c.cond * EPS;
    assertClose(x, c.x, tol, c.name);
    if (Array.isArray(c.x[0])) {
      assert.ok(x instanceof Matrix, `${c.name}: matrix b gives a Matrix`);
    } else {
      assert.ok(
        x instanceof Float64Array,
        `${c.name}: vector b gives a vector`,
      );
    }
  }
});

Deno.test("solve() accepts number[] and Float64Array right-hand sides and does not modify inputs", () => {
  const c = fixture.solve[0]!;
  const A = Matrix.from(c.A);
  const before = A.data.slice();
  const b = new Float64Array(c.b as Vec);
  const bBefore = b.slice();
  assert.deepEqual(solve(A, b), solve(A, c.b as Vec));
  assert.deepEqual(A.data, before);
  assert.deepEqual(b, bBefore);
});

Deno.test("inv() matches numpy and A · inv(A) ≈ I", () => {
  const A = Matrix.from(fixture.inv.A);
  const Ai = inv(A);
  assertClose(Ai, fixture.inv.inv, 1e-10, "inv");
  assertClose(matmul(A, Ai), Matrix.identity(A.rows), 1e-13, "A inv(A)");
});

Deno.test("solve() throws 'A is singular' for exactly and numerically singular A", () => {
  // Exact: LU meets an all-zero pivot column.
  assert.throws(() => solve(Matrix.from([[1, 2], [2, 4]]), [1, 2]), {
    name: "RangeError",
    message:
      "solve(): A is singular (no nonzero pivot in column 1 of the LU factorization)",
  });
  assert.throws(() => solve(Matrix.zeros(3, 3), [1, 2, 3]), /A is singular/);
  // Numerical: pivots are rounding noise (numpy returns ~1e16-sized garbage here).
  assert.throws(
    () => solve(Matrix.from([[1, 2, 3], [4, 5, 6], [7, 8, 9]]), [1, 2, 3]),
    /^RangeError: solve\(\): A is singular to working precision \(estimated reciprocal condition number .* < machine epsilon 2.22e-16\)$/,
  );
  // Symmetric positive semidefinite (Cholesky path): rank-1 Gram matrix.
  const g = gram(Matrix.from([[1, 2, 3], [2, 4, 6], [3, 6, 9]]));
  assert.throws(() => solve(g, [1, 1, 1]), /solve\(\): A is singular/);
  assert.throws(
    () => inv(Matrix.from([[1, 1], [1, 1]])),
    /inv\(\): A is singular/,
  );
});

Deno.test("solve() accepts ill-conditioned but nonsingular systems (cond 1e12)", () => {
  // diag(1, 1e-12): rcond = 1e-12 is far above eps, so this must be solved, exactly.
  const A = Matrix.from([[1, 0], [0, 1e-12]]);
  assert.deepEqual(solve(A, [1, 1]), new Float64Array([1, 1e12]));
});

Deno.test("solve() refuses non-square A and mismatched b", () => {
  assert.throws(() => solve(Matrix.zeros(2, 3), [1, 2]), {
    name: "RangeError",
    message:
      "solve(): A must be a non-empty square matrix (received 2x3 matrix)",
  });
  assert.throws(() => solve(Matrix.identity(2), [1, 2, 3]), {
    name: "RangeError",
    message: "solve(): b.length must equal A.rows (received 3 and 2)",
  });
  assert.throws(
    () => solve(Matrix.identity(2), Matrix.zeros(3, 1)),
    /solve\(\): b.rows must equal A.rows \(received 3 and 2\)/,
  );
});

Deno.test("solve() leaves a residual ‖Ax − b‖ of order eps·‖A‖‖x‖ on random diagonally dominant systems", () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: 12 }),
      fc.boolean(),
      fc.array(fc.double({ min: -1, max: 1, noNaN: true }), {
        minLength: 144 + 12,
        maxLength: 144 + 12,
      }),
      (n, symmetric, vals) => {
        const A = Matrix.zeros(n, n);
        for (let i = 0; i < n; i++) {
          for (let j = 0; j < n; j++) {
            const v = symmetric && j > i
              ? vals[j * 12 + i]!
              : vals[i * 12 + j]!;
            A.data[i * n + j] = i === j ? n + 1 + Math.abs(v) : v;
          }
        }
        const b = vals.slice(144, 144 + n);
        const x = solve(A, b);
        const r = matvec(A, x).map((v, i) => v - b[i]!);
        const bound = 100 * n * EPS * (2 * n + 2) * (norm(x) + 1);
        return norm(r) <= bound;
      },
    ),
    { seed: 42, numRuns: 300 },
  );
});

Deno.test("cholesky() returns lower-triangular L with L Lᵀ = A", () => {
  const c = fixture.solve[0]!;
  const A = Matrix.from(c.A);
  const L = cholesky(A);
  for (let i = 0; i < L.rows; i++) {
    assert.ok(L.get(i, i) > 0);
    for (let j = i + 1; j < L.cols; j++) assert.equal(L.get(i, j), 0);
  }
  assertClose(matmul(L, transpose(L)), A, 1e-14, "L Lᵀ");
  // The factorization works on panels of four columns, the update on pairs of rows:
  // every order up to 13 covers each leftover. A = BᵀB + I is well conditioned.
  for (let n = 1; n <= 13; n++) {
    const B = Matrix.zeros(n + 2, n);
    B.data.forEach((_, k) => (B.data[k] = Math.sin(k * 1.7 + n)));
    const A = gram(B);
    for (let i = 0; i < n; i++) A.data[i * n + i]! += 1;
    const L = cholesky(A);
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) assert.equal(L.get(i, j), 0);
    }
    assertClose(matmul(L, transpose(L)), A, 1e-14, `L Lᵀ, n = ${n}`);
    // Only the lower triangle is read when A is symmetric to within √eps·max|A|.
    const B2 = new Matrix(n, n, A.data.slice());
    if (n > 1) B2.data[1]! *= 1 + 1e-12;
    assert.deepEqual(cholesky(B2), L);
    // A non-positive pivot at any position is reported with its leading minor.
    for (let k = 0; k < n; k++) {
      const D = Matrix.identity(n);
      D.data[k * n + k] = -1;
      assert.throws(() => cholesky(D), {
        message:
          `cholesky(): A must be positive definite (leading minor of order ${
            k + 1
          } is not positive)`,
      });
    }
  }
});

Deno.test("cholesky(A, { overwriteA: true }) returns A holding the same L, its upper triangle zeroed", () => {
  for (let n = 1; n <= 9; n++) {
    const B = Matrix.zeros(n + 1, n);
    B.data.forEach((_, k) => (B.data[k] = Math.cos(k * 0.9 + n)));
    const A = gram(B);
    for (let i = 0; i < n; i++) A.data[i * n + i]! += 0.5;
    const L = cholesky(A);
    assert.equal(cholesky(A, { overwriteA: true }), A);
    assert.deepEqual(A, L, `n = ${n}`);
  }
  assert.throws(
    () => cholesky(Matrix.identity(2), { overwriteA: 1 as never }),
    {
      name: "TypeError",
      message: "cholesky(): overwriteA must be a boolean (received 1)",
    },
  );
  assert.throws(() => cholesky(Matrix.identity(2), null as never), {
    name: "TypeError",
    message: "cholesky(): options must be an object (received null)",
  });
});

Deno.test("cholesky() refuses non-symmetric and non-positive-definite matrices", () => {
  assert.throws(() => cholesky(Matrix.from([[2, 1], [0, 2]])), {
    name: "RangeError",
    message:
      "cholesky(): A must be symmetric (received A[1][0]=0 and A[0][1]=1)",
  });
  assert.throws(() => cholesky(Matrix.from([[1, 0], [0, -1]])), {
    name: "RangeError",
    message:
      "cholesky(): A must be positive definite (leading minor of order 2 is not positive)",
  });
  assert.throws(
    () => cholesky(Matrix.zeros(2, 3)),
    /must be a non-empty square/,
  );
});

// ---------------------------------------------------------------------------
// lstsq

function checkLstsq(c: LstsqCase) {
  const A = Matrix.from(c.A);
  const res = lstsq(A, c.b, c.rcond === null ? {} : { rcond: c.rcond });
  assert.equal(res.rank, c.rank, `${c.name}: rank`);
  assertClose(res.x, c.x, 1e-10, `${c.name}: x`);
  const sMax = c.singularValues[0]!;
  assert.equal(res.singularValues.length, c.singularValues.length);
  c.singularValues.forEach((s, i) => {
    const ours = res.singularValues[i]!;
    if (s > 1e-13 * sMax) {
      // LAPACK's bidiagonal SVD is accurate to ~eps·s_max absolutely, so the bound
      // mixes 1e-12 relative with 1e-14·s_max absolute.
      assert.ok(
        Math.abs(ours - s) <= 1e-12 * s + 1e-14 * sMax,
        `${c.name}: singular value ${i}: ${ours} vs numpy ${s}`,
      );
    } else {
      assert.ok(
        ours <= 1e-14 * sMax,
        `${c.name}: singular value ${i} should be numerically zero: ${ours}`,
      );
    }
  });
  const bb = c.b.reduce((s, v) => s + v * v, 0);
  assert.ok(
    Math.abs(res.residuals - c.residualsDirect) <= 1e-10 * bb,
    `${c.name}: residuals ${res.residuals} vs ‖b − Ax‖² ${c.residualsDirect}`,
  );
  if (c.residuals !== null) {
    assert.ok(Math.abs(res.residuals - c.residuals) <= 1e-10 * bb);
  }
}

for (const c of fixture.lstsq) {
  Deno.test(`lstsq() matches numpy (x, residuals, rank, singular values): ${c.name}`, () => {
    checkLstsq(c);
  });
}

Deno.test("lstsq() covers overdetermined, underdetermined and rank-deficient fixtures", () => {
  // Guards against the fixture silently losing the cases the tests above rely on.
  const shapes = fixture.lstsq.map((c) => ({
    m: c.A.length,
    n: c.A[0]!.length,
    rank: c.rank,
  }));
  assert.ok(shapes.some((s) => s.m > s.n && s.rank === s.n));
  assert.ok(shapes.some((s) => s.m < s.n && s.rank === s.m));
  assert.ok(shapes.some((s) => s.m > s.n && s.rank < s.n));
  assert.ok(shapes.some((s) => s.m < s.n && s.rank < s.m));
});

Deno.test("lstsq() of an underdetermined system gives the minimum-norm solution", () => {
  const c = fixture.lstsq.find((c) => c.name === "underdetermined 5x8")!;
  const A = Matrix.from(c.A);
  const { x } = lstsq(A, c.b);
  // Exact fit, and x lies in the row space of A (so no null-space component):
  // x = Aᵀ w with w = (A Aᵀ)⁻¹ b.
  assertClose(matvec(A, x), c.b, 1e-12, "A x = b");
  const w = solve(matmul(A, transpose(A)), c.b);
  assertClose(x, matvec(transpose(A), w), 1e-10, "x in row space");
});

Deno.test("lstsq() on a square invertible system agrees with solve()", () => {
  const c = fixture.solve[1]!;
  const A = Matrix.from(c.A);
  const res = lstsq(A, c.b as Vec);
  assert.equal(res.rank, A.rows);
  assertClose(res.x, solve(A, c.b as Vec), 1e-12, "lstsq vs solve");
});

Deno.test("lstsq() of a zero matrix has rank 0 and x = 0", () => {
  const res = lstsq(Matrix.zeros(3, 2), [1, 2, 3]);
  assert.equal(res.rank, 0);
  assert.deepEqual(res.x, new Float64Array(2));
  assert.equal(res.residuals, 14);
  assert.deepEqual(res.singularValues, new Float64Array(2));
});

Deno.test("lstsq() validates its arguments", () => {
  assert.throws(() => lstsq(Matrix.zeros(3, 2), [1, 2]), {
    name: "RangeError",
    message: "lstsq(): b.length must equal A.rows (received 2 and 3)",
  });
  assert.throws(
    () => lstsq(Matrix.zeros(0, 2), []),
    /lstsq\(\): A must have at least one row and one column \(received 0x2 matrix\)/,
  );
  assert.throws(
    () => lstsq(Matrix.identity(2), [1, 2], { rcond: -1 }),
    /lstsq\(\): rcond must be at least 0 \(received -1\)/,
  );
});
