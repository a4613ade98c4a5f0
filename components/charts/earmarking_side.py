"""Beside the earmarking chart: who gives core funding.

Where the source splits each donor's money by kind, the core share of each of the year's
largest donors against the funding compact's 30 %; else the Netherlands' unearmarked
contribution as the scorecard publishes it (in euro).
"""

from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from components import ids
from components.charts.base import (
    NAME,
    Captions,
    ChartOutput,
    ChartSpec,
    chart_year,
    donor_rows,
    entity_source,
    fact_ids,
    facts_chart,
    filters,
    negative_note,
    scorecard_source,
)
from components.charts.references import fact_value
from components.charts.wording import (
    GUIDELINE_METRIC,
    guideline_share,
    relation,
    sentence,
)
from components.formatting import Lang, fmt_money, fmt_number, fmt_pct, fmt_published
from components.i18n import t
from components.money_words import conversion
from components.theme import (
    GRID_COLOR,
    REFERENCE_COLOR,
    apply_theme,
    donor_color,
    footer_lines,
    highlight_marker,
)
from components.view_state import ViewState, valid_top
from data import columns as c
from data.derive import change
from data.source import FundingSource

ID = "earmarking_side"
NL_CORE_METRIC = "nl_core_contribution"
NL_CORE_SINCE_METRIC = "nl_core_since"
COLUMNS = (c.YEAR, c.DONOR_KEY, NAME, c.CORE, c.EARMARKED, c.VOLUNTARY, c.CORE_SHARE)


# figures -----------------------------------------------------------------------------------------
def eur_m(value: float, lang: Lang) -> str:
    """'EUR 2 mln': the Dutch contribution as the scorecard prints it, in every label and
    sentence."""
    return fmt_money(value, lang, "EUR", "m", digits=fmt_published(value, lang))


def largest(split: pd.DataFrame, top_n: int, keep: str | None) -> pd.DataFrame:
    """The year's ``top_n`` largest donors by voluntary money, and the highlighted donor ``keep``
    below them if it is further down, so a reader sees where it stands."""
    ordered = split.sort_values(c.VOLUNTARY, ascending=False, kind="stable")
    top = ordered.head(top_n)
    extra = ordered.iloc[top_n:]
    return pd.concat([top, extra[extra[c.DONOR_KEY] == keep]]) if keep else top


def donor_core_figure(
    split: pd.DataFrame,
    facts: pd.DataFrame,
    lang: Lang,
    highlight: str | None,
    captions: Captions,
    top_n: int,
) -> go.Figure:
    """Each of the year's largest donors' core share of its voluntary money, against the 30 % guideline."""
    rows = largest(split, top_n, highlight).iloc[::-1]
    name_col = c.NAME_NL if lang == "nl" else c.NAME_EN
    keys = [str(k) for k in rows[c.DONOR_KEY]]
    shares = [0.0 if pd.isna(v) else float(v) for v in rows[c.CORE_SHARE]]
    compact = fact_value(facts, "funding_compact_core_guideline") / 100
    texts = [
        f"{fmt_pct(s, lang, 1)} · USD {fmt_number(float(core), lang, 1)} / {fmt_number(float(vol), lang, 1)}"
        for s, core, vol in zip(shares, rows[c.CORE], rows[c.VOLUNTARY], strict=True)
    ]
    fig = go.Figure(
        go.Bar(
            x=shares,
            y=list(rows[name_col]),
            orientation="h",
            marker=highlight_marker(keys, highlight),
            text=texts,
            textposition="outside",
            cliponaxis=False,
            customdata=keys,
            hovertemplate="<b>%{y}</b><br>%{text}<extra></extra>",
        )
    )
    fig.add_shape(
        type="line",
        x0=compact,
        x1=compact,
        y0=0,
        y1=1,
        xref="x",
        yref="paper",
        line={"color": REFERENCE_COLOR, "width": 2, "dash": "dash"},
    )
    fig.add_annotation(
        x=compact,
        y=1.0,
        xref="x",
        yref="paper",
        yanchor="bottom",
        xanchor="left",
        showarrow=False,
        text=t("earmarking.compact", lang, core=fmt_pct(compact, lang, 0)),
        font={"size": 11},
    )
    top = max([*shares, compact]) * 1.6
    fig.update_xaxes(
        range=[0, min(1.25, max(top, 0.5))],
        tickformat=".0%",
        title_text=t("donor_core.axis", lang),
        gridcolor=GRID_COLOR,
    )
    lines = footer_lines(captions)
    fig.update_layout(
        showlegend=False, bargap=0.25, height=max(420, 190 + 30 * len(keys) + 16 * lines)
    )
    return apply_theme(fig, lang, captions)


def nl_core_figure(facts: pd.DataFrame, lang: Lang, captions: Captions) -> go.Figure:
    """The Dutch unearmarked contribution before and from 2023, in euro as published."""
    rows = facts[facts[c.METRIC] == "nl_core_contribution"].sort_values(c.YEAR)
    labels = [t("nl_core.before", lang), t("nl_core.from", lang)]
    # In euro as published, whatever currency the page shows; a converted amount is marked
    # beside it (components/money_words.py).
    published = c.PUBLISHED_VALUE if c.PUBLISHED_VALUE in rows.columns else c.VALUE
    values = [float(v) for v in rows[published]]
    converted = [conversion(row, lang) for _, row in rows.iterrows()]
    fig = go.Figure(
        go.Bar(
            x=labels,
            y=values,
            marker_color=donor_color("NLD"),
            text=[
                eur_m(v, lang) + (f"<br>{note}" if note else "")
                for v, note in zip(values, converted, strict=True)
            ],
            textposition="outside",
            cliponaxis=False,
            hovertemplate="%{x}: %{text}<extra></extra>",
        )
    )
    fig.update_yaxes(
        title_text=t("nl_core.axis", lang), range=[0, max(values) * 1.3], gridcolor=GRID_COLOR
    )
    fig.update_layout(showlegend=False, bargap=0.5, height=380)
    return apply_theme(fig, lang, captions, axis_space=30)


# captions ----------------------------------------------------------------------------------------
def donor_core_captions(model: FundingSource, year: int, lang: Lang, top_n: int) -> Captions:
    return Captions(
        title=t("donor_core.title", lang, entity=model.entity, year=year),
        subtitle=t("donor_core.subtitle", lang, top=top_n),
        source=entity_source(model, lang, [6]),
        notes=tuple(negative_note(model, [year], lang)),
    )


def nl_core_captions(model: FundingSource, lang: Lang) -> Captions:
    """The subtitle's "since 2018" is the scorecard's fact (p. 6), so the source names its
    page beside the amounts' (p. 15)."""
    rows = _nl_core_facts(model)
    since = rows[rows[c.METRIC] == NL_CORE_SINCE_METRIC]
    return Captions(
        title=t("nl_core.title", lang),
        subtitle=t("nl_core.subtitle", lang, since=int(since[c.VALUE].iloc[0])),
        source=scorecard_source(lang, sorted({int(p) for p in rows[c.PAGE].dropna()})),
    )


def _nl_core_facts(model: FundingSource) -> pd.DataFrame:
    """The published facts the Dutch chart shows: the amounts it draws and the year since
    which the Netherlands gives a yearly core contribution (its subtitle)."""
    return model.facts_by_metric(NL_CORE_METRIC, NL_CORE_SINCE_METRIC).sort_values(
        [c.METRIC, c.YEAR], kind="stable", ignore_index=True
    )


# takeaways ---------------------------------------------------------------------------------------
def nl_core_takeaway(model: FundingSource, lang: Lang) -> str:
    """The Dutch unearmarked contribution before and after the change the scorecard reports."""
    rows = model.facts_by_metric(NL_CORE_METRIC).sort_values(c.YEAR)
    published = c.PUBLISHED_VALUE if c.PUBLISHED_VALUE in rows.columns else c.VALUE
    before, after = float(rows[published].iloc[0]), float(rows[published].iloc[-1])
    year = int(rows[c.YEAR].iloc[-1])
    if math.isclose(before, after):
        same = t("export.takeaway.nl_core_same", lang, year=year, after=eur_m(after, lang))
        return sentence([same])
    key = "export.takeaway.nl_core_up" if after > before else "export.takeaway.nl_core_down"
    _, pct = change(before, after)
    return sentence(
        [
            t(
                key,
                lang,
                year=year,
                before=eur_m(before, lang),
                after=eur_m(after, lang),
                change=fmt_pct(pct, lang, 0, signed=True),
            )
        ]
    )


def donor_core_takeaway(
    model: FundingSource,
    split: pd.DataFrame,
    year: int,
    highlight: str | None,
    top_n: int,
    lang: Lang,
) -> str:
    """How many of the year's largest donors meet the guideline, who gives most core, and the
    highlighted donor."""
    ordered = split.sort_values(c.VOLUNTARY, ascending=False, kind="stable")
    shown = ordered.head(top_n)
    guideline = guideline_share(model)
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
            relation=relation(float(first[c.CORE_SHARE]), guideline, lang),
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
    model: FundingSource,
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


def takeaway(model: FundingSource, state: ViewState) -> str:
    year = chart_year(model, state.year)
    split = model.revenue_split(year)
    if split is None:
        return nl_core_takeaway(model, state.lang)
    return donor_core_takeaway(model, split, year, state.donor, valid_top(state.top), state.lang)


# image fit ---------------------------------------------------------------------------------------
def _labels_inside(figure: go.Figure) -> go.Figure:
    """Labels anchored at a data position and written rightwards turn leftwards when they
    start past the middle of the axis, so a long one does not run off the image."""
    out = go.Figure(figure)
    low, high = out.layout.xaxis.range or (None, None)
    if low is None or high is None or high == low:
        return out
    for annotation in out.layout.annotations:
        past_middle = (float(annotation.x or 0) - low) / (high - low) > 0.5
        if annotation.xref == "x" and annotation.xanchor == "left" and past_middle:
            annotation.update(xanchor="right")
    return out


# the chart ---------------------------------------------------------------------------------------
def build(model: FundingSource, state: ViewState) -> ChartOutput:
    lang, facts = state.lang, model.earmarking()
    year = chart_year(model, state.year)
    split = model.revenue_split(year)
    if split is not None:
        top_n = valid_top(state.top)
        caps = donor_core_captions(model, year, lang, top_n)
        shown = largest(split, top_n, state.donor or None)
        guideline = facts[facts[c.METRIC] == GUIDELINE_METRIC]
        return ChartOutput(
            fit_image=_labels_inside,
            draw=lambda: donor_core_figure(split, facts, lang, state.donor or None, caps, top_n),
            captions=caps,
            data_frame=donor_rows(shown, lang, COLUMNS),
            unit=t("export.unit.core_share", lang),
            fact_ids=fact_ids(guideline[c.FACT_ID]),
            data_files=model.files,
            filters=filters(
                model, state, (t("export.filter.year", lang), str(year)), shown[c.DONOR_KEY], top_n
            ),
        )
    rows = _nl_core_facts(model)
    nl_caps = nl_core_captions(model, lang)
    return facts_chart(
        lambda: nl_core_figure(facts, lang, nl_caps), nl_caps, rows, lang, t("unit.eur_m", lang)
    )


def _depends_on(model: FundingSource) -> frozenset[str]:
    """The donor split changes with year, donor and top N; the published Dutch contribution
    with none of them."""
    if model.revenue_split(model.latest_year()) is None:
        return frozenset()
    return frozenset({ids.YEAR, ids.DONOR, ids.TOP_N})


SPEC = ChartSpec(
    id=ID,
    tab=ids.TAB_EARMARKING,
    build=build,
    takeaway=takeaway,
    inputs=(ids.YEAR, ids.DONOR, ids.TOP_N),
    depends_on=_depends_on,
    graph_class="graph graph-narrow",
    memo_default=True,
)
