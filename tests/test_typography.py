"""Numbers stay on one line with their units: the rule (data/typography.py), the catalogue and
the notes it is applied to, and the quotes it is not."""

from __future__ import annotations

import pytest

from components.i18n import TEXT, t
from data import columns as c
from data.loader import load_seed
from data.typography import NBSP, glue_units


@pytest.mark.parametrize(
    ("text", "set_as"),
    [
        ("USD 62 mln", f"USD{NBSP}62{NBSP}mln"),
        ("EUR −3 million and 97 %", f"EUR{NBSP}−3{NBSP}million and 97{NBSP}%"),
        ("{cur} {core} van {voluntary} mln", f"{{cur}}{NBSP}{{core}} van {{voluntary}}{NBSP}mln"),
        ("{published} % → {ceb} %", f"{{published}}{NBSP}% → {{ceb}}{NBSP}%"),
        # unit labels and headers keep their space: no number to hold on to
        ("Bijdrage ({cur} mln)", "Bijdrage ({cur} mln)"),
        ("in USD mln, top {top} donors", "in USD mln, top {top} donors"),
        # not a currency or a unit: a word that starts like one, a number before a word
        ("EURO 5, 12 mlnx, 3 months", "EURO 5, 12 mlnx, 3 months"),
    ],
)
def test_glue_units(text: str, set_as: str) -> None:
    assert glue_units(text) == set_as


def test_the_catalogue_is_set_once_for_every_text() -> None:
    templates = [text for by_lang in TEXT.values() for text in by_lang.values()]
    assert all(glue_units(text) == text for text in templates)
    assert any(f"{NBSP}mln" in text for text in templates)
    # a filled-in amount keeps its glue: the placeholder's space was set before filling
    assert f"USD{NBSP}" in t("claims.usd_bn", "nl", amount="2,99")


def test_notes_are_set_and_quotes_are_kept_as_printed() -> None:
    tables = load_seed()
    notes = " ".join(tables.contradictions[c.TEXT_NL])
    assert f"USD{NBSP}62{NBSP}mln" in notes and "USD 62 mln" not in notes
    quotes = tables.facts[c.QUOTE_NL]
    assert quotes.str.contains("97% van de middelen", regex=False).any()
    assert not quotes.str.contains(NBSP, regex=False).any()
