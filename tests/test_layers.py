"""The layers stay apart: views ask the source interface what it offers, never which kind of
source it is, and the data layer never reaches up into the UI.

A branch on the kind of source outside ``data/`` is what made every new view multiply its cases;
these checks fail the moment one comes back.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
UI = ("components", "callbacks")
# The kinds of source, which only data/ (and app.py, which wires the built-in one) may name.
SOURCE_MODULES = {"data.scorecard_source", "data.ceb_source"}
SOURCE_NAMES = {"ScorecardModel", "CebModel", "basis"}


def _modules(*folders: str) -> list[Path]:
    return sorted(p for folder in folders for p in (ROOT / folder).rglob("*.py"))


def _imports(tree: ast.AST) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
    return found


@pytest.mark.parametrize("path", _modules(*UI), ids=lambda p: str(p.relative_to(ROOT)))
def test_views_never_ask_which_source_they_show(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    assert not _imports(tree) & SOURCE_MODULES
    names = {n.id for n in ast.walk(tree) if isinstance(n, ast.Name)}
    attributes = {n.attr for n in ast.walk(tree) if isinstance(n, ast.Attribute)}
    assert not (names | attributes) & SOURCE_NAMES


@pytest.mark.parametrize("path", _modules("data"), ids=lambda p: str(p.relative_to(ROOT)))
def test_the_data_layer_does_not_import_the_ui(path: Path) -> None:
    imported = _imports(ast.parse(path.read_text(encoding="utf-8")))
    assert not {m for m in imported if m.split(".")[0] in UI}


def test_the_checks_see_the_code() -> None:
    assert len(_modules(*UI)) > 20
    assert "data.source" in _imports(ast.parse((ROOT / "callbacks/context.py").read_text()))
