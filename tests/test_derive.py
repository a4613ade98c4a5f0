"""The pure formulas in data/derive.py, checked against values worked out by hand from the
scorecard's donor table (p. 7) and budget figures (pp. 5 and 8)."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from data import columns as c
from data.derive import change, growth, share, with_other, year_on_year


# share ---------------------------------------------------------------------------------------
def test_share_of_usa_2023() -> None:
    # 1365 / 2623 = 0.520396...
    assert share(1365, 2623) == pytest.approx(0.520396, abs=1e-6)


def test_share_of_netherlands_2023() -> None:
    # 62 / 2623 = 0.023637...
    assert share(62, 2623) == pytest.approx(0.023637, abs=1e-6)


@pytest.mark.parametrize("total", [0, 0.0, -5.0])
def test_share_without_positive_total_is_nan(total: float) -> None:
    assert math.isnan(share(10, total))


# change --------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("previous", "current", "absolute", "relative"),
    [
        (668, 929, 261, 0.390719),  # USA 2021 -> 2022
        (929, 1365, 436, 0.469322),  # USA 2022 -> 2023
        (235, 272, 37, 0.157447),  # DEU 2021 -> 2022
        (272, 279, 7, 0.025735),  # DEU 2022 -> 2023
        (67, 60, -7, -0.104478),  # NLD 2021 -> 2022
        (60, 62, 2, 0.033333),  # NLD 2022 -> 2023
        (132, 214, 82, 0.621212),  # CAN 2022 -> 2023
        (1602, 2025, 423, 0.264045),  # total 2021 -> 2022
        (2025, 2623, 598, 0.295309),  # total 2022 -> 2023
    ],
)
def test_change(previous: float, current: float, absolute: float, relative: float) -> None:
    got_abs, got_rel = change(previous, current)
    assert got_abs == pytest.approx(absolute)
    assert got_rel == pytest.approx(relative, abs=1e-6)


def test_change_without_base_has_no_relative_change() -> None:
    absolute, relative = change(0, 5)
    assert absolute == 5
    assert math.isnan(relative)
    absolute, relative = change(math.nan, 5)
    assert math.isnan(absolute)
    assert math.isnan(relative)


# growth --------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("first", "last", "years", "total", "annual"),
    [
        (1.0, 2.1, 9, 1.10, 0.085931),  # 2010 -> 2019: +110 %, 8.59 % a year
        (2.1, 2.99, 3, 0.423810, 0.124995),  # 2019 -> 2022: +42.38 %, 12.50 % a year
        (1.0, 2.99, 12, 1.99, 0.095568),  # 2010 -> 2022: +199 %, 9.56 % a year
    ],
)
def test_growth(first: float, last: float, years: int, total: float, annual: float) -> None:
    got_total, got_annual = growth(first, last, years)
    assert got_total == pytest.approx(total, abs=1e-6)
    assert got_annual == pytest.approx(annual, abs=1e-6)


def test_growth_over_zero_years_has_no_annual_rate() -> None:
    total, annual = growth(2.0, 3.0, 0)
    assert total == pytest.approx(0.5)
    assert math.isnan(annual)


def test_stated_140_percent_is_not_the_computed_growth() -> None:
    # the fact list (p. 5) says +140 % for 2019-2022; the figures on p. 8 give +42.4 %
    total, _ = growth(2.1, 2.99, 3)
    assert round(total * 100, 1) == 42.4
    assert round(total * 100) != 140


# with_other ----------------------------------------------------------------------------------
def _ranking_2023() -> pd.DataFrame:
    return pd.DataFrame(
        {
            c.YEAR: pd.Series([2023, 2023, 2023, 2023], dtype="int64"),
            c.RANK: pd.Series([1, 2, 3, 6], dtype="Int64"),
            c.DONOR_KEY: pd.Series(["USA", "DEU", "CAN", "NLD"], dtype="string"),
            c.AMOUNT: [1365.0, 279.0, 214.0, 62.0],
        }
    )


def test_with_other_appends_the_rest_of_the_total() -> None:
    out = with_other(_ranking_2023(), 2623)
    assert list(out[c.DONOR_KEY]) == ["USA", "DEU", "CAN", "NLD", "OTHER"]
    assert list(out[c.IS_OTHER]) == [False, False, False, False, True]
    assert out[c.AMOUNT].iloc[-1] == 703.0  # 2623 - 1365 - 279 - 214 - 62
    assert out[c.YEAR].iloc[-1] == 2023
    assert pd.isna(out[c.RANK].iloc[-1])


def test_with_other_shares() -> None:
    out = with_other(_ranking_2023(), 2623)
    expected = [0.520396, 0.106367, 0.081586, 0.023637, 0.268014]
    assert list(out[c.SHARE]) == pytest.approx(expected, abs=1e-6)
    assert out[c.SHARE].sum() == pytest.approx(1.0)


def test_with_other_keeps_dtypes() -> None:
    out = with_other(_ranking_2023(), 2623)
    assert out[c.RANK].dtype == "Int64"
    assert out[c.YEAR].dtype == "int64"
    assert isinstance(out[c.DONOR_KEY].dtype, pd.StringDtype)


def test_with_other_adds_nothing_when_listed_donors_make_the_total() -> None:
    out = with_other(_ranking_2023(), 1920)  # 1365 + 279 + 214 + 62
    assert "OTHER" not in set(out[c.DONOR_KEY])
    assert len(out) == 4
    assert out[c.SHARE].sum() == pytest.approx(1.0)


def test_with_other_does_not_mutate_its_input() -> None:
    frame = _ranking_2023()
    before = frame.copy()
    with_other(frame, 2623)
    pd.testing.assert_frame_equal(frame, before)


# year_on_year --------------------------------------------------------------------------------
def _table() -> pd.DataFrame:
    rows = [
        (2021, 1, "USA", 668),
        (2021, 2, "DEU", 235),
        (2021, 3, "GBR", 80),
        (2021, 6, "NLD", 67),
        (2022, 1, "USA", 929),
        (2022, 2, "DEU", 272),
        (2022, 3, "CAN", 132),
        (2022, 8, "NLD", 60),
        (2023, 1, "USA", 1365),
        (2023, 2, "DEU", 279),
        (2023, 3, "CAN", 214),
        (2023, 6, "NLD", 62),
    ]
    return pd.DataFrame(
        {
            c.YEAR: pd.Series([r[0] for r in rows], dtype="int64"),
            c.RANK: pd.Series([r[1] for r in rows], dtype="Int64"),
            c.DONOR_KEY: pd.Series([r[2] for r in rows], dtype="string"),
            c.AMOUNT: [float(r[3]) for r in rows],
        }
    )


def _row(frame: pd.DataFrame, donor: str, year: int) -> pd.Series:
    hit = frame[(frame[c.DONOR_KEY] == donor) & (frame[c.YEAR] == year)]
    assert len(hit) == 1
    return hit.iloc[0]


@pytest.mark.parametrize(
    ("donor", "year", "absolute", "relative", "rank_change"),
    [
        ("USA", 2022, 261, 0.390719, 0),
        ("USA", 2023, 436, 0.469322, 0),
        ("DEU", 2022, 37, 0.157447, 0),
        ("DEU", 2023, 7, 0.025735, 0),
        ("NLD", 2022, -7, -0.104478, -2),
        ("NLD", 2023, 2, 0.033333, 2),
        ("CAN", 2023, 82, 0.621212, 0),
    ],
)
def test_year_on_year(
    donor: str, year: int, absolute: float, relative: float, rank_change: int
) -> None:
    row = _row(year_on_year(_table()), donor, year)
    assert row[c.CHANGE_ABS] == pytest.approx(absolute)
    assert row[c.CHANGE_PCT] == pytest.approx(relative, abs=1e-6)
    assert row[c.RANK_CHANGE] == rank_change


@pytest.mark.parametrize(
    ("donor", "year"),
    [("CAN", 2022), ("GBR", 2021), ("USA", 2021), ("NLD", 2021)],
)
def test_no_change_without_the_year_before(donor: str, year: int) -> None:
    row = _row(year_on_year(_table()), donor, year)
    assert math.isnan(row[c.CHANGE_ABS])
    assert math.isnan(row[c.CHANGE_PCT])
    assert pd.isna(row[c.RANK_CHANGE])


def test_no_change_across_a_gap_year() -> None:
    # GBR listed in 2021 and (here) in 2023 but not in 2022: the source does not say where it
    # stood in 2022, so 2023 has no change against 2021
    frame = pd.concat(
        [
            _table(),
            pd.DataFrame(
                {
                    c.YEAR: pd.Series([2023], dtype="int64"),
                    c.RANK: pd.Series([7], dtype="Int64"),
                    c.DONOR_KEY: pd.Series(["GBR"], dtype="string"),
                    c.AMOUNT: [50.0],
                }
            ),
        ],
        ignore_index=True,
    )
    row = _row(year_on_year(frame), "GBR", 2023)
    assert math.isnan(row[c.CHANGE_ABS])
    assert pd.isna(row[c.RANK_CHANGE])


def test_year_on_year_order_and_dtypes() -> None:
    out = year_on_year(_table().sample(frac=1, random_state=3))
    assert list(out[c.YEAR]) == [2021] * 4 + [2022] * 4 + [2023] * 4
    assert list(out[c.DONOR_KEY])[4:8] == ["USA", "DEU", "CAN", "NLD"]
    assert out[c.CHANGE_ABS].dtype == "float64"
    assert out[c.CHANGE_PCT].dtype == "float64"
    assert out[c.RANK_CHANGE].dtype == "Int64"
