"""Hostile and awkward files, generated (never committed): shared by the tests and the benchmark.

Each builder returns ``(name, bytes)`` as an upload delivers them. XLSX files start from a real
workbook written by openpyxl, with one part replaced or added, so everything but the attack is
what Excel-like writers produce.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable, Mapping
from typing import Final

import openpyxl

HEADER: Final = ("government_donor", "entity", "rev_type", "calendar_year", "amount")
SHEET: Final = "xl/worksheets/sheet1.xml"
_NS: Final = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'

Upload = tuple[str, bytes]


def workbook(rows: list[tuple[object, ...]]) -> bytes:
    """A one-sheet XLSX with the CEB header and ``rows``."""
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(HEADER)
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def with_parts(content: bytes, parts: Mapping[str, bytes]) -> bytes:
    """``content`` (an XLSX) with ``parts`` replacing or joining its zip members."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(content)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for item in source.infolist():
            if item.filename not in parts:
                target.writestr(item, source.read(item.filename))
        for name, data in parts.items():
            target.writestr(name, data)
    return out.getvalue()


def _cell(ref: str, value: object) -> str:
    if isinstance(value, int | float):
        return f'<c r="{ref}"><v>{value}</v></c>'
    return f'<c r="{ref}" t="inlineStr"><is><t>{value}</t></is></c>'


def sheet_xml(
    rows: Mapping[int, tuple[object, ...]], dimension: str = "A1:E2", doctype: str = ""
) -> bytes:
    """A worksheet part with ``rows`` (row number -> values from column A) written sparsely."""
    body = "".join(
        f'<row r="{number}">'
        + "".join(_cell(f"{chr(65 + i)}{number}", v) for i, v in enumerate(values))
        + "</row>"
        for number, values in sorted(rows.items())
    )
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>{doctype}<worksheet {_NS}>'
        f'<dimension ref="{dimension}"/><sheetData>{body}</sheetData></worksheet>'
    ).encode()


CORE: Final = "Voluntary core (un-earmarked) contributions"
GOOD_ROW: Final = ("Germany", "IOM", CORE, 2024, 1000)


def far_row() -> Upload:
    """1.7 KB: the header and one row at r=50,000,000, the dimension claiming all of it."""
    rows = {1: HEADER, 50_000_000: GOOD_ROW}
    sheet = sheet_xml(rows, dimension="A1:E50000000")
    return "far-row.xlsx", with_parts(workbook([]), {SHEET: sheet})


def zip_bomb(megabytes: int = 64) -> Upload:
    """A sheet part that inflates to ``megabytes`` of blanks: a ratio no real sheet has."""
    filler = b" " * (megabytes * 1024 * 1024)
    sheet = sheet_xml({1: HEADER, 2: GOOD_ROW}).replace(b"<sheetData>", filler + b"<sheetData>")
    return "bomb.xlsx", with_parts(workbook([]), {SHEET: sheet})


def billion_laughs() -> Upload:
    """The classic entity expansion, in the sheet part."""
    entities = '<!ENTITY a0 "ha">' + "".join(
        f'<!ENTITY a{i} "{f"&a{i - 1};" * 10}">' for i in range(1, 10)
    )
    doctype = f"<!DOCTYPE worksheet [{entities}]>"
    sheet = sheet_xml({1: HEADER, 2: ("&a9;", "IOM", CORE, 2024, 1)}, doctype=doctype)
    return "laughs.xlsx", with_parts(workbook([]), {SHEET: sheet})


def external_entity() -> Upload:
    """An entity that would read a local file into a cell."""
    doctype = '<!DOCTYPE worksheet [<!ENTITY secret SYSTEM "file:///etc/passwd">]>'
    sheet = sheet_xml({1: HEADER, 2: ("&secret;", "IOM", CORE, 2024, 1)}, doctype=doctype)
    return "entity.xlsx", with_parts(workbook([]), {SHEET: sheet})


def broken_xml() -> Upload:
    """A sheet part cut off in the middle of a row."""
    sheet = sheet_xml({1: HEADER, 2: GOOD_ROW})
    return "broken.xlsx", with_parts(workbook([]), {SHEET: sheet[: len(sheet) // 2 + 7]})


def external_link() -> Upload:
    """A workbook whose amount is a cached value from another workbook."""
    part = (
        b'<?xml version="1.0" encoding="UTF-8"?><externalLink xmlns="http://schemas.'
        b'openxmlformats.org/spreadsheetml/2006/main"><externalBook/></externalLink>'
    )
    content = workbook([GOOD_ROW])
    return "linked.xlsx", with_parts(content, {"xl/externalLinks/externalLink1.xml": part})


def wide_row() -> Upload:
    """A value in column 5,000 of an otherwise good sheet."""
    book = workbook([GOOD_ROW])
    sheet = sheet_xml({1: HEADER, 2: GOOD_ROW}).replace(
        b"</sheetData>", b'<row r="3"><c r="GJH3"><v>1</v></c></row></sheetData>'
    )
    return "wide.xlsx", with_parts(book, {SHEET: sheet})


def blank_row() -> Upload:
    """A good sheet with a formatted but empty row between its data rows."""
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(HEADER)
    sheet.append(GOOD_ROW)
    sheet.append(())
    sheet.cell(row=3, column=2).number_format = "0.00"  # formatted, no value: Excel's kind
    sheet.cell(row=4, column=1, value="France")
    for column, value in enumerate(GOOD_ROW[1:], start=2):
        sheet.cell(row=4, column=column, value=value)
    out = io.BytesIO()
    book.save(out)
    return "blank-row.xlsx", out.getvalue()


def big_csv(megabytes: int) -> Upload:
    """A CSV over ``megabytes``: good rows, one year per donor-number, so nothing repeats."""
    line = "Donor {n},IOM," + CORE + ",2024,1000\r\n"
    parts = [",".join(HEADER) + "\r\n"]
    size, n = 0, 0
    while size < megabytes * 1024 * 1024:
        text = line.format(n=n)
        parts.append(text)
        size += len(text)
        n += 1
    return "big.csv", "".join(parts).encode()


HOSTILE: Final[dict[str, Callable[[], Upload]]] = {
    "far_row": far_row,
    "zip_bomb": zip_bomb,
    "billion_laughs": billion_laughs,
    "external_entity": external_entity,
    "broken_xml": broken_xml,
    "external_link": external_link,
    "wide_row": wide_row,
}
"""Each hostile file by name, with the message key it must be refused with (in the tests)."""
