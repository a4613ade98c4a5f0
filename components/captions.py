"""Title, subtitle, source line and notes of each chart, for whichever data is loaded.

Kept apart from the figure builders so the same wording serves the screen, the exports and the
takeaways, and so a chart always says what is counted and where it comes from.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from components.formatting import Lang, fmt_number
from components.i18n import t
from data import columns as c
from data.model import FundingModel


@dataclass(frozen=True)
class Captions:
    title: str
    subtitle: str
    source: str
    notes: tuple[str, ...] = ()


def _pages(model: FundingModel, fact_ids: pd.Series) -> list[int]:
    facts = model.tables.facts
    return sorted(
        {int(p) for p in facts.loc[facts[c.FACT_ID].isin(list(fact_ids.dropna())), c.PAGE].dropna()}
    )


def scorecard_source(lang: Lang, pages: list[int], extra: str = "") -> str:
    parts = [t("source.scorecard", lang)]
    if pages:
        parts.append(", ".join(t("source.page", lang, page=p) for p in pages))
    if extra:
        parts.append(extra)
    return ", ".join(parts)


def revenue_source(model: FundingModel, lang: Lang) -> str:
    return t("source.ceb", lang, files=", ".join(model.files), entity=model.entity)


def contradiction_notes(contradictions: pd.DataFrame, lang: Lang) -> tuple[str, ...]:
    column = c.TEXT_NL if lang == "nl" else c.TEXT_EN
    return tuple(f"{t('notes.heading', lang)}: {text}" for text in contradictions[column])


def year_contradictions(model: FundingModel, view: str, year: int | None = None) -> pd.DataFrame:
    """Contradictions that touch the view (and, for a one-year chart, that year)."""
    if model.basis != "scorecard":
        return model.contradictions(view).iloc[0:0]
    notes = model.contradictions(view)
    if year is not None:
        facts = model.tables.facts.set_index(c.FACT_ID)[c.YEAR]
        touches = (
            notes[c.FACT_IDS]
            .str.split(";")
            .apply(lambda ids: any(facts.get(i) == year for i in ids))
        )
        notes = notes[touches.astype(bool)]
    return notes.reset_index(drop=True)


def _revenue_notes(model: FundingModel, year: int, lang: Lang) -> list[str]:
    """What the ranking leaves out, and whether refunds are netted in."""
    assert model.revenue_totals is not None
    row = model.revenue_totals[model.revenue_totals[c.YEAR] == year].iloc[0]
    notes = [
        t(
            "revenue.apart",
            lang,
            assessed=fmt_number(float(row[c.ASSESSED]), lang, 1),
            other=fmt_number(float(row[c.OTHER]), lang, 1),
        )
    ]
    if model.includes_negative(year):
        notes.append(t("revenue.negative", lang))
    return notes


def ranking_captions(model: FundingModel, year: int, lang: Lang, top_n: int | None) -> Captions:
    total = fmt_number(model.total(year), lang)
    if model.basis == "revenue":
        return Captions(
            title=t("ranking.title_revenue", lang, entity=model.entity, year=year),
            subtitle=t("ranking.subtitle_revenue", lang, total=total, top=top_n or ""),
            source=revenue_source(model, lang),
            notes=(*_revenue_notes(model, year, lang), t("ranking.other_note_revenue", lang)),
        )
    rows = model.ranking(year)
    notes = contradiction_notes(year_contradictions(model, "ranking", year), lang)
    return Captions(
        title=t("ranking.title", lang, year=year),
        subtitle=t("ranking.subtitle", lang, total=total),
        source=scorecard_source(
            lang, _pages(model, rows[c.FACT_ID]), t("source.ranking_table", lang)
        ),
        notes=(*notes, t("ranking.other_note", lang)),
    )


def over_time_captions(model: FundingModel, lang: Lang, top_n: int | None) -> Captions:
    years = model.years()
    span = f"{years[0]}–{years[-1]}" if len(years) > 1 else str(years[0])
    if model.basis == "revenue":
        notes = (
            [t("revenue.negative", lang)] if any(model.includes_negative(y) for y in years) else []
        )
        return Captions(
            title=t("over_time.title_revenue", lang, entity=model.entity, span=span),
            subtitle=t("over_time.subtitle_revenue", lang, top=top_n or ""),
            source=revenue_source(model, lang),
            notes=tuple(notes),
        )
    frame = model.ranking_over_time()
    return Captions(
        title=t("over_time.title", lang),
        subtitle=t("over_time.subtitle", lang),
        source=scorecard_source(
            lang, _pages(model, frame[c.FACT_ID]), t("source.ranking_table", lang)
        ),
        notes=contradiction_notes(year_contradictions(model, "over_time"), lang),
    )


def earmarking_captions(model: FundingModel, lang: Lang) -> Captions:
    if model.basis == "revenue":
        years = model.years()
        notes = (
            [t("revenue.negative", lang)] if any(model.includes_negative(y) for y in years) else []
        )
        return Captions(
            title=t("earmarking.title_revenue", lang, entity=model.entity),
            subtitle=t("earmarking.subtitle_revenue", lang),
            source=revenue_source(model, lang) + "; " + scorecard_source(lang, [6, 9]),
            notes=tuple(notes),
        )
    facts = model.earmarking()
    pages = sorted({int(p) for p in facts[c.PAGE].dropna() if int(p) != 15})
    return Captions(
        title=t("earmarking.title", lang),
        subtitle=t("earmarking.subtitle", lang),
        source=scorecard_source(lang, pages),
        notes=contradiction_notes(year_contradictions(model, "earmarking"), lang),
    )


def donor_core_captions(model: FundingModel, year: int, lang: Lang, top_n: int) -> Captions:
    notes = [t("revenue.negative", lang)] if model.includes_negative(year) else []
    return Captions(
        title=t("donor_core.title", lang, entity=model.entity, year=year),
        subtitle=t("donor_core.subtitle", lang, top=top_n),
        source=revenue_source(model, lang) + "; " + scorecard_source(lang, [6]),
        notes=tuple(notes),
    )


def nl_core_captions(model: FundingModel, lang: Lang) -> Captions:
    rows = model.facts_by_metric("nl_core_contribution")
    return Captions(
        title=t("nl_core.title", lang),
        subtitle=t("nl_core.subtitle", lang),
        source=scorecard_source(lang, sorted({int(p) for p in rows[c.PAGE].dropna()})),
    )


def budget_captions(model: FundingModel, lang: Lang, indexed: bool) -> Captions:
    series = model.budget()
    notes = list(contradiction_notes(model.contradictions("budget"), lang))
    if (series[c.QUALIFIER] == "approx").any():
        notes.append("○ " + t("budget.approx", lang))
    return Captions(
        title=t("budget.title", lang),
        subtitle=t("budget.subtitle_index" if indexed else "budget.subtitle_abs", lang),
        source=scorecard_source(lang, sorted({int(p) for p in series[c.PAGE].dropna()})),
        notes=tuple(notes),
    )
