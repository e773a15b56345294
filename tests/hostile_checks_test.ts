/** Hostile inputs for `lib/checks.ts`: see `_hostile.ts` for the rules. */

import * as mod from "../lib/checks.ts";
import { c, doc, err, hostileSweep } from "./_hostile.ts";

/** A revoked Proxy: every operation on it throws an engine error naming nothing. */
const REVOKED = () => {
  const { proxy, revoke } = Proxy.revocable([1, 2], {});
  revoke();
  return proxy;
};

hostileSweep("checks", mod as unknown as Record<string, unknown>, {
  functions: {
    articleSettings: {
      valid: [{ seed: 1, n: 2 }, { seed: 1 }],
      cases: [
        c(
          "a revoked Proxy as current",
          [REVOKED(), { seed: 1 }],
          err("current", "TypeError"),
        ),
        c(
          "a revoked Proxy as article",
          [{ seed: 1 }, REVOKED()],
          err("article", "TypeError"),
        ),
        c("an empty article", [{ seed: 1 }, {}], err("article", "RangeError")),
        c(
          "a key current lacks",
          [{ seed: 1 }, { n: 1 }],
          err("current", "RangeError"),
        ),
        c("article an array", [{ seed: 1 }, [1]], err("article", "TypeError")),
      ],
    },
    atArticleSettings: {
      valid: [{ seed: 1, n: 2 }, { seed: 1 }],
      cases: [
        c(
          "a revoked Proxy as current",
          [REVOKED(), { seed: 1 }],
          err("current", "TypeError"),
        ),
        c("an empty article", [{ seed: 1 }, {}], err("article", "RangeError")),
        c(
          "a key current lacks",
          [{ seed: 1 }, { n: 1 }],
          err("current", "RangeError"),
        ),
        c(
          "other settings",
          [{ seed: 2 }, { seed: 1 }],
          doc(
            "atArticleSettings: 'A promise of ... false (after showing the line)'",
            (r) => r === false,
          ),
        ),
      ],
    },
    assertNear: {
      valid: [0.5, 0.5, { se: 0.1, what: "m" }],
      cases: [
        c(
          "a revoked Proxy as actual",
          [REVOKED(), 0, { se: 1, what: "m" }],
          err("actual", "TypeError"),
        ),
        c(
          "a revoked Proxy as options",
          [0, 0, REVOKED()],
          err("options", "TypeError"),
        ),
        c(
          "a misspelt option",
          [0, 0, { se: 1, what: "m", zz: 2 }],
          err("zz", "TypeError"),
        ),
        c(
          "se zero",
          [0, 0, { se: 0, what: "m" }],
          err("options.se", "RangeError"),
        ),
        c(
          "se NaN",
          [0, 0, { se: NaN, what: "m" }],
          err("options.se", "RangeError"),
        ),
        c(
          "z negative",
          [0, 0, { se: 1, z: -1, what: "m" }],
          err("options.z", "RangeError"),
        ),
        c("no what", [0, 0, { se: 1 }], err("options.what", "TypeError")),
        c(
          "expected NaN",
          [0, NaN, { se: 1, what: "m" }],
          err("expected", "RangeError"),
        ),
        c(
          "lengths differ",
          [[1, 2], [1, 2, 3], { se: 1, what: "m" }],
          err("actual", "RangeError"),
        ),
        c("options missing", [0, 0], err("options", "TypeError")),
      ],
    },
    assertClose: {
      valid: [0.5, 0.5, { what: "m" }],
      cases: [
        c(
          "a revoked Proxy as expected",
          [0, REVOKED(), { what: "m" }],
          err("expected", "TypeError"),
        ),
        c(
          "a misspelt option",
          [0, 0, { rtoll: 1, what: "m" }],
          err("rtoll", "TypeError"),
        ),
        c(
          "rtol negative",
          [0, 0, { rtol: -1, what: "m" }],
          err("options.rtol", "RangeError"),
        ),
        c(
          "atol infinite",
          [0, 0, { atol: Infinity, what: "m" }],
          err("options.atol", "RangeError"),
        ),
        c("no what", [0, 0, {}], err("options.what", "TypeError")),
        c(
          "expected NaN",
          [0, NaN, { what: "m" }],
          err("expected", "RangeError"),
        ),
        c(
          "actual a string",
          ["0", 0, { what: "m" }],
          err("actual", "TypeError"),
        ),
        c(
          "equal infinities",
          [Infinity, Infinity, { what: "m" }],
          doc(
            "assertClose: 'Equal infinities are close'",
            (r) => r === undefined,
          ),
        ),
      ],
    },
  },
  classes: {},
  exempt: {},
});
