"""The URL is the view's state: read it once when the page opens, write it on every change.

Reading needs the server (the valid years, donors and entities depend on the session's data);
writing happens in the browser (assets/url_state.js), so changing a control does not wait for a
server round trip before the charts update. Each view picked is a history entry, so the
browser's back button returns to the previous view: the address changes, ``restore`` runs.
"""

from __future__ import annotations

from typing import Any

from dash import Dash, Input, Output, State

from callbacks.context import RequestContext
from callbacks.text import donor_options
from components import clientside, ids
from components.money_bar import base_options, default_base

CONTROLS = (ids.LANG, ids.YEAR, ids.DONOR, ids.VIEW, ids.BUDGET_MODE, ids.TOP_N)


def register(app: Dash, context: RequestContext) -> None:
    @app.callback(
        *(Output(cid, "value", allow_duplicate=True) for cid in CONTROLS),
        Output(ids.ENTITY, "value", allow_duplicate=True),
        Output(ids.SOURCE, "value", allow_duplicate=True),
        Output(ids.SCOPE, "value", allow_duplicate=True),
        Output(ids.PEERS, "value", allow_duplicate=True),
        Output(ids.CURRENCY, "value", allow_duplicate=True),
        Output(ids.PRICES, "value", allow_duplicate=True),
        Output(ids.BASE, "options", allow_duplicate=True),
        Output(ids.BASE, "value", allow_duplicate=True),
        Output(ids.DONOR, "options", allow_duplicate=True),
        Output(ids.PEERS, "options", allow_duplicate=True),
        Input(ids.URL, "search"),
        State(ids.SESSION, "data"),
        State(ids.DATASET, "data"),
        prevent_initial_call="initial_duplicate",
    )
    def restore(
        search: str | None, session: str | None, dataset: dict[str, Any] | None
    ) -> tuple[Any, ...]:
        # The donor options come with the donor, in one answer: a dropdown whose value arrives
        # before options that hold it drops the value.
        state, model = context.restore(search, session, dataset)
        options = donor_options(model, state.lang)
        return (
            state.lang,
            state.year,
            state.donor,
            state.view,
            state.budget,
            state.top,
            state.entity,
            state.source,
            state.scope,
            list(state.peers),
            state.currency,
            state.prices,
            base_options(model.years()),
            state.base or default_base(model.years()),
            options,
            options,
        )

    app.clientside_callback(
        clientside.SYNC_URL.ref(),
        Output(ids.URL_STATE, "data"),
        *(Input(cid, "value") for cid in CONTROLS[:-1]),
        Input(ids.TOP_N, "value"),
        Input(ids.ENTITY, "value"),
        Input(ids.SOURCE, "value"),
        Input(ids.SCOPE, "value"),
        Input(ids.PEERS, "value"),
        Input(ids.CURRENCY, "value"),
        Input(ids.PRICES, "value"),
        Input(ids.BASE, "value"),
        # Only to tell a restore (which always sends the options) from a click: a click makes
        # a history entry, a restore replaces the current one (assets/url_state.js).
        Input(ids.DONOR, "options"),
    )
