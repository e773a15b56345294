/**
 * The control each figure benchmark moves, and the two values it moves between: the
 * figure's main slider, whose update must stay under 50 ms.
 *
 * @module
 */

/** Figure name → [settings key, one value, another value]. */
export const MOVES: Record<string, [string, number | string, number | string]> =
  {
    "variance-divisor": ["c", 5, 6],
    "log-likelihood": ["mu", 3.5, 3.6],
    "robust-lines": ["shift", 12, 12.5],
    "penalty-shapes": ["logLambda", 1.5, 1.55],
    "mle-map": ["n", 20, 21],
    efficiency: ["theta", 0, 0.01],
    "gd-newton": ["lr", 1, 1.05],
  };
