"""The app's own XLSX template for revenue data that is not (yet) in a CEB export.

It has exactly the CEB header and a single sheet, so a filled template goes through
``read_revenue_file`` like a CEB download; guidance lives in cell comments and the workbook
properties because a title row or a second sheet would make the loader (rightly) refuse it.
"""

from __future__ import annotations

import io
from typing import Final

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from data.ceb import CEB_AMOUNT, CEB_COLUMNS, CEB_DONOR, CEB_ENTITY, CEB_REV_TYPE, CEB_YEAR
from data.columns import REV_ASSESSED, REV_CORE, REV_EARMARKED, REV_TYPES

SHEET_TITLE: Final = "revenue"
AMOUNT_FORMAT: Final = "#,##0.00"
YEAR_FORMAT: Final = "0"
VALIDATED_ROWS: Final = 10_000
"""Rows that get the drop-down; far more than one year of one entity's donors needs."""

# Real rows of the CEB 2024 export (United States of America to IOM), so the example is
# recognisable as CEB data and shows a large amount in the expected plain-USD form.
EXAMPLE_ROWS: Final[tuple[tuple[str, str, str, int, float], ...]] = (
    ("United States of America", "IOM", REV_EARMARKED, 2024, 1_520_634_949.0),
    ("United States of America", "IOM", REV_ASSESSED, 2024, 21_192_563.0),
    ("United States of America", "IOM", REV_CORE, 2024, 3_630_428.0),
)

_HEADER_NOTES: Final = {
    CEB_DONOR: "Official UN name of the government, as in the CEB export, e.g. "
    "'United Kingdom of Great Britain and Northern Ireland'.",
    CEB_ENTITY: "UN entity receiving the money, e.g. IOM.",
    CEB_REV_TYPE: "One of the four CEB revenue types; pick it from the drop-down.",
    CEB_YEAR: "Calendar year, 4 digits, e.g. 2024.",
    CEB_AMOUNT: "Plain US dollars (not thousands or millions). Refunds are negative. "
    "A number, or text like '6 248 523.86'.",
}
_INSTRUCTIONS: Final = (
    "Revenue by government donor, in the UN CEB export layout. Keep row 1 (the header) as it "
    "is and this single sheet; put one row per donor, entity, revenue type and year below it. "
    "Rows 2-4 are examples from the CEB 2024 export (United States of America to IOM): "
    "overwrite or delete them. Each donor/entity/type/year may appear only once."
)
_COLUMN_WIDTHS: Final = (48, 12, 46, 14, 20)
_AUTHOR: Final = "IOM funding dashboard"


def template_bytes() -> bytes:
    """The template as .xlsx bytes, ready to serve as a download."""
    workbook = Workbook()
    sheet = workbook.worksheets[0]
    sheet.title = SHEET_TITLE
    sheet.append(list(CEB_COLUMNS))
    for row in EXAMPLE_ROWS:
        sheet.append(list(row))

    for position, (column, width) in enumerate(zip(CEB_COLUMNS, _COLUMN_WIDTHS, strict=True), 1):
        letter = get_column_letter(position)
        cell = sheet.cell(row=1, column=position)
        cell.font = Font(bold=True)
        cell.comment = Comment(_HEADER_NOTES[column], _AUTHOR, width=320, height=90)
        sheet.column_dimensions[letter].width = width
    sheet["A2"].comment = Comment(
        "Example row (real CEB 2024 figure); overwrite or delete.", _AUTHOR
    )
    amount_letter = get_column_letter(CEB_COLUMNS.index(CEB_AMOUNT) + 1)
    year_letter = get_column_letter(CEB_COLUMNS.index(CEB_YEAR) + 1)
    type_letter = get_column_letter(CEB_COLUMNS.index(CEB_REV_TYPE) + 1)
    sheet.column_dimensions[amount_letter].number_format = AMOUNT_FORMAT
    sheet.column_dimensions[year_letter].number_format = YEAR_FORMAT
    for row_number in range(2, len(EXAMPLE_ROWS) + 2):
        sheet[f"{amount_letter}{row_number}"].number_format = AMOUNT_FORMAT
        sheet[f"{year_letter}{row_number}"].number_format = YEAR_FORMAT

    rev_types = DataValidation(
        type="list",
        formula1='"' + ",".join(REV_TYPES) + '"',
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="Unknown revenue type",
        error="Pick one of the four CEB revenue types from the list.",
    )
    rev_types.add(f"{type_letter}2:{type_letter}{VALIDATED_ROWS}")
    years = DataValidation(
        type="whole",
        operator="between",
        formula1="1945",
        formula2="2100",
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="Not a year",
        error="Write the calendar year with 4 digits, e.g. 2024.",
    )
    years.add(f"{year_letter}2:{year_letter}{VALIDATED_ROWS}")
    sheet.add_data_validation(rev_types)
    sheet.add_data_validation(years)
    sheet.freeze_panes = "A2"

    workbook.properties.title = "Revenue by government donor (UN CEB layout)"
    workbook.properties.subject = "Template for the IOM funding dashboard"
    workbook.properties.description = _INSTRUCTIONS
    workbook.properties.creator = _AUTHOR

    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
