"""Donor names: the curated table that maps a CEB official name to a stable key and memo names.

CEB writes "United Kingdom of Great Britain and Northern Ireland"; a memo says "United Kingdom"
(en) or "Verenigd Koninkrijk" (nl), and the charts need one key per donor across years and
sources. ``data/donor_names.csv`` holds that mapping for the donors memos name; it is validated
on load because a duplicate key or official name would silently merge two donors. Every other
name goes through the donor identity (``data/identity.py``: ISO key, CLDR names, the aliases and
U+FFFD-broken names), the same one the built-in funding history uses, so a CEB upload and the
history key a donor alike.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Final

import numpy as np
import pandas as pd

from data.ceb.validate import fail_first
from data.columns import DONOR, DONOR_KEY, NAME_EN, NAME_NL, OFFICIAL_NAME
from data.error_text import Params
from data.errors import DataLoadError
from data.identity import donor_keys, donor_names

DONOR_NAMES_PATH: Final = Path(__file__).parent.parent / "donor_names.csv"
DONOR_NAME_COLUMNS: Final = (DONOR_KEY, OFFICIAL_NAME, NAME_EN, NAME_NL)


def load_donor_names(path: Path | None = None) -> pd.DataFrame:
    """The curated key/name table; validated because a duplicate would silently merge two donors."""
    source = path or DONOR_NAMES_PATH
    try:
        frame = pd.read_csv(source, dtype=str, na_filter=False, encoding="utf-8")
    except FileNotFoundError as exc:
        raise DataLoadError(
            source.name, key="error.file_not_found", params={"path": str(source)}
        ) from exc
    if tuple(frame.columns) != DONOR_NAME_COLUMNS:
        raise DataLoadError(
            source.name,
            row=1,
            key="error.names_header",
            params={
                "expected": ", ".join(DONOR_NAME_COLUMNS),
                "found": ", ".join(map(str, frame.columns)),
            },
        )
    frame = frame.apply(lambda column: column.str.strip()).astype("str")
    lines = np.arange(2, len(frame) + 2, dtype=np.int64)
    for column in DONOR_NAME_COLUMNS:
        fail_first(
            source.name, (frame[column] == "").to_numpy(), lines, column, "error.names_empty"
        )
    for column in (DONOR_KEY, OFFICIAL_NAME):
        _check_unique(source.name, frame[column].tolist(), lines, column)
    return frame.reset_index(drop=True)


def _check_unique(name: str, values: list[str], lines: np.ndarray, column: str) -> None:
    """Name the earlier row too, so the curator sees which of the two entries to merge."""
    first_line: dict[str, int] = {}
    repeated = np.zeros(len(values), dtype=bool)
    for position, value in enumerate(values):
        if value in first_line:
            repeated[position] = True
        else:
            first_line[value] = int(lines[position])

    def params(row: int) -> Params:
        return {"value": values[row], "first_row": first_line[values[row]]}

    fail_first(name, repeated, lines, column, "error.names_not_unique", params)


MAX_SHOWN_NAME: Final = 60


def short_name(name: str) -> str:
    """A name as charts and tables show it: at most ``MAX_SHOWN_NAME`` characters, cut at a
    word where one is near and marked with an ellipsis."""
    if len(name) <= MAX_SHOWN_NAME:
        return name
    cut = name[: MAX_SHOWN_NAME - 1]
    space = cut.rfind(" ")
    return (cut[:space] if space > MAX_SHOWN_NAME // 2 else cut).rstrip() + "…"


def short_key(name: str) -> str:
    """An unknown donor's key: its name, or for a name too long to carry around in links,
    dropdowns and figures, the shortened name with a digest that keeps two such names apart."""
    if len(name) <= MAX_SHOWN_NAME:
        return name
    return f"{short_name(name)}#{hashlib.sha256(name.encode()).hexdigest()[:10]}"


def map_donor_names(frame: pd.DataFrame, names: pd.DataFrame) -> pd.DataFrame:
    """Attach the stable key and memo names to each row; a new frame, the input is untouched.

    ``DONOR`` and ``DONOR_KEY`` are the same column name, so the key replaces the official
    name in that column and the official name moves to ``OFFICIAL_NAME``. A name not in
    ``names`` is keyed by the donor identity; a donor neither knows keeps its official name as
    key and as both display names, so nothing disappears from a total.
    """
    official = frame[OFFICIAL_NAME] if OFFICIAL_NAME in frame.columns else frame[DONOR]
    codes, uniques = pd.factorize(official)
    lookup = names.set_index(OFFICIAL_NAME)
    distinct = pd.Index(uniques)
    listed = lookup[DONOR_KEY].reindex(distinct)
    identified = _identified(distinct[listed.isna().to_numpy()])
    fallback = pd.Series(distinct, index=distinct)
    # An unknown donor is shown and keyed by its own name, shortened: a 20,000-character name
    # in a file crashed the browser tab. The official name keeps it whole.
    shown = fallback.map(short_name)
    keys = fallback.map(short_key)
    mapped = {
        column: lookup[column]
        .reindex(distinct)
        .fillna(identified[column].reindex(distinct))
        .fillna(keys if column == DONOR_KEY else shown)
        for column in (DONOR_KEY, NAME_EN, NAME_NL)
    }
    result = frame.drop(columns=[DONOR, OFFICIAL_NAME, NAME_EN, NAME_NL], errors="ignore")
    added = pd.DataFrame(
        {
            DONOR_KEY: pd.array(mapped[DONOR_KEY].to_numpy().take(codes), dtype="str"),
            OFFICIAL_NAME: pd.array(official.to_numpy(), dtype="str"),
            NAME_EN: pd.array(mapped[NAME_EN].to_numpy().take(codes), dtype="str"),
            NAME_NL: pd.array(mapped[NAME_NL].to_numpy().take(codes), dtype="str"),
        },
        index=frame.index,
    )
    return pd.concat([added, result], axis=1)


def _identified(official: pd.Index) -> pd.DataFrame:
    """Key and display names, by official name, of the names the donor identity knows."""
    pairs = [
        (str(name), key)
        for name, key in zip(official, donor_keys(official), strict=True)
        if key is not None
    ]
    known = donor_names([key for _, key in pairs])
    return known.set_axis(pd.Index([name for name, _ in pairs], dtype="str"), axis=0)
