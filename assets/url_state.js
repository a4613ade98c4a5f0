// Mirrors the controls into the address bar (replaceState: no reload, no history spam) and the
// page language into <html lang>, in the browser, so a control change costs no server round trip.
// The query string matches components/view_state.py:to_search (tests/browser check both agree).
// The namespace and function names are declared in components/clientside.py (tests/test_theme.py).
window.dash_clientside = Object.assign({}, window.dash_clientside, {
  iom: {
    syncUrl: function (lang, year, donor, view, budget, top, entity, source, scope, peers) {
      const params = new URLSearchParams();
      params.set("lang", lang);
      params.set("year", year);
      params.set("donor", donor);
      params.set("view", view);
      params.set("budget", budget);
      params.set("source", source);
      if (entity && source !== "scorecard") {
        params.set("entity", entity);
        params.set("top", top);
        params.set("contributors", scope);
      }
      if (peers && peers.length) {
        params.set("peers", peers.join(","));
      }
      const search = "?" + params.toString();
      if (window.location.search !== search) {
        window.history.replaceState(window.history.state, "", window.location.pathname + search);
      }
      document.documentElement.lang = lang;
      return search;
    },
  },
});
