"""The other tabs: over time, budget and the sources grid."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Page

from data.loader import load_seed

from .helpers import (
    checked_radio,
    click_radio,
    graph,
    url_params,
    wait_for_graph_title,
    wait_for_url_param,
)

pytestmark = pytest.mark.browser

MINUS = "\u2212"


def open_tab(page: Page, tab: str) -> None:
    page.goto("/")
    page.wait_for_selector("#ranking-graph .js-plotly-plot .bars")
    page.click(f"#tab-{tab}")
    wait_for_url_param(page, "view", tab)


def test_over_time_bump_chart_and_table(page: Page) -> None:
    open_tab(page, "over_time")
    wait_for_graph_title(page, "Ranglijst van donoren 2021–2023", "over-time-graph")

    traces = graph(page, "over-time-graph")["data"]
    assert len(traces) == 5
    by_donor = {t["customdata"][0]: t for t in traces}
    assert set(by_donor) == {"USA", "DEU", "CAN", "GBR", "NLD"}
    assert by_donor["NLD"]["y"] == [6, 8, 6]
    assert by_donor["NLD"]["name"] == "Nederland"
    assert by_donor["CAN"]["y"] == [None, 3, 3]  # not listed in 2021: a gap, not a zero

    # the table is drawn by dcc.Markdown, whose code the browser loads when it first shows one
    page.wait_for_selector("#over-time-table tbody tr")
    rows: list[list[str]] = page.evaluate(
        """() => [...document.querySelectorAll('#over-time-table tbody tr')]
              .map(tr => [...tr.cells].map(td => td.innerText.trim()))"""
    )
    nl_2022 = next(r for r in rows if r[0] == "2022" and r[2] == "Nederland")
    assert nl_2022[3] == "60"
    assert nl_2022[5] == f"{MINUS}7"
    assert nl_2022[6] == f"{MINUS}10,4\u00a0%"  # a real minus sign, Dutch decimal comma
    assert nl_2022[7] == f"{MINUS}2"


def test_budget_index_mode(page: Page) -> None:
    open_tab(page, "budget")
    wait_for_graph_title(page, "Groei van de IOM-begroting", "budget-graph")
    assert graph(page, "budget-graph")["data"][0]["y"] == [1, 2.1, 2.99]

    click_radio(page, "budget-mode", "Index (2010 = 100)")
    page.wait_for_function(
        """() => { const gd = document.querySelector('#budget-graph .js-plotly-plot');
              return JSON.stringify(gd.data[0].y.map(v => Math.round(v * 1e6) / 1e6))
                  === JSON.stringify([100, 210, 299]); }"""
    )
    trace = graph(page, "budget-graph")["data"][0]
    assert trace["x"] == [2010, 2019, 2022]
    wait_for_url_param(page, "budget", "index")


def test_amounts_per_donor_switch_to_their_change_and_back_by_link(page: Page) -> None:
    """The amounts chart's own switch draws the change on the year before and is in the URL,
    so a copied link reopens that reading."""
    open_tab(page, "over_time")
    wait_for_graph_title(page, "Bijdragen per donor aan IOM", "donor-amounts-graph")
    click_radio(page, "amounts-mode", "Verandering t.o.v. vorig jaar")
    wait_for_graph_title(page, "Verandering van de bijdragen per donor", "donor-amounts-graph")
    netherlands = next(
        trace
        for trace in graph(page, "donor-amounts-graph")["data"]
        if trace["name"] == "Nederland"
    )
    assert netherlands["y"] == [None, -7, 2]  # 67 → 60 → 62 (p. 7)
    wait_for_url_param(page, "amounts", "change")
    page.reload()
    wait_for_graph_title(page, "Verandering van de bijdragen per donor", "donor-amounts-graph")
    assert checked_radio(page, "amounts-mode") == "Verandering t.o.v. vorig jaar"


_GRID_ROWS = """() => [...document.querySelectorAll('#sources-grid .ag-center-cols-container .ag-row')]
    .sort((a, b) => Number(a.getAttribute('row-index')) - Number(b.getAttribute('row-index')))
    .map(r => Object.fromEntries([...r.querySelectorAll('[col-id]')]
        .map(c => [c.getAttribute('col-id'), c.textContent.trim()])))"""


def grid_rows(page: Page) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = page.evaluate(_GRID_ROWS)
    return rows


def test_sources_grid_filters_sorts_and_lists_the_nl_contradiction(page: Page) -> None:
    open_tab(page, "sources")
    # attached, not yet shown: AG Grid shows a row of wrapped quotes once it measured it, when
    # the grid is scrolled into view
    page.wait_for_selector("#sources-grid .ag-center-cols-container .ag-row", state="attached")
    # every published fact is in the grid; its rows are virtualised (tall, wrapped quotes), so
    # count them through AG Grid rather than in the page
    count = page.evaluate(
        "async () => (await dash_ag_grid.getApiAsync('sources-grid')).getDisplayedRowCount()"
    )
    assert count == len(load_seed().facts)
    assert len(grid_rows(page)) >= 5

    page.wait_for_function(
        "() => document.querySelector('#contradictions')?.innerText.includes('Nederland in 2023')"
    )
    notes = page.locator("#contradictions").inner_text()
    assert "USD\u00a062\u00a0mln" in notes and "USD\u00a059,8\u00a0mln" in notes

    page.locator("#sources-grid").scroll_into_view_if_needed()  # as a reader scrolls down to it
    page.fill('#sources-grid .ag-floating-filter[col-id="donor"] input', "Nederland")
    page.wait_for_function(
        f"""() => {{ const rows = ({_GRID_ROWS})();
              return rows.length === 7 && rows.every(r => r.donor === 'Nederland'); }}"""
    )
    values = sorted(r["value_text"] for r in grid_rows(page))
    assert values == [
        "2018",
        "EUR\u00a02\u00a0mln",
        "EUR\u00a03\u00a0mln",
        "USD\u00a059,8\u00a0mln",
        "USD\u00a060\u00a0mln",
        "USD\u00a062\u00a0mln",
        "USD\u00a067\u00a0mln",
    ]

    year_header = page.locator('#sources-grid .ag-header-cell[col-id="year"] .ag-header-cell-label')
    year_header.click()
    page.wait_for_function(
        f"() => ({_GRID_ROWS})().map(r => r.year).join() === '2018,2021,2022,2022,2023,2023,2023'"
    )
    year_header.click()
    page.wait_for_function(
        f"() => ({_GRID_ROWS})().map(r => r.year).join() === '2023,2023,2023,2022,2022,2021,2018'"
    )
    assert url_params(page)["view"] == "sources"


def test_the_browser_runs_plotly_s_basic_bundle(page: Page) -> None:
    """components/plotly_js.py: the page's plotly.js is the basic bundle at plotly.py's
    version, and dcc's full bundle is never fetched, on the default tab nor on the others."""
    from plotly.offline import get_plotlyjs_version

    fetched: list[str] = []
    page.on("request", lambda r: fetched.append(r.url) if "plotly" in r.url else None)
    open_tab(page, "over_time")
    page.wait_for_selector("#over-time-graph .js-plotly-plot .scatterlayer .trace")
    assert page.evaluate("() => window.Plotly.version") == get_plotlyjs_version()
    assert [u for u in fetched if "plotly-basic" in u], fetched
    assert not [u for u in fetched if "plotly.min.js" in u], fetched
