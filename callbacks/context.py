"""What every callback needs to know about its request, in one place.

A callback declares the controls it reads with ``request_inputs`` and hands Dash's values to
``RequestContext``, which resolves the session's data (the published scorecard, start-up files
or the session's upload, for the chosen entity) and the view state. The callback body is then a
call to a plain function with the model and state.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Hashable, Mapping
from dataclasses import asdict, dataclass, field, replace
from typing import Any, TypeVar

from dash import Input, State

from callbacks.shared_answers import SharedAnswers, answers_from_env
from components import ids
from components.charts.base import chart_state
from components.formatting import Lang
from components.money_context import showing
from components.view_state import (
    AMOUNT_MODES,
    DEFAULT_TOP,
    SCOPES,
    ViewState,
    parse_state,
    query_params,
    requested_entity,
    requested_source,
    requested_valuation,
)
from data.money import valuation_of
from data.provider import ModelProvider
from data.source import FundingSource

T = TypeVar("T")

# Control id -> the name its value goes by in a callback's arguments (as in ViewState).
CONTROL_ARGS: dict[str, str] = {
    ids.YEAR: "year",
    ids.DONOR: "donor",
    ids.TOP_N: "top",
    ids.BUDGET_MODE: "budget",
    ids.AMOUNTS_MODE: "amounts",
    ids.PEERS: "peers",
}
ALL_CONTROLS = (ids.YEAR, ids.DONOR, ids.TOP_N, ids.BUDGET_MODE, ids.AMOUNTS_MODE, ids.PEERS)


def dataset_id(dataset: Mapping[str, Any] | None) -> str | None:
    """The id in the browser's dataset store; None means the built-in (or start-up) data."""
    return (dataset or {}).get("id")


def request_inputs(*controls: str, as_state: bool = False) -> dict[str, Input | State]:
    """Language, the given controls and the data (dataset, entity) as the callback's inputs
    (or, ``as_state``, read without triggering it); the session id is always read as state."""
    kind = State if as_state else Input
    out: dict[str, Input | State] = {"lang": kind(ids.LANG, "value")}
    out.update({CONTROL_ARGS[c]: kind(c, "value") for c in controls})
    out["dataset"] = kind(ids.DATASET, "data")
    out["source"] = kind(ids.SOURCE, "value")
    out["entity"] = kind(ids.ENTITY, "value")
    out["scope"] = kind(ids.SCOPE, "value")
    out["currency"] = kind(ids.CURRENCY, "value")
    out["prices"] = kind(ids.PRICES, "value")
    out["base"] = kind(ids.BASE, "value")
    out["session"] = State(ids.SESSION, "data")
    return out


@dataclass(frozen=True)
class Request:
    """One request's data and view: the model, the state, and the day its data was loaded
    (``None`` for the published data, whose date is the documents')."""

    model: FundingSource
    state: ViewState
    loaded: dt.date | None
    data_key: str = ""  # the data drawn: source, dataset, entity, scope, money
    # where answers over data every analyst shares are kept (None: the session's own upload)
    shared: SharedAnswers | None = field(default=None, compare=False, repr=False)

    def in_language(self, lang: Lang) -> Request:
        """The same request in ``lang`` (the keys take the language from the state)."""
        return replace(self, state=replace(self.state, lang=lang))

    def remember(self, what: tuple[Hashable, ...], make: Callable[[], T]) -> T:
        """``make()``, or the answer kept for ``what`` over this same shared data (and its load
        day): ``what`` must name everything else the answer is drawn from (the chart, its drawn
        key, a year). A session's upload is never kept."""
        if self.shared is None:
            return make()
        return self.shared.get_or_make((self.state.lang, self.data_key, self.loaded, *what), make)

    def drawn_key(self, controls: frozenset[str]) -> str:
        """What a chart depending on ``controls`` draws from: the data and the values of those
        controls. A chart stores the key it last drew; when a newer request supersedes one that
        changed the data (Dash then drops the older answer), the keys differ and it redraws."""
        state = asdict(self.state)
        values = {c: state[CONTROL_ARGS[c]] for c in sorted(controls)}
        return json.dumps([self.state.lang, self.data_key, values], sort_keys=True, default=str)


class RequestContext:
    """Turns a callback's values (named as ``request_inputs`` names them) into a ``Request``."""

    def __init__(self, models: ModelProvider, shared: SharedAnswers | None = None) -> None:
        self.models = models
        # answers over the data every analyst shares (``IOM_SHARED_ANSWERS``; None keeps none)
        self.shared = answers_from_env() if shared is None else shared
        # Start-up files were loaded when the server started.
        self.started = dt.datetime.now(dt.UTC).date()

    def __call__(
        self,
        lang: object,
        dataset: Mapping[str, Any] | None = None,
        entity: str | None = None,
        session: str | None = None,
        year: object = None,
        donor: str | None = None,
        top: object = DEFAULT_TOP,
        budget: object = None,
        source: str | None = None,
        scope: str | None = None,
        peers: list[str] | None = None,
        currency: str | None = None,
        prices: str | None = None,
        base: object = None,
        amounts: object = None,
    ) -> Request:
        data_id = dataset_id(dataset)
        chosen = self.models.resolve(session, data_id, source)
        scope_ = scope if scope in SCOPES else SCOPES[0]
        money = valuation_of(currency, prices, base)
        model = self.models.model(session, data_id, entity, chosen, scope_, money)
        state = chart_state(
            lang,
            model.latest_year() if year is None else year,
            donor,
            top,
            budget,
            model.entity if model.has_entities else None,
        )
        value = model.valuation
        state = replace(
            state,
            source=chosen,
            scope=scope_,
            peers=tuple(peers or ()),
            currency=value.currency,
            prices=value.prices,
            base=value.base,
            amounts=str(amounts) if amounts in AMOUNT_MODES else AMOUNT_MODES[0],
        )
        key = "|".join(str(v) for v in (chosen, data_id, model.entity, scope_, value))
        showing(value, state.year, model.unvalued)
        loaded = self._loaded(model, session, data_id)
        # the built-in data and the start-up files (no dataset id) are every analyst's
        return Request(model, state, loaded, key, self.shared if data_id is None else None)

    def restore(
        self, search: str | None, session: str | None, dataset: Mapping[str, Any] | None
    ) -> tuple[ViewState, FundingSource]:
        """The view a link asks for, kept to what the session's data has (the source first,
        then the entity, then the years and donors of that entity), and its model."""
        data_id = dataset_id(dataset)
        source = requested_source(search, self.models.sources(session, data_id))
        entities = self.models.entities(session, data_id, source)
        default_entity = self.models.default_entity(session, data_id, source)
        entity = requested_entity(search, entities, default_entity)
        scope = query_params(search).get("contributors", SCOPES[0])
        model = self.models.model(
            session,
            data_id,
            entity,
            source,
            scope if scope in SCOPES else SCOPES[0],
            requested_valuation(search),
        )
        state = parse_state(search, model.years(), model.donors(), entities, default_entity, source)
        value = model.valuation  # as resolved against the data (its base year)
        showing(value, state.year, model.unvalued)
        return replace(state, currency=value.currency, prices=value.prices, base=value.base), model

    def _loaded(
        self, model: FundingSource, session: str | None, data_id: str | None
    ) -> dt.date | None:
        if not model.files:
            return None
        stored = self.models.store.get(session, data_id) if session and data_id else None
        return stored.loaded_at.date() if stored is not None else self.started
