"""The first page is drawn on the server for its address, and only the open tab's charts ask
the server to draw: what the layout fills in, what the gates pass on, when the URL restore has
nothing to do (callbacks/first_view.py, callbacks/views.py, callbacks/url.py)."""

from __future__ import annotations

from typing import Any

import pytest
from dash.exceptions import PreventUpdate

from callbacks import views
from callbacks.context import RequestContext
from callbacks.first_view import components, page_for
from callbacks.url import first_load_drawn
from components import ids
from components.charts import CHART_IDS, spec
from components.exports.texts import BAR_TEXT, MEMO_TEXT, static_texts
from components.i18n import t
from components.layout import DRAWN, FIGURES, GATE
from components.page_text import page_texts
from components.source_bar import source_options
from data.provider import ModelProvider
from data.scorecard_source import ScorecardModel
from tests.store_fakes import disk_store


@pytest.fixture(scope="module")
def context(tmp_path_factory: pytest.TempPathFactory) -> RequestContext:
    from data.history import load_history

    store = disk_store(tmp_path_factory.mktemp("store"))
    return RequestContext(ModelProvider(ScorecardModel.from_seed(), store, None, load_history()))


def props_of(tree: Any) -> dict[str, Any]:
    return {str(getattr(c, "id", "")): c for c in components(tree)}


def test_the_page_is_drawn_for_its_address(context: RequestContext) -> None:
    search = "?source=ceb&entity=WFP&year=2019&lang=en&view=over_time"
    page = props_of(page_for(context, search))
    assert page[ids.YEAR].value == 2019 and page[ids.LANG].value == "en"
    assert page[ids.ENTITY].value == "WFP" and page[ids.VIEW].value == ids.TAB_OVER_TIME
    assert page[ids.LAYOUT_SEARCH].data == search
    # the open tab's charts are drawn, with the key of what they drew; others are not
    over_time = spec("over_time")
    assert getattr(page[over_time.graph_id], "figure", None) is not None
    assert page[ids.panel("over_time", DRAWN)].data
    assert getattr(page[spec("ranking").graph_id], "figure", None) is None
    assert getattr(page[ids.panel("ranking", FIGURES)], "data", None) is None
    assert page[ids.KPIS].children
    # gates: the open tab's passed on (so the browser sends nothing), a hidden one's not
    opened, hidden = page[ids.panel("over_time", GATE)].data, page[ids.panel("ranking", GATE)].data
    assert opened["sent"] and opened["tab"] == ids.TAB_OVER_TIME
    assert not hidden["sent"] and hidden["tab"] == ids.TAB_RANKING


def test_the_drawn_key_is_the_one_the_callback_would_compute(context: RequestContext) -> None:
    """The chart callback behind an opened gate skips the redraw of what the page drew."""
    page = props_of(page_for(context, "?source=ceb&year=2020"))
    ranking = spec("ranking")
    gate = page[ids.panel("ranking", GATE)].data
    request = context(session=None, **views.gate_values(gate, *views.chart_inputs(ranking)))
    with pytest.raises(PreventUpdate):
        views.skip_if_drawn(ranking, request, page[ids.panel("ranking", DRAWN)].data)
    assert request.model.entity == "IOM"  # the year is swapped in the browser, not passed on
    figure = page[ranking.graph_id].figure
    assert "2020" in figure["layout"]["title"]["text"]


def test_a_gate_that_passed_nothing_on_draws_nothing() -> None:
    with pytest.raises(PreventUpdate):
        views.gate_values({"tab": ids.TAB_RANKING}, ids.DONOR)
    with pytest.raises(PreventUpdate):  # values of another set of controls
        views.gate_values({"tab": ids.TAB_RANKING, "values": ["nl"]}, ids.DONOR)


def test_gate_values_are_named_as_the_request_inputs() -> None:
    names = list(views.gate_inputs(ids.DONOR))
    assert "session" not in names and names[:2] == ["lang", "donor"]
    gate = {"tab": ids.TAB_RANKING, "values": list(range(len(names)))}
    assert views.gate_values(gate, ids.DONOR) == dict(zip(names, range(len(names)), strict=True))


def test_the_restore_skips_only_the_first_load_of_the_drawn_address() -> None:
    assert first_load_drawn("?year=2022", "?year=2022", None)
    assert first_load_drawn(None, "", None)
    assert not first_load_drawn("?year=2022", None, None)  # already used: a back step restores
    assert not first_load_drawn("?year=2021", "?year=2022", None)  # no Referer, another link
    assert not first_load_drawn("?year=2022", "?year=2022", {"id": "upload"})  # data of the tab


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_page_holds_what_the_language_and_source_callbacks_would_write(
    context: RequestContext, lang: str
) -> None:
    """Those callbacks do not run on the first load (each was a request): the page must be
    drawn with their answers for its language and for no loaded data."""
    page = props_of(page_for(context, f"?lang={lang}"))
    tree = page_for(context, f"?lang={lang}")
    bars = [(c, i) for c in components(tree) if isinstance(i := getattr(c, "id", None), dict)]
    written = static_texts(lang, len(CHART_IDS))  # type: ignore[arg-type]
    kinds = [*BAR_TEXT, ids.TAKEAWAY_COPY, ids.EXPORT_PRESET, ids.TAKEAWAY_MESSAGES]
    props = [*("children" for _ in BAR_TEXT), "title", "options", "data"]
    for kind, prop, values in zip(kinds, props, written, strict=False):
        shown = [getattr(c, prop) for c, i in bars if kind in i]
        assert shown == values, kind
    memo = written[len(kinds) :]
    assert [page[cid].children for cid in MEMO_TEXT] == list(memo)
    words = page_texts(lang)  # type: ignore[arg-type]
    for cid in (ids.UPLOAD_CANCEL, ids.MEMO_CANCEL):  # the language callback rewrites them
        assert page[cid].children == words[(cid, "children")]
    available = context.models.sources(None, None)
    assert page[ids.SOURCE].options == source_options(lang, available)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("search", "key"),
    [("?source=ceb&view=budget", "data.summary.ceb"), ("?lang=en", "data.summary_seed")],
)
def test_the_data_drawer_names_the_links_source(
    context: RequestContext, search: str, key: str
) -> None:
    """The summary said "scorecard (built in)" above CEB cards on a link to the CEB data."""
    page = props_of(page_for(context, search))
    lang = "en" if "lang=en" in search else "nl"
    assert page[ids.DATA_SUMMARY].children == t(key, lang)  # type: ignore[arg-type]


def test_no_more_than_one_chart_each_shares_a_pattern_ids_key_names(
    context: RequestContext,
) -> None:
    """Dash finds a dict id's component by comparing it with every id of the same key names,
    one by one, for each output of a callback (``ids.for_chart``): no key set may hold more ids
    than there are charts, or every control change pays for the search (it was 300 ids, 15 ms
    of main thread a click)."""
    tree = page_for(context, "?source=ceb")
    groups: dict[tuple[str, ...], int] = {}
    for component in components(tree):
        component_id = getattr(component, "id", None)
        if isinstance(component_id, dict):
            names = tuple(sorted(component_id))
            groups[names] = groups.get(names, 0) + 1
    assert groups, "the page has pattern-matching ids"
    assert max(groups.values()) <= len(CHART_IDS), groups
    assert ids.kind_of(ids.for_chart(ids.EXPORT_PNG, "ranking")) == ids.EXPORT_PNG
