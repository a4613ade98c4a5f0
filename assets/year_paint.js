// A year click repaints the open tab's year-drawn charts at once, in the input event itself.
// Their figures of every year are already in the page (callbacks/views.py draw_years, a store
// per chart); Dash's own path to the same figure (the year's value into the store, then the
// clientside callback iomViews.yearFigure, then the graph) costs several rounds of its
// renderer's store updates: 150-250 ms on this page. Here the chosen year's figure is drawn
// straight away from the same store by the same picker; Dash's answer arrives a moment later
// with that very figure, and the key figures and words follow from the server as before.
// The ids follow components/ids.py (tests/test_year_paint.py checks them).
(function () {
  "use strict";

  var YEAR_ID = "year"; // ids.YEAR
  var GRAPH_SUFFIX = "-graph"; // ids.graph(chart)
  var FIGURES_SUFFIX = "-figures"; // ids.panel(chart, layout.FIGURES)
  var DRAWN_SUFFIX = "-drawn"; // ids.panel(chart, layout.DRAWN)

  // The data of the store next to a chart's graph, by the store's suffix.
  function storeOf(graphId, suffix) {
    var api = window.dash_component_api;
    if (!api || !api.getLayout || graphId.slice(-GRAPH_SUFFIX.length) !== GRAPH_SUFFIX) {
      return null;
    }
    var store = api.getLayout(graphId.slice(0, -GRAPH_SUFFIX.length) + suffix);
    return (store && store.props && store.props.data) || null;
  }

  document.addEventListener(
    "change",
    function (event) {
      var input = event.target;
      var views = window.dash_clientside && window.dash_clientside.iomViews;
      if (!input || input.type !== "radio" || !input.closest || !window.Plotly || !views
          || !input.closest("#" + YEAR_ID)) {
        return;
      }
      document.querySelectorAll(".js-plotly-plot").forEach(function (gd) {
        var holder = gd.closest("[id]");
        if (!holder || !gd.getClientRects().length) {
          return; // a chart on a closed tab draws when its tab opens
        }
        var figures = storeOf(holder.id, FIGURES_SUFFIX);
        var drawn = storeOf(holder.id, DRAWN_SUFFIX);
        // the same picker as Dash's: nothing while the store holds another data's figures
        var figure = figures && figures.by_year
          ? views.yearFigure(input.value, figures, drawn) : null;
        if (!figure || !figure.data) {
          return;
        }
        // a copy: Plotly writes into the layout it draws, and the store's figure is Dash's
        var copy = JSON.parse(JSON.stringify(figure));
        window.Plotly.react(gd, copy.data, copy.layout);
      });
    },
    true
  );
})();
