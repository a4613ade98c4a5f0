"""Long work off the request path and sessions that keep their data (issue 10).

- Memo packs and uploads are background callbacks when a manager is configured (the default:
  a DiskcacheManager on a private directory), with progress and cancel; inline without one.
- A job's polls are not counted against the upload and export rate limits.
- A tab reloaded during its upload keeps the data it shows until the new data is stored, then
  takes it up; two tabs of one session never see each other's upload.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from dash import DiskcacheManager, no_update

from callbacks import jobs
from callbacks.server_guard import is_job_poll
from components.uploads import settle_tab, tab_data
from data.provider import ModelProvider
from data.scorecard_source import ScorecardModel
from data.store import DatasetStore, new_session_id
from tests.store_fakes import Clock, FakeBackend, disk_store, revenue_frame


# --------------------------------------------------------------------------------------------
# the manager and the callback arguments
# --------------------------------------------------------------------------------------------
def test_the_default_manager_is_diskcache_on_a_private_directory(tmp_path: Path) -> None:
    manager = jobs.manager_from_env({jobs.ENV_JOBS_DIR: str(tmp_path / "jobs")})
    assert isinstance(manager, DiskcacheManager)
    assert (tmp_path / "jobs").stat().st_mode & 0o077 == 0


def test_inline_means_no_manager_and_no_background_arguments() -> None:
    assert jobs.manager_from_env({jobs.ENV_JOBS: "inline"}) is None
    assert jobs.background(None, "bar", "label", "cancel") == {}


def test_celery_needs_the_redis_url() -> None:
    with pytest.raises(ValueError, match="IOM_REDIS_URL"):
        jobs.manager_from_env({jobs.ENV_CELERY: "1"})


def test_a_job_has_progress_a_cancel_button_and_disables_its_buttons(tmp_path: Path) -> None:
    manager = jobs.manager_from_env({jobs.ENV_JOBS_DIR: str(tmp_path)})
    spec = jobs.background(manager, "bar", "label", "cancel", ("go",))
    assert spec["background"] is True and spec["manager"] is manager
    assert [(o.component_id, o.component_property) for o in spec["progress"]] == [
        ("bar", "value"),
        ("bar", "max"),
        ("label", "children"),
    ]
    assert [i.component_id for i in spec["cancel"]] == ["cancel"]
    running = {(o.component_id, o.component_property): (on, off) for o, on, off in spec["running"]}
    assert running[("cancel", "hidden")] == (False, True)
    assert running[("go", "disabled")] == (True, False)


def test_the_reporter_reports_in_a_job_and_is_silent_inline() -> None:
    said: list[Any] = []
    jobs.reporter((said.append,), 3)(1, "reading")
    jobs.reporter((), 3)(2, "nothing")
    assert said == [[1, 3, "reading"]]


@pytest.mark.parametrize(
    ("args", "poll"),
    [({"cacheKey": "k", "job": "1"}, True), ({"cancelJob": "1"}, True), ({}, False)],
)
def test_job_polls_are_told_apart_from_new_requests(args: dict[str, str], poll: bool) -> None:
    assert is_job_poll(args) is poll


# --------------------------------------------------------------------------------------------
# tabs: a reload during an upload, two tabs of one session
# --------------------------------------------------------------------------------------------
def _store() -> DatasetStore:
    return DatasetStore(FakeBackend(Clock()), ttl_seconds=600)


def test_the_data_a_tab_shows_stays_until_the_tab_shows_its_new_upload() -> None:
    store, session, tab = _store(), new_session_id(), new_session_id()
    shown = store.put(session, revenue_frame(seed=1), ["old.csv"], tab=tab)
    store.settle(session, tab, shown)
    new = store.put(session, revenue_frame(seed=2), ["new.csv"], tab=tab)
    # the tab was reloaded meanwhile: its pointer still names the old data, which still reads
    assert store.get(session, shown) is not None
    assert store.shown_in(session, tab) == new  # ... and the reloaded tab can take up the new
    store.settle(session, tab, new)
    assert store.get(session, shown) is None  # replaced for good: deleted on the server
    assert store.get(session, new) is not None


def test_two_tabs_of_one_session_keep_their_own_uploads() -> None:
    store, session = _store(), new_session_id()
    first, second = new_session_id(), new_session_id()
    one = store.put(session, revenue_frame(seed=1), ["one.csv"], tab=first)
    two = store.put(session, revenue_frame(seed=2), ["two.csv"], tab=second)
    store.settle(session, first, one)
    store.settle(session, second, two)
    again = store.put(session, revenue_frame(seed=3), ["three.csv"], tab=second)
    store.settle(session, second, again)
    found = store.get(session, one)
    assert found is not None and found.files == ("one.csv",)  # the other tab's upload stays
    assert store.get(session, two) is None
    assert store.shown_in(session, first) == one and store.shown_in(session, second) == again
    assert store.get(new_session_id(), one) is None  # still private to the session


def test_a_session_holds_a_bounded_number_of_datasets() -> None:
    store, session = _store(), new_session_id()
    made = [store.put(session, revenue_frame(), ["a.csv"], tab=new_session_id()) for _ in range(12)]
    alive = [store.get(session, d) is not None for d in made]
    assert alive == [False] * 4 + [True] * 8


def test_a_reloaded_tab_waits_for_its_upload_then_takes_it_up(tmp_path: Path) -> None:
    models = ModelProvider(ScorecardModel.from_seed(), disk_store(tmp_path))
    session, tab = models.store.issue_session(), new_session_id()
    old = models.store.put(session, revenue_frame(seed=1), ["old.csv"], tab=tab)
    models.store.settle(session, tab, old)
    shown = {"id": old, "files": ["old.csv"], "rows": 1000}
    models.store.mark_pending(session, tab, True)  # the upload is being read
    dataset, _source, poll_off, status = tab_data(models, session, tab, shown, "en")
    assert dataset is no_update and poll_off is False and "still being read" in str(status)
    new = models.store.put(session, revenue_frame(seed=2), ["new.csv"], tab=tab)
    models.store.mark_pending(session, tab, False)
    dataset, source, poll_off, _status = tab_data(models, session, tab, shown, "en")
    assert dataset == {"id": new, "files": ["new.csv"], "rows": 1000}
    assert source == "upload" and poll_off is True
    settle_tab(models, session, tab, dataset)
    assert models.store.get(session, old) is None
    # a tab that already shows its latest upload changes nothing
    assert tab_data(models, session, tab, dataset, "en")[0] is no_update
