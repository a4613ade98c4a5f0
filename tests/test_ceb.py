"""Tests of the CEB loader and aggregations, on the committed cut of the real 2024 export
(tests/fixtures), on the full real file where a fact of the whole file is asserted, and on files
built here. The error cases are in tests/test_ceb_errors.py, the donor names in
tests/test_ceb_names.py."""

from __future__ import annotations

import csv
import io

import numpy as np
import pandas as pd
import pytest

from bench.bench_load import make_ceb_csv
from data.ceb import (
    CEB_AMOUNT,
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
from tests.ceb_helpers import USA, csv_bytes, derived_year, good_rows, load_error, xlsx_bytes
from tests.real_files import CEB_CUT, CEB_FILE, needs_ceb

# Rows in the real file. Its README says 8,974, but the file holds 8,976 data rows (8,977 lines
# with the header; checked with csv.reader and wc -l), so the count found is asserted.
REAL_ROWS = 8_976
# Rows in the cut (all of IOM, WFP, UNHCR and WTO): `wc -l` counts 725 line ends, and the cut,
# like the real file, has none after its last row.
CUT_ROWS = 725


# --------------------------------------------------------------------------------------------
# fixtures
# --------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def real_bytes() -> bytes:
    return CEB_FILE.read_bytes()


@pytest.fixture(scope="module")
def real(real_bytes: bytes) -> pd.DataFrame:
    return read_revenue_file(CEB_FILE.name, real_bytes)


@pytest.fixture(scope="module")
def cut_bytes() -> bytes:
    return CEB_CUT.read_bytes()


@pytest.fixture(scope="module")
def cut(cut_bytes: bytes) -> pd.DataFrame:
    return read_revenue_file(CEB_CUT.name, cut_bytes)


def _dtypes(frame: pd.DataFrame) -> dict[str, str]:
    return {column: str(frame[column].dtype) for column in REVENUE_COLUMNS}


EXPECTED_DTYPES = {
    DONOR: "str",
    ENTITY: "str",
    "rev_type": "str",
    YEAR: "int64",
    AMOUNT_USD: "float64",
    FILE: "str",
    LINE: "int64",
}


# --------------------------------------------------------------------------------------------
# the full real 2024 file, and the same facts on the cut
# --------------------------------------------------------------------------------------------


@needs_ceb
def test_real_file_rows_columns_and_dtypes(real: pd.DataFrame, real_bytes: bytes) -> None:
    assert len(real) == REAL_ROWS
    assert real_bytes.count(b"\r\n") == REAL_ROWS  # header + rows, no final line end
    assert list(real.columns) == list(REVENUE_COLUMNS)
    assert _dtypes(real) == EXPECTED_DTYPES
    assert real[LINE].iat[0] == 2 and real[LINE].iat[-1] == REAL_ROWS + 1
    assert set(real[YEAR]) == {2024}
    assert set(real["rev_type"]) == set(REV_TYPES)
    assert (real[FILE] == CEB_FILE.name).all()


def test_cut_rows_columns_and_dtypes(cut: pd.DataFrame, cut_bytes: bytes) -> None:
    assert len(cut) == CUT_ROWS
    assert cut_bytes.startswith(b"\xef\xbb\xbfgovernment_donor,entity,")
    assert cut_bytes.count(b"\r\n") == CUT_ROWS == cut_bytes.count(b"\n")  # CRLF only
    assert list(cut.columns) == list(REVENUE_COLUMNS)
    assert _dtypes(cut) == EXPECTED_DTYPES
    assert cut[LINE].tolist() == list(range(2, CUT_ROWS + 2))
    assert set(cut[YEAR]) == {2024}
    assert set(cut["rev_type"]) == set(REV_TYPES)
    assert set(cut[ENTITY]) == {"IOM", "UNHCR", "WFP", "WTO"}
    assert (cut[FILE] == CEB_CUT.name).all()


@needs_ceb
def test_real_file_counts_from_readme(real: pd.DataFrame) -> None:
    assert (real[ENTITY] == "IOM").sum() == 262
    assert (real[AMOUNT_USD] < 0).sum() == 205


def test_cut_counts(cut: pd.DataFrame) -> None:
    # grep -c: ',IOM,' 262 lines, ',-[0-9]' 10 lines, U+FFFD ("T\ufffdrkiye", ...) 10 lines
    assert (cut[ENTITY] == "IOM").sum() == 262
    assert (cut[AMOUNT_USD] < 0).sum() == 10
    assert cut[DONOR].str.contains("\ufffd").sum() == 10  # broken names are kept as written


@needs_ceb
def test_real_file_quoted_names_and_decimals(real: pd.DataFrame) -> None:
    row = real[real[LINE] == 6048].iloc[0]  # grep -n: line 6048 of the file
    assert row[DONOR] == "China, Hong Kong Special Administrative Region"
    assert row[ENTITY] == "WTO"
    assert row[AMOUNT_USD] == 6_248_523.86
    assert real[AMOUNT_USD].iat[-1] == -101_992_876  # last line: Benin, WFP, -101 992 876


def test_cut_quoted_names_and_decimals(cut: pd.DataFrame) -> None:
    row = cut[cut[LINE] == 533].iloc[0]  # grep -n: line 533 of the cut
    assert row[DONOR] == "China, Hong Kong Special Administrative Region"
    assert row[ENTITY] == "WTO"
    assert row[AMOUNT_USD] == 6_248_523.86
    assert cut[AMOUNT_USD].iat[-1] == -101_992_876  # last line: Benin, WFP, -101 992 876


# --------------------------------------------------------------------------------------------
# aggregations, on the cut (it holds every IOM row of the real file)
# --------------------------------------------------------------------------------------------


def test_iom_united_states_worked_out_by_hand(cut: pd.DataFrame) -> None:
    # grep '^United States of America,IOM,' gives earmarked 1 520 634 949,
    # assessed 21 192 563 and core 3 630 428.
    split = donor_split(cut, "IOM")
    usa = split[split[DONOR_KEY] == "USA"].iloc[0]
    assert usa[NAME_EN] == "United States" and usa[NAME_NL] == "Verenigde Staten"
    assert usa[EARMARKED] == pytest.approx(1520.634949)
    assert usa[CORE] == pytest.approx(3.630428)
    assert usa[ASSESSED] == pytest.approx(21.192563)
    assert usa[OTHER] == 0
    assert usa[VOLUNTARY] == pytest.approx(1524.265377)
    assert usa[CORE_SHARE] == pytest.approx(3.630428 / 1524.265377)
    assert not usa[INCLUDES_NEGATIVE]


def test_iom_ranking_2024(cut: pd.DataFrame) -> None:
    ranked = ranking(cut, "IOM")
    assert ranked[DONOR_KEY].head(5).tolist() == ["USA", "CAN", "GBR", "DEU", "NLD"]
    assert ranked[RANK].head(5).tolist() == [1, 2, 3, 4, 5]
    assert ranked[RANK].dtype == np.int64
    assert ranked[AMOUNT].iat[0] == pytest.approx(1524.265377)
    year_total = float(totals(cut, "IOM")[VOLUNTARY].to_numpy()[0])
    assert ranked[SHARE].iat[0] == pytest.approx(1524.265377 / year_total)
    assert ranked[AMOUNT].is_monotonic_decreasing


def test_includes_negative_and_excluded_from_ranking(cut: pd.DataFrame) -> None:
    # grep '^Chile,IOM,': assessed 404 590, earmarked -207 788 (a refund).
    split = donor_split(cut, "IOM")
    chile = split[split[DONOR_KEY] == "CHL"].iloc[0]
    assert (chile[NAME_EN], chile[NAME_NL]) == ("Chile", "Chili")
    assert chile[INCLUDES_NEGATIVE]
    assert chile[VOLUNTARY] == pytest.approx(-0.207788)
    assert np.isnan(chile[CORE_SHARE])
    assert "CHL" not in set(ranking(cut, "IOM")[DONOR_KEY])
    year = totals(cut, "IOM").iloc[0]
    assert year[INCLUDES_NEGATIVE]
    assert year[VOLUNTARY] == pytest.approx(split[VOLUNTARY].sum())
    assert year[VOLUNTARY] < ranking(cut, "IOM")[AMOUNT].sum()  # refunds net the total down


def test_totals_core_share(cut: pd.DataFrame) -> None:
    iom = cut[cut[ENTITY] == "IOM"]
    core = iom.loc[iom["rev_type"] == REV_CORE, AMOUNT_USD].sum() / 1e6
    earmarked = iom.loc[iom["rev_type"] == REV_EARMARKED, AMOUNT_USD].sum() / 1e6
    year = totals(cut, "IOM").iloc[0]
    assert year[YEAR] == 2024
    assert year[CORE] == pytest.approx(core)
    assert year[CORE_SHARE] == pytest.approx(core / (core + earmarked))


def test_entities_and_unknown_entity(cut: pd.DataFrame) -> None:
    names = entities(cut)
    assert names == sorted(names) and "IOM" in names and "WFP" in names
    with pytest.raises(ValueError, match="'XYZ' is not in the data"):
        donor_split(cut, "XYZ")


def test_aggregations_do_not_mutate_input(cut: pd.DataFrame) -> None:
    before = cut.copy()
    donor_split(cut)
    ranking(cut)
    totals(cut)
    map_donor_names(cut, load_donor_names())
    pd.testing.assert_frame_equal(cut, before)


def test_xlsx_round_trip_equals_csv(cut: pd.DataFrame, cut_bytes: bytes) -> None:
    reader = csv.reader(io.StringIO(cut_bytes.decode("utf-8-sig")))
    rows: list[list[object]] = []
    for number, cells in enumerate(reader):
        row: list[object] = list(cells)
        if number and number % 2:  # mix real numbers and "1 520 634" text, as Excel users do
            row[3:] = [int(cells[3]), float(cells[4].replace(" ", ""))]
        rows.append(row)
    loaded = read_revenue_file("ceb-2024.xlsx", xlsx_bytes(rows))
    pd.testing.assert_frame_equal(loaded.drop(columns=[FILE, LINE]), cut.drop(columns=[FILE, LINE]))
    assert (loaded[FILE] == "ceb-2024.xlsx").all()


# --------------------------------------------------------------------------------------------
# several files and years
# --------------------------------------------------------------------------------------------


def test_multi_year_ranking(cut_bytes: bytes) -> None:
    older = derived_year(cut_bytes, 2023, {"Canada": 20.0})
    frame = read_revenue_files([("ceb-2023.csv", older), ("ceb-2024.csv", cut_bytes)])
    assert len(frame) == 2 * CUT_ROWS
    ranked = ranking(frame, "IOM")
    first = ranked[ranked[RANK] == 1].set_index(YEAR)[DONOR_KEY].to_dict()
    assert first == {2023: "CAN", 2024: "USA"}
    can_2023 = ranked[(ranked[YEAR] == 2023) & (ranked[DONOR_KEY] == "CAN")][AMOUNT].iat[0]
    assert can_2023 == pytest.approx(20 * 173.349545)
    assert totals(frame, "IOM")[YEAR].tolist() == [2023, 2024]


def test_duplicates_across_files_name_both(cut_bytes: bytes) -> None:
    with pytest.raises(DataLoadError) as caught:
        read_revenue_files([("first.csv", cut_bytes), ("second.csv", cut_bytes)])
    error = caught.value
    assert (error.file, error.row) == ("second.csv", 2)
    assert "duplicate" in error.message and "row 2 of first.csv" in error.message
    assert "second.csv" in str(error)
    assert error.key == "error.duplicate_row_in_file"
    assert error.params["more"] != ""  # every row of the cut is repeated


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
# the cut is what tests/fixtures/README.md says it is
# --------------------------------------------------------------------------------------------


@needs_ceb
def test_cut_is_whole_lines_of_the_real_file(cut_bytes: bytes, real_bytes: bytes) -> None:
    kept = {"IOM", "WFP", "UNHCR", "WTO"}
    lines = real_bytes.split(b"\r\n")
    expected = [lines[0]] + [
        line for line in lines[1:] if next(csv.reader([line.decode("utf-8-sig")]))[1] in kept
    ]
    assert cut_bytes.split(b"\r\n") == expected
