"""Resolves which model a request should see: the built-in seed, start-up files, or a session's upload.

Uploaded data lives in the server-side store (shared by all workers); models built from it are
cached per worker by dataset id and entity, so a year change does not rebuild them.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass

import pandas as pd

from data import ceb
from data.ceb_source import CebModel
from data.source import FundingSource
from data.store import DatasetStore

STARTUP_ID = "startup"
CACHE_SIZE = 16


@dataclass(frozen=True)
class Revenue:
    """A loaded revenue table with the names of the files it came from."""

    frame: pd.DataFrame
    files: tuple[str, ...]


class ModelProvider:
    """Hands every callback the model for its session's data, building each model once."""

    def __init__(self, seed: FundingSource, store: DatasetStore, startup: Revenue | None = None):
        self.seed = seed
        self.store = store
        self.startup = startup
        self._cache: OrderedDict[tuple[str, str], FundingSource] = OrderedDict()
        self._entities: OrderedDict[str, list[str]] = OrderedDict()
        self._lock = threading.Lock()

    def revenue(self, session_id: str | None, dataset_id: str | None) -> tuple[str, Revenue] | None:
        """The revenue data a session sees: its upload, else the start-up files, else none."""
        if session_id and dataset_id and dataset_id != STARTUP_ID:
            stored = self.store.get(session_id, dataset_id)
            if stored is not None:
                return dataset_id, Revenue(stored.frame, tuple(stored.files))
        if self.startup is not None:
            return STARTUP_ID, self.startup
        return None

    def entities(self, session_id: str | None, dataset_id: str | None) -> list[str]:
        found = self.revenue(session_id, dataset_id)
        return self._entities_of(*found) if found else []

    def _entities_of(self, key: str, revenue: Revenue) -> list[str]:
        """Entities of a dataset, listed once per worker: scanning a million rows per request is not free."""
        with self._lock:
            if key in self._entities:
                return self._entities[key]
        listed = ceb.entities(revenue.frame)
        with self._lock:
            self._entities[key] = listed
            while len(self._entities) > CACHE_SIZE:
                self._entities.popitem(last=False)
        return listed

    def default_entity(self, session_id: str | None, dataset_id: str | None) -> str | None:
        available = self.entities(session_id, dataset_id)
        if not available:
            return None
        return ceb.DEFAULT_ENTITY if ceb.DEFAULT_ENTITY in available else available[0]

    def model(
        self, session_id: str | None, dataset_id: str | None, entity: str | None
    ) -> FundingSource:
        found = self.revenue(session_id, dataset_id)
        if found is None:
            return self.seed
        key, revenue = found
        available = self._entities_of(key, revenue)
        chosen = (
            entity
            if entity in available
            else (ceb.DEFAULT_ENTITY if ceb.DEFAULT_ENTITY in available else available[0])
        )
        cache_key = (key, chosen)
        with self._lock:
            if cache_key in self._cache:
                self._cache.move_to_end(cache_key)
                return self._cache[cache_key]
        built: FundingSource = CebModel.from_revenue(
            revenue.frame, chosen, self.seed.tables, revenue.files
        )
        with self._lock:
            self._cache[cache_key] = built
            while len(self._cache) > CACHE_SIZE:
                self._cache.popitem(last=False)
        return built
