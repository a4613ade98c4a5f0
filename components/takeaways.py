"""One sentence per chart that says what it shows, computed from the numbers it draws.

A memo reader often reads the sentence and not the chart, so the sentence must be right for
every year, highlighted donor, top N and data set the chart can show, not just the default
view. It only compares with a previous year that the data actually has, and never invents one.

The sentences name donors in a "label: value" form ("Nederland: plaats 6 ...") rather than as
the subject of a verb, because a donor's name alone does not say whether Dutch needs an article
or a plural verb ("de Verenigde Staten waren", "Duitsland was"), and a loaded file can hold any
of some 190 government names.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

import numpy as np
import pandas as pd

from components.formatting import (
    Lang,
    fmt_number,
    fmt_pct,
    fmt_published,
    fmt_usd_m,
    shown_decimals,
)
from components.i18n import t
from data import columns as c
from data.derive import change, share
from data.model import FundingModel

GUIDELINE_METRIC = "funding_compact_core_guideline"
EARMARKED_METRIC = "earmarked_share"
REFORM_METRIC = "earmarked_share_after_reform"
NL_CORE_METRIC = "nl_core_contribution"
# What a donor's share is a share of, per kind of data.
TOTAL_KEYS = {
    "scorecard": "export.takeaway.total_scorecard",
    "revenue": "export.takeaway.total_revenue",
}


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
    """USD million as the charts label it: whole millions from 100 up, else one decimal."""
    return fmt_usd_m(value, lang, 0 if abs(value) >= 100 else shown_decimals(value, 1))


def _change_clause(before: tuple[float, int] | None, now: float, lang: Lang) -> str:
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


def _previous_amount(model: FundingModel, donor: str, year: int) -> tuple[float, int] | None:
    """The donor's amount in the year before, if the data lists the donor in that year."""
    frame = model.ranking_table
    rows = frame[(frame[c.YEAR] == year - 1) & (frame[c.DONOR_KEY] == donor)]
    if rows.empty:
        return None
    return float(rows[c.AMOUNT].iloc[0]), year - 1


def _with_change(
    text: str, model: FundingModel, donor: str, year: int, amount: float, lang: Lang
) -> str:
    clause = _change_clause(_previous_amount(model, donor, year), amount, lang)
    return f"{text}, {clause}" if clause else text


def _fact(facts: pd.DataFrame, metric: str) -> pd.Series:
    """The first published fact of a metric, the one the charts draw."""
    return facts[facts[c.METRIC] == metric].iloc[0]


# ranking ---------------------------------------------------------------------------------------
def ranking(
    model: FundingModel, year: int, highlight: str | None, top_n: int | None, lang: Lang
) -> str:
    """The year's largest donor with share and change, then the highlighted donor's place."""
    rows = model.ranking(year, top_n)
    listed = rows[~rows[c.IS_OTHER].astype(bool)].sort_values(c.RANK, kind="stable")
    top = listed.iloc[0]
    top_key, top_amount = str(top[c.DONOR_KEY]), float(top[c.AMOUNT])
    lead = t(
        "export.takeaway.ranking",
        lang,
        entity=model.entity,
        year=year,
        donor=model.donor_name(top_key, lang),
        amount=usd_m(top_amount, lang),
        share=fmt_pct(float(top[c.SHARE]), lang),
        total=t(TOTAL_KEYS[model.basis], lang),
    )
    clauses = [_with_change(lead, model, top_key, year, top_amount, lang)]
    if highlight and highlight != top_key:
        clauses.append(_ranking_donor(model, year, highlight, top_n, listed, lang))
    return sentence(clauses)


def _ranking_donor(
    model: FundingModel,
    year: int,
    donor: str,
    top_n: int | None,
    listed: pd.DataFrame,
    lang: Lang,
) -> str:
    name = model.donor_name(donor, lang)
    everyone = model.ranking(year)
    row = everyone[everyone[c.DONOR_KEY] == donor]
    if row.empty:
        key = (
            "export.takeaway.no_contribution"
            if model.basis == "revenue"
            else "export.takeaway.not_listed"
        )
        return t(key, lang, donor=name, year=year)
    amount = float(row[c.AMOUNT].iloc[0])
    values = {
        "donor": name,
        "rank": int(row[c.RANK].iloc[0]),
        "amount": usd_m(amount, lang),
        "share": fmt_pct(float(row[c.SHARE].iloc[0]), lang),
    }
    if donor in set(listed[c.DONOR_KEY].astype(str)):
        text = t("export.takeaway.ranking_donor", lang, **values)
    else:
        text = t("export.takeaway.ranking_outside", lang, top=top_n, **values)
    return _with_change(text, model, donor, year, amount, lang)


# over time -------------------------------------------------------------------------------------
def over_time(model: FundingModel, highlight: str | None, top_n: int | None, lang: Lang) -> str:
    """The highlighted donor's rank and amount in every year, then who was largest when."""
    donors = model.top_donors(top_n) if top_n else None
    frame = model.ranking_over_time(donors)
    years = model.years()
    clauses: list[str] = []
    if highlight:
        clauses.append(_donor_years(model, frame, years, highlight, top_n, lang))
    tops = frame[frame[c.RANK] == 1].sort_values(c.YEAR)
    by_donor: dict[str, list[int]] = {}
    for key, year in zip(tops[c.DONOR_KEY].astype(str), tops[c.YEAR].astype(int), strict=True):
        by_donor.setdefault(key, []).append(year)
    if not (highlight in by_donor and len(by_donor) == 1 and clauses):
        clauses.append(_top_by_year(model, by_donor, years, lang))
    return sentence(clauses)


def _donor_years(
    model: FundingModel,
    frame: pd.DataFrame,
    years: list[int],
    donor: str,
    top_n: int | None,
    lang: Lang,
) -> str:
    name = model.donor_name(donor, lang)
    rows = frame[frame[c.DONOR_KEY] == donor]
    if rows.empty:
        if top_n is not None:
            return t("export.takeaway.never_in_top", lang, donor=name, top=top_n)
        return ""
    listed = {
        int(year): (int(rank), float(amount))
        for year, rank, amount in zip(rows[c.YEAR], rows[c.RANK], rows[c.AMOUNT], strict=True)
    }
    missing = (
        "export.takeaway.year_no_contribution"
        if model.basis == "revenue"
        else "export.takeaway.year_not_listed"
    )
    items = [
        t(
            "export.takeaway.year_rank",
            lang,
            year=year,
            rank=listed[year][0],
            amount=usd_m(listed[year][1], lang),
        )
        if year in listed
        else t(missing, lang, year=year)
        for year in years
    ]
    return t("export.takeaway.over_time_donor", lang, donor=name, years=join_words(items, lang))


def _top_by_year(
    model: FundingModel, by_donor: dict[str, list[int]], years: list[int], lang: Lang
) -> str:
    if len(by_donor) == 1:
        ((key, top_years),) = by_donor.items()
        name = model.donor_name(key, lang)
        if len(years) == 1:
            return t("export.takeaway.top_in_year", lang, year=years[0], donor=name)
        if top_years == years:
            return t("export.takeaway.top_every_year", lang, donor=name)
    parts = [
        f"{model.donor_name(key, lang)} ({', '.join(str(y) for y in top_years)})"
        for key, top_years in by_donor.items()
    ]
    return t("export.takeaway.top_by_year", lang, donors=join_words(parts, lang))


# earmarking ------------------------------------------------------------------------------------
def _relation(core: float, guideline: float, lang: Lang) -> str:
    return t("export.takeaway.below" if core < guideline else "export.takeaway.at_or_above", lang)


def earmarking(model: FundingModel, year: int, lang: Lang) -> str:
    """Earmarked against core, measured against the 30 % guideline (and the reform, if drawn)."""
    facts = model.earmarking()
    guideline = float(_fact(facts, GUIDELINE_METRIC)[c.VALUE]) / 100
    if model.basis == "revenue" and model.revenue_totals is not None:
        return _earmarking_revenue(model, year, guideline, lang)
    shown = _fact(facts, EARMARKED_METRIC)
    earmarked = float(shown[c.VALUE]) / 100
    reform = _fact(facts, REFORM_METRIC)
    period = reform[c.PERIOD]
    lead = t(
        "export.takeaway.earmarking",
        lang,
        year=int(shown[c.YEAR]),
        entity=model.entity,
        earmarked=fmt_pct(earmarked, lang, 0),
        core=fmt_pct(1 - earmarked, lang, 0),
        relation=_relation(1 - earmarked, guideline, lang),
        guideline=fmt_pct(guideline, lang, 0),
    )
    after = t(
        "export.takeaway.reform",
        lang,
        period=str(period) if isinstance(period, str) and period else int(reform[c.YEAR]),
        reform=fmt_pct(float(reform[c.VALUE]) / 100, lang, 0),
    )
    return sentence([lead, after])


def _earmarked_share(totals: pd.DataFrame, year: int) -> float | None:
    row = totals[totals[c.YEAR] == year]
    if row.empty or float(row[c.VOLUNTARY].iloc[0]) <= 0:
        return None
    return share(float(row[c.EARMARKED].iloc[0]), float(row[c.VOLUNTARY].iloc[0]))


def _earmarking_revenue(model: FundingModel, year: int, guideline: float, lang: Lang) -> str:
    assert model.revenue_totals is not None
    totals = model.revenue_totals
    row = totals[totals[c.YEAR] == year].iloc[0]
    earmarked = _earmarked_share(totals, year) or 0.0
    core = float(row[c.CORE_SHARE]) if not pd.isna(row[c.CORE_SHARE]) else 0.0
    lead = t(
        "export.takeaway.earmarking_revenue",
        lang,
        year=year,
        entity=model.entity,
        earmarked=fmt_pct(earmarked, lang, 1),
        core=fmt_pct(core, lang, 1),
        relation=_relation(core, guideline, lang),
        guideline=fmt_pct(guideline, lang, 0),
    )
    previous = _earmarked_share(totals, year - 1)
    if previous is not None:
        lead += ", " + t(
            "export.takeaway.previous_share",
            lang,
            share=fmt_pct(previous, lang, 1),
            year=year - 1,
        )
    return sentence([lead])


def nl_core(model: FundingModel, lang: Lang) -> str:
    """The Dutch unearmarked contribution before and after the change the scorecard reports."""
    rows = model.facts_by_metric(NL_CORE_METRIC).sort_values(c.YEAR)
    before, after = float(rows[c.VALUE].iloc[0]), float(rows[c.VALUE].iloc[-1])
    year = int(rows[c.YEAR].iloc[-1])

    def eur(value: float) -> str:
        return t(
            "export.takeaway.eur_m", lang, amount=fmt_number(value, lang, shown_decimals(value, 1))
        )

    if math.isclose(before, after):
        return sentence([t("export.takeaway.nl_core_same", lang, year=year, after=eur(after))])
    key = "export.takeaway.nl_core_up" if after > before else "export.takeaway.nl_core_down"
    _, pct = change(before, after)
    return sentence(
        [
            t(
                key,
                lang,
                year=year,
                before=eur(before),
                after=eur(after),
                change=fmt_pct(pct, lang, 0, signed=True),
            )
        ]
    )


def donor_core(
    model: FundingModel, year: int, highlight: str | None, top_n: int, lang: Lang
) -> str:
    """How many of the year's largest donors meet the guideline, who gives most core, and the
    highlighted donor."""
    split = model.revenue_split(year)
    ordered = split.sort_values(c.VOLUNTARY, ascending=False, kind="stable")
    shown = ordered.head(top_n)
    guideline = float(_fact(model.earmarking(), GUIDELINE_METRIC)[c.VALUE]) / 100
    shares = shown[c.CORE_SHARE].astype(float)

    def describe(row: pd.Series) -> dict[str, str]:
        core_share = float(row[c.CORE_SHARE])
        return {
            "donor": model.donor_name(str(row[c.DONOR_KEY]), lang),
            "share": fmt_pct(core_share, lang),
            "amounts": t(
                "export.takeaway.core_amounts",
                lang,
                core=fmt_number(float(row[c.CORE]), lang, 1),
                voluntary=fmt_number(float(row[c.VOLUNTARY]), lang, 1),
            ),
        }

    common = {"entity": model.entity, "year": year, "guideline": fmt_pct(guideline, lang, 0)}
    n = len(shown)
    if n == 1:
        first = shown.iloc[0]
        lead = t(
            "export.takeaway.core_single",
            lang,
            relation=_relation(float(first[c.CORE_SHARE]), guideline, lang),
            **describe(first),
            **common,
        )
        highest_key = str(first[c.DONOR_KEY])
        clauses = [lead]
    else:
        count = int((shares >= guideline).sum())
        key = {0: "core_none", 1: "core_one", n: "core_all"}.get(count, "core_some")
        clauses = [t(f"export.takeaway.{key}", lang, n=n, count=count, **common)]
        highest = shown.iloc[int(np.nanargmax(shares.to_numpy()))] if shares.notna().any() else None
        highest_key = "" if highest is None else str(highest[c.DONOR_KEY])
        if highest is not None:
            clauses.append(t("export.takeaway.core_highest", lang, **describe(highest)))
    if highlight and highlight != highest_key:
        clauses.append(_core_donor(model, year, highlight, top_n, shown, ordered, describe, lang))
    return sentence(clauses)


def _core_donor(
    model: FundingModel,
    year: int,
    donor: str,
    top_n: int,
    shown: pd.DataFrame,
    ordered: pd.DataFrame,
    describe: Callable[[pd.Series], dict[str, str]],
    lang: Lang,
) -> str:
    row = ordered[ordered[c.DONOR_KEY] == donor]
    if row.empty:
        name = model.donor_name(donor, lang)
        return t("export.takeaway.no_contribution", lang, donor=name, year=year)
    values = describe(row.iloc[0])
    if donor in set(shown[c.DONOR_KEY].astype(str)):
        return t("export.takeaway.core_donor", lang, **values)
    return t("export.takeaway.core_outside", lang, top=top_n, **values)


# budget ----------------------------------------------------------------------------------------
def budget(model: FundingModel, indexed: bool, lang: Lang) -> str:
    """From the first to the last published budget, via the points between, with the growth."""
    series = model.budget()
    years = [int(y) for y in series[c.YEAR]]
    values = [float(v) for v in series[c.VALUE]]
    approx = [q == "approx" for q in series[c.QUALIFIER].fillna("")]
    indices = [float(v) for v in series["index"]]

    def point(i: int) -> str:
        if indexed:
            number = fmt_number(indices[i], lang, shown_decimals(indices[i], 1))
            value = t("export.takeaway.index", lang, value=number) if i == 0 else number
        else:
            amount = fmt_published(values[i], lang)
            value = t("export.takeaway.usd_bn", lang, amount=amount)
            if approx[i]:
                value = f"{t('qualifier.approx', lang)} {value}"
        return t("export.takeaway.point", lang, value=value, year=years[i])

    if len(years) == 1:
        return sentence([t("export.takeaway.budget_single", lang, first=point(0))])
    growth = model.budget_growth()
    whole = growth[(growth["from_year"] == years[0]) & (growth["to_year"] == years[-1])].iloc[0]
    total, annual = float(whole["total"]), float(whole["annual"])
    middle = [point(i) for i in range(1, len(years) - 1)]
    via = t("export.takeaway.via", lang, points=join_words(middle, lang)) if middle else ""
    key = "export.takeaway.budget_up" if total >= 0 else "export.takeaway.budget_down"
    return sentence(
        [
            t(
                key,
                lang,
                first=point(0),
                via=via,
                last=point(len(years) - 1),
                total=fmt_pct(total, lang, 0, signed=True),
                years=years[-1] - years[0],
                annual=fmt_pct(annual, lang, 1),
            )
        ]
    )
