"""The view's state as it lives in the URL: parse a query string, write one back.

Everything a user can set is here, so a copied link reopens the same view. Unknown or invalid
values fall back to defaults instead of failing, since links get edited and truncated.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from urllib.parse import parse_qs, urlencode

from components import ids
from components.formatting import DEFAULT_LANG, Lang, as_lang

BUDGET_MODES = ("absolute", "index")
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


def default_state(years: list[int], donors: list[str], entity: str | None = None) -> ViewState:
    donor = DEFAULT_DONOR if DEFAULT_DONOR in donors else (donors[0] if donors else "")
    return ViewState(
        DEFAULT_LANG, max(years), donor, ids.TAB_RANKING, BUDGET_MODES[0], DEFAULT_TOP, entity
    )


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
) -> ViewState:
    """Read ``?lang=en&year=2022&donor=DEU&view=budget&budget=index``; keep what is valid."""
    entities = entities or []
    fallback = default_entity if default_entity in entities else (entities[0] if entities else None)
    state = default_state(years, donors, fallback)
    params = {k: v[-1] for k, v in parse_qs((search or "").lstrip("?")).items()}
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
    if "top" in params:
        state = replace(state, top=valid_top(params["top"]))
    if params.get("entity") in entities:
        state = replace(state, entity=params["entity"])
    return state


def to_search(state: ViewState) -> str:
    """The query string for a state; always complete, so links survive changed defaults."""
    params: dict[str, object] = {
        "lang": state.lang,
        "year": state.year,
        "donor": state.donor,
        "view": state.view,
        "budget": state.budget,
    }
    if state.entity:
        params.update(entity=state.entity, top=state.top)
    return "?" + urlencode(params)
