"""Money in euros and in real terms: the ECB's annual average rates and the US CPI-U.

Every amount the sources give is in nominal US dollars of its year (the scorecard's table, CEB
revenue), except a few published in euros (the Dutch core contribution). A ``Valuation`` says in
what a view shows them: ``currency`` USD or EUR, ``prices`` current or constant (of ``base``).
One number per year turns a nominal-USD amount of that year into the valuation's unit
(:meth:`Valuation.factor`), so a year's ranks can never change with the choice: every amount of
a year is multiplied by the same positive number.

The series come with the packages, no network: ``currencyconverter`` ships the ECB's daily
euro reference rates (the annual average is the mean of a year's business-day rates, as the ECB
publishes it: 2023 is 1.0813 USD per EUR), ``cpi`` ships the BLS CPI-U annual averages. A year
the series do not cover whole (the current year, a future year in a loaded file) has no value:
views say so instead of guessing.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import warnings
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

import pandas as pd

from data import columns as c

Currency = Literal["USD", "EUR"]
Prices = Literal["current", "constant"]
CURRENCIES: tuple[Currency, ...] = ("USD", "EUR")
PRICES: tuple[Prices, ...] = ("current", "constant")


@functools.cache
def eur_rates() -> dict[int, float]:
    """USD per EUR, the mean of each whole year's ECB business-day reference rates.

    A year counts only if the shipped series runs to its end: the mean of a part year is no
    annual average (the series shipped ends in late October of the current year)."""
    from currency_converter import CurrencyConverter, RateNotFoundError

    converter = CurrencyConverter(fallback_on_missing_rate=False, fallback_on_wrong_date=False)
    first, last = converter.bounds["USD"]
    rates: dict[int, float] = {}
    for year in range(first.year, last.year + 1):
        if dt.date(year, 12, 24) > last:  # the series stops before the year's last business days
            continue
        day, values = dt.date(year, 1, 1), []
        while day.year == year:
            # weekends and TARGET holidays have no reference rate
            with contextlib.suppress(RateNotFoundError):
                values.append(float(converter.convert(1, "EUR", "USD", date=day)))
            day += dt.timedelta(days=1)
        rates[year] = sum(values) / len(values)
    return rates


@functools.cache
def cpi_u() -> dict[int, float]:
    """The BLS CPI-U annual averages (all items, U.S. city average, not seasonally adjusted)."""
    with warnings.catch_warnings():
        # cpi warns on import that its bundled series may be out of date: the app reads the
        # series it ships on purpose (offline, reproducible), and says which year it ends with.
        warnings.simplefilter("ignore")
        import cpi

    values: dict[int, float] = {}
    year = 1913
    while True:
        try:
            values[year] = float(cpi.get(year))
        except Exception:  # cpi raises its own CPIObjectDoesNotExist past the series' end
            if year > dt.date.today().year:
                break
        year += 1
    return values


def eur_rate(year: int) -> float | None:
    """The ECB's annual average rate of ``year`` in USD per EUR; ``None`` if not published."""
    return eur_rates().get(year)


def cpi_value(year: int) -> float | None:
    """The CPI-U annual average of ``year``; ``None`` if the shipped series lacks it."""
    return cpi_u().get(year)


@dataclass(frozen=True)
class Valuation:
    """In what a view shows amounts: currency, and current or constant prices of ``base``.

    ``base`` is ``None`` until the view's data fixes it (the latest year of the data, see
    :meth:`resolved`); it means nothing at current prices."""

    currency: Currency = "USD"
    prices: Prices = "current"
    base: int | None = None

    @property
    def nominal_usd(self) -> bool:
        """Whether amounts are shown as the sources give them (no factor at all)."""
        return self.currency == "USD" and self.prices == "current"

    @property
    def constant(self) -> bool:
        return self.prices == "constant"

    def resolved(self, years: Iterable[int]) -> Valuation:
        """The valuation with its base year filled in: the one asked for if it is a year of the
        data with a price index, else the latest such year (the latest year of the data, as a
        rule). A base at current prices is dropped, so equal choices compare and cache equal."""
        if not self.constant:
            return Valuation(self.currency, self.prices, None)
        priced = sorted(y for y in set(years) if cpi_value(int(y)) is not None)
        if not priced:
            return Valuation(self.currency, self.prices, self.base)
        base = self.base if self.base in priced else priced[-1]
        return Valuation(self.currency, self.prices, int(base))

    def factor(self, year: int) -> float | None:
        """What a nominal-USD amount of ``year`` is multiplied by to show it in this valuation;
        ``None`` where a rate or price index it needs is not published."""
        if self.nominal_usd:
            return 1.0
        factor = 1.0
        if self.constant:
            assert self.base is not None, "resolve the base year first"
            now, then = cpi_value(self.base), cpi_value(year)
            if now is None or then is None:
                return None
            factor *= now / then
        if self.currency == "EUR":
            # Constant dollars are converted at the base year's rate: one rate for every year,
            # so the deflation stays the CPI's alone.
            rate = eur_rate(self.base if self.constant and self.base else year)
            if rate is None:
                return None
            factor /= rate
        return factor

    def rate_year(self, year: int) -> int:
        """The year whose euro rate converts an amount of ``year``."""
        return self.base if self.constant and self.base else year

    def missing(self, years: Iterable[int]) -> list[int]:
        """The years this valuation cannot show, for want of a rate or a price index."""
        return sorted(y for y in set(years) if self.factor(int(y)) is None)

    def published_factor(self, currency: str, year: int) -> float | None:
        """The factor for an amount published in ``currency`` (USD or EUR) in ``year``."""
        if currency == "USD":
            return self.factor(year)
        if currency == self.currency and not self.constant:
            return 1.0  # a euro amount in a euro view at current prices is as published
        rate, onward = eur_rate(year), self.factor(year)
        if rate is None or onward is None:
            return None
        return rate * onward  # to nominal USD at the year's rate, then on as any USD amount

    def scale(self, frame: pd.DataFrame, columns: Iterable[str], year: str) -> pd.DataFrame:
        """A copy of ``frame`` with ``columns`` in this valuation, by each row's ``year``; rows
        of a year it cannot show are left out (views name those years)."""
        if self.nominal_usd:
            return frame
        years = frame[year].astype("int64")
        factors = years.map({y: self.factor(int(y)) for y in years.unique()}).astype("float64")
        kept = factors.notna()
        out = frame.loc[kept].copy()
        for column in columns:
            out[column] = out[column].astype("float64") * factors[kept]
        return out.reset_index(drop=True)


NOMINAL_USD = Valuation()
# facts.csv units that are amounts, as (currency, scale word): the unit a converted fact takes.
MONEY_UNITS: dict[str, tuple[str, str]] = {
    f"{cur} {scale}": (cur, scale) for cur in CURRENCIES for scale in ("million", "billion")
}


def value_facts(facts: pd.DataFrame, valuation: Valuation) -> pd.DataFrame:
    """The facts with their amounts of money in ``valuation``, the published figure kept beside.

    ``value`` and ``unit`` become the valuation's; ``published_value`` and ``published_unit``
    keep what the document printed (shown first where a fact is quoted: EUR 3 mln stays EUR
    3 mln); ``nominal_value`` is the amount in the chosen currency at current prices, for
    growth shown nominal and real side by side. A fact of a year without a rate or price index
    keeps its published figure and unit."""
    out = facts.assign(
        **{
            c.PUBLISHED_VALUE: facts[c.VALUE],
            c.PUBLISHED_UNIT: facts[c.UNIT],
            c.NOMINAL_VALUE: facts[c.VALUE],
        }
    )
    current = Valuation(valuation.currency)
    for index, row in facts.iterrows():
        unit = str(row[c.UNIT])
        if unit not in MONEY_UNITS or pd.isna(row[c.YEAR]):
            continue
        currency, scale = MONEY_UNITS[unit]
        year = int(row[c.YEAR])
        factor, nominal = (
            valuation.published_factor(currency, year),
            current.published_factor(currency, year),
        )
        if factor is None or nominal is None:
            continue
        out.loc[index, c.VALUE] = float(row[c.VALUE]) * factor
        out.loc[index, c.NOMINAL_VALUE] = float(row[c.VALUE]) * nominal
        out.loc[index, c.UNIT] = f"{valuation.currency} {scale}"
    return out


def valuation_of(currency: object, prices: object, base: object) -> Valuation:
    """A valuation from a URL's or a control's values, falling back to USD at current prices
    for anything unknown (links get edited)."""
    cur: Currency = "EUR" if currency == "EUR" else "USD"
    pri: Prices = "constant" if prices == "constant" else "current"
    try:
        year = int(str(base)) if base not in (None, "") else None
    except ValueError:
        year = None
    return Valuation(cur, pri, year if pri == "constant" else None)
