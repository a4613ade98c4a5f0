"""The URL is the view's state: read it once when the page opens, write it on every change.

Reading needs the server (the valid years, donors and entities depend on the session's data);
the first page is drawn for its address on the server (``callbacks/first_view.py``), so on the
first load the restore only runs for data uploaded in this browser tab;
writing happens in the browser (assets/url_state.js), so changing a control does not wait for a
server round trip before the charts update. Each view picked is a history entry, so the
browser's back button returns to the previous view: the address changes, ``restore`` runs.
"""

from __future__ import annotations

from typing import Any

from dash import Dash, Input, Output, State, no_update

from callbacks.context import RequestContext, dataset_id
from callbacks.text import donor_options
from components import clientside, ids
from components.money_bar import base_options, shown_base
from components.view_state import ViewState
from data.source import FundingSource

CONTROLS = (ids.LANG, ids.YEAR, ids.DONOR, ids.VIEW, ids.BUDGET_MODE, ids.AMOUNTS_MODE, ids.TOP_N)
# What a restore sets, in the order of its outputs. The donor options come with the donor, in
# one answer: a dropdown whose value arrives before options that hold it drops the value.
RESTORED: tuple[tuple[str, str], ...] = (
    *((cid, "value") for cid in CONTROLS),
    (ids.ENTITY, "value"),
    (ids.SOURCE, "value"),
    (ids.SCOPE, "value"),
    (ids.PEERS, "value"),
    (ids.CURRENCY, "value"),
    (ids.PRICES, "value"),
    (ids.BASE, "options"),
    (ids.BASE, "value"),
    (ids.DONOR, "options"),
    (ids.PEERS, "options"),
)


def restored_props(state: ViewState, model: FundingSource) -> dict[tuple[str, str], Any]:
    """The controls as a link's view sets them (the restore callback and the first page)."""
    options = donor_options(model, state.lang)
    values = (
        state.lang,
        state.year,
        state.donor,
        state.view,
        state.budget,
        state.amounts,
        state.top,
        state.entity,
        state.source,
        state.scope,
        list(state.peers),
        state.currency,
        state.prices,
        base_options(model.years()),
        shown_base(state.base, model.years()),
        options,
        options,
    )
    return dict(zip(RESTORED, values, strict=True))


def first_load_drawn(search: str | None, drawn: str | None, dataset: dict[str, Any] | None) -> bool:
    """Whether the page was drawn on the server for this very address and data (the first
    load of a link, no upload in this browser tab): then the restore has nothing to set."""
    return drawn is not None and drawn == (search or "") and dataset_id(dataset) is None


def register(app: Dash, context: RequestContext) -> None:
    @app.callback(
        *(Output(cid, prop, allow_duplicate=True) for cid, prop in RESTORED),
        Output(ids.LAYOUT_SEARCH, "data"),
        Input(ids.URL, "search"),
        State(ids.SESSION, "data"),
        State(ids.DATASET, "data"),
        State(ids.LAYOUT_SEARCH, "data"),
        prevent_initial_call="initial_duplicate",
    )
    def restore(
        search: str | None,
        session: str | None,
        dataset: dict[str, Any] | None,
        drawn: str | None,
    ) -> tuple[Any, ...]:
        """The controls a link or a back/forward step asks for. The first call after the page
        was drawn for its address only forgets that address (a later step back to it restores)."""
        if first_load_drawn(search, drawn, dataset):
            return (*(no_update for _ in RESTORED), None)
        state, model = context.restore(search, session, dataset)
        return (*restored_props(state, model).values(), None)

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
