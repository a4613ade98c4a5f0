"""Per-donor figures for one UN entity, as the scorecard counts them, from the long CEB table.

The scorecard ranks donors by voluntary money (core + earmarked) in USD million; these
functions derive that view once, so every chart and export shows the same numbers.
"""

from __future__ import annotations

from typing import Final

import numpy as np
import pandas as pd

from data.ceb.names import load_donor_names, map_donor_names
from data.columns import (
    AMOUNT,
    AMOUNT_USD,
    ASSESSED,
    CORE,
    CORE_SHARE,
    DONOR_KEY,
    EARMARKED,
    ENTITY,
    INCLUDES_NEGATIVE,
    NAME_EN,
    NAME_NL,
    OTHER,
    RANK,
    REV_ASSESSED,
    REV_CORE,
    REV_EARMARKED,
    REV_OTHER,
    REV_TYPE,
    SHARE,
    VOLUNTARY,
    YEAR,
)

DEFAULT_ENTITY: Final = "IOM"

_SPLIT_COLUMNS: Final = {
    REV_ASSESSED: ASSESSED,
    REV_CORE: CORE,
    REV_EARMARKED: EARMARKED,
    REV_OTHER: OTHER,
}
_MILLION: Final = 1e6


def entities(frame: pd.DataFrame) -> list[str]:
    """The entities present, for the entity picker; sorted so the list is stable across loads."""
    return sorted(str(entity) for entity in frame[ENTITY].unique())


def _entity_rows(frame: pd.DataFrame, entity: str, names: pd.DataFrame | None) -> pd.DataFrame:
    rows = frame[frame[ENTITY] == entity]
    if rows.empty:
        raise ValueError(
            f"entity '{entity}' is not in the data; available: {', '.join(entities(frame))}"
        )
    if NAME_EN in rows.columns:
        return rows
    return map_donor_names(rows, names if names is not None else load_donor_names())


def donor_split(
    frame: pd.DataFrame, entity: str = DEFAULT_ENTITY, *, names: pd.DataFrame | None = None
) -> pd.DataFrame:
    """Per year and donor: the four revenue kinds for ``entity`` in USD million, unrounded.

    The scorecard ranks by voluntary money (core + earmarked), and the core share is what a
    donor's flexibility argument rests on, so both are derived here once. ``INCLUDES_NEGATIVE``
    flags donor-years netted down by refunds, which a reader should know before comparing them.
    A frame without names is mapped with ``names`` (default: data/donor_names.csv).
    """
    rows = _entity_rows(frame, entity, names)
    keys = [YEAR, DONOR_KEY, NAME_EN, NAME_NL]
    sums = (
        rows.groupby([*keys, REV_TYPE], observed=True)[AMOUNT_USD]
        .sum()
        .unstack(REV_TYPE, fill_value=0)
        .reindex(columns=list(_SPLIT_COLUMNS), fill_value=0.0)
        .rename(columns=_SPLIT_COLUMNS)
        .rename_axis(columns=None)
        / _MILLION
    )
    negative = (rows[AMOUNT_USD] < 0).groupby([rows[key] for key in keys]).any()
    split = sums.assign(**{INCLUDES_NEGATIVE: negative.reindex(sums.index).to_numpy(dtype=bool)})
    split[VOLUNTARY] = split[CORE] + split[EARMARKED]
    split[CORE_SHARE] = (split[CORE] / split[VOLUNTARY]).where(split[VOLUNTARY] > 0)
    split = split.reset_index()
    split = split.sort_values([YEAR, VOLUNTARY, DONOR_KEY], ascending=[True, False, True])
    ordered = [*keys, ASSESSED, CORE, EARMARKED, OTHER, VOLUNTARY, CORE_SHARE, INCLUDES_NEGATIVE]
    return split[ordered].astype({YEAR: np.int64}).reset_index(drop=True)


def ranking(
    frame: pd.DataFrame, entity: str = DEFAULT_ENTITY, *, names: pd.DataFrame | None = None
) -> pd.DataFrame:
    """Donors ranked per year by voluntary revenue (core + earmarked), as the scorecard counts.

    Donors whose voluntary total is zero or negative (only refunds) are left out of the
    ranking, but their amounts stay in the year's total, so ``SHARE`` is each donor's fraction
    of everything the entity received that year. Ties are compared to the cent and share the
    best rank, the next rank skipping ("min" method), as in published league tables.
    """
    split = donor_split(frame, entity, names=names)
    year_total = split.groupby(YEAR)[VOLUNTARY].transform("sum")
    cents = (split[VOLUNTARY] * _MILLION).round(2)
    ranked = split.assign(**{SHARE: (split[VOLUNTARY] / year_total).where(year_total > 0)})
    ranked = ranked[cents > 0].copy()
    ranked[RANK] = (
        cents[cents > 0].groupby(ranked[YEAR]).rank(method="min", ascending=False).astype(np.int64)
    )
    ranked = ranked.rename(columns={VOLUNTARY: AMOUNT}).sort_values([YEAR, RANK, DONOR_KEY])
    columns = [YEAR, RANK, DONOR_KEY, NAME_EN, NAME_NL, AMOUNT, SHARE, INCLUDES_NEGATIVE]
    return ranked[columns].reset_index(drop=True)


def totals(
    frame: pd.DataFrame, entity: str = DEFAULT_ENTITY, *, names: pd.DataFrame | None = None
) -> pd.DataFrame:
    """Per year, the entity's revenue from all government donors, in USD million.

    ``INCLUDES_NEGATIVE`` says the year's figures are net of at least one refund.
    """
    split = donor_split(frame, entity, names=names)
    amounts = [ASSESSED, CORE, EARMARKED, OTHER, VOLUNTARY]
    grouped = split.groupby(YEAR)
    result = grouped[amounts].sum()
    result[CORE_SHARE] = (result[CORE] / result[VOLUNTARY]).where(result[VOLUNTARY] > 0)
    result[INCLUDES_NEGATIVE] = grouped[INCLUDES_NEGATIVE].any()
    return result.reset_index().astype({YEAR: np.int64})
