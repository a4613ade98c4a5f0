"""The scorecard's claims that CEB data can test, each set beside the CEB figure, with a verdict.

``check_claims(tables, history)`` turns the published facts (``data/facts.csv``: the donor table
with ranks, amounts and member-state totals, the Netherlands' contribution in the text, the
earmarked share and amount, the budget points and the stated growth) and the statements
without a figure (``data/claims_statements.py``) into one row per claim, with the CEB figure
computed from the history (IOM, calendar years, nominal USD); nothing is typed in. A claim whose
year the history does not have (the 2010 budget) is left out: it cannot be tested.

The verdict and its rounding rule are ``data/claims_rule.py``'s (``agrees``, ``within_rounding``,
``differs``, with worked examples); the CEB figures are ``data/claims_figures.py``'s. What each
published figure is compared with, and the other readings tried where it differs:

- a donor's amount: its voluntary revenue (core + earmarked) at IOM; with assessed included;
  the neighbouring calendar years;
- a donor's rank: its rank among all governments by voluntary revenue; neighbouring years;
- the member-state total: the sum over all governments; with assessed; neighbouring years;
  else the known difference of all governments against member states (not testable: CEB does
  not say which governments are IOM members);
- the earmarked share of "all funding": earmarked / voluntary from every contributor; with
  assessed in the denominator; of all revenue; else the difference of denominator;
- the earmarked amount and the budget points: earmarked revenue and total revenue (every kind,
  every contributor); neighbouring years;
- the stated growth: the growth of total revenue; the end year's level as a share of the start's.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, Final

import pandas as pd

from data import columns as c
from data.claims_figures import CebFigures
from data.claims_rule import (
    AGREES,
    ASSESSED_INCLUDED,
    CALENDAR_YEAR,
    CEB_COUNTS,
    CLAIM,
    COLUMNS,
    COUNT_COLUMNS,
    DECIMALS,
    DENOMINATOR,
    DIFFERS,
    EXPLAINED,
    KIND,
    LEVEL_NOT_GROWTH,
    MEMBER_STATES,
    NUMBER_COLUMNS,
    PAGES,
    RANK_UNIT,
    REASONS,
    SCORECARD,
    TEXT_COLUMNS,
    TOPIC,
    TOPICS,
    VERDICT,
    VERDICTS,
    WITHIN_ROUNDING,
    Reading,
    check,
    printed_decimals,
    verdict_of,
)
from data.claims_statements import LARGEST_RANK, statement_claims
from data.loader import SeedTables

__all__ = [
    "AGREES",
    "COLUMNS",
    "DIFFERS",
    "LARGEST_RANK",
    "REASONS",
    "TOPICS",
    "VERDICT",
    "VERDICTS",
    "WITHIN_ROUNDING",
    "check_claims",
    "printed_decimals",
    "verdict_of",
]

_MILLIONS_PER: Final = {"USD million": 1.0, "USD billion": 1000.0}
AMOUNTS: Final = tuple(_MILLIONS_PER)
MILLIONS: Final = ("USD million",)
PERCENT: Final = ("%",)
Row = dict[str, Any]


def _pages(pages: pd.Series) -> str:
    return ", ".join(str(p) for p in dict.fromkeys(int(p) for p in pages.dropna()))


def _published(
    facts: pd.DataFrame, metric: str, years: frozenset[int], units: tuple[str, ...]
) -> Iterator[tuple[pd.Series, Row]]:
    """The facts of a metric whose year the history has, in a unit CEB's figure can be given
    in (not euro), one per claim: a figure printed in several places (97 % on pages 5 and 9)
    is one claim with all its facts and pages."""
    chosen = (facts[c.METRIC] == metric) & facts[c.UNIT].isin(list(units))
    rows = facts[chosen & facts[c.YEAR].isin(list(years))]
    for _, group in rows.groupby([c.YEAR, c.PERIOD, c.VALUE, c.DONOR], dropna=False, sort=False):
        first = group.iloc[0]
        value = float(first[c.VALUE])
        yield (
            first,
            {
                SCORECARD: value,
                c.UNIT: str(first[c.UNIT]),
                c.PERIOD: "" if pd.isna(first[c.PERIOD]) else str(first[c.PERIOD]),
                DECIMALS: printed_decimals(value),
                c.QUALIFIER: "" if pd.isna(first[c.QUALIFIER]) else str(first[c.QUALIFIER]),
                PAGES: _pages(group[c.PAGE]),
                c.FACT_IDS: ";".join(str(f) for f in group[c.FACT_ID]),
            },
        )


def _claim(topic: str, kind: str, year: int, counts: str, *parts: Row, donor: str = "") -> Row:
    """One claim's row: its id (topic.kind.year[.donor]), what the CEB figure counts, and the
    published and compared columns in ``parts``."""
    ident = ".".join(part for part in (topic, kind, str(year), donor) if part)
    row: Row = {CLAIM: ident, TOPIC: topic, KIND: kind, c.YEAR: year, c.DONOR: donor}
    for part in parts:
        row.update(part)
    return {**row, CEB_COUNTS: counts}


def _compare(printed: Row, ceb: float, readings: list[Reading], definition: str = "") -> Row:
    return check(printed[SCORECARD], printed[DECIMALS], ceb, readings, definition)


def donor_claims(figures: CebFigures, facts: pd.DataFrame, metric: str, topic: str) -> list[Row]:
    """A donor's amount and rank as printed, against its voluntary revenue and rank in CEB."""
    out = []
    for fact, printed in _published(facts, metric, figures.years, AMOUNTS):
        year, donor = int(fact[c.YEAR]), str(fact[c.DONOR])
        scale = _MILLIONS_PER[printed[c.UNIT]]
        voluntary = figures.donor(year, donor, c.VOLUNTARY) / scale
        assessed = figures.donor(year, donor, c.ASSESSED) / scale
        readings = [
            Reading(ASSESSED_INCLUDED, voluntary + assessed, year, "donor_voluntary_assessed")
        ]
        readings += [
            Reading(
                CALENDAR_YEAR, figures.donor(y, donor, c.VOLUNTARY) / scale, y, "donor_voluntary"
            )
            for y in figures.neighbours(year)
        ]
        checked = _compare(printed, voluntary, readings)
        out.append(_claim(topic, "amount", year, "donor_voluntary", printed, checked, donor=donor))
        if pd.isna(fact[c.RANK]):
            continue
        rank = {**printed, SCORECARD: float(fact[c.RANK]), c.UNIT: RANK_UNIT, DECIMALS: 0}
        ranks = [
            Reading(CALENDAR_YEAR, figures.donor(y, donor, c.RANK), y, "donor_rank")
            for y in figures.neighbours(year)
        ]
        checked = _compare(rank, figures.donor(year, donor, c.RANK), ranks)
        out.append(_claim(topic, "rank", year, "donor_rank", rank, checked, donor=donor))
    return out


def total_claims(figures: CebFigures, facts: pd.DataFrame) -> list[Row]:
    """The member-state total against the sum over every government's voluntary revenue."""
    totals = figures.government_totals
    out = []
    for fact, printed in _published(facts, "member_state_total", frozenset(totals.index), MILLIONS):
        year = int(fact[c.YEAR])
        voluntary = figures.government_total(year, c.VOLUNTARY)
        with_assessed = voluntary + figures.government_total(year, c.ASSESSED)
        readings = [
            Reading(ASSESSED_INCLUDED, with_assessed, year, "governments_voluntary_assessed")
        ]
        readings += [
            Reading(
                CALENDAR_YEAR, figures.government_total(y, c.VOLUNTARY), y, "governments_voluntary"
            )
            for y in figures.neighbours(year)
            if y in totals.index
        ]
        checked = _compare(printed, voluntary, readings, MEMBER_STATES)
        out.append(_claim("donor_table", "total", year, "governments_voluntary", printed, checked))
    return out


def earmarking_claims(figures: CebFigures, facts: pd.DataFrame) -> list[Row]:
    """The earmarked share of "all funding" against CEB's earmarked share of voluntary revenue,
    and the earmarked amount, both from every contributor."""
    out = []
    for fact, printed in _published(facts, "earmarked_share", figures.years, PERCENT):
        year = int(fact[c.YEAR])
        earmarked, voluntary = (figures.iom_value(year, k) for k in (c.EARMARKED, c.VOLUNTARY))
        contributions = voluntary + figures.iom_value(year, c.ASSESSED)
        readings = [
            Reading(
                ASSESSED_INCLUDED,
                100 * earmarked / contributions,
                year,
                "earmarked_share_with_assessed",
            ),
            Reading(
                DENOMINATOR,
                100 * earmarked / figures.revenue(year),
                year,
                "earmarked_share_of_revenue",
            ),
        ]
        checked = _compare(printed, 100 * earmarked / voluntary, readings, DENOMINATOR)
        counts = "earmarked_share_of_voluntary"
        out.append(_claim("earmarking", "share", year, counts, printed, checked))
    for fact, printed in _published(facts, "earmarked_contributions", figures.years, AMOUNTS):
        year = int(fact[c.YEAR])
        scale = _MILLIONS_PER[printed[c.UNIT]]
        readings = [
            Reading(CALENDAR_YEAR, figures.iom_value(y, c.EARMARKED) / scale, y, "earmarked_all")
            for y in figures.neighbours(year)
        ]
        checked = _compare(printed, figures.iom_value(year, c.EARMARKED) / scale, readings)
        out.append(_claim("earmarking", "amount", year, "earmarked_all", printed, checked))
    return out


def budget_claims(figures: CebFigures, facts: pd.DataFrame) -> list[Row]:
    """Budget points against IOM's total CEB revenue (every contributor, every kind), and the
    stated growth against the growth of that revenue."""
    out = []
    for fact, printed in _published(facts, "budget", figures.years, AMOUNTS):
        year = int(fact[c.YEAR])
        scale = _MILLIONS_PER[printed[c.UNIT]]
        readings = [
            Reading(CALENDAR_YEAR, figures.revenue(y) / scale, y, "revenue_all")
            for y in figures.neighbours(year)
        ]
        checked = _compare(printed, figures.revenue(year) / scale, readings)
        out.append(_claim("budget", "level", year, "revenue_all", printed, checked))
    out.sort(key=lambda row: int(row[c.YEAR]))  # a series reads in time order
    for fact, printed in _published(facts, "budget_growth_stated", figures.years, PERCENT):
        start, end = (int(y) for y in str(fact[c.PERIOD]).split("–"))
        if not {start, end} <= figures.years:
            continue
        ratio = figures.revenue(end) / figures.revenue(start)
        readings = [Reading(LEVEL_NOT_GROWTH, 100 * ratio, end, "revenue_ratio")]
        checked = _compare(printed, 100 * (ratio - 1), readings)
        claim = _claim("budget", "growth", end, "revenue_growth", printed, checked)
        out.append({**claim, CLAIM: f"budget.growth.{start}-{end}"})
    return out


def check_claims(tables: SeedTables, history: pd.DataFrame) -> pd.DataFrame:
    """One row per testable claim of the scorecard (``data.claims_rule.COLUMNS``), in the order
    of ``TOPICS`` and of the facts within a topic, with the CEB figure from ``history`` (the
    tidy CEB table of every contributor, ``data.history.load_history()``), the difference, the
    verdict and the reason the data shows."""
    figures, facts = CebFigures(history), tables.facts
    rows = [
        *donor_claims(figures, facts, "donor_contribution", "donor_table"),
        *total_claims(figures, facts),
        *donor_claims(figures, facts, "donor_contribution_stated", "nl_contribution"),
        *earmarking_claims(figures, facts),
        *statement_claims(figures, facts),
        *budget_claims(figures, facts),
    ]
    frame = pd.DataFrame(rows).reindex(columns=list(COLUMNS))
    order = {topic: i for i, topic in enumerate(TOPICS)}
    frame = frame.sort_values(TOPIC, key=lambda s: s.map(order), kind="stable", ignore_index=True)
    frame[list(TEXT_COLUMNS)] = frame[list(TEXT_COLUMNS)].fillna("").astype("string")
    frame[list(NUMBER_COLUMNS)] = frame[list(NUMBER_COLUMNS)].astype("float64")
    frame[EXPLAINED] = frame[EXPLAINED].fillna(False).astype(bool)
    counts = {col: "Int64" for col in COUNT_COLUMNS}
    return frame.astype({c.YEAR: "int64", **counts})
