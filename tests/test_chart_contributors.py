"""The chart of an entity's voluntary revenue by contributor type.

A small table built by hand, its numbers worked out below: IOM in 2019 has governments 100
(core 10), a coarse Non-Government bucket 20 and an Other bucket with other revenue only (7);
in 2024 governments 300 (core 20), the EU 60, UN pooled funds 40, Other Contributors -10 and a
type the texts do not know, 10. Voluntary totals: 120 in 2019 (governments 83.3\u00a0%), 400 in
2024 (governments 75.0\u00a0%): 8.3 percentage points less.
"""

from __future__ import annotations

from dataclasses import replace

import pandas as pd
import pytest

from components import ids
from components.charts import contributors, registry
from components.charts.base import chart_state
from components.formatting import Lang
from components.i18n import t
from components.theme import OTHER_COLOR, PREFIX, VARIABLES
from components.view_state import ViewState
from data import columns as c
from data.ceb_source import CebModel
from data.combine import in_scope
from data.model import FundingModel
from data.scorecard_source import ScorecardModel
from tests.test_chart_entities import row

GOV = "Government"
ROWS = [
    row("NLD", "IOM", 2019, c.REV_CORE, 10, GOV),
    row("NLD", "IOM", 2019, c.REV_EARMARKED, 90, GOV),
    row("NGO1", "IOM", 2019, c.REV_EARMARKED, 20, "Non-Government"),
    row("OTHER", "IOM", 2019, c.REV_OTHER, 7, "Other"),
    row("NLD", "IOM", 2024, c.REV_CORE, 20, GOV),
    row("NLD", "IOM", 2024, c.REV_EARMARKED, 280, GOV),
    row("EU", "IOM", 2024, c.REV_EARMARKED, 60, "European Union"),
    row("CBPF", "IOM", 2024, c.REV_EARMARKED, 40, "Multilateral - UN Pooled Funds"),
    row("REST", "IOM", 2024, c.REV_EARMARKED, -10, "Other Contributors"),
    row("NEW", "IOM", 2024, c.REV_EARMARKED, 10, "Mystery Type"),
    row("NLD", "UNHCR", 2024, c.REV_CORE, 999, GOV),  # another entity: not drawn
]


@pytest.fixture(scope="module")
def seed() -> FundingModel:
    return ScorecardModel.from_seed()


def model_of(seed: FundingModel, frame: pd.DataFrame, scope: str = "governments") -> FundingModel:
    return CebModel.from_revenue(
        in_scope(frame, scope), "IOM", seed.tables, ("test",), scope=scope, all_rows=frame
    )


@pytest.fixture(scope="module")
def model(seed: FundingModel) -> FundingModel:
    return model_of(seed, pd.DataFrame(ROWS))


def state(lang: Lang = "nl", scope: str = "governments") -> ViewState:
    return replace(chart_state(lang, 2024, "NLD"), scope=scope)


def test_stacks_per_type_governments_at_the_bottom(model: FundingModel) -> None:
    figure = contributors.build(model, state()).figure
    assert [trace.name for trace in figure.data] == [
        "Overheden",
        "Europese Unie",
        "Gebundelde VN-fondsen",
        "Niet-overheden",
        "Mystery Type",  # unknown: shown as given, grey, above the coloured types
        "Overige bijdragers",
    ]
    values = {trace.name: list(trace.y) for trace in figure.data}
    assert values["Overheden"] == pytest.approx([100, 300])
    assert values["Europese Unie"] == pytest.approx([0, 60])
    assert values["Niet-overheden"] == pytest.approx([20, 0])
    assert values["Overige bijdragers"] == pytest.approx([0, -10])
    assert figure.layout.barmode == "relative"  # the negative sum below zero
    assert list(figure.data[0].x) == [2019, 2024]


def test_fixed_theme_colour_per_type_grey_for_the_rest(model: FundingModel) -> None:
    colours = {
        trace.customdata[0]: trace.marker.color
        for trace in contributors.build(model, state()).figure.data
    }
    # Their own colours (issue 11): governments were the USA's blue, the EU a donor's spare.
    assert colours[GOV] == VARIABLES[PREFIX + "dark-teal"]
    assert colours["European Union"] == VARIABLES[PREFIX + "cyan"]
    assert colours["Mystery Type"] == OTHER_COLOR
    assert colours["Other Contributors"] == OTHER_COLOR
    assert len({colours[k] for k in colours if k in contributors.CATEGORY_PALETTE}) == 4


def test_data_behind_the_chart(model: FundingModel) -> None:
    data = contributors.build(model, state()).data_frame
    latest = data[data[c.YEAR] == 2024].set_index(c.CATEGORY)
    assert latest.loc[GOV, c.VOLUNTARY] == pytest.approx(300)
    assert latest.loc[GOV, c.SHARE] == pytest.approx(0.75)
    assert latest.loc[GOV, c.CORE_SHARE] == pytest.approx(20 / 300)
    first = data[data[c.YEAR] == 2019].set_index(c.CATEGORY)
    assert first.loc["Other", c.OTHER] == pytest.approx(7)  # other revenue apart, but there
    assert first.loc["Other", c.VOLUNTARY] == 0
    assert "UNHCR" not in str(data.to_dict())
    assert data[c.VOLUNTARY].sum() == pytest.approx(120 + 400)


def test_notes_say_what_to_know_before_comparing(model: FundingModel) -> None:
    notes = contributors.build(model, state("en")).captions.notes
    assert notes[0].startswith("Before 2021 the CEB data group the non-government")
    assert "Negative amounts" in notes[1]
    assert notes[2].startswith("Always all contributors")
    everyone = contributors.build(model, state("en", "all")).captions.notes
    assert not any(n.startswith("Always all contributors") for n in everyone)


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "nl",
            "Overheden: 75,0\u00a0% van de vrijwillige inkomsten van IOM in 2024 (USD\u00a0300\u00a0mln van "
            "USD\u00a0400\u00a0mln), −8,3 procentpunt ten opzichte van 2019 (83,3\u00a0%); vóór 2021 deelt de "
            "CEB de bijdragers buiten de overheden grover in.",
        ),
        (
            "en",
            "Governments: 75.0% of IOM's voluntary revenue in 2024 (USD\u00a0300\u00a0million of USD\u00a0400\u00a0"
            "million), −8.3 percentage points compared with 2019 (83.3%); before 2021 the CEB "
            "data group the non-government contributors more coarsely.",
        ),
    ],
)
def test_takeaway_in_both_languages(model: FundingModel, lang: Lang, expected: str) -> None:
    assert contributors.takeaway(model, state(lang)) == expected


def test_takeaway_from_2021_on_without_the_caveat_and_with_no_change() -> None:
    types = pd.DataFrame(
        {
            c.YEAR: [2021, 2021, 2022, 2022],
            c.CATEGORY: [GOV, "Foundations", GOV, "Foundations"],
            c.VOLUNTARY: [80.0, 20.0, 160.0, 40.0],
        }
    )
    assert contributors.takeaway_text(types, "UNHCR", "en") == (
        "Governments: 80.0% of UNHCR's voluntary revenue in 2022 (USD\u00a0160\u00a0million of "
        "USD\u00a0200\u00a0million), the same as in 2021."
    )
    none = types.assign(**{c.VOLUNTARY: 0.0})
    assert contributors.takeaway_text(none, "UNHCR", "nl") == (
        "UNHCR had in deze gegevens geen vrijwillige inkomsten."
    )


def test_a_loaded_file_names_governments_only(seed: FundingModel) -> None:
    frame = pd.DataFrame(ROWS).drop(columns=[c.CATEGORY])
    frame = frame[frame[c.YEAR] == 2024]
    chart = contributors.build(model_of(seed, frame), state())
    assert [trace.name for trace in chart.figure.data] == ["Overheden"]
    assert chart.captions.notes[0] == t("contributors.governments_only", "nl")
    # every positive and negative row counts as a government's: 300 + 60 + 40 - 10 + 10
    assert contributors.takeaway(model_of(seed, frame), state()) == (
        "Overheden: 100,0\u00a0% van de vrijwillige inkomsten van IOM in 2024 "
        "(USD\u00a0400\u00a0mln van USD\u00a0400\u00a0mln)."
    )


def test_image_legend_flows_in_rows_in_stack_order(model: FundingModel) -> None:
    chart = contributors.build(model, state())
    assert chart.figure.layout.legend.orientation == "v"
    assert chart.figure.layout.legend.traceorder == "reversed"
    image = chart.image_figure()
    assert image.layout.legend.orientation == "h"
    # grouped (one group per entry) so entries flow by their own width; in stack order
    assert image.layout.legend.traceorder == "grouped"
    assert chart.figure.layout.legend.orientation == "v"  # the screen figure is untouched


def test_image_names_the_largest_types_and_stacks_the_rest_as_one(model: FundingModel) -> None:
    chart = contributors.build(model, state())
    screen = chart.figure
    image = chart.image_figure()
    named = [bar.name for bar in image.data if bar.showlegend is not False]
    rest = len(screen.data) - contributors.IMAGE_TYPES
    assert rest > 0  # the table has more types than an image names
    kept = [bar.name for bar in screen.data[: contributors.IMAGE_TYPES]]
    assert named == [*kept, t("contributors.image_other", "nl", n=rest)]
    assert len(screen.data) == len(chart.data_frame[c.CATEGORY].unique()) - 1  # screen: all
    for year_index in range(len(screen.data[0].x)):  # the stack sums to the same per year
        assert sum(bar.y[year_index] for bar in image.data) == pytest.approx(
            sum(bar.y[year_index] for bar in screen.data)
        )
    grey = [bar for bar in image.data if bar.legendgroup == "other"]
    assert [min(bar.y) >= 0 for bar in grey] == [True, False]  # positive above, negative below
    assert image.layout.yaxis.title.text is None and image.layout.xaxis.title.text is None
    assert screen.layout.yaxis.title.text == t("contributors.axis", "nl")


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_empty_on_the_scorecard(seed: FundingModel, lang: Lang) -> None:
    chart = registry.build_chart("contributors", seed, state(lang))
    assert chart.data_frame.empty
    assert chart.figure.layout.annotations[0].text == t("empty.needs_ceb", lang)
    assert registry.chart_takeaway("contributors", seed, state(lang)) == t("empty.needs_ceb", lang)


def test_registered_on_its_tab(model: FundingModel) -> None:
    assert [s.id for s in registry.charts_on(ids.TAB_CONTRIBUTORS)] == ["contributors"]
    assert contributors.SPEC.controls_for(model) == frozenset()


def test_no_type_shares_a_colour_with_a_donor_or_the_core_split() -> None:
    """A colour means one thing across the charts: no contributor type is drawn in a donor's
    colour (fixed or spare), nor in core's or earmarked's."""
    from components.theme import _SPARE, CORE_COLOR, DONOR_COLORS, EARMARKED_COLOR, TYPE_COLORS

    taken = {*DONOR_COLORS.values(), *_SPARE, CORE_COLOR, EARMARKED_COLOR}
    assert not taken & set(TYPE_COLORS.values())
    assert len(set(TYPE_COLORS.values())) == len(TYPE_COLORS)
