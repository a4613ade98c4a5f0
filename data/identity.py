"""Donor identity: one key per contributor, whatever name a file gives it, and its names in en/nl.

One donor reaches the app under three spellings: the CEB export's official UN names ("China,
Hong Kong Special Administrative Region"), the funding history's ISO-style names ("Hong Kong
SAR") and CEB CSV names broken to U+FFFD ("T\ufffdrkiye"). Keyed by name, one donor would split
in two across years or sources. So every name maps to one key:

- a government gets its ISO 3166-1 alpha-3 code (pycountry), found by the ISO names (pycountry:
  name, official and common name) or CLDR's English territory name (babel);
- what no library knows is decided in ``data/donor_aliases.csv``: UN names that match no ISO or
  CLDR name, non-state governments (Kosovo ``XKX``, the Holy See ``VAT``) and every
  non-government contributor (an upper-case slug such as ``EU`` or ``OTHER-EU``, never three
  letters, so no slug can pass for an ISO code);
- a name broken to U+FFFD matches a known name with any one character in its place, if all the
  names it matches have one key.

Display names come from CLDR too (babel), so the Dutch UI says "Filipijnen" and "Zuid-Korea";
``data/donor_short_names.csv`` keeps only the names memos use where CLDR's differ (or must not
change with a CLDR update: the scorecard's five donors), and the names of non-governments.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from collections.abc import Iterable
from functools import cache, lru_cache
from pathlib import Path
from typing import Final

import pandas as pd
import pycountry
from babel import Locale

from data.columns import DONOR_KEY, NAME_EN, NAME_NL

ALIASES_PATH: Final = Path(__file__).parent / "donor_aliases.csv"
SHORT_NAMES_PATH: Final = Path(__file__).parent / "donor_short_names.csv"
ALIAS_COLUMNS: Final = ("name", "key", "note")
SHORT_NAME_COLUMNS: Final = (DONOR_KEY, NAME_EN, NAME_NL)

# Codes outside ISO 3166-1 that a government key may use: XK/XKX (Kosovo) is user-assigned,
# as the EU, the IMF and the World Bank use it; CLDR has names for XK.
USER_ASSIGNED: Final = {"XKX": "XK"}
BROKEN: Final = "\ufffd"  # what a CSV written in cp1252 and read as UTF-8 shows for "ü", "ç" ...
_SLUG: Final = re.compile(r"[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*")
# CLDR's English uses "&" and "St." ("St. Kitts & Nevis"); memos and UN names spell them out.
_ENGLISH_STYLE: Final = ((" & ", " and "), ("St. ", "Saint "))


def normalise(name: str) -> str:
    """The form two spellings of one name share: NFC, case-folded, one kind of apostrophe,
    single spaces, without CEB's footnote marks ("Kosovo**")."""
    text = unicodedata.normalize("NFC", name).replace("\u2019", "'").rstrip("* \t")
    return " ".join(text.split()).casefold()


def _read_table(path: Path, header: tuple[str, ...]) -> list[dict[str, str]]:
    """A committed hand table; a wrong header or an empty cell is a curator's error, raised
    at first use so it cannot silently drop a donor."""
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        if tuple(reader.fieldnames or ()) != header:
            raise ValueError(f"{path.name}: header {reader.fieldnames}, expected {list(header)}")
        rows = [{k: (v or "").strip() for k, v in row.items()} for row in reader]
    for line, row in enumerate(rows, start=2):
        empty = [column for column in header if column != "note" and not row[column]]
        if empty:
            raise ValueError(f"{path.name} line {line}: empty {', '.join(empty)}")
    return rows


def alpha2(key: str) -> str | None:
    """The two-letter code CLDR names a government key by; None for a non-government key."""
    if key in USER_ASSIGNED:
        return USER_ASSIGNED[key]
    if len(key) != 3:
        return None
    country = pycountry.countries.get(alpha_3=key)
    return None if country is None else str(country.alpha_2)


def is_government(key: str) -> bool:
    """Whether ``key`` is a government's: an ISO 3166-1 alpha-3 code or a user-assigned one."""
    return alpha2(key) is not None


@cache
def _aliases() -> dict[str, str]:
    rows = _read_table(ALIASES_PATH, ALIAS_COLUMNS)
    aliases: dict[str, str] = {}
    for line, row in enumerate(rows, start=2):
        name, key = normalise(row["name"]), row["key"]
        if name in aliases:
            raise ValueError(f"{ALIASES_PATH.name} line {line}: '{row['name']}' listed twice")
        if not is_government(key) and (not _SLUG.fullmatch(key) or len(key) == 3):
            raise ValueError(
                f"{ALIASES_PATH.name} line {line}: '{key}' is neither an ISO alpha-3 code "
                "nor an upper-case slug of other than three letters"
            )
        aliases[name] = key
    missing = sorted({k for k in aliases.values() if not is_government(k)} - set(_short_names()))
    if missing:
        raise ValueError(f"{SHORT_NAMES_PATH.name} has no names for {', '.join(missing)}")
    return aliases


@cache
def _short_names() -> dict[str, tuple[str, str]]:
    rows = _read_table(SHORT_NAMES_PATH, SHORT_NAME_COLUMNS)
    names: dict[str, tuple[str, str]] = {}
    for line, row in enumerate(rows, start=2):
        if row[DONOR_KEY] in names:
            raise ValueError(f"{SHORT_NAMES_PATH.name} line {line}: '{row[DONOR_KEY]}' twice")
        names[row[DONOR_KEY]] = (row[NAME_EN], row[NAME_NL])
    return names


@cache
def _territories(language: str) -> dict[str, str]:
    """CLDR's territory names in ``language``, by ISO alpha-2 code."""
    return {str(code): str(name) for code, name in Locale(language).territories.items()}


@cache
def _iso_names() -> dict[str, str]:
    """Normalised ISO and CLDR English name -> alpha-3 key. Only codes of countries: CLDR also
    names regions ("European Union", "United Nations"), which are no government. A name two
    codes share would be ambiguous; none is, and a test keeps it so."""
    english = _territories("en")
    index: dict[str, set[str]] = {}
    codes: list[tuple[str, str, list[str]]] = [
        (
            str(country.alpha_2),
            str(country.alpha_3),
            [
                str(getattr(country, field, ""))
                for field in ("name", "official_name", "common_name")
            ],
        )
        for country in pycountry.countries
    ]
    codes += [(two, three, []) for three, two in USER_ASSIGNED.items()]
    for two, three, iso_names in codes:
        for spelling in filter(None, [english.get(two, ""), *iso_names]):
            index.setdefault(normalise(spelling), set()).add(three)
    return {name: keys.pop() for name, keys in index.items() if len(keys) == 1}


@cache
def _known_names() -> dict[str, str]:
    """Every name a key is known by, aliases first: an alias is a curator's decision."""
    return {**_iso_names(), **_aliases()}


def _wildcard_key(name: str) -> str | None:
    """The key of the known names ``name`` matches with any one character at each U+FFFD."""
    parts = normalise(name).split(BROKEN)
    pattern = re.compile(".".join(re.escape(part) for part in parts), re.DOTALL)
    keys = {key for known, key in _known_names().items() if pattern.fullmatch(known)}
    return keys.pop() if len(keys) == 1 else None


@lru_cache(maxsize=4096)  # bounded: uploads bring names of their own
def donor_key(name: str) -> str | None:
    """The key of a donor by any of its names (official, history, broken to U+FFFD); None if
    no table or library knows the name, so a caller decides whether that is an error."""
    text = normalise(name)
    known = _known_names().get(text)
    if known is None and BROKEN in text:
        return _wildcard_key(name)
    return known


def donor_keys(names: Iterable[str]) -> list[str | None]:
    """``donor_key`` for many names, in order (each distinct name is looked up once)."""
    return [donor_key(str(name)) for name in names]


@cache
def _names_of(key: str) -> tuple[str, str]:
    short = _short_names().get(key)
    if short is not None:
        return short
    two = alpha2(key)
    if two is None or two not in _territories("en") or two not in _territories("nl"):
        raise KeyError(f"no names for donor key '{key}': add it to {SHORT_NAMES_PATH.name}")
    english = _territories("en")[two]
    for cldr, memo in _ENGLISH_STYLE:
        english = english.replace(cldr, memo)
    return english, _territories("nl")[two]


def donor_names(keys: Iterable[str]) -> pd.DataFrame:
    """English and Dutch display names for each key, in order: ``DONOR_KEY, NAME_EN, NAME_NL``.

    Raises ``KeyError`` for a key no table or library names, rather than showing a code.
    """
    ordered = [str(key) for key in keys]
    pairs = [_names_of(key) for key in ordered]
    return pd.DataFrame(
        {
            DONOR_KEY: pd.array(ordered, dtype="str"),
            NAME_EN: pd.array([en for en, _ in pairs], dtype="str"),
            NAME_NL: pd.array([nl for _, nl in pairs], dtype="str"),
        }
    )
