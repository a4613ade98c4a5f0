"""The pure parts of callbacks/export.py, and the files they produce.

Images are rendered here with kaleido from the same spec the browser gets, then read back: the
SVG must carry title, source and data date, a PNG must have its preset's exact pixel size, the
workbook its sources and filters, the memo pack one figure per chosen chart.
"""

from __future__ import annotations

import csv
import datetime as dt
import html
import io
import json
import re
import struct
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio
import pytest
from docx import Document
from openpyxl import load_workbook
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE

from callbacks.export import (
    KaleidoServer,
    data_as_of,
    data_file,
    default_subtitle,
    export_meta,
    filters_table,
    image_spec,
    memo_bytes,
    memo_filename,
    memo_item,
    permalink,
    prepare,
    sources_frame,
    stale_charts,
    values_by_chart,
)
from components import ids
from components.charts import ChartOutput, build_chart, chart_state, chart_takeaway
from components.export_data import PERMALINK_KEY
from components.export_image import PRESETS, ExportMeta, format_date
from components.formatting import Lang
from components.memo_pack import MemoItem
from data import ceb
from data import columns as c
from data.model import FundingModel
from tests.real_files import CEB_FILE, needs_ceb

ROOT = Path(__file__).resolve().parents[1]
HREF = "https://iom.example.org/dash/?lang=nl&year=2021#top"
LOADED_ON = dt.date(2026, 11, 20)
EXPORTED_AT = dt.datetime(2026, 11, 24, 9, 30, tzinfo=dt.UTC)


def retrieved(source_id: str) -> dt.date:
    """The data date of a built-in source, read from data/sources.csv itself."""
    with (ROOT / "data" / "sources.csv").open(encoding="utf-8") as handle:
        row = next(r for r in csv.DictReader(handle) if r["source_id"] == source_id)
    return dt.date.fromisoformat(row["retrieved"])


@pytest.fixture(scope="module")
def seed() -> FundingModel:
    return FundingModel.from_seed()


@pytest.fixture(scope="module")
def loaded(seed: FundingModel) -> FundingModel:
    frame = ceb.read_revenue_files([(CEB_FILE.name, CEB_FILE.read_bytes())])
    return FundingModel.from_revenue(frame, "IOM", seed.tables, (CEB_FILE.name,))


def chart_and_meta(
    model: FundingModel, chart_id: str, lang: Lang, year: int = 2023, loaded: dt.date | None = None
) -> tuple[ChartOutput, ExportMeta]:
    state = chart_state(lang, year, "NLD", 10, entity="IOM" if model.basis == "revenue" else None)
    return prepare(chart_id, model, model, state, loaded, HREF)


# words around the image -------------------------------------------------------------------------
def test_permalink_opens_the_charts_view(seed: FundingModel) -> None:
    state = chart_state("en", 2022, "CAN", budget="index")
    assert permalink(HREF, state, ids.CHART_EARMARKING_SIDE) == (
        "https://iom.example.org/dash/?lang=en&year=2022&donor=CAN&view=earmarking&budget=index"
    )
    loaded_state = chart_state("nl", 2024, "NLD", 5, entity="WFP")
    assert permalink(None, loaded_state, ids.CHART_RANKING).endswith("&entity=WFP&top=5")


def test_default_subtitle_lists_the_filters(seed: FundingModel) -> None:
    chart = build_chart(ids.CHART_RANKING, seed, chart_state("en", 2022, "NLD"))
    subtitle = default_subtitle(chart)
    assert subtitle.startswith(chart.captions.subtitle)
    assert subtitle.endswith("Year: 2022\u00a0· Highlighted donor: Netherlands")


def test_export_meta_keeps_source_notes_and_falls_back_to_defaults(seed: FundingModel) -> None:
    chart = build_chart(ids.CHART_RANKING, seed, chart_state("nl", 2023, "NLD"))
    meta = export_meta(chart, "nl", "  ", None, dt.date(2026, 1, 2), "https://x/?a=1")
    assert meta.title == chart.captions.title
    assert meta.subtitle == default_subtitle(chart)
    assert meta.source == chart.captions.source
    assert meta.notes == chart.captions.notes and any("Nederland in 2023" in n for n in meta.notes)
    edited = export_meta(chart, "nl", " Mijn titel ", "", dt.date(2026, 1, 2), "")
    assert (edited.title, edited.subtitle) == ("Mijn titel", "")


def test_data_date_is_the_source_date_or_the_upload_date(seed: FundingModel) -> None:
    chart = build_chart(ids.CHART_BUDGET, seed, chart_state("nl", 2023, "NLD"))
    assert data_as_of(chart, seed, None) == retrieved("scorecard_2024")
    assert data_as_of(chart, seed, LOADED_ON) == retrieved("scorecard_2024")  # not loaded data


@needs_ceb
def test_loaded_data_is_dated_by_its_upload(loaded: FundingModel) -> None:
    chart = build_chart(ids.CHART_RANKING, loaded, chart_state("nl", 2024, "NLD", 10))
    assert data_as_of(chart, loaded, LOADED_ON) == LOADED_ON


def test_values_by_chart() -> None:
    entries = [
        {"id": {"type": ids.EXPORT_TITLE, "chart": "budget"}, "property": "value", "value": "B"},
        {"id": {"type": ids.EXPORT_TITLE, "chart": "ranking"}, "property": "value"},
    ]
    assert values_by_chart(entries) == {"budget": "B", "ranking": None}


# the browser's image spec ------------------------------------------------------------------------
@pytest.mark.parametrize("preset", sorted(PRESETS))
def test_image_spec_is_plain_json_at_the_preset_size(seed: FundingModel, preset: str) -> None:
    chart, meta = chart_and_meta(seed, ids.CHART_RANKING, "nl")
    spec = image_spec(chart, meta, preset, "png", "download", 3)
    assert json.loads(json.dumps(spec)) == spec
    size = PRESETS[preset]
    assert (spec["width"], spec["height"], spec["scale"]) == (size.width, size.height, size.scale)
    assert spec["figure"]["layout"]["width"] == size.width
    assert spec["filename"] == f"grootste-donoren-van-iom-in-2023-{preset}-2026-11-23".replace(
        "2026-11-23", retrieved("scorecard_2024").isoformat()
    )
    assert spec["nonce"] == 3 and spec["action"] == "download"
    assert spec["messages"]["failed"] == "Exporteren mislukt: {error}"


def test_unknown_preset_falls_back_to_memo(seed: FundingModel) -> None:
    chart, meta = chart_and_meta(seed, ids.CHART_BUDGET, "en")
    spec = image_spec(chart, meta, "poster", "svg", "download", 1)
    assert spec["width"] == PRESETS["memo"].width


def _svg_text(svg: str) -> str:
    """All text of an SVG, lines joined by spaces (wrapping breaks lines at spaces)."""
    return re.sub(r"\s+", " ", html.unescape(" ".join(re.findall(r">([^<>]+)<", svg))))


@pytest.fixture(scope="module")
def svgs(
    seed: FundingModel, tmp_path_factory: pytest.TempPathFactory
) -> dict[tuple[str, str], str]:
    """Every chart in both languages as SVG, rendered from the browser's spec in one batch."""
    keys, figures = [], []
    for lang in ("nl", "en"):
        for chart_id in ids.CHARTS:
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


@pytest.mark.parametrize("chart_id", ids.CHARTS)
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_svg_has_title_source_date_and_link(
    seed: FundingModel, svgs: dict[tuple[str, str], str], chart_id: str, lang: Lang
) -> None:
    chart, meta = chart_and_meta(seed, chart_id, lang)
    text = _svg_text(svgs[(chart_id, lang)])
    assert chart.captions.title in text
    as_of = "gegevens per" if lang == "nl" else "data as of"
    assert (
        f"{chart.captions.source} · {as_of} {format_date(retrieved('scorecard_2024'), lang)}"
        in text
    )
    assert meta.permalink in text.replace(" ", "")
    for note in chart.captions.notes:
        assert note in text


def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_png_sizes_match_the_presets(seed: FundingModel) -> None:
    chart, meta = chart_and_meta(seed, ids.CHART_OVER_TIME, "en")
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
def test_csv_keeps_numbers_as_numbers(seed: FundingModel) -> None:
    chart, meta = chart_and_meta(seed, ids.CHART_RANKING, "nl")
    content, name = data_file(chart, seed, meta, "csv", None)
    assert name.endswith("-data-" + retrieved("scorecard_2024").isoformat() + ".csv")
    rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][:5] == ["Jaar", "Rang", "Donor", "Naam", "Bedrag (USD mln)"]
    assert rows[1][:5] == ["2023", "1", "USA", "Verenigde Staten", "1365,0"]


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_xlsx_has_data_sources_and_filters(seed: FundingModel, lang: Lang) -> None:
    chart, meta = chart_and_meta(seed, ids.CHART_RANKING, lang)
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


@needs_ceb
def test_loaded_sources_name_the_file_and_upload_date(loaded: FundingModel) -> None:
    chart = build_chart(ids.CHART_RANKING, loaded, chart_state("en", 2024, "NLD", 10, entity="IOM"))
    frame = sources_frame(chart, loaded, "en", LOADED_ON, LOADED_ON)
    files = frame[frame["kind"] == "Loaded file"]
    assert list(files["text"]) == [CEB_FILE.name]
    assert files["as_of"].iloc[0].date() == LOADED_ON
    table = filters_table(chart, loaded, "en", "https://x/?v=1")
    assert table["Data"] == f"UN CEB files: {CEB_FILE.name}"
    assert table["UN entity"] == "IOM" and table[PERMALINK_KEY] == "https://x/?v=1"


def test_formula_like_names_are_neutralised(seed: FundingModel) -> None:
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
    model = FundingModel.from_revenue(frame, "IOM", seed.tables, ("f.csv",))
    chart, meta = chart_and_meta(model, ids.CHART_RANKING, "en", 2024, LOADED_ON)
    content, _ = data_file(chart, model, meta, "xlsx", LOADED_ON)
    sheet = load_workbook(io.BytesIO(content)).worksheets[0]
    cells = [row for row in sheet.iter_rows(values_only=True)]
    assert any(value == '\'=HYPERLINK("http://x")' for row in cells for value in row)
    amounts = [row[4] for row in cells[1:] if row[2] != "OTHER"]
    assert amounts == [5, 1.25]  # numbers stay numbers


# memo pack ---------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def kaleido_server() -> Iterator[KaleidoServer]:
    """One kept renderer for the module, closed afterwards so other tests render as usual."""
    server = KaleidoServer()
    yield server
    server.stop()


def memo_items(model: FundingModel, chosen: list[str], lang: Lang) -> list[MemoItem]:
    state = chart_state(lang, 2023, "NLD")
    return [
        memo_item(*chart_and_meta(model, chart_id, lang), chart_takeaway(chart_id, model, state))
        for chart_id in chosen
    ]


def test_memo_pack_docx_has_one_figure_per_chosen_chart(
    seed: FundingModel, kaleido_server: KaleidoServer
) -> None:
    chosen = [ids.CHART_RANKING, ids.CHART_EARMARKING, ids.CHART_BUDGET]
    items = memo_items(seed, chosen, "nl")
    content = kaleido_server.render(lambda: memo_bytes(items, "nl", "docx", dt.date(2026, 11, 24)))
    document = Document(io.BytesIO(content))
    assert len(document.inline_shapes) == 3
    text = "\n".join(p.text for p in document.paragraphs)
    for number, item in enumerate(items, start=1):
        assert f"Figuur {number}. {item.caption}" in text
        assert item.takeaway in text
    assert "Grootste donor van IOM in 2023" in text


def test_memo_pack_pptx_reuses_the_running_renderer(
    seed: FundingModel, kaleido_server: KaleidoServer
) -> None:
    items = memo_items(seed, list(ids.CHARTS), "en")
    content = kaleido_server.render(lambda: memo_bytes(items, "en", "pptx", dt.date(2026, 11, 24)))
    deck = Presentation(io.BytesIO(content))
    slides = list(deck.slides)[1:]
    assert len(slides) == len(ids.CHARTS)
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


def test_memo_filename() -> None:
    assert memo_filename("nl", "docx", dt.date(2026, 11, 24)) == (
        "memo-bijlage-financiering-iom-2026-11-24.docx"
    )
    assert (
        memo_filename("en", "pptx", dt.date(2026, 11, 24))
        == "memo-annex-iom-funding-2026-11-24.pptx"
    )


@needs_ceb
def test_prepare_draws_the_budget_from_the_built_in_series(
    seed: FundingModel, loaded: FundingModel
) -> None:
    state = chart_state("nl", 2024, "NLD", 10, entity="IOM")
    budget, meta = prepare(ids.CHART_BUDGET, loaded, seed, state, LOADED_ON, HREF)
    assert not budget.revenue and meta.data_as_of == retrieved("scorecard_2024")
    ranking, meta = prepare(ids.CHART_RANKING, loaded, seed, state, LOADED_ON, HREF, "T", "S")
    assert ranking.revenue and meta.data_as_of == LOADED_ON
    assert (meta.title, meta.subtitle) == ("T", "S")
    assert meta.permalink.endswith("view=ranking&budget=absolute&entity=IOM&top=10")


CONTROL_VALUES: dict[str, tuple[object, object]] = {
    ids.YEAR: (2021, 2023),
    ids.DONOR: ("NLD", "USA"),
    ids.TOP_N: (5, 10),
    ids.BUDGET_MODE: ("absolute", "index"),
}


def chart_texts_for(model: FundingModel, chart: str, **controls: object) -> tuple[object, ...]:
    """Everything the text callback writes for a chart: title, subtitle, takeaway, data."""
    state = chart_state(
        controls.get(ids.LANG, "nl"),
        controls.get(ids.YEAR, 2022),
        str(controls.get(ids.DONOR, "DEU")),
        controls.get(ids.TOP_N, 5),
        controls.get(ids.BUDGET_MODE, "absolute"),
    )
    built = build_chart(chart, model, state)
    return (
        built.captions.title,
        default_subtitle(built),
        chart_takeaway(chart, model, state),
        built.data_frame.to_csv(),
    )


@pytest.mark.parametrize("basis", ["seed", pytest.param("loaded", marks=needs_ceb)])
@pytest.mark.parametrize("control", list(CONTROL_VALUES))
def test_a_control_leaves_the_texts_of_charts_it_does_not_mark_stale_unchanged(
    basis: str, control: str, request: pytest.FixtureRequest
) -> None:
    """The text callback rebuilds only ``stale_charts``: every other chart must come out the same
    for both values of the control, or its export title and takeaway would go out of date."""
    model: FundingModel = request.getfixturevalue(basis)
    before, after = CONTROL_VALUES[control]
    stale = stale_charts(control, model.basis)
    changed = set()
    for chart in ids.CHARTS:
        texts = [chart_texts_for(model, chart, **{control: v}) for v in (before, after)]
        if texts[0] != texts[1]:
            changed.add(chart)
    assert changed <= stale
    # and the set is not wider than it needs to be on the built-in data
    if basis == "seed":
        assert stale == changed


def test_any_other_trigger_rebuilds_every_chart(seed: FundingModel) -> None:
    for trigger in (ids.LANG, ids.DATASET, ids.ENTITY, None):
        assert stale_charts(trigger, "scorecard") == set(ids.CHARTS)
        assert stale_charts(trigger, "revenue") == set(ids.CHARTS)
