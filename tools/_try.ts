import { sanitize } from "./book/sanitize.ts";
import { accessibleCharts } from "./book/charts.ts";
const nb = JSON.parse(Deno.readTextFileSync("notebooks/02_mle.ipynb"));
for (const c of nb.cells) {
  for (const o of c.outputs ?? []) {
    const h = o.data?.["text/html"];
    if (h) {
      const t = Array.isArray(h) ? h.join("") : h;
      const u = accessibleCharts(sanitize(t), { charts: 0 });
      console.log(u.slice(0, 500));
      console.log(u.slice(-300));
      break;
    }
  }
}
