"""Switches every static label of the page to the chosen language."""

from __future__ import annotations

from typing import Any

from dash import Dash, Input, Output

from components import ids
from components.formatting import as_lang
from components.i18n import t
from components.view_state import BUDGET_MODES
from data.model import FundingModel

# component id -> i18n key of its children
STATIC_TEXT = {
    ids.TITLE: "app.title",
    ids.SUBTITLE: "app.subtitle",
    ids.YEAR_LABEL: "control.year",
    ids.DONOR_LABEL: "control.donor",
    ids.LANG_LABEL: "control.lang",
    ids.BUDGET_MODE_LABEL: "control.budget_mode",
    ids.FOOTER: "footer.text",
    ids.SOURCES_INTRO: "sources.intro",
}


def donor_options(model: FundingModel, lang: str) -> list[dict[str, Any]]:
    return [{"label": model.donor_name(k, lang), "value": k} for k in model.donors()]


def register(app: Dash, model: FundingModel) -> None:
    @app.callback(
        *(Output(cid, "children") for cid in STATIC_TEXT),
        *(Output(f"tab-{tab}", "label") for tab in ids.TABS),
        Output(ids.DONOR, "options"),
        Output(ids.BUDGET_MODE, "options"),
        Input(ids.LANG, "value"),
    )
    def translate(lang_value: str) -> tuple:
        lang = as_lang(lang_value)
        return (
            *(t(key, lang) for key in STATIC_TEXT.values()),
            *(t(f"tab.{tab}", lang) for tab in ids.TABS),
            donor_options(model, lang),
            [{"label": t(f"budget_mode.{m}", lang), "value": m} for m in BUDGET_MODES],
        )
