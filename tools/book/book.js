// The reading edition's only script on ordinary pages: print every solution open.
// (Print CSS opens them too where the browser supports ::details-content; this covers
// the others.) The reader's own open/closed choices are restored after printing.
"use strict";
(() => {
  let closed = [];
  addEventListener("beforeprint", () => {
    closed = [...document.querySelectorAll("details:not([open])")];
    for (const d of closed) d.open = true;
  });
  addEventListener("afterprint", () => {
    for (const d of closed) d.open = false;
    closed = [];
  });
})();
