"""Server-side store for the revenue data set each browser session uploads.

An upload can be a million rows (~40 MB pickled); sending that to the browser in a ``dcc.Store``
and back with every callback would make the dashboard unusable, so the frame stays on the server
and the browser only holds two opaque strings: its session id and the dataset id.

The app runs under ``gunicorn -w 4``: the worker that parses the upload is rarely the one that
serves the next callback, so the data must live outside any one process. The default backend is
a ``diskcache.Cache`` directory (SQLite + files, safe across processes on one host; it reopens
its SQLite connection after a fork by itself); with ``IOM_REDIS_URL`` set, Redis is used so that
several hosts can share it. Both are bounded: every entry has a TTL, refreshed whenever the
session reads its data, and the disk store has a size limit beyond which the least-recently-used
entries are evicted.

Access is per session: the store keeps, per session, a pointer to that session's one current
dataset, and ``get`` serves a dataset only when the pointer of the asking session names it. A
dataset id that leaks (logs, a shared screenshot of the URL state) is useless without the session
id it was created for.

Frames are serialised with pickle (protocol 5): it preserves every dtype, including pandas 3
``str`` columns, and reads a million rows in well under a second. Unpickling runs code chosen by
whoever wrote the bytes, which is acceptable only because nothing but this app writes the store:
the store directory must be private to the app's user (checked at start-up) and a Redis server
must not be writable by anyone else.
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
import re
import secrets
import stat
import tempfile
import threading
from collections import OrderedDict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Final, Protocol

import diskcache
import pandas as pd

logger = logging.getLogger(__name__)

ENV_DIR: Final = "IOM_STORE_DIR"
ENV_TTL: Final = "IOM_STORE_TTL_SECONDS"
ENV_SIZE_LIMIT: Final = "IOM_STORE_SIZE_LIMIT_MB"
ENV_REDIS_URL: Final = "IOM_REDIS_URL"

DEFAULT_DIR_NAME: Final = "iom-dashboard-store"
DEFAULT_TTL_SECONDS: Final = 6 * 60 * 60
"""Long enough for a working session with breaks; an idle upload is gone by the next day."""
DEFAULT_SIZE_LIMIT_MB: Final = 2048
"""About fifty million-row uploads at ~40 MB each."""
DEFAULT_LOCAL_ENTRIES: Final = 4
"""Datasets each worker keeps unpickled in memory: a few sessions' worth, not a second store."""

_TOKEN_BYTES: Final = 32  # 256 bits; the brief asks for at least 128
_ID_PATTERN: Final = re.compile(r"[A-Za-z0-9_-]{22,256}")  # token_urlsafe alphabet, >= 128 bits
_KEY_PREFIX: Final = "iom-dashboard:store:v1:"  # versioned so a format change never misreads
_PICKLE_PROTOCOL: Final = 5
_PAYLOAD_KEYS: Final = frozenset({"frame", "files", "rows", "loaded_at"})
_REDIS_MAX_VALUE_BYTES: Final = 512 * 1024 * 1024  # Redis' hard limit for one string value


class StoreError(RuntimeError):
    """The store cannot do what was asked; the message says what the operator can change."""


class StoreConfigError(StoreError):
    """Bad environment or directory: raised at start-up so a misconfiguration never runs."""


class DatasetTooLargeError(StoreError):
    """The upload is larger than the whole store may hold; storing it would evict everyone."""


def new_session_id() -> str:
    """A fresh, unguessable session id: the only secret that gives access to a session's data."""
    return secrets.token_urlsafe(_TOKEN_BYTES)


@dataclass(frozen=True, eq=False)
class StoredDataset:
    """One session's uploaded data with what the UI shows about it ("3 files, 1,000,000 rows").

    ``eq=False`` because comparing DataFrames with ``==`` is element-wise, not a truth value.
    """

    dataset_id: str
    frame: pd.DataFrame
    files: tuple[str, ...]
    rows: int
    loaded_at: datetime


class Backend(Protocol):
    """Byte storage with per-key TTL, shared by every worker process.

    Deliberately tiny so Redis, diskcache and a test fake can all implement it exactly.
    """

    max_value_bytes: int | None
    """Largest value worth storing; ``None`` when only the server decides."""

    def set(self, key: str, value: bytes, ttl_seconds: float) -> None:
        """Store ``value`` under ``key`` until ``ttl_seconds`` from now (replacing any value)."""
        ...

    def get(self, key: str) -> bytes | None:
        """The value, or ``None`` when it is missing, expired or evicted."""
        ...

    def touch(self, key: str, ttl_seconds: float) -> bool:
        """Restart the TTL and count the key as recently used; ``False`` if it is gone."""
        ...

    def delete(self, key: str) -> None:
        """Remove ``key``; a missing key is not an error."""
        ...


class DiskcacheBackend:
    """Backend on a ``diskcache.Cache`` directory shared by the worker processes of one host.

    ``eviction_policy="least-recently-used"`` makes every ``get`` record its access time (the
    default policy, least-recently-stored, would evict the session in active use first), and
    ``size_limit`` makes every write that finds the directory over the limit evict the
    ``cull_limit`` (10) least recently used entries: about five idle sessions, two keys each.
    Expired entries are deleted by the same writes, never by reads.
    """

    def __init__(self, directory: str | os.PathLike[str], *, size_limit_bytes: int) -> None:
        if size_limit_bytes <= 0:
            raise StoreConfigError(f"the store size limit must be positive, not {size_limit_bytes}")
        path = _private_directory(Path(directory))
        self.directory = path
        self.max_value_bytes: int | None = size_limit_bytes
        self._cache = diskcache.Cache(
            str(path),
            size_limit=size_limit_bytes,
            eviction_policy="least-recently-used",
        )

    def set(self, key: str, value: bytes, ttl_seconds: float) -> None:
        """Write one entry; diskcache stores large bytes as a file and culls in the same call."""
        self._cache.set(key, value, expire=ttl_seconds)

    def get(self, key: str) -> bytes | None:
        """Read one entry (and mark it used, so the LRU eviction spares it)."""
        value = self._cache.get(key, default=None)
        return None if value is None else bytes(value)

    def touch(self, key: str, ttl_seconds: float) -> bool:
        """Refresh TTL and access time without reading the value.

        ``Cache.touch`` only moves the expiry; the access time that LRU eviction sorts on moves
        on ``get``, and ``read=True`` returns a file handle instead of reading a 40 MB file.
        """
        if not self._cache.touch(key, expire=ttl_seconds):
            return False
        handle = self._cache.get(key, default=None, read=True)
        if hasattr(handle, "close"):
            handle.close()
        return handle is not None

    def delete(self, key: str) -> None:
        """Delete one entry and its file."""
        self._cache.delete(key)

    def volume_bytes(self) -> int:
        """Disk used by the store (database + files), for monitoring and tests."""
        return int(self._cache.volume())

    def close(self) -> None:
        """Close this thread's SQLite connection (tests and shutdown)."""
        self._cache.close()


class _RedisClient(Protocol):
    """The four redis-py calls this module uses, so mypy checks them without the package."""

    def set(self, name: str, value: bytes, *, px: int) -> Any: ...
    def get(self, name: str) -> Any: ...
    def pexpire(self, name: str, time: int) -> Any: ...
    def delete(self, *names: str) -> Any: ...


class RedisBackend:
    """Backend on a Redis server, for deployments that span several hosts.

    Eviction under memory pressure is the server's job: configure ``maxmemory`` with
    ``maxmemory-policy allkeys-lru`` (or ``volatile-lru``; every key here has a TTL).
    """

    max_value_bytes: int | None = _REDIS_MAX_VALUE_BYTES

    def __init__(self, client: _RedisClient) -> None:
        self._client = client

    @classmethod
    def from_url(cls, url: str) -> RedisBackend:
        """Connect lazily (redis-py opens sockets on first command); fail now if redis is absent."""
        try:
            import redis
        except ImportError as exc:
            raise StoreConfigError(
                f"{ENV_REDIS_URL} is set but the 'redis' package is not installed; install it "
                f"(pip install redis) or unset {ENV_REDIS_URL} to use the disk store"
            ) from exc
        return cls(redis.Redis.from_url(url))

    def set(self, key: str, value: bytes, ttl_seconds: float) -> None:
        """SET with a TTL in milliseconds (PX), so sub-second TTLs behave as on disk."""
        self._client.set(key, value, px=_millis(ttl_seconds))

    def get(self, key: str) -> bytes | None:
        """GET; redis-py returns bytes unless the client was built with decode_responses."""
        value = self._client.get(key)
        return None if value is None else bytes(value)

    def touch(self, key: str, ttl_seconds: float) -> bool:
        """PEXPIRE: restarts the TTL, returns 0 when the key is gone (and counts as an access)."""
        return bool(self._client.pexpire(key, _millis(ttl_seconds)))

    def delete(self, key: str) -> None:
        """DEL."""
        self._client.delete(key)


class DatasetStore:
    """Per-session uploaded datasets, shared by all workers, private to each browser session.

    Two keys per session: ``session:<sha256(session id)>`` holds the id of the session's current
    dataset, and ``dataset:<dataset id>`` holds the pickled frame with its metadata. Hashing the
    session id keeps the secret itself out of the backend's key listing.

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
        ttl = _positive_number(env, ENV_TTL, DEFAULT_TTL_SECONDS)
        redis_url = env.get(ENV_REDIS_URL, "").strip()
        backend: Backend
        if redis_url:
            backend = RedisBackend.from_url(redis_url)
        else:
            size_limit_mb = _positive_number(env, ENV_SIZE_LIMIT, DEFAULT_SIZE_LIMIT_MB)
            directory = env.get(ENV_DIR, "").strip() or str(
                Path(tempfile.gettempdir()) / DEFAULT_DIR_NAME
            )
            backend = DiskcacheBackend(directory, size_limit_bytes=int(size_limit_mb * 1024 * 1024))
        return cls(backend, ttl_seconds=ttl)

    def put(self, session_id: str, frame: pd.DataFrame, files: Sequence[str]) -> str:
        """Store ``frame`` as the session's current dataset and return its new id.

        The new dataset is written before the previous one is deleted, so a failed write leaves
        the session with its old data rather than none. Two simultaneous uploads by one session
        in two workers: the last pointer written wins and the other dataset is never served
        (it expires with its TTL).
        """
        _check_session_id(session_id)
        if not isinstance(frame, pd.DataFrame):
            raise TypeError(f"frame must be a pandas DataFrame, not {type(frame).__name__}")
        if isinstance(files, str):
            raise TypeError("files must be a sequence of file names, not one string")
        dataset = StoredDataset(
            dataset_id=secrets.token_urlsafe(_TOKEN_BYTES),
            frame=frame.copy(deep=False),  # copy-on-write: later edits by the caller stay theirs
            files=tuple(str(name) for name in files),
            rows=len(frame),
            loaded_at=datetime.now(UTC),
        )
        blob = _encode(dataset)
        limit = self.backend.max_value_bytes
        if limit is not None and len(blob) > limit:
            raise DatasetTooLargeError(
                f"the data set takes {_megabytes(len(blob))} MB, more than the store's limit of "
                f"{_megabytes(limit)} MB; upload fewer years or raise {ENV_SIZE_LIMIT}"
            )
        pointer = _session_key(session_id)
        previous = self.backend.get(pointer)
        data_key = _dataset_key(dataset.dataset_id)
        # A write that pushes the disk store over its limit evicts the 10 least recently used
        # entries, which can include the new ones when the store holds few; the second attempt
        # then finds room. Failing twice means the data set does not fit next to the others.
        for _attempt in range(2):
            self.backend.set(data_key, blob, self.ttl_seconds)
            self.backend.set(pointer, dataset.dataset_id.encode("ascii"), self.ttl_seconds)
            if self.backend.touch(data_key, self.ttl_seconds) and self.backend.touch(
                pointer, self.ttl_seconds
            ):
                break
        else:
            self.backend.delete(data_key)
            if previous is None:
                self.backend.delete(pointer)
            else:
                self.backend.set(pointer, previous, self.ttl_seconds)
            raise DatasetTooLargeError(
                f"the data set ({_megabytes(len(blob))} MB) did not fit in the store; "
                f"raise {ENV_SIZE_LIMIT}"
            )
        if previous is not None:
            old_id = previous.decode("ascii", errors="replace")
            if old_id != dataset.dataset_id:
                self.backend.delete(_dataset_key(old_id))
                self._local.discard(old_id)
        self._local.put(dataset)
        return dataset.dataset_id

    def get(self, session_id: str, dataset_id: str) -> StoredDataset | None:
        """The session's dataset, or ``None`` if unknown, expired, evicted or not this session's.

        All those cases look the same to the caller on purpose: the UI asks for a new upload,
        and nobody learns whether someone else's dataset id exists. Reading restarts the TTL of
        both keys so an active session keeps its data.
        """
        if not _valid_id(session_id) or not _valid_id(dataset_id):
            return None
        pointer = _session_key(session_id)
        current = self.backend.get(pointer)
        if current is None or not secrets.compare_digest(current, dataset_id.encode("ascii")):
            return None
        data_key = _dataset_key(dataset_id)
        if not self.backend.touch(data_key, self.ttl_seconds):
            self._local.discard(dataset_id)
            return None
        self.backend.touch(pointer, self.ttl_seconds)
        dataset = self._local.get(dataset_id)
        if dataset is None:
            blob = self.backend.get(data_key)
            if blob is None:  # deleted or evicted between the touch and the read
                return None
            try:
                dataset = _decode(dataset_id, blob)
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
        if not _valid_id(session_id) or not _valid_id(dataset_id):
            return
        pointer = _session_key(session_id)
        current = self.backend.get(pointer)
        if current is None or not secrets.compare_digest(current, dataset_id.encode("ascii")):
            return
        self.backend.delete(_dataset_key(dataset_id))
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
        with self._lock:
            dataset = self._entries.get(dataset_id)
            if dataset is not None:
                self._entries.move_to_end(dataset_id)
            return dataset

    def put(self, dataset: StoredDataset) -> None:
        if self._max_entries == 0:
            return
        with self._lock:
            self._entries[dataset.dataset_id] = dataset
            self._entries.move_to_end(dataset.dataset_id)
            while len(self._entries) > self._max_entries:
                self._entries.popitem(last=False)

    def discard(self, dataset_id: str) -> None:
        with self._lock:
            self._entries.pop(dataset_id, None)

    def __len__(self) -> int:
        with self._lock:
            return len(self._entries)


def _encode(dataset: StoredDataset) -> bytes:
    """Pickle the frame with its metadata in one value, so they can never get out of step."""
    payload = {
        "frame": dataset.frame,
        "files": list(dataset.files),
        "rows": dataset.rows,
        "loaded_at": dataset.loaded_at.isoformat(),
    }
    return pickle.dumps(payload, protocol=_PICKLE_PROTOCOL)


def _decode(dataset_id: str, blob: bytes) -> StoredDataset:
    """Unpickle a value written by ``_encode`` (trusted: only this app writes the store)."""
    try:
        payload = pickle.loads(blob)
    except Exception as exc:  # unpickling can raise nearly anything on damaged bytes
        raise StoreError(f"dataset {dataset_id} cannot be unpickled: {exc!r}") from exc
    if not isinstance(payload, dict) or set(payload) != _PAYLOAD_KEYS:
        raise StoreError(f"dataset {dataset_id} is not a value written by this store")
    frame = payload["frame"]
    if not isinstance(frame, pd.DataFrame):
        raise StoreError(f"dataset {dataset_id} holds a {type(frame).__name__}, not a DataFrame")
    return StoredDataset(
        dataset_id=dataset_id,
        frame=frame,
        files=tuple(payload["files"]),
        rows=int(payload["rows"]),
        loaded_at=datetime.fromisoformat(payload["loaded_at"]),
    )


def _valid_id(value: object) -> bool:
    """Ids come back from the browser: anything not shaped like our tokens is simply unknown."""
    return isinstance(value, str) and _ID_PATTERN.fullmatch(value) is not None


def _check_session_id(session_id: str) -> None:
    """A short or empty session id would let sessions share data: refuse it loudly on write."""
    if not _valid_id(session_id):
        raise ValueError("session_id must come from new_session_id() (URL-safe, >= 128 bits)")


def _session_key(session_id: str) -> str:
    return f"{_KEY_PREFIX}session:{hashlib.sha256(session_id.encode('ascii')).hexdigest()}"


def _dataset_key(dataset_id: str) -> str:
    return f"{_KEY_PREFIX}dataset:{dataset_id}"


def _private_directory(path: Path) -> Path:
    """Create the store directory owner-only, and refuse one that others can read or write.

    The store holds analysts' uploads and pickles that this app will load: a directory that
    another local user can write to (a pre-created ``/tmp/iom-dashboard-store``, say) would let
    them run code in the app, and one they can read would leak uploads.
    """
    try:
        path.mkdir(mode=0o700, parents=True, exist_ok=True)
        info = path.stat()
    except OSError as exc:
        raise StoreConfigError(f"the store directory {path} cannot be created: {exc}") from exc
    if not stat.S_ISDIR(info.st_mode):
        raise StoreConfigError(f"the store path {path} exists and is not a directory")
    if os.name == "posix":
        if info.st_uid != os.getuid():
            raise StoreConfigError(
                f"the store directory {path} belongs to another user; set {ENV_DIR} to a "
                "directory owned by the user running the app"
            )
        if info.st_mode & 0o077:
            raise StoreConfigError(
                f"the store directory {path} is accessible to other users "
                f"(mode {stat.S_IMODE(info.st_mode):o}); run 'chmod 700 {path}'"
            )
    return path


def _positive_number(env: Mapping[str, str], name: str, default: float) -> float:
    """Read a positive number from the environment, naming the variable when it is wrong."""
    text = env.get(name, "").strip()
    if not text:
        return float(default)
    try:
        value = float(text)
    except ValueError:
        raise StoreConfigError(f"{name} must be a number, not {text!r}") from None
    if not value > 0 or value == float("inf"):
        raise StoreConfigError(f"{name} must be a positive number, not {text!r}")
    return value


def _millis(seconds: float) -> int:
    return max(1, round(seconds * 1000))


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):,.1f}"
