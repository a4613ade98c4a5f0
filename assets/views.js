// Year clicks repaint the ranking in the browser: the server sends the figure of every year for
// the current language, donor and data (callbacks/views.py: ranking_figures), and this picks the
// chosen year's, falling back to the latest year as the server-side views do (charts.chart_year).
// The namespace and function names are declared in components/clientside.py (tests/test_theme.py).
window.dash_clientside = Object.assign({}, window.dash_clientside, {
  iomViews: {
    yearFigure: function (year, figures) {
      if (!figures || !figures.by_year) {
        return window.dash_clientside.no_update;
      }
      const chosen = figures.by_year[String(year)];
      return chosen !== undefined ? chosen : figures.by_year[String(figures.latest)];
    },
  },
});
