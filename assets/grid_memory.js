// Each grid's sort, column layout and filters, kept while the page lives. Only the open tab is
// mounted (components/layout.py _tabs), so a table's AG Grid is built anew each time its tab
// opens; an analyst who sorted or filtered it and looked at a chart finds it as they left it.
// Dash's own persistence cannot do this: on every mount the grid writes its fresh column state
// over the one Dash kept. A new page starts clean; a grid redrawn in place (another language or
// data set) keeps its API and its state, as before.
(function () {
  "use strict";
  const kept = new Map(); // grid id -> {columns, filters}
  const watched = new WeakSet(); // the grid APIs already restored and listened to
  const EVENTS = ["sortChanged", "filterChanged", "columnMoved", "columnResized", "columnVisible"];

  function remember(id, api) {
    watched.add(api);
    const state = kept.get(id);
    if (state) {
      api.applyColumnState({ state: state.columns, applyOrder: true });
      api.setFilterModel(state.filters);
    }
    const save = () => {
      if (!api.isDestroyed()) {
        kept.set(id, { columns: api.getColumnState(), filters: api.getFilterModel() });
      }
    };
    EVENTS.forEach((name) => api.addEventListener(name, save));
  }

  function seen(root) {
    const host = root.parentElement && root.parentElement.closest("[id]");
    const grids = window.dash_ag_grid;
    if (!host || !grids || typeof grids.getApiAsync !== "function") return;
    grids.getApiAsync(host.id).then(
      (api) => {
        if (api && !watched.has(api)) remember(host.id, api);
      },
      () => {} // not a Dash grid, or gone before it was ready
    );
  }

  new MutationObserver((records) => {
    for (const record of records) {
      record.addedNodes.forEach((node) => {
        if (!(node instanceof Element)) return;
        if (node.matches(".ag-root-wrapper")) seen(node);
        else node.querySelectorAll(".ag-root-wrapper").forEach(seen);
      });
    }
  }).observe(document.documentElement, { childList: true, subtree: true });
})();
