"""The figures as a reader sees them, built from the real model: bar order and values, labels in
both languages, titles, separators, source line, notes, highlighting and colours."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

import plotly.graph_objects as go
import pytest

from components.charts import (
    budget,
    earmarking,
    earmarking_side,
    over_time,
    ranking,
    references,
)
from components.charts.base import Captions, other_label
from components.charts.budget import budget_figure
from components.charts.earmarking import earmarking_figure
from components.charts.earmarking_side import nl_core_figure
from components.charts.over_time import over_time_figure
from components.charts.ranking import ranking_figure
from components.formatting import Lang
from components.theme import CORE_COLOR, EARMARKED_COLOR, donor_color
from data.history import load_history
from data.model import FundingModel
from data.provider import ModelProvider
from data.scorecard_source import ScorecardModel
from tests.store_fakes import disk_store

MINUS = "\u2212"


@pytest.fixture(scope="module")
def model() -> FundingModel:
    return ScorecardModel.from_seed()


def _ranking(
    model: FundingModel, year: int, lang: Lang, highlight: str | None = "NLD"
) -> go.Figure:
    return ranking_figure(
        model.ranking(year),
        lang,
        highlight,
        ranking.captions(model, year, lang, None),
        other=other_label(model, lang),
    )


def _over_time(model: FundingModel, lang: Lang, highlight: str | None = "NLD") -> go.Figure:
    return over_time_figure(
        model.ranking_over_time(), lang, highlight, over_time.captions(model, lang, None)
    )


def _budget(model: FundingModel, lang: Lang, indexed: bool) -> go.Figure:
    return budget_figure(
        model.budget(),
        model.budget_growth(),
        lang,
        indexed,
        budget.captions(model, lang, indexed),
    )


def _earmarking(model: FundingModel, lang: Lang) -> go.Figure:
    return earmarking_figure(model.earmarking(), lang, earmarking.captions(model, lang))


@pytest.fixture(scope="module")
def loaded_earmarking(model: FundingModel) -> go.Figure:
    """The share per year of the CEB history (IOM), as ``?source=ceb&view=earmarking`` draws
    it, notes and all (they make the plot short)."""
    store = disk_store(Path(tempfile.mkdtemp()))
    provider = ModelProvider(ScorecardModel.from_seed(), store, None, load_history())
    history = provider.model(None, None, "IOM", "ceb")
    by_year = history.revenue_by_year()
    assert by_year is not None
    return earmarking.earmarking_years_figure(
        by_year, history.earmarking(), "en", earmarking.captions(history, "en")
    )


def _footer(fig: go.Figure) -> str:
    """The source annotation, with the line breaks of the wrapping taken out."""
    named = [a for a in fig.layout.annotations if a.name == "source"]
    assert len(named) == 1
    return named[0].text.replace("<br>", " ")


# ranking -------------------------------------------------------------------------------------
def test_ranking_bars_largest_on_top(model: FundingModel) -> None:
    bar = _ranking(model, 2023, "nl").data[0]
    # plotly draws the first category at the bottom: the other member states below, USA on top
    assert list(bar.y) == [
        "Overige lidstaten",
        "6. Nederland",
        "3. Canada",
        "2. Duitsland",
        "1. Verenigde Staten",
    ]
    assert list(bar.x) == [703, 62, 214, 279, 1365]
    assert bar.orientation == "h"


@pytest.mark.parametrize(
    ("year", "x"),
    [(2022, [632, 60, 132, 272, 929]), (2021, [552, 67, 80, 235, 668])],
)
def test_ranking_values_other_years(model: FundingModel, year: int, x: list[float]) -> None:
    assert list(_ranking(model, year, "nl").data[0].x) == x


def test_ranking_labels_dutch(model: FundingModel) -> None:
    bar = _ranking(model, 2023, "nl").data[0]
    assert list(bar.text) == [
        "703 · 26,8\u00a0%",
        "62 · 2,4\u00a0%",
        "214 · 8,2\u00a0%",
        "279 · 10,6\u00a0%",
        "1.365 · 52,0\u00a0%",
    ]


def test_ranking_labels_english(model: FundingModel) -> None:
    bar = _ranking(model, 2023, "en").data[0]
    assert bar.text[-1] == "1,365 · 52.0%"
    assert bar.text[0] == "703 · 26.8%"
    assert list(bar.y) == [
        "Other member states",
        "6. Netherlands",
        "3. Canada",
        "2. Germany",
        "1. United States",
    ]


@pytest.mark.parametrize("year", [2021, 2022, 2023])
@pytest.mark.parametrize(
    ("lang", "title"),
    [("nl", "Grootste donoren van IOM in {year}"), ("en", "Largest donors to IOM in {year}")],
)
def test_ranking_title_names_the_year(
    model: FundingModel, year: int, lang: Lang, title: str
) -> None:
    assert title.format(year=year) in _ranking(model, year, lang).layout.title.text


def test_ranking_subtitle_names_the_total(model: FundingModel) -> None:
    assert "USD\u00a02.623\u00a0mln" in _ranking(model, 2023, "nl").layout.title.subtitle.text
    assert "USD\u00a02,623\u00a0million" in _ranking(model, 2023, "en").layout.title.subtitle.text


@pytest.mark.parametrize(("lang", "separators"), [("nl", ",."), ("en", ".,")])
def test_separators_per_language(model: FundingModel, lang: Lang, separators: str) -> None:
    assert _ranking(model, 2023, lang).layout.separators == separators
    assert _over_time(model, lang).layout.separators == separators
    assert _budget(model, lang, False).layout.separators == separators
    assert _earmarking(model, lang).layout.separators == separators


def test_ranking_source_names_document_page_and_table(model: FundingModel) -> None:
    footer = _footer(_ranking(model, 2023, "nl"))
    assert "Scorekaart IOM 2024" in footer
    assert "p. 7" in footer
    assert "Overzicht bijdragen en ranking grootste donoren" in footer
    assert "IOM scorecard 2024" in _footer(_ranking(model, 2023, "en"))


def test_ranking_explains_other_donors(model: FundingModel) -> None:
    footer = _footer(_ranking(model, 2022, "nl"))
    assert "Overige lidstaten = het totaal van de lidstaten min de genoemde lidstaten" in footer
    assert "deze rest bevat elk jaar andere landen" in footer
    assert "holds different countries each year" in _footer(_ranking(model, 2022, "en"))


def test_nl_2023_note_only_in_2023(model: FundingModel) -> None:
    assert "59,8" in _footer(_ranking(model, 2023, "nl"))
    assert "59.8" in _footer(_ranking(model, 2023, "en"))
    assert "59,8" not in _footer(_ranking(model, 2022, "nl"))
    assert "59,8" not in _footer(_ranking(model, 2021, "nl"))


def test_note_shown_only_when_passed(model: FundingModel) -> None:
    caps = ranking.captions(model, 2023, "nl", None)
    without = Captions(caps.title, caps.subtitle, caps.source, ())
    fig = ranking_figure(model.ranking(2023), "nl", "NLD", without, other="Overige lidstaten")
    assert "59,8" not in _footer(fig)
    assert "p. 7" in _footer(fig)


def test_highlighted_donor_tick_is_bold(model: FundingModel) -> None:
    axis = _ranking(model, 2023, "nl", "NLD").layout.yaxis
    assert "<b>6. Nederland</b>" in axis.ticktext
    assert [t for t in axis.ticktext if t.startswith("<b>")] == ["<b>6. Nederland</b>"]
    assert list(axis.tickvals) == [t.replace("<b>", "").replace("</b>", "") for t in axis.ticktext]


def test_other_highlight_moves_the_bold(model: FundingModel) -> None:
    axis = _ranking(model, 2023, "en", "DEU").layout.yaxis
    assert [t for t in axis.ticktext if t.startswith("<b>")] == ["<b>2. Germany</b>"]


def test_highlighted_bar_stays_opaque(model: FundingModel) -> None:
    bar = _ranking(model, 2023, "nl", "NLD").data[0]
    opacity = dict(zip(bar.customdata, bar.marker.opacity, strict=True))
    assert opacity["NLD"] == 1.0
    assert all(opacity[k] < 1.0 for k in ("USA", "DEU", "CAN", "OTHER"))


def test_no_highlight_when_donor_not_listed(model: FundingModel) -> None:
    # GBR is not listed in 2023: nothing is bold and nothing is dimmed
    fig = _ranking(model, 2023, "nl", "GBR")
    assert not any("<b>" in str(t) for t in (fig.layout.yaxis.ticktext or ()))
    assert set(fig.data[0].marker.opacity) == {1.0}


# colours -------------------------------------------------------------------------------------
def test_one_colour_per_donor_across_figures(model: FundingModel) -> None:
    ranking_colours = {
        year: dict(
            zip(
                _ranking(model, year, "nl").data[0].customdata,
                _ranking(model, year, "nl").data[0].marker.color,
                strict=True,
            )
        )
        for year in (2021, 2022, 2023)
    }
    over_time = {tr.customdata[0]: tr.line.color for tr in _over_time(model, "nl").data}
    for key in ("USA", "DEU", "CAN", "GBR", "NLD"):
        expected = donor_color(key)
        assert over_time[key] == expected
        for colours in ranking_colours.values():
            if key in colours:
                assert colours[key] == expected
    assert len({donor_color(k) for k in ("USA", "DEU", "CAN", "GBR", "NLD", "OTHER")}) == 6


def test_netherlands_is_orange_everywhere(model: FundingModel) -> None:
    assert donor_color("NLD") == "#E69F00"
    nl_core = nl_core_figure(
        model.earmarking(), "nl", earmarking_side.nl_core_captions(model, "nl")
    )
    assert nl_core.data[0].marker.color == "#E69F00"


def test_unknown_donor_colour_is_stable_and_not_a_fixed_one() -> None:
    assert donor_color("FRA") == donor_color("FRA")
    assert donor_color("FRA") not in {donor_color(k) for k in ("USA", "DEU", "CAN", "GBR", "NLD")}


# over time -----------------------------------------------------------------------------------
def test_over_time_one_trace_per_donor(model: FundingModel) -> None:
    fig = _over_time(model, "nl")
    assert [tr.customdata[0] for tr in fig.data] == ["USA", "DEU", "CAN", "GBR", "NLD"]
    assert [tr.name for tr in fig.data] == [
        "Verenigde Staten",
        "Duitsland",
        "Canada",
        "Verenigd Koninkrijk",
        "Nederland",
    ]


def test_over_time_ranks(model: FundingModel) -> None:
    traces = {tr.customdata[0]: tr for tr in _over_time(model, "nl").data}
    for trace in traces.values():
        assert list(trace.x) == [2021, 2022, 2023]
    assert list(traces["NLD"].y) == [6, 8, 6]
    assert list(traces["USA"].y) == [1, 1, 1]
    # gaps where the source does not list the donor
    assert list(traces["CAN"].y) == [None, 3, 3]
    assert list(traces["GBR"].y) == [3, None, None]


def test_over_time_amount_labels(model: FundingModel) -> None:
    nl = {tr.customdata[0]: tr for tr in _over_time(model, "nl").data}
    en = {tr.customdata[0]: tr for tr in _over_time(model, "en").data}
    assert list(nl["USA"].text) == ["668", "929", "1.365"]
    assert list(en["USA"].text) == ["668", "929", "1,365"]
    assert list(nl["NLD"].text) == ["67", "60", "62"]
    assert list(nl["CAN"].text) == ["", "132", "214"]


def test_over_time_hover_shows_change(model: FundingModel) -> None:
    nld = next(tr for tr in _over_time(model, "nl").data if tr.customdata[0] == "NLD")
    assert f"{MINUS}7 ({MINUS}10,4\u00a0%)" in nld.hovertext[1]
    assert "Rang 8" in nld.hovertext[1]


def test_over_time_rank_axis_is_reversed(model: FundingModel) -> None:
    axis = _over_time(model, "nl").layout.yaxis
    low, high = axis.range
    assert low > high  # rank 1 on top
    assert high < 1 < 8 < low


def test_over_time_highlight_is_thicker(model: FundingModel) -> None:
    widths = {tr.customdata[0]: tr.line.width for tr in _over_time(model, "nl", "NLD").data}
    assert widths["NLD"] > max(w for k, w in widths.items() if k != "NLD")


def test_over_time_note_and_source(model: FundingModel) -> None:
    footer = _footer(_over_time(model, "nl"))
    assert "59,8" in footer
    assert "p. 7" in footer


# budget --------------------------------------------------------------------------------------
def _points(fig: go.Figure) -> Any:
    """The budget's points (markers and labels); the lines between them are traces of their own."""
    return next(trace for trace in fig.data if trace.mode == "markers+text")


def test_budget_indexed(model: FundingModel) -> None:
    line = _points(_budget(model, "nl", True))
    assert list(line.x) == [2010, 2019, 2022]
    assert list(line.y) == pytest.approx([100, 210, 299])
    # every index value is divided by the approximate 2010 point, so each is approximate
    assert list(line.text) == ["≈ 100", "≈ 210", "≈ 299"]


def test_budget_absolute(model: FundingModel) -> None:
    line = _points(_budget(model, "nl", False))
    assert list(line.y) == [1.0, 2.1, 2.99]
    assert list(line.text) == ["≈ 1", "2,1", "2,99"]
    assert list(_points(_budget(model, "en", False)).text) == ["≈ 1", "2.1", "2.99"]


def test_budget_gaps_are_dotted_not_drawn_as_data(model: FundingModel) -> None:
    fig = _budget(model, "nl", False)
    lines = [trace for trace in fig.data if trace.mode == "lines"]
    dotted = [trace for trace in lines if trace.line.dash == "dot"]
    solid = [trace for trace in lines if trace.line.dash != "dot"]
    # 2010, 2019 and 2022: no two consecutive years, so the whole line is dotted
    assert list(dotted[0].x) == [2010, 2019, 2022]
    assert all(x is None for x in solid[0].x or [None])


def test_budget_approximate_point_is_hollow(model: FundingModel) -> None:
    colours = list(_points(_budget(model, "nl", False)).marker.color)
    assert colours[0] == "white"
    assert colours[1] == colours[2] != "white"


def test_budget_growth_labels(model: FundingModel) -> None:
    texts = [a.text for a in _budget(model, "nl", True).layout.annotations if a.name != "source"]
    assert texts == [  # growth from the approximate 2010 point is approximate too
        # no tenths on an approximate base ("ongeveer 1 miljard")
        "2010→2019: ≈ +110\u00a0%<br>(≈ 9\u00a0% per jaar)",
        "2019→2022: +42,4\u00a0%<br>(12,5\u00a0% per jaar)",
    ]
    en = [a.text for a in _budget(model, "en", False).layout.annotations if a.name != "source"]
    assert en[1] == "2019→2022: +42.4%<br>(12.5% a year)"


def test_budget_footer(model: FundingModel) -> None:
    footer = _footer(_budget(model, "nl", False))
    assert "+140\u00a0%" in footer
    assert "p. 5, p. 8" in footer


def test_budget_titles(model: FundingModel) -> None:
    assert "2010 = 100" in _budget(model, "nl", True).layout.title.subtitle.text
    assert "2010 = 100" not in _budget(model, "nl", False).layout.title.subtitle.text


# earmarking ----------------------------------------------------------------------------------
def test_earmarking_bar(model: FundingModel) -> None:
    fig = _earmarking(model, "nl")
    core, earmarked = fig.data
    assert core.name == "Ongeoormerkt (kern)"
    assert earmarked.name == "Geoormerkt"
    assert core.x[0] == pytest.approx(0.03)
    assert earmarked.x[0] == pytest.approx(0.97)
    assert core.marker.color == CORE_COLOR
    assert earmarked.marker.color == EARMARKED_COLOR
    assert earmarked.text[0] == "Geoormerkt: 97\u00a0%"
    assert fig.layout.barmode == "stack"


def test_earmarking_labels_english(model: FundingModel) -> None:
    fig = _earmarking(model, "en")
    texts = [a.text for a in fig.layout.annotations]
    assert fig.data[1].text[0] == "Earmarked: 97%"
    assert "<b>Unearmarked (core): 3%</b>" in texts


def test_earmarking_core_label(model: FundingModel) -> None:
    texts = [a.text for a in _earmarking(model, "nl").layout.annotations]
    assert "<b>Ongeoormerkt (kern): 3\u00a0%</b>" in texts


def test_earmarking_reference_lines(model: FundingModel) -> None:
    fig = _earmarking(model, "nl")
    xs = sorted(s.x0 for s in fig.layout.shapes)
    assert xs == pytest.approx([0.07, 0.30])
    for shape in fig.layout.shapes:
        assert shape.x0 == shape.x1  # vertical
    texts = [a.text for a in fig.layout.annotations]
    assert "Na hervorming 2022: 7\u00a0% kern (93\u00a0% geoormerkt), vijf jaar vanaf 2023" in texts
    assert "Funding Compact-richtlijn: minstens 30\u00a0% ongeoormerkt" in texts


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_earmarking_reference_labels_have_rows_of_their_own(
    model: FundingModel, lang: Lang
) -> None:
    """Issue 11: the two labels were rows in paper units (y 1.32 and 1.12), a few pixels apart
    on a plot one bar tall, and overlapped at 1366 px. Now rows in pixels above the plot."""
    labels = [
        a for a in _earmarking(model, lang).layout.annotations if a.xref == "x" and not a.showarrow
    ]
    assert len(labels) == 2
    assert {float(a.y) for a in labels} == {1.0}  # at the plot's top edge, whatever its height
    low, high = sorted(float(a.yshift or 0) for a in labels)
    assert high - low >= references.LABEL_HEIGHT
    assert low > 0  # the lowest clear of the plot, where the lines end


def test_reference_labels_beside_close_lines_are_lifted_apart() -> None:
    """Beside horizontal lines (the share per year): lines 7 and 30 percentage points up a
    plot 60 px tall are 14 px apart, less than a label; the upper label is lifted clear."""
    shifts = references.lifts([0.07, 0.30], plot_height=60)
    bottoms = [v * 60 + s for v, s in zip([0.07, 0.30], shifts, strict=True)]
    assert bottoms[1] - bottoms[0] >= references.LABEL_HEIGHT
    assert shifts[0] == 0  # the lowest stays on its line
    assert references.lifts([0.07, 0.30], plot_height=400) == [0, 0]  # far apart: untouched


def test_earmarking_years_labels_do_not_overlap_at_the_screen_height(
    loaded_earmarking: go.Figure,
) -> None:
    fig = loaded_earmarking
    margin = fig.layout.margin
    plot = float(fig.layout.height) - float(margin.t) - float(margin.b)
    labels = sorted((a for a in fig.layout.annotations if a.yref == "y"), key=lambda a: float(a.y))
    assert len(labels) == 2
    lower, upper = (float(a.y) * plot + float(a.yshift or 0) for a in labels)
    assert upper - lower >= references.LABEL_HEIGHT


def test_earmarking_footer(model: FundingModel) -> None:
    footer = _footer(_earmarking(model, "nl"))
    assert "91,0\u00a0%" in footer
    assert "p. 5" in footer
    assert "p. 15" not in footer


def test_nl_core_figure(model: FundingModel) -> None:
    fig = nl_core_figure(model.earmarking(), "nl", earmarking_side.nl_core_captions(model, "nl"))
    assert list(fig.data[0].x) == ["Vóór 2023", "Vanaf 2023"]
    assert list(fig.data[0].y) == [2, 3]
    assert list(fig.data[0].text) == ["EUR\u00a02\u00a0mln", "EUR\u00a03\u00a0mln"]
    assert "p. 15" in _footer(fig)
    # "since 2018" is the scorecard's fact (p. 6), not text typed into the subtitle
    assert "sinds 2018" in fig.layout.title.subtitle.text
    assert "p. 6" in _footer(fig)
    english = nl_core_figure(
        model.earmarking(), "en", earmarking_side.nl_core_captions(model, "en")
    )
    assert list(english.data[0].text) == ["EUR\u00a02\u00a0million", "EUR\u00a03\u00a0million"]
