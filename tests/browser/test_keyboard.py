"""The page works from the keyboard alone: the views are tabs (arrow keys), every control of the
header and the source bar is reached with Tab and shows the focus, and a dropdown is searched by
typing (typing "WFP" and Enter in the entity dropdown picks WFP)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import Page

from components import ids
from components.page_text import tab_id
from tests.browser.helpers import checked_radio, wait_for_url_param

pytestmark = pytest.mark.browser

DRAWN = ".js-plotly-plot .main-svg >> visible=true"  # the open tab's charts (all stay mounted)


def open_page(new_page: Callable[..., Page], query: str = "source=ceb") -> Page:
    page = new_page()
    page.goto(f"/?{query}")
    page.wait_for_selector(DRAWN, timeout=20_000)
    wait_for_url_param(page, "view", ids.TAB_RANKING)  # the first callbacks have settled
    page.wait_for_timeout(500)
    return page


def focused_control(page: Page) -> str:
    """What has the focus, named so the test can list it: the id of the control or of the
    group (radio buttons) it belongs to."""
    name: str = page.evaluate(
        """() => { const e = document.activeElement;
            const group = e.closest('[id].dash-radioitems, [id].dash-checklist');
            return group ? group.id : (e.id || e.tagName); }"""
    )
    return name


def tab_through(page: Page, presses: int) -> list[str]:
    """The controls the Tab key reaches, in order, from the top of the page."""
    page.locator("body").focus()
    reached = []
    for _ in range(presses):
        page.keyboard.press("Tab")
        reached.append(focused_control(page))
    return reached


def test_tab_reaches_every_control_of_the_header_and_the_tabs(
    new_page: Callable[..., Page],
) -> None:
    page = open_page(new_page)
    reached = tab_through(page, 25)
    for control in (ids.YEAR, ids.DONOR, ids.LANG, ids.SOURCE, ids.ENTITY, ids.TOP_N, ids.SCOPE):
        assert control in reached, f"{control} not reached by Tab: {reached}"
    assert tab_id(ids.TAB_RANKING) in reached  # the chosen tab is the tab list's one stop
    # The order follows the page: the header before the tabs.
    assert reached.index(ids.YEAR) < reached.index(tab_id(ids.TAB_RANKING))


def test_focus_is_visible(new_page: Callable[..., Page]) -> None:
    page = open_page(new_page)
    for selector in (f"#{ids.DONOR}", f"#{tab_id(ids.TAB_RANKING)}", f"#{ids.TOP_N}"):
        page.locator("body").focus()
        page.focus(selector)
        page.keyboard.press("Shift+Tab")
        page.keyboard.press("Tab")  # a keyboard focus, so :focus-visible applies
        outline = page.evaluate(
            "() => { const s = getComputedStyle(document.activeElement);"
            " return [s.outlineStyle, parseFloat(s.outlineWidth)]; }"
        )
        assert outline[0] != "none" and outline[1] >= 2, (selector, outline)


def test_arrow_keys_move_between_the_tabs(new_page: Callable[..., Page]) -> None:
    page = open_page(new_page)
    tab = page.locator(f"#{tab_id(ids.TAB_RANKING)}")
    assert tab.get_attribute("role") == "tab"
    assert tab.get_attribute("aria-selected") == "true"
    tab.focus()
    _wait_selected_and_focused(page, tab_id(ids.TAB_RANKING))  # the tab list is ready for keys
    page.keyboard.press("ArrowRight")
    wait_for_url_param(page, "view", ids.TAB_OVER_TIME)
    _wait_selected_and_focused(page, tab_id(ids.TAB_OVER_TIME))
    page.keyboard.press("ArrowLeft")
    wait_for_url_param(page, "view", ids.TAB_RANKING)
    _wait_selected_and_focused(page, tab_id(ids.TAB_RANKING))


def _wait_selected_and_focused(page: Page, tab: str) -> None:
    """The tab is chosen and holds the focus (the page may redraw around it a moment later)."""
    page.wait_for_function(
        """(id) => { const t = document.getElementById(id);
            return !!t && t.getAttribute('aria-selected') === 'true'
                && document.activeElement === t; }""",
        arg=tab,
    )


def test_radio_buttons_are_operated_with_the_arrow_keys(new_page: Callable[..., Page]) -> None:
    page = open_page(new_page, "source=ceb&lang=nl")
    page.focus(f"#{ids.LANG} input:checked")
    page.keyboard.press("ArrowRight")
    wait_for_url_param(page, "lang", "en")
    assert checked_radio(page, ids.LANG) == "EN"


def test_typing_searches_the_entity_dropdown(new_page: Callable[..., Page]) -> None:
    page = open_page(new_page)
    page.focus(f"#{ids.ENTITY}")
    page.keyboard.type("WFP")
    page.wait_for_timeout(300)
    page.keyboard.press("Enter")
    wait_for_url_param(page, "entity", "WFP")
    assert page.inner_text(f"#{ids.ENTITY}").strip() == "WFP"


def test_typing_searches_the_donor_dropdown(new_page: Callable[..., Page]) -> None:
    page = open_page(new_page, "source=ceb&lang=en")
    page.focus(f"#{ids.DONOR}")
    page.keyboard.type("Germ")
    page.wait_for_timeout(300)
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    wait_for_url_param(page, "donor", "DEU")


def test_a_chart_is_described_by_its_takeaway(new_page: Callable[..., Page]) -> None:
    page = open_page(new_page)
    figure = page.locator(f"[role=figure]:has(#{ids.graph('ranking')})")
    described = figure.get_attribute("aria-describedby") or ""
    assert described
    page.wait_for_function(
        "(id) => (document.getElementById(id) || {}).textContent", arg=described.split()[0]
    )
    text = page.evaluate(
        "(refs) => refs.map(id => document.getElementById(id).textContent).join(' ')",
        described.split(),
    )
    assert "2024" in text  # the takeaway names the year shown
