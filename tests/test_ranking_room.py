"""The ranking keeps one frame for every year and language on screen (components/charts/ranking.py
``Room``), counted with the widths of components/text_width.py.

Why it matters: the browser swaps years and languages in one graph, and a figure whose margins
differ from the one drawn before costs plotly a second layout (a language click drew in 39 ms
instead of 18). The browser side is tests/browser/test_ranking.py
(``test_a_language_click_draws_the_ranking_in_one_layout``).
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from components.charts import build_chart, chart_state, ranking
from components.charts.base import other_label
from components.formatting import LANGS
from components.text_width import FONTS, TABLE, UNITS, build_table, text_width
from data.history import load_history
from data.provider import ModelProvider
from data.scorecard_source import ScorecardModel
from data.source import FundingSource
from tests.store_fakes import disk_store

# Widths Debian's Chromium drew these tick labels in (SVG getComputedTextLength, 13 px): the
# count may be a little over (no kerning), never under, or plotly widens the margin after all.
DRAWN_PX = {"7. United Kingdom": 120.890625, "7. Verenigd Koninkrijk": 141.515625}


@pytest.fixture(scope="module")
def models(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, FundingSource]]:
    store = disk_store(tmp_path_factory.mktemp("store"))
    provider = ModelProvider(ScorecardModel.from_seed(), store, None, load_history())
    yield {
        "scorecard": provider.model(None, None, None, None),
        "ceb": provider.model(None, None, None, "ceb"),
    }


def _screen(model: FundingSource, lang: str, year: int, top: int = 10) -> dict[str, Any]:
    state = chart_state(lang, year, None, top, source="ceb")
    figure: dict[str, Any] = build_chart("ranking", model, state).figure.to_plotly_json()
    return figure


@pytest.mark.parametrize("source", ["scorecard", "ceb"])
def test_every_year_and_language_of_the_screen_ranking_has_one_frame(
    models: dict[str, FundingSource], source: str
) -> None:
    model = models[source]
    frames = {
        (lang, year): _screen(model, lang, year)["layout"]["margin"]
        for lang in LANGS
        for year in model.years()
    }
    lefts = {m["l"] for m in frames.values()}
    bottoms = {m["b"] for m in frames.values()}
    assert len(lefts) == 1, frames
    assert len(bottoms) == 1, frames
    assert len(frames) == 2 * len(model.years()) > 2


@pytest.mark.parametrize("source", ["scorecard", "ceb"])
def test_the_left_margin_fits_every_drawn_label_and_little_more(
    models: dict[str, FundingSource], source: str
) -> None:
    model = models[source]
    widest = 0.0
    for lang in LANGS:
        for year in model.years():
            figure = _screen(model, lang, year)
            labels = figure["data"][0]["y"]
            widest = max(widest, *(text_width(label, ranking.TICK_SIZE) for label in labels))
            assert figure["layout"]["margin"]["l"] >= math.ceil(widest) + 13  # plotly's own gap
    left = ranking.steady_room(model, 10).left
    assert left <= math.ceil(widest) + ranking.TICK_GAP


def test_the_footer_room_is_the_most_lines_any_year_needs(
    models: dict[str, FundingSource],
) -> None:
    """A year with a shorter footer keeps the bottom margin of the longest, so its plot does not
    grow and shrink from year to year."""
    model = models["ceb"]
    room = ranking.steady_room(model, 10)
    heights = {_screen(model, lang, y)["layout"]["height"] for lang in LANGS for y in model.years()}
    assert len(heights) == 1
    margin_b = _screen(model, "nl", model.years()[0])["layout"]["margin"]["b"]
    assert margin_b == 58 + 16 * room.lines + 10


def test_an_image_keeps_its_own_margins(models: dict[str, FundingSource]) -> None:
    """The room is for the screen's swaps; an image is cut to its own labels."""
    model = models["ceb"]
    year = model.latest_year()
    image = ranking.ranking_image(
        model, year, 10, None, "en", ranking.captions(model, year, "en", 10)
    ).to_plotly_json()
    assert image["layout"]["margin"]["l"] < ranking.steady_room(model, 10).left


def test_the_room_is_built_once_per_model(models: dict[str, FundingSource]) -> None:
    model = models["scorecard"]
    first = ranking.steady_room(model, 7)
    calls: list[int] = []

    def build() -> ranking.Room:
        calls.append(1)
        return first

    again = model.remembered((ranking.ID, "room", 7), build)
    assert again == first and not calls
    assert model.remembered(("not", "built"), build) == first and calls == [1]


def test_labels_are_the_screen_names(models: dict[str, FundingSource]) -> None:
    model = models["scorecard"]
    rows = model.ranking(model.latest_year())
    labels = ranking.donor_labels(rows, "nl", other_label(model, "nl"))
    assert labels[0].startswith("1. ")
    assert labels[-1] == other_label(model, "nl")


# the widths ---------------------------------------------------------------------------------------
@pytest.mark.parametrize(("text", "drawn"), DRAWN_PX.items())
def test_a_counted_width_is_what_chromium_draws_or_a_little_more(text: str, drawn: float) -> None:
    counted = text_width(text, 13)
    assert drawn - 0.1 <= counted <= drawn * 1.02


def test_bold_is_wider_and_an_unknown_character_counts_one_em() -> None:
    assert text_width("Verenigd Koninkrijk", 13, bold=True) > text_width("Verenigd Koninkrijk", 13)
    assert text_width("中国", 13) == pytest.approx(26.0)
    assert text_width("", 13) == 0


def test_the_table_covers_accented_names() -> None:
    table = json.loads(TABLE.read_text(encoding="utf-8"))
    for weight in ("regular", "bold"):
        assert all(ch in table[weight] for ch in "Côte d'Ivoire Türkiye São Tomé Åland –·…€")
        assert all(0 < table[weight][ch] < UNITS * 1.5 for ch in "AaZz09")


@pytest.mark.skipif(
    not all(Path(p).exists() for p in FONTS.values()),
    reason="Debian's fonts-dejavu-core is not installed (make chromium installs it)",
)
def test_the_table_is_the_fonts() -> None:
    """The shipped table is what ``python -m components.text_width`` derives from the fonts."""
    assert build_table() == json.loads(TABLE.read_text(encoding="utf-8"))
