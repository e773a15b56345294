/**
 * The pack's recurring figures as one call each, built on `plot()` (`plot.ts`): a sampling
 * distribution with its true value ({@link histogramChart}), curves with their maxima
 * or markers ({@link curveChart}), fitted lines over data ({@link scatterFitChart}),
 * coefficient paths ({@link pathChart}) and small comparisons ({@link barChart}).
 *
 * Every chart labels its axes, names its lines with direct labels at the line ends
 * (never a colour legend), uses the shared {@link palette}, and is deterministic: the
 * same data give the same markup. Each helper takes `title` and `caption` (say what
 * to look at), `height`, `width`, and extra Observable Plot `marks`.
 *
 * @module
 */

export type { Chart, ChartOptions } from "./_chart_options.ts";
export { type Palette, palette } from "./palette.ts";
export * from "./histogram_chart.ts";
export * from "./curve_chart.ts";
export * from "./scatter_fit_chart.ts";
export * from "./path_chart.ts";
export * from "./bar_chart.ts";
