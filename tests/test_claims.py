"""data/claims.py: the scorecard's claims checked against CEB, on a history built by hand
(tests/claims_history.py) and on the real one.

The hand-built history holds one case per verdict and reason; the expected figures below are
worked out by hand from its cells, not read back from the code.
"""

from __future__ import annotations

import dataclasses
import json
import math
from pathlib import Path

import pandas as pd
import pytest

from data import claims
from data import columns as c
from data.claims import check_claims
from data.claims_figures import CebFigures
from data.claims_rule import (
    AGREES,
    ASSESSED_INCLUDED,
    CALENDAR_YEAR,
    CEB,
    CEB_OTHER,
    CEB_OTHER_YEAR,
    CLAIM,
    COLUMNS,
    COMPARED,
    DENOMINATOR,
    DIFFERS,
    EXPLAINED,
    LEVEL_NOT_GROWTH,
    MEMBER_STATES,
    REASON,
    REASONS,
    VERDICT,
    VERDICTS,
    WITHIN_ROUNDING,
    Reading,
    check,
    printed_decimals,
    verdict_of,
)
from data.claims_statements import STATEMENTS_PATH, core_rank, read_statements
from data.loader import SeedTables, load_seed
from tests.claims_history import CELLS, history_frame
from tests.real_files import HISTORY_DIR, SEEDS, needs_history, needs_seeds


@pytest.fixture(scope="module")
def tables() -> SeedTables:
    return load_seed()


@pytest.fixture(scope="module")
def checked(tables: SeedTables) -> pd.DataFrame:
    return check_claims(tables, history_frame()).set_index(CLAIM)


# the rule ---------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("published", "ceb", "decimals", "verdict"),
    [
        (62, 62.18, 0, WITHIN_ROUNDING),  # 0.18 <= 0.5
        (62, 62.51, 0, DIFFERS),  # 0.51 > 0.5
        (59.8, 62.18, 1, DIFFERS),  # 2.38 > 0.05
        (59.8, 59.84, 1, WITHIN_ROUNDING),
        (2.1, 2.127, 1, WITHIN_ROUNDING),  # 0.027 <= 0.05
        (2.1, 2.151, 1, DIFFERS),
        (2.99, 2.9857, 2, WITHIN_ROUNDING),  # 0.0043 <= 0.005
        (2.72, 2.7355, 2, DIFFERS),  # 0.0155 > 0.005
        (1602, 1601.5, 0, WITHIN_ROUNDING),  # exactly half a unit counts, either direction
        (1602, 1602.5, 0, WITHIN_ROUNDING),
        (1602, 1601.48, 0, DIFFERS),
        (6, 6, 0, AGREES),
        (8, 6, 0, DIFFERS),
        (2.99, 2.99, 2, AGREES),
        (6, math.nan, 0, DIFFERS),  # no CEB figure: a rank the donor does not have
    ],
)
def test_the_rounding_rule(published: float, ceb: float, decimals: int, verdict: str) -> None:
    assert verdict_of(published, ceb, decimals) == verdict


@pytest.mark.parametrize(
    ("value", "decimals"), [(62, 0), (59.8, 1), (2.99, 2), (2.1, 1), (1365, 0)]
)
def test_the_precision_is_the_decimals_printed(value: float, decimals: int) -> None:
    assert printed_decimals(value) == decimals


def test_a_gap_takes_the_first_reading_that_reproduces_the_figure() -> None:
    readings = [
        Reading(ASSESSED_INCLUDED, 90.0, 2022, "a"),
        Reading(CALENDAR_YEAR, 80.2, 2021, "b"),
        Reading(DENOMINATOR, 79.9, 2022, "c"),
    ]
    out = check(80, 0, 70.0, readings, MEMBER_STATES)
    assert (out[VERDICT], out[REASON], out[EXPLAINED]) == (DIFFERS, CALENDAR_YEAR, True)
    assert (out[CEB_OTHER], out[CEB_OTHER_YEAR]) == (80.2, 2021)
    assert out["difference"] == -10.0 and out["difference_pct"] == pytest.approx(-0.125)


def test_an_unexplained_gap_names_the_difference_of_definition_or_nothing() -> None:
    far = [Reading(ASSESSED_INCLUDED, 90.0, 2022, "a")]
    named = check(80, 0, 70.0, far, MEMBER_STATES)
    assert (named[REASON], named[EXPLAINED], math.isnan(named[CEB_OTHER])) == (
        MEMBER_STATES,
        False,
        True,
    )
    assert check(80, 0, 70.0, far)[REASON] == ""


def test_a_figure_that_rounds_right_needs_no_reason() -> None:
    out = check(80, 0, 80.4, [Reading(CALENDAR_YEAR, 80.0, 2021, "a")], MEMBER_STATES)
    assert (out[VERDICT], out[REASON], out[EXPLAINED]) == (WITHIN_ROUNDING, "", False)


# the claims on the hand-built history -----------------------------------------------------------
EXPECTED = {
    # claim: (CEB figure, verdict, reason, explained)
    "donor_table.amount.2023.USA": (1365.0, AGREES, "", False),
    "donor_table.amount.2023.DEU": (278.9, WITHIN_ROUNDING, "", False),
    "donor_table.amount.2023.CAN": (214.6, DIFFERS, "", False),
    "donor_table.amount.2023.NLD": (62.18, WITHIN_ROUNDING, "", False),
    "donor_table.rank.2023.NLD": (6, AGREES, "", False),
    "donor_table.amount.2022.DEU": (250.0, DIFFERS, CALENDAR_YEAR, True),
    "donor_table.rank.2022.DEU": (2, AGREES, "", False),  # the EU's 500 is no government's
    "donor_table.amount.2022.CAN": (130.0, DIFFERS, ASSESSED_INCLUDED, True),
    "donor_table.amount.2022.NLD": (60.0, AGREES, "", False),
    "donor_table.rank.2022.NLD": (4, DIFFERS, "", False),
    "donor_table.amount.2021.GBR": (80.5, WITHIN_ROUNDING, "", False),
    "donor_table.total.2023": (2085.68, DIFFERS, MEMBER_STATES, False),
    "donor_table.total.2022": (1369.4, DIFFERS, MEMBER_STATES, False),  # without the EU
    "nl_contribution.amount.2023.NLD": (62.18, DIFFERS, "", False),
    "nl_contribution.rank.2023.NLD": (6, AGREES, "", False),
    "earmarking.share.2022": (100 * 1867.4 / 1869.4, DIFFERS, ASSESSED_INCLUDED, True),
    "earmarking.amount.2022": (1.8674, DIFFERS, "", False),
    "core_donor.rank.2023.NLD": (2, AGREES, "", False),
    "un_core_share.governments.2021": (100 * 60 / 1088, DIFFERS, "", False),
    "un_core_share.all.2022": (100 * 2 / 1869.4, AGREES, "", False),
    "budget.level.2019": (2.13, WITHIN_ROUNDING, "", False),
    "budget.level.2022": (2.99, AGREES, "", False),
    "budget.growth.2019-2022": (100 * (2990 / 2130 - 1), DIFFERS, LEVEL_NOT_GROWTH, True),
}


@pytest.mark.parametrize("claim", list(EXPECTED))
def test_each_claim_against_the_hand_built_history(checked: pd.DataFrame, claim: str) -> None:
    ceb, verdict, reason, explained = EXPECTED[claim]
    row = checked.loc[claim]
    assert row[CEB] == pytest.approx(ceb)
    assert (row[VERDICT], row[REASON], bool(row[EXPLAINED])) == (verdict, reason, explained)


def test_the_readings_that_explain_a_gap_say_their_figure_and_year(checked: pd.DataFrame) -> None:
    german = checked.loc["donor_table.amount.2022.DEU"]
    assert (german[CEB_OTHER], german[CEB_OTHER_YEAR]) == (pytest.approx(272.2), 2021)
    assert checked.loc["donor_table.amount.2022.CAN", CEB_OTHER] == pytest.approx(132.2)
    share = checked.loc["earmarking.share.2022", CEB_OTHER]
    assert share == pytest.approx(100 * 1867.4 / (1869.4 + 55.8))
    assert checked.loc["budget.growth.2019-2022", CEB_OTHER] == pytest.approx(100 * 2990 / 2130)


def test_a_figure_printed_in_several_places_is_one_claim(checked: pd.DataFrame) -> None:
    share = checked.loc["earmarking.share.2022"]
    assert share[c.FACT_IDS] == "earmarked_share_2022;earmarked_share_facts;earmarked_share_mopan"
    assert share["pages"] == "5, 9"
    assert checked.loc["budget.level.2022", "pages"] == "5, 8"


def test_claims_the_history_cannot_test_are_left_out(tables: SeedTables) -> None:
    assert "budget.level.2010" not in check_claims(tables, history_frame())[CLAIM].tolist()
    without_2019 = history_frame([cell for cell in CELLS if cell[0] != 2019])
    left = set(check_claims(tables, without_2019)[CLAIM])
    assert not {"budget.level.2019", "budget.growth.2019-2022"} & left
    assert "budget.level.2022" in left


def test_a_figure_in_euro_is_left_out(tables: SeedTables) -> None:
    """CEB counts in dollars; a published euro figure is no claim it can test unconverted."""
    facts = tables.facts.copy()
    facts.loc[facts[c.FACT_ID] == "rank_2023_usa", c.UNIT] = "EUR million"
    frame = check_claims(dataclasses.replace(tables, facts=facts), history_frame())
    assert "donor_table.amount.2023.USA" not in set(frame[CLAIM])
    assert "donor_table.amount.2023.DEU" in set(frame[CLAIM])


def test_a_share_of_another_total_is_the_denominator(tables: SeedTables) -> None:
    """Published as 62 % (earmarked / all revenue: 1 867.4 / 2 990 = 62.5 %) the share is
    explained by the denominator; published as 80 % nothing reproduces it, and the difference
    of denominator is named unexplained."""

    def share_published_as(value: float) -> pd.Series:
        facts = tables.facts.copy()
        facts.loc[facts[c.METRIC] == "earmarked_share", c.VALUE] = value
        frame = check_claims(dataclasses.replace(tables, facts=facts), history_frame())
        return frame[frame[CLAIM] == "earmarking.share.2022"].iloc[0]

    explained = share_published_as(62)
    assert (explained[REASON], explained[EXPLAINED]) == (DENOMINATOR, True)
    assert explained[CEB_OTHER] == pytest.approx(100 * 1867.4 / 2990)
    unexplained = share_published_as(80)
    assert (unexplained[VERDICT], unexplained[REASON], unexplained[EXPLAINED]) == (
        DIFFERS,
        DENOMINATOR,
        False,
    )


def test_statements_are_tested_against_their_benchmark(checked: pd.DataFrame) -> None:
    core = checked.loc["core_donor.rank.2023.NLD"]
    assert (core[CEB_OTHER], core[COMPARED], core["pages"]) == (claims.LARGEST_RANK, 2, "6")
    assert pd.isna(core["scorecard"])
    share = checked.loc["un_core_share.all.2023"]
    assert share[CEB_OTHER] == pytest.approx((100 * 18.2 / 2085.68 + 50) / 2)  # median of two
    assert share[COMPARED] == 2
    # 2021: IOM's 5.5 % is above the median of 1, 2 and 5.5 %
    assert checked.loc["un_core_share.governments.2021", CEB_OTHER] == pytest.approx(2.0)


def test_a_rank_outside_the_largest_or_no_core_at_all_differs() -> None:
    figures = CebFigures(history_frame())
    assert core_rank(figures, 2023, "NLD", largest=1)[0][VERDICT] == DIFFERS
    absent = core_rank(figures, 2023, "DEU")[0]
    assert (absent[VERDICT], math.isnan(absent[CEB])) == (DIFFERS, True)


def test_the_frame_has_its_columns_and_only_known_words(checked: pd.DataFrame) -> None:
    frame = checked.reset_index()
    assert tuple(frame.columns) == COLUMNS
    assert set(frame[VERDICT]) <= set(VERDICTS)
    assert set(frame[REASON]) <= {*REASONS, ""}
    assert frame[CLAIM].is_unique
    assert frame["topic"].tolist() == sorted(
        frame["topic"], key=lambda topic: claims.TOPICS.index(topic)
    )


def test_the_history_is_not_changed(tables: SeedTables) -> None:
    history = history_frame()
    before = history.copy()
    check_claims(tables, history)
    pd.testing.assert_frame_equal(history, before)


# the statements' table --------------------------------------------------------------------------
def test_a_broken_statements_table_is_refused(tmp_path: Path) -> None:
    text = STATEMENTS_PATH.read_text(encoding="utf-8")
    bad_header = tmp_path / "header.csv"
    bad_header.write_text(text.replace("quote_nl", "quote"), encoding="utf-8")
    with pytest.raises(ValueError, match="header"):
        read_statements(bad_header)
    bad_test = tmp_path / "test.csv"
    bad_test.write_text(text.replace("core_rank", "core_guess"), encoding="utf-8")
    with pytest.raises(ValueError, match="line 2"):
        read_statements(bad_test)


@needs_seeds
def test_each_statement_is_quoted_from_its_line_in_the_scorecard(tables: SeedTables) -> None:
    sources = tables.sources.set_index(c.SOURCE_ID)
    for stated in read_statements():
        lines = (SEEDS / str(sources.at[stated[c.SOURCE_ID], c.SOURCE_FILE])).read_text(
            encoding="utf-8"
        )
        text = " ".join(lines.splitlines()[int(stated["line"]) - 1 :][:3])
        assert " ".join(stated["quote_nl"].split()) in " ".join(text.split())


# the real history -------------------------------------------------------------------------------
@needs_history
def test_the_real_history(tables: SeedTables) -> None:
    from data.history import load_history

    frame = check_claims(tables, load_history()).set_index(CLAIM)
    raw = json.loads((HISTORY_DIR / "donors-2023.json").read_text(encoding="utf-8"))
    nld = raw["Netherlands"]["contributions"]["IOM"]
    voluntary = (nld["Voluntary un-earmarked"] + nld["Voluntary earmarked"]) / 1e6
    assert frame.loc["donor_table.amount.2023.NLD", CEB] == pytest.approx(voluntary)
    assert frame.loc["donor_table.amount.2023.NLD", VERDICT] == WITHIN_ROUNDING
    assert frame.loc["nl_contribution.amount.2023.NLD", VERDICT] == DIFFERS
    ranks = frame[frame["kind"] == "rank"]
    assert len(ranks) == 13 and set(ranks[VERDICT]) == {AGREES}
    assert frame.loc["earmarking.share.2022", REASON] == ASSESSED_INCLUDED
    assert frame.loc["budget.growth.2019-2022", REASON] == LEVEL_NOT_GROWTH
    assert frame.loc["donor_table.amount.2023.USA", VERDICT] == DIFFERS
