"""The page: header with controls, key figures, and one tab per view.

The layout is built once from the model; the text in it is filled by the language callback, so
the static skeleton carries ids, not wording.
"""

from __future__ import annotations

from typing import Any, cast

import dash_ag_grid as dag
from dash import dcc, html

from components import ids
from components.data_panel import data_panel
from components.export_bar import chart_block, memo_section
from components.formatting import LANGS
from components.i18n import t
from components.view_state import BUDGET_MODES, ViewState

GRAPH_CONFIG: Any = {
    "displaylogo": False,
    "responsive": True,
    "modeBarButtonsToRemove": [
        "select2d",
        "lasso2d",
        "toImage",
    ],  # the export bar replaces it: images there carry source and date
}


def _graph(graph_id: str, class_name: str = "graph") -> dcc.Graph:
    return dcc.Graph(id=graph_id, config=GRAPH_CONFIG, className=class_name)


def _tab(tab_id: str, state: ViewState, children: list) -> dcc.Tab:
    return dcc.Tab(
        label=t(f"tab.{tab_id}", state.lang),
        value=tab_id,
        id=f"tab-{tab_id}",
        className="tab",
        selected_className="tab--selected",
        children=html.Div(children, className="tab-body"),
    )


def radio_group(radio: dcc.RadioItems, label_id: str) -> html.Div:
    """Radio buttons announced with their visible label (a <label for> cannot point at a group)."""
    return html.Div(radio, role="radiogroup", **cast(dict[str, Any], {"aria-labelledby": label_id}))


def build_layout(
    state: ViewState, years: list[int], donor_options: list[dict[str, str]]
) -> html.Div:
    lang = state.lang
    controls = html.Div(
        [
            html.Div(
                [
                    html.Span(
                        t("control.year", lang), id=ids.YEAR_LABEL, className="control-label"
                    ),
                    radio_group(
                        dcc.RadioItems(
                            id=ids.YEAR,
                            options=[{"label": str(y), "value": y} for y in years],
                            value=state.year,
                            inline=True,
                            className="segmented",
                        ),
                        ids.YEAR_LABEL,
                    ),
                ],
                className="control",
            ),
            html.Div(
                [
                    html.Label(t("control.donor", lang), id=ids.DONOR_LABEL, htmlFor=ids.DONOR),
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
                        t("control.lang", lang), id=ids.LANG_LABEL, className="control-label"
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
                    html.H1(t("app.title", lang), id=ids.TITLE),
                    html.P(t("app.subtitle", lang), id=ids.SUBTITLE),
                ],
                className="titles",
            ),
            controls,
        ],
        className="app-header",
    )
    tabs = dcc.Tabs(
        id=ids.VIEW,
        value=state.view,
        className="tabs",
        children=[
            _tab(
                ids.TAB_RANKING,
                state,
                [
                    chart_block(
                        _graph(ids.RANKING_GRAPH, "graph graph-main"), ids.CHART_RANKING, lang
                    ),
                    dcc.Store(id=ids.RANKING_FIGURES),
                    html.Div(id=ids.RANKING_NOTES, className="notes"),
                    html.Div(id=ids.COMPARISON, className="table-wrap"),
                ],
            ),
            _tab(
                ids.TAB_OVER_TIME,
                state,
                [
                    chart_block(_graph(ids.OVER_TIME_GRAPH), ids.CHART_OVER_TIME, lang),
                    html.Div(id=ids.OVER_TIME_TABLE, className="table-wrap"),
                    html.Div(id=ids.OVER_TIME_NOTES, className="notes"),
                ],
            ),
            _tab(
                ids.TAB_EARMARKING,
                state,
                [
                    html.Div(
                        [
                            chart_block(
                                _graph(ids.EARMARKING_GRAPH, "graph graph-wide"),
                                ids.CHART_EARMARKING,
                                lang,
                            ),
                            chart_block(
                                _graph(ids.NL_CORE_GRAPH, "graph graph-narrow"),
                                ids.CHART_EARMARKING_SIDE,
                                lang,
                            ),
                        ],
                        className="graph-row",
                    ),
                    html.Div(id=ids.EARMARKING_NOTES, className="notes"),
                ],
            ),
            _tab(
                ids.TAB_BUDGET,
                state,
                [
                    html.Div(
                        [
                            html.Span(
                                t("control.budget_mode", lang),
                                id=ids.BUDGET_MODE_LABEL,
                                className="control-label",
                            ),
                            radio_group(
                                dcc.RadioItems(
                                    id=ids.BUDGET_MODE,
                                    value=state.budget,
                                    options=[{"label": m, "value": m} for m in BUDGET_MODES],
                                    inline=True,
                                    className="segmented",
                                ),
                                ids.BUDGET_MODE_LABEL,
                            ),
                        ],
                        className="control control-inline",
                    ),
                    chart_block(_graph(ids.BUDGET_GRAPH), ids.CHART_BUDGET, lang),
                    html.Div(id=ids.BUDGET_TABLE, className="table-wrap"),
                    html.Div(id=ids.BUDGET_NOTES, className="notes"),
                ],
            ),
            _tab(
                ids.TAB_ORGANISATION,
                state,
                [
                    html.Div(id=ids.ORGANISATION, className="fact-grid"),
                    html.Div(id=ids.RELEVANCE, className="table-wrap"),
                ],
            ),
            _tab(
                ids.TAB_SOURCES,
                state,
                [
                    memo_section(lang),
                    html.P(id=ids.SOURCES_INTRO),
                    html.Div(id=ids.CONTRADICTIONS, className="notes"),
                    dag.AgGrid(
                        id=ids.SOURCES_GRID,
                        defaultColDef={"resizable": True, "floatingFilter": True},
                        dashGridOptions={
                            "pagination": True,
                            "paginationPageSize": 20,
                            "tooltipShowDelay": 300,
                            "enableCellTextSelection": True,
                        },
                        className="ag-theme-alpine sources-grid",
                        style={"height": "640px"},
                    ),
                ],
            ),
        ],
    )
    return html.Div(
        [
            dcc.Location(id=ids.URL, refresh=False),
            dcc.Store(id=ids.URL_STATE),
            dcc.Store(id=ids.SESSION, storage_type="session"),
            dcc.Store(id=ids.DATASET, storage_type="session"),
            header,
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
            html.Footer(t("footer.text", lang), id=ids.FOOTER),
        ],
        className="app",
    )
