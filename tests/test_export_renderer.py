"""The memo pack renders through one kept kaleido server (components/exports/renderer.py).

The packs are read back: one figure per chosen chart, in order, at the preset's pixel size, with
each chart's caption and takeaway. A failed render must not leave a broken browser behind.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterator

import kaleido
import pytest
from docx import Document
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE

from components.charts import CHART_IDS, chart_state, chart_takeaway
from components.exports.assemble import memo_bytes, memo_item
from components.exports.memo import MemoItem
from components.exports.renderer import KaleidoServer, kaleido_server
from components.formatting import Lang
from data.scorecard_source import ScorecardModel
from data.source import FundingSource
from tests.export_helpers import BUDGET, EARMARKING, RANKING, chart_and_meta


@pytest.fixture(scope="module")
def seed() -> FundingSource:
    return ScorecardModel.from_seed()


@pytest.fixture(scope="module")
def server() -> Iterator[KaleidoServer]:
    """One kept renderer for the module, closed afterwards so other tests render as usual."""
    kept = KaleidoServer()
    yield kept
    kept.stop()


def memo_items(model: FundingSource, chosen: list[str], lang: Lang) -> list[MemoItem]:
    state = chart_state(lang, 2023, "NLD")
    return [
        memo_item(*chart_and_meta(model, chart_id, lang), chart_takeaway(chart_id, model, state))
        for chart_id in chosen
    ]


def test_memo_pack_docx_has_one_figure_per_chosen_chart(
    seed: FundingSource, server: KaleidoServer
) -> None:
    chosen = [RANKING, EARMARKING, BUDGET]
    items = memo_items(seed, chosen, "nl")
    content = server.render(lambda: memo_bytes(items, "nl", "docx", dt.date(2026, 11, 24)))
    document = Document(io.BytesIO(content))
    assert len(document.inline_shapes) == 3
    text = "\n".join(p.text for p in document.paragraphs)
    for number, item in enumerate(items, start=1):
        assert f"Figuur {number}. {item.caption}" in text
        assert item.takeaway in text
    assert "Grootste donor van IOM in 2023" in text


def test_memo_pack_pptx_reuses_the_running_renderer(
    seed: FundingSource, server: KaleidoServer
) -> None:
    items = memo_items(seed, list(CHART_IDS), "en")
    content = server.render(lambda: memo_bytes(items, "en", "pptx", dt.date(2026, 11, 24)))
    deck = Presentation(io.BytesIO(content))
    slides = list(deck.slides)[1:]
    assert len(slides) == len(CHART_IDS)
    for slide, item in zip(slides, items, strict=True):
        pictures = [s for s in slide.shapes if s.shape_type == MSO_SHAPE_TYPE.PICTURE]
        assert len(pictures) == 1 and pictures[0].image.size == (1920, 1080)
        assert any(item.takeaway in s.text_frame.text for s in slide.shapes if s.has_text_frame)


def test_a_failed_render_stops_the_server_so_the_next_starts_fresh() -> None:
    server = KaleidoServer()

    def broken() -> bytes:
        raise RuntimeError("boom")

    with pytest.raises(RuntimeError):
        server.render(broken)
    assert server.render(lambda: b"ok") == b"ok"
    server.stop()


def test_the_process_shares_one_renderer_that_starts_nothing_until_it_renders(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """kaleido's server is one per process, so one lock must guard it: every caller of
    ``kaleido_server()`` gets the same instance, and getting it starts no Chromium."""
    started: list[object] = []
    monkeypatch.setattr(kaleido, "start_sync_server", lambda *a, **k: started.append(a))
    assert kaleido_server() is kaleido_server()
    assert started == []
    assert kaleido_server().render(lambda: b"ok") == b"ok"
    assert len(started) == 1
