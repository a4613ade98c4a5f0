"""The view state in the URL: parse, write back, and fall back to defaults on bad values."""

from __future__ import annotations

from dataclasses import replace
from urllib.parse import parse_qs

import pytest

from components import ids
from components.page_text import top_note
from components.view_state import (
    DEFAULT_TOP,
    MAX_TOP,
    ViewState,
    default_state,
    parse_state,
    to_search,
    valid_top,
)

YEARS = [2021, 2022, 2023]
DONORS = ["USA", "DEU", "CAN", "GBR", "NLD"]
DEFAULT = ViewState(lang="nl", year=2023, donor="NLD", view="ranking", budget="absolute")


def test_default_state() -> None:
    state = default_state(YEARS, DONORS)
    assert (state.lang, state.year, state.donor, state.view, state.budget) == (
        "nl",
        2023,
        "NLD",
        "ranking",
        "absolute",
    )


def test_default_donor_without_netherlands_is_the_first_donor() -> None:
    assert default_state(YEARS, ["USA", "DEU"]).donor == "USA"
    assert default_state(YEARS, []).donor == ""


@pytest.mark.parametrize("search", [None, "", "?", "?foo=bar"])
def test_empty_or_unknown_query_gives_defaults(search: str | None) -> None:
    assert parse_state(search, YEARS, DONORS) == default_state(YEARS, DONORS)


def test_lang_and_year() -> None:
    state = parse_state("?lang=en&year=2022", YEARS, DONORS)
    assert state.lang == "en"
    assert state.year == 2022
    # the rest stays at the defaults
    assert (state.donor, state.view, state.budget) == ("NLD", "ranking", "absolute")


def test_without_question_mark() -> None:
    assert parse_state("lang=en&year=2021", YEARS, DONORS).year == 2021


def test_every_field() -> None:
    state = parse_state("?lang=en&year=2021&donor=DEU&view=budget&budget=index", YEARS, DONORS)
    assert (state.lang, state.year, state.donor, state.view, state.budget) == (
        "en",
        2021,
        "DEU",
        "budget",
        "index",
    )


@pytest.mark.parametrize(
    ("search", "field", "expected"),
    [
        ("?lang=fr", "lang", "nl"),
        ("?lang=", "lang", "nl"),
        ("?year=2020", "year", 2023),  # not a year of the data
        ("?year=abc", "year", 2023),
        ("?year=-2022", "year", 2023),
        ("?year=2022.0", "year", 2023),
        ("?year=", "year", 2023),
        ("?donor=FRA", "donor", "NLD"),
        ("?donor=", "donor", "NLD"),
        ("?view=charts", "view", "ranking"),
        ("?view=", "view", "ranking"),
        ("?budget=log", "budget", "absolute"),
    ],
)
def test_invalid_values_fall_back_to_defaults(search: str, field: str, expected: object) -> None:
    assert getattr(parse_state(search, YEARS, DONORS), field) == expected


def test_invalid_value_does_not_reset_the_valid_ones() -> None:
    state = parse_state("?lang=en&year=1999&view=sources", YEARS, DONORS)
    assert (state.lang, state.year, state.view) == ("en", 2023, "sources")


def test_last_repeated_parameter_wins() -> None:
    assert parse_state("?year=2021&year=2022", YEARS, DONORS).year == 2022


@pytest.mark.parametrize("view", ids.TABS)
def test_every_tab_is_a_valid_view(view: str) -> None:
    assert parse_state(f"?view={view}", YEARS, DONORS).view == view


def test_to_search_is_complete() -> None:
    search = to_search(replace(DEFAULT, lang="en", year=2022, donor="DEU"))
    assert search.startswith("?")
    params = {k: v[0] for k, v in parse_qs(search[1:]).items()}
    assert params["lang"] == "en"
    assert params["year"] == "2022"
    assert params["donor"] == "DEU"
    assert params["view"] == "ranking"
    assert params["budget"] == "absolute"


@pytest.mark.parametrize(
    "state",
    [
        DEFAULT,
        replace(DEFAULT, lang="en", year=2021, donor="GBR", view="over_time", budget="index"),
        replace(DEFAULT, year=2022, donor="USA", view="sources"),
    ],
)
def test_roundtrip(state: ViewState) -> None:
    assert parse_state(to_search(state), YEARS, DONORS) == state


def test_roundtrip_from_a_query() -> None:
    search = "?lang=en&year=2022&donor=CAN&view=earmarking&budget=index"
    state = parse_state(search, YEARS, DONORS)
    assert parse_state(to_search(state), YEARS, DONORS) == state


@pytest.mark.parametrize("entered", [0, -3, 2.5, 1000, float("nan"), None, ""])
def test_a_top_n_the_charts_cannot_use_falls_back_as_the_note_says(entered: object) -> None:
    """The note under the box (components/page_text.top_note) names the range and the top N the
    charts then show: both are the rule valid_top applies."""
    assert valid_top(entered) == DEFAULT_TOP
    assert top_note("en") == (
        f"Enter a whole number from 1 to {MAX_TOP}; the charts now show the top {DEFAULT_TOP}."
    )
    assert f"1 tot en met {MAX_TOP}" in top_note("nl") and f"top {DEFAULT_TOP}." in top_note("nl")
    assert valid_top(MAX_TOP) == MAX_TOP and valid_top(1) == 1
