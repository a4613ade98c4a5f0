"""What the CEB tests share: files built the way CEB writes them, and the error a load raises.

Plain functions; the fixtures stay in each test module (pytest finds them there).
"""

from __future__ import annotations

import csv
import io

import openpyxl
import pytest

from data.ceb import CEB_COLUMNS, read_revenue_file
from data.columns import REV_ASSESSED, REV_CORE, REV_EARMARKED
from data.errors import DataLoadError

USA = "United States of America"


def csv_bytes(rows: list[list[str]], header: list[str] | None = None) -> bytes:
    """A CSV like CEB writes it: BOM, CRLF, quotes only where needed."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(list(CEB_COLUMNS) if header is None else header)
    writer.writerows(rows)
    return "\ufeff".encode() + buffer.getvalue().encode("utf-8")


def xlsx_bytes(rows: list[list[object]], sheets: tuple[str, ...] = ("Sheet1",)) -> bytes:
    workbook = openpyxl.Workbook()
    sheet = workbook.worksheets[0]
    sheet.title = sheets[0]
    for row in rows:
        sheet.append(row)
    for extra in sheets[1:]:
        workbook.create_sheet(extra)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def good_rows() -> list[list[str]]:
    return [
        [USA, "IOM", REV_EARMARKED, "2024", "1 520 634 949"],
        [USA, "IOM", REV_CORE, "2024", "3 630 428"],
        ["Lesotho", "IOM", REV_EARMARKED, "2024", "-27 506"],
        [
            "China, Hong Kong Special Administrative Region",
            "WTO",
            REV_ASSESSED,
            "2024",
            "6 248 523.86",
        ],
    ]


def load_error(name: str, content: bytes, **kwargs: int) -> DataLoadError:
    with pytest.raises(DataLoadError) as caught:
        read_revenue_file(name, content, **kwargs)
    return caught.value


def spaced(value: float) -> str:
    """Amount text as CEB writes it, for the files the tests derive from a real one."""
    text = f"{value:,.2f}".replace(",", " ")
    return text.removesuffix(".00")


def derived_year(content: bytes, year: int, scale: dict[str, float]) -> bytes:
    """A real export re-dated to ``year``, with some donors' amounts multiplied."""
    reader = csv.reader(io.StringIO(content.decode("utf-8-sig")))
    header = next(reader)
    rows = []
    for donor, entity, rev_type, _, amount in reader:
        value = float(amount.replace(" ", "")) * scale.get(donor, 1.0)
        rows.append([donor, entity, rev_type, str(year), spaced(value)])
    return csv_bytes(rows, header)
