// The first chart before the rest. The page comes drawn for its address (callbacks/first_view.py);
// what Dash's callbacks still fetch on a first load (the figures of every year, the other tabs'
// words, the session) is for later clicks and closed tabs. Their answers cost the browser's main
// thread about a fifth of a second, which it spent before the open tab's chart could draw. So the
// callback requests of the first load wait until the open tab's first chart is painted, or until
// the open tab has no chart, or for at most HOLD_MS; requests after that go at once.
// bench/bench_interaction.py times the first load to the first bars painted.
(function () {
  "use strict";
  const HOLD_MS = 1500;
  const UPDATE = "_dash-update-component";
  const CHART = ".tab-body .js-plotly-plot .main-svg .trace";
  const OPEN_TAB = ".tab-content .tab-body";
  let release;
  const painted = new Promise((resolve) => {
    release = resolve;
  });
  let open = false;

  function check() {
    if (open) return;
    const tab = document.querySelector(OPEN_TAB);
    // the open tab drew its chart, or has rendered with none to draw (the sources, the table)
    if (document.querySelector(CHART) || (tab && !tab.querySelector(".graph-figure"))) {
      open = true;
      observer.disconnect();
      release();
    }
  }
  const observer = new MutationObserver(check);
  observer.observe(document.documentElement, { childList: true, subtree: true });
  setTimeout(() => {
    open = true;
    observer.disconnect();
    release();
  }, HOLD_MS);

  const fetch = window.fetch.bind(window);
  window.fetch = function (resource, options) {
    const url = typeof resource === "string" ? resource : resource && resource.url;
    if (!open && typeof url === "string" && url.indexOf(UPDATE) !== -1) {
      return painted.then(() => fetch(resource, options));
    }
    return fetch(resource, options);
  };
})();
