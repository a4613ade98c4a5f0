"""A memo annex in one download: the chosen charts as a Word document or a slide deck.

Analysts assemble annexes by pasting chart after chart and retyping captions; the pack does it
in one step, with numbered figures, the message each chart carries and its source, so nothing
is lost between dashboard and memo. Images come from one batch render (one Chromium session).
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

import plotly.graph_objects as go
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.shared import Cm, Pt, RGBColor
from pptx import Presentation
from pptx.dml.color import RGBColor as PptxRGBColor
from pptx.text.text import TextFrame
from pptx.util import Emu, Inches
from pptx.util import Pt as PptxPt

from components.exports.image import ExportMeta, format_date
from components.exports.provenance import cite_line
from components.exports.renderer import figure_images
from components.formatting import Lang
from components.i18n import t

# A4 portrait with 2.5 cm side margins leaves 16 cm: exactly the width of the memo image.
A4_WIDTH, A4_HEIGHT, PAGE_MARGIN = Cm(21), Cm(29.7), Cm(2.5)
# PowerPoint's own 16:9 size, so slides paste into the ministry's templates without scaling.
SLIDE_WIDTH, SLIDE_HEIGHT = Emu(12_192_000), Emu(6_858_000)
MUTED = (0x52, 0x60, 0x6D)
BLANK_LAYOUT, TITLE_LAYOUT = 6, 0


@dataclass(frozen=True)
class MemoItem:
    """One chart of the annex with the words that go with it."""

    figure: go.Figure
    meta: ExportMeta
    caption: str
    takeaway: str


def figure_label(number: int, lang: Lang) -> str:
    """``Figuur 1.`` / ``Figure 1.``: numbers run through the whole annex."""
    return t("export.memo.figure", lang, number=number)


def source_text(meta: ExportMeta) -> str:
    """Source line with the data date, as under the image, for readers who cannot zoom in."""
    return " · ".join(part for part in (meta.source, meta.dated.text(meta.lang)) if part)


def cite_text(meta: ExportMeta) -> str:
    """The "cite this" line without the link, which the document writes as a link of its own."""
    return cite_line(replace(meta, permalink=""))


def pack_title(items: Sequence[MemoItem], lang: Lang) -> str:
    """The document's title property: the chart's title for one chart, the annex's for more."""
    return _fits(items[0].caption if len(items) == 1 else t("export.memo.title", lang))


# The longest text an Office core property (title, subject) may hold.
PROPERTY_MAX = 255


def _fits(text: str) -> str:
    """``text`` shortened to what a core property holds (an edited title can be any length)."""
    return text if len(text) <= PROPERTY_MAX else text[: PROPERTY_MAX - 1].rstrip() + "…"


def pack_subject(items: Sequence[MemoItem], lang: Lang) -> str:
    """The document's subject property: the titles of its figures, shortened to the 255
    characters the Office core properties hold (a pack of every chart says more)."""
    return _fits(t("memo.subject", lang, titles="; ".join(item.caption for item in items)))


def _stamp(properties: Any, items: Sequence[MemoItem], lang: Lang, created: dt.date) -> None:
    """Name the app as author and the chart as title, not the libraries' defaults
    ("python-docx", "Steve Canny"), which a ministry's document system would file it under."""
    app = t("memo.app", lang)
    when = dt.datetime.combine(created, dt.time(12, 0))
    properties.author = app
    properties.last_modified_by = app
    properties.title = pack_title(items, lang)
    properties.subject = pack_subject(items, lang)
    properties.keywords = "IOM; UN; " + app
    properties.comments = _created_line(lang, created)
    properties.category = t("export.memo.title", lang)
    properties.created = when
    properties.modified = when
    properties.revision = 1
    properties.language = "nl-NL" if lang == "nl" else "en-GB"


def _created_line(lang: Lang, created: dt.date | None) -> str:
    """When the annex was made, since the charts inside may each have their own data date."""
    return t("export.memo.created", lang, date=format_date(created or dt.date.today(), lang))


def memo_pack_docx(
    items: Sequence[MemoItem], lang: Lang, *, created: dt.date | None = None
) -> bytes:
    """A4 portrait Word annex; each figure keeps its number, caption and image on one page."""
    images = figure_images([(item.figure, item.meta) for item in items], "memo", "png")
    document = Document()
    _stamp(document.core_properties, items, lang, created or dt.date.today())
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = A4_WIDTH, A4_HEIGHT
    section.left_margin = section.right_margin = PAGE_MARGIN
    section.top_margin = section.bottom_margin = PAGE_MARGIN
    text_width = A4_WIDTH - 2 * PAGE_MARGIN

    document.add_heading(t("export.memo.title", lang), level=0)
    document.add_paragraph(_created_line(lang, created))
    for number, (item, image) in enumerate(zip(items, images, strict=True), start=1):
        caption = document.add_paragraph(style="Caption")
        caption.add_run(figure_label(number, lang) + " ").bold = True
        caption.add_run(item.caption)
        caption.paragraph_format.keep_with_next = True
        document.add_picture(io.BytesIO(image), width=text_width)
        document.paragraphs[-1].paragraph_format.keep_with_next = True
        takeaway = document.add_paragraph()
        takeaway.add_run(t("export.memo.takeaway", lang) + ": ").bold = True
        takeaway.add_run(item.takeaway)
        takeaway.paragraph_format.keep_with_next = True
        source = document.add_paragraph()
        for text in (source_text(item.meta), cite_text(item.meta), item.meta.permalink):
            if text:
                run = source.add_run(text + "\n")
                run.font.size = Pt(8)
                run.font.color.rgb = RGBColor(*MUTED)
        source.paragraph_format.space_after = Pt(18)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _fill(frame: TextFrame, lines: Sequence[tuple[str, int, bool]]) -> None:
    """Write (text, size in pt, bold) paragraphs into a text box that wraps its text."""
    frame.word_wrap = True
    for index, (text, size, bold) in enumerate(lines):
        paragraph = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
        run = paragraph.add_run()
        run.text = text
        run.font.size = PptxPt(size)
        run.font.bold = bold
        paragraph.space_after = PptxPt(8)


def memo_pack_pptx(
    items: Sequence[MemoItem], lang: Lang, *, created: dt.date | None = None
) -> bytes:
    """16:9 deck: a title slide, then one slide per figure with its message beside the chart."""
    images = figure_images([(item.figure, item.meta) for item in items], "slide", "png")
    deck = Presentation()
    _stamp(deck.core_properties, items, lang, created or dt.date.today())
    deck.slide_width, deck.slide_height = SLIDE_WIDTH, SLIDE_HEIGHT
    title_slide = deck.slides.add_slide(deck.slide_layouts[TITLE_LAYOUT])
    if title_slide.shapes.title is not None:
        title_slide.shapes.title.text = t("export.memo.title", lang)
    title_slide.placeholders[1].text = _created_line(lang, created)

    margin = Inches(0.5)
    picture_top, picture_height = Inches(1.3), Inches(5.0)
    picture_width = Emu(picture_height * 16 // 9)
    side_left = margin + picture_width + Inches(0.3)
    side_width = Emu(SLIDE_WIDTH - side_left - margin)
    for number, (item, image) in enumerate(zip(items, images, strict=True), start=1):
        slide = deck.slides.add_slide(deck.slide_layouts[BLANK_LAYOUT])
        heading = slide.shapes.add_textbox(
            margin, Inches(0.35), Emu(SLIDE_WIDTH - 2 * margin), Inches(0.8)
        )
        _fill(heading.text_frame, [(f"{figure_label(number, lang)} {item.caption}", 24, True)])
        slide.shapes.add_picture(io.BytesIO(image), margin, picture_top, height=picture_height)
        side = slide.shapes.add_textbox(side_left, picture_top, side_width, picture_height)
        _fill(
            side.text_frame,
            [
                (t("export.memo.takeaway", lang), 14, True),
                (item.takeaway, 14, False),
                (source_text(item.meta), 10, False),
                (cite_text(item.meta), 10, False),
            ],
        )
        if item.meta.permalink:
            link = side.text_frame.add_paragraph().add_run()
            link.text = t("export.filters.permalink", lang)
            link.font.size = PptxPt(10)
            link.hyperlink.address = item.meta.permalink
        for paragraph in side.text_frame.paragraphs[2:]:
            for run in paragraph.runs:
                run.font.color.rgb = PptxRGBColor(*MUTED)
    buffer = io.BytesIO()
    deck.save(buffer)
    return buffer.getvalue()
