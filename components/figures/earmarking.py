"""Earmarked versus core funding with the reform level and the funding-compact guideline."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from components.figures.common import contradiction_notes, source_line
from components.formatting import Lang, fmt_number, fmt_pct
from components.i18n import t
from components.theme import CORE_COLOR, EARMARKED_COLOR, REFERENCE_COLOR, apply_theme, donor_color
from data import columns as c


def _value(facts: pd.DataFrame, metric: str) -> float:
    return float(facts.loc[facts[c.METRIC] == metric, c.VALUE].iloc[0])


def earmarking_figure(facts: pd.DataFrame, lang: Lang, contradictions: pd.DataFrame) -> go.Figure:
    """A 100 % bar (core then earmarked) with reference lines for the core share targets."""
    earmarked = _value(facts, "earmarked_share") / 100
    core = 1 - earmarked
    reform_core = 1 - _value(facts, "earmarked_share_after_reform") / 100
    compact_core = _value(facts, "funding_compact_core_guideline") / 100
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
    references = (
        (
            reform_core,
            t(
                "earmarking.reform",
                lang,
                core=fmt_pct(reform_core, lang, 0),
                earmarked=fmt_pct(1 - reform_core, lang, 0),
            ),
            "dot",
            1.32,
        ),
        (
            compact_core,
            t("earmarking.compact", lang, core=fmt_pct(compact_core, lang, 0)),
            "dash",
            1.12,
        ),
    )
    for x, text, dash, y in references:
        fig.add_shape(
            type="line",
            x0=x,
            x1=x,
            y0=0,
            y1=1.0,
            xref="x",
            yref="paper",
            line={"color": REFERENCE_COLOR, "width": 2, "dash": dash},
        )
        fig.add_annotation(
            x=x,
            y=y,
            xref="x",
            yref="paper",
            text=text,
            showarrow=False,
            xanchor="left",
            yanchor="bottom",
            font={"size": 12},
            bgcolor="rgba(255,255,255,0.85)",
        )
    fig.update_layout(barmode="stack", bargap=0.45, showlegend=False)
    fig.update_xaxes(
        range=[0, 1],
        tickformat=".0%",
        title_text=t("earmarking.axis", lang),
        gridcolor="#e4e7eb",
        title_standoff=40,
    )
    pages = [int(p) for p in facts[c.PAGE].dropna() if int(p) != 15]
    fig = apply_theme(
        fig,
        lang,
        title=t("earmarking.title", lang),
        subtitle=t("earmarking.subtitle", lang),
        source=source_line(lang, pages),
        notes=contradiction_notes(contradictions, lang),
        axis_space=70,
    )
    fig.update_layout(margin={"t": 140})
    return fig


def nl_core_figure(facts: pd.DataFrame, lang: Lang) -> go.Figure:
    """The Dutch unearmarked contribution before and from 2023, in euro as published."""
    rows = facts[facts[c.METRIC] == "nl_core_contribution"].sort_values(c.YEAR)
    labels = [t("nl_core.before", lang), t("nl_core.from", lang)]
    values = [float(v) for v in rows[c.VALUE]]
    fig = go.Figure(
        go.Bar(
            x=labels,
            y=values,
            marker_color=donor_color("NLD"),
            text=[
                f"EUR {fmt_number(v, lang)} {'mln' if lang == 'nl' else 'million'}" for v in values
            ],
            textposition="outside",
            cliponaxis=False,
            hovertemplate="%{x}: %{text}<extra></extra>",
        )
    )
    fig.update_yaxes(
        title_text=t("nl_core.axis", lang), range=[0, max(values) * 1.3], gridcolor="#e4e7eb"
    )
    fig.update_layout(showlegend=False, bargap=0.5)
    pages = sorted({int(p) for p in rows[c.PAGE].dropna()})
    return apply_theme(
        fig,
        lang,
        title=t("nl_core.title", lang),
        subtitle=t("nl_core.subtitle", lang),
        source=source_line(lang, pages),
        axis_space=30,
    )
