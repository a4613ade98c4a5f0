"""CEB revenue by government donor: every donor of one UN entity, split by revenue type."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

import pandas as pd

from data import ceb
from data import columns as c
from data.ceb import across
from data.combine import in_scope
from data.loader import SeedTables
from data.model import FundingModel, memoised
from data.money import NOMINAL_USD, Valuation, value_facts
from data.scorecard_source import ScorecardModel

# Per view, the documents' notes (data/contradictions.csv) that hold for CEB revenue drawn
# there: the earmarked share per year beside the scorecard's 97 %.
NOTES: dict[str, tuple[str, ...]] = {"earmarking": ("earmarked_denominator",)}


@dataclass(frozen=True)
class CebModel(FundingModel):
    """Every government donor of ``entity`` ranked by voluntary revenue (earmarked + core), as
    the scorecard's ranking counts; assessed contributions and revenue from other activities
    stay in ``by_year`` and are shown apart. ``tables`` are the published facts, which the
    reference lines and the budget and organisation views still draw."""

    split_table: pd.DataFrame | None = None  # per donor-year split
    by_year: pd.DataFrame | None = None  # per year, all revenue kinds
    line_key: str = "source.ceb"  # the text of the source line: loaded files, the history, both
    scope: str = "governments"  # who is ranked: governments only, or every contributor
    # Every row of the data (all entities, all contributor categories), for the views across
    # entities and contributor types; shared with the provider's cache, never changed.
    all_rows: pd.DataFrame | None = field(default=None, repr=False, compare=False)
    # The history's computed remainders ("Other foundations" ...): counted, never ranked.
    unranked: frozenset[str] = frozenset()

    @classmethod
    def from_revenue(
        cls,
        revenue: pd.DataFrame,
        entity: str,
        tables: SeedTables,
        files: tuple[str, ...] = (),
        line_key: str = "source.ceb",
        scope: str = "governments",
        all_rows: pd.DataFrame | None = None,
        unranked: frozenset[str] = frozenset(),
        valuation: Valuation | None = None,
        unvalued: tuple[int, ...] = (),
    ) -> CebModel:
        """The model of ``entity``'s revenue rows (``revenue``: those in scope; ``all_rows``:
        every row, for the views across entities), in ``valuation`` if the rows are valued."""
        names = ceb.load_donor_names()
        ranked = ceb.ranking(revenue, entity, names=names)
        split = ceb.donor_split(revenue, entity, names=names)
        totals = ceb.totals(revenue, entity, names=names)
        ranking = _without(ranked.drop(columns=[c.SHARE]), unranked)
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
            measure="voluntary" if scope == "governments" else "voluntary_all",
            lists_every_donor=True,
            has_entities=True,
            split_table=split,
            by_year=totals,
            line_key=line_key,
            scope=scope,
            all_rows=revenue if all_rows is None else all_rows,
            unranked=unranked,
            valuation=NOMINAL_USD if valuation is None else valuation,
            unvalued=unvalued,
        )

    def valued(self, valuation: Valuation, rows: pd.DataFrame | None = None) -> CebModel:
        """This model with every amount in ``valuation``: rebuilt from its revenue rows in that
        valuation (``rows``, when the caller holds them valued already, shared between models),
        so rankings, splits and the views across entities all agree."""
        assert self.valuation.nominal_usd, "value the nominal model, not a valued one"
        nominal = self._rows()
        chosen = valuation.resolved(nominal[c.YEAR].unique())
        if chosen.nominal_usd:
            return self
        valued_rows = chosen.scale(nominal, [c.AMOUNT_USD], c.YEAR) if rows is None else rows
        return CebModel.from_revenue(
            in_scope(valued_rows, self.scope),
            self.entity,
            replace(self.tables, facts=value_facts(self.tables.facts, chosen)),
            self.files,
            line_key=self.line_key,
            scope=self.scope,
            all_rows=valued_rows,
            unranked=self.unranked,
            valuation=chosen,
            unvalued=tuple(chosen.missing(self.years())),
        )

    def source_line(self) -> tuple[str, dict[str, str]]:
        return self.line_key, {"files": ", ".join(self.files), "entity": self.entity}

    def notes(self, view: str, year: int | None = None) -> pd.DataFrame:
        """The documents' notes on comparing these numbers with theirs: the CEB shares of
        voluntary revenue and the scorecard's 97 % of all funding have different
        denominators (``NOTES``). They concern IOM, the entity the documents describe; the
        documents' other contradictions are about numbers this source does not draw."""
        notes = self.contradictions(view)
        wanted = NOTES.get(view, ()) if self.published_applies() else ()
        return notes[notes[c.CONTRADICTION_ID].isin(wanted)].reset_index(drop=True)

    @memoised
    def revenue_split(self, year: int) -> pd.DataFrame | None:
        if self.split_table is None:
            return None
        return self.split_table[self.split_table[c.YEAR] == year].reset_index(drop=True)

    def revenue_by_year(self) -> pd.DataFrame | None:
        return None if self.by_year is None else self.by_year.copy()

    def _rows(self) -> pd.DataFrame:
        assert self.all_rows is not None  # from_revenue always sets it
        return self.all_rows

    @memoised
    def entity_shares(self) -> pd.DataFrame | None:
        return across.entity_shares(in_scope(self._rows(), self.scope))

    @memoised
    def contributor_types(self) -> pd.DataFrame | None:
        return across.contributor_types(self._rows(), self.entity)

    @memoised
    def donor_profile(self, donor: str) -> pd.DataFrame | None:
        return across.donor_profile(in_scope(self._rows(), self.scope), donor)

    @memoised
    def contributors(self, year: int) -> pd.DataFrame | None:
        table = across.full_table(self._rows(), self.entity, year)
        return table.assign(**{c.IS_OTHER: table[c.DONOR_KEY].astype(str).isin(self.unranked)})

    @memoised
    def comparison(self) -> pd.DataFrame | None:
        """The scorecard's donor-years beside this data's: for IOM only, the entity the
        scorecard describes (another entity's Germany is not the scorecard's Germany)."""
        if not self.published_applies():
            return None
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


def _without(ranked: pd.DataFrame, unranked: frozenset[str]) -> pd.DataFrame:
    """The ranking without the history's computed remainders ("Other foundations" ...), which
    are no contributor: their money stays in the year's total (and so in 'other donors'), and
    the contributors below them move up, ties still sharing the best rank."""
    if not unranked:
        return ranked
    kept = ranked[~ranked[c.DONOR_KEY].astype(str).isin(unranked)].copy()
    cents = (kept[c.AMOUNT] * 1e6).round(2)
    kept[c.RANK] = cents.groupby(kept[c.YEAR]).rank(method="min", ascending=False).astype("int64")
    return kept.sort_values([c.YEAR, c.RANK, c.DONOR_KEY], ignore_index=True)
