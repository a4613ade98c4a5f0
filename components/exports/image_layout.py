"""A chart's figure laid out to stand alone as an image of a fixed size.

Layout is computed rather than left to plotly's automargin: plotly can only push margins for
axes and legends, not for free annotations such as the footer, so the margins here are estimated
(conservatively, from the font metrics of the widest font the server has, DejaVu Sans) from the
text the figure will contain. Axis automargin stays on as a fallback for labels we under-estimate.
The words come from ``image.ExportMeta``, the sizes from ``image.PRESETS``.
"""

from __future__ import annotations

import copy
import datetime as dt
import html
import math
import numbers
import re
import textwrap
from collections.abc import Sequence
from typing import Any, Literal

import numpy as np
import plotly.graph_objects as go

from components.exports.image import PRESETS, ExportMeta, Preset, format_date
from components.formatting import Lang, fmt_number, plotly_separators
from components.i18n import t
from components.theme import MUTED_COLOR, TEXT_COLOR

# Plotly's line spacing for multi-line text (svg_text_utils LINE_SPACING).
LINE_HEIGHT = 1.3
# Average advance of a character as a fraction of the font size. DejaVu Sans is wider than the
# Inter / Segoe UI the theme asks for, so these over-estimate on machines that have those fonts,
# which costs a little white space instead of a cut-off label.
CHAR_WIDTH = 0.56
BOLD_CHAR_WIDTH = 0.63
# Plotly's text metrics (alignment constants): a top-anchored single line is shifted down by
# CAP_SHIFT em; a glyph reaches DESCENT em below its baseline; the subtitle starts
# SUBTITLE_PADDING em (of its own size) below the title's bounding box.
CAP_SHIFT = 0.7
DESCENT = 0.25
SUBTITLE_PADDING = 1.6
# Width of a legend item's symbol plus the gaps around it (plotly: itemwidth 30 + text gap).
LEGEND_SYMBOL = 46
NBSP = "\u00a0"
ISO_DATE = re.compile(r"^\d{4}-\d{2}(-\d{2})?([ T]\d{2}:\d{2}(:\d{2})?)?$")
# The widest label plotly's date axes use at these sizes ("Sep 2023", "2023-09").
DATE_LABEL = "Sep 2023"


def _text_width(text: str, size: float, bold: bool = False) -> float:
    """Estimated rendered width in CSS px."""
    return len(text) * size * (BOLD_CHAR_WIDTH if bold else CHAR_WIDTH)


LINK_WIDTH_FACTOR = 0.8


def _wrap(text: str, width_px: float, size: float, bold: bool = False) -> list[str]:
    """Plain-text lines that fit ``width_px``; existing ``<br>`` breaks are kept."""
    chars = max(10, int(width_px / (size * (BOLD_CHAR_WIDTH if bold else CHAR_WIDTH))))
    lines: list[str] = []
    for paragraph in re.split(r"<br\s*/?>", text):
        # URLs have no spaces; breaking them mid-word beats running off the image.
        lines.extend(
            textwrap.wrap(paragraph, chars, break_long_words=True, break_on_hyphens=False) or [""]
        )
    return lines


def _markup(lines: Sequence[str], bold: bool = False) -> str:
    """Lines as plotly text: HTML-escaped so a ``<`` or ``&`` in a title cannot break the SVG."""
    escaped = [html.escape(line, quote=False) for line in lines]
    if bold:
        escaped = [f"<b>{line}</b>" for line in escaped]
    return "<br>".join(escaped)


def _values(trace: Any, attr: str) -> list[Any]:
    """A trace's data array as a list, whatever container plotly holds it in."""
    value = getattr(trace, attr, None)
    return [] if value is None else list(value)


def _legend_entries(fig: go.Figure) -> list[str]:
    """Names plotly will show in the legend, mirroring its show-if-more-than-one rule."""
    if fig.layout.showlegend is False:
        return []
    pies: list[str] = []
    named: list[str] = []
    for trace in fig.data:
        if trace.visible is False:
            continue
        if trace.type in ("pie", "funnelarea"):
            pies.extend(str(label) for label in _values(trace, "labels"))
        elif getattr(trace, "showlegend", None) is not False:
            named.append(str(trace.name or ""))
    if fig.layout.showlegend is None and len(named) < 2 and not pies:
        return []
    return pies + named


def legend_height(fig: go.Figure, preset: Preset, usable: float) -> float:
    """Height of a horizontal legend whose items flow into as many rows as needed."""
    entries = _legend_entries(fig)
    if not entries:
        return 0.0
    size = preset.font_size
    # (width, lines) per item: an entry written on several lines (a note) is as wide as its
    # longest line, and its row as tall as its lines
    items = [
        (LEGEND_SYMBOL + max(_text_width(line, size) for line in name.split("<br>")), lines)
        for name in entries
        for lines in [name.count("<br>") + 1]
    ]
    legend_title = fig.layout.legend.title.text
    if legend_title:
        items.insert(0, (_text_width(str(legend_title), size) + 10, 1))
    rows: list[int] = [1]  # lines per row
    row_width = 0.0
    for width, lines in items:
        if row_width and row_width + width > usable:
            rows, row_width = [*rows, 1], 0.0
        row_width += width
        rows[-1] = max(rows[-1], lines)
    return sum(lines * size * LINE_HEIGHT + 5 for lines in rows) + 5


def _axis_title_height(axis: Any, size: float) -> float:
    """Space an axis title takes across its axis (rotated titles take their line height)."""
    text = axis.title.text
    if not text:
        return 0.0
    title_size = axis.title.font.size or size
    return (str(text).count("<br>") + 1) * title_size * LINE_HEIGHT + 10


def _axis_labels(fig: go.Figure, letter: Literal["x", "y"], lang: Lang) -> tuple[list[str], bool]:
    """The tick labels an axis will likely show, and whether they are categories."""
    axis = fig.layout[f"{letter}axis"]
    if axis.ticktext is not None:
        return [str(v) for v in axis.ticktext], True
    values: list[Any] = []
    for trace in fig.data:
        if trace.type in ("pie", "funnelarea", "sunburst", "treemap", "sankey", "table"):
            continue
        if getattr(trace, f"{letter}axis", letter) in (None, letter):
            values.extend(_values(trace, letter))
    if not values:
        return [], False
    if axis.type == "date" or all(_is_date(v) for v in values):
        return [DATE_LABEL], False
    if axis.type == "category" or any(isinstance(v, str) for v in values):
        return [str(v) for v in dict.fromkeys(values)], True
    magnitudes = [
        abs(float(v)) for v in values if isinstance(v, numbers.Real) and math.isfinite(float(v))
    ]
    biggest = fmt_number(max(magnitudes, default=0.0), lang)
    affixes = f"{axis.tickprefix or ''}{axis.ticksuffix or ''}"
    # Room for a rounded-up top tick, decimals and a minus sign.
    return [biggest + affixes + "000"], False


def _is_date(value: object) -> bool:
    """Dates (objects or ISO strings) get date ticks from plotly, not one label per value."""
    if isinstance(value, dt.date | np.datetime64):
        return True
    return isinstance(value, str) and ISO_DATE.match(value) is not None


def _category_label_size(labels: list[str], size: float) -> tuple[float, float]:
    """Width of the widest label and height of the tallest (labels may hold ``<br>``)."""
    lines = [re.split(r"<br\s*/?>", re.sub(r"</?b>", "", label)) for label in labels]
    width = max((_text_width(line, size) for parts in lines for line in parts), default=0.0)
    height = max((len(parts) for parts in lines), default=1) * size * LINE_HEIGHT
    return width, height


def _bottom_axis_space(fig: go.Figure, preset: Preset, plot_width: float, lang: Lang) -> float:
    """Room under the plot for x tick labels, rotated as plotly would, plus the axis title."""
    axis = fig.layout.xaxis
    labels, categorical = _axis_labels(fig, "x", lang)
    if not labels or axis.visible is False or axis.showticklabels is False:
        return 0.0
    size = axis.tickfont.size or preset.font_size
    width, height = _category_label_size(labels, size)
    if isinstance(axis.tickangle, int | float):
        angle = math.radians(axis.tickangle)
        label_space = abs(math.sin(angle)) * width + abs(math.cos(angle)) * height
    elif not categorical or width <= 0.9 * plot_width / len(labels):
        label_space = height
    elif 2 * height <= plot_width / len(labels):  # fits at plotly's first fallback, 30 degrees
        label_space = 0.5 * width + 0.87 * height
    else:
        label_space = width
    return label_space + 10 + _axis_title_height(axis, size)


def _left_axis_space(fig: go.Figure, preset: Preset, lang: Lang) -> float:
    """Room left of the plot for y tick labels and the (rotated) y axis title."""
    axis = fig.layout.yaxis
    labels, _ = _axis_labels(fig, "y", lang)
    if not labels or axis.visible is False or axis.showticklabels is False:
        return 0.0
    size = axis.tickfont.size or preset.font_size
    width, _ = _category_label_size(labels, size)
    return width + 10 + _axis_title_height(axis, size)


def _has_cartesian_axes(fig: go.Figure) -> bool:
    """Pies and tables have no axes, so they need no room for tick labels."""
    return any(
        trace.type not in ("pie", "funnelarea", "sunburst", "treemap", "sankey", "table")
        for trace in fig.data
    )


def _header_geometry(spec: Preset, title_lines: int, subtitle_lines: int) -> tuple[float, float]:
    """Where to anchor the title, and where the title block (with subtitle) ends, in px.

    Plotly drops the cap shift of a top-anchored title once it has several lines (its first
    baseline then sits on the anchor, so the first line would stick out of the image); the
    anchor is moved down by that shift to make both cases start ``pad`` below the edge.
    """
    title_size, subtitle_size = spec.title_size, spec.subtitle_size
    first_baseline = spec.pad + CAP_SHIFT * title_size
    anchor = spec.pad if title_lines == 1 else first_baseline
    bottom = first_baseline + (title_lines - 1) * LINE_HEIGHT * title_size + DESCENT * title_size
    if subtitle_lines:
        subtitle_y = bottom + SUBTITLE_PADDING * subtitle_size
        shift = CAP_SHIFT if subtitle_lines == 1 else 0.0  # the same quirk, not correctable here
        last = subtitle_y + (shift + (subtitle_lines - 1) * LINE_HEIGHT) * subtitle_size
        bottom = last + DESCENT * subtitle_size
    return anchor, bottom


def footer_lines(meta: ExportMeta, width_px: float, size: float) -> list[str]:
    """Notes, source with the data date and the export date, and the permalink (when the app
    has a public address), wrapped to the footer width."""
    as_of = meta.dated.text(meta.lang)
    exported = (
        t("memo.exported", meta.lang, date=format_date(meta.exported_on, meta.lang))
        if meta.exported_on
        else ""
    )
    lines: list[str] = []
    for note in meta.notes:
        lines.extend(_wrap(note, width_px, size))
    # No-break spaces keep "data as of 23 Nov 2026" on one line (textwrap only breaks at ASCII
    # white space); they become plain spaces again so the text stays searchable. The export
    # date stands apart from the data date: the numbers are not as new as the file.
    dates = [part.replace(" ", NBSP) for part in (as_of, exported) if part]
    source = " · ".join(part for part in (meta.source, *dates) if part)
    lines.extend(line.replace(NBSP, " ") for line in _wrap(source, width_px, size))
    if meta.permalink:
        # A link's characters ('w', 'm', '=', '&') are wider than prose's average: wrap it at
        # a narrower measure so its end stays on the image.
        lines.extend(_wrap(meta.permalink, width_px * LINK_WIDTH_FACTOR, size))
    return lines


def export_figure(fig: go.Figure, meta: ExportMeta, preset: str) -> go.Figure:
    """A copy of ``fig`` laid out to stand alone as an image at ``preset``'s size.

    Contract with the figure builders: annotations whose ``name`` starts with ``source`` are
    removed, because the export footer (notes, source, data date, permalink) replaces them;
    every other annotation is kept as is. The figure's title, margins, legend position and size
    are replaced; its traces, axes and ``layout.separators`` (the language's number format) are
    kept, with separators filled in from ``meta.lang`` if the figure has none. ``fig`` itself is
    never modified.
    """
    spec = PRESETS[preset]
    out = go.Figure(copy.deepcopy(fig))
    lang = meta.lang
    width, height, pad = spec.width, spec.height, spec.pad
    usable = width - 2 * pad

    title = _wrap(meta.title, usable, spec.title_size, bold=True)
    unit = t("export.unit", lang, unit=meta.unit) if meta.unit else ""
    subtitle_text = " · ".join(part for part in (meta.subtitle, unit) if part)
    subtitle = _wrap(subtitle_text, usable, spec.subtitle_size) if subtitle_text else []
    footer = footer_lines(meta, usable, spec.footer_size)

    title_y, header_bottom = _header_geometry(spec, len(title), len(subtitle))
    # Breathing room, and space for value labels plotly draws above the tallest bar.
    top = header_bottom + spec.font_size * 1.2

    footer_height = len(footer) * spec.footer_size * LINE_HEIGHT
    legend_room = legend_height(out, spec, usable)
    cartesian = _has_cartesian_axes(out)
    left = pad + (_left_axis_space(out, spec, lang) if cartesian else 0)
    right = pad + spec.font_size
    plot_width = max(width - left - right, 1)
    axis_space = _bottom_axis_space(out, spec, plot_width, lang) if cartesian else 0
    bottom = pad + footer_height + spec.font_size * 0.8 + legend_room + axis_space

    out.layout.annotations = [
        a for a in out.layout.annotations if not str(a.name or "").startswith("source")
    ]
    out.add_annotation(
        name="export-footer",
        text=_markup(footer),
        xref="paper",
        yref="paper",
        x=0,
        y=0,
        xanchor="left",
        yanchor="bottom",
        # Pixel shifts from the plot's corner reach the image's corner independently of the
        # plot's size, which paper fractions would not.
        xshift=-(left - pad),
        yshift=-(bottom - pad),
        align="left",
        showarrow=False,
        font={"size": spec.footer_size, "color": MUTED_COLOR},
    )
    out.update_layout(
        width=width,
        height=height,
        autosize=False,
        separators=out.layout.separators or plotly_separators(lang),
        paper_bgcolor="white",
        font={"size": spec.font_size, "color": TEXT_COLOR},
        title={
            "text": _markup(title, bold=True),
            "subtitle": {
                "text": _markup(subtitle),
                "font": {"size": spec.subtitle_size, "color": MUTED_COLOR},
            },
            "xref": "container",
            "yref": "container",
            "x": 0,
            "xanchor": "left",
            "y": 1 - title_y / height,
            "yanchor": "top",
            "pad": {"l": pad, "t": 0, "r": 0, "b": 0},
            "font": {"size": spec.title_size, "color": TEXT_COLOR},
            "automargin": False,
        },
        margin={"l": left, "r": right, "t": top, "b": bottom, "pad": 0, "autoexpand": True},
        legend={
            "orientation": "h",
            "xref": "container",
            "yref": "container",
            "x": pad / width,
            "xanchor": "left",
            "y": (pad + footer_height + spec.font_size * 0.4) / height,
            "yanchor": "bottom",
            "font": {"size": spec.font_size},
            "bgcolor": "rgba(0,0,0,0)",
        },
    )
    if cartesian:
        out.update_xaxes(automargin=True)
        out.update_yaxes(automargin=True)
    return out
