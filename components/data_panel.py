"""The 'data' drawer: upload CEB exports, pick the UN entity and top N, get the template."""

from __future__ import annotations

from dash import dcc, html

from components import ids
from components.formatting import Lang
from components.i18n import t
from components.page_text import data_help, static

DEFAULT_TOP_N = 10


def data_panel(lang: Lang) -> html.Details:
    return html.Details(
        [
            html.Summary(t("data.summary_seed", lang), id=ids.DATA_SUMMARY),
            html.P(data_help(lang), id=ids.DATA_HELP, className="data-help"),
            html.Div(
                [
                    dcc.Upload(
                        id=ids.UPLOAD,
                        children=html.Div(static(ids.UPLOAD_LABEL, lang), id=ids.UPLOAD_LABEL),
                        multiple=True,
                        accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                        className="upload",
                    ),
                    html.Div(
                        [
                            html.Label(
                                static(ids.ENTITY_LABEL, lang),
                                id=ids.ENTITY_LABEL,
                                htmlFor=ids.ENTITY,
                            ),
                            dcc.Dropdown(
                                id=ids.ENTITY,
                                options=[],
                                value=None,
                                clearable=False,
                                disabled=True,
                            ),
                        ],
                        className="control control-entity",
                    ),
                    html.Div(
                        [
                            html.Label(
                                static(ids.TOP_N_LABEL, lang), id=ids.TOP_N_LABEL, htmlFor=ids.TOP_N
                            ),
                            dcc.Input(
                                id=ids.TOP_N,
                                type="number",
                                min=1,
                                max=100,
                                step=1,
                                value=DEFAULT_TOP_N,
                                debounce=True,
                            ),
                        ],
                        className="control control-top",
                    ),
                    html.Button(
                        static(ids.RESET_DATA, lang),
                        id=ids.RESET_DATA,
                        n_clicks=0,
                        className="button",
                    ),
                    html.Button(
                        static(ids.TEMPLATE_BUTTON, lang),
                        id=ids.TEMPLATE_BUTTON,
                        n_clicks=0,
                        className="button",
                    ),
                    dcc.Download(id=ids.TEMPLATE_DOWNLOAD),
                ],
                className="data-row",
            ),
            dcc.Loading(
                html.Div(id=ids.DATA_STATUS, className="data-status", role="status"),
                delay_show=500,
                type="dot",
            ),
        ],
        id=ids.DATA_PANEL,
        className="data-panel",
    )
