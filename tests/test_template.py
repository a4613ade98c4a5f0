"""The XLSX template must stay loadable by the CEB loader exactly as the analyst fills it."""

from __future__ import annotations

import io

import openpyxl
import pandas as pd
import pytest

from data.ceb import CEB_COLUMNS, read_revenue_file
from data.columns import (
    AMOUNT_USD,
    DONOR,
    ENTITY,
    LINE,
    REV_ASSESSED,
    REV_CORE,
    REV_EARMARKED,
    REV_OTHER,
    REV_TYPE,
    REV_TYPES,
    YEAR,
)
from data.errors import DataLoadError
from data.template import AMOUNT_FORMAT, EXAMPLE_ROWS, template_bytes


def open_template() -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(template_bytes()))


def saved(workbook: openpyxl.Workbook) -> bytes:
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def test_one_sheet_with_the_ceb_header_and_no_title_row() -> None:
    workbook = open_template()
    assert len(workbook.sheetnames) == 1
    sheet = workbook.worksheets[0]
    assert [cell.value for cell in sheet[1]] == list(CEB_COLUMNS)
    assert all(cell.comment is not None and cell.comment.text for cell in sheet[1])
    assert workbook.properties.description and "header" in workbook.properties.description


def test_rev_type_drop_down_and_number_formats() -> None:
    sheet = open_template().worksheets[0]
    lists = [dv for dv in sheet.data_validations.dataValidation if dv.type == "list"]
    assert len(lists) == 1
    assert lists[0].formula1.strip('"').split(",") == list(REV_TYPES)
    assert "C2" in lists[0].sqref and "C9999" in lists[0].sqref
    assert all(sheet.cell(row=row, column=5).number_format == AMOUNT_FORMAT for row in (2, 3, 4))
    assert sheet.column_dimensions["E"].number_format == AMOUNT_FORMAT


def test_untouched_template_loads_its_examples() -> None:
    frame = read_revenue_file("template.xlsx", template_bytes())
    expected = [list(row) for row in EXAMPLE_ROWS]
    assert frame[[DONOR, ENTITY, REV_TYPE, YEAR, AMOUNT_USD]].values.tolist() == expected
    assert set(frame[ENTITY]) == {"IOM"}


def test_filled_template_gives_exactly_those_rows() -> None:
    workbook = open_template()
    sheet = workbook.worksheets[0]
    sheet.delete_rows(2, sheet.max_row)
    filled: list[list[object]] = [
        ["Netherlands", "IOM", REV_EARMARKED, 2023, 61_543_210.5],
        ["Netherlands", "IOM", REV_CORE, 2023, "12 000 000"],  # typed as text with spaces
        ["Germany", "IOM", REV_ASSESSED, 2023, 9_876_543],
        ["Germany", "IOM", REV_OTHER, 2023, -1_250.75],
    ]
    for row in filled:
        sheet.append(row)
    frame = read_revenue_file("filled.xlsx", saved(workbook))
    expected = pd.DataFrame(
        {
            DONOR: ["Netherlands", "Netherlands", "Germany", "Germany"],
            ENTITY: ["IOM"] * 4,
            REV_TYPE: [REV_EARMARKED, REV_CORE, REV_ASSESSED, REV_OTHER],
            YEAR: [2023] * 4,
            AMOUNT_USD: [61_543_210.5, 12_000_000.0, 9_876_543.0, -1_250.75],
            LINE: [2, 3, 4, 5],
        }
    ).astype({DONOR: "str", ENTITY: "str", REV_TYPE: "str", YEAR: "int64", LINE: "int64"})
    pd.testing.assert_frame_equal(frame[list(expected.columns)], expected)


def test_filled_template_still_validated() -> None:
    workbook = open_template()
    sheet = workbook.worksheets[0]
    sheet.append(["Canada", "IOM", "Core", 2024, 1])
    with pytest.raises(DataLoadError) as caught:
        read_revenue_file("bad.xlsx", saved(workbook))
    assert (caught.value.row, caught.value.column) == (5, "rev_type")
