"""Shared pieces of the store tests: a revenue-shaped frame and in-memory stand-ins.

``FakeBackend`` has an injected clock so TTL rules run without sleeping; ``FakeRedis`` answers
the redis-py calls ``RedisBackend`` makes, so its semantics are checked without a server.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from data.columns import AMOUNT_USD, DONOR, ENTITY, FILE, LINE, REV_CORE, REV_TYPE, YEAR
from data.store import DatasetStore, DiskcacheBackend

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
