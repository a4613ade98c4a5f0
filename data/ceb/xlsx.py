"""Read the one sheet of an uploaded XLSX as text, bounded whatever the file claims.

An XLSX is a zip of XML parts, and both layers can be made to explode: a 1.5 MB zip that
inflates to gigabytes, a 1.7 KB sheet whose only row sits at r=50,000,000 (openpyxl's read-only
sheet fills every missing row in between, and trusts the sheet's own ``<dimension>``), an entity
declaration that expands a billion times. So the zip directory is checked before any part is
opened (the declared sizes bound what zipfile will inflate: a part that lies fails its CRC), the
sheet is streamed row by row through openpyxl's parser keeping only rows that hold a value, with
caps on the row and column numbers it may use, and XML is parsed by defusedxml, which refuses
entity declarations. Every refusal is a ``DataLoadError`` with a text key, never an exception
that would end the request in a 500.
"""

from __future__ import annotations

import io
import zipfile
from datetime import date, datetime, time
from typing import Final
from xml.etree.ElementTree import ParseError

import numpy as np
import openpyxl
import pandas as pd
from defusedxml import DefusedXmlException
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.worksheet._reader import WorkSheetParser

from data.ceb import limits
from data.ceb.validate import HEADER_SEARCH_ROWS, check_header
from data.errors import DataLoadError

_EXTERNAL_LINKS: Final = "xl/externalLinks/"
_OPEN_ERRORS: Final = (zipfile.BadZipFile, InvalidFileException, KeyError, ValueError, OSError)
_XML_ERRORS: Final = (ParseError, DefusedXmlException, SyntaxError)


def read_xlsx(name: str, content: bytes) -> tuple[list[str], pd.DataFrame, np.ndarray]:
    """The header, the body as text columns and each body row's sheet row number."""
    check_archive(name, content)
    try:
        workbook = openpyxl.load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except _XML_ERRORS as exc:
        raise _xml_error(name, exc) from exc
    except _OPEN_ERRORS as exc:
        cause = _xml_cause(exc)  # openpyxl re-raises what the XML parser said as a ValueError
        if cause is not None:
            raise _xml_error(name, cause) from exc
        raise DataLoadError(
            name, key="error.not_a_workbook", params={"reason": type(exc).__name__}
        ) from exc
    try:
        sheets = workbook.sheetnames
        if len(sheets) > 1:
            listed = ", ".join(f"'{sheet}'" for sheet in sheets)
            raise DataLoadError(
                name, key="error.several_sheets", params={"count": len(sheets), "sheets": listed}
            )
        if not workbook.worksheets:
            raise DataLoadError(name, key="error.no_worksheet")
        rows = _sheet_rows(name, workbook)
    except _XML_ERRORS as exc:
        raise _xml_error(name, exc) from exc
    finally:
        workbook.close()
    return _table(name, rows)


def check_archive(name: str, content: bytes) -> None:
    """Refuse a zip that would unpack to too much, before anything is unpacked.

    Also refuses a workbook with links to other workbooks: with ``data_only`` its cells hold
    the values cached when it was last saved, which the analyst cannot see are stale.
    """
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise DataLoadError(
            name, key="error.not_a_workbook", params={"reason": type(exc).__name__}
        ) from exc
    if len(members) > limits.MAX_ZIP_MEMBERS:
        raise DataLoadError(name, key="error.zip_members", params={"count": len(members)})
    inflated = sum(member.file_size for member in members)
    if inflated > limits.MAX_INFLATED_BYTES or any(_bomb(member) for member in members):
        raise DataLoadError(
            name,
            key="error.zip_bomb",
            params={
                "size": inflated / 1024 / 1024,
                "limit": limits.MAX_INFLATED_BYTES / 1024 / 1024,
            },
        )
    linked = [m.filename for m in members if m.filename.startswith(_EXTERNAL_LINKS)]
    if linked:
        raise DataLoadError(name, key="error.external_link", params={"count": len(linked)})


def _bomb(member: zipfile.ZipInfo) -> bool:
    """A large part that packs far better than any real sheet XML does."""
    if member.file_size < limits.RATIO_CHECK_FROM:
        return False
    return member.file_size > limits.MAX_INFLATION_RATIO * max(member.compress_size, 1)


def _sheet_rows(name: str, workbook: openpyxl.Workbook) -> list[tuple[int, list[object]]]:
    """The rows that hold a value, with their row numbers, streamed from the sheet's XML.

    openpyxl's parser yields only the rows written in the file; gaps stay gaps here (a blank
    row is skipped, not read as a row of empty cells), and a row or column number beyond the
    caps stops the read at once.
    """
    sheet = workbook.worksheets[0]
    rows: list[tuple[int, list[object]]] = []
    with sheet._get_source() as source:
        parser = WorkSheetParser(
            source,
            sheet._shared_strings,
            data_only=True,
            epoch=workbook.epoch,
            date_formats=workbook._date_formats,
            timedelta_formats=workbook._timedelta_formats,
        )
        for number, cells in parser.parse():
            if number > limits.MAX_ROWS:
                raise DataLoadError(
                    name,
                    row=number,
                    key="error.too_many_rows",
                    params={"row": number, "limit": limits.MAX_ROWS},
                )
            values = [
                (cell["column"], cell["value"]) for cell in cells if cell["value"] is not None
            ]
            if not any(_cell_text(value).strip() for _, value in values):
                continue
            last = max(column for column, _ in values)
            if last > limits.MAX_COLUMNS:
                raise DataLoadError(
                    name,
                    row=number,
                    column=get_column_letter(min(last, 16384)),
                    key="error.too_many_columns",
                    params={"limit": limits.MAX_COLUMNS},
                )
            row: list[object] = [None] * last
            for column, value in values:
                row[column - 1] = value
            rows.append((number, row))
    return rows


def _table(
    name: str, rows: list[tuple[int, list[object]]]
) -> tuple[list[str], pd.DataFrame, np.ndarray]:
    """Header (the sheet's row 1) and the other rows as text columns of one width."""
    if not rows:
        raise DataLoadError(name, key="error.empty")
    head = [
        (number, [_cell_text(v) for v in row]) for number, row in rows[: HEADER_SEARCH_ROWS + 1]
    ]
    if head[0][0] != 1:  # the header must be on row 1: rows above it that are blank count too
        head.insert(0, (1, []))
    header = check_header(name, head)
    body_rows = [(number, row) for number, row in rows if number != 1]
    width = max([len(header), *(len(row) for _, row in body_rows)])
    header = header + [""] * (width - len(header))
    columns = {
        index: pd.Series(
            [_cell_text(row[index]) if index < len(row) else "" for _, row in body_rows],
            dtype="str",
        )
        for index in range(width)
    }
    lines = np.array([number for number, _ in body_rows], dtype=np.int64)
    return header, pd.DataFrame(columns, index=pd.RangeIndex(len(body_rows))), lines


def _xml_cause(exc: BaseException) -> Exception | None:
    """The XML error behind ``exc`` (the exception itself or one it was raised from), if any."""
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, _XML_ERRORS):
            return seen
        seen = seen.__cause__ or seen.__context__
    return None


def _xml_error(name: str, exc: Exception) -> DataLoadError:
    """Entity declarations (bombs, external entities) and broken XML, each said as such."""
    if isinstance(exc, DefusedXmlException):
        return DataLoadError(name, key="error.xml_entities")
    return DataLoadError(name, key="error.xml_broken", params={"detail": str(exc)[:200]})


def _cell_text(value: object) -> str:
    """Excel cells as the text a CSV would hold, so one validation path serves both formats."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value).upper()
    if isinstance(value, float):
        if value != value:  # NaN: an empty cell, never the text 'nan'
            return ""
        return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    return str(value)
