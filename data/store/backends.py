"""Where the bytes live: the ``Backend`` protocol and its diskcache and Redis implementations.

The app runs under ``gunicorn -w 4``: the worker that parses an upload is rarely the one that
serves the next callback, so the data must live outside any one process. ``DiskcacheBackend``
(SQLite + files, safe across processes on one host; it reopens its SQLite connection after a
fork by itself) is the default; ``RedisBackend`` lets several hosts share one store. Both are
bounded by a per-key TTL, and the disk store also by a size limit with LRU eviction.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Any, Final, Protocol

import diskcache

from data.store.errors import StoreConfigError
from data.store.settings import ENV_DIR, ENV_REDIS_URL

_REDIS_MAX_VALUE_BYTES: Final = 512 * 1024 * 1024  # Redis' hard limit for one string value
_LOW_WATER: Final = 0.9
"""Eviction, once over the size limit, goes down to this share of it."""


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
    default policy, least-recently-stored, would evict the session in active use first).
    diskcache's own culling is off (``cull_limit=0``): it evicts ten entries per write whatever
    they are, the one just written included. Instead every write deletes the expired entries
    and then, while the directory is over its limit, the one least recently used entry other
    than the key just written, down to 90 % of the limit: an idle session's data goes, one entry at
    a time, never the data being stored nor any read since. Reads never delete.
    """

    def __init__(self, directory: str | os.PathLike[str], *, size_limit_bytes: int) -> None:
        if size_limit_bytes <= 0:
            raise StoreConfigError(f"the store size limit must be positive, not {size_limit_bytes}")
        path = private_directory(Path(directory))
        self.directory = path
        self.max_value_bytes: int | None = size_limit_bytes
        self._size_limit = size_limit_bytes
        self._cache = diskcache.Cache(
            str(path),
            size_limit=size_limit_bytes,
            eviction_policy="least-recently-used",
            cull_limit=0,
        )

    def set(self, key: str, value: bytes, ttl_seconds: float) -> None:
        """Write one entry (diskcache stores large bytes as a file), then make room for it."""
        self._cache.set(key, value, expire=ttl_seconds)
        self._evict(keep=key)

    def _evict(self, keep: str) -> None:
        """Expired entries; then, over the limit, the least recently used ones, one at a time,
        down to ``_LOW_WATER`` of it, so the next few writes find room without evicting."""
        self._cache.expire()
        if self._cache.volume() <= self._size_limit:
            return
        while self._cache.volume() > self._size_limit * _LOW_WATER:
            victim = self._least_recently_used(keep)
            if victim is None:
                return
            self._cache.delete(victim)

    def _least_recently_used(self, keep: str) -> str | None:
        """The key read or written longest ago, other than ``keep`` (diskcache's own index)."""
        rows = self._cache._sql(  # the table diskcache's LRU policy sorts, by its access_time
            "SELECT key FROM Cache WHERE key != ? ORDER BY access_time LIMIT 1", (keep,)
        ).fetchall()
        return str(rows[0][0]) if rows else None

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


def private_directory(path: Path) -> Path:
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


def _millis(seconds: float) -> int:
    """Whole milliseconds, at least 1: Redis refuses ``SET ... PX 0``, ``PEXPIRE 0`` deletes."""
    return max(1, round(seconds * 1000))
