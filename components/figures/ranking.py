"""Ranked bars of one year's donors, the rest as 'other donors', one donor highlighted."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from components.captions import Captions
from components.formatting import Lang, fmt_number, fmt_pct
from components.i18n import t
from components.theme import GRID_COLOR, apply_theme, highlight_marker
from data import columns as c


def donor_label(row: pd.Series, lang: Lang) -> str:
    """'1. Verenigde Staten' for listed donors, 'Overige donoren' for the remainder."""
    if bool(row[c.IS_OTHER]):
        return t("donor.other", lang)
    name = row[c.NAME_NL] if lang == "nl" else row[c.NAME_EN]
    return f"{int(row[c.RANK])}. {name}"


def ranking_figure(
    ranking: pd.DataFrame, lang: Lang, highlight: str | None, captions: Captions
) -> go.Figure:
    """Horizontal bars, largest on top, labelled with amount and share of the total."""
    rows = ranking.iloc[::-1]  # plotly draws the first category at the bottom
    labels = [donor_label(r, lang) for _, r in rows.iterrows()]
    keys = [str(k) for k in rows[c.DONOR_KEY]]
    texts = [
        f"{fmt_number(a, lang)} · {fmt_pct(s, lang)}"
        for a, s in zip(rows[c.AMOUNT], rows[c.SHARE], strict=True)
    ]
    hover = [
        t(
            "ranking.hover",
            lang,
            rank="–" if pd.isna(r) else int(r),
            amount=fmt_number(a, lang),
            share=fmt_pct(s, lang),
        )
        for r, a, s in zip(rows[c.RANK], rows[c.AMOUNT], rows[c.SHARE], strict=True)
    ]
    fig = go.Figure(
        go.Bar(
            x=list(rows[c.AMOUNT]),
            y=labels,
            orientation="h",
            marker=highlight_marker(keys, highlight),
            text=texts,
            textposition="outside",
            cliponaxis=False,
            customdata=keys,
            hovertext=hover,
            hovertemplate="<b>%{y}</b><br>%{hovertext}<extra></extra>",
        )
    )
    fig.update_xaxes(
        title_text=t("ranking.axis", lang),
        tickformat=",d",
        gridcolor=GRID_COLOR,
        range=[0, float(rows[c.AMOUNT].max()) * 1.28],
    )
    fig.update_yaxes(automargin=True, tickfont={"size": 13})
    if highlight in keys:
        fig.update_yaxes(
            ticktext=[
                f"<b>{lab}</b>" if k == highlight else lab
                for lab, k in zip(labels, keys, strict=True)
            ],
            tickvals=labels,
        )
    footer_lines = sum(1 + len(n) // 100 for n in (*captions.notes, captions.source))
    fig.update_layout(
        showlegend=False, bargap=0.25, height=max(470, 190 + 34 * len(rows) + 16 * footer_lines)
    )
    return apply_theme(fig, lang, captions)
