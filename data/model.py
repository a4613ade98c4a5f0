"""The immutable model every view queries. Queries return new frames; nothing here mutates.

The ranking views work on two frames whatever their origin: ``ranking`` (the donors listed per
year with rank and amount) and ``totals`` (the total those donors are a part of). Each kind of
source builds them its own way (``data/scorecard_source.py`` from the scorecard's table,
``data/ceb_source.py`` from CEB revenue rows) behind this one class's queries.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field, replace
from itertools import pairwise
from typing import Any, Concatenate, Literal, ParamSpec, Self, TypeVar

import pandas as pd

from data import columns as c
from data.derive import change, growth, share, with_other, year_on_year
from data.loader import SeedTables
from data.money import NOMINAL_USD, Valuation, value_facts

P = ParamSpec("P")
R = TypeVar("R")
M = TypeVar("M", bound="FundingModel")


def _key_part(value: object) -> Hashable:
    """Arguments as a memo key; a list of donors counts by its contents."""
    return tuple(value) if isinstance(value, list) else value


def _fresh(result: R) -> R:
    """A copy of a mutable result, so one caller that edits its frame cannot change the next
    caller's: queries keep returning new frames although each is computed once."""
    if isinstance(result, pd.DataFrame | pd.Series | list | dict):
        return result.copy()  # type: ignore[return-value]
    return result


def memoised(
    query: Callable[Concatenate[M, P], R],
) -> Callable[Concatenate[M, P], R]:
    """Compute a query of the immutable model once per arguments.

    A year click asks the same model for the same ranking several times (chart, captions,
    takeaway, key figures) in parallel callbacks; the answers cannot change, so computing them
    again only delays the chart. The memo lives and dies with its model instance, and its size is
    bounded by the arguments a model accepts (its years, top-N values, metrics and views).
    A query that raises is not memoised.
    """

    @functools.wraps(query)
    def wrapper(model: M, /, *args: P.args, **kwargs: P.kwargs) -> R:
        key = (
            query.__name__,
            tuple(_key_part(a) for a in args),
            tuple(sorted((k, _key_part(v)) for k, v in kwargs.items())),
        )
        return _once(model._memo, key, lambda: query(model, *args, **kwargs))

    return wrapper


def _once(memo: dict[Hashable, Any], key: Hashable, build: Callable[[], R]) -> R:
    """``build()`` the first time ``key`` is asked for in ``memo``, the kept value after, as a
    fresh copy (a query that raises keeps nothing)."""
    if key not in memo:
        memo[key] = build()
    result: R = memo[key]
    return _fresh(result)


@dataclass(frozen=True)
class KeyFigures:
    """The headline numbers of the first screen, each with the year it refers to."""

    year: int
    total: float
    top_donor: str
    top_amount: float
    top_share: float
    earmarked_share: float
    earmarked_year: int
    budget: float
    budget_year: int
    # True: IOM's budget as the documents publish it (the scorecard); False: the entity's total
    # revenue that year in CEB data, which changes with the year and entity like every other card.
    budget_published: bool = True


Measure = Literal["listed", "voluntary", "voluntary_all"]
# The entity the published documents describe: their budget, reform and organisation facts hold
# for it alone.
PUBLISHED_ENTITY = "IOM"


@dataclass(frozen=True)
class FundingModel:
    """Validated tables plus the ranking and totals they imply: the queries every source shares.

    A kind of source (``data/scorecard_source.py``, ``data/ceb_source.py``) builds the two frames
    and says, through the fields below and the few methods it overrides, what it offers:
    ``measure`` is what its rankings count ("listed": the donors a document lists, shares of the
    member-state total it prints; "voluntary": every government donor's earmarked + core
    revenue; "voluntary_all": the same from every contributor, the EU, pooled funds and
    foundations included); ``lists_every_donor`` whether a donor missing from a year gave nothing (so a top N
    can cut the list) or was only not listed; ``has_entities`` whether the data covers several
    UN entities, one of them chosen. Views read these and never ask which source they show.
    """

    tables: SeedTables
    ranking_table: pd.DataFrame
    totals_table: pd.DataFrame
    _names: dict[str, tuple[str, str]] = field(default_factory=dict, repr=False)
    entity: str = "IOM"
    files: tuple[str, ...] = ()
    measure: Measure = "listed"
    lists_every_donor: bool = False
    has_entities: bool = False
    checked: pd.DataFrame | None = field(default=None, repr=False, compare=False)
    # In what the amounts are (data/money.py): nominal USD as the sources give them, or the
    # currency and prices a view chose; ``unvalued`` are the years of the data that valuation
    # cannot show (no rate or price index published), left out and named by the views.
    valuation: Valuation = NOMINAL_USD
    unvalued: tuple[int, ...] = ()
    _memo: dict[Hashable, Any] = field(default_factory=dict, init=False, repr=False, compare=False)

    # what a kind of source offers beyond the shared queries ---------------------------------
    def source_line(self) -> tuple[str, dict[str, str]]:
        """The text key and values of the line naming where the ranking's numbers come from."""
        return "source.scorecard_amounts", {}

    def notes(self, view: str, year: int | None = None) -> pd.DataFrame:
        """The documents' contradictions that touch the numbers this source draws in ``view``
        (and, for a one-year chart, that year); none where the numbers are not the documents'."""
        return self.contradictions(view).iloc[0:0]

    def revenue_split(self, year: int) -> pd.DataFrame | None:
        """Per donor of the year: assessed, core, earmarked, other and the core share; ``None``
        where the source does not split contributions."""
        return None

    def revenue_by_year(self) -> pd.DataFrame | None:
        """Per year: assessed, core, earmarked, other, voluntary and the core share; ``None``
        where the source has no such totals."""
        return None

    def comparison(self) -> pd.DataFrame | None:
        """Donor-years this source and the published scorecard both give, with the
        difference; ``None`` where there is nothing to compare (the scorecard itself)."""
        return None

    def entity_shares(self) -> pd.DataFrame | None:
        """Per year and UN entity: revenue by kind and the core share of voluntary revenue;
        ``None`` where the source covers one entity."""
        return None

    def contributor_types(self) -> pd.DataFrame | None:
        """Per year and contributor category (governments, EU, pooled funds ...): the entity's
        revenue by kind; ``None`` where the source does not say who contributed."""
        return None

    def donor_profile(self, donor: str) -> pd.DataFrame | None:
        """Per year and UN entity: ``donor``'s revenue by kind, core share and rank there;
        ``None`` where the source covers one entity."""
        return None

    def contributors(self, year: int) -> pd.DataFrame | None:
        """Every contributor of the entity in ``year`` with each revenue kind; ``None`` where
        the source has no such table."""
        return None

    def claims(self) -> pd.DataFrame | None:
        """The scorecard's claims checked against the CEB history (``data/claims.py``),
        computed once where both are there; ``None`` otherwise."""
        return self.checked

    def valued(self, valuation: Valuation) -> Self:
        """This model with every amount in ``valuation`` (ranking, totals, money facts), its
        base year resolved against the years of the data. Built from the nominal model: the
        factors apply to amounts as the sources give them."""
        assert self.valuation.nominal_usd, "value the nominal model, not a valued one"
        years = self.years()
        chosen = valuation.resolved(years)
        if chosen.nominal_usd:
            return self
        tables = replace(self.tables, facts=value_facts(self.tables.facts, chosen))
        return replace(
            self,
            tables=tables,
            ranking_table=chosen.scale(self.ranking_table, [c.AMOUNT], c.YEAR),
            totals_table=chosen.scale(self.totals_table, [c.TOTAL], c.YEAR),
            valuation=chosen,
            unvalued=tuple(chosen.missing(years)),
        )

    def remembered(self, key: Hashable, build: Callable[[], R]) -> R:
        """A value a view derives from this model (the ranking's margins for every year and
        language), built once per ``key``: the model cannot change, so neither can the value,
        and it lives and dies with the model as the queries' memo does."""
        return _once(self._memo, ("remembered", key), build)

    # lookups ------------------------------------------------------------------------------
    @memoised
    def years(self) -> list[int]:
        return sorted(int(y) for y in self.totals_table[c.YEAR].unique())

    def latest_year(self) -> int:
        return self.years()[-1]

    def donor_name(self, key: str, lang: str) -> str:
        """Short donor name in the language; unknown keys are shown as given."""
        en, nl = self._names.get(key, (key, key))
        return nl if lang == "nl" else en

    @memoised
    def donors(self) -> list[str]:
        """Every donor listed in any year, in order of their best rank then name."""
        best = self.ranking_table.groupby(c.DONOR_KEY)[c.RANK].min().sort_values(kind="stable")
        return [str(k) for k in best.index]

    @memoised
    def total(self, year: int) -> float:
        row = self.totals_table[self.totals_table[c.YEAR] == year]
        if row.empty:
            raise KeyError(f"no total for {year}")
        return float(row[c.TOTAL].iloc[0])

    def fact(self, fact_id: str) -> pd.Series:
        facts = self.tables.facts
        return facts[facts[c.FACT_ID] == fact_id].iloc[0].copy()

    @memoised
    def facts_by_metric(self, *metrics: str) -> pd.DataFrame:
        facts = self.tables.facts
        return facts[facts[c.METRIC].isin(metrics)].reset_index(drop=True)

    # views --------------------------------------------------------------------------------
    @memoised
    def ranking(self, year: int, top_n: int | None = None, keep: str | None = None) -> pd.DataFrame:
        """The year's listed donors with their share, plus the rest as 'other donors'.

        ``top_n`` keeps donors ranked N or better, so tied donors at the cut all stay in;
        ``keep`` (the highlighted donor) stays in below the cut, with its own rank, so a reader
        sees where it stands instead of losing it in 'other donors'.
        """
        rows = self.ranking_table[self.ranking_table[c.YEAR] == year]
        if top_n is not None:
            rows = rows[(rows[c.RANK] <= top_n) | (rows[c.DONOR_KEY] == keep)]
        return with_other(rows.reset_index(drop=True), self.total(year))

    @memoised
    def top_donors(self, top_n: int) -> list[str]:
        """Donors ranked N or better in at least one year."""
        rows = self.ranking_table[self.ranking_table[c.RANK] <= top_n]
        return [str(k) for k in rows[c.DONOR_KEY].unique()]

    @memoised
    def includes_negative(self, year: int) -> bool:
        """Whether the year's figures are net of refunds or adjustments (negative amounts)."""
        if c.INCLUDES_NEGATIVE not in self.totals_table.columns:
            return False
        rows = self.totals_table[self.totals_table[c.YEAR] == year]
        return bool(rows[c.INCLUDES_NEGATIVE].any())

    @memoised
    def ranking_over_time(self, donors: list[str] | None = None) -> pd.DataFrame:
        """Every listed donor-year with amount, rank and change against the year before."""
        totals = self.totals_table.set_index(c.YEAR)[c.TOTAL]
        frame = year_on_year(self.ranking_table)
        if donors is not None:
            frame = frame[frame[c.DONOR_KEY].isin(donors)].reset_index(drop=True)
        return frame.assign(**{c.SHARE: frame[c.AMOUNT] / frame[c.YEAR].map(totals)})

    @memoised
    def totals_over_time(self) -> pd.DataFrame:
        """The total per year with its change against the year before."""
        frame = self.totals_table.sort_values(c.YEAR, ignore_index=True)
        prev = frame[c.TOTAL].shift(1)
        return frame.assign(
            **{c.CHANGE_ABS: frame[c.TOTAL] - prev, c.CHANGE_PCT: (frame[c.TOTAL] - prev) / prev}
        )

    @memoised
    def budget(self) -> pd.DataFrame:
        """IOM's budget series (one value per year, first mention wins), with an index 100 base."""
        rows = self.facts_by_metric("budget").drop_duplicates(c.YEAR).sort_values(c.YEAR)
        base = float(rows[c.VALUE].iloc[0])
        return rows.assign(index=rows[c.VALUE] / base * 100).reset_index(drop=True)

    @memoised
    def budget_growth(self) -> pd.DataFrame:
        """Growth between consecutive budget points and over the whole series: in the model's
        valuation (``total``, ``annual``: real growth at constant prices) and at current prices
        in the same currency (``total_nominal``, ``annual_nominal``)."""
        series = self.budget()
        approx = (series[c.QUALIFIER] == "approx").fillna(False)
        # at constant prices, the nominal growth (same currency, current prices) beside the real
        nominal = series[c.NOMINAL_VALUE] if self.valuation.constant else series[c.VALUE]
        points = list(
            zip(
                series[c.YEAR].astype(int),
                series[c.VALUE].astype(float),
                nominal.astype(float),
                approx,
                strict=True,
            )
        )
        pairs = list(pairwise(points))
        if len(points) > 2:
            pairs.append((points[0], points[-1]))
        rows = []
        for (y0, v0, n0, a0), (y1, v1, n1, a1) in pairs:
            total, annual = growth(v0, v1, y1 - y0)
            total_nominal, annual_nominal = growth(n0, n1, y1 - y0)
            rows.append(
                {
                    "from_year": y0,
                    "to_year": y1,
                    "from": v0,
                    "to": v1,
                    "from_approx": bool(a0),
                    "to_approx": bool(a1),
                    "total": total,
                    "annual": annual,
                    "total_nominal": total_nominal,
                    "annual_nominal": annual_nominal,
                }
            )
        return pd.DataFrame(rows)

    @memoised
    def earmarking(self) -> pd.DataFrame:
        """The facts behind the earmarked-versus-core view."""
        return self.facts_by_metric(
            "earmarked_share",
            "earmarked_share_after_reform",
            "funding_compact_core_guideline",
            "earmarked_contributions",
            "nl_core_contribution",
            "assessed_increase",
        )

    @memoised
    def organisation(self) -> pd.DataFrame:
        """Organisation facts from both documents, for the at-a-glance view."""
        return self.facts_by_metric(
            "founded",
            "member_states",
            "observer_states",
            "field_offices",
            "office_countries",
            "locations",
            "staff",
            "operational_staff",
            "staff_non_staff",
            "staff_consultants",
            "active_projects",
            "humanitarian_share",
            "localisation_share",
            "localisation_commitment",
            "operational_expenditure",
            "people_on_the_move",
            "regional_offices",
            "compass_partner_countries",
            "cccm_countries",
            "dtm_countries",
            "un_related_since",
            "council_resolution",
            "deputy_directors_general",
            "central_departments",
            "strategic_plan",
            "erp_due",
            "pseah_unit_posts",
            "pseah_core_posts",
        )

    @memoised
    def contradictions(self, view: str | None = None) -> pd.DataFrame:
        frame = self.tables.contradictions
        if view is not None:
            frame = frame[frame[c.VIEW].str.split(";").apply(lambda views: view in views)]
        return frame.reset_index(drop=True)

    def published_applies(self) -> bool:
        """Whether the documents' IOM-only facts (budget, reform, organisation) describe the
        entity shown; for another entity they step aside."""
        return self.entity == PUBLISHED_ENTITY

    @memoised
    def key_figures(self, year: int) -> KeyFigures:
        ranking = self.ranking(year, top_n=1)
        listed = ranking[~ranking[c.IS_OTHER]].sort_values(c.RANK)
        top = listed.iloc[0]
        total = self.total(year)
        earmarked = self._nearest("earmarked_share", year)
        earmarked_share, earmarked_year = float(earmarked[c.VALUE]) / 100, int(earmarked[c.YEAR])
        by_year = self.revenue_by_year()
        row = None if by_year is None else by_year[by_year[c.YEAR] == year].iloc[0]
        if row is not None:
            earmarked_share = share(float(row[c.EARMARKED]), float(row[c.VOLUNTARY]))
            earmarked_year = year
        if row is not None:  # the year's own total; the published budget is the scorecard's
            kinds = (c.ASSESSED, c.VOLUNTARY, c.OTHER)
            budget, budget_year, published = sum(float(row[k]) for k in kinds) / 1000, year, False
        else:
            point = self._nearest("budget", year)
            budget, budget_year, published = float(point[c.VALUE]), int(point[c.YEAR]), True
        return KeyFigures(
            year=year,
            total=total,
            top_donor=str(top[c.DONOR_KEY]),
            top_amount=float(top[c.AMOUNT]),
            top_share=share(float(top[c.AMOUNT]), total),
            earmarked_share=earmarked_share,
            earmarked_year=earmarked_year,
            budget=budget,
            budget_year=budget_year,
            budget_published=published,
        )

    def donor_change(self, donor: str, year: int) -> tuple[float, float] | None:
        """Change of a donor's amount against the previous year, if both years list it."""
        frame = self.ranking_table
        now = frame[(frame[c.YEAR] == year) & (frame[c.DONOR_KEY] == donor)]
        before = frame[(frame[c.YEAR] == year - 1) & (frame[c.DONOR_KEY] == donor)]
        if now.empty or before.empty:
            return None
        return change(float(before[c.AMOUNT].iloc[0]), float(now[c.AMOUNT].iloc[0]))

    @memoised
    def _nearest(self, metric: str, year: int) -> pd.Series:
        """The metric's value for the year, or else the closest earlier (else later) year."""
        rows = (
            self.facts_by_metric(metric).dropna(subset=[c.YEAR]).sort_values(c.YEAR, kind="stable")
        )
        earlier = rows[rows[c.YEAR] <= year]
        return (earlier.iloc[-1] if not earlier.empty else rows.iloc[0]).copy()
