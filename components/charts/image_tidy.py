"""Small rearrangements of a screen figure for a fixed-size image (``ChartOutput.fit_image``),
shared by every chart that needs one.

The screen figure can grow with its content; a memo image (756 x 425 px) cannot, and the image
layout (components/exports/image_layout.py) only moves titles, legend and footer around the
plot. These helpers change the copy the image is made from, never the screen figure.
"""

from __future__ import annotations

import plotly.graph_objects as go

# Plotly's default standoff pushes an x axis title to the bottom of its margin, which the image
# layout sizes generously: the title then floats far below its tick labels.
IMAGE_TITLE_STANDOFF = 8
# Annotations named so are a line's label at its last point; the image drops them (see
# ``without_end_labels``).
END_LABEL = "end-label"


def flowing_legend(figure: go.Figure) -> go.Figure:
    """Legend entries that flow by their own width, as the image layout reckons with.

    Plotly puts a horizontal legend that needs more than one row into a grid of equal columns
    as wide as the longest name: one long name (a guideline, a note) makes every entry a row
    of its own, more rows than the image layout reserves (``legend_height``), and the legend
    runs into the footer. In a grouped legend groups flow by their own width; one group per
    trace (traces that already share a group keep it) keeps every entry.
    """
    out = go.Figure(figure)
    for index, trace in enumerate(out.data):
        if not trace.legendgroup:
            trace.legendgroup = f"trace-{index}"
    out.update_layout(legend_traceorder="grouped", legend_tracegroupgap=0)
    return out


def tight_axis_title(figure: go.Figure) -> go.Figure:
    """The x axis title just under its tick labels instead of at the bottom of the margin."""
    out = go.Figure(figure)
    out.update_xaxes(title_standoff=IMAGE_TITLE_STANDOFF)
    return out


def without_end_labels(figure: go.Figure) -> go.Figure:
    """Lines without their end labels: spread apart for the screen's height, they overlap in
    a plot a third as tall; the image's legend names every line instead."""
    out = go.Figure(figure)
    out.layout.annotations = [a for a in out.layout.annotations if a.name != END_LABEL]
    return out


def line_chart_image(figure: go.Figure) -> go.Figure:
    """The image copy of a chart with a legend: flowing legend, tight axis title."""
    return tight_axis_title(flowing_legend(figure))


def without_axis_titles(figure: go.Figure) -> go.Figure:
    """The axes without their titles: the image's subtitle names the unit already, and a rotated
    title longer than the short plot of a memo image runs into the subtitle above it."""
    out = go.Figure(figure)
    out.update_xaxes(title_text=None)
    out.update_yaxes(title_text=None)
    return out


def legend_note(figure: go.Figure, text: str) -> go.Figure:
    """``text`` as the last legend entry, without a symbol: the image layout reserves room for
    every legend row, so a note there never covers the plot or the footer, whatever is drawn."""
    out = go.Figure(figure)
    out.add_trace(
        go.Scatter(
            x=[None],
            y=[None],
            mode="markers",
            marker={"color": "rgba(0,0,0,0)", "opacity": 0},
            name=text,
            showlegend=True,
            hoverinfo="skip",
        )
    )
    return out
