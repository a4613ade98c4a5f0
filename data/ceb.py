"""Load UN CEB "revenue by government donor" exports and derive per-donor figures for one entity.

The CEB publishes one long table per calendar year (donor x UN entity x revenue type). Analysts
upload those exports, or the same table saved from Excel, to rebuild the donor ranking themselves.
Everything an upload can get wrong is reported as one ``DataLoadError`` that names the file, the
row as a spreadsheet shows it (header = row 1) and the column, so the analyst can fix the file
instead of guessing; a load either succeeds completely or raises, never half.

Parsing is vectorised (every field read as text, then cleaned column-wise) because a multi-year
upload can hold a million rows and must load in seconds.
"""

from __future__ import annotations

import codecs
import csv
import io
import itertools
import re
import zipfile
from collections.abc import Callable, Sequence
from datetime import date, datetime, time
from pathlib import Path
from typing import Final, Literal

import numpy as np
import openpyxl
import pandas as pd
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException

from data.columns import (
    AMOUNT,
    AMOUNT_USD,
    ASSESSED,
    CORE,
    CORE_SHARE,
    DONOR,
    DONOR_KEY,
    EARMARKED,
    ENTITY,
    FILE,
    INCLUDES_NEGATIVE,
    LINE,
    NAME_EN,
    NAME_NL,
    OFFICIAL_NAME,
    OTHER,
    RANK,
    REV_ASSESSED,
    REV_CORE,
    REV_EARMARKED,
    REV_OTHER,
    REV_TYPE,
    REV_TYPES,
    SHARE,
    VOLUNTARY,
    YEAR,
)
from data.errors import DataLoadError

MAX_BYTES: Final = 200 * 1024 * 1024
"""Largest single upload; checked before parsing so a huge file cannot exhaust the server."""

# Header of a CEB export (and of the app's template), in file order. These are the names the
# analyst sees in the file, so error messages use them rather than the internal column names.
CEB_DONOR: Final = "government_donor"
CEB_ENTITY: Final = "entity"
CEB_REV_TYPE: Final = "rev_type"
CEB_YEAR: Final = "calendar_year"
CEB_AMOUNT: Final = "amount"
CEB_COLUMNS: Final = (CEB_DONOR, CEB_ENTITY, CEB_REV_TYPE, CEB_YEAR, CEB_AMOUNT)

DEFAULT_ENTITY: Final = "IOM"
DONOR_NAMES_PATH: Final = Path(__file__).with_name("donor_names.csv")
DONOR_NAME_COLUMNS: Final = (DONOR_KEY, OFFICIAL_NAME, NAME_EN, NAME_NL)

HEADER_SEARCH_ROWS: Final = 10
"""How far down a misplaced header is looked for: tells "title rows above" from "wrong columns"."""

REVENUE_COLUMNS: Final = (DONOR, ENTITY, REV_TYPE, YEAR, AMOUNT_USD, FILE, LINE)
_KEY_COLUMNS: Final = [DONOR, ENTITY, REV_TYPE, YEAR]
_SPLIT_COLUMNS: Final = {
    REV_ASSESSED: ASSESSED,
    REV_CORE: CORE,
    REV_EARMARKED: EARMARKED,
    REV_OTHER: OTHER,
}
_MILLION: Final = 1e6
_ZIP_MAGIC: Final = (b"PK\x03\x04", b"PK\x05\x06")
_OLE_MAGIC: Final = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # legacy .xls (and .doc)
_YEAR_PATTERN: Final = re.compile(r"[0-9]{4}")
_EXPECTED_HEADER: Final = ", ".join(CEB_COLUMNS)

_Kind = Literal["csv", "xlsx"]


# --------------------------------------------------------------------------------------------
# Reading one file
# --------------------------------------------------------------------------------------------


def read_revenue_file(name: str, content: bytes, *, max_bytes: int = MAX_BYTES) -> pd.DataFrame:
    """Parse one uploaded CEB export (CSV or XLSX) into the long revenue table.

    Uploads arrive as bytes with a user-chosen name, so the format is decided from the content
    and cross-checked with the extension: a mislabelled file is almost always the wrong file,
    and saying so beats a confusing parse error. Returns columns ``REVENUE_COLUMNS`` with
    explicit dtypes; refunds (negative amounts) are kept because CEB nets them into the totals.
    """
    if len(content) > max_bytes:
        raise DataLoadError(
            name,
            f"the file is {_megabytes(len(content))} MB, over the limit of "
            f"{_megabytes(max_bytes)} MB per file; split it, e.g. one file per year",
        )
    if _kind_of(name, content) == "csv":
        header, body, lines = _read_csv(name, content)
    else:
        header, body, lines = _read_xlsx(name, content)
    return _tidy(name, header, body, lines)


def read_revenue_files(files: Sequence[tuple[str, bytes]]) -> pd.DataFrame:
    """Load several exports (one or several years) as one table, or fail as a whole.

    All files are parsed before anything is returned, so one bad file never leaves the app
    with a partial data set; a row repeated in two files would be counted twice in every total,
    hence an error naming both places.
    """
    if not files:
        raise DataLoadError("(no file)", "no files were given; upload at least one CEB export")
    frames = [read_revenue_file(name, content) for name, content in files]
    combined = pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0]
    if len(frames) > 1:
        _check_duplicates(combined)
    return combined


def _kind_of(name: str, content: bytes) -> _Kind:
    """Decide CSV or XLSX from the magic bytes, and refuse when they contradict the extension."""
    suffix = Path(name).suffix.lower()
    if not content.strip(b" \t\r\n\xef\xbb\xbf"):
        raise DataLoadError(name, "the file is empty")
    is_zip = content.startswith(_ZIP_MAGIC)
    if suffix == ".xls" or content.startswith(_OLE_MAGIC):
        raise DataLoadError(
            name,
            "file is not what its name says: it is an old Excel 97-2003 (.xls) file or another "
            "legacy Office document; open it in Excel and save it as .xlsx or as CSV UTF-8",
        )
    if suffix == ".csv":
        if is_zip:
            raise DataLoadError(
                name,
                "file is not what its name says: it is named .csv but is a zip archive (an "
                ".xlsx workbook?); rename it to .xlsx or export the sheet as CSV UTF-8",
            )
        return "csv"
    if suffix == ".xlsx":
        if not is_zip:
            raise DataLoadError(
                name,
                "file is not what its name says: it is named .xlsx but is not an Excel "
                "workbook (no zip signature); if it is a CSV, rename it to .csv",
            )
        return "xlsx"
    raise DataLoadError(
        name, f"unsupported file type '{suffix or '(none)'}'; upload a .csv or .xlsx file"
    )


def _read_csv(name: str, content: bytes) -> tuple[list[str], pd.DataFrame, np.ndarray]:
    """Read every field as text; the line numbers are physical lines so they match an editor."""
    if b"\x00" in content:
        line = content.count(b"\n", 0, content.index(b"\x00")) + 1
        raise DataLoadError(
            name,
            "the file contains binary data (NUL bytes), not CSV text; upload the CEB export "
            "itself, saved as CSV UTF-8 or .xlsx",
            row=line,
        )
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        start = exc.start + (len(codecs.BOM_UTF8) if content.startswith(codecs.BOM_UTF8) else 0)
        line = content.count(b"\n", 0, start) + 1
        raise DataLoadError(
            name,
            f"the file is not UTF-8 text (undecodable byte 0x{content[start]:02x}); "
            "save it as 'CSV UTF-8' or upload the .xlsx instead",
            row=line,
        ) from exc
    head = _csv_head(name, text)
    header = _check_header(name, head)
    width = len(header)
    for line, cells in head[1:]:
        if len(cells) > width:
            raise _too_many_values(name, line, len(cells), width)
    try:
        body = pd.read_csv(
            io.BytesIO(content),
            encoding="utf-8-sig",
            dtype=str,
            na_filter=False,
            skip_blank_lines=False,
            index_col=False,
        )
    except (pd.errors.ParserError, csv.Error) as exc:
        raise _csv_structure_error(name, text, width, exc) from exc
    if body.shape[1] != width:  # the head check above makes this a should-not-happen guard
        raise DataLoadError(name, "the header and the rows have different column counts", row=1)
    return header, body, _csv_lines(text, body)


def _csv_head(name: str, text: str) -> list[tuple[int, list[str]]]:
    """The first rows with their physical line numbers, parsed exactly like the full read."""
    sample = text[: 1 << 16]
    if len(sample) < len(text) and "\n" in sample:
        sample = sample[: sample.rindex("\n") + 1]
    reader = csv.reader(io.StringIO(sample))
    head: list[tuple[int, list[str]]] = []
    try:
        for cells in itertools.islice(reader, HEADER_SEARCH_ROWS + 1):
            head.append((reader.line_num, cells))
    except csv.Error as exc:
        raise DataLoadError(name, f"the CSV cannot be parsed: {exc}", row=reader.line_num) from exc
    return head


def _csv_lines(text: str, body: pd.DataFrame) -> np.ndarray:
    """Physical line of each row: row i is on line i + 2 unless a quoted field spans lines."""
    rows = len(body)
    physical = text.count("\n") + (0 if text.endswith("\n") else 1)
    offsets = np.arange(2, rows + 2, dtype=np.int64)
    if physical == rows + 1 or rows == 0:
        return offsets
    extra = np.zeros(rows, dtype=np.int64)
    for column in body.columns:
        extra += body[column].str.count("\n").to_numpy(dtype=np.int64)
    before = np.concatenate(([0], np.cumsum(extra)[:-1]))
    return offsets + before


def _csv_structure_error(name: str, text: str, width: int, exc: Exception) -> DataLoadError:
    """Re-read with the csv module (only on failure) to give the exact line of a malformed row."""
    reader = csv.reader(io.StringIO(text), strict=True)
    last_line = 0
    try:
        for cells in reader:
            if len(cells) > width:
                return _too_many_values(name, reader.line_num, len(cells), width)
            last_line = reader.line_num
    except csv.Error as inner:
        return DataLoadError(
            name,
            f"the CSV cannot be parsed ({inner}); look for an unclosed double quote",
            row=last_line + 1,
        )
    return DataLoadError(name, f"the CSV cannot be parsed: {exc}")


def _too_many_values(name: str, line: int, found: int, width: int) -> DataLoadError:
    return DataLoadError(
        name,
        f"this row has {found} values but the header has {width} columns; a name that "
        'contains a comma must be in double quotes ("China, Hong Kong ...")',
        row=line,
    )


def _read_xlsx(name: str, content: bytes) -> tuple[list[str], pd.DataFrame, np.ndarray]:
    """Read the single sheet as text so both real numbers and "1 520 634" strings are accepted."""
    try:
        workbook = openpyxl.load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, ValueError, OSError) as exc:
        raise DataLoadError(
            name,
            "file is not what its name says: it is a zip archive but not a readable Excel "
            f"workbook ({type(exc).__name__}); save the table from Excel as .xlsx again",
        ) from exc
    try:
        sheets = workbook.sheetnames
        if len(sheets) > 1:
            listed = ", ".join(f"'{sheet}'" for sheet in sheets)
            raise DataLoadError(
                name,
                f"the workbook has {len(sheets)} sheets ({listed}); keep only the sheet with the "
                "revenue table and delete the others",
            )
        if not workbook.worksheets:
            raise DataLoadError(name, "the workbook has no worksheet with a table")
        rows = list(workbook.worksheets[0].iter_rows(values_only=True))
    finally:
        workbook.close()
    if not any(_cell_text(value).strip() for row in rows for value in row):
        raise DataLoadError(name, "the file is empty")
    head = [
        (number, [_cell_text(value) for value in row])
        for number, row in enumerate(rows[: HEADER_SEARCH_ROWS + 1], start=1)
    ]
    header = _check_header(name, head)
    width = max([len(header), *(len(row) for row in rows)])
    header = header + [""] * (width - len(header))
    records = [tuple(row) + (None,) * (width - len(row)) for row in rows[1:]]
    raw = pd.DataFrame.from_records(records, columns=range(width), coerce_float=False)
    body = pd.DataFrame(
        {
            index: pd.Series([_cell_text(value) for value in raw[index]], dtype="str")
            for index in range(width)
        }
    )
    return header, body, np.arange(2, len(records) + 2, dtype=np.int64)


def _cell_text(value: object) -> str:
    """Excel cells as the text a CSV would hold, so one validation path serves both formats."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value).upper()
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    return str(value)


# --------------------------------------------------------------------------------------------
# Validation shared by CSV and XLSX
# --------------------------------------------------------------------------------------------


def _normalise(cell: str) -> str:
    return cell.strip().strip("\ufeff").strip().lower()


def _check_header(name: str, head: list[tuple[int, list[str]]]) -> list[str]:
    """Return the header cells of row 1, or say precisely why row 1 is not the CEB header."""
    if not head:
        raise DataLoadError(name, "the file is empty")
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
                f"the header is on row {best_line}; remove the title rows above it so that the "
                f"header ({_EXPECTED_HEADER}) is on row 1",
                row=best_line,
            )
    normalised = [_normalise(cell) for cell in first]
    for column in CEB_COLUMNS:
        if normalised.count(column) > 1:
            raise DataLoadError(
                name, "this column appears more than once in the header", first_line, column
            )
    missing = [column for column in CEB_COLUMNS if column not in normalised]
    unexpected = [
        cell.strip() for cell, n in zip(first, normalised, strict=True) if n and n not in expected
    ]
    if missing or unexpected:
        parts = []
        if missing:
            parts.append("missing " + ", ".join(f"'{column}'" for column in missing))
        if unexpected:
            parts.append("unexpected " + ", ".join(f"'{column}'" for column in unexpected))
        raise DataLoadError(
            name,
            f"wrong columns: {'; '.join(parts)}. The header must be: {_EXPECTED_HEADER}",
            first_line,
            missing[0] if missing else unexpected[0],
        )
    return first


def _factorize_stripped(values: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """Codes plus stripped distinct values: names repeat thousands of times, so strip once each."""
    codes, uniques = pd.factorize(values.fillna(""))
    stripped = np.array([str(value).strip() for value in uniques], dtype=object)
    return np.asarray(codes, dtype=np.int64), stripped


def _fail_first(
    name: str, bad: np.ndarray, lines: np.ndarray, column: str, describe: Callable[[int], str]
) -> None:
    """Raise for the first bad row, counting the others so the analyst knows the scale."""
    positions = np.flatnonzero(bad)
    if positions.size == 0:
        return
    first = int(positions[0])
    message = describe(first)
    if positions.size > 1:
        others = positions.size - 1
        message += f" ({others} more row{'s' if others > 1 else ''} with the same problem)"
    raise DataLoadError(name, message, int(lines[first]), column)


def _tidy(name: str, header: list[str], body: pd.DataFrame, lines: np.ndarray) -> pd.DataFrame:
    """Turn the text table into typed columns, raising for the first row that cannot be used."""
    columns: dict[str, pd.Series] = {}
    for position, cell in enumerate(header):
        column = body.iloc[:, position]
        key = _normalise(cell)
        if key:
            columns[key] = column
            continue
        filled = column.fillna("").str.strip() != ""
        _fail_first(
            name,
            filled.to_numpy(),
            lines,
            f"column {get_column_letter(position + 1)}",
            lambda _: "this column has values but no header; delete it or give it a CEB name",
        )

    donor_codes, donor_names = _factorize_stripped(columns[CEB_DONOR])
    entity_codes, entity_names = _factorize_stripped(columns[CEB_ENTITY])
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
        raise DataLoadError(name, "the file has a header but no data rows")

    _fail_first(
        name,
        (donor_names == "")[donor_codes],
        lines,
        CEB_DONOR,
        lambda _: "the donor name is empty; every row needs the government's official UN name",
    )
    _fail_first(
        name,
        (entity_names == "")[entity_codes],
        lines,
        CEB_ENTITY,
        lambda _: "the entity is empty; every row needs the UN entity, e.g. 'IOM'",
    )
    allowed = ", ".join(f"'{rev_type}'" for rev_type in REV_TYPES)
    _fail_first(
        name,
        ~np.isin(type_names, REV_TYPES)[type_codes],
        lines,
        CEB_REV_TYPE,
        lambda row: f"unknown revenue type '{type_names[type_codes[row]]}'; allowed: {allowed}",
    )
    year_ok = np.array([bool(_YEAR_PATTERN.fullmatch(text)) for text in year_texts], dtype=bool)
    _fail_first(
        name,
        ~year_ok[year_codes],
        lines,
        CEB_YEAR,
        lambda row: (
            f"calendar year '{year_texts[year_codes[row]]}' is not a 4-digit year, e.g. 2024"
        ),
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
    _check_duplicates(frame)
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
    _fail_first(
        name,
        empty_rows,
        lines,
        CEB_AMOUNT,
        lambda _: "the amount is empty; write 0 if there was no revenue",
    )
    _fail_first(
        name,
        bad,
        lines,
        CEB_AMOUNT,
        lambda row: (
            f"amount '{texts[row]}' is not a number; write plain USD with a '.' for "
            "decimals and spaces (or nothing) between thousands, e.g. 6 248 523.86"
        ),
    )
    raise AssertionError("unreachable: _fail_first raised for the bad amounts")


def _check_duplicates(frame: pd.DataFrame) -> None:
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
    where = f"row {lines[first]}"
    if files[first] != files[second]:
        where += f" of {files[first]}"
    key = " / ".join(str(frame[column].iat[second]) for column in _KEY_COLUMNS)
    others = int(later.sum()) - 1
    more = f" ({others} more duplicate row{'s' if others > 1 else ''})" if others else ""
    raise DataLoadError(
        str(files[second]),
        f"duplicate row: same {CEB_DONOR}, {CEB_ENTITY}, {CEB_REV_TYPE} and {CEB_YEAR} as "
        f"{where} ({key}); keep only one{more}",
        int(lines[second]),
    )


def _megabytes(size: int) -> str:
    return f"{size / 1024 / 1024:,.1f}"


# --------------------------------------------------------------------------------------------
# Donor names
# --------------------------------------------------------------------------------------------


def load_donor_names(path: Path | None = None) -> pd.DataFrame:
    """The curated key/name table; validated because a duplicate would silently merge two donors."""
    source = path or DONOR_NAMES_PATH
    try:
        frame = pd.read_csv(source, dtype=str, na_filter=False, encoding="utf-8")
    except FileNotFoundError as exc:
        raise DataLoadError(source.name, f"file not found: {source}") from exc
    if tuple(frame.columns) != DONOR_NAME_COLUMNS:
        raise DataLoadError(
            source.name,
            f"the header must be {', '.join(DONOR_NAME_COLUMNS)}; found "
            f"{', '.join(map(str, frame.columns))}",
            1,
        )
    frame = frame.apply(lambda column: column.str.strip()).astype("str")
    lines = np.arange(2, len(frame) + 2, dtype=np.int64)
    for column in DONOR_NAME_COLUMNS:
        _fail_first(
            source.name,
            (frame[column] == "").to_numpy(),
            lines,
            column,
            lambda _: "empty value; every donor needs a key, the official name and both names",
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

    def describe(row: int) -> str:
        value = values[row]
        return f"'{value}' is already used on row {first_line[value]}; each must be unique"

    _fail_first(name, repeated, lines, column, describe)


def map_donor_names(frame: pd.DataFrame, names: pd.DataFrame) -> pd.DataFrame:
    """Attach the stable key and memo names to each row; a new frame, the input is untouched.

    ``DONOR`` and ``DONOR_KEY`` are the same column name, so the key replaces the official
    name in that column and the official name moves to ``OFFICIAL_NAME``. Unmapped donors keep
    their official name as key and as both display names, so nothing disappears from a total.
    """
    official = frame[OFFICIAL_NAME] if OFFICIAL_NAME in frame.columns else frame[DONOR]
    codes, uniques = pd.factorize(official)
    lookup = names.set_index(OFFICIAL_NAME)
    distinct = pd.Index(uniques)
    mapped = {
        column: lookup[column].reindex(distinct).fillna(pd.Series(distinct, index=distinct))
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


# --------------------------------------------------------------------------------------------
# Aggregations for one entity
# --------------------------------------------------------------------------------------------


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
