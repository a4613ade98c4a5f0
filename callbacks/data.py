"""Loading CEB exports: session id, upload, reset, template, and the controls that depend on the data."""

from __future__ import annotations

import base64
import binascii
from typing import Any

from dash import Dash, Input, Output, State, ctx, dcc, html, no_update

from callbacks.common import dataset_id
from components import ids
from components.formatting import as_lang, fmt_number
from components.i18n import t
from data import ceb
from data.errors import DataLoadError
from data.provider import ModelProvider
from data.store import new_session_id
from data.template import template_bytes


def decode_uploads(contents: list[str], names: list[str]) -> list[tuple[str, bytes]]:
    """Dash delivers uploads as data URLs; turn them back into (name, bytes)."""
    files = []
    for name, content in zip(names, contents, strict=True):
        try:
            files.append((name, base64.b64decode(content.split(",", 1)[1], validate=True)))
        except (IndexError, binascii.Error) as exc:
            raise DataLoadError(name, "the upload arrived damaged; try again") from exc
    return files


def status_message(text: str, error: bool = False) -> html.Div:
    return html.Div(
        text,
        className="status-error" if error else "status-ok",
        role="alert" if error else "status",
    )


def register(app: Dash, models: ModelProvider) -> None:
    @app.callback(
        Output(ids.SESSION, "data"), Input(ids.URL, "pathname"), State(ids.SESSION, "data")
    )
    def ensure_session(_path: str | None, session: str | None) -> str:
        return session or new_session_id()

    @app.callback(
        Output(ids.DATASET, "data"),
        Output(ids.DATA_STATUS, "children"),
        Output(ids.UPLOAD, "contents"),
        Input(ids.UPLOAD, "contents"),
        Input(ids.RESET_DATA, "n_clicks"),
        State(ids.UPLOAD, "filename"),
        State(ids.SESSION, "data"),
        State(ids.LANG, "value"),
        prevent_initial_call=True,
    )
    def load(
        contents: list[str] | None,
        _reset: int,
        names: list[str] | None,
        session: str | None,
        lang_value: str,
    ) -> tuple[Any, ...]:
        lang = as_lang(lang_value)
        if ctx.triggered_id == ids.RESET_DATA:
            return None, status_message(t("data.reset_done", lang)), None
        if not contents or not names or not session:
            return no_update, no_update, no_update
        try:
            frame = ceb.read_revenue_files(decode_uploads(contents, names))
        except DataLoadError as exc:
            return (
                no_update,
                status_message(t("data.failed", lang, error=str(exc)), error=True),
                None,
            )
        new_id = models.store.put(session, frame, names)
        years = sorted(int(y) for y in frame["year"].unique())
        span = f"{years[0]}–{years[-1]}" if len(years) > 1 else str(years[0])
        message = t(
            "data.loaded",
            lang,
            files=", ".join(names),
            rows=fmt_number(len(frame), lang),
            years=span,
        )
        return (
            {"id": new_id, "files": list(names), "rows": len(frame)},
            status_message(message),
            None,
        )

    @app.callback(
        Output(ids.ENTITY, "options"),
        Output(ids.ENTITY, "value"),
        Output(ids.ENTITY, "disabled"),
        Input(ids.DATASET, "data"),
        State(ids.SESSION, "data"),
        State(ids.ENTITY, "value"),
    )
    def entity_choices(
        dataset: dict[str, Any] | None, session: str | None, current: str | None
    ) -> tuple[Any, ...]:
        data_id = dataset_id(dataset)
        available = models.entities(session, data_id)
        if not available:
            return [], None, True
        value = current if current in available else models.default_entity(session, data_id)
        return [{"label": e, "value": e} for e in available], value, False

    @app.callback(
        Output(ids.YEAR, "options"),
        Output(ids.YEAR, "value", allow_duplicate=True),
        Output(ids.DATA_SUMMARY, "children"),
        Input(ids.DATASET, "data"),
        Input(ids.ENTITY, "value"),
        Input(ids.LANG, "value"),
        State(ids.SESSION, "data"),
        State(ids.YEAR, "value"),
        prevent_initial_call=True,
    )
    def year_choices(
        dataset: dict[str, Any] | None,
        entity: str | None,
        lang_value: str,
        session: str | None,
        year: int | None,
    ) -> tuple[Any, ...]:
        lang = as_lang(lang_value)
        data_id = dataset_id(dataset)
        model = models.model(session, data_id, entity)
        years = model.years()
        chosen = year if year in years else years[-1]
        found = models.revenue(session, data_id)
        if found is not None:
            summary = t(
                "data.summary_loaded",
                lang,
                files=", ".join(model.files),
                rows=fmt_number(len(found[1].frame), lang),
                entity=model.entity,
            )
        else:
            summary = t("data.summary_seed", lang)
        options = [{"label": str(y), "value": y} for y in years]
        return options, (chosen if chosen != year else no_update), summary

    @app.callback(
        Output(ids.TEMPLATE_DOWNLOAD, "data"),
        Input(ids.TEMPLATE_BUTTON, "n_clicks"),
        prevent_initial_call=True,
    )
    def template(_clicks: int) -> dict[str, Any]:
        return dcc.send_bytes(template_bytes(), "iom-dashboard-template.xlsx")
