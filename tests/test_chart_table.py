"""The full table (components/charts/table.py, table_grid.py), on a small hand-built history.

IOM 2024: the United States (earmarked 900, core 10, assessed 20), the European Union
(earmarked 400), the Netherlands (core 30, earmarked 50, other 5), Acme, a company (earmarked
2), and Switzerland (assessed 3 only); USD million. Rows of another entity and year around it
must stay out. Voluntary in all: 910 + 400 + 80 + 2 + 0 = 1392, of which earmarked 1352.
"""

from __future__ import annotations

import math

import pandas as pd
import pytest

from components import ids
from components.charts import registry, table
from components.charts.table_grid import (
    LOCALE_KEYS,
    column_defs,
    contributors_grid,
    grid_rows,
    number_formatter,
    total_row,
)
from components.exports.tables import csv_bytes
from components.formatting import Lang
from components.i18n import t
from components.theme import (
    ASSESSED_COLOR,
    CORE_COLOR,
    DIMMED_OPACITY,
    EARMARKED_COLOR,
    OTHER_COLOR,
)
from components.view_state import ViewState
from data import columns as c
from data.ceb_source import CebModel
from data.scorecard_source import ScorecardModel

NAMES = {
    "USA": ("United States", "Verenigde Staten", "Government"),
    "EU": ("European Union", "Europese Unie", "European Union"),
    "NLD": ("Netherlands", "Nederland", "Government"),
    "XPS": ("Acme", "Acme", "Private Sector"),
    "CHE": ("Switzerland", "Zwitserland", "Government"),
    "DEU": ("Germany", "Duitsland", "Government"),
}
IOM_2024 = [
    ("USA", c.REV_EARMARKED, 900),
    ("USA", c.REV_CORE, 10),
    ("USA", c.REV_ASSESSED, 20),
    ("EU", c.REV_EARMARKED, 400),
    ("NLD", c.REV_CORE, 30),
    ("NLD", c.REV_EARMARKED, 50),
    ("NLD", c.REV_OTHER, 5),
    ("XPS", c.REV_EARMARKED, 2),
    ("CHE", c.REV_ASSESSED, 3),
]


def history(
    extra: list[tuple[str, str, str, int, float]] | None = None,
) -> pd.DataFrame:
    """The history's columns; amounts in USD million here, in USD in the frame."""
    rows: list[tuple[str, int, str, str, float]]
    rows = [("IOM", 2024, donor, kind, amount) for donor, kind, amount in IOM_2024]
    rows += [("IOM", 2023, "USA", c.REV_EARMARKED, 700), ("IOM", 2023, "DEU", c.REV_CORE, 5)]
    rows += [("UNHCR", 2024, "USA", c.REV_EARMARKED, 1000)]
    rows += [(e, y, d, k, a) for d, k, e, y, a in extra or []]
    return pd.DataFrame(
        [
            {
                c.DONOR_KEY: donor,
                c.NAME_EN: NAMES[donor][0],
                c.NAME_NL: NAMES[donor][1],
                c.OFFICIAL_NAME: NAMES[donor][0],
                c.ENTITY: entity,
                c.REV_TYPE: kind,
                c.YEAR: year,
                c.AMOUNT_USD: amount * 1e6,
                c.CATEGORY: NAMES[donor][2],
            }
            for entity, year, donor, kind, amount in rows
        ]
    )


def model_of(frame: pd.DataFrame, line_key: str = "source.ceb_history") -> CebModel:
    seed = ScorecardModel.from_seed()
    governments = frame[frame[c.CATEGORY] == "Government"]
    return CebModel.from_revenue(
        governments, "IOM", seed.tables, ("test",), line_key=line_key, all_rows=frame
    )


@pytest.fixture(scope="module")
def model() -> CebModel:
    return model_of(history())


def contributors(model: CebModel, year: int = 2024) -> pd.DataFrame:
    frame = model.contributors(year)
    assert frame is not None
    return frame


def state(lang: Lang = "nl", donor: str = "", top: int = 2, year: int = 2024) -> ViewState:
    return ViewState(lang, year, donor, ids.TAB_TABLE, "absolute", top)


# the numbers drawn -------------------------------------------------------------------------------
def test_the_table_is_every_contributor_of_the_entity_and_year(model: CebModel) -> None:
    out = table.build(model, state())
    frame = out.data_frame
    assert list(frame[c.DONOR_KEY]) == ["USA", "EU", "NLD", "XPS", "CHE"]
    assert list(frame[c.VOLUNTARY]) == pytest.approx([910, 400, 80, 2, 0])
    assert list(frame[c.ASSESSED]) == pytest.approx([20, 0, 0, 0, 3])
    assert list(frame[c.OTHER]) == pytest.approx([0, 0, 5, 0, 0])
    assert frame[c.CORE_SHARE].iloc[2] == pytest.approx(30 / 80)
    assert math.isnan(frame[c.CORE_SHARE].iloc[4])  # no voluntary money: no core share
    assert set(frame[c.YEAR]) == {2024}
    assert pd.api.types.is_float_dtype(frame[c.EARMARKED])
    assert out.unit == "USD mln"
    assert out.data_files == ("test",)


def test_the_download_speaks_the_page_language(model: CebModel) -> None:
    nl = table.build(model, state("nl")).data_frame
    en = table.build(model, state("en")).data_frame
    assert list(nl[c.NAME_NL])[:3] == ["Verenigde Staten", "Europese Unie", "Nederland"]
    assert list(nl[c.CATEGORY]) == [
        "Overheden",
        "Europese Unie",
        "Overheden",
        "Bedrijfsleven",
        "Overheden",
    ]
    assert list(en[c.CATEGORY])[3] == "Private sector"
    header_nl = csv_bytes(nl, "nl").decode("utf-8-sig").splitlines()[0].split(";")
    header_en = csv_bytes(en, "en").decode("utf-8-sig").splitlines()[0].split(",")
    assert header_nl[:4] == ["Jaar", "Donor", "Naam", "Soort bijdrager"]
    assert header_en[:4] == ["Year", "Donor", "Name", "Contributor type"]
    assert "Kernbijdragen (USD mln)" in header_nl


def test_the_bars_are_the_largest_and_the_others_summed(model: CebModel) -> None:
    bars = table.bar_rows(contributors(model), 2)
    assert list(bars[c.DONOR_KEY]) == ["USA", "EU", ""]
    assert list(bars[c.IS_OTHER]) == [False, False, True]
    others = bars.iloc[2]
    assert [others[k] for k in table.AMOUNTS] == pytest.approx([3, 30, 52, 5])
    assert others[table.COUNT] == 3
    assert list(bars[table.TOTAL]) == pytest.approx([930, 400, 90])


def test_no_others_bar_when_top_n_covers_everyone(model: CebModel) -> None:
    bars = table.bar_rows(contributors(model), 10)
    assert not bars[c.IS_OTHER].any()
    assert len(bars) == 5


def with_remainder(model: CebModel) -> pd.DataFrame:
    """The table as it reads where the data flag the rows that stand for the rest of a kind
    of contributor: "Other NGOs", earmarked 500, second by amount."""
    remainder: dict[str, object] = {c.DONOR_KEY: "OTHER-NGOS", c.NAME_EN: "Other NGOs"}
    remainder |= {c.NAME_NL: "Overige ngo's"}
    remainder |= {c.CATEGORY: "NGOs", c.ASSESSED: 0.0, c.CORE: 0.0, c.EARMARKED: 500.0}
    remainder |= {c.OTHER: 0.0, c.VOLUNTARY: 500.0, c.CORE_SHARE: 0.0, c.IS_OTHER: True}
    frame = pd.concat(
        [contributors(model).assign(**{c.IS_OTHER: False}), pd.DataFrame([remainder])],
        ignore_index=True,
    )
    return frame.sort_values(c.VOLUNTARY, ascending=False, kind="stable", ignore_index=True)


def test_a_remainder_row_is_neither_counted_nor_ranked(model: CebModel) -> None:
    frame = with_remainder(model)
    bars = table.bar_rows(frame, 2)
    assert list(bars[c.DONOR_KEY]) == ["USA", "EU", ""]
    others = bars.iloc[2]
    assert [others[k] for k in table.AMOUNTS] == pytest.approx([3, 30, 552, 5])
    assert others[table.COUNT] == 3  # the Netherlands, Acme, Switzerland
    # top 2: 1310 / 1892 = 69.2\u00a0%; earmarked 1852 / 1892 = 97.9\u00a0%; NLD 80 / 1892 = 4.2\u00a0%
    assert table.takeaway_text(model, frame, 2024, "NLD", 2, "en") == (
        "IOM had 5 contributors in 2024; the 2 largest gave 69.2% of voluntary revenue "
        "(USD\u00a01,892\u00a0million); earmarked: 97.9%; Netherlands: rank 3, USD\u00a080\u00a0million voluntary "
        "(4.2%)."
    )
    heading, hint, grid = contributors_grid(frame, 5, "IOM", 2024, "nl")
    assert heading.children == "Alle 5 bijdragers van IOM in 2024"
    assert t("full_table.grid.remainders", "nl") in hint.children
    assert len(grid.rowData) == 6
    assert grid.dashGridOptions["pinnedBottomRowData"][0][c.VOLUNTARY] == pytest.approx(1892)


# figure ------------------------------------------------------------------------------------------
def test_figure_stacks_the_kinds_in_theme_colours(model: CebModel) -> None:
    fig = table.build(model, state("nl")).figure
    bars = [trace for trace in fig.data if trace.type == "bar"]
    assert [b.name for b in bars] == [
        "Verplichte contributies",
        "Kern (ongeoormerkt)",
        "Geoormerkt",
        "Overige inkomsten",
    ]
    assert [b.marker.color for b in bars] == [
        ASSESSED_COLOR,
        CORE_COLOR,
        EARMARKED_COLOR,
        OTHER_COLOR,
    ]
    # largest on top: plotly draws the first category at the bottom
    assert list(fig.layout.yaxis.ticktext) == [
        "Overige bijdragers (3)",
        "Europese Unie",
        "Verenigde Staten",
    ]
    assert list(bars[0].x) == pytest.approx([3, 0, 20])
    assert list(bars[2].x) == pytest.approx([52, 400, 900])
    assert fig.layout.barmode == "relative"
    assert fig.layout.yaxis.type == "category"  # places "0", "1" ... are no numeric axis
    labels = next(trace for trace in fig.data if trace.type == "scatter")
    assert list(labels.text) == ["90,0", "400,0", "930,0"]
    assert list(labels.x) == pytest.approx([90, 400, 930])
    assert "vrijwillig = geoormerkt + kern" in fig.layout.title.subtitle.text


def test_figure_in_english(model: CebModel) -> None:
    fig = table.build(model, state("en", top=10)).figure
    assert fig.data[1].name == "Core (unearmarked)"
    assert list(fig.layout.yaxis.ticktext)[-1] == "United States"
    assert len(fig.layout.yaxis.ticktext) == 5  # everyone fits: no others bar
    assert "Total: USD\u00a0930.0\u00a0million" in fig.data[0].hovertext[-1]


def test_the_highlighted_donor_is_marked(model: CebModel) -> None:
    fig = table.build(model, state(donor="USA")).figure
    bar = fig.data[0]
    assert list(bar.marker.opacity) == [DIMMED_OPACITY, DIMMED_OPACITY, 1.0]
    assert list(bar.marker.line.width) == [0, 0, 2]
    assert fig.layout.yaxis.ticktext[-1] == "<b>Verenigde Staten</b>"


def test_a_donor_outside_the_bars_changes_no_bar(model: CebModel) -> None:
    fig = table.build(model, state(donor="NLD")).figure
    assert list(fig.data[0].marker.opacity) == [1.0, 1.0, 1.0]
    assert not any("<b>" in label for label in fig.layout.yaxis.ticktext)


# captions ----------------------------------------------------------------------------------------
def test_captions_say_what_is_counted_and_where_from(model: CebModel) -> None:
    caps = table.build(model, state("en")).captions
    assert caps.title == "IOM: every contributor in 2024"
    assert "voluntary = earmarked + core" in caps.subtitle
    assert "assessed contributions and other revenue apart" in caps.subtitle
    assert "nominal" in caps.subtitle
    assert "UN CEB" in caps.source and "open.unfck.org" in caps.source
    assert caps.notes == ()
    every = table.build(model, state("nl", top=10)).captions
    assert every.subtitle.startswith("Alle 5 bijdragers")


def test_a_negative_amount_is_noted() -> None:
    model = model_of(history([("XPS", c.REV_OTHER, "IOM", 2024, -1)]))
    caps = table.build(model, state()).captions
    assert caps.notes == (t("revenue.negative", "nl"),)


def test_filters_name_year_donor_entity_and_top(model: CebModel) -> None:
    out = table.build(model, state(donor="NLD"))
    assert out.filters == (
        ("Jaar", "2024"),
        ("Gemarkeerde donor", "Nederland"),
        ("VN-entiteit", "IOM"),
        ("Top N", "2"),
    )


# takeaway ----------------------------------------------------------------------------------------
def test_takeaway_in_dutch(model: CebModel) -> None:
    # top 2: (910 + 400) / 1392 = 94.1\u00a0%; earmarked 1352 / 1392 = 97.1\u00a0%; NLD 80 / 1392 = 5.7\u00a0%
    assert table.takeaway(model, state("nl", donor="NLD")) == (
        "IOM had in 2024 5 bijdragers; de 2 grootste gaven 94,1\u00a0% van de vrijwillige inkomsten "
        "(USD\u00a01.392\u00a0mln); geoormerkt: 97,1\u00a0%; Nederland: plaats 3, USD\u00a080\u00a0mln vrijwillig (5,7\u00a0%)."
    )


def test_takeaway_in_english_when_top_n_covers_everyone(model: CebModel) -> None:
    assert table.takeaway(model, state("en", donor="CHE", top=10)) == (
        "IOM had 5 contributors in 2024; voluntary revenue USD\u00a01,392\u00a0million; earmarked: 97.1%; "
        "Switzerland: no voluntary contribution, but USD\u00a03\u00a0million in assessed contributions "
        "and other revenue."
    )


def test_takeaway_follows_the_year_and_a_donor_not_in_it(model: CebModel) -> None:
    # 2023: the United States 700 earmarked, Germany 5 core; the Netherlands gave nothing
    assert table.takeaway(model, state("nl", donor="NLD", top=1, year=2023)) == (
        "IOM had in 2023 2 bijdragers; de 1 grootste gaven 99,3\u00a0% van de vrijwillige inkomsten "
        "(USD\u00a0705\u00a0mln); geoormerkt: 99,3\u00a0%; Nederland: geen vrijwillige bijdrage in 2023."
    )


def test_equal_amounts_share_a_place() -> None:
    model = model_of(history([("XPS", c.REV_EARMARKED, "IOM", 2024, 78)]))  # Acme: 80 too
    text = table.takeaway(model, state("en", donor="NLD"))
    assert "Netherlands: rank 3," in text
    assert table.takeaway(model, state("en", donor="XPS")).endswith(
        "Acme: rank 3, USD\u00a080\u00a0million voluntary (5.4%)."
    )


# the grid ----------------------------------------------------------------------------------------
def test_grid_lists_every_contributor_with_numbers_as_numbers(model: CebModel) -> None:
    rows = grid_rows(contributors(model), "nl")
    assert [r["name"] for r in rows] == [
        "Verenigde Staten",
        "Europese Unie",
        "Nederland",
        "Acme",
        "Zwitserland",
    ]
    assert rows[3][c.CATEGORY] == "Bedrijfsleven"
    assert rows[0][c.EARMARKED] == pytest.approx(900.0)
    assert isinstance(rows[0][c.VOLUNTARY], float)
    assert rows[4][c.CORE_SHARE] is None  # NaN is no JSON


def test_the_total_row_is_the_sum_of_the_rows(model: CebModel) -> None:
    rows = grid_rows(contributors(model), "en")
    total = total_row(rows, 5, "en")
    for field in (c.ASSESSED, c.CORE, c.EARMARKED, c.OTHER, c.VOLUNTARY):
        assert total[field] == pytest.approx(sum(r[field] for r in rows))
    assert total[c.VOLUNTARY] == pytest.approx(1392)
    assert total[c.CORE_SHARE] == pytest.approx(40 / 1392)
    assert total["name"] == "Total (5 contributors)"


def test_the_grid_panel(model: CebModel) -> None:
    heading, hint, grid = table.SPEC.panels[0].build(model, state("nl"))
    assert heading.children == "Alle 5 bijdragers van IOM in 2024"
    assert "vrijwillig = geoormerkt + kern" in hint.children
    assert len(grid.rowData) == 5
    options = grid.dashGridOptions
    assert options["pinnedBottomRowData"] == [total_row(grid.rowData, 5, "nl")]
    assert options["localeText"]["page"] == "Pagina"
    assert options["localeText"]["contains"] == "Bevat"
    assert set(options["localeText"]) == set(LOCALE_KEYS)
    assert grid.defaultColDef["floatingFilter"] is True
    headers = [col["headerName"] for col in grid.columnDefs]
    assert headers == [
        "Bijdrager",
        "Soort bijdrager",
        "Verplicht",
        "Kern",
        "Geoormerkt",
        "Overige inkomsten",
        "Vrijwillig",
        "Aandeel kern",
    ]


def test_grid_numbers_sort_as_numbers_and_show_in_the_page_locale() -> None:
    numbers = [col for col in column_defs("nl") if col.get("type") == "numericColumn"]
    assert len(numbers) == 6
    assert all(col["filter"] == "agNumberColumnFilter" for col in numbers)
    assert all(col["cellDataType"] == "number" for col in numbers)
    nl = number_formatter("nl", ",.1f")["function"]
    en = number_formatter("en", ".1%")["function"]
    assert "decimal: ','" in nl and "thousands: '.'" in nl and "format(',.1f')" in nl
    assert "decimal: '.'" in en and "thousands: ','" in en and "percent: '%'" in en
    assert number_formatter("nl", ".1%")["function"].count("percent: '\u00a0%'") == 1
    assert nl.startswith("params.value == null ? '–'")


def test_grid_words_in_english(model: CebModel) -> None:
    parts = contributors_grid(contributors(model), 5, "IOM", 2024, "en")
    assert parts[0].children == "All 5 contributors to IOM in 2024"
    assert parts[2].dashGridOptions["localeText"]["nextPage"] == "Next page"
    assert parts[2].columnDefs[0]["headerName"] == "Contributor"


# where the source has no table -----------------------------------------------------------------
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_scorecard_source_shows_which_data_it_needs(lang: Lang) -> None:
    seed = ScorecardModel.from_seed()
    out = table.build(seed, state(lang))
    assert out.data_frame.empty
    # no year and no top N in its words: no control changes what this source shows
    assert out.captions.title == t("full_table.title_any", lang, entity="IOM")
    assert "2023" not in out.captions.subtitle
    assert table.build(seed, state(lang, top=5, year=2021)).captions == out.captions
    texts = [a.text for a in out.figure.layout.annotations]
    assert t("empty.needs_ceb", lang) in texts
    assert table.takeaway(seed, state(lang)) == t("empty.needs_ceb", lang)
    assert table.SPEC.panels[0].build(seed, state(lang)) == []
    assert table.SPEC.controls_for(seed) == frozenset()


def test_registered_on_its_tab(model: CebModel) -> None:
    assert registry.spec(table.ID) is table.SPEC
    assert table.SPEC.tab == ids.TAB_TABLE
    assert table.SPEC.controls_for(model) == {ids.YEAR, ids.DONOR, ids.TOP_N}
    assert table.SPEC.panels[0].inputs == (ids.YEAR,)
    assert registry.chart_takeaway(table.ID, model, state()) == table.takeaway(model, state())
