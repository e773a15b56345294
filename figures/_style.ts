/**
 * The figures' colours, in one place. They follow the names of `palette` in
 * `lib/charts.ts` (the contract's list), so that switching to the library's palette
 * is one line: `export { palette } from "../lib/charts.ts";` (if that module does not
 * pull linkedom into the browser bundle).
 *
 * Each colour reads on light and dark backgrounds (contrast ≥ 3:1 against #ffffff
 * and against #1b1b1f).
 *
 * @module
 */

/** Named colours shared by every figure. */
export const palette = {
  estimate: "#3b82c4",
  truth: "#808080",
  mse: "#3b82c4",
  mae: "#d9822b",
  huber: "#2e9e6a",
  gaussian: "#3b82c4",
  laplace: "#d9822b",
  prior: "#d9822b",
  posterior: "#9c5fd6",
  ols: "#3b82c4",
  ridge: "#2e9e6a",
  lasso: "#d9822b",
  gd: "#d9822b",
  newton: "#9c5fd6",
  series: ["#3b82c4", "#d9822b", "#2e9e6a", "#9c5fd6", "#c4553b"],
} as const;
