"""The grid of the full table (``table.py``): every contributor, sortable and filterable.

An AG Grid with one row per contributor and a pinned total row. The amounts go to the browser
as numbers, so a column sorts and filters as numbers; a ``valueFormatter`` writes them in the
page's language ("1.234,5" in Dutch) with the d3-format that dash-ag-grid offers to its
function strings. Filters sit in a row under the headers (AG Grid's floating filters), so the
grid needs no search box and no callback of its own; its pagination and filter words come
from the page's language through ``localeText``.
"""

from __future__ import annotations

import math
from typing import Any, Final

import dash_ag_grid as dag
import pandas as pd
from dash import html

from components import ids
from components.charts.base import NAME
from components.formatting import Lang
from components.i18n import TEXT, t
from data import columns as c

CHART: Final = "full_table"
GRID_ID: Final = ids.panel(CHART, "rows")
PAGE_SIZE: Final = 50  # one of AG Grid's page sizes on offer (20, 50, 100)
# The columns of the grid after name and category: (field, word key, d3 format).
NUMBERS: Final = (
    (c.ASSESSED, "assessed", ",.1f"),
    (c.CORE, "core", ",.1f"),
    (c.EARMARKED, "earmarked", ",.1f"),
    (c.OTHER, "other", ",.1f"),
    (c.VOLUNTARY, "voluntary", ",.1f"),
    (c.CORE_SHARE, "core_share", ".1%"),
)
# AG Grid's locale keys for the words of its pagination and filters; the texts are
# "full_table.grid.locale.<key>" in components/i18n_table.py.
LOCALE_KEYS: Final = (
    "page",
    "of",
    "to",
    "more",
    "firstPage",
    "previousPage",
    "nextPage",
    "lastPage",
    "pageSizeSelectorLabel",
    "ariaPageSizeSelectorLabel",
    "noRowsToShow",
    "filterOoo",
    "equals",
    "notEqual",
    "lessThan",
    "greaterThan",
    "lessThanOrEqual",
    "greaterThanOrEqual",
    "inRange",
    "inRangeStart",
    "inRangeEnd",
    "contains",
    "notContains",
    "startsWith",
    "endsWith",
    "blank",
    "notBlank",
    "andCondition",
    "orCondition",
)
# d3-format's locale per language: Dutch "1.234,5" and "52,0 %", as components.formatting.
_SEPARATORS: Final[dict[Lang, tuple[str, str, str]]] = {
    "nl": (",", ".", "\u00a0%"),
    "en": (".", ",", "%"),
}


def category_label(category: str, lang: Lang) -> str:
    """The contributor category in words ("Overheden"); a category the texts do not know is
    shown as the data give it."""
    key = f"contributors.category.{category}"
    return t(key, lang) if key in TEXT else category


def number_formatter(lang: Lang, specifier: str) -> dict[str, str]:
    """An AG Grid ``valueFormatter``: the cell's number in the language's separators, a dash
    where there is none (a core share without voluntary money)."""
    decimal, thousands, percent = _SEPARATORS[lang]
    locale = (
        f"{{decimal: '{decimal}', thousands: '{thousands}', grouping: [3], percent: '{percent}'}}"
    )
    return {
        "function": f"params.value == null ? '–' : d3.formatLocale({locale}).format('{specifier}')(params.value)"
    }


def column_defs(lang: Lang) -> list[dict[str, Any]]:
    """Name and category as text (filter: contains), then the amounts and the core share as
    numbers (filter: greater than, between ...), sorted by voluntary revenue to begin with."""
    text = {"filter": "agTextColumnFilter", "cellDataType": "text"}
    columns: list[dict[str, Any]] = [
        {
            "field": NAME,
            "headerName": t("full_table.col.name", lang),
            "pinned": "left",
            "minWidth": 220,
            "flex": 2,
            **text,
        },
        {
            "field": c.CATEGORY,
            "headerName": t("full_table.col.category", lang),
            "minWidth": 170,
            "flex": 1,
            **text,
        },
    ]
    for field, key, specifier in NUMBERS:
        column: dict[str, Any] = {
            "field": field,
            "headerName": t(f"full_table.col.{key}", lang),
            "type": "numericColumn",
            "cellDataType": "number",
            "filter": "agNumberColumnFilter",
            "valueFormatter": number_formatter(lang, specifier),
            "minWidth": 120,
            "flex": 1,
        }
        if field == c.VOLUNTARY:
            column["sort"] = "desc"
        columns.append(column)
    return columns


def _number(value: float) -> float | None:
    """A JSON number, or null for a missing one (NaN is not JSON)."""
    return None if math.isnan(value) else value


def grid_rows(table: pd.DataFrame, lang: Lang) -> list[dict[str, Any]]:
    """One row per contributor: name and category in words, the numbers as numbers."""
    name = c.NAME_NL if lang == "nl" else c.NAME_EN
    return [
        {
            NAME: str(row[name]),
            c.CATEGORY: category_label(str(row[c.CATEGORY]), lang),
            **{field: _number(float(row[field])) for field, _, _ in NUMBERS},
        }
        for _, row in table.iterrows()
    ]


def total_row(rows: list[dict[str, Any]], contributors: int, lang: Lang) -> dict[str, Any]:
    """The sum of ``rows`` kind by kind, and the core share of that sum; labelled with the
    number of ``contributors`` by name among them."""
    sums = {
        field: float(sum(r[field] or 0.0 for r in rows))
        for field, _, _ in NUMBERS
        if field != c.CORE_SHARE
    }
    voluntary = sums[c.VOLUNTARY]
    return {
        NAME: t("full_table.grid.total", lang, n=contributors),
        c.CATEGORY: "",
        **sums,
        c.CORE_SHARE: sums[c.CORE] / voluntary if voluntary > 0 else None,
    }


def locale_text(lang: Lang) -> dict[str, str]:
    return {key: t(f"full_table.grid.locale.{key}", lang) for key in LOCALE_KEYS}


def contributors_grid(
    table: pd.DataFrame, contributors: int, entity: str, year: int, lang: Lang
) -> list[Any]:
    """Heading, how to read and use the grid, and the grid of every row of the table; of
    them, ``contributors`` are contributors by name (the others stand for the rest of a
    kind of contributor)."""
    rows = grid_rows(table, lang)
    hint = t("full_table.grid.hint", lang)
    if contributors < len(rows):
        hint = f"{hint} {t('full_table.grid.remainders', lang)}"
    return [
        html.H3(t("full_table.grid.heading", lang, n=contributors, entity=entity, year=year)),
        html.P(hint),
        dag.AgGrid(
            id=GRID_ID,
            columnDefs=column_defs(lang),
            rowData=rows,
            defaultColDef={
                "resizable": True,
                "sortable": True,
                "floatingFilter": True,
                "suppressHeaderMenuButton": True,
            },
            dashGridOptions={
                "pagination": True,
                "paginationPageSize": PAGE_SIZE,
                "pinnedBottomRowData": [total_row(rows, contributors, lang)],
                "localeText": locale_text(lang),
                "enableCellTextSelection": True,
                "animateRows": False,
            },
            className="ag-theme-alpine",
            style={"height": "640px"},
        ),
    ]
