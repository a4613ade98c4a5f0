"""Every way a CEB upload can be wrong: the error names the file, the row as a spreadsheet shows
it (header = row 1), the column, and says what is wrong in Dutch and English."""

from __future__ import annotations

import io
import re
import zipfile

import numpy as np
import pandas as pd
import pytest

from data.ceb import (
    CEB_AMOUNT,
    CEB_COLUMNS,
    CEB_DONOR,
    CEB_ENTITY,
    CEB_REV_TYPE,
    CEB_YEAR,
    read_revenue_file,
    read_revenue_files,
)
from data.columns import AMOUNT_USD, REV_CORE, REV_OTHER, REV_TYPES, YEAR
from data.errors import DataLoadError, describe
from tests.ceb_helpers import USA, csv_bytes, good_rows, load_error, xlsx_bytes

# --------------------------------------------------------------------------------------------
# every error case: file, row, column and what is wrong
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("content", [b"", b"\xef\xbb\xbf", b"\r\n \r\n"])
def test_empty_file(content: bytes) -> None:
    error = load_error("empty.csv", content)
    assert (error.file, error.row, error.column) == ("empty.csv", None, None)
    assert "empty" in error.message


def test_header_without_rows() -> None:
    error = load_error("header.csv", csv_bytes([]))
    assert "no data rows" in error.message


def test_empty_xlsx() -> None:
    error = load_error("empty.xlsx", xlsx_bytes([]))
    assert "empty" in error.message


def test_missing_column_lists_expected() -> None:
    content = csv_bytes([[USA, "IOM", REV_CORE, "2024"]], header=list(CEB_COLUMNS[:4]))
    error = load_error("short.csv", content)
    assert (error.row, error.column) == (1, CEB_AMOUNT)
    assert "missing 'amount'" in error.message
    assert "government_donor, entity, rev_type, calendar_year, amount" in error.message


def test_renamed_and_unexpected_columns() -> None:
    header = ["donor", *CEB_COLUMNS[1:], "notes"]
    error = load_error("renamed.csv", csv_bytes([[USA, "IOM", REV_CORE, "2024", "1", ""]], header))
    assert (error.row, error.column) == (1, CEB_DONOR)
    assert "missing 'government_donor'" in error.message
    assert "unexpected 'donor', 'notes'" in error.message


def test_repeated_column() -> None:
    header = [*CEB_COLUMNS, "amount"]
    error = load_error("twice.csv", csv_bytes([[USA, "IOM", REV_CORE, "2024", "1", "2"]], header))
    assert (error.row, error.column) == (1, CEB_AMOUNT)
    assert "more than once" in error.message


def test_amount_not_a_number_shows_text_and_counts_others() -> None:
    rows = good_rows()
    rows[1][4] = "3,630,428"
    rows[3][4] = "n/a"
    error = load_error("amounts.csv", csv_bytes(rows))
    assert (error.file, error.row, error.column) == ("amounts.csv", 3, CEB_AMOUNT)
    assert "'3,630,428' is not a number" in error.message
    assert "1 more row" in error.message
    assert str(error).startswith("amounts.csv, row 3, column 'amount': ")


def test_amount_empty() -> None:
    rows = good_rows()
    rows[2][4] = ""
    error = load_error("blank.csv", csv_bytes(rows))
    assert (error.row, error.column) == (4, CEB_AMOUNT)
    assert "amount is empty" in error.message


@pytest.mark.parametrize("year", ["24", "2024.5", "FY2024", "", "20245"])
def test_year_not_four_digits(year: str) -> None:
    rows = good_rows()
    rows[2][3] = year
    error = load_error("years.csv", csv_bytes(rows))
    assert (error.row, error.column) == (4, CEB_YEAR)
    assert f"'{year}' is not a 4-digit year" in error.message


def test_unknown_revenue_type_lists_allowed() -> None:
    rows = good_rows()
    rows[0][2] = "Voluntary contributions"
    error = load_error("types.csv", csv_bytes(rows))
    assert (error.row, error.column) == (2, CEB_REV_TYPE)
    assert "unknown revenue type 'Voluntary contributions'" in error.message
    assert all(f"'{rev_type}'" in error.message for rev_type in REV_TYPES)


@pytest.mark.parametrize(("index", "column"), [(0, CEB_DONOR), (1, CEB_ENTITY)])
def test_empty_names(index: int, column: str) -> None:
    rows = good_rows()
    rows[1][index] = "  "
    error = load_error("names.csv", csv_bytes(rows))
    assert (error.row, error.column) == (3, column)
    assert "empty" in error.message


def test_duplicate_rows_name_both_lines() -> None:
    rows = [*good_rows(), [USA, " IOM", REV_CORE, "2024", "5"]]
    error = load_error("dups.csv", csv_bytes(rows))
    assert (error.file, error.row, error.column) == ("dups.csv", 6, None)
    assert "duplicate row" in error.message and "as row 3 (" in error.message


def test_xlsx_with_several_sheets() -> None:
    content = xlsx_bytes([list(CEB_COLUMNS)], sheets=("data", "notes", "Sheet3"))
    error = load_error("book.xlsx", content)
    assert (error.file, error.row, error.column) == ("book.xlsx", None, None)
    assert "3 sheets ('data', 'notes', 'Sheet3')" in error.message
    assert "keep only" in error.message


def test_csv_title_rows_above_header() -> None:
    content = b"IOM revenue 2024 (source: UN CEB)\r\n\r\n" + csv_bytes(good_rows())[3:]
    error = load_error("title.csv", content)
    assert (error.row, error.column) == (3, None)
    assert "the header is on row 3; remove the title rows above it" in error.message


def test_xlsx_title_rows_above_header() -> None:
    rows: list[list[object]] = [["Revenue by government donor"], [], list(CEB_COLUMNS)]
    content = xlsx_bytes(rows + [list(row) for row in good_rows()])
    error = load_error("title.xlsx", content)
    assert (error.row, error.column) == (3, None)
    assert "the header is on row 3" in error.message


def test_header_far_below_is_a_column_error() -> None:
    content = ("title\r\n" * 12).encode() + csv_bytes(good_rows())
    error = load_error("far.csv", content)
    assert (error.row, error.column) == (1, CEB_DONOR)
    assert "wrong columns" in error.message


def test_binary_junk_named_csv() -> None:
    junk = bytes(np.random.default_rng(1).integers(0, 256, size=4096, dtype=np.uint8))
    error = load_error("junk.csv", junk)
    assert error.file == "junk.csv"
    assert "binary data" in error.message or "not UTF-8" in error.message


def test_undecodable_text_names_row() -> None:
    content = csv_bytes(good_rows()).replace(b"Lesotho", "Lésotho".encode("cp1252"))
    error = load_error("latin.csv", content)
    assert (error.row, error.column) == (4, None)
    assert "not UTF-8" in error.message and "0xe9" in error.message


def test_nul_bytes_are_binary() -> None:
    content = csv_bytes(good_rows()) + b"\x00\x00"
    error = load_error("nul.csv", content)
    assert error.row == 6 and "binary data" in error.message


def test_csv_that_is_really_xlsx() -> None:
    error = load_error("ceb.csv", xlsx_bytes([list(CEB_COLUMNS)]))
    assert (error.file, error.row) == ("ceb.csv", None)
    assert "file is not what its name says" in error.message


def test_xlsx_that_is_really_csv() -> None:
    error = load_error("ceb.xlsx", csv_bytes(good_rows()))
    assert "file is not what its name says" in error.message


def test_zip_that_is_not_a_workbook() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("readme.txt", "hello")
    error = load_error("archive.xlsx", buffer.getvalue())
    assert "not a readable Excel workbook" in error.message


def test_legacy_xls_and_unknown_extension() -> None:
    legacy = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600
    assert ".xls" in load_error("old.xls", legacy).message
    assert "not what its name says" in load_error("old.xlsx", legacy).message
    assert "unsupported file type '.pdf'" in load_error("ceb.pdf", b"%PDF-1.4").message


def test_too_big_is_rejected_before_parsing() -> None:
    error = load_error("big.csv", b"\x00" * 2048, max_bytes=1024)
    assert (error.file, error.row) == ("big.csv", None)
    assert "over the limit of 0.0 MB" in error.message


@pytest.mark.parametrize("position", [0, 3])
def test_unquoted_comma_in_a_name(position: int) -> None:
    good = csv_bytes(good_rows()).decode("utf-8-sig").split("\r\n")
    good.insert(position + 1, f"Korea, Republic of,IOM,{REV_OTHER},2024,1")
    error = load_error("comma.csv", "\r\n".join(good).encode())
    assert error.row == position + 2
    assert "6 values but the header has 5 columns" in error.message


def test_unclosed_quote() -> None:
    content = csv_bytes(good_rows()) + f'"Korea,IOM,{REV_OTHER},2024,1\r\n'.encode()
    error = load_error("quote.csv", content)
    assert error.row == 6 and "unclosed double quote" in error.message


def test_xlsx_cell_types_and_stray_column() -> None:
    rows: list[list[object]] = [list(CEB_COLUMNS), [USA, "IOM", REV_CORE, 2024.0, "3 630 428"]]
    frame = read_revenue_file("types.xlsx", xlsx_bytes(rows))
    assert frame[YEAR].tolist() == [2024] and frame[AMOUNT_USD].tolist() == [3_630_428.0]

    stray = xlsx_bytes([list(CEB_COLUMNS), [USA, "IOM", REV_CORE, 2024, 1, "note"]])
    error = load_error("stray.xlsx", stray)
    assert (error.row, error.column) == (2, "column F")
    assert "no header" in error.message

    dated = xlsx_bytes([list(CEB_COLUMNS), [USA, "IOM", REV_CORE, pd.Timestamp("2024-01-01"), 1]])
    error = load_error("dated.xlsx", dated)
    assert error.column == CEB_YEAR and re.search(r"'2024-01-01T00:00:00' is not", error.message)


# --------------------------------------------------------------------------------------------
# the same errors in Dutch
# --------------------------------------------------------------------------------------------


def test_amount_error_in_dutch_names_file_row_column_and_count() -> None:
    rows = good_rows()
    rows[1][4] = "3,630,428"
    rows[3][4] = "n/a"
    error = load_error("amounts.csv", csv_bytes(rows))
    assert error.key == "error.bad_amount"
    assert describe(error, "nl") == (
        "bestand amounts.csv, rij 3, kolom 'amount': bedrag '3,630,428' is geen getal; schrijf "
        "gewone USD met een '.' voor decimalen en spaties (of niets) tussen duizendtallen, "
        "bijvoorbeeld 6 248 523.86 (nog 1 rij met hetzelfde probleem)"
    )
    assert describe(error, "en") == str(error)


def test_sizes_in_dutch_use_a_decimal_comma() -> None:
    error = load_error("big.csv", b"\x00" * (3 * 1024 * 1024), max_bytes=1024 * 1024)
    assert error.params == {"size": 3.0, "limit": 1.0}
    assert "het bestand is 3,0 MB, meer dan de grens van 1,0 MB per bestand" in error.text("nl")
    assert "the file is 3.0 MB, over the limit of 1.0 MB per file" in error.message


def test_duplicates_across_files_in_dutch() -> None:
    with pytest.raises(DataLoadError) as caught:
        read_revenue_files([("a.csv", csv_bytes(good_rows())), ("b.csv", csv_bytes(good_rows()))])
    error = caught.value
    assert describe(error, "nl").startswith(
        "bestand b.csv, rij 2: dubbele rij: dezelfde government_donor, entity, rev_type en "
        "calendar_year als rij 2 van a.csv (United States of America / IOM / "
    )
    assert describe(error, "nl").endswith("; houd er maar één (nog 3 dubbele rijen)")
    assert str(error).endswith("; keep only one (3 more duplicate rows)")


def _with(row: int, column: int, value: str) -> bytes:
    """The good rows with one cell changed."""
    rows = good_rows()
    rows[row][column] = value
    return csv_bytes(rows)


def _zip_not_workbook() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("readme.txt", "hello")
    return buffer.getvalue()


LEGACY = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600
UNQUOTED = f"{','.join(CEB_COLUMNS)}\r\nKorea, Rep.,IOM,{REV_CORE},2024,1\r\n".encode()
TITLED = b"Revenue 2024\r\n" + csv_bytes(good_rows())
STRAY = xlsx_bytes([list(CEB_COLUMNS), [USA, "IOM", REV_CORE, 2024, 1, "note"]])


@pytest.mark.parametrize(
    ("name", "content", "key"),
    [
        ("empty.csv", b"", "error.empty"),
        ("old.xls", LEGACY, "error.legacy_xls"),
        ("ceb.csv", xlsx_bytes([list(CEB_COLUMNS)]), "error.csv_is_zip"),
        ("ceb.xlsx", csv_bytes(good_rows()), "error.xlsx_not_zip"),
        ("ceb.pdf", b"%PDF-1.4", "error.unsupported_type"),
        ("README", b"text", "error.no_file_type"),
        ("nul.csv", csv_bytes(good_rows()) + b"\x00", "error.binary"),
        ("latin.csv", csv_bytes(good_rows()).replace(b"Lesotho", b"L\xe9sotho"), "error.not_utf8"),
        ("quote.csv", csv_bytes(good_rows()) + b'"Korea,IOM', "error.unclosed_quote"),
        ("comma.csv", UNQUOTED, "error.too_many_values"),
        ("archive.xlsx", _zip_not_workbook(), "error.not_a_workbook"),
        ("book.xlsx", xlsx_bytes([list(CEB_COLUMNS)], ("a", "b")), "error.several_sheets"),
        ("title.csv", TITLED, "error.header_below"),
        ("twice.csv", csv_bytes([], [*CEB_COLUMNS, CEB_AMOUNT]), "error.repeated_column"),
        ("short.csv", csv_bytes([], list(CEB_COLUMNS[:4])), "error.wrong_columns_missing"),
        ("notes.csv", csv_bytes([], [*CEB_COLUMNS, "notes"]), "error.wrong_columns_unexpected"),
        ("renamed.csv", csv_bytes([], ["donor", *CEB_COLUMNS[1:]]), "error.wrong_columns_both"),
        ("stray.xlsx", STRAY, "error.unnamed_column"),
        ("header.csv", csv_bytes([]), "error.no_rows"),
        ("donor.csv", _with(0, 0, ""), "error.empty_donor"),
        ("entity.csv", _with(0, 1, ""), "error.empty_entity"),
        ("type.csv", _with(0, 2, "Core"), "error.unknown_rev_type"),
        ("year.csv", _with(0, 3, "FY24"), "error.bad_year"),
        ("amount.csv", _with(0, 4, ""), "error.empty_amount"),
        ("amount.csv", _with(0, 4, "lots"), "error.bad_amount"),
        ("dups.csv", csv_bytes([*good_rows(), *good_rows()[:1]]), "error.duplicate_row"),
    ],
)
def test_every_error_is_keyed_and_has_a_dutch_text(name: str, content: bytes, key: str) -> None:
    """A keyed error renders in both languages; only the English one is ``str(error)``."""
    error = load_error(name, content)
    assert error.key == key
    assert describe(error, "en") == str(error)
    dutch = describe(error, "nl")
    assert dutch.startswith(f"bestand {name}")
    assert error.text("nl") != error.message and dutch.endswith(error.text("nl"))
