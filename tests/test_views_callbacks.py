"""The chart callbacks skip a redraw only when what the chart last drew is what it would draw
now: a year click the chart does not depend on costs nothing, but an answer that Dash dropped
(a newer request for the same callback superseded it) is never left on the screen."""

from __future__ import annotations

from dataclasses import replace

import pytest
from dash.exceptions import PreventUpdate

from callbacks.context import RequestContext
from callbacks.views import figures_by_year, skip_unless_affected
from components import ids
from components.charts import spec
from components.charts.base import chart_top
from data.columns import DONOR_KEY, OTHER_KEY
from data.provider import ModelProvider
from data.scorecard_source import ScorecardModel
from tests.store_fakes import disk_store


@pytest.fixture(scope="module")
def context(tmp_path_factory: pytest.TempPathFactory) -> RequestContext:
    from data.history import load_history

    store = disk_store(tmp_path_factory.mktemp("store"))
    return RequestContext(ModelProvider(ScorecardModel.from_seed(), store, None, load_history()))


def test_a_control_the_chart_ignores_skips_the_redraw(context: RequestContext) -> None:
    side = spec("earmarking_side")  # the scorecard's Dutch core contribution: no year
    before = context(lang="nl", year=2022, donor="NLD")
    drawn = skip_unless_affected(side, before, None, None)
    after = context(lang="nl", year=2023, donor="NLD")
    with pytest.raises(PreventUpdate):
        skip_unless_affected(side, after, drawn, ids.YEAR)


def test_a_superseded_data_change_is_redrawn_on_the_next_click(context: RequestContext) -> None:
    """The upload's answer was dropped (drawn still holds the CEB key); the year click that
    superseded it must draw the scorecard's chart, not keep the CEB one."""
    side = spec("earmarking_side")
    ceb = context(lang="nl", year=2024, donor="NLD", source="ceb", entity="IOM")
    drawn = skip_unless_affected(side, ceb, None, None)
    scorecard = context(lang="nl", year=2023, donor="NLD", source="scorecard")
    key = skip_unless_affected(side, scorecard, drawn, ids.YEAR)
    assert key != drawn


def test_a_control_the_chart_depends_on_always_redraws(context: RequestContext) -> None:
    side = spec("earmarking_side")  # on CEB data: the year's donors
    first = context(lang="en", year=2023, donor="NLD", source="ceb", entity="IOM")
    drawn = skip_unless_affected(side, first, None, None)
    second = context(lang="en", year=2024, donor="NLD", source="ceb", entity="IOM")
    assert skip_unless_affected(side, second, drawn, ids.YEAR) != drawn


def test_every_years_figures_carry_the_key_the_chart_draws_with(context: RequestContext) -> None:
    """The browser picks a year's figure only from figures drawn for what the graph shows
    (assets/views.js yearFigure compares the two keys): after an upload, another source, a
    language or a donor, the old store's years must not be painted over the new chart."""
    ranking = spec("ranking")
    scorecard = context(lang="en", year=2023, donor="NLD")
    ceb = context(lang="en", year=2023, donor="NLD", source="ceb", entity="IOM")
    for request in (scorecard, ceb):
        figures = figures_by_year(ranking, request)
        assert figures["key"] == request.drawn_key(ranking.controls_for(request.model))
    keys = {
        figures_by_year(ranking, request)["key"]
        for request in (
            scorecard,
            ceb,
            context(lang="nl", year=2023, donor="NLD"),
            context(lang="en", year=2023, donor="DEU"),
        )
    }
    assert len(keys) == 4


@pytest.mark.parametrize("source", ["scorecard", "ceb"])
def test_the_donor_colours_sent_are_the_bars_the_server_draws(
    context: RequestContext, source: str
) -> None:
    """The browser repaints a donor picked among the bars with the colours sent for that donor
    (assets/year_paint.js): each must be what the server's figure for that donor draws, in
    every year, or the chart would change colour again when the server's answer lands."""
    ranking = spec("ranking")
    ceb = source == "ceb"
    request = context(
        lang="en", year=2023, donor="NLD", source=source, entity="IOM" if ceb else None
    )
    figures = figures_by_year(ranking, request)
    donors = figures["donors"]
    assert donors["dimmed"] < 1 and donors["outline"] != donors["plain"]
    assert set(donors["colours"]) == set(figures["by_year"])
    for year, colours in donors["colours"].items():
        bars = figures["by_year"][year]["data"][0]
        top = chart_top(request.model, request.state.top)
        if "NLD" not in set(request.model.ranking(int(year), top)[DONOR_KEY]):  # a bar of its own
            assert colours is None, year
            continue
        assert set(colours) == set(bars["customdata"]) - {OTHER_KEY}
        for key in list(colours)[-3:]:
            drawn = ranking.build(request.model, replace(request.state, year=int(year), donor=key))
            assert list(drawn.figure.data[0].marker.color) == colours[key], (year, key)


def test_a_donor_beyond_the_top_n_leaves_the_repaint_to_the_server(
    context: RequestContext,
) -> None:
    """The highlighted donor's own bar beyond the top N is missing from every other donor's
    figure: no colours, so the browser waits for the server's figure."""
    ranking = spec("ranking")
    request = context(lang="en", year=2024, donor="NLD", source="ceb", entity="IOM", top="3")
    colours = figures_by_year(ranking, request)["donors"]["colours"]
    assert colours["2024"] is None


def test_the_scorecard_is_set_beside_iom_alone(context: RequestContext) -> None:
    """The side-by-side table under the ranking compares the scorecard (about IOM) with the
    data shown: for another entity it would set UNHCR's Germany against IOM's."""
    iom = context(lang="en", source="ceb", entity="IOM").model.comparison()
    assert iom is not None and not iom.empty
    for entity in ("UNHCR", "WFP"):
        assert context(lang="en", source="ceb", entity=entity).model.comparison() is None
