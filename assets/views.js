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

// Accessibility repairs of Dash 4's core components, done once for every instance in the page
// (the page renders them again after a callback, so a MutationObserver re-applies them):
// - dcc.RadioItems and dcc.Checklist render a role="listbox" of role="option" labels around
//   native radio buttons and checkboxes: an interactive role around interactive inputs, and a
//   listbox without a name. The inputs are the controls (named by their label's text, grouped
//   by the role="radiogroup" with aria-labelledby that components/panels.radio_group adds), so
//   the listbox and option roles go.
// - dcc.Dropdown puts an aria-hidden input in the Tab order to hand focus to its button (for
//   Safari); a focusable element hidden from screen readers. The input is made inert and the
//   button itself takes the Tab stop; the button is named by its visible <label> plus its value
//   (Dash names it by the value alone).
// The dropdowns' own keyboard use (typing searches, arrows move, Enter picks) is Dash's.
(function () {
  const OPTION_LISTS = '.dash-radioitems[role="listbox"], .dash-checklist[role="listbox"]';
  const OPTIONS = '.dash-radioitems > label[role], .dash-checklist > label[role],'
    + ' .dash-radioitems > label[aria-selected], .dash-checklist > label[aria-selected]';

  function repair() {
    document.querySelectorAll(OPTION_LISTS).forEach((list) => list.removeAttribute('role'));
    document.querySelectorAll(OPTIONS).forEach((label) => {
      label.removeAttribute('role');
      label.removeAttribute('aria-selected');
    });
    document.querySelectorAll('.dash-dropdown-focus-target:not([inert])').forEach((input) => {
      input.inert = true;
    });
    document.querySelectorAll('button.dash-dropdown[tabindex="-1"]').forEach((button) => {
      if (!button.disabled) button.tabIndex = 0;
    });
    document.querySelectorAll('button.dash-dropdown[id]').forEach((button) => {
      const label = document.querySelector(`label[for="${CSS.escape(button.id)}"][id]`);
      const names = (button.getAttribute('aria-labelledby') || '').split(/\s+/);
      if (label && !names.includes(label.id)) {
        button.setAttribute('aria-labelledby', [label.id, ...names].join(' ').trim());
      }
    });
  }

  let queued = false;
  const observer = new MutationObserver(() => {
    if (queued) return;
    queued = true;
    window.requestAnimationFrame(() => {
      queued = false;
      repair();
    });
  });
  const start = () => {
    repair();
    observer.observe(document.body, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ['role', 'aria-selected', 'tabindex', 'aria-labelledby'],
    });
  };
  if (document.body) start();
  else document.addEventListener('DOMContentLoaded', start);
})();

// Narrow screens (a phone): the server wraps a chart's title, subtitle and footer for the width
// of a desktop chart (components/theme.py, about 100 characters a line), so on a 390 px screen
// their ends were cut off. After each draw of a graph narrower than that, this re-wraps them to
// the graph's width, starts the footer at the chart's left edge instead of the plot's, and
// grows the margins and the height by the lines added. Exports are not affected: they are
// drawn at their own fixed size.
(function () {
  const NARROW = 760; // px: below this the desktop wrapping no longer fits

  const count = (text) => String(text || '').split('<br>').length;

  function wrap(text, width) {
    return String(text).split('<br>').map((part) => {
      const lines = [];
      let line = '';
      part.split(/\s+/).filter(Boolean).forEach((word) => {
        if (line && (line + ' ' + word).replace(/<[^>]+>/g, '').length > width) {
          lines.push(line);
          line = word;
        } else {
          line = line ? line + ' ' + word : word;
        }
      });
      lines.push(line);
      return lines.join('<br>');
    }).join('<br>');
  }

  // What this script last set on a graph, kept on the graph element (gd.__iomFitted): Dash may
  // hand plotly a new layout object holding the values set here, so "is this layout already
  // fitted?" is told by those values, not by the object. Fitting a fitted layout again grew
  // its margins on every draw, without end (a 390 px bump chart froze the page).
  function applied(gd) {
    const state = gd.__iomFitted;
    const layout = gd.layout || {};
    const title = layout.title || {};
    if (!state) return null;
    const same = title.text === state.set.title && (layout.margin || {}).t === state.set.t
      && layout.height === state.set.height;
    return same ? state : null;
  }

  function fit(gd) {
    const full = gd._fullLayout;
    const layout = gd.layout;
    if (!full || !layout || !window.Plotly) return;
    const width = full.width;
    const seen = applied(gd);
    if (seen && seen.width === width) return;
    const title = layout.title || {};
    const annotations = layout.annotations || [];
    const original = seen ? seen.original : {
      title: title.text || '',
      subtitle: (title.subtitle && title.subtitle.text) || '',
      source: annotations.map((a) => (a.name === 'source' ? a.text : null)),
      t: (layout.margin && layout.margin.t) || full.margin.t,
      b: (layout.margin && layout.margin.b) || full.margin.b,
      height: layout.height || full.height,
      x: annotations.map((a) => a.x),
      range: layout.xaxis && layout.xaxis.range ? layout.xaxis.range.slice() : null,
    };
    if (width >= NARROW && !seen) {
      gd.__iomFitted = {width: width, original: original,
        set: {title: original.title, t: (layout.margin || {}).t, height: layout.height}};
      return;
    }
    const narrow = width < NARROW;
    const titleText = narrow ? wrap(original.title, Math.floor((width - 24) / 10)) : original.title;
    const subText = narrow ? wrap(original.subtitle, Math.floor((width - 24) / 7.4)) : original.subtitle;
    // A legend above the plot (the bump chart's) wraps into rows on a narrow chart: the top
    // margin grows by those rows, so the legend sits between the title and the plot.
    const entries = (gd.data || []).filter((d) => d.showlegend !== false && d.name).length;
    const legendOnTop = full.showlegend && full.legend && full.legend.orientation === 'h'
      && full.legend.y >= 1;
    const rows = legendOnTop && narrow ? Math.ceil(entries / Math.max(1, Math.floor((width - 24) / 190))) : 1;
    const extraTop = 22 * (count(titleText) - count(original.title))
      + 17 * (count(subText) - count(original.subtitle)) + 20 * (rows - 1);
    let extraBottom = 0;
    const update = {
      'title.text': titleText,
      'title.subtitle.text': subText,
      'margin.t': original.t + extraTop,
    };
    original.source.forEach((text, i) => {
      if (text === null) return;
      const flat = narrow ? wrap(text, Math.floor((width - 20) / 6.2)) : text;
      extraBottom += 15 * (count(flat) - count(text));
      update[`annotations[${i}].text`] = flat;
      update[`annotations[${i}].x`] = narrow ? -(full._size.l - 10) / full._size.w : original.x[i];
      update[`annotations[${i}].xanchor`] = 'left';
    });
    // Horizontal bars labelled outside: the x axis reaches far enough for the longest label.
    const bars = (gd.data || []).find((d) => d.type === 'bar' && d.orientation === 'h'
      && d.textposition === 'outside' && Array.isArray(d.text));
    if (bars && original.range) {
      const label = 7.4 * Math.max(...bars.text.map((text) => String(text).length));
      const plot = full._size.w;
      const most = Math.max(...bars.x.map(Number));
      update['xaxis.range'] = narrow && plot > label + 40
        ? [original.range[0], Math.max(original.range[1], most * plot / (plot - label - 10))]
        : original.range;
    }
    update['margin.b'] = original.b + extraBottom;
    update.height = original.height + extraTop + extraBottom;
    gd.__iomFitted = {width: width, original: original,
      set: {title: titleText, t: update['margin.t'], height: update.height}};
    window.Plotly.relayout(gd, update);
  }

  function watch(gd) {
    if (gd.__iomFit) return;
    gd.__iomFit = true;
    gd.on('plotly_afterplot', () => fit(gd));
    fit(gd);
  }
  const scan = () => document.querySelectorAll('.js-plotly-plot').forEach((gd) => {
    if (typeof gd.on === 'function') watch(gd);
  });
  new MutationObserver(scan).observe(document.documentElement, {subtree: true, childList: true});
})();

// The page's language before the first callback: Dash's index page has no <html lang>, which
// url_state.js (syncUrl) sets once the controls are read; until then, the link's language.
if (!document.documentElement.lang) {
  const lang = new URLSearchParams(window.location.search).get('lang');
  document.documentElement.lang = lang === 'en' ? 'en' : 'nl';
}
