"""The scorecard's statements without a figure that CEB data can still test.

They are listed in ``data/claims_statements.csv`` with page, line and quote (they have no value,
so ``facts.csv`` cannot hold them), each with the name of its test here:

- ``core_rank``: "one of the largest core donors": the donor's rank among the governments
  giving core funding to IOM that year, held against ``LARGEST_RANK``;
- ``core_share_below_median``: "relatively little unearmarked funding compared with other UN
  organisations": IOM's core share of voluntary revenue against the median of every entity
  with voluntary revenue that year, once for governments' money and once for everyone's.

Each is tested in every year of the scorecard's donor table that the history covers.
"""

from __future__ import annotations

import csv
import math
from collections.abc import Callable
from pathlib import Path
from typing import Any, Final

import pandas as pd

from data import columns as c
from data.claims_figures import CebFigures
from data.claims_rule import (
    AGREES,
    CEB,
    CEB_COUNTS,
    CEB_OTHER,
    CEB_OTHER_COUNTS,
    CEB_OTHER_YEAR,
    CLAIM,
    COMPARED,
    DIFFERS,
    KIND,
    PAGES,
    RANK_UNIT,
    STATEMENT,
    TOPIC,
    TOPICS,
    VERDICT,
)
from data.combine import EVERYONE, GOVERNMENTS
from data.model import PUBLISHED_ENTITY

STATEMENTS_PATH: Final = Path(__file__).resolve().parent / "claims_statements.csv"
STATEMENT_COLUMNS: Final = (
    *("claim", "topic", "test", c.DONOR, c.SOURCE_ID, c.PAGE, c.LINE_IN_SOURCE, c.QUOTE_NL),
)
# "One of the largest" core donors: among the ten largest, the length of the league tables
# memos quote. A rule of reading, not a result: the rank itself is CEB's.
LARGEST_RANK: Final = 10

Row = dict[str, Any]


def core_rank(figures: CebFigures, year: int, donor: str, largest: int = LARGEST_RANK) -> list[Row]:
    """The donor's rank among the year's government core donors, and whether it is among the
    ``largest``; a donor that gave no core funding is not among them."""
    ranks = figures.core_ranks(year)
    rank = float(ranks[donor]) if donor in ranks.index else math.nan
    holds = not math.isnan(rank) and rank <= largest
    return [
        {
            CLAIM: f"core_donor.rank.{year}.{donor}",
            c.DONOR: donor,
            c.UNIT: RANK_UNIT,
            STATEMENT: "one_of_largest_core_donors",
            CEB: rank,
            CEB_COUNTS: "donor_core_rank",
            CEB_OTHER: float(largest),
            CEB_OTHER_YEAR: year,
            CEB_OTHER_COUNTS: "largest_rank",
            COMPARED: len(ranks),
            VERDICT: AGREES if holds else DIFFERS,
        }
    ]


def core_share_below_median(figures: CebFigures, year: int, donor: str) -> list[Row]:
    """IOM's core share of voluntary revenue against the median entity's, for governments'
    money and for everyone's (``donor`` is unused: the statement is about IOM)."""
    out = []
    for scope in (GOVERNMENTS, EVERYONE):
        shares = figures.shares(scope)
        rows = shares[(shares[c.YEAR] == year) & shares[c.CORE_SHARE].notna()]
        iom = rows.loc[rows[c.ENTITY] == PUBLISHED_ENTITY, c.CORE_SHARE]
        if iom.empty:
            continue
        share, median = 100 * float(iom.iloc[0]), 100 * float(rows[c.CORE_SHARE].median())
        out.append(
            {
                CLAIM: f"un_core_share.{scope}.{year}",
                c.UNIT: "%",
                STATEMENT: "little_core_against_un",
                CEB: share,
                CEB_COUNTS: f"iom_core_share.{scope}",
                CEB_OTHER: median,
                CEB_OTHER_YEAR: year,
                CEB_OTHER_COUNTS: f"median_core_share.{scope}",
                COMPARED: len(rows),
                VERDICT: AGREES if share < median else DIFFERS,
            }
        )
    return out


TESTS: Final[dict[str, Callable[[CebFigures, int, str], list[Row]]]] = {
    "core_rank": core_rank,
    "core_share_below_median": core_share_below_median,
}


def read_statements(path: Path = STATEMENTS_PATH) -> list[dict[str, str]]:
    """The statements; a wrong header, an unknown test or topic or a missing page is a
    curator's error, raised here so a claim cannot silently drop out of the check."""
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        if tuple(reader.fieldnames or ()) != STATEMENT_COLUMNS:
            raise ValueError(
                f"{path.name}: header {reader.fieldnames}, expected {list(STATEMENT_COLUMNS)}"
            )
        rows = [{k: (v or "").strip() for k, v in row.items()} for row in reader]
    for line, row in enumerate(rows, start=2):
        known = row["test"] in TESTS and row["topic"] in TOPICS
        if not known or not row[c.PAGE].isdigit() or not row[c.QUOTE_NL]:
            raise ValueError(f"{path.name} line {line}: unknown test or topic, no page or quote")
    return rows


def statement_claims(
    figures: CebFigures, facts: pd.DataFrame, path: Path = STATEMENTS_PATH
) -> list[Row]:
    """Every statement tested in each year of the scorecard's donor table the history has."""
    table_years = facts.loc[facts[c.METRIC] == "donor_contribution", c.YEAR].dropna()
    years = sorted({int(y) for y in table_years} & figures.years)
    out = []
    for stated in read_statements(path):
        for year in years:
            for row in TESTS[stated["test"]](figures, year, stated[c.DONOR]):
                out.append(
                    {
                        **row,
                        TOPIC: stated["topic"],
                        KIND: "statement",
                        c.YEAR: year,
                        PAGES: stated[c.PAGE],
                    }
                )
    return out
