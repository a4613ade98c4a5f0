"""Small helpers for the browser tests: read Plotly's data, wait for repaints, use the controls.

Plotly attaches ``data`` and ``layout`` to the graph div (``.js-plotly-plot`` inside the
``dcc.Graph``), so the tests read exactly what was drawn instead of parsing SVG.
"""

from __future__ import annotations

import contextlib
import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qs

from playwright.sync_api import FloatRect, Locator, Page
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

RANKING = "ranking-graph"

# True once the graph's drawn title (the SVG text, not just the figure) contains `text`.
_TITLE_PAINTED = """([graphId, text]) => {
    const gd = document.querySelector('#' + graphId + ' .js-plotly-plot');
    if (!gd || !gd.data || !gd.data.length) return false;
    const title = gd.querySelector('.gtitle');
    return !!title && title.textContent.includes(text);
}"""


@dataclass(frozen=True)
class Bar:
    label: str
    value: float
    text: str


def wait_for_graph_title(page: Page, text: str, graph_id: str = RANKING) -> None:
    """Wait until the graph is drawn with a title containing ``text``."""
    page.wait_for_function(_TITLE_PAINTED, arg=[graph_id, text])


def wait_for_ranking_title(page: Page, text: str) -> None:
    wait_for_graph_title(page, text, RANKING)


def graph(page: Page, graph_id: str) -> dict[str, Any]:
    """``{"data": [...], "layout": {...}}`` of a drawn graph (JSON-able parts only)."""
    result: dict[str, Any] = page.evaluate(
        """(graphId) => {
            const gd = document.querySelector('#' + graphId + ' .js-plotly-plot');
            return JSON.parse(JSON.stringify({data: gd.data, layout: gd.layout}));
        }""",
        graph_id,
    )
    return result


def ranking_bars(page: Page) -> list[Bar]:
    """The ranking's bars top to bottom (plotly lists them bottom to top)."""
    trace = graph(page, RANKING)["data"][0]
    bars = [
        Bar(y, float(x), t) for x, y, t in zip(trace["x"], trace["y"], trace["text"], strict=True)
    ]
    return bars[::-1]


def ranking_values(page: Page) -> list[float]:
    return [bar.value for bar in ranking_bars(page)]


def wait_for_ranking_values(page: Page, values: list[float]) -> None:
    """Wait until the ranking's bars, top to bottom, have exactly these amounts."""
    page.wait_for_function(
        """([graphId, values]) => {
            const gd = document.querySelector('#' + graphId + ' .js-plotly-plot');
            if (!gd || !gd.data || !gd.data.length || !gd.querySelector('.bars')) return false;
            const x = [...gd.data[0].x].reverse().map(Number);
            return JSON.stringify(x) === JSON.stringify(values);
        }""",
        arg=[RANKING, values],
    )


def radio_label(page: Page, group_id: str, text: str) -> Locator:
    """The clickable label of a dcc.RadioItems option, matched on its whole text."""
    pattern = re.compile(rf"^\s*{re.escape(text)}\s*$")
    return page.locator(f"#{group_id} label").filter(has_text=pattern)


def click_radio(page: Page, group_id: str, text: str) -> None:
    radio_label(page, group_id, text).click()


def checked_radio(page: Page, group_id: str) -> str:
    """Text of the selected option of a dcc.RadioItems."""
    text: str = page.evaluate(
        """(groupId) => {
            const input = document.querySelector('#' + groupId + ' input:checked');
            return input ? input.closest('label').innerText.trim() : '';
        }""",
        group_id,
    )
    return text


def url_params(page: Page) -> dict[str, str]:
    """The query of the page's current location.

    Read from ``location`` in the page: ``page.url`` can lag behind ``history.pushState``.
    """
    search: str = page.evaluate("location.search")
    return {k: v[-1] for k, v in parse_qs(search.lstrip("?")).items()}


def wait_for_url_param(page: Page, key: str, value: str) -> None:
    page.wait_for_function(
        "([k, v]) => new URLSearchParams(location.search).get(k) === v", arg=[key, value]
    )


def expect_url_params(page: Page, expected: dict[str, str], exact: bool = True) -> None:
    """Wait until the address bar holds ``expected`` (only those keys unless ``exact``).

    The browser writes the URL after the controls change, and a control set by a server answer
    (the year after an upload) can settle after the chart is drawn; so wait, then compare.
    """
    script = """([want, exact]) => {
        const got = Object.fromEntries(new URLSearchParams(location.search));
        const keys = Object.keys(want);
        return keys.every(k => got[k] === want[k])
            && (!exact || Object.keys(got).length === keys.length);
    }"""
    with contextlib.suppress(PlaywrightTimeoutError):  # the comparison below says what differs
        page.wait_for_function(script, arg=[expected, exact])
    got = url_params(page)
    assert (got if exact else {k: got.get(k) for k in expected}) == expected


def active_element(page: Page) -> dict[str, str]:
    """Tag, name, type and value of the focused element."""
    info: dict[str, str] = page.evaluate(
        """() => { const e = document.activeElement;
            return {tag: e.tagName, id: e.id || '', name: e.name || '', type: e.type || '',
                    value: e.value || ''}; }"""
    )
    return info


def in_viewport(box: FloatRect | None, width: int, height: int) -> bool:
    """True when a bounding box lies entirely inside a width × height viewport."""
    return (
        box is not None
        and box["x"] >= 0
        and box["y"] >= 0
        and box["x"] + box["width"] <= width
        and box["y"] + box["height"] <= height
    )
