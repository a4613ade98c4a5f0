"""Earmarked versus core funding with the reform level and the funding-compact guideline."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from components.captions import Captions
from components.formatting import Lang, fmt_number, fmt_pct
from components.i18n import t
from components.theme import (
    CORE_COLOR,
    EARMARKED_COLOR,
    GRID_COLOR,
    REFERENCE_COLOR,
    apply_theme,
    donor_color,
    highlight_marker,
)
from data import columns as c


def fact_value(facts: pd.DataFrame, metric: str) -> float:
    return float(facts.loc[facts[c.METRIC] == metric, c.VALUE].iloc[0])


def _references(fig: go.Figure, facts: pd.DataFrame, lang: Lang, axis: str = "x") -> None:
    """Vertical (x) or horizontal (y) lines at the reform level and the compact guideline."""
    reform_core = 1 - fact_value(facts, "earmarked_share_after_reform") / 100
    compact_core = fact_value(facts, "funding_compact_core_guideline") / 100
    reform_text = t(
        "earmarking.reform",
        lang,
        core=fmt_pct(reform_core, lang, 0),
        earmarked=fmt_pct(1 - reform_core, lang, 0),
    )
    compact_text = t("earmarking.compact", lang, core=fmt_pct(compact_core, lang, 0))
    for value, text, dash, offset in (
        (reform_core, reform_text, "dot", 1.32),
        (compact_core, compact_text, "dash", 1.12),
    ):
        line = {"color": REFERENCE_COLOR, "width": 2, "dash": dash}
        if axis == "x":
            fig.add_shape(
                type="line", x0=value, x1=value, y0=0, y1=1.0, xref="x", yref="paper", line=line
            )
            fig.add_annotation(
                x=value,
                y=offset,
                xref="x",
                yref="paper",
                text=text,
                showarrow=False,
                xanchor="left",
                yanchor="bottom",
                font={"size": 12},
                bgcolor="rgba(255,255,255,0.85)",
            )
        else:
            fig.add_shape(
                type="line", y0=value, y1=value, x0=0, x1=1.0, yref="y", xref="paper", line=line
            )
            fig.add_annotation(
                y=value,
                x=1.0,
                yref="y",
                xref="paper",
                text=text,
                showarrow=False,
                xanchor="right",
                yanchor="bottom",
                font={"size": 11},
                bgcolor="rgba(255,255,255,0.85)",
            )


def earmarking_figure(facts: pd.DataFrame, lang: Lang, captions: Captions) -> go.Figure:
    """A 100 % bar (core then earmarked) with reference lines for the core share targets."""
    earmarked = fact_value(facts, "earmarked_share") / 100
    core = 1 - earmarked
    label = t("earmarking.bar", lang)
    fig = go.Figure()
    core_name, earmarked_name = t("earmarking.core", lang), t("earmarking.earmarked", lang)
    for name, value, colour, text in (
        (core_name, core, CORE_COLOR, ""),
        (
            earmarked_name,
            earmarked,
            EARMARKED_COLOR,
            f"{earmarked_name}: {fmt_pct(earmarked, lang, 0)}",
        ),
    ):
        fig.add_trace(
            go.Bar(
                x=[value],
                y=[label],
                orientation="h",
                name=name,
                marker_color=colour,
                text=[text],
                textposition="inside",
                insidetextanchor="middle",
                textangle=0,
                textfont={"color": "white", "size": 14},
                hovertemplate=f"{name}: {fmt_pct(value, lang, 0)}<extra></extra>",
            )
        )
    fig.add_annotation(
        x=core / 2,
        y=0,
        xref="x",
        yref="paper",
        ax=40,
        ay=34,
        showarrow=True,
        arrowhead=0,
        text=f"<b>{core_name}: {fmt_pct(core, lang, 0)}</b>",
        xanchor="left",
        yanchor="top",
        font={"size": 13, "color": "#8a5a00"},
    )
    _references(fig, facts, lang)
    fig.update_layout(barmode="stack", bargap=0.45, showlegend=False)
    fig.update_xaxes(
        range=[0, 1],
        tickformat=".0%",
        title_text=t("earmarking.axis", lang),
        gridcolor=GRID_COLOR,
        title_standoff=40,
    )
    fig = apply_theme(fig, lang, captions, axis_space=84)
    fig.update_layout(margin={"t": 140})
    return fig


def earmarking_years_figure(
    totals: pd.DataFrame, facts: pd.DataFrame, lang: Lang, captions: Captions
) -> go.Figure:
    """Core share of voluntary revenue per year (loaded data), against the same references."""
    years = [int(y) for y in totals[c.YEAR]]
    core = [float(v) for v in totals[c.CORE_SHARE]]
    earmarked = [1 - v for v in core]
    fig = go.Figure()
    for name, values, colour in (
        (t("earmarking.core", lang), core, CORE_COLOR),
        (t("earmarking.earmarked", lang), earmarked, EARMARKED_COLOR),
    ):
        fig.add_trace(
            go.Bar(
                x=years,
                y=values,
                name=name,
                marker_color=colour,
                text=[fmt_pct(v, lang, 1) for v in values],
                textposition="inside",
                textangle=0,
                hovertemplate="%{x}: %{text}<extra>" + name + "</extra>",
            )
        )
    _references(fig, facts, lang, axis="y")
    fig.update_layout(
        barmode="stack", bargap=0.3 if len(years) > 3 else 0.6, legend_traceorder="normal"
    )
    fig.update_yaxes(
        range=[0, 1], tickformat=".0%", title_text=t("earmarking.axis", lang), gridcolor=GRID_COLOR
    )
    fig.update_xaxes(tickvals=years, ticktext=[str(y) for y in years], type="category")
    return apply_theme(fig, lang, captions, axis_space=36, legend_on_top=True)


def donor_core_figure(
    split: pd.DataFrame,
    facts: pd.DataFrame,
    lang: Lang,
    highlight: str | None,
    captions: Captions,
    top_n: int,
) -> go.Figure:
    """Each of the year's largest donors' core share of its voluntary money, against the 30 % guideline."""
    rows = split.sort_values(c.VOLUNTARY, ascending=False).head(top_n).iloc[::-1]
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
    footer_lines = sum(1 + len(n) // 100 for n in (*captions.notes, captions.source))
    fig.update_layout(
        showlegend=False, bargap=0.25, height=max(420, 190 + 30 * len(keys) + 16 * footer_lines)
    )
    return apply_theme(fig, lang, captions)


def nl_core_figure(facts: pd.DataFrame, lang: Lang, captions: Captions) -> go.Figure:
    """The Dutch unearmarked contribution before and from 2023, in euro as published."""
    rows = facts[facts[c.METRIC] == "nl_core_contribution"].sort_values(c.YEAR)
    labels = [t("nl_core.before", lang), t("nl_core.from", lang)]
    values = [float(v) for v in rows[c.VALUE]]
    unit = t("unit.eur_m", lang)
    fig = go.Figure(
        go.Bar(
            x=labels,
            y=values,
            marker_color=donor_color("NLD"),
            text=[f"{fmt_number(v, lang)} {unit}" for v in values],
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
