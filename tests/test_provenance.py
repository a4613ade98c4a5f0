"""Every published figure can be found in its source document: the quote is in the text, the
line points at the quote, the page is a page of the document, and the ranking table's numbers
are the numbers printed in their quotes."""

from __future__ import annotations

import re
from functools import cache

import pandas as pd
import pytest

from data import columns as c
from data.loader import load_seed
from tests.real_files import SEEDS, needs_seeds  # honours IOM_SHARED_DIR

TABLES = load_seed()
FACTS = TABLES.facts
SOURCES = TABLES.sources.set_index(c.SOURCE_ID)


def _collapse(text: str) -> str:
    return " ".join(text.split())


@cache
def _text(source_id: str) -> str:
    return (SEEDS / str(SOURCES.at[source_id, c.SOURCE_FILE])).read_text(encoding="utf-8")


def _fact_ids() -> list[str]:
    return [str(f) for f in FACTS[c.FACT_ID]]


def _fact(fact_id: str) -> pd.Series:
    return FACTS[FACTS[c.FACT_ID] == fact_id].iloc[0]


def _dutch_number(text: str) -> float:
    """'1.365' -> 1365, '59,8' -> 59.8 (Dutch thousands dot, decimal comma)."""
    return float(text.replace(".", "").replace(",", "."))


# sources -------------------------------------------------------------------------------------
@needs_seeds
@pytest.mark.parametrize("source_id", list(SOURCES.index))
def test_source_file_exists(source_id: str) -> None:
    assert (SEEDS / str(SOURCES.at[source_id, c.SOURCE_FILE])).is_file()


def test_sources_are_the_two_documents() -> None:
    assert dict(SOURCES[c.SOURCE_FILE]) == {
        "scorecard_2024": "002_d285e31d419f5a5c.txt",
        "iom_factsheet": "000_8f53582860df45c7.txt",
    }


# quotes and lines ----------------------------------------------------------------------------
@needs_seeds
@pytest.mark.parametrize("fact_id", _fact_ids())
def test_quote_occurs_in_source(fact_id: str) -> None:
    fact = _fact(fact_id)
    assert _collapse(str(fact[c.QUOTE_NL])) in _collapse(_text(str(fact[c.SOURCE_ID])))


@needs_seeds
@pytest.mark.parametrize("fact_id", _fact_ids())
def test_line_points_at_the_start_of_the_quote(fact_id: str) -> None:
    fact = _fact(fact_id)
    lines = _text(str(fact[c.SOURCE_ID])).splitlines()
    line = int(fact[c.LINE_IN_SOURCE])
    assert 1 <= line <= len(lines)
    first = str(fact[c.QUOTE_NL]).strip().splitlines()[0].strip()
    assert first
    assert _collapse(first) in _collapse(lines[line - 1])


@needs_seeds
@pytest.mark.parametrize("priority", list(TABLES.relevance[c.PRIORITY_NL]))
def test_relevance_quote_is_on_its_line(priority: str) -> None:
    row = TABLES.relevance[TABLES.relevance[c.PRIORITY_NL] == priority].iloc[0]
    lines = _text(str(row[c.SOURCE_ID])).splitlines()
    assert _collapse(str(row[c.QUOTE_NL])) in _collapse(lines[int(row[c.LINE_IN_SOURCE]) - 1])
    assert str(row[c.RATING_NL]) in str(row[c.QUOTE_NL])


@needs_seeds
def test_ranking_table_lines_by_hand() -> None:
    # scorecard p. 7: the table's first row ("1. Verenigde Staten 1.365") is on line 249
    lines = _text("scorecard_2024").splitlines()
    assert lines[249 - 1].endswith("1. Verenigde Staten 1.365")
    assert lines[253 - 1] == "Totaal (lidstaten) 2.623"
    assert lines[258 - 1] == "8. Nederland 60"


# pages ---------------------------------------------------------------------------------------
def test_scorecard_pages_are_pages_of_the_document() -> None:
    scorecard = FACTS[FACTS[c.SOURCE_ID] == "scorecard_2024"]
    assert scorecard[c.PAGE].notna().all()
    assert scorecard[c.PAGE].between(1, 22).all()


def test_factsheet_has_no_page_numbers() -> None:
    factsheet = FACTS[FACTS[c.SOURCE_ID] == "iom_factsheet"]
    assert len(factsheet) > 0
    assert factsheet[c.PAGE].isna().all()


def test_ranking_table_is_on_page_7() -> None:
    table = FACTS[FACTS[c.METRIC].isin(["donor_contribution", "member_state_total"])]
    assert len(table) == 15
    assert set(table[c.PAGE]) == {7}


@needs_seeds
def test_page_markers_bound_the_ranking_table() -> None:
    # the text carries a few 'Pagina N van 22' markers; the table (lines 249-265) comes after
    # the marker of page 5 (line 173) and before that of page 17 (line 747)
    lines = _text("scorecard_2024").splitlines()
    assert lines[173 - 1].strip() == "Pagina 5 van 22"
    assert lines[747 - 1].strip() == "Pagina 17 van 22"


# The text keeps only the markers of pages 3, 5 and 17 ("Pagina N van 22"); every other page
# starts where its text starts: a line that begins with a space (the extract's page joins), or
# the first line after a marker. Page 14 is a figure without text ("De hierop volgende figuur",
# p. 13); the extract begins at page 3 (pages 1-2: cover and contents).
FIRST_PAGE = 3
PAGES_WITHOUT_TEXT = frozenset({14})
MARKER = re.compile(r"^Pagina (\d+) van 22$")


@cache
def _scorecard_pages() -> tuple[tuple[int, ...], tuple[tuple[int, int], ...]]:
    """The page of every line (index 0 is line 1), and each marker's (printed, counted) page."""
    page, pages, markers, after_marker = FIRST_PAGE, [], [], False
    for index, line in enumerate(_text("scorecard_2024").splitlines()):
        if index > 0 and line.strip() and (line.startswith(" ") or after_marker):
            page += 1
            while page in PAGES_WITHOUT_TEXT:
                page += 1
            after_marker = False
        pages.append(page)
        marker = MARKER.match(line.strip())
        if marker:
            markers.append((int(marker.group(1)), page))
            after_marker = True
    return tuple(pages), tuple(markers)


@needs_seeds
def test_counted_pages_agree_with_the_printed_markers() -> None:
    pages, markers = _scorecard_pages()
    assert markers == ((3, 3), (5, 5), (17, 17))
    assert pages[-1] == 22


@needs_seeds
@pytest.mark.parametrize(
    "fact_id", [f for f in _fact_ids() if _fact(f)[c.SOURCE_ID] == "scorecard_2024"]
)
def test_page_is_the_page_of_the_line(fact_id: str) -> None:
    fact = _fact(fact_id)
    pages, _ = _scorecard_pages()
    assert int(fact[c.PAGE]) == pages[int(fact[c.LINE_IN_SOURCE]) - 1]


@needs_seeds
def test_relevance_pages_are_the_pages_of_their_lines() -> None:
    pages, _ = _scorecard_pages()
    rows = TABLES.relevance
    assert [int(p) for p in rows[c.PAGE]] == [pages[int(n) - 1] for n in rows[c.LINE_IN_SOURCE]]


def test_the_dtm_countries_stand_on_page_12() -> None:
    # same paragraph as the CCCM cluster (line 520, p. 12), two lines further down
    assert _fact("dtm_countries")[c.PAGE] == 12 == _fact("cccm_countries")[c.PAGE]


# values against their quotes -----------------------------------------------------------------
RANKING_TABLE = {
    "rank_2023_usa": 1365,
    "rank_2023_deu": 279,
    "rank_2023_can": 214,
    "rank_2023_nld": 62,
    "member_state_total_2023": 2623,
    "rank_2022_usa": 929,
    "rank_2022_deu": 272,
    "rank_2022_can": 132,
    "rank_2022_nld": 60,
    "member_state_total_2022": 2025,
    "rank_2021_usa": 668,
    "rank_2021_deu": 235,
    "rank_2021_gbr": 80,
    "rank_2021_nld": 67,
    "member_state_total_2021": 1602,
}


@pytest.mark.parametrize(("fact_id", "value"), RANKING_TABLE.items())
def test_ranking_table_value_matches_its_quote(fact_id: str, value: int) -> None:
    fact = _fact(fact_id)
    printed = re.search(r"(\d{1,3}(?:\.\d{3})*)$", str(fact[c.QUOTE_NL]).strip())
    assert printed is not None
    assert _dutch_number(printed.group(1)) == value
    assert fact[c.VALUE] == value


@pytest.mark.parametrize("fact_id", [f for f in RANKING_TABLE if f.startswith("rank_")])
def test_ranking_table_rank_matches_its_quote(fact_id: str) -> None:
    fact = _fact(fact_id)
    printed = re.match(r"(\d+)\. ", str(fact[c.QUOTE_NL]))
    assert printed is not None
    assert int(printed.group(1)) == fact[c.RANK]


def test_every_ranking_fact_is_listed_here() -> None:
    table = FACTS[FACTS[c.METRIC].isin(["donor_contribution", "member_state_total"])]
    assert set(table[c.FACT_ID]) == set(RANKING_TABLE)


@pytest.mark.parametrize(
    ("fact_id", "printed"),
    [
        ("nl_contribution_2023_text", "59,8"),
        ("budget_2022", "2,99"),
        ("budget_2019_mopan", "2,1"),
        ("earmarked_voluntary_2022", "2,72"),
        ("projects_2022", "4.072"),
        ("staff_2023", "32.000"),
    ],
)
def test_dutch_decimals_in_quotes(fact_id: str, printed: str) -> None:
    fact = _fact(fact_id)
    assert printed in str(fact[c.QUOTE_NL])
    assert fact[c.VALUE] == _dutch_number(printed)


# figures added from a second reading: the value is the number the quote prints ---------------
@pytest.mark.parametrize(
    ("fact_id", "printed", "value"),
    [
        ("un_related_since", "In 2016", 2016),
        ("nl_core_since", "Sinds\n2018", 2018),
        ("council_resolution_2022", "2022 heeft de IOM Council een resolutie", 2022),
        ("assessed_increase_years", "over een periode van 5 jaar", 5),
        ("deputy_directors_general", "met twee nieuwe", 2),
        ("central_departments", "met tien centrale afdelingen", 10),
        ("strategic_plan", "Strategic Plan 2024-2028", 2024),
        ("erp_due", "eind 2024", 2024),
        ("pseah_unit_posts", "2 van de 3 posities", 3),
        ("pseah_core_posts", "2 van de 3 posities", 2),
        ("member_states_mopan", "175 lidstaten", 175),
        ("office_countries_mopan", "meer dan 100 landen", 100),
    ],
)
def test_added_figures_match_their_quotes(fact_id: str, printed: str, value: float) -> None:
    fact = _fact(fact_id)
    assert printed in str(fact[c.QUOTE_NL])
    assert fact[c.VALUE] == value


def test_dutch_contributions_carry_the_netherlands_as_donor() -> None:
    dutch = FACTS[FACTS[c.METRIC].isin(["nl_core_contribution", "nl_core_since"])]
    assert len(dutch) == 3
    assert set(dutch[c.DONOR]) == {"NLD"}


def test_core_amount_before_2023_is_not_dated_back_to_2018() -> None:
    # the text says a yearly core contribution exists since 2018 (p. 6) and that it went from
    # EUR 2 mln to EUR 3 mln in 2023 (p. 15); not that EUR 2 mln was given from 2018
    before = _fact("nl_core_before_2023")
    assert before[c.YEAR] == 2022 and pd.isna(before[c.PERIOD])
    assert "does not say since when" in str(before[c.NOTE_EN])
    assert _fact("nl_core_since")[c.VALUE] == 2018


def test_thresholds_follow_the_special_sub_committee() -> None:
    for fact_id in ("dag_threshold_voluntary", "dag_threshold_core"):
        assert "Special Sub-Committee" in str(_fact(fact_id)[c.NOTE_EN])
        assert "Special Sub-Committee" in str(_fact(fact_id)[c.NOTE_NL])


def test_scan_errors_are_named_as_such() -> None:
    notes = " ".join(str(n) for n in FACTS[c.NOTE_NL].dropna())
    assert "de scan van" not in notes
    assert "scanfout" in str(_fact("nl_contribution_2023_text")[c.NOTE_NL])


# contradictions ------------------------------------------------------------------------------
def _contradiction(contradiction_id: str) -> pd.Series:
    frame = TABLES.contradictions
    hit = frame[frame[c.CONTRADICTION_ID] == contradiction_id]
    assert len(hit) == 1, contradiction_id
    return hit.iloc[0]


def test_nl_2023_table_versus_text() -> None:
    row = _contradiction("nl_2023")
    assert row[c.KIND] == "contradiction"
    ids = str(row[c.FACT_IDS]).split(";")
    values = sorted(float(_fact(f)[c.VALUE]) for f in ids)
    assert values == [59.8, 62.0]
    assert {int(_fact(f)[c.YEAR]) for f in ids} == {2023}
    assert {str(_fact(f)[c.DONOR]) for f in ids} == {"NLD"}
    assert "62" in str(row[c.TEXT_EN])
    assert "59.8" in str(row[c.TEXT_EN])
    assert "59,8" in str(row[c.TEXT_NL])


def test_budget_growth_140_percent_versus_figures() -> None:
    row = _contradiction("growth_2019_2022")
    assert row[c.KIND] == "contradiction"
    ids = set(str(row[c.FACT_IDS]).split(";"))
    assert ids == {"resources_growth_2019_2022", "budget_2019_mopan", "budget_2022_mopan"}
    assert _fact("resources_growth_2019_2022")[c.VALUE] == 140
    # 2.1 -> 2.99 is +42.4 %, as the note says
    assert "+42.4%" in str(row[c.TEXT_EN])
    assert "+42,4\u00a0%" in str(row[c.TEXT_NL])


def test_earmarked_97_percent_versus_budget() -> None:
    row = _contradiction("earmarked_2022")
    assert row[c.KIND] == "contradiction"
    # 2.72 / 2.99 = 0.9097 -> 91.0 %
    assert "91.0%" in str(row[c.TEXT_EN])
    assert "91,0\u00a0%" in str(row[c.TEXT_NL])


def _pct(value: float, decimals: int, lang: str) -> str:
    text = f"{abs(value) * 100:.{decimals}f}"
    sign = "+" if value > 0 else "\u2212"
    # Dutch writes "3,3 %" with a no-break space, English "3.3%" (components/formatting.py, and
    # the notes as data/typography.py sets them)
    return sign + (text.replace(".", ",") + "\u00a0%" if lang == "nl" else text + "%")


def test_nl_2023_change_depends_on_the_figure_used() -> None:
    row = _contradiction("nl_2023")
    before = float(_fact("rank_2022_nld")[c.VALUE])
    table = float(_fact("rank_2023_nld")[c.VALUE]) / before - 1  # 62 / 60 - 1 = +3.3 %
    text = float(_fact("nl_contribution_2023_text")[c.VALUE]) / before - 1  # 59.8 / 60 - 1
    assert (_pct(table, 1, "en"), _pct(text, 1, "en")) == ("+3.3%", "\u22120.3%")
    for lang, column in (("en", c.TEXT_EN), ("nl", c.TEXT_NL)):
        assert _pct(table, 1, lang) in str(row[column])
        assert _pct(text, 1, lang) in str(row[column])


def test_140_percent_read_as_a_level() -> None:
    # 2.99 / 2.1 = 142 % of the 2019 level: close to '140 %', far from +140 %
    level = float(_fact("budget_2022_mopan")[c.VALUE]) / float(_fact("budget_2019_mopan")[c.VALUE])
    assert round(level * 100) == 142
    row = _contradiction("growth_2019_2022")
    assert "142%" in str(row[c.TEXT_EN]) and "142\u00a0%" in str(row[c.TEXT_NL])


def test_93_percent_after_the_reform_does_not_follow() -> None:
    row = _contradiction("reform_93")
    assert row[c.KIND] == "contradiction"
    budget = float(_fact("budget_2022_mopan")[c.VALUE]) * 1000  # USD million
    earmarked = float(_fact("earmarked_share_mopan")[c.VALUE]) / 100
    increase = float(_fact("assessed_increase_reform")[c.VALUE])
    core_after = (1 - earmarked) * budget + increase  # 89.7 + 60 = 149.7
    assert round(100 * (1 - core_after / budget)) == 95
    assert round(100 * (1 - core_after / (budget + increase))) == 95  # if the 60 adds to the total
    assert _fact("earmarked_share_after_reform")[c.VALUE] == 93
    assert "about 95%" in str(row[c.TEXT_EN]) and "circa 95\u00a0%" in str(row[c.TEXT_NL])


def test_staff_consultants_counted_two_ways() -> None:
    row = _contradiction("staff_consultants")
    staff, non_staff, consultants = (
        int(_fact(f)[c.VALUE])
        for f in ("staff_2023", "staff_non_staff_2023", "staff_consultants_2023")
    )
    assert (staff - non_staff - consultants, staff - non_staff) == (20000, 25000)
    assert "20,000 or 25,000" in str(row[c.TEXT_EN])
    assert "20.000 of 25.000" in str(row[c.TEXT_NL])


def test_earmarked_share_denominator_is_a_difference() -> None:
    row = _contradiction("earmarked_denominator")
    assert row[c.KIND] == "difference"
    assert "van de totale financiering" in str(_fact("earmarked_share_2022")[c.QUOTE_NL])


def test_at_least_two_contradictions() -> None:
    kinds = TABLES.contradictions[c.KIND]
    assert (kinds == "contradiction").sum() >= 2
