// Year clicks repaint the ranking in the browser: the server sends the figure of every year for
// the current language, donor and data (callbacks/views.py: ranking_figures), and this picks the
// chosen year's, falling back to the latest year as the server-side views do (charts.chart_year).
// The namespace and function names are declared in components/clientside.py (tests/test_theme.py).
window.dash_clientside = Object.assign({}, window.dash_clientside, {
  iomViews: {
    // ``drawn`` is the key of what the chart last drew (callbacks/context Request.drawn_key);
    // the store of every year's figures is filled by a request of its own, so after a change
    // it may hold the figures of before: those are never picked, whichever answer comes first.
    // The language and donor of the page count too (assets/year_paint.js figureFor): a donor or
    // language painted in the browser before the server's figures came stays painted.
    // ``shown`` is the graph's figure: the same figure again (every year's figures arriving
    // after the chart's own answer drew that year) is no update, not a third redraw.
    yearFigure: function (year, figures, drawn, shown) {
      const figure = window.iomPaint ? window.iomPaint.figureFor(figures, drawn, {year: year}) : null;
      if (!figure || (shown && JSON.stringify(shown) === JSON.stringify(figure))) {
        return window.dash_clientside.no_update;
      }
      return figure;
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

// Narrow screens (a phone): the server wraps a chart's footer for the width of a desktop chart
// (components/theme.py, about 100 characters a line) and leaves its title and subtitle on one
// line, so on a 390 px screen their ends were cut off. After each draw this wraps the title and
// subtitle to the graph's width (at any width: a long subtitle is cut at 800 px too); on a graph
// narrower than NARROW it also re-wraps the footer, starts it at the chart's left edge instead
// of the plot's, and grows the margins and the height by the lines added. Exports are not
// touched: they are laid out on the server for their own fixed size.
(function () {
  const NARROW = 760; // px: below this the desktop wrapping no longer fits
  // px per character, a little over the average of the title (17 px bold) and the subtitle
  // (13 px), so a wrapped line never runs past the chart's right edge
  const TITLE_CHAR = 10;
  const SUBTITLE_CHAR = 7.4;

  const count = (text) => String(text || '').split('<br>').length;

  // Breaks only at plain spaces: a number keeps its unit ("97 %", "USD 2,99 mld" written with
  // no-break spaces, and a space before "%" is not broken either), so "97" and "%" never part.
  function wrap(text, width) {
    return String(text).replace(/(\d) %/g, '$1\u0000%').split('<br>').map((part) => {
      const lines = [];
      let line = '';
      part.split(/[ \t\n]+/).filter(Boolean).forEach((word) => {
        if (line && (line + ' ' + word).replace(/<[^>]+>/g, '').length > width) {
          lines.push(line);
          line = word;
        } else {
          line = line ? line + ' ' + word : word;
        }
      });
      lines.push(line);
      return lines.join('<br>');
    }).join('<br>').replace(/\u0000/g, ' ');
  }

  // What this script last set on a graph, kept on the graph element (gd.__iomFitted) as the
  // words and top margin it set: Dash may hand plotly a new layout object holding those values,
  // and its resize handler drops layout.height, so "is this layout already fitted?" is told by
  // the texts and the margin, not by the object or the height. Fitting a fitted layout again
  // grew its margins on every draw, without end (a 390 px bump chart froze the page).
  function signature(layout) {
    const title = layout.title || {};
    return JSON.stringify([
      title.text || '',
      (title.subtitle && title.subtitle.text) || '',
      (layout.margin || {}).t,
      (layout.annotations || []).filter((a) => a.name === 'source').map((a) => a.text),
    ]);
  }

  function applied(gd) {
    const state = gd.__iomFitted;
    return state && state.signature === signature(gd.layout || {}) ? state : null;
  }

  // A copy of ``layout`` with plotly-style paths set ('title.subtitle.text',
  // 'annotations[2].x'), as Plotly.relayout would set them.
  function withUpdate(layout, update) {
    const copy = JSON.parse(JSON.stringify(layout));
    Object.entries(update).forEach(([path, value]) => {
      const keys = path.replace(/\[(\d+)\]/g, '.$1').split('.');
      let node = copy;
      keys.slice(0, -1).forEach((key) => {
        if (node[key] === undefined || node[key] === null) node[key] = {};
        node = node[key];
      });
      node[keys[keys.length - 1]] = value;
    });
    return copy;
  }

  // An axis title's text, whether plotly was given it as a string or as {text: ...}.
  function axisTitle(axis) {
    const title = axis && axis.title;
    if (title === undefined || title === null) return null;
    return typeof title === 'string' ? title : (title.text === undefined ? null : title.text);
  }

  function fit(gd) {
    const full = gd._fullLayout;
    const layout = gd.layout;
    if (!full || !layout || !window.Plotly) return;
    // a graph on a tab not open is not displayed: plotly cannot lay it out; it is fitted when
    // its tab opens and it draws (plotly_afterplot)
    if (gd.getClientRects().length === 0) return;
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
      legend: JSON.parse(JSON.stringify(layout.legend || {})),
      menus: JSON.parse(JSON.stringify(layout.updatemenus || [])),
      annotations: JSON.parse(JSON.stringify(annotations)),
      r: (layout.margin && layout.margin.r) || full.margin.r,
      xTitle: axisTitle(layout.xaxis),
    };
    // The title and subtitle are wrapped to the chart's own width at every width: the server
    // does not know it, and a long subtitle ran off an 800 px chart, above the breakpoint.
    const titleText = wrap(original.title, Math.floor((width - 24) / TITLE_CHAR));
    const subText = wrap(original.subtitle, Math.floor((width - 24) / SUBTITLE_CHAR));
    const rewrapped = count(titleText) !== count(original.title)
      || count(subText) !== count(original.subtitle);
    if (width >= NARROW && !seen && !rewrapped) {
      gd.__iomFitted = {width: width, original: original, signature: signature(layout)};
      return;
    }
    const narrow = width < NARROW;
    // A legend above the plot (the bump chart's) wraps into rows on a narrow chart: the top
    // margin grows by those rows, so the legend sits between the title and the plot. A legend
    // in a column right of the plot (and buttons under it: the amounts per donor) would leave
    // the plot a sliver: on a narrow chart both move above the plot, buttons over the legend.
    const entries = (gd.data || []).filter((d) => d.showlegend !== false && d.name).length;
    const legend = original.legend;
    const shown = full.showlegend && full.legend;
    const legendOnTop = shown && full.legend.orientation === 'h' && full.legend.y >= 1;
    const sideLegend = narrow && shown && full.legend.orientation === 'v' && (legend.x || 0) >= 1;
    const perRow = Math.max(1, Math.floor((width - 24) / 190));
    const rows = (legendOnTop || sideLegend) && narrow ? Math.ceil(entries / perRow) : 1;
    const sideMenus = sideLegend ? original.menus.filter((m) => (m.x || 0) >= 1).length : 0;
    const extraTop = 22 * (count(titleText) - count(original.title))
      + 17 * (count(subText) - count(original.subtitle))
      + (sideLegend ? 20 * rows + (sideMenus ? 38 : 0) : 20 * (rows - 1));
    // The plot's width once drawn: wider by the right margin a moved legend gives back.
    const plotWidth = full._size.w + (sideLegend ? Math.max(0, full._size.r - 24) : 0);
    let extraBottom = 0;
    const update = {
      'title.text': titleText,
      'title.subtitle.text': subText,
      'margin.t': original.t + extraTop,
    };
    // The x axis title is centred under the plot: on a narrow chart a long one ran off both
    // edges ("Ongeoormerkt aandeel van de vrijwillige inko..." at 390 px); it wraps to the
    // plot's width, and the footer under it moves down by the lines it adds.
    let titleLines = 0; // px the x axis title grew by
    if (original.xTitle !== null) {
      const room = plotWidth + 2 * Math.min(full._size.l, full._size.r);
      const xTitle = narrow ? wrap(original.xTitle, Math.floor((room - 16) / 8)) : original.xTitle;
      // a line of the title is its font size and plotly's line spacing (1.3) tall
      const font = (full.xaxis && full.xaxis.title && full.xaxis.title.font) || {};
      const added = count(xTitle) - count(original.xTitle);
      titleLines = added > 0 ? Math.ceil(1.3 * (font.size || 14)) * added + 6 : 0;
      extraBottom += titleLines;
      update['xaxis.title.text'] = xTitle;
    }
    original.source.forEach((text, i) => {
      if (text === null) return;
      const flat = narrow ? wrap(text, Math.floor((width - 20) / 6.2)) : text;
      extraBottom += 15 * (count(flat) - count(text));
      update[`annotations[${i}].text`] = flat;
      update[`annotations[${i}].x`] = narrow ? -(full._size.l - 10) / plotWidth : original.x[i];
      update[`annotations[${i}].xanchor`] = 'left';
      update[`annotations[${i}].yshift`] = (original.annotations[i].yshift || 0) - titleLines;
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
    // Labels above the plot that point at a place on the x axis (the earmarking chart's
    // reference lines, whose lines end at the plot's top): on a narrow chart they ran off its
    // right edge and over each other. Each starts at the plot's left edge on a row of its own,
    // wrapped to the plot's width and led by its line's dash, lowest label lowest.
    const dashOf = (x) => {
      const line = (layout.shapes || []).find((shape) => shape.type === 'line' && shape.x0 === x);
      const dash = line && line.line && line.line.dash;
      return dash === 'dot' ? '\u00b7\u00b7\u00b7 ' : dash ? '\u2013 \u2013 ' : '';
    };
    let labelsHeight = 0;
    original.annotations
      .map((a, i) => [a, i])
      .filter(([a]) => a.xref === 'x' && a.yref === 'paper' && !a.showarrow
        && (a.y > 1 || (a.y === 1 && a.yanchor === 'bottom')))
      .sort(([a], [b]) => (a.y - b.y) || ((a.yshift || 0) - (b.yshift || 0)))
      .forEach(([a, i]) => {
        if (!narrow) {
          update[`annotations[${i}]`] = a;
          return;
        }
        const text = wrap(dashOf(a.x) + a.text, Math.floor((plotWidth - 8) / 6.8));
        update[`annotations[${i}]`] = Object.assign({}, a, {
          text: text, x: 0, xref: 'paper', xanchor: 'left', y: 1, yanchor: 'bottom',
          yshift: 4 + labelsHeight, align: 'left',
        });
        labelsHeight += 16 * count(text) + 4;
      });
    // The room the server left for them above the plot (its top margin beyond the titles').
    update['margin.t'] += Math.max(0, labelsHeight - Math.max(0, original.t - 78));
    update.legend = sideLegend
      ? Object.assign({}, legend, {orientation: 'h', x: 0, xanchor: 'left', y: 1.02, yanchor: 'bottom'})
      : legend;
    update.updatemenus = original.menus.map((menu) => (sideLegend && (menu.x || 0) >= 1
      ? Object.assign({}, menu, {x: 0, xanchor: 'left', y: 1.02, yanchor: 'bottom',
        direction: 'right', pad: {t: 0, r: 0, l: 0, b: 20 * rows + 10}})
      : menu));
    update['margin.r'] = sideLegend ? 24 : original.r;
    update['margin.b'] = original.b + extraBottom;
    update.height = original.height + (update['margin.t'] - original.t) + extraBottom;
    // Plotly.react, not Plotly.relayout: Dash's Graph answers a relayout event by drawing its
    // figure prop again, which undid the fit, which fitted again: an endless loop.
    const fitted = withUpdate(layout, update);
    gd.__iomFitted = {width: width, original: original, signature: signature(fitted)};
    window.Plotly.react(gd, gd.data, fitted);
  }

  function watch(gd) {
    if (gd.__iomFit) return;
    gd.__iomFit = true;
    gd.on('plotly_afterplot', () => fit(gd));
    fit(gd);
  }
  // The page's graphs only (dcc.Graph's .dash-graph): Plotly.toImage draws an export in a
  // plot of its own under <body>, laid out on the server for its size; wrapping it again here
  // broke a fitting subtitle line once more ("stippellijn:" / "jaren" / "zonder ...").
  const scan = () => document.querySelectorAll('.dash-graph .js-plotly-plot').forEach((gd) => {
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
