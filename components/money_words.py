"""How a published amount reads once converted: the published figure first, in its currency,
and the converted one marked as such with what converted it ("EUR 3 mln (≈ USD 3,2 mln,
omgerekend: 1,0813 USD per EUR, ECB 2023)")."""

from __future__ import annotations

import pandas as pd

from components.formatting import MONEY_UNITS, Lang, fmt_money, fmt_published, shown_decimals
from components.i18n import t
from components.money_context import rate_text, shown
from data import columns as c
from data.money import eur_rate


def is_converted(row: pd.Series) -> bool:
    """Whether a fact's value shown differs from the one its document printed."""
    if c.PUBLISHED_UNIT not in row.index or str(row[c.PUBLISHED_UNIT]) not in MONEY_UNITS:
        return False
    return str(row[c.UNIT]) != str(row[c.PUBLISHED_UNIT]) or shown().constant


def published_money(row: pd.Series, lang: Lang) -> str:
    """The amount as published, currency first (``EUR 3 mln``)."""
    unit = str(row[c.PUBLISHED_UNIT] if c.PUBLISHED_UNIT in row.index else row[c.UNIT])
    value = float(row[c.PUBLISHED_VALUE] if c.PUBLISHED_VALUE in row.index else row[c.VALUE])
    currency, scale = MONEY_UNITS[unit]
    return fmt_money(value, lang, currency, scale, digits=fmt_published(value, lang, 3))


def conversion(row: pd.Series, lang: Lang) -> str:
    """'≈ USD 3,2 mln, omgerekend (1,0813 USD per EUR, ECB 2023)', or '' if not converted."""
    if not is_converted(row):
        return ""
    value, year = float(row[c.VALUE]), int(row[c.YEAR])
    currency, scale = MONEY_UNITS[str(row[c.UNIT])]
    # a converted amount claims the precision of the published one (2,99 → 2,84), and one
    # decimal below 100 where that had none (EUR 3 → USD 3,2)
    published = shown_decimals(float(row[c.PUBLISHED_VALUE]), 3)
    decimals = max(published, 0 if abs(value) >= 100 else 1)
    amount = fmt_money(value, lang, currency, scale, decimals)
    valuation, how = shown(), []
    if str(row[c.UNIT]).split()[0] != str(row[c.PUBLISHED_UNIT]).split()[0] or (
        valuation.constant and valuation.currency == "EUR"
    ):
        rate_year = valuation.rate_year(year)
        rate = eur_rate(rate_year)
        if rate is not None:
            how.append(t("money.how.eur", lang, rate=rate_text(rate, lang), year=rate_year))
    if valuation.constant:
        how.append(t("money.how.constant", lang, base=valuation.base))
    return t("money.converted", lang, amount=amount, how=", ".join(how))
