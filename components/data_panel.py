"""The 'data' drawer: upload CEB exports, go back to the scorecard, get the template.

Above it sits the page's alert line (a view or request that failed, said in the page's
language), kept out of the drawer so it shows whether the drawer is open or not. Beside the
upload sits the browser's own check (``assets/upload_guard.js``): a file of a type the app does
not read, or over the size limit, is named with the reason before anything is sent. The check
reads its limit, the accepted types and its texts in both languages from this element's
``data-*`` attributes, so the texts live in the catalogue like every other.
"""

from __future__ import annotations

from typing import Any, Final, cast

from dash import dcc, html

from components import ids
from components.formatting import Lang
from components.i18n import t
from components.job_progress import job_progress
from components.page_text import data_help, static
from data.ceb import MAX_BYTES
from data.error_text import ERROR_TEXT

ACCEPTED: Final = (".csv", ".xlsx")
_CHECK_TEXTS: Final = (
    "error.client_type",
    "error.client_size",
    "error.client_total",
    "error.client_refused",
    "error.request_too_large",
    "error.request_too_many",
    "error.request_failed",
)


def upload_check() -> html.Div:
    """Where the browser's check speaks; its data attributes are the check's configuration."""
    texts = {
        f"data-{key.removeprefix('error.').replace('_', '-')}-{lang}": ERROR_TEXT[key][lang]
        for key in _CHECK_TEXTS
        for lang in ("nl", "en")
    }
    return html.Div(
        id=ids.UPLOAD_CHECK,
        className="upload-check",
        role="alert",
        **cast(
            dict[str, Any],
            {"data-limit": str(MAX_BYTES), "data-accept": ",".join(ACCEPTED), **texts},
        ),
    )


def data_panel(lang: Lang) -> html.Div:
    return html.Div(
        [
            html.Div(id=ids.APP_ALERT, className="app-alert", role="alert"),
            _drawer(lang),
        ]
    )


def _drawer(lang: Lang) -> html.Details:
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
                        max_size=MAX_BYTES,
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
            upload_check(),
            job_progress(ids.UPLOAD_PROGRESS, ids.UPLOAD_PROGRESS_TEXT, ids.UPLOAD_CANCEL, lang),
            # this tab's id (kept across reloads) and the poll of a reloaded tab for its upload
            dcc.Store(id=ids.TAB, storage_type="session"),
            dcc.Interval(id=ids.DATA_POLL, interval=1500, disabled=True),
            dcc.Loading(
                html.Div(id=ids.DATA_STATUS, className="data-status", role="status"),
                delay_show=500,
                type="dot",
            ),
        ],
        id=ids.DATA_PANEL,
        className="data-panel",
    )
