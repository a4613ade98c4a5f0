"""Bad-file messages: every text in Dutch and English, written once, and the error that carries
a key instead of a sentence renders the same facts (file, row, column) in either language."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest

from components import error_text as ui
from data.error_text import ERROR_TEXT, Fragment, Params, render
from data.errors import DataLoadError, describe

ROOT = Path(__file__).resolve().parents[1]
DATA_FILES = sorted((ROOT / "data").rglob("*.py"))
KEY_LITERAL = re.compile(r"[\"'](error\.[a-z0-9_.]+)[\"']")


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


@pytest.mark.parametrize("key", sorted(ERROR_TEXT))
def test_both_languages_written_and_different(key: str) -> None:
    entry = ERROR_TEXT[key]
    assert key.startswith("error.")
    assert set(entry) == {"nl", "en"}
    assert entry["nl"].strip() and entry["en"].strip()
    assert entry["nl"] != entry["en"]  # a copy of the English is not a translation


@pytest.mark.parametrize("key", sorted(ERROR_TEXT))
def test_placeholders_identical(key: str) -> None:
    assert _placeholders(ERROR_TEXT[key]["nl"]) == _placeholders(ERROR_TEXT[key]["en"])


def test_every_key_the_data_layer_uses_exists() -> None:
    used = {
        key
        for path in DATA_FILES
        if path.name != "error_text.py"
        for key in KEY_LITERAL.findall(path.read_text(encoding="utf-8"))
    }
    assert used, "no error keys found: the pattern no longer matches the code"
    assert used <= set(ERROR_TEXT)


def test_the_data_layer_does_not_import_the_ui() -> None:
    importing = [
        path.relative_to(ROOT)
        for path in DATA_FILES
        if re.search(r"^\s*(from|import) components\b", path.read_text(encoding="utf-8"), re.M)
    ]
    assert importing == []


def test_ui_takes_the_same_catalogue_and_describe() -> None:
    assert ui.ERROR_TEXT is ERROR_TEXT
    assert ui.describe is describe


def test_keyed_error_location_in_both_languages() -> None:
    error = DataLoadError(
        "ceb.csv", row=12, column="amount", key="error.bad_year", params={"value": "FY", "more": ""}
    )
    assert error.message == "calendar year 'FY' is not a 4-digit year, e.g. 2024"
    assert str(error) == "ceb.csv, row 12, column 'amount': " + error.message
    assert describe(error, "en") == str(error)
    assert describe(error, "nl") == (
        "bestand ceb.csv, rij 12, kolom 'amount': "
        "kalenderjaar 'FY' is geen jaartal van 4 cijfers, bijvoorbeeld 2024"
    )
    assert describe(DataLoadError("x.csv", key="error.empty"), "nl") == (
        "bestand x.csv: het bestand is leeg"
    )


def test_fragments_and_sizes_follow_the_language() -> None:
    params: Params = {"value": "x", "more": Fragment("error.more_rows", {"count": 4})}
    assert render("error.bad_year", "nl", params).endswith(" (nog 4 rijen met hetzelfde probleem)")
    assert render("error.bad_year", "en", params).endswith(" (4 more rows with the same problem)")
    sizes: Params = {"size": 1234.56, "limit": 200.0}
    assert render("error.too_large", "nl", sizes).startswith("het bestand is 1.234,6 MB")
    assert render("error.too_large", "en", sizes).startswith("the file is 1,234.6 MB")


def test_plain_message_still_accepted_and_shown_in_english() -> None:
    """Callers not yet moved to keys keep working; only the location is translated."""
    error = DataLoadError("facts.csv", "bad", row=1, column="unit")
    assert (error.key, dict(error.params)) == (None, {})
    assert str(error) == "facts.csv, row 1, column 'unit': bad"
    assert describe(error, "nl") == "bestand facts.csv, rij 1, kolom 'unit': bad"


def test_key_and_message_are_exclusive_and_checked_when_raised() -> None:
    with pytest.raises(TypeError):
        DataLoadError("a.csv")
    with pytest.raises(TypeError):
        DataLoadError("a.csv", "text", key="error.empty")
    with pytest.raises(TypeError):
        DataLoadError("a.csv", "text", params={"value": 1})
    with pytest.raises(KeyError):
        DataLoadError("a.csv", key="error.no_such_key")
    with pytest.raises(KeyError):
        DataLoadError("a.csv", key="error.bad_year", params={"value": "x"})  # no "more"


def test_error_is_hashable_and_compares_by_value() -> None:
    first = DataLoadError("a.csv", row=2, key="error.unsupported_type", params={"suffix": ".pdf"})
    second = DataLoadError("a.csv", row=2, key="error.unsupported_type", params={"suffix": ".pdf"})
    assert first == second and hash(first) == hash(second)
    assert {first, second} == {first}
