/**
 * The reading edition's script on every page (bundled to `assets/book.js`): the
 * theme switch, the contents menu on narrow screens, copy buttons, keyboard access
 * to what scrolls sideways, opening the folded block that holds a linked section,
 * opening every fold for print, and the offline search.
 *
 * @module
 */

import MiniSearch from "minisearch";

/** One searchable section, as `assets/search-index.js` lists them. */
interface SearchDoc {
  id: number;
  /** Page and anchor, e.g. `02_mle.html#the-score`. */
  url: string;
  /** The chapter's title. */
  page: string;
  /** The section's heading. */
  section: string;
  /** The section's text. */
  text: string;
}

const root = document.documentElement;

// ---- Theme: the reader's choice, remembered; else the system's. ----

function currentTheme(): "light" | "dark" {
  const t = root.dataset.theme;
  if (t === "light" || t === "dark") return t;
  return matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light";
}

function setupTheme(): void {
  const button = document.querySelector<HTMLButtonElement>(".theme-toggle");
  if (!button) return;
  const label = () => {
    const next = currentTheme() === "dark" ? "light" : "dark";
    button.textContent = next === "dark" ? "Dark theme" : "Light theme";
    button.setAttribute("aria-pressed", "false");
  };
  label();
  button.addEventListener("click", () => {
    const next = currentTheme() === "dark" ? "light" : "dark";
    root.dataset.theme = next;
    try {
      localStorage.setItem("book-theme", next);
    } catch {
      // storage refused: the choice lasts for this page only
    }
    label();
  });
  matchMedia("(prefers-color-scheme: dark)").addEventListener("change", label);
}

// ---- Contents menu on narrow screens. ----

function setupContentsMenu(): void {
  const button = document.querySelector<HTMLButtonElement>(".toc-toggle");
  const toc = document.getElementById("toc");
  if (!button || !toc) return;
  const set = (open: boolean) => {
    document.body.classList.toggle("toc-open", open);
    button.setAttribute("aria-expanded", String(open));
  };
  button.addEventListener("click", () => {
    const open = !document.body.classList.contains("toc-open");
    set(open);
    if (open) toc.querySelector<HTMLElement>("a[aria-current], a")?.focus();
  });
  toc.addEventListener("click", (e) => {
    if ((e.target as Element).closest("a")) set(false);
  });
  document.addEventListener("keydown", (e) => {
    if (e.key === "Escape" && document.body.classList.contains("toc-open")) {
      set(false);
      button.focus();
    }
  });
}

// ---- Copy buttons on code. ----

async function copyText(text: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
    return;
  } catch {
    // file:// or no permission: fall back to a selection
  }
  const area = document.createElement("textarea");
  area.value = text;
  area.setAttribute("readonly", "");
  area.style.position = "fixed";
  area.style.opacity = "0";
  document.body.append(area);
  area.select();
  document.execCommand("copy");
  area.remove();
}

function setupCopyButtons(): void {
  const status = document.getElementById("status");
  for (const pre of document.querySelectorAll<HTMLElement>("pre.source")) {
    const code = pre.querySelector("code");
    if (!code) continue;
    const wrap = document.createElement("div");
    wrap.className = "source-wrap";
    pre.replaceWith(wrap);
    wrap.append(pre);
    const button = document.createElement("button");
    button.type = "button";
    button.className = "copy";
    button.textContent = "Copy";
    button.setAttribute("aria-label", "Copy the code");
    button.addEventListener("click", async () => {
      await copyText(code.textContent ?? "");
      button.textContent = "Copied";
      if (status) status.textContent = "Code copied to the clipboard";
      setTimeout(() => {
        button.textContent = "Copy";
      }, 2000);
    });
    // Before the code: on narrow screens it sits in a bar above it (book.css).
    wrap.prepend(button);
  }
}

// ---- What scrolls sideways can be reached and scrolled with the keyboard. ----

const SCROLLERS =
  "pre, .math-display, .katex-display, .table-wrap, .output.svg, .output.html";

const watched = new WeakSet<HTMLElement>();

/** Marks every sideways-scrolling box focusable, and only those. */
export function markScrollables(): void {
  for (const el of document.querySelectorAll<HTMLElement>(SCROLLERS)) {
    const scrolls = el.scrollWidth > el.clientWidth + 1 &&
      getComputedStyle(el).overflowX !== "visible";
    if (scrolls && !el.hasAttribute("tabindex")) {
      el.setAttribute("tabindex", "0");
      el.dataset.scrolls = "";
      if (!watched.has(el)) {
        watched.add(el);
        el.addEventListener("scroll", () => scrollEnds(el), { passive: true });
      }
    } else if (!scrolls && el.dataset.scrolls !== undefined) {
      el.removeAttribute("tabindex");
      delete el.dataset.scrolls;
    }
    if (el.dataset.scrolls !== undefined) scrollEnds(el);
  }
}

/** Marks a sideways scroller scrolled to its start or end (book.css fades the rest). */
function scrollEnds(el: HTMLElement): void {
  el.toggleAttribute("data-at-start", el.scrollLeft <= 1);
  el.toggleAttribute(
    "data-at-end",
    el.scrollLeft + el.clientWidth >= el.scrollWidth - 1,
  );
}

// ---- The sticky bar's height, so a linked section is not hidden under it. ----

function trackTopbar(): void {
  const bar = document.querySelector<HTMLElement>(".topbar");
  if (!bar) return;
  const set = () =>
    root.style.setProperty(
      "--topbar-h",
      `${bar.getBoundingClientRect().height}px`,
    );
  set();
  new ResizeObserver(set).observe(bar);
}

// ---- Folded blocks open for a link into them, and for print. ----

function openForHash(): void {
  const id = decodeURIComponent(location.hash.slice(1));
  const target = id ? document.getElementById(id) : null;
  for (
    let d = target?.closest("details");
    d;
    d = d.parentElement?.closest("details")
  ) {
    d.open = true;
  }
  target?.scrollIntoView();
}

function setupPrint(): void {
  let closed: HTMLDetailsElement[] = [];
  addEventListener("beforeprint", () => {
    closed = [
      ...document.querySelectorAll<HTMLDetailsElement>("details:not([open])"),
    ];
    for (const d of closed) d.open = true;
  });
  addEventListener("afterprint", () => {
    for (const d of closed) d.open = false;
    closed = [];
  });
}

/**
 * About 160 characters of `text` around the first match of `terms`, each match
 * wrapped in `<mark>` (built as nodes: the text is never parsed as HTML).
 */
export function excerpt(text: string, terms: string[]): Node[] {
  const words = [...new Set(terms.map((t) => t.toLowerCase()))]
    .filter((t) => t.length > 1)
    .sort((a, b) => b.length - a.length)
    .map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  const re = words.length
    ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${words.join("|")})`, "giu")
    : undefined;
  const first = re ? text.search(re) : -1;
  const at = first > 60 ? text.lastIndexOf(" ", first - 50) + 1 : 0;
  const shown = (at > 0 ? "…" : "") + text.slice(at, at + 160) +
    (at + 160 < text.length ? "…" : "");
  const nodes: Node[] = [];
  let last = 0;
  for (const m of re ? shown.matchAll(re) : []) {
    nodes.push(document.createTextNode(shown.slice(last, m.index)));
    const mark = document.createElement("mark");
    mark.textContent = m[0];
    nodes.push(mark);
    last = m.index + m[0].length;
  }
  nodes.push(document.createTextNode(shown.slice(last)));
  return nodes;
}

// ---- Search, offline: an index shipped as a script, searched with MiniSearch. ----

function setupSearch(): void {
  const input = document.getElementById("search-input") as
    | HTMLInputElement
    | null;
  const results = document.getElementById("search-results");
  const status = document.getElementById("search-status");
  const docs = (globalThis as { BOOK_SEARCH_DOCS?: SearchDoc[] })
    .BOOK_SEARCH_DOCS;
  if (!input || !results || !status || !docs) return;
  let index: MiniSearch<SearchDoc> | undefined;
  const search = () => {
    index ??= (() => {
      const m = new MiniSearch<SearchDoc>({
        fields: ["section", "text", "page"],
        storeFields: ["url", "page", "section", "text"],
        searchOptions: {
          boost: { section: 3, page: 1.5 },
          prefix: true,
          fuzzy: 0.15,
        },
      });
      m.addAll(docs);
      return m;
    })();
    const q = input.value.trim();
    results.replaceChildren();
    if (q.length < 2) {
      results.hidden = true;
      status.textContent = "";
      return;
    }
    const hits = index.search(q).slice(0, 12);
    for (const h of hits) {
      const li = document.createElement("li");
      const a = document.createElement("a");
      a.href = String(h.url);
      a.textContent = h.section === h.page
        ? String(h.page)
        : `${h.section} · ${h.page}`;
      const p = document.createElement("p");
      p.append(...excerpt(String(h.text), [...h.terms, ...h.queryTerms]));
      li.append(a, p);
      results.append(li);
    }
    results.hidden = false;
    status.textContent = hits.length
      ? `${hits.length} result${hits.length === 1 ? "" : "s"} for ${q}`
      : `No result for ${q}`;
    if (!hits.length) {
      const li = document.createElement("li");
      li.textContent = `Nothing found for “${q}”.`;
      results.append(li);
    }
  };
  let timer: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(search, 80);
  });
  input.addEventListener("keydown", (e) => {
    if (e.key === "Escape") {
      input.value = "";
      search();
    } else if (e.key === "ArrowDown") {
      results.querySelector<HTMLElement>("a")?.focus();
      e.preventDefault();
    }
  });
  document.addEventListener("click", (e) => {
    if (!(e.target as Element).closest(".search")) results.hidden = true;
  });
}

trackTopbar();
setupTheme();
setupContentsMenu();
setupCopyButtons();
setupPrint();
setupSearch();
markScrollables();
addEventListener("resize", markScrollables);
document.addEventListener("toggle", () => markScrollables(), true);
addEventListener("hashchange", openForHash);
if (location.hash) openForHash();
