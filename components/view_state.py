"""The view's state as it lives in the URL: parse a query string, write one back.

Everything a user can set is here, so a copied link reopens the same view. Unknown or invalid
values fall back to defaults instead of failing, since links get edited and truncated.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from urllib.parse import parse_qs, urlencode

from components import ids
from components.formatting import DEFAULT_LANG, Lang, as_lang
from data.money import CURRENCIES, PRICES, Currency, Prices, Valuation, valuation_of

BUDGET_MODES = ("absolute", "index")
# The amounts per donor over time: the amounts themselves, or the change on the year before.
AMOUNT_MODES = ("absolute", "change")
# Where the numbers come from (data/provider.py): the scorecard as published, the built-in CEB
# history, or loaded files (added to the history).
SOURCES = ("scorecard", "ceb", "upload")
DEFAULT_SOURCE = SOURCES[0]
# Who is ranked on CEB data: government donors (as the scorecard ranks member states), or every
# contributor (the European Union, UN pooled funds, foundations ...).
SCOPES = ("governments", "all")
DEFAULT_DONOR = "NLD"
DEFAULT_TOP = 10
MAX_TOP = 100


@dataclass(frozen=True)
class ViewState:
    lang: Lang
    year: int
    donor: str
    view: str
    budget: str
    top: int = DEFAULT_TOP
    entity: str | None = None
    source: str = DEFAULT_SOURCE
    scope: str = SCOPES[0]
    peers: tuple[str, ...] = ()
    # In what amounts are shown (data/money.py); base is the constant-prices year, None at
    # current prices.
    currency: Currency = CURRENCIES[0]
    prices: Prices = PRICES[0]
    base: int | None = None
    amounts: str = AMOUNT_MODES[0]

    @property
    def valuation(self) -> Valuation:
        return Valuation(self.currency, self.prices, self.base)


def default_donor(donors: list[str]) -> str:
    """The donor highlighted unless a link says otherwise: the Netherlands, if the data has it."""
    return DEFAULT_DONOR if DEFAULT_DONOR in donors else (donors[0] if donors else "")


def kept_donor(donors: list[str], current: object) -> str:
    """The donor highlighted once the data shown changes: the current one if the new data has
    it (a change of entity or source keeps the Netherlands highlighted), else the default."""
    return current if isinstance(current, str) and current in donors else default_donor(donors)


def default_state(
    years: list[int], donors: list[str], entity: str | None = None, source: str = DEFAULT_SOURCE
) -> ViewState:
    donor = default_donor(donors)
    return ViewState(
        DEFAULT_LANG,
        max(years),
        donor,
        ids.TAB_RANKING,
        BUDGET_MODES[0],
        DEFAULT_TOP,
        entity,
        source,
    )


def query_params(search: str | None) -> dict[str, str]:
    """The last value of each parameter of a query string."""
    return {k: v[-1] for k, v in parse_qs((search or "").lstrip("?")).items()}


def requested_source(search: str | None, available: list[str]) -> str:
    """The source a link asks for, if the session has it; else the default (the scorecard)."""
    wanted = query_params(search).get("source", DEFAULT_SOURCE)
    return wanted if wanted in available else DEFAULT_SOURCE


def requested_entity(search: str | None, entities: list[str], default: str | None) -> str | None:
    """The entity a link asks for, if the data has it; else the default entity."""
    wanted = query_params(search).get("entity")
    if wanted in entities:
        return wanted
    return default if default in entities else (entities[0] if entities else None)


def valid_top(value: object) -> int:
    """Top N as a whole number in 1..MAX_TOP; anything else falls back to the default."""
    try:
        number = int(str(value))
    except ValueError:
        return DEFAULT_TOP
    return number if 1 <= number <= MAX_TOP else DEFAULT_TOP


def parse_state(
    search: str | None,
    years: list[int],
    donors: list[str],
    entities: list[str] | None = None,
    default_entity: str | None = None,
    source: str = DEFAULT_SOURCE,
) -> ViewState:
    """Read ``?lang=en&year=2022&donor=DEU&view=budget&budget=index``; keep what is valid.

    ``source`` is the one ``requested_source`` chose; the years, donors and entities are those
    of that source's data."""
    entities = entities or []
    state = default_state(years, donors, requested_entity(search, entities, default_entity), source)
    params = query_params(search)
    if "lang" in params:
        state = replace(state, lang=as_lang(params["lang"]))
    year = params.get("year", "")
    if year.isdigit() and int(year) in years:
        state = replace(state, year=int(year))
    donor = params.get("donor", "")
    if donor in donors:
        state = replace(state, donor=donor)
    if params.get("view") in ids.TABS:
        state = replace(state, view=params["view"])
    if params.get("budget") in BUDGET_MODES:
        state = replace(state, budget=params["budget"])
    if params.get("amounts") in AMOUNT_MODES:
        state = replace(state, amounts=params["amounts"])
    if "top" in params:
        state = replace(state, top=valid_top(params["top"]))
    if params.get("contributors") in SCOPES:
        state = replace(state, scope=params["contributors"])
    if "peers" in params:
        state = replace(state, peers=tuple(p for p in params["peers"].split(",") if p in donors))
    money = requested_valuation(search).resolved(years)
    return replace(state, currency=money.currency, prices=money.prices, base=money.base)


def requested_valuation(search: str | None) -> Valuation:
    """The currency and prices a link asks for (``currency=EUR&prices=constant&base=2020``);
    the base year is checked against the data by ``Valuation.resolved``."""
    params = query_params(search)
    return valuation_of(params.get("currency"), params.get("prices"), params.get("base"))


def to_search(state: ViewState) -> str:
    """The query string for a state; always complete, so links survive changed defaults."""
    params: dict[str, object] = {
        "lang": state.lang,
        "year": state.year,
        "donor": state.donor,
        "view": state.view,
        "budget": state.budget,
        "amounts": state.amounts,
        "source": state.source,
    }
    if state.entity:
        params.update(entity=state.entity, top=state.top, contributors=state.scope)
    if state.peers:
        params.update(peers=",".join(state.peers))
    params.update(currency=state.currency, prices=state.prices)
    if state.prices == "constant" and state.base:
        params.update(base=state.base)
    return "?" + urlencode(params)
