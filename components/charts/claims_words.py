"""The scorecard's claims in words (components/charts/claims.py): what each is about, the
scorecard's and CEB's figures in their units, the difference, the verdict and the likely reason.

The same words go to the screen's table, the hover texts, the takeaway and the data files, so a
claim reads the same wherever it is exported.
"""

from __future__ import annotations

import math

import pandas as pd

from components.formatting import Lang, fmt_number, fmt_pct, fmt_signed, fmt_usd_m
from components.i18n import t
from data import columns as c
from data.claims_rule import verdict_of
from data.source import FundingSource


def donor_name(model: FundingSource, key: str, lang: Lang) -> str:
    """The scorecard's name of a donor it lists, else the source's."""
    donors = model.tables.donors
    row = donors[donors[c.DONOR_KEY] == key]
    if row.empty:
        return model.donor_name(key, lang)
    return str(row[c.NAME_NL if lang == "nl" else c.NAME_EN].iloc[0])


def label(model: FundingSource, row: pd.Series, lang: Lang) -> str:
    """What the claim is about: 'Nederland 2023', 'Begroting 2019', 'Groei begroting 2019–2022'."""
    # a statement about UN entities is tested for governments' money and for everyone's
    scope = str(row["ceb_counts"]).partition(".")[2]
    return t(
        f"claims.label.{row['topic']}.{row['kind']}",
        lang,
        donor=donor_name(model, str(row[c.DONOR]), lang) if row[c.DONOR] else "",
        year=int(row[c.YEAR]),
        period=row[c.PERIOD],
        scope=t(f"claims.scope.{scope}", lang) if scope else "",
    )


def figure_text(value: float, unit: str, decimals: int, lang: Lang) -> str:
    """A figure in its unit: 'USD 62 mln', 'USD 2,99 mld', '97 %', 'plaats 6'."""
    if math.isnan(value):
        return "–"
    if unit == "rank":
        return t("claims.rank", lang, rank=int(value))
    if unit == "USD billion":
        return t("claims.usd_bn", lang, amount=fmt_number(value, lang, decimals))
    if unit == "%":
        return fmt_pct(value / 100, lang, decimals)
    return fmt_usd_m(value, lang, decimals)


def _decimals(row: pd.Series) -> tuple[int, int]:
    """Decimals of the published figure, and of CEB's: at least one more, and as many as it
    takes for the CEB figure shown to keep its verdict (1 601,48 against 1 602 differs; shown
    as 1 601,5 it would seem to round right); a rank has none."""
    if row[c.UNIT] == "rank":
        return 0, 0
    if row["kind"] == "statement":
        return 1, 1
    printed = int(row["decimals"])
    ceb, published = float(row["ceb"]), float(row["scorecard"])
    if math.isnan(ceb) or math.isnan(published):
        return printed, printed + 1
    shown = printed + 1
    while (
        shown < printed + 4 and verdict_of(published, round(ceb, shown), printed) != row["verdict"]
    ):
        shown += 1
    return printed, shown


def published_text(row: pd.Series, lang: Lang) -> str:
    if row["kind"] == "statement":
        return t(f"claims.statement.{row['statement']}", lang)
    qualifier = f"{t(f'qualifier.{row[c.QUALIFIER]}', lang)} " if row[c.QUALIFIER] else ""
    return qualifier + figure_text(
        float(row["scorecard"]), str(row[c.UNIT]), _decimals(row)[0], lang
    )


def pair_text(row: pd.Series, lang: Lang) -> str:
    """Both figures in one short line, the unit written once: 'USD 62 → 62,2 mln'."""
    printed, shown = _decimals(row)
    return t(
        f"claims.pair.{row[c.UNIT]}",
        lang,
        published=fmt_number(float(row["scorecard"]), lang, printed),
        ceb=fmt_number(float(row["ceb"]), lang, shown),
    )


def ceb_text(row: pd.Series, lang: Lang) -> str:
    return figure_text(float(row["ceb"]), str(row[c.UNIT]), _decimals(row)[1], lang)


def gap_text(row: pd.Series, lang: Lang) -> str:
    """CEB's figure minus the scorecard's, signed, in the unit: '+USD 0,18 mln', '+1,8
    procentpunt', '−4'; '–' for a statement."""
    gap = float(row["difference"])
    if math.isnan(gap):
        return "–"
    decimals = _decimals(row)[1]
    if row[c.UNIT] == "%":
        return t("claims.pp", lang, value=fmt_signed(gap, lang, decimals))
    if row[c.UNIT] == "rank":
        return fmt_signed(gap, lang)
    sign = "+" if gap > 0 else "−" if gap < 0 else ""
    return sign + figure_text(abs(gap), str(row[c.UNIT]), decimals, lang)


def _pct(row: pd.Series, lang: Lang) -> str:
    """The gap relative to the scorecard's figure; two decimals where one would show 0,0."""
    pct = float(row["difference_pct"])
    return fmt_pct(pct, lang, 1 if abs(pct) >= 0.0005 else 2, signed=True)


def difference_text(row: pd.Series, lang: Lang) -> str:
    """The gap with its size relative to the scorecard's figure: '+USD 0,18 mln (+0,3 %)'."""
    gap = gap_text(row, lang)
    return gap if gap == "–" or row[c.UNIT] == "rank" else f"{gap} ({_pct(row, lang)})"


def verdict_text(row: pd.Series, lang: Lang, detail: bool = False) -> str:
    verdict = str(row["verdict"])
    if row["kind"] == "statement":
        return t(f"claims.verdict.statement.{verdict}", lang)
    if detail and verdict == "differs":
        gap, pct = gap_text(row, lang), _pct(row, lang)
        return t("claims.verdict.differs_by", lang, difference=gap, pct=pct)
    return t(f"claims.verdict.{verdict}", lang)


def reason_text(row: pd.Series, lang: Lang) -> str:
    """The likely reason the data shows for a gap, or what a statement was tested against."""
    other = float(row["ceb_other"])
    if row["statement"] == "one_of_largest_core_donors":
        rank = "–" if math.isnan(float(row["ceb"])) else int(row["ceb"])
        return t("claims.reason.core_rank", lang, rank=rank, n=row["compared"], largest=int(other))
    if row["statement"]:
        share, median = (fmt_pct(float(v) / 100, lang, 1) for v in (row["ceb"], other))
        return t("claims.reason.core_share", lang, share=share, median=median, n=row["compared"])
    if row["verdict"] != "differs":
        return ""
    if not row["reason"]:
        return t("claims.reason.none", lang)
    if not row["explained"]:
        return t(f"claims.reason.unexplained.{row['reason']}", lang)
    figure = figure_text(other, str(row[c.UNIT]), _decimals(row)[1], lang)
    start = str(row[c.PERIOD]).partition("–")[0]
    return t(
        f"claims.reason.{row['reason']}",
        lang,
        other=figure,
        year=row["ceb_other_year"],
        start=start,
    )


def counts_text(key: str, row: pd.Series, lang: Lang) -> str:
    """What a CEB figure counts, in words ('de grootste 10' takes the statement's limit)."""
    if not key:
        return ""
    limit = float(row["ceb_other"])
    return t(f"claims.counts.{key}", lang, n="" if math.isnan(limit) else fmt_number(limit, lang))
