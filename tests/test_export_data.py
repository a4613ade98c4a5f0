"""Downloads open cleanly in Dutch and English Excel and never execute what a cell says."""

from __future__ import annotations

import csv
import datetime as dt
import io
from typing import Any

import pandas as pd
import pytest
from openpyxl import load_workbook
from openpyxl.workbook.workbook import Workbook

from components.exports.tables import PERMALINK_KEY, csv_bytes, neutralise, xlsx_bytes
from components.formatting import Lang
from data import columns as c

BOM = b"\xef\xbb\xbf"
PERMALINK = "https://iom.example.org/?lang=nl&year=2023"


def data_frame() -> pd.DataFrame:
    """Like a model query: StringDtype text, float amounts, fractions, a negative change."""
    return pd.DataFrame(
        {
            c.YEAR: pd.array([2023, 2023, 2023], dtype="int64"),
            c.DONOR: pd.array(["USA", "=SUM(A1)", "@cmd"], dtype="string"),
            c.AMOUNT: [1365.5, 279.0, 62.25],
            c.SHARE: [0.52, 0.106, 0.024],
            c.CHANGE_ABS: [436.0, -12.5, None],
        }
    )


def sources_frame() -> pd.DataFrame:
    return pd.DataFrame(
        {
            c.SOURCE_ID: pd.array(["scorecard_2024", "iom_factsheet"], dtype="string"),
            c.PUBLISHER: pd.array(["Ministerie van Buitenlandse Zaken", "IOM"], dtype="string"),
            c.PUBLISHED: pd.array([2024, 2019], dtype="int64"),
            c.NOTE_NL: pd.array(
                ["Paginanummers van het document.", "+31 schrijft"], dtype="string"
            ),
        }
    )


def read_csv(data: bytes, lang: Lang) -> list[list[str]]:
    assert data.startswith(BOM)
    return list(
        csv.reader(io.StringIO(data[3:].decode("utf-8")), delimiter=";" if lang == "nl" else ",")
    )


def workbook(lang: Lang = "nl", filters: dict[str, str] | None = None) -> Workbook:
    data = xlsx_bytes(
        data_frame(),
        sources_frame(),
        filters
        if filters is not None
        else {"Jaar": "2023", "Markeer donor": "Nederland", PERMALINK_KEY: PERMALINK},
        lang,
        "Grootste donoren van IOM in 2023",
        exported_at=dt.datetime(2026, 11, 23, 14, 5, tzinfo=dt.UTC),
    )
    return load_workbook(io.BytesIO(data))


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("=SUM(A1)", "'=SUM(A1)"),
        ("+31 20 123", "'+31 20 123"),
        ("-1", "'-1"),
        ("@cmd", "'@cmd"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("Nederland", "Nederland"),
        ("", ""),
        (-12.5, -12.5),
        (-3, -3),
        (None, None),
    ],
)
def test_neutralise_touches_only_formula_like_text(value: Any, expected: Any) -> None:
    result = neutralise(value)
    assert result == expected
    assert type(result) is type(expected)


def test_csv_english_uses_comma_and_point() -> None:
    rows = read_csv(csv_bytes(data_frame(), "en"), "en")
    assert rows[0] == ["Year", "Donor", "Amount (USD million)", "Share", "Change (USD million)"]
    assert rows[1] == ["2023", "USA", "1365.5", "0.52", "436.0"]
    assert rows[2][1] == "'=SUM(A1)"
    assert rows[3][1] == "'@cmd"
    assert rows[2][4] == "-12.5"  # a negative number stays a number
    assert rows[3][4] == ""


def test_csv_dutch_uses_semicolon_and_decimal_comma() -> None:
    data = csv_bytes(data_frame(), "nl")
    rows = read_csv(data, "nl")
    assert rows[0][0] == "Jaar"
    assert rows[1][2:4] == ["1365,5", "0,52"]
    assert rows[2][1] == "'=SUM(A1)"
    assert rows[2][4] == "-12,5"
    assert b"\r\n" in data


def test_xlsx_has_data_sources_and_filters_sheets_in_the_language() -> None:
    assert workbook("nl").sheetnames == ["Gegevens", "Bronnen en toelichting", "Filters"]
    assert workbook("en").sheetnames == ["Data", "Sources and notes", "Filters"]


def test_xlsx_numbers_are_numeric_cells_with_formats() -> None:
    sheet = workbook()["Gegevens"]
    header = [cell.value for cell in sheet[1]]
    assert header == ["Jaar", "Donor", "Bedrag (USD mln)", "Aandeel", "Verandering (USD mln)"]
    assert all(cell.font.bold for cell in sheet[1])
    assert sheet.freeze_panes == "A2"
    year, amount, share, change = sheet["A2"], sheet["C2"], sheet["D2"], sheet["E3"]
    assert (year.value, year.data_type, year.number_format) == (2023, "n", "0")
    assert (amount.value, amount.data_type, amount.number_format) == (1365.5, "n", "#,##0.0")
    assert (share.value, share.number_format) == (0.52, "0.0%")
    assert (change.value, change.data_type) == (-12.5, "n")
    assert sheet["E4"].value is None  # missing stays empty, not "nan"
    assert sheet.column_dimensions["C"].width >= len("Bedrag (USD mln)")


def test_xlsx_formula_like_text_is_stored_as_escaped_text() -> None:
    book = workbook()
    cell = book["Gegevens"]["B3"]
    assert cell.value == "'=SUM(A1)"
    assert cell.data_type == "s"
    assert book["Gegevens"]["B4"].value == "'@cmd"
    assert book["Bronnen en toelichting"]["D3"].value == "'+31 schrijft"
    formulas = [
        cell.coordinate
        for sheet in book.worksheets
        for row in sheet.iter_rows()
        for cell in row
        if cell.data_type == "f"
    ]
    assert formulas == []


def test_xlsx_records_sources() -> None:
    sheet = workbook("en")["Sources and notes"]
    assert [cell.value for cell in sheet[1]] == [
        "Source",
        "Publisher",
        "Year published",
        "Note (Dutch)",
    ]
    assert sheet["A2"].value == "scorecard_2024"
    assert (sheet["C3"].value, sheet["C3"].number_format) == (2019, "0")


def test_xlsx_records_filters_timestamp_and_permalink() -> None:
    sheet = workbook("nl")["Filters"]
    rows = {row[0]: row[1] for row in sheet.iter_rows(values_only=True) if row[0]}
    assert rows["Titel"] == "Grootste donoren van IOM in 2023"
    assert rows["Jaar"] == "2023"
    assert rows["Markeer donor"] == "Nederland"
    assert rows["Geëxporteerd op (UTC)"] == dt.datetime(2026, 11, 23, 14, 5)
    assert rows["Link naar deze weergave"] == PERMALINK
    link_cell = next(
        row[1] for row in sheet.iter_rows() if row[0].value == "Link naar deze weergave"
    )
    assert link_cell.hyperlink is not None and link_cell.hyperlink.target == PERMALINK
    assert PERMALINK_KEY not in rows


def test_xlsx_without_permalink_still_records_the_timestamp() -> None:
    sheet = workbook("en", filters={"Year": "=1+1"})["Filters"]
    rows = {row[0]: row[1] for row in sheet.iter_rows(values_only=True) if row[0]}
    assert rows["Year"] == "'=1+1"
    assert "Exported at (UTC)" in rows
    assert "Link to this view" not in rows
