"""Sessions that keep their data: ids issued by the server only, and a full disk store that
evicts the least recently used entries one at a time, never the data being written or read."""

from __future__ import annotations

from pathlib import Path

from data.store import DatasetStore, DiskcacheBackend, new_session_id
from tests.store_fakes import MB, revenue_frame


def _store(directory: Path, size_mb: float) -> DatasetStore:
    return DatasetStore(DiskcacheBackend(directory, size_limit_bytes=int(size_mb * MB)))


def _alive(store: DatasetStore, uploads: list[tuple[str, str]]) -> list[bool]:
    backend = store.backend
    assert isinstance(backend, DiskcacheBackend)
    # Asked of the backend directly: a store.get would count as a use and change the order.
    return [
        backend._cache.get(f"iom-dashboard:store:v1:dataset:{d}") is not None for _, d in uploads
    ]


def test_a_full_store_evicts_only_what_the_new_upload_needs(tmp_path: Path) -> None:
    store = _store(tmp_path, size_mb=2.0)
    frame = revenue_frame(rows=6_000)  # ~0.15 MB pickled
    uploads: list[tuple[str, str]] = []
    backend = store.backend
    assert isinstance(backend, DiskcacheBackend)
    while backend.volume_bytes() < 1.7 * MB:
        session = store.issue_session()
        uploads.append((session, store.put(session, frame, ["a.csv"])))
    assert all(_alive(store, uploads))
    newcomer = store.issue_session()
    new_id = store.put(newcomer, frame, ["b.csv"])
    new_id = store.put(newcomer, frame, ["c.csv"])  # replacing: the old one is deleted, not evicted
    for _ in range(3):
        session = store.issue_session()
        uploads.append((session, store.put(session, frame, ["d.csv"])))
    alive = _alive(store, uploads)
    gone = alive.index(True)
    assert not any(alive[:gone]) and all(alive[gone:])  # the oldest went, in order
    assert 0 < gone < len(uploads) // 2  # a few entries, not ten at a time
    assert store.get(newcomer, new_id) is not None
    assert backend.volume_bytes() <= 2.0 * MB


def test_data_read_recently_is_never_the_one_evicted(tmp_path: Path) -> None:
    store = _store(tmp_path, size_mb=1.0)
    frame = revenue_frame(rows=6_000)
    first = store.issue_session()
    kept = store.put(first, frame, ["mine.csv"])  # the oldest upload ...
    others = []
    for _ in range(20):
        assert store.get(first, kept) is not None  # ... but in use all along
        session = store.issue_session()
        others.append((session, store.put(session, frame, ["x.csv"])))
    assert store.get(first, kept) is not None
    assert not all(_alive(store, others))  # others had to go to make room


def test_the_upload_being_stored_is_never_evicted_to_make_room_for_itself(tmp_path: Path) -> None:
    store = _store(tmp_path, size_mb=1.0)
    frame = revenue_frame(rows=14_000)  # ~0.35 MB: two fit, the third evicts
    for _ in range(5):
        session = store.issue_session()
        dataset_id = store.put(session, frame, ["a.csv"])
        assert store.get(session, dataset_id) is not None


def test_session_marks_are_shared_by_every_worker_on_the_directory(tmp_path: Path) -> None:
    one, other = _store(tmp_path, size_mb=8), _store(tmp_path, size_mb=8)
    session = one.issue_session()
    assert other.is_issued(session)
    assert not other.is_issued(new_session_id())
    assert not other.is_issued(None) and not other.is_issued(["list"])
