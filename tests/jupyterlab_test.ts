/**
 * The notebooks in a real client: JupyterLab 4 in Chromium, as a learner who has just
 * cloned the repository meets them.
 *
 * One JupyterLab server (127.0.0.1, a random token, a fresh temporary root holding
 * copies of the committed notebooks, a trust database in memory so nothing is trusted)
 * and one browser. For each notebook, on open, untrusted and unexecuted:
 * - every chart is a picture (an `image/png` output drawn with a non-zero size), never
 *   sanitised HTML or "Cannot display an untrusted SVG";
 * - no output holds a heading (`<h1>`–`<h6>`), which would enter the table of contents;
 * - the cells of every Solution section are collapsed (their input shows only its first
 *   line, their outputs are not shown).
 * Then Run All Cells through the menu with the Deno kernel: the saved notebook has every
 * code cell executed and no error output, and the charts, now trusted, show as SVG.
 *
 * The server is stopped by its PID and the test fails if a process it started is left.
 * Needs `deno run -A tools/setup.ts --browser` (JupyterLab in `.tools/jupyterlab`,
 * Chromium); run with `deno test -A tests/jupyterlab_test.ts`. `JUPYTERLAB_TEST_ONLY=02`
 * runs only the notebooks whose file name contains `02`. Screenshots of each notebook
 * (at its first chart) land in `.build/screenshots/jupyterlab/`.
 */

import assert from "node:assert/strict";
import { basename, join } from "node:path";
import { chromium } from "playwright-core";
import type { Browser, Page } from "playwright-core";
import { CHROMIUM, CHROMIUM_FLAGS, ensureJupyterLab } from "../tools/setup.ts";
import {
  type Cell,
  listNotebooks,
  type Notebook,
  ROOT,
} from "../tools/notebook_runner.ts";
import { planSolutions } from "../tools/nb_metadata.ts";

/** Where a screenshot of each notebook is left for a human to look at. */
const SCREENSHOTS = join(ROOT, ".build", "screenshots", "jupyterlab");

/** Settings a first-time user would dismiss: the news toast and update checks. */
const SETTINGS: Record<string, unknown> = {
  "@jupyterlab/apputils-extension/notification.jupyterlab-settings": {
    checkForUpdates: false,
    fetchNews: "false",
  },
};

interface Server {
  origin: string;
  token: string;
  root: string;
  process: Deno.ChildProcess;
  log: () => string;
}

function freePort(): number {
  const l = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const port = (l.addr as Deno.NetAddr).port;
  l.close();
  return port;
}

async function startJupyterLab(jupyterLab: string): Promise<Server> {
  const root = await Deno.makeTempDir({ prefix: "estimation-jupyterlab-" });
  // What the notebooks import and read (06 reads scikit-learn values from
  // tests/fixtures/), as in a clone; the notebooks as committed.
  await Deno.mkdir(join(root, "notebooks"));
  for (const path of await listNotebooks()) {
    await Deno.copyFile(path, join(root, "notebooks", basename(path)));
  }
  for (const d of ["lib", "data", "tests"]) {
    await Deno.symlink(join(ROOT, d), join(root, d));
  }
  // The root deno.json names notebooks/ as a workspace member: its deno.json (the
  // notebooks' compiler options) must be there too, or the kernel cannot start.
  for (const f of ["deno.json", "deno.lock", join("notebooks", "deno.json")]) {
    await Deno.copyFile(join(ROOT, f), join(root, f));
  }
  const settingsDir = join(root, ".jupyter", "settings");
  for (const [file, value] of Object.entries(SETTINGS)) {
    const path = join(settingsDir, file);
    await Deno.mkdir(join(path, ".."), { recursive: true });
    await Deno.writeTextFile(path, JSON.stringify(value));
  }
  const port = freePort();
  const token = crypto.randomUUID().replaceAll("-", "");
  const args = [
    "--no-browser",
    "--ip=127.0.0.1",
    `--port=${port}`,
    "--port-retries=0",
    `--IdentityProvider.token=${token}`,
    `--ServerApp.root_dir=${root}`,
    "--ServerApp.terminals_enabled=False",
    // A trust database of its own, in memory: no notebook is trusted.
    "--NotebookNotary.db_file=:memory:",
    `--NotebookNotary.secret_file=${join(root, ".jupyter", "secret")}`,
    `--LabApp.workspaces_dir=${join(root, ".jupyter", "workspaces")}`,
    `--LabApp.user_settings_dir=${settingsDir}`,
    "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
    "--LabApp.extension_manager=readonly",
  ];
  if (Deno.uid() === 0) args.push("--allow-root");
  const process = new Deno.Command(jupyterLab, {
    args,
    env: {
      JUPYTER_RUNTIME_DIR: join(root, ".jupyter", "runtime"),
      NO_COLOR: "1",
      DENO_NO_UPDATE_CHECK: "1",
    },
    stdin: "null",
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  let log = "";
  const drain = async (s: ReadableStream<Uint8Array>) => {
    const dec = new TextDecoder();
    for await (const chunk of s) log += dec.decode(chunk, { stream: true });
  };
  drain(process.stdout);
  drain(process.stderr);
  const server: Server = {
    origin: `http://127.0.0.1:${port}`,
    token,
    root,
    process,
    log: () => log,
  };
  const deadline = performance.now() + 60_000;
  for (;;) {
    try {
      const r = await api(server, "/api/status");
      if (r) break;
    } catch {
      // not listening yet
    }
    if (performance.now() > deadline) {
      throw new Error(
        `JupyterLab did not start within 60 s:\n${log.slice(-3000)}`,
      );
    }
    await sleep(250);
  }
  return server;
}

async function api(
  server: Server,
  path: string,
  method = "GET",
): Promise<unknown> {
  const r = await fetch(`${server.origin}${path}`, {
    method,
    headers: { Authorization: `token ${server.token}` },
  });
  const text = await r.text();
  if (!r.ok) throw new Error(`${method} ${path}: ${r.status} ${text}`);
  return text ? JSON.parse(text) : null;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Processes whose command line names the server's root (its kernels do). */
function processesUsing(root: string): string[] {
  const out: string[] = [];
  for (const e of Deno.readDirSync("/proc")) {
    if (!/^\d+$/.test(e.name) || Number(e.name) === Deno.pid) continue;
    try {
      const cmd = Deno.readTextFileSync(`/proc/${e.name}/cmdline`)
        .replaceAll("\0", " ");
      if (cmd.includes(root)) out.push(`${e.name}: ${cmd.slice(0, 200)}`);
    } catch {
      // gone already
    }
  }
  return out;
}

async function stopJupyterLab(server: Server): Promise<void> {
  try {
    await api(server, "/api/shutdown", "POST"); // also shuts its kernels down
  } catch {
    // fall through to the signal
  }
  const exited = await Promise.race([
    server.process.status.then(() => true),
    sleep(15_000).then(() => false),
  ]);
  if (!exited) {
    server.process.kill("SIGTERM");
    await server.process.status;
  }
  for (let i = 0; i < 20 && processesUsing(server.root).length; i++) {
    await sleep(250);
  }
}

function joinSource(s: string | string[] | undefined): string {
  return Array.isArray(s) ? s.join("") : s ?? "";
}

function isChartOutput(o: NonNullable<Cell["outputs"]>[number]): boolean {
  return o.data?.["image/png"] !== undefined ||
    o.data?.["image/svg+xml"] !== undefined ||
    /<svg[\s>]/.test(joinSource(o.data?.["text/html"] as string | string[]));
}

/** What the page shows of each cell of the open notebook. */
interface CellView {
  kind: string;
  /** Outputs drawn: their MIME type, and for images the drawn and natural widths. */
  outputs: { mime: string; width: number; natural: number; height: number }[];
  inputCollapsed: boolean;
  inputVisible: boolean;
  outputsVisible: boolean;
  headingsInOutputs: string[];
  untrustedSvgNotice: boolean;
}

function viewCells(page: Page): Promise<CellView[]> {
  return page.evaluate(async () => {
    const cells = [
      ...document.querySelectorAll(".jp-NotebookPanel .jp-Notebook .jp-Cell"),
    ] as HTMLElement[];
    const out: CellView[] = [];
    for (const cell of cells) {
      const outputs = [];
      for (
        const o of cell.querySelectorAll(
          ".jp-OutputArea-output",
        ) as NodeListOf<HTMLElement>
      ) {
        o.scrollIntoView({ block: "center" });
        const img = o.querySelector("img");
        if (img && !img.complete) {
          await new Promise((r) =>
            img.addEventListener("load", r, { once: true })
          );
        }
        const rect = (img ?? o).getBoundingClientRect();
        outputs.push({
          mime: o.getAttribute("data-mime-type") ?? "",
          width: rect.width,
          height: rect.height,
          natural: img?.naturalWidth ?? 0,
        });
      }
      const inputArea = cell.querySelector(".jp-InputArea") as
        | HTMLElement
        | null;
      const outputArea = cell.querySelector(".jp-OutputArea") as
        | HTMLElement
        | null;
      out.push({
        kind: cell.classList.contains("jp-CodeCell") ? "code" : "markdown",
        outputs,
        inputCollapsed: cell.querySelector(".jp-InputPlaceholder") !== null,
        inputVisible: inputArea?.checkVisibility() ?? false,
        outputsVisible: [...cell.querySelectorAll(".jp-OutputArea-output")]
          .some((o) => (o as HTMLElement).checkVisibility()) &&
          (outputArea?.checkVisibility() ?? false),
        headingsInOutputs: [
          ...cell.querySelectorAll(
            ".jp-OutputArea h1, .jp-OutputArea h2, .jp-OutputArea h3, " +
              ".jp-OutputArea h4, .jp-OutputArea h5, .jp-OutputArea h6",
          ),
        ].map((h) => `<${h.tagName.toLowerCase()}> ${h.textContent}`),
        untrustedSvgNotice: /Cannot display an untrusted SVG/.test(
          cell.textContent ?? "",
        ),
      });
    }
    return out;
  });
}

async function openNotebook(
  page: Page,
  server: Server,
  name: string,
  cells: number,
): Promise<void> {
  // A workspace of its own per notebook, so no earlier tab is restored beside it.
  const workspace = name.replace(/\W/g, "-");
  await page.goto(
    `${server.origin}/lab/workspaces/${workspace}/tree/notebooks/${name}?reset&token=${server.token}`,
  );
  await page.waitForFunction(
    (n) =>
      document.querySelectorAll(".jp-NotebookPanel .jp-Notebook .jp-Cell")
        .length === n,
    cells,
    { timeout: 60_000 },
  );
  // Let the outputs render (images decode, Markdown typesets).
  await page.waitForFunction(
    () =>
      [...document.querySelectorAll(".jp-OutputArea-output img")].every((i) =>
        (i as HTMLImageElement).complete
      ),
    null,
    { timeout: 30_000 },
  );
}

interface SessionInfo {
  id: string;
  path: string;
  kernel: { id: string; execution_state: string; last_activity: string };
}

async function kernelOf(
  server: Server,
  name: string,
): Promise<SessionInfo["kernel"] | undefined> {
  const sessions = await api(server, "/api/sessions") as SessionInfo[];
  return sessions.find((x) => x.path.endsWith(name))?.kernel;
}

/**
 * Waits until the notebook's kernel has done something after `since` and has then
 * been idle for two seconds on end (between two cells of a run it is idle for
 * milliseconds only).
 */
async function waitForRunToFinish(
  server: Server,
  name: string,
  since: number,
  timeoutMs: number,
): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  let idleSince = 0;
  for (;;) {
    const k = await kernelOf(server, name);
    const state = k?.execution_state ?? "missing";
    const active = k !== undefined && Date.parse(k.last_activity) > since;
    if (state === "idle" && active) {
      idleSince ||= performance.now();
      if (performance.now() - idleSince >= 2000) return;
    } else {
      idleSince = 0;
    }
    if (performance.now() > deadline) {
      throw new Error(
        `${name}: the kernel is ${state}${active ? "" : " and ran nothing"} ${
          timeoutMs / 1000
        } s after Run All Cells`,
      );
    }
    await sleep(250);
  }
}

async function shutDownSessions(server: Server): Promise<void> {
  const sessions = await api(server, "/api/sessions") as SessionInfo[];
  for (const s of sessions) {
    await api(server, `/api/sessions/${s.id}`, "DELETE");
  }
}

const haveChromium = (() => {
  try {
    return Deno.statSync(CHROMIUM).isFile;
  } catch {
    return false;
  }
})();

Deno.test({
  name:
    "JupyterLab 4: each notebook, untrusted on open, shows its charts as pictures, no heading in outputs, solutions collapsed; Run All Cells with the Deno kernel gives no error",
  sanitizeOps: false,
  sanitizeResources: false,
  fn: async (t) => {
    if (!haveChromium) {
      throw new Error(
        `${CHROMIUM} is missing: run \`deno run -A tools/setup.ts --browser\``,
      );
    }
    const { jupyterLab } = await ensureJupyterLab();
    const t0 = performance.now();
    const server = await startJupyterLab(jupyterLab);
    let browser: Browser | undefined;
    try {
      browser = await chromium.launch({
        executablePath: CHROMIUM,
        headless: true,
        args: [...CHROMIUM_FLAGS],
      });
      const page = await browser.newPage({
        viewport: { width: 1280, height: 900 },
      });
      page.setDefaultTimeout(30_000);
      await Deno.mkdir(SCREENSHOTS, { recursive: true });
      const only = Deno.env.get("JUPYTERLAB_TEST_ONLY");
      const paths = (await listNotebooks()).filter((p) =>
        !only || basename(p).includes(only)
      );
      assert.ok(
        paths.length,
        `no notebook matches JUPYTERLAB_TEST_ONLY=${only}`,
      );
      for (const path of paths) {
        const name = basename(path);
        const nb = JSON.parse(await Deno.readTextFile(path)) as Notebook;
        const hidden = planSolutions(nb.cells).hidden;
        await t.step(`${name}: on open, untrusted`, async () => {
          await openNotebook(page, server, name, nb.cells.length);
          const views = await viewCells(page);
          const chart = page.locator(".jp-OutputArea-output img").first();
          if (await chart.count()) await chart.scrollIntoViewIfNeeded();
          await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
          const problems: string[] = [];
          nb.cells.forEach((cell, i) => {
            const v = views[i]!;
            if (v.headingsInOutputs.length) {
              problems.push(
                `cell ${i}: heading in an output (enters the table of contents): ${
                  v.headingsInOutputs.join(", ")
                }`,
              );
            }
            if (v.untrustedSvgNotice) {
              problems.push(`cell ${i}: "Cannot display an untrusted SVG"`);
            }
            if (hidden[i]) {
              if (!v.inputCollapsed || v.inputVisible) {
                problems.push(
                  `cell ${i}: part of a solution but its input shows`,
                );
              }
              if (v.outputsVisible) {
                problems.push(
                  `cell ${i}: part of a solution but its outputs show`,
                );
              }
              return;
            }
            if (v.inputCollapsed) {
              problems.push(`cell ${i}: collapsed but not part of a solution`);
            }
            const charts = (cell.outputs ?? []).filter(isChartOutput).length;
            const pictures = v.outputs.filter((o) =>
              o.mime === "image/png" && o.natural > 0 && o.width > 0 &&
              o.height > 0
            ).length;
            if (pictures !== charts) {
              problems.push(
                `cell ${i}: ${charts} chart(s) saved, ${pictures} drawn as a picture ` +
                  `(outputs shown as ${
                    v.outputs.map((o) =>
                      o.mime
                    ).join(", ") || "nothing"
                  })`,
              );
            }
          });
          assert.deepEqual(
            problems,
            [],
            `${name} on open:\n${problems.join("\n")}`,
          );
        });
        await t.step(`${name}: Run All Cells`, async () => {
          // The kernel connected and ready, as the status bar says to a learner.
          await page.locator(".jp-StatusBar-TextItem", {
            hasText: /Deno \| Idle/,
          }).waitFor({ timeout: 60_000 });
          const since = Date.now() - 1000; // the server's clock is this machine's
          await page.click('.lm-MenuBar-itemLabel:text-is("Run")');
          await page.click('.lm-Menu-itemLabel:text-is("Run All Cells")');
          await waitForRunToFinish(server, name, since, 180_000);
          await page.keyboard.press("Control+s");
          const file = join(server.root, "notebooks", name);
          const before = nb;
          let saved: Notebook = before;
          for (let i = 0; i < 40; i++) {
            await sleep(250);
            saved = JSON.parse(await Deno.readTextFile(file)) as Notebook;
            if (saved.cells.some((c) => c.execution_count)) break;
          }
          const problems: string[] = [];
          saved.cells.forEach((cell, i) => {
            if (cell.cell_type !== "code") return;
            if (!cell.execution_count) problems.push(`cell ${i}: did not run`);
            for (const o of cell.outputs ?? []) {
              if (o.output_type === "error") {
                problems.push(`cell ${i}: ${o.ename}: ${o.evalue}`);
              }
            }
          });
          // Outputs made in this session are trusted: the charts now show as SVG.
          const views = await viewCells(page);
          const svgs = views.flatMap((v) => v.outputs).filter((o) =>
            o.mime === "image/svg+xml"
          );
          const charts = saved.cells.flatMap((c) => c.outputs ?? []).filter(
            isChartOutput,
          ).length;
          if (svgs.length !== charts) {
            problems.push(
              `${charts} chart(s) after the run, ${svgs.length} shown as SVG`,
            );
          }
          for (const s of svgs) {
            if (!(s.natural > 0 && s.width > 0)) {
              problems.push(`an SVG chart did not load (malformed SVG?)`);
            }
          }
          const drawn = page.locator(".jp-OutputArea-output img").first();
          if (await drawn.count()) await drawn.scrollIntoViewIfNeeded();
          await page.screenshot({ path: join(SCREENSHOTS, `${name}.run.png`) });
          await shutDownSessions(server);
          assert.deepEqual(
            problems,
            [],
            `${name} after Run All:\n${problems.join("\n")}`,
          );
        });
      }
    } finally {
      await browser?.close();
      await stopJupyterLab(server);
      const left = processesUsing(server.root);
      for (const p of left) {
        // Ours (their command line names our temporary root): end them by PID.
        Deno.kill(Number(p.split(":")[0]), "SIGKILL");
      }
      await Deno.remove(server.root, { recursive: true }).catch(() => {});
      console.log(
        `jupyterlab_test: ${((performance.now() - t0) / 1000).toFixed(0)} s`,
      );
      assert.deepEqual(
        left,
        [],
        "processes left running after the server stopped",
      );
    }
  },
});
