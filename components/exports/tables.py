"""Data downloads (CSV and Excel) that open correctly in Dutch Excel and cannot run formulas.

Downloaded tables contain text from outside sources (donor names, notes, quotes). A cell that
starts with ``=``, ``+``, ``-`` or ``@`` is a formula to a spreadsheet ("CSV injection"), so such
text is prefixed with an apostrophe. Numbers are never touched: a negative amount must stay a
number so it can be summed.
"""

from __future__ import annotations

import datetime as dt
import io
import math
from collections.abc import Mapping
from typing import Any

import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from components.formatting import Lang
from components.i18n import TEXT, t
from data import columns as c

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
# A filter with this key is the view's URL: written last, as a clickable link.
PERMALINK_KEY = "permalink"

# Columns holding fractions (0.52 = 52 %), shown as percentages in Excel.
PERCENT_COLUMNS = frozenset({c.SHARE, c.CHANGE_PCT, c.CORE_SHARE, "difference_pct"})
# Whole numbers that are identifiers, not quantities: "2.023" as a year would be nonsense.
PLAIN_INTEGER_COLUMNS = frozenset(
    {c.YEAR, c.RANK, c.RANK_CHANGE, c.PAGE, c.LINE, c.PUBLISHED, "ceb_other_year"}
)
FORMAT_PERCENT = "0.0%"
FORMAT_DECIMAL = "#,##0.0"
FORMAT_INTEGER = "#,##0"
FORMAT_PLAIN = "0"
FORMAT_DATE = "yyyy-mm-dd"
FORMAT_TIMESTAMP = "yyyy-mm-dd hh:mm"
MIN_WIDTH, MAX_WIDTH = 8, 60
# Excel refuses sheet names longer than this.
SHEET_NAME_LIMIT = 31


def neutralise(value: Any) -> Any:
    """Text a spreadsheet would run as a formula gets a leading apostrophe; all else unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def column_label(column: str, lang: Lang) -> str:
    """The column's header in ``lang``; columns without a translation keep their own name."""
    key = f"export.col.{column}"
    return t(key, lang) if key in TEXT else column


def _neutralised(frame: pd.DataFrame, lang: Lang) -> pd.DataFrame:
    """A copy with translated, neutralised headers and neutralised text cells."""
    out = frame.copy()
    for column in out.columns:
        if not (pd.api.types.is_numeric_dtype(out[column]) or _is_temporal(out[column])):
            out[column] = out[column].map(neutralise, na_action="ignore")
    out.columns = pd.Index([neutralise(column_label(str(col), lang)) for col in frame.columns])
    return out


def _is_temporal(series: pd.Series) -> bool:
    """Dates are values, not text, and must not be rewritten."""
    return pd.api.types.is_datetime64_any_dtype(series)


def csv_bytes(frame: pd.DataFrame, lang: Lang) -> bytes:
    """CSV that Excel opens into columns in the user's language settings.

    Dutch Excel expects ``;`` between fields and ``,`` as decimal mark; English Excel expects
    ``,`` and ``.``. The BOM makes Excel read UTF-8 (accents in donor names) instead of ANSI.
    """
    separator, decimal = (";", ",") if lang == "nl" else (",", ".")
    text = _neutralised(frame, lang).to_csv(
        index=False, sep=separator, decimal=decimal, lineterminator="\r\n", date_format="%Y-%m-%d"
    )
    return text.encode("utf-8-sig")


def _cell_value(value: Any) -> Any:
    """A value openpyxl can store: numpy scalars unwrapped, missing values as empty cells."""
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, pd.Timestamp):
        return value.to_pydatetime()
    if hasattr(value, "item") and not isinstance(value, str | bytes):
        value = value.item()  # numpy scalar to Python
    return neutralise(value)


def _number_format(column: str, series: pd.Series) -> str | None:
    """Excel format code for a column; the codes are locale-neutral, Excel localises them."""
    if _is_temporal(series):
        return FORMAT_DATE
    if not pd.api.types.is_numeric_dtype(series) or pd.api.types.is_bool_dtype(series):
        return None
    if column in PERCENT_COLUMNS:
        return FORMAT_PERCENT
    if column in PLAIN_INTEGER_COLUMNS:
        return FORMAT_PLAIN
    if pd.api.types.is_integer_dtype(series):
        return FORMAT_INTEGER
    return FORMAT_DECIMAL


def _display_length(value: Any) -> int:
    """Rough width of a cell in characters, to size its column."""
    if value is None:
        return 0
    if isinstance(value, float):
        return len(f"{value:,.1f}")
    return max((len(line) for line in str(value).splitlines()), default=0)


def _write_table(sheet: Worksheet, frame: pd.DataFrame, lang: Lang) -> None:
    """Bold frozen header, typed cells with number formats, columns wide enough to read."""
    headers = [column_label(str(column), lang) for column in frame.columns]
    sheet.append([neutralise(header) for header in headers])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(vertical="top", wrap_text=True)
    for row in frame.itertuples(index=False, name=None):
        sheet.append([_cell_value(value) for value in row])
    sheet.freeze_panes = "A2"
    for index, column in enumerate(frame.columns, start=1):
        letter = get_column_letter(index)
        number_format = _number_format(str(column), frame[column])
        if number_format:
            for (cell,) in sheet.iter_rows(min_row=2, min_col=index, max_col=index):
                cell.number_format = number_format
        longest = max(
            [_display_length(headers[index - 1])]
            + [_display_length(_cell_value(v)) for v in frame[column]]
        )
        sheet.column_dimensions[letter].width = min(MAX_WIDTH, max(MIN_WIDTH, longest + 2))


def _write_filters(
    sheet: Worksheet,
    filters: Mapping[str, str],
    lang: Lang,
    title: str,
    exported_at: dt.datetime,
) -> None:
    """What the reader needs to reproduce the download: title, filters, time and link."""
    sheet.append([t("export.filters.title", lang), neutralise(title)])
    sheet.append([])
    sheet.append([t("export.filters.key", lang), t("export.filters.value", lang)])
    header_row = sheet.max_row
    for cell in (sheet.cell(1, 1), *sheet[header_row]):
        cell.font = Font(bold=True)
    for key, value in filters.items():
        if key != PERMALINK_KEY:
            sheet.append([neutralise(key), neutralise(value)])
    sheet.append([t("export.filters.exported_at", lang), exported_at.replace(tzinfo=None)])
    sheet.cell(sheet.max_row, 2).number_format = FORMAT_TIMESTAMP
    sheet.cell(sheet.max_row, 2).alignment = Alignment(horizontal="left")
    permalink = filters.get(PERMALINK_KEY)
    if permalink:
        sheet.append([t("export.filters.permalink", lang), neutralise(permalink)])
        link = sheet.cell(sheet.max_row, 2)
        if permalink.startswith(("https://", "http://")):
            link.hyperlink = permalink
            link.style = "Hyperlink"
    sheet.column_dimensions["A"].width = 28
    sheet.column_dimensions["B"].width = MAX_WIDTH


def xlsx_bytes(
    frame: pd.DataFrame,
    sources: pd.DataFrame,
    filters: Mapping[str, str],
    lang: Lang,
    title: str,
    *,
    exported_at: dt.datetime | None = None,
) -> bytes:
    """Workbook with the data, its sources and notes, and the filters it was made with.

    ``filters`` maps a readable filter name to its value; a ``permalink`` entry is written last
    as a link. ``exported_at`` defaults to now, in UTC so the recorded time is unambiguous.
    """
    when = exported_at or dt.datetime.now(dt.UTC)
    if when.tzinfo is not None:
        when = when.astimezone(dt.UTC)
    book = Workbook()
    data_sheet = book.active
    assert data_sheet is not None  # a new workbook always has one sheet
    data_sheet.title = t("export.sheet.data", lang)[:SHEET_NAME_LIMIT]
    _write_table(data_sheet, frame, lang)
    sources_sheet = book.create_sheet(t("export.sheet.sources", lang)[:SHEET_NAME_LIMIT])
    _write_table(sources_sheet, sources, lang)
    filters_sheet = book.create_sheet(t("export.sheet.filters", lang)[:SHEET_NAME_LIMIT])
    _write_filters(filters_sheet, filters, lang, title, when)
    # Name the app, not openpyxl, as the workbook's author.
    book.properties.title = title
    book.properties.creator = t("memo.app", lang)
    book.properties.lastModifiedBy = t("memo.app", lang)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
