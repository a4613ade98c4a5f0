"""One state, everywhere: switching source, entity or year changes every chart, card and link
together, as an analyst walks through them (the paths the issue found broken)."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.real_files import CEB_CUT

from .helpers import (
    click_radio,
    expect_url_params,
    graph,
    ranking_bars,
    url_params,
    wait_for_graph_title,
    wait_for_ranking_title,
    wait_for_url_param,
)

pytestmark = pytest.mark.browser

# IOM 2015 from the built-in CEB history (governments, voluntary = core + earmarked), worked out
# from donors-2015.json: the United States first, the Netherlands 7th.
USA_2015_M = 419.219933


def choose_entity(page: Page, entity: str) -> None:
    """Open the entity dropdown and take the option."""
    page.click("#entity")
    page.get_by_role("option", name=entity, exact=True).click()


def test_the_history_answers_where_the_netherlands_ranked_in_2015(page: Page) -> None:
    page.goto("/?lang=nl")
    wait_for_ranking_title(page, "Grootste donoren van IOM in 2023")
    click_radio(page, "source", "CEB 2013–2024")
    wait_for_url_param(page, "source", "ceb")
    click_radio(page, "year", "2015")
    wait_for_ranking_title(page, "IOM in 2015")
    bars = ranking_bars(page)
    assert bars[0].label == "1. Verenigde Staten"
    assert bars[0].value == pytest.approx(USA_2015_M)
    assert any(bar.label == "7. Nederland" for bar in bars)
    expect_url_params(page, {"source": "ceb", "year": "2015", "entity": "IOM"}, exact=False)
    page.wait_for_function(
        "() => document.querySelector('#kpi-total')?.textContent.includes('2015')"
    )
    assert "vrijwillig van overheden 2015" in page.inner_text("#kpi-total").lower()


def test_a_link_reopens_its_entity_and_other_entities_drop_iom_only_facts(page: Page) -> None:
    page.goto("/?lang=en&source=ceb&entity=UNHCR&view=earmarking")
    wait_for_graph_title(page, "UNHCR: earmarked and unearmarked", "earmarking-graph")
    expect_url_params(page, {"entity": "UNHCR", "source": "ceb"}, exact=False)
    choose_entity(page, "WFP")
    wait_for_graph_title(page, "WFP: earmarked and unearmarked", "earmarking-graph")
    # IOM's reform line steps aside; the funding compact applies to every entity.
    texts = [a["text"] for a in graph(page, "earmarking-graph")["layout"]["annotations"]]
    assert not any("reform" in text for text in texts)
    assert any("Funding-compact guideline" in text for text in texts)
    # The cards follow: WFP's voluntary revenue from governments in 2024 is USD 8,451.0 million
    # (the history's sum), and the budget card is WFP's own total revenue, not IOM's budget.
    page.wait_for_function(
        "() => document.querySelector('#kpi-total')?.textContent.includes('8,451')"
    )
    assert "total revenue" in page.inner_text("#kpi-budget").lower()
    # The highlighted donor stays through the entity change.
    assert url_params(page)["donor"] == "NLD"
    assert page.inner_text("#donor").strip().startswith("Netherlands")


def test_a_highlighted_donor_below_the_top_n_is_still_drawn(page: Page) -> None:
    page.goto("/?lang=en&source=ceb&entity=IOM&year=2024&top=3&donor=NLD")
    wait_for_ranking_title(page, "IOM in 2024")
    labels = [bar.label for bar in ranking_bars(page)]
    assert labels[:3] == ["1. United States", "2. Canada", "3. United Kingdom"]
    assert "5. Netherlands" in labels


def test_a_loaded_year_adds_to_the_history_and_back_to_the_scorecard_resets_all(
    page: Page,
) -> None:
    page.goto("/?lang=en&view=earmarking")
    wait_for_graph_title(page, "Netherlands' unearmarked contribution", "earmarking-side-graph")
    page.click("#data-panel summary")
    page.set_input_files("#upload input[type=file]", [str(CEB_CUT)])
    page.locator("#data-status .status-ok").wait_for(timeout=30_000)
    wait_for_url_param(page, "source", "upload")
    wait_for_graph_title(page, "Core share per donor, IOM 2024", "earmarking-side-graph")
    # The file holds 2024 only; the history's earlier years stay (the year buttons come in an
    # answer of their own, which may follow the chart's)
    years = page.locator("#year label")
    expect(years.first).to_have_text("2013")
    expect(years.last).to_have_text("2024")
    page.click("#reset-data")
    wait_for_url_param(page, "source", "scorecard")
    wait_for_graph_title(page, "Netherlands' unearmarked contribution", "earmarking-side-graph")
    wait_for_graph_title(page, "IOM funding: earmarked versus unearmarked", "earmarking-graph")
    expect(page.locator("#year label")).to_have_text(["2021", "2022", "2023"])
