"""The model built from the real seed tables: every number checked against the scorecard's
donor table (p. 7) and budget figures (pp. 5, 8), worked out by hand."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from components.formatting import is_missing
from data import columns as c
from data.model import FundingModel, KeyFigures
from data.scorecard_source import ScorecardModel


@pytest.fixture(scope="module")
def model() -> FundingModel:
    return ScorecardModel.from_seed()


# lookups -------------------------------------------------------------------------------------
def test_years(model: FundingModel) -> None:
    assert model.years() == [2021, 2022, 2023]
    assert model.latest_year() == 2023


def test_donors_in_order_of_best_rank(model: FundingModel) -> None:
    # USA 1, DEU 2, CAN 3 (2022/23), GBR 3 (2021), NLD 6
    assert model.donors()[:2] == ["USA", "DEU"]
    assert set(model.donors()[2:4]) == {"CAN", "GBR"}
    assert model.donors()[4] == "NLD"


@pytest.mark.parametrize(
    ("key", "lang", "name"),
    [
        ("USA", "nl", "Verenigde Staten"),
        ("USA", "en", "United States"),
        ("GBR", "nl", "Verenigd Koninkrijk"),
        ("NLD", "nl", "Nederland"),
        ("NLD", "en", "Netherlands"),
        ("DEU", "nl", "Duitsland"),
        ("FRA", "nl", "FRA"),  # unknown keys are shown as given
    ],
)
def test_donor_name(model: FundingModel, key: str, lang: str, name: str) -> None:
    assert model.donor_name(key, lang) == name


@pytest.mark.parametrize(("year", "total"), [(2021, 1602), (2022, 2025), (2023, 2623)])
def test_total(model: FundingModel, year: int, total: float) -> None:
    assert model.total(year) == total


def test_total_of_unknown_year(model: FundingModel) -> None:
    with pytest.raises(KeyError):
        model.total(2020)


# ranking -------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("year", "donors", "ranks", "amounts"),
    [
        (2023, ["USA", "DEU", "CAN", "NLD"], [1, 2, 3, 6], [1365, 279, 214, 62]),
        (2022, ["USA", "DEU", "CAN", "NLD"], [1, 2, 3, 8], [929, 272, 132, 60]),
        (2021, ["USA", "DEU", "GBR", "NLD"], [1, 2, 3, 6], [668, 235, 80, 67]),
    ],
)
def test_ranking_listed_donors(
    model: FundingModel, year: int, donors: list[str], ranks: list[int], amounts: list[float]
) -> None:
    frame = model.ranking(year)
    listed = frame[~frame[c.IS_OTHER]]
    assert list(listed[c.DONOR_KEY]) == donors
    assert list(listed[c.RANK]) == ranks
    assert list(listed[c.AMOUNT]) == amounts


@pytest.mark.parametrize(("year", "other"), [(2023, 703), (2022, 632), (2021, 552)])
def test_other_donors(model: FundingModel, year: int, other: float) -> None:
    frame = model.ranking(year)
    rest = frame[frame[c.IS_OTHER]]
    assert len(rest) == 1
    assert rest[c.DONOR_KEY].iloc[0] == "OTHER"
    assert rest[c.AMOUNT].iloc[0] == pytest.approx(other)
    assert frame[c.AMOUNT].sum() == pytest.approx(model.total(year))


def test_shares_2023(model: FundingModel) -> None:
    frame = model.ranking(2023).set_index(c.DONOR_KEY)
    assert frame.at["USA", c.SHARE] == pytest.approx(0.520396, abs=1e-6)
    shares = frame[c.SHARE].astype(float)
    assert round(shares["USA"] * 100, 2) == 52.04
    assert round(shares["NLD"] * 100, 2) == 2.36
    assert frame.at["OTHER", c.SHARE] == pytest.approx(703 / 2623)


def test_ranking_names_and_fact_ids(model: FundingModel) -> None:
    frame = model.ranking(2021)
    listed = frame[~frame[c.IS_OTHER]]
    assert list(listed[c.NAME_NL]) == [
        "Verenigde Staten",
        "Duitsland",
        "Verenigd Koninkrijk",
        "Nederland",
    ]
    assert list(listed[c.FACT_ID]) == [
        "rank_2021_usa",
        "rank_2021_deu",
        "rank_2021_gbr",
        "rank_2021_nld",
    ]


def test_ranking_uses_the_table_not_the_text_for_nl_2023(model: FundingModel) -> None:
    frame = model.ranking(2023).set_index(c.DONOR_KEY)
    assert frame.at["NLD", c.AMOUNT] == 62  # not the 59.8 of the text on p. 6


# over time -----------------------------------------------------------------------------------
def _over_time_row(model: FundingModel, donor: str, year: int) -> pd.Series:
    frame = model.ranking_over_time()
    hit = frame[(frame[c.DONOR_KEY] == donor) & (frame[c.YEAR] == year)]
    assert len(hit) == 1
    return hit.iloc[0]


@pytest.mark.parametrize(
    ("donor", "year", "absolute", "pct"),
    [
        ("USA", 2022, 261, 39.07),
        ("USA", 2023, 436, 46.93),
        ("DEU", 2022, 37, 15.74),
        ("DEU", 2023, 7, 2.57),
        ("NLD", 2022, -7, -10.45),
        ("NLD", 2023, 2, 3.33),
        ("CAN", 2023, 82, 62.12),
    ],
)
def test_year_on_year_change(
    model: FundingModel, donor: str, year: int, absolute: float, pct: float
) -> None:
    row = _over_time_row(model, donor, year)
    assert row[c.CHANGE_ABS] == absolute
    assert round(row[c.CHANGE_PCT] * 100, 2) == pct


@pytest.mark.parametrize(("donor", "year"), [("CAN", 2022), ("GBR", 2021)])
def test_no_change_when_not_listed_the_year_before(
    model: FundingModel, donor: str, year: int
) -> None:
    row = _over_time_row(model, donor, year)
    assert math.isnan(row[c.CHANGE_ABS])
    assert math.isnan(row[c.CHANGE_PCT])
    assert pd.isna(row[c.RANK_CHANGE])


@pytest.mark.parametrize(("year", "rank_change"), [(2022, -2), (2023, 2)])
def test_rank_change_netherlands(model: FundingModel, year: int, rank_change: int) -> None:
    assert _over_time_row(model, "NLD", year)[c.RANK_CHANGE] == rank_change


def test_over_time_shares(model: FundingModel) -> None:
    assert _over_time_row(model, "NLD", 2022)[c.SHARE] == pytest.approx(60 / 2025)
    assert _over_time_row(model, "USA", 2021)[c.SHARE] == pytest.approx(0.416979, abs=1e-6)


def test_over_time_has_one_row_per_listed_donor_year(model: FundingModel) -> None:
    frame = model.ranking_over_time()
    assert len(frame) == 12
    assert "OTHER" not in set(frame[c.DONOR_KEY])


def test_totals_over_time(model: FundingModel) -> None:
    frame = model.totals_over_time()
    assert list(frame[c.YEAR]) == [2021, 2022, 2023]
    assert list(frame[c.TOTAL]) == [1602, 2025, 2623]
    assert math.isnan(frame[c.CHANGE_ABS].iloc[0])
    assert list(frame[c.CHANGE_ABS].iloc[1:]) == [423, 598]
    assert [round(v * 100, 2) for v in frame[c.CHANGE_PCT].iloc[1:]] == [26.40, 29.53]


@pytest.mark.parametrize(
    ("donor", "year", "expected"),
    [("NLD", 2022, (-7, -0.104478)), ("USA", 2023, (436, 0.469322))],
)
def test_donor_change(
    model: FundingModel, donor: str, year: int, expected: tuple[float, float]
) -> None:
    got = model.donor_change(donor, year)
    assert got is not None
    assert got[0] == expected[0]
    assert got[1] == pytest.approx(expected[1], abs=1e-6)


@pytest.mark.parametrize(("donor", "year"), [("CAN", 2022), ("GBR", 2022), ("USA", 2021)])
def test_donor_change_missing(model: FundingModel, donor: str, year: int) -> None:
    assert model.donor_change(donor, year) is None


# budget --------------------------------------------------------------------------------------
def test_budget_series(model: FundingModel) -> None:
    series = model.budget()
    assert list(series[c.YEAR]) == [2010, 2019, 2022]
    assert list(series[c.VALUE]) == [1.0, 2.1, 2.99]
    assert list(series["index"]) == pytest.approx([100, 210, 299])
    assert list(series[c.QUALIFIER].fillna("")) == ["approx", "", ""]


def test_budget_growth(model: FundingModel) -> None:
    growth = model.budget_growth()
    assert list(zip(growth["from_year"], growth["to_year"], strict=True)) == [
        (2010, 2019),
        (2019, 2022),
        (2010, 2022),
    ]
    assert [round(v * 100, 2) for v in growth["total"]] == [110.0, 42.38, 199.0]
    assert [round(v * 100, 2) for v in growth["annual"]] == [8.59, 12.50, 9.56]


# other views ---------------------------------------------------------------------------------
def test_earmarking_facts(model: FundingModel) -> None:
    frame = model.earmarking()
    values = frame.groupby(c.METRIC)[c.VALUE].apply(set).to_dict()
    assert values["earmarked_share"] == {97.0}
    assert values["earmarked_share_after_reform"] == {93.0}
    assert values["funding_compact_core_guideline"] == {30.0}
    assert values["nl_core_contribution"] == {2.0, 3.0}
    assert "budget" not in values


def test_organisation_includes_both_documents(model: FundingModel) -> None:
    frame = model.organisation()
    member_states = frame[frame[c.METRIC] == "member_states"]
    # the factsheet's 173; the scorecard's 175 twice (fact list and MOPAN's description, p. 5)
    assert sorted(member_states[c.VALUE]) == [173, 175, 175]
    assert set(frame[c.SOURCE_ID]) == {"scorecard_2024", "iom_factsheet"}
    assert "donor_contribution" not in set(frame[c.METRIC])


def test_organisation_includes_the_scorecard_reform_facts(model: FundingModel) -> None:
    frame = model.organisation()
    by_id = frame.set_index(c.FACT_ID)[c.METRIC]
    # MOPAN's description (p. 5) joins the fact list's metrics; the reform facts get their own
    assert by_id["member_states_mopan"] == "member_states"
    assert by_id["office_countries_mopan"] == "office_countries"
    for fact_id in (
        "un_related_since",
        "council_resolution_2022",
        "deputy_directors_general",
        "central_departments",
        "strategic_plan",
        "erp_due",
        "pseah_unit_posts",
        "pseah_core_posts",
    ):
        assert fact_id in by_id.index, fact_id
    # the Dutch core contribution and the money figures stay in their own views
    assert not {"nl_core_since", "budget"} & set(frame[c.METRIC])


@pytest.mark.parametrize(
    ("view", "ids"),
    [
        ("ranking", ["nl_2023"]),
        ("over_time", ["nl_2023"]),
        ("budget", ["growth_2019_2022"]),
        ("earmarking", ["earmarked_2022", "reform_93", "earmarked_denominator"]),
        (
            "organisation",
            ["member_states", "staff", "offices", "projects", "staff_consultants"],
        ),
        ("sources", []),
    ],
)
def test_contradictions_per_view(model: FundingModel, view: str, ids: list[str]) -> None:
    assert list(model.contradictions(view)[c.CONTRADICTION_ID]) == ids


def test_all_contradictions(model: FundingModel) -> None:
    assert len(model.contradictions()) == 10


def test_fact_lookup(model: FundingModel) -> None:
    fact = model.fact("nl_contribution_2023_text")
    assert fact[c.VALUE] == 59.8
    assert fact[c.PAGE] == 6


# key figures ---------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("year", "expected"),
    [
        (2021, KeyFigures(2021, 1602, "USA", 668, 668 / 1602, 0.97, 2022, 2.1, 2019)),
        (2022, KeyFigures(2022, 2025, "USA", 929, 929 / 2025, 0.97, 2022, 2.99, 2022)),
        (2023, KeyFigures(2023, 2623, "USA", 1365, 1365 / 2623, 0.97, 2022, 2.99, 2022)),
    ],
)
def test_key_figures(model: FundingModel, year: int, expected: KeyFigures) -> None:
    got = model.key_figures(year)
    assert (got.year, got.total, got.top_donor, got.top_amount) == (
        expected.year,
        expected.total,
        expected.top_donor,
        expected.top_amount,
    )
    assert got.top_share == pytest.approx(expected.top_share)
    assert got.earmarked_share == pytest.approx(expected.earmarked_share)
    assert got.earmarked_year == expected.earmarked_year
    assert got.budget == expected.budget
    assert got.budget_year == expected.budget_year


def test_key_figure_shares_by_hand(model: FundingModel) -> None:
    assert round(model.key_figures(2023).top_share * 100, 2) == 52.04
    assert round(model.key_figures(2022).top_share * 100, 2) == 45.88
    assert round(model.key_figures(2021).top_share * 100, 2) == 41.70


# immutability --------------------------------------------------------------------------------
def test_queries_do_not_mutate_the_model(model: FundingModel) -> None:
    before = model.ranking_table.copy()
    frame = model.ranking(2023)
    frame.loc[0, c.AMOUNT] = -1
    model.ranking_over_time()
    pd.testing.assert_frame_equal(model.ranking_table, before)
    assert model.ranking(2023)[c.AMOUNT].iloc[0] == 1365


@pytest.mark.parametrize(
    ("value", "missing"),
    [(None, True), (pd.NA, True), (math.nan, True), (0.0, False), ("", False), (62, False)],
)
def test_is_missing(value: object, missing: bool) -> None:
    assert is_missing(value) is missing


def test_a_caller_editing_a_query_result_does_not_change_the_next_answer() -> None:
    """Queries are memoised; each caller must still get a frame of its own."""
    model = ScorecardModel.from_seed()
    first = model.ranking(2023)
    first.loc[:, c.AMOUNT] = -1.0
    years = model.years()
    years.append(1900)
    assert (model.ranking(2023)[c.AMOUNT] > 0).all()
    assert model.years() == [2021, 2022, 2023]
    assert model.ranking(2023) is not model.ranking(2023)


def test_memoised_answers_depend_on_every_argument() -> None:
    model = ScorecardModel.from_seed()
    assert list(model.ranking(2021)[c.YEAR].unique()) == [2021]
    assert list(model.ranking(2022)[c.YEAR].unique()) == [2022]
    listed = ~model.ranking(2023, top_n=2)[c.IS_OTHER]
    assert listed.sum() == 2
    assert (~model.ranking(2023)[c.IS_OTHER]).sum() == 4
    assert model.ranking(2023, 2).equals(model.ranking(2023, top_n=2))
    both = model.ranking_over_time(["NLD", "USA"])
    assert set(both[c.DONOR_KEY]) == {"NLD", "USA"}
    assert set(model.ranking_over_time(["NLD"])[c.DONOR_KEY]) == {"NLD"}
