"""The 'data' drawer: upload CEB exports, go back to the scorecard, get the template."""

from __future__ import annotations

from dash import dcc, html

from components import ids
from components.formatting import Lang
from components.i18n import t
from components.page_text import data_help, static


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
