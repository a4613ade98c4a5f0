"""The ranking takeaway where the scorecard gives a donor-year two figures.

The scorecard's table gives the Netherlands USD 62 million in 2023 (p. 7), its text USD 59.8
million (p. 6); against 2022's 60 the table gives +3.3\u00a0% and the text -0.3\u00a0%
(data/contradictions.csv, ``nl_2023``). The sentence quotes the table's change and names the
text's, both worked out from data/facts.csv.
"""

from __future__ import annotations

import dataclasses

import pandas as pd
import pytest

from components.charts import ranking
from components.formatting import Lang
from data import ceb
from data import columns as c
from data.ceb_source import CebModel
from data.model import FundingModel
from data.scorecard_source import ScorecardModel
from tests.real_files import CEB_CUT


@pytest.fixture(scope="module")
def seed() -> FundingModel:
    return ScorecardModel.from_seed()


@pytest.mark.parametrize(
    ("lang", "ending"),
    [
        (
            "nl",
            "3,3\u00a0% meer dan in 2022 (volgens de tabel; de tekst geeft USD\u00a059,8\u00a0mln: \u22120,3\u00a0%).",
        ),
        (
            "en",
            "3.3% more than in 2022 (per the table; the text gives USD\u00a059.8\u00a0million: \u22120.3%).",
        ),
    ],
)
def test_the_text_figure_follows_the_table_change(
    seed: FundingModel, lang: Lang, ending: str
) -> None:
    assert ranking.takeaway_text(seed, 2023, "NLD", None, lang).endswith(ending)


@pytest.mark.parametrize(("year", "donor"), [(2022, "NLD"), (2021, "NLD"), (2023, "CAN")])
def test_only_the_donor_year_with_two_figures_gets_it(
    seed: FundingModel, year: int, donor: str
) -> None:
    assert "volgens de tabel" not in ranking.takeaway_text(seed, year, donor, None, "nl")


def test_ranking_stated_figure_comes_from_the_facts(seed: FundingModel) -> None:
    """The text's figure and its change are the facts', not typed in: another stated figure
    gives another clause (61.5 / 60 - 1 = +2.5\u00a0%)."""
    facts = seed.tables.facts.copy()
    facts.loc[facts[c.FACT_ID] == "nl_contribution_2023_text", c.VALUE] = 61.5
    changed = ScorecardModel.from_seed(dataclasses.replace(seed.tables, facts=facts))
    text = ranking.takeaway_text(changed, 2023, "NLD", None, "nl")
    assert text.endswith("(volgens de tabel; de tekst geeft USD\u00a061,5\u00a0mln: +2,5\u00a0%).")


def test_ranking_stated_figure_needs_the_contradiction(seed: FundingModel) -> None:
    """Without the note that the two figures contradict, the sentence keeps to the table."""
    notes = seed.tables.contradictions
    kept = notes[notes[c.CONTRADICTION_ID] != "nl_2023"].reset_index(drop=True)
    without = ScorecardModel.from_seed(dataclasses.replace(seed.tables, contradictions=kept))
    text = ranking.takeaway_text(without, 2023, "NLD", None, "nl")
    assert text.endswith(
        "Nederland: plaats 6 met USD\u00a062\u00a0mln (2,4\u00a0%), 3,3\u00a0% meer dan in 2022."
    )


def test_loaded_data_has_no_text_figure(seed: FundingModel) -> None:
    frame: pd.DataFrame = ceb.read_revenue_files([(CEB_CUT.name, CEB_CUT.read_bytes())])
    loaded = CebModel.from_revenue(frame, "IOM", seed.tables, (CEB_CUT.name,))
    assert "volgens de tabel" not in ranking.takeaway_text(loaded, 2024, "NLD", None, "nl")
