"""The memo annex holds every chosen chart, numbered, with caption, message and source."""

from __future__ import annotations

import datetime as dt
import io

import plotly.graph_objects as go
import pytest
from docx import Document
from docx.document import Document as WordDocument
from docx.shared import Cm
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE
from pptx.presentation import Presentation as Deck

from components.exports.image import ExportMeta
from components.exports.memo import MemoItem, memo_pack_docx, memo_pack_pptx
from components.formatting import Lang, plotly_separators

CREATED = dt.date(2026, 11, 24)


def item(number: int, lang: Lang) -> MemoItem:
    fig = go.Figure(go.Bar(x=["Verenigde Staten", "Nederland"], y=[1365.0, 62.0 + number]))
    fig.update_layout(title="Dashboard title", separators=plotly_separators(lang))
    fig.add_annotation(name="source", text="dashboard source", x=0, y=-0.2, showarrow=False)
    meta = ExportMeta(
        title=f"Grafiek {number}",
        subtitle="Jaar 2023",
        unit="USD mln",
        source="Bron: Scorekaart IOM 2024, p. 7",
        data_as_of=dt.date(2026, 11, 23),
        permalink=f"https://iom.example.org/?view={number}",
        lang=lang,
    )
    return MemoItem(fig, meta, caption=f"Onderschrift {number}", takeaway=f"Boodschap {number}")


@pytest.fixture(scope="module")
def pptx_deck() -> Deck:
    return Presentation(
        io.BytesIO(memo_pack_pptx([item(1, "en"), item(2, "en")], "en", created=CREATED))
    )


@pytest.fixture(scope="module")
def docx_document() -> WordDocument:
    data = memo_pack_docx([item(1, "nl"), item(2, "nl"), item(3, "nl")], "nl", created=CREATED)
    return Document(io.BytesIO(data))


def test_pptx_has_a_title_slide_then_one_picture_per_item(pptx_deck: Deck) -> None:
    deck = pptx_deck
    slides = list(deck.slides)
    assert len(slides) == 3
    assert slides[0].shapes.title is not None
    assert slides[0].shapes.title.text == "Memo annex: IOM funding"
    assert any("24 Nov 2026" in shape.text_frame.text for shape in slides[0].placeholders)
    for number, slide in enumerate(slides[1:], start=1):
        pictures = [s for s in slide.shapes if s.shape_type == MSO_SHAPE_TYPE.PICTURE]
        assert len(pictures) == 1
        assert pictures[0].image.size == (1920, 1080)  # the slide preset, not resampled
        texts = [s.text_frame.text for s in slide.shapes if s.has_text_frame]
        assert f"Figure {number}. Onderschrift {number}" in texts
        side = next(text for text in texts if "Key message" in text)
        assert f"Boodschap {number}" in side
        assert "data as of 23 Nov 2026" in side
    assert (deck.slide_width, deck.slide_height) == (12_192_000, 6_858_000)


def test_pptx_pictures_stay_on_the_slide(pptx_deck: Deck) -> None:
    deck = pptx_deck
    for slide in list(deck.slides)[1:]:
        for shape in slide.shapes:
            assert shape.left >= 0 and shape.top >= 0
            assert shape.left + shape.width <= deck.slide_width
            assert shape.top + shape.height <= deck.slide_height


def test_docx_has_one_inline_picture_per_item_and_numbered_captions(
    docx_document: WordDocument,
) -> None:
    document = docx_document
    assert len(document.inline_shapes) == 3
    texts = [p.text for p in document.paragraphs]
    assert texts[0] == "Memo-bijlage: financiering IOM"
    assert "Samengesteld op 24-11-2026" in texts
    for number in (1, 2, 3):
        assert f"Figuur {number}. Onderschrift {number}" in texts
        assert f"Kernboodschap: Boodschap {number}" in texts
    assert any("gegevens per 23-11-2026" in text for text in texts)
    assert any("https://iom.example.org/?view=2" in text for text in texts)


def test_docx_is_a4_portrait_with_pictures_at_text_width(docx_document: WordDocument) -> None:
    document = docx_document
    section = document.sections[0]
    width, height = section.page_width, section.page_height
    left, right = section.left_margin, section.right_margin
    assert width is not None and height is not None and left is not None and right is not None
    # Word stores page sizes in twentieths of a point, so compare to within 0.1 mm.
    assert abs(width - Cm(21)) < Cm(0.01)
    assert abs(height - Cm(29.7)) < Cm(0.01)
    text_width = width - left - right
    for shape in document.inline_shapes:
        assert abs(shape.width - text_width) < Cm(0.01)
        assert abs(shape.height / shape.width - 1063 / 1890) < 0.01  # memo preset, undistorted
