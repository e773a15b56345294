/**
 * Installs what the pack needs, and only what is missing:
 *
 * 1. checks the Deno running this script is new enough for the Jupyter kernel;
 * 2. caches the npm packages pinned in `deno.json` / `deno.lock`;
 * 3. finds a Python with Jupyter's `nbclient` and `nbconvert`, installing them when
 *    missing (pip where it works, else Debian's packages when root);
 * 4. points the `deno` Jupyter kernelspec at this Deno;
 * 5. with `--browser`, installs Debian's Chromium for the browser tests, and
 *    JupyterLab 4 (pip, in a virtual environment under `.tools/jupyterlab/`) for the
 *    real-client test (`tests/jupyterlab_test.ts`).
 *
 * Running it twice does no work twice: each step checks before it acts and says what
 * it found. Other tools import {@link ensureSetup} to get the Python to use.
 *
 * Usage: `deno run -A tools/setup.ts [--browser]`
 *
 * @module
 */

import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** Oldest Deno whose kernel reports cell errors and last values correctly. */
export const MIN_DENO = [2, 9, 0] as const;

/** Root of the repository. */
export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");

/** What later tools need to know after setup. */
export interface SetupResult {
  /** A Python interpreter that can import nbclient, nbformat and nbconvert. */
  python: string;
  /** The Deno executable the kernelspec points at. */
  deno: string;
}

const PY_MODULES = "import nbclient, nbformat, nbconvert, jupyter_client";

function log(msg: string): void {
  console.error(`[setup] ${msg}`);
}

async function run(
  cmd: string,
  args: string[],
  opts: { quiet?: boolean; env?: Record<string, string> } = {},
): Promise<{ ok: boolean; stdout: string; stderr: string }> {
  try {
    const out = await new Deno.Command(cmd, {
      args,
      stdout: "piped",
      stderr: "piped",
      stdin: "null",
      ...(opts.env ? { env: opts.env } : {}),
    }).output();
    const dec = new TextDecoder();
    const res = {
      ok: out.success,
      stdout: dec.decode(out.stdout),
      stderr: dec.decode(out.stderr),
    };
    if (!res.ok && !opts.quiet) {
      console.error(res.stdout.slice(-2000));
      console.error(res.stderr.slice(-2000));
    }
    return res;
  } catch (e) {
    if (e instanceof Deno.errors.NotFound) {
      return { ok: false, stdout: "", stderr: `${cmd}: not found` };
    }
    throw e;
  }
}

async function runLoud(
  cmd: string,
  args: string[],
  env?: Record<string, string>,
): Promise<boolean> {
  log(`$ ${cmd} ${args.join(" ")}`);
  const status = await new Deno.Command(cmd, {
    args,
    stdout: "inherit",
    stderr: "inherit",
    stdin: "null",
    ...(env ? { env } : {}),
  }).spawn().status;
  return status.success;
}

function checkDenoVersion(): void {
  const v = Deno.version.deno.split(".").map((s) => parseInt(s, 10));
  const [a = 0, b = 0, c = 0] = v;
  const [ma, mb, mc] = MIN_DENO;
  const ok = a > ma || (a === ma && (b > mb || (b === mb && c >= mc)));
  if (!ok) {
    throw new Error(
      `Deno ${Deno.version.deno} is too old: the Jupyter kernel needs >= ${
        MIN_DENO.join(".")
      } ` +
        `(2.8.x reports cell errors as success). Run the README's commands, which use npx --yes deno@2.9.6.`,
    );
  }
  log(`Deno ${Deno.version.deno} at ${Deno.execPath()}`);
}

async function cacheNpm(): Promise<void> {
  // `deno install` with a lockfile and everything cached is a quick no-op check.
  // Trust the system's certificate store as well as Deno's bundled one, so downloads
  // work behind a proxy whose CA is installed system-wide (as npm and curl do).
  const res = await run(Deno.execPath(), ["install", "--frozen", "--quiet"], {
    env: {
      NO_COLOR: "1",
      DENO_TLS_CA_STORE: Deno.env.get("DENO_TLS_CA_STORE") ?? "system,mozilla",
    },
  });
  if (!res.ok) {
    throw new Error(
      `could not cache the npm packages pinned in deno.lock:\n${res.stderr}`,
    );
  }
  log("npm packages pinned in deno.lock are cached");
}

async function pythonWithJupyter(): Promise<string | undefined> {
  const candidates = ["/usr/bin/python3", "python3", "python"];
  for (const py of candidates) {
    const res = await run(py, ["-c", PY_MODULES], { quiet: true });
    if (res.ok) return py;
  }
  return undefined;
}

function isRoot(): boolean {
  try {
    return Deno.uid() === 0;
  } catch {
    return false;
  }
}

async function ensureJupyter(): Promise<string> {
  let py = await pythonWithJupyter();
  if (py) {
    log(`Jupyter nbclient/nbconvert found (${py})`);
    return py;
  }
  log("Jupyter's nbclient/nbconvert are missing; installing them");
  // pip first (works where PyPI is reachable); it fails fast where it is not.
  const pip = await run("python3", [
    "-m",
    "pip",
    "install",
    "--quiet",
    "--disable-pip-version-check",
    "--timeout",
    "15",
    "--retries",
    "0",
    "nbclient",
    "nbconvert",
    "nbformat",
    "jupyter_client",
  ], { quiet: true });
  if (pip.ok) py = await pythonWithJupyter();
  if (py) {
    log(`installed with pip (${py})`);
    return py;
  }
  log("pip could not install them (no PyPI access?); trying Debian's packages");
  const hasApt = (await run("apt-get", ["--version"], { quiet: true })).ok;
  if (hasApt && isRoot()) {
    const env = { DEBIAN_FRONTEND: "noninteractive" };
    if (!await runLoud("apt-get", ["update", "-qq"], env)) {
      log("apt-get update reported a problem");
    }
    if (
      await runLoud("apt-get", [
        "install",
        "-y",
        "-qq",
        "jupyter-nbconvert",
        "python3-nbclient",
      ], env)
    ) {
      py = await pythonWithJupyter();
      if (py) {
        log(
          `installed Debian's jupyter-nbconvert and python3-nbclient (${py})`,
        );
        return py;
      }
    }
  }
  throw new Error(
    "Jupyter's nbclient and nbconvert are needed to run the notebooks headless and could not be installed.\n" +
      "Install them yourself, then run this command again:\n" +
      "  Debian/Ubuntu (root): apt-get install jupyter-nbconvert python3-nbclient\n" +
      "  anywhere else:        python3 -m pip install nbclient nbconvert",
  );
}

async function kernelspecArgv(py: string): Promise<string[] | undefined> {
  const res = await run(py, [
    "-c",
    "import json, jupyter_client.kernelspec as k\n" +
    "try:\n  s = k.KernelSpecManager().get_kernel_spec('deno')\n  print(json.dumps(s.argv))\n" +
    "except k.NoSuchKernel:\n  print('null')",
  ], { quiet: true });
  if (!res.ok) return undefined;
  return JSON.parse(res.stdout.trim()) ?? undefined;
}

function samePath(a: string | undefined, b: string): boolean {
  if (a === undefined) return false;
  try {
    return Deno.realPathSync(a) === Deno.realPathSync(b);
  } catch {
    return false;
  }
}

async function ensureKernelspec(py: string): Promise<void> {
  const want = Deno.execPath();
  const argv = await kernelspecArgv(py);
  if (argv && samePath(argv[0], want)) {
    log(`Jupyter kernelspec 'deno' points at this Deno`);
    return;
  }
  log(
    argv
      ? `kernelspec 'deno' points at ${argv[0]}; repointing it at ${want}`
      : "installing the 'deno' kernelspec",
  );
  if (
    !await runLoud(want, ["jupyter", "--install", "--force"], { NO_COLOR: "1" })
  ) {
    throw new Error("`deno jupyter --install --force` failed");
  }
  const after = await kernelspecArgv(py);
  if (!after || !samePath(after[0], want)) {
    throw new Error(
      `the 'deno' kernelspec still does not point at ${want} (found ${
        after?.[0] ?? "none"
      }); ` +
        `check JUPYTER_PATH and ~/.local/share/jupyter/kernels/deno/kernel.json`,
    );
  }
}

/** The virtual environment JupyterLab is installed into (ignored by git). */
export const JUPYTERLAB_VENV = join(ROOT, ".tools", "jupyterlab");

/** The JupyterLab versions the real-client test is written for. */
const JUPYTERLAB_SPEC = "jupyterlab>=4.0,<5";

async function jupyterLabVersion(jupyter: string): Promise<string | undefined> {
  const res = await run(jupyter, ["--version"], { quiet: true });
  const v = res.stdout.trim();
  return res.ok && /^4\./.test(v) ? v : undefined;
}

/**
 * Installs JupyterLab 4 into {@link JUPYTERLAB_VENV} unless it is there already, and
 * returns its `jupyter-lab` executable. The venv's Jupyter finds the `deno` kernelspec
 * in the user's Jupyter data folder, where {@link ensureSetup} puts it.
 *
 * @returns The path of `jupyter-lab` and the JupyterLab version.
 * @throws {Error} If no Python can make a virtual environment or pip cannot install.
 */
export async function ensureJupyterLab(): Promise<
  { jupyterLab: string; version: string }
> {
  const bin = join(JUPYTERLAB_VENV, "bin");
  const jupyterLab = join(bin, "jupyter-lab");
  const found = await jupyterLabVersion(jupyterLab);
  if (found) {
    log(`JupyterLab ${found} found (${JUPYTERLAB_VENV})`);
    return { jupyterLab, version: found };
  }
  log(
    `JupyterLab 4 is missing (needed by tests/jupyterlab_test.ts); installing it with pip into ${JUPYTERLAB_VENV}`,
  );
  let made = false;
  for (const py of ["python3", "/usr/bin/python3"]) {
    if (await runLoud(py, ["-m", "venv", "--clear", JUPYTERLAB_VENV])) {
      made = true;
      break;
    }
  }
  if (
    !made && isRoot() &&
    (await run("apt-get", ["--version"], { quiet: true })).ok
  ) {
    const env = { DEBIAN_FRONTEND: "noninteractive" };
    await runLoud("apt-get", ["update", "-qq"], env);
    made =
      await runLoud("apt-get", ["install", "-y", "-qq", "python3-venv"], env) &&
      await runLoud("/usr/bin/python3", [
        "-m",
        "venv",
        "--clear",
        JUPYTERLAB_VENV,
      ]);
  }
  if (!made) {
    throw new Error(
      "no Python here can create a virtual environment for JupyterLab: install python3-venv (Debian) and run this again",
    );
  }
  // --retries 0: an unreachable index fails fast instead of backing off five times.
  if (
    !await runLoud(join(bin, "python"), [
      "-m",
      "pip",
      "install",
      "--quiet",
      "--disable-pip-version-check",
      "--timeout",
      "15",
      "--retries",
      "0",
      JUPYTERLAB_SPEC,
    ])
  ) {
    throw new Error(
      `pip could not install ${JUPYTERLAB_SPEC} into ${JUPYTERLAB_VENV}; check pip's index (pip config list)`,
    );
  }
  const version = await jupyterLabVersion(jupyterLab);
  if (!version) {
    throw new Error(`${jupyterLab} does not run after the install`);
  }
  log(`installed JupyterLab ${version}`);
  return { jupyterLab, version };
}

/** Path of the Chromium the browser tests drive. */
export const CHROMIUM = "/usr/bin/chromium";

/**
 * How every headless Chromium of the project is launched (tests, PDF, benchmarks):
 * no sandbox (root), no GPU, and nothing that reaches the network by itself.
 */
export const CHROMIUM_FLAGS: readonly string[] = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

async function ensureChromium(): Promise<void> {
  try {
    await Deno.stat(CHROMIUM);
    log(`Chromium found (${CHROMIUM})`);
    return;
  } catch {
    // fall through
  }
  log(
    "Chromium is missing (needed for the reading edition's browser tests); installing Debian's package",
  );
  const hasApt = (await run("apt-get", ["--version"], { quiet: true })).ok;
  if (hasApt && isRoot()) {
    const env = { DEBIAN_FRONTEND: "noninteractive" };
    await runLoud("apt-get", ["update", "-qq"], env);
    if (await runLoud("apt-get", ["install", "-y", "-qq", "chromium"], env)) {
      return;
    }
  }
  throw new Error(
    `Chromium is needed at ${CHROMIUM}: install Debian's 'chromium' package (apt-get install chromium)`,
  );
}

/**
 * Runs every set-up step that is needed, printing what it finds and does.
 *
 * @param options.browser Also install Chromium and JupyterLab for the browser tests.
 * @returns The Python to run nbclient with and the Deno the kernel uses.
 */
export async function ensureSetup(
  options: { browser?: boolean } = {},
): Promise<SetupResult> {
  checkDenoVersion();
  await cacheNpm();
  const python = await ensureJupyter();
  await ensureKernelspec(python);
  if (options.browser) {
    await ensureChromium();
    await ensureJupyterLab();
  }
  return { python, deno: Deno.execPath() };
}

if (import.meta.main) {
  try {
    await ensureSetup({ browser: Deno.args.includes("--browser") });
    log("ready");
  } catch (e) {
    console.error(`[setup] ${e instanceof Error ? e.message : String(e)}`);
    Deno.exit(1);
  }
}
