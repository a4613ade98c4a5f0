"""What the export tests share: the page address, the upload day, a chart ready to export.

Fixtures stay in each test module (pytest finds them there); these are plain functions. The
loaded data is the committed cut of the real CEB export (every IOM row of it, unchanged), so
these tests run without ``../shared``.
"""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

from components.charts import (
    ChartOutput,
    budget,
    chart_state,
    earmarking,
    earmarking_side,
    over_time,
    ranking,
)
from components.exports.assemble import prepare
from components.exports.image import ExportMeta
from components.formatting import Lang
from data import ceb
from data.ceb_source import CebModel
from data.source import FundingSource
from tests.real_files import CEB_CUT

ROOT = Path(__file__).resolve().parents[1]
HREF = "https://iom.example.org/dash/?lang=nl&year=2021#top"
LOADED_ON = dt.date(2026, 11, 20)
LOADED_FILE = CEB_CUT
RANKING, OVER_TIME, BUDGET = ranking.ID, over_time.ID, budget.ID
EARMARKING, EARMARKING_SIDE = earmarking.ID, earmarking_side.ID


def _source_row(source_id: str) -> dict[str, str]:
    with (ROOT / "data" / "sources.csv").open(encoding="utf-8") as handle:
        return next(r for r in csv.DictReader(handle) if r["source_id"] == source_id)


def retrieved(source_id: str) -> dt.date:
    """The day a built-in source's figures were taken from it, read from data/sources.csv."""
    return dt.date.fromisoformat(_source_row(source_id)["retrieved"])


def published(source_id: str) -> int:
    """The year a built-in source was published (data/sources.csv): the date of its data."""
    return int(_source_row(source_id)["published"])


def published_day(source_id: str) -> dt.date:
    """The day that stands for a publication known to the year: its last."""
    return dt.date(published(source_id), 12, 31)


def loaded_model(seed: FundingSource) -> FundingSource:
    """The model of the CEB file, as an upload of that one file builds it."""
    frame = ceb.read_revenue_files([(LOADED_FILE.name, LOADED_FILE.read_bytes())])
    return CebModel.from_revenue(frame, "IOM", seed.tables, (LOADED_FILE.name,))


def chart_and_meta(
    model: FundingSource, chart_id: str, lang: Lang, year: int = 2023, loaded: dt.date | None = None
) -> tuple[ChartOutput, ExportMeta]:
    """The chart as an export button sees it, on the page ``HREF``."""
    state = chart_state(lang, year, "NLD", 10, entity="IOM" if model.has_entities else None)
    return prepare(chart_id, model, state, loaded, HREF)
