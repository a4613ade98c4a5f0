"""Which valuation (currency, prices) the request being answered shows, for the words.

Amounts are converted in the model (``data/money.py``); the words around them ("USD mln",
"nominal", the source line's "converted to EUR at ...") are catalogue texts with ``{cur}``,
``{prices}`` and ``{money}`` placeholders that ``components.i18n.t`` fills from here. The value is
set by ``callbacks.context.RequestContext`` for every request it resolves, before anything is
drawn: a context variable, so each request (thread or task) sees its own, never another user's.
Outside a request (tests, scripts) it is USD at current prices unless ``words_for`` sets it.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import TYPE_CHECKING

from components.i18n_money import MONEY_TEXT
from data.money import NOMINAL_USD, Valuation, cpi_u, eur_rate, eur_rates

if TYPE_CHECKING:
    from components.formatting import Lang


@dataclass(frozen=True)
class Shown:
    """The valuation of the amounts drawn, the year a one-year view shows (whose rate the
    source line states) and the years of the data the valuation could not show."""

    valuation: Valuation = NOMINAL_USD
    year: int | None = None
    unvalued: tuple[int, ...] = ()


NOMINAL = Shown()  # frozen: safe to share as the default
_SHOWN: ContextVar[Shown] = ContextVar("shown", default=NOMINAL)


def showing(valuation: Valuation, year: int | None = None, unvalued: Sequence[int] = ()) -> None:
    """Words from now on in this request are for ``valuation`` (and ``year``)."""
    _SHOWN.set(Shown(valuation, year, tuple(unvalued)))


def reset() -> None:
    """Back to nominal USD: called as each request starts (``callbacks/money.py``)."""
    _SHOWN.set(NOMINAL)


def shown() -> Valuation:
    return _SHOWN.get().valuation


@contextmanager
def words_for(
    valuation: Valuation, year: int | None = None, unvalued: Sequence[int] | None = None
) -> Iterator[None]:
    """Words in ``valuation`` (and for ``year``) within the block: one year's figure among
    several built in one request, or a chart built outside a request. ``unvalued`` (the years
    it cannot show) stays the request's unless given."""
    missing = _SHOWN.get().unvalued if unvalued is None else tuple(unvalued)
    token = _SHOWN.set(Shown(valuation, year, missing))
    try:
        yield
    finally:
        _SHOWN.reset(token)


def _text(key: str, lang: Lang, **values: object) -> str:
    return MONEY_TEXT[key][lang].format(**values)


def rate_text(rate: float, lang: Lang) -> str:
    """A rate as the ECB publishes it, four decimals: 1,0813 / 1.0813."""
    text = f"{rate:.4f}"
    return text.replace(".", ",") if lang == "nl" else text


def money_line(shown_: Shown, lang: Lang) -> str:
    """How the amounts were converted, for the source line; empty for nominal USD."""
    value = shown_.valuation
    if value.nominal_usd:
        return ""
    if value.constant:
        base = value.base
        assert base is not None  # a resolved valuation at constant prices has its base
        if value.currency == "EUR":
            rate = eur_rate(base)
            line = _text(
                "money.line.constant_eur", lang, base=base, rate=rate_text(rate or 0, lang)
            )
        else:
            line = _text("money.line.constant_usd", lang, base=base)
    else:
        rates = eur_rates()
        year = shown_.year if shown_.year in rates else max(rates)
        line = _text("money.line.eur", lang, year=year, rate=rate_text(rates[year], lang))
    return line + unvalued_line(shown_, lang)


def unvalued_line(shown_: Shown, lang: Lang) -> str:
    """The data's years the valuation cannot show, and why ("" if none)."""
    if not shown_.unvalued:
        return ""
    years = ", ".join(str(y) for y in shown_.unvalued)
    value = shown_.valuation
    no_cpi = value.constant and any(y not in cpi_u() for y in shown_.unvalued)
    if no_cpi:
        return " " + _text("money.unvalued.cpi", lang, years=years, last=max(cpi_u()))
    return " " + _text("money.unvalued.rate", lang, years=years, last=max(eur_rates()))


def placeholders(lang: Lang) -> dict[str, str]:
    """``{cur}``, ``{prices}`` and ``{money}`` for what is shown: "EUR", "constante prijzen
    (2024)", "; omgerekend naar EUR tegen ..." (empty for nominal USD)."""
    now = _SHOWN.get()
    value = now.valuation
    prices = _text(f"money.prices.{value.prices}", lang, base=value.base)
    line = money_line(now, lang)
    return {"cur": value.currency, "prices": prices, "money": f"; {line}" if line else ""}
