"""What a usable CEB table is: its header, typed columns, and no donor-year counted twice.

CSV and XLSX arrive here as the same text table (every cell a string, with the physical line of
each row), so one set of rules and one set of messages serves both formats. Every check reports
the first bad row and how many others share the problem, so the analyst sees the scale at once.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Final

import numpy as np
import pandas as pd
from openpyxl.utils import get_column_letter

from data.ceb.inert import inert_text
from data.columns import AMOUNT_USD, DONOR, ENTITY, FILE, LINE, REV_TYPE, REV_TYPES, YEAR
from data.error_text import Fragment, Params, ParamValue
from data.errors import DataLoadError

# Header of a CEB export (and of the app's template), in file order. These are the names the
# analyst sees in the file, so error messages use them rather than the internal column names.
CEB_DONOR: Final = "government_donor"
CEB_ENTITY: Final = "entity"
CEB_REV_TYPE: Final = "rev_type"
CEB_YEAR: Final = "calendar_year"
CEB_AMOUNT: Final = "amount"
CEB_COLUMNS: Final = (CEB_DONOR, CEB_ENTITY, CEB_REV_TYPE, CEB_YEAR, CEB_AMOUNT)

HEADER_SEARCH_ROWS: Final = 10
"""How far down a misplaced header is looked for: tells "title rows above" from "wrong columns"."""

REVENUE_COLUMNS: Final = (DONOR, ENTITY, REV_TYPE, YEAR, AMOUNT_USD, FILE, LINE)
_KEY_COLUMNS: Final = [DONOR, ENTITY, REV_TYPE, YEAR]
_YEAR_PATTERN: Final = re.compile(r"[0-9]{4}")
_EXPECTED_HEADER: Final = ", ".join(CEB_COLUMNS)


def _normalise(cell: str) -> str:
    return cell.strip().strip("\ufeff").strip().lower()


def check_header(name: str, head: list[tuple[int, list[str]]]) -> list[str]:
    """Return the header cells of row 1, or say precisely why row 1 is not the CEB header.

    ``head`` is the first rows (up to ``HEADER_SEARCH_ROWS`` + 1) with their line numbers.
    """
    if not head:
        raise DataLoadError(name, key="error.empty")
    expected = set(CEB_COLUMNS)

    def matches(cells: list[str]) -> int:
        return len(expected & {_normalise(cell) for cell in cells})

    first_line, first = head[0]
    found = matches(first)
    if found < len(expected):
        later = [(line, cells) for line, cells in head[1:] if line <= HEADER_SEARCH_ROWS]
        best_line, best = max(later, key=lambda item: matches(item[1]), default=(0, []))
        if matches(best) >= 3 and matches(best) > found:
            raise DataLoadError(
                name,
                row=best_line,
                key="error.header_below",
                params={"row": best_line, "expected": _EXPECTED_HEADER},
            )
    normalised = [_normalise(cell) for cell in first]
    for column in CEB_COLUMNS:
        if normalised.count(column) > 1:
            raise DataLoadError(name, row=first_line, column=column, key="error.repeated_column")
    missing = [column for column in CEB_COLUMNS if column not in normalised]
    unexpected = [
        cell.strip() for cell, n in zip(first, normalised, strict=True) if n and n not in expected
    ]
    if missing or unexpected:
        params = {
            "missing": ", ".join(f"'{column}'" for column in missing),
            "unexpected": ", ".join(f"'{column}'" for column in unexpected),
            "expected": _EXPECTED_HEADER,
        }
        if missing and unexpected:
            key = "error.wrong_columns_both"
        else:
            key = "error.wrong_columns_missing" if missing else "error.wrong_columns_unexpected"
        raise DataLoadError(
            name,
            row=first_line,
            column=missing[0] if missing else unexpected[0],
            key=key,
            params=params,
        )
    return first


def _factorize_stripped(
    values: pd.Series, clean: Callable[[str], str] = str.strip
) -> tuple[np.ndarray, np.ndarray]:
    """Codes plus cleaned distinct values: names repeat thousands of times, so clean once each."""
    codes, uniques = pd.factorize(values.fillna(""))
    stripped = np.array([clean(str(value).strip()) for value in uniques], dtype=object)
    return np.asarray(codes, dtype=np.int64), stripped


def _no_params(_: int) -> Params:
    return {}


def more_rows(
    others: int, one: str = "error.more_row", many: str = "error.more_rows"
) -> ParamValue:
    """The "(N more rows ...)" tail of a message (key ``one`` or ``many``), empty when none."""
    if others == 0:
        return ""
    return Fragment(one) if others == 1 else Fragment(many, {"count": others})


def fail_first(
    name: str,
    bad: np.ndarray,
    lines: np.ndarray,
    column: str,
    key: str,
    params: Callable[[int], Params] = _no_params,
) -> None:
    """Raise ``key`` for the first bad row, counting the others so the analyst knows the scale.

    ``params`` gives the values for the first bad row (its position in ``bad``); ``{more}`` in
    the key's text receives the count of the others.
    """
    positions = np.flatnonzero(bad)
    if positions.size == 0:
        return
    first = int(positions[0])
    values = {**params(first), "more": more_rows(positions.size - 1)}
    raise DataLoadError(name, row=int(lines[first]), column=column, key=key, params=values)


def tidy(name: str, header: list[str], body: pd.DataFrame, lines: np.ndarray) -> pd.DataFrame:
    """Turn the text table into typed columns, raising for the first row that cannot be used."""
    columns: dict[str, pd.Series] = {}
    for position, cell in enumerate(header):
        column = body.iloc[:, position]
        key = _normalise(cell)
        if key:
            columns[key] = column
            continue
        filled = column.fillna("").str.strip() != ""
        fail_first(
            name,
            filled.to_numpy(),
            lines,
            f"column {get_column_letter(position + 1)}",
            "error.unnamed_column",
        )

    # Names are drawn in charts: made inert here, where they enter the model (see data.ceb.inert)
    donor_codes, donor_names = _factorize_stripped(columns[CEB_DONOR], inert_text)
    entity_codes, entity_names = _factorize_stripped(columns[CEB_ENTITY], inert_text)
    type_codes, type_names = _factorize_stripped(columns[CEB_REV_TYPE])
    year_codes, year_texts = _factorize_stripped(columns[CEB_YEAR])
    amount_raw = columns[CEB_AMOUNT].fillna("")
    amount_text = amount_raw.str.replace(" ", "", regex=False)

    blank = (
        (donor_names == "")[donor_codes]
        & (entity_names == "")[entity_codes]
        & (type_names == "")[type_codes]
        & (year_texts == "")[year_codes]
        & (amount_text == "").to_numpy()
    )
    if blank.any():  # empty lines and Excel's formatted-but-empty rows carry no data
        keep = ~blank
        donor_codes, entity_codes = donor_codes[keep], entity_codes[keep]
        type_codes, year_codes = type_codes[keep], year_codes[keep]
        amount_text, amount_raw, lines = amount_text[keep], amount_raw[keep], lines[keep]
    if len(lines) == 0:
        raise DataLoadError(name, key="error.no_rows")

    fail_first(name, (donor_names == "")[donor_codes], lines, CEB_DONOR, "error.empty_donor")
    fail_first(name, (entity_names == "")[entity_codes], lines, CEB_ENTITY, "error.empty_entity")
    allowed = ", ".join(f"'{rev_type}'" for rev_type in REV_TYPES)
    fail_first(
        name,
        ~np.isin(type_names, REV_TYPES)[type_codes],
        lines,
        CEB_REV_TYPE,
        "error.unknown_rev_type",
        lambda row: {"value": str(type_names[type_codes[row]]), "allowed": allowed},
    )
    year_ok = np.array([bool(_YEAR_PATTERN.fullmatch(text)) for text in year_texts], dtype=bool)
    fail_first(
        name,
        ~year_ok[year_codes],
        lines,
        CEB_YEAR,
        "error.bad_year",
        lambda row: {"value": str(year_texts[year_codes[row]])},
    )
    amounts = _parse_amounts(name, amount_text, amount_raw, lines)

    years = np.array([int(text) if ok else 0 for text, ok in zip(year_texts, year_ok, strict=True)])
    frame = pd.DataFrame(
        {
            DONOR: pd.array(donor_names.take(donor_codes), dtype="str"),
            ENTITY: pd.array(entity_names.take(entity_codes), dtype="str"),
            REV_TYPE: pd.array(type_names.take(type_codes), dtype="str"),
            YEAR: years.take(year_codes).astype(np.int64),
            AMOUNT_USD: amounts,
            FILE: pd.array(np.full(len(lines), name, dtype=object), dtype="str"),
            LINE: lines.astype(np.int64),
        }
    )
    check_duplicates(frame)
    return frame


def _parse_amounts(name: str, compact: pd.Series, raw: pd.Series, lines: np.ndarray) -> np.ndarray:
    """USD amounts with space thousands separators; other whitespace only re-tried where needed.

    ``raw`` is the cell as written, quoted back in an error so the analyst can find it.
    """
    numbers = pd.to_numeric(compact, errors="coerce")
    values = numbers.to_numpy(dtype=np.float64, na_value=np.nan, copy=True)
    bad = ~np.isfinite(values)
    if bad.any():  # no-break spaces (Excel in nl/fr locales) and tabs: a slower pass, few rows
        retried = compact[bad].str.replace(r"\s+", "", regex=True)
        values[bad] = pd.to_numeric(retried, errors="coerce").to_numpy(
            dtype=np.float64, na_value=np.nan
        )
        bad = ~np.isfinite(values)
    if not bad.any():
        return values
    texts = raw.to_numpy(dtype=object)
    empty = np.array([str(text).strip() == "" for text in texts[bad]], dtype=bool)
    empty_rows = np.zeros(len(values), dtype=bool)
    empty_rows[np.flatnonzero(bad)[empty]] = True
    fail_first(name, empty_rows, lines, CEB_AMOUNT, "error.empty_amount")
    fail_first(
        name, bad, lines, CEB_AMOUNT, "error.bad_amount", lambda row: {"value": str(texts[row])}
    )
    raise AssertionError("unreachable: fail_first raised for the bad amounts")


def check_duplicates(frame: pd.DataFrame) -> None:
    """The same donor, entity, type and year twice would be double-counted: name both places."""
    later = frame.duplicated(_KEY_COLUMNS, keep="first").to_numpy()
    if not later.any():
        return
    second = int(np.flatnonzero(later)[0])
    same = np.ones(len(frame), dtype=bool)
    for column in _KEY_COLUMNS:
        same &= (frame[column] == frame[column].iat[second]).to_numpy()
    first = int(np.flatnonzero(same)[0])
    files = frame[FILE].to_numpy(dtype=object)
    lines = frame[LINE].to_numpy(dtype=np.int64)
    params: dict[str, ParamValue] = {
        "donor_column": CEB_DONOR,
        "entity_column": CEB_ENTITY,
        "type_column": CEB_REV_TYPE,
        "year_column": CEB_YEAR,
        "first_row": int(lines[first]),
        "key": " / ".join(str(frame[column].iat[second]) for column in _KEY_COLUMNS),
        "more": more_rows(int(later.sum()) - 1, "error.more_duplicate", "error.more_duplicates"),
    }
    key = "error.duplicate_row"
    if files[first] != files[second]:
        key = "error.duplicate_row_in_file"
        params["first_file"] = str(files[first])
    raise DataLoadError(str(files[second]), row=int(lines[second]), key=key, params=params)
