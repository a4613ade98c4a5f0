"""The per-session data store: shared by gunicorn workers, private to a session, bounded.

Most behaviour is checked on the real diskcache backend (what production runs on one host);
clock-driven TTL rules use an in-memory fake backend so they run without sleeping.
"""

from __future__ import annotations

import json
import os
import pickle
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest

from data.ceb import REVENUE_COLUMNS
from data.columns import AMOUNT_USD, DONOR, ENTITY, FILE, LINE, REV_CORE, REV_TYPE, YEAR
from data.store import (
    DEFAULT_SIZE_LIMIT_MB,
    DEFAULT_TTL_SECONDS,
    DatasetStore,
    DatasetTooLargeError,
    DiskcacheBackend,
    RedisBackend,
    StoreConfigError,
    new_session_id,
)

REPO_ROOT = Path(__file__).resolve().parents[1]
MB = 1024 * 1024


def revenue_frame(rows: int = 1_000, seed: int = 0) -> pd.DataFrame:
    """A frame shaped like ``read_revenue_files`` output, with a missing and a non-ASCII name."""
    rng = np.random.default_rng(seed)
    donors = np.array(["Côte d'Ivoire", "Türkiye", "United States of America", "Japan"], object)
    frame = pd.DataFrame(
        {
            DONOR: pd.array(donors.take(rng.integers(0, len(donors), rows)), dtype="str"),
            ENTITY: pd.array(["IOM"] * rows, dtype="str"),
            REV_TYPE: pd.array([REV_CORE] * rows, dtype="str"),
            YEAR: rng.integers(2018, 2025, rows).astype(np.int64),
            AMOUNT_USD: rng.normal(1e6, 3e5, rows),
            FILE: pd.array([f"ceb_{seed}.csv"] * rows, dtype="str"),
            LINE: np.arange(2, rows + 2, dtype=np.int64),
        }
    )
    frame.loc[0, DONOR] = np.nan
    return frame


def disk_store(directory: Path, *, ttl: float = 60.0, size_mb: float = 64.0) -> DatasetStore:
    """One worker's view of the shared directory (each call = a separate diskcache.Cache)."""
    backend = DiskcacheBackend(directory, size_limit_bytes=int(size_mb * MB))
    return DatasetStore(backend, ttl_seconds=ttl)


@pytest.fixture
def store_dir(tmp_path: Path) -> Path:
    return tmp_path / "store"


@pytest.fixture
def store(store_dir: Path) -> Iterator[DatasetStore]:
    store = disk_store(store_dir)
    yield store
    assert isinstance(store.backend, DiskcacheBackend)
    store.backend.close()


class Clock:
    def __init__(self) -> None:
        self.now = 1_000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


class FakeBackend:
    """In-memory ``Backend`` with an injected clock, recording which keys were read in full."""

    max_value_bytes: int | None = None

    def __init__(self, clock: Clock) -> None:
        self.clock = clock
        self.entries: dict[str, tuple[bytes, float]] = {}
        self.reads: list[str] = []

    def _alive(self, key: str) -> bool:
        entry = self.entries.get(key)
        if entry is not None and entry[1] <= self.clock():
            del self.entries[key]
            return False
        return entry is not None

    def set(self, key: str, value: bytes, ttl_seconds: float) -> None:
        self.entries[key] = (value, self.clock() + ttl_seconds)

    def get(self, key: str) -> bytes | None:
        self.reads.append(key)
        return self.entries[key][0] if self._alive(key) else None

    def touch(self, key: str, ttl_seconds: float) -> bool:
        if not self._alive(key):
            return False
        self.entries[key] = (self.entries[key][0], self.clock() + ttl_seconds)
        return True

    def delete(self, key: str) -> None:
        self.entries.pop(key, None)

    def dataset_keys(self) -> list[str]:
        return [key for key in self.entries if ":dataset:" in key]


# --------------------------------------------------------------------------------------------
# Round trip and access
# --------------------------------------------------------------------------------------------


def test_round_trip_preserves_dtypes_values_and_metadata(store: DatasetStore) -> None:
    session = new_session_id()
    frame = revenue_frame()
    before = datetime.now(UTC)
    dataset_id = store.put(session, frame, ["ceb_2023.csv", "ceb_2024.xlsx"])
    assert isinstance(store.backend, DiskcacheBackend)
    other_worker = disk_store(store.backend.directory)
    for reader in (store, other_worker):  # cached in this worker / read from disk by another
        loaded = reader.get(session, dataset_id)
        assert loaded is not None
        assert list(loaded.frame.columns) == list(REVENUE_COLUMNS)
        pd.testing.assert_frame_equal(loaded.frame, frame, check_exact=True)
        assert loaded.frame[DONOR].dtype == pd.StringDtype(na_value=np.nan)
        assert loaded.dataset_id == dataset_id
        assert loaded.files == ("ceb_2023.csv", "ceb_2024.xlsx")
        assert loaded.rows == len(frame)
        assert loaded.loaded_at.tzinfo is not None
        assert before <= loaded.loaded_at <= datetime.now(UTC)


def test_ids_are_unguessable_tokens() -> None:
    ids = {new_session_id() for _ in range(100)}
    assert len(ids) == 100
    assert all(len(value) >= 43 for value in ids)  # 32 random bytes, URL-safe base64


def test_another_session_cannot_read_or_delete_with_a_leaked_dataset_id(
    store: DatasetStore,
) -> None:
    owner, intruder = new_session_id(), new_session_id()
    frame = revenue_frame()
    dataset_id = store.put(owner, frame, ["a.csv"])
    intruder_own = store.put(intruder, revenue_frame(seed=1), ["b.csv"])
    assert store.get(intruder, dataset_id) is None
    assert store.get(owner, intruder_own) is None
    store.delete(intruder, dataset_id)
    loaded = store.get(owner, dataset_id)
    assert loaded is not None
    pd.testing.assert_frame_equal(loaded.frame, frame)


@pytest.mark.parametrize("dataset_id", ["", "x", "../../etc/passwd", "a" * 43, "é" * 43])
def test_unknown_or_malformed_ids_give_none(store: DatasetStore, dataset_id: str) -> None:
    session = new_session_id()
    store.put(session, revenue_frame(), ["a.csv"])
    assert store.get(session, dataset_id) is None
    assert store.get(new_session_id(), dataset_id) is None
    assert store.get("", dataset_id) is None


def test_put_refuses_a_weak_session_id_a_bare_string_and_a_non_frame(store: DatasetStore) -> None:
    with pytest.raises(ValueError, match="session_id"):
        store.put("", revenue_frame(), ["a.csv"])
    with pytest.raises(ValueError, match="session_id"):
        store.put("user-1", revenue_frame(), ["a.csv"])
    with pytest.raises(TypeError, match="sequence of file names"):
        store.put(new_session_id(), revenue_frame(), "a.csv")
    with pytest.raises(TypeError, match="DataFrame"):
        store.put(new_session_id(), revenue_frame().to_dict(), ["a.csv"])  # type: ignore[arg-type]


def test_changing_a_returned_frame_does_not_change_the_stored_one(store: DatasetStore) -> None:
    session = new_session_id()
    frame = revenue_frame()
    dataset_id = store.put(session, frame.copy(), ["a.csv"])
    first = store.get(session, dataset_id)
    assert first is not None
    first.frame[AMOUNT_USD] = 0.0
    first.frame.loc[1, DONOR] = "changed"
    second = store.get(session, dataset_id)
    assert second is not None
    pd.testing.assert_frame_equal(second.frame, frame)


# --------------------------------------------------------------------------------------------
# Replacement, deletion and the in-process cache
# --------------------------------------------------------------------------------------------


def test_a_new_upload_replaces_and_deletes_the_old_one() -> None:
    backend = FakeBackend(Clock())
    store = DatasetStore(backend, ttl_seconds=60)
    session = new_session_id()
    first = store.put(session, revenue_frame(seed=1), ["2023.csv"])
    second = store.put(session, revenue_frame(seed=2), ["2024.csv"])
    assert first != second
    assert store.get(session, first) is None
    loaded = store.get(session, second)
    assert loaded is not None and loaded.files == ("2024.csv",)
    assert backend.dataset_keys() == [f"iom-dashboard:store:v1:dataset:{second}"]


def test_repeated_reads_in_one_worker_do_not_reread_the_data() -> None:
    backend = FakeBackend(Clock())
    store = DatasetStore(backend, ttl_seconds=60)
    session = new_session_id()
    dataset_id = store.put(session, revenue_frame(), ["a.csv"])
    fresh_worker = DatasetStore(backend, ttl_seconds=60)
    for _ in range(3):
        assert fresh_worker.get(session, dataset_id) is not None
        assert store.get(session, dataset_id) is not None
    data_reads = [key for key in backend.reads if ":dataset:" in key]
    assert data_reads == [f"iom-dashboard:store:v1:dataset:{dataset_id}"]  # fresh worker, once


def test_data_deleted_or_replaced_by_another_worker_is_not_served_from_cache(
    store_dir: Path,
) -> None:
    worker_a, worker_b = disk_store(store_dir), disk_store(store_dir)
    session = new_session_id()
    dataset_id = worker_a.put(session, revenue_frame(), ["a.csv"])
    assert worker_a.get(session, dataset_id) is not None  # now in worker A's memory
    assert worker_b.get(session, dataset_id) is not None
    worker_b.delete(session, dataset_id)
    assert worker_a.get(session, dataset_id) is None
    assert worker_b.get(session, dataset_id) is None

    kept = worker_a.put(session, revenue_frame(seed=1), ["b.csv"])
    assert worker_a.get(session, kept) is not None
    replacement = worker_b.put(session, revenue_frame(seed=2), ["c.csv"])
    assert worker_a.get(session, kept) is None
    loaded = worker_a.get(session, replacement)
    assert loaded is not None and loaded.files == ("c.csv",)


def test_an_unreadable_stored_value_reads_as_missing() -> None:
    backend = FakeBackend(Clock())
    store = DatasetStore(backend, ttl_seconds=60, local_entries=0)
    session = new_session_id()
    dataset_id = store.put(session, revenue_frame(), ["a.csv"])
    (key,) = backend.dataset_keys()
    backend.set(key, pickle.dumps({"frame": "not a frame"}), 60)
    assert store.get(session, dataset_id) is None
    assert backend.dataset_keys() == []


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


# --------------------------------------------------------------------------------------------
# Configuration
# --------------------------------------------------------------------------------------------


def test_from_env_defaults_and_overrides(tmp_path: Path) -> None:
    default = DatasetStore.from_env({"IOM_STORE_DIR": str(tmp_path / "a")})
    assert default.ttl_seconds == DEFAULT_TTL_SECONDS
    assert isinstance(default.backend, DiskcacheBackend)
    assert default.backend.max_value_bytes == DEFAULT_SIZE_LIMIT_MB * MB
    assert default.backend.directory == tmp_path / "a"

    tuned = DatasetStore.from_env(
        {
            "IOM_STORE_DIR": str(tmp_path / "b"),
            "IOM_STORE_TTL_SECONDS": "90",
            "IOM_STORE_SIZE_LIMIT_MB": "16",
        }
    )
    assert tuned.ttl_seconds == 90
    assert tuned.backend.max_value_bytes == 16 * MB
    assert (tmp_path / "b").stat().st_mode & 0o777 == 0o700


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("IOM_STORE_TTL_SECONDS", "six hours"),
        ("IOM_STORE_TTL_SECONDS", "0"),
        ("IOM_STORE_SIZE_LIMIT_MB", "-1"),
        ("IOM_STORE_SIZE_LIMIT_MB", "nan"),
    ],
)
def test_from_env_rejects_bad_numbers(tmp_path: Path, name: str, value: str) -> None:
    with pytest.raises(StoreConfigError, match=name):
        DatasetStore.from_env({"IOM_STORE_DIR": str(tmp_path), name: value})


def test_from_env_with_redis_url_needs_the_redis_package(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "redis", None)  # makes `import redis` fail
    with pytest.raises(StoreConfigError, match="'redis' package is not installed"):
        DatasetStore.from_env({"IOM_REDIS_URL": "redis://localhost:6379/0"})


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_a_store_directory_other_users_can_access_is_refused(tmp_path: Path) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o777)
    with pytest.raises(StoreConfigError, match="chmod 700"):
        DiskcacheBackend(shared, size_limit_bytes=MB)


class FakeRedis:
    """Just the redis-py calls RedisBackend makes, with TTLs in milliseconds as Redis keeps them."""

    def __init__(self) -> None:
        self.values: dict[str, bytes] = {}
        self.ttl_ms: dict[str, int] = {}

    def set(self, name: str, value: bytes, *, px: int) -> bool:
        self.values[name], self.ttl_ms[name] = value, px
        return True

    def get(self, name: str) -> bytes | None:
        return self.values.get(name)

    def pexpire(self, name: str, time: int) -> int:
        if name not in self.values:
            return 0
        self.ttl_ms[name] = time
        return 1

    def delete(self, *names: str) -> int:
        found = [name for name in names if self.values.pop(name, None) is not None]
        return len(found)


def test_the_redis_backend_keeps_the_same_semantics() -> None:
    client = FakeRedis()
    store = DatasetStore(RedisBackend(client), ttl_seconds=1.5)
    session = new_session_id()
    first = store.put(session, revenue_frame(seed=1), ["a.csv"])
    second = store.put(session, revenue_frame(seed=2), ["b.csv"])
    assert set(client.ttl_ms.values()) == {1500}
    assert len(client.values) == 2  # the session pointer and the current dataset only
    assert store.get(session, first) is None
    assert store.get(new_session_id(), second) is None
    loaded = store.get(session, second)
    assert loaded is not None
    pd.testing.assert_frame_equal(loaded.frame, revenue_frame(seed=2))
    store.delete(session, second)
    assert client.values == {}
