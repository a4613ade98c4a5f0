"""Pure calculations behind every derived number the app shows (shares, changes, growth).

Kept apart from the model so each formula is tested on its own against values worked out by hand.
"""

from __future__ import annotations

import math

import pandas as pd

from data import columns as c


def share(part: float, total: float) -> float:
    """Part of a total as a fraction; NaN when the total is not positive."""
    return part / total if total > 0 else math.nan


def change(previous: float, current: float) -> tuple[float, float]:
    """Absolute and relative change; the relative change is NaN when there is no base."""
    absolute = current - previous
    relative = (
        absolute / previous if previous not in (0, 0.0) and not math.isnan(previous) else math.nan
    )
    return absolute, relative


def growth(first: float, last: float, years: int) -> tuple[float, float]:
    """Total growth and compound average annual growth over ``years`` years, as fractions."""
    total = last / first - 1
    annual = (last / first) ** (1 / years) - 1 if years > 0 else math.nan
    return total, annual


def with_other(ranking: pd.DataFrame, total: float) -> pd.DataFrame:
    """Append one 'other donors' row holding the rest of the total, and every row's share.

    The remainder is the published total minus the listed donors, so shares always add up
    to the total the source gives.
    """
    listed = float(ranking[c.AMOUNT].sum())
    rest = total - listed
    out = ranking.assign(**{c.IS_OTHER: False})
    if rest > 1e-9:
        other: dict[str, object] = {
            col: False if out[col].dtype == bool else pd.NA for col in out.columns
        }
        other.update({c.DONOR_KEY: c.OTHER_KEY, c.AMOUNT: rest, c.IS_OTHER: True})
        if c.YEAR in out.columns and len(out):
            other[c.YEAR] = out[c.YEAR].iloc[0]
        extra = pd.DataFrame([other])
        # Nothing listed (every contributor is a remainder, as UPU's in 2024): the rest alone.
        out = (
            pd.concat([out, extra.astype(out.dtypes.to_dict())], ignore_index=True)
            if len(out)
            else extra
        )
    return out.assign(**{c.SHARE: out[c.AMOUNT] / total if total > 0 else math.nan})


def year_on_year(frame: pd.DataFrame) -> pd.DataFrame:
    """Per donor, change in amount and rank against the previous year in the frame.

    Only consecutive years count: a donor missing from the previous year's list gets no change,
    since the source does not say where it stood.
    """
    ordered = frame.sort_values([c.DONOR_KEY, c.YEAR])
    grouped = ordered.groupby(c.DONOR_KEY, sort=False)
    prev_year = grouped[c.YEAR].shift(1)
    prev_amount = grouped[c.AMOUNT].shift(1)
    prev_rank = grouped[c.RANK].shift(1)
    consecutive = (ordered[c.YEAR] - prev_year) == 1
    abs_change = (ordered[c.AMOUNT] - prev_amount).where(consecutive)
    pct_change = (abs_change / prev_amount).where(consecutive & (prev_amount > 0))
    rank_change = (prev_rank - ordered[c.RANK]).where(consecutive)
    changes: dict[str, pd.Series] = {
        c.CHANGE_ABS: abs_change.astype("float64"),
        c.CHANGE_PCT: pct_change.astype("float64"),
        c.RANK_CHANGE: rank_change.astype("Int64"),
    }
    return ordered.assign(**changes).sort_values([c.YEAR, c.RANK], ignore_index=True)
