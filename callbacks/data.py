"""Loading CEB exports: session and tab ids, upload (a background job), reset, a reloaded tab
taking up its upload, the template, and the controls that depend on the data."""

from __future__ import annotations

from typing import Any, Final

from dash import Dash, Input, Output, State, dcc, no_update

from callbacks import jobs
from callbacks.context import RequestContext, dataset_id, request_inputs
from components import clientside, ids
from components.formatting import as_lang
from components.i18n import t
from components.source_bar import source_options
from components.uploads import (
    data_summary,
    discard_upload,
    entity_choices,
    issued_session,
    issued_tab,
    load_upload,
    settle_tab,
    status_message,
    tab_data,
    year_options,
)
from data.provider import SCORECARD, UPLOAD
from data.template import template_bytes

UPLOAD_BUSY: Final = (ids.RESET_DATA,)


def register(app: Dash, context: RequestContext, manager: Any | None = None) -> None:
    """Wire the data drawer. With a background-callback ``manager`` (``callbacks.jobs``) an
    upload is read as a job off the request path, with progress and a cancel button."""
    models = context.models

    @app.callback(
        Output(ids.SESSION, "data"),
        Output(ids.TAB, "data"),
        Input(ids.URL, "pathname"),
        State(ids.SESSION, "data"),
        State(ids.TAB, "data"),
    )
    def ensure_session(_path: str | None, session: str | None, tab: str | None) -> Any:
        return issued_session(models, session), issued_tab(tab)

    @app.callback(
        output=[
            Output(ids.DATASET, "data"),
            Output(ids.DATA_STATUS, "children"),
            Output(ids.UPLOAD, "contents"),
            Output(ids.SOURCE, "value", allow_duplicate=True),
            Output(ids.YEAR, "value", allow_duplicate=True),
        ],
        inputs={
            "contents": Input(ids.UPLOAD, "contents"),
            "names": State(ids.UPLOAD, "filename"),
            "session": State(ids.SESSION, "data"),
            "tab": State(ids.TAB, "data"),
            "lang_value": State(ids.LANG, "value"),
        },
        prevent_initial_call=True,
        # a background job with a progress bar and a cancel button; inline without a manager
        **jobs.background(
            manager, ids.UPLOAD_PROGRESS, ids.UPLOAD_PROGRESS_TEXT, ids.UPLOAD_CANCEL, UPLOAD_BUSY
        ),
    )
    def load(
        *report: Any,
        contents: list[str] | None = None,
        names: list[str] | None = None,
        session: str | None = None,
        tab: str | None = None,
        lang_value: str = "nl",
    ) -> tuple[Any, ...]:
        if not contents or not names or not session:
            return no_update, no_update, no_update, no_update, no_update
        step, lang = jobs.reporter(report, 3), as_lang(lang_value)
        result = load_upload(models, session, contents, names, lang, tab, step)
        if result.dataset is None:  # a bad file: the data shown stays
            return no_update, result.message, None, no_update, no_update
        return result.dataset, result.message, None, UPLOAD, result.latest_year

    @app.callback(
        Output(ids.DATASET, "data", allow_duplicate=True),
        Output(ids.DATA_STATUS, "children", allow_duplicate=True),
        Output(ids.SOURCE, "value", allow_duplicate=True),
        Input(ids.RESET_DATA, "n_clicks"),
        State(ids.SESSION, "data"),
        State(ids.LANG, "value"),
        State(ids.DATASET, "data"),
        prevent_initial_call=True,
    )
    def reset(_clicks: int, session: str | None, lang: str, dataset: Any) -> tuple[Any, ...]:
        discard_upload(models, session, dataset)
        return None, status_message(t("data.reset_done", as_lang(lang))), SCORECARD

    @app.callback(
        Output(ids.DATASET, "data", allow_duplicate=True),
        Output(ids.SOURCE, "value", allow_duplicate=True),
        Output(ids.DATA_POLL, "disabled"),
        Output(ids.DATA_STATUS, "children", allow_duplicate=True),
        Input(ids.SESSION, "data"),
        Input(ids.DATA_POLL, "n_intervals"),
        State(ids.TAB, "data"),
        State(ids.DATASET, "data"),
        State(ids.LANG, "value"),
        prevent_initial_call=True,
    )
    def reloaded(session: str | None, _n: int, tab: str | None, dataset: Any, lang: str) -> Any:
        # A tab reloaded during its upload keeps its data and takes the upload up when done.
        return tab_data(models, session, tab, dataset, as_lang(lang))

    @app.callback(
        Output(ids.ENTITY, "options"),
        Output(ids.ENTITY, "value"),
        Output(ids.SOURCE_OPTIONS, "hidden"),
        Input(ids.DATASET, "data"),
        Input(ids.SOURCE, "value"),
        State(ids.SESSION, "data"),
        State(ids.ENTITY, "value"),
        # The layout holds the first options; the URL callback sets a link's source and entity.
        prevent_initial_call=True,
    )
    def entities(
        dataset: dict[str, Any] | None, source: str, session: str | None, current: str | None
    ) -> tuple[Any, ...]:
        return entity_choices(models, session, dataset_id(dataset), source, current)

    app.clientside_callback(
        clientside.TOP_N_NOTE.ref(),
        Output(ids.TOP_N_NOTE, "hidden"),
        Input(ids.TOP_N, "value"),
        State(ids.TOP_N, "min"),
        State(ids.TOP_N, "max"),
        # the layout's box holds a valid number and its note is hidden
        prevent_initial_call=True,
    )

    @app.callback(
        Output(ids.SOURCE, "options"),
        Input(ids.DATASET, "data"),
        Input(ids.LANG, "value"),
        State(ids.SESSION, "data"),
        State(ids.TAB, "data"),
        # the first page holds the options for no loaded data (tests/test_first_view.py)
        prevent_initial_call=True,
    )
    def sources(
        dataset: dict[str, Any] | None, lang: str, session: str | None, tab: str | None
    ) -> Any:
        settle_tab(models, session, tab, dataset)  # the tab shows it: what it replaced can go
        available = models.sources(session, dataset_id(dataset))
        return source_options(as_lang(lang), available)

    @app.callback(
        output=[
            Output(ids.YEAR, "options"),
            Output(ids.YEAR, "value", allow_duplicate=True),
            Output(ids.DATA_SUMMARY, "children"),
        ],
        inputs={**request_inputs(), "year": State(ids.YEAR, "value")},
        prevent_initial_call=True,
    )
    def years(year: int | None, **values: Any) -> tuple[Any, ...]:
        request = context(**values)
        options, chosen = year_options(request.model, year)
        found = models.revenue(values["session"], dataset_id(values["dataset"]))
        summary = data_summary(request.model, found[1].frame if found else None, request.state)
        return options, (chosen if chosen != year else no_update), summary

    @app.callback(
        Output(ids.TEMPLATE_DOWNLOAD, "data"),
        Input(ids.TEMPLATE_BUTTON, "n_clicks"),
        prevent_initial_call=True,
    )
    def template(_clicks: int) -> dict[str, Any]:
        return dcc.send_bytes(template_bytes(), "iom-dashboard-template.xlsx")
