// AG Grid (dash-ag-grid 35) leaves two WCAG gaps in its own markup, reported upstream
// (ag-grid#11363): header rows of empty pinned sections and of rows without a header cell carry
// role="row" with no cell inside (axe: aria-required-children), and its scrolling viewports
// cannot be reached by keyboard (axe: scrollable-region-focusable). This patches the rendered
// grid, not its data: an empty row is presentation, a scrolling viewport takes focus so the arrow
// keys scroll it. It runs on every change of a grid's DOM, as AG Grid redraws rows while scrolling.
(function () {
  "use strict";
  const CELL = '[role="columnheader"], [role="gridcell"], [role="rowheader"], [role="cell"]';
  const SCROLLERS =
    ".ag-body-viewport, .ag-center-cols-viewport, .ag-floating-top-viewport, .ag-floating-bottom-viewport";

  function patch(grid) {
    grid.querySelectorAll('.ag-header-row[role="row"]').forEach((row) => {
      if (!row.querySelector(CELL)) row.setAttribute("role", "presentation");
    });
    grid.querySelectorAll(SCROLLERS).forEach((viewport) => {
      // never inside what AG Grid hides from assistive technology (its scrollbar strips)
      if (!viewport.hasAttribute("tabindex") && !viewport.closest('[aria-hidden="true"]')) {
        viewport.setAttribute("tabindex", "0");
      }
    });
  }

  const pending = new Set();
  function schedule(grid) {
    if (pending.has(grid)) return;
    pending.add(grid);
    requestAnimationFrame(() => {
      pending.delete(grid);
      patch(grid);
    });
  }

  new MutationObserver((records) => {
    for (const record of records) {
      const target = record.target instanceof Element ? record.target : null;
      const grid = target && target.closest(".ag-root-wrapper");
      if (grid) schedule(grid);
      else if (target) target.querySelectorAll(".ag-root-wrapper").forEach(schedule);
    }
  }).observe(document.documentElement, { childList: true, subtree: true });
})();
