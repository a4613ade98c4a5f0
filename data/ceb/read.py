"""Read one uploaded CEB export, CSV or XLSX, into the text table that ``validate`` checks.

Uploads arrive as bytes with a user-chosen name, so the format is decided from the content and
cross-checked with the extension: a mislabelled file is almost always the wrong file, and saying
so beats a confusing parse error. Every field is read as text (then cleaned column-wise in
``validate``) because a multi-year upload can hold a million rows and must load in seconds.
"""

from __future__ import annotations

import codecs
import csv
import io
import itertools
from collections.abc import Sequence
from pathlib import Path
from typing import Final, Literal

import numpy as np
import pandas as pd

from data.ceb.limits import upload_limit_bytes
from data.ceb.validate import HEADER_SEARCH_ROWS, check_duplicates, check_header, tidy
from data.ceb.xlsx import read_xlsx
from data.errors import DataLoadError

MAX_BYTES: Final = upload_limit_bytes()
"""Largest upload (``IOM_UPLOAD_LIMIT_MB``, default 25 MB); checked before parsing so a huge
file cannot exhaust the server (the server refuses a larger request before reading it)."""

_ZIP_MAGIC: Final = (b"PK\x03\x04", b"PK\x05\x06")
_OLE_MAGIC: Final = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # legacy .xls (and .doc)

_Kind = Literal["csv", "xlsx"]


def read_revenue_file(name: str, content: bytes, *, max_bytes: int = MAX_BYTES) -> pd.DataFrame:
    """Parse one uploaded CEB export (CSV or XLSX) into the long revenue table.

    Returns columns ``REVENUE_COLUMNS`` with explicit dtypes; refunds (negative amounts) are
    kept because CEB nets them into the totals.
    """
    if len(content) > max_bytes:
        raise DataLoadError(
            name,
            key="error.too_large",
            params={"size": _megabytes(len(content)), "limit": _megabytes(max_bytes)},
        )
    if _kind_of(name, content) == "csv":
        header, body, lines = _read_csv(name, content)
    else:
        header, body, lines = read_xlsx(name, content)
    return tidy(name, header, body, lines)


def read_revenue_files(files: Sequence[tuple[str, bytes]]) -> pd.DataFrame:
    """Load several exports (one or several years) as one table, or fail as a whole.

    All files are parsed before anything is returned, so one bad file never leaves the app
    with a partial data set; a row repeated in two files would be counted twice in every total,
    hence an error naming both places.
    """
    if not files:
        raise DataLoadError("(no file)", key="error.no_files")
    total = sum(len(content) for _, content in files)
    if len(files) > 1 and total > MAX_BYTES:
        raise DataLoadError(
            ", ".join(name for name, _ in files),
            key="error.too_large_total",
            params={"size": _megabytes(total), "limit": _megabytes(MAX_BYTES)},
        )
    frames = [read_revenue_file(name, content) for name, content in files]
    combined = pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0]
    if len(frames) > 1:
        check_duplicates(combined)
    return combined


def _kind_of(name: str, content: bytes) -> _Kind:
    """Decide CSV or XLSX from the magic bytes, and refuse when they contradict the extension."""
    suffix = Path(name).suffix.lower()
    if not content.strip(b" \t\r\n\xef\xbb\xbf"):
        raise DataLoadError(name, key="error.empty")
    is_zip = content.startswith(_ZIP_MAGIC)
    if suffix == ".xls" or content.startswith(_OLE_MAGIC):
        raise DataLoadError(name, key="error.legacy_xls")
    if suffix == ".csv":
        if is_zip:
            raise DataLoadError(name, key="error.csv_is_zip")
        return "csv"
    if suffix == ".xlsx":
        if not is_zip:
            raise DataLoadError(name, key="error.xlsx_not_zip")
        return "xlsx"
    if not suffix:
        raise DataLoadError(name, key="error.no_file_type")
    raise DataLoadError(name, key="error.unsupported_type", params={"suffix": suffix})


def _read_csv(name: str, content: bytes) -> tuple[list[str], pd.DataFrame, np.ndarray]:
    """Read every field as text; the line numbers are physical lines so they match an editor."""
    if b"\x00" in content:
        line = content.count(b"\n", 0, content.index(b"\x00")) + 1
        raise DataLoadError(name, row=line, key="error.binary")
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        start = exc.start + (len(codecs.BOM_UTF8) if content.startswith(codecs.BOM_UTF8) else 0)
        line = content.count(b"\n", 0, start) + 1
        raise DataLoadError(
            name, row=line, key="error.not_utf8", params={"byte": f"{content[start]:02x}"}
        ) from exc
    head = _csv_head(name, text)
    header = check_header(name, head)
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
        raise DataLoadError(name, row=1, key="error.column_counts")
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
        raise DataLoadError(
            name, row=reader.line_num, key="error.csv_unparsable", params={"detail": str(exc)}
        ) from exc
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
            name, row=last_line + 1, key="error.unclosed_quote", params={"detail": str(inner)}
        )
    return DataLoadError(name, key="error.csv_unparsable", params={"detail": str(exc)})


def _too_many_values(name: str, line: int, found: int, width: int) -> DataLoadError:
    return DataLoadError(
        name, row=line, key="error.too_many_values", params={"found": found, "width": width}
    )


def _megabytes(size: int) -> float:
    """MB as the message shows them (one decimal, in the reader's number style)."""
    return size / 1024 / 1024
