"""The choice of money under the header: currency (USD, EUR) and prices (current, constant of a
base year), for every view, table and export (``data/money.py`` converts, the model carries it).
"""

from __future__ import annotations

from typing import Any

from dash import dcc, html

from components import ids
from components.formatting import Lang
from components.i18n import t
from components.page_text import page_texts, static
from components.panels import radio_group
from components.view_state import ViewState
from data.money import CURRENCIES, cpi_value
from data.source import FundingSource


def base_options(years: list[int]) -> list[dict[str, Any]]:
    """The years constant prices can be of: the data's years that have a CPI-U average."""
    return [{"label": str(y), "value": y} for y in years if cpi_value(y) is not None]


def default_base(years: list[int]) -> int | None:
    """The base year shown while prices are current (chosen once prices are constant): the
    latest year of the data with a CPI-U average."""
    options = base_options(years)
    return int(options[-1]["value"]) if options else None


def shown_base(base: int | None, years: list[int]) -> int | None:
    """The base year the box shows: the view's (constant prices) or, while prices are
    current, ``default_base``."""
    return base or default_base(years)


def money_note(model: FundingSource, lang: Lang) -> str:
    """Under the controls, once amounts are converted: ranks do not change with the choice."""
    return "" if model.valuation.nominal_usd else t("money.ranks", lang)


def _segmented(control_id: str, label_id: str, options: list[Any], value: str, lang: Lang) -> Any:
    return html.Div(
        [
            html.Span(static(label_id, lang), id=label_id, className="control-label"),
            radio_group(
                dcc.RadioItems(
                    id=control_id, options=options, value=value, inline=True, className="segmented"
                ),
                label_id,
            ),
        ],
        className="control",
    )


def money_bar(state: ViewState, years: list[int]) -> html.Div:
    lang = state.lang
    currency = _segmented(
        ids.CURRENCY,
        ids.CURRENCY_LABEL,
        [{"label": cur, "value": cur} for cur in CURRENCIES],
        state.currency,
        lang,
    )
    prices = _segmented(
        ids.PRICES, ids.PRICES_LABEL, page_texts(lang)[(ids.PRICES, "options")], state.prices, lang
    )
    base = html.Div(
        [
            html.Label(static(ids.BASE_LABEL, lang), id=ids.BASE_LABEL, htmlFor=ids.BASE),
            dcc.Dropdown(
                id=ids.BASE,
                options=base_options(years),
                value=shown_base(state.base, years),
                clearable=False,
                searchable=False,
                disabled=state.prices != "constant",
            ),
        ],
        className="control control-base",
    )
    return html.Div(
        [
            currency,
            prices,
            base,
            html.P(
                "" if state.valuation.nominal_usd else t("money.ranks", lang),
                id=ids.MONEY_NOTE,
                className="money-note",
            ),
        ],
        className="money-bar",
    )
