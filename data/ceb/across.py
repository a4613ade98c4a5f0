"""Views across the CEB table that one entity's ranking does not give: the core share of every
entity, the contributor types of one entity, one donor at every entity, and the full table.

Each function takes the long revenue table (every entity, and for the built-in history every
contributor category) and returns a new frame in USD million, unrounded.
"""

from __future__ import annotations

from typing import Final

import numpy as np
import pandas as pd

from data.ceb.names import load_donor_names, map_donor_names
from data.columns import (
    AMOUNT_USD,
    ASSESSED,
    CATEGORY,
    CORE,
    CORE_SHARE,
    DONOR_KEY,
    EARMARKED,
    ENTITY,
    NAME_EN,
    NAME_NL,
    OTHER,
    RANK,
    REV_ASSESSED,
    REV_CORE,
    REV_EARMARKED,
    REV_OTHER,
    REV_TYPE,
    VOLUNTARY,
    YEAR,
)

_KINDS: Final = {REV_ASSESSED: ASSESSED, REV_CORE: CORE, REV_EARMARKED: EARMARKED, REV_OTHER: OTHER}
_MILLION: Final = 1e6
# A loaded CEB export names no category: every row is a government's.
GOVERNMENT_CATEGORY: Final = "Government"


def _wide(frame: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    """Sum ``frame`` by ``keys`` into one column per revenue kind, with voluntary and core share."""
    sums = (
        frame.groupby([*keys, REV_TYPE], observed=True)[AMOUNT_USD]
        .sum()
        .unstack(REV_TYPE, fill_value=0)
        .reindex(columns=list(_KINDS), fill_value=0.0)
        .rename(columns=_KINDS)
        .rename_axis(columns=None)
        / _MILLION
    )
    sums[VOLUNTARY] = sums[CORE] + sums[EARMARKED]
    sums[CORE_SHARE] = (sums[CORE] / sums[VOLUNTARY]).where(sums[VOLUNTARY] > 0)
    return sums.reset_index()


def categories(frame: pd.DataFrame) -> pd.Series:
    """Each row's contributor category (a loaded file's rows are governments')."""
    if CATEGORY in frame.columns:
        return frame[CATEGORY].astype("str")
    return pd.Series(GOVERNMENT_CATEGORY, index=frame.index, dtype="str")


def entity_shares(frame: pd.DataFrame) -> pd.DataFrame:
    """Per year and entity: the revenue kinds and the core share of voluntary revenue."""
    out = _wide(frame, [YEAR, ENTITY])
    return out.astype({YEAR: np.int64, ENTITY: "str"}).sort_values(
        [YEAR, ENTITY], ignore_index=True
    )


def contributor_types(frame: pd.DataFrame, entity: str) -> pd.DataFrame:
    """Per year and contributor category: the entity's revenue kinds."""
    rows = frame[frame[ENTITY] == entity]
    rows = rows.assign(**{CATEGORY: categories(rows)})
    out = _wide(rows, [YEAR, CATEGORY])
    return out.astype({YEAR: np.int64, CATEGORY: "str"}).sort_values(
        [YEAR, VOLUNTARY], ascending=[True, False], ignore_index=True
    )


def donor_profile(frame: pd.DataFrame, donor: str) -> pd.DataFrame:
    """Per year and entity, ``donor``'s revenue kinds, core share and rank among the entity's
    contributors in that year (by voluntary revenue, ties sharing the best rank)."""
    if NAME_EN not in frame.columns:  # a loaded export names donors officially: key them first
        frame = map_donor_names(frame, load_donor_names())
    per_donor = _wide(frame, [YEAR, ENTITY, DONOR_KEY])
    voluntary = (per_donor[VOLUNTARY] * _MILLION).round(2)
    ranked = per_donor[voluntary > 0].copy()
    ranked[RANK] = (
        voluntary[voluntary > 0]
        .groupby([ranked[YEAR], ranked[ENTITY]])
        .rank(method="min", ascending=False)
        .astype(np.int64)
    )
    mine = ranked[ranked[DONOR_KEY] == donor].drop(columns=[DONOR_KEY])
    return mine.astype({YEAR: np.int64, ENTITY: "str"}).sort_values(
        [YEAR, VOLUNTARY], ascending=[True, False], ignore_index=True
    )


def full_table(frame: pd.DataFrame, entity: str, year: int) -> pd.DataFrame:
    """Every contributor of the entity in the year, with category and every revenue kind; a
    loaded export's official names are mapped to keys and display names first."""
    rows = frame[(frame[ENTITY] == entity) & (frame[YEAR] == year)]
    if NAME_EN not in rows.columns:
        rows = map_donor_names(rows, load_donor_names())
    rows = rows.assign(**{CATEGORY: categories(rows)})
    out = _wide(rows, [DONOR_KEY, NAME_EN, NAME_NL, CATEGORY])
    return out.sort_values([VOLUNTARY, DONOR_KEY], ascending=[False, True], ignore_index=True)
