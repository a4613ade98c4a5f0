"""Switches every static label of the page to the chosen language (``components/page_text``)."""

from __future__ import annotations

from typing import Any

from dash import Dash, Input, Output, State, no_update

from callbacks.context import RequestContext, request_inputs
from components import ids
from components.formatting import as_lang
from components.page_text import TRANSLATED, page_texts
from components.view_state import kept_donor
from data.source import FundingSource


def donor_options(model: FundingSource, lang: str) -> list[dict[str, Any]]:
    return [{"label": model.donor_name(k, lang), "value": k} for k in model.donors()]


def register(app: Dash, context: RequestContext) -> None:
    @app.callback(
        *(Output(cid, prop) for cid, prop in TRANSLATED),
        Input(ids.LANG, "value"),
        prevent_initial_call=True,  # the page is built in its language (callbacks/first_view)
    )
    def translate(lang_value: str) -> tuple[Any, ...]:
        texts = page_texts(as_lang(lang_value))
        return tuple(texts[key] for key in TRANSLATED)

    @app.callback(
        output=[
            Output(ids.DONOR, "options"),
            Output(ids.DONOR, "value", allow_duplicate=True),
            Output(ids.PEERS, "options"),
        ],
        inputs={**request_inputs(), "current": State(ids.DONOR, "value")},
        # The layout holds the first options and the URL callback those of a link's data.
        prevent_initial_call=True,
    )
    def donors(current: str | None, **values: Any) -> tuple[list[dict[str, Any]], Any, Any]:
        """The donors of the data shown, and the donor highlighted in them (``kept_donor``)."""
        request = context(**values)
        model = request.model
        kept = kept_donor(model.donors(), current)
        options = donor_options(model, request.state.lang)
        return options, (no_update if kept == current else kept), options
