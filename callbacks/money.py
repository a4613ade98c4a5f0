"""The money controls: the base years constant prices can be of (the data's own), the base
year's dropdown only while constant prices are chosen, and the note that ranks do not change."""

from __future__ import annotations

import threading
from typing import Any

from dash import Dash, Output, no_update

from callbacks.context import RequestContext, request_inputs
from components import ids
from components.money_bar import base_options, money_note, shown_base
from components.money_context import reset
from data.money import cpi_u, eur_rates

# Seconds after start-up to read the rates and price index in the background: late enough
# not to slow the first page, early enough that the first switch to euros finds them read.
WARM_AFTER_S = 5.0


def _warm() -> None:
    eur_rates()
    cpi_u()


def register(app: Dash, context: RequestContext) -> None:
    # Words default to nominal USD in every request until its context says otherwise: a worker
    # thread serving request after request never carries one user's currency into the next.
    app.server.before_request(reset)
    warm = threading.Timer(WARM_AFTER_S, _warm)
    warm.daemon = True
    warm.start()

    @app.callback(
        Output(ids.BASE, "options"),
        Output(ids.BASE, "value", allow_duplicate=True),
        Output(ids.BASE, "disabled"),
        Output(ids.MONEY_NOTE, "children"),
        inputs=request_inputs(),
        prevent_initial_call=True,
    )
    def money(**values: Any) -> tuple[Any, ...]:
        request = context(**values)
        model, state = request.model, request.state
        options = base_options(model.years())
        return (
            options,
            base_value(values.get("base"), options, shown_base(state.base, model.years())),
            state.prices != "constant",
            money_note(model, state.lang),
        )


def base_value(shown: object, options: list[dict[str, Any]], base: int | None) -> Any:
    """The base year box's value: kept while the data has it, else the base the view resolves
    to (the data's own; while prices are current, the latest the box would offer). A box left
    on a year the new data lacks (CEB's 2024 on the scorecard) showed blank."""
    if any(option["value"] == shown for option in options):
        return no_update
    return base
