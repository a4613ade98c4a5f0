"""Loading CEB exports: session id, upload, reset, template, and the controls that depend on the data."""

from __future__ import annotations

from typing import Any

from dash import Dash, Input, Output, State, ctx, dcc, no_update

from callbacks.context import RequestContext, dataset_id, request_inputs
from components import ids
from components.formatting import as_lang
from components.i18n import t
from components.source_bar import source_options
from components.uploads import (
    data_summary,
    discard_upload,
    entity_choices,
    issued_session,
    load_upload,
    status_message,
    year_options,
)
from data.provider import SCORECARD, UPLOAD
from data.template import template_bytes


def register(app: Dash, context: RequestContext) -> None:
    models = context.models

    @app.callback(
        Output(ids.SESSION, "data"), Input(ids.URL, "pathname"), State(ids.SESSION, "data")
    )
    def ensure_session(_path: str | None, session: str | None) -> str:
        return issued_session(models, session)

    @app.callback(
        Output(ids.DATASET, "data"),
        Output(ids.DATA_STATUS, "children"),
        Output(ids.UPLOAD, "contents"),
        Output(ids.SOURCE, "value", allow_duplicate=True),
        Output(ids.YEAR, "value", allow_duplicate=True),
        Input(ids.UPLOAD, "contents"),
        Input(ids.RESET_DATA, "n_clicks"),
        State(ids.UPLOAD, "filename"),
        State(ids.SESSION, "data"),
        State(ids.LANG, "value"),
        State(ids.DATASET, "data"),
        prevent_initial_call=True,
    )
    def load(
        contents: list[str] | None,
        _reset: int,
        names: list[str] | None,
        session: str | None,
        lang_value: str,
        dataset: dict[str, Any] | None,
    ) -> tuple[Any, ...]:
        lang = as_lang(lang_value)
        if ctx.triggered_id == ids.RESET_DATA:
            discard_upload(models, session, dataset)
            return None, status_message(t("data.reset_done", lang)), None, SCORECARD, no_update
        if not contents or not names or not session:
            return no_update, no_update, no_update, no_update, no_update
        result = load_upload(models, session, contents, names, lang)
        if result.dataset is None:  # a bad file: the data shown stays
            return no_update, result.message, None, no_update, no_update
        return result.dataset, result.message, None, UPLOAD, result.latest_year

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

    @app.callback(
        Output(ids.SOURCE, "options"),
        Input(ids.DATASET, "data"),
        Input(ids.LANG, "value"),
        State(ids.SESSION, "data"),
    )
    def sources(dataset: dict[str, Any] | None, lang: str, session: str | None) -> Any:
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
