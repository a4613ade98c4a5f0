"""Wording shared by the takeaway sentences of every chart.

A memo reader often reads the sentence and not the chart, so the sentence must be right for
every year, highlighted donor, top N and data set the chart can show, not just the default
view. It only compares with a previous year that the data actually has, and never invents one.

The sentences name donors in a "label: value" form ("Nederland: plaats 6 ...") rather than as
the subject of a verb, because a donor's name alone does not say whether Dutch needs an article
or a plural verb ("de Verenigde Staten waren", "Duitsland was"), and a loaded file can hold any
of some 190 government names.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from components.formatting import Lang, fmt_money, fmt_pct, shown_decimals
from components.i18n import t
from data import columns as c
from data.derive import change
from data.source import FundingSource

GUIDELINE_METRIC = "funding_compact_core_guideline"


# wording helpers -------------------------------------------------------------------------------
def join_words(items: Sequence[str], lang: Lang) -> str:
    """'a, b en c' / 'a, b and c'."""
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {t('export.takeaway.and', lang)} {items[-1]}"


def sentence(clauses: Sequence[str]) -> str:
    """Clauses joined by semicolons into one sentence with a capital and a full stop."""
    text = "; ".join(clause for clause in clauses if clause)
    return text[:1].upper() + text[1:] + "." if text else ""


def usd_m(value: float, lang: Lang) -> str:
    """Millions in the currency shown, as the charts label them: whole millions from 100 up,
    else one decimal."""
    return fmt_money(value, lang, None, "m", 0 if abs(value) >= 100 else shown_decimals(value, 1))


def change_clause(before: tuple[float, int] | None, now: float, lang: Lang) -> str:
    """'46,9 % meer dan in 2022', or nothing when there is no earlier amount to compare."""
    if before is None:
        return ""
    previous, year = before
    if previous <= 0:
        return ""
    _, pct = change(previous, now)
    if round(pct, 3) == 0:
        return t("export.takeaway.same", lang, year=year)
    key = "export.takeaway.more" if pct > 0 else "export.takeaway.less"
    return t(key, lang, pct=fmt_pct(abs(pct), lang, 1), year=year)


def previous_amount(model: FundingSource, donor: str, year: int) -> tuple[float, int] | None:
    """The donor's amount in the year before, if the data lists the donor in that year."""
    frame = model.ranking_table
    rows = frame[(frame[c.YEAR] == year - 1) & (frame[c.DONOR_KEY] == donor)]
    if rows.empty:
        return None
    return float(rows[c.AMOUNT].iloc[0]), year - 1


def with_change(
    text: str,
    model: FundingSource,
    donor: str,
    year: int,
    amount: float,
    lang: Lang,
    aside: str = "",
) -> str:
    """``text``, then the change against the year before if the data has one; ``aside`` (a
    second figure's change, in brackets) follows that change and is dropped without it."""
    clause = change_clause(previous_amount(model, donor, year), amount, lang)
    if not clause:
        return text
    return f"{text}, {clause} {aside}" if aside else f"{text}, {clause}"


def first_fact(facts: pd.DataFrame, metric: str) -> pd.Series:
    """The first published fact of a metric, the one the charts draw."""
    return facts[facts[c.METRIC] == metric].iloc[0]


# earmarking ------------------------------------------------------------------------------------
def relation(core: float, guideline: float, lang: Lang) -> str:
    return t("export.takeaway.below" if core < guideline else "export.takeaway.at_or_above", lang)


def guideline_share(model: FundingSource) -> float:
    """The funding compact's core guideline (30 %) as a fraction, as the scorecard gives it."""
    return float(first_fact(model.earmarking(), GUIDELINE_METRIC)[c.VALUE]) / 100


def total_of(model: FundingSource, lang: Lang) -> str:
    """What a donor's share is a share of, in the words of the source's measure."""
    return t(f"export.takeaway.total.{model.measure}", lang)


def absent(model: FundingSource, in_a_year: bool = False) -> str:
    """The text key for a donor without a row in a year: where the source ranks every donor it
    gave nothing, else the source only did not list it (``in_a_year``: the short form
    "2021 not listed" of a list of years)."""
    if model.lists_every_donor:
        return (
            "export.takeaway.year_no_contribution"
            if in_a_year
            else "export.takeaway.no_contribution"
        )
    return "export.takeaway.year_not_listed" if in_a_year else "export.takeaway.not_listed"
