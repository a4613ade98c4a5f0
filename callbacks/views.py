"""The view callbacks, generated from the chart registry, plus the key figures and the two tabs
that are not charts (organisation, sources).

Each chart gets one callback for its figure and the panels drawn with it, on the inputs its spec
declares, and one per panel with inputs of its own. A control the chart does not depend on for
the data shown redraws nothing.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from dash import Dash, Input, Output, State, ctx, html
from dash.exceptions import PreventUpdate

from callbacks.context import Request, RequestContext, request_inputs
from components import clientside, ids, panels
from components.charts.base import ChartSpec, Panel, chart_year
from components.charts.registry import CHARTS
from components.layout import DRAWN, FIGURES
from components.money_context import words_for


def chart_outputs(spec: ChartSpec, request: Request) -> list[Any]:
    """The chart's figure (or, drawn in the browser, its figure of every year), then the panels
    drawn with it."""
    model, state = request.model, request.state
    if spec.years_in_browser:
        first: Any = {"by_year": {str(y): _figure(spec, request, y) for y in model.years()},
            "latest": model.latest_year(),
        }
    else:
        first = spec.build(model, state).figure
    return [first, *(p.build(model, state) for p in spec.panels if p.inputs is None)]


def _figure(spec: ChartSpec, request: Request, year: int) -> Any:
    """One year's figure among every year's, its words (the rate on the source line) for it."""
    with words_for(request.model.valuation, year):
        return spec.build(request.model, replace(request.state, year=year)).figure


def skip_unless_affected(
    spec: ChartSpec, request: Request, drawn: str | None, trigger: object
) -> str:
    """A control the chart does not depend on for this data changes nothing in it: skip the
    redraw, unless what the chart last drew (``drawn``) is not what it would draw now (an
    earlier answer was superseded). Returns the key of what is drawn now."""
    key = request.drawn_key(spec.controls_for(request.model))
    if key == drawn and trigger in spec.inputs:
        raise PreventUpdate
    return key


def _register_chart(app: Dash, spec: ChartSpec, context: RequestContext) -> None:
    first = (
        Output(ids.panel(spec.id, FIGURES), "data")
        if spec.years_in_browser
        else Output(spec.graph_id, "figure")
    )
    with_chart = [p for p in spec.panels if p.inputs is None]
    inputs = [c for c in spec.inputs if not (spec.years_in_browser and c == ids.YEAR)]

    @app.callback(
        output=[
            first,
            *(Output(p.component_id(spec.id), "children") for p in with_chart),
            Output(ids.panel(spec.id, DRAWN), "data"),
        ],
        inputs={**request_inputs(*inputs), "drawn": State(ids.panel(spec.id, DRAWN), "data")},
    )
    def draw(drawn: str | None, **values: Any) -> list[Any]:
        request = context(**values)
        key = skip_unless_affected(spec, request, drawn, ctx.triggered_id)
        return [*chart_outputs(spec, request), key]

    draw.__name__ = f"draw_{spec.id}"
    for panel in spec.panels:
        if panel.inputs is not None:
            _register_panel(app, spec, panel, context)
    if spec.years_in_browser:
        app.clientside_callback(
            clientside.YEAR_FIGURE.ref(),
            Output(spec.graph_id, "figure"),
            Input(ids.YEAR, "value"),
            Input(ids.panel(spec.id, FIGURES), "data"),
        )


def _register_panel(app: Dash, spec: ChartSpec, panel: Panel, context: RequestContext) -> None:
    @app.callback(
        output=Output(panel.component_id(spec.id), "children"),
        inputs=request_inputs(*(panel.inputs or ())),
    )
    def draw_panel(**values: Any) -> Any:
        request = context(**values)
        return panel.build(request.model, request.state)

    draw_panel.__name__ = f"draw_{spec.id}_{panel.name}"


def register(app: Dash, context: RequestContext) -> None:
    for spec in CHARTS:
        _register_chart(app, spec, context)

    @app.callback(output=Output(ids.KPIS, "children"), inputs=request_inputs(ids.YEAR))
    def kpis(**values: Any) -> list[html.Div]:
        request = context(**values)
        model, state = request.model, request.state
        return panels.kpi_cards(model, model.key_figures(chart_year(model, state.year)), state.lang)

    @app.callback(
        output=[Output(ids.ORGANISATION, "children"), Output(ids.RELEVANCE, "children")],
        inputs=request_inputs(),
    )
    def organisation(**values: Any) -> tuple[list[Any], list[Any]]:
        request = context(**values)
        return panels.organisation_view(request.model, request.state.lang)

    # The sources tab (grid and contradictions) is wired in callbacks/sources.py.
