"""The built-in funding history: built from the compiled CEB files exactly and reproducibly,
keyed by the donor identity, and loaded in the shape the CEB aggregation takes.

Fast tests build from the committed cut (tests/fixtures/history) or read the shipped tables;
the ``real_data`` ones rebuild from ../shared and compare with the CEB CSV export.
"""

from __future__ import annotations

import gzip
import hashlib
import io
import json
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from data.ceb import donor_split
from data.columns import (
    AMOUNT_USD,
    CATEGORY,
    CATEGORY_CHANGES,
    DONOR_KEY,
    ENTITY,
    IS_OTHER,
    ISO3,
    NAME_NL,
    OFFICIAL_NAME,
    OTHER_NAMES,
    REV_CORE,
    REV_EARMARKED,
    REV_TYPE,
    REV_TYPES,
    VOLUNTARY,
    YEAR,
    YEARS,
)
from data.history import (
    CONTRIBUTORS_FILE,
    DEFAULT_SOURCE,
    HISTORY_COLUMNS,
    HISTORY_DIR,
    MANIFEST_FILE,
    REVENUE_FILE,
    SHIPPED_FILES,
    load_contributors,
    load_history,
)
from data.history.build import HistoryBuildError, build, main
from data.history.files import ENTITY_OF, REV_TYPE_OF
from tests.real_files import HISTORY_CUT

REPO = Path(__file__).resolve().parents[1]
Cells = dict[tuple[int, str, str, str], float]  # year, entity, history name, kind -> amount


def json_cells(directory: Path) -> Cells:
    """Every amount of the yearly files, as the JSON has it."""
    cells: Cells = {}
    for path in sorted(directory.glob("donors-*.json")):
        year = int(path.stem.removeprefix("donors-"))
        for name, record in json.loads(path.read_bytes()).items():
            for entity, amounts in record["contributions"].items():
                for kind, amount in amounts.items():
                    cells[(year, entity, name, kind)] = amount
    return cells


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("history")
    build(HISTORY_CUT, out)
    return out


def revenue_frame(directory: Path) -> pd.DataFrame:
    content = gzip.decompress((directory / REVENUE_FILE).read_bytes())
    return pd.read_csv(io.BytesIO(content), dtype=str, na_filter=False)


def test_cut_builds_every_cell_exactly(built: Path) -> None:
    revenue = revenue_frame(built)
    assert revenue.columns.tolist() == [YEAR, ENTITY, DONOR_KEY, REV_TYPE, AMOUNT_USD]
    cells = json_cells(HISTORY_CUT)
    assert len(revenue) == len(cells)
    keys = {"Netherlands": "NLD", "Côte D'Ivoire": "CIV", "Türkiye": "TUR", "Kosovo": "XKX"}
    keys |= {"Other European Union": "OTHER-EU", "Taiwan (Province of China)": "TWN"}
    shipped = revenue.set_index([YEAR, ENTITY, DONOR_KEY, REV_TYPE])[AMOUNT_USD]
    for (year, entity, name, kind), amount in cells.items():
        if name in keys:
            index = (str(year), ENTITY_OF.get(entity, entity), keys[name], REV_TYPE_OF[kind])
            assert float(shipped.loc[index]) == amount  # the text reads back as the same float
    assert set(revenue[ENTITY]) == {"IOM", "UNWOMEN", "WTO", "UN Tourism"}
    assert set(revenue[REV_TYPE]) <= set(REV_TYPES)
    assert set(revenue[DONOR_KEY]) == {
        "NLD", "USA", "EU", "OTHER-EU", "TUR", "CIV", "PHL", "KOR", "SMR", "XKX",
        "OTHER-PRIVATE", "TWN",
    }  # fmt: skip


def test_cut_keeps_zeros_refunds_and_full_precision(built: Path) -> None:
    revenue = revenue_frame(built).set_index([YEAR, ENTITY, DONOR_KEY, REV_TYPE])[AMOUNT_USD]
    assert revenue.loc[("2021", "IOM", "SMR", "Assessed Contributions")] == "0"  # explicit 0.0
    assert revenue.loc[("2024", "UNWOMEN", "NLD", REV_CORE)] == "-378662.16"
    assert revenue.loc[("2021", "UNWOMEN", "NLD", REV_EARMARKED)] == "9050989.765999999"
    assert revenue.loc[("2024", "IOM", "USA", REV_EARMARKED)] == "1520634949"


def test_rows_are_sorted_and_the_gzip_has_no_timestamp(built: Path) -> None:
    raw = (built / REVENUE_FILE).read_bytes()
    assert raw[4:8] == b"\0\0\0\0"  # gzip MTIME
    revenue = revenue_frame(built)
    order = revenue[REV_TYPE].map({rev: position for position, rev in enumerate(REV_TYPES)})
    ordered = revenue.assign(order=order).sort_values([YEAR, ENTITY, DONOR_KEY, "order"])
    assert ordered.index.tolist() == list(range(len(revenue)))


def test_building_twice_gives_the_same_bytes(built: Path, tmp_path: Path) -> None:
    again = build(HISTORY_CUT, tmp_path)
    assert set(again) == set(SHIPPED_FILES)
    for name in SHIPPED_FILES:
        assert (tmp_path / name).read_bytes() == (built / name).read_bytes() == again[name]


def test_contributors_table(built: Path) -> None:
    contributors = load_contributors(built).set_index(DONOR_KEY)
    taiwan = contributors.loc["TWN"]
    assert (taiwan[OFFICIAL_NAME], taiwan[OTHER_NAMES]) == (
        "Taiwan (Province of China)",
        "Taiwan, Province of China",
    )
    assert (taiwan[ISO3], taiwan[YEARS], taiwan[CATEGORY]) == ("TWN", "2021;2024", "Government")
    eu, other = contributors.loc["EU"], contributors.loc["OTHER-EU"]
    assert (eu[ISO3], eu[CATEGORY], bool(eu[IS_OTHER])) == ("", "European Union", False)
    assert (bool(other[IS_OTHER]), other[YEARS]) == (True, "2024")
    assert contributors.loc["CIV", NAME_NL] == "Ivoorkust"
    assert contributors.loc["PHL", NAME_NL] == "Filipijnen"
    assert contributors.loc["KOR", NAME_NL] == "Zuid-Korea"
    assert (contributors[CATEGORY_CHANGES] == "").all()


def test_manifest_records_sources_and_shipped_files(built: Path) -> None:
    manifest = json.loads((built / MANIFEST_FILE).read_text(encoding="utf-8"))
    assert manifest["compiled_by"] == {
        "project": "un-fck/open.unfck.org",
        "path": "public/data/donors-YYYY.json",
        "commit": "052fc73",
        "licence": "MIT",
    }
    assert "unsceb.org/financial-statistics" in manifest["attribution"]
    assert manifest["years"] == [2021, 2024]
    for entry in manifest["sources"]:
        content = (HISTORY_CUT / entry["file"]).read_bytes()
        assert (entry["bytes"], entry["sha256"]) == (len(content), sha(content))
    shipped = {entry["file"]: entry for entry in manifest["shipped"]}
    assert set(shipped) == {REVENUE_FILE, CONTRIBUTORS_FILE}
    assert shipped[REVENUE_FILE]["rows"] == len(json_cells(HISTORY_CUT))
    assert shipped[CONTRIBUTORS_FILE]["rows"] == 12
    for name, entry in shipped.items():
        assert entry["sha256"] == sha((built / name).read_bytes())


def sha(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


def test_built_cut_loads_for_the_ceb_aggregation(built: Path) -> None:
    history = load_history(built)
    assert history.columns.tolist() == list(HISTORY_COLUMNS)
    split = donor_split(history, "IOM").set_index([YEAR, DONOR_KEY])
    assert split.loc[(2024, "NLD"), NAME_NL] == "Nederland"
    voluntary = (3303965.0 + 88585933.0) / 1e6  # core + earmarked in the 2024 cut
    assert split.loc[(2024, "NLD"), VOLUNTARY] == pytest.approx(voluntary, abs=1e-12)
    assert split.loc[(2024, "EU"), NAME_NL] == "Europese Unie"
    assert set(history.loc[history[DONOR_KEY] == "EU", CATEGORY]) == {"European Union"}


def _write_year(directory: Path, year: int, records: dict[str, Any]) -> None:
    (directory / f"donors-{year}.json").write_text(json.dumps(records), encoding="utf-8")


def _record(category: str = "Government", **amounts: float) -> dict[str, Any]:
    status = "member" if category == "Government" else "organization"
    return {"status": status, "category": category, "contributions": {"IOM": amounts}}


def test_category_changes_are_recorded(tmp_path: Path) -> None:
    source = tmp_path / "source"
    source.mkdir()
    _write_year(source, 2020, {"Other Private": _record("Non-Government", Other=1.0)})
    _write_year(source, 2021, {"Other Private": _record("Private Sector", Other=2.5)})
    build(source, tmp_path / "out")
    row = load_contributors(tmp_path / "out").set_index(DONOR_KEY).loc["OTHER-PRIVATE"]
    assert row[CATEGORY] == "Private Sector"
    assert row[CATEGORY_CHANGES] == "2020:Non-Government;2021:Private Sector"


@pytest.mark.parametrize(
    ("records", "message"),
    [
        ({"Atlantis": _record(Assessed=1.0)}, "no key for 'Atlantis': add it to donor_aliases"),
        ({"European Union": _record(Assessed=1.0)}, "is a government but its key 'EU' is not"),
        ({"Netherlands": _record("Foundations", Other=1.0)}, "its key 'NLD' is not"),
        (
            {
                "Taiwan, Province of China": _record(Assessed=1.0),
                "Taiwan (Province of China)": _record(Other=1.0),
            },
            "both have key 'TWN'",
        ),
        ({"Netherlands": _record(Refund=1.0)}, "unknown revenue kind 'Refund'"),
        ({"Netherlands": _record(Other=float("nan"))}, "non-finite amount NaN"),
    ],
)
def test_build_stops_on_what_it_cannot_key(
    tmp_path: Path, records: dict[str, Any], message: str
) -> None:
    _write_year(tmp_path, 2024, records)
    with pytest.raises(HistoryBuildError, match=message):
        build(tmp_path, tmp_path / "out")
    assert not (tmp_path / "out").exists()  # nothing half-written


def test_command_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--source", str(HISTORY_CUT), "--out", str(tmp_path)]) == 0
    assert REVENUE_FILE in capsys.readouterr().out
    with pytest.raises(SystemExit) as stopped:
        main(["--source", str(tmp_path / "empty"), "--out", str(tmp_path)])
    assert stopped.value.code == 1
    assert REPO.parent / "shared" / "data" / "ceb" / "history" == DEFAULT_SOURCE
    assert HISTORY_DIR == REPO / "data" / "history"
