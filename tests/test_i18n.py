"""Every user-facing text exists in Dutch and English, and every key the code uses exists."""

from __future__ import annotations

import ast
import re
import string
from collections.abc import Mapping
from pathlib import Path

import pytest

from components import i18n, ids
from components.i18n import APP_TEXT, EXPORT_TEXT, METRIC_TEXT, TEXT, UNIT_TEXT, t
from components.view_state import BUDGET_MODES
from data import schema
from data.error_text import ERROR_TEXT
from data.money import MONEY_UNITS

ROOT = Path(__file__).resolve().parents[1]
CODE_FILES = sorted(
    p
    for folder in ("components", "callbacks")
    for p in (ROOT / folder).rglob("*.py")
    if p.name != "i18n.py"
)
# t("key" / t('key' with a whole literal key; \b keeps .split("…") and .get("…") out
LITERAL_CALL = re.compile(r"\bt\(\s*([\"'])([^\"'{}]+)\1(?!\s*\+)")
# t(f"prefix.{…}" and t("prefix." + …)
PREFIX_CALL = re.compile(r"\bt\(\s*(?:f([\"'])([^\"'{}]*)\{|([\"'])([^\"'{}]*)\3\s*\+)")
FAMILIES = {key.split(".", 1)[0] for key in TEXT if "." in key}


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def _code() -> dict[Path, str]:
    return {p: p.read_text(encoding="utf-8") for p in CODE_FILES}


# the dictionary itself -----------------------------------------------------------------------
def test_code_files_are_found() -> None:
    names = {p.name for p in CODE_FILES}
    assert {"panels.py", "ranking.py", "text.py", "views.py"} <= names


@pytest.mark.parametrize("key", sorted(TEXT))
def test_both_languages_non_empty(key: str) -> None:
    entry = TEXT[key]
    assert set(entry) == {"nl", "en"}
    assert entry["nl"].strip()
    assert entry["en"].strip()


@pytest.mark.parametrize("key", sorted(TEXT))
def test_placeholders_identical(key: str) -> None:
    assert _placeholders(TEXT[key]["nl"]) == _placeholders(TEXT[key]["en"])


def test_no_key_defined_twice() -> None:
    # every part the catalogue merges: its own *_TEXT tables and those it imports
    parts = [
        value
        for name, value in vars(i18n).items()
        if name.endswith("_TEXT") and isinstance(value, Mapping)
    ]
    assert {id(p) for p in (APP_TEXT, METRIC_TEXT, UNIT_TEXT, EXPORT_TEXT, ERROR_TEXT)} <= {
        id(p) for p in parts
    }
    assert sum(len(p) for p in parts) == len(TEXT)


def test_t_fills_placeholders() -> None:
    assert t("kpi.total.listed", "nl", year=2023) == "Totaal lidstaten 2023"
    assert t("kpi.total.listed", "en", year=2023) == "Member-state total 2023"
    assert t("ranking.title.listed", "en", year=2022) == "Largest donors to IOM in 2022"
    assert t("source.page", "nl", page=7) == "p. 7"


def test_t_without_values_leaves_text_as_is() -> None:
    assert t("app.title", "nl") == "Hoe wordt IOM gefinancierd?"
    assert t("app.title", "en") == "How is IOM funded?"


def test_unknown_key_fails_loudly() -> None:
    with pytest.raises(KeyError):
        t("no.such.key", "nl")


def test_missing_placeholder_value_fails_loudly() -> None:
    with pytest.raises(KeyError):
        t("kpi.total.listed", "nl", donor="USA")


# keys used by the code -----------------------------------------------------------------------
def test_scanner_finds_keys() -> None:
    used = {m.group(2) for text in _code().values() for m in LITERAL_CALL.finditer(text)}
    # a few calls known to be in the code, including one with single quotes and one
    # split over two lines
    assert {"ranking.hover", "notes.heading", "unit.usd_bn", "earmarking.reform"} <= used
    assert "<br>" not in used  # .split("<br>") is not a t() call


def test_every_literal_key_used_exists() -> None:
    missing = sorted(
        f"{path.relative_to(ROOT)}: {m.group(2)}"
        for path, text in _code().items()
        for m in LITERAL_CALL.finditer(text)
        if m.group(2) not in TEXT
    )
    assert missing == []


def test_every_key_literal_in_the_code_exists() -> None:
    """Keys passed through variables (tuples, conditionals, dicts) are string literals shaped
    like a key of a known family, e.g. 'table.year' or 'budget.subtitle_abs'."""
    shape = re.compile(r"^[a-z_]+(\.[a-z_]+)+$")
    missing = []
    for path, text in _code().items():
        for node in ast.walk(ast.parse(text)):
            if not (isinstance(node, ast.Constant) and isinstance(node.value, str)):
                continue
            value = node.value
            if (
                shape.match(value)
                and value.split(".", 1)[0] in FAMILIES
                and not value.endswith((".py", ".js", ".css"))
                and value not in TEXT
            ):
                missing.append(f"{path.relative_to(ROOT)}:{node.lineno}: {value}")
    assert missing == []


def test_every_dynamic_prefix_has_keys() -> None:
    prefixes = {
        (m.group(2) if m.group(2) is not None else m.group(4))
        for text in _code().values()
        for m in PREFIX_CALL.finditer(text)
    }
    assert {"metric.", "unit.", "qualifier.", "tab.", "sources.kind.", "budget_mode."} <= prefixes
    for prefix in prefixes:
        assert any(key.startswith(prefix) for key in TEXT), prefix


@pytest.mark.parametrize("metric", schema.METRICS)
def test_every_metric_has_a_label(metric: str) -> None:
    assert f"metric.{metric}" in TEXT


@pytest.mark.parametrize("unit", schema.UNITS)
def test_every_unit_has_a_label(unit: str) -> None:
    assert f"unit.{unit}" in TEXT


@pytest.mark.parametrize("qualifier", schema.QUALIFIERS)
def test_every_qualifier_has_a_label(qualifier: str) -> None:
    assert f"qualifier.{qualifier}" in TEXT


@pytest.mark.parametrize("kind", schema.KINDS)
def test_every_contradiction_kind_has_a_label(kind: str) -> None:
    assert f"sources.kind.{kind}" in TEXT


@pytest.mark.parametrize("tab", ids.TABS)
def test_every_tab_has_a_label(tab: str) -> None:
    assert f"tab.{tab}" in TEXT


@pytest.mark.parametrize("mode", BUDGET_MODES)
def test_every_budget_mode_has_a_label(mode: str) -> None:
    assert f"budget_mode.{mode}" in TEXT


def test_no_metric_label_without_a_metric() -> None:
    assert {k.removeprefix("metric.") for k in METRIC_TEXT} == set(schema.METRICS)


def test_no_unit_label_without_a_unit() -> None:
    # the published units, and those a fact converted to another currency takes (data/money.py)
    assert {k.removeprefix("unit.") for k in UNIT_TEXT} == set(schema.UNITS) | set(MONEY_UNITS)
