"""Switches every static label of the page to the chosen language (``components/page_text``)."""

from __future__ import annotations

from typing import Any

from dash import Dash, Input, Output

from callbacks.context import RequestContext, request_inputs
from components import ids
from components.formatting import as_lang
from components.page_text import TRANSLATED, page_texts
from data.source import FundingSource


def donor_options(model: FundingSource, lang: str) -> list[dict[str, Any]]:
    return [{"label": model.donor_name(k, lang), "value": k} for k in model.donors()]


def register(app: Dash, context: RequestContext) -> None:
    @app.callback(*(Output(cid, prop) for cid, prop in TRANSLATED), Input(ids.LANG, "value"))
    def translate(lang_value: str) -> tuple[Any, ...]:
        texts = page_texts(as_lang(lang_value))
        return tuple(texts[key] for key in TRANSLATED)

    @app.callback(output=Output(ids.DONOR, "options"), inputs=request_inputs())
    def donors(**values: Any) -> list[dict[str, Any]]:
        request = context(**values)
        return donor_options(request.model, request.state.lang)
