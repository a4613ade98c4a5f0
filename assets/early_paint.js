// A top N entered, or another source clicked, is drawn from a figure asked for in the input event
// itself (callbacks/early_paint.py): Dash's chain to the same figure (the value into its store,
// the gate, the chart's callback, and for a source the entity's round trip first) sends the
// chart's request 50-150 ms after the input. The answer is the figure that chain ends with;
// Dash's own answer follows with the same figure and the words around the chart.
// An answer is drawn only while the page still shows what it was asked for (the same year,
// language, donor, top N and source, bar the control changed; no newer ask for the graph). Until
// Dash has drawn the change itself, the graph shows a figure newer than its figures of every
// year: assets/year_paint.js leaves it alone meanwhile (EARLY_ATTR).
// The ids follow components/ids.py and components/layout.py (tests/test_early_paint.py).
(function () {
  "use strict";

  var ROUTE = "_iom-early-figure"; // callbacks/early_paint.py ROUTE
  var TOP_ID = "top-n"; // ids.TOP_N
  var SOURCE_ID = "source"; // ids.SOURCE
  var YEAR_ID = "year"; // ids.YEAR
  var LANG_ID = "lang"; // ids.LANG
  var DONOR_ID = "donor"; // ids.DONOR
  var SESSION_ID = "session"; // ids.SESSION
  var GRAPH_SUFFIX = "-graph"; // ids.graph(chart)
  var GATE_SUFFIX = "-gate"; // ids.panel(chart, layout.GATE)
  var DRAWN_SUFFIX = "-drawn"; // ids.panel(chart, layout.DRAWN)
  var EARLY_ATTR = "data-early-over"; // the drawn key the early figure superseded
  var EARLY_FIGURE = "__iomEarlyFigure"; // the figure drawn early, as JSON text
  // What must not have changed when the answer comes, by the control changed: a source switch
  // settles the donor and the year itself (callbacks/early_paint.py settled_values).
  var KEPT = {};
  KEPT[TOP_ID] = [YEAR_ID, LANG_ID, DONOR_ID, SOURCE_ID];
  KEPT[SOURCE_ID] = [LANG_ID, TOP_ID];

  // An entered top N goes to Dash once the chart is drawn, or after this long at most: Dash's
  // handling of it (its store, the gate, the requests: 40-80 ms of main thread) would otherwise
  // hold the answer's paint back until it is done.
  var HAND_OVER_MS = 150;

  var asked = {}; // graph id -> number of its newest ask
  var count = 0;

  function props(id) {
    var api = window.dash_component_api;
    var found = api && api.getLayout ? api.getLayout(id) : null;
    return (found && found.props) || {};
  }

  function route() {
    var config = document.getElementById("_dash-config");
    var prefix = "/";
    try {
      prefix = JSON.parse(config.textContent).requests_pathname_prefix || "/";
    } catch (e) {
      // the renderer's own default
    }
    return prefix + ROUTE;
  }

  function snapshot(control) {
    return KEPT[control].map(function (id) { return JSON.stringify(props(id).value); });
  }

  function same(a, b) {
    return a.length === b.length && a.every(function (v, i) { return v === b[i]; });
  }

  // Ask for every chart on the open tab whose gate the change passes through; a promise of
  // the asks' ends (drawn or not), or nothing when nothing was asked.
  function paintChange(control, value) {
    if (!window.Plotly || JSON.stringify(props(control).value) === JSON.stringify(value)) {
      return null; // Dash has the value already: nothing new to draw
    }
    var before = snapshot(control);
    var asks = [];
    document.querySelectorAll(".js-plotly-plot").forEach(function (gd) {
      var holder = gd.closest("[id]");
      var graph = holder && holder.id;
      if (!graph || graph.slice(-GRAPH_SUFFIX.length) !== GRAPH_SUFFIX || !gd.getClientRects().length) {
        return; // a chart on a closed tab draws when its tab opens
      }
      var chart = graph.slice(0, -GRAPH_SUFFIX.length);
      var gate = props(chart + GATE_SUFFIX).data;
      if (!gate || !gate.sent) {
        return;
      }
      var drawn = props(chart + DRAWN_SUFFIX).data || null;
      var number = ++count;
      asked[graph] = number;
      asks.push(window.fetch(route(), {
        method: "POST",
        headers: {"Content-Type": "application/json"},
        body: JSON.stringify({
          graph: graph,
          control: control,
          value: value,
          gate: gate,
          drawn: drawn,
          session: props(SESSION_ID).data || null,
          year: props(YEAR_ID).value === undefined ? null : props(YEAR_ID).value,
        }),
      }).then(function (response) {
        return response.status === 200 ? response.json() : null;
      }).then(function (figure) {
        if (!figure || !figure.data || asked[graph] !== number || !same(before, snapshot(control))) {
          return;
        }
        if ((props(chart + DRAWN_SUFFIX).data || null) !== drawn || !gd.getClientRects().length) {
          return; // Dash has drawn a change since, or the tab closed
        }
        gd.setAttribute(EARLY_ATTR, String(drawn));
        gd[EARLY_FIGURE] = JSON.stringify(figure);
        window.Plotly.react(gd, figure.data, figure.layout || {});
      }).catch(function () {
        // Dash's own request draws it, and says what went wrong if anything did
      }));
    });
    return asks.length ? Promise.all(asks) : null;
  }

  // Dash takes the changed value from here, once ``ready`` (a promise: the chart drawn) is done
  // and the frame after it shown, or after HAND_OVER_MS at most: the input event that would
  // have handed it over was stopped. (assets/year_paint.js hands a year or language over so.)
  // ``extra`` are more props the stopped event would have set.
  function handOver(control, value, ready, extra) {
    var handed = false;
    var hand = function () {
      if (!handed) {
        handed = true;
        window.dash_clientside.set_props(control, Object.assign({value: value}, extra || {}));
      }
    };
    var afterFrame = function () {
      window.requestAnimationFrame(function () { window.setTimeout(hand, 0); });
    };
    ready.then(afterFrame, hand);
    window.setTimeout(hand, HAND_OVER_MS);
  }

  function canHandOver() {
    return Boolean(window.dash_clientside && window.dash_clientside.set_props);
  }

  // The top N box answers on Enter or when it loses focus (debounce), as Dash takes its value.
  // On Enter the key's default (the keypress dcc.Input commits on) is prevented and Dash is
  // handed the value after the chart is drawn. A blur goes its own way at once.
  function topEntered(event) {
    var box = event.target;
    if (!box || box.id !== TOP_ID || (event.type === "keydown" && event.key !== "Enter")) {
      return;
    }
    var number = box.valueAsNumber;
    if (!box.checkValidity() || !Number.isInteger(number)) {
      return; // Dash passes it on and assets/top_n.js says what is wrong with it
    }
    var asks = paintChange(TOP_ID, number);
    if (asks && event.type === "keydown" && canHandOver()) {
      event.preventDefault();
      // The Enter is counted as dcc.Input counts it: its key handler is renewed only when
      // n_submit changes, and one left stale compares a later entry with an old value (an
      // invalid entry after a valid one typed this way was then never passed on).
      var submits = (props(TOP_ID).n_submit || 0) + 1;
      handOver(TOP_ID, number, asks, {n_submit: submits, n_submit_timestamp: Date.now()});
    }
  }

  // A source option's click (pointer or key, on the option or its label) is kept from Dash's
  // handler and the radio stays as it was until Dash is handed the value: the option shows as
  // chosen with the chart. A change without a click (none seen) goes its own way.
  function sourceClicked(event) {
    var input = event.target;
    if (!input || input.type !== "radio" || !input.checked || !input.closest
        || !input.closest("#" + SOURCE_ID)) {
      return;
    }
    var asks = paintChange(SOURCE_ID, input.value);
    if (asks && event.type === "click" && canHandOver()) {
      event.stopPropagation();
      event.preventDefault();
      handOver(SOURCE_ID, input.value, asks);
    }
  }

  document.addEventListener("keydown", topEntered, true);
  document.addEventListener("focusout", topEntered, true);
  document.addEventListener("click", sourceClicked, true);
  document.addEventListener("change", sourceClicked, true);

  // Whether ``gd`` shows ``figure`` drawn early already (assets/fresh_answers.js then leaves the
  // answer that brings the same figure to Dash: one redraw less, 20-40 ms of main thread).
  function drawnEarly(gd, figure) {
    return Boolean(gd[EARLY_FIGURE]) && gd[EARLY_FIGURE] === JSON.stringify(figure);
  }

  window.iomEarly = {
    ATTR: EARLY_ATTR, handOver: handOver, canHandOver: canHandOver, drawnEarly: drawnEarly,
  };
})();
