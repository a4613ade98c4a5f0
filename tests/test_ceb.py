"""Tests of the CEB loader and aggregations, on the real 2024 export and on files built here."""

from __future__ import annotations

import csv
import io
import re
import zipfile
from pathlib import Path

import numpy as np
import openpyxl
import pandas as pd
import pytest

from bench.bench_load import make_ceb_csv
from data.ceb import (
    CEB_AMOUNT,
    CEB_COLUMNS,
    CEB_DONOR,
    CEB_ENTITY,
    CEB_REV_TYPE,
    CEB_YEAR,
    REVENUE_COLUMNS,
    donor_split,
    entities,
    load_donor_names,
    map_donor_names,
    ranking,
    read_revenue_file,
    read_revenue_files,
    totals,
)
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
    REV_TYPES,
    SHARE,
    VOLUNTARY,
    YEAR,
)
from data.errors import DataLoadError

REPO = Path(__file__).resolve().parents[1]
REAL_FILE = REPO.parent / "shared" / "data" / "ceb" / "government-donor-revenue-2024.csv"
USA = "United States of America"
# Rows in the real file. Its README says 8,974, but the file holds 8,976 data rows (8,977 lines
# with the header; checked with csv.reader and wc -l), so the count found is asserted.
REAL_ROWS = 8_976


# --------------------------------------------------------------------------------------------
# helpers
# --------------------------------------------------------------------------------------------


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
    """Amount text as CEB writes it, for the files the tests derive from the real one."""
    text = f"{value:,.2f}".replace(",", " ")
    return text.removesuffix(".00")


@pytest.fixture(scope="module")
def real_bytes() -> bytes:
    if not REAL_FILE.exists():
        pytest.skip(f"real CEB export not found at {REAL_FILE} (clone with ../shared beside it)")
    return REAL_FILE.read_bytes()


@pytest.fixture(scope="module")
def real(real_bytes: bytes) -> pd.DataFrame:
    return read_revenue_file(REAL_FILE.name, real_bytes)


def derived_year(real_bytes: bytes, year: int, scale: dict[str, float]) -> bytes:
    """The real file re-dated to ``year``, with some donors' amounts multiplied."""
    reader = csv.reader(io.StringIO(real_bytes.decode("utf-8-sig")))
    header = next(reader)
    rows = []
    for donor, entity, rev_type, _, amount in reader:
        value = float(amount.replace(" ", "")) * scale.get(donor, 1.0)
        rows.append([donor, entity, rev_type, str(year), spaced(value)])
    return csv_bytes(rows, header)


# --------------------------------------------------------------------------------------------
# the real 2024 file
# --------------------------------------------------------------------------------------------


def test_real_file_rows_columns_and_dtypes(real: pd.DataFrame, real_bytes: bytes) -> None:
    assert len(real) == REAL_ROWS
    assert real_bytes.count(b"\r\n") == REAL_ROWS  # header + rows, no final line end
    assert list(real.columns) == list(REVENUE_COLUMNS)
    assert {column: str(real[column].dtype) for column in REVENUE_COLUMNS} == {
        DONOR: "str",
        ENTITY: "str",
        "rev_type": "str",
        YEAR: "int64",
        AMOUNT_USD: "float64",
        FILE: "str",
        LINE: "int64",
    }
    assert real[LINE].iat[0] == 2 and real[LINE].iat[-1] == REAL_ROWS + 1
    assert set(real[YEAR]) == {2024}
    assert set(real["rev_type"]) == set(REV_TYPES)
    assert (real[FILE] == REAL_FILE.name).all()


def test_real_file_counts_from_readme(real: pd.DataFrame) -> None:
    assert (real[ENTITY] == "IOM").sum() == 262
    assert (real[AMOUNT_USD] < 0).sum() == 205


def test_real_file_quoted_names_and_decimals(real: pd.DataFrame) -> None:
    row = real[real[LINE] == 6048].iloc[0]  # grep -n: line 6048 of the file
    assert row[DONOR] == "China, Hong Kong Special Administrative Region"
    assert row[ENTITY] == "WTO"
    assert row[AMOUNT_USD] == 6_248_523.86
    assert real[AMOUNT_USD].iat[-1] == -101_992_876  # last line: Benin, WFP, -101 992 876


def test_iom_united_states_worked_out_by_hand(real: pd.DataFrame) -> None:
    # grep '^United States of America,IOM,' gives earmarked 1 520 634 949,
    # assessed 21 192 563 and core 3 630 428.
    split = donor_split(real, "IOM")
    usa = split[split[DONOR_KEY] == "USA"].iloc[0]
    assert usa[NAME_EN] == "United States" and usa[NAME_NL] == "Verenigde Staten"
    assert usa[EARMARKED] == pytest.approx(1520.634949)
    assert usa[CORE] == pytest.approx(3.630428)
    assert usa[ASSESSED] == pytest.approx(21.192563)
    assert usa[OTHER] == 0
    assert usa[VOLUNTARY] == pytest.approx(1524.265377)
    assert usa[CORE_SHARE] == pytest.approx(3.630428 / 1524.265377)
    assert not usa[INCLUDES_NEGATIVE]


def test_iom_ranking_2024(real: pd.DataFrame) -> None:
    ranked = ranking(real, "IOM")
    assert ranked[DONOR_KEY].head(5).tolist() == ["USA", "CAN", "GBR", "DEU", "NLD"]
    assert ranked[RANK].head(5).tolist() == [1, 2, 3, 4, 5]
    assert ranked[RANK].dtype == np.int64
    assert ranked[AMOUNT].iat[0] == pytest.approx(1524.265377)
    year_total = float(totals(real, "IOM")[VOLUNTARY].to_numpy()[0])
    assert ranked[SHARE].iat[0] == pytest.approx(1524.265377 / year_total)
    assert ranked[AMOUNT].is_monotonic_decreasing


def test_includes_negative_and_excluded_from_ranking(real: pd.DataFrame) -> None:
    # grep '^Chile,IOM,': assessed 404 590, earmarked -207 788 (a refund).
    split = donor_split(real, "IOM")
    chile = split[split[DONOR_KEY] == "CHL"].iloc[0]
    assert (chile[NAME_EN], chile[NAME_NL]) == ("Chile", "Chili")
    assert chile[INCLUDES_NEGATIVE]
    assert chile[VOLUNTARY] == pytest.approx(-0.207788)
    assert np.isnan(chile[CORE_SHARE])
    assert "CHL" not in set(ranking(real, "IOM")[DONOR_KEY])
    year = totals(real, "IOM").iloc[0]
    assert year[INCLUDES_NEGATIVE]
    assert year[VOLUNTARY] == pytest.approx(split[VOLUNTARY].sum())
    assert year[VOLUNTARY] < ranking(real, "IOM")[AMOUNT].sum()  # refunds net the total down


def test_totals_core_share(real: pd.DataFrame) -> None:
    iom = real[real[ENTITY] == "IOM"]
    core = iom.loc[iom["rev_type"] == REV_CORE, AMOUNT_USD].sum() / 1e6
    earmarked = iom.loc[iom["rev_type"] == REV_EARMARKED, AMOUNT_USD].sum() / 1e6
    year = totals(real, "IOM").iloc[0]
    assert year[YEAR] == 2024
    assert year[CORE] == pytest.approx(core)
    assert year[CORE_SHARE] == pytest.approx(core / (core + earmarked))


def test_entities_and_unknown_entity(real: pd.DataFrame) -> None:
    names = entities(real)
    assert names == sorted(names) and "IOM" in names and "WFP" in names
    with pytest.raises(ValueError, match="'XYZ' is not in the data"):
        donor_split(real, "XYZ")


def test_aggregations_do_not_mutate_input(real: pd.DataFrame) -> None:
    before = real.copy()
    donor_split(real)
    ranking(real)
    totals(real)
    map_donor_names(real, load_donor_names())
    pd.testing.assert_frame_equal(real, before)


def test_xlsx_round_trip_equals_csv(real: pd.DataFrame, real_bytes: bytes) -> None:
    reader = csv.reader(io.StringIO(real_bytes.decode("utf-8-sig")))
    rows: list[list[object]] = []
    for number, cells in enumerate(reader):
        row: list[object] = list(cells)
        if number and number % 2:  # mix real numbers and "1 520 634" text, as Excel users do
            row[3:] = [int(cells[3]), float(cells[4].replace(" ", ""))]
        rows.append(row)
    loaded = read_revenue_file("ceb-2024.xlsx", xlsx_bytes(rows))
    pd.testing.assert_frame_equal(
        loaded.drop(columns=[FILE, LINE]), real.drop(columns=[FILE, LINE])
    )
    assert (loaded[FILE] == "ceb-2024.xlsx").all()


# --------------------------------------------------------------------------------------------
# several files and years
# --------------------------------------------------------------------------------------------


def test_multi_year_ranking(real_bytes: bytes) -> None:
    older = derived_year(real_bytes, 2023, {"Canada": 20.0})
    frame = read_revenue_files([("ceb-2023.csv", older), ("ceb-2024.csv", real_bytes)])
    assert len(frame) == 2 * REAL_ROWS
    ranked = ranking(frame, "IOM")
    first = ranked[ranked[RANK] == 1].set_index(YEAR)[DONOR_KEY].to_dict()
    assert first == {2023: "CAN", 2024: "USA"}
    can_2023 = ranked[(ranked[YEAR] == 2023) & (ranked[DONOR_KEY] == "CAN")][AMOUNT].iat[0]
    assert can_2023 == pytest.approx(20 * 173.349545)
    assert totals(frame, "IOM")[YEAR].tolist() == [2023, 2024]


def test_duplicates_across_files_name_both(real_bytes: bytes) -> None:
    with pytest.raises(DataLoadError) as caught:
        read_revenue_files([("first.csv", real_bytes), ("second.csv", real_bytes)])
    error = caught.value
    assert (error.file, error.row) == ("second.csv", 2)
    assert "duplicate" in error.message and "row 2 of first.csv" in error.message
    assert "second.csv" in str(error)


def test_one_bad_file_fails_the_whole_load() -> None:
    bad = csv_bytes([[USA, "IOM", REV_CORE, "2024", "lots"]])
    with pytest.raises(DataLoadError) as caught:
        read_revenue_files([("good.csv", csv_bytes(good_rows())), ("bad.csv", bad)])
    assert caught.value.file == "bad.csv"
    with pytest.raises(DataLoadError, match="no files"):
        read_revenue_files([])


def test_generated_file_loads_completely() -> None:
    frame = read_revenue_file("generated.csv", make_ceb_csv(60_000))
    assert len(frame) == 60_000
    assert frame[LINE].tolist() == list(range(2, 60_002))
    assert (frame[AMOUNT_USD] < 0).any()
    assert frame[DONOR].str.contains(",").any()
    assert set(frame[YEAR]) == {2000, 2001}


# --------------------------------------------------------------------------------------------
# ranking rules on a generated frame
# --------------------------------------------------------------------------------------------


def test_ranking_ties_share_and_exclusions() -> None:
    rows = [
        ["Tie by sum", "IOM", REV_CORE, "2024", "100 000.10"],
        ["Tie by sum", "IOM", REV_EARMARKED, "2024", "200 000.20"],
        ["Tie single", "IOM", REV_EARMARKED, "2024", "300 000.30"],
        ["Third", "IOM", REV_EARMARKED, "2024", "100 000"],
        ["Third", "IOM", REV_ASSESSED, "2024", "999 999 999"],  # assessed does not rank
        ["Refund only", "IOM", REV_EARMARKED, "2024", "-50 000"],
        ["Zero", "IOM", REV_CORE, "2024", "0"],
        ["Other entity", "WFP", REV_CORE, "2024", "9 000 000"],
    ]
    frame = read_revenue_file("ties.csv", csv_bytes(rows))
    ranked = ranking(frame, "IOM")
    assert ranked[DONOR_KEY].tolist() == ["Tie by sum", "Tie single", "Third"]
    assert ranked[RANK].tolist() == [1, 1, 3]
    total = 0.3000003 + 0.3000003 + 0.1 - 0.05
    assert ranked[SHARE].tolist() == pytest.approx(
        [0.3000003 / total, 0.3000003 / total, 0.1 / total]
    )
    assert totals(frame, "IOM")[VOLUNTARY].iat[0] == pytest.approx(total)
    assert ranked[INCLUDES_NEGATIVE].tolist() == [False, False, False]


def test_donor_split_core_share_and_other() -> None:
    rows = [
        ["A", "IOM", REV_CORE, "2024", "1 000 000"],
        ["A", "IOM", REV_EARMARKED, "2024", "3 000 000"],
        ["A", "IOM", REV_OTHER, "2024", "500 000"],
        ["A", "IOM", REV_ASSESSED, "2024", "-10"],
    ]
    split = donor_split(read_revenue_file("a.csv", csv_bytes(rows)))
    row = split.iloc[0]
    assert (row[CORE], row[EARMARKED], row[OTHER], row[ASSESSED]) == (1.0, 3.0, 0.5, -0.00001)
    assert row[VOLUNTARY] == 4.0 and row[CORE_SHARE] == 0.25
    assert row[INCLUDES_NEGATIVE]  # a negative assessed row counts too


# --------------------------------------------------------------------------------------------
# donor names
# --------------------------------------------------------------------------------------------


def test_donor_names_cover_top_40_iom_donors(real: pd.DataFrame) -> None:
    names = load_donor_names()
    assert names[DONOR_KEY].is_unique and names[OFFICIAL_NAME].is_unique
    iom = real[(real[ENTITY] == "IOM") & real["rev_type"].isin([REV_CORE, REV_EARMARKED])]
    top = iom.groupby(DONOR)[AMOUNT_USD].sum().nlargest(40).index
    assert set(top) <= set(names[OFFICIAL_NAME])


def test_donor_names_agree_with_scorecard_donors() -> None:
    scorecard = pd.read_csv(REPO / "data" / "donors.csv", dtype=str)
    names = load_donor_names().set_index(DONOR_KEY)
    for _, donor in scorecard.iterrows():
        mine = names.loc[donor[DONOR_KEY]]
        assert (mine[OFFICIAL_NAME], mine[NAME_EN], mine[NAME_NL]) == (
            donor[OFFICIAL_NAME],
            donor[NAME_EN],
            donor[NAME_NL],
        )


def test_map_donor_names_keeps_unmapped_names() -> None:
    frame = read_revenue_file("a.csv", csv_bytes(good_rows()))
    mapped = map_donor_names(frame, load_donor_names())
    assert mapped[DONOR_KEY].tolist() == [
        "USA",
        "USA",
        "Lesotho",
        "China, Hong Kong Special Administrative Region",
    ]
    assert mapped[NAME_NL].tolist()[:3] == ["Verenigde Staten", "Verenigde Staten", "Lesotho"]
    assert mapped[OFFICIAL_NAME].tolist() == frame[DONOR].tolist()
    assert frame[DONOR].iat[0] == USA  # input untouched
    again = map_donor_names(mapped, load_donor_names())  # mapping twice changes nothing
    pd.testing.assert_frame_equal(again, mapped)


@pytest.mark.parametrize(
    ("line", "column", "text"),
    [
        ("USA,Other,Other,Andere", "donor", "already used on row 2"),
        ("XXX,United States of America,US,VS", "official_name", "already used on row 2"),
        ("XXX,Somewhere,,Ergens", "name_en", "empty value"),
    ],
)
def test_load_donor_names_errors(tmp_path: Path, line: str, column: str, text: str) -> None:
    path = tmp_path / "names.csv"
    path.write_text(
        "donor,official_name,name_en,name_nl\n"
        "USA,United States of America,United States,Verenigde Staten\n"
        f"{line}\n",
        encoding="utf-8",
    )
    with pytest.raises(DataLoadError) as caught:
        load_donor_names(path)
    assert (caught.value.file, caught.value.row, caught.value.column) == ("names.csv", 3, column)
    assert text in caught.value.message


# --------------------------------------------------------------------------------------------
# accepted variations
# --------------------------------------------------------------------------------------------


def test_plain_lf_without_bom_spaces_and_blank_lines() -> None:
    text = (
        "government_donor,entity,rev_type,calendar_year,amount\n"
        f"  {USA} , IOM ,{REV_CORE}, 2024 ,1\u00a0234.50\n"
        "\n"
        ",,,,\n"
        f"Canada,IOM,{REV_CORE},2024,-94 897\n"
    )
    frame = read_revenue_file("plain.csv", text.encode())
    assert frame[DONOR].tolist() == [USA, "Canada"]
    assert frame[ENTITY].tolist() == ["IOM", "IOM"]
    assert frame[AMOUNT_USD].tolist() == [1234.5, -94897.0]
    assert frame[LINE].tolist() == [2, 5]


def test_line_numbers_stay_physical_after_a_multiline_name() -> None:
    rows = [["Two\nlines", "IOM", REV_CORE, "2024", "1"], ["Canada", "IOM", REV_CORE, "2024", "x"]]
    error = load_error("multi.csv", csv_bytes(rows))
    assert (error.row, error.column) == (4, CEB_AMOUNT)


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
