"""components/charts: one module per chart, and the registry that says which chart is built how.

The views and the exports both use it, so these tests pin that it builds exactly what the views
built before (the builders called directly, as callbacks/views.py did), that the data behind a
chart is the data it draws, and that the image variants keep every label inside the image.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import pytest

from components import ids
from components.charts import (
    CHART_IDS,
    CHART_VIEWS,
    budget,
    build_chart,
    chart_state,
    chart_takeaway,
    earmarking,
    earmarking_side,
    over_time,
    ranking,
)
from components.charts.base import chart_top, chart_year, donor_rows, other_label
from components.charts.budget import budget_figure
from components.charts.earmarking import earmarking_figure, earmarking_years_figure
from components.charts.earmarking_side import donor_core_figure, nl_core_figure
from components.charts.over_time import over_time_figure
from components.charts.ranking import ranking_figure
from components.formatting import Lang
from components.view_state import DEFAULT_TOP
from data import ceb
from data import columns as c
from data.ceb_source import CebModel
from data.model import FundingModel
from data.scorecard_source import ScorecardModel
from tests.real_files import CEB_CUT, CEB_FILE, needs_ceb


@pytest.fixture(scope="module")
def seed() -> FundingModel:
    return ScorecardModel.from_seed()


@pytest.fixture(scope="module")
def loaded(seed: FundingModel) -> FundingModel:
    """IOM from the committed cut of the CEB 2024 export: its IOM rows are the real file's."""
    frame = ceb.read_revenue_files([(CEB_CUT.name, CEB_CUT.read_bytes())])
    return CebModel.from_revenue(frame, "IOM", seed.tables, (CEB_CUT.name,))


def same(a: go.Figure, b: go.Figure) -> bool:
    return bool(a.to_json() == b.to_json())


# the screen figures are what the views drew before ----------------------------------------------
@pytest.mark.parametrize("year", [2021, 2022, 2023])
@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("donor", ["NLD", "CAN"])
def test_seed_figures_as_the_views_built_them(
    seed: FundingModel, year: int, lang: Lang, donor: str
) -> None:
    state = chart_state(lang, year, donor)
    facts = seed.earmarking()
    expected = {
        "ranking": ranking_figure(
            seed.ranking(year),
            lang,
            donor,
            ranking.captions(seed, year, lang, None),
            other=other_label(seed, lang),
            room=ranking.steady_room(seed, None),
        ),
        "over_time": over_time_figure(
            seed.ranking_over_time(), lang, donor, over_time.captions(seed, lang, None)
        ),
        "earmarking": earmarking_figure(facts, lang, earmarking.captions(seed, lang)),
        "earmarking_side": nl_core_figure(
            facts, lang, earmarking_side.nl_core_captions(seed, lang)
        ),
        "budget": budget_figure(
            seed.budget(),
            seed.budget_growth(),
            lang,
            False,
            budget.captions(seed, lang, False),
        ),
    }
    for chart, figure in expected.items():
        assert same(build_chart(chart, seed, state).figure, figure), chart


def test_budget_index_mode(seed: FundingModel) -> None:
    built = build_chart("budget", seed, chart_state("en", 2023, "NLD", budget="index"))
    expected = budget_figure(
        seed.budget(), seed.budget_growth(), "en", True, budget.captions(seed, "en", True)
    )
    assert same(built.figure, expected)


@pytest.mark.parametrize("top", [3, 10])
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_loaded_figures_as_the_views_built_them(loaded: FundingModel, top: int, lang: Lang) -> None:
    state = chart_state(lang, 2024, "NLD", top, entity="IOM")
    facts = loaded.earmarking()
    by_year, split = loaded.revenue_by_year(), loaded.revenue_split(2024)
    assert by_year is not None
    assert split is not None
    expected = {
        "ranking": ranking_figure(
            loaded.ranking(2024, top, keep="NLD"),
            lang,
            "NLD",
            ranking.captions(loaded, 2024, lang, top),
            other=other_label(loaded, lang),
            room=ranking.steady_room(loaded, top),
        ),
        "over_time": over_time_figure(
            loaded.ranking_over_time(loaded.top_donors(top)),
            lang,
            "NLD",
            over_time.captions(loaded, lang, top),
        ),
        "earmarking": earmarking_years_figure(
            by_year, facts, lang, earmarking.captions(loaded, lang)
        ),
        "earmarking_side": donor_core_figure(
            split,
            facts,
            lang,
            "NLD",
            earmarking_side.donor_core_captions(loaded, 2024, lang, top),
            top,
        ),
    }
    for chart, figure in expected.items():
        assert same(build_chart(chart, loaded, state).figure, figure), chart


def test_a_highlighted_donor_below_the_top_n_is_drawn_with_its_rank(loaded: FundingModel) -> None:
    """NLD ranks 5th at IOM in 2024: with top 3 it is drawn as '5. Nederland' after the three,
    and 'other donors' is what the four drawn leave of the total."""
    chart = build_chart("ranking", loaded, chart_state("nl", 2024, "NLD", 3, entity="IOM"))
    labels = list(chart.figure.data[0].y)[::-1]
    assert labels[:4] == [
        "1. Verenigde Staten",
        "2. Canada",
        "3. Verenigd Koninkrijk",
        "5. Nederland",
    ]
    rows = chart.data_frame
    assert rows["donor"].tolist()[:4] == ["USA", "CAN", "GBR", "NLD"]
    drawn = rows["amount_usd_m"].sum()
    assert drawn == pytest.approx(loaded.total(2024))
    plain = build_chart("ranking", loaded, chart_state("nl", 2024, "USA", 3, entity="IOM"))
    assert "NLD" not in plain.data_frame["donor"].tolist()


@pytest.fixture(scope="module")
def real_loaded(seed: FundingModel) -> FundingModel:
    """IOM from the whole real export; only for the test that the cut stands for it."""
    frame = ceb.read_revenue_files([(CEB_FILE.name, CEB_FILE.read_bytes())])
    return CebModel.from_revenue(frame, "IOM", seed.tables, (CEB_FILE.name,))


@needs_ceb
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_ceb_takeaways_of_the_full_real_file_are_the_cuts(
    loaded: FundingModel, real_loaded: FundingModel, lang: Lang
) -> None:
    """The loaded-data tests here and in test_takeaways.py read the cut; IOM's charts from the
    whole export must show the same data and say the same."""
    state = chart_state(lang, 2024, "NLD", 10, entity="IOM")
    for chart in ("ranking", "over_time", "earmarking", "earmarking_side"):
        real, cut = build_chart(chart, real_loaded, state), build_chart(chart, loaded, state)
        pd.testing.assert_frame_equal(real.data_frame, cut.data_frame)
        assert chart_takeaway(chart, real_loaded, state) == chart_takeaway(chart, loaded, state)


# the state a chart is built for ----------------------------------------------------------------
def test_chart_state_accepts_what_dash_sends() -> None:
    state = chart_state("en", "2022", None, "abc", "nonsense", "IOM")
    assert (state.lang, state.year, state.donor, state.top, state.budget, state.entity) == (
        "en",
        2022,
        "",
        DEFAULT_TOP,
        "absolute",
        "IOM",
    )
    assert chart_state("xx", None, "NLD").lang == "nl"


def test_year_and_top_fall_back(seed: FundingModel) -> None:
    assert chart_year(seed, 2022) == 2022
    assert chart_year(seed, 1990) == seed.latest_year()
    assert chart_top(seed, 3) is None  # the scorecard lists its own donors


def test_every_chart_has_a_view() -> None:
    assert set(CHART_VIEWS) == set(CHART_IDS)
    assert set(CHART_VIEWS.values()) <= set(ids.TABS)


# the data behind a chart is the data it draws ---------------------------------------------------
@pytest.mark.parametrize("year", [2021, 2022, 2023])
def test_ranking_data_is_what_the_bars_show(seed: FundingModel, year: int) -> None:
    chart = build_chart("ranking", seed, chart_state("nl", year, "NLD"))
    bars = chart.figure.data[0]
    assert list(chart.data_frame[c.AMOUNT]) == list(bars.x)[::-1]
    # the scorecard's remainder is the member states it does not list
    assert chart.data_frame[c.NAME_NL].iloc[-1] == "Overige lidstaten"
    assert pd.api.types.is_float_dtype(chart.data_frame[c.AMOUNT])
    assert pd.api.types.is_float_dtype(chart.data_frame[c.SHARE])
    assert chart.unit == "USD mln"
    assert chart.fact_ids == tuple(
        f"rank_{year}_{d}" for d in seed.ranking(year)[c.DONOR_KEY][:-1].str.lower()
    )


def test_data_is_named_in_the_chart_language(seed: FundingModel) -> None:
    english = build_chart("over_time", seed, chart_state("en", 2023, "NLD")).data_frame
    assert c.NAME_EN in english.columns and c.NAME_NL not in english.columns
    earmarking = build_chart("earmarking", seed, chart_state("en", 2023, "NLD"))
    assert "Earmarked share" in set(earmarking.data_frame[c.METRIC])
    assert set(earmarking.data_frame[c.VALUE]) == {97.0, 93.0, 30.0}
    budget = build_chart("budget", seed, chart_state("nl", 2023, "NLD")).data_frame
    assert list(budget[c.VALUE]) == [1.0, 2.1, 2.99]
    assert list(budget["index"]) == pytest.approx([100.0, 210.0, 299.0])
    assert budget[c.QUALIFIER].iloc[0] == "ongeveer"


@pytest.mark.parametrize(
    ("chart", "year", "donor", "expected"),
    [
        ("ranking", 2023, "NLD", (("Jaar", "2023"), ("Gemarkeerde donor", "Nederland"))),
        # Canada is not in the 2021 list, so highlighting it changes nothing there
        ("ranking", 2021, "CAN", (("Jaar", "2021"),)),
        (
            "over_time",
            2021,
            "CAN",
            (("Jaren", "2021–2023"), ("Gemarkeerde donor", "Canada")),
        ),
        ("earmarking", 2021, "NLD", ()),
        ("budget", 2021, "NLD", (("Weergave", "Bedragen"),)),
    ],
)
def test_filters_in_force(
    seed: FundingModel, chart: str, year: int, donor: str, expected: tuple[tuple[str, str], ...]
) -> None:
    assert build_chart(chart, seed, chart_state("nl", year, donor)).filters == expected


def test_loaded_data_filters_and_revenue_flag(loaded: FundingModel) -> None:
    chart = build_chart("earmarking_side", loaded, chart_state("en", 2024, "NLD", 5))
    assert chart.data_files == loaded.files != ()
    assert chart.filters == (
        ("Year", "2024"),
        ("Highlighted donor", "Netherlands"),
        ("UN entity", "IOM"),
        ("Top N", "5"),
    )
    assert len(chart.data_frame) == 5
    assert chart.data_frame[c.VOLUNTARY].iloc[0] == pytest.approx(1524.265377)
    assert chart.fact_ids == ("funding_compact_core",)


def test_captions_and_data_without_drawing(
    seed: FundingModel, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Export defaults and takeaways need the captions only; the figure is drawn on first use."""
    calls: list[int] = []
    chart = build_chart("ranking", seed, chart_state("nl", 2023, "NLD"))
    original = chart.draw

    def counted() -> go.Figure:
        calls.append(1)
        return original()

    object.__setattr__(chart, "draw", counted)
    assert chart.captions.title == "Grootste donoren van IOM in 2023"
    assert calls == []
    assert chart.figure is chart.figure
    assert calls == [1]


# image variants keep labels inside the image ------------------------------------------------------
def _paper_ys(figure: go.Figure) -> list[float]:
    return [
        float(a.y) for a in figure.layout.annotations if a.yref == "paper" and a.name != "source"
    ]


@pytest.mark.parametrize(
    ("lang", "listed", "voluntary"),
    [("nl", "Overige lidstaten", "Overige donoren"), ("en", "Other member states", "Other donors")],
)
def test_remainder_is_named_by_what_the_source_ranks(
    seed: FundingModel, loaded: FundingModel, lang: Lang, listed: str, voluntary: str
) -> None:
    name = c.NAME_NL if lang == "nl" else c.NAME_EN
    for model, label, year in ((seed, listed, 2023), (loaded, voluntary, 2024)):
        chart = build_chart("ranking", model, chart_state(lang, year, "NLD", 10, entity="IOM"))
        assert chart.figure.data[0].y[0] == label  # plotly's first category: the bottom bar
        assert chart.data_frame[name].iloc[-1] == label


def test_donor_rows_wants_the_remainder_label(seed: FundingModel) -> None:
    rows = seed.ranking(2023)
    with pytest.raises(ValueError, match="remainder"):
        donor_rows(rows, "nl", (c.DONOR_KEY, c.NAME_NL))
    listed = rows[~rows[c.IS_OTHER]]
    assert len(donor_rows(listed, "nl", (c.DONOR_KEY,))) == 4  # no remainder, no label needed


def test_ceb_earmarking_notes_the_other_denominator(loaded: FundingModel) -> None:
    chart = build_chart("earmarking", loaded, chart_state("nl", 2024, "NLD", entity="IOM"))
    assert any("twee noemers" in note for note in chart.captions.notes)
    assert list(loaded.notes("earmarking")[c.CONTRADICTION_ID]) == ["earmarked_denominator"]
    assert loaded.notes("ranking", 2024).empty  # the documents' numbers are not drawn there


def test_ceb_notes_about_iom_step_aside_for_another_entity(seed: FundingModel) -> None:
    frame = ceb.read_revenue_files([(CEB_CUT.name, CEB_CUT.read_bytes())])
    wfp = CebModel.from_revenue(frame, "WFP", seed.tables, (CEB_CUT.name,))
    assert wfp.notes("earmarking").empty
    chart = build_chart("earmarking", wfp, chart_state("nl", 2024, "NLD", entity="WFP"))
    assert not any("twee noemers" in note for note in chart.captions.notes)


def _above_plot(figure: go.Figure) -> int:
    """How many labels sit above the plot: from its top edge up, rows of pixels (yshift)."""
    return sum(
        1
        for a in figure.layout.annotations
        if a.yref == "paper" and a.name != "source" and float(a.y) >= 1 and (a.yshift or 0) > 0
    )


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_earmarking_image_moves_labels_into_the_plot(seed: FundingModel, lang: Lang) -> None:
    chart = build_chart("earmarking", seed, chart_state(lang, 2023, "NLD"))
    assert _above_plot(chart.figure) == 2  # on screen: the two reference labels above the plot
    image = chart.image_figure()
    assert all(0 <= y < 1 for y in _paper_ys(image))
    assert _above_plot(image) == 0
    assert image.layout.xaxis.title.standoff < chart.figure.layout.xaxis.title.standoff
    assert _above_plot(chart.figure) == 2  # the screen figure is left as it was


def test_side_chart_label_turns_left_past_the_middle(loaded: FundingModel) -> None:
    chart = build_chart("earmarking_side", loaded, chart_state("en", 2024, "NLD"))
    label = next(a for a in chart.image_figure().layout.annotations if a.xref == "x")
    low, high = chart.figure.layout.xaxis.range
    assert (label.x - low) / (high - low) > 0.5
    assert label.xanchor == "right"
    assert next(a for a in chart.figure.layout.annotations if a.xref == "x").xanchor == "left"


def test_over_time_image_legend_flows_by_entry(seed: FundingModel) -> None:
    chart = build_chart("over_time", seed, chart_state("en", 2023, "NLD"))
    image = chart.image_figure()
    assert image.layout.legend.traceorder == "grouped"
    assert len({trace.legendgroup for trace in image.data}) == len(image.data)
    assert [t.name for t in image.data] == [t.name for t in chart.figure.data]
