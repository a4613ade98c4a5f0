"""Keeps the controls and the URL in step, both ways, in one callback (Dash's circular pattern)."""

from __future__ import annotations

from dash import Dash, Input, Output, ctx, no_update

from components import ids
from components.formatting import as_lang
from components.view_state import ViewState, parse_state, to_search
from data.model import FundingModel

CONTROLS = (ids.LANG, ids.YEAR, ids.DONOR, ids.VIEW, ids.BUDGET_MODE)


def register(app: Dash, model: FundingModel) -> None:
    years, donors = model.years(), model.donors()

    @app.callback(
        Output(ids.URL, "search"),
        *(Output(cid, "value") for cid in CONTROLS),
        Input(ids.URL, "search"),
        *(Input(cid, "value") for cid in CONTROLS),
    )
    def sync(search: str | None, lang: str, year: int, donor: str, view: str, budget: str) -> tuple:
        if ctx.triggered_id in (None, ids.URL):
            state = parse_state(search, years, donors)
            return (to_search(state), state.lang, state.year, state.donor, state.view, state.budget)
        state = ViewState(as_lang(lang), int(year), donor, view, budget)
        return (to_search(state), *(no_update,) * len(CONTROLS))
