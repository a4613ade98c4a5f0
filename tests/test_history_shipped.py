"""The shipped funding history (data/history): what the app starts with.

Fast tests read the shipped tables only; the ``real_data`` ones rebuild them from ../shared
byte for byte and hold them against the CEB CSV export of 2024.
"""

from __future__ import annotations

import gzip
import hashlib
import io
import json
from pathlib import Path

import pandas as pd
import pytest

from data.ceb import load_donor_names, map_donor_names, read_revenue_file, totals
from data.columns import (
    AMOUNT_USD,
    CATEGORY,
    DONOR_KEY,
    ENTITY,
    ISO3,
    NAME_EN,
    NAME_NL,
    REV_CORE,
    REV_EARMARKED,
    REV_TYPE,
    REV_TYPES,
    VOLUNTARY,
    YEAR,
)
from data.history import (
    HISTORY_COLUMNS,
    HISTORY_DIR,
    MANIFEST_FILE,
    REVENUE_FILE,
    SHIPPED_FILES,
    load_contributors,
    load_history,
)
from data.history.build import build
from data.identity import donor_key, donor_names, is_government
from tests.real_files import CEB_FILE, needs_ceb, needs_history
from tests.real_files import HISTORY_DIR as SOURCE

GOVERNMENT = "Government"
# IOM's 2024 voluntary revenue (core + earmarked) from all government donors, USD million:
# the sum of the 2024 CEB CSV export's IOM rows (../shared/data/ceb/government-donor-revenue-2024.csv).
IOM_2024_GOVERNMENT_VOLUNTARY = 2707.316392
KNOWN_DUTCH = {
    "Philippines": "Filipijnen",
    "Republic of Korea": "Zuid-Korea",
    "Côte D'Ivoire": "Ivoorkust",
    "Netherlands": "Nederland",
    "United States of America": "Verenigde Staten",
    "United Kingdom of Great Britain and Northern Ireland": "Verenigd Koninkrijk",
    "Türkiye": "Turkije",
    "Germany": "Duitsland",
}


def test_history_loads_in_the_tidy_shape() -> None:
    history = load_history()
    assert history.columns.tolist() == list(HISTORY_COLUMNS)
    assert sorted(history[YEAR].unique()) == list(range(2013, 2025))
    assert set(history[REV_TYPE]) == set(REV_TYPES)
    assert {"IOM", "UNHCR", "UNWOMEN", "UNHABITAT"} <= set(history[ENTITY])
    assert not {"UN Women", "UN-Habitat"} & set(history[ENTITY])
    assert (history.groupby([YEAR, ENTITY, DONOR_KEY, REV_TYPE], observed=True).size() == 1).all()
    # about 4.6 MB: the string columns point at one object per contributor (deep=True would
    # count each row's string again), entity, revenue type and category are categoricals
    assert history.memory_usage(deep=False).sum() < 6e6
    assert {str(history[column].dtype) for column in (ENTITY, REV_TYPE, CATEGORY)} == {"category"}


def test_amounts_read_back_exactly() -> None:
    text = pd.read_csv(
        io.BytesIO(gzip.decompress((HISTORY_DIR / REVENUE_FILE).read_bytes())), dtype=str
    )[AMOUNT_USD]
    assert (load_history()[AMOUNT_USD].to_numpy() == text.map(float).to_numpy()).all()


def test_each_caller_gets_its_own_copy() -> None:
    first = load_history()
    first[AMOUNT_USD] = 0.0
    assert load_history()[AMOUNT_USD].abs().sum() > 0


def test_iom_2024_government_voluntary_is_the_ceb_figure() -> None:
    history = load_history()
    governments = history[history[CATEGORY] == GOVERNMENT]
    by_year = totals(governments, "IOM").set_index(YEAR)
    assert by_year.loc[2024, VOLUNTARY] == pytest.approx(IOM_2024_GOVERNMENT_VOLUNTARY, abs=5e-7)


def test_every_government_has_an_iso_key_and_a_dutch_name() -> None:
    contributors = load_contributors()
    government = contributors[CATEGORY] == GOVERNMENT
    assert (contributors.loc[government, ISO3] == contributors.loc[government, DONOR_KEY]).all()
    assert contributors.loc[government, DONOR_KEY].map(is_government).all()
    assert (contributors.loc[~government, ISO3] == "").all()
    assert not contributors.loc[~government, DONOR_KEY].map(is_government).any()
    for column in (NAME_EN, NAME_NL):
        names = contributors[column]
        assert (names.str.len() > 0).all() and not names.isin(contributors[DONOR_KEY]).any()
    assert contributors[DONOR_KEY].is_unique and contributors[NAME_NL].is_unique


@needs_history
def test_shipped_tables_rebuild_byte_for_byte(tmp_path: Path) -> None:
    build(SOURCE, tmp_path)
    for name in SHIPPED_FILES:
        assert (tmp_path / name).read_bytes() == (HISTORY_DIR / name).read_bytes(), name
    manifest = json.loads((HISTORY_DIR / MANIFEST_FILE).read_text(encoding="utf-8"))
    sources = {entry["file"]: entry for entry in manifest["sources"]}
    assert sorted(sources) == sorted(path.name for path in SOURCE.glob("donors-*.json"))
    assert len(sources) == 12 and manifest["compiled_by"]["commit"] == "052fc73"
    for name, entry in sources.items():
        content = (SOURCE / name).read_bytes()
        assert (entry["bytes"], entry["sha256"]) == (
            len(content),
            hashlib.sha256(content).hexdigest(),
        )


@needs_history
def test_every_government_in_the_full_history_is_keyed_and_named() -> None:
    governments: set[str] = set()
    for path in sorted(SOURCE.glob("donors-*.json")):
        records = json.loads(path.read_bytes())
        governments |= {name for name, r in records.items() if r["category"] == GOVERNMENT}
    keys = {name: donor_key(name) for name in governments}
    assert all(key is not None and is_government(key) for key in keys.values())
    names = donor_names([str(keys[name]) for name in sorted(governments)])
    dutch = dict(zip(sorted(governments), names[NAME_NL], strict=True))
    assert all(text and text not in {"nan", "None"} for text in dutch.values())
    assert {name: dutch[name] for name in KNOWN_DUTCH} == KNOWN_DUTCH
    assert len(governments) > 200


@pytest.fixture(scope="module")
def csv_2024() -> pd.DataFrame:
    revenue = read_revenue_file(CEB_FILE.name, CEB_FILE.read_bytes())
    return map_donor_names(revenue, load_donor_names())


@needs_ceb
@needs_history
def test_every_ceb_csv_name_has_a_history_key(csv_2024: pd.DataFrame) -> None:
    history_keys = set(load_contributors()[DONOR_KEY])
    missing = sorted(set(csv_2024[DONOR_KEY]) - history_keys)
    assert missing == []  # no exceptions: every official name, broken ones too, is keyed
    assert set(csv_2024[ENTITY]) == set(load_history()[ENTITY]) - {"PAHO"}  # PAHO: history only


@needs_ceb
@needs_history
def test_iom_2024_government_cells_agree_with_the_ceb_csv(csv_2024: pd.DataFrame) -> None:
    cells = [DONOR_KEY, REV_TYPE, AMOUNT_USD]
    ceb = csv_2024[csv_2024[ENTITY] == "IOM"][cells].astype({REV_TYPE: str})
    history = load_history()
    ours = history[
        (history[YEAR] == 2024) & (history[ENTITY] == "IOM") & (history[CATEGORY] == GOVERNMENT)
    ][cells].astype({DONOR_KEY: str, REV_TYPE: str})
    assert len(ceb) == len(ours) == 262
    merged = ceb.merge(ours, on=[DONOR_KEY, REV_TYPE], how="outer", suffixes=("_ceb", "_ours"))
    assert len(merged) == 262  # the same donor x revenue-type cells on both sides
    assert merged[f"{AMOUNT_USD}_ceb"].tolist() == merged[f"{AMOUNT_USD}_ours"].tolist()  # exact
    voluntary = ours[ours[REV_TYPE].isin([REV_CORE, REV_EARMARKED])][AMOUNT_USD].sum() / 1e6
    assert voluntary == pytest.approx(IOM_2024_GOVERNMENT_VOLUNTARY, abs=5e-7)
