/** Hostile inputs for `lib/charts.ts`: see `_hostile.ts` for the rules. */

import * as mod from "../lib/charts.ts";
import { c, doc, err, hostileSweep } from "./_hostile.ts";

/** A revoked Proxy: every operation on it throws an engine error naming nothing. */
const REVOKED = () => {
  const { proxy, revoke } = Proxy.revocable([1, 2], {});
  revoke();
  return proxy;
};

hostileSweep("charts", mod as unknown as Record<string, unknown>, {
  functions: {
    histogramChart: {
      valid: [{ values: [1, 2, 2, 3], truth: 2, xLabel: "x" }],
      cases: [
        c(
          "a revoked Proxy as options",
          [REVOKED()],
          err("options", "TypeError"),
        ),
        c("a misspelt option", [{ titel: "t" }], err("titel", "TypeError")),
        c(
          "no xLabel",
          [{ values: [1, 2] }],
          err("options.xLabel", "TypeError"),
        ),
        c(
          "a NaN value",
          [{ values: [1, NaN], xLabel: "x" }],
          err("options.values[1]", "RangeError"),
        ),
        c(
          "zero bins",
          [{ values: [1, 2], bins: 0, xLabel: "x" }],
          err("options.bins", "RangeError"),
        ),
        c(
          "a density of mismatched lengths",
          [{
            values: [1, 2],
            xLabel: "x",
            density: { x: [1, 2], y: [1], label: "d" },
          }],
          err("options.density.x", "RangeError"),
        ),
        c(
          "a NaN truth",
          [{ values: [1, 2], truth: NaN, xLabel: "x" }],
          err("options.truth[0]", "RangeError"),
        ),
      ],
    },
    curveChart: {
      valid: [{
        series: [{ label: "a", x: [1, 2], y: [1, 2] }],
        xLabel: "x",
        yLabel: "y",
      }],
      cases: [
        c(
          "a revoked Proxy as options",
          [REVOKED()],
          err("options", "TypeError"),
        ),
        c("a misspelt option", [{ titel: "t" }], err("titel", "TypeError")),
        c(
          "no series",
          [{ series: [], xLabel: "x", yLabel: "y" }],
          err("options.series", "RangeError"),
        ),
        c(
          "a series without a label",
          [{ series: [{ x: [1], y: [1] }], xLabel: "x", yLabel: "y" }],
          err("options.series[0].label", "TypeError"),
        ),
        c(
          "x and y of different lengths",
          [{
            series: [{ label: "a", x: [1, 2], y: [1] }],
            xLabel: "x",
            yLabel: "y",
          }],
          err("options.series[0].x", "RangeError"),
        ),
        c(
          "marks not an array",
          [{
            series: [{ label: "a", x: [1], y: [1] }],
            marks: {},
            xLabel: "x",
            yLabel: "y",
          }],
          err("marks", "TypeError"),
        ),
        c(
          "a gap (NaN) in y",
          [{
            series: [{ label: "a", x: [1, 2, 3], y: [1, NaN, 2] }],
            xLabel: "x",
            yLabel: "y",
          }],
          doc(
            "curveChart: 'NaN or infinite values leave a gap'",
            (r) => typeof r === "object" && r !== null,
          ),
        ),
      ],
    },
    scatterFitChart: {
      valid: [{
        x: [1, 2, 3],
        y: [1, 2, 4],
        lines: [{ label: "OLS", intercept: 0, slope: 1 }],
        xLabel: "x",
        yLabel: "y",
      }],
      cases: [
        c(
          "a revoked Proxy as options",
          [REVOKED()],
          err("options", "TypeError"),
        ),
        c("a misspelt option", [{ titel: "t" }], err("titel", "TypeError")),
        c(
          "x and y of different lengths",
          [{ x: [1, 2], y: [1], lines: [], xLabel: "x", yLabel: "y" }],
          err("options.x", "RangeError"),
        ),
        c(
          "a highlight out of range",
          [{
            x: [1],
            y: [1],
            lines: [],
            highlight: [1],
            xLabel: "x",
            yLabel: "y",
          }],
          err("options.highlight[0]", "RangeError"),
        ),
        c(
          "lines not an array",
          [{ x: [1], y: [1], lines: {}, xLabel: "x", yLabel: "y" }],
          err("options.lines", "TypeError"),
        ),
      ],
    },
    pathChart: {
      valid: [{ alphas: [0.1, 1], coefs: [[1, 2], [0, 1]] }],
      cases: [
        c(
          "a revoked Proxy as options",
          [REVOKED()],
          err("options", "TypeError"),
        ),
        c("a misspelt option", [{ titel: "t" }], err("titel", "TypeError")),
        c(
          "rows != alphas",
          [{ alphas: [0.1, 1], coefs: [[1]] }],
          err("options.coefs", "RangeError"),
        ),
        c(
          "ragged coefficients",
          [{ alphas: [0.1, 1], coefs: [[1, 2], [1]] }],
          err("options.coefs[1]", "RangeError"),
        ),
        c(
          "alpha 0 on a log axis",
          [{ alphas: [0, 1], coefs: [[1], [0]], logX: true }],
          err("options.alphas", "RangeError"),
        ),
        c(
          "truth of the wrong length",
          [{ alphas: [1], coefs: [[1, 2]], truth: [1] }],
          err("options.truth", "RangeError"),
        ),
      ],
    },
    barChart: {
      valid: [{ rows: [{ label: "a", value: 1 }], xLabel: "v" }],
      cases: [
        c(
          "a revoked Proxy as options",
          [REVOKED()],
          err("options", "TypeError"),
        ),
        c("a misspelt option", [{ titel: "t" }], err("titel", "TypeError")),
        c(
          "no rows",
          [{ rows: [], xLabel: "v" }],
          err("options.rows", "RangeError"),
        ),
        c(
          "a repeated bar",
          [{
            rows: [{ label: "a", value: 1 }, { label: "a", value: 2 }],
            xLabel: "v",
          }],
          err("options.rows[1]", "RangeError"),
        ),
        c(
          "an invalid format",
          [{ rows: [{ label: "a", value: 1 }], xLabel: "v", format: "%%" }],
          err("options.format", "RangeError"),
        ),
        c(
          "a NaN value",
          [{ rows: [{ label: "a", value: NaN }], xLabel: "v" }],
          err("options.rows[0].value[0]", "RangeError"),
        ),
      ],
    },
  },
  classes: {},
  exempt: {
    palette:
      "re-exported from palette.ts (a frozen object of colours), swept by hostile_palette_test.ts",
  },
});
