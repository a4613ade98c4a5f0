"""The UN funding history the app starts with: every contributor's revenue per UN entity and year.

Read from the shipped tables (``python -m data.history.build`` writes them), once per process:
the frame is immutable by convention, so each caller gets its own copy (a few milliseconds:
the string columns copy their pointers, the categorical ones their codes). The frame has the tidy shape the CEB aggregation
takes (``data.ceb.donor_split(load_history(), "IOM")``), names already attached, plus the
contributor's category, so a view can keep governments only or show the European Union beside
them.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import numpy as np
import pandas as pd

from data.columns import (
    AMOUNT_USD,
    CATEGORY,
    DONOR_KEY,
    ENTITY,
    IS_OTHER,
    NAME_EN,
    NAME_NL,
    OFFICIAL_NAME,
    REV_TYPE,
    REV_TYPES,
    YEAR,
)
from data.history.files import (
    CONTRIBUTOR_COLUMNS,
    CONTRIBUTORS_FILE,
    HISTORY_DIR,
    MANIFEST_FILE,
    REVENUE_COLUMNS,
    REVENUE_FILE,
)
from data.identity import donor_names

HISTORY_COLUMNS = (
    DONOR_KEY,
    NAME_EN,
    NAME_NL,
    OFFICIAL_NAME,
    CATEGORY,
    ENTITY,
    REV_TYPE,
    YEAR,
    AMOUNT_USD,
)


class HistoryFileError(ValueError):
    """A shipped history file does not match what the build writes: rebuild it."""


def _check_header(name: str, found: pd.Index, expected: tuple[str, ...]) -> None:
    if tuple(found) != expected:
        raise HistoryFileError(f"{name}: columns {list(found)}, expected {list(expected)}")


def _manifest_rows(directory: Path) -> dict[str, int]:
    manifest = json.loads((directory / MANIFEST_FILE).read_text(encoding="utf-8"))
    return {str(entry["file"]): int(entry["rows"]) for entry in manifest["shipped"]}


@cache
def _contributors(directory: Path) -> pd.DataFrame:
    path = directory / CONTRIBUTORS_FILE
    frame = pd.read_csv(path, dtype=str, na_filter=False, encoding="utf-8")
    _check_header(path.name, frame.columns, CONTRIBUTOR_COLUMNS)
    if not frame[DONOR_KEY].is_unique or len(frame) != _manifest_rows(directory)[path.name]:
        raise HistoryFileError(f"{path.name}: keys repeated or rows missing; rebuild it")
    frame[IS_OTHER] = frame[IS_OTHER].map({"true": True, "false": False}).astype(bool)
    names = donor_names(frame[DONOR_KEY])
    frame.insert(1, NAME_EN, names[NAME_EN].to_numpy())
    frame.insert(2, NAME_NL, names[NAME_NL].to_numpy())
    return frame


def load_contributors(directory: Path = HISTORY_DIR) -> pd.DataFrame:
    """One row per contributor key: names (en, nl, the history's), category and its changes,
    UN status, whether it is a computed remainder ("Other ..."), ISO code and years listed."""
    return _contributors(directory).copy()


def _spread(values: pd.Series, codes: np.ndarray) -> pd.Series:
    """``values[codes]``: every row refers to one of the contributor's string objects.

    Plain strings, not categoricals: a mapped CEB upload has them so (``map_donor_names``),
    and the donor columns flow into every ranking a view appends an "other" row to.
    """
    return pd.Series(pd.array(values.to_numpy(dtype=object).take(codes), dtype="str"))


def _spread_categorical(values: pd.Series, codes: np.ndarray) -> pd.Categorical:
    """``values[codes]`` as a categorical: a handful of categories over 90,000 rows."""
    categories = pd.Categorical(values)
    return pd.Categorical.from_codes(categories.codes[codes], categories.categories)


@cache
def _history(directory: Path) -> pd.DataFrame:
    path = directory / REVENUE_FILE
    contributors = _contributors(directory)
    revenue = pd.read_csv(
        path,
        dtype={
            YEAR: "int64",
            ENTITY: "category",
            DONOR_KEY: "str",
            REV_TYPE: "str",
            AMOUNT_USD: "float64",
        },
        na_filter=False,
        encoding="utf-8",
    )
    # pandas >= 3.1 parses every float exactly (round trip); a test checks every amount
    _check_header(path.name, revenue.columns, REVENUE_COLUMNS)
    if len(revenue) != _manifest_rows(directory)[path.name]:
        raise HistoryFileError(f"{path.name}: {len(revenue)} rows, the manifest says otherwise")
    donors = pd.Categorical(revenue[DONOR_KEY], categories=contributors[DONOR_KEY])
    rev_types = pd.Categorical(revenue[REV_TYPE], categories=list(REV_TYPES))
    if (donors.codes < 0).any() or (rev_types.codes < 0).any():
        raise HistoryFileError(f"{path.name}: a donor or revenue type not in the tables")
    codes = donors.codes
    frame = pd.DataFrame(
        {
            DONOR_KEY: _spread(contributors[DONOR_KEY], codes),
            NAME_EN: _spread(contributors[NAME_EN], codes),
            NAME_NL: _spread(contributors[NAME_NL], codes),
            OFFICIAL_NAME: _spread(contributors[OFFICIAL_NAME], codes),
            CATEGORY: _spread_categorical(contributors[CATEGORY], codes),
            ENTITY: revenue[ENTITY],
            REV_TYPE: rev_types,
            YEAR: revenue[YEAR],
            AMOUNT_USD: revenue[AMOUNT_USD].astype("float64"),
        }
    )
    return frame[list(HISTORY_COLUMNS)]


def load_history(directory: Path = HISTORY_DIR) -> pd.DataFrame:
    """Every revenue cell of the history, one row per year, entity, donor and revenue type, in
    plain USD as the history gives it (explicit zeros and refunds kept); ``CATEGORY`` is the
    contributor's latest category in the history. The caller's own copy."""
    return _history(directory).copy()
