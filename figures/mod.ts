/**
 * Every interactive figure of the reading edition, by name. Each module exports a
 * pure `compute(settings)`, its `defaults`, its `figure` definition and
 * `mount(element, initialSettings)`.
 *
 * | name               | chapter | what the reader moves                                  |
 * | ------------------ | ------- | ------------------------------------------------------ |
 * | `variance-divisor` | 01      | n, the divisor c, σ²: bias², variance and MSE of σ̂²_c |
 * | `log-likelihood`   | 02      | μ, σ or p, n: the log-likelihood curve and its maximum |
 * | `robust-lines`     | 03      | one point far away, δ: MSE, MAE and Huber lines        |
 * | `penalty-shapes`   | 04      | λ, ρ: the L1 diamond and L2 disc against the loss      |
 * | `mle-map`          | 04      | model, prior, n: the MLE and MAP explorer              |
 * | `efficiency`       | 05      | estimator, n, θ: estimates against N(θ, 1/(nI))        |
 * | `gd-newton`        | 06      | learning rate, epochs: gradient descent against Newton |
 *
 * @module
 */

import type { FigureDefinition, Settings } from "./_framework.ts";
import { figure as varianceDivisor } from "./variance_divisor.ts";
import { figure as logLikelihood } from "./log_likelihood.ts";
import { figure as robustLines } from "./robust_lines.ts";
import { figure as penaltyShapes } from "./penalty_shapes.ts";
import { figure as mleMap } from "./mle_map.ts";
import { figure as efficiency } from "./efficiency.ts";
import { figure as gdNewton } from "./gd_newton.ts";

// deno-lint-ignore no-explicit-any
type AnyFigure = FigureDefinition<any, any>;

/** The figures by name, in chapter order. */
export const FIGURES: Readonly<Record<string, AnyFigure>> = Object.fromEntries(
  [
    varianceDivisor,
    logLikelihood,
    robustLines,
    penaltyShapes,
    mleMap,
    efficiency,
    gdNewton,
  ]
    .map((f) => [f.name, f as AnyFigure]),
);

/**
 * The figure called `name`; throws naming the known ones otherwise.
 *
 * @example
 * ```ts
 * import { figureNamed } from "./mod.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(figureNamed("efficiency").chapter, "05");
 * assert.throws(() => figureNamed("nope"), /no figure called "nope"/);
 * ```
 */
export function figureNamed(name: string): FigureDefinition<Settings, unknown> {
  const f = FIGURES[name];
  if (!f) {
    throw new RangeError(
      `figureNamed(): no figure called "${name}" (known: ${
        Object.keys(FIGURES).join(", ")
      })`,
    );
  }
  return f;
}
