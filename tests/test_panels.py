"""The non-chart pieces: key-figure cards, the over-time table, the budget table, fact values,
notes and the rows of the sources grid."""

from __future__ import annotations

import dataclasses
from typing import Any, cast

import pytest
from dash import dcc, html

from components import panels
from components.charts import budget, over_time
from components.formatting import Lang
from data import ceb
from data import columns as c
from data.ceb_source import CebModel
from data.model import FundingModel
from data.scorecard_source import ScorecardModel
from tests.real_files import CEB_CUT
from tests.table_cells import table_cells

MINUS = "\u2212"


@pytest.fixture(scope="module")
def model() -> FundingModel:
    return ScorecardModel.from_seed()


def _text(node: Any) -> str:
    """All text of a Dash component tree, cells separated by '|'."""
    if node is None:
        return ""
    if isinstance(node, (str, int, float)):
        return str(node)
    if isinstance(node, (list, tuple)):
        return "|".join(_text(n) for n in node)
    return _text(getattr(node, "children", None))


def _cards(model: FundingModel, year: int, lang: Lang) -> dict[str, list[str]]:
    cards = panels.kpi_cards(model, model.key_figures(year), lang)
    return {
        cast(Any, card).id: [_text(part) for part in cast(Any, card).children] for card in cards
    }


def _rows(table: Any) -> list[list[str]]:
    return table_cells(table)[1]


# key figures ---------------------------------------------------------------------------------
def test_kpi_cards_2023_dutch(model: FundingModel) -> None:
    cards = _cards(model, 2023, "nl")
    assert cards["kpi-total"] == ["Totaal lidstaten 2023", "USD\u00a02.623\u00a0mln", ""]
    assert cards["kpi-top"] == [
        "Grootste donor 2023",
        "Verenigde Staten",
        "USD\u00a01.365\u00a0mln · 52,0\u00a0%",
    ]
    assert cards["kpi-earmarked"] == [
        "Geoormerkt aandeel (2022)",
        "97\u00a0%",
        "laatst bekende waarde, uit 2022",
    ]
    assert cards["kpi-budget"] == [
        "Begroting (2022)",
        "USD\u00a02,99\u00a0mld",
        "laatst bekende waarde, uit 2022",
    ]


def test_kpi_cards_2023_english(model: FundingModel) -> None:
    cards = _cards(model, 2023, "en")
    assert cards["kpi-total"][1] == "USD\u00a02,623\u00a0million"
    assert cards["kpi-top"][1:] == ["United States", "USD\u00a01,365\u00a0million · 52.0%"]
    assert cards["kpi-earmarked"][1:] == ["97%", "latest known value, from 2022"]
    assert cards["kpi-budget"][1:] == [
        "USD\u00a02.99\u00a0billion",
        "latest known value, from 2022",
    ]


def test_kpi_cards_2022_same_year_has_no_note(model: FundingModel) -> None:
    cards = _cards(model, 2022, "nl")
    assert cards["kpi-top"][2] == "USD\u00a0929\u00a0mln · 45,9\u00a0%"
    assert cards["kpi-earmarked"][2] == ""
    assert cards["kpi-budget"] == ["Begroting (2022)", "USD\u00a02,99\u00a0mld", ""]


def test_kpi_cards_2021_take_latest_earlier_budget(model: FundingModel) -> None:
    cards = _cards(model, 2021, "nl")
    assert cards["kpi-total"][1] == "USD\u00a01.602\u00a0mln"
    assert cards["kpi-top"][2] == "USD\u00a0668\u00a0mln · 41,7\u00a0%"
    assert cards["kpi-budget"] == [
        "Begroting (2019)",
        "USD\u00a02,1\u00a0mld",
        "laatst bekende waarde, uit 2019",
    ]


def test_kpi_card_of_a_later_year_says_no_earlier_value_exists(model: FundingModel) -> None:
    # the earmarked share is published for 2022 only: for 2021 the card shows the next one
    cards = _cards(model, 2021, "nl")
    assert cards["kpi-earmarked"] == [
        "Geoormerkt aandeel (2022)",
        "97\u00a0%",
        "geen waarde voor 2021; eerstvolgende bekende: 2022",
    ]
    english = _cards(model, 2021, "en")
    assert english["kpi-earmarked"][2] == "no value for 2021; next known: 2022"


@pytest.mark.parametrize(
    ("shown", "chosen", "text"),
    [
        (2022, 2022, ""),
        (2019, 2021, "laatst bekende waarde, uit 2019"),
        (2022, 2021, "geen waarde voor 2021; eerstvolgende bekende: 2022"),
    ],
)
def test_year_note(shown: int, chosen: int, text: str) -> None:
    assert panels.year_note(shown, chosen, "nl") == text


def test_kpi_cards_of_loaded_data_write_amounts_currency_first(model: FundingModel) -> None:
    frame = ceb.read_revenue_files([(CEB_CUT.name, CEB_CUT.read_bytes())])
    loaded = CebModel.from_revenue(frame, "IOM", model.tables, (CEB_CUT.name,))
    cards = _cards(loaded, 2024, "nl")
    assert cards["kpi-total"][1] == "USD\u00a02.707\u00a0mln"
    assert cards["kpi-top"][2] == "USD\u00a01.524\u00a0mln · 56,3\u00a0%"
    assert cards["kpi-earmarked"][2] == ""  # the year's own share
    assert cards["kpi-budget"][1] == "USD\u00a02,80\u00a0mld"  # a computed total: two decimals


def test_kpi_budget_card_keeps_the_approximate_sign(model: FundingModel) -> None:
    # the 2010 budget is published as "ongeveer 1 miljard": the card says so as the chart does
    figures = dataclasses.replace(model.key_figures(2022), budget=1.0, budget_year=2010)
    card = cast(Any, panels.kpi_cards(model, figures, "nl")[3])
    assert [_text(part) for part in card.children][1] == "≈ USD\u00a01\u00a0mld"


# over-time table -----------------------------------------------------------------------------
def test_over_time_table_header(model: FundingModel) -> None:
    table = over_time.over_time_table(model, "nl")
    header = table_cells(table)[0]
    assert header == [
        "Jaar",
        "Rang",
        "Donor",
        "Bijdrage (USD mln)",
        "Aandeel",
        "Verschil (USD mln)",
        "Verschil (%)",
        "Rangverschil",
    ]


def test_over_time_table_netherlands_2022(model: FundingModel) -> None:
    rows = _rows(over_time.over_time_table(model, "nl"))
    assert [
        "2022",
        "8",
        "Nederland",
        "60",
        "3,0\u00a0%",
        f"{MINUS}7",
        f"{MINUS}10,4\u00a0%",
        f"{MINUS}2",
    ] in (rows)


def test_over_time_table_english(model: FundingModel) -> None:
    rows = _rows(over_time.over_time_table(model, "en"))
    assert ["2023", "1", "United States", "1,365", "52.0%", "+436", "+46.9%", "0"] in rows
    assert [
        "2022",
        "8",
        "Netherlands",
        "60",
        "3.0%",
        f"{MINUS}7",
        f"{MINUS}10.4%",
        f"{MINUS}2",
    ] in (rows)


def test_over_time_table_no_change_for_new_entries(model: FundingModel) -> None:
    rows = _rows(over_time.over_time_table(model, "nl"))
    assert ["2022", "3", "Canada", "132", "6,5\u00a0%", "–", "–", "–"] in rows
    assert ["2021", "3", "Verenigd Koninkrijk", "80", "5,0\u00a0%", "–", "–", "–"] in rows


def test_over_time_table_totals(model: FundingModel) -> None:
    rows = _rows(over_time.over_time_table(model, "nl"))
    totals = [r for r in rows if r[2] == "Totaal lidstaten"]
    assert totals == [
        ["2021", "", "Totaal lidstaten", "1.602", "100,0\u00a0%", "–", "–", ""],
        ["2022", "", "Totaal lidstaten", "2.025", "100,0\u00a0%", "+423", "+26,4\u00a0%", ""],
        ["2023", "", "Totaal lidstaten", "2.623", "100,0\u00a0%", "+598", "+29,5\u00a0%", ""],
    ]


def test_over_time_table_size_and_order(model: FundingModel) -> None:
    rows = _rows(over_time.over_time_table(model, "nl"))
    assert len(rows) == 15  # 4 donors + total, three years
    assert [r[0] for r in rows] == ["2021"] * 5 + ["2022"] * 5 + ["2023"] * 5
    assert [r[2] for r in rows[10:14]] == ["Verenigde Staten", "Duitsland", "Canada", "Nederland"]


# budget table --------------------------------------------------------------------------------
def test_budget_table(model: FundingModel) -> None:
    rows = _rows(budget.budget_table(model.budget_growth(), "nl"))
    assert rows == [
        # growth resting on the approximate 2010 point is approximate too
        [
            "2010: ≈ USD\u00a01\u00a0mld",
            "2019: USD\u00a02,1\u00a0mld",
            "≈ +110\u00a0%",
            "≈ 9\u00a0%",
        ],
        [
            "2019: USD\u00a02,1\u00a0mld",
            "2022: USD\u00a02,99\u00a0mld",
            "+42,4\u00a0%",
            "12,5\u00a0%",
        ],
        [
            "2010: ≈ USD\u00a01\u00a0mld",
            "2022: USD\u00a02,99\u00a0mld",
            "≈ +199\u00a0%",
            "≈ 10\u00a0%",
        ],
    ]


def test_budget_table_english(model: FundingModel) -> None:
    rows = _rows(budget.budget_table(model.budget_growth(), "en"))
    assert rows[1] == [
        "2019: USD\u00a02.1\u00a0billion",
        "2022: USD\u00a02.99\u00a0billion",
        "+42.4%",
        "12.5%",
    ]


# fact values ---------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("fact_id", "lang", "text"),
    [
        ("rank_2023_usa", "nl", "USD\u00a01.365\u00a0mln"),
        ("rank_2023_usa", "en", "USD\u00a01,365\u00a0million"),
        ("nl_contribution_2023_text", "nl", "USD\u00a059,8\u00a0mln"),
        ("budget_2010", "nl", "ongeveer USD\u00a01\u00a0mld"),
        ("budget_2010", "en", "about USD\u00a01\u00a0billion"),
        ("budget_2022", "nl", "USD\u00a02,99\u00a0mld"),
        ("budget_2022", "en", "USD\u00a02.99\u00a0billion"),
        ("earmarked_share_2022", "nl", "97\u00a0%"),
        ("earmarked_share_2022", "en", "97%"),
        ("office_countries_2023", "nl", "meer dan 100 landen"),
        ("funding_compact_core", "en", "at least 30%"),
        ("staff_2023", "nl", "32.000 personen"),
        ("staff_2023", "en", "32,000 people"),
        ("founded", "nl", "1951"),
        ("nl_core_2023", "nl", "EUR\u00a03\u00a0mln"),
        ("nl_core_2023", "en", "EUR\u00a03\u00a0million"),
        ("assessed_increase_reform", "nl", "USD\u00a060\u00a0mln"),
        ("deputy_directors_general", "nl", "2 personen"),
    ],
)
def test_format_fact_value(model: FundingModel, fact_id: str, lang: Lang, text: str) -> None:
    assert panels.format_fact_value(model.fact(fact_id), lang) == text


# notes ---------------------------------------------------------------------------------------
def test_notes_box(model: FundingModel) -> None:
    boxes = panels.notes_box(model.contradictions("ranking"), "nl")
    assert len(boxes) == 1
    text = _text(boxes[0])
    assert text.startswith("Tegenstrijdigheid: |Nederland in 2023")
    assert "59,8" in text
    assert cast(Any, boxes[0]).className == "note note-contradiction"


def test_notes_box_difference_english(model: FundingModel) -> None:
    boxes = panels.notes_box(model.contradictions("organisation"), "en")
    assert len(boxes) == 5
    texts = [_text(b) for b in boxes]
    # four differences between the documents, one contradiction inside the scorecard
    assert sum(text.startswith("Difference: |") for text in texts) == 4
    assert [text for text in texts if text.startswith("Contradiction: |Consultants")] == [texts[4]]


# organisation --------------------------------------------------------------------------------
def test_organisation_member_states_card(model: FundingModel) -> None:
    cards = {_text(card.children[0]): card for card in panels.organisation_cards(model, "nl")}
    card = cards["Lidstaten"]
    assert _text(card.children[1]) == (
        "173 staten| (2019)|IOM-factsheet (circa 2019)|"
        "175 staten| (2023)|Ministerie van Buitenlandse Zaken, Scorekaart IOM 2024, p. 5"
    )


def test_relevance_table(model: FundingModel) -> None:
    rows = _rows(panels.relevance_table(model, "en"))
    assert rows[0] == ["Migration and reception in the region", "Highly relevant"]
    assert rows[-1] == ["Water", "Not relevant"]
    assert len(rows) == 7


# sources grid --------------------------------------------------------------------------------
def test_source_rows_one_per_fact(model: FundingModel) -> None:
    rows = panels.source_rows(model, "nl")
    assert len(rows) == 81
    assert [r["id"] for r in rows] == list(model.tables.facts[c.FACT_ID])
    assert all(r["quote"] for r in rows)


def test_source_rows_pages(model: FundingModel) -> None:
    rows = panels.source_rows(model, "nl")
    scorecard = [r for r in rows if r["file"] == "002_d285e31d419f5a5c.txt"]
    factsheet = [r for r in rows if r["file"] == "000_8f53582860df45c7.txt"]
    assert len(scorecard) + len(factsheet) == 81
    assert all(isinstance(r["page"], int) and 1 <= r["page"] <= 22 for r in scorecard)
    assert all(r["page"] is None for r in factsheet)


def test_source_row_of_the_usa_2023(model: FundingModel) -> None:
    row = next(r for r in panels.source_rows(model, "nl") if r["id"] == "rank_2023_usa")
    assert row["metric"] == "Bijdrage donor (tabel)"
    assert row["value"] == 1365.0
    assert row["value_text"] == "USD\u00a01.365\u00a0mln"
    assert row["year"] == 2023
    assert row["donor"] == "Verenigde Staten"
    assert row["rank"] == 1
    assert row["page"] == 7
    assert row["line"] == 249
    assert row["quote"] == "1. Verenigde Staten 1.365"
    assert (
        row["table"] == "Overzicht bijdragen en ranking grootste donoren (bedragen in USD miljoen)"
    )
    assert row["source"].startswith("Scorekaart IOM 2024")


def test_source_row_quote_on_one_line_and_note(model: FundingModel) -> None:
    rows = {r["id"]: r for r in panels.source_rows(model, "en")}
    assert rows["budget_2022"]["quote"] == (
        "begroting gestegen van ongeveer 1 miljard USD in 2010 tot 2,99 miljard USD in 2022"
    )
    assert rows["nl_contribution_2023_text"]["note"].startswith(
        "The donor table on page 7 gives USD\u00a062\u00a0million"
    )
    assert rows["founded"]["donor"] == ""
    assert rows["founded"]["rank"] is None
    assert rows["localisation_share"]["year"] is None
    assert rows["opex_2017"]["source"].startswith("IOM factsheet")


def test_source_columns(model: FundingModel) -> None:
    columns = panels.source_columns("en")
    fields = [col["field"] for col in columns]
    assert {"quote", "page", "line", "value_text", "file"} <= set(fields)
    headers = {col["field"]: col["headerName"] for col in columns}
    assert headers["quote"] == "Quote (Dutch)"
    assert headers["page"] == "Page"
    assert panels.source_columns("nl")[fields.index("page")]["headerName"] == "Pagina"
    numeric = {col["field"] for col in columns if col["filter"] == "agNumberColumnFilter"}
    assert numeric == {"year", "rank", "page", "line"}


def test_budget_table_marks_the_approximate_2010_budget(model: FundingModel) -> None:
    rows = _rows(budget.budget_table(model.budget_growth(), "nl"))
    assert "≈" in rows[0][0]


# tables as one component ---------------------------------------------------------------------
def test_a_table_is_one_component_whose_text_stays_text() -> None:
    """Markup or a JSX expression in a name is shown as written, never run or drawn."""
    name = '<a href="https://evil.example">Chaina</a> {1+1}'
    out = panels.table(["Donor", "Amount"], [[name, "1.365"], [html.B("Total"), ["a", html.Br()]]])
    assert isinstance(out, dcc.Markdown) and cast(Any, out).dangerously_allow_html
    markup = str(out.children)
    assert "<a " not in markup and "{" not in markup and "}" not in markup
    assert table_cells(out) == (["Donor", "Amount"], [[name, "1.365"], ["Total", "a|"]])
    assert "<b>Total</b>" in markup


def test_a_table_cell_refuses_what_it_cannot_write() -> None:
    with pytest.raises(TypeError, match="Graph"):
        panels.table(["x"], [[dcc.Graph()]])


@pytest.mark.parametrize("spec_id", ["budget", "donor_amounts"])
def test_a_charts_mode_switch_draws_the_words_the_language_callback_writes(spec_id: str) -> None:
    """The switch above the chart is drawn with the same words its ``texts`` gives the language
    callback, in both languages, with the value shown checked and a label that names the group."""
    from components.charts import spec as chart_spec
    from components.charts.base import chart_state

    chart = chart_spec(spec_id)
    assert chart.settings is not None and chart.texts is not None
    for lang in ("nl", "en"):
        drawn = chart.settings(chart_state(lang, 2023, "NLD"))
        label, group = drawn.children
        radio = group.children
        words = chart.texts(lang)
        assert words[(label.id, "children")] == label.children
        assert words[(radio.id, "options")] == radio.options
        assert radio.value in [o["value"] for o in radio.options]
        assert getattr(group, "aria-labelledby") == label.id
    assert chart.texts("nl") != chart.texts("en")
