"""The export callbacks (callbacks/export.py), driven as the browser drives them: over HTTP.

The files and specs themselves are checked in test_export_assemble.py; here a click must reach
them with the right chart, controls and data, and registering the callbacks must start nothing.
Each request is what Dash's renderer posts to ``/_dash-update-component``.
"""

from __future__ import annotations

import ast
import base64
import datetime as dt
import io
import json
from pathlib import Path
from typing import Any

import kaleido
import pytest
from dash import Dash, html
from openpyxl import load_workbook

import callbacks.export
from callbacks.context import RequestContext
from components import ids
from components.charts import CHART_IDS, build_chart, chart_state
from components.exports.assemble import data_file, prepare
from components.exports.texts import BAR_TEXT, MEMO_TEXT
from components.i18n import t
from data import ceb
from data.provider import ModelProvider, Revenue
from data.scorecard_source import ScorecardModel
from tests.export_helpers import HREF, LOADED_FILE, RANKING
from tests.store_fakes import disk_store

CONTROLS: dict[str, object] = {
    ids.LANG: "nl",
    ids.YEAR: 2023,
    ids.DONOR: "NLD",
    ids.TOP_N: 10,
    ids.BUDGET_MODE: "absolute",
    ids.AMOUNTS_MODE: "absolute",
    ids.PEERS: [],
}
MAX_BODY_LINES = 20


def app_for(tmp_path: Path, startup: Revenue | None = None) -> Dash:
    """A bare app with only the export callbacks, on the built-in data or start-up files."""
    app = Dash(__name__)
    app.layout = html.Div()
    models = ModelProvider(ScorecardModel.from_seed(), disk_store(tmp_path), startup)
    callbacks.export.register(app, RequestContext(models))
    return app


@pytest.fixture
def app(tmp_path: Path) -> Dash:
    return app_for(tmp_path)


def key(component: Any) -> str:
    """A component id as Dash writes it in requests and responses."""
    if isinstance(component, dict):
        return json.dumps(component, sort_keys=True, separators=(",", ":"))
    return str(component)


def wildcard(kind: str, which: str) -> dict[str, Any]:
    """A pattern-matching output as the callback declares it (``which``: "MATCH" or "ALL")."""
    return {"chart": [which], kind: kind}


def prop(component: Any, name: str, value: Any = None) -> dict[str, Any]:
    return {"id": component, "property": name, "value": value}


def page_state(entity: str | None = None) -> list[dict[str, Any]]:
    """The controls and data every export click reads as states (the link's address is the
    ``IOM_PUBLIC_URL`` setting, not the page's)."""
    return [
        *(prop(cid, "value", value) for cid, value in CONTROLS.items()),
        prop(ids.DATASET, "data"),
        prop(ids.SOURCE, "value", "upload" if entity else "scorecard"),
        prop(ids.ENTITY, "value", entity),
        prop(ids.SCOPE, "value", "governments"),
        prop(ids.CURRENCY, "value", "USD"),
        prop(ids.PRICES, "value", "current"),
        prop(ids.BASE, "value", None),
        prop(ids.SESSION, "data"),
    ]


def post(app: Dash, first_output: Any, trigger: str, body: dict[str, Any]) -> dict[str, Any]:
    """Run the callback whose outputs start with ``first_output`` (an id or a ``wildcard``), as
    the renderer would after a change of ``trigger`` ("id.property"); the response's values by
    component id."""
    output = next(k for k in app.callback_map if k.lstrip(".").startswith(key(first_output)))
    request = {"output": output, "changedPropIds": [trigger], **body}
    response = app.server.test_client().post("/_dash-update-component", json=request)
    assert response.status_code == 200, response.get_data(as_text=True)
    result: dict[str, Any] = response.get_json()["response"]
    return result


def data_click(app: Dash, kind: str, entity: str | None = None) -> dict[str, Any]:
    """Click CSV or XLSX under the ranking with an edited title; what ``dcc.Download`` gets."""
    chart, download = RANKING, ids.for_chart(ids.EXPORT_DOWNLOAD, RANKING)
    body = {
        "outputs": prop(download, "data"),
        "inputs": [
            prop(ids.for_chart(ids.EXPORT_CSV, chart), "n_clicks", int(kind == ids.EXPORT_CSV)),
            prop(ids.for_chart(ids.EXPORT_XLSX, chart), "n_clicks", int(kind == ids.EXPORT_XLSX)),
        ],
        "state": [
            prop(ids.for_chart(ids.EXPORT_TITLE, chart), "value", "Mijn titel"),
            prop(ids.for_chart(ids.EXPORT_SUBTITLE, chart), "value", None),
            *page_state(entity),
        ],
    }
    trigger = f"{key(ids.for_chart(kind, chart))}.n_clicks"
    sent: dict[str, Any] = post(app, wildcard(ids.EXPORT_DOWNLOAD, "MATCH"), trigger, body)[
        key(download)
    ]["data"]
    return sent


# registration ------------------------------------------------------------------------------------
def test_registering_starts_no_browser(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    started: list[object] = []
    monkeypatch.setattr(kaleido, "start_sync_server", lambda *a, **k: started.append(a))
    app = app_for(tmp_path)
    assert len(app.callback_map) == 7  # five on the server, two in the browser
    assert started == []


def test_every_callback_body_is_short() -> None:
    """Callbacks read controls and hand over to components/exports; the work lives there."""
    tree = ast.parse(Path(callbacks.export.__file__).read_text(encoding="utf-8"))
    register = next(n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name == "register")
    bodies = {
        node.name: (node.body[-1].end_lineno or 0) - node.body[0].lineno + 1
        for node in register.body
        if isinstance(node, ast.FunctionDef) and node.decorator_list
    }
    assert set(bodies) == {"export_texts", "translate", "image", "data", "memo"}
    assert max(bodies.values()) <= MAX_BODY_LINES, bodies


# clicks ------------------------------------------------------------------------------------------
def test_csv_click_downloads_the_chart_as_the_assembly_makes_it(app: Dash) -> None:
    sent = data_click(app, ids.EXPORT_CSV)
    model = ScorecardModel.from_seed()
    state = chart_state("nl", 2023, "NLD", 10, "absolute")
    chart, meta = prepare(RANKING, model, state, None, HREF, "Mijn titel", None)
    content, name = data_file(chart, model, meta, "csv", None)
    assert sent["filename"] == name and name.startswith("mijn-titel-data-")
    assert base64.b64decode(sent["content"]) == content


def test_xlsx_of_loaded_files_names_the_file_and_the_day_it_was_loaded(tmp_path: Path) -> None:
    frame = ceb.read_revenue_files([(LOADED_FILE.name, LOADED_FILE.read_bytes())])
    app = app_for(tmp_path, Revenue(frame, (LOADED_FILE.name,)))
    sent = data_click(app, ids.EXPORT_XLSX, entity="IOM")
    book = load_workbook(io.BytesIO(base64.b64decode(sent["content"])))
    rows = [r for r in book["Bronnen en toelichting"].iter_rows(values_only=True)]
    files = [row for row in rows if row[0] == "Geladen bestand"]
    assert [row[2] for row in files] == [LOADED_FILE.name]
    assert files[0][6].date() == dt.datetime.now(dt.UTC).date()  # start-up files: the start day
    filters = {row[0]: row[1] for row in book["Filters"].iter_rows(values_only=True) if row[0]}
    assert filters["Gegevens"] == f"UN CEB-bestanden: {LOADED_FILE.name}"


def test_image_click_sends_the_spec_of_the_clicked_chart(app: Dash) -> None:
    chart, store = RANKING, ids.for_chart(ids.EXPORT_IMAGE, RANKING)
    body = {
        "outputs": prop(store, "data"),
        "inputs": [
            prop(ids.for_chart(ids.EXPORT_PNG, chart), "n_clicks", 0),
            prop(ids.for_chart(ids.EXPORT_SVG, chart), "n_clicks", 2),
            prop(ids.for_chart(ids.EXPORT_COPY, chart), "n_clicks", 0),
        ],
        "state": [
            prop(ids.for_chart(ids.EXPORT_TITLE, chart), "value", ""),
            prop(ids.for_chart(ids.EXPORT_SUBTITLE, chart), "value", "Eigen ondertitel"),
            prop(ids.for_chart(ids.EXPORT_PRESET, chart), "value", "slide"),
            *page_state(),
        ],
    }
    trigger = f"{key(ids.for_chart(ids.EXPORT_SVG, chart))}.n_clicks"
    spec = post(app, wildcard(ids.EXPORT_IMAGE, "MATCH"), trigger, body)[key(store)]["data"]
    built = build_chart(chart, ScorecardModel.from_seed(), chart_state("nl", 2023, "NLD"))
    assert (spec["format"], spec["action"], spec["nonce"], spec["width"]) == (
        "svg",
        "download",
        2,
        960,
    )
    title = spec["figure"]["layout"]["title"]
    assert built.captions.title in title["text"]
    assert title["subtitle"]["text"].startswith("Eigen ondertitel")


def memo_click(app: Dash, chosen: list[str]) -> dict[str, Any]:
    """Click Word in the memo section with ``chosen`` ticked and a title typed for each chart."""
    body = {
        "outputs": [prop(ids.MEMO_DOWNLOAD, "data"), prop(ids.MEMO_STATUS, "children")],
        "inputs": [prop(ids.MEMO_PPTX, "n_clicks", 0), prop(ids.MEMO_DOCX, "n_clicks", 1)],
        "state": [
            prop(ids.MEMO_CHARTS, "value", chosen),
            [prop(ids.for_chart(ids.EXPORT_TITLE, c), "value", f"T {c}") for c in CHART_IDS],
            [prop(ids.for_chart(ids.EXPORT_SUBTITLE, c), "value") for c in CHART_IDS],
            *page_state(),
        ],
    }
    return post(app, ids.MEMO_DOWNLOAD, f"{ids.MEMO_DOCX}.n_clicks", body)


def test_memo_without_a_chosen_chart_says_so(app: Dash) -> None:
    assert memo_click(app, []) == {ids.MEMO_STATUS: {"children": "Kies minstens één grafiek."}}


def test_memo_click_packs_the_chosen_charts_through_the_kept_renderer(
    app: Dash, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The pack itself is rendered in test_export_renderer.py; here the click must reach it."""
    renders: list[object] = []

    class Renderer:
        def render(self, build: object) -> bytes:
            renders.append(build)
            return b"PK docx"

    monkeypatch.setattr(callbacks.export, "kaleido_server", Renderer)
    response = memo_click(app, [RANKING])
    download = response[ids.MEMO_DOWNLOAD]["data"]
    assert base64.b64decode(download["content"]) == b"PK docx" and len(renders) == 1
    assert download["filename"] == f"memo-bijlage-financiering-iom-{dt.date.today()}.docx"
    assert response[ids.MEMO_STATUS] == {"children": "Memo-pakket gedownload."}


# texts -------------------------------------------------------------------------------------------
def test_a_language_change_rewrites_every_export_bar(app: Dash) -> None:
    body = {
        "outputs": [
            [prop(ids.for_chart(ids.TAKEAWAY, c), "children") for c in CHART_IDS],
            [prop(ids.for_chart(ids.EXPORT_TITLE, c), "value") for c in CHART_IDS],
            [prop(ids.for_chart(ids.EXPORT_SUBTITLE, c), "value") for c in CHART_IDS],
            prop(ids.MEMO_CHARTS, "options"),
            prop(ids.EXPORT_KEYS, "data"),
        ],
        "inputs": [
            *(prop(cid, "value", value) for cid, value in CONTROLS.items()),
            prop(ids.DATASET, "data"),
            prop(ids.SOURCE, "value", "scorecard"),
            prop(ids.ENTITY, "value"),
            prop(ids.SCOPE, "value", "governments"),
            prop(ids.CURRENCY, "value", "USD"),
            prop(ids.PRICES, "value", "current"),
            prop(ids.BASE, "value", None),
        ],
        "state": [
            prop(ids.SESSION, "data"),
            prop(ids.MEMO_CHARTS, "options"),
            prop(ids.EXPORT_KEYS, "data"),
        ],
    }
    response = post(app, wildcard(ids.TAKEAWAY, "ALL"), f"{ids.LANG}.value", body)
    ranking = build_chart(RANKING, ScorecardModel.from_seed(), chart_state("nl", 2023, "NLD"))
    assert response[key(ids.for_chart(ids.EXPORT_TITLE, RANKING))] == {
        "value": ranking.captions.title
    }
    assert all(key(ids.for_chart(ids.TAKEAWAY, c)) in response for c in CHART_IDS)
    options = response[ids.MEMO_CHARTS]["options"]
    assert [option["value"] for option in options] == list(CHART_IDS)


def test_translate_fills_every_static_text(app: Dash) -> None:
    kinds = [*BAR_TEXT, ids.TAKEAWAY_COPY, ids.EXPORT_PRESET, ids.TAKEAWAY_MESSAGES]
    properties = ["children"] * len(BAR_TEXT) + ["title", "options", "data"]
    body = {
        "outputs": [
            [prop(ids.for_chart(kind, c), name) for c in CHART_IDS]
            for kind, name in zip(kinds, properties, strict=True)
        ]
        + [prop(cid, "children") for cid in MEMO_TEXT],
        "inputs": [prop(ids.LANG, "value", "en")],
    }
    response = post(app, wildcard(ids.EXPORT_SUMMARY, "ALL"), f"{ids.LANG}.value", body)
    summary = response[key(ids.for_chart(ids.EXPORT_SUMMARY, RANKING))]
    assert summary == {"children": t("export.bar.summary", "en")} != {"children": "Exporteren"}
    copy = response[key(ids.for_chart(ids.TAKEAWAY_COPY, RANKING))]
    assert copy == {"children": t("export.takeaway.copy", "en")} | {
        "title": t("export.takeaway.copy_label", "en")
    }
    assert response[ids.MEMO_HEADING] == {"children": t("export.memo.heading", "en")}
