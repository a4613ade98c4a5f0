"""Loaded files added to the built-in CEB history, and the choice of who is ranked.

A loaded CEB export holds government donors only, for the years and entities it covers. Added to
the history, it replaces the history's government rows for exactly those entity-years (the file is
the newer or corrected statement of them) and leaves every other year, entity and the
non-government contributors as the history has them: a 2024 file adds to 2013–2023 instead of
hiding them.
"""

from __future__ import annotations

from typing import Final

import pandas as pd

from data import columns as c
from data.ceb import load_donor_names, map_donor_names

GOVERNMENTS: Final = "governments"
EVERYONE: Final = "all"
GOVERNMENT_CATEGORY: Final = "Government"


def in_scope(frame: pd.DataFrame, scope: str) -> pd.DataFrame:
    """The rows of the contributors ranked: governments only (as the scorecard ranks member
    states), or everyone. Rows without a category (a loaded file) are governments."""
    if scope == EVERYONE or c.CATEGORY not in frame.columns:
        return frame
    return frame[frame[c.CATEGORY] == GOVERNMENT_CATEGORY]


def with_history(history: pd.DataFrame, loaded: pd.DataFrame) -> pd.DataFrame:
    """The history with ``loaded``'s government rows in place of its own for the entity-years
    the loaded rows cover; a new frame, neither input is touched."""
    named = map_donor_names(loaded, load_donor_names())
    named = named.assign(**{c.CATEGORY: GOVERNMENT_CATEGORY})
    covered = pd.MultiIndex.from_frame(named[[c.ENTITY, c.YEAR]].drop_duplicates())
    keys = pd.MultiIndex.from_frame(history[[c.ENTITY, c.YEAR]])
    replaced = keys.isin(covered) & (history[c.CATEGORY] == GOVERNMENT_CATEGORY).to_numpy()
    columns = [col for col in history.columns if col in named.columns]
    kept = history.loc[~replaced, columns]
    added = named[columns]
    combined = pd.concat([kept, added], ignore_index=True)
    return combined.astype({c.ENTITY: "str", c.REV_TYPE: "str", c.CATEGORY: "str"})
