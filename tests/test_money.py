"""Money in euros and in real terms (data/money.py): the rates and price indices the packages
ship, conversion and deflation against values worked out by hand, ranks that never move, and
years that cannot be shown named instead of guessed."""

from __future__ import annotations

import pandas as pd
import pytest

from components.charts.registry import build_chart, chart_takeaway
from components.i18n import t
from components.money_context import Shown, unvalued_line, words_for
from components.panels import format_fact_value
from components.view_state import parse_state, to_search
from data import columns as c
from data.history import load_history
from data.money import (
    NOMINAL_USD,
    Valuation,
    cpi_value,
    eur_rate,
    valuation_of,
    value_facts,
)
from data.provider import ModelProvider
from data.scorecard_source import ScorecardModel
from tests.store_fakes import disk_store

# The ECB's published annual averages of the euro reference rate (USD per EUR), four decimals,
# and the mean of the shipped business-day rates behind each: rounding up and rounding down.
ECB_ANNUAL = {
    2013: (1.3281, 1.328118),  # rounds down
    2015: (1.1095, 1.109513),  # rounds down
    2020: (1.1422, 1.142196),  # rounds up
    2023: (1.0813, 1.081269),  # rounds up
    2024: (1.0824, 1.082380),  # rounds up
}
# BLS CPI-U, U.S. city average, all items, annual averages (1982-84 = 100).
CPI_U = {2013: 232.957, 2020: 258.811, 2023: 304.702, 2024: 313.689}


@pytest.fixture(scope="module")
def seed() -> ScorecardModel:
    return ScorecardModel.from_seed()


@pytest.fixture(scope="module")
def provider(seed: ScorecardModel, tmp_path_factory: pytest.TempPathFactory) -> ModelProvider:
    return ModelProvider(seed, disk_store(tmp_path_factory.mktemp("store")), None, load_history())


@pytest.mark.parametrize("year", sorted(ECB_ANNUAL))
def test_the_annual_rate_is_the_ecbs_published_average(year: int) -> None:
    published, mean = ECB_ANNUAL[year]
    rate = eur_rate(year)
    assert rate is not None
    assert rate == pytest.approx(mean, abs=5e-7)
    assert round(rate, 4) == published


def test_a_year_the_series_does_not_cover_whole_has_no_rate() -> None:
    # the shipped series ends in the autumn of 2026: a part year's mean is no annual average
    assert eur_rate(2026) is None
    assert eur_rate(2030) is None
    assert Valuation("EUR").factor(2026) is None


@pytest.mark.parametrize("year", sorted(CPI_U))
def test_the_price_index_is_the_bls_annual_average(year: int) -> None:
    assert cpi_value(year) == pytest.approx(CPI_U[year])


def test_conversion_worked_by_hand(seed: ScorecardModel) -> None:
    euros = seed.valued(Valuation("EUR"))
    ranking = euros.ranking(2023).set_index(c.DONOR_KEY)[c.AMOUNT]
    # USD 1,365 mln / 1.081269 = EUR 1,262.41 mln; 214 / 1.081269 = 197.92 (shown 198, up);
    # 279 / 1.081269 = 258.03 (shown 258, down)
    assert ranking["USA"] == pytest.approx(1365 / ECB_ANNUAL[2023][1], rel=1e-6)
    assert round(ranking["CAN"]) == 198 and ranking["CAN"] == pytest.approx(197.915, abs=1e-3)
    assert round(ranking["DEU"]) == 258 and ranking["DEU"] == pytest.approx(258.030, abs=1e-3)
    # each year at its own rate
    assert euros.ranking(2021).set_index(c.DONOR_KEY)[c.AMOUNT]["USA"] == pytest.approx(
        668 / eur_rate(2021)  # type: ignore[operator]
    )


def test_deflation_worked_by_hand(seed: ScorecardModel) -> None:
    real = seed.valued(Valuation("USD", "constant", 2023))
    usa = real.ranking_table.set_index([c.YEAR, c.DONOR_KEY])[c.AMOUNT]
    # 668 (2021) × CPI 2023 / CPI 2021 = 668 × 304.702 / 270.970 = 751.15
    assert usa[(2021, "USA")] == pytest.approx(668 * 304.702 / 270.970, rel=1e-6)
    assert usa[(2023, "USA")] == pytest.approx(1365)  # the base year is as published


def test_constant_euros_convert_constant_dollars_at_the_base_years_rate() -> None:
    value = Valuation("EUR", "constant", 2024)
    # USD 100 of 2013 = 100 × 313.689 / 232.957 = USD 134.655 of 2024 = EUR 124.41 at 1.082380
    expected = 100 * CPI_U[2024] / CPI_U[2013] / ECB_ANNUAL[2024][1]
    assert 100 * value.factor(2013) == pytest.approx(expected, rel=1e-6)  # type: ignore[operator]
    assert value.rate_year(2013) == 2024


def test_the_base_year_defaults_to_the_latest_year_of_the_data() -> None:
    years = [2013, 2020, 2024]
    assert Valuation("USD", "constant").resolved(years).base == 2024
    assert Valuation("USD", "constant", 2020).resolved(years).base == 2020
    assert Valuation("USD", "constant", 1999).resolved(years).base == 2024  # not a data year
    assert Valuation("EUR", "current", 2020).resolved(years) == Valuation("EUR")


def test_a_link_keeps_currency_prices_and_base() -> None:
    years, donors = [2021, 2022, 2023], ["NLD"]
    state = parse_state("?currency=EUR&prices=constant&base=2022", years, donors)
    assert (state.currency, state.prices, state.base) == ("EUR", "constant", 2022)
    assert "currency=EUR" in to_search(state) and "base=2022" in to_search(state)
    back = parse_state(to_search(state), years, donors)
    assert back == state
    default = parse_state("?currency=XYZ&prices=cheap", years, donors)
    assert (default.currency, default.prices, default.base) == ("USD", "current", None)
    assert valuation_of("EUR", "current", "2022") == Valuation("EUR")


@pytest.mark.parametrize("entity", ["IOM", "UNHCR", "WFP", "UNICEF"])
@pytest.mark.parametrize(
    "value", [Valuation("EUR"), Valuation("USD", "constant"), Valuation("EUR", "constant", 2015)]
)
def test_ranks_never_change_with_currency_or_prices(
    provider: ModelProvider, entity: str, value: Valuation
) -> None:
    nominal = provider.model(None, None, entity, "ceb")
    valued = provider.model(None, None, entity, "ceb", valuation=value)
    assert valued.valuation.currency == value.currency
    key = [c.YEAR, c.DONOR_KEY]
    before = nominal.ranking_table.set_index(key)[c.RANK].sort_index()
    after = valued.ranking_table.set_index(key)[c.RANK].sort_index()
    pd.testing.assert_series_equal(before, after)


def test_money_facts_keep_the_published_figure(seed: ScorecardModel) -> None:
    facts = value_facts(seed.tables.facts, Valuation("EUR").resolved(seed.years())).set_index(
        c.FACT_ID
    )
    core = facts.loc["nl_core_2023"]  # published in euros: as published in a euro view
    assert (core[c.VALUE], core[c.UNIT]) == (3.0, "EUR million")
    budget = facts.loc["budget_2022"]
    assert budget[c.PUBLISHED_VALUE] == 2.99 and budget[c.PUBLISHED_UNIT] == "USD billion"
    assert budget[c.VALUE] == pytest.approx(2.99 / eur_rate(2022))  # type: ignore[operator]
    assert budget[c.UNIT] == "EUR billion"
    dollars = value_facts(seed.tables.facts, Valuation("USD", "constant", 2023))
    core_usd = dollars.set_index(c.FACT_ID).loc["nl_core_2023"]
    # EUR 3 mln of 2023 to USD at 1.081269, then the base year is 2023: no deflation
    assert core_usd[c.VALUE] == pytest.approx(3 * ECB_ANNUAL[2023][1], rel=1e-6)


def test_a_converted_fact_reads_published_first_then_marked(seed: ScorecardModel) -> None:
    euros = seed.valued(Valuation("EUR"))
    facts = euros.tables.facts
    core = facts[facts[c.FACT_ID] == "nl_core_2023"].iloc[0]
    budget = facts[facts[c.FACT_ID] == "budget_2022"].iloc[0]
    with words_for(euros.valuation, 2023):
        assert format_fact_value(core, "nl") == "EUR\u00a03\u00a0mln"
        text = format_fact_value(budget, "nl")
    assert (
        text
        == "USD\u00a02,99\u00a0mld (≈ EUR\u00a02,84\u00a0mld, omgerekend tegen 1,0530 USD per EUR (ECB 2022))"
    )


def test_words_follow_the_currency_and_prices() -> None:
    assert t("ranking.axis", "nl") == "Bijdrage (USD mln)"
    with words_for(Valuation("EUR", "constant", 2024), 2024):
        assert t("ranking.axis", "nl") == "Bijdrage (EUR mln)"
        assert t("money.prices.constant", "nl", base=2024) == "constante prijzen (2024)"
        line = t("source.ceb_history", "en", entity="IOM")
    assert "constant 2024 US dollars (US CPI-U, BLS)" in line
    assert "1.0824 USD per EUR" in line


def test_the_ranking_in_euros_states_its_rate(seed: ScorecardModel) -> None:
    euros = seed.valued(Valuation("EUR"))
    state = parse_state("?lang=nl&currency=EUR", euros.years(), euros.donors())
    with words_for(euros.valuation, 2023):
        chart = build_chart("ranking", euros, state)
        takeaway = chart_takeaway("ranking", euros, state)
    assert "EUR\u00a01.262\u00a0mln" in takeaway
    assert "omgerekend naar EUR" in chart.captions.source
    assert "(2023: 1,0813 USD per EUR)" in chart.captions.source
    assert "EUR mln" in chart.captions.subtitle


def test_budget_growth_nominal_and_real_side_by_side(seed: ScorecardModel) -> None:
    real = seed.valued(Valuation("USD", "constant"))
    growth = real.budget_growth()
    whole = growth[(growth["from_year"] == 2010) & (growth["to_year"] == 2022)].iloc[0]
    assert whole["total_nominal"] == pytest.approx(1.99)  # 1 → 2.99 billion, as published
    cpi_2010 = 218.056
    real_2010 = 1 * CPI_U[2023] / cpi_2010  # base: the scorecard's latest year, 2023
    real_2022 = 2.99 * CPI_U[2023] / 292.655
    assert whole["total"] == pytest.approx(real_2022 / real_2010 - 1, rel=1e-4)
    state = parse_state("?lang=nl&view=budget&prices=constant", real.years(), real.donors())
    with words_for(real.valuation, state.year):
        text = chart_takeaway("budget", real, state)
    assert "≈ +199\u00a0% nominaal, ≈ +123\u00a0% reëel" in text
    assert NOMINAL_USD.nominal_usd


def test_a_year_without_a_rate_is_named_not_guessed(seed: ScorecardModel) -> None:
    rows = pd.DataFrame({c.YEAR: [2024, 2026], c.AMOUNT: [10.0, 20.0]})
    kept = Valuation("EUR").scale(rows, [c.AMOUNT], c.YEAR)
    assert kept[c.YEAR].tolist() == [2024]
    assert Valuation("EUR").missing([2024, 2026]) == [2026]
    line = unvalued_line(Shown(Valuation("EUR"), 2024, (2026,)), "en")
    assert line.startswith(" Not shown: 2026") and "ECB" in line


def test_a_loaded_years_without_a_rate_are_left_out_and_named(
    seed: ScorecardModel, tmp_path_factory: pytest.TempPathFactory
) -> None:
    from data import ceb
    from data.provider import Revenue
    from tests.real_files import CEB_CUT

    text = CEB_CUT.read_text(encoding="utf-8-sig")
    future = text.replace(",2024,", ",2026,")  # the same rows, as a year no annual rate covers
    frame = ceb.read_revenue_files([("cut-2026.csv", future.encode())])
    store = disk_store(tmp_path_factory.mktemp("future"))
    provider = ModelProvider(seed, store, Revenue(frame, ("cut-2026.csv",)), load_history())
    nominal = provider.model(None, None, "IOM", "upload")
    assert 2026 in nominal.years()
    euros = provider.model(None, None, "IOM", "upload", valuation=Valuation("EUR"))
    assert 2026 not in euros.years() and euros.unvalued == (2026,)
    state = parse_state("?lang=en&source=upload&currency=EUR", euros.years(), euros.donors())
    with words_for(euros.valuation, state.year, euros.unvalued):
        source = build_chart("ranking", euros, state).captions.source
    assert "Not shown: 2026, as the ECB data have no annual average rate" in source


def test_the_base_year_box_never_shows_a_year_the_data_lacks() -> None:
    """After a switch from CEB (to 2024) to the scorecard (to 2023) the box held 2024, which
    the scorecard's options lack: it showed blank. It gets the base the view resolves to."""
    from dash import no_update

    from callbacks.money import base_value
    from components.money_bar import base_options

    options = base_options([2021, 2022, 2023])
    assert base_value(2024, options, 2023) == 2023
    assert base_value(None, options, 2023) == 2023
    assert base_value(2022, options, 2023) is no_update  # a base the data has stays
