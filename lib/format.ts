/**
 * Numbers as a Python user prints them: {@link fmt}, a tagged template that takes
 * f-string format specs (`` fmt`mean ${m}:.4f` ``), and {@link table}, a small table
 * that shows as Markdown in Jupyter and as aligned text elsewhere.
 *
 * Rounding is exact and matches Python's `format()` (round half to even on the exact
 * binary value): `` fmt`${2.5}:.0f` `` is `"2"`, `` fmt`${0.125}:.2f` `` is `"0.12"`, where
 * JavaScript's `toFixed` gives `"3"` and `"0.13"`. Exponents have at least two digits
 * (`1.5e-07`), non-finite numbers print as numpy prints them (`nan`, `inf`, `-inf`),
 * and a negative zero keeps its sign (`-0.0`) unless the spec has `z`, as in Python.
 *
 * @module
 */

import {
  checkOptions,
  describe,
  isPlainObject,
  isRevokedProxy,
} from "./_args.ts";
import {
  formatNumber,
  formatValue,
  isNumericArray,
  parseSpec,
  type Spec,
} from "./_format_spec.ts";

// ---------------------------------------------------------------------------------
// fmt

/**
 * A template literal tag that formats numbers with Python f-string specs written right
 * after a placeholder: `` fmt`μ̂ = ${mu}:.4f` `` is Python's `f"μ̂ = {mu:.4f}"`.
 *
 * Specs (`[sign][z][grouping][.N]type`, Python's grammar):
 * - `:.Nf` fixed, `N` decimals; `:.Ne` exponent (`1.23e-04`); `:.N%` percent
 *   (times 100, fixed); `:.Ng` `N` significant digits (Python's general format);
 *   `:d` integer (throws if the value is not one). `N` defaults to 6.
 * - sign `+` (always), `" "` (space for positives); `z` turns a negative zero into
 *   zero (`-0.0` otherwise, as Python prints it); grouping `,` or `_` (`1,234.5`).
 *
 * A placeholder without a spec prints a number as `String(x)` (`nan`, `inf`, `-inf`
 * for non-finite values), a string as it is. An array (or typed array) prints
 * element-wise, joined with `", "`, each element under the placeholder's spec. A colon
 * not followed by a valid spec is plain text (`${x}: the mean`), and so is a spec
 * running into a letter or digit (`${n}:done`). Rounding is exact, half to even,
 * as in Python.
 *
 * @param strings The template's literal parts.
 * @param values The placeholders' values: numbers, bigints, strings, booleans, arrays
 *   of these, or objects with their own `toString()`.
 * @returns The formatted text.
 * @throws {TypeError} If a value is `undefined`, `null`, a plain object or a function,
 *   or a value under a number spec is not a number or array of numbers.
 * @throws {RangeError} If a value under `:d` is not an integer.
 *
 * @example Python's f-string specs
 * ```ts
 * import { fmt } from "./format.ts";
 * import assert from "node:assert/strict";
 *
 * const mu = 0.123456, v = 0.000123, p = 0.0512, n = 2000;
 * assert.equal(
 *   fmt`μ̂ = ${mu}:.4f, s² = ${v}:.3e, share ${p}:.1%, n = ${n}:,d`,
 *   "μ̂ = 0.1235, s² = 1.230e-04, share 5.1%, n = 2,000",
 * );
 * assert.equal(fmt`${[0.1234, 0.4567]}:.3f`, "0.123, 0.457");
 * assert.equal(fmt`bias ${-0.25}:+.2f, ${2.5}:.0f`, "bias -0.25, 2"); // half to even
 * assert.equal(fmt`${NaN}:.2f ${-Infinity}`, "nan -inf");
 * assert.equal(fmt`${3}: the answer`, "3: the answer");
 * ```
 */
export function fmt(
  strings: TemplateStringsArray,
  ...values: unknown[]
): string {
  if (isRevokedProxy(strings) || !Array.isArray(strings)) {
    throw new TypeError(
      `fmt(): strings must be a template's array of strings; call it as a tag, fmt\`x = \${x}:.3f\` (received ${
        describe(strings)
      })`,
    );
  }
  if (strings.length !== values.length + 1) {
    throw new RangeError(
      `fmt(): strings must have one more part than there are values (received ${strings.length} parts for ${values.length} values); call it as a tag`,
    );
  }
  let out = "";
  for (let i = 0; i < strings.length; i++) {
    let text: unknown = strings[i];
    if (typeof text !== "string") {
      throw new TypeError(
        `fmt(): strings[${i}] must be a string (received ${describe(text)})`,
      );
    }
    if (i > 0) {
      let spec: Spec | undefined;
      if (text.startsWith(":")) {
        const parsed = parseSpec(text.slice(1));
        if (parsed) {
          spec = parsed.spec;
          text = text.slice(1 + parsed.length);
        }
      }
      out += formatValue(values[i - 1], spec, () => `placeholder ${i}`, "fmt");
    }
    out += text;
  }
  return out;
}

// ---------------------------------------------------------------------------------
// table

/** Digits for {@link table}: decimals for all columns, or a number or spec per column. */
export type TableDigits = number | Record<string, number | string>;

/** Options of {@link table}. */
export interface TableOptions {
  /**
   * A number: fixed decimals for every column holding a non-integer number (columns of
   * integers print as integers). An object: per column, a number of fixed decimals or
   * a {@link fmt} spec (`".2e"`, `":.1%"`, `"d"`). Columns without an entry print
   * integers in full and other numbers with 6 significant digits (`.6g`).
   */
  digits?: TableDigits;
  /** A line shown in bold above the table (never a heading). */
  title?: string;
}

/** What {@link table} returns: shows as a Markdown table in Jupyter, as text elsewhere. */
export interface Table {
  /** The column names, in order. */
  readonly columns: readonly string[];
  /** The formatted cells, one array of strings per row. */
  readonly cells: readonly (readonly string[])[];
  /** The table as Markdown (with the title in bold above it). */
  readonly markdown: string;
  /** The table as aligned plain text (with the title above it). */
  readonly text: string;
  /** The plain text. */
  toString(): string;
}

/** The symbol the Deno kernel calls for a value's MIME bundle. */
const JUPYTER_DISPLAY = Symbol.for("Jupyter.display");

/** Python's `.6g`: the default for table columns without digits. */
const GENERAL: Spec = {
  sign: "-",
  z: false,
  grouping: "",
  precision: 6,
  type: "g",
};

/** A number, bigint, or array of them (a cell right-aligned as a number). */
function isNumericCell(v: unknown): v is number | bigint | ArrayLike<number> {
  return typeof v === "number" || typeof v === "bigint" ||
    (isNumericArray(v) &&
      Array.from(v).every((x) => typeof x === "number"));
}

/** Width of a string on screen: code points, not counting combining marks. */
function width(s: string): number {
  return s.replace(/\p{M}/gu, "").replace(
    /[\uD800-\uDBFF][\uDC00-\uDFFF]/g,
    "_",
  )
    .length;
}

function padTo(s: string, w: number, right: boolean): string {
  const fill = " ".repeat(Math.max(0, w - width(s)));
  return right ? fill + s : s + fill;
}

function columnSpec(
  option: number | string,
  column: string,
): Spec {
  const where = `options.digits.${column}`;
  if (typeof option === "number") {
    if (!Number.isInteger(option) || option < 0 || option > 100) {
      throw new RangeError(
        `table(): ${where} must be a whole number of decimals from 0 to 100 or a spec like ".2e" (received ${
          describe(option)
        })`,
      );
    }
    return { sign: "-", z: false, grouping: "", precision: option, type: "f" };
  }
  if (typeof option !== "string") {
    throw new TypeError(
      `table(): ${where} must be a number of decimals or a spec like ".2e" (received ${
        describe(option)
      })`,
    );
  }
  const text = option.startsWith(":") ? option.slice(1) : option;
  const parsed = parseSpec(text);
  if (!parsed || parsed.length !== text.length) {
    throw new RangeError(
      `table(): ${where} must be a format spec as in fmt, e.g. ".4f", ".2e", ".1%", "d" (received ${
        describe(option)
      })`,
    );
  }
  return parsed.spec;
}

/**
 * A small table of numbers, shown as a Markdown table in Jupyter and VS Code
 * (`await show(table(rows))`) and as aligned text outside a notebook.
 *
 * Each row is a plain object; the columns are its keys in order (keys first seen in a
 * later row are added at the end, and a row without a key leaves its cell blank).
 * Numbers are right-aligned, text left-aligned; strings, booleans and bigints print as
 * they are, arrays of numbers element-wise, and `undefined` or `null` as a blank cell.
 *
 * @param rows The rows: a non-empty array of plain objects.
 * @param options.digits A number (fixed decimals for every column holding a
 *   non-integer number; integer columns print as integers), or per column a number of
 *   decimals or a {@link fmt} spec: `{ bias: 4, n: 0, p: ".2e" }`. Other numbers
 *   print with 6 significant digits, integers in full.
 * @param options.title A line shown in bold above the table (never a heading).
 * @returns A {@link Table}: its `markdown` and `text`, and the method the Deno kernel
 *   calls to show it (`text/markdown` with a `text/plain` fallback).
 * @throws {TypeError} If `rows` is not an array of plain objects, a cell holds an
 *   object or function, or an option has the wrong type.
 * @throws {RangeError} If `rows` is empty, a number of decimals is not a whole number
 *   from 0 to 100, a spec is not valid, or a `:d` column holds a non-integer.
 *
 * @example Estimates against the truth
 * ```ts
 * import { table } from "./format.ts";
 * import assert from "node:assert/strict";
 *
 * const t = table(
 *   [
 *     { estimator: "mean", bias: 0.00123, n: 100 },
 *     { estimator: "median", bias: -0.0456, n: 100 },
 *   ],
 *   { digits: 3, title: "Bias at n = 100" },
 * );
 * assert.equal(
 *   t.text,
 *   [
 *     "Bias at n = 100",
 *     "",
 *     "estimator    bias    n",
 *     "---------  ------  ---",
 *     "mean        0.001  100",
 *     "median     -0.046  100",
 *   ].join("\n"),
 * );
 * assert.match(t.markdown, /^\*\*Bias at n = 100\*\*\n\n\| estimator \| bias \| n \|\n\| :-- \| --: \| --: \|/);
 * ```
 */
export function table(
  rows: readonly object[],
  options: TableOptions = {},
): Table {
  if (isRevokedProxy(rows) || !Array.isArray(rows)) {
    throw new TypeError(
      `table(): rows must be an array of plain objects, one per row (received ${
        describe(rows)
      })`,
    );
  }
  if (rows.length === 0) {
    throw new RangeError(
      "table(): rows must have at least one row (received an empty array)",
    );
  }
  checkOptions(
    "table",
    options,
    ["digits", "title"],
    "options",
    '{ digits: 4, title: "..." }',
  );
  const { digits, title } = options;
  if (title !== undefined && typeof title !== "string") {
    throw new TypeError(
      `table(): options.title must be a string (received ${describe(title)})`,
    );
  }
  if (
    digits !== undefined && typeof digits !== "number" && !isPlainObject(digits)
  ) {
    throw new TypeError(
      `table(): options.digits must be a number of decimals or an object of them per column (received ${
        describe(digits)
      })`,
    );
  }
  if (
    typeof digits === "number" &&
    (!Number.isInteger(digits) || digits < 0 || digits > 100)
  ) {
    throw new RangeError(
      `table(): options.digits must be a whole number of decimals from 0 to 100 (received ${
        describe(digits)
      })`,
    );
  }
  const columns: string[] = [];
  rows.forEach((row, r) => {
    if (!isPlainObject(row)) {
      throw new TypeError(
        `table(): rows[${r}] must be a plain object of column values (received ${
          describe(row)
        })`,
      );
    }
    for (const key of Object.keys(row)) {
      if (!columns.includes(key)) columns.push(key);
    }
  });
  if (columns.length === 0) {
    throw new RangeError(
      "table(): rows must have at least one column (every row is an empty object)",
    );
  }
  const records = rows as readonly Record<string, unknown>[];
  const specs = new Map<string, Spec | undefined>();
  for (const col of columns) {
    if (isPlainObject(digits) && digits[col] !== undefined) {
      specs.set(col, columnSpec(digits[col] as number | string, col));
    } else if (typeof digits === "number") {
      const nonInteger = records.some((row) => {
        const v = row[col];
        const xs = isNumericArray(v) ? Array.from(v) : [v];
        return xs.some((x) => typeof x === "number" && !Number.isInteger(x));
      });
      specs.set(
        col,
        nonInteger
          ? { sign: "-", z: false, grouping: "", precision: digits, type: "f" }
          : undefined,
      );
    } else {
      specs.set(col, undefined);
    }
  }
  if (isPlainObject(digits)) {
    for (const key of Object.keys(digits)) {
      if (!columns.includes(key)) {
        throw new RangeError(
          `table(): options.digits.${key} names no column (columns: ${
            columns.join(", ")
          })`,
        );
      }
    }
  }
  const numeric = columns.map(() => true);
  const cells = records.map((row, r) =>
    columns.map((col, c) => {
      const v = row[col];
      if (v === undefined || v === null) return "";
      const where = () => `rows[${r}].${col}`;
      if (!isNumericCell(v)) {
        numeric[c] = false;
        return formatValue(v, undefined, where, "table");
      }
      const spec = specs.get(col);
      if (spec) return formatValue(v, spec, where, "table");
      const one = (x: number | bigint) =>
        typeof x === "number" && !Number.isInteger(x)
          ? formatNumber(x, GENERAL, where, "table")
          : String(x);
      return typeof v === "number" || typeof v === "bigint"
        ? one(v)
        : Array.from(v, one).join(", ");
    })
  );
  // Columns with no value at all count as text.
  columns.forEach((_, c) => {
    if (cells.every((row) => row[c] === "")) numeric[c] = false;
  });

  const escapeMd = (s: string) => s.replaceAll("|", "\\|").replace(/\n/g, " ");
  const mdLines = [
    `| ${columns.map(escapeMd).join(" | ")} |`,
    `| ${numeric.map((n) => (n ? "--:" : ":--")).join(" | ")} |`,
    ...cells.map((row) => `| ${row.map(escapeMd).join(" | ")} |`),
  ];
  const markdown = (title === undefined ? "" : `**${title}**\n\n`) +
    mdLines.join("\n");

  const widths = columns.map((col, c) =>
    Math.max(width(col), ...cells.map((row) => width(row[c] ?? "")))
  );
  const line = (row: readonly string[]) =>
    row.map((s, c) => padTo(s, widths[c] ?? 0, numeric[c] ?? false)).join("  ")
      .replace(/\s+$/, "");
  const textLines = [
    line(columns),
    widths.map((w) => "-".repeat(w)).join("  "),
    ...cells.map(line),
  ];
  const text = (title === undefined ? "" : `${title}\n\n`) +
    textLines.join("\n");

  return {
    columns,
    cells,
    markdown,
    text,
    toString: () => text,
    [JUPYTER_DISPLAY]: () => ({
      "text/markdown": markdown,
      "text/plain": text,
    }),
  } as Table;
}
