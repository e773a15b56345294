/**
 * The library names the figures use, imported from the modules that define them so
 * that the browser bundle leaves out what only the notebooks need (lib/plot.ts brings
 * linkedom, about 450 KB). Every name here is a public export of `lib/mod.ts`, and
 * `tests/figures_test.ts` checks that each is the very same object `lib/mod.ts`
 * exports: if a module is split or renamed, only this file changes.
 *
 * @module
 */

export { RandomState } from "../lib/random.ts";
export { mean, median, variance } from "../lib/stats.ts";
export { grid1d, grid2d, linspace } from "../lib/likelihood.ts";
export { samplingSummary } from "../lib/simulate.ts";
export { monteCarlo } from "../lib/simulate.ts";
export {
  bernoulliLogLikelihood,
  fitBernoulli,
  fitNormal,
  normalLogLikelihood,
  normalPdf,
} from "../lib/distributions.ts";
export {
  fisherInformationBernoulli,
  fisherInformationNormalMean,
} from "../lib/fisher.ts";
export {
  binaryCrossEntropyWithLogits,
  huber,
  mae,
  mse,
  sigmoid,
} from "../lib/losses.ts";
export { huberRegression, lad } from "../lib/robust.ts";
export { lasso, ols, ridge } from "../lib/regression.ts";
export { logisticRegression } from "../lib/logistic.ts";
export { Matrix, matvec, transpose } from "../lib/linalg.ts";
export { SGD } from "../lib/optim.ts";
export { fmt } from "../lib/format.ts";
export { palette } from "../lib/palette.ts";
