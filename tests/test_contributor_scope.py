"""Ranking every contributor (``contributors=all``): the European Union shows where it ranks,
the history's computed remainders are counted but never ranked, and every word says that
contributors, not governments, are ranked. Figures from the shipped history (data/history):
IOM 2024, voluntary (core + earmarked) in USD million."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest

from components.charts import build_chart, chart_state
from data import columns as c
from data.history import load_contributors, load_history
from data.provider import ModelProvider
from data.scorecard_source import ScorecardModel
from data.source import FundingSource
from tests.store_fakes import disk_store

# IOM 2024 in the history: the EU's voluntary revenue, and the Multi-Partner Trust Fund Office,
# a computed remainder of UN pooled funds (contributors.csv: is_other) of USD 89.8 million.
EU_2024_M = 480.027165
MPTF_2024_M = 89.800427


@pytest.fixture(scope="module")
def provider() -> ModelProvider:
    store = disk_store(Path(tempfile.mkdtemp()))
    return ModelProvider(ScorecardModel.from_seed(), store, None, load_history())


@pytest.fixture(scope="module")
def everyone(provider: ModelProvider) -> FundingSource:
    return provider.model(None, None, "IOM", "ceb", "all")


def test_the_eu_ranks_second_and_remainders_are_not_ranked(everyone: FundingSource) -> None:
    ranked = everyone.ranking(2024, 10)
    listed = ranked[~ranked[c.IS_OTHER]]
    assert listed[c.DONOR_KEY].tolist()[:2] == ["USA", "EU"]
    assert listed[c.AMOUNT].iloc[1] == pytest.approx(EU_2024_M)
    assert "MPTF-OFFICE" not in set(everyone.ranking_table[c.DONOR_KEY])
    # Counted all the same: what the ranking leaves out of the year's total is exactly the
    # remainders' voluntary money and that of contributors with none (refunds only).
    history = load_history()
    rows = history[(history[c.ENTITY] == "IOM") & (history[c.YEAR] == 2024)]
    voluntary = rows[rows[c.REV_TYPE].isin([c.REV_CORE, c.REV_EARMARKED])]
    per_donor = voluntary.groupby(c.DONOR_KEY, observed=True)[c.AMOUNT_USD].sum() / 1e6
    remainders = set(load_contributors().query("is_other")[c.DONOR_KEY])
    left_out = per_donor[per_donor.index.isin(remainders) | (per_donor <= 0)].sum()
    assert per_donor["MPTF-OFFICE"] == pytest.approx(MPTF_2024_M)
    ranked_sum = everyone.ranking_table.query("year == 2024")[c.AMOUNT].sum()
    assert everyone.total(2024) - ranked_sum == pytest.approx(left_out)


def test_governments_only_rank_no_eu(provider: ModelProvider) -> None:
    governments = provider.model(None, None, "IOM", "ceb", "governments")
    assert "EU" not in set(governments.ranking_table[c.DONOR_KEY])
    assert governments.measure == "voluntary"


@pytest.mark.parametrize(
    ("lang", "title", "other"),
    [
        ("en", "Largest contributors to IOM in 2024", "Other contributors"),
        ("nl", "Grootste bijdragers van IOM in 2024", "Overige bijdragers"),
    ],
)
def test_the_words_say_contributors(
    everyone: FundingSource, lang: str, title: str, other: str
) -> None:
    chart = build_chart("ranking", everyone, chart_state(lang, 2024, "NLD", 10, entity="IOM"))
    assert chart.captions.title == title
    assert chart.figure.data[0].y[0] == other  # the remainder bar, drawn at the bottom
    assert "overheden" not in chart.captions.subtitle.split(";")[0]
