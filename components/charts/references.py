"""The reference lines the earmarking charts draw: IOM's level after the 2022 reform and the
funding compact's core guideline, both published facts.

Their labels never sit on each other. Above a horizontal bar (lines across x) every label has a
row of its own in the top margin, counted in pixels: rows in paper units (a fraction of the
plot's height) were a few pixels apart on a plot one bar tall, and the two labels overlapped.
Beside horizontal lines (across y) a label sits on its line; one whose line is closer to the
line below than a label's height (on the plot height the chart expects) is lifted clear of it.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
import plotly.graph_objects as go

from components.formatting import Lang, fmt_pct
from components.i18n import t
from components.theme import REFERENCE_COLOR
from data import columns as c

# The height of a label's box (12 px text, plotly's line height and box padding) and the gap
# kept between two labels; a row above the plot is as tall as both.
LABEL_HEIGHT = 18
LABEL_GAP = 3
ROW_HEIGHT = LABEL_HEIGHT + LABEL_GAP
# Between the plot's top edge and the lowest row of labels above it.
ROW_BASE = 4


# figures -----------------------------------------------------------------------------------------
def fact_value(facts: pd.DataFrame, metric: str) -> float:
    return float(facts.loc[facts[c.METRIC] == metric, c.VALUE].iloc[0])


def row_shifts(count: int) -> list[int]:
    """Pixel offsets above the plot of ``count`` labels, the first on the highest row: each
    label a row of its own, whatever the plot's height or width."""
    return [ROW_BASE + ROW_HEIGHT * (count - 1 - i) for i in range(count)]


def lifts(values: Sequence[float], plot_height: float) -> list[float]:
    """Pixel shifts up for labels set on horizontal lines at ``values`` (y from 0 to 1 over
    ``plot_height`` px), so that each label's bottom clears the top of the label below it.
    Labels far enough apart keep their place (0)."""
    order = sorted(range(len(values)), key=lambda i: values[i])
    shifts = [0.0] * len(values)
    previous_top: float | None = None
    for i in order:
        bottom = values[i] * plot_height
        if previous_top is not None and bottom < previous_top + LABEL_GAP:
            shifts[i] = previous_top + LABEL_GAP - bottom
        previous_top = bottom + shifts[i] + LABEL_HEIGHT
    return shifts


def add_references(
    fig: go.Figure,
    facts: pd.DataFrame,
    lang: Lang,
    axis: str = "x",
    reform: bool = True,
    plot_height: float = 0.0,
) -> None:
    """Vertical (x) or horizontal (y) lines at the reform level (IOM's own, so only ``reform``
    for IOM) and the funding compact's guideline (for every UN entity).

    ``plot_height``: the plot's expected height in px, for labels beside horizontal lines (see
    the module's docstring); 0 lifts none."""
    reform_core = 1 - fact_value(facts, "earmarked_share_after_reform") / 100
    compact_core = fact_value(facts, "funding_compact_core_guideline") / 100
    reform_text = t(
        "earmarking.reform",
        lang,
        core=fmt_pct(reform_core, lang, 0),
        earmarked=fmt_pct(1 - reform_core, lang, 0),
    )
    compact_text = t("earmarking.compact", lang, core=fmt_pct(compact_core, lang, 0))
    lines = [(reform_core, reform_text, "dot")] if reform else []
    lines.append((compact_core, compact_text, "dash"))
    if axis == "x":
        for (value, text, dash), row in zip(lines, row_shifts(len(lines)), strict=True):
            fig.add_shape(
                type="line",
                x0=value,
                x1=value,
                y0=0,
                y1=1.0,
                xref="x",
                yref="paper",
                line={"color": REFERENCE_COLOR, "width": 2, "dash": dash},
            )
            fig.add_annotation(
                x=value,
                y=1.0,
                yshift=row,
                xref="x",
                yref="paper",
                text=text,
                showarrow=False,
                xanchor="left",
                yanchor="bottom",
                font={"size": 12},
                bgcolor="rgba(255,255,255,0.85)",
            )
        return
    shifts = lifts([v for v, _, _ in lines], plot_height) if plot_height > 0 else [0.0] * len(lines)
    for (value, text, dash), shift in zip(lines, shifts, strict=True):
        fig.add_shape(
            type="line",
            y0=value,
            y1=value,
            x0=0,
            x1=1.0,
            yref="y",
            xref="paper",
            line={"color": REFERENCE_COLOR, "width": 2, "dash": dash},
        )
        fig.add_annotation(
            y=value,
            x=1.0,
            yshift=shift,
            yref="y",
            xref="paper",
            text=text,
            showarrow=False,
            xanchor="right",
            yanchor="bottom",
            font={"size": 11},
            bgcolor="rgba(255,255,255,0.85)",
        )
