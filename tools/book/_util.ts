/**
 * Small helpers shared by the book's stages: HTML escaping, slugs, file listing and
 * content hashes.
 *
 * @module
 */

import { createHash } from "node:crypto";
import { join } from "node:path";

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

/** Whether a path exists (a broken link counts). */
export async function exists(path: string): Promise<boolean> {
  try {
    await Deno.lstat(path);
    return true;
  } catch (e) {
    if (e instanceof Deno.errors.NotFound) return false;
    throw e;
  }
}

/** Every file under `path` (or `path` itself), sorted, as paths relative to `base`. */
export async function listFiles(base: string, path: string): Promise<string[]> {
  const full = join(base, path);
  let info: Deno.FileInfo;
  try {
    info = await Deno.stat(full);
  } catch (e) {
    if (e instanceof Deno.errors.NotFound) return [];
    throw e;
  }
  if (info.isFile) return [path];
  const out: string[] = [];
  const entries: string[] = [];
  for await (const e of Deno.readDir(full)) entries.push(e.name);
  for (const name of entries.sort()) {
    if (name === "__pycache__" || name.startsWith(".")) continue;
    out.push(...await listFiles(base, join(path, name)));
  }
  return out;
}

/**
 * A SHA-256 over the named files and folders (their relative paths and bytes), plus
 * extra strings. A missing input hashes as missing, so creating it changes the hash.
 */
export async function hashInputs(
  base: string,
  inputs: string[],
  extra: string[] = [],
): Promise<string> {
  const h = createHash("sha256");
  for (const x of extra) h.update(`extra\0${x}\0`);
  for (const input of inputs) {
    const files = await listFiles(base, input);
    if (files.length === 0) h.update(`missing\0${input}\0`);
    for (const f of files) {
      h.update(`file\0${f}\0`);
      h.update(await Deno.readFile(join(base, f)));
      h.update("\0");
    }
  }
  return h.digest("hex");
}

/** Seconds since `t0` (from `performance.now()`), one decimal. */
export function seconds(t0: number): string {
  return ((performance.now() - t0) / 1000).toFixed(1);
}

/** A slug for a heading id: lower case, ASCII letters and digits, dashes. */
export function slugify(text: string): string {
  const s = text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
    .replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
  return s || "section";
}
