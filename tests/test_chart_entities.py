"""The charts across UN entities: core share per entity in a year, and over the years.

Small revenue tables built by hand, every number below worked out from them:

2024, governments: IOM core 10 / voluntary 100 (10\u00a0%), UNHCR 50 / 100 (50\u00a0%), WFP 20 / 200
(10\u00a0%, tied with IOM), UNICEF other revenue only (left out); the EU gives IOM 100 earmarked and a
foundation gives UNHCR 100 earmarked, so for all contributors IOM has 10 / 200 (5\u00a0%), UNHCR
50 / 200 (25\u00a0%). 2023, governments: IOM 5 / 100 (5\u00a0%), UNHCR 30 / 100 (30\u00a0%), no WFP.
"""

from __future__ import annotations

from dataclasses import replace

import pandas as pd
import pytest

from components import ids
from components.charts import entities, entities_over_time, registry
from components.charts.base import chart_state
from components.formatting import Lang
from components.i18n import t
from components.theme import CORE_COLOR, DIMMED_OPACITY, PAPER_COLOR
from components.view_state import ViewState
from data import columns as c
from data.ceb_source import CebModel
from data.combine import in_scope
from data.model import FundingModel
from data.scorecard_source import ScorecardModel

M = 1e6


def row(
    donor: str, entity: str, year: int, kind: str, musd: float, category: str
) -> dict[str, object]:
    return {
        c.DONOR_KEY: donor,
        c.NAME_EN: donor,
        c.NAME_NL: donor,
        c.OFFICIAL_NAME: donor,
        c.CATEGORY: category,
        c.ENTITY: entity,
        c.REV_TYPE: kind,
        c.YEAR: year,
        c.AMOUNT_USD: musd * M,
    }


GOV, EU, FOUNDATION = "Government", "European Union", "Foundations"
ROWS = [
    row("NLD", "IOM", 2024, c.REV_CORE, 10, GOV),
    row("NLD", "IOM", 2024, c.REV_EARMARKED, 90, GOV),
    row("NLD", "IOM", 2024, c.REV_ASSESSED, 5, GOV),
    row("EU", "IOM", 2024, c.REV_EARMARKED, 100, EU),
    row("NLD", "UNHCR", 2024, c.REV_CORE, 50, GOV),
    row("NLD", "UNHCR", 2024, c.REV_EARMARKED, 50, GOV),
    row("GATES", "UNHCR", 2024, c.REV_EARMARKED, 100, FOUNDATION),
    row("USA", "WFP", 2024, c.REV_CORE, 20, GOV),
    row("USA", "WFP", 2024, c.REV_EARMARKED, 180, GOV),
    row("USA", "UNICEF", 2024, c.REV_OTHER, 5, GOV),
    row("NLD", "IOM", 2023, c.REV_CORE, 5, GOV),
    row("NLD", "IOM", 2023, c.REV_EARMARKED, 95, GOV),
    row("NLD", "UNHCR", 2023, c.REV_CORE, 30, GOV),
    row("NLD", "UNHCR", 2023, c.REV_EARMARKED, 70, GOV),
]


@pytest.fixture(scope="module")
def seed() -> FundingModel:
    return ScorecardModel.from_seed()


@pytest.fixture(scope="module")
def frame() -> pd.DataFrame:
    return pd.DataFrame(ROWS)


def model_of(
    seed: FundingModel, frame: pd.DataFrame, entity: str = "IOM", scope: str = "governments"
) -> FundingModel:
    return CebModel.from_revenue(
        in_scope(frame, scope), entity, seed.tables, ("test",), scope=scope, all_rows=frame
    )


def state(lang: Lang = "nl", year: int = 2024, scope: str = "governments") -> ViewState:
    return replace(chart_state(lang, year, "NLD"), scope=scope)


# one year: bars per entity ---------------------------------------------------------------------
def test_bars_sorted_with_ties_ranked_and_the_entity_highlighted(
    seed: FundingModel, frame: pd.DataFrame
) -> None:
    chart = entities.build(model_of(seed, frame), state())
    data = chart.data_frame
    assert list(data[c.ENTITY]) == ["UNHCR", "IOM", "WFP"]
    assert list(data[c.RANK]) == [1, 2, 2]  # IOM and WFP share 10\u00a0%
    assert list(data[c.CORE_SHARE]) == pytest.approx([0.5, 0.1, 0.1])
    assert list(data[c.VOLUNTARY]) == pytest.approx([100, 100, 200])
    assert list(data[c.ASSESSED]) == pytest.approx([0, 5, 0])  # apart, but in the data
    bar = chart.figure.data[0]
    assert list(bar.y) == ["WFP", "IOM", "UNHCR"]  # plotly draws the first at the bottom
    assert list(bar.x) == pytest.approx([0.1, 0.1, 0.5])
    assert bar.marker.color == CORE_COLOR
    assert list(bar.marker.opacity) == [DIMMED_OPACITY, 1.0, DIMMED_OPACITY]
    assert list(bar.text) == ["10,0\u00a0%", "10,0\u00a0%", "50,0\u00a0%"]
    assert list(chart.figure.layout.yaxis.ticktext) == ["WFP", "<b>IOM</b>", "UNHCR"]


def test_reference_lines_at_the_guideline_and_the_median(
    seed: FundingModel, frame: pd.DataFrame
) -> None:
    figure = entities.build(model_of(seed, frame), state("en")).figure
    assert sorted(shape.x0 for shape in figure.layout.shapes) == pytest.approx([0.1, 0.3])
    names = [trace.name for trace in figure.data[1:]]
    assert names == [
        "Funding compact: at least 30% core",
        "Median: 10.0%",
    ]


PHONE_PLOT = 390 - 24  # a 390 px chart's width less the theme's side margins


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_at_390_px_the_legend_fits_and_lines_stop_at_value_labels(
    seed: FundingModel, frame: pd.DataFrame, lang: Lang
) -> None:
    """Issue 11: on a phone the guideline's legend entry ran past the chart's right edge, and
    the reference lines struck through the value labels of the bars ending near them."""
    figure = entities.build(model_of(seed, frame), state(lang)).figure
    for trace in figure.data[1:]:  # the two lines' legend entries: symbol, gap, 7 px a letter
        assert 40 + 7 * len(trace.name) <= PHONE_PLOT, trace.name
    bar = figure.data[0]
    halo = str(bar.textfont.shadow)
    assert halo.count(PAPER_COLOR) >= 8  # a solid halo in the paper's colour, all around
    assert all(shape.layer == "between" for shape in figure.layout.shapes)  # under the labels
    image = entities.entities_image(
        entities.ranked(model_of(seed, frame).entity_shares(), 2024),  # type: ignore[arg-type]
        0.3,
        "IOM",
        lang,
        entities.build(model_of(seed, frame), state(lang)).captions,
    )
    assert image.data[0].textfont.shadow == bar.textfont.shadow  # the image keeps it


def test_entities_without_voluntary_revenue_are_left_out_and_named(
    seed: FundingModel, frame: pd.DataFrame
) -> None:
    chart = entities.build(model_of(seed, frame), state())
    assert "UNICEF" not in set(chart.data_frame[c.ENTITY])
    assert chart.captions.notes == ("Niet getoond, zonder vrijwillige inkomsten in 2024: UNICEF.",)
    assert entities.build(model_of(seed, frame), state(year=2023)).captions.notes == ()


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "nl",
            "In 2024 kreeg IOM 10,0\u00a0% van zijn vrijwillige inkomsten ongeoormerkt "
            "(USD\u00a010\u00a0mln van USD\u00a0100\u00a0mln); plaats 2 van 3 VN-organisaties "
            "(hoogste aandeel eerst); mediaan 10,0\u00a0%.",
        ),
        (
            "en",
            "In 2024, IOM received 10.0% of its voluntary revenue as core funding "
            "(USD\u00a010\u00a0million of USD\u00a0100\u00a0million); rank 2 of 3 UN entities "
            "(highest share first); median 10.0%.",
        ),
    ],
)
def test_takeaway_in_both_languages(
    seed: FundingModel, frame: pd.DataFrame, lang: Lang, expected: str
) -> None:
    assert entities.takeaway(model_of(seed, frame), state(lang)) == expected


def test_all_contributors_count_the_eu_and_foundations(
    seed: FundingModel, frame: pd.DataFrame
) -> None:
    model = model_of(seed, frame, scope="all")
    chart = entities.build(model, state("en", scope="all"))
    data = chart.data_frame
    assert list(data[c.ENTITY]) == ["UNHCR", "WFP", "IOM"]
    assert list(data[c.CORE_SHARE]) == pytest.approx([0.25, 0.1, 0.05])
    assert "all contributors" in chart.captions.subtitle
    assert ("Contributors", "All contributors") in chart.filters
    assert "rank 3 of 3" in entities.takeaway(model, state("en", scope="all"))


def test_another_year_and_an_entity_missing_in_it(seed: FundingModel, frame: pd.DataFrame) -> None:
    assert entities.takeaway(model_of(seed, frame), state(year=2023)) == (
        "In 2023 kreeg IOM 5,0\u00a0% van zijn vrijwillige inkomsten ongeoormerkt "
        "(USD\u00a05\u00a0mln van USD\u00a0100\u00a0mln); plaats 2 van 2 VN-organisaties "
        "(hoogste aandeel eerst); mediaan 17,5\u00a0%."
    )
    wfp = model_of(seed, frame, "WFP")
    assert entities.takeaway(wfp, state("en", 2023)) == (
        "In 2023, WFP had no voluntary revenue in these data; median of 2 UN entities 17.5%."
    )
    assert entities.build(wfp, state("en", 2023)).figure.layout.yaxis.ticktext is None


def test_a_year_the_data_lacks_falls_back_to_the_latest(
    seed: FundingModel, frame: pd.DataFrame
) -> None:
    chart = entities.build(model_of(seed, frame), state(year=2019))
    assert chart.captions.title.endswith(", 2024")
    assert chart.filters[0] == ("Jaar", "2024")


def test_subtitle_says_what_is_counted_and_whose(seed: FundingModel, frame: pd.DataFrame) -> None:
    subtitle = entities.build(model_of(seed, frame), state()).captions.subtitle
    assert "Kern / (kern + geoormerkt)" in subtitle
    assert "verplichte bijdragen en overige inkomsten apart" in subtitle
    assert "alleen overheden" in subtitle


# over the years --------------------------------------------------------------------------------
def test_lines_of_the_entity_the_median_and_the_system(
    seed: FundingModel, frame: pd.DataFrame
) -> None:
    chart = entities_over_time.build(model_of(seed, frame), state())
    by_name = {trace.name: trace for trace in chart.figure.data}
    assert list(by_name["IOM"].y) == pytest.approx([0.05, 0.1])
    assert list(by_name["Mediaan VN-organisaties"].y) == pytest.approx([0.175, 0.1])
    # (5 + 30) / 200 and (10 + 50 + 20) / 400
    assert list(by_name["VN-systeem (totaal)"].y) == pytest.approx([0.175, 0.2])
    guideline = by_name["Funding Compact-richtlijn: minstens 30\u00a0% ongeoormerkt"]
    assert list(guideline.y) == pytest.approx([0.3, 0.3])
    data = chart.data_frame
    system = data[data[c.ENTITY] == "VN-systeem (totaal)"]
    assert list(system[c.VOLUNTARY]) == pytest.approx([200, 400])
    assert data[data[c.ENTITY] == "Mediaan VN-organisaties"][c.CORE].isna().all()


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "nl",
            "IOM: ongeoormerkt aandeel van 5,0\u00a0% in 2023 naar 10,0\u00a0% in 2024; mediaan van de "
            "VN-organisaties in die jaren van 17,5\u00a0% naar 10,0\u00a0%; "
            "in 1 van de 2 jaren onder de mediaan.",
        ),
        (
            "en",
            "IOM: core share from 5.0% in 2023 to 10.0% in 2024; median of UN entities in those "
            "years from 17.5% to 10.0%; below the median in 1 of 2 years.",
        ),
    ],
)
def test_over_time_takeaway_in_both_languages(
    seed: FundingModel, frame: pd.DataFrame, lang: Lang, expected: str
) -> None:
    assert entities_over_time.takeaway(model_of(seed, frame), state(lang)) == expected


def test_a_year_without_the_entity_leaves_a_gap_and_a_note(
    seed: FundingModel, frame: pd.DataFrame
) -> None:
    wfp = model_of(seed, frame, "WFP")
    chart = entities_over_time.build(wfp, state("en"))
    line = next(trace for trace in chart.figure.data if trace.name == "WFP")
    assert list(line.y) == [None, pytest.approx(0.1)]
    assert chart.captions.notes[-1] == "No voluntary revenue of WFP in these data in: 2023."
    assert entities_over_time.takeaway(wfp, state("en")) == (
        "WFP: core share 10.0% in 2024; median of UN entities 10.0%."
    )


# the scorecard has one entity: the charts say which data they need -----------------------------
@pytest.mark.parametrize("chart_id", ["entities", "entities_over_time"])
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_empty_on_the_scorecard(seed: FundingModel, chart_id: str, lang: Lang) -> None:
    chart = registry.build_chart(chart_id, seed, state(lang))
    assert chart.data_frame.empty
    assert chart.figure.layout.annotations[0].text == t("empty.needs_ceb", lang)
    assert registry.chart_takeaway(chart_id, seed, state(lang)) == t("empty.needs_ceb", lang)
    assert "{" not in chart.captions.title


def test_registered_on_the_entities_tab(seed: FundingModel, frame: pd.DataFrame) -> None:
    assert [s.id for s in registry.charts_on(ids.TAB_ENTITIES)] == [
        "entities",
        "entities_over_time",
    ]
    assert entities.SPEC.controls_for(seed) == frozenset()
    assert entities.SPEC.controls_for(model_of(seed, frame)) == {ids.YEAR}
    assert entities_over_time.SPEC.controls_for(model_of(seed, frame)) == frozenset()


# the built-in history, where it is there ------------------------------------------------------
@pytest.mark.real_data
def test_real_history_iom_share_and_rank(seed: FundingModel) -> None:
    history_module = pytest.importorskip("data.history")
    load = getattr(history_module, "load_history", None)
    if load is None:
        pytest.skip("the built-in history has no loader yet")
    history = load()
    model = model_of(seed, history)
    year = model.latest_year()
    rows = history[(history[c.CATEGORY] == GOV) & (history[c.YEAR] == year)]
    sums = rows.groupby([c.ENTITY, c.REV_TYPE])[c.AMOUNT_USD].sum().unstack(fill_value=0.0)
    voluntary = sums.get(c.REV_CORE, 0.0) + sums.get(c.REV_EARMARKED, 0.0)
    shares = (sums[c.REV_CORE] / voluntary)[voluntary > 0]
    data = entities.build(model, state("en", year)).data_frame
    iom = data[data[c.ENTITY] == "IOM"].iloc[0]
    assert iom[c.CORE_SHARE] == pytest.approx(shares["IOM"])
    assert iom[c.RANK] == int((shares > shares["IOM"]).sum()) + 1
    assert len(data) == len(shares)


# the image copy ------------------------------------------------------------------------------
def many_entities(count: int) -> pd.DataFrame:
    """``count`` entities E01.. with core shares falling 1\u00a0% a place from 60\u00a0%, and IOM last at
    1\u00a0%: more than an image labels legibly."""
    rows = []
    for index in range(count):
        core = 60 - index
        rows += [row("NLD", f"E{index:02d}", 2024, c.REV_CORE, core, GOV)]
        rows += [row("NLD", f"E{index:02d}", 2024, c.REV_EARMARKED, 100 - core, GOV)]
    rows += [row("NLD", "IOM", 2024, c.REV_CORE, 1, GOV)]
    rows += [row("NLD", "IOM", 2024, c.REV_EARMARKED, 99, GOV)]
    return pd.DataFrame(rows)


def test_image_draws_the_top_and_the_entity_and_says_so(seed: FundingModel) -> None:
    count = entities.IMAGE_TOP + 10
    chart = entities.build(model_of(seed, many_entities(count)), state())
    image, screen = chart.image_figure(), chart.figure
    total = count + 1
    assert len(screen.data[0].y) == total == len(chart.data_frame)  # screen and data: all
    bars = list(image.data[0].y)
    assert len(bars) == entities.IMAGE_TOP + 1
    assert bars[0] == "IOM" and bars[1:] == [f"E{i:02d}" for i in range(entities.IMAGE_TOP)][::-1]
    assert image.layout.yaxis.ticktext[0] == f"<b>{total}. IOM</b>"  # its rank shows the gap
    assert image.layout.yaxis.ticktext[-1] == "1. E00"
    note = t("entities.image_note_entity", "nl", shown=len(bars), n=total, entity="IOM")
    assert note in [trace.name for trace in image.data]
    median = float(chart.data_frame[c.CORE_SHARE].median())  # of all, not of the bars drawn
    assert sorted(s.x0 for s in image.layout.shapes) == sorted(s.x0 for s in screen.layout.shapes)
    assert median in [s.x0 for s in image.layout.shapes]
    assert image.data[0].constraintext == "none"
    assert image.layout.xaxis.title.text is None
    assert screen.layout.xaxis.title.text == t("entities.axis", "nl")


def test_image_of_a_top_entity_and_of_few_entities(seed: FundingModel, frame: pd.DataFrame) -> None:
    many = many_entities(entities.IMAGE_TOP + 5)
    chart = entities.build(model_of(seed, many, entity="E00"), state("en"))
    image = chart.image_figure()
    assert len(image.data[0].y) == entities.IMAGE_TOP  # E00 is among the top already
    note = t("entities.image_note", "en", shown=entities.IMAGE_TOP, n=len(chart.data_frame))
    assert note in [trace.name for trace in image.data]
    few = entities.build(model_of(seed, frame), state("en")).image_figure()
    assert list(few.data[0].y) == ["WFP", "IOM", "UNHCR"]  # all fit: no note
    assert not [tr.name for tr in few.data if tr.name and "shown" in tr.name]


def test_over_time_image_legend_flows_without_axis_titles(
    seed: FundingModel, frame: pd.DataFrame
) -> None:
    chart = entities_over_time.build(model_of(seed, frame), state())
    image = chart.image_figure()
    assert image.layout.legend.traceorder == "grouped"
    assert len({trace.legendgroup for trace in image.data}) == len(image.data)
    assert image.layout.yaxis.title.text is None
    assert chart.figure.layout.yaxis.title.text == t("entities_over_time.axis", "nl")
