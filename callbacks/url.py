"""Keeps the controls and the URL in step, both ways, in one callback (Dash's circular pattern)."""

from __future__ import annotations

from typing import Any

from dash import Dash, Input, Output, State, ctx, no_update

from components import ids
from components.formatting import as_lang
from components.view_state import ViewState, parse_state, to_search, valid_top
from data.provider import ModelProvider

CONTROLS = (ids.LANG, ids.YEAR, ids.DONOR, ids.VIEW, ids.BUDGET_MODE, ids.TOP_N)


def register(app: Dash, models: ModelProvider) -> None:
    @app.callback(
        Output(ids.URL, "search"),
        *(Output(cid, "value") for cid in CONTROLS),
        Output(ids.ENTITY, "value", allow_duplicate=True),
        Input(ids.URL, "search"),
        *(Input(cid, "value") for cid in CONTROLS),
        Input(ids.ENTITY, "value"),
        State(ids.SESSION, "data"),
        State(ids.DATASET, "data"),
        prevent_initial_call="initial_duplicate",
    )
    def sync(
        search: str | None,
        lang: str,
        year: int,
        donor: str,
        view: str,
        budget: str,
        top: Any,
        entity: str | None,
        session: str | None,
        dataset: dict[str, Any] | None,
    ) -> tuple[Any, ...]:
        dataset_id = (dataset or {}).get("id")
        model = models.model(session, dataset_id, entity)
        entities = models.entities(session, dataset_id)
        if ctx.triggered_id in (None, ids.URL):
            state = parse_state(
                search,
                model.years(),
                model.donors(),
                entities,
                models.default_entity(session, dataset_id),
            )
            return (
                to_search(state),
                state.lang,
                state.year,
                state.donor,
                state.view,
                state.budget,
                state.top,
                state.entity if entities else no_update,
            )
        state = ViewState(
            as_lang(lang),
            int(year),
            donor,
            view,
            budget,
            valid_top(top),
            entity if entities else None,
        )
        return (to_search(state), *(no_update,) * (len(CONTROLS) + 1))
