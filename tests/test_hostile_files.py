"""Files that cannot hurt: hostile and awkward uploads are refused with a message, or read
bounded; names from files are inert text; every failure on the upload path is a message.

The hostile files are generated here (``tests/hostile_files.py``), never committed. Memory and
time are measured by ``bench/bench_hostile.py``, not asserted here; what is asserted is the
answer, and that the answer comes without reading what the file claims to hold.
"""

from __future__ import annotations

import base64
import io
import json
import re
import zipfile
from dataclasses import replace
from pathlib import Path

import pandas as pd
import pytest

from components.charts import registry
from components.data_panel import upload_check
from components.uploads import discard_upload, issued_session, load_upload
from components.view_state import default_state
from data import ceb
from data.ceb import limits
from data.ceb.inert import inert_text
from data.ceb.names import MAX_SHOWN_NAME
from data.columns import DONOR_KEY, NAME_EN, NAME_NL, OFFICIAL_NAME, REV_CORE, REV_EARMARKED
from data.errors import DataLoadError
from data.history import load_history
from data.provider import ModelProvider, Revenue
from data.scorecard_source import ScorecardModel
from data.store import DatasetStore, DiskcacheBackend, new_session_id
from tests import hostile_files as hostile
from tests.ceb_helpers import csv_bytes, load_error
from tests.real_files import CEB_FILE, needs_ceb

# --------------------------------------------------------------------------------------------
# hostile workbooks: each refused with its own message, none read for what it claims
# --------------------------------------------------------------------------------------------

EXPECTED_KEYS = {
    "far_row": "error.too_many_rows",
    "zip_bomb": "error.zip_bomb",
    "billion_laughs": "error.xml_entities",
    "external_entity": "error.xml_entities",
    "broken_xml": "error.xml_broken",
    "external_link": "error.external_link",
    "wide_row": "error.too_many_columns",
}


@pytest.mark.parametrize("case", sorted(EXPECTED_KEYS))
def test_a_hostile_workbook_is_refused_with_its_own_message(case: str) -> None:
    name, content = hostile.HOSTILE[case]()
    error = load_error(name, content)
    assert error.key == EXPECTED_KEYS[case]
    assert error.file == name
    assert error.text("nl") != error.text("en")  # said in both languages


def test_every_hostile_file_has_an_expected_answer() -> None:
    assert set(hostile.HOSTILE) == set(EXPECTED_KEYS)


def test_the_far_row_is_named_without_filling_the_rows_before_it() -> None:
    name, content = hostile.far_row()
    assert len(content) < 8_000  # the 1.7 KB attack of the issue, give or take openpyxl's parts
    error = load_error(name, content)
    assert error.row == 50_000_000


def test_a_far_but_allowed_row_is_read_sparsely(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "MAX_ROWS", 60_000_000)  # now allowed: read, gap not filled
    name, content = hostile.far_row()
    frame = ceb.read_revenue_file(name, content)
    assert frame["line"].tolist() == [50_000_000]


def test_the_inflated_size_is_checked_from_the_zip_directory(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    name, content = hostile.zip_bomb(megabytes=2)  # below the ratio check's size
    ceb.read_revenue_file(name, content)  # accepted as it is ...
    monkeypatch.setattr(limits, "MAX_INFLATED_BYTES", 1024 * 1024)
    assert load_error(name, content).key == "error.zip_bomb"  # ... and refused over the cap


def test_too_many_zip_members_are_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "MAX_ZIP_MEMBERS", 5)
    content = hostile.workbook([hostile.GOOD_ROW])
    assert len(zipfile.ZipFile(io.BytesIO(content)).infolist()) > 5
    assert load_error("many.xlsx", content).key == "error.zip_members"


def test_a_blank_row_in_a_workbook_is_skipped_not_read_as_revenue_type_nan() -> None:
    name, content = hostile.blank_row()
    frame = ceb.read_revenue_file(name, content)
    assert frame["line"].tolist() == [2, 4]
    assert set(frame["rev_type"]) == {REV_CORE}


def test_a_header_below_blank_rows_is_still_found_and_named() -> None:
    sheet = hostile.sheet_xml({3: hostile.HEADER, 4: hostile.GOOD_ROW})
    content = hostile.with_parts(hostile.workbook([]), {hostile.SHEET: sheet})
    error = load_error("low.xlsx", content)
    assert (error.key, error.row) == ("error.header_below", 3)


@pytest.mark.parametrize("suffix", [".ods", ".docx", ".txt", ".pdf"])
def test_a_type_the_app_does_not_read_is_named_by_the_server_too(suffix: str) -> None:
    error = load_error(f"export{suffix}", b"PK\x03\x04 some bytes")
    assert error.key == "error.unsupported_type"
    assert suffix in error.text("en") and suffix in error.text("nl")


def test_an_oversized_upload_is_refused_before_it_is_parsed() -> None:
    name, content = hostile.big_csv(megabytes=2)
    error = load_error(name, content, max_bytes=1024 * 1024)
    assert error.key == "error.too_large"


def test_several_files_together_over_the_limit_are_refused(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _, content = hostile.big_csv(megabytes=1)
    monkeypatch.setattr("data.ceb.read.MAX_BYTES", int(1.5 * 1024 * 1024))
    with pytest.raises(DataLoadError) as caught:
        ceb.read_revenue_files([("a.csv", content), ("b.csv", content)])
    assert caught.value.key == "error.too_large_total"


def test_the_upload_limit_is_a_setting_suited_to_real_exports() -> None:
    assert limits.upload_limit_bytes({}) == 25 * 1024 * 1024
    assert limits.upload_limit_bytes({limits.ENV_UPLOAD_LIMIT: "8"}) == 8 * 1024 * 1024
    with pytest.raises(ValueError, match=limits.ENV_UPLOAD_LIMIT):
        limits.upload_limit_bytes({limits.ENV_UPLOAD_LIMIT: "lots"})
    if CEB_FILE.is_file():  # a year of the real export is far below it, twelve years too
        assert 12 * CEB_FILE.stat().st_size < limits.upload_limit_bytes({})


# --------------------------------------------------------------------------------------------
# names from files are inert text
# --------------------------------------------------------------------------------------------

LINK = '<a href="https://evil.example/x">Click</a>'
RLO = "\u202eaniahC"
LONG = "Very Long Donor " * 1250  # 20,000 characters


def _rows(*donors: str) -> list[list[str]]:
    return [[donor, "IOM", REV_EARMARKED, "2024", str(1000 + n)] for n, donor in enumerate(donors)]


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("Germany\u200b", "Germany"),
        (RLO, "aniahC"),
        ("<b>bold</b>", "&lt;b&gt;bold&lt;/b&gt;"),
        ("Bill & Melinda", "Bill & Melinda"),
        ("&lt;b&gt;", "&amp;lt;b&amp;gt;"),
        ("Two\nlines", "Two lines"),
        ("Türkiye", "Türkiye"),
    ],
)
def test_inert_text(raw: str, shown: str) -> None:
    assert inert_text(raw) == shown


def test_names_enter_the_model_inert_and_long_names_are_shortened() -> None:
    frame = ceb.read_revenue_file("names.csv", csv_bytes(_rows(LINK, RLO, LONG, "Germany")))
    named = ceb.map_donor_names(frame, ceb.load_donor_names())
    every = pd.concat([named[column] for column in (DONOR_KEY, NAME_EN, NAME_NL, OFFICIAL_NAME)])
    assert not every.str.contains("<|>|\u202e", regex=True).any()
    long_row = named[named[OFFICIAL_NAME].str.startswith("Very Long")].iloc[0]
    assert len(long_row[OFFICIAL_NAME]) == len(LONG.strip())  # the full name stays available
    assert len(long_row[NAME_EN]) <= MAX_SHOWN_NAME and len(long_row[DONOR_KEY]) < 80


def test_a_second_germany_with_a_zero_width_space_is_the_same_donor_and_refused_as_repeated() -> (
    None
):
    rows = _rows("Germany", "Germany\u200b")
    error = load_error("twins.csv", csv_bytes(rows))
    assert error.key == "error.duplicate_row"
    assert error.row == 3


def test_entity_and_file_names_are_inert_too() -> None:
    rows = [["Germany", "<i>IOM</i>", REV_EARMARKED, "2024", "1"]]
    frame = ceb.read_revenue_file("e.csv", csv_bytes(rows))
    assert frame["entity"].tolist() == ["&lt;i&gt;IOM&lt;/i&gt;"]


@pytest.fixture(scope="module")
def provider(tmp_path_factory: pytest.TempPathFactory) -> ModelProvider:
    store = DatasetStore(
        DiskcacheBackend(tmp_path_factory.mktemp("store"), size_limit_bytes=64 * 1024 * 1024)
    )
    return ModelProvider(ScorecardModel.from_seed(), store)


def _data_url(content: bytes) -> str:
    return "data:text/csv;base64," + base64.b64encode(content).decode()


def test_a_linked_name_is_drawn_as_text_in_the_chart(provider: ModelProvider) -> None:
    session = provider.store.issue_session()
    content = csv_bytes(_rows(LINK, RLO, LONG, "Germany"))
    name = '<a href="https://evil.example">f</a>.csv'
    result = load_upload(provider, session, [_data_url(content)], [name], "en")
    assert result.dataset is not None, result.message
    model = provider.model(session, result.dataset["id"], "IOM", "upload")
    state = default_state(model.years(), model.donors(), "IOM")
    for chart in ("ranking", "over_time", "earmarking"):
        drawn = _strings(json.loads(registry.build_chart(chart, model, state).figure.to_json()))
        assert chart == "earmarking" or any("Click" in text for text in drawn), chart  # drawn
        assert not [text for text in drawn if "<a" in text or "\u202e" in text], chart  # inert
        assert max(len(text) for text in drawn) < 2_000, chart  # and the long one shortened


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for item in value.values() for s in _strings(item)]
    if isinstance(value, list):
        return [s for item in value for s in _strings(item)]
    return [""]


# --------------------------------------------------------------------------------------------
# the upload path: every failure a message in the page's language, and sessions the server's
# --------------------------------------------------------------------------------------------

GOOD = csv_bytes(_rows("Germany", "France"))


def test_an_upload_from_a_session_the_server_did_not_issue_is_refused(
    provider: ModelProvider,
) -> None:
    made_up = new_session_id()  # well-formed, but never issued
    result = load_upload(provider, made_up, [_data_url(GOOD)], ["a.csv"], "nl")
    assert result.dataset is None
    assert "niet door de server uitgegeven" in str(result.message.children)


def test_a_client_chosen_session_id_is_replaced_by_an_issued_one(provider: ModelProvider) -> None:
    chosen = "a" * 43
    given = issued_session(provider, chosen)
    assert given != chosen and provider.store.is_issued(given)
    assert issued_session(provider, given) == given  # an issued id is kept
    assert issued_session(provider, None) != given


def test_discarding_an_upload_deletes_it_on_the_server(provider: ModelProvider) -> None:
    session = provider.store.issue_session()
    result = load_upload(provider, session, [_data_url(GOOD)], ["a.csv"], "en")
    assert result.dataset is not None
    assert provider.store.get(session, result.dataset["id"]) is not None
    discard_upload(provider, session, result.dataset)
    assert provider.store.get(session, result.dataset["id"]) is None
    again = load_upload(provider, session, [_data_url(GOOD)], ["b.csv"], "en")
    assert again.dataset is not None  # the session itself stays usable


def test_a_data_set_larger_than_the_store_is_a_message(tmp_path: Path) -> None:
    store = DatasetStore(DiskcacheBackend(tmp_path, size_limit_bytes=20_000))
    small = ModelProvider(ScorecardModel.from_seed(), store)
    session = store.issue_session()
    content = csv_bytes(_rows(*(f"Donor {n}" for n in range(2_000))))
    result = load_upload(small, session, [_data_url(content)], ["big.csv"], "en")
    assert result.dataset is None
    assert "does not fit in the server's store" in str(result.message.children)


@pytest.mark.parametrize(
    "fault", [RuntimeError("boom"), MemoryError(), zipfile.BadZipFile("x"), KeyError("k")]
)
def test_an_unforeseen_failure_while_reading_is_a_message(
    provider: ModelProvider, monkeypatch: pytest.MonkeyPatch, fault: BaseException
) -> None:
    def fail(_files: object) -> pd.DataFrame:
        raise fault

    monkeypatch.setattr(ceb, "read_revenue_files", fail)
    session = provider.store.issue_session()
    result = load_upload(provider, session, [_data_url(GOOD)], ["a.csv"], "nl")
    assert result.dataset is None
    assert type(fault).__name__ in str(result.message.children)
    assert "Traceback" not in str(result.message.children)


@pytest.mark.parametrize("case", sorted(EXPECTED_KEYS))
def test_every_hostile_file_uploaded_is_a_message_and_nothing_is_stored(
    provider: ModelProvider, case: str
) -> None:
    name, content = hostile.HOSTILE[case]()
    session = provider.store.issue_session()
    url = "data:application/octet-stream;base64," + base64.b64encode(content).decode()
    result = load_upload(provider, session, [url], [name], "en")
    assert result.dataset is None
    assert name in str(result.message.children)


# --------------------------------------------------------------------------------------------
# the real CEB file's entities through every view builder (they ended in HTTP 500)
# --------------------------------------------------------------------------------------------


@needs_ceb
@pytest.mark.parametrize("entity", ["UNOPS", "IRMCT", "UPU"])
def test_the_real_files_entities_draw_every_chart(entity: str, tmp_path: Path) -> None:
    frame = ceb.read_revenue_files([(CEB_FILE.name, CEB_FILE.read_bytes())])
    store = DatasetStore(DiskcacheBackend(tmp_path, size_limit_bytes=64 * 1024 * 1024))
    models = ModelProvider(
        ScorecardModel.from_seed(), store, Revenue(frame, (CEB_FILE.name,)), load_history()
    )
    failures: list[str] = []
    for source in ("ceb", "upload"):
        for scope in ("governments", "all"):
            model = models.model(None, "startup", entity, source, scope)
            assert model.entity == entity
            for year in _years(model.years()):
                state = default_state(model.years(), model.donors(), entity)
                state = replace(state, year=year, source=source, scope=scope)
                for chart in registry.CHART_IDS:
                    try:
                        registry.build_chart(chart, model, state)
                        registry.chart_takeaway(chart, model, state)
                    except Exception as exc:  # collected: one run names every failure
                        failures.append(f"{source}/{scope}/{year}/{chart}: {exc!r}")
    assert not failures, "\n".join(failures)


def _years(years: list[int]) -> list[int]:
    """The first, a middle and the last year: where gaps and empty years show."""
    return sorted({years[0], years[len(years) // 2], years[-1]})


def test_the_browser_check_gets_its_limit_types_and_every_text_it_uses() -> None:
    props = upload_check().to_plotly_json()["props"]
    assert props["data-limit"] == str(ceb.MAX_BYTES)
    assert props["data-accept"] == ".csv,.xlsx"
    script = (Path(__file__).resolve().parents[1] / "assets" / "upload_guard.js").read_text()
    used = set(re.findall(r'text\("([a-z-]+)"', script))
    assert used  # the script names its texts as text("client-type", ...)
    for name in used:
        assert props[f"data-{name}-nl"] and props[f"data-{name}-en"], name
