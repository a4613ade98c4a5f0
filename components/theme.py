"""One palette and one look for every figure; one colour per donor everywhere.

Colours are the Okabe–Ito set, chosen to stay distinguishable with the common forms of
colour-blindness. Donors without a fixed colour take the remaining palette colours by a stable
hash of their key, so a donor keeps its colour across charts and sessions.
"""

from __future__ import annotations

import zlib
from typing import TYPE_CHECKING, Any

import plotly.graph_objects as go

from components.formatting import Lang, plotly_separators

if TYPE_CHECKING:  # the captions module needs the model; the theme needs only this shape
    from components.captions import Captions

FONT_FAMILY = "Inter, 'Segoe UI', 'DejaVu Sans', Arial, sans-serif"
TEXT_COLOR = "#1f2933"
MUTED_COLOR = "#52606d"
GRID_COLOR = "#e4e7eb"
OTHER_COLOR = "#b8bec6"
FOOTER_WIDTH = 100  # characters per footer line: fits an 800 px wide chart at 11 px
REFERENCE_COLOR = "#333333"

DONOR_COLORS: dict[str, str] = {
    "USA": "#0072B2",  # blue
    "DEU": "#009E73",  # bluish green
    "CAN": "#D55E00",  # vermillion
    "GBR": "#CC79A7",  # reddish purple
    "NLD": "#E69F00",  # orange
    "OTHER": OTHER_COLOR,
}
_SPARE = ("#56B4E9", "#F0E442", "#000000", "#882255", "#44AA99", "#999933", "#117733", "#332288")

CORE_COLOR = "#E69F00"
EARMARKED_COLOR = "#0072B2"
BUDGET_COLOR = "#0072B2"


# Built once: naming a stock template ("plotly_white") makes plotly copy and validate it for
# every figure (~6 ms each), which is most of a chart callback's time.
TEMPLATE = go.layout.Template(
    layout={
        "paper_bgcolor": "white",
        "plot_bgcolor": "white",
        "colorway": [DONOR_COLORS[k] for k in ("USA", "DEU", "CAN", "GBR", "NLD")],
        # automargin: tick labels and axis titles push the margin out instead of being clipped
        "xaxis": {
            "gridcolor": GRID_COLOR,
            "linecolor": GRID_COLOR,
            "zeroline": False,
            "automargin": True,
        },
        "yaxis": {
            "gridcolor": GRID_COLOR,
            "linecolor": GRID_COLOR,
            "zeroline": False,
            "automargin": True,
        },
        "hovermode": "closest",
    }
)


def wrap(text: str, width: int) -> str:
    """Break text into lines of at most ``width`` characters, keeping existing ``<br>`` breaks."""
    out = []
    for part in text.split("<br>"):
        lines: list[str] = []
        line = ""
        for word in part.split():
            if line and len(line) + 1 + len(word) > width:
                lines.append(line)
                line = word
            else:
                line = f"{line} {word}".strip()
        lines.append(line)
        out.append("<br>".join(lines))
    return "<br>".join(out)


def donor_color(key: str) -> str:
    """The donor's colour: fixed for known donors, stable hash for the others."""
    if key in DONOR_COLORS:
        return DONOR_COLORS[key]
    return _SPARE[zlib.crc32(key.encode("utf-8")) % len(_SPARE)]


DIMMED_OPACITY = 0.45  # the bars of the donors not highlighted, when one is


def highlight_marker(keys: list[str], highlight: str | None) -> dict[str, Any]:
    """Bar markers in the donors' own colours with the highlighted donor outlined and the others
    dimmed; unchanged when the highlighted donor is not among the bars. Every donor bar chart
    marks the chosen donor this same way."""
    dimmed = highlight is not None and highlight in keys
    return {
        "color": [donor_color(k) for k in keys],
        "opacity": [1.0 if not dimmed or k == highlight else DIMMED_OPACITY for k in keys],
        "line": {
            "color": [TEXT_COLOR if k == highlight else "rgba(0,0,0,0)" for k in keys],
            "width": 2,
        },
    }


def apply_theme(
    fig: go.Figure,
    lang: Lang,
    captions: Captions,
    axis_space: int = 58,
    legend_on_top: bool = False,
) -> go.Figure:
    """The chart's captions (title, subtitle, notes, source line) and the shared look; margins
    sized to the text.

    Notes and the source line form one footer annotation named ``source`` placed ``axis_space``
    pixels below the plot area (room for tick labels and the axis title), so exports can swap it
    for their own footer and nothing overlaps.
    """
    footer = "<br>".join(wrap(line, FOOTER_WIDTH) for line in [*captions.notes, captions.source])
    lines = footer.count("<br>") + 1
    theme: dict[str, Any] = {
        "template": TEMPLATE,
        "separators": plotly_separators(lang),
        "font": {"family": FONT_FAMILY, "color": TEXT_COLOR, "size": 13},
        "title": {
            "text": f"<b>{captions.title}</b>",
            "subtitle": {"text": captions.subtitle, "font": {"color": MUTED_COLOR, "size": 13}},
            "x": 0,
            "xanchor": "left",
            "xref": "container",
            "pad": {"l": 12},
            "y": 0.97,
            "yanchor": "top",
            "font": {"size": 17},
        },
        "margin": {
            "l": 12,
            "r": 24,
            "t": 110 if legend_on_top else 78,
            "b": axis_space + 16 * lines + 10,
            "autoexpand": True,
        },
        "hoverlabel": {"font": {"family": FONT_FAMILY}},
        "legend": {
            "orientation": "h",
            "yanchor": "bottom",
            "y": 1.02,
            "x": 0,
            "font": {"size": 12},
        },
    }
    footer_note = {
        "name": "source",
        "text": footer,
        "xref": "paper",
        "yref": "paper",
        "x": 0,
        "xanchor": "left",
        "y": 0,
        "yanchor": "top",
        "yshift": -axis_space,
        "showarrow": False,
        "align": "left",
        "font": {"size": 11, "color": MUTED_COLOR},
    }
    # One construction instead of successive update_layout/add_annotation calls: each of those
    # re-validates the whole layout, which made theming the slowest step of a chart callback.
    layout = _merge(fig.layout.to_plotly_json(), theme)
    layout["annotations"] = [*layout.get("annotations", []), footer_note]
    return go.Figure(data=fig.data, layout=layout)


def _merge(base: dict[str, Any], override: dict[str, Any]) -> dict[str, Any]:
    """Nested dict merge where ``override`` wins; the builder's own settings survive otherwise."""
    merged = dict(base)
    for key, value in override.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = _merge(merged[key], value)
        else:
            merged[key] = value
    return merged
