"""A top N or a source drawn from the figure asked for in the input event (callbacks/early_paint.py,
assets/early_paint.js): the route answers the figure the page ends with after the change, the
same one the page drawn for that address shows, and nothing for what it cannot draw."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from dash import Dash, html
from flask.testing import FlaskClient

from callbacks import early_paint
from callbacks.context import RequestContext
from callbacks.first_view import components, page_for
from components import ids
from components.charts import spec
from components.layout import DRAWN, GATE
from data.provider import ModelProvider
from data.scorecard_source import ScorecardModel
from tests.store_fakes import disk_store

ASSETS = Path(__file__).resolve().parents[1] / "assets"
SCRIPT = (ASSETS / "early_paint.js").read_text("utf-8")
RANKING = spec("ranking")


@pytest.fixture(scope="module")
def context(tmp_path_factory: pytest.TempPathFactory) -> RequestContext:
    from data.history import load_history

    store = disk_store(tmp_path_factory.mktemp("store"))
    return RequestContext(ModelProvider(ScorecardModel.from_seed(), store, None, load_history()))


@pytest.fixture(scope="module")
def client(context: RequestContext) -> FlaskClient:
    app = Dash(__name__)
    app.layout = html.Div()  # Dash checks there is one before the first request
    early_paint.register(app, context)
    return app.server.test_client()


def drawn_page(context: RequestContext, search: str) -> dict[str, Any]:
    """The ids' components of the page drawn for ``search``."""
    return {str(getattr(c, "id", "")): c for c in components(page_for(context, search))}


def ask(client: FlaskClient, page: dict[str, Any], control: str, value: Any, chart: str = "ranking") -> Any:  # fmt: skip
    """The route's answer to ``control`` changed to ``value`` on ``page``, as the browser asks."""
    body = {
        "graph": spec(chart).graph_id,
        "control": control,
        "value": value,
        "gate": page[ids.panel(chart, GATE)].data,
        "drawn": page[ids.panel(chart, DRAWN)].data,
        "session": None,
        "year": page[ids.YEAR].value,
    }
    return client.post("/" + early_paint.ROUTE, json=body)


def figure_of(page: dict[str, Any], chart: str = "ranking") -> Any:
    """A graph's figure as the browser gets it (plotly's JSON, parsed)."""
    from plotly.io.json import to_json_plotly

    return json.loads(to_json_plotly(page[spec(chart).graph_id].figure))


def test_a_top_n_is_answered_with_the_figure_of_the_page_at_that_top_n(
    context: RequestContext, client: FlaskClient
) -> None:
    before = drawn_page(context, "?source=ceb&lang=en&year=2022&top=10")
    answer = ask(client, before, ids.TOP_N, 15)
    assert answer.status_code == 200 and answer.mimetype == "application/json"
    after = drawn_page(context, "?source=ceb&lang=en&year=2022&top=15")
    assert answer.get_json() == figure_of(after)
    assert len(answer.get_json()["data"][0]["y"]) == 16  # 15 donors and the rest
    assert answer.get_json() != figure_of(before)


@pytest.mark.parametrize(
    ("before", "to", "after"),
    [
        # the hidden entity (IOM), the donor and the year stay where the CEB data has them
        ("?source=scorecard&lang=nl&year=2023", "ceb", "?source=ceb&lang=nl&year=2023"),
        # a year the scorecard lacks becomes its latest, as the year callback settles it
        ("?source=ceb&lang=en&year=2014&top=8", "scorecard", "?source=scorecard&lang=en&top=8"),
        # a donor the scorecard lists stays; one it does not becomes the default (NLD)
        (
            "?source=ceb&entity=WFP&donor=USA&lang=en",
            "scorecard",
            "?source=scorecard&lang=en&donor=USA",
        ),
        ("?source=ceb&entity=WFP&donor=JPN&lang=en", "scorecard", "?source=scorecard&lang=en"),
    ],
)
def test_a_source_switch_is_answered_with_the_figure_the_chain_ends_with(
    context: RequestContext, client: FlaskClient, before: str, to: str, after: str
) -> None:
    page = drawn_page(context, before)
    assert page[ids.DONOR].value == (before.split("donor=")[1][:3] if "donor=" in before else "NLD")
    answer = ask(client, page, ids.SOURCE, to)
    assert answer.status_code == 200
    assert answer.get_json() == figure_of(drawn_page(context, after))


def test_a_chart_drawn_on_the_server_gets_its_whole_figure(
    context: RequestContext, client: FlaskClient
) -> None:
    before = drawn_page(context, "?source=ceb&lang=en&view=over_time&top=5")
    answer = ask(client, before, ids.TOP_N, 7, chart="over_time")
    after = drawn_page(context, "?source=ceb&lang=en&view=over_time&top=7")
    assert answer.status_code == 200 and answer.get_json() == figure_of(after, "over_time")


def test_nothing_new_to_draw_is_no_content(context: RequestContext, client: FlaskClient) -> None:
    page = drawn_page(context, "?source=ceb&lang=en&top=10")
    assert ask(client, page, ids.TOP_N, 10).status_code == 204  # what the chart shows
    scorecard = drawn_page(context, "?source=scorecard&lang=en&view=budget")
    assert ask(client, scorecard, ids.TOP_N, 12, chart="budget").status_code == 204


@pytest.mark.parametrize(
    ("change", "said"),
    [
        ({"graph": "nowhere-graph"}, "no chart has the graph"),
        ({"control": "year"}, "not one painted early"),
        ({"gate": {"values": [1]}}, "do not fit the chart"),
        ({"session": 5}, "session must be a string"),
    ],
)
def test_a_body_it_does_not_read_is_refused_saying_why(
    context: RequestContext, client: FlaskClient, change: dict[str, Any], said: str
) -> None:
    page = drawn_page(context, "?source=ceb&lang=en")
    body = {
        "graph": RANKING.graph_id,
        "control": ids.TOP_N,
        "value": 12,
        "gate": page[ids.panel("ranking", GATE)].data,
        "drawn": None,
        **change,
    }
    answer = client.post("/" + early_paint.ROUTE, json=body)
    assert answer.status_code == 400 and said in answer.get_data(as_text=True)


def test_bodies_not_json_too_long_or_not_posted_are_refused(client: FlaskClient) -> None:
    route = "/" + early_paint.ROUTE
    assert client.post(route, data=b"{not json", content_type="application/json").status_code == 400
    assert client.post(route, json=[1, 2]).status_code == 400
    assert client.post(route, data=b"x" * (early_paint.MAX_BODY + 1)).status_code == 413
    assert client.get(route).mimetype == "text/html"  # Dash's page, as for any other address


def _constant(name: str, script: str = SCRIPT) -> str:
    match = re.search(rf'var {name} = "([^"]*)";', script)
    assert match, name
    return match.group(1)


def test_the_script_names_the_route_controls_and_stores_as_the_server_does() -> None:
    assert _constant("ROUTE") == early_paint.ROUTE
    assert {_constant("TOP_ID"), _constant("SOURCE_ID")} == set(early_paint.CHANGES)
    assert _constant("YEAR_ID") == ids.YEAR and _constant("LANG_ID") == ids.LANG
    assert _constant("DONOR_ID") == ids.DONOR and _constant("SESSION_ID") == ids.SESSION
    graph, gate, drawn = (_constant(n) for n in ("GRAPH_SUFFIX", "GATE_SUFFIX", "DRAWN_SUFFIX"))
    for chart in early_paint.BY_GRAPH.values():
        chart_id = chart.graph_id[: -len(graph)]
        assert chart_id + gate == ids.panel(chart.id, GATE)
        assert chart_id + drawn == ids.panel(chart.id, DRAWN)
    # the year paint leaves a graph drawn early alone by the same attribute
    year_paint = (ASSETS / "year_paint.js").read_text("utf-8")
    assert _constant("EARLY_ATTR", year_paint) == _constant("EARLY_ATTR")
