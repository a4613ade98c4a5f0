"""The first page, drawn on the server for the address it is opened at.

Dash asks for the layout with ``GET /_dash-layout``; ``app.layout`` is ``page``, a function of
that request. The address the analyst opened (the page's, sent as the request's Referer, or the
request's own query string) says the view: the layout is built for it and the open tab's charts,
their panels, the key figures and the charts' gates and drawn keys are filled in, so the page
paints what the link says without a callback round trip; the chart callbacks (gated, see
``callbacks/views.py``) and the URL restore then have nothing to do on the first load. Data a
browser session uploaded is not known here (its id lives in the browser): the URL restore
(``callbacks/url.py``) redraws for it after the first paint.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import Any
from urllib.parse import urlsplit

import flask
from dash.development.base_component import Component

from callbacks import views
from callbacks.context import Request, RequestContext
from callbacks.text import donor_options
from callbacks.url import restored_props
from components import ids
from components.charts.base import ChartSpec
from components.charts.registry import CHARTS
from components.layout import DRAWN, GATE, ORGANISATION_GATE, build_layout, panel_gate
from components.panels import organisation_view
from components.uploads import data_summary

Props = dict[tuple[str, str], Any]


def request_search() -> str:
    """The query string of the page being opened: the request's own (a direct ``GET`` with a
    query) or its Referer's (the renderer's ``_dash-layout`` request); "" outside a request."""
    if not flask.has_request_context():
        return ""
    if flask.request.query_string:
        return "?" + flask.request.query_string.decode("latin-1")
    query = urlsplit(flask.request.referrer or "").query
    return "?" + query if query else ""


def components(tree: Any) -> Iterator[Component]:
    """Every component of a layout with an id, in any prop (children, tab labels ...)."""
    if isinstance(tree, Component):
        if getattr(tree, "id", None) is not None:
            yield tree
        for prop in tree._prop_names:
            yield from components(getattr(tree, prop, None))
    elif isinstance(tree, list | tuple):
        for item in tree:
            yield from components(item)


def page(context: RequestContext) -> Callable[[], Component]:
    """``app.layout``: a function building the page for each request."""

    def layout() -> Component:
        return page_for(context, request_search())

    return layout


def page_for(context: RequestContext, search: str) -> Component:
    """The page for ``search``, its open tab drawn."""
    state, model = context.restore(search, None, None)
    models = context.models
    tree = build_layout(
        state,
        model.years(),
        donor_options(model, state.lang),
        models.sources(None, None),
        models.entities(None, None, state.source),
    )
    by_id = {str(getattr(c, "id", "")): c for c in components(tree)}
    for (cid, prop), value in restored_props(state, model).items():
        setattr(by_id[cid], prop, value)
    values = {(cid, prop): getattr(c, prop, None) for cid, c in by_id.items() for prop in c._prop_names}  # fmt: skip
    props = first_props(context, state.view, values)
    props[ids.LAYOUT_SEARCH, "data"] = search
    # the drawer's summary names the link's source (no upload yet on a first page): the data
    # callback that writes it does not run on the first load
    props[ids.DATA_SUMMARY, "children"] = data_summary(model, None, state)
    for (cid, prop), value in props.items():
        setattr(by_id[cid], prop, value)
    return tree


def _gate(
    context: RequestContext,
    values: Mapping[tuple[str, str], Any],
    tab: str,
    open_tab: str,
    controls: tuple[str, ...],
) -> tuple[dict[str, Any], Request]:
    """A gate's data as the browser would fill it from the page's values (passed on, when its
    tab is open), and the request those values make."""
    deps = views.gate_inputs(*controls).values()
    passed = [values.get((str(d.component_id), d.component_property)) for d in deps]
    gate = {
        "tab": tab,
        "values": passed,
        "sent": tab == open_tab,
        "args": views.gate_args(*controls),
    }
    return gate, context(session=None, **views.gate_values(gate, *controls))


def first_props(
    context: RequestContext, open_tab: str, values: Mapping[tuple[str, str], Any]
) -> Props:
    """The props the first page is drawn with: every gate, and for the open tab its charts,
    their panels and drawn keys; the key figures; the organisation tab if it is open."""
    props: Props = {}
    for spec in CHARTS:
        gate, request = _gate(context, values, spec.tab, open_tab, views.chart_inputs(spec))
        props[ids.panel(spec.id, GATE), "data"] = gate
        if spec.tab == open_tab:
            props.update(_chart_props(spec, request, values.get((ids.YEAR, "value"))))
        for panel in spec.panels:
            if panel.inputs is None:
                continue
            gate, request = _gate(context, values, spec.tab, open_tab, panel.inputs)
            props[panel_gate(spec.id, panel.name), "data"] = gate
            if spec.tab == open_tab:
                props[panel.component_id(spec.id), "children"] = panel.build(
                    request.model, request.state
                )
    gate, request = _gate(context, values, ids.TAB_ORGANISATION, open_tab, ())
    props[ORGANISATION_GATE, "data"] = gate
    if open_tab == ids.TAB_ORGANISATION:
        facts, relevance = organisation_view(request.model, request.state.lang)
        props[ids.ORGANISATION, "children"] = facts
        props[ids.RELEVANCE, "children"] = relevance
    _, request = _gate(context, values, "", open_tab, (ids.YEAR,))
    props[ids.KPIS, "children"] = views.key_figures(request)
    return props


def _chart_props(spec: ChartSpec, request: Request, year: object) -> Props:
    """A chart of the open tab: its figure (drawn in the browser for every year: the figure of
    the ``year`` shown, which its gate does not pass on; every year's follows in one request,
    ``draw_years``), the panels drawn with it and the key of what it drew."""
    figure = views.year_figure(spec, request, year) if spec.years_in_browser else None
    first, *drawn_with = views.chart_outputs(spec, request, figure)
    props: Props = {(spec.graph_id, "figure"): first}
    with_chart = [p for p in spec.panels if p.inputs is None]
    for panel, children in zip(with_chart, drawn_with, strict=True):
        props[panel.component_id(spec.id), "children"] = children
    key = request.drawn_key(spec.controls_for(request.model))
    props[ids.panel(spec.id, DRAWN), "data"] = key
    return props
