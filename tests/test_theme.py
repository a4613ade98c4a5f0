"""One source for the look: the colours in assets/theme.css, the clientside names in
components/clientside.py.

The charts (components/theme.py) and the page (assets/*.css) both take their colours from
assets/theme.css; these tests fail when a colour is written anywhere else, when a stylesheet
names a variable nobody declares, or when a declared colour is used by nobody. The clientside
callbacks' namespace and function names are checked against what assets/*.js registers on
``window.dash_clientside`` and what the app actually registers with Dash.
"""

from __future__ import annotations

import itertools
import json
import math
import re
import subprocess
import sys
import tokenize
from pathlib import Path
from typing import cast

import pytest
from dash import Dash, html

import callbacks
from callbacks.context import RequestContext
from components import clientside, theme
from components.theme import PREFIX, THEME_CSS, css_variables
from data.provider import ModelProvider

ROOT = Path(__file__).resolve().parent.parent
ASSETS = ROOT / "assets"
STYLESHEETS = sorted(ASSETS.glob("*.css"))
OTHER_STYLESHEETS = [p for p in STYLESHEETS if p != THEME_CSS]
SCRIPTS = sorted(ASSETS.glob("*.js"))

# The named colours a stylesheet is likely to use; hex and rgb()/hsl() are caught by pattern.
NAMED_COLOURS = (
    "white",
    "black",
    "gray",
    "grey",
    "silver",
    "red",
    "maroon",
    "orange",
    "yellow",
    "olive",
    "lime",
    "green",
    "teal",
    "aqua",
    "cyan",
    "blue",
    "navy",
    "fuchsia",
    "magenta",
    "purple",
    "pink",
    "brown",
    "gold",
)
_NAMED = re.compile(r"(?<![\w-])(" + "|".join(NAMED_COLOURS) + r")(?![\w-])", re.IGNORECASE)
_HEX = re.compile(r"#[0-9a-fA-F]{3,8}\b")
_FUNCTION = re.compile(r"\b(?:rgba?|hsla?)\(", re.IGNORECASE)
_VAR_USE = re.compile(r"var\(\s*(--[\w-]+)")


def declarations(path: Path) -> list[tuple[str, str, str]]:
    """(selector, property, value) of every declaration in a stylesheet, comments dropped."""
    css = re.sub(r"/\*.*?\*/", "", path.read_text(encoding="utf-8"), flags=re.DOTALL)
    found = []
    for selector, body in re.findall(r"([^{};]*)\{([^{}]*)\}", css):
        for declaration in body.split(";"):
            prop, sep, value = declaration.partition(":")
            if sep:
                found.append((" ".join(selector.split()), prop.strip(), value.strip()))
    return found


def colour_literals(value: str) -> list[str]:
    """The colours written out in a CSS value (as opposed to taken with var())."""
    return [m.group(0) for pattern in (_HEX, _FUNCTION, _NAMED) for m in pattern.finditer(value)]


def normalised(colour: str) -> str:
    """One spelling per colour, so #FFF, #ffffff and white count as the same value."""
    value = {"white": "#ffffff", "black": "#000000"}.get(colour.lower(), colour.lower())
    if re.fullmatch(r"#[0-9a-f]{3}", value):
        value = "#" + "".join(c * 2 for c in value[1:])
    return value


# --- the stylesheets ------------------------------------------------------------------------


def test_theme_css_declares_only_variables_on_root() -> None:
    """Then its place in Dash's alphabetical loading order cannot change what a rule does."""
    found = declarations(THEME_CSS)
    assert found
    for selector, prop, _ in found:
        assert selector == ":root", selector
        assert prop.startswith(PREFIX), prop


@pytest.mark.parametrize("path", OTHER_STYLESHEETS, ids=lambda p: p.name)
def test_no_stylesheet_but_theme_css_writes_a_colour(path: Path) -> None:
    written = [
        f"{selector} {{ {prop}: {value} }}"
        for selector, prop, value in declarations(path)
        if colour_literals(value)
    ]
    assert written == [], f"use a var(--iom-...) from theme.css in {path.name}"


@pytest.mark.parametrize("path", OTHER_STYLESHEETS, ids=lambda p: p.name)
def test_fonts_come_from_theme_css(path: Path) -> None:
    families = [v for _, prop, v in declarations(path) if prop in ("font-family", "font")]
    assert all(v in ("var(--iom-font)", "inherit") for v in families), families


def test_every_var_names_a_declared_variable() -> None:
    declared = {prop for path in STYLESHEETS for _, prop, _ in declarations(path)}
    used = {
        (path.name, name)
        for path in STYLESHEETS
        for _, _, value in declarations(path)
        for name in _VAR_USE.findall(value)
    }
    assert used
    assert {(file, name) for file, name in used if name not in declared} == set()


def test_every_declared_variable_is_used_by_a_stylesheet_or_the_charts() -> None:
    used = {
        name
        for path in STYLESHEETS
        for _, _, v in declarations(path)
        for name in _VAR_USE.findall(v)
    }
    unused = set(css_variables(THEME_CSS.read_text(encoding="utf-8"))) - used - theme.USED_VARIABLES
    assert unused == set()


def test_each_colour_value_is_written_once() -> None:
    """A second role with the same colour takes it with var(), so changing it is one edit."""
    literals = [
        (prop, normalised(value))
        for _, prop, value in declarations(THEME_CSS)
        if "var(" not in value and colour_literals(value)
    ]
    assert len(literals) > 10
    seen: dict[str, str] = {}
    twice = []
    for prop, value in literals:
        if value in seen:
            twice.append((seen[value], prop, value))
        seen.setdefault(value, prop)
    assert twice == []


# --- the charts read the stylesheet ---------------------------------------------------------


def test_theme_module_writes_no_colour_of_its_own() -> None:
    """Every colour in components/theme.py is read from theme.css; only "no colour" is literal."""
    with open(theme.__file__, encoding="utf-8") as source:
        strings = [
            t.string for t in tokenize.generate_tokens(source.readline) if t.type == tokenize.STRING
        ]
    colours = [
        s
        for s in strings
        if not s.startswith(('"""', "'''")) and colour_literals(s) and "rgba(0,0,0,0)" not in s
    ]
    assert colours == []


def test_the_charts_draw_with_the_stylesheet_colours() -> None:
    variables = css_variables(THEME_CSS.read_text(encoding="utf-8"))
    layout = theme.TEMPLATE.layout
    assert layout.xaxis.gridcolor == variables["--iom-line"]
    assert layout.paper_bgcolor == variables["--iom-paper"]
    assert list(layout.colorway) == [
        variables[f"--iom-donor-{k}"] for k in ("usa", "deu", "can", "gbr", "nld")
    ]
    assert theme.donor_color("OTHER") == variables["--iom-donor-other"]
    assert variables["--iom-text"] == theme.TEXT_COLOR
    assert variables["--iom-font"] == theme.FONT_FAMILY
    # A donor without a colour of its own gets a spare, never a fixed donor's colour.
    spares = [v for k, v in variables.items() if k.startswith("--iom-spare-")]
    assert theme.donor_color("NOWHERE") in spares
    assert theme.donor_color("NOWHERE") not in theme.DONOR_COLORS.values()


def _lab(colour: str) -> tuple[float, float, float]:
    """CIELAB (D65) of an sRGB hex colour: distances there follow how far apart colours look."""
    channels = [int(colour.lstrip("#")[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    xyz = (
        (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047,
        0.2126 * r + 0.7152 * g + 0.0722 * b,
        (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883,
    )
    fx, fy, fz = (t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116 for t in xyz)
    return 116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)


def test_the_kinds_of_revenue_look_apart() -> None:
    """Assessed, core, earmarked and other stack in one bar: each pair at least ΔE 15 apart
    (assessed was the page's muted grey, ΔE 5 from earmarked's slate), and in lightness too
    (what a reader without colour vision still sees) except where the hue differs widely."""
    from components.charts.table import KINDS

    colours = {word: colour for _, word, colour in KINDS}
    for first, second in itertools.combinations(colours, 2):
        a, b = _lab(colours[first]), _lab(colours[second])
        assert math.dist(a, b) >= 15, (first, second)
        assert abs(a[0] - b[0]) >= 10 or math.dist(a[1:], b[1:]) >= 40, (first, second)


def test_the_stylesheet_is_found_from_any_working_directory(tmp_path: Path) -> None:
    code = "from components import theme; print(theme.TEXT_COLOR)"
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=tmp_path,
        env={"PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        check=True,
    )
    assert (
        result.stdout.strip() == css_variables(THEME_CSS.read_text(encoding="utf-8"))["--iom-text"]
    )


def test_variables_resolve_through_references_in_file_order() -> None:
    css = """/* a comment: --x: red; */
    :root { --b: var(--a); --a: #123456; --c: 1px solid var(--b); }
    .rule { color: var(--a); }"""
    assert list(css_variables(css).items()) == [
        ("--b", "#123456"),
        ("--a", "#123456"),
        ("--c", "1px solid #123456"),
    ]


@pytest.mark.parametrize(
    ("css", "problem"),
    [
        (":root { --a: red; --a: blue; }", "declared twice"),
        (":root { --a: var(--nope); }", "undeclared --nope"),
        (":root { --a: var(--b); --b: var(--a); }", "cycle"),
        (":root { color: red; }", "not a custom property"),
    ],
)
def test_a_broken_palette_stops_the_import(css: str, problem: str) -> None:
    with pytest.raises(ValueError, match=problem):
        css_variables(css)


# --- the clientside functions ---------------------------------------------------------------

_REGISTRATION = re.compile(
    r"window\.dash_clientside\s*=\s*Object\.assign\(\s*\{\s*\}\s*,\s*window\.dash_clientside\s*,\s*\{"
)
_TOKEN = re.compile(r"[A-Za-z_$][\w$]*|\S")
DASH_API = {"no_update", "set_props", "callback_context"}  # dash_clientside members Dash owns


def code_only(js: str) -> str:
    """The script with comments removed and string contents blanked, so braces and names
    inside them do not count."""
    pattern = r"//[^\n]*|/\*.*?\*/|\"(?:\\.|[^\"\\])*\"|'(?:\\.|[^'\\])*'|`(?:\\.|[^`\\])*`"

    def blank(m: re.Match[str]) -> str:
        text = m.group(0)
        return " " if text[0] == "/" else text[0] + " " * (len(text) - 2) + text[0]

    return re.sub(pattern, blank, js, flags=re.DOTALL)


def registered(js: str) -> set[tuple[str, str]]:
    """(namespace, function) pairs that ``Object.assign({}, window.dash_clientside, {...})``
    adds: the keys at the first two levels of that object literal (``key: value`` or
    shorthand ``key``)."""
    code = code_only(js)
    pairs = set()
    for match in _REGISTRATION.finditer(code):
        depth, expect_key, namespace = 1, True, ""
        tokens = _TOKEN.findall(code[match.end() :])
        for i, token in enumerate(tokens):
            if token in "{[(":
                depth += 1
                expect_key = token == "{" and depth <= 2
            elif token in "}])":
                depth -= 1
                if depth == 0:
                    break
            elif token == "," and depth <= 2:
                expect_key = True
            elif expect_key and re.fullmatch(r"[A-Za-z_$][\w$]*", token):
                expect_key = False
                if depth == 1:
                    namespace = token
                elif depth == 2 and tokens[i + 1] in (":", ",", "}"):
                    pairs.add((namespace, token))
    return pairs


def scripts() -> dict[str, str]:
    return {path.name: path.read_text(encoding="utf-8") for path in SCRIPTS}


def test_every_declared_function_is_defined_in_its_asset() -> None:
    js = scripts()
    for function in clientside.ALL_FUNCTIONS:
        assert function.asset in js, function
        assert (function.namespace, function.name) in registered(js[function.asset]), function


def test_every_function_the_scripts_register_is_declared() -> None:
    in_js = {pair for text in scripts().values() for pair in registered(text)}
    declared = {(f.namespace, f.name) for f in clientside.ALL_FUNCTIONS}
    assert in_js == declared


def test_scripts_touch_dash_clientside_only_in_known_ways() -> None:
    """A registration in another form, or a namespace used but never declared, would escape the
    tests above."""
    namespaces = {f.namespace for f in clientside.ALL_FUNCTIONS}
    for name, text in scripts().items():
        code = code_only(text)
        assignments = len(re.findall(r"dash_clientside\s*=(?!=)", code))
        assert assignments == len(_REGISTRATION.findall(code)), name
        members = set(re.findall(r"dash_clientside\s*\.\s*([\w$]+)", code))
        assert members <= DASH_API | namespaces, (name, members - DASH_API - namespaces)


def test_the_registration_reader_sees_each_form() -> None:
    js = """window.dash_clientside = Object.assign({}, window.dash_clientside, {
      // ignored: { fake: 1 }
      one: { a: function (x) { return {b: x ? "}" : 2}; }, c: c, d },
      two: { e: e },
    });"""
    assert registered(js) == {("one", "a"), ("one", "c"), ("one", "d"), ("two", "e")}


def test_the_callbacks_use_exactly_the_declared_functions() -> None:
    """Registration only (no callback runs), so a stand-in for the data is enough."""
    dash_app = Dash(__name__)
    dash_app.layout = html.Div()
    callbacks.register(dash_app, RequestContext(cast(ModelProvider, object())))
    response = dash_app.server.test_client().get("/_dash-dependencies")
    used = {
        (spec["clientside_function"]["namespace"], spec["clientside_function"]["function_name"])
        for spec in json.loads(response.data)
        if spec.get("clientside_function")
    }
    assert used == {(f.namespace, f.name) for f in clientside.ALL_FUNCTIONS}


def test_a_reference_names_its_function() -> None:
    for function in clientside.ALL_FUNCTIONS:
        ref = function.ref()
        assert (ref.namespace, ref.function_name) == (function.namespace, function.name)
