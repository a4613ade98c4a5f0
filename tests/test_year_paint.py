"""assets/year_paint.js finds the year and donor controls and a chart's figures of every year by
the ids' naming: the names it is written with must be the ones components/ids.py and
components/layout.py give."""

from __future__ import annotations

import re
from pathlib import Path

from components import ids
from components.charts.registry import CHARTS
from components.layout import DRAWN, FIGURES

SCRIPT_DIR = Path(__file__).resolve().parents[1] / "assets"
SCRIPT = (SCRIPT_DIR / "year_paint.js").read_text("utf-8")


def _constant(name: str) -> str:
    match = re.search(rf'var {name} = "([^"]*)";', SCRIPT)
    assert match, name
    return match.group(1)


def test_the_year_control_is_the_one_it_listens_to() -> None:
    assert _constant("YEAR_ID") == ids.YEAR


def test_the_donor_and_language_controls_are_the_ones_it_listens_to() -> None:
    assert _constant("DONOR_ID") == ids.DONOR
    assert _constant("LANG_ID") == ids.LANG
    assert any(spec.donors_in_browser for spec in CHARTS if spec.years_in_browser)
    assert not any(spec.donors_in_browser for spec in CHARTS if not spec.years_in_browser)


def test_every_chart_drawn_in_the_browser_is_found_by_its_graph_id() -> None:
    graph, figures = _constant("GRAPH_SUFFIX"), _constant("FIGURES_SUFFIX")
    drawn = _constant("DRAWN_SUFFIX")
    drawn_in_browser = [spec for spec in CHARTS if spec.years_in_browser]
    assert drawn_in_browser  # the ranking at least
    for spec in drawn_in_browser:
        assert spec.graph_id.endswith(graph)
        assert spec.graph_id[: -len(graph)] + figures == ids.panel(spec.id, FIGURES)
        assert spec.graph_id[: -len(graph)] + drawn == ids.panel(spec.id, DRAWN)


def test_the_answers_drawn_on_arrival_are_found_by_the_graph_ids() -> None:
    """assets/fresh_answers.js draws a chart answer as it arrives, found by the same suffix."""
    answers = (SCRIPT_DIR / "fresh_answers.js").read_text("utf-8")
    match = re.search(r'const GRAPH_SUFFIX = "([^"]*)";', answers)
    assert match and match.group(1) == _constant("GRAPH_SUFFIX")
    assert all(spec.graph_id.endswith(match.group(1)) for spec in CHARTS)
