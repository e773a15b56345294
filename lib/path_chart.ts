/**
 * Coefficient paths against the penalty strength: {@link pathChart}, one of the
 * chart helpers gathered by `lib/charts.ts`.
 *
 * @module
 */

import { Plot, plot } from "./plot.ts";
import { describe } from "./_args.ts";
import {
  type Chart,
  type ChartOptions,
  checkObject,
  checkText,
  common,
  isArray,
  numbers,
} from "./_chart_options.ts";
import {
  colourAt,
  colours,
  endLabels,
  extent,
  frame,
  labelMargin,
  logAxis,
} from "./_chart_layout.ts";

/** Options of {@link pathChart}. */
export interface PathOptions extends ChartOptions {
  /** The penalty strengths, one per fit. */
  alphas: ArrayLike<number>;
  /** The coefficients: one array per alpha, one value per feature. */
  coefs: ArrayLike<number>[];
  /** The true coefficients, one per feature: a dashed line each, in its colour. */
  truth?: ArrayLike<number>;
  /** A logarithmic α axis. Defaults to true when every α > 0. */
  logX?: boolean;
  /** The features' names. Defaults to w0, w1, .... */
  featureLabels?: string[];
  /** Defaults to "α (penalty strength)". */
  xLabel?: string;
  /** Defaults to "coefficient". */
  yLabel?: string;
}

/**
 * Coefficient paths: each coefficient against the penalty strength α, one line per
 * feature. α decreases to the right, where the paths fan out and are labelled; the
 * true coefficients, when given, are dashed lines in the features' colours.
 *
 * @param options.alphas The penalty strengths (finite, >= 0; > 0 on a log axis).
 * @param options.coefs One array of coefficients per alpha, all of one length.
 * @param options.truth The true coefficients, one per feature.
 * @param options.logX A logarithmic α axis; defaults to true when every α > 0.
 * @param options.featureLabels The features' names; defaults to w0, w1, ....
 * @param options.xLabel Defaults to "α (penalty strength)".
 * @param options.yLabel Defaults to "coefficient".
 * @returns The chart, as {@link plot} returns it.
 * @throws {TypeError} If an option has the wrong type.
 * @throws {RangeError} If the shapes disagree, a number is not finite, or `logX` meets
 *   an α <= 0.
 *
 * @example Lasso paths shrinking to zero
 * ```ts
 * import { pathChart } from "./path_chart.ts";
 * import assert from "node:assert/strict";
 *
 * const alphas = [0.01, 0.1, 1];
 * const coefs = [[1.9, -0.9], [1.5, -0.5], [0.2, 0]];
 * const chart = pathChart({ alphas, coefs, truth: [2, -1] });
 * assert.match(chart.outerHTML, />w0</);
 * assert.match(chart.outerHTML, />w1</);
 * ```
 */
export function pathChart(options: PathOptions): Chart {
  const fn = "pathChart";
  options = checkObject(fn, "options", options, "{ alphas, coefs }", [
    "alphas",
    "coefs",
    "truth",
    "logX",
    "featureLabels",
    "xLabel",
    "yLabel",
  ]);
  const c = common(fn, options as unknown as Record<string, unknown>);
  const alphas = numbers(fn, "options.alphas", options.alphas);
  if (alphas.some((a) => a < 0)) {
    throw new RangeError(
      `${fn}(): options.alphas must be >= 0 (received a negative α)`,
    );
  }
  if (!isArray(options.coefs)) {
    throw new TypeError(
      `${fn}(): options.coefs must be an array with one array of coefficients per alpha (received ${
        describe(options.coefs)
      })`,
    );
  }
  if (options.coefs.length !== alphas.length) {
    throw new RangeError(
      `${fn}(): options.coefs must have one row per alpha (received ${options.coefs.length} rows for ${alphas.length} alphas)`,
    );
  }
  const coefs = options.coefs.map((row, i) =>
    numbers(fn, `options.coefs[${i}]`, row)
  );
  const d = (coefs[0] as number[]).length;
  coefs.forEach((row, i) => {
    if (row.length !== d) {
      throw new RangeError(
        `${fn}(): options.coefs[${i}] must have ${d} coefficients like options.coefs[0] (received ${row.length})`,
      );
    }
  });
  const truth = options.truth === undefined
    ? undefined
    : numbers(fn, "options.truth", options.truth);
  if (truth && truth.length !== d) {
    throw new RangeError(
      `${fn}(): options.truth must have one value per feature (received ${truth.length} for ${d} features)`,
    );
  }
  let names = Array.from({ length: d }, (_, j) => `w${j}`);
  if (options.featureLabels !== undefined) {
    const fl = options.featureLabels;
    if (!isArray(fl)) {
      throw new TypeError(
        `${fn}(): options.featureLabels must be an array of strings (received ${
          describe(fl)
        })`,
      );
    }
    if (fl.length !== d) {
      throw new RangeError(
        `${fn}(): options.featureLabels must have one name per feature (received ${fl.length} for ${d})`,
      );
    }
    names = fl.map((s, j) =>
      checkText(fn, `options.featureLabels[${j}]`, s, true) as string
    );
  }
  const logX = options.logX ?? alphas.every((a) => a > 0);
  if (logX && alphas.some((a) => a <= 0)) {
    throw new RangeError(
      `${fn}(): options.alphas must be > 0 on a logarithmic axis (logX); pass logX: false`,
    );
  }
  const xLabel = checkText(fn, "options.xLabel", options.xLabel, false) ??
    "α (penalty strength)";
  const yLabel = checkText(fn, "options.yLabel", options.yLabel, false) ??
    "coefficient";
  const cols = colours(names.map((label) => ({ label })));
  const height = c.height ?? 380;
  const yDomain = extent([...coefs.flat(), ...(truth ?? []), 0], 0.05, false);
  const order = alphas.map((a, i) => ({ a, i })).sort((p, q) => p.a - q.a);
  const smallest = order[0] as { a: number; i: number };
  const marks: Plot.Markish[] = [
    Plot.ruleY([0], { stroke: "currentColor", strokeOpacity: 0.4 }),
  ];
  for (let j = 0; j < d; j++) {
    if (truth) {
      marks.push(
        Plot.ruleY([truth[j]], {
          stroke: colourAt(cols, j),
          strokeDasharray: "2,4",
          strokeWidth: 1.5,
        }),
      );
    }
    marks.push(
      Plot.line(
        order.map(({ a, i }) => ({
          a,
          w: (coefs[i] as number[])[j] as number,
        })),
        {
          x: "a",
          y: "w",
          stroke: colourAt(cols, j),
          strokeWidth: 2,
        },
      ),
    );
  }
  marks.push(
    ...endLabels(
      names.map((text, j) => ({
        x: smallest.a,
        y: (coefs[smallest.i] as number[])[j] as number,
        text,
        color: colourAt(cols, j),
      })),
      yDomain,
      height,
      false,
      "right",
    ),
  );
  return plot({
    ...frame(c, height),
    marginRight: labelMargin(names),
    x: {
      label: xLabel,
      reverse: true,
      ...(logX
        ? {
          type: "log",
          domain: extent(alphas, 0, true),
          ...logAxis(extent(alphas, 0, true)),
        }
        : {}),
    },
    y: { label: yLabel, domain: yDomain, grid: true },
    marks: [...marks, ...c.marks],
  });
}
