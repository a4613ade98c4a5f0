"""The CEB figures the scorecard's claims are checked against, each derived once from the history.

All for IOM (the entity the scorecard describes), in USD million, calendar years, nominal, from
the tidy CEB table of every contributor (``data.history.load_history()``): the governments'
per-donor split, ranks and totals as the scorecard's donor table counts them
(``data.ceb.aggregate``), and IOM's and every entity's revenue by kind (``data.ceb.across``).
"""

from __future__ import annotations

import math
from functools import cached_property
from typing import Any

import pandas as pd

from data import columns as c
from data.ceb import across, aggregate
from data.combine import EVERYONE, GOVERNMENTS, in_scope
from data.model import PUBLISHED_ENTITY

_CENTS = 1e8  # USD million to cents: ranks compare to the cent, as data.ceb.aggregate does


class CebFigures:
    """Lookups over one history frame; the frame is read, never changed."""

    def __init__(self, history: pd.DataFrame) -> None:
        self.history = history
        self.governments = in_scope(history, GOVERNMENTS)
        self._shares: dict[str, pd.DataFrame] = {}

    @cached_property
    def split(self) -> pd.DataFrame:
        """Per year and government: assessed, core, earmarked, other and voluntary at IOM."""
        split = aggregate.donor_split(self.governments, PUBLISHED_ENTITY)
        return split.astype({c.DONOR_KEY: "str"})

    @cached_property
    def _by_donor(self) -> pd.DataFrame:
        ranked = aggregate.ranking(self.governments, PUBLISHED_ENTITY)
        rank = ranked.astype({c.DONOR_KEY: "str"}).set_index([c.YEAR, c.DONOR_KEY])[c.RANK]
        return self.split.set_index([c.YEAR, c.DONOR_KEY]).join(rank)

    @cached_property
    def government_totals(self) -> pd.DataFrame:
        """Per year (the index): the sums over every government at IOM, by kind."""
        return aggregate.totals(self.governments, PUBLISHED_ENTITY).set_index(c.YEAR)

    def shares(self, scope: str) -> pd.DataFrame:
        """Per year and entity, revenue by kind and core share, of governments or everyone."""
        if scope not in self._shares:
            self._shares[scope] = across.entity_shares(in_scope(self.history, scope))
        return self._shares[scope]

    @cached_property
    def iom(self) -> pd.DataFrame:
        """IOM's revenue by kind from every contributor, per year (the index)."""
        shares = self.shares(EVERYONE)
        return shares[shares[c.ENTITY] == PUBLISHED_ENTITY].set_index(c.YEAR)

    @cached_property
    def years(self) -> frozenset[int]:
        return frozenset(int(y) for y in self.iom.index)

    def donor(self, year: int, donor: str, column: str) -> float:
        """A government's figure at IOM (a ``split`` column or ``c.RANK``); a donor without a
        row gave nothing: 0, and no rank (NaN)."""
        key = (year, donor)
        if key not in self._by_donor.index:
            return math.nan if column == c.RANK else 0.0
        value: Any = self._by_donor.at[key, column]
        return math.nan if pd.isna(value) else float(value)

    def iom_value(self, year: int, column: str) -> float:
        value: Any = self.iom.at[year, column]
        return float(value)

    def government_total(self, year: int, column: str) -> float:
        value: Any = self.government_totals.at[year, column]
        return float(value)

    def revenue(self, year: int) -> float:
        """IOM's total revenue: every kind (assessed, voluntary, other) from everyone."""
        return sum(self.iom_value(year, k) for k in (c.ASSESSED, c.VOLUNTARY, c.OTHER))

    def core_ranks(self, year: int) -> pd.Series:
        """Rank per government giving core funding in the year (by core contributions, compared
        to the cent, ties sharing the best rank), indexed by donor key."""
        rows = self.split[self.split[c.YEAR] == year]
        cents = (rows[c.CORE] * _CENTS).round()
        giving = cents[cents > 0]
        ranks = giving.rank(method="min", ascending=False).to_numpy()
        return pd.Series(ranks, index=rows.loc[giving.index, c.DONOR_KEY].to_numpy())

    def neighbours(self, year: int) -> list[int]:
        """The calendar years either side that the history has."""
        return [y for y in (year - 1, year + 1) if y in self.years]
