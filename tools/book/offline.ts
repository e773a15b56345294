/**
 * The offline check: no page, style sheet or script of the edition may load anything
 * from outside its folder.
 *
 * @module
 */

import { join, relative } from "node:path";
import { listFiles } from "./_util.ts";

/** Namespace names that look like addresses but are never fetched. */
const XML_NAMESPACES = new Set([
  "http://www.w3.org/2000/svg",
  "http://www.w3.org/1999/xhtml",
  "http://www.w3.org/1999/xlink",
  "http://www.w3.org/XML/1998/namespace",
  "http://www.w3.org/2000/xmlns/",
  "http://www.w3.org/1998/Math/MathML",
]);

const ADDRESS = /(?:https?:|file:)\/\/[^\s"'`<>()\\]*/gi;

/**
 * Finds references to resources outside the book in one file of the output: in HTML,
 * any `http(s)://` or `file://` address in a tag's attribute (except an `<a href>`
 * link, which is navigation, not loading), in a `<style>` or `<script>` element; in CSS
 * and JavaScript, any such address except the XML namespace names that DOM code
 * compares against (`http://www.w3.org/2000/svg`, ...), which are never fetched.
 * Prose that merely mentions an address is not a reference.
 *
 * @param text The file's content.
 * @param kind `"html"`, `"css"` or `"js"`.
 * @returns The offending addresses with a little context; empty when none.
 */
export function externalReferences(
  text: string,
  kind: "html" | "css" | "js",
): string[] {
  const found: string[] = [];
  const scanCode = (code: string) => {
    for (const m of code.matchAll(ADDRESS)) {
      if (!XML_NAMESPACES.has(m[0].replace(/[.,;]+$/, ""))) found.push(m[0]);
    }
  };
  if (kind !== "html") {
    scanCode(kind === "css" ? text.replace(/\/\*[\s\S]*?\*\//g, "") : text);
    return found;
  }
  // Contents of <style> and <script> elements are code.
  const rest = text.replace(
    /<(style|script)\b([^>]*)>([\s\S]*?)<\/\1>/gi,
    (_m, tag: string, attrs: string, body: string) => {
      scanCode(body);
      return `<${tag}${attrs}></${tag}>`;
    },
  );
  for (
    const m of rest.matchAll(
      /<([a-zA-Z][\w:-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g,
    )
  ) {
    const tag = m[1]!.toLowerCase();
    for (
      const a of m[2]!.matchAll(/([\w:-]+)\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/g)
    ) {
      const attr = a[1]!.toLowerCase();
      const value = a[2]!.replace(/^["']|["']$/g, "");
      if (tag === "a" && attr === "href") continue;
      for (const u of value.matchAll(ADDRESS)) {
        if (attr.startsWith("xmlns") && XML_NAMESPACES.has(u[0])) continue;
        found.push(`<${tag} ${attr}="${u[0]}">`);
      }
      if (
        /^\s*\/\//.test(value) &&
        /^(src|href|srcset|poster|data|action)$/.test(attr)
      ) {
        found.push(`<${tag} ${attr}="${value}">`);
      }
    }
  }
  return found;
}

/**
 * Checks every HTML, CSS and JavaScript file under `dir` with
 * {@link externalReferences}.
 *
 * @param dir The edition's folder.
 * @throws {Error} Listing the offending files and addresses, if any.
 */
export async function checkOffline(dir: string): Promise<void> {
  const problems: string[] = [];
  for (const f of await listFiles(dir, ".")) {
    const kind = f.endsWith(".html")
      ? "html"
      : f.endsWith(".css")
      ? "css"
      : f.endsWith(".js")
      ? "js"
      : undefined;
    if (!kind) continue;
    for (
      const ref of externalReferences(
        await Deno.readTextFile(join(dir, f)),
        kind,
      )
    ) {
      problems.push(`${relative(".", f)}: ${ref}`);
    }
  }
  if (problems.length) {
    throw new Error(
      `pages reference resources outside the book (they would not load offline):\n  ${
        problems.slice(0, 20).join("\n  ")
      }`,
    );
  }
}
