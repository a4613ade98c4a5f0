"""The per-session data store stays bounded, and is shared by processes on one directory.

TTL rules driven by a clock use an in-memory fake backend so they run without sleeping; size
limits, LRU eviction and real expiry run on the diskcache backend production uses, and one
test starts a second Python process as a second gunicorn worker would be.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from data.store import DatasetStore, DatasetTooLargeError, DiskcacheBackend, new_session_id
from tests.store_fakes import MB, Clock, FakeBackend, disk_store, revenue_frame

REPO_ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def store_dir(tmp_path: Path) -> Path:
    return tmp_path / "store"


@pytest.fixture
def store(store_dir: Path) -> Iterator[DatasetStore]:
    store = disk_store(store_dir)
    yield store
    assert isinstance(store.backend, DiskcacheBackend)
    store.backend.close()


# --------------------------------------------------------------------------------------------
# Bounds: TTL and size
# --------------------------------------------------------------------------------------------


def test_reading_keeps_a_session_alive_and_idleness_expires_it() -> None:
    clock = Clock()
    backend = FakeBackend(clock)
    store = DatasetStore(backend, ttl_seconds=100)
    session = new_session_id()
    dataset_id = store.put(session, revenue_frame(), ["a.csv"])
    for _ in range(3):  # 240 s after the upload, alive because it keeps being read
        clock.advance(80)
        assert store.get(session, dataset_id) is not None
    assert DatasetStore(backend, ttl_seconds=100).get(session, dataset_id) is not None  # on disk
    clock.advance(101)
    assert store.get(session, dataset_id) is None  # although this worker still has it in memory


def test_data_evicted_behind_a_live_session_pointer_is_not_served_from_memory() -> None:
    backend = FakeBackend(Clock())
    store = DatasetStore(backend, ttl_seconds=60)
    session = new_session_id()
    dataset_id = store.put(session, revenue_frame(), ["a.csv"])
    assert store.get(session, dataset_id) is not None
    (key,) = backend.dataset_keys()
    backend.delete(key)  # as the LRU eviction of a full store would
    assert store.get(session, dataset_id) is None


def test_disk_entries_expire_after_the_ttl_unless_read(store_dir: Path) -> None:
    # Real time (diskcache's own expiry); margins of ~1 s so a loaded CI machine cannot flip it.
    store = disk_store(store_dir, ttl=2.0)
    session = new_session_id()
    dataset_id = store.put(session, revenue_frame(), ["a.csv"])
    time.sleep(1.1)
    assert store.get(session, dataset_id) is not None
    time.sleep(1.1)  # 2.2 s after the upload: alive only because the read refreshed it
    assert store.get(session, dataset_id) is not None
    time.sleep(2.6)
    assert store.get(session, dataset_id) is None


def test_a_full_disk_store_evicts_the_least_recently_used_sessions(store_dir: Path) -> None:
    store = disk_store(store_dir, size_mb=2.0)
    frame = revenue_frame(rows=4_000)  # ~0.1 MB pickled
    sessions = [new_session_id() for _ in range(12)]
    ids = [store.put(session, frame, ["a.csv"]) for session in sessions]
    assert all(store.get(s, d) is not None for s, d in zip(sessions, ids, strict=True))
    assert store.get(sessions[0], ids[0]) is not None  # the oldest upload, but read last
    backend = store.backend
    assert isinstance(backend, DiskcacheBackend)
    for _ in range(40):  # upload until one write crosses the limit and evicts (no reads here:
        before = backend.volume_bytes()  # a read would make the session recently used)
        store.put(new_session_id(), frame, ["b.csv"])
        if backend.volume_bytes() < before:
            break
    else:
        pytest.fail("the store never evicted anything")
    assert store.get(sessions[1], ids[1]) is None
    assert store.get(sessions[0], ids[0]) is not None
    assert store.get(sessions[-1], ids[-1]) is not None


def test_the_disk_store_stays_near_its_size_limit(store_dir: Path) -> None:
    store = disk_store(store_dir, size_mb=2.0)
    frame = revenue_frame(rows=8_000)  # ~0.25 MB pickled
    for _ in range(40):  # 10 MB written in total
        store.put(new_session_id(), frame, ["a.csv"])
    backend = store.backend
    assert isinstance(backend, DiskcacheBackend)
    assert backend.volume_bytes() < 2.5 * MB
    assert sum(path.stat().st_size for path in store_dir.rglob("*.val")) < 2 * MB


def test_an_upload_that_overfills_a_nearly_empty_store_is_still_kept(store_dir: Path) -> None:
    # The write that crosses the limit evicts the 10 least recently used entries: here every
    # entry, the new upload included. The store must notice and write it again.
    store = disk_store(store_dir, size_mb=1.0)
    frame = revenue_frame(rows=12_000)  # ~0.4 MB pickled
    uploads = [
        (session, store.put(session, frame, ["a.csv"]))
        for session in (new_session_id() for _ in range(3))
    ]
    assert store.get(*uploads[-1]) is not None
    assert store.get(*uploads[0]) is None


def test_a_dataset_larger_than_the_store_is_refused_without_evicting_others(
    store_dir: Path,
) -> None:
    store = disk_store(store_dir, size_mb=0.5)
    session = new_session_id()
    small = store.put(session, revenue_frame(rows=100), ["small.csv"])
    with pytest.raises(DatasetTooLargeError, match="IOM_STORE_SIZE_LIMIT_MB"):
        store.put(session, revenue_frame(rows=40_000), ["big.csv"])
    loaded = store.get(session, small)
    assert loaded is not None and loaded.files == ("small.csv",)


# --------------------------------------------------------------------------------------------
# Several processes (gunicorn workers) on one directory
# --------------------------------------------------------------------------------------------

_CHILD = textwrap.dedent(
    """
    import json, sys
    from pathlib import Path
    from data.store import DatasetStore, DiskcacheBackend, new_session_id

    directory, session, dataset_id, out = sys.argv[1:5]
    store = DatasetStore(DiskcacheBackend(directory, size_limit_bytes=64 * 1024 * 1024))
    loaded = store.get(session, dataset_id)
    intruder = store.get(new_session_id(), dataset_id)
    loaded.frame.to_pickle(out)
    child_session = new_session_id()
    child_id = store.put(child_session, loaded.frame.iloc[::-1], ["from-child.csv"])
    print(json.dumps({"files": list(loaded.files), "intruder": intruder is None,
                      "session": child_session, "dataset_id": child_id}))
    """
)


def test_a_dataset_put_by_one_process_is_read_by_another(
    store: DatasetStore, tmp_path: Path
) -> None:
    session = new_session_id()
    frame = revenue_frame(rows=50_000)
    dataset_id = store.put(session, frame, ["ceb_2024.csv"])
    out = tmp_path / "read_by_child.pkl"
    env = {**os.environ, "PYTHONPATH": str(REPO_ROOT)}
    backend = store.backend
    assert isinstance(backend, DiskcacheBackend)
    result = subprocess.run(
        [sys.executable, "-c", _CHILD, str(backend.directory), session, dataset_id, str(out)],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    reply: dict[str, Any] = json.loads(result.stdout)
    assert reply["files"] == ["ceb_2024.csv"]
    assert reply["intruder"] is True
    pd.testing.assert_frame_equal(pd.read_pickle(out), frame)
    from_child = store.get(reply["session"], reply["dataset_id"])
    assert from_child is not None
    pd.testing.assert_frame_equal(from_child.frame, frame.iloc[::-1])
