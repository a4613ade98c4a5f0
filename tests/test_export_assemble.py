"""The pure parts of the exports (components/exports/assemble.py), and the files they produce.

Images are rendered here with kaleido from the same spec the browser gets, then read back: the
SVG must carry title, source and data date, a PNG must have its preset's exact pixel size, the
workbook its sources and filters.
"""

from __future__ import annotations

import csv
import datetime as dt
import html
import io
import json
import re
import struct
from dataclasses import replace

import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio
import pytest
from openpyxl import load_workbook

from components import ids
from components.charts import CHART_IDS, build_chart, chart_state, chart_takeaway
from components.exports.assemble import (
    data_as_of,
    data_file,
    default_subtitle,
    export_meta,
    filters_table,
    image_spec,
    memo_filename,
    memo_items,
    permalink,
    prepare,
    sources_frame,
    values_by_chart,
)
from components.exports.image import PRESETS
from components.exports.tables import PERMALINK_KEY
from components.formatting import Lang
from data import columns as c
from data.ceb_source import CebModel
from data.scorecard_source import ScorecardModel
from data.source import FundingSource
from tests.export_helpers import (
    BUDGET,
    EARMARKING_SIDE,
    HREF,
    LOADED_FILE,
    LOADED_ON,
    OVER_TIME,
    RANKING,
    chart_and_meta,
    loaded_model,
    published,
    published_day,
    retrieved,
)

EXPORTED_AT = dt.datetime(2026, 11, 24, 9, 30, tzinfo=dt.UTC)
EXPORTED_ON = dt.date(2020, 2, 29)  # not today: the annex's date must be the one passed in


@pytest.fixture(scope="module")
def seed() -> FundingSource:
    return ScorecardModel.from_seed()


@pytest.fixture(scope="module")
def loaded(seed: FundingSource) -> FundingSource:
    return loaded_model(seed)


# words around the image -------------------------------------------------------------------------
def test_permalink_opens_the_charts_view(seed: FundingSource) -> None:
    state = chart_state("en", 2022, "CAN", budget="index")
    assert permalink(HREF, state, EARMARKING_SIDE) == (
        "https://iom.example.org/dash/?lang=en&year=2022&donor=CAN&view=earmarking&budget=index"
        "&amounts=absolute&source=scorecard&currency=USD&prices=current"
    )
    loaded_state = chart_state("nl", 2024, "NLD", 5, entity="WFP", source="upload")
    assert permalink(None, loaded_state, RANKING).endswith(
        "&source=upload&entity=WFP&top=5&contributors=governments&currency=USD&prices=current"
    )
    euros = replace(loaded_state, currency="EUR", prices="constant", base=2020)
    assert permalink(None, euros, RANKING).endswith("&currency=EUR&prices=constant&base=2020")


def test_default_subtitle_lists_the_filters(seed: FundingSource) -> None:
    chart = build_chart(RANKING, seed, chart_state("en", 2022, "NLD"))
    subtitle = default_subtitle(chart)
    assert subtitle.startswith(chart.captions.subtitle)
    assert subtitle.endswith("Year: 2022\u00a0· Highlighted donor: Netherlands")


def test_export_meta_keeps_source_notes_and_falls_back_to_defaults(seed: FundingSource) -> None:
    chart = build_chart(RANKING, seed, chart_state("nl", 2023, "NLD"))
    meta = export_meta(chart, "nl", "  ", None, dt.date(2026, 1, 2), "https://x/?a=1")
    assert meta.title == chart.captions.title
    assert meta.subtitle == default_subtitle(chart)
    assert meta.source == chart.captions.source
    assert meta.notes == chart.captions.notes and any("Nederland in 2023" in n for n in meta.notes)
    edited = export_meta(chart, "nl", " Mijn titel ", "", dt.date(2026, 1, 2), "")
    assert (edited.title, edited.subtitle) == ("Mijn titel", "")


def test_data_date_is_the_source_date_or_the_upload_date(seed: FundingSource) -> None:
    chart = build_chart(BUDGET, seed, chart_state("nl", 2023, "NLD"))
    assert data_as_of(chart, seed, None) == published_day("scorecard_2024")
    assert data_as_of(chart, seed, LOADED_ON) == published_day("scorecard_2024")  # not loaded


def test_loaded_data_is_dated_by_its_upload(loaded: FundingSource) -> None:
    chart = build_chart(RANKING, loaded, chart_state("nl", 2024, "NLD", 10))
    assert data_as_of(chart, loaded, LOADED_ON) == LOADED_ON


def test_values_by_chart() -> None:
    entries = [
        {"id": ids.for_chart(ids.EXPORT_TITLE, "budget"), "property": "value", "value": "B"},
        {"id": ids.for_chart(ids.EXPORT_TITLE, "ranking"), "property": "value"},
    ]
    assert values_by_chart(entries) == {"budget": "B", "ranking": None}


# the browser's image spec ------------------------------------------------------------------------
@pytest.mark.parametrize("preset", sorted(PRESETS))
def test_image_spec_is_plain_json_at_the_preset_size(seed: FundingSource, preset: str) -> None:
    chart, meta = chart_and_meta(seed, RANKING, "nl")
    spec = image_spec(chart, meta, preset, "png", "download", 3)
    assert json.loads(json.dumps(spec)) == spec
    size = PRESETS[preset]
    assert (spec["width"], spec["height"], spec["scale"]) == (size.width, size.height, size.scale)
    assert spec["figure"]["layout"]["width"] == size.width
    assert spec["filename"] == f"grootste-donoren-van-iom-in-2023-{preset}-2026-11-23".replace(
        "2026-11-23", str(published("scorecard_2024"))
    )
    assert spec["nonce"] == 3 and spec["action"] == "download"
    assert spec["messages"]["failed"] == "Exporteren mislukt: {error}"


def test_unknown_preset_falls_back_to_memo(seed: FundingSource) -> None:
    chart, meta = chart_and_meta(seed, BUDGET, "en")
    spec = image_spec(chart, meta, "poster", "svg", "download", 1)
    assert spec["width"] == PRESETS["memo"].width


def _svg_text(svg: str) -> str:
    """All text of an SVG, lines joined by spaces (wrapping breaks lines at spaces). Only
    ASCII whitespace is folded: a no-break space between a number and its unit must survive."""
    return re.sub(r"[ \t\r\n]+", " ", html.unescape(" ".join(re.findall(r">([^<>]+)<", svg))))


@pytest.fixture(scope="module")
def svgs(
    seed: FundingSource, tmp_path_factory: pytest.TempPathFactory
) -> dict[tuple[str, str], str]:
    """Every chart in both languages as SVG, rendered from the browser's spec in one batch."""
    keys, figures = [], []
    for lang in ("nl", "en"):
        for chart_id in CHART_IDS:
            chart, meta = chart_and_meta(seed, chart_id, lang)
            spec = image_spec(chart, meta, "memo", "svg", "download", 1)
            keys.append((chart_id, lang))
            figures.append(go.Figure(spec["figure"]))
    out: dict[tuple[str, str], str] = {}
    folder = tmp_path_factory.mktemp("svg")
    paths = [folder / f"{i}.svg" for i in range(len(figures))]
    memo = PRESETS["memo"]
    pio.write_images(figures, paths, format="svg", width=memo.width, height=memo.height)
    for key, path in zip(keys, paths, strict=True):
        out[key] = path.read_text(encoding="utf-8")
    return out


@pytest.mark.parametrize("chart_id", CHART_IDS)
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_svg_has_title_source_date_and_link(
    seed: FundingSource, svgs: dict[tuple[str, str], str], chart_id: str, lang: Lang
) -> None:
    chart, meta = chart_and_meta(seed, chart_id, lang)
    text = _svg_text(svgs[(chart_id, lang)])
    assert chart.captions.title in text
    as_of = "gegevens zoals gepubliceerd in" if lang == "nl" else "data as published in"
    assert f"{chart.captions.source} · {as_of} {published('scorecard_2024')}" in text
    assert meta.permalink in text.replace(" ", "")
    for note in chart.captions.notes:
        assert note in text


def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_png_sizes_match_the_presets(seed: FundingSource) -> None:
    chart, meta = chart_and_meta(seed, OVER_TIME, "en")
    for name, preset in PRESETS.items():
        spec = image_spec(chart, meta, name, "png", "download", 1)
        png = pio.to_image(
            go.Figure(spec["figure"]),
            format="png",
            width=spec["width"],
            height=spec["height"],
            scale=spec["scale"],
        )
        assert _png_size(png) == (preset.pixel_width, preset.pixel_height)
    assert (PRESETS["memo"].pixel_width, PRESETS["memo"].pixel_height) == (1890, 1063)
    assert (PRESETS["slide"].pixel_width, PRESETS["slide"].pixel_height) == (1920, 1080)


# data downloads -------------------------------------------------------------------------------------
def test_csv_keeps_numbers_as_numbers(seed: FundingSource) -> None:
    chart, meta = chart_and_meta(seed, RANKING, "nl")
    content, name = data_file(chart, seed, meta, "csv", None)
    assert name.endswith("-data-" + str(published("scorecard_2024")) + ".csv")
    rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][:5] == ["Jaar", "Rang", "Donor", "Naam", "Bedrag (USD mln)"]
    assert rows[1][:5] == ["2023", "1", "USA", "Verenigde Staten", "1365,0"]


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_xlsx_has_data_sources_and_filters(seed: FundingSource, lang: Lang) -> None:
    chart, meta = chart_and_meta(seed, RANKING, lang)
    content, name = data_file(chart, seed, meta, "xlsx", None, EXPORTED_AT)
    assert name.endswith(".xlsx")
    book = load_workbook(io.BytesIO(content))
    data, sources, filters = book.worksheets
    assert data["E2"].value == 1365 and isinstance(data["E2"].value, int | float)
    assert data["F2"].number_format == "0.0%"
    source_rows = [row for row in sources.iter_rows(values_only=True)][1:]
    kinds = [row[0] for row in source_rows]
    assert kinds[:2] == (
        ["Bronregel", "Brondocument"] if lang == "nl" else ["Source line", "Source document"]
    )
    assert source_rows[0][2] == chart.captions.source
    assert source_rows[1][1] == "scorecard_2024" and source_rows[1][5] == "7"
    assert source_rows[1][6].date() == retrieved("scorecard_2024")
    assert [row[2] for row in source_rows[2:]] == list(chart.captions.notes)
    values = {row[0]: row[1] for row in filters.iter_rows(values_only=True) if row[0]}
    year, donor, link = (
        ("Jaar", "Gemarkeerde donor", "Link naar deze weergave")
        if lang == "nl"
        else ("Year", "Highlighted donor", "Link to this view")
    )
    assert values[year] == "2023"
    assert values[donor] == ("Nederland" if lang == "nl" else "Netherlands")
    assert values[link].startswith("https://iom.example.org/dash/?lang=")


def test_loaded_sources_name_the_file_and_upload_date(loaded: FundingSource) -> None:
    chart = build_chart(RANKING, loaded, chart_state("en", 2024, "NLD", 10, entity="IOM"))
    frame = sources_frame(chart, loaded, "en", LOADED_ON, LOADED_ON)
    files = frame[frame["kind"] == "Loaded file"]
    assert list(files["text"]) == [LOADED_FILE.name]
    assert files["as_of"].iloc[0].date() == LOADED_ON
    table = filters_table(chart, "en", "https://x/?v=1")
    assert table["Data"] == f"UN CEB files: {LOADED_FILE.name}"
    assert table["UN entity"] == "IOM" and table[PERMALINK_KEY] == "https://x/?v=1"


def test_a_chart_of_published_facts_names_no_loaded_file(loaded: FundingSource) -> None:
    """The budget chart draws the scorecard's facts even with a file loaded: its sources and
    filters name the document, not the file."""
    chart = build_chart(BUDGET, loaded, chart_state("en", 2024, "NLD", 10, "IOM"))
    frame = sources_frame(chart, loaded, "en", LOADED_ON, LOADED_ON)
    assert "Loaded file" not in set(frame["kind"])
    assert "scorecard_2024" in set(frame[c.SOURCE_ID].dropna())
    assert filters_table(chart, "en", "")["Data"] == "IOM scorecard 2024 (built in)"


def test_formula_like_names_are_neutralised(seed: FundingSource) -> None:
    """Donor names come from outside files; one that looks like a formula stays text."""
    frame = pd.DataFrame(
        {
            c.DONOR: ['=HYPERLINK("http://x")', "Netherlands"],
            c.ENTITY: ["IOM", "IOM"],
            c.REV_TYPE: [c.REV_EARMARKED, c.REV_CORE],
            c.YEAR: [2024, 2024],
            c.AMOUNT_USD: [5_000_000.0, 1_250_000.0],
            c.FILE: ["f.csv", "f.csv"],
            c.LINE: [2, 3],
        }
    )
    model = CebModel.from_revenue(frame, "IOM", seed.tables, ("f.csv",))
    chart, meta = chart_and_meta(model, RANKING, "en", 2024, LOADED_ON)
    content, _ = data_file(chart, model, meta, "xlsx", LOADED_ON)
    sheet = load_workbook(io.BytesIO(content)).worksheets[0]
    cells = [row for row in sheet.iter_rows(values_only=True)]
    assert any(value == '\'=HYPERLINK("http://x")' for row in cells for value in row)
    amounts = [row[4] for row in cells[1:] if row[2] != "OTHER"]
    assert amounts == [5, 1.25]  # numbers stay numbers


def test_memo_filename() -> None:
    assert memo_filename("nl", "docx", dt.date(2026, 11, 24)) == (
        "memo-bijlage-financiering-iom-2026-11-24.docx"
    )
    assert (
        memo_filename("en", "pptx", dt.date(2026, 11, 24))
        == "memo-annex-iom-funding-2026-11-24.pptx"
    )


def test_prepare_draws_the_budget_from_the_built_in_series(
    seed: FundingSource, loaded: FundingSource
) -> None:
    """A loaded model carries the published facts, so its budget chart is the built-in one."""
    state = chart_state("nl", 2024, "NLD", 10, entity="IOM", source="upload")
    budget, meta = prepare(BUDGET, loaded, state, LOADED_ON, HREF)
    assert not budget.data_files and meta.data_as_of == published_day("scorecard_2024")
    built_in = build_chart(BUDGET, seed, state)
    assert budget.data_frame.equals(built_in.data_frame) and budget.captions == built_in.captions
    ranking, meta = prepare(RANKING, loaded, state, LOADED_ON, HREF, "T", "S")
    assert ranking.data_files == (LOADED_FILE.name,) and meta.data_as_of == LOADED_ON
    assert (meta.title, meta.subtitle) == ("T", "S")
    assert meta.permalink.endswith(
        "view=ranking&budget=absolute&amounts=absolute&source=upload&entity=IOM&top=10&contributors=governments"
        "&currency=USD&prices=current"
    )


def test_memo_items_follow_the_page_order_with_the_edited_words(seed: FundingSource) -> None:
    state = chart_state("en", 2023, "NLD")
    chosen = [BUDGET, "unknown", RANKING]
    items = memo_items(chosen, seed, state, None, HREF, ({BUDGET: "Mine"}, {}), EXPORTED_ON)
    assert [item.meta.permalink.split("view=")[1].split("&")[0] for item in items] == [
        "ranking",
        "budget",
    ]
    ranking, budget = items
    assert [item.meta.exported_on for item in items] == [EXPORTED_ON, EXPORTED_ON]
    assert (budget.caption, budget.meta.title) == ("Mine", "Mine")
    assert ranking.caption == build_chart(RANKING, seed, state).captions.title
    assert budget.takeaway == chart_takeaway(BUDGET, seed, state)
    assert ranking.meta.subtitle == default_subtitle(build_chart(RANKING, seed, state))
    assert memo_items(None, seed, state, None, HREF, ({}, {}), EXPORTED_ON) == []
