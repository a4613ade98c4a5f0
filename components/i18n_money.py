"""Texts about money in euros and in real terms (data/money.py), Dutch and English; merged into
``components.i18n.TEXT``. ``money.prices.*`` fill the catalogue's ``{prices}`` placeholder."""

from __future__ import annotations

from collections.abc import Mapping

from components.formatting import Lang

MONEY_TEXT: Mapping[str, Mapping[Lang, str]] = {
    "money.prices.current": {"nl": "nominaal", "en": "nominal"},
    "money.prices.constant": {"nl": "constante prijzen ({base})", "en": "constant {base} prices"},
    # the source line's sentence on how amounts were converted
    "money.line.eur": {
        "nl": "omgerekend naar EUR tegen de gemiddelde ECB-referentiekoers van elk jaar ({year}: {rate} USD per EUR)",
        "en": "converted to EUR at the ECB's annual average reference rate of each year ({year}: {rate} USD per EUR)",
    },
    "money.line.constant_usd": {
        "nl": "in constante US-dollars van {base}, gedefleerd met de Amerikaanse CPI-U (BLS, jaargemiddelden)",
        "en": "in constant {base} US dollars, deflated by the US CPI-U (BLS annual averages)",
    },
    "money.line.constant_eur": {
        "nl": "in constante US-dollars van {base} (Amerikaanse CPI-U, BLS), omgerekend naar EUR tegen de gemiddelde ECB-referentiekoers van {base} ({rate} USD per EUR)",
        "en": "in constant {base} US dollars (US CPI-U, BLS), converted to EUR at the ECB's {base} annual average reference rate ({rate} USD per EUR)",
    },
    "money.line.published": {
        "nl": "scorekaartbedragen gepubliceerd in USD",
        "en": "scorecard amounts published in USD",
    },
    "money.unvalued.rate": {
        "nl": "Niet getoond: {years}, want de ECB-gegevens hebben (nog) geen jaargemiddelde koers (de reeks loopt tot {last}).",
        "en": "Not shown: {years}, as the ECB data have no annual average rate for it (yet; the series runs to {last}).",
    },
    "money.unvalued.cpi": {
        "nl": "Niet getoond: {years}, want de CPI-U-reeks van het BLS heeft (nog) geen jaargemiddelde (de reeks loopt tot {last}).",
        "en": "Not shown: {years}, as the BLS CPI-U series has no annual average for it (yet; the series runs to {last}).",
    },
    "money.ranks": {
        "nl": "Rangen veranderen niet met valuta of prijzen: alle bedragen van een jaar worden met hetzelfde getal omgerekend.",
        "en": "Ranks do not change with currency or prices: every amount of a year is converted by the same number.",
    },
    "money.converted": {"nl": "≈ {amount}, {how}", "en": "≈ {amount}, {how}"},
    "money.how.eur": {
        "nl": "omgerekend tegen {rate} USD per EUR (ECB {year})",
        "en": "converted at {rate} USD per EUR (ECB {year})",
    },
    "money.how.constant": {
        "nl": "in constante prijzen ({base}, CPI-U)",
        "en": "in constant {base} prices (CPI-U)",
    },
    "export.filter.money": {"nl": "Valuta en prijzen", "en": "Currency and prices"},
    "export.filter.money_value": {"nl": "{cur}, {prices}", "en": "{cur}, {prices}"},
    # the controls
    "control.currency": {"nl": "Valuta", "en": "Currency"},
    "control.prices": {"nl": "Prijzen", "en": "Prices"},
    "control.base": {"nl": "Basisjaar", "en": "Base year"},
    "prices.option.current": {"nl": "Lopende prijzen", "en": "Current prices"},
    "prices.option.constant": {"nl": "Constante prijzen", "en": "Constant prices"},
    "money.growth.both": {
        "nl": "{nominal} nominaal, {real} reëel",
        "en": "{nominal} nominal, {real} real",
    },
}
