"""Number formatting per language, so every label, table and export agrees with the UI language.

Dutch writes ``1.365`` and ``52,0 %``; English writes ``1,365`` and ``52.0%``. Plotly's own axis
formatting follows ``layout.separators`` (see :func:`plotly_separators`).
"""

from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Decimal
from functools import cache
from typing import Any, Literal

from babel import Locale
from babel.numbers import NumberPattern, parse_pattern
from pandas.api.typing import NAType

from data.money import MONEY_UNITS as VALUED_UNITS
from data.typography import NBSP

Lang = Literal["nl", "en"]
# Millions or billions: the scale an amount is written in.
Scale = Literal["m", "bn"]
# Model frames hold missing numbers as None, NaN or pandas NA; each formats as a dash.
MaybeNumber = float | int | NAType | None
LANGS: tuple[Lang, ...] = ("nl", "en")
DEFAULT_LANG: Lang = "nl"


def is_missing(value: Any) -> bool:
    """None, NaN and pandas' NA all mean 'no value' in tables and model frames."""
    if value is None:
        return True
    try:
        return bool(value != value)  # NaN and pd.NA are not equal to themselves
    except TypeError:
        return True  # pd.NA: its comparison result is NA, whose truth value is ambiguous


def as_lang(value: object) -> Lang:
    """Coerce anything (URL parameter, dropdown value) to a supported language."""
    return "en" if value == "en" else "nl"


def shown_decimals(value: float, most: int) -> int:
    """As few decimals as show the value exactly, up to ``most``: 62 stays 62, 91.89 is 91.9."""
    for decimals in range(most + 1):
        if math.isclose(round(value, decimals), value, abs_tol=1e-9):
            return decimals
    return most


# Each kind of figure has one CLDR number pattern per language, applied by babel: the one way
# amounts and percentages are written everywhere. ``{d}`` is the decimal part (".0", ".00", or
# nothing). Negative numbers carry a real minus sign (U+2212), not a hyphen; Dutch puts a
# non-breaking space before "%", so "97" and "%" never part at the end of a line.
PATTERNS: dict[str, dict[Lang, str]] = {
    "number": {"nl": "#,##0{d};−#,##0{d}", "en": "#,##0{d};−#,##0{d}"},
    "signed": {"nl": "+#,##0{d};−#,##0{d}", "en": "+#,##0{d};−#,##0{d}"},
    "percent": {"nl": "#,##0{d}\u00a0%;−#,##0{d}\u00a0%", "en": "#,##0{d}%;−#,##0{d}%"},
    "signed_percent": {
        "nl": "+#,##0{d}\u00a0%;−#,##0{d}\u00a0%",
        "en": "+#,##0{d}%;−#,##0{d}%",
    },
}
# The locales whose symbols fill the patterns: "1.365,5" in Dutch, "1,365.5" in English.
LOCALES: dict[Lang, Locale] = {"nl": Locale.parse("nl_NL"), "en": Locale.parse("en_GB")}


@cache
def _pattern(kind: str, lang: Lang, decimals: int) -> NumberPattern:
    """The parsed pattern: parsing costs more than applying, and tables apply it thousands of
    times per view."""
    fraction = "." + "0" * decimals if decimals > 0 else ""
    return parse_pattern(PATTERNS[kind][lang].format(d=fraction))


def _rounded(value: float | int, decimals: int, scale: int = 0) -> Decimal:
    """The value rounded as a person rounds the number written out (half away from zero, on
    the shortest decimal form of the float: 2.675 is 2.68, 2.5 is 3), as Excel does; a value
    that rounds to zero loses its sign ("0,0", never "−0,0")."""
    exact = Decimal(repr(float(value))).scaleb(scale)
    rounded = exact.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    return abs(rounded) if rounded == 0 else rounded


def _apply(value: MaybeNumber, lang: Lang, kind: str, decimals: int, scale: int = 0) -> str:
    """``value`` (times 10**``scale``) in the pattern of ``kind``; ``–`` for missing values."""
    if is_missing(value):
        return "–"
    assert value is not None and not isinstance(value, NAType)
    rounded = _rounded(value, decimals, scale)
    if rounded == 0 and kind.startswith("signed"):
        kind = kind.removeprefix("signed").lstrip("_") or "number"  # no sign on a zero change
    # Rounded here, written by the pattern; a percent pattern multiplies by 100 itself, so it
    # gets the rounded fraction back (exact: a decimal shift).
    pattern = _pattern(kind, lang, decimals)
    return pattern.apply(rounded.scaleb(-scale), LOCALES[lang], decimal_quantization=False)


def fmt_number(value: MaybeNumber, lang: Lang, decimals: int = 0) -> str:
    """Format with the language's thousands and decimal separators; ``–`` for missing values."""
    return _apply(value, lang, "number", decimals)


def fmt_published(value: float, lang: Lang, most: int = 2) -> str:
    """A figure with the decimals its source printed (1, 2,1, 2,99), not padded to a fixed count:
    "2,10" would claim a precision the document never gave."""
    return fmt_number(value, lang, shown_decimals(value, most))


def fmt_signed(value: MaybeNumber, lang: Lang, decimals: int = 0) -> str:
    """A change with an explicit sign, so a rise and a fall read differently at a glance."""
    return _apply(value, lang, "signed", decimals)


def fmt_pct(fraction: MaybeNumber, lang: Lang, decimals: int = 1, signed: bool = False) -> str:
    """A fraction (0.52) as a percentage: ``52,0 %`` in Dutch, ``52.0%`` in English."""
    return _apply(fraction, lang, "signed_percent" if signed else "percent", decimals, scale=2)


# The word after an amount per scale: the scorecard writes "USD 62 mln" and "USD 2,99 mld".
SCALE_WORDS: dict[Scale, dict[Lang, str]] = {
    "m": {"nl": "mln", "en": "million"},
    "bn": {"nl": "mld", "en": "billion"},
}
# facts.csv units that are amounts of money, as (currency, scale): those published and those a
# converted fact takes (data/money.py).
MONEY_UNITS: dict[str, tuple[str, Scale]] = {
    unit: (currency, "m" if word == "million" else "bn")
    for unit, (currency, word) in VALUED_UNITS.items()
}


def fmt_money(
    value: MaybeNumber,
    lang: Lang,
    currency: str | None = None,
    scale: Scale = "m",
    decimals: int = 0,
    digits: str | None = None,
) -> str:
    """An amount in the one form every card, label, table and sentence uses: currency, number,
    scale (``USD 62 mln``, ``USD 2,99 mld``, ``EUR 3 mln``; ``USD 2.99 billion`` in English).

    ``digits`` is the number already written, for a figure whose decimals someone else decides
    (a published figure keeps those its source printed, see :func:`fmt_published`); otherwise
    the number is written with ``decimals``. Unit-only labels (axis titles, unit columns) are
    texts of their own ("USD mln"), not amounts. ``currency`` ``None`` is the one the request
    shows amounts in (``components.money_context``): the model converted them already.
    """
    if currency is None:
        from components.money_context import shown  # formatting is below the text catalogue

        currency = shown().currency
    number = fmt_number(value, lang, decimals) if digits is None else digits
    return f"{currency}{NBSP}{number}{NBSP}{SCALE_WORDS[scale][lang]}"


def fmt_usd_m(value: MaybeNumber, lang: Lang, decimals: int = 0) -> str:
    """USD million with its unit, as the scorecard writes it (``USD 1.365 mln``)."""
    return fmt_money(value, lang, "USD", "m", decimals)


def plotly_separators(lang: Lang) -> str:
    """Plotly's ``layout.separators``: decimal mark first, thousands mark second."""
    return ",." if lang == "nl" else ".,"
