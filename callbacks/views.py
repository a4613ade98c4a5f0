"""The view callbacks, generated from the chart registry, plus the key figures and the two tabs
that are not charts (organisation, sources).

Each chart gets one callback for its figure and the panels drawn with it, and one per panel with
inputs of its own. Only the open tab's charts ask the server: each chart listens to its *gate*
(a store, ``GATE``), which a browser-side function (``clientside.VIEW_GATE``) fills with the
chart's control values only while the chart's tab is open and only when they changed. So a
donor, language or source change sends the requests of the charts on screen, not of all
fifteen; a hidden chart draws when its tab opens, if what it drew is stale. A control the chart
does not depend on for the data shown redraws nothing (``skip_if_drawn``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from dash import Dash, Input, Output, State, html
from dash.exceptions import PreventUpdate

from callbacks.context import Request, RequestContext, request_inputs
from components import clientside, ids, panels
from components.charts.base import ChartSpec, Panel, chart_year
from components.charts.registry import CHARTS
from components.formatting import LANGS
from components.layout import DRAWN, FIGURES, GATE, ORGANISATION_GATE, panel_gate
from components.money_context import words_for
from components.theme import highlight_rules


def chart_outputs(spec: ChartSpec, request: Request, figure: Any = None) -> list[Any]:
    """The chart's figure (or, drawn in the browser, its figure of every year; ``figure`` if
    given), then the panels drawn with it."""
    model, state = request.model, request.state
    panels = [p for p in spec.panels if p.inputs is None]
    if figure is None and not spec.years_in_browser:

        def build() -> list[Any]:
            return [plotly_json(spec.build(model, state).figure), *(p.build(model, state) for p in panels)]  # fmt: skip

        key = request.drawn_key(spec.controls_for(model))
        return list(request.remember(("chart", spec.id, key), build))
    first = figures_by_year(spec, request) if figure is None else figure
    return [first, *(p.build(model, state) for p in panels)]


def figures_by_year(spec: ChartSpec, request: Request) -> dict[str, Any]:
    """Every year's figure, for the browser to swap on a year click without a request, with
    the key of what they were drawn from (the data and the chart's controls, as the chart's
    drawn key): until a change (an upload, another source, language or donor) has its own
    figures here, the browser must not pick a year of the old ones. A chart that repaints a
    donor pick in the browser (``donors_in_browser``) gets each year's bar colours per donor
    too, and how the highlight dims and outlines the other bars. The figures of every year in
    the other language come along (``by_lang``), so a language click repaints the chart at
    once too."""
    figures: dict[str, Any] = {
        **_every_year(spec, request),
        "key": request.drawn_key(spec.controls_for(request.model)),
        "lang": request.state.lang,  # and the donor: the browser paints another on these
        "donor": request.state.donor or None,
        # the same figures in the other language, for a language click painted at once
        "by_lang": {
            lang: _every_year(spec, request.in_language(lang))
            for lang in LANGS
            if lang != request.state.lang
        },
    }
    years = request.model.years()
    if spec.donors_in_browser is not None:
        highlight = spec.donors_in_browser
        colours = {str(y): highlight(request.model, replace(request.state, year=y)) for y in years}
        figures["donors"] = {**highlight_rules(), "colours": colours}
    return figures


def _every_year(spec: ChartSpec, request: Request) -> dict[str, Any]:
    """The figure of every year, and the latest year (the one shown when the year asked for
    is not in the data)."""
    years = request.model.years()
    return {
        "by_year": {str(y): _figure(spec, request, y) for y in years},
        "latest": request.model.latest_year(),
    }


def year_figure(spec: ChartSpec, request: Request, year: Any) -> Any:
    """The figure of the year shown (``None``: the request's), of a chart drawn in the browser."""
    return _figure(spec, request, request.state.year if year is None else year)


def _figure(spec: ChartSpec, request: Request, year: Any) -> Any:
    """One year's figure among every year's, its words (the rate on the source line) for it,
    as plotly JSON: kept over shared data, so the next analyst's view costs no plotly build."""

    def build() -> Any:
        with words_for(request.model.valuation, year):
            return plotly_json(spec.build(request.model, replace(request.state, year=year)).figure)

    key = request.drawn_key(spec.controls_for(request.model))
    return request.remember(("figure", spec.id, key, str(year)), build)


def plotly_json(figure: Any) -> Any:
    """A figure as the plain data Dash sends (a plotly Figure converted once; a dict as is)."""
    return figure.to_plotly_json() if hasattr(figure, "to_plotly_json") else figure


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


def skip_if_drawn(spec: ChartSpec, request: Request, drawn: str | None) -> str:
    """Behind a gate every trigger is a change of the chart's own values: skip the redraw when
    the chart already shows what it would draw now (a control it does not depend on for this
    data, or a tab reopened on the values it was drawn with). Returns the key drawn now."""
    key = request.drawn_key(spec.controls_for(request.model))
    if key == drawn:
        raise PreventUpdate
    return key


def chart_inputs(spec: ChartSpec) -> tuple[str, ...]:
    """The controls a chart's own callback reads: a year drawn in the browser is not one."""
    return tuple(c for c in spec.inputs if not (spec.years_in_browser and c == ids.YEAR))


def gate_inputs(*controls: str) -> dict[str, Input | State]:
    """What a gate passes on, in order: ``request_inputs`` without the session (read as state
    by the callback behind the gate)."""
    return {k: v for k, v in request_inputs(*controls).items() if k != "session"}


def gate_values(gate: Mapping[str, Any] | None, *controls: str) -> dict[str, Any]:
    """The values a gate passed on, named as ``request_inputs`` names them; nothing passed on
    yet (the chart's tab never opened) draws nothing."""
    values = (gate or {}).get("values")
    names = list(gate_inputs(*controls))
    if not isinstance(values, list) or len(values) != len(names):
        raise PreventUpdate
    return dict(zip(names, values, strict=True))


def gates() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Every gate and the controls it passes on: each chart's, each panel with inputs of its
    own, the organisation tab's."""
    out: list[tuple[str, tuple[str, ...]]] = []
    for spec in CHARTS:
        out.append((ids.panel(spec.id, GATE), chart_inputs(spec)))
        out += [
            (panel_gate(spec.id, p.name), p.inputs) for p in spec.panels if p.inputs is not None
        ]
    out.append((ORGANISATION_GATE, ()))
    return tuple(out)


def gate_union() -> tuple[tuple[str, str], ...]:
    """The values all gates pass on, each once, in a fixed order (the one gate callback's
    inputs after the open tab)."""
    seen: dict[tuple[str, str], None] = {}
    for _, controls in gates():
        for dep in gate_inputs(*controls).values():
            seen[str(dep.component_id), dep.component_property] = None
    return tuple(seen)


def gate_args(*controls: str) -> list[int]:
    """Where a gate's values sit among ``gate_union()``: the browser side picks them by these."""
    union = gate_union()
    return [
        union.index((str(dep.component_id), dep.component_property))
        for dep in gate_inputs(*controls).values()
    ]


def _register_gates(app: Dash) -> None:
    """One browser-side callback fills every gate. One per gate cost Dash's renderer a round
    of store updates each on every control change (15 gates: about a third of a year click's
    main-thread time); one callback costs one round."""
    app.clientside_callback(
        clientside.VIEW_GATE.ref(),
        *(Output(gate_id, "data") for gate_id, _ in gates()),
        Input(ids.VIEW, "value"),
        *(Input(cid, prop) for cid, prop in gate_union()),
        *(State(gate_id, "data") for gate_id, _ in gates()),
    )


def _register_chart(app: Dash, spec: ChartSpec, context: RequestContext) -> None:
    with_chart = [p for p in spec.panels if p.inputs is None]
    controls = chart_inputs(spec)
    gate_state = {
        "gate": Input(ids.panel(spec.id, GATE), "data"),
        "session": State(ids.SESSION, "data"),
    }

    @app.callback(
        output=[
            # a chart drawn in the browser for every year gets the chosen year's figure at
            # once; every year's follows in a callback of its own (draw_years below)
            Output(spec.graph_id, "figure", allow_duplicate=spec.years_in_browser),
            *(Output(p.component_id(spec.id), "children") for p in with_chart),
            Output(ids.panel(spec.id, DRAWN), "data"),
        ],
        inputs={
            **gate_state,
            "drawn": State(ids.panel(spec.id, DRAWN), "data"),
            "year": State(ids.YEAR, "value"),  # the year shown, for a chart drawn in the browser
        },
        prevent_initial_call=True,  # the page is drawn with it (callbacks/first_view.py)
    )
    def draw(
        gate: dict[str, Any] | None, drawn: str | None, session: str | None, year: Any
    ) -> list[Any]:
        request = context(session=session, **gate_values(gate, *controls))
        key = skip_if_drawn(spec, request, drawn)
        figure = year_figure(spec, request, year) if spec.years_in_browser else None
        return [*chart_outputs(spec, request, figure), key]

    draw.__name__ = f"draw_{spec.id}"
    for panel in spec.panels:
        if panel.inputs is not None:
            _register_panel(app, spec, panel, context)
    if not spec.years_in_browser:
        return

    # Also on the first load, after the page painted the year drawn into it: the other years
    # follow in this one request, so the first chart does not wait for them.
    # The address's mount (dcc.Location sets its pathname once the page is up) is what fires
    # it on the first load: the gate is filled into the first page, so it does not change then.
    @app.callback(
        output=Output(ids.panel(spec.id, FIGURES), "data"),
        inputs={**gate_state, "_loaded": Input(ids.URL, "pathname")},
    )
    def draw_years(
        gate: dict[str, Any] | None, session: str | None, _loaded: str | None = None
    ) -> dict[str, Any]:
        if not (gate or {}).get("sent"):
            raise PreventUpdate  # its tab has not been open yet
        request = context(session=session, **gate_values(gate, *controls))
        return figures_by_year(spec, request)

    draw_years.__name__ = f"draw_{spec.id}_years"
    app.clientside_callback(
        clientside.YEAR_FIGURE.ref(),
        Output(spec.graph_id, "figure"),
        Input(ids.YEAR, "value"),
        Input(ids.panel(spec.id, FIGURES), "data"),
        # what the graph shows now (see yearFigure): whichever of the chart's answer and its
        # every-year figures comes last paints the year shown
        Input(ids.panel(spec.id, DRAWN), "data"),
        State(spec.graph_id, "figure"),  # the same figure again draws nothing
        prevent_initial_call=True,  # the page is drawn with the year's figure
    )


def _register_panel(app: Dash, spec: ChartSpec, panel: Panel, context: RequestContext) -> None:
    gate_id = panel_gate(spec.id, panel.name)
    controls = panel.inputs or ()

    @app.callback(
        output=Output(panel.component_id(spec.id), "children"),
        inputs={"gate": Input(gate_id, "data"), "session": State(ids.SESSION, "data")},
        prevent_initial_call=True,
    )
    def draw_panel(gate: dict[str, Any] | None, session: str | None) -> Any:
        request = context(session=session, **gate_values(gate, *controls))
        return panel.build(request.model, request.state)

    draw_panel.__name__ = f"draw_{spec.id}_{panel.name}"


def register(app: Dash, context: RequestContext) -> None:
    for spec in CHARTS:
        _register_chart(app, spec, context)

    @app.callback(
        output=Output(ids.KPIS, "children"),
        inputs=request_inputs(ids.YEAR),
        prevent_initial_call=True,  # the page is drawn with them
    )
    def kpis(**values: Any) -> list[html.Div]:
        return key_figures(context(**values))

    _register_gates(app)

    @app.callback(
        output=[Output(ids.ORGANISATION, "children"), Output(ids.RELEVANCE, "children")],
        inputs={"gate": Input(ORGANISATION_GATE, "data"), "session": State(ids.SESSION, "data")},
        prevent_initial_call=True,
    )
    def organisation(gate: dict[str, Any] | None, session: str | None) -> tuple[Any, Any]:
        request = context(session=session, **gate_values(gate))
        return panels.organisation_view(request.model, request.state.lang)

    # The sources tab (grid and contradictions) is wired in callbacks/sources.py.


def key_figures(request: Request) -> list[html.Div]:
    """The key-figure cards of the chosen year (the first page draws them too)."""
    model, state = request.model, request.state
    return panels.kpi_cards(model, model.key_figures(chart_year(model, state.year)), state.lang)
