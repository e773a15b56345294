/**
 * The book's assets: KaTeX's style sheet and fonts, highlight.js's themes, the book's
 * own style sheet and script, and the explorer's bundle (`deno bundle`, cached).
 *
 * @module
 */

import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { exists, hashInputs, seconds } from "./_util.ts";
import { CACHE_VERSION } from "./execute.ts";
import { BOOK_DIR } from "./template.ts";

/** The file an npm specifier of the import map resolves to. */
export function npmFile(specifier: string): string {
  return fileURLToPath(import.meta.resolve(specifier));
}

async function copyDir(from: string, to: string): Promise<void> {
  await Deno.mkdir(to, { recursive: true });
  for await (const e of Deno.readDir(from)) {
    if (e.isDirectory) await copyDir(join(from, e.name), join(to, e.name));
    else if (e.isFile) {
      await Deno.copyFile(join(from, e.name), join(to, e.name));
    }
  }
}

export async function writeAssets(out: string): Promise<void> {
  const assets = join(out, "assets");
  await Deno.mkdir(join(assets, "katex"), { recursive: true });
  const katexCss = npmFile("katex/dist/katex.min.css");
  await Deno.copyFile(katexCss, join(assets, "katex", "katex.min.css"));
  await copyDir(
    join(dirname(katexCss), "fonts"),
    join(assets, "katex", "fonts"),
  );

  // highlight.js's GitHub themes, light and dark, chosen by the reader's colour scheme.
  const theme = async (name: string) =>
    (await Deno.readTextFile(npmFile(`highlight.js/styles/${name}.min.css`)))
      .replace(/\/\*[\s\S]*?\*\//g, "");
  const light = await theme("github");
  const dark = await theme("github-dark");
  await Deno.writeTextFile(
    join(assets, "highlight.css"),
    `/* highlight.js 11 themes "GitHub" and "GitHub Dark" (BSD-3-Clause) */\n` +
      `${light}\n@media screen and (prefers-color-scheme: dark) {\n${dark}\n}\n`,
  );
  await Deno.copyFile(join(BOOK_DIR, "book.css"), join(assets, "book.css"));
  await Deno.copyFile(join(BOOK_DIR, "book.js"), join(assets, "book.js"));
}

export async function bundleExplorer(
  root: string,
  cacheDir: string,
  log: (line: string) => void,
): Promise<string> {
  const t0 = performance.now();
  const key =
    (await hashInputs(root, ["explorer", "lib", "deno.json", "deno.lock"], [
      CACHE_VERSION,
      `deno ${Deno.version.deno}`,
    ])).slice(0, 20);
  const file = join(cacheDir, `explorer.${key}.js`);
  if (await exists(file)) {
    log(`[book] explorer: cached`);
    return await Deno.readTextFile(file);
  }
  await Deno.mkdir(cacheDir, { recursive: true });
  const tmp = `${file}.tmp-${crypto.randomUUID()}.js`;
  const res = await new Deno.Command(Deno.execPath(), {
    args: [
      "bundle",
      "--quiet",
      "--platform",
      "browser",
      "--format",
      "iife",
      "--minify",
      "--output",
      tmp,
      join(root, "explorer", "main.ts"),
    ],
    cwd: root,
    env: { NO_COLOR: "1", DENO_NO_UPDATE_CHECK: "1" },
    stdout: "piped",
    stderr: "piped",
    stdin: "null",
  }).output();
  if (!res.success) {
    await Deno.remove(tmp).catch(() => {});
    const err = new TextDecoder().decode(res.stderr);
    throw new Error(
      `explorer: deno bundle failed (exit ${res.code}):\n${err.slice(-3000)}`,
    );
  }
  for await (const e of Deno.readDir(cacheDir)) {
    if (/^explorer\.[0-9a-f]+\.js$/.test(e.name)) {
      await Deno.remove(join(cacheDir, e.name)).catch(() => {});
    }
  }
  await Deno.rename(tmp, file);
  log(`[book] explorer: bundled in ${seconds(t0)}s`);
  return await Deno.readTextFile(file);
}
