/**
 * The hostile-input harness (issue 7, split per module in issue 15): each
 * `tests/hostile_<module>_test.ts` feeds every export of `lib/<module>.ts` (every
 * class constructor, static and public method included) the inputs a reader might
 * paste by mistake. Each call must either throw a `TypeError` / `RangeError` whose
 * message names the function (`fn()`) and the offending argument, or return a
 * result its JSDoc documents (cited next to the expectation).
 *
 * {@link hostileSweep} discovers the module's exports (and the statics and methods
 * of its classes) itself: a new export, static or method without an entry fails the
 * coverage tests until someone writes its hostile cases; `hostile_coverage_test.ts`
 * checks that every module `lib/mod.ts` re-exports has its hostile test file.
 *
 * @module
 */

import assert from "node:assert/strict";
import * as lib from "../lib/mod.ts";

/** The generic pass's hostile values, each put in place of one argument. */
export const HOSTILE: ReadonlyArray<readonly [HostileLabel, unknown]> = [
  ["undefined", undefined],
  ["null", null],
  ["NaN", NaN],
  ["[]", []],
  ["[NaN]", [NaN]],
  ["{}", {}],
  ["revoked Proxy", revokedProxy()],
];
export type HostileLabel =
  | "undefined"
  | "null"
  | "NaN"
  | "[]"
  | "[NaN]"
  | "{}"
  | "revoked Proxy";

/** A Proxy of an array, revoked: every operation on it throws an engine error. */
function revokedProxy(): unknown {
  const { proxy, revoke } = Proxy.revocable([1, 2], {});
  revoke();
  return proxy;
}

// ---------------------------------------------------------------------------------
// Expectations

export type ErrorName = "TypeError" | "RangeError";

/** The call throws a TypeError or RangeError naming `fn()` and the argument `arg`. */
export interface Throws {
  kind: "throws";
  arg: string;
  /** Override the name expected before `()` (validators report their caller's). */
  fn?: string;
  /** Require this error class exactly (either is accepted otherwise). */
  type?: ErrorName;
}

/** The call returns a value its JSDoc documents; `ok` checks it. */
export interface Documented {
  kind: "documented";
  /** Where the result is documented, quoted from the JSDoc. */
  doc: string;
  ok: (result: unknown) => boolean;
}

export type Expect = Throws | Documented;

export function err(arg: string, type?: ErrorName, fn?: string): Throws {
  return {
    kind: "throws",
    arg,
    ...(type === undefined ? {} : { type }),
    ...(fn === undefined ? {} : { fn }),
  };
}

export function doc(
  docText: string,
  ok: (result: unknown) => boolean,
): Documented {
  return { kind: "documented", doc: docText, ok };
}

/** One hostile call: `args` for the entry's function, or a custom `call`. */
export interface Case {
  what: string;
  args?: unknown[];
  call?: () => unknown;
  expect: Expect;
}

export function c(what: string, args: unknown[], expect: Expect): Case {
  return { what, args, expect };
}

export function custom(
  what: string,
  call: () => unknown,
  expect: Expect,
): Case {
  return { what, call, expect };
}

/** A function (or constructor, static, method) and its hostile calls. */
export interface FnEntry {
  /** A call that must succeed without NaN; the generic pass perturbs it. */
  valid: unknown[];
  /** The argument the generic pass replaces by hostile values. Defaults to 0. */
  hostileArg?: number;
  /** The name its messages use, when not the export's (validators). */
  label?: string;
  /** Generic-pass outcomes that are documented results, keyed by hostile label. */
  generic?: Partial<Record<HostileLabel, Documented>>;
  cases: Case[];
}

/** A method that takes no argument: nothing hostile can be passed. */
export interface NoArgs {
  noArgs: string;
}

export interface ClassEntry {
  ctor: FnEntry;
  statics: Record<string, FnEntry>;
  instance: () => object;
  methods: Record<string, FnEntry | NoArgs>;
}

// ---------------------------------------------------------------------------------
// Fixtures

export const finite = (v: unknown): boolean =>
  typeof v === "number" && isFinite(v);
export const isF64 = (len: number) => (v: unknown): boolean =>
  v instanceof Float64Array && v.length === len;
export const I2 = () => lib.Matrix.identity(2);
/** A Matrix whose data was written directly with a NaN (bypassing `set`). */
export function corrupted(): lib.Matrix {
  const m = lib.Matrix.zeros(2, 2);
  m.data[3] = NaN;
  return m;
}
export const X4 = [[0], [1], [2], [3]];
export const Y4 = [0.1, 0.9, 2.2, 2.8];
export const B4 = [0, 1, 0, 1];
export const SINGULAR = () => lib.Matrix.from([[1, 2], [2, 4]]);
export const RANK_DEFICIENT = () =>
  lib.Matrix.from([[1, 2, 3], [4, 5, 6], [7, 8, 9]]);
/** Columns 0 and 1 identical: the design is rank-deficient. */
export const COLLINEAR = [[1, 1, 0], [2, 2, 1], [3, 3, 0], [4, 4, 1]];
export const noop = () => {};

/** One module's hostile tables. */
export interface ModuleTable {
  functions: Record<string, FnEntry>;
  classes: Record<string, ClassEntry>;
  /** Exports with nothing to call (constants) or covered elsewhere, with why. */
  exempt: Record<string, string>;
  /**
   * Generic-pass values this module does not handle yet, with why (a known gap
   * reported to the module's owner): the pass skips them, and says so.
   */
  pending?: Partial<Record<HostileLabel, string>>;
}

// ---------------------------------------------------------------------------------
// Runner

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

/** Runs `thunk` with console output silenced; awaits a returned promise. */
async function run(thunk: () => unknown): Promise<Outcome> {
  const log = console.log;
  console.log = () => {};
  try {
    let value = thunk();
    if (value instanceof Promise) value = await value;
    return { ok: true, value };
  } catch (error) {
    return { ok: false, error };
  } finally {
    console.log = log;
  }
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** `arg` as a whole word (`x` matches `x[1]`'s prefix only through `x[1]` itself). */
function mentions(message: string, arg: string): boolean {
  return new RegExp(`(^|[^A-Za-z0-9_.])${escape(arg)}($|[^A-Za-z0-9_])`).test(
    message,
  );
}

/** Why `outcome` fails `expect` for function `fn`, or null when it meets it. */
function judge(fn: string, outcome: Outcome, expect: Expect): string | null {
  if (expect.kind === "throws") {
    if (outcome.ok) {
      return `expected a TypeError/RangeError naming ${expect.arg}, got a result: ${
        Deno.inspect(outcome.value, { depth: 1, iterableLimit: 4 })
      }`;
    }
    const e = outcome.error;
    if (!(e instanceof TypeError || e instanceof RangeError)) {
      return `expected a TypeError/RangeError, got ${Deno.inspect(e)}`;
    }
    if (expect.type !== undefined && e.name !== expect.type) {
      return `expected a ${expect.type}, got ${e.name}: ${e.message}`;
    }
    const name = expect.fn ?? fn;
    if (!e.message.includes(`${name}()`)) {
      return `message does not name ${name}(): ${e.name}: ${e.message}`;
    }
    if (!mentions(e.message, expect.arg)) {
      return `message does not name the argument ${expect.arg}: ${e.name}: ${e.message}`;
    }
    return null;
  }
  if (!outcome.ok) {
    const e = outcome.error as Error;
    return `expected the documented result (${expect.doc}), got ${e?.name}: ${e?.message}`;
  }
  return expect.ok(outcome.value)
    ? null
    : `result does not match its documentation (${expect.doc}): ${
      Deno.inspect(outcome.value, { depth: 1, iterableLimit: 4 })
    }`;
}

/** True when a NaN hides anywhere in `v` (numbers, typed arrays, plain objects). */
function hasNaN(v: unknown, depth = 0): boolean {
  if (typeof v === "number") return Number.isNaN(v);
  if (depth > 3 || v === null || typeof v !== "object") return false;
  if (ArrayBuffer.isView(v)) {
    return Array.prototype.some.call(v, (x: unknown) => Number.isNaN(x));
  }
  if (Array.isArray(v)) return v.some((x) => hasNaN(x, depth + 1));
  if (Object.getPrototypeOf(v) !== Object.prototype) return false;
  return Object.values(v).some((x) => hasNaN(x, depth + 1));
}

type Callable = (...args: unknown[]) => unknown;
type Target = {
  /** The name messages must contain before `()`. */
  name: string;
  /** A label for failure reports. */
  where: string;
  entry: FnEntry;
  call: (args: unknown[]) => unknown;
};

function targets(
  exports: Record<string, unknown>,
  FUNCTIONS: Record<string, FnEntry>,
  CLASSES: Record<string, ClassEntry>,
): Target[] {
  const out: Target[] = [];
  for (const [name, entry] of Object.entries(FUNCTIONS)) {
    const f = exports[name] as Callable;
    out.push({
      name: entry.label ?? name,
      where: name,
      entry,
      call: (args) => f(...args),
    });
  }
  for (const [cls, spec] of Object.entries(CLASSES)) {
    const C = exports[cls] as new (...args: unknown[]) => object;
    out.push({
      name: cls,
      where: `new ${cls}`,
      entry: spec.ctor,
      call: (args) => new C(...args),
    });
    for (const [s, entry] of Object.entries(spec.statics)) {
      const f = (C as unknown as Record<string, Callable>)[s]!;
      out.push({
        name: entry.label ?? s,
        where: `${cls}.${s}`,
        entry,
        call: (args) => f.apply(C, args),
      });
    }
    for (const [m, entry] of Object.entries(spec.methods)) {
      if ("noArgs" in entry) continue;
      out.push({
        name: entry.label ?? m,
        where: `${cls}.prototype.${m}`,
        entry,
        call: (args) => {
          const obj = spec.instance() as Record<string, Callable>;
          return obj[m]!.apply(obj, args);
        },
      });
    }
  }
  return out;
}

function isClass(v: unknown): boolean {
  return typeof v === "function" &&
    /^class[\s{]/.test(Function.prototype.toString.call(v));
}

/**
 * Registers the hostile tests of one module: coverage of its exports, valid calls,
 * the listed cases and the generic pass.
 *
 * @param module The module's file name without `.ts` (e.g. `"stats"`).
 * @param exports The module namespace (`import * as mod from "../lib/stats.ts"`).
 * @param table The module's entries.
 */
export function hostileSweep(
  module: string,
  exports: Record<string, unknown>,
  table: ModuleTable,
): void {
  const { functions: FUNCTIONS, classes: CLASSES, exempt: EXEMPT } = table;
  const pending = table.pending ?? {};
  for (const [label, why] of Object.entries(pending)) {
    Deno.test({
      name: `${module}.ts: the generic pass with ${label} (pending: ${why})`,
      ignore: true,
      fn() {},
    });
  }
  Deno.test(`every export of lib/${module}.ts is covered by the hostile sweep or EXEMPT`, () => {
    const missing: string[] = [];
    const stale: string[] = [];
    for (const [name, value] of Object.entries(exports)) {
      const covered = name in EXEMPT ||
        (isClass(value)
          ? name in CLASSES
          : typeof value === "function"
          ? name in FUNCTIONS
          : false);
      if (!covered) {
        missing.push(`${name} (${isClass(value) ? "class" : typeof value})`);
      }
    }
    for (
      const name of [
        ...Object.keys(FUNCTIONS),
        ...Object.keys(CLASSES),
        ...Object.keys(EXEMPT),
      ]
    ) {
      if (!(name in exports)) stale.push(name);
    }
    assert.deepEqual(
      missing,
      [],
      `exports without hostile cases: ${missing.join(", ")}`,
    );
    assert.deepEqual(
      stale,
      [],
      `table entries for names no longer exported: ${stale.join(", ")}`,
    );
  });

  Deno.test(`${module}.ts: every constructor, static and public method of an exported class has hostile cases`, () => {
    const missing: string[] = [];
    for (const [cls, spec] of Object.entries(CLASSES)) {
      const C = exports[cls] as { prototype: object };
      const methods = Object.getOwnPropertyNames(C.prototype).filter((m) =>
        m !== "constructor"
      );
      for (const m of methods) {
        if (!(m in spec.methods)) missing.push(`${cls}.prototype.${m}`);
      }
      const statics = Object.getOwnPropertyNames(C).filter((s) =>
        !["length", "name", "prototype"].includes(s)
      );
      for (const s of statics) {
        if (!(s in spec.statics)) missing.push(`${cls}.${s}`);
      }
      for (const m of Object.keys(spec.methods)) {
        if (!methods.includes(m)) {
          missing.push(`stale entry ${cls}.prototype.${m}`);
        }
      }
    }
    assert.deepEqual(
      missing,
      [],
      `members without hostile cases: ${missing.join(", ")}`,
    );
  });

  Deno.test(`${module}.ts: the sweep's valid calls succeed without NaN (so each case fails for its own reason)`, async () => {
    const failures: string[] = [];
    for (const t of targets(exports, FUNCTIONS, CLASSES)) {
      const o = await run(() => t.call(t.entry.valid));
      if (!o.ok) failures.push(`${t.where}: ${(o.error as Error).message}`);
      else if (hasNaN(o.value)) failures.push(`${t.where}: NaN in the result`);
    }
    assert.deepEqual(failures, []);
  });

  async function sweep(): Promise<string[]> {
    const failures: string[] = [];
    for (const t of targets(exports, FUNCTIONS, CLASSES)) {
      for (const k of t.entry.cases) {
        const o = await run(() => k.call ? k.call() : t.call(k.args ?? []));
        const why = judge(t.name, o, k.expect);
        if (why !== null) failures.push(`${t.where} — ${k.what}: ${why}`);
        // A documented result must not smuggle in an undocumented NaN.
        if (
          why === null && o.ok && k.expect.kind === "documented" &&
          hasNaN(o.value) && !/NaN/.test(k.expect.doc)
        ) {
          failures.push(
            `${t.where} — ${k.what}: undocumented NaN in the result`,
          );
        }
      }
    }
    return failures;
  }

  Deno.test(`${module}.ts: hostile inputs each get a TypeError/RangeError naming the function and argument, or their documented result`, async () => {
    const failures = await sweep();
    assert.deepEqual(failures, [], `\n${failures.join("\n")}`);
  });

  async function genericPass(): Promise<string[]> {
    const failures: string[] = [];
    for (const t of targets(exports, FUNCTIONS, CLASSES)) {
      const at = t.entry.hostileArg ?? 0;
      for (const [label, value] of HOSTILE) {
        if (pending[label] !== undefined) continue;
        const args = t.entry.valid.slice();
        args[at] = value;
        const o = await run(() => t.call(args));
        const documented = t.entry.generic?.[label];
        let why: string | null;
        if (documented) {
          why = judge(t.name, o, documented);
        } else if (o.ok) {
          why = `returned ${
            Deno.inspect(o.value, { depth: 0, iterableLimit: 4 })
          } instead of throwing`;
        } else {
          const e = o.error;
          why = !(e instanceof TypeError || e instanceof RangeError)
            ? `threw ${Deno.inspect(e)}, not a TypeError/RangeError`
            : !e.message.includes(`${t.name}()`)
            ? `message does not name ${t.name}(): ${e.name}: ${e.message}`
            : null;
        }
        if (why !== null) {
          failures.push(`${t.where}(arg ${at} = ${label}): ${why}`);
        }
      }
    }
    return failures;
  }

  Deno.test(`${module}.ts: never garbage: undefined, null, NaN, [], [NaN], {}, a revoked Proxy in place of an argument throw a TypeError/RangeError naming the function`, async () => {
    const failures = await genericPass();
    assert.deepEqual(failures, [], `\n${failures.join("\n")}`);
  });
}
