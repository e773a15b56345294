/**
 * Evaluating a (log-)likelihood on a grid of parameter values, to draw it and to
 * locate its maximum by brute force: `linspace` for the axes, `grid1d` for a curve,
 * `grid2d` for a surface laid out as Observable Plot's `contour` and `raster` marks
 * expect it.
 *
 * @module
 */

import {
  allocate,
  checkFinite,
  checkInteger,
  describe,
  type NumericArray,
  toFloat64Array,
} from "./_validate.ts";

/** The most points {@link grid2d} evaluates: 2^24 (a 4096 x 4096 grid). */
const MAX_GRID = 2 ** 24;

/**
 * `num` evenly spaced numbers from `start` to `stop`, both included, as
 * `numpy.linspace(start, stop, num)`: `start + k·(stop − start)/(num − 1)`, with the
 * last value exactly `stop`.
 *
 * @param start The first value, finite.
 * @param stop The last value, finite.
 * @param num How many values, an integer ≥ 1 (`num = 1` gives `[start]`).
 * @returns The values.
 * @throws {TypeError} If an argument is not a number.
 * @throws {RangeError} If `start` or `stop` is not finite, or `num` is not an
 *   integer in [1, 2^28] (the library's array limit).
 *
 * @example
 * ```ts
 * import { linspace } from "./likelihood.ts";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual(Array.from(linspace(0, 1, 5)), [0, 0.25, 0.5, 0.75, 1]);
 * assert.equal(linspace(0, 0.3, 7)[6], 0.3);
 * ```
 */
export function linspace(
  start: number,
  stop: number,
  num: number,
): Float64Array {
  const fn = "linspace";
  checkFinite(fn, "start", start);
  checkFinite(fn, "stop", stop);
  checkInteger(fn, "num", num, { min: 1 });
  const out = allocate(fn, "num", num);
  if (num === 1) {
    out[0] = start;
    return out;
  }
  const step = (stop - start) / (num - 1);
  if (Number.isFinite(step)) {
    for (let k = 0; k < num; k++) out[k] = start + k * step;
  } else {
    // stop − start overflows (ends of opposite signs near the largest double):
    // interpolate convexly instead, which cannot overflow.
    for (let k = 0; k < num; k++) {
      const t = k / (num - 1);
      out[k] = start * (1 - t) + stop * t;
    }
  }
  out[num - 1] = stop;
  return out;
}

/** Where a grid's largest value is. */
export interface GridMax1d {
  /** Index of the largest value (the first one on ties). */
  index: number;
  /** The grid point there. */
  x: number;
  /** The largest value. */
  value: number;
}

/** Result of {@link grid1d}. */
export interface Grid1d {
  /** The grid points. */
  x: Float64Array;
  /** `f(x[k])` for each point. */
  values: Float64Array;
  /** The largest value and where it is. */
  argmax: GridMax1d;
}

function checkFunction(fn: string, f: unknown): void {
  if (typeof f !== "function") {
    throw new TypeError(
      `${fn}(): f must be a function (received ${describe(f)})`,
    );
  }
}

function checkValue(fn: string, v: number, where: string): void {
  if (typeof v !== "number" || Number.isNaN(v) || v === Infinity) {
    throw new RangeError(
      `${fn}(): f must return a number that is not NaN or +Infinity (received ${
        describe(v)
      } at ${where})`,
    );
  }
}

/**
 * Evaluates `f` at every point of `xs` and finds the largest value: a log-likelihood
 * curve and its brute-force maximiser.
 *
 * @param f The function, e.g. `(mu) => normalLogLikelihood(data, mu, sigma)`. It may
 *   return `-Infinity` (zero likelihood) but not NaN or `+Infinity`.
 * @param xs The grid points: at least one finite value.
 * @returns `{ x, values, argmax: { index, x, value } }`.
 * @throws {TypeError} If `f` is not a function or `xs` is not an array of numbers.
 * @throws {RangeError} If `xs` is empty or holds a non-finite value, or `f` returns
 *   NaN or `+Infinity`.
 *
 * @example The log-likelihood of p for 7 ones in 10 trials peaks at 0.7
 * ```ts
 * import { grid1d, linspace } from "./likelihood.ts";
 * import assert from "node:assert/strict";
 *
 * const g = grid1d((p) => 7 * Math.log(p) + 3 * Math.log1p(-p), linspace(0.01, 0.99, 99));
 * assert.ok(Math.abs(g.argmax.x - 0.7) < 1e-12);
 * assert.equal(g.values.length, 99);
 * ```
 */
export function grid1d(f: (x: number) => number, xs: NumericArray): Grid1d {
  const fn = "grid1d";
  checkFunction(fn, f);
  const x = Float64Array.from(toFloat64Array(fn, "xs", xs));
  const values = new Float64Array(x.length);
  let best = 0;
  for (let k = 0; k < x.length; k++) {
    const v = f(x[k]!);
    checkValue(fn, v, `x = ${x[k]}`);
    values[k] = v;
    if (v > values[best]!) best = k;
  }
  return {
    x,
    values,
    argmax: { index: best, x: x[best]!, value: values[best]! },
  };
}

/** Where a 2-D grid's largest value is. */
export interface GridMax2d {
  /** Column index (into `xs`). */
  i: number;
  /** Row index (into `ys`). */
  j: number;
  /** The grid point's x. */
  x: number;
  /** The grid point's y. */
  y: number;
  /** The largest value. */
  value: number;
}

/** Result of {@link grid2d}: a surface in the layout of Plot's `contour`/`raster`. */
export interface Grid2d {
  /** The x grid (columns). */
  xs: Float64Array;
  /** The y grid (rows). */
  ys: Float64Array;
  /**
   * `f(xs[i], ys[j])` at index `j · width + i`: row-major, row 0 at `ys[0]`. Pass it
   * as the data of `Plot.contour` or `Plot.raster` together with `width`, `height`,
   * `x1`, `x2`, `y1`, `y2`.
   */
  values: Float64Array;
  /** Number of columns, `xs.length`. */
  width: number;
  /** Number of rows, `ys.length`. */
  height: number;
  /**
   * Plot's bounds: the outer edges of the cells centred on the grid points, so that
   * Plot places each value exactly at its `(xs[i], ys[j])` (half a step beyond the
   * first and last points; for a single point, ±0.5).
   */
  x1: number;
  /** See {@link Grid2d.x1}. */
  x2: number;
  /** See {@link Grid2d.x1}. */
  y1: number;
  /** See {@link Grid2d.x1}. */
  y2: number;
  /** The largest value and where it is. */
  argmax: GridMax2d;
}

function edges(v: Float64Array): [number, number] {
  const n = v.length;
  if (n === 1) return [v[0]! - 0.5, v[0]! + 0.5];
  const lo = (v[1]! - v[0]!) / 2;
  const hi = (v[n - 1]! - v[n - 2]!) / 2;
  return [v[0]! - lo, v[n - 1]! + hi];
}

function checkIncreasing(fn: string, name: string, v: Float64Array): void {
  for (let k = 1; k < v.length; k++) {
    if (!(v[k]! > v[k - 1]!)) {
      throw new RangeError(
        `${fn}(): ${name} must be strictly increasing (received ${name}[${
          k - 1
        }] = ${v[k - 1]}, ${name}[${k}] = ${v[k]})`,
      );
    }
  }
}

/**
 * Evaluates `f(x, y)` on the grid `xs × ys` and finds the largest value: a
 * log-likelihood surface over two parameters, ready for `Plot.contour`.
 *
 * @param f The function of two parameters. It may return `-Infinity` but not NaN or
 *   `+Infinity`.
 * @param xs The x grid: finite, strictly increasing, evenly spaced for Plot (e.g.
 *   from {@link linspace}).
 * @param ys The y grid: likewise.
 * @returns `{ xs, ys, values, width, height, x1, x2, y1, y2, argmax }`; see
 *   {@link Grid2d}.
 * @throws {TypeError} If `f` is not a function or a grid is not an array of numbers.
 * @throws {RangeError} If a grid is empty, non-finite or not strictly increasing,
 *   the grid has more than 2^24 points (`xs.length * ys.length`: about 16.8 million
 *   evaluations of `f`, which bounds the call's time and its 128 MiB of values), or
 *   `f` returns NaN or `+Infinity`.
 *
 * @example A paraboloid peaks at its centre; values are row-major, row 0 at ys[0]
 * ```ts
 * import { grid2d, linspace } from "./likelihood.ts";
 * import assert from "node:assert/strict";
 *
 * const g = grid2d((x, y) => 5 - (x - 1) ** 2 - (y - 2) ** 2, linspace(0, 2, 5), linspace(1, 3, 3));
 * assert.deepEqual([g.argmax.x, g.argmax.y, g.argmax.value], [1, 2, 5]);
 * assert.equal(g.values[1 * g.width + 0], 4); // (x, y) = (0, 2)
 * assert.deepEqual([g.x1, g.x2, g.y1, g.y2], [-0.25, 2.25, 0.5, 3.5]);
 * ```
 */
export function grid2d(
  f: (x: number, y: number) => number,
  xs: NumericArray,
  ys: NumericArray,
): Grid2d {
  const fn = "grid2d";
  checkFunction(fn, f);
  const gx = Float64Array.from(toFloat64Array(fn, "xs", xs));
  const gy = Float64Array.from(toFloat64Array(fn, "ys", ys));
  checkIncreasing(fn, "xs", gx);
  checkIncreasing(fn, "ys", gy);
  const width = gx.length, height = gy.length;
  if (width * height > MAX_GRID) {
    throw new RangeError(
      `${fn}(): xs.length * ys.length must be at most ${MAX_GRID} grid points (received ${width} * ${height} = ${
        width * height
      })`,
    );
  }
  const values = new Float64Array(width * height);
  let best = 0;
  for (let j = 0; j < height; j++) {
    for (let i = 0; i < width; i++) {
      const v = f(gx[i]!, gy[j]!);
      checkValue(fn, v, `(x, y) = (${gx[i]}, ${gy[j]})`);
      const k = j * width + i;
      values[k] = v;
      if (v > values[best]!) best = k;
    }
  }
  const [x1, x2] = edges(gx);
  const [y1, y2] = edges(gy);
  const i = best % width, j = Math.floor(best / width);
  return {
    xs: gx,
    ys: gy,
    values,
    width,
    height,
    x1,
    x2,
    y1,
    y2,
    argmax: { i, j, x: gx[i]!, y: gy[j]!, value: values[best]! },
  };
}
