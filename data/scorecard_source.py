"""The 2024 scorecard as published: the donors its table lists, with the member-state total."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from data import columns as c
from data.loader import SeedTables, load_seed
from data.model import FundingModel

RANKING_TABLE_METRIC = "donor_contribution"
TOTAL_METRIC = "member_state_total"


@dataclass(frozen=True)
class ScorecardModel(FundingModel):
    """The scorecard's donor table: four donors a year, ranked as printed, shares of the
    member-state total it prints. Its numbers are the documents', so their contradictions
    apply to the charts drawn from it."""

    @classmethod
    def from_seed(cls, tables: SeedTables | None = None) -> ScorecardModel:
        tables = tables if tables is not None else load_seed()
        facts = tables.facts
        rows = facts[facts[c.METRIC] == RANKING_TABLE_METRIC]
        names = tables.donors.set_index(c.DONOR_KEY)
        ranking = pd.DataFrame(
            {
                c.YEAR: rows[c.YEAR].astype("int64"),
                c.RANK: rows[c.RANK].astype("Int64"),
                c.DONOR_KEY: rows[c.DONOR].astype("string"),
                c.NAME_EN: rows[c.DONOR].map(names[c.NAME_EN]).astype("string"),
                c.NAME_NL: rows[c.DONOR].map(names[c.NAME_NL]).astype("string"),
                c.AMOUNT: rows[c.VALUE].astype("float64"),
                c.INCLUDES_NEGATIVE: False,
                c.FACT_ID: rows[c.FACT_ID].astype("string"),
            }
        ).sort_values([c.YEAR, c.RANK], ignore_index=True)
        total_rows = facts[facts[c.METRIC] == TOTAL_METRIC]
        totals = pd.DataFrame(
            {
                c.YEAR: total_rows[c.YEAR].astype("int64"),
                c.TOTAL: total_rows[c.VALUE].astype("float64"),
                c.FACT_ID: total_rows[c.FACT_ID].astype("string"),
            }
        ).sort_values(c.YEAR, ignore_index=True)
        donor_names = {str(k): (str(r[c.NAME_EN]), str(r[c.NAME_NL])) for k, r in names.iterrows()}
        return cls(tables, ranking, totals, donor_names)

    def notes(self, view: str, year: int | None = None) -> pd.DataFrame:
        notes = self.contradictions(view)
        if year is not None:
            facts = self.tables.facts.set_index(c.FACT_ID)[c.YEAR]
            touches = (
                notes[c.FACT_IDS]
                .str.split(";")
                .apply(lambda ids: any(facts.get(i) == year for i in ids))
            )
            notes = notes[touches.astype(bool)]
        return notes.reset_index(drop=True)
