"""The curated donor names: complete for the donors that matter, consistent with the scorecard's
donor table, validated on load, and mapped onto CEB rows without losing an unmapped donor."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from data.ceb import load_donor_names, map_donor_names, read_revenue_file
from data.columns import (
    AMOUNT_USD,
    DONOR,
    DONOR_KEY,
    ENTITY,
    NAME_EN,
    NAME_NL,
    OFFICIAL_NAME,
    REV_CORE,
    REV_EARMARKED,
)
from data.errors import DataLoadError
from tests.ceb_helpers import USA, csv_bytes, good_rows
from tests.real_files import CEB_CUT

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def cut() -> pd.DataFrame:
    return read_revenue_file(CEB_CUT.name, CEB_CUT.read_bytes())


def test_donor_names_cover_top_40_iom_donors(cut: pd.DataFrame) -> None:
    names = load_donor_names()
    assert names[DONOR_KEY].is_unique and names[OFFICIAL_NAME].is_unique
    iom = cut[(cut[ENTITY] == "IOM") & cut["rev_type"].isin([REV_CORE, REV_EARMARKED])]
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


def test_map_donor_names_keys_names_outside_the_table_by_identity() -> None:
    # Lesotho and Hong Kong are not in donor_names.csv: the donor identity keys them (before
    # it, they kept their official names as keys), so a CEB upload and the history agree.
    frame = read_revenue_file("a.csv", csv_bytes(good_rows()))
    mapped = map_donor_names(frame, load_donor_names())
    assert mapped[DONOR_KEY].tolist() == ["USA", "USA", "LSO", "HKG"]
    assert mapped[NAME_NL].tolist() == [
        "Verenigde Staten",
        "Verenigde Staten",
        "Lesotho",
        "Hongkong",
    ]
    assert mapped[OFFICIAL_NAME].tolist() == frame[DONOR].tolist()
    assert frame[DONOR].iat[0] == USA  # input untouched
    again = map_donor_names(mapped, load_donor_names())  # mapping twice changes nothing
    pd.testing.assert_frame_equal(again, mapped)


def test_map_donor_names_keeps_unmapped_names() -> None:
    rows = [*good_rows(), ["Atlantis", "IOM", REV_CORE, "2024", "5"]]
    frame = read_revenue_file("a.csv", csv_bytes(rows))
    mapped = map_donor_names(frame, load_donor_names())
    assert mapped[DONOR_KEY].tolist()[-1] == "Atlantis"
    assert mapped[[NAME_EN, NAME_NL]].iloc[-1].tolist() == ["Atlantis", "Atlantis"]
    assert mapped[OFFICIAL_NAME].tolist() == frame[DONOR].tolist()
    again = map_donor_names(mapped, load_donor_names())
    pd.testing.assert_frame_equal(again, mapped)


def test_map_donor_names_keys_broken_names_like_the_table() -> None:
    # The CEB CSV writes "T\ufffdrkiye"; donor_names.csv lists it so, the identity matches it
    # as a wildcard: both give TUR and the same names.
    rows = [
        ["T\ufffdrkiye", "IOM", REV_CORE, "2024", "1"],
        ["Cura\ufffdao", "IOM", REV_CORE, "2024", "1"],
        ["C\ufffdte d'Ivoire", "IOM", REV_CORE, "2024", "1"],
    ]
    frame = read_revenue_file("a.csv", csv_bytes(rows))
    listed = map_donor_names(frame, load_donor_names())
    bare = map_donor_names(frame, load_donor_names().iloc[0:0])
    assert listed[DONOR_KEY].tolist() == ["TUR", "CUW", "CIV"]
    pd.testing.assert_frame_equal(bare, listed)
    assert listed[NAME_NL].tolist() == ["Turkije", "Curaçao", "Ivoorkust"]


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


def test_a_huge_unknown_name_is_shortened_for_display_but_kept_whole() -> None:
    """A 20,000-character donor name crashed the browser tab; it is shown and keyed short, and
    kept whole as the official name."""
    from data.ceb.names import MAX_SHOWN_NAME, short_key, short_name

    huge = "Republic of " + "A" * 20_000
    frame = pd.DataFrame({"donor": [huge, "Netherlands"]})
    mapped = map_donor_names(frame, load_donor_names())
    assert mapped["official_name"].iloc[0] == huge
    key = mapped["donor"].iloc[0]
    assert len(key) < 80 and key == short_key(huge) != short_key(huge + "B")
    shown = mapped["name_en"].iloc[0]
    assert len(shown) <= MAX_SHOWN_NAME and shown.endswith("…") and shown.startswith("Republic")
    assert mapped["name_nl"].iloc[0] == shown
    assert mapped["name_nl"].iloc[1] == "Nederland"
    assert short_name("Netherlands") == "Netherlands"
    assert short_name("word " * 20).endswith("word…")
