/** Hostile inputs for `lib/plot.ts`: see `_hostile.ts` for the rules. */

import * as lib from "../lib/mod.ts";
import * as mod from "../lib/plot.ts";
import { c, doc, err, hostileSweep } from "./_hostile.ts";

/** A revoked Proxy: every read of it is an engine error. */
function revoked(): unknown {
  const { proxy, revoke } = Proxy.revocable({}, {});
  revoke();
  return proxy;
}

hostileSweep("plot", mod as unknown as Record<string, unknown>, {
  functions: {
    plot: {
      valid: [{ marks: [] }],
      generic: {
        "{}": doc(
          "plot: '@param options Plot's options' — all optional: {} is an empty frame",
          (r) => typeof r === "object" && r !== null,
        ),
      },
      cases: [
        c("null", [null], err("options", "TypeError")),
        c(
          "an array of marks",
          [[lib.Plot.dot([1, 2])]],
          err("options", "TypeError"),
        ),
        c("a number", [1], err("options", "TypeError")),
        c("a revoked Proxy", [revoked()], err("options", "TypeError")),
      ],
    },
  },
  classes: {},
  exempt: {
    Plot:
      "the re-exported @observablehq/plot namespace (third-party; `plot()` wraps it)",
    PLOT_CLASS_NAME: "a string constant (the charts' CSS class)",
  },
});
