// A year click, a language click, or a donor picked among the ranking's bars, repaints the open
// tab's charts that the browser can draw at once, in the input event itself.
// Their figures of every year are already in the page (callbacks/views.py draw_years, a store
// per chart); Dash's own path to the same figure (the year's value into the store, then the
// clientside callback iomViews.yearFigure, then the graph) costs several rounds of its
// renderer's store updates: 150-250 ms on this page. Here the chosen year's figure is drawn
// straight away from the same store by the same picker; Dash's answer arrives a moment later
// with that very figure, and the key figures and words follow from the server as before.
// A donor pick takes the year's figure and restyles its bars with the colours the server sent
// for that donor (components/charts/ranking.py highlight_colours), dimming and outlining as
// components/theme.py highlight_marker does and setting the donor's name in bold; a donor who
// is not among the bars, or whose highlight changes which bars there are, waits for the server.
// A language click takes the year shown from the same figures drawn in the other language.
// Each paint keeps what the others painted before the server answered: the year, language and
// donor of the page (Dash's store) decide the figure, whichever control changed.
// The ids follow components/ids.py (tests/test_year_paint.py checks them).
(function () {
  "use strict";

  var YEAR_ID = "year"; // ids.YEAR
  var DONOR_ID = "donor"; // ids.DONOR
  var LANG_ID = "lang"; // ids.LANG
  var GRAPH_SUFFIX = "-graph"; // ids.graph(chart)
  var FIGURES_SUFFIX = "-figures"; // ids.panel(chart, layout.FIGURES)
  var DRAWN_SUFFIX = "-drawn"; // ids.panel(chart, layout.DRAWN)
  // set by assets/early_paint.js on a graph that shows a change newer than its figures
  var EARLY_ATTR = "data-early-over";

  // The data of the store next to a chart's graph, by the store's suffix.
  function storeOf(graphId, suffix) {
    var api = window.dash_component_api;
    if (!api || !api.getLayout || graphId.slice(-GRAPH_SUFFIX.length) !== GRAPH_SUFFIX) {
      return null;
    }
    var store = api.getLayout(graphId.slice(0, -GRAPH_SUFFIX.length) + suffix);
    return (store && store.props && store.props.data) || null;
  }

  // A control's value in Dash's store (what the page shows once Dash has taken the input).
  function valueOf(id) {
    var api = window.dash_component_api;
    var control = api && api.getLayout ? api.getLayout(id) : null;
    return control && control.props ? control.props.value : null;
  }

  // The figure of the view ``change`` asks for (its year, language or donor; the others as
  // the page shows them), out of a chart's figures of every year, or nothing when only the
  // server can draw it: the figures were drawn for another view than the graph shows
  // (``drawn``), the language has no figures here, or the donor is not among the bars.
  function figureFor(figures, drawn, change) {
    if (!figures || !figures.by_year || (drawn && figures.key !== drawn)) {
      return null;
    }
    var year = String(change.year !== undefined ? change.year : valueOf(YEAR_ID));
    var lang = change.lang !== undefined ? change.lang : valueOf(LANG_ID);
    var donor = (change.donor !== undefined ? change.donor : valueOf(DONOR_ID)) || null;
    var drawnIn = !lang || lang === figures.lang ? figures : (figures.by_lang || {})[lang];
    if (!drawnIn || !drawnIn.by_year) {
      return null;
    }
    if (drawnIn.by_year[year] === undefined) {
      year = String(drawnIn.latest);
    }
    var figure = copyOf(drawnIn.by_year[year]);
    if (figure && figures.donors && donor !== (figures.donor || null)) {
      figure = withDonor(figure, figures.donors, year, donor);
    }
    return figure;
  }

  // Every chart on the open tab that has figures of every year: ``paint`` returns the figure
  // to draw from them (and the key of what the graph shows), or nothing; how many it drew.
  function repaint(paint) {
    var painted = 0;
    if (!window.Plotly) {
      return painted;
    }
    document.querySelectorAll(".js-plotly-plot").forEach(function (gd) {
      var holder = gd.closest("[id]");
      if (!holder || !gd.getClientRects().length) {
        return; // a chart on a closed tab draws when its tab opens
      }
      var figures = storeOf(holder.id, FIGURES_SUFFIX);
      if (!figures || !figures.by_year) {
        return;
      }
      var drawn = storeOf(holder.id, DRAWN_SUFFIX);
      if (gd.getAttribute(EARLY_ATTR) === String(drawn)) {
        return; // drawn early for a top N or source the figures here are not of yet
      }
      var figure = paint(figures, drawn);
      if (figure && figure.data) {
        window.Plotly.react(gd, figure.data, figure.layout);
        painted += 1;
      }
    });
    return painted;
  }

  function copyOf(figure) {
    return figure && figure.data ? JSON.parse(JSON.stringify(figure)) : null;
  }

  // The year's figure with ``key`` highlighted, or nothing when the server must draw it.
  function withDonor(figure, donors, year, key) {
    var colours = donors && donors.colours && donors.colours[year];
    var bars = figure && figure.data && figure.data[0];
    if (!colours || !colours[key] || !bars || !bars.customdata || !figure.layout) {
      return null;
    }
    var keys = bars.customdata;
    bars.marker = Object.assign({}, bars.marker, {
      color: colours[key],
      opacity: keys.map(function (k) { return k === key ? 1 : donors.dimmed; }),
      line: Object.assign({}, (bars.marker || {}).line, {
        color: keys.map(function (k) { return k === key ? donors.outline : donors.plain; }),
      }),
    });
    figure.layout.yaxis = Object.assign({}, figure.layout.yaxis, {
      tickvals: bars.y,
      ticktext: bars.y.map(function (label, i) {
        return keys[i] === key ? "<b>" + label + "</b>" : label;
      }),
    });
    return figure;
  }

  // The radio's own click (a pointer on its label, or a key), before React's handler on the
  // page's root: Dash takes the value there (several milliseconds of its store updates), and the
  // chart painted first shows a frame sooner. The checked state is already the new one in a
  // click's capture. The change event that follows paints only what no click painted (a
  // browser that changes a radio without a click event).
  var paintedBy = null;

  function radioChange(event) {
    var input = event.target;
    if (!input || input.type !== "radio" || !input.checked || !input.closest) {
      return;
    }
    if (event.type === "change" && paintedBy === input) {
      paintedBy = null;
      return;
    }
    var control = input.closest("#" + YEAR_ID) ? YEAR_ID
      : input.closest("#" + LANG_ID) ? LANG_ID : null;
    if (!control || (event.type === "click" && String(valueOf(control)) === input.value)) {
      return; // not a year or language, or a click on the option already chosen
    }
    paintedBy = event.type === "click" ? input : null;
    var change = control === YEAR_ID ? {year: input.value} : {lang: input.value};
    var painted = repaint(function (figures, drawn) { return figureFor(figures, drawn, change); });
    // Dash takes the value after the frame with the chart (assets/early_paint.js handOver): its
    // handler would otherwise run in this task, before the frame. The radio shows the choice
    // once Dash has it, a frame later.
    var early = window.iomEarly;
    var value = optionValue(control, input.value);
    if (painted && event.type === "click" && early && early.canHandOver() && value !== undefined) {
      event.stopPropagation();
      event.preventDefault();
      early.handOver(control, value, Promise.resolve());
    }
  }

  // The value of a radio's option as Dash holds it (a year is a number), by its input's text.
  function optionValue(control, text) {
    var api = window.dash_component_api;
    var radio = api && api.getLayout ? api.getLayout(control) : null;
    var options = (radio && radio.props && radio.props.options) || [];
    for (var i = 0; i < options.length; i++) {
      var option = options[i];
      var value = option && typeof option === "object" ? option.value : option;
      if (String(value) === text) {
        return value;
      }
    }
    return undefined;
  }

  document.addEventListener("click", radioChange, true);
  document.addEventListener("change", radioChange, true);

  // A click on an option of the donor dropdown (its list sits in the dropdown's own wrapper,
  // named by the button's aria-controls), before Dash sets the value. The option is a label
  // around its input: a click on its text is followed, in the same task, by the click the
  // label sends to the input, which would draw the same figure a second time (20-30 ms more
  // before the frame); that one is skipped.
  var donorPainted = null;

  document.addEventListener(
    "click",
    function (event) {
      var option = event.target && event.target.closest
        ? event.target.closest("[role=option]") : null;
      var list = option && option.closest(".dash-dropdown-content");
      var button = document.getElementById(DONOR_ID);
      var choice = option && option.querySelector("input");
      if (!list || !button || !choice || button.getAttribute("aria-controls") !== list.id) {
        return;
      }
      if (event.target === choice && donorPainted === choice) {
        donorPainted = null;
        return; // the label's click on its input: painted already
      }
      donorPainted = event.target === choice ? null : choice;
      window.setTimeout(function () { donorPainted = null; }, 0);
      repaint(function (figures, drawn) {
        return figureFor(figures, drawn, {donor: choice.value});
      });
    },
    true
  );

  // Dash's own path to the year shown (components/clientside.py YEAR_FIGURE) picks the same way.
  window.iomPaint = {figureFor: figureFor};
})();
