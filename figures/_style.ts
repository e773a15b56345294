/**
 * The figures' colours: the library's `palette` (lib/palette.ts, which imports
 * nothing, so the browser bundle takes it alone), shared with the notebooks' charts.
 *
 * @module
 */

export { palette } from "./_lib.ts";
