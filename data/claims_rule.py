"""How a scorecard figure is judged against a CEB figure: the columns of a checked claim, the
verdicts and reasons, and the rounding rule (``verdict_of``).

The rule, at the precision the scorecard prints (the decimals of the published value: 62 is
whole millions, 59.8 one decimal, 2.99 billion two; a rank is a whole number):

- ``agrees``: the CEB figure is the published figure exactly (a rank, a statement that holds);
- ``within_rounding``: it is not, but rounds to it: ``|CEB - published| <= half a unit of the
  last printed digit`` (a figure exactly half way counts, as either rounding of a half does);
- ``differs``: anything further off.

Worked examples: 62 against CEB 62.18 is within rounding (0.18 <= 0.5), 59.8 against 62.18
differs (2.38 > 0.05); USD 2.1 bn against 2.127 is within rounding (0.027 <= 0.05), 2.72 bn
against 2.7355 differs (0.0155 > 0.005); rank 6 against 6 agrees, 8 against 6 differs.

A figure that differs is tried against other readings of the same CEB data (``Reading``); the
first that reproduces the published figure gives the ``reason``, ``explained``. Where none does,
a known difference of definition may be named, not explained.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, Final

import pandas as pd

from data import columns as c

# Columns of the checked frame, besides c.YEAR, c.PERIOD (a stated growth's years, else ""),
# c.DONOR, c.UNIT, c.QUALIFIER and c.FACT_IDS.
CLAIM: Final = "claim"  # a stable id: topic.kind.year[.donor]
TOPIC: Final = "topic"
KIND: Final = "kind"  # amount, rank, total, share, level, growth, statement
SCORECARD: Final = "scorecard"  # the published figure, in its unit; missing for a statement
DECIMALS: Final = "decimals"  # decimals printed; the rounding tolerance is half their unit
STATEMENT: Final = "statement"  # what a claim without a figure says (a key), else ""
PAGES: Final = "pages"  # the scorecard pages it is printed on, ", "-joined
CEB: Final = "ceb"  # the CEB figure, in the published unit
CEB_COUNTS: Final = "ceb_counts"  # what the CEB figure counts (a key)
DIFFERENCE: Final = "difference"  # CEB - published, in the unit
DIFFERENCE_PCT: Final = "difference_pct"  # (CEB - published) / published, a fraction
VERDICT: Final = "verdict"
REASON: Final = "reason"
EXPLAINED: Final = "explained"  # the CEB data reproduces the figure under the reason's reading
CEB_OTHER: Final = "ceb_other"  # that reading's figure; for a statement, the benchmark
CEB_OTHER_YEAR: Final = "ceb_other_year"
CEB_OTHER_COUNTS: Final = "ceb_other_counts"
COMPARED: Final = "compared"  # for a statement: how many donors or entities it is tested among
COLUMNS: Final = (
    *(CLAIM, TOPIC, KIND, c.YEAR, c.PERIOD, c.DONOR, SCORECARD, c.UNIT, DECIMALS, c.QUALIFIER),
    *(STATEMENT, PAGES, c.FACT_IDS, CEB, CEB_COUNTS, DIFFERENCE, DIFFERENCE_PCT, VERDICT, REASON),
    *(EXPLAINED, CEB_OTHER, CEB_OTHER_YEAR, CEB_OTHER_COUNTS, COMPARED),
)
TEXT_COLUMNS: Final = (
    *(CLAIM, TOPIC, KIND, c.PERIOD, c.DONOR, c.UNIT, c.QUALIFIER, STATEMENT, PAGES, c.FACT_IDS),
    *(CEB_COUNTS, VERDICT, REASON, CEB_OTHER_COUNTS),
)
NUMBER_COLUMNS: Final = (SCORECARD, CEB, DIFFERENCE, DIFFERENCE_PCT, CEB_OTHER)
COUNT_COLUMNS: Final = (DECIMALS, CEB_OTHER_YEAR, COMPARED)

AGREES: Final = "agrees"
WITHIN_ROUNDING: Final = "within_rounding"
DIFFERS: Final = "differs"
VERDICTS: Final = (AGREES, WITHIN_ROUNDING, DIFFERS)
CALENDAR_YEAR: Final = "calendar_year"  # the published figure is CEB's of a neighbouring year
MEMBER_STATES: Final = "all_governments_vs_member_states"
ASSESSED_INCLUDED: Final = "assessed_included"
DENOMINATOR: Final = "denominator"  # a share of another total
LEVEL_NOT_GROWTH: Final = "level_not_growth"  # "grew by 140 %" is the level: 140 % of the start
REASONS: Final = (CALENDAR_YEAR, MEMBER_STATES, ASSESSED_INCLUDED, DENOMINATOR, LEVEL_NOT_GROWTH)
TOPICS: Final = (
    *("donor_table", "nl_contribution", "earmarking"),
    *("core_donor", "un_core_share", "budget"),
)
RANK_UNIT: Final = "rank"
_TOLERANCE: Final = 1e-9  # float noise, relative to the unit of the last printed digit


def printed_decimals(value: float, most: int = 3) -> int:
    """The decimals a published value was printed with: the fewest that show it exactly."""
    for decimals in range(most + 1):
        if math.isclose(round(value, decimals), value, abs_tol=1e-9):
            return decimals
    return most


def verdict_of(published: float, ceb: float, decimals: int) -> str:
    """The module's rule: equal, within half a unit of the last printed digit, or beyond; a
    missing CEB figure (a rank the donor does not have) differs."""
    if math.isnan(ceb):
        return DIFFERS
    unit = 10.0**-decimals
    gap = abs(ceb - published)
    if gap <= _TOLERANCE * unit:
        return AGREES
    return WITHIN_ROUNDING if gap <= unit / 2 + _TOLERANCE * unit else DIFFERS


@dataclass(frozen=True)
class Reading:
    """Another reading of the CEB data for a figure that differs: the reason it stands for, its
    figure (in the published unit), the year it is of and what it counts."""

    reason: str
    value: float
    year: int
    counts: str


def check(
    published: float, decimals: int, ceb: float, readings: list[Reading], definition: str = ""
) -> dict[str, Any]:
    """The comparison columns of one claim: the CEB figure, the difference, the verdict and,
    for a figure that differs, the first reading that reproduces it, else ``definition`` (a
    known difference of definition, not shown by the data)."""
    gap = ceb - published
    out: dict[str, Any] = {
        CEB: ceb,
        DIFFERENCE: gap,
        DIFFERENCE_PCT: gap / published if published else math.nan,
        VERDICT: verdict_of(published, ceb, decimals),
        REASON: "",
        EXPLAINED: False,
        CEB_OTHER: math.nan,
        CEB_OTHER_YEAR: pd.NA,
        CEB_OTHER_COUNTS: "",
    }
    if out[VERDICT] != DIFFERS:
        return out
    for reading in readings:
        if verdict_of(published, reading.value, decimals) != DIFFERS:
            out.update({REASON: reading.reason, EXPLAINED: True, CEB_OTHER: reading.value})
            out.update({CEB_OTHER_YEAR: reading.year, CEB_OTHER_COUNTS: reading.counts})
            return out
    out[REASON] = definition
    return out
