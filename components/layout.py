"""The page: header with controls, key figures, and one tab per view.

The layout is built once from the model; the text in it is filled by the language callback, so
the static skeleton carries ids, not wording.
"""

from __future__ import annotations

import json
from typing import Any, cast

from dash import dcc, html

from components import ids, page_text
from components.charts.base import ChartSpec
from components.charts.registry import PAGE_TABS, charts_on
from components.data_panel import data_panel
from components.export_bar import chart_block, memo_section
from components.formatting import LANGS
from components.money_bar import money_bar
from components.page_text import static, tab_label
from components.panels import radio_group
from components.source_bar import source_bar
from components.sources_grid import sources_grid
from components.view_state import ViewState

# The panel of a chart whose figures of every year the browser holds (``years_in_browser``).
FIGURES = "figures"
# The store of what a chart last drew (callbacks/views.py: a superseded answer is redrawn).
DRAWN = "drawn"
# The store through which only an open tab's chart asks the server to draw (callbacks/views.py):
# ``{"tab": ...}`` until the browser passes the chart's control values on.
GATE = "gate"
ORGANISATION_GATE = ids.panel(ids.TAB_ORGANISATION, GATE)


def panel_gate(chart: str, panel: str) -> str:
    """The gate of a panel with inputs of its own (drawn apart from its chart)."""
    return ids.panel(chart, f"{panel}-{GATE}")


def _gate(gate_id: str, tab: str) -> dcc.Store:
    return dcc.Store(id=gate_id, data={"tab": tab})


# The chart toolbar keeps what an analyst uses on screen (zoom, pan, reset, hover modes). Gone:
# "Share chart…" and "Edit in Chart Studio", which would upload the chart and its data to
# Plotly's cloud (a ministry's data-handling risk one click away); the image button, which the
# export bar replaces with images that carry source and date; selection tools and JSON dumps.
GRAPH_CONFIG: Any = {
    "displaylogo": False,
    "responsive": True,
    "showSendToCloud": False,
    "showEditInChartStudio": False,
    "plotlyServerURL": "",
    "modeBarButtonsToRemove": [
        "select2d",
        "lasso2d",
        "toImage",
        "sendChartToCloud",
        "sendDataToCloud",
        "editInChartStudio",
        "downloadJson",
    ],
}


def _graph(graph_id: str, class_name: str = "graph") -> dcc.Graph:
    return dcc.Graph(id=graph_id, config=GRAPH_CONFIG, className=class_name)


def _dom_id(component_id: str | dict[str, Any]) -> str:
    """The id as the browser's DOM has it: Dash writes a dict id as compact JSON, keys sorted."""
    if isinstance(component_id, str):
        return component_id
    return json.dumps(component_id, sort_keys=True, separators=(",", ":"))


def _described_graph(spec: ChartSpec) -> html.Div:
    """The graph as a figure a screen reader can use: the plot itself is an SVG without words,
    so the figure is described by the chart's takeaway sentence and the tables and notes drawn
    with it (the data behind the chart; the export bar downloads all of it as CSV or XLSX)."""
    described = [_dom_id(ids.for_chart(ids.TAKEAWAY, spec.id))]
    described += [panel.component_id(spec.id) for panel in spec.panels]
    return html.Div(
        _graph(spec.graph_id, spec.graph_class),
        role="figure",
        className="graph-figure",
        **cast(dict[str, Any], {"aria-describedby": " ".join(described)}),
    )


def _tab(tab: str, state: ViewState, children: list[Any]) -> dcc.Tab:
    """A tab and its content, which is rendered only while the tab is open."""
    return dcc.Tab(
        html.Div(children, className="tab-body"),
        label=tab_label(tab, state.lang),
        value=tab,
        id=page_text.tab_id(tab),
        className="tab",
        selected_className="tab--selected",
    )


def _tabs(state: ViewState, tabs: list[dcc.Tab]) -> dcc.Tabs:
    """The views as tabs. Only the open tab's content is mounted: the page renders a fifth of
    the components it would with all twelve, the first chart draws sooner, and AG Grid's code
    loads when a table first shows. What callbacks write into a closed tab (takeaways, export
    titles, the sources grid) is in Dash's layout and shows when the tab opens (Dash's own tabs
    render it; Mantine's, used before, showed a closed panel's first content); a grid's sort and
    filters are kept in the page (``assets/grid_memory.js``). Dash's tabs are plain elements:
    ``assets/tabs_a11y.js`` makes them ARIA tabs (tablist, tab, tabpanel; arrow keys, Home, End).
    A closed tab's chart is not drawn at all: it draws when its tab opens (its gate,
    ``assets/view_gate.js``)."""
    return dcc.Tabs(
        tabs,
        id=ids.VIEW,
        value=state.view,
        className="tabs",
        parent_className="tabs-parent",
        content_className="tab-panel",
        mobile_breakpoint=0,  # twelve tabs wrap into rows at any width, never a column of twelve
    )


def _chart_tab(tab: str, state: ViewState) -> list[Any]:
    """A tab of charts, from the registry: each chart with its own settings above it and its
    export bar under it (side by side when the tab has several), then what is drawn beside
    each chart."""
    specs = charts_on(tab)
    blocks = [
        chart_block(
            _described_graph(spec),
            spec.id,
            state.lang,
            spec.settings(state) if spec.settings is not None else None,
        )
        for spec in specs
    ]
    stores = [dcc.Store(id=ids.panel(spec.id, FIGURES)) for spec in specs if spec.years_in_browser]
    stores += [dcc.Store(id=ids.panel(spec.id, DRAWN)) for spec in specs]
    stores += [_gate(ids.panel(spec.id, GATE), tab) for spec in specs]
    stores += [
        _gate(panel_gate(spec.id, p.name), tab)
        for spec in specs
        for p in spec.panels
        if p.inputs is not None
    ]
    panels = [
        html.Div(id=panel.component_id(spec.id), className=panel.class_name)
        for spec in specs
        for panel in spec.panels
    ]
    graphs = blocks if len(blocks) == 1 else [html.Div(blocks, className="graph-row")]
    return [*graphs, *stores, *panels]


def build_layout(
    state: ViewState,
    years: list[int],
    donor_options: list[dict[str, str]],
    sources: list[str] | None = None,
    entities: list[str] | None = None,
) -> html.Div:
    lang = state.lang
    controls = html.Div(
        [
            html.Div(
                [
                    html.Span(
                        static(ids.YEAR_LABEL, lang), id=ids.YEAR_LABEL, className="control-label"
                    ),
                    radio_group(
                        dcc.RadioItems(
                            id=ids.YEAR,
                            options=[{"label": str(y), "value": y} for y in years],
                            value=state.year,
                            inline=True,
                            # a grid of balanced rows (assets/year_grid.css)
                            className="segmented segmented-years",
                        ),
                        ids.YEAR_LABEL,
                    ),
                ],
                className="control",
            ),
            html.Div(
                [
                    html.Label(
                        static(ids.DONOR_LABEL, lang), id=ids.DONOR_LABEL, htmlFor=ids.DONOR
                    ),
                    dcc.Dropdown(
                        id=ids.DONOR,
                        value=state.donor,
                        options=donor_options,
                        clearable=False,
                        searchable=True,
                        className="donor-dropdown",
                    ),
                ],
                className="control control-donor",
            ),
            html.Div(
                [
                    html.Span(
                        static(ids.LANG_LABEL, lang), id=ids.LANG_LABEL, className="control-label"
                    ),
                    radio_group(
                        dcc.RadioItems(
                            id=ids.LANG,
                            options=[{"label": code.upper(), "value": code} for code in LANGS],
                            value=lang,
                            inline=True,
                            className="segmented",
                        ),
                        ids.LANG_LABEL,
                    ),
                ],
                className="control",
            ),
        ],
        className="controls",
    )
    header = html.Header(
        [
            html.Div(
                [
                    html.H1(static(ids.TITLE, lang), id=ids.TITLE),
                    html.P(static(ids.SUBTITLE, lang), id=ids.SUBTITLE),
                ],
                className="titles",
            ),
            controls,
        ],
        className="app-header",
    )
    tabs = _tabs(
        state,
        [
            *(_tab(tab, state, _chart_tab(tab, state)) for tab in PAGE_TABS[:-2]),
            _tab(
                ids.TAB_ORGANISATION,
                state,
                [
                    _gate(ORGANISATION_GATE, ids.TAB_ORGANISATION),
                    html.Div(id=ids.ORGANISATION, className="fact-grid"),
                    html.Div(id=ids.RELEVANCE, className="table-wrap"),
                ],
            ),
            _tab(
                ids.TAB_SOURCES,
                state,
                [
                    memo_section(lang),
                    html.P(static(ids.SOURCES_INTRO, lang), id=ids.SOURCES_INTRO),
                    html.Div(id=ids.CONTRADICTIONS, className="notes"),
                    sources_grid(lang),
                ],
            ),
        ],
    )
    page = html.Div(
        [
            dcc.Location(id=ids.URL, refresh=False),
            dcc.Store(id=ids.URL_STATE),
            dcc.Store(id=ids.LAYOUT_SEARCH),
            dcc.Store(id=ids.EXPORT_KEYS),
            dcc.Store(id=ids.SESSION, storage_type="session"),
            # data=None written out: a session store without a data prop "restores" null from
            # an empty sessionStorage on mount (null is not undefined), a change of the data
            # that made seven callbacks redraw what the first page already shows
            dcc.Store(id=ids.DATASET, storage_type="session", data=None),
            header,
            source_bar(state, sources or [state.source], entities),
            money_bar(state, years),
            data_panel(lang),
            html.Main(
                [
                    html.Section(
                        id=ids.KPIS,
                        className="kpis",
                        **cast(dict[str, Any], {"aria-live": "polite"}),
                    ),
                    tabs,
                ]
            ),
            html.Footer(static(ids.FOOTER, lang), id=ids.FOOTER),
        ],
        className="app",
    )
    return page
