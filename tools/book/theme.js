// Runs before the page paints: the reader's remembered theme, and a flag for styles
// that need the script (the contents menu, search, copy buttons).
"use strict";
(() => {
  const root = document.documentElement;
  root.classList.add("js");
  try {
    const theme = localStorage.getItem("book-theme");
    if (theme === "light" || theme === "dark") root.dataset.theme = theme;
  } catch {
    // storage refused (some settings for local files): follow the system
  }
})();
