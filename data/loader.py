"""Reads the curated tables, converts them to their declared dtypes and validates them.

Everything is read as text first so that a bad cell can be reported exactly (file, row as a
spreadsheet shows it, column) instead of pandas silently guessing a dtype.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pandera.pandas as pa

from data import columns as c
from data.error_text import ParamValue
from data.errors import DataLoadError
from data.schema import CONTRADICTIONS, DONORS, FACTS, RELEVANCE, SOURCES, TableSpec
from data.typography import glue_units

DATA_DIR = Path(__file__).resolve().parent
HEADER_ROWS = 1  # spreadsheet row of the header; data row i (0-based) is row i + 2


@dataclass(frozen=True)
class SeedTables:
    """The validated source tables, as read from disk."""

    sources: pd.DataFrame
    donors: pd.DataFrame
    facts: pd.DataFrame
    relevance: pd.DataFrame
    contradictions: pd.DataFrame


def _line(position: int) -> int:
    """The spreadsheet row of 0-based data row ``position``."""
    return position + HEADER_ROWS + 1


def _row(index: object) -> int | None:
    return _line(index) if isinstance(index, int) else None


def _read_text(path: Path, spec: TableSpec) -> pd.DataFrame:
    if not path.is_file():
        raise DataLoadError(
            path.name, key="error.not_found_in", params={"directory": str(path.parent)}
        )
    try:
        raw = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise DataLoadError(
            path.name, key="error.seed_not_utf8", params={"reason": exc.reason}
        ) from exc
    except pd.errors.ParserError as exc:
        raise DataLoadError(
            path.name, key="error.seed_bad_csv", params={"detail": str(exc)}
        ) from exc
    except pd.errors.EmptyDataError as exc:
        raise DataLoadError(path.name, key="error.empty") from exc
    expected = list(spec.dtypes)
    missing = [col for col in expected if col not in raw.columns]
    if missing:
        raise DataLoadError(
            path.name,
            row=1,
            key="error.missing_columns",
            params={"missing": str(missing), "expected": str(expected)},
        )
    extra = [col for col in raw.columns if col not in expected]
    if extra:
        raise DataLoadError(
            path.name,
            row=1,
            key="error.unexpected_columns",
            params={"extra": str(extra), "expected": str(expected)},
        )
    return raw[expected]


def _convert(raw: pd.DataFrame, spec: TableSpec) -> pd.DataFrame:
    """Give every column its declared dtype; empty cells become missing values."""
    out: dict[str, pd.Series] = {}
    for col, dtype in spec.dtypes.items():
        text = raw[col].str.strip()
        empty = text == ""
        if dtype == "string":
            out[col] = text.mask(empty).astype("string")
            continue
        numbers = pd.to_numeric(text.mask(empty), errors="coerce")
        bad = numbers.isna() & ~empty
        if dtype == "Int64":
            bad |= numbers.notna() & (numbers % 1 != 0)
        if bad.any():
            index = bad.idxmax()
            raise DataLoadError(
                spec.file,
                row=_row(index),
                column=col,
                key="error.not_whole_number" if dtype == "Int64" else "error.not_number",
                params={"value": str(raw.at[index, col])},
            )
        out[col] = numbers.astype(dtype)
    return pd.DataFrame(out)


def read_table(directory: Path, spec: TableSpec) -> pd.DataFrame:
    """Read and validate one table; raise DataLoadError on the first problem found. The text
    this project wrote in it (``spec.authored``) is set by ``data.typography``."""
    frame = _convert(_read_text(directory / spec.file, spec), spec)
    try:
        valid = spec.schema.validate(frame, lazy=True)
    except pa.errors.SchemaErrors as exc:
        cases = exc.failure_cases
        case = cases.iloc[0]
        index = case["index"]
        column = case["column"]
        value = case["failure_case"]
        check = case["check"]
        if check == "multiple_fields_uniqueness" or str(check).startswith("field_uniqueness"):
            # Name the row that repeats the value, and where it first stood.
            same = cases[(cases["check"] == check) & (cases["failure_case"] == value)]
            rows = sorted(int(i) for i in same["index"].dropna())
            index = rows[-1]
            key = "error.duplicate_value"
            params: dict[str, ParamValue] = {"value": str(value), "first_row": _line(rows[0])}
        elif check == "not_nullable":
            key, params = "error.empty_cell", {}
        else:
            key, params = "error.fails_rule", {"value": str(value), "check": str(check)}
        row = _row(int(index)) if pd.notna(index) else None
        raise DataLoadError(spec.file, row=row, column=str(column), key=key, params=params) from exc
    if not spec.authored:
        return valid
    glued = {col: valid[col].map(glue_units, na_action="ignore") for col in spec.authored}
    return valid.assign(**glued).astype({col: "string" for col in spec.authored})


def _check_references(
    frame: pd.DataFrame,
    spec: TableSpec,
    column: str,
    target: pd.DataFrame,
    target_spec: TableSpec,
    target_column: str,
) -> None:
    """Every ``;``-separated value of ``column`` must be a ``target_column`` of ``target``."""
    allowed = set(target[target_column])
    for index, value in frame[column].items():
        if pd.isna(value):
            continue
        for part in str(value).split(";"):
            if part not in allowed:
                raise DataLoadError(
                    spec.file,
                    row=_row(index),
                    column=column,
                    key="error.unknown_reference",
                    params={"value": part, "column": target_column, "table": target_spec.file},
                )


def load_seed(directory: Path = DATA_DIR) -> SeedTables:
    """Load all curated tables and check the references between them."""
    tables = SeedTables(
        sources=read_table(directory, SOURCES),
        donors=read_table(directory, DONORS),
        facts=read_table(directory, FACTS),
        relevance=read_table(directory, RELEVANCE),
        contradictions=read_table(directory, CONTRADICTIONS),
    )
    _check_references(tables.facts, FACTS, c.SOURCE_ID, tables.sources, SOURCES, c.SOURCE_ID)
    _check_references(tables.facts, FACTS, c.DONOR, tables.donors, DONORS, c.DONOR_KEY)
    _check_references(
        tables.relevance, RELEVANCE, c.SOURCE_ID, tables.sources, SOURCES, c.SOURCE_ID
    )
    _check_references(
        tables.contradictions, CONTRADICTIONS, c.FACT_IDS, tables.facts, FACTS, c.FACT_ID
    )
    return tables
