"""The per-session data store: round trip, per-session access, replacement and configuration.

Most behaviour is checked on the real diskcache backend (what production runs on one host);
in-process cache rules use an in-memory fake backend. Bounds (TTL, size) and several processes
sharing one directory are in ``test_store_bounds.py``.
"""

from __future__ import annotations

import os
import pickle
import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import data.store
from data.ceb import REVENUE_COLUMNS
from data.columns import AMOUNT_USD, DONOR
from data.store import (
    DEFAULT_SIZE_LIMIT_MB,
    DEFAULT_TTL_SECONDS,
    DatasetStore,
    DiskcacheBackend,
    RedisBackend,
    StoreConfigError,
    new_session_id,
)
from tests.store_fakes import MB, Clock, FakeBackend, FakeRedis, disk_store, revenue_frame


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


def test_the_package_exports_what_callers_import() -> None:
    # app.py, data/provider.py, callbacks/data.py and the tests import from ``data.store`` only;
    # the modules behind it are free to move code as long as this list stays importable.
    exported = {
        "Backend",
        "DatasetStore",
        "DatasetTooLargeError",
        "DiskcacheBackend",
        "RedisBackend",
        "StoreConfigError",
        "StoreError",
        "StoredDataset",
        "new_session_id",
        "DEFAULT_DIR_NAME",
        "DEFAULT_LOCAL_ENTRIES",
        "DEFAULT_SIZE_LIMIT_MB",
        "DEFAULT_TTL_SECONDS",
        "ENV_DIR",
        "ENV_REDIS_URL",
        "ENV_SIZE_LIMIT",
        "ENV_TTL",
    }
    assert set(data.store.__all__) == exported
    assert [name for name in sorted(exported) if not hasattr(data.store, name)] == []
    assert issubclass(data.store.DatasetTooLargeError, data.store.StoreError)
    assert issubclass(data.store.StoreConfigError, data.store.StoreError)
