/**
 * The project's one way to bundle TypeScript for the browser: `deno bundle --platform
 * browser --format iife`. The reading edition's page script and the interactive
 * figures (`tools/book/assets.ts`, `figures/bundle.ts`) both go through it.
 *
 * @module
 */

/** What {@link denoBundle} bundles, where to, and how. */
export interface DenoBundleOptions {
  /** The entry module. */
  entry: string;
  /** The file to write. */
  output: string;
  /** The folder `deno bundle` runs in (where its `deno.json` is found). */
  cwd: string;
  /** Minify the bundle. Defaults to true. */
  minify?: boolean;
}

/**
 * Bundles `entry` and everything it imports into one browser script.
 *
 * @param options What to bundle and where to write it.
 * @returns A promise that settles once `output` is written.
 * @throws {Error} If `deno bundle` fails: the message names the entry and ends with
 *   the tail of `deno bundle`'s error output.
 *
 * @example
 * ```ts ignore
 * import { denoBundle } from "./deno_bundle.ts";
 *
 * await denoBundle({ entry: "figures/main.ts", output: "/tmp/figures.js", cwd: "." });
 * ```
 */
export async function denoBundle(options: DenoBundleOptions): Promise<void> {
  const res = await new Deno.Command(Deno.execPath(), {
    args: [
      "bundle",
      "--quiet",
      "--platform",
      "browser",
      "--format",
      "iife",
      ...(options.minify ?? true ? ["--minify"] : []),
      "--output",
      options.output,
      options.entry,
    ],
    cwd: options.cwd,
    env: { NO_COLOR: "1", DENO_NO_UPDATE_CHECK: "1" },
    stdout: "piped",
    stderr: "piped",
    stdin: "null",
  }).output();
  if (!res.success) {
    const err = new TextDecoder().decode(res.stderr);
    throw new Error(
      `deno bundle of ${options.entry} failed (exit ${res.code}):\n${
        err.slice(-3000)
      }`,
    );
  }
}
