"""The other tabs: over time, budget and the sources grid."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Page, expect

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

    # a closed tab is unmounted: after a look at a chart the grid comes back as it was left
    page.click("#tab-ranking")
    page.wait_for_selector("#sources-grid", state="detached")
    page.click("#tab-sources")
    page.wait_for_function(
        f"() => ({_GRID_ROWS})().map(r => r.year).join() === '2023,2023,2023,2022,2022,2021,2018'"
    )
    donor_filter = '#sources-grid .ag-floating-filter[col-id="donor"] input'
    assert page.input_value(donor_filter) == "Nederland"


def test_a_closed_tab_opens_with_what_changed_while_it_was_closed(page: Page) -> None:
    """Only the open tab is mounted (components/layout.py _tabs): the language, year and source
    changed on another tab are in a tab's chart, takeaway and export title when it opens."""
    page.goto("/")
    page.wait_for_selector("#ranking-graph .js-plotly-plot .bars")
    page.wait_for_selector("#earmarking-graph", state="detached")
    click_radio(page, "lang", "EN")
    click_radio(page, "source", "CEB 2013–2024")
    wait_for_url_param(page, "source", "ceb")
    click_radio(page, "year", "2019")
    wait_for_url_param(page, "year", "2019")
    page.click("#tab-earmarking")
    wait_for_url_param(page, "view", "earmarking")
    page.wait_for_selector("#earmarking-graph .js-plotly-plot .bars")
    page.wait_for_function(
        """() => [...document.querySelectorAll('#view-panel .gtitle')]
              .some(t => t.textContent === 'Core share per donor, IOM 2019')"""
    )
    takeaway = page.locator("""[id='{"chart":"earmarking","takeaway":"takeaway"}']""")
    expect(takeaway).to_contain_text("In 2019, ")
    expect(takeaway).to_contain_text("voluntary contributions to IOM")
    assert page.locator("html").get_attribute("lang") == "en"


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


_FIRST_BARS = """window.__bars = NaN; new MutationObserver(() => {
    if (Number.isNaN(window.__bars) && document.querySelector('.js-plotly-plot .main-svg .trace'))
        window.__bars = performance.now(); }).observe(document, {childList: true, subtree: true});"""


def test_the_first_load_asks_the_server_after_its_chart_is_painted(page: Page) -> None:
    """assets/first_paint.js: the page comes drawn; the callbacks of its first load (figures of
    every year, the other tabs' words, the session) are sent once the chart is painted, so their
    answers do not hold the first chart back. They are all still sent and answered."""
    page.add_init_script(_FIRST_BARS)
    page.add_init_script(
        """window.__sent = []; const send = window.fetch; window.fetch = function (u, o) {
            if (String(u.url || u).includes('_dash-update-component'))
                window.__sent.push(performance.now());
            return send.apply(this, arguments); };"""
    )
    page.goto("/?source=ceb")
    page.wait_for_function("() => !Number.isNaN(window.__bars)")
    # the figures of every year arrive (the year click paints from them)
    page.wait_for_function(
        """() => { try { const f = window.dash_component_api.getLayout('ranking-figures');
              return Object.keys(f.props.data.by_year).length > 1; } catch (e) { return false; } }"""
    )
    bars, sent = page.evaluate("() => [window.__bars, window.__sent]")
    assert sent, "the first load sent no callback"
    assert min(sent) >= bars, (bars, sent)


def test_a_first_load_on_a_tab_without_a_chart_is_not_held(page: Page) -> None:
    """The sources tab draws no chart: its grid, filled by a callback, still comes."""
    page.goto("/?view=sources")
    page.wait_for_selector("#sources-grid .ag-center-cols-container .ag-row", state="attached")
    page.wait_for_function(
        "() => document.querySelector('#contradictions')?.innerText.includes('Nederland in 2023')"
    )


def test_a_late_answer_never_overwrites_a_fresher_one(page: Page) -> None:
    """assets/fresh_answers.js: two quick year clicks whose answers arrive out of order (the
    first one held back here until the second is shown) leave the second year's words."""
    held: list[Any] = []
    holding = {"on": False}

    def hold_words(route: Any) -> None:
        if holding["on"] and "export-title" in (route.request.post_data or ""):
            holding["on"] = False
            held.append((route, route.fetch()))
            return
        route.continue_()

    page.route("**/_dash-update-component*", hold_words)
    page.goto("/?lang=en&source=ceb&year=2020")
    takeaway = page.locator("""[id='{"chart":"ranking","takeaway":"takeaway"}']""")
    expect(takeaway).to_contain_text("IOM in 2020:")
    page.wait_for_timeout(1500)  # the first load's answers are in
    holding["on"] = True
    click_radio(page, "year", "2019")
    page.wait_for_timeout(300)
    assert held, "the 2019 words were not asked for"
    click_radio(page, "year", "2018")
    expect(takeaway).to_contain_text("IOM in 2018:")
    route, response = held[0]
    route.fulfill(response=response)  # the 2019 answer, arriving last
    page.wait_for_timeout(1000)
    expect(takeaway).to_contain_text("IOM in 2018:")
