"""assets/year_paint.js finds the year and donor controls and a chart's figures of every year by
the ids' naming: the names it is written with must be the ones components/ids.py and
components/layout.py give."""

from __future__ import annotations

import re
from pathlib import Path

from components import ids
from components.charts.registry import CHARTS
from components.layout import DRAWN, FIGURES

SCRIPT = (Path(__file__).resolve().parents[1] / "assets" / "year_paint.js").read_text("utf-8")


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
