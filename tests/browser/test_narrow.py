"""A phone (390 px): the charts fit their narrow width once and stay put (assets/views.js).

The fit re-wraps titles and footers, moves a right-hand legend above the plot and stacks the
labels above a plot on rows of their own. It used to fit a fitted chart again on every draw:
the bump chart's top margin grew without end and the page froze.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from typing import Any

import pytest
from playwright.sync_api import Page

pytestmark = pytest.mark.browser

PHONE = 390
DRAWN = ".js-plotly-plot .main-svg >> visible=true"  # the open tab's charts (all stay mounted)

# Per graph of the page: its id, how many traces it draws, its top margin and the boxes of its
# title, legend, plot area and the labels above the plot (client px).
_GRAPHS = """() => [...document.querySelectorAll('.js-plotly-plot')]
    .filter((gd) => gd.getClientRects().length).map((gd) => {
    const box = (el) => { if (!el) return null; const r = el.getBoundingClientRect();
        return {left: r.left, right: r.right, top: r.top, bottom: r.bottom}; };
    return {
        id: gd.parentNode.id || gd.id,
        traces: (gd.data || []).length,
        top: (gd.layout.margin || {}).t,
        graph: box(gd),
        title: box(gd.querySelector('.gtitle')),
        subtitle: box(gd.querySelector('.gtitle-subtitle')),
        legend: box(gd.querySelector('.legend')),
        plot: box(gd.querySelector('.nsewdrag')),
        labels: [...gd.querySelectorAll('.annotation')].map(box),
        xtitle: box(gd.querySelector('.g-xtitle')),
        footer: [...gd.querySelectorAll('.annotation')]
            .filter((el) => el.getAttribute('data-index') !== null)
            .filter((el, i) => (gd.layout.annotations[Number(el.getAttribute('data-index'))]
                || {}).name === 'source').map(box),
    };
})"""


def graphs(page: Page) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = page.evaluate(_GRAPHS)
    return found


def settled(new_page: Callable[..., Page], query: str) -> Page:
    page = new_page(width=PHONE, height=800)
    page.goto(f"/?{query}")
    page.wait_for_selector(DRAWN, timeout=20_000)
    page.wait_for_function(
        "() => [...document.querySelectorAll('.js-plotly-plot')]"
        ".filter((gd) => gd.getClientRects().length)"  # the open tab's (all stay mounted)
        ".every((gd) => gd.data && gd.data.length)",
        timeout=20_000,
    )
    page.wait_for_timeout(1500)
    return page


@pytest.mark.parametrize("view", ["over_time", "earmarking", "ranking"])
def test_a_narrow_chart_is_fitted_once_and_keeps_its_figure(
    new_page: Callable[..., Page], view: str
) -> None:
    page = settled(new_page, f"lang=nl&view={view}")
    before = graphs(page)
    page.wait_for_timeout(1500)
    after = graphs(page)
    assert [(g["id"], g["top"]) for g in after] == [(g["id"], g["top"]) for g in before]
    assert all(g["traces"] > 0 for g in after)  # the figure was not lost on the way


def test_the_bump_chart_legend_sits_between_subtitle_and_plot(
    new_page: Callable[..., Page],
) -> None:
    page = settled(new_page, "lang=en&view=over_time")
    bump = next(g for g in graphs(page) if g["id"] == "over-time-graph")
    assert bump["legend"] is not None
    assert bump["subtitle"]["bottom"] <= bump["legend"]["top"] + 1
    assert bump["legend"]["bottom"] <= bump["plot"]["top"] + 1


def test_labels_above_the_earmarking_bar_stay_inside_and_apart(
    new_page: Callable[..., Page],
) -> None:
    page = settled(new_page, "lang=nl&view=earmarking")
    bar = next(g for g in graphs(page) if g["id"] == "earmarking-graph")
    above = [b for b in bar["labels"] if b and b["bottom"] <= bar["plot"]["top"] + 1]
    assert len(above) >= 2  # the reform level and the guideline
    for label in above:
        assert label["right"] <= bar["graph"]["right"] + 1
    ordered = sorted(above, key=lambda b: b["top"])
    for upper, lower in itertools.pairwise(ordered):
        assert upper["bottom"] <= lower["top"] + 1  # no label over another


def test_a_long_axis_title_wraps_inside_the_chart_above_its_footer(
    new_page: Callable[..., Page],
) -> None:
    """The entities chart's x axis title ran off both edges of a phone's chart."""
    page = settled(new_page, "source=ceb&view=entities")
    chart = next(g for g in graphs(page) if g["id"] == "entities-graph")
    title = chart["xtitle"]
    assert (
        chart["graph"]["left"] - 1 <= title["left"]
        and title["right"] <= chart["graph"]["right"] + 1
    )
    assert chart["footer"]
    assert all(title["bottom"] <= footer["top"] + 1 for footer in chart["footer"])


@pytest.mark.parametrize(
    "query", ["source=ceb&view=over_time", "source=ceb&lang=en&view=over_time"]
)
def test_at_800_px_a_long_subtitle_wraps_inside_its_chart(
    new_page: Callable[..., Page], query: str
) -> None:
    """Issue 11: subtitles were wrapped only below the narrow breakpoint (760 px); the bump
    chart's ran past its right edge at 800 px."""
    page = new_page(width=800, height=900)
    page.goto(f"/?{query}")
    page.wait_for_selector(DRAWN, timeout=20_000)
    page.wait_for_timeout(1500)
    bump = next(g for g in graphs(page) if g["id"] == "over-time-graph")
    assert bump["subtitle"]["right"] <= bump["graph"]["right"] + 1
    assert bump["subtitle"]["bottom"] <= bump["plot"]["top"] + 1


@pytest.mark.parametrize("width", [390, 800, 1366])
def test_the_twelve_years_stand_in_balanced_rows(new_page: Callable[..., Page], width: int) -> None:
    """Issue 11: at 800 px the twelve year buttons wrapped into a row of eleven and a lone
    year; every row now holds as many years, as wide as each other."""
    page = new_page(width=width, height=900)
    page.goto("/?source=ceb&view=ranking")
    page.wait_for_selector("#year label", timeout=20_000)
    boxes = page.evaluate(
        "() => [...document.querySelectorAll('#year > label')].map((l) => {"
        " const r = l.getBoundingClientRect(); return [Math.round(r.top), r.width, r.right]; })"
    )
    assert len(boxes) == 12
    rows: dict[int, list[float]] = {}
    for top, w, _ in boxes:
        rows.setdefault(top, []).append(w)
    assert len({len(r) for r in rows.values()}) == 1  # 12, 6 + 6 or 4 + 4 + 4
    assert max(w for _, w, _ in boxes) - min(w for _, w, _ in boxes) <= 1
    assert max(right for _, _, right in boxes) <= width
