"""Callbacks stay thin: each reads its controls and hands over to plain functions, so the
work is testable without Dash and a callback body never grows past a screenful."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

CALLBACKS = Path(__file__).resolve().parents[1] / "callbacks"
MAX_BODY_LINES = 20


def _callback_bodies() -> dict[str, int]:
    """Every decorated function in callbacks/*.py (the callbacks), by file and name, with the
    number of lines of its body."""
    bodies = {}
    for path in sorted(CALLBACKS.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef) and node.decorator_list:
                lines = (node.body[-1].end_lineno or 0) - node.body[0].lineno + 1
                bodies[f"{path.name}:{node.name}"] = lines
    return bodies


def test_callbacks_are_found() -> None:
    bodies = _callback_bodies()
    assert {"views.py:draw", "views.py:kpis", "data.py:load", "export.py:memo"} <= set(bodies)


@pytest.mark.parametrize("name", sorted(_callback_bodies()))
def test_callback_body_is_short(name: str) -> None:
    assert _callback_bodies()[name] <= MAX_BODY_LINES
