"""The reference lines the earmarking charts draw: IOM's level after the 2022 reform and the
funding compact's core guideline, both published facts."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from components.formatting import Lang, fmt_pct
from components.i18n import t
from components.theme import REFERENCE_COLOR
from data import columns as c


# figures -----------------------------------------------------------------------------------------
def fact_value(facts: pd.DataFrame, metric: str) -> float:
    return float(facts.loc[facts[c.METRIC] == metric, c.VALUE].iloc[0])


def add_references(
    fig: go.Figure, facts: pd.DataFrame, lang: Lang, axis: str = "x", reform: bool = True
) -> None:
    """Vertical (x) or horizontal (y) lines at the reform level (IOM's own, so only ``reform``
    for IOM) and the funding compact's guideline (for every UN entity)."""
    reform_core = 1 - fact_value(facts, "earmarked_share_after_reform") / 100
    compact_core = fact_value(facts, "funding_compact_core_guideline") / 100
    reform_text = t(
        "earmarking.reform",
        lang,
        core=fmt_pct(reform_core, lang, 0),
        earmarked=fmt_pct(1 - reform_core, lang, 0),
    )
    compact_text = t("earmarking.compact", lang, core=fmt_pct(compact_core, lang, 0))
    lines = [(reform_core, reform_text, "dot", 1.32)] if reform else []
    for value, text, dash, offset in (*lines, (compact_core, compact_text, "dash", 1.12)):
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
