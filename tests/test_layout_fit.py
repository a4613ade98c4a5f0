"""Layout that holds at any top N and in a fixed-size image (issue 11): the title stays clear of
a grown chart, exports cap what they can label and say so, amounts sit where no line runs,
reference lines never cross their labels, numbers keep their units on one line."""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

import plotly.graph_objects as go
import pytest

from components.charts import build_chart, chart_state, over_time, ranking
from components.charts.earmarking import IMAGE_ROWS
from components.charts.image_tidy import END_LABEL
from components.exports.assemble import default_subtitle
from components.exports.image import PRESETS
from components.exports.image_layout import legend_height
from components.theme import TITLE_TOP, wrap
from data import columns as c
from data.history import load_history
from data.provider import ModelProvider
from data.scorecard_source import ScorecardModel
from data.source import FundingSource
from tests.store_fakes import disk_store


@pytest.fixture(scope="module")
def seed() -> FundingSource:
    return ScorecardModel.from_seed()


@pytest.fixture(scope="module")
def history() -> FundingSource:
    """IOM over the built-in CEB history, 2013-2024: every government donor, every year."""
    store = disk_store(Path(tempfile.mkdtemp()))
    provider = ModelProvider(ScorecardModel.from_seed(), store, None, load_history())
    return provider.model(None, None, "IOM", "ceb")


def legend_texts(figure: go.Figure) -> list[str]:
    """The legend's entries as the image shows them (traces in the legend)."""
    return [str(t.name) for t in figure.data if t.showlegend]


# the title of a grown chart ----------------------------------------------------------------------
def test_title_is_a_fixed_distance_from_the_top_at_top_100(history: FundingSource) -> None:
    figure = build_chart("ranking", history, chart_state("nl", 2023, "NLD", 100, "IOM")).figure
    bars = len(history.ranking(2023, 100))
    assert bars > 50 and figure.layout.height > 30 * bars  # the chart grew with its bars
    title = figure.layout.title
    # Anchored at the top in pixels: a fraction of 3,000 px put it over the first bars.
    assert (title.y, title.yanchor, title.pad.t) == (1, "top", TITLE_TOP)
    assert title.yref in (None, "container")  # plotly's default: the whole figure
    assert figure.layout.margin.t > TITLE_TOP + 40  # the plot starts below title and subtitle


# the ranking's image -----------------------------------------------------------------------------
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_ranking_image_at_top_100_draws_the_top_ten_and_says_so(
    history: FundingSource, lang: str
) -> None:
    chart = build_chart("ranking", history, chart_state(lang, 2023, "USA", 100, "IOM"))
    bars = chart.image_figure().data[0]
    everyone = len(history.ranking(2023, 100))  # every donor of the year (fewer than 100)
    assert everyone > 2 * ranking.IMAGE_TOP
    assert len(chart.figure.data[0].y) == everyone  # the screen: the whole top 100
    assert len(bars.y) == len(history.ranking(2023, ranking.IMAGE_TOP))  # the top ten, the rest
    assert len(chart.data_frame) == everyone  # the data file keeps the whole top 100
    (note,) = legend_texts(chart.image_figure())
    assert str(ranking.IMAGE_TOP) in note and "100" in note
    # The rest bar of the image holds everyone below the top ten: the bars add up to the total.
    assert sum(bars.x) == pytest.approx(history.total(2023))


def test_ranking_image_keeps_a_highlighted_donor_below_the_cut(history: FundingSource) -> None:
    chart = build_chart("ranking", history, chart_state("en", 2023, "NLD", 100, "IOM"))
    everyone = history.ranking(2023)
    rank = int(everyone.loc[everyone[c.DONOR_KEY] == "NLD", c.RANK].iloc[0])
    image = chart.image_figure()
    labels = list(image.data[0].y)
    assert any("Netherlands" in str(label) for label in labels)
    if rank > ranking.IMAGE_TOP:  # the note names the donor drawn beyond the top ten
        assert "Netherlands" in legend_texts(image)[0]


def test_ranking_image_within_the_cap_is_the_screen_chart(history: FundingSource) -> None:
    chart = build_chart("ranking", history, chart_state("nl", 2023, "USA", 5, "IOM"))
    image = chart.image_figure()
    assert list(image.data[0].y) == list(chart.figure.data[0].y)
    assert legend_texts(image) == []  # nothing left out, nothing to say
    assert image.layout.xaxis.showticklabels is False  # every bar has its value


# the bump chart ----------------------------------------------------------------------------------
def test_bump_chart_amounts_sit_above_their_markers_and_the_chart_grows(
    seed: FundingSource,
) -> None:
    figure = build_chart("over_time", seed, chart_state("nl", 2023, "NLD")).figure
    assert {t.textposition for t in figure.data} == {"top center"}  # not on the line beside it
    ranks = max(max(v for v in t.y if v is not None) for t in figure.data)
    assert figure.layout.height >= over_time.ROW_HEIGHT * ranks


def test_bump_chart_of_the_top_10_draws_ranks_1_to_10(history: FundingSource) -> None:
    figure = build_chart("over_time", history, chart_state("nl", 2023, "", 10, "IOM")).figure
    drawn = [v for t in figure.data for v in t.y if v is not None]
    assert max(drawn) == 10  # a donor once in the top 10 leaves it, not the chart's scale
    assert figure.layout.yaxis.range[0] < 11


def test_bump_chart_keeps_every_rank_of_the_highlighted_donor(history: FundingSource) -> None:
    figure = build_chart("over_time", history, chart_state("en", 2023, "NLD", 10, "IOM")).figure
    frame = history.ranking_over_time()
    ranks = frame.loc[frame[c.DONOR_KEY] == "NLD", c.RANK].astype(int).tolist()
    assert max(ranks) > 10  # out of the top 10 in some year, drawn there all the same
    (trace,) = [t for t in figure.data if t.customdata[0] == "NLD"]
    assert sorted(v for v in trace.y if v is not None) == sorted(ranks)


def test_many_donors_are_named_at_their_ends_not_in_a_legend(history: FundingSource) -> None:
    figure = build_chart("over_time", history, chart_state("en", 2023, "", 20, "IOM")).figure
    assert len(figure.data) > over_time.LEGEND_MOST
    assert figure.layout.showlegend is False  # a legend of dozens would cover the title
    names = [a.text for a in figure.layout.annotations if a.name == END_LABEL]
    assert sorted(names) == sorted(t.name for t in figure.data)


def test_bump_chart_image_at_top_100_draws_the_top_ten_and_says_so(
    history: FundingSource,
) -> None:
    chart = build_chart("over_time", history, chart_state("nl", 2023, "", 100, "IOM"))
    image = chart.image_figure()
    drawn = [v for t in image.data for v in (t.y or ()) if v is not None]
    assert max(drawn) <= over_time.IMAGE_TOP
    assert set(image.data[0].mode.split("+")) == {"lines", "markers"}  # no amounts: no room
    cut, *_codes = legend_texts(image)
    assert "100" in cut


def test_bump_chart_image_names_lines_that_end_early_by_their_code(history: FundingSource) -> None:
    """In an image the years stand closer than a name is long: "Noorwegen", ending in 2023, ran
    into "Japan" beside the 2024 marker. A line that ends early is named by its code, and the
    codes are spelled out in a legend note; lines that reach the last year keep their names."""
    chart = build_chart("over_time", history, chart_state("nl", 2024, "NLD", 10, "IOM"))
    image = chart.image_figure()
    labels = [a for a in image.layout.annotations if a.name == END_LABEL]
    early = [a for a in labels if int(a.x) < 2024]
    assert early and all(re.fullmatch(r"[A-Z]{3}", a.text) for a in early)
    assert all(len(a.text) > 3 for a in labels if int(a.x) == 2024)  # names, in full
    (key,) = legend_texts(image)
    assert key.startswith("Lijnen die eerder eindigen")
    for label in early:
        name = history.donor_name(label.text, "nl")
        assert f"{label.text}\u00a0{name}" in key  # a code never parts from its name
    assert all(len(line) <= over_time.IMAGE_NOTE_WIDTH for line in key.split("<br>"))
    screen = [a for a in chart.figure.layout.annotations if a.name == END_LABEL]
    assert all(len(a.text) > 3 for a in screen)  # the screen has room for the names


def test_a_legend_note_on_several_lines_gets_the_room_of_its_lines() -> None:
    one = go.Figure(go.Scatter(x=[1], y=[1], name="a note", showlegend=True))
    three = go.Figure(go.Scatter(x=[1], y=[1], name="a<br>note<br>here", showlegend=True))
    preset = PRESETS["memo"]
    assert legend_height(three, preset, 1000) > 2.5 * legend_height(one, preset, 1000) - 10


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_bump_chart_export_names_no_money_the_image_does_not_draw(
    history: FundingSource, lang: str
) -> None:
    """Issue 11: the image draws ranks without amounts, but its subtitle and unit said
    "label: USD million"; the screen's subtitle keeps the label it draws."""
    chart = build_chart("over_time", history, chart_state(lang, 2023, "NLD", 10, "IOM"))
    assert all("text" not in str(t.mode) for t in chart.image_figure().data)
    exported = f"{default_subtitle(chart)} {chart.unit}"
    assert "USD" not in exported and "label" not in exported
    assert "10" in default_subtitle(chart)  # still says which donors: the top 10
    assert "USD" in chart.captions.subtitle  # the screen draws the amounts


# the earmarking bar's image ----------------------------------------------------------------------
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_earmarking_image_no_reference_line_crosses_a_label(seed: FundingSource, lang: str) -> None:
    image = build_chart("earmarking", seed, chart_state(lang, 2023, "")).image_figure()
    lines = [s for s in image.layout.shapes if s.type == "line"]
    labels = [a for a in image.layout.annotations if a.yref == "paper" and a.name != "source"]
    assert len(lines) == 2 and len(labels) == 3  # two references and the core label
    assert {float(a.y) for a in labels} <= set(IMAGE_ROWS)
    for line in lines:
        for label in labels:
            starts_left = float(label.x) < float(line.x0)  # written rightwards across the line
            if starts_left:
                assert float(line.y1) <= float(label.y), (line.x0, label.text)


# wrapping ----------------------------------------------------------------------------------------
def test_wrap_keeps_numbers_with_their_units() -> None:
    text = "een aandeel van precies 97\u00a0% en USD\u00a02,99\u00a0mld in het jaar daarna"
    for width in range(8, 40):
        for line in wrap(text, width).split("<br>"):
            assert not line.startswith("%") and not line.startswith("mld")
            assert not line.endswith("97") and not line.endswith("USD")


# colours at a long top N -------------------------------------------------------------------------
def test_spare_colours_go_to_the_largest_donors_of_a_long_ranking(history: FundingSource) -> None:
    """Plotly draws the bars bottom up; the spare colours went to the smallest donors at the
    bottom of a top 100 and left the top ten grey."""
    from components.theme import OTHER_COLOR

    figure = build_chart("ranking", history, chart_state("nl", 2024, "", 100, "IOM")).figure
    bars = figure.data[0]
    colours = dict(zip(bars.customdata, bars.marker.color, strict=True))
    ranked = [str(k) for k in history.ranking(2024, 100)[c.DONOR_KEY]]
    top_ten_grey = sum(colours[k] == OTHER_COLOR for k in ranked[:10])
    rest_coloured = sum(colours[k] != OTHER_COLOR for k in ranked[10:])
    assert top_ten_grey < 10 - 5 - 3 + 1  # five fixed colours, three spares: at most two grey
    assert rest_coloured <= 0 or top_ten_grey == 0  # a spare below the top ten only if none is
