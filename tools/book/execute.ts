/**
 * The book's execution stage: each notebook runs in the Deno kernel through the one
 * notebook-execution module (`tools/notebook_runner.ts`, with its retry policy for the
 * kernel's dropped outputs), unless `.build/cache/` holds an executed copy with the
 * same content hash. The hash covers the notebook file, every file under `lib/` and
 * `data/`, `deno.json`, `deno.lock`, the notebook runner and the Deno version.
 *
 * @module
 */

import { createHash } from "node:crypto";
import { basename, join } from "node:path";
import {
  executeNotebook,
  executeWithRetry,
  type Notebook,
  RETRIES_AFTER_DROP,
} from "../notebook_runner.ts";
import { exists, hashInputs } from "./_util.ts";

/** Bump to invalidate every cached notebook when the cache's format changes. */
export const CACHE_VERSION = "book-cache-1";

/** Files and folders (relative to the root) that every notebook's execution depends on. */
export const SHARED_INPUTS = [
  "lib",
  "data",
  "deno.json",
  "deno.lock",
  "tools/notebook_runner.ts",
  "tools/nbexec.py",
];

/** Runs one notebook and returns it executed; throws naming the notebook, cell and error. */
export type Executor = (path: string) => Promise<Notebook>;

let setupPython: string | undefined;

/** Runs a notebook once in the Deno kernel through `notebook_runner.ts`. */
export async function kernelExecute(path: string): Promise<Notebook> {
  if (!setupPython) {
    const { ensureSetup } = await import("../setup.ts");
    setupPython = (await ensureSetup()).python;
  }
  const out = await Deno.makeTempFile({ prefix: "book-", suffix: ".ipynb" });
  try {
    return (await executeNotebook(path, { python: setupPython, out })).notebook;
  } finally {
    await Deno.remove(out).catch(() => {});
  }
}

/**
 * Executes a notebook, or takes it from the cache when nothing it depends on changed.
 *
 * @throws {Error} If the notebook fails, or a cell that had output when committed has
 *   none after every retry.
 */
export async function executeCached(
  path: string,
  opts: {
    cacheDir: string;
    sharedHash: string;
    execute: Executor;
    force: boolean;
    log?: (line: string) => void;
  },
): Promise<{ notebook: Notebook; cached: boolean }> {
  const name = basename(path);
  const stem = name.replace(/\.ipynb$/, "");
  const bytes = await Deno.readFile(path);
  const key = createHash("sha256").update(opts.sharedHash).update(bytes).digest(
    "hex",
  ).slice(0, 20);
  const file = join(opts.cacheDir, `${stem}.${key}.ipynb`);
  if (!opts.force && await exists(file)) {
    return {
      notebook: JSON.parse(await Deno.readTextFile(file)),
      cached: true,
    };
  }
  const saved = JSON.parse(new TextDecoder().decode(bytes)) as Notebook;
  const { notebook: fresh, dropped } = await executeWithRetry(
    async () => ({ notebook: await opts.execute(path) }),
    saved,
    {
      onRetry: (cells) =>
        opts.log?.(
          `[book] ${name}: the kernel dropped the output of cell(s) ${
            cells.join(", ")
          }; running it again`,
        ),
    },
  );
  if (dropped.length) {
    throw new Error(
      `${name}: cell ${
        dropped.join(", ")
      } had more outputs in the committed notebook than after each of ${
        RETRIES_AFTER_DROP + 1
      } runs (the kernel drops output that is not shown with show(); if the change is real, save fresh outputs with \`deno task notebooks\`)`,
    );
  }
  await Deno.mkdir(opts.cacheDir, { recursive: true });
  // Older entries of this notebook are stale now.
  for await (const e of Deno.readDir(opts.cacheDir)) {
    if (e.name.startsWith(`${stem}.`) && e.name.endsWith(".ipynb")) {
      await Deno.remove(join(opts.cacheDir, e.name)).catch(() => {});
    }
  }
  const tmp = `${file}.tmp-${crypto.randomUUID()}`;
  await Deno.writeTextFile(tmp, JSON.stringify(fresh));
  await Deno.rename(tmp, file);
  return { notebook: fresh, cached: false };
}

/** One executed notebook of the book. */
export interface ExecutedNotebook {
  /** File name, e.g. `01_estimators.ipynb`. */
  name: string;
  /** The executed notebook. */
  notebook: Notebook;
  /** Taken from the cache. */
  cached: boolean;
  /** Seconds spent. */
  seconds: number;
}

/**
 * The execution stage: every notebook executed or taken from the cache, two at a time
 * (`jobs`), returned in reading order.
 *
 * @param root The repository root (for the shared inputs' hash).
 * @param paths The notebooks, in reading order.
 */
export async function executeAll(
  root: string,
  paths: string[],
  opts: {
    cacheDir: string;
    execute: Executor;
    force: boolean;
    log: (line: string) => void;
    jobs?: number;
  },
): Promise<ExecutedNotebook[]> {
  const sharedHash = await hashInputs(root, SHARED_INPUTS, [
    CACHE_VERSION,
    `deno ${Deno.version.deno}`,
  ]);
  const out: ExecutedNotebook[] = new Array(paths.length);
  let next = 0;
  let failed = false;
  const worker = async () => {
    for (let i = next++; i < paths.length && !failed; i = next++) {
      const path = paths[i]!;
      const name = basename(path);
      const t = performance.now();
      const { notebook, cached } = await executeCached(path, {
        ...opts,
        sharedHash,
      }).catch((e) => {
        failed = true;
        throw e;
      });
      const secs = (performance.now() - t) / 1000;
      opts.log(
        `[book] ${name}: ${
          cached ? "cached" : `executed in ${secs.toFixed(1)}s`
        }`,
      );
      out[i] = { name, notebook, cached, seconds: secs };
    }
  };
  // Every worker finishes (none is left running) before the first failure is thrown.
  const results = await Promise.allSettled(
    Array.from({ length: Math.max(1, opts.jobs ?? 2) }, worker),
  );
  for (const r of results) if (r.status === "rejected") throw r.reason;
  return out;
}
