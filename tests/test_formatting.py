"""Number formatting per language: Dutch 1.365 / 52,0\u00a0%, English 1,365 / 52.0%."""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import pandas as pd
import pytest

from components.formatting import (
    MONEY_UNITS,
    PATTERNS,
    Lang,
    as_lang,
    fmt_money,
    fmt_number,
    fmt_pct,
    fmt_published,
    fmt_signed,
    fmt_usd_m,
    plotly_separators,
)
from data import schema

MINUS = "\u2212"


@pytest.mark.parametrize(
    ("value", "lang", "decimals", "text"),
    [
        (1365, "nl", 0, "1.365"),
        (1365, "en", 0, "1,365"),
        (1365.0, "nl", 0, "1.365"),
        (2623, "nl", 0, "2.623"),
        (62, "nl", 0, "62"),
        (32000, "nl", 0, "32.000"),
        (32000, "en", 0, "32,000"),
        (2.99, "nl", 2, "2,99"),
        (2.99, "en", 2, "2.99"),
        (2.1, "nl", 2, "2,10"),
        (59.8, "nl", 1, "59,8"),
        (1234567.891, "nl", 2, "1.234.567,89"),
        (1234567.891, "en", 2, "1,234,567.89"),
        (0, "nl", 0, "0"),
        (np.float64(703.0), "nl", 0, "703"),
    ],
)
def test_fmt_number(value: float, lang: Lang, decimals: int, text: str) -> None:
    assert fmt_number(value, lang, decimals) == text


@pytest.mark.parametrize(
    ("value", "lang", "text"),
    [
        (1.0, "nl", "1"),  # the scorecard's "ongeveer 1 miljard", not "1,00"
        (2.1, "nl", "2,1"),
        (2.1, "en", "2.1"),
        (2.99, "nl", "2,99"),
        (3.4567, "en", "3.46"),  # a computed total is cut at two decimals
        (1365.0, "nl", "1.365"),
    ],
)
def test_fmt_published_keeps_the_decimals_the_source_printed(
    value: float, lang: Lang, text: str
) -> None:
    assert fmt_published(value, lang) == text


@pytest.mark.parametrize(
    ("value", "lang", "text"),
    [(-7, "nl", f"{MINUS}7"), (-1365, "nl", f"{MINUS}1.365"), (-1365, "en", f"{MINUS}1,365")],
)
def test_negative_numbers_use_a_real_minus_sign(value: float, lang: Lang, text: str) -> None:
    out = fmt_number(value, lang)
    assert out == text
    assert "-" not in out


@pytest.mark.parametrize("missing", [None, math.nan, float("nan"), np.nan])
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_missing_values_show_a_dash(missing: float | None, lang: Lang) -> None:
    assert fmt_number(missing, lang) == "–"
    assert fmt_signed(missing, lang) == "–"
    assert fmt_pct(missing, lang) == "–"
    assert fmt_pct(missing, lang, signed=True) == "–"


def test_pandas_na_number_and_pct_show_a_dash() -> None:
    assert fmt_number(pd.NA, "nl") == "–"
    assert fmt_pct(pd.NA, "nl") == "–"


def test_pandas_na_signed_shows_a_dash() -> None:
    assert fmt_signed(pd.NA, "nl") == "–"


@pytest.mark.parametrize(
    ("value", "lang", "decimals", "text"),
    [
        (261, "nl", 0, "+261"),
        (-7, "nl", 0, f"{MINUS}7"),
        (0, "nl", 0, "0"),
        (423, "en", 0, "+423"),
        (1234.5, "nl", 1, "+1.234,5"),
        (-1234.5, "en", 1, f"{MINUS}1,234.5"),
    ],
)
def test_fmt_signed(value: float, lang: Lang, decimals: int, text: str) -> None:
    assert fmt_signed(value, lang, decimals) == text


@pytest.mark.parametrize(
    ("fraction", "lang", "decimals", "signed", "text"),
    [
        (1365 / 2623, "nl", 1, False, "52,0\u00a0%"),
        (1365 / 2623, "en", 1, False, "52.0%"),
        (62 / 2623, "nl", 1, False, "2,4\u00a0%"),
        (0.97, "nl", 0, False, "97\u00a0%"),
        (0.97, "en", 0, False, "97%"),
        (1.0, "nl", 1, False, "100,0\u00a0%"),
        (261 / 668, "nl", 1, True, "+39,1\u00a0%"),
        (261 / 668, "en", 1, True, "+39.1%"),
        (-7 / 67, "nl", 1, True, f"{MINUS}10,4\u00a0%"),
        (-7 / 67, "en", 1, True, f"{MINUS}10.4%"),
        (-7 / 67, "nl", 1, False, f"{MINUS}10,4\u00a0%"),
        (1.99, "nl", 1, True, "+199,0\u00a0%"),
        (12.5, "nl", 0, False, "1.250\u00a0%"),
    ],
)
def test_fmt_pct(fraction: float, lang: Lang, decimals: int, signed: bool, text: str) -> None:
    assert fmt_pct(fraction, lang, decimals, signed=signed) == text


@pytest.mark.parametrize(
    ("value", "lang", "text"),
    [
        (1365, "nl", "USD\u00a01.365\u00a0mln"),
        (1365, "en", "USD\u00a01,365\u00a0million"),
        (None, "nl", "USD\u00a0–\u00a0mln"),
    ],
)
def test_fmt_usd_m(value: float | None, lang: Lang, text: str) -> None:
    assert fmt_usd_m(value, lang) == text


@pytest.mark.parametrize(
    ("args", "text"),
    [
        ((62, "nl"), "USD\u00a062\u00a0mln"),
        ((62, "en"), "USD\u00a062\u00a0million"),
        ((2.99, "nl", "USD", "bn", 2), "USD\u00a02,99\u00a0mld"),
        ((2.99, "en", "USD", "bn", 2), "USD\u00a02.99\u00a0billion"),
        ((3, "nl", "EUR"), "EUR\u00a03\u00a0mln"),
        ((3, "en", "EUR"), "EUR\u00a03\u00a0million"),
        ((2707.316392, "nl", "USD", "bn", 2), "USD\u00a02.707,32\u00a0mld"),
        ((-7, "nl"), f"USD\u00a0{MINUS}7\u00a0mln"),
    ],
)
def test_fmt_money_currency_first(args: tuple[Any, ...], text: str) -> None:
    assert fmt_money(*args) == text


@pytest.mark.parametrize(
    ("value", "lang", "text"),
    [(1.0, "nl", "USD\u00a01\u00a0mld"), (2.1, "en", "USD\u00a02.1\u00a0billion")],
)
def test_fmt_money_takes_published_digits(value: float, lang: Lang, text: str) -> None:
    # the source's decimals decide (fmt_published), not a fixed count: not "USD 1,00 mld"
    assert fmt_money(value, lang, scale="bn", digits=fmt_published(value, lang)) == text


@pytest.mark.parametrize("value", [1365, 59.8, None])
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_fmt_usd_m_is_fmt_money(value: float | None, lang: Lang) -> None:
    assert fmt_usd_m(value, lang, 1) == fmt_money(value, lang, "USD", "m", 1)


def test_money_units_cover_the_amount_units_of_the_facts() -> None:
    published = {u for u in schema.UNITS if u.split()[0] in {"USD", "EUR"}}
    assert published <= set(MONEY_UNITS)
    assert set(MONEY_UNITS) == {
        f"{cur} {scale}" for cur in ("USD", "EUR") for scale in ("million", "billion")
    }


def test_plotly_separators() -> None:
    # plotly: decimal mark first, thousands mark second
    assert plotly_separators("nl") == ",."
    assert plotly_separators("en") == ".,"


@pytest.mark.parametrize(
    ("value", "lang"),
    [("en", "en"), ("nl", "nl"), ("fr", "nl"), (None, "nl"), ("", "nl"), (1, "nl")],
)
def test_as_lang(value: object, lang: Lang) -> None:
    assert as_lang(value) == lang


@pytest.mark.parametrize(
    ("value", "lang", "decimals", "text"),
    [
        # half away from zero, on the number as written (Excel's ROUND), not on the binary float
        (2.675, "en", 2, "2.68"),  # the float is 2.67499999…; a person reads 2.675
        (2.5, "en", 0, "3"),
        (3.5, "nl", 0, "4"),
        (-2.5, "en", 0, "\u22123"),
        (0.125, "nl", 2, "0,13"),
        (1234.5, "nl", 0, "1.235"),
        (2.674999, "en", 2, "2.67"),
    ],
)
def test_rounding_is_half_up_on_the_written_number(
    value: float, lang: Lang, decimals: int, text: str
) -> None:
    assert fmt_number(value, lang, decimals) == text


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_a_value_that_rounds_to_zero_has_no_sign(lang: Lang) -> None:
    zero = "0,0" if lang == "nl" else "0.0"
    assert fmt_number(-0.04, lang, 1) == zero
    assert fmt_signed(0.04, lang, 1) == fmt_signed(-0.04, lang, 1) == zero
    assert fmt_pct(-0.0004, lang, signed=True) == fmt_pct(0.0, lang)


def test_amounts_and_dutch_percentages_never_break_before_their_unit() -> None:
    assert fmt_money(62, "nl", "USD") == "USD\u00a062\u00a0mln"
    assert fmt_money(2.99, "en", "USD", "bn", 2) == "USD\u00a02.99\u00a0billion"
    assert fmt_pct(0.97, "nl", 0) == "97\u00a0%"
    assert " " not in fmt_money(-1234.5, "nl", "EUR", "m", 1)


def test_the_patterns_are_babels() -> None:
    """Every kind of figure is one CLDR pattern per language, parsed by babel."""
    assert set(PATTERNS) == {"number", "signed", "percent", "signed_percent"}
    for kind, by_lang in PATTERNS.items():
        assert set(by_lang) == {"nl", "en"}, kind
    assert fmt_number(1234567.5, "nl", 1) == "1.234.567,5"
    assert fmt_number(1234567.5, "en", 1) == "1,234,567.5"
