"""Memo-grade exports, read back from the files: no loopback link, the data's own date with the
export date apart, the app (not the libraries) named in the document properties, PNGs that
carry their DPI, and a "cite this" line."""

from __future__ import annotations

import datetime as dt
import io
import re
import struct
import zlib

import pytest
from docx import Document
from openpyxl import load_workbook
from PIL import Image
from pptx import Presentation

from components.charts import build_chart, chart_state
from components.exports.assemble import data_file, image_spec, memo_bytes, memo_items, prepare
from components.exports.image import PRESETS, DataDate
from components.exports.image_layout import footer_lines
from components.exports.png import png_dpi, with_dpi
from components.exports.provenance import (
    PUBLIC_URL_ENV,
    data_date,
    history_last_year,
    public_address,
    public_base,
)
from components.exports.renderer import figure_images, kaleido_server
from data import ceb
from data.ceb_source import CebModel
from data.scorecard_source import ScorecardModel
from data.source import FundingSource
from tests.export_helpers import (
    BUDGET,
    LOADED_FILE,
    LOADED_ON,
    RANKING,
    loaded_model,
    published,
)

PUBLIC = "https://funding.example.org/iom/"
EXPORTED = dt.date(2026, 12, 1)
LOOPBACKS = [
    "http://127.0.0.1:8050/",
    "http://localhost:8050/?lang=nl",
    "http://[::1]:8050/",
    "http://0.0.0.0:8050",
    "http://app.localhost/",
    "http://127.3.4.5/",
]
LIBRARY_NAMES = ("python-docx", "Steve Canny", "openpyxl", "python-pptx")


@pytest.fixture(scope="module")
def seed() -> FundingSource:
    return ScorecardModel.from_seed()


@pytest.fixture(scope="module")
def history_like(seed: FundingSource) -> FundingSource:
    """CEB numbers with no loaded file behind them, as the built-in history gives them."""
    frame = ceb.read_revenue_files([(LOADED_FILE.name, LOADED_FILE.read_bytes())])
    return CebModel.from_revenue(frame, "IOM", seed.tables, (), line_key="source.ceb_history")


# the public address ------------------------------------------------------------------------------
@pytest.mark.parametrize("address", LOOPBACKS)
def test_a_loopback_address_is_never_a_public_address(address: str) -> None:
    assert public_base(address) is None


@pytest.mark.parametrize("address", ["", "   ", "ftp://example.org/", "example.org", None])
def test_an_empty_or_odd_setting_gives_no_address(address: str | None) -> None:
    assert public_base(address) is None


def test_the_setting_is_the_address_with_its_path(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(PUBLIC_URL_ENV, PUBLIC + "?lang=en#x")
    assert public_address() == PUBLIC
    monkeypatch.delenv(PUBLIC_URL_ENV)
    assert public_address() is None


def test_without_a_public_address_an_export_has_no_link(seed: FundingSource) -> None:
    state = chart_state("nl", 2023, "NLD")
    for address in [None, *LOOPBACKS]:
        _, meta = prepare(RANKING, seed, state, None, address, exported_on=EXPORTED)
        assert meta.permalink == ""
        assert not any("127.0.0.1" in line or "localhost" in line for line in _footer(meta))


def test_with_a_public_address_the_link_opens_the_chart(seed: FundingSource) -> None:
    _, meta = prepare(BUDGET, seed, chart_state("en", 2022, "NLD"), None, PUBLIC)
    assert meta.permalink.startswith(PUBLIC + "?lang=en&year=2022")
    assert "view=budget" in meta.permalink


def _footer(meta: object) -> list[str]:
    return footer_lines(meta, 700, 11)  # type: ignore[arg-type]


# the data date -----------------------------------------------------------------------------------
def test_the_scorecard_is_dated_by_its_publication(seed: FundingSource) -> None:
    chart = build_chart(RANKING, seed, chart_state("nl", 2023, "NLD"))
    dated = data_date(chart, seed, None)
    assert (dated.kind, dated.day.year) == ("published", published("scorecard_2024"))
    assert dated.text("nl") == "gegevens zoals gepubliceerd in 2024"
    assert dated.text("en") == "data as published in 2024"
    assert dated.stamp == "2024"


def test_the_history_is_dated_by_the_last_year_its_manifest_lists(
    seed: FundingSource, history_like: FundingSource
) -> None:
    assert history_last_year() == 2024
    state = chart_state("en", 2024, "NLD", 10, entity="IOM", source="ceb")
    chart = build_chart(RANKING, history_like, state)
    dated = data_date(chart, history_like, None)
    assert (dated.kind, dated.day.year) == ("through", 2024)
    assert dated.text("en") == "data up to 2024"


def test_a_loaded_file_is_dated_by_its_day(seed: FundingSource) -> None:
    loaded = loaded_model(seed)
    state = chart_state("nl", 2024, "NLD", 10, entity="IOM", source="upload")
    chart = build_chart(RANKING, loaded, state)
    assert data_date(chart, loaded, LOADED_ON) == DataDate(LOADED_ON, "loaded")
    _, meta = prepare(RANKING, loaded, state, LOADED_ON, None, exported_on=EXPORTED)
    assert meta.dated.text("nl") == "gegevens per 20-11-2026"
    assert meta.publisher == "UN System Chief Executives Board (CEB)"


def test_the_image_footer_keeps_the_data_date_and_the_export_date_apart(
    seed: FundingSource,
) -> None:
    _, meta = prepare(
        RANKING, seed, chart_state("nl", 2023, "NLD"), None, None, None, None, EXPORTED
    )
    text = " ".join(_footer(meta))
    assert "gegevens zoals gepubliceerd in 2024 · geëxporteerd op 01-12-2026" in text
    assert "gegevens per" not in text  # no day is invented for a publication


# the files ---------------------------------------------------------------------------------------
def _rendered_pack(seed: FundingSource, fmt: str) -> bytes:
    state = chart_state("nl", 2023, "NLD")
    items = memo_items([RANKING], seed, state, None, "http://127.0.0.1:8050/", ({}, {}), EXPORTED)
    return kaleido_server().render(lambda: memo_bytes(items, "nl", fmt, EXPORTED))  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def docx_bytes(seed: FundingSource) -> bytes:
    return _rendered_pack(seed, "docx")


@pytest.fixture(scope="module")
def pptx_bytes(seed: FundingSource) -> bytes:
    return _rendered_pack(seed, "pptx")


def test_docx_names_the_app_and_the_chart_and_dates_the_data(docx_bytes: bytes) -> None:
    document = Document(io.BytesIO(docx_bytes))
    props = document.core_properties
    assert props.author == props.last_modified_by == "IOM-financieringsdashboard"
    assert props.title == "Grootste donoren van IOM in 2023"
    assert props.created is not None and props.created.date() == EXPORTED
    assert not any(name in str(value) for name in LIBRARY_NAMES for value in _values(props))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "gegevens zoals gepubliceerd in 2024" in text
    assert "Citeren als: Ministerie van Buitenlandse Zaken (Nederland) (2024)." in text
    assert "geëxporteerd op 01-12-2026" in text
    assert "127.0.0.1" not in text and "localhost" not in text
    assert "127.0.0.1" not in docx_bytes.decode("latin-1")


def test_pptx_names_the_app_and_the_chart(pptx_bytes: bytes) -> None:
    deck = Presentation(io.BytesIO(pptx_bytes))
    props = deck.core_properties
    assert props.author == props.last_modified_by == "IOM-financieringsdashboard"
    assert props.title == "Grootste donoren van IOM in 2023"
    assert not any(name in str(value) for name in LIBRARY_NAMES for value in _values(props))
    texts = [s.text_frame.text for sl in deck.slides for s in sl.shapes if s.has_text_frame]
    assert any("gegevens zoals gepubliceerd in 2024" in text for text in texts)
    assert any("Citeren als:" in text for text in texts)
    assert not any("127.0.0.1" in text for text in texts)


def test_the_pack_pictures_carry_their_dpi(docx_bytes: bytes, pptx_bytes: bytes) -> None:
    picture = next(
        part.blob
        for part in Document(io.BytesIO(docx_bytes)).part.package.parts
        if part.content_type == "image/png"
    )
    assert png_dpi(picture) == pytest.approx((300, 300), abs=0.01)
    slide_picture = next(
        shape.image.blob
        for slide in Presentation(io.BytesIO(pptx_bytes)).slides
        for shape in slide.shapes
        if shape.shape_type == 13  # MSO_SHAPE_TYPE.PICTURE
    )
    assert png_dpi(slide_picture) == pytest.approx((144, 144), abs=0.01)


def _values(props: object) -> list[object]:
    names = ("author", "last_modified_by", "title", "subject", "keywords", "comments")
    return [getattr(props, name) for name in names]


def test_xlsx_names_the_app_dates_the_data_and_says_how_to_cite(seed: FundingSource) -> None:
    chart, meta = prepare(RANKING, seed, chart_state("en", 2023, "NLD"), None, None)
    content, _ = data_file(chart, seed, meta, "xlsx", None)
    book = load_workbook(io.BytesIO(content))
    assert book.properties.creator == "IOM funding dashboard"
    filters = {row[0]: row[1] for row in book["Filters"].iter_rows(values_only=True) if row[0]}
    assert filters["Date of the data"] == "data as published in 2024"
    assert filters["Cite as"].startswith(
        "Cite as: Netherlands Ministry of Foreign Affairs (2024). Largest donors"
    )
    assert "Link to this view" not in filters  # no public address, no link


def test_xlsx_of_a_loaded_file_is_dated_by_the_file(seed: FundingSource) -> None:
    loaded = loaded_model(seed)
    state = chart_state("en", 2024, "NLD", 10, entity="IOM", source="upload")
    chart, meta = prepare(RANKING, loaded, state, LOADED_ON, PUBLIC)
    content, name = data_file(chart, loaded, meta, "xlsx", LOADED_ON)
    assert name.endswith(LOADED_ON.isoformat() + ".xlsx")
    book = load_workbook(io.BytesIO(content))
    filters = {row[0]: row[1] for row in book["Filters"].iter_rows(values_only=True) if row[0]}
    assert filters["Date of the data"] == "data as of 20 Nov 2026"
    assert filters["Link to this view"].startswith(PUBLIC)
    files = [
        r for r in book["Sources and notes"].iter_rows(values_only=True) if r[2] == LOADED_FILE.name
    ]
    assert files and files[0][6].date() == LOADED_ON


# PNG resolution ----------------------------------------------------------------------------------
def _bare_png(extra: bytes = b"") -> bytes:
    def chunk(kind: bytes, body: bytes) -> bytes:
        return (
            struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
        )

    header = struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0)
    pixels = zlib.compress(b"\x00\x00")
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + extra
        + chunk(b"IDAT", pixels)
        + chunk(b"IEND", b"")
    )


def test_with_dpi_writes_one_valid_phys_chunk() -> None:
    plain = _bare_png()
    assert png_dpi(plain) is None
    dated = with_dpi(plain, 300)
    assert png_dpi(dated) == pytest.approx((300, 300), abs=0.01)
    twice = with_dpi(dated, 144)
    assert twice.count(b"pHYs") == 1 and png_dpi(twice) == pytest.approx((144, 144), abs=0.01)
    # Every chunk's CRC is right, so strict readers (Word, Pillow) accept the file.
    with Image.open(io.BytesIO(twice)) as image:
        image.load()
        assert image.info["dpi"] == pytest.approx((144, 144), abs=0.01)


def test_server_pngs_carry_their_presets_dpi(seed: FundingSource) -> None:
    chart, meta = prepare(RANKING, seed, chart_state("nl", 2023, "NLD"), None, None)
    for preset in ("memo", "square"):
        image = kaleido_server().render(
            lambda p=preset: figure_images([(chart.image_figure(), meta)], p)[0]  # type: ignore[misc]
        )
        assert png_dpi(image) == pytest.approx((PRESETS[preset].dpi,) * 2, abs=0.01)


def test_the_browser_is_told_the_presets_dpi(seed: FundingSource) -> None:
    chart, meta = prepare(RANKING, seed, chart_state("nl", 2023, "NLD"), None, None)
    spec = image_spec(chart, meta, "memo", "png", "download", 1)
    assert spec["dpi"] == 300
    assert re.fullmatch(r"[a-z0-9-]+-memo-2024", spec["filename"])  # named by the data's year
