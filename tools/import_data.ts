/**
 * Converts the data sets the notebooks use from the npm package `vega-datasets@3.2.1`
 * (BSD-3-Clause) into CSV files under `data/`. A maintainer's tool: the notebooks read
 * the committed CSV files and never touch the network.
 *
 * Usage:
 *   cd "$(mktemp -d)" && npm pack vega-datasets@3.2.1 && tar xzf vega-datasets-3.2.1.tgz
 *   deno run -A tools/import_data.ts "$PWD/package"
 *
 * @module
 */

import { join } from "node:path";

const FILES: Record<string, string> = {
  "penguins.json": "penguins.csv",
  "anscombe.json": "anscombe.csv",
  "cars.json": "cars.csv",
};

function csvField(v: unknown): string {
  if (v === null || v === undefined) return "";
  const s = String(v);
  return /[",\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

const pkg = Deno.args[0];
if (!pkg) {
  console.error(
    "usage: deno run -A tools/import_data.ts <path to the unpacked vega-datasets package>",
  );
  Deno.exit(2);
}
const root = new URL("..", import.meta.url).pathname;
for (const [src, dst] of Object.entries(FILES)) {
  const rows = JSON.parse(
    await Deno.readTextFile(join(pkg, "data", src)),
  ) as Record<string, unknown>[];
  const cols = Object.keys(rows[0] ?? {});
  const lines = [
    cols.map(csvField).join(","),
    ...rows.map((r) => cols.map((c) => csvField(r[c])).join(",")),
  ];
  await Deno.writeTextFile(join(root, "data", dst), lines.join("\n") + "\n");
  console.log(`data/${dst}: ${rows.length} rows, columns ${cols.join(", ")}`);
}
