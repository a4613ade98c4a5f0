"""Euros and constant prices in the browser: an analyst switches currency and prices and reads
the bars, the card, the source line and the link (issue: money in euros and in real terms)."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from .helpers import (
    click_radio,
    graph,
    ranking_bars,
    url_params,
    wait_for_ranking_title,
    wait_for_url_param,
)

pytestmark = pytest.mark.browser

# The scorecard's 2023 table: United States USD 1,365 mln; ECB 2023 annual average 1.081269 USD
# per EUR (published 1.0813): EUR 1,262.41 mln. CPI-U 2021 270.970, 2023 304.702.
USA_2023_EUR = 1365 / 1.0812686274509804
USA_2021_CONSTANT_2023 = 668 * 304.702 / 270.970


def _wait_for_first_bar(page: Page, value: float) -> None:
    page.wait_for_function(
        """(value) => {
            const gd = document.querySelector('#ranking-graph .js-plotly-plot');
            if (!gd || !gd.data || !gd.data.length) return false;
            const x = gd.data[0].x;
            return Math.abs(Number(x[x.length - 1]) - value) < 1e-6;
        }""",
        arg=value,
    )


def _source_line(page: Page) -> str:
    texts = [str(a.get("text", "")) for a in graph(page, "ranking-graph")["layout"]["annotations"]]
    return " ".join(texts)


def test_switching_to_euros_converts_the_bars_at_the_years_rate(page: Page) -> None:
    page.goto("/?lang=nl")
    wait_for_ranking_title(page, "Grootste donoren van IOM in 2023")
    click_radio(page, "currency", "EUR")
    wait_for_url_param(page, "currency", "EUR")
    _wait_for_first_bar(page, USA_2023_EUR)
    bars = ranking_bars(page)
    assert bars[0].label.endswith("Verenigde Staten")
    assert bars[0].text.startswith("1.262")
    assert "(2023: 1,0813 USD per EUR)" in _source_line(page)
    assert "EUR" in page.inner_text("#kpi-total")
    # the rank note appears once amounts are converted
    assert "Rangen veranderen niet" in page.inner_text("#money-note")


def test_constant_prices_deflate_and_a_reload_keeps_the_choice(page: Page) -> None:
    page.goto("/?lang=en&year=2021")
    wait_for_ranking_title(page, "IOM in 2021")
    _wait_for_first_bar(page, 668.0)
    nominal = [b.label for b in ranking_bars(page)]
    click_radio(page, "prices", "Constant prices")
    wait_for_url_param(page, "prices", "constant")
    _wait_for_first_bar(page, USA_2021_CONSTANT_2023)
    assert "constant 2023 US dollars" in _source_line(page)
    assert url_params(page)["base"] == "2023"
    page.reload()
    wait_for_ranking_title(page, "IOM in 2021")
    _wait_for_first_bar(page, USA_2021_CONSTANT_2023)
    # the same donors with the same ranks as in nominal dollars
    assert [b.label for b in ranking_bars(page)] == nominal
    click_radio(page, "prices", "Current prices")
    _wait_for_first_bar(page, 668.0)
