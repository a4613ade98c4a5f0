"""The browser runs plotly's basic bundle (components/plotly_js.py): it is the plotly.js version
plotly.py draws with, every chart only uses the trace types it has, and the page loads it before
any graph renders, or, when it cannot be used, leaves dcc's full bundle in place."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import plotly.graph_objects as go
import pytest
from plotly.offline import get_plotlyjs_version

from callbacks.context import RequestContext
from components import plotly_js
from components.charts import CHART_IDS, build_chart
from components.view_state import AMOUNT_MODES, BUDGET_MODES, CURRENCIES, ViewState
from data.history import load_history
from data.provider import ModelProvider
from data.scorecard_source import ScorecardModel
from data.store import DatasetStore
from tests.store_fakes import disk_store


def test_the_installed_bundle_is_plotly_py_s_plotly_js() -> None:
    """make installs it (npm ci); a plotly upgrade without the bundle's fails here."""
    assert plotly_js.problem(plotly_js.BUNDLE, get_plotlyjs_version()) is None
    assert plotly_js.usable_bundle() == plotly_js.BUNDLE


def test_a_missing_or_other_bundle_is_named(tmp_path: Path) -> None:
    missing = tmp_path / "plotly-basic.min.js"
    assert "not installed" in str(plotly_js.problem(missing, "4.1.1"))
    missing.write_bytes(b"/**\n* plotly.js (basic - minified) v4.0.2\n*/ (function(){})")
    assert "4.0.2" in str(plotly_js.problem(missing, "4.1.1"))
    assert plotly_js.problem(missing, "4.0.2") is None
    missing.write_bytes(b"/** plotly.js (cartesian - minified) v4.1.1 */")
    assert "not installed" in str(plotly_js.problem(missing, "4.1.1"))


@pytest.fixture(scope="module")
def context(tmp_path_factory: pytest.TempPathFactory) -> RequestContext:
    store = disk_store(tmp_path_factory.mktemp("store"))
    return RequestContext(ModelProvider(ScorecardModel.from_seed(), store, None, load_history()))


def _states(state: ViewState) -> list[ViewState]:
    """The view and every mode that draws another kind of figure."""
    out = [state]
    out += [dataclasses.replace(state, budget=mode) for mode in BUDGET_MODES]
    out += [dataclasses.replace(state, amounts=mode) for mode in AMOUNT_MODES]
    out += [dataclasses.replace(state, currency=currency) for currency in CURRENCIES]
    return out


def _types(figure: go.Figure) -> set[str]:
    return {str(trace.type) for trace in figure.data}


@pytest.mark.parametrize("search", ["", "?source=ceb", "?source=ceb&entity=WFP&lang=en"])
def test_every_chart_draws_only_what_the_bundle_has(context: RequestContext, search: str) -> None:
    """A trace type outside the bundle would draw as an empty plot in the browser."""
    state, model = context.restore(search, None, None)
    drawn: set[str] = set()
    for chart in CHART_IDS:
        for one in _states(state):
            drawn |= _types(build_chart(chart, model, one).draw())
    assert drawn, "no chart drew a trace"
    assert drawn <= plotly_js.TRACES, f"not in plotly's basic bundle: {drawn - plotly_js.TRACES}"


def _page(store: DatasetStore) -> tuple[str, object]:
    from app import create_app

    app = create_app(store=store, history=False)
    client = app.server.test_client()
    return client.get("/").get_data(as_text=True), client


def test_the_page_loads_the_bundle_before_the_components(tmp_path: Path) -> None:
    html, client = _page(disk_store(tmp_path))
    src = plotly_js.ROUTE.format(version=get_plotlyjs_version())
    assert f'<script src="{src}"></script>' in html
    # window.Plotly is set before dcc's Graph (and the renderer) run
    scripts = re.findall(r'<script src="([^"]+)"', html)
    first = scripts.index(src)
    assert all(first < i for i, s in enumerate(scripts) if "dash_core_components" in s)
    assert all(first < i for i, s in enumerate(scripts) if "dash_renderer" in s)
    response = client.get(src)  # type: ignore[attr-defined]
    assert response.status_code == 200
    assert response.mimetype == "text/javascript"
    assert "immutable" in response.headers["Cache-Control"]
    assert response.headers["X-Content-Type-Options"] == "nosniff"  # server_guard's headers too
    assert response.get_data()[:400] == plotly_js.BUNDLE.read_bytes()[:400]


def test_without_the_bundle_the_page_keeps_dcc_s(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(plotly_js, "usable_bundle", lambda: None)
    html, client = _page(disk_store(tmp_path))
    src = plotly_js.ROUTE.format(version=get_plotlyjs_version())
    assert src not in html
    # no bundle route: Dash's catch-all answers with the page, not a script
    assert client.get(src).mimetype == "text/html"  # type: ignore[attr-defined]
