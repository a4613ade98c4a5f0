"""CEB revenue by government donor: every donor of one UN entity, split by revenue type."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from data import ceb
from data import columns as c
from data.loader import SeedTables
from data.model import FundingModel, memoised
from data.scorecard_source import ScorecardModel


@dataclass(frozen=True)
class CebModel(FundingModel):
    """Every government donor of ``entity`` ranked by voluntary revenue (earmarked + core), as
    the scorecard's ranking counts; assessed contributions and revenue from other activities
    stay in ``by_year`` and are shown apart. ``tables`` are the published facts, which the
    reference lines and the budget and organisation views still draw."""

    split_table: pd.DataFrame | None = None  # per donor-year split
    by_year: pd.DataFrame | None = None  # per year, all revenue kinds

    @classmethod
    def from_revenue(
        cls, revenue: pd.DataFrame, entity: str, tables: SeedTables, files: tuple[str, ...] = ()
    ) -> CebModel:
        names = ceb.load_donor_names()
        ranked = ceb.ranking(revenue, entity, names=names)
        split = ceb.donor_split(revenue, entity, names=names)
        totals = ceb.totals(revenue, entity, names=names)
        ranking = ranked.drop(columns=[c.SHARE])
        ranking[c.RANK] = ranking[c.RANK].astype("Int64")
        ranking[c.FACT_ID] = pd.Series(pd.NA, index=ranking.index, dtype="string")
        totals_table = pd.DataFrame(
            {
                c.YEAR: totals[c.YEAR].astype("int64"),
                c.TOTAL: totals[c.VOLUNTARY].astype("float64"),
                c.INCLUDES_NEGATIVE: totals[c.INCLUDES_NEGATIVE].astype(bool),
            }
        )
        donor_names = {
            str(k): (str(en), str(nl))
            for k, en, nl in split[[c.DONOR_KEY, c.NAME_EN, c.NAME_NL]]
            .drop_duplicates()
            .itertuples(index=False)
        }
        return cls(
            tables,
            ranking,
            totals_table,
            donor_names,
            entity,
            files,
            measure="voluntary",
            lists_every_donor=True,
            has_entities=True,
            split_table=split,
            by_year=totals,
        )

    def source_line(self) -> tuple[str, dict[str, str]]:
        return "source.ceb", {"files": ", ".join(self.files), "entity": self.entity}

    @memoised
    def revenue_split(self, year: int) -> pd.DataFrame | None:
        if self.split_table is None:
            return None
        return self.split_table[self.split_table[c.YEAR] == year].reset_index(drop=True)

    def revenue_by_year(self) -> pd.DataFrame | None:
        return None if self.by_year is None else self.by_year.copy()

    @memoised
    def comparison(self) -> pd.DataFrame | None:
        reference = ScorecardModel.from_seed(self.tables)
        ours = self.ranking_table[[c.YEAR, c.DONOR_KEY, c.AMOUNT]]
        theirs = reference.ranking_table[[c.YEAR, c.DONOR_KEY, c.AMOUNT, c.FACT_ID]]
        both = theirs.merge(ours, on=[c.YEAR, c.DONOR_KEY], suffixes=("_scorecard", "_file"))
        file_amount = both[f"{c.AMOUNT}_file"]
        seed_amount = both[f"{c.AMOUNT}_scorecard"]
        return both.assign(
            **{
                c.CHANGE_ABS: file_amount - seed_amount,
                c.CHANGE_PCT: (file_amount - seed_amount) / seed_amount,
            }
        ).sort_values([c.YEAR, c.DONOR_KEY], ignore_index=True)
