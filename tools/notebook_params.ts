/**
 * Notebook parameters, papermill's convention: a code cell tagged `parameters` holds
 * `const name = literal; // what it changes` lines, and a run with other values gets a
 * code cell tagged `injected-parameters` right after it that declares them again.
 *
 * The Deno kernel evaluates each cell like a REPL line, and V8's REPL mode lets a later
 * cell redeclare a `const` (checked in the kernel: after `const seed = 42;` and
 * `const seed = 7;` in the next cell, later cells and functions they define see 7). So
 * the injected cell is plain `const seed = 7;` lines and no cell is rewritten.
 *
 * Each notebook lists other parameter sets for the tests in
 * `metadata.estimation.parameter_sets` (an array of objects of parameters).
 *
 * @module
 */

import { type Cell, joinSource, type Notebook } from "./notebook_runner.ts";

/** A parameter value: what a JSON literal of a number, string or boolean parses to. */
export type ParamValue = number | string | boolean;

/** The tag of the cell that declares the parameters. */
export const PARAMETERS_TAG = "parameters";

/** The tag of the cell a run with other values inserts after it. */
export const INJECTED_TAG = "injected-parameters";

function tags(cell: Cell): string[] {
  const t = cell.metadata?.tags;
  return Array.isArray(t) ? t.map(String) : [];
}

/**
 * Parses `name=value` as the command line gives it: the value is a JSON literal
 * (`500`, `0.5`, `true`, `"text"`); a value that is not JSON is taken as a string.
 *
 * @throws {Error} If there is no `=` or the name is not an identifier.
 */
export function parseParamArg(arg: string): [string, ParamValue] {
  const eq = arg.indexOf("=");
  const name = eq > 0 ? arg.slice(0, eq).trim() : "";
  if (!/^[A-Za-z_$][\w$]*$/.test(name)) {
    throw new Error(
      `--param: expected name=value with a JavaScript identifier as name, got ${
        JSON.stringify(arg)
      }`,
    );
  }
  const raw = arg.slice(eq + 1).trim();
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    value = raw;
  }
  if (
    typeof value !== "number" && typeof value !== "string" &&
    typeof value !== "boolean"
  ) {
    throw new Error(
      `--param ${name}: expected a number, string or boolean, got ${raw}`,
    );
  }
  return [name, value];
}

/**
 * The parameters a notebook declares in its `parameters` cell, with their values when
 * they are literals (`undefined` when the initialiser is an expression).
 *
 * @returns The index of the cell and the declared names in order; `null` when the
 *   notebook has no `parameters` cell.
 */
export function declaredParameters(
  nb: Notebook,
): { cell: number; names: Map<string, ParamValue | undefined> } | null {
  const index = nb.cells.findIndex((c) =>
    c.cell_type === "code" && tags(c).includes(PARAMETERS_TAG)
  );
  if (index < 0) return null;
  const names = new Map<string, ParamValue | undefined>();
  const source = joinSource(nb.cells[index]!.source);
  for (
    const m of source.matchAll(
      /^\s*(?:export\s+)?(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*(?::\s*[^=]+)?=\s*([^;\n]*?)\s*;?\s*(?:\/\/.*)?$/gm,
    )
  ) {
    let value: ParamValue | undefined;
    try {
      const v = JSON.parse(m[2]!.replace(/^'(.*)'$/, '"$1"').replace(/_/g, ""));
      if (["number", "string", "boolean"].includes(typeof v)) value = v;
    } catch {
      value = undefined;
    }
    names.set(m[1]!, value);
  }
  return { cell: index, names };
}

/**
 * Returns a copy of `nb` with a code cell tagged `injected-parameters` right after the
 * cell tagged `parameters`, declaring `params` again (papermill's convention).
 *
 * @param nb The notebook.
 * @param params The values to run with; an empty object returns `nb` unchanged.
 * @param name The notebook's name, for error messages.
 * @throws {Error} If the notebook has no `parameters` cell, a name is not declared
 *   there, or a value's type differs from the declared literal's.
 */
export function injectParameters(
  nb: Notebook,
  params: Record<string, ParamValue>,
  name = "notebook",
): Notebook {
  const entries = Object.entries(params);
  if (entries.length === 0) return nb;
  const declared = declaredParameters(nb);
  if (!declared) {
    throw new Error(
      `${name}: has no code cell tagged "${PARAMETERS_TAG}", so ${
        entries.map(([k]) => k).join(", ")
      } cannot be set`,
    );
  }
  for (const [key, value] of entries) {
    if (!declared.names.has(key)) {
      throw new Error(
        `${name}: the parameters cell (cell ${declared.cell}) does not declare ${
          JSON.stringify(key)
        }; it declares ${[...declared.names.keys()].join(", ") || "nothing"}`,
      );
    }
    const was = declared.names.get(key);
    if (was !== undefined && typeof was !== typeof value) {
      throw new Error(
        `${name}: parameter ${key} is a ${typeof was} (${
          JSON.stringify(was)
        } in the parameters cell), got the ${typeof value} ${
          JSON.stringify(value)
        }`,
      );
    }
  }
  const lines = entries.map(([k, v]) => `const ${k} = ${JSON.stringify(v)};`);
  const cell: Cell = {
    cell_type: "code",
    execution_count: null,
    id: "injected-parameters",
    metadata: { tags: [INJECTED_TAG] },
    outputs: [],
    source: `// Parameters injected by tools/run_notebooks.ts\n${
      lines.join("\n")
    }`,
  };
  const cells = nb.cells.filter((c) => !tags(c).includes(INJECTED_TAG));
  const at = cells.indexOf(nb.cells[declared.cell]!) + 1;
  return { ...nb, cells: [...cells.slice(0, at), cell, ...cells.slice(at)] };
}

/**
 * The parameter sets listed in `metadata.estimation.parameter_sets`.
 *
 * @throws {Error} If the entry is there but is not an array of objects of numbers,
 *   strings and booleans.
 */
export function parameterSets(
  nb: Notebook,
  name = "notebook",
): Record<string, ParamValue>[] {
  const est = nb.metadata?.estimation as
    | { parameter_sets?: unknown }
    | undefined;
  const sets = est?.parameter_sets;
  if (sets === undefined) return [];
  const bad = () =>
    new Error(
      `${name}: metadata.estimation.parameter_sets must be an array of objects of numbers, strings and booleans, got ${
        JSON.stringify(sets).slice(0, 200)
      }`,
    );
  if (!Array.isArray(sets)) throw bad();
  for (const s of sets) {
    if (typeof s !== "object" || s === null || Array.isArray(s)) throw bad();
    for (const v of Object.values(s)) {
      if (!["number", "string", "boolean"].includes(typeof v)) throw bad();
    }
  }
  return sets as Record<string, ParamValue>[];
}
