"""The browser's back and forward buttons step through the views an analyst picked: every
choice is a history entry (assets/url_state.js pushes it), and a step back restores the view
(year, tab, donor) from the address."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from .helpers import checked_radio, click_radio, wait_for_ranking_title, wait_for_url_param

pytestmark = pytest.mark.browser


def open_tab(page: Page, label: str) -> None:
    """Click a tab by its label, whichever component draws the tabs."""
    page.get_by_role("tab", name=label, exact=True).click()


def selected_tab(page: Page) -> str:
    """The label of the tab shown."""
    text: str = page.evaluate(
        """() => {
            const tab = document.querySelector('[role=tab][aria-selected=true]');
            return tab ? tab.textContent.trim() : '';
        }"""
    )
    return text


def test_back_and_forward_step_through_the_views(page: Page) -> None:
    page.goto("/?lang=en")
    wait_for_ranking_title(page, "Largest donors to IOM in 2023")
    start = page.evaluate("history.length")

    click_radio(page, "year", "2022")
    wait_for_ranking_title(page, "IOM in 2022")
    wait_for_url_param(page, "year", "2022")
    page.wait_for_timeout(800)  # past the moment in which follow-up changes join a click
    open_tab(page, "Over time")
    wait_for_url_param(page, "view", "over_time")
    assert page.evaluate("history.length") == start + 2  # two views picked, two entries

    page.go_back()
    wait_for_url_param(page, "view", "ranking")
    page.wait_for_function("() => document.querySelector('[role=tab][aria-selected=true]')")
    page.wait_for_function(
        "() => document.querySelector('[role=tab][aria-selected=true]')"
        "?.textContent.trim() === 'Ranking'"
    )
    assert selected_tab(page) == "Ranking"
    wait_for_ranking_title(page, "IOM in 2022")
    assert checked_radio(page, "year") == "2022"

    page.go_back()
    wait_for_url_param(page, "year", "2023")
    wait_for_ranking_title(page, "Largest donors to IOM in 2023")
    page.wait_for_function(
        "() => document.querySelector('#year input:checked')?.closest('label')"
        ".innerText.trim() === '2023'"
    )

    page.go_forward()
    wait_for_url_param(page, "year", "2022")
    wait_for_ranking_title(page, "IOM in 2022")
    assert checked_radio(page, "year") == "2022"


def test_back_restores_the_highlighted_donor(page: Page) -> None:
    page.goto("/?lang=en&donor=NLD")
    wait_for_ranking_title(page, "Largest donors to IOM in 2023")
    page.click("#donor")
    page.get_by_role("option", name="Germany", exact=True).click()
    wait_for_url_param(page, "donor", "DEU")
    page.go_back()
    wait_for_url_param(page, "donor", "NLD")
    page.wait_for_function(
        "() => document.querySelector('#donor')?.innerText.trim().startsWith('Netherlands')"
    )
