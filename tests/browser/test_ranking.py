"""The ranking view and the controls around it, driven in a real browser as a user would."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from playwright.sync_api import Locator, Page, Route, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from .helpers import (
    RANKING,
    active_element,
    checked_radio,
    click_radio,
    expect_url_params,
    graph,
    in_viewport,
    radio_label,
    ranking_bars,
    url_params,
    wait_for_ranking_title,
    wait_for_ranking_values,
    wait_for_url_param,
)

pytestmark = pytest.mark.browser

OUTLINE = "#1f2933"  # marker line of the highlighted donor (components/theme.py: highlight_marker)
TABS_NL = [
    "Ranglijst", "Verloop", "Geoormerkt vs. kern", "Begroting", "VN-organisaties",
    "Soorten bijdragers", "Donor in de VN", "Nederland en anderen", "Scorekaart getoetst",
    "Volledige tabel", "Organisatie", "Bronnen en noten",
]  # fmt: skip
TABS_EN = [
    "Ranking", "Over time", "Earmarked vs. core", "Budget", "UN entities", "Contributor types",
    "Donor across the UN", "Netherlands and peers", "Scorecard checked", "Full table",
    "Organisation", "Sources and notes",
]  # fmt: skip


def tab_labels(page: Page) -> list[str]:
    return [text.strip() for text in page.locator("#view [role=tab]").all_inner_texts()]


def test_home_is_dutch_2023_with_ranking_above_the_fold(page: Page) -> None:
    page.goto("/")
    wait_for_ranking_title(page, "Grootste donoren van IOM in 2023")

    bars = ranking_bars(page)
    assert [b.label for b in bars] == [
        "1. Verenigde Staten", "2. Duitsland", "3. Canada", "6. Nederland", "Overige lidstaten",
    ]  # fmt: skip
    assert [b.value for b in bars] == [1365, 279, 214, 62, 703]
    assert bars[0].text == "1.365 · 52,0\u00a0%"
    assert checked_radio(page, "year") == "2023"
    assert checked_radio(page, "lang") == "NL"
    assert page.locator("#donor").text_content() == "Nederland"
    assert tab_labels(page) == TABS_NL
    expect_url_params(page, {
        "lang": "nl", "year": "2023", "donor": "NLD", "view": "ranking", "budget": "absolute",
        "amounts": "absolute",
        "source": "scorecard", "currency": "USD", "prices": "current",
    })  # fmt: skip

    # Key figures and the chart are visible at 1366×768 without scrolling.
    assert page.locator("#kpi-total .kpi-value").inner_text() == "USD\u00a02.623\u00a0mln"
    cards = page.locator("#kpis .kpi")
    assert cards.count() == 4
    for i in range(4):
        assert in_viewport(cards.nth(i).bounding_box(), 1366, 768), f"KPI card {i} below the fold"
    chart = page.locator(f"#{RANKING} .main-svg").first.bounding_box()
    assert chart is not None and chart["y"] < 768
    bars_box = page.locator(f"#{RANKING} .bars").bounding_box()
    assert in_viewport(bars_box, 1366, 768), "the bars need scrolling at 1366×768"


def test_clicking_year_2021_redraws_ranking_and_url(page: Page) -> None:
    page.goto("/")
    wait_for_ranking_title(page, "2023")

    click_radio(page, "year", "2021")
    wait_for_ranking_title(page, "Grootste donoren van IOM in 2021")
    wait_for_ranking_values(page, [668, 235, 80, 67, 552])
    assert [b.label for b in ranking_bars(page)][2] == "3. Verenigd Koninkrijk"
    wait_for_url_param(page, "year", "2021")
    assert checked_radio(page, "year") == "2021"
    assert page.locator("#kpi-total .kpi-label").inner_text().endswith("2021")


def test_switching_to_english_translates_chart_numbers_and_tabs(page: Page) -> None:
    page.goto("/?year=2021")
    wait_for_ranking_title(page, "Grootste donoren van IOM in 2021")

    click_radio(page, "lang", "EN")
    wait_for_ranking_title(page, "Largest donors to IOM in 2021")
    bars = ranking_bars(page)
    assert bars[0].label == "1. United States"
    assert bars[0].text == "668 · 41.7%"
    assert bars[-1].label == "Other member states"
    # the chart is painted in the browser at the click; the page's words follow from Dash
    expect(page.locator("#view [role=tab]")).to_have_text(TABS_EN)
    expect(page.locator("#donor")).to_have_text("Netherlands")
    wait_for_url_param(page, "lang", "en")
    assert url_params(page)["year"] == "2021"


def test_copied_link_reopens_the_same_view(page: Page) -> None:
    page.goto("/?lang=en&year=2022&donor=DEU")
    wait_for_ranking_title(page, "Largest donors to IOM in 2022")
    wait_for_ranking_values(page, [929, 272, 132, 60, 632])

    assert checked_radio(page, "year") == "2022"
    assert checked_radio(page, "lang") == "EN"
    assert page.locator("#donor").text_content() == "Germany"
    figure = graph(page, RANKING)
    ticks = figure["layout"]["yaxis"]["ticktext"]
    assert [t for t in ticks if t.startswith("<b>")] == ["<b>2. Germany</b>"]
    trace = figure["data"][0]
    outlined = [y for y, c in zip(trace["y"], trace["marker"]["line"]["color"], strict=True) if c == OUTLINE]  # fmt: skip
    assert outlined == ["2. Germany"]
    expect_url_params(page, {
        "lang": "en", "year": "2022", "donor": "DEU", "view": "ranking", "budget": "absolute",
        "amounts": "absolute",
        "source": "scorecard", "currency": "USD", "prices": "current",
    })  # fmt: skip


def test_donor_dropdown_by_keyboard_updates_highlight_and_link(
    page: Page, new_page: Callable[..., Page]
) -> None:
    page.goto("/")
    wait_for_ranking_title(page, "2023")
    # The dropdown is drawn once its code has loaded (Dash loads it on demand), which can be
    # after the server-drawn chart shows: a Tab before that has no dropdown to reach.
    page.wait_for_selector("button#donor", state="visible")

    for _ in range(5):  # keyboard only: Tab from the top of the page to the dropdown
        page.keyboard.press("Tab")
        if active_element(page)["id"] == "donor":
            break
    assert active_element(page)["id"] == "donor", "Tab never reached the donor dropdown"
    # A letter typed on the closed dropdown opens it with that letter in its search box, and
    # focus moves to the box in requestAnimationFrame. A key sent before that lands nowhere on a
    # loaded machine, so send one key at a time and wait until the box shows it (or resend it).
    search = ".dash-dropdown-content[data-state=open] input.dash-dropdown-search"
    typed = ""
    for key in "Can":
        typed += key
        for _attempt in range(3):
            page.keyboard.press(key)
            try:
                page.wait_for_function(
                    """([sel, v]) => { const box = document.querySelector(sel);
                        return box !== null && document.activeElement === box && box.value === v; }""",
                    arg=[search, typed],
                    timeout=2000,
                )
                break
            except PlaywrightTimeoutError:
                box = page.locator(search)
                shown = box.input_value() if box.count() else ""
                if shown == typed:  # arrived late, not lost
                    break
                assert shown == typed[:-1], f"the dropdown search shows {shown!r}, typed {typed!r}"
        else:
            raise AssertionError(f"the dropdown search never showed {typed!r}")
    # The option list filters as the keys arrive: wait until it has settled on Canada alone.
    page.wait_for_function(
        """() => {
            const texts = Array.from(document.querySelectorAll('.dash-dropdown-content [role=option]'))
                .map(o => o.textContent.trim());
            return texts.length === 1 && texts[0] === 'Canada';
        }"""
    )
    page.keyboard.press("Enter")

    wait_for_url_param(page, "donor", "CAN")
    page.wait_for_function(
        """(id) => document.querySelector('#' + id + ' .js-plotly-plot')
              .layout.yaxis.ticktext.includes('<b>3. Canada</b>')""",
        arg=RANKING,
    )
    assert page.locator("#donor").text_content() == "Canada"

    copied = page.evaluate("location.href")
    other = new_page()
    other.goto(copied)
    wait_for_ranking_title(other, "2023")
    assert "<b>3. Canada</b>" in graph(other, RANKING)["layout"]["yaxis"]["ticktext"]
    assert other.locator("#donor").text_content() == "Canada"


def test_year_radios_work_with_tab_and_arrow_keys(page: Page) -> None:
    page.goto("/")
    wait_for_ranking_title(page, "2023")

    page.keyboard.press("Tab")
    focused = active_element(page)
    assert (focused["name"], focused["value"]) == ("year", "2023")
    outline = radio_label(page, "year", "2023").evaluate("e => getComputedStyle(e).outlineStyle")
    assert outline == "solid", "no visible focus ring on the focused year"

    page.keyboard.press("ArrowLeft")
    wait_for_ranking_title(page, "2022")
    wait_for_ranking_values(page, [929, 272, 132, 60, 632])
    page.keyboard.press("ArrowLeft")
    wait_for_ranking_title(page, "2021")
    wait_for_ranking_values(page, [668, 235, 80, 67, 552])
    assert checked_radio(page, "year") == "2021"
    wait_for_url_param(page, "year", "2021")


def test_invalid_url_params_fall_back_to_defaults(page: Page, browser_errors: list[str]) -> None:
    page.goto("/?year=1999&lang=xx&donor=ZZZ&view=nope&budget=weird")
    wait_for_ranking_title(page, "Grootste donoren van IOM in 2023")
    wait_for_ranking_values(page, [1365, 279, 214, 62, 703])

    assert checked_radio(page, "year") == "2023"
    assert checked_radio(page, "lang") == "NL"
    assert page.locator("#donor").text_content() == "Nederland"
    expect_url_params(page, {
        "lang": "nl", "year": "2023", "donor": "NLD", "view": "ranking", "budget": "absolute",
        "amounts": "absolute",
        "source": "scorecard", "currency": "USD", "prices": "current",
    })  # fmt: skip
    assert browser_errors == []


def test_narrow_window_has_no_horizontal_scroll(new_page: Callable[..., Page]) -> None:
    page = new_page(width=800, height=900)
    page.goto("/")
    wait_for_ranking_title(page, "2023")

    assert page.evaluate("document.scrollingElement.scrollWidth") <= 800
    svg = page.locator(f"#{RANKING} .main-svg").first.bounding_box()
    assert svg is not None and svg["x"] >= 0 and svg["x"] + svg["width"] <= 800
    # The amount labels sit outside the bars (cliponaxis off): they must stay inside the chart.
    labels = page.locator(f"#{RANKING} .bars .bartext")
    assert labels.count() == 5
    for i in range(labels.count()):
        box = labels.nth(i).bounding_box()
        assert box is not None and box["x"] + box["width"] <= svg["x"] + svg["width"]


def test_page_language_attribute_follows_the_language(page: Page) -> None:
    page.goto("/?lang=en")
    wait_for_ranking_title(page, "Largest donors")
    assert page.evaluate("document.documentElement.lang") == "en"
    click_radio(page, "lang", "NL")
    wait_for_ranking_title(page, "Grootste donoren")
    # the chart is painted in the browser at the click; the page's words follow from Dash
    page.wait_for_function("() => document.documentElement.lang === 'nl'")


def test_address_bar_matches_the_python_encoding_of_the_state(page: Page) -> None:
    """assets/url_state.js and components/view_state.to_search must write the same URL."""
    from components.view_state import ViewState, to_search

    page.goto("/?lang=en&year=2022&donor=DEU&view=budget&budget=index")
    wait_for_url_param(page, "budget", "index")
    expected = to_search(ViewState("en", 2022, "DEU", "budget", "index"))
    page.wait_for_function("s => window.location.search === s", arg=expected)


def _bar_style(page: Page) -> dict[str, Any]:
    """The ranking's highlight as drawn: bar colours, opacities, outlines and tick labels."""
    drawn = graph(page, RANKING)
    bars, yaxis = drawn["data"][0], drawn["layout"]["yaxis"]
    marker = bars["marker"]
    return {
        "color": marker["color"],
        "opacity": marker["opacity"],
        "outline": marker["line"]["color"],
        "ticktext": yaxis.get("ticktext"),
        "y": bars["y"],
    }


def _refuse_callbacks(page: Page) -> list[str]:
    """From here on every callback answers "no update" (HTTP 204): what changes on the page is
    drawn in the browser. Returns the callback requests refused."""
    refused: list[str] = []

    def refuse(route: Route) -> None:
        refused.append(route.request.url)
        route.fulfill(status=204)

    page.route(lambda url: "/_dash-update-component" in url, refuse)
    return refused


def _wait_for_every_year(page: Page) -> None:
    """Until the ranking's figures of every year (and their other language and donor
    colours) are in the page."""
    page.wait_for_function(
        """(id) => { const s = window.dash_component_api.getLayout(id);
                     return s && s.props.data && s.props.data.donors && s.props.data.by_lang; }""",
        arg="ranking-figures",
    )


def _english_ceb_with_every_year(page: Page) -> None:
    page.goto("/?source=ceb&lang=en")
    wait_for_ranking_title(page, "2024")
    page.wait_for_selector("button#donor", state="visible")
    _wait_for_every_year(page)


def _donor_option(page: Page, name: str, key: str) -> Locator:
    """The donor dropdown opened and searched for ``name``: the option of ``key``."""
    page.locator("#donor").click()
    page.locator(".dash-dropdown-content .dash-dropdown-search").fill(name)
    return page.locator(f'.dash-dropdown-content [role=option]:has(input[value="{key}"])')


def test_a_language_click_repaints_the_chart_without_the_server(
    page: Page, new_page: Callable[..., Page]
) -> None:
    """The chart of the year shown switches language at the click (assets/year_paint.js), as
    the server draws it in that language, with every callback request refused."""
    page.goto("/?source=ceb&year=2021")
    wait_for_ranking_title(page, "2021")
    _wait_for_every_year(page)
    refused = _refuse_callbacks(page)
    click_radio(page, "lang", "EN")
    wait_for_ranking_title(page, "Largest government donors to IOM in 2021")
    painted = graph(page, RANKING)
    assert refused  # the server was asked, and said nothing

    served = new_page()
    served.goto("/?source=ceb&year=2021&lang=en")
    wait_for_ranking_title(served, "2021")
    assert graph(served, RANKING) == painted


# Each Plotly.react on the ranking after this is recorded with the year Dash's store held then.
_WATCH_REACTS = """(id) => {
    window.__reacts = [];
    const react = window.Plotly.react;
    window.Plotly.react = function (gd) {
        if (gd.closest('#' + id)) {
            window.__reacts.push(String(window.dash_component_api.getLayout('year').props.value));
        }
        return react.apply(this, arguments);
    };
}"""


def test_a_year_click_is_painted_before_dash_takes_it(page: Page) -> None:
    """The year's chart is drawn in the click's capture, before Dash's own handler updates its
    store (assets/year_paint.js): the first redraw of the ranking happens while the store still
    holds the year before. A click on the year already chosen draws nothing."""
    page.goto("/?source=ceb&year=2021&lang=en")
    wait_for_ranking_title(page, "2021")
    _wait_for_every_year(page)
    page.evaluate(_WATCH_REACTS, RANKING)
    click_radio(page, "year", "2021")  # already chosen
    page.wait_for_timeout(300)
    assert page.evaluate("() => window.__reacts") == []
    click_radio(page, "year", "2019")
    wait_for_ranking_title(page, "Largest government donors to IOM in 2019")
    reacts = page.evaluate("() => window.__reacts")
    assert reacts and reacts[0] == "2021", reacts


def test_a_donor_picked_among_the_bars_repaints_without_the_server(
    page: Page, new_page: Callable[..., Page]
) -> None:
    """A donor among the bars is highlighted in the browser at the click (assets/year_paint.js),
    exactly as the server draws that donor: with every callback request refused, the chart
    still shows the pick, and a fresh page of the pick's link draws the same bars."""
    _english_ceb_with_every_year(page)
    bars = graph(page, RANKING)["data"][0]
    label, key = bars["y"][2], bars["customdata"][2]  # the third bar from the bottom: a donor
    name = label.split(". ", 1)[1]
    assert key != "NLD"
    refused = _refuse_callbacks(page)
    _donor_option(page, name, key).click()
    page.wait_for_function(
        """([id, label]) => (document.querySelector('#' + id + ' .js-plotly-plot').layout.yaxis
              .ticktext || []).includes('<b>' + label + '</b>')""",
        arg=[RANKING, label],
    )
    painted = _bar_style(page)
    assert refused  # the server was asked, and said nothing
    assert painted["opacity"].count(1) == 1

    served = new_page()
    served.goto(f"/?source=ceb&lang=en&donor={key}")
    wait_for_ranking_title(served, "2024")
    assert _bar_style(served) == painted


_COUNT_REACTS = """(id) => {
    window.__drawn = 0;
    const react = window.Plotly.react;
    window.Plotly.react = function (gd) {
        if (gd.closest('#' + id)) window.__drawn += 1;
        return react.apply(this, arguments);
    };
}"""


def test_a_donor_pick_draws_the_ranking_once(page: Page) -> None:
    """The option is a label around its input: the click on its text and the click the label
    passes to the input both reach the page; the chart is painted for the first only (each
    draw costs 20-30 ms before the frame). The server is refused, so Dash draws nothing."""
    _english_ceb_with_every_year(page)
    bars = graph(page, RANKING)["data"][0]
    label, key = bars["y"][4], bars["customdata"][4]
    _refuse_callbacks(page)
    option = _donor_option(page, label.split(". ", 1)[1], key)
    page.evaluate(_COUNT_REACTS, RANKING)
    option.click()
    page.wait_for_function(
        """([id, label]) => (document.querySelector('#' + id + ' .js-plotly-plot').layout.yaxis
              .ticktext || []).includes('<b>' + label + '</b>')""",
        arg=[RANKING, label],
    )
    page.wait_for_timeout(300)
    assert page.evaluate("() => window.__drawn") == 1


_FRAME = """(id) => { const gd = document.querySelector('#' + id + ' .js-plotly-plot');
    const size = gd._fullLayout._size;
    return {drawn: [size.l, size.b, size.t], asked: [gd.layout.margin.l, gd.layout.margin.b,
            gd.layout.margin.t]}; }"""


def test_language_and_year_clicks_keep_the_ranking_in_one_frame(page: Page) -> None:
    """Every year and language of the ranking comes with one margin that fits all their labels
    (components/charts/ranking.py Room): plotly draws each swap in one layout, and never
    widens the margin for a label (it would lay the chart out twice)."""
    page.goto("/?source=ceb&year=2014")
    wait_for_ranking_title(page, "2014")
    _wait_for_every_year(page)
    first = page.evaluate(_FRAME, RANKING)
    assert first["drawn"] == first["asked"], first
    click_radio(page, "lang", "EN")
    wait_for_ranking_title(page, "Largest government donors to IOM in 2014")
    assert page.evaluate(_FRAME, RANKING) == first
    click_radio(page, "year", "2013")  # a footer a line shorter than 2014's, a bar more
    wait_for_ranking_title(page, "Largest government donors to IOM in 2013")
    assert page.evaluate(_FRAME, RANKING) == first


def test_a_donor_language_and_year_painted_in_turn_keep_each_other(
    page: Page, new_page: Callable[..., Page]
) -> None:
    """Clicks painted in the browser before the server answers build on each other: a donor
    pick, then a language click, then a year click show that donor, in that language, in that
    year, as the server draws the same view (every callback refused meanwhile)."""
    _english_ceb_with_every_year(page)
    bars = graph(page, RANKING)["data"][0]
    label, key = bars["y"][3], bars["customdata"][3]
    assert key != "NLD"
    _refuse_callbacks(page)
    _donor_option(page, label.split(". ", 1)[1], key).click()
    click_radio(page, "lang", "NL")
    wait_for_ranking_title(page, "Grootste overheidsdonoren van IOM in 2024")
    click_radio(page, "year", "2022")
    wait_for_ranking_title(page, "Grootste overheidsdonoren van IOM in 2022")
    painted = graph(page, RANKING)

    served = new_page()
    served.goto(f"/?source=ceb&lang=nl&year=2022&donor={key}")
    wait_for_ranking_title(served, "Grootste overheidsdonoren van IOM in 2022")
    assert graph(served, RANKING) == painted
    assert painted["data"][0]["marker"]["opacity"].count(1) == 1


# Each Plotly.react on the ranking is recorded with how many bars Dash's graph prop held then.
_WATCH_PROP = """(id) => {
    window.__props = [];
    const react = window.Plotly.react;
    window.Plotly.react = function (gd, data) {
        if (gd.closest('#' + id)) {  // dcc.Graph passes one figure object, the others data
            const drawn = Array.isArray(data) ? data : data.data;
            const figure = window.dash_component_api.getLayout(id).props.figure;
            window.__props.push([figure.data[0].y.length, drawn[0].y.length]);
        }
        return react.apply(this, arguments);
    };
}"""


def test_a_donor_beyond_the_bars_is_drawn_as_its_answer_arrives(page: Page) -> None:
    """What only the server can draw (here a donor beyond the top N, given a bar of its own) is
    drawn when its answer arrives (assets/fresh_answers.js), before Dash has applied it: the
    first redraw shows the new bar while Dash's graph still holds the old ones, and Dash's own
    draw that follows is the same."""
    page.goto("/?source=ceb&lang=en&top=10")
    wait_for_ranking_title(page, "2024")
    _wait_for_every_year(page)
    drawn = graph(page, RANKING)["data"][0]
    before = len(drawn["y"])
    options = page.evaluate("() => window.dash_component_api.getLayout('donor').props.options")
    key, name = next((o["value"], o["label"]) for o in options if o["value"] not in drawn["customdata"])  # fmt: skip
    page.evaluate(_WATCH_PROP, RANKING)
    _donor_option(page, name, key).click()
    page.wait_for_function(
        "([id, n]) => document.querySelector('#' + id + ' .js-plotly-plot').data[0].y.length > n",
        arg=[RANKING, before],
    )
    page.wait_for_timeout(500)
    draws = page.evaluate("() => window.__props")
    assert draws[0][0] == before < draws[0][1], draws
    assert all(drawn == draws[0][1] for _, drawn in draws), draws
