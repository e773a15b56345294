/**
 * Numbers as a Python user prints them: {@link fmt}, a tagged template that takes
 * f-string format specs (`` fmt`mean ${m}:.4f` ``), and {@link table}, a small table
 * that shows as Markdown in Jupyter and as aligned text elsewhere.
 *
 * Rounding is exact and matches Python's `format()` (round half to even on the exact
 * binary value): `fmt`${2.5}:.0f`` is `"2"`, `fmt`${0.125}:.2f`` is `"0.12"`, where
 * JavaScript's `toFixed` gives `"3"` and `"0.13"`. Exponents have at least two digits
 * (`1.5e-07`), non-finite numbers print as numpy prints them (`nan`, `inf`, `-inf`),
 * and a negative zero keeps its sign (`-0.0`) unless the spec has `z`, as in Python.
 *
 * @module
 */

import { describe } from "./validate.ts";

// ---------------------------------------------------------------------------------
// Format specs

/** A parsed format spec: `[sign][z][grouping][.precision]type`. */
interface Spec {
  sign: "-" | "+" | " ";
  z: boolean;
  grouping: "" | "," | "_";
  precision: number | undefined;
  type: "f" | "e" | "%" | "g" | "d";
}

/** A spec as written after a placeholder's colon; the grammar of Python's floats. */
const SPEC_RE = /^([-+ ])?(z)?([,_])?(?:\.(\d{1,3}))?([feg%d])/;

/** Parses `text` (without the colon) as a spec; `undefined` when it is not one. */
function parseSpec(text: string): { spec: Spec; length: number } | undefined {
  const m = SPEC_RE.exec(text);
  if (!m) return undefined;
  const type = m[5] as Spec["type"];
  // A letter type must end the spec: `${n}:done` is plain text, not `:d` + "one".
  if (type !== "%" && /^[A-Za-z0-9_]/.test(text.slice(m[0].length))) {
    return undefined;
  }
  if (type === "d" && (m[2] !== undefined || m[4] !== undefined)) {
    return undefined; // Python: no precision (or z) with an integer presentation
  }
  return {
    spec: {
      sign: (m[1] ?? "-") as Spec["sign"],
      z: m[2] !== undefined,
      grouping: (m[3] ?? "") as Spec["grouping"],
      precision: m[4] === undefined ? undefined : Number(m[4]),
      type,
    },
    length: m[0].length,
  };
}

// ---------------------------------------------------------------------------------
// Exact decimal rounding

/** `|x|` as `m * 2^e` with integer `m`, exactly (x finite). */
function decompose(x: number): { m: bigint; e: number } {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, Math.abs(x));
  const bits = view.getBigUint64(0);
  const exponent = Number((bits >> 52n) & 0x7ffn);
  const fraction = bits & 0xfffffffffffffn;
  if (exponent === 0) return { m: fraction, e: -1074 };
  return { m: fraction | (1n << 52n), e: exponent - 1075 };
}

/** `round(|x| * 10^k)` with ties to even, exactly, as a BigInt (x finite). */
function scaledRound(x: number, k: number): bigint {
  const { m, e } = decompose(x);
  let num = m;
  let den = 1n;
  if (e >= 0) num <<= BigInt(e);
  else den <<= BigInt(-e);
  if (k >= 0) num *= 10n ** BigInt(k);
  else den *= 10n ** BigInt(-k);
  const q = num / den;
  const r2 = (num % den) * 2n;
  if (r2 > den || (r2 === den && (q & 1n) === 1n)) return q + 1n;
  return q;
}

/** Inserts a group separator every three digits of an integer part. */
function group(digits: string, sep: string): string {
  if (sep === "") return digits;
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
}

/** `q / 10^n` written with `n` decimals (q >= 0). */
function withPoint(q: bigint, n: number, sep: string): string {
  const s = q.toString().padStart(n + 1, "0");
  const int = group(s.slice(0, s.length - n), sep);
  return n === 0 ? int : `${int}.${s.slice(s.length - n)}`;
}

/** `|x|` in fixed notation with `n` decimals. */
function fixedDigits(x: number, n: number, sep: string): string {
  return withPoint(scaledRound(x, n), n, sep);
}

/** `|x|` rounded to `p + 1` significant digits: the digits and the decimal exponent. */
function significand(x: number, p: number): { q: bigint; exp: number } {
  if (x === 0) return { q: 0n, exp: 0 };
  let exp = Math.floor(Math.log10(Math.abs(x)));
  const lo = 10n ** BigInt(p);
  const hi = lo * 10n;
  for (let i = 0; i < 4; i++) {
    const q = scaledRound(x, p - exp);
    if (q >= hi) exp += 1;
    else if (q < lo) exp -= 1;
    else return { q, exp };
  }
  // A rounding carry (9.99 -> 10.0) settles after one step; this is unreachable.
  return { q: scaledRound(x, p - exp), exp };
}

function exponentText(exp: number): string {
  const digits = String(Math.abs(exp)).padStart(2, "0");
  return `e${exp < 0 ? "-" : "+"}${digits}`;
}

/** `|x|` in exponent notation with `p` decimals in the mantissa. */
function expDigits(x: number, p: number): string {
  const { q, exp } = significand(x, p);
  return withPoint(q, p, "") + exponentText(exp);
}

/** `|x|` in Python's general format with `p` significant digits. */
function generalDigits(x: number, p: number, sep: string): string {
  const P = p === 0 ? 1 : p;
  const { exp } = significand(x, P - 1);
  const strip = (s: string) =>
    s.includes(".") ? s.replace(/0+$/, "").replace(/\.$/, "") : s;
  if (exp >= -4 && exp < P) return strip(fixedDigits(x, P - 1 - exp, sep));
  const e = expDigits(x, P - 1);
  const at = e.indexOf("e");
  return strip(e.slice(0, at)) + e.slice(at);
}

function signed(body: string, negative: boolean, sign: Spec["sign"]): string {
  if (negative) return "-" + body;
  return sign === "+" ? "+" + body : sign === " " ? " " + body : body;
}

/** Formats one number under a spec; throws on `:d` of a non-integer. */
function formatNumber(
  x: number | bigint,
  spec: Spec,
  where: () => string,
  fn: string,
): string {
  if (typeof x === "bigint") {
    const body = group((x < 0n ? -x : x).toString(), spec.grouping);
    if (spec.type === "d") return signed(body, x < 0n, spec.sign);
    return formatNumber(Number(x), spec, where, fn);
  }
  if (spec.type === "d") {
    if (!Number.isInteger(x)) {
      throw new RangeError(
        `${fn}(): ${where()} has spec :d, which needs an integer (received ${
          describe(x)
        }); use :.Nf for decimals`,
      );
    }
    const body = group(BigInt(Math.abs(x)).toString(), spec.grouping);
    return signed(body, x < 0, spec.sign);
  }
  const negative = x < 0 || Object.is(x, -0);
  const pct = spec.type === "%" ? "%" : "";
  if (Number.isNaN(x)) return signed("nan" + pct, false, spec.sign);
  // Python multiplies by 100 in floating point first: 1.8e308 as a percent is inf%.
  if (!Number.isFinite(spec.type === "%" ? x * 100 : x)) {
    return signed("inf" + pct, negative, spec.sign);
  }
  const p = spec.precision ?? 6;
  let body: string;
  switch (spec.type) {
    case "f":
      body = fixedDigits(x, p, spec.grouping);
      break;
    case "%":
      body = fixedDigits(x * 100, p, spec.grouping) + "%";
      break;
    case "e":
      body = expDigits(x, p);
      break;
    case "g":
      body = generalDigits(x, p, spec.grouping);
      break;
  }
  const zero = /^[0.,_]*(e[-+]\d+)?%?$/.test(body);
  return signed(body, negative && !(spec.z && zero), spec.sign);
}

/** A number with no spec: `String(x)`, except non-finite numbers as numpy prints them. */
function plainNumber(x: number): string {
  if (Number.isNaN(x)) return "nan";
  if (x === Infinity) return "inf";
  if (x === -Infinity) return "-inf";
  return String(x);
}

function isNumericArray(v: unknown): v is ArrayLike<unknown> {
  return Array.isArray(v) ||
    (ArrayBuffer.isView(v) && !(v instanceof DataView));
}

/** Formats a placeholder's value, with or without a spec. */
function formatValue(
  value: unknown,
  spec: Spec | undefined,
  where: () => string,
  fn: string,
): string {
  if (typeof value === "number" || typeof value === "bigint") {
    if (spec) return formatNumber(value, spec, where, fn);
    return typeof value === "number" ? plainNumber(value) : String(value);
  }
  if (isNumericArray(value)) {
    const parts = Array.from(
      value as ArrayLike<unknown>,
      (v, i) =>
        isNumericArray(v)
          ? `[${formatValue(v, spec, () => `${where()}[${i}]`, fn)}]`
          : formatValue(v, spec, () => `${where()}[${i}]`, fn),
    );
    return parts.join(", ");
  }
  if (spec) {
    throw new TypeError(
      `${fn}(): ${where()} has a number spec, so it must be a number or an array of numbers (received ${
        describe(value)
      })`,
    );
  }
  if (typeof value === "string") return value;
  if (typeof value === "boolean") return String(value);
  if (
    typeof value === "object" && value !== null &&
    typeof value.toString === "function" &&
    value.toString !== Object.prototype.toString
  ) {
    return String(value);
  }
  throw new TypeError(
    `${fn}(): ${where()} must be a number, string, boolean, array or an object with its own toString() (received ${
      describe(value)
    })`,
  );
}

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
  if (!isNumericArray(strings) || typeof strings !== "object") {
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

function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (typeof v !== "object" || v === null) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
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
  if (!Array.isArray(rows)) {
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
  if (!isPlainObject(options)) {
    throw new TypeError(
      `table(): options must be an object like { digits: 4, title: "..." } (received ${
        describe(options)
      })`,
    );
  }
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
