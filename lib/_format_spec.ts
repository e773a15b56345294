/**
 * Python's format-spec mini-language for numbers, as `fmt` and `table` (format.ts)
 * and the chart helpers use it. Private: not re-exported by mod.ts.
 *
 * @module
 */

import { describe, isArrayLike, isRevokedProxy } from "./_args.ts";

// ---------------------------------------------------------------------------------
// Format specs

/** A parsed format spec: `[sign][z][grouping][.precision]type`. */
export interface Spec {
  sign: "-" | "+" | " ";
  z: boolean;
  grouping: "" | "," | "_";
  precision: number | undefined;
  type: "f" | "e" | "%" | "g" | "d";
}

/** A spec as written after a placeholder's colon; the grammar of Python's floats. */
const SPEC_RE = /^([-+ ])?(z)?([,_])?(?:\.(\d{1,3}))?([feg%d])/;

/** Parses `text` (without the colon) as a spec; `undefined` when it is not one. */
export function parseSpec(
  text: string,
): { spec: Spec; length: number } | undefined {
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
export function formatNumber(
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

export function isNumericArray(v: unknown): v is ArrayLike<unknown> {
  return isArrayLike(v);
}

/** Formats a placeholder's value, with or without a spec. */
export function formatValue(
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
    typeof value === "object" && value !== null && !isRevokedProxy(value) &&
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

/**
 * Formats a number under a spec written as in fmt (`".3g"` or `":.3g"`).
 *
 * @returns The text, or `undefined` when `spec` is not a whole valid spec.
 */
export function formatWithSpec(
  x: number,
  spec: string,
  fn: string,
  where: string,
): string | undefined {
  const text = spec.startsWith(":") ? spec.slice(1) : spec;
  const parsed = parseSpec(text);
  if (!parsed || parsed.length !== text.length) return undefined;
  return formatNumber(x, parsed.spec, () => where, fn);
}
