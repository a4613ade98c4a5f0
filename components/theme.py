"""One palette and one look for every figure; one colour per donor everywhere.

The colours and the font are written down once, as CSS custom properties in assets/theme.css:
the page's stylesheets use them through ``var(--iom-...)`` and this module reads the same file
at import, so a chart and the page around it cannot drift apart (tests/test_theme.py checks
that nothing else writes a colour). Colours are the Okabe–Ito set, chosen to stay
distinguishable with the common forms of colour-blindness. Donors without a fixed colour take
the spare colours by a stable hash of their key, so a donor keeps its colour across charts and
sessions.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import plotly.graph_objects as go

from components.formatting import Lang, plotly_separators

if TYPE_CHECKING:  # the chart modules import the theme; the theme needs only this shape
    from components.charts.base import Captions

# Next to app.py's assets folder, found from this file so the working directory does not matter.
THEME_CSS = Path(__file__).resolve().parent.parent / "assets" / "theme.css"
PREFIX = "--iom-"

_COMMENT = re.compile(r"/\*.*?\*/", re.DOTALL)
_ROOT_BLOCK = re.compile(r":root\s*\{([^{}]*)\}")
_VAR = re.compile(r"var\(\s*(--[\w-]+)\s*\)")


def css_variables(css: str) -> dict[str, str]:
    """The custom properties declared on ``:root`` in a stylesheet, in file order, with every
    ``var(--name)`` in their values replaced by that variable's value.

    Raises ValueError for a variable declared twice, a reference to an undeclared variable or a
    reference cycle: the stylesheet would silently render such a colour as nothing, while the
    charts would fail here at start-up, so the mistake is stopped before either.
    """
    raw: dict[str, str] = {}
    for block in _ROOT_BLOCK.findall(_COMMENT.sub("", css)):
        for declaration in block.split(";"):
            if not declaration.strip():
                continue
            name, sep, value = (part.strip() for part in declaration.partition(":"))
            if not sep or not name.startswith("--"):
                raise ValueError(f"not a custom property on :root: {declaration.strip()!r}")
            if name in raw:
                raise ValueError(f"CSS variable {name} is declared twice")
            raw[name] = value
    resolved: dict[str, str] = {}

    def resolve(name: str, chain: tuple[str, ...]) -> str:
        if name in chain:
            raise ValueError(
                f"CSS variables refer to each other in a cycle: {' -> '.join((*chain, name))}"
            )
        if name not in raw:
            raise ValueError(f"CSS variable {chain[-1]} refers to undeclared {name}")
        if name not in resolved:
            resolved[name] = _VAR.sub(lambda m: resolve(m.group(1), (*chain, name)), raw[name])
        return resolved[name]

    return {name: resolve(name, ()) for name in raw}


VARIABLES: dict[str, str] = css_variables(THEME_CSS.read_text(encoding="utf-8"))
_read: set[str] = set()  # the variables the charts use, so the test can find unused ones


def _var(role: str) -> str:
    """The value of ``--iom-<role>``; a missing one stops the import with the file to fix."""
    name = PREFIX + role
    if name not in VARIABLES:
        raise KeyError(f"{THEME_CSS} declares no {name}")
    _read.add(name)
    return VARIABLES[name]


def _family(role: str) -> list[str]:
    """The values of ``--iom-<role>-*`` in file order (the file's order is the palette's)."""
    names = [name for name in VARIABLES if name.startswith(f"{PREFIX}{role}-")]
    if not names:
        raise KeyError(f"{THEME_CSS} declares no {PREFIX}{role}-* variables")
    return [_var(name.removeprefix(PREFIX)) for name in names]


FONT_FAMILY = _var("font")
TEXT_COLOR = _var("text")
MUTED_COLOR = _var("muted")
GRID_COLOR = _var("line")
FAINT_GRID_COLOR = _var("tint")  # a lighter grid, for charts where lines carry the data
GUIDE_COLOR = _var("rule")  # dotted guide lines
OTHER_COLOR = _var("other")
TITLE_TOP = 14  # px from the top of the chart to its title, whatever the chart's height
FOOTER_WIDTH = 100  # characters per footer line: fits an 800 px wide chart at 11 px
REFERENCE_COLOR = _var("reference")
PAPER_COLOR = _var("paper")
ON_COLOR = _var("on-colour")  # text and outlines drawn on a coloured bar or marker

# Keyed by the donor's code, upper case: --iom-donor-usa is "USA", --iom-donor-other "OTHER".
DONOR_COLORS: dict[str, str] = {
    name.removeprefix(f"{PREFIX}donor-").upper(): _var(name.removeprefix(PREFIX))
    for name in VARIABLES
    if name.startswith(f"{PREFIX}donor-")
}
_SPARE = tuple(_family("spare"))

CORE_COLOR = _var("core")
CORE_TEXT_COLOR = _var("core-text")  # the core share's label, dark enough to read on white
EARMARKED_COLOR = _var("earmarked")
ASSESSED_COLOR = _var("assessed")
BUDGET_COLOR = _var("budget")
# Keyed as in theme.css: --iom-type-ngos is "ngos" (the contributor types' colours).
TYPE_COLORS: dict[str, str] = {
    name.removeprefix(f"{PREFIX}type-"): _var(name.removeprefix(PREFIX))
    for name in VARIABLES
    if name.startswith(f"{PREFIX}type-")
}
USED_VARIABLES = frozenset(_read)

# Built once: naming a stock template ("plotly_white") makes plotly copy and validate it for
# every figure (~6 ms each), which is most of a chart callback's time.
TEMPLATE = go.layout.Template(
    layout={
        "paper_bgcolor": PAPER_COLOR,
        "plot_bgcolor": PAPER_COLOR,
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


_UNIT_SPACE = re.compile(r"(\d) %")
_GLUE = "\x00"  # stands for a space the wrapping must not break at, while wrapping


def wrap(text: str, width: int) -> str:
    """Break text into lines of at most ``width`` characters, keeping existing ``<br>`` breaks.

    Breaks only at plain spaces: a no-break space keeps a number with its unit, and so does a
    space before "%" (written as it was), so "97" and "%" never end up on two lines."""
    out = []
    for part in _UNIT_SPACE.sub(f"\\1{_GLUE}%", text).split("<br>"):
        lines: list[str] = []
        line = ""
        for word in (w for w in part.split(" ") if w):
            if line and len(line) + 1 + len(word) > width:
                lines.append(line)
                line = word
            else:
                line = f"{line} {word}".strip()
        lines.append(line)
        out.append("<br>".join(lines))
    return "<br>".join(out).replace(_GLUE, " ")


def donor_color(key: str) -> str:
    """The donor's colour: fixed for known donors, stable hash for the others."""
    if key in DONOR_COLORS:
        return DONOR_COLORS[key]
    return _SPARE[zlib.crc32(key.encode("utf-8")) % len(_SPARE)]


def donor_colors(keys: Sequence[str], highlight: str | None = None) -> list[str]:
    """The colours of the donors drawn in one chart, never two alike: a donor with a fixed
    colour keeps it; the highlighted donor next, then the others in the order given (the
    ranking's), each take their own spare (``donor_color``) or, if another donor of the chart
    has it, the next free one; once every spare is taken the rest are grey. So a donor has the
    same colour in every chart unless two in one chart would share it, and the highlighted one
    is never the grey one."""
    chosen: dict[str, str] = {k: DONOR_COLORS[k] for k in keys if k in DONOR_COLORS}
    free = [colour for colour in _SPARE if colour not in chosen.values()]
    rest = [k for k in dict.fromkeys(keys) if k not in chosen]
    if highlight in rest:
        rest.remove(highlight)
        rest.insert(0, highlight)
    for key in rest:
        own = donor_color(key)
        if own in free:
            chosen[key] = own
        elif free:
            start = _SPARE.index(own)
            chosen[key] = min(free, key=lambda c: (_SPARE.index(c) - start) % len(_SPARE))
        else:
            chosen[key] = OTHER_COLOR
        if chosen[key] in free:
            free.remove(chosen[key])
    return [chosen[k] for k in keys]


DIMMED_OPACITY = 0.45  # the bars of the donors not highlighted, when one is
NO_OUTLINE = "rgba(0,0,0,0)"  # the bars of the donors not highlighted


def highlight_marker(
    keys: list[str], highlight: str | None, bottom_up: bool = False
) -> dict[str, Any]:
    """Bar markers in the donors' own colours (``donor_colors``: none twice) with the
    highlighted donor outlined and the others dimmed; unchanged when the highlighted donor is
    not among the bars. Every donor bar chart marks the chosen donor this same way.

    ``bottom_up``: ``keys`` run from the smallest bar up (plotly draws a horizontal bar chart's
    first category at the bottom); the spare colours still go to the largest donors first,
    not to those at the bottom of a top 100."""
    dimmed = highlight is not None and highlight in keys
    ranked = list(reversed(keys)) if bottom_up else keys
    colours = donor_colors(ranked, highlight)
    return {
        "color": list(reversed(colours)) if bottom_up else colours,
        "opacity": [1.0 if not dimmed or k == highlight else DIMMED_OPACITY for k in keys],
        "line": {
            "color": [TEXT_COLOR if k == highlight else NO_OUTLINE for k in keys],
            "width": 2,
        },
    }


def highlight_rules() -> dict[str, Any]:
    """What ``highlight_marker`` does besides the colours, for the browser's repaint of a donor
    pick (assets/year_paint.js): the others' opacity and the outlines."""
    return {"dimmed": DIMMED_OPACITY, "outline": TEXT_COLOR, "plain": NO_OUTLINE}


def footer_lines(captions: Captions) -> int:
    """How many lines the notes and source line under a chart take, as ``apply_theme`` wraps
    them: a chart grows by that much instead of its plot shrinking."""
    return sum(1 + len(line) // FOOTER_WIDTH for line in (*captions.notes, captions.source))


def apply_theme(
    fig: go.Figure,
    lang: Lang,
    captions: Captions,
    axis_space: int = 58,
    legend_on_top: bool = False,
    footer_room: int = 0,
    margin_left: int | None = None,
) -> go.Figure:
    """The chart's captions (title, subtitle, notes, source line) and the shared look; margins
    sized to the text, with room for at least ``footer_room`` footer lines (a chart whose
    years are swapped in the browser keeps one bottom margin for all of them) and a left margin
    of ``margin_left`` if given (its labels' room in every year).

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
            # A fixed distance from the top, not a fraction of the height: at 0.97 the title
            # of a chart grown to 3,000 px (top 100) sat 90 px down, over the first bars.
            "pad": {"l": 12, "t": TITLE_TOP},
            "y": 1,
            "yanchor": "top",
            "font": {"size": 17},
        },
        "margin": {
            "l": 12 if margin_left is None else margin_left,
            "r": 24,
            "t": 110 if legend_on_top else 78,
            "b": axis_space + 16 * max(lines, footer_room) + 10,
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
