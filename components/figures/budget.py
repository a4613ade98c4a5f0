"""IOM's budget over time, absolute or indexed, with growth between the published points."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from components.captions import Captions
from components.formatting import Lang, fmt_number, fmt_pct, fmt_published
from components.i18n import t
from components.theme import BUDGET_COLOR, GRID_COLOR, TEXT_COLOR, apply_theme
from data import columns as c


def budget_figure(
    series: pd.DataFrame, growth: pd.DataFrame, lang: Lang, indexed: bool, captions: Captions
) -> go.Figure:
    """Line through the published budget points; approximate points drawn hollow."""
    column = "index" if indexed else c.VALUE
    years = [int(y) for y in series[c.YEAR]]
    values = [float(v) for v in series[column]]
    approx = [q == "approx" for q in series[c.QUALIFIER].fillna("")]
    labels = [
        ("≈ " if a else "") + (fmt_number(v, lang) if indexed else fmt_published(v, lang))
        for v, a in zip(values, approx, strict=True)
    ]
    fig = go.Figure(
        go.Scatter(
            x=years,
            y=values,
            mode="lines+markers+text",
            name=t("budget.series", lang),
            line={"color": BUDGET_COLOR, "width": 3},
            marker={
                "size": 12,
                "color": ["white" if a else BUDGET_COLOR for a in approx],
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
            text=f"{x0}→{x1}: "
            + t(
                "budget.growth_label",
                lang,
                total=fmt_pct(g["total"], lang, 1, signed=True),
                annual=fmt_pct(g["annual"], lang, 1),
            ),
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
                line={"color": "#cbd2d9", "width": 1, "dash": "dot"},
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
