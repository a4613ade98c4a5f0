"""Exports in a real browser: what an analyst downloads, copies and pastes into a memo.

Images are rendered by the browser (Plotly.toImage) from the server's export figure, so these
tests click the buttons and open the files that arrive.
"""

from __future__ import annotations

import datetime as dt
import html
import io
import json
import re
import struct
from collections.abc import Iterator
from pathlib import Path

import kaleido
import pytest
from docx import Document
from openpyxl import load_workbook
from playwright.sync_api import Download, Page

from components import ids
from components.charts import chart_state
from components.exports.assemble import image_spec, prepare
from components.exports.image import PRESETS
from data.scorecard_source import ScorecardModel
from tests.conftest import PUBLIC_URL
from tests.export_helpers import published

from .helpers import click_radio, wait_for_ranking_title, wait_for_url_param

pytestmark = pytest.mark.browser

DOWNLOAD_TIMEOUT_MS = 60_000  # a memo pack starts kaleido's Chromium on first use


def pid(kind: str, chart: str = "ranking") -> str:
    """CSS selector of a pattern-matching id, as Dash writes it into the DOM (sorted keys)."""
    return f"[id='{json.dumps(ids.for_chart(kind, chart), sort_keys=True, separators=(',', ':'))}']"


def open_export_bar(page: Page, chart: str = "ranking") -> None:
    page.goto("/")
    wait_for_ranking_title(page, "Grootste donoren van IOM in 2023")
    page.click(pid(ids.EXPORT_SUMMARY, chart))
    page.wait_for_function(
        "(sel) => document.querySelector(sel)?.value.length > 0",
        arg=f"{pid(ids.EXPORT_TITLE, chart)}",
    )


def downloaded(download: Download) -> bytes:
    path = download.path()
    assert path is not None
    return Path(path).read_bytes()


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


@pytest.mark.parametrize(
    ("label", "preset"),
    [("Memo (16 × 9 cm, 300 dpi)", "memo"), ("Dia (1920 × 1080)", "slide")],
)
def test_png_download_has_the_presets_pixel_size(page: Page, label: str, preset: str) -> None:
    open_export_bar(page)
    assert page.input_value(pid(ids.EXPORT_TITLE)) == "Grootste donoren van IOM in 2023"
    assert "Gemarkeerde donor: Nederland" in page.input_value(pid(ids.EXPORT_SUBTITLE))
    page.locator(pid(ids.EXPORT_PRESET)).get_by_text(label).click()
    with page.expect_download() as info:
        page.click(pid(ids.EXPORT_PNG))
    download = info.value
    assert download.suggested_filename == (
        f"grootste-donoren-van-iom-in-2023-{preset}-{published('scorecard_2024')}.png"
    )
    spec = PRESETS[preset]
    assert png_size(downloaded(download)) == (spec.pixel_width, spec.pixel_height)
    page.wait_for_function(
        "(sel) => document.querySelector(sel)?.textContent === 'Afbeelding gedownload.'",
        arg=pid(ids.EXPORT_STATUS),
    )


def test_edited_title_goes_into_the_svg_with_source_and_date(page: Page) -> None:
    open_export_bar(page)
    page.fill(pid(ids.EXPORT_TITLE), "VS blijft verreweg de grootste donor")
    with page.expect_download() as info:
        page.click(pid(ids.EXPORT_SVG))
    svg = downloaded(info.value).decode("utf-8")
    text = re.sub(r"\s+", " ", " ".join(re.findall(r">([^<>]+)<", svg)))
    assert "VS blijft verreweg de grootste donor" in text
    assert "Bron: Ministerie van Buitenlandse Zaken, Scorekaart IOM 2024" in text
    # the data's date is the scorecard's publication, the export's own date apart
    assert f"gegevens zoals gepubliceerd in {published('scorecard_2024')}" in text
    assert f"geëxporteerd op {dt.date.today():%d-%m-%Y}" in text
    # the link is the public address (a setting), never the loopback one the test serves on
    assert PUBLIC_URL in text and "view=ranking" in text
    assert "127.0.0.1" not in svg


def test_image_subtitle_keeps_the_lines_the_server_laid_out(page: Page) -> None:
    """The page's graph fitter (assets/views.js) leaves the plot Plotly.toImage draws alone:
    it wrapped the budget's subtitle again, and "jaren" stood alone on a line of its own."""
    page.goto("/")
    wait_for_ranking_title(page, "Grootste donoren van IOM in 2023")
    page.click("#tab-budget")
    page.click(pid(ids.EXPORT_SUMMARY, "budget"))
    page.locator(pid(ids.EXPORT_PRESET, "budget")).get_by_text("Memo (16 × 9 cm").click()
    with page.expect_download() as info:
        page.click(pid(ids.EXPORT_SVG, "budget"))
    svg = downloaded(info.value).decode("utf-8")
    subtitle = re.search(r'<text class="gtitle-subtitle".*?</text>', svg)
    assert subtitle is not None
    drawn = [html.unescape(line) for line in re.findall(r">([^<>]+)</tspan>", subtitle.group(0))]
    chart, meta = prepare(
        "budget", ScorecardModel.from_seed(), chart_state("nl", 2023, "NLD"), None, None
    )
    laid_out = image_spec(chart, meta, "memo", "svg", "download", 1)["figure"]["layout"]
    assert drawn == html.unescape(laid_out["title"]["subtitle"]["text"]).split("<br>")
    assert len(drawn) == 2, drawn


def test_xlsx_download_has_sources_and_filters(page: Page) -> None:
    open_export_bar(page)
    click_radio(page, ids.YEAR, "2022")
    wait_for_url_param(page, "year", "2022")
    page.wait_for_function(
        "(sel) => document.querySelector(sel)?.value.includes('2022')", arg=pid(ids.EXPORT_TITLE)
    )
    with page.expect_download() as info:
        page.click(pid(ids.EXPORT_XLSX))
    assert info.value.suggested_filename.endswith(".xlsx")
    book = load_workbook(io.BytesIO(downloaded(info.value)))
    assert book.sheetnames == ["Gegevens", "Bronnen en toelichting", "Filters"]
    data = [row for row in book["Gegevens"].iter_rows(values_only=True)]
    assert data[1][:5] == (2022, 1, "USA", "Verenigde Staten", 929)
    sources = [row for row in book["Bronnen en toelichting"].iter_rows(values_only=True)]
    assert sources[1][0] == "Bronregel" and "Scorekaart IOM 2024, p. 7" in sources[1][2]
    filters = {row[0]: row[1] for row in book["Filters"].iter_rows(values_only=True) if row[0]}
    assert filters["Titel"] == "Grootste donoren van IOM in 2022"
    assert filters["Jaar"] == "2022"
    assert filters["Gemarkeerde donor"] == "Nederland"
    link = filters["Link naar deze weergave"]
    assert link.startswith(PUBLIC_URL) and "year=2022" in link


def test_copy_image_puts_a_png_on_the_clipboard(page: Page, live_server: str) -> None:
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server)
    open_export_bar(page)
    page.click(pid(ids.EXPORT_COPY))
    page.wait_for_function(
        "(sel) => document.querySelector(sel)?.textContent.startsWith('Afbeelding gekopieerd')",
        arg=pid(ids.EXPORT_STATUS),
    )
    kinds: list[list[object]] = page.evaluate(
        """async () => { const out = [];
            for (const item of await navigator.clipboard.read())
                for (const type of item.types) out.push([type, (await item.getType(type)).size]);
            return out; }"""
    )
    assert kinds[0][0] == "image/png" and int(str(kinds[0][1])) > 10_000


def test_takeaway_follows_year_and_language_and_copies(page: Page, live_server: str) -> None:
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server)
    page.goto("/?year=2022")
    takeaway = page.locator(pid(ids.TAKEAWAY))
    page.wait_for_function(
        "(sel) => document.querySelector(sel)?.textContent.includes('39,1\u00a0% meer dan in 2021')",
        arg=pid(ids.TAKEAWAY),
    )
    assert takeaway.inner_text().startswith("Grootste donor van IOM in 2022: Verenigde Staten")
    click_radio(page, ids.LANG, "EN")
    page.wait_for_function(
        "(sel) => document.querySelector(sel)?.textContent.startsWith('Largest donor to IOM in 2022')",
        arg=pid(ids.TAKEAWAY),
    )
    assert page.inner_text(pid(ids.EXPORT_SUMMARY)) == "Export"
    page.click(pid(ids.TAKEAWAY_COPY))
    page.wait_for_function(
        "(sel) => document.querySelector(sel)?.textContent === 'Copied.'",
        arg=pid(ids.TAKEAWAY_STATUS),
    )
    assert page.evaluate("navigator.clipboard.readText()") == takeaway.inner_text()


def test_export_bar_works_from_the_keyboard(page: Page) -> None:
    page.goto("/")
    wait_for_ranking_title(page, "Grootste donoren van IOM in 2023")
    summary = page.locator(pid(ids.EXPORT_SUMMARY))
    summary.focus()
    page.keyboard.press("Enter")
    assert page.locator("details.export-bar").first.get_attribute("open") is not None
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == json.dumps(
        ids.for_chart(ids.EXPORT_TITLE, "ranking"), sort_keys=True, separators=(",", ":")
    )
    page.focus(pid(ids.EXPORT_PNG))
    with page.expect_download() as info:
        page.keyboard.press("Enter")
    assert info.value.suggested_filename.endswith(".png")


@pytest.fixture
def kept_renderer() -> Iterator[None]:
    """The memo pack starts kaleido's server in this process (the live server runs here too);
    stop it afterwards so later tests render images as they would without it."""
    yield
    kaleido.stop_sync_server(silence_warnings=True)


@pytest.mark.usefixtures("kept_renderer")
def test_memo_pack_has_one_figure_per_chosen_chart(page: Page) -> None:
    page.goto("/?view=sources")
    checklist = page.locator(f"#{ids.MEMO_CHARTS}")
    checklist.get_by_text("Verloop: Ranglijst van donoren 2021–2023").click()
    checklist.get_by_text("Begroting: Groei van de IOM-begroting").click()
    with page.expect_download(timeout=DOWNLOAD_TIMEOUT_MS) as info:
        page.click(f"#{ids.MEMO_DOCX}")
    assert info.value.suggested_filename.endswith(".docx")
    document = Document(io.BytesIO(downloaded(info.value)))
    assert len(document.inline_shapes) == 3
    captions = [p.text for p in document.paragraphs if p.text.startswith("Figuur")]
    assert captions == [
        "Figuur 1. Grootste donoren van IOM in 2023",
        "Figuur 2. IOM-financiering: geoormerkt tegenover ongeoormerkt (kern)",
        "Figuur 3. Ongeoormerkte bijdrage van Nederland aan IOM",
    ]
    page.wait_for_function(
        "(id) => document.getElementById(id)?.textContent === 'Memo-pakket gedownload.'",
        arg=ids.MEMO_STATUS,
    )


def test_print_shows_charts_at_a4_width_without_controls(page: Page) -> None:
    page.goto("/?view=earmarking")
    page.wait_for_selector("#earmarking-graph .js-plotly-plot .bars")
    page.wait_for_function(
        "(sel) => document.querySelector(sel)?.textContent.length > 0",
        arg=pid(ids.TAKEAWAY, "earmarking"),
    )
    visible_widths = """() => [...document.querySelectorAll('.js-plotly-plot')]
        .filter(g => g.offsetParent).map(g => g._fullLayout.width)"""
    page.wait_for_load_state("networkidle")  # no figure update still on its way to redraw them
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    # A4 minus the 12 mm margins is 703 CSS px: both charts are redrawn to fit
    page.wait_for_function(f"() => ({visible_widths})().every(w => w === 700)")
    page.emulate_media(media="print")
    for selector in (
        f"#{ids.YEAR}",
        "details.export-bar",
        pid(ids.TAKEAWAY_COPY, "earmarking"),
    ):
        assert not page.locator(selector).first.is_visible()
    assert page.locator(pid(ids.TAKEAWAY, "earmarking")).is_visible()
    assert len(page.evaluate(visible_widths)) == 2
    pdf = page.pdf(prefer_css_page_size=True)
    assert pdf.startswith(b"%PDF")
    assert re.search(rb"/MediaBox \[0 0 59[45]\.?\d* 84[12]\.?\d*\]", pdf)  # A4: 595 x 842 pt
    page.emulate_media(media="screen")
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    page.wait_for_function(f"() => ({visible_widths})().every(w => w > 1000)")
