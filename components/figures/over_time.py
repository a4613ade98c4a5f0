"""Bump chart of donor ranks across years: movement is the slope of each donor's line."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from components.captions import Captions
from components.formatting import Lang, fmt_number, fmt_pct, fmt_signed
from components.i18n import t
from components.theme import apply_theme, donor_color
from data import columns as c


def over_time_figure(
    frame: pd.DataFrame, lang: Lang, highlight: str | None, captions: Captions
) -> go.Figure:
    """One line per donor through its ranks; years a donor is not listed leave a gap."""
    years = sorted(int(y) for y in frame[c.YEAR].unique())
    name_col = c.NAME_NL if lang == "nl" else c.NAME_EN
    order = frame.groupby(c.DONOR_KEY)[c.RANK].min().sort_values(kind="stable").index
    by_donor = dict(iter(frame.groupby(c.DONOR_KEY, sort=False)))
    traces = []
    for key in order:
        listed = by_donor[key]
        name = str(listed[name_col].iloc[0])
        rows = listed.set_index(c.YEAR).reindex(years)
        emphasis = highlight is None or key == highlight
        hover = [
            t(
                "over_time.hover",
                lang,
                donor=name,
                year=y,
                rank=int(rank),
                amount=fmt_number(amount, lang),
                change=fmt_signed(change, lang),
                pct=fmt_pct(pct, lang, signed=True),
            )
            if not pd.isna(rank)
            else ""
            for y, rank, amount, change, pct in zip(
                years,
                rows[c.RANK],
                rows[c.AMOUNT],
                rows[c.CHANGE_ABS],
                rows[c.CHANGE_PCT],
                strict=True,
            )
        ]
        traces.append(
            go.Scatter(
                x=years,
                y=[None if pd.isna(v) else int(v) for v in rows[c.RANK]],
                mode="lines+markers+text",
                name=name,
                line={"color": donor_color(str(key)), "width": 4 if key == highlight else 2.5},
                marker={
                    "size": 26 if key == highlight else 22,
                    "color": donor_color(str(key)),
                    "line": {"color": "white", "width": 2},
                },
                opacity=1.0 if emphasis else 0.5,
                text=["" if pd.isna(v) else fmt_number(v, lang) for v in rows[c.AMOUNT]],
                textposition="middle right",
                textfont={"size": 12},
                hovertext=hover,
                hovertemplate="%{hovertext}<extra></extra>",
                customdata=[str(key)] * len(years),
                connectgaps=False,
            )
        )
    fig = go.Figure(data=traces)  # one construction: add_trace per donor re-validates each time
    max_rank = int(frame[c.RANK].max())
    fig.update_yaxes(
        autorange=False,
        range=[max_rank + 0.7, 0.3],
        dtick=1,
        title_text=t("over_time.axis_rank", lang),
        gridcolor="#eef0f2",
        zeroline=False,
    )
    fig.update_xaxes(
        tickvals=years,
        ticktext=[str(y) for y in years],
        range=[years[0] - 0.25, years[-1] + 0.45],
        title_text=t("over_time.axis_year", lang),
        showgrid=False,
    )
    return apply_theme(fig, lang, captions, legend_on_top=True)
