"""Exported images explain themselves: title, filters, unit, source, date and link, never cut.

Covers components/exports/image.py (words, sizes, names), image_layout.py (the re-layout) and
the image functions of renderer.py (kaleido).
"""

from __future__ import annotations

import datetime as dt
import html
import re
import struct

import plotly.graph_objects as go
import pytest

from components.exports.image import PRESETS, ExportMeta, export_filename, format_date
from components.exports.image_layout import export_figure
from components.exports.renderer import figure_image, figure_images
from components.formatting import Lang, plotly_separators

EXPECTED_PIXELS = {"memo": (1890, 1063), "slide": (1920, 1080), "square": (1080, 1080)}
SOURCES: dict[Lang, str] = {
    "nl": "Bron: Ministerie van Buitenlandse Zaken, Scorekaart IOM 2024, p. 7",
    "en": "Source: Netherlands Ministry of Foreign Affairs, IOM scorecard 2024, p. 7",
}
AS_OF: dict[Lang, str] = {"nl": "gegevens per 23-11-2026", "en": "data as of 23 Nov 2026"}


def bar_figure(lang: Lang = "nl") -> go.Figure:
    """A small dashboard-like chart with its own title and a source annotation."""
    fig = go.Figure()
    donors = ["Verenigde Staten", "Duitsland", "Nederland"]
    fig.add_bar(x=donors, y=[1365.0, 279.0, 62.0], name="2023", texttemplate="%{y:,.1f}")
    fig.add_bar(x=donors, y=[929.0, 272.0, 60.0], name="2022")
    fig.update_layout(title="Dashboard title", separators=plotly_separators(lang))
    fig.add_annotation(name="source", text="dashboard source line", x=0, y=-0.2, showarrow=False)
    fig.add_annotation(name="highlight", text="NL", x="Nederland", y=62.0)
    return fig


def make_meta(
    lang: Lang = "nl", title: str | None = None, permalink: str | None = None
) -> ExportMeta:
    nl = lang == "nl"
    return ExportMeta(
        title=title or ("Grootste donoren van IOM" if nl else "Largest donors to IOM"),
        subtitle="Jaar 2023 · gemarkeerd: Nederland"
        if nl
        else "Year 2023 · highlighted: Netherlands",
        unit="USD mln" if nl else "USD million",
        source=SOURCES[lang],
        data_as_of=dt.date(2026, 11, 23),
        permalink=permalink or f"https://iom.example.org/?lang={lang}&year=2023",
        lang=lang,
    )


def png_size(image: bytes) -> tuple[int, int]:
    """Width and height from the PNG's IHDR chunk, which always follows the 8-byte signature."""
    assert image[:8] == b"\x89PNG\r\n\x1a\n"
    assert image[12:16] == b"IHDR"
    width, height = struct.unpack(">II", image[16:24])
    return width, height


def svg_text(svg: bytes) -> str:
    """All visible text of an SVG, entities decoded, one string to search in."""
    return html.unescape(" ".join(re.findall(r">([^<>]+)<", svg.decode("utf-8"))))


# --- layout, fast ---------------------------------------------------------------------------


@pytest.mark.parametrize("name", list(EXPECTED_PIXELS))
def test_preset_arithmetic_gives_exact_integer_pixels(name: str) -> None:
    preset = PRESETS[name]
    assert preset.width * preset.scale == EXPECTED_PIXELS[name][0]
    assert preset.height * preset.scale == EXPECTED_PIXELS[name][1]
    assert (preset.pixel_width, preset.pixel_height) == EXPECTED_PIXELS[name]


def test_export_figure_does_not_mutate_the_input() -> None:
    fig = bar_figure()
    before = fig.to_plotly_json()
    out = export_figure(fig, make_meta(), "memo")
    assert fig.to_plotly_json() == before
    assert out is not fig
    assert out.layout.title.text != fig.layout.title.text


def test_source_annotations_are_replaced_by_the_footer_and_others_kept() -> None:
    out = export_figure(bar_figure(), make_meta(), "slide")
    names = [a.name for a in out.layout.annotations]
    assert "source" not in names
    assert "highlight" in names
    footer = next(a for a in out.layout.annotations if a.name == "export-footer")
    assert SOURCES["nl"] in footer.text
    assert AS_OF["nl"] in footer.text
    assert "https://iom.example.org/?lang=nl&amp;year=2023" in footer.text


def test_title_subtitle_and_unit_are_at_the_top() -> None:
    out = export_figure(bar_figure("en"), make_meta("en"), "square")
    assert out.layout.title.text == "<b>Largest donors to IOM</b>"
    assert (
        out.layout.title.subtitle.text == "Year 2023 · highlighted: Netherlands · unit: USD million"
    )
    assert out.layout.paper_bgcolor == "white"


def test_separators_are_kept_and_filled_in_from_the_language_when_missing() -> None:
    assert export_figure(bar_figure("nl"), make_meta("nl"), "memo").layout.separators == ",."
    bare = bar_figure("nl").update_layout(separators=None)
    assert export_figure(bare, make_meta("en"), "memo").layout.separators == ".,"


@pytest.mark.parametrize("name", list(PRESETS))
def test_long_title_and_long_link_wrap_instead_of_running_off(name: str) -> None:
    long_title = "Bijdragen van de grootste donoren aan de Internationale Organisatie voor " * 3
    link = "https://iom.example.org/?" + "&".join(f"filter{i}=waarde{i}" for i in range(20))
    short = export_figure(bar_figure(), make_meta(), name)
    wrapped = export_figure(bar_figure(), make_meta(title=long_title, permalink=link), name)
    preset = PRESETS[name]
    title_lines = wrapped.layout.title.text.split("<br>")
    assert len(title_lines) >= 3
    # Lines must fit the image at the widest glyph average DejaVu Sans Bold reaches (~0.63 em).
    for line in title_lines:
        text = re.sub(r"</?b>", "", line)
        assert len(text) * preset.title_size * 0.63 <= preset.width - 2 * preset.pad
    assert wrapped.layout.margin.t > short.layout.margin.t + 2 * preset.title_size
    footer = next(a for a in wrapped.layout.annotations if a.name == "export-footer")
    assert footer.text.count("<br>") > 1
    assert wrapped.layout.margin.b > short.layout.margin.b


def test_legend_sits_below_the_plot_above_the_footer() -> None:
    out = export_figure(bar_figure(), make_meta(), "memo")
    legend = out.layout.legend
    assert legend.orientation == "h"
    assert (legend.xref, legend.yref, legend.yanchor) == ("container", "container", "bottom")
    legend_bottom_px = legend.y * PRESETS["memo"].height
    footer = next(a for a in out.layout.annotations if a.name == "export-footer")
    footer_lines = footer.text.count("<br>") + 1
    assert legend_bottom_px >= PRESETS["memo"].pad + footer_lines * PRESETS["memo"].footer_size
    assert out.layout.margin.b > legend_bottom_px + PRESETS["memo"].font_size


def test_notes_go_into_the_footer_above_the_source() -> None:
    meta = make_meta("en")
    meta = ExportMeta(**{**meta.__dict__, "notes": ("Note: totals differ between sources.",)})
    footer = next(
        a for a in export_figure(bar_figure(), meta, "slide").layout.annotations
        if a.name == "export-footer"
    )  # fmt: skip
    assert footer.text.index("Note: totals differ") < footer.text.index("Source:")


def test_as_of_date_is_written_the_way_each_language_writes_dates() -> None:
    assert format_date(dt.date(2026, 11, 23), "nl") == "23-11-2026"
    assert format_date(dt.date(2026, 11, 23), "en") == "23 Nov 2026"
    assert format_date(dt.date(2026, 3, 5), "nl") == "05-03-2026"


def test_export_filename_is_a_safe_slug_with_the_date() -> None:
    meta = make_meta(title="Bijdragen/ëxtra: <IOM> 2023?")
    name = export_filename(meta, "memo", "png")
    assert name == "bijdragen-extra-iom-2023-memo-2026-11-23.png"
    assert re.fullmatch(r"[a-z0-9.-]+", export_filename(meta, "../../etc", ".x/y"))


# --- rendering, needs kaleido and Chromium -------------------------------------------------


@pytest.mark.parametrize("name", list(PRESETS))
def test_png_has_exactly_the_preset_pixel_size(name: str) -> None:
    assert png_size(figure_image(bar_figure(), make_meta(), name, "png")) == EXPECTED_PIXELS[name]


def test_svg_carries_title_subtitle_source_date_and_link_in_both_languages() -> None:
    langs: list[Lang] = ["nl", "en"]
    images = figure_images([(bar_figure(lang), make_meta(lang)) for lang in langs], "memo", "svg")
    for lang, image in zip(langs, images, strict=True):
        text = svg_text(image)
        meta = make_meta(lang)
        for expected in (meta.title, meta.subtitle, meta.source, AS_OF[lang], meta.permalink):
            assert expected in text, (lang, expected)
        assert "dashboard source line" not in text
        # The value labels follow the figure's separators: Dutch and English number formats.
        assert ("1.365,0" if lang == "nl" else "1,365.0") in text


def test_batch_returns_images_in_input_order_at_the_preset_size() -> None:
    titles = [f"Figuur nummer {index}" for index in range(3)]
    items = [(bar_figure(), make_meta(title=title)) for title in titles]
    svgs = figure_images(items, "slide", "svg")
    assert [title in svg_text(svg) for title, svg in zip(titles, svgs, strict=True)] == [True] * 3
    assert titles[1] not in svg_text(svgs[0])
    pngs = figure_images(items[:2], "square", "png")
    assert [png_size(png) for png in pngs] == [EXPECTED_PIXELS["square"]] * 2
    assert figure_images([], "memo", "png") == []


def test_long_category_labels_get_room_below_the_plot() -> None:
    short = go.Figure(go.Bar(x=["A", "B", "C"], y=[1, 2, 3]))
    names = [f"Donor met een lange officiële naam {i}" for i in range(12)]
    long = go.Figure(go.Bar(x=names, y=list(range(12))))
    dates = go.Figure(go.Scatter(x=[f"2023-{m:02d}-01" for m in range(1, 13)], y=list(range(12))))
    margin = {
        name: export_figure(fig, make_meta(), "memo").layout.margin.b
        for name, fig in (("short", short), ("long", long), ("dates", dates))
    }
    # Twelve long names cannot sit side by side: plotly turns them 30 degrees, so they reach
    # down half their width (at least 0.5 em per character).
    assert margin["long"] - margin["short"] >= 0.5 * len(names[0]) * 0.5 * PRESETS["memo"].font_size
    # Dates get a handful of date ticks, not one label per value.
    assert margin["dates"] == margin["short"]


def test_pie_chart_keeps_its_legend_and_needs_no_axis_room() -> None:
    pie = go.Figure(go.Pie(labels=["Geoormerkt", "Kern"], values=[88.0, 12.0]))
    bars = go.Figure(go.Bar(x=["Geoormerkt", "Kern"], y=[88.0, 12.0]))
    pie_out = export_figure(pie, make_meta(), "square")
    bar_out = export_figure(bars, make_meta(), "square")
    assert pie_out.layout.margin.l == PRESETS["square"].pad
    # The pie's legend takes the room the bars' tick labels take.
    assert pie_out.layout.margin.b > PRESETS["square"].pad + 3 * PRESETS["square"].footer_size
    assert bar_out.layout.margin.l > pie_out.layout.margin.l
