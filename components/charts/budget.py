"""IOM's budget over time, absolute or indexed, with the growth between the published points.

The series is the published one whatever data is loaded (every source carries the published
facts), so the chart, its growth table and its notes are the documents'.
"""

from __future__ import annotations

from itertools import pairwise
from typing import Any

import pandas as pd
import plotly.graph_objects as go
from dash import dcc, html

from components import ids
from components.charts.base import (
    Captions,
    ChartOutput,
    ChartSpec,
    Panel,
    contradiction_notes,
    empty_chart,
    fact_ids,
    fact_rows,
    scorecard_source,
)
from components.charts.wording import join_words, sentence
from components.formatting import (
    Lang,
    fmt_money,
    fmt_number,
    fmt_pct,
    fmt_published,
    shown_decimals,
)
from components.i18n import t
from components.money_context import placeholders, shown
from components.panels import ModeSwitch, notes_box, table
from components.theme import (
    BUDGET_COLOR,
    GRID_COLOR,
    GUIDE_COLOR,
    PAPER_COLOR,
    TEXT_COLOR,
    apply_theme,
)
from components.view_state import BUDGET_MODES, ViewState
from data import columns as c
from data.source import FundingSource

ID = "budget"
COLUMNS = [c.YEAR, c.VALUE, c.UNIT, "index", c.QUALIFIER, c.SOURCE_ID, c.PAGE, c.FACT_ID]


# figure ------------------------------------------------------------------------------------------
def budget_figure(
    series: pd.DataFrame, growth: pd.DataFrame, lang: Lang, indexed: bool, captions: Captions
) -> go.Figure:
    """Line through the published budget points; approximate points drawn hollow."""
    column = "index" if indexed else c.VALUE
    years = [int(y) for y in series[c.YEAR]]
    values = [float(v) for v in series[column]]
    approx = _approx_points(series)
    labels = [
        about(fmt_number(v, lang) if indexed else fmt_published(v, lang), a)
        for v, a in zip(values, _approx_values(series, indexed), strict=True)
    ]
    fig = go.Figure(connectors(years, values))
    fig.add_trace(
        go.Scatter(
            x=years,
            y=values,
            mode="markers+text",
            name=t("budget.series", lang),
            marker={
                "size": 12,
                "color": [PAPER_COLOR if a else BUDGET_COLOR for a in approx],
                "line": {"color": BUDGET_COLOR, "width": 2.5},
            },
            text=labels,
            textposition="top center",
            textfont={"size": 13},
            hovertemplate="%{x}: %{text}<extra></extra>",
        )
    )
    consecutive = growth[growth["to_year"] - growth["from_year"] < (years[-1] - years[0])]
    lookup = dict(zip(years, values, strict=True))
    top = max(values) * 1.2
    for _, g in consecutive.iterrows():
        x0, x1 = int(g["from_year"]), int(g["to_year"])
        fig.add_annotation(
            x=(x0 + x1) / 2,
            y=top * 0.06,
            xref="x",
            yref="y",
            yanchor="bottom",
            text=f"{x0}→{x1}: " + t("budget.growth_label", lang, **growth_texts(g, lang)),
            showarrow=False,
            font={"size": 12, "color": TEXT_COLOR},
            bgcolor="rgba(255,255,255,0.9)",
        )
        for x in (x0, x1):
            fig.add_shape(
                type="line",
                x0=x,
                x1=x,
                y0=0,
                y1=lookup[x],
                xref="x",
                yref="y",
                line={"color": GUIDE_COLOR, "width": 1, "dash": "dot"},
            )
    fig.update_yaxes(
        range=[0, top],
        title_text=t("budget.axis_index" if indexed else "budget.axis_abs", lang),
        gridcolor=GRID_COLOR,
        tickformat=",d" if indexed else ",.1f",
    )
    fig.update_xaxes(range=[years[0] - 1, years[-1] + 1], dtick=2, showgrid=False)
    fig.update_layout(showlegend=False)
    return apply_theme(fig, lang, captions, axis_space=36)


# approximate values ------------------------------------------------------------------------------
def connectors(years: list[int], values: list[float]) -> list[go.Scatter]:
    """The line between the points: solid between consecutive years, dotted across years with
    no published figure (2010 to 2019 is nine years the documents say nothing about)."""
    solid_x: list[int | None] = []
    solid_y: list[float | None] = []
    for (x0, y0), (x1, y1) in pairwise(zip(years, values, strict=True)):
        if x1 - x0 == 1:
            solid_x += [x0, x1, None]
            solid_y += [y0, y1, None]
    line = {"color": BUDGET_COLOR, "width": 3}
    return [
        go.Scatter(
            x=years,
            y=values,
            mode="lines",
            line={**line, "width": 2, "dash": "dot"},
            hoverinfo="skip",
            showlegend=False,
        ),
        go.Scatter(
            x=solid_x, y=solid_y, mode="lines", line=line, hoverinfo="skip", showlegend=False
        ),
    ]


def about(text: str, approx: bool) -> str:
    """'≈ 1': a value that rests on an approximate published figure says so wherever it goes."""
    return f"≈ {text}" if approx else text


def _approx_points(series: pd.DataFrame) -> list[bool]:
    """Per budget point: whether the source gives it only approximately ("ongeveer")."""
    return [q == "approx" for q in series[c.QUALIFIER].fillna("")]


def _approx_values(series: pd.DataFrame, indexed: bool) -> list[bool]:
    """Per point: whether the value drawn is approximate. An amount is as exact as its point;
    every index value is divided by the first point, so all are approximate if that one is."""
    points = _approx_points(series)
    return [a or (indexed and points[0]) for a in points]


def growth_texts(g: pd.Series, lang: Lang, total_decimals: int = 1) -> dict[str, str]:
    """The total and yearly growth between two budget points, each marked approximate where
    either point is (a growth rate is as exact as the figures it is computed from)."""
    approx = bool(g["from_approx"]) or bool(g["to_approx"])
    # a rate on an approximate base ("about 1 billion") has no tenths to speak of
    decimals, annual_decimals = (0, 0) if approx else (total_decimals, 1)

    def both(real: float, nominal: float, places: int, signed: bool) -> str:
        text = about(fmt_pct(real, lang, places, signed=signed), approx)
        if not shown().constant:
            return text
        return t(
            "money.growth.both",
            lang,
            nominal=about(fmt_pct(nominal, lang, places, signed=signed), approx),
            real=text,
        )

    return {
        "total": both(g["total"], g["total_nominal"], decimals, True),
        "annual": both(g["annual"], g["annual_nominal"], annual_decimals, False),
    }


# captions ----------------------------------------------------------------------------------------
def captions(model: FundingSource, lang: Lang, indexed: bool) -> Captions:
    series = model.budget()
    notes = list(contradiction_notes(model.contradictions("budget"), lang))
    if (series[c.QUALIFIER] == "approx").any():
        notes.append("○ " + t("budget.approx", lang))
    return Captions(
        title=t("budget.title", lang),
        subtitle=t("budget.subtitle_index" if indexed else "budget.subtitle_abs", lang),
        source=scorecard_source(lang, sorted({int(p) for p in series[c.PAGE].dropna()}))
        + placeholders(lang)["money"],
        notes=tuple(notes),
    )


# takeaway ----------------------------------------------------------------------------------------
# budget ----------------------------------------------------------------------------------------
def takeaway_text(model: FundingSource, indexed: bool, lang: Lang) -> str:
    """From the first to the last published budget, via the points between, with the growth."""
    series = model.budget()
    years = [int(y) for y in series[c.YEAR]]
    values = [float(v) for v in series[c.VALUE]]
    approx = _approx_points(series)
    approx_index = _approx_values(series, indexed=True)
    indices = [float(v) for v in series["index"]]

    def point(i: int) -> str:
        if indexed:
            number = fmt_number(indices[i], lang, shown_decimals(indices[i], 1))
            number = about(number, approx_index[i])
            value = t("export.takeaway.index", lang, value=number) if i == 0 else number
        else:
            value = fmt_money(values[i], lang, scale="bn", digits=fmt_published(values[i], lang))
            if approx[i]:
                value = f"{t('qualifier.approx', lang)} {value}"
        return t("export.takeaway.point", lang, value=value, year=years[i])

    if len(years) == 1:
        return sentence([t("export.takeaway.budget_single", lang, first=point(0))])
    growth = model.budget_growth()
    whole = growth[(growth["from_year"] == years[0]) & (growth["to_year"] == years[-1])].iloc[0]
    total = float(whole["total"])
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
                years=years[-1] - years[0],
                **growth_texts(whole, lang, total_decimals=0),
            )
        ]
    )


# growth table ------------------------------------------------------------------------------------
def _budget_point(year: int, value: float, approx: bool, lang: Lang) -> str:
    """'2010: ≈ USD 1 mld': the approximate sign travels with the number into every table."""
    amount = fmt_money(value, lang, scale="bn", digits=fmt_published(value, lang))
    return f"{year}: {about(amount, approx)}"


def budget_table(growth: pd.DataFrame, lang: Lang) -> dcc.Markdown:
    header = [
        t(k, lang)
        for k in ("budget.from", "budget.to", "budget.total_growth", "budget.annual_growth")
    ]
    rows = [
        [
            _budget_point(int(g["from_year"]), float(g["from"]), bool(g["from_approx"]), lang),
            _budget_point(int(g["to_year"]), float(g["to"]), bool(g["to_approx"]), lang),
            *growth_texts(g, lang).values(),
        ]
        for _, g in growth.iterrows()
    ]
    return table(header, rows)


def takeaway(model: FundingSource, state: ViewState) -> str:
    if not model.published_applies():
        return t("empty.iom_only", state.lang)
    return takeaway_text(model, state.budget == "index", state.lang)


# the chart, its setting and what is drawn beside it ----------------------------------------------
def build(model: FundingSource, state: ViewState) -> ChartOutput:
    lang, indexed = state.lang, state.budget == "index"
    series = model.budget()
    caps = captions(model, lang, indexed)
    if not model.published_applies():  # the published budget is IOM's: it steps aside
        return empty_chart(caps, lang, "empty.iom_only")
    frame = fact_rows(series, lang).assign(index=series["index"].astype(float))
    return ChartOutput(
        draw=lambda: budget_figure(series, model.budget_growth(), lang, indexed, caps),
        captions=caps,
        data_frame=frame[COLUMNS],
        unit=t("budget_mode.index", lang) if indexed else t("unit.usd_bn", lang),
        fact_ids=fact_ids(series[c.FACT_ID]),
        data_files=(),
        filters=((t("export.filter.mode", lang), t(f"budget_mode.{state.budget}", lang)),),
    )


SWITCH = ModeSwitch(
    ids.BUDGET_MODE,
    ids.BUDGET_MODE_LABEL,
    "control.budget_mode",
    "budget_mode.{mode}",
    BUDGET_MODES,
)


def settings(state: ViewState) -> html.Div:
    """Amounts or an index: the chart's own switch, above it."""
    return SWITCH.settings(state.budget, state.lang)


def _table(model: FundingSource, state: ViewState) -> Any:
    return budget_table(model.budget_growth(), state.lang) if model.published_applies() else []


def _notes(model: FundingSource, state: ViewState) -> Any:
    if not model.published_applies():
        return []
    return notes_box(model.contradictions("budget"), state.lang)


SPEC = ChartSpec(
    id=ID,
    tab=ids.TAB_BUDGET,
    build=build,
    takeaway=takeaway,
    inputs=(ids.BUDGET_MODE,),
    panels=(Panel("table", _table, class_name="table-wrap"), Panel("notes", _notes)),
    settings=settings,
    texts=SWITCH.texts,
    memo_default=True,
)
