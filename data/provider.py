"""Resolves which model a request should see: the published scorecard, the built-in CEB history,
or loaded files (a session's upload, or files given at start-up) added to the history.

Uploaded data lives in the server-side store (shared by all workers); models built from it are
cached per worker by data, source, entity and scope, so a year change does not rebuild them.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass, replace
from typing import TypeVar

import pandas as pd

from data import ceb
from data import columns as c
from data.ceb_source import CebModel
from data.claims import check_claims
from data.combine import GOVERNMENTS, in_scope, with_history
from data.history import load_contributors
from data.model import FundingModel
from data.money import NOMINAL_USD, Valuation
from data.source import FundingSource
from data.store import DatasetStore

STARTUP_ID = "startup"
HISTORY_ID = "history"
CACHE_SIZE = 16
SCORECARD, CEB, UPLOAD = "scorecard", "ceb", "upload"
T = TypeVar("T")
# The source line of a model, by the kind of revenue rows and whether the history is built in.
LINE_KEYS = {
    (CEB, True): "source.ceb_history",
    (UPLOAD, True): "source.ceb_merged",
    (UPLOAD, False): "source.ceb",
}


@dataclass(frozen=True)
class Revenue:
    """A loaded revenue table with the names of the files it came from."""

    frame: pd.DataFrame
    files: tuple[str, ...]


@dataclass(frozen=True)
class RevenueData:
    """The revenue rows a source draws from, with a key that names them in the caches."""

    key: str
    frame: pd.DataFrame
    files: tuple[str, ...]
    kind: str  # CEB (the built-in history) or UPLOAD (loaded files, added to the history)


def remainders() -> list[str]:
    """The keys of the history's computed remainder buckets."""
    contributors = load_contributors()
    return [str(k) for k in contributors.loc[contributors["is_other"].astype(bool), c.DONOR_KEY]]


class ModelProvider:
    """Hands every callback the model for its session's data, building each model once."""

    def __init__(
        self,
        seed: FundingModel,
        store: DatasetStore,
        startup: Revenue | None = None,
        history: pd.DataFrame | None = None,
    ):
        # The scorecard's claims checked against the history, once per worker, for every source.
        checked = check_claims(seed.tables, history) if history is not None else None
        self.seed = replace(seed, checked=checked) if checked is not None else seed
        self.checked = checked
        self.store = store
        self.startup = startup
        self.history = history
        # The history's computed remainders ("Other foundations" ...): counted, never ranked.
        self.unranked = frozenset(remainders()) if history is not None else frozenset()
        self._cache: OrderedDict[Hashable, object] = OrderedDict()
        self._lock = threading.Lock()

    # what a session can choose ------------------------------------------------------------
    def revenue(self, session_id: str | None, dataset_id: str | None) -> tuple[str, Revenue] | None:
        """The loaded files a session sees: its upload, else the start-up files, else none."""
        if session_id and dataset_id and dataset_id != STARTUP_ID:
            stored = self.store.get(session_id, dataset_id)
            if stored is not None:
                return dataset_id, Revenue(stored.frame, tuple(stored.files))
        if self.startup is not None:
            return STARTUP_ID, self.startup
        return None

    def sources(self, session_id: str | None, dataset_id: str | None) -> list[str]:
        """The sources a session can pick: the scorecard always, the history when built in,
        loaded files when there are any."""
        found = [SCORECARD]
        if self.history is not None:
            found.append(CEB)
        if self.revenue(session_id, dataset_id) is not None:
            found.append(UPLOAD)
        return found

    def resolve(self, session_id: str | None, dataset_id: str | None, source: str | None) -> str:
        """The source to show: the one asked for if the session has it. ``None`` (the default
        for callers that predate the choice) means loaded files if any, else the scorecard."""
        available = self.sources(session_id, dataset_id)
        if source is None:
            return UPLOAD if UPLOAD in available else SCORECARD
        return source if source in available else SCORECARD

    def data(
        self, session_id: str | None, dataset_id: str | None, source: str | None
    ) -> RevenueData | None:
        """The revenue rows behind ``source`` (``None`` for the scorecard)."""
        chosen = self.resolve(session_id, dataset_id, source)
        if chosen == CEB and self.history is not None:
            return RevenueData(HISTORY_ID, self.history, (), CEB)
        if chosen != UPLOAD:
            return None
        found = self.revenue(session_id, dataset_id)
        if found is None:
            return None
        key, loaded = found
        history = self.history
        frame = (
            loaded.frame
            if history is None
            else self._cached(("merged", key), lambda: with_history(history, loaded.frame))
        )
        return RevenueData(key, frame, loaded.files, UPLOAD)

    def entities(
        self, session_id: str | None, dataset_id: str | None, source: str | None = None
    ) -> list[str]:
        found = self.data(session_id, dataset_id, source)
        if found is None:
            return []
        return self._cached(("entities", found.key), lambda: ceb.entities(found.frame))

    def default_entity(
        self, session_id: str | None, dataset_id: str | None, source: str | None = None
    ) -> str | None:
        available = self.entities(session_id, dataset_id, source)
        if not available:
            return None
        return ceb.DEFAULT_ENTITY if ceb.DEFAULT_ENTITY in available else available[0]

    # the model ------------------------------------------------------------------------------
    def model(
        self,
        session_id: str | None,
        dataset_id: str | None,
        entity: str | None,
        source: str | None = None,
        scope: str = GOVERNMENTS,
        valuation: Valuation = NOMINAL_USD,
    ) -> FundingSource:
        """The model a request shows: its source's data, entity and scope, in ``valuation``
        (the nominal model is built once, each valuation of it once more)."""
        found = self.data(session_id, dataset_id, source)
        if found is None:
            return self._valued_seed(valuation)
        available = self.entities(session_id, dataset_id, source)
        chosen = (
            entity if entity in available else self.default_entity(session_id, dataset_id, source)
        )
        assert chosen is not None  # a source with revenue rows has at least one entity
        nominal = self._cached(
            ("model", found.key, chosen, scope), lambda: self._build(found, chosen, scope)
        )
        money = valuation.resolved(self._years(found))
        if money.nominal_usd:
            return nominal
        rows = self._cached(
            ("rows", found.key, money), lambda: money.scale(found.frame, [c.AMOUNT_USD], c.YEAR)
        )
        return self._cached(
            ("model", found.key, chosen, scope, money), lambda: self._valued(nominal, money, rows)
        )

    def _valued_seed(self, valuation: Valuation) -> FundingSource:
        money = valuation.resolved(self.seed.years())
        if money.nominal_usd:
            return self.seed
        return self._cached(("seed", money), lambda: self.seed.valued(money))

    def _years(self, found: RevenueData) -> list[int]:
        return self._cached(
            ("years", found.key), lambda: sorted(int(y) for y in found.frame[c.YEAR].unique())
        )

    def _valued(
        self, nominal: FundingSource, money: Valuation, rows: pd.DataFrame
    ) -> FundingSource:
        assert isinstance(nominal, CebModel)  # the provider builds CEB models for revenue rows
        built = nominal.valued(money, rows)
        return replace(built, checked=self.checked) if self.checked is not None else built

    def _build(self, found: RevenueData, entity: str, scope: str) -> FundingSource:
        line = LINE_KEYS[(found.kind, self.history is not None)]
        built = CebModel.from_revenue(
            in_scope(found.frame, scope),
            entity,
            self.seed.tables,
            found.files,
            line_key=line,
            scope=scope,
            all_rows=found.frame,
            unranked=self.unranked,
        )
        return replace(built, checked=self.checked) if self.checked is not None else built

    def _cached(self, key: Hashable, build: Callable[[], T]) -> T:
        """Build once per worker: scanning or aggregating a large table per request is not free."""
        with self._lock:
            if key in self._cache:
                self._cache.move_to_end(key)
                return self._cache[key]  # type: ignore[return-value]
        built = build()
        with self._lock:
            self._cache[key] = built
            while len(self._cache) > CACHE_SIZE * 3:
                self._cache.popitem(last=False)
        return built
