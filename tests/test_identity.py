"""Donor identity: every spelling of a donor (CEB's official name, the history's name, a name
broken to U+FFFD) gives one key, and every key has English and Dutch names."""

from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd
import pycountry
import pytest
from babel import Locale

from data.columns import DONOR_KEY, NAME_EN, NAME_NL, OFFICIAL_NAME
from data.identity import (
    ALIAS_COLUMNS,
    ALIASES_PATH,
    SHORT_NAMES_PATH,
    _read_table,
    alpha2,
    donor_key,
    donor_keys,
    donor_names,
    is_government,
    normalise,
)

REPO = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize(
    ("names", "key"),
    [
        # CEB's official name, the history's name, the CSV's broken name
        (("United States of America",), "USA"),
        (("United Kingdom of Great Britain and Northern Ireland",), "GBR"),
        (("China, Hong Kong Special Administrative Region", "Hong Kong SAR"), "HKG"),
        (("China, Macao Special Administrative Region", "Macao SAR"), "MAC"),
        (("Türkiye", "T\ufffdrkiye"), "TUR"),
        (("Curaçao", "Cura\ufffdao"), "CUW"),
        (("Côte d'Ivoire", "Côte D'Ivoire", "C\ufffdte d'Ivoire"), "CIV"),
        (("Bolivia (Plurinational State of)", "Bolivia, Plurinational State of"), "BOL"),
        (("Iran (Islamic Republic of)", "Iran, Islamic Republic of"), "IRN"),
        (("Micronesia (Federated States of)", "Micronesia, Federated States of"), "FSM"),
        (("Venezuela (Bolivarian Republic of)", "Venezuela, Bolivarian Republic of"), "VEN"),
        (("Republic of Korea",), "KOR"),
        (("Democratic People's Republic of Korea",), "PRK"),
        (("Democratic Republic of the Congo",), "COD"),
        (("Congo",), "COG"),
        (("Kosovo**", "Kosovo"), "XKX"),
        (("Holy See",), "VAT"),
        (("State of Palestine",), "PSE"),
        (("Taiwan (Province of China)***", "Taiwan (Province of China)"), "TWN"),
        (("Taiwan, Province of China",), "TWN"),
        (("Sint Maarten (Dutch part)", "Saint Martin (French part)"), None),  # two keys: below
        (("Netherlands", "  netherlands "), "NLD"),
        (("European Union",), "EU"),
        (("Other European Union",), "OTHER-EU"),
        (("Refunds to donors/Miscellaneous",), "REFUNDS-MISC"),
        (("World Bank",), "WORLD-BANK"),
    ],
)
def test_every_spelling_gives_one_key(names: tuple[str, ...], key: str | None) -> None:
    keys = donor_keys(names)
    if key is None:
        assert keys == ["SXM", "MAF"]
    else:
        assert keys == [key] * len(names)


@pytest.mark.parametrize("name", ["Atlantis", "Eurozone", "world", "Ira\ufffd", "\ufffd"])
def test_unknown_or_ambiguous_names_have_no_key(name: str) -> None:
    # CLDR names regions too (Eurozone, World): no government; "Ira?" is Iran or Iraq.
    assert donor_key(name) is None


def test_broken_name_needs_one_character_per_mark() -> None:
    assert donor_key("Cura\ufffd\ufffdao") is None  # two marks, one letter: no match
    assert donor_key("I\ufffdan") == "IRN"


def test_every_iso_and_cldr_name_gives_its_own_code() -> None:
    # No name is shared by two codes (the index would drop it) and every country has a key
    # by its ISO name and by CLDR's English name.
    english = Locale("en").territories
    for country in pycountry.countries:
        assert donor_key(country.name) == country.alpha_3, country.name
        assert donor_key(english[country.alpha_2]) == country.alpha_3, country.alpha_2


@pytest.mark.parametrize(
    ("key", "english", "dutch"),
    [
        ("PHL", "Philippines", "Filipijnen"),
        ("KOR", "South Korea", "Zuid-Korea"),
        ("CIV", "Côte d’Ivoire", "Ivoorkust"),
        ("USA", "United States", "Verenigde Staten"),
        ("GBR", "United Kingdom", "Verenigd Koninkrijk"),
        ("NLD", "Netherlands", "Nederland"),
        ("TUR", "Türkiye", "Turkije"),
        ("BIH", "Bosnia and Herzegovina", "Bosnië en Herzegovina"),  # CLDR writes "&"
        ("KNA", "Saint Kitts and Nevis", "Saint Kitts en Nevis"),  # CLDR writes "St."
        ("HKG", "Hong Kong", "Hongkong"),  # memo name, not CLDR's "Hong Kong SAR China"
        ("XKX", "Kosovo", "Kosovo"),
        ("VAT", "Holy See", "Heilige Stoel"),
        ("EU", "European Union", "Europese Unie"),
        ("WORLD-BANK", "World Bank", "Wereldbank"),
        ("OTHER-FOUNDATIONS", "Other foundations", "Overige stichtingen"),
    ],
)
def test_display_names(key: str, english: str, dutch: str) -> None:
    names = donor_names([key])
    assert names.columns.tolist() == [DONOR_KEY, NAME_EN, NAME_NL]
    assert names.iloc[0].tolist() == [key, english, dutch]


def test_donor_names_keeps_order_and_rejects_unknown_keys() -> None:
    assert donor_names(["NLD", "EU", "NLD"])[NAME_NL].tolist() == [
        "Nederland",
        "Europese Unie",
        "Nederland",
    ]
    with pytest.raises(KeyError, match="ZZZ"):
        donor_names(["NLD", "ZZZ"])


def test_every_country_has_english_and_dutch_names() -> None:
    keys = [country.alpha_3 for country in pycountry.countries]
    names = donor_names(keys)
    assert (names[NAME_NL].str.len() > 0).all() and (names[NAME_EN].str.len() > 0).all()
    assert not names[NAME_NL].isin(keys).any()


@pytest.mark.parametrize("table", ["donor_names.csv", "donors.csv"])
def test_curated_tables_agree_with_the_identity(table: str) -> None:
    # data/donor_names.csv (CEB names -> memo names) and the scorecard's donors.csv: the
    # identity gives every row's key from its official name and the same display names.
    curated = pd.read_csv(REPO / "data" / table, dtype=str, na_filter=False)
    assert donor_keys(curated[OFFICIAL_NAME]) == curated[DONOR_KEY].tolist()
    names = donor_names(curated[DONOR_KEY])
    pd.testing.assert_frame_equal(names, curated[[DONOR_KEY, NAME_EN, NAME_NL]].astype("str"))


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_hand_tables_hold_decisions_only() -> None:
    aliases = _rows(ALIASES_PATH)
    short = _rows(SHORT_NAMES_PATH)
    for row in aliases:
        assert donor_key(row["name"]) == row["key"]  # an alias wins over ISO and CLDR
        if not is_government(row["key"]):
            assert len(row["key"]) != 3 and row["key"] == row["key"].upper()
    used = {row["key"] for row in aliases}
    for row in short:
        assert is_government(row[DONOR_KEY]) or row[DONOR_KEY] in used, row


def test_keys_and_codes() -> None:
    assert (alpha2("NLD"), alpha2("XKX"), alpha2("EU"), alpha2("OTHER-EU")) == (
        "NL",
        "XK",
        None,
        None,
    )
    assert is_government("VAT") and not is_government("GAVI")
    assert normalise(" Kosovo** ") == normalise("kosovo") == "kosovo"
    assert normalise("Côte d\u2019Ivoire") == normalise("CÔTE D'IVOIRE")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("name,code,note\nHoly See,VAT,\n", "header"),
        ("name,key,note\nHoly See,,observer\n", "line 2: empty key"),
    ],
)
def test_a_broken_hand_table_is_refused(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "aliases.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ValueError, match=message):
        _read_table(path, ALIAS_COLUMNS)
