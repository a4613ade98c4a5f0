// Mirrors the controls into the address bar and the page language into <html lang>, in the
// browser, so a control change costs no server round trip. Each view an analyst picks is a
// history entry (pushState), so the browser's back and forward buttons step through the views:
// dcc.Location hears the popstate and callbacks/url.py restores the controls from the address.
// Settings made by the app itself are not views of their own and replace the current entry:
// the first sync on load, the restore after a back/forward step or a load (the restore always
// sends the donor options, so a call triggered by them is a restore), and what a change sets
// off within a moment of it (a new source resets year and entity).
// The query string matches components/view_state.py:to_search (tests/browser check both agree).
// The namespace and function names are declared in components/clientside.py (tests/test_theme.py).
(function () {
  "use strict";

  var CASCADE_MS = 700; // follow-up changes of one click arrive within this time
  var lastPush = 0;
  var restoring = false;

  var LOCATION_ID = "url"; // components/ids.py URL, the dcc.Location

  // dcc.Location learns of a back/forward step only when the address differs from the one it
  // last knew, and it never hears of our pushState: going back to the page's first address
  // would restore nothing. So the step is handed to it here, which always runs the restore.
  window.addEventListener("popstate", function () {
    restoring = true;
    var clientside = window.dash_clientside;
    if (clientside && clientside.set_props) {
      clientside.set_props(LOCATION_ID, {
        search: window.location.search,
        href: window.location.href,
      });
    }
  });

  function triggeredBy() {
    var context = window.dash_clientside && window.dash_clientside.callback_context;
    var triggered = (context && context.triggered) || [];
    return triggered
      .map(function (entry) {
        return entry.prop_id;
      })
      .filter(function (id) {
        return id && id !== ".";
      });
  }

  function writeHistory(search) {
    var url = window.location.pathname + search;
    var triggers = triggeredBy();
    var restored = triggers.some(function (id) {
      return id.indexOf(".options") !== -1;
    });
    var now = Date.now();
    if (!triggers.length || restored || restoring || now - lastPush < CASCADE_MS) {
      window.history.replaceState(window.history.state, "", url);
      if (restored) {
        restoring = false;
      }
      return;
    }
    window.history.pushState({ search: search }, "", url);
    lastPush = now;
  }

  window.dash_clientside = Object.assign({}, window.dash_clientside, {
    iom: {
      // The last argument, the donor options, only marks a restore (see writeHistory).
      syncUrl: function (
        lang,
        year,
        donor,
        view,
        budget,
        amounts,
        top,
        entity,
        source,
        scope,
        peers,
        currency,
        prices,
        base
      ) {
        var params = new URLSearchParams();
        params.set("lang", lang);
        params.set("year", year);
        params.set("donor", donor);
        params.set("view", view);
        params.set("budget", budget);
        params.set("amounts", amounts);
        params.set("source", source);
        if (entity && source !== "scorecard") {
          params.set("entity", entity);
          if (Number.isInteger(top)) {
            params.set("top", top); // not what the box cannot use (assets/top_n.js)
          }
          params.set("contributors", scope);
        }
        if (peers && peers.length) {
          params.set("peers", peers.join(","));
        }
        if (currency) {
          params.set("currency", currency);
          params.set("prices", prices);
          if (prices === "constant" && base) {
            params.set("base", base);
          }
        }
        var search = "?" + params.toString();
        if (window.location.search !== search) {
          writeHistory(search);
        }
        document.documentElement.lang = lang;
        return search;
      },
    },
  });
})();
