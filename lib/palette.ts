/**
 * The colours of the pack's charts, shared by the notebooks' chart helpers
 * (`lib/charts.ts`) and the reading edition's explorer.
 *
 * Every colour is a mid-tone (relative luminance 0.20) with a contrast of at least
 * 3.9 : 1 against white, the reading edition's light (#fdfdfc) and dark (#0f1217,
 * #161b22) backgrounds, and JupyterLab's (#111111) and VS Code's (#1e1e1e) dark
 * themes: above WCAG's 3 : 1 for graphics, so a line reads in either theme. The hues
 * are Okabe and Ito's colour-blind-safe set, darkened or lightened to that luminance.
 * Names tie a colour to a meaning that recurs across chapters: MSE and the Gaussian
 * share blue, MAE and the Laplace share vermillion (each loss is that density's
 * negative log-likelihood).
 *
 * This file imports nothing, so a browser bundle can take it alone.
 *
 * @module
 */

/** The named colours of {@link palette}. */
export interface Palette {
  /** An estimate or its sampling distribution (blue). */
  readonly estimate: string;
  /** The true value (vermillion). */
  readonly truth: string;
  /** Mean squared error (blue, as the Gaussian). */
  readonly mse: string;
  /** Mean absolute error (vermillion, as the Laplace). */
  readonly mae: string;
  /** Huber loss (green). */
  readonly huber: string;
  /** A Gaussian density or likelihood (blue). */
  readonly gaussian: string;
  /** A Laplace density or likelihood (vermillion). */
  readonly laplace: string;
  /** A prior (amber). */
  readonly prior: string;
  /** A posterior (violet). */
  readonly posterior: string;
  /** Ordinary least squares (blue). */
  readonly ols: string;
  /** Ridge regression (green). */
  readonly ridge: string;
  /** The lasso (magenta). */
  readonly lasso: string;
  /** Gradient descent (teal). */
  readonly gd: string;
  /** Newton's method (magenta). */
  readonly newton: string;
  /** Eight distinct colours for series without a meaning of their own, in order. */
  readonly series: readonly string[];
}

const BLUE = "#0081ca";
const VERMILLION = "#cb5900";
const GREEN = "#008d66";
const VIOLET = "#9264d7";
const AMBER = "#a57200";
const MAGENTA = "#c94d96";
const TEAL = "#178a8a";
const GREY = "#7b7b7b";

/**
 * Named colours readable on light and dark backgrounds (contrast >= 3.9 : 1 against
 * white and against dark themes' backgrounds).
 *
 * @example Colour a line by what it shows
 * ```ts
 * import { palette } from "./palette.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(palette.mse, palette.gaussian); // MSE is the Gaussian's -log-likelihood
 * assert.equal(palette.series.length, 8);
 * assert.match(palette.truth, /^#[0-9a-f]{6}$/);
 * ```
 */
export const palette: Palette = Object.freeze({
  estimate: BLUE,
  truth: VERMILLION,
  mse: BLUE,
  mae: VERMILLION,
  huber: GREEN,
  gaussian: BLUE,
  laplace: VERMILLION,
  prior: AMBER,
  posterior: VIOLET,
  ols: BLUE,
  ridge: GREEN,
  lasso: MAGENTA,
  gd: TEAL,
  newton: MAGENTA,
  series: Object.freeze([
    BLUE,
    VERMILLION,
    GREEN,
    VIOLET,
    AMBER,
    MAGENTA,
    TEAL,
    GREY,
  ]),
});
