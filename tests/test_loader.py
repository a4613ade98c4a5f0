"""The loader: the real tables load with their declared dtypes, and a broken table stops start-up
with a DataLoadError that names the file, the spreadsheet row (header = row 1) and the column.

Every broken case is a copy of data/ in tmp_path with exactly one defect.
"""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pandas as pd
import pytest

from data import columns as c
from data.errors import DataLoadError, describe
from data.loader import DATA_DIR, load_seed
from data.scorecard_source import ScorecardModel

# Spreadsheet rows (header = 1) of some facts, counted by hand in data/facts.csv. The record of
# budget_2019_mopan comes after two records whose quote spans two text lines, so its spreadsheet
# row (20) differs from its line in a text editor (21).
ROW_RANK_2023_USA = 2
ROW_RANK_2022_NLD = 9
ROW_BUDGET_2019_MOPAN = 20
ROW_CONTRADICTION_GROWTH = 3  # growth_2019_2022 is the second record of contradictions.csv
ROW_DONOR_CAN = 4


# helpers ------------------------------------------------------------------------------------
def _copy_data(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    target.mkdir()
    for path in DATA_DIR.glob("*.csv"):
        shutil.copy(path, target / path.name)
    return target


def _read(directory: Path, name: str) -> list[list[str]]:
    with (directory / name).open(newline="", encoding="utf-8") as handle:
        return list(csv.reader(handle))


def _write(directory: Path, name: str, rows: list[list[str]]) -> None:
    with (directory / name).open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle, lineterminator="\n").writerows(rows)


def _set_cell(directory: Path, name: str, key: str, column: str, value: str) -> None:
    """Set ``column`` of the record whose first cell is ``key``."""
    rows = _read(directory, name)
    index = rows[0].index(column)
    hits = [r for r in rows[1:] if r[0] == key]
    assert len(hits) == 1, f"{key} not found once in {name}"
    hits[0][index] = value
    _write(directory, name, rows)


def _load_error(directory: Path) -> DataLoadError:
    with pytest.raises(DataLoadError) as info:
        load_seed(directory)
    return info.value


# the real tables ----------------------------------------------------------------------------
def test_real_tables_load_with_expected_sizes() -> None:
    tables = load_seed()
    assert len(tables.facts) == 81
    assert len(tables.sources) == 2
    assert len(tables.donors) == 5
    assert len(tables.relevance) == 7
    assert len(tables.contradictions) == 10


def test_real_tables_have_declared_dtypes() -> None:
    facts = load_seed().facts
    assert facts[c.VALUE].dtype == "float64"
    for column in (c.YEAR, c.RANK, c.PAGE, c.LINE_IN_SOURCE):
        assert facts[column].dtype == "Int64", column
    for column in (c.FACT_ID, c.METRIC, c.UNIT, c.DONOR, c.QUOTE_NL):
        assert isinstance(facts[column].dtype, pd.StringDtype), column


def test_empty_cells_become_missing_not_empty_strings() -> None:
    facts = load_seed().facts.set_index(c.FACT_ID)
    total = facts.loc["member_state_total_2023"]
    assert pd.isna(total[c.DONOR])
    assert pd.isna(total[c.RANK])
    assert pd.isna(total[c.QUALIFIER])
    # a factsheet fact has no page
    assert pd.isna(facts.loc["opex_2017", c.PAGE])


def test_real_values_are_read_as_published() -> None:
    facts = load_seed().facts.set_index(c.FACT_ID)
    assert facts.loc["rank_2023_usa", c.VALUE] == 1365.0
    assert facts.loc["rank_2022_nld", c.RANK] == 8
    assert facts.loc["budget_2022", c.VALUE] == 2.99
    assert facts.loc["budget_2010", c.QUALIFIER] == "approx"
    assert facts.loc["nl_contribution_2023_text", c.VALUE] == 59.8
    assert facts.loc["resources_growth_2019_2022", c.PERIOD] == "2019–2022"


def test_load_from_an_intact_copy(tmp_path: Path) -> None:
    directory = _copy_data(tmp_path)
    model = ScorecardModel.from_seed(load_seed(directory))
    assert model.years() == [2021, 2022, 2023]


# broken tables ------------------------------------------------------------------------------
def test_non_number_in_value(tmp_path: Path) -> None:
    directory = _copy_data(tmp_path)
    _set_cell(directory, "facts.csv", "budget_2019_mopan", c.VALUE, "abc")
    error = _load_error(directory)
    assert (error.file, error.row, error.column) == ("facts.csv", ROW_BUDGET_2019_MOPAN, "value")
    assert error.message == "'abc' is not a number"
    assert str(error) == "facts.csv, row 20, column 'value': 'abc' is not a number"


def test_dutch_decimal_comma_in_value_is_rejected(tmp_path: Path) -> None:
    directory = _copy_data(tmp_path)
    _set_cell(directory, "facts.csv", "rank_2022_nld", c.VALUE, "59,8")
    error = _load_error(directory)
    assert (error.file, error.row, error.column) == ("facts.csv", ROW_RANK_2022_NLD, "value")
    assert error.message == "'59,8' is not a number"


def test_fraction_in_whole_number_column(tmp_path: Path) -> None:
    directory = _copy_data(tmp_path)
    _set_cell(directory, "facts.csv", "rank_2022_nld", c.RANK, "6.5")
    error = _load_error(directory)
    assert (error.file, error.row, error.column) == ("facts.csv", ROW_RANK_2022_NLD, "rank")
    assert error.message == "'6.5' is not a whole number"


def test_unknown_metric(tmp_path: Path) -> None:
    directory = _copy_data(tmp_path)
    _set_cell(directory, "facts.csv", "rank_2022_nld", c.METRIC, "donor_contributions")
    error = _load_error(directory)
    assert (error.file, error.row, error.column) == ("facts.csv", ROW_RANK_2022_NLD, "metric")
    assert error.message.startswith("value 'donor_contributions' fails the rule isin(")


def test_negative_value(tmp_path: Path) -> None:
    directory = _copy_data(tmp_path)
    _set_cell(directory, "facts.csv", "rank_2022_nld", c.VALUE, "-5")
    error = _load_error(directory)
    assert (error.file, error.row, error.column) == ("facts.csv", ROW_RANK_2022_NLD, "value")
    assert "'-5.0'" in error.message
    assert "greater_than_or_equal_to(0)" in error.message


def test_duplicate_fact_id(tmp_path: Path) -> None:
    directory = _copy_data(tmp_path)
    _set_cell(directory, "facts.csv", "rank_2022_nld", c.FACT_ID, "rank_2023_usa")
    error = _load_error(directory)
    assert error.file == "facts.csv"
    assert error.column == "fact_id"
    assert error.message == (
        f"duplicate value 'rank_2023_usa'; it must be unique (first in row {ROW_RANK_2023_USA})"
    )
    assert error.row == ROW_RANK_2022_NLD


def test_duplicate_fact_id_names_the_duplicating_row(tmp_path: Path) -> None:
    directory = _copy_data(tmp_path)
    _set_cell(directory, "facts.csv", "rank_2022_nld", c.FACT_ID, "rank_2023_usa")
    assert _load_error(directory).row == ROW_RANK_2022_NLD


def test_duplicate_donor_key(tmp_path: Path) -> None:
    directory = _copy_data(tmp_path)
    _set_cell(directory, "donors.csv", "CAN", c.DONOR_KEY, "USA")
    error = _load_error(directory)
    assert (error.file, error.column) == ("donors.csv", "donor")
    assert error.message == "duplicate value 'USA'; it must be unique (first in row 2)"
    assert error.row == 4  # CAN is the third donor: header, USA, DEU, CAN


def test_missing_column(tmp_path: Path) -> None:
    directory = _copy_data(tmp_path)
    rows = _read(directory, "facts.csv")
    unit = rows[0].index(c.UNIT)
    _write(directory, "facts.csv", [r[:unit] + r[unit + 1 :] for r in rows])
    error = _load_error(directory)
    assert (error.file, error.row, error.column) == ("facts.csv", 1, None)
    assert error.message.startswith("missing column(s) ['unit']; expected ['fact_id', 'metric'")


def test_extra_column(tmp_path: Path) -> None:
    directory = _copy_data(tmp_path)
    rows = _read(directory, "donors.csv")
    _write(directory, "donors.csv", [[*rows[0], "iso2"]] + [[*r, "xx"] for r in rows[1:]])
    error = _load_error(directory)
    assert (error.file, error.row, error.column) == ("donors.csv", 1, None)
    assert error.message == (
        "unexpected column(s) ['iso2']; expected ['donor', 'official_name', 'name_en', 'name_nl']"
    )


@pytest.mark.parametrize(
    ("column", "value"),
    [(c.UNIT, ""), (c.VALUE, ""), (c.QUOTE_NL, "   "), (c.SOURCE_ID, "")],
)
def test_empty_required_cell(tmp_path: Path, column: str, value: str) -> None:
    directory = _copy_data(tmp_path)
    _set_cell(directory, "facts.csv", "rank_2022_nld", column, value)
    error = _load_error(directory)
    assert (error.file, error.row, error.column) == ("facts.csv", ROW_RANK_2022_NLD, column)
    assert error.message == "empty cell; a value is required"


def test_unknown_donor_key(tmp_path: Path) -> None:
    directory = _copy_data(tmp_path)
    _set_cell(directory, "facts.csv", "rank_2022_nld", c.DONOR, "NED")
    error = _load_error(directory)
    assert (error.file, error.row, error.column) == ("facts.csv", ROW_RANK_2022_NLD, "donor")
    assert error.message == "'NED' is not a known donor in donors.csv"


def test_unknown_source_id(tmp_path: Path) -> None:
    directory = _copy_data(tmp_path)
    _set_cell(directory, "facts.csv", "budget_2019_mopan", c.SOURCE_ID, "scorecard_2023")
    error = _load_error(directory)
    assert (error.file, error.row, error.column) == (
        "facts.csv",
        ROW_BUDGET_2019_MOPAN,
        "source_id",
    )
    assert error.message == "'scorecard_2023' is not a known source_id in sources.csv"


def test_contradiction_with_unknown_fact_id(tmp_path: Path) -> None:
    directory = _copy_data(tmp_path)
    _set_cell(
        directory,
        "contradictions.csv",
        "growth_2019_2022",
        c.FACT_IDS,
        "budget_2019_mopan;budget_2022_mopon",
    )
    error = _load_error(directory)
    assert (error.file, error.row, error.column) == (
        "contradictions.csv",
        ROW_CONTRADICTION_GROWTH,
        "fact_ids",
    )
    assert error.message == "'budget_2022_mopon' is not a known fact_id in facts.csv"


def test_contradiction_with_unknown_view(tmp_path: Path) -> None:
    directory = _copy_data(tmp_path)
    _set_cell(directory, "contradictions.csv", "growth_2019_2022", c.VIEW, "budget;charts")
    error = _load_error(directory)
    assert (error.file, error.row, error.column) == (
        "contradictions.csv",
        ROW_CONTRADICTION_GROWTH,
        "view",
    )
    assert error.message.startswith("value 'budget;charts' fails the rule str_matches(")


def test_empty_file(tmp_path: Path) -> None:
    directory = _copy_data(tmp_path)
    (directory / "facts.csv").write_bytes(b"")
    error = _load_error(directory)
    assert (error.file, error.row, error.column) == ("facts.csv", None, None)
    assert error.message == "the file is empty"


def test_non_utf8_bytes(tmp_path: Path) -> None:
    directory = _copy_data(tmp_path)
    text = (directory / "donors.csv").read_text(encoding="utf-8")
    assert "Canada,Canada,Canada" in text
    broken = text.replace("Canada,Canada,Canada", "Canada,Canadá,Canadá")
    (directory / "donors.csv").write_bytes(broken.encode("latin-1"))
    error = _load_error(directory)
    assert (error.file, error.row, error.column) == ("donors.csv", None, None)
    assert error.message.startswith("not UTF-8 text (")


def test_missing_file(tmp_path: Path) -> None:
    directory = _copy_data(tmp_path)
    (directory / "relevance.csv").unlink()
    error = _load_error(directory)
    assert (error.file, error.row, error.column) == ("relevance.csv", None, None)
    assert error.message.startswith("file not found in ")


def test_ragged_row(tmp_path: Path) -> None:
    directory = _copy_data(tmp_path)
    with (directory / "donors.csv").open("a", encoding="utf-8") as handle:
        handle.write("FRA,France,France,Frankrijk,extra\n")
    error = _load_error(directory)
    assert (error.file, error.column) == ("donors.csv", None)
    assert error.message.startswith("not a well-formed CSV table")


def test_broken_table_stops_model_construction(tmp_path: Path) -> None:
    directory = _copy_data(tmp_path)
    _set_cell(directory, "facts.csv", "rank_2022_nld", c.DONOR, "NED")
    with pytest.raises(DataLoadError):
        ScorecardModel.from_seed(load_seed(directory))


def test_error_text_without_row_or_column() -> None:
    assert str(DataLoadError("facts.csv", "the file is empty")) == "facts.csv: the file is empty"
    assert str(DataLoadError("facts.csv", "bad", row=1, column=None)) == "facts.csv, row 1: bad"


def test_broken_table_is_described_in_dutch(tmp_path: Path) -> None:
    # the loader raises keyed errors, so the Dutch UI shows the whole message in Dutch
    directory = _copy_data(tmp_path)
    _set_cell(directory, "facts.csv", "budget_2019_mopan", c.VALUE, "abc")
    error = _load_error(directory)
    assert describe(error, "nl") == "bestand facts.csv, rij 20, kolom 'value': 'abc' is geen getal"
    assert describe(error, "en") == str(error)


def test_unknown_reference_is_described_in_dutch(tmp_path: Path) -> None:
    directory = _copy_data(tmp_path)
    _set_cell(directory, "facts.csv", "rank_2022_nld", c.DONOR, "NED")
    error = _load_error(directory)
    assert describe(error, "nl") == (
        f"bestand facts.csv, rij {ROW_RANK_2022_NLD}, kolom 'donor': "
        "'NED' is geen bekende donor in donors.csv"
    )


def test_hand_counted_rows_match_the_files() -> None:
    # guards the hand-counted row numbers above against edits of the data files
    facts = _read(DATA_DIR, "facts.csv")
    ids = [r[0] for r in facts]
    assert ids.index("rank_2023_usa") + 1 == ROW_RANK_2023_USA
    assert ids.index("rank_2022_nld") + 1 == ROW_RANK_2022_NLD
    assert ids.index("budget_2019_mopan") + 1 == ROW_BUDGET_2019_MOPAN
    assert [r[0] for r in _read(DATA_DIR, "donors.csv")].index("CAN") + 1 == ROW_DONOR_CAN
    contradictions = [r[0] for r in _read(DATA_DIR, "contradictions.csv")]
    assert contradictions.index("growth_2019_2022") + 1 == ROW_CONTRADICTION_GROWTH
