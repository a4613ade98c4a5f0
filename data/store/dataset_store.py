"""``DatasetStore``: per-session datasets on a shared backend, with a small per-worker cache.

Access is per session: the store keeps, per session, a pointer to the datasets that session
holds (one, or one per browser tab plus the one each tab's last upload replaced), and ``get``
serves a dataset only when the pointer of the asking session names it. A
dataset id that leaks (logs, a shared screenshot of the URL state) is useless without the session
id it was created for.
"""

from __future__ import annotations

import logging
import os
import secrets
import threading
from collections import OrderedDict
from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import UTC, datetime
from typing import Final

import pandas as pd

from data.store.backends import Backend, DiskcacheBackend, RedisBackend
from data.store.codec import StoredDataset, decode, encode
from data.store.errors import DatasetTooLargeError, StoreConfigError, StoreError
from data.store.ids import (
    check_session_id,
    dataset_key,
    issued_key,
    join_ids,
    new_dataset_id,
    new_session_id,
    pending_key,
    session_key,
    split_ids,
    tab_key,
    valid_id,
)
from data.store.settings import (
    DEFAULT_LOCAL_ENTRIES,
    DEFAULT_SIZE_LIMIT_MB,
    DEFAULT_TTL_SECONDS,
    ENV_REDIS_URL,
    ENV_SIZE_LIMIT,
    ENV_TTL,
    positive_number,
    store_directory,
)

logger = logging.getLogger(__name__)

MAX_OWNED: Final = 8
"""Datasets one session may hold at once over all its tabs (each tab: shown + replaced)."""
PENDING_SECONDS: Final = 15 * 60
"""How long a tab's "upload being read" mark lasts if the job dies without clearing it."""


class DatasetStore:
    """Per-session uploaded datasets, shared by all workers, private to each browser session.

    Three keys per session: ``issued:<sha256(session id)>`` marks an id this server issued
    (``issue_session``; a browser's own id is never taken), ``session:<sha256(session id)>``
    holds the id of the session's current dataset, and ``dataset:<dataset id>`` holds the
    pickled frame with its metadata. Hashing the session id keeps the secret itself out of the
    backend's key listing. A dataset lives until the session replaces or deletes it, or its TTL
    (restarted by every read) runs out, or the disk store evicts it as least recently used.

    Each worker also keeps the last few datasets it unpickled, so the many callbacks that follow
    one upload do not re-read 40 MB each; every ``get`` still asks the backend whether the
    session pointer names the dataset and whether the dataset still exists, so ownership,
    replacement, deletion by another worker, expiry and eviction are all honoured.
    """

    def __init__(
        self,
        backend: Backend,
        *,
        ttl_seconds: float = DEFAULT_TTL_SECONDS,
        local_entries: int = DEFAULT_LOCAL_ENTRIES,
    ) -> None:
        if ttl_seconds <= 0:
            raise StoreConfigError(f"the store TTL must be positive, not {ttl_seconds} seconds")
        self.backend = backend
        self.ttl_seconds = float(ttl_seconds)
        self._local = _LocalCache(local_entries)

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> DatasetStore:
        """Build the store the deployment asks for; called once per worker at start-up.

        ``IOM_REDIS_URL`` selects Redis; otherwise a disk store in ``IOM_STORE_DIR`` (default
        ``<tempdir>/iom-dashboard-store``) limited to ``IOM_STORE_SIZE_LIMIT_MB``. The TTL is
        ``IOM_STORE_TTL_SECONDS`` for both. Every value is checked here so a typo fails start-up.
        """
        env = os.environ if environ is None else environ
        ttl = positive_number(env, ENV_TTL, DEFAULT_TTL_SECONDS)
        redis_url = env.get(ENV_REDIS_URL, "").strip()
        backend: Backend
        if redis_url:
            backend = RedisBackend.from_url(redis_url)
        else:
            size_limit_mb = positive_number(env, ENV_SIZE_LIMIT, DEFAULT_SIZE_LIMIT_MB)
            backend = DiskcacheBackend(
                store_directory(env), size_limit_bytes=int(size_limit_mb * 1024 * 1024)
            )
        return cls(backend, ttl_seconds=ttl)

    def issue_session(self) -> str:
        """A new session id, marked in the backend as issued by this server.

        Only ids issued here are accepted for uploads (``is_issued``): a browser that makes up
        its own id, or is handed one by someone else (session fixation), gets a fresh one.
        The mark is shared by every worker and host, like the data, and lives as long.
        """
        session_id = new_session_id()
        self.backend.set(issued_key(session_id), b"1", self.ttl_seconds)
        return session_id

    def is_issued(self, session_id: object) -> bool:
        """Whether this server issued ``session_id`` (and it has not expired); restarts its TTL."""
        if not isinstance(session_id, str) or not valid_id(session_id):
            return False
        return self.backend.touch(issued_key(session_id), self.ttl_seconds)

    def put(
        self,
        session_id: str,
        frame: pd.DataFrame,
        files: Sequence[str],
        *,
        tab: str | None = None,
    ) -> str:
        """Store ``frame`` as the session's current dataset and return its new id.

        The new dataset is written before anything is deleted, so a failed write leaves the
        session with its old data rather than none. Without ``tab`` the session has one
        dataset and the previous one is deleted at once. With ``tab`` (a browser tab's id) the
        upload replaces only that tab's data, and the dataset it replaces stays readable until
        the tab shows the new one (``settle``): a tab reloaded while its upload was being read
        still has the data it showed, and another tab of the session keeps its own.
        """
        check_session_id(session_id)
        if tab is not None:
            check_session_id(tab)
        dataset, blob = self._encoded(frame, files)
        pointer = session_key(session_id)
        owned = split_ids(self.backend.get(pointer))
        before = {pointer: owned}
        if tab is None:
            drop, keep = owned, [dataset.dataset_id]
            writes = {pointer: join_ids(keep)}
        else:
            slot = tab_key(session_id, tab)
            before[slot] = split_ids(self.backend.get(slot))
            shown = before[slot][:1]  # what the tab shows stays; what it replaced goes now
            drop = [d for d in before[slot][1:] if d not in shown]
            kept = [d for d in owned if d not in drop]
            keep = [*kept[-(MAX_OWNED - 1) :], dataset.dataset_id]
            drop += [d for d in kept if d not in keep]
            writes = {pointer: join_ids(keep), slot: join_ids([dataset.dataset_id, *shown])}
        self._write(dataset, blob, writes, before)
        for old_id in drop:
            if old_id != dataset.dataset_id:
                self.backend.delete(dataset_key(old_id))
                self._local.discard(old_id)
        self._local.put(dataset)
        return dataset.dataset_id

    def _encoded(self, frame: pd.DataFrame, files: Sequence[str]) -> tuple[StoredDataset, bytes]:
        """The dataset to store and its bytes, refused when larger than the store allows."""
        if not isinstance(frame, pd.DataFrame):
            raise TypeError(f"frame must be a pandas DataFrame, not {type(frame).__name__}")
        if isinstance(files, str):
            raise TypeError("files must be a sequence of file names, not one string")
        dataset = StoredDataset(
            dataset_id=new_dataset_id(),
            frame=frame.copy(deep=False),  # copy-on-write: later edits by the caller stay theirs
            files=tuple(str(name) for name in files),
            rows=len(frame),
            loaded_at=datetime.now(UTC),
        )
        blob = encode(dataset)
        limit = self.backend.max_value_bytes
        if limit is not None and len(blob) > limit:
            raise DatasetTooLargeError(
                f"the data set takes {_megabytes(len(blob))} MB, more than the store's limit of "
                f"{_megabytes(limit)} MB; upload fewer years or raise {ENV_SIZE_LIMIT}"
            )
        return dataset, blob

    def _write(
        self,
        dataset: StoredDataset,
        blob: bytes,
        pointers: dict[str, bytes],
        previous: dict[str, list[str]],
    ) -> None:
        """Write the data, then the pointers that name it, and check they all survived.

        A write that pushes the disk store over its limit evicts the least recently used
        entries, which can include the new ones when the store holds few; the second attempt
        then finds room. Failing twice means the data set does not fit next to the others:
        the pointers get their old values back and nothing of the new data stays.
        """
        data_key = dataset_key(dataset.dataset_id)
        for _attempt in range(2):
            self.backend.set(data_key, blob, self.ttl_seconds)
            for key, value in pointers.items():
                self.backend.set(key, value, self.ttl_seconds)
            if self.backend.touch(data_key, self.ttl_seconds) and all(
                self.backend.touch(key, self.ttl_seconds) for key in pointers
            ):
                return
        self.backend.delete(data_key)
        for key in pointers:
            old = previous.get(key)
            if old:
                self.backend.set(key, join_ids(old), self.ttl_seconds)
            else:
                self.backend.delete(key)
        raise DatasetTooLargeError(
            f"the data set ({_megabytes(len(blob))} MB) did not fit in the store; "
            f"raise {ENV_SIZE_LIMIT}"
        )

    # a tab's data ---------------------------------------------------------------------------
    def settle(self, session_id: str, tab: str, dataset_id: str) -> None:
        """The tab now shows ``dataset_id``: the dataset its upload replaced can go."""
        if not (valid_id(session_id) and valid_id(tab) and valid_id(dataset_id)):
            return
        slot = tab_key(session_id, tab)
        found = split_ids(self.backend.get(slot))
        if not found or found[0] != dataset_id or len(found) == 1:
            return
        self.backend.set(slot, join_ids([dataset_id]), self.ttl_seconds)
        pointer = session_key(session_id)
        owned = split_ids(self.backend.get(pointer))
        gone = [d for d in found[1:] if d != dataset_id]
        if owned:
            self.backend.set(
                pointer, join_ids([d for d in owned if d not in gone]), self.ttl_seconds
            )
        for old_id in gone:
            self.backend.delete(dataset_key(old_id))
            self._local.discard(old_id)

    def shown_in(self, session_id: str, tab: str) -> str | None:
        """The dataset the tab's last upload stored (its data after a reload), if still there."""
        if not (valid_id(session_id) and valid_id(tab)):
            return None
        found = split_ids(self.backend.get(tab_key(session_id, tab)))[:1]
        owned = split_ids(self.backend.get(session_key(session_id)))
        if not found or found[0] not in owned or self.backend.get(dataset_key(found[0])) is None:
            return None
        return found[0]

    def mark_pending(self, session_id: str, tab: str, reading: bool) -> None:
        """Say (``reading``) or unsay that the tab's upload is being read right now."""
        if not (valid_id(session_id) and valid_id(tab)):
            return
        key = pending_key(session_id, tab)
        if reading:
            self.backend.set(key, b"1", PENDING_SECONDS)
        else:
            self.backend.delete(key)

    def pending(self, session_id: str, tab: str) -> bool:
        """Whether the tab has an upload being read (a reloaded tab then waits for it)."""
        if not (valid_id(session_id) and valid_id(tab)):
            return False
        return self.backend.get(pending_key(session_id, tab)) is not None

    def get(self, session_id: str, dataset_id: str) -> StoredDataset | None:
        """The session's dataset, or ``None`` if unknown, expired, evicted or not this session's.

        All those cases look the same to the caller on purpose: the UI asks for a new upload,
        and nobody learns whether someone else's dataset id exists. Reading restarts the TTL of
        both keys so an active session keeps its data.
        """
        if not valid_id(session_id) or not valid_id(dataset_id):
            return None
        pointer = session_key(session_id)
        if not _owns(self.backend.get(pointer), dataset_id):
            return None
        data_key = dataset_key(dataset_id)
        if not self.backend.touch(data_key, self.ttl_seconds):
            self._local.discard(dataset_id)
            return None
        self.backend.touch(pointer, self.ttl_seconds)
        self.backend.touch(issued_key(session_id), self.ttl_seconds)  # in use: keep the session
        dataset = self._local.get(dataset_id)
        if dataset is None:
            blob = self.backend.get(data_key)
            if blob is None:  # deleted or evicted between the touch and the read
                return None
            try:
                dataset = decode(dataset_id, blob)
            except StoreError:
                logger.exception("unreadable dataset %s in the store; dropping it", dataset_id)
                self.backend.delete(data_key)
                return None
            self._local.put(dataset)
        # A shallow copy per caller: with copy-on-write, a callback that modifies its frame
        # cannot change what the next callback (or this worker's cache) sees.
        return replace(dataset, frame=dataset.frame.copy(deep=False))

    def delete(self, session_id: str, dataset_id: str) -> None:
        """Drop the session's dataset ("clear upload"); another session's ids change nothing."""
        if not valid_id(session_id) or not valid_id(dataset_id):
            return
        pointer = session_key(session_id)
        owned = self.backend.get(pointer)
        if not _owns(owned, dataset_id):
            return
        self.backend.delete(dataset_key(dataset_id))
        rest = [d for d in split_ids(owned) if d != dataset_id]
        if rest:
            self.backend.set(pointer, join_ids(rest), self.ttl_seconds)
        else:
            self.backend.delete(pointer)
        self._local.discard(dataset_id)


class _LocalCache:
    """A tiny thread-safe LRU of unpickled datasets for this worker process.

    Only a speed-up: it is consulted after the backend has confirmed ownership and existence.
    """

    def __init__(self, max_entries: int) -> None:
        if max_entries < 0:
            raise StoreConfigError(f"local cache size must be >= 0, not {max_entries}")
        self._max_entries = max_entries
        self._entries: OrderedDict[str, StoredDataset] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, dataset_id: str) -> StoredDataset | None:
        """The cached dataset (now the most recently used), or ``None``."""
        with self._lock:
            dataset = self._entries.get(dataset_id)
            if dataset is not None:
                self._entries.move_to_end(dataset_id)
            return dataset

    def put(self, dataset: StoredDataset) -> None:
        """Cache ``dataset``, dropping the least recently used beyond ``max_entries``."""
        if self._max_entries == 0:
            return
        with self._lock:
            self._entries[dataset.dataset_id] = dataset
            self._entries.move_to_end(dataset.dataset_id)
            while len(self._entries) > self._max_entries:
                self._entries.popitem(last=False)

    def discard(self, dataset_id: str) -> None:
        """Forget ``dataset_id`` (replaced, deleted, expired); a missing id is not an error."""
        with self._lock:
            self._entries.pop(dataset_id, None)

    def __len__(self) -> int:
        with self._lock:
            return len(self._entries)


def _megabytes(size: int) -> str:
    """Sizes in error messages, in the unit of ``IOM_STORE_SIZE_LIMIT_MB``."""
    return f"{size / (1024 * 1024):,.1f}"


def _owns(pointer: bytes | None, dataset_id: str) -> bool:
    """Whether a session pointer names ``dataset_id`` (compared in constant time)."""
    wanted = dataset_id.encode("ascii")
    found = [secrets.compare_digest(d.encode("ascii"), wanted) for d in split_ids(pointer)]
    return any(found)
