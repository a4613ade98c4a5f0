"""Switches every static label of the page to the chosen language."""

from __future__ import annotations

from typing import Any

from dash import Dash, Input, Output, State

from callbacks.common import dataset_id
from components import ids
from components.formatting import as_lang
from components.i18n import t
from components.view_state import BUDGET_MODES
from data.ceb import MAX_BYTES
from data.model import FundingModel
from data.provider import ModelProvider

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
    ids.UPLOAD_LABEL: "data.upload",
    ids.ENTITY_LABEL: "data.entity",
    ids.TOP_N_LABEL: "data.top_n",
    ids.RESET_DATA: "data.reset",
    ids.TEMPLATE_BUTTON: "data.template",
}


def donor_options(model: FundingModel, lang: str) -> list[dict[str, Any]]:
    return [{"label": model.donor_name(k, lang), "value": k} for k in model.donors()]


def register(app: Dash, models: ModelProvider) -> None:
    @app.callback(
        *(Output(cid, "children") for cid in STATIC_TEXT),
        Output(ids.DATA_HELP, "children"),
        *(Output(f"tab-{tab}", "label") for tab in ids.TABS),
        Output(ids.BUDGET_MODE, "options"),
        Input(ids.LANG, "value"),
    )
    def translate(lang_value: str) -> tuple[Any, ...]:
        lang = as_lang(lang_value)
        return (
            *(t(key, lang) for key in STATIC_TEXT.values()),
            t("data.help", lang, limit=MAX_BYTES // (1024 * 1024)),
            *(t(f"tab.{tab}", lang) for tab in ids.TABS),
            [{"label": t(f"budget_mode.{m}", lang), "value": m} for m in BUDGET_MODES],
        )

    @app.callback(
        Output(ids.DONOR, "options"),
        Input(ids.LANG, "value"),
        Input(ids.DATASET, "data"),
        Input(ids.ENTITY, "value"),
        State(ids.SESSION, "data"),
    )
    def donors(
        lang_value: str, dataset: dict[str, Any] | None, entity: str | None, session: str | None
    ) -> list[dict[str, Any]]:
        model = models.model(session, dataset_id(dataset), entity)
        return donor_options(model, as_lang(lang_value))
