"""A chart's figure for a change only the server can draw, asked for in the input event itself.

A top N typed and entered, or another source clicked, reaches the chart through Dash's chain:
the control's value into the renderer's store, the gate (``callbacks/views.py``), then the
chart's callback, and for a source the entity's round trip before it. The chart's request
leaves 50-150 ms after the input. ``assets/early_paint.js`` asks this route instead, in the
input event, for the figure the chain will end with, and draws it; Dash's own answer follows
with the same figure (over shared data it is kept, so the callback then costs no build) and
the words around the chart with it.

The route answers exactly what the chart's callback would draw: the same request from the
same gate values (``views.gate_values``), the same figure builder, and for a source the entity,
donor and year settled by the rules the data callbacks apply (``uploads.entity_choices``,
``view_state.kept_donor``, ``uploads.year_options``). Anything it cannot answer (a body it does
not read, a chart that draws nothing new) is a 204: the browser then waits for Dash, which
says what went wrong if anything did.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping
from typing import Any, Final

import flask
from dash import Dash, no_update
from dash.exceptions import PreventUpdate
from plotly.io.json import to_json_plotly

from callbacks import views
from callbacks.context import CONTROL_ARGS, RequestContext, dataset_id
from components import ids
from components.charts.base import ChartSpec
from components.charts.registry import CHARTS
from components.uploads import entity_choices, year_options
from components.view_state import kept_donor
from data.source import FundingSource

logger = logging.getLogger(__name__)

ROUTE: Final = "_iom-early-figure"  # assets/early_paint.js (tests/test_early_paint.py)
MAX_BODY: Final = 16 * 1024  # a gate's values and a few ids: a few hundred bytes
# The controls a change of which is painted early, and the name a request gives the value
# (``callbacks.context``: the source is one of the data's, not a chart control).
CHANGES: Final[dict[str, str]] = {ids.TOP_N: CONTROL_ARGS[ids.TOP_N], ids.SOURCE: "source"}
BY_GRAPH: Final[dict[str, ChartSpec]] = {spec.graph_id: spec for spec in CHARTS}


class Unreadable(ValueError):
    """A body that is not what ``assets/early_paint.js`` sends."""


def settled_values(
    context: RequestContext,
    session: str | None,
    values: Mapping[str, Any],
    control: str,
    value: Any,
) -> tuple[dict[str, Any], FundingSource | None]:
    """The chart's request values once ``control`` is ``value`` and the callbacks that follow
    have run, and the model of the new data (``None``: the data is the same, and so its years).
    A source switch settles the entity (the current one if the source has it), then the donor
    of that data; the caller settles the year in it."""
    out = {**values, CHANGES[control]: value}
    if control != ids.SOURCE:
        return out, None
    models = context.models
    data = dataset_id(out.get("dataset"))
    chosen = models.resolve(session, data, str(value))
    _, entity, _ = entity_choices(models, session, data, chosen, out.get("entity"))
    if entity is not no_update:
        out["entity"] = entity
    model = context(session=session, **out).model
    out["donor"] = kept_donor(model.donors(), out.get("donor"))
    return out, model


def early_figure(context: RequestContext, body: Mapping[str, Any]) -> Any | None:
    """The plotly JSON of the figure the chart will show after the change in ``body``, or
    ``None`` when it shows that already (or does not depend on the control)."""
    spec, control = _chart(body.get("graph")), body.get("control")
    if control not in CHANGES:
        raise Unreadable(f"control {control!r} is not one painted early")
    session = body.get("session")
    if session is not None and not isinstance(session, str):
        raise Unreadable("session must be a string")
    try:
        values = views.gate_values(body.get("gate"), *views.chart_inputs(spec))
    except PreventUpdate:
        raise Unreadable("the gate's values do not fit the chart") from None
    if CHANGES[control] not in values:
        return None  # a chart that does not listen to this control
    settled, model = settled_values(context, session, values, str(control), body.get("value"))
    request = context(session=session, **settled)
    if request.drawn_key(spec.controls_for(request.model)) == body.get("drawn"):
        return None
    if not spec.years_in_browser:
        return views.chart_outputs(spec, request)[0]
    year = body.get("year")
    if model is not None:
        year = year_options(model, year if isinstance(year, int) else None)[1]
    return views.year_figure(spec, request, year)


def _chart(graph: object) -> ChartSpec:
    if not isinstance(graph, str) or graph not in BY_GRAPH:
        raise Unreadable(f"no chart has the graph {graph!r}")
    return BY_GRAPH[graph]


def register(app: Dash, context: RequestContext) -> None:
    """The route, beside Dash's own (its prefix), behind the same guards (``server_guard``)."""

    def answer() -> flask.Response:
        request = flask.request
        if request.content_length is None or request.content_length > MAX_BODY:
            return flask.Response("body missing or too long", status=413, mimetype="text/plain")
        try:
            body = json.loads(request.get_data(cache=False))
            if not isinstance(body, dict):
                raise Unreadable("the body is not an object")
            figure = early_figure(context, body)
        except (Unreadable, json.JSONDecodeError, UnicodeDecodeError) as exc:
            return flask.Response(str(exc), status=400, mimetype="text/plain")
        except Exception:  # the chart's callback will say it, in the page's language
            logger.warning("early figure failed", exc_info=True)
            return flask.Response(status=204)
        if figure is None:
            return flask.Response(status=204)
        return flask.Response(to_json_plotly(figure), mimetype="application/json")

    app.server.add_url_rule(
        app.config.routes_pathname_prefix + ROUTE, "iom_early_figure", answer, methods=["POST"]
    )
