"""A top N entered or a source clicked is drawn from the figure asked for in the input event
(assets/early_paint.js, callbacks/early_paint.py), before Dash's own requests are even answered;
Dash then takes the value and the page settles on the same view."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from playwright.sync_api import Page, Route, expect

from .helpers import (
    RANKING,
    checked_radio,
    expect_url_params,
    graph,
    radio_label,
    wait_for_ranking_title,
)

pytestmark = pytest.mark.browser

EARLY = "/_iom-early-figure"  # callbacks/early_paint.py ROUTE
BAR_COUNT = "(id) => document.querySelector('#' + id + ' .js-plotly-plot').data[0].y.length"


class Held:
    """Requests whose URL has ``part`` wait, unanswered, until ``release``."""

    def __init__(self, page: Page, part: str) -> None:
        self.routes: list[Route] = []
        self.page = page
        self.matches: Callable[[str], bool] = lambda url: part in url
        page.route(lambda url: self.matches(url), self._hold)

    def _hold(self, route: Route) -> None:
        if self.matches(route.request.url):
            self.routes.append(route)
        else:
            route.continue_()

    def wait(self) -> None:
        """Until a request is held (Dash is handed a value after the chart is drawn)."""
        for _ in range(200):
            if self.routes:
                return
            self.page.wait_for_timeout(25)
        raise AssertionError(f"no request held in 5 s ({self.matches})")

    def release(self) -> None:
        """Let the held requests go on (in the order they were sent), and the next ones."""
        self.matches = lambda url: False
        while self.routes:
            self.routes.pop(0).continue_()


def settled_graph(page: Page, expected: dict[str, Any], seconds: float = 5.0) -> dict[str, Any]:
    """The ranking as drawn once it equals ``expected``, or as drawn after ``seconds``: the
    page settles through several answers (the source's, then the entity's)."""
    drawn = graph(page, RANKING)
    for _ in range(int(seconds / 0.1)):
        if drawn == expected:
            break
        page.wait_for_timeout(100)
        drawn = graph(page, RANKING)
    return drawn


def differences(drawn: dict[str, Any], expected: dict[str, Any]) -> list[str]:
    """Where two figures differ: each trace's and the layout's differing keys, values shortened."""
    out = [f"traces {len(drawn['data'])} != {len(expected['data'])}"] if len(drawn["data"]) != len(expected["data"]) else []  # fmt: skip
    pairs = [*zip(drawn["data"], expected["data"], strict=False), (drawn["layout"], expected["layout"])]  # fmt: skip
    for i, (a, b) in enumerate(pairs):
        for key in sorted(set(a) | set(b)):
            if a.get(key) != b.get(key):
                out.append(f"{i}.{key}: {str(a.get(key))[:160]} != {str(b.get(key))[:160]}")
    return out


def _every_year_drawn(page: Page) -> None:
    page.wait_for_function(
        "(id) => { const s = window.dash_component_api.getLayout(id);"
        " return s && s.props.data && s.props.data.by_lang; }",
        arg="ranking-figures",
    )


def test_an_entered_top_n_is_drawn_before_any_callback_answers(page: Page) -> None:
    page.goto("/?source=ceb&lang=en&top=10")
    wait_for_ranking_title(page, "2024")
    _every_year_drawn(page)
    assert page.evaluate(BAR_COUNT, RANKING) == 11
    held = Held(page, "/_dash-update-component")
    box = page.locator("#top-n")
    box.fill("15")
    box.press("Enter")
    page.wait_for_function(f"(id) => ({BAR_COUNT})(id) === 16", arg=RANKING)
    held.wait()  # Dash has been handed the value and asks the server: nothing answered yet
    assert page.evaluate(BAR_COUNT, RANKING) == 16
    held.release()
    # Dash settles on the same view: its value, the address, the same bars
    page.wait_for_function("() => window.dash_component_api.getLayout('top-n').props.value === 15")
    wait_for_url = "() => new URL(location.href).searchParams.get('top') === '15'"
    page.wait_for_function(wait_for_url)
    page.wait_for_timeout(500)
    assert page.evaluate(BAR_COUNT, RANKING) == 16
    assert box.input_value() == "15"


def test_a_source_click_is_drawn_before_the_entity_is_answered(
    page: Page, new_page: Callable[..., Page]
) -> None:
    page.goto("/?lang=en&year=2023")
    wait_for_ranking_title(page, "Largest donors to IOM in 2023")
    held = Held(page, "/_dash-update-component")
    radio_label(page, "source", "CEB 2013–2024").click()
    wait_for_ranking_title(page, "Largest government donors to IOM in 2023")
    held.wait()
    # the option shows as chosen once Dash has the value (after the chart is drawn)
    page.wait_for_function("() => document.querySelector('#source input:checked')?.value === 'ceb'")
    held.release()
    expect_url_params(page, {"source": "ceb", "year": "2023", "lang": "en"}, exact=False)
    served = new_page()
    served.goto("/?source=ceb&lang=en&year=2023")
    wait_for_ranking_title(served, "Largest government donors to IOM in 2023")
    expected = graph(served, RANKING)
    painted = settled_graph(page, expected)
    assert painted == expected, differences(painted, expected)
    assert checked_radio(page, "source") == "CEB 2013–2024"


def test_an_early_answer_that_comes_after_another_click_is_not_drawn(page: Page) -> None:
    """The early figure of top 15 in 2024 arrives after Dash drew top 15 and the analyst
    clicked 2023: the chart stays on 2023."""
    page.goto("/?source=ceb&lang=en&top=10")
    wait_for_ranking_title(page, "2024")
    _every_year_drawn(page)
    held = Held(page, EARLY)
    box = page.locator("#top-n")
    box.fill("15")
    box.press("Enter")  # Dash takes it after HAND_OVER_MS, with the early answer held
    page.wait_for_function(f"(id) => ({BAR_COUNT})(id) === 16", arg=RANKING)
    _every_year_drawn(page)
    page.wait_for_function(
        "() => window.dash_component_api.getLayout('ranking-figures').props.data"
        ".by_year['2023'].data[0].y.length === 16"
    )
    radio_label(page, "year", "2023").click()
    wait_for_ranking_title(page, "Largest government donors to IOM in 2023")
    assert held.routes
    held.release()
    page.wait_for_timeout(700)
    title = page.locator(f"#{RANKING} .gtitle").text_content() or ""
    assert "2023" in title and page.evaluate(BAR_COUNT, RANKING) == 16


def test_without_the_early_route_dash_draws_the_change(
    page: Page, browser_errors: list[str]
) -> None:
    page.goto("/?source=ceb&lang=en&top=10")
    wait_for_ranking_title(page, "2024")
    page.route(lambda url: EARLY in url, lambda route: route.fulfill(status=500, body="down"))
    box = page.locator("#top-n")
    box.fill("12")
    box.press("Enter")
    page.wait_for_function(f"(id) => ({BAR_COUNT})(id) === 13", arg=RANKING)
    radio_label(page, "source", "Scorecard 2024").click()
    wait_for_ranking_title(page, "Largest donors to IOM in 2023")
    assert checked_radio(page, "source") == "Scorecard 2024"
    # the route's failures, and nothing else, were seen
    assert browser_errors and all(EARLY in error for error in browser_errors), browser_errors
    browser_errors.clear()


def test_a_top_n_the_charts_cannot_use_is_said_after_an_entered_one(page: Page) -> None:
    """0, -3 or 2.5 typed after a top N the early paint handed over are passed on to Dash and
    said under the box (assets/top_n.js); the charts show the default and the address drops it.
    Without the hand-over's n_submit, dcc.Input's stale key handler dropped every second one."""
    page.goto("/?source=ceb&lang=en&top=10")
    wait_for_ranking_title(page, "2024")
    box, note = page.locator("#top-n"), page.locator("#top-n-note")
    expect(note).to_be_hidden()
    for entered in ("12", "-3", "12", "0", "12", "2.5"):
        box.fill(entered)
        box.press("Enter")
        if entered == "12":
            page.wait_for_function(f"(id) => ({BAR_COUNT})(id) === 13", arg=RANKING)
            expect(note).to_be_hidden()
            expect_url_params(page, {"top": "12"}, exact=False)
        else:
            expect(note).to_be_visible()
            expect(note).to_have_text(
                "Enter a whole number from 1 to 100; the charts now show the top 10."
            )
            page.wait_for_function(f"(id) => ({BAR_COUNT})(id) === 11", arg=RANKING)
            page.wait_for_function("() => !new URL(location.href).searchParams.has('top')")


_DASH_YEAR_AT_FRAME = """() => {
    window.__atFrame = [];
    window.addEventListener('click', () => requestAnimationFrame(() => {
        const gd = document.querySelector('#ranking-graph .js-plotly-plot');
        window.__atFrame.push([window.dash_component_api.getLayout('year').props.value,
                               gd.layout.title.text]);
    }), {capture: true, once: true});
}"""


def test_a_year_click_is_drawn_before_dash_takes_the_year(page: Page) -> None:
    """The frame after the click shows the new year's chart while Dash still holds the old
    year: its handling comes after that frame (assets/year_paint.js hands the value over)."""
    page.goto("/?source=ceb&lang=en&year=2024")
    wait_for_ranking_title(page, "2024")
    _every_year_drawn(page)
    page.evaluate(_DASH_YEAR_AT_FRAME)
    radio_label(page, "year", "2021").click()
    page.wait_for_function("() => window.__atFrame.length === 1")
    dash_year, title = page.evaluate("() => window.__atFrame[0]")
    assert dash_year == 2024 and "2021" in title, (dash_year, title)
    page.wait_for_function("() => window.dash_component_api.getLayout('year').props.value === 2021")
    page.wait_for_function("() => document.querySelector('#year input:checked')?.value === '2021'")
    expect_url_params(page, {"year": "2021"}, exact=False)


_REACTS_BY_SCRIPT = """() => {
    window.__reacts = [];
    const react = window.Plotly.react;
    window.Plotly.react = function (gd) {
        if (gd.closest('#ranking-graph')) {
            const stack = new Error().stack || '';
            const script = ['early_paint', 'fresh_answers', 'year_paint'].find(
                (name) => stack.includes('/assets/' + name + '.js'));
            window.__reacts.push(script || 'dash');
        }
        return react.apply(this, arguments);
    };
}"""


def test_the_answer_bringing_the_figure_drawn_early_is_not_drawn_again(page: Page) -> None:
    page.goto("/?source=ceb&lang=en&top=10")
    wait_for_ranking_title(page, "2024")
    _every_year_drawn(page)
    page.evaluate(_REACTS_BY_SCRIPT)
    box = page.locator("#top-n")
    box.fill("14")
    box.press("Enter")
    page.wait_for_function(f"(id) => ({BAR_COUNT})(id) === 15", arg=RANKING)
    page.wait_for_function(
        "() => window.dash_component_api.getLayout('ranking-figures').props.data"
        ".by_year['2024'].data[0].y.length === 15"
    )
    page.wait_for_timeout(500)
    reacts = page.evaluate("() => window.__reacts")
    # drawn early, then by Dash's own answer (its graph prop); the same figure is drawn no more
    assert reacts == ["early_paint", "dash"], reacts
