/**
 * The book's read stage: which notebooks make the book, in reading order.
 *
 * @module
 */

import { join } from "node:path";

/**
 * The `.ipynb` files of a folder, sorted by name (the chapters' numbers order them).
 *
 * @param dir The notebooks' folder.
 * @returns Their absolute paths.
 */
export async function readNotebookList(dir: string): Promise<string[]> {
  const names: string[] = [];
  for await (const e of Deno.readDir(dir)) {
    if (e.isFile && e.name.endsWith(".ipynb")) names.push(e.name);
  }
  return names.sort().map((n) => join(dir, n));
}
