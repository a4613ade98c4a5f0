"""The grid of every published figure with its source, page, line and quote, and of loaded files.

An analyst checks a number here before quoting it, so the grid speaks the page's language
(AG Grid's own words too: "Pagina 1 van 4", "1 tot 20 van 69"), sorts values as numbers (the
text "1 miljard" beside the number 1e9), shows the document's title rather than its internal
file name, wraps the quote so it can be read, downloads as CSV, and lists a session's loaded
files with their own provenance (file name, day loaded, rows).

AG Grid reads its locale once, when it is made, so a language change draws a new grid into
``SOURCES_GRID_BOX`` (callbacks/sources.py) instead of patching the old one.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import dash_ag_grid as dag
from dash import html

from components import ids, panels
from components.exports.image import format_date
from components.formatting import Lang
from components.i18n import t
from data.source import FundingSource

PAGE_SIZE = 20
GRID_HEIGHT = "640px"
# Dutch words of AG Grid's pagination, filters and menus; English is AG Grid's own default.
LOCALE_NL: Mapping[str, str] = {
    "page": "Pagina",
    "of": "van",
    "to": "tot",
    "more": "meer",
    "next": "Volgende",
    "last": "Laatste",
    "first": "Eerste",
    "previous": "Vorige",
    "firstPage": "Eerste pagina",
    "lastPage": "Laatste pagina",
    "nextPage": "Volgende pagina",
    "previousPage": "Vorige pagina",
    "pageSizeSelectorLabel": "Rijen per pagina:",
    "ariaPageSizeSelectorLabel": "Rijen per pagina",
    "pageLastRowUnknown": "?",
    "loadingOoo": "Laden…",
    "noRowsToShow": "Geen rijen",
    "filterOoo": "Filter…",
    "searchOoo": "Zoeken…",
    "selectAll": "Alles selecteren",
    "blanks": "(Leeg)",
    "equals": "Is gelijk aan",
    "notEqual": "Is niet gelijk aan",
    "blank": "Leeg",
    "notBlank": "Niet leeg",
    "empty": "Kies er een",
    "lessThan": "Kleiner dan",
    "greaterThan": "Groter dan",
    "lessThanOrEqual": "Kleiner dan of gelijk aan",
    "greaterThanOrEqual": "Groter dan of gelijk aan",
    "inRange": "Tussen",
    "inRangeStart": "Van",
    "inRangeEnd": "Tot",
    "contains": "Bevat",
    "notContains": "Bevat niet",
    "startsWith": "Begint met",
    "endsWith": "Eindigt op",
    "andCondition": "EN",
    "orCondition": "OF",
    "applyFilter": "Toepassen",
    "resetFilter": "Herstellen",
    "clearFilter": "Wissen",
    "cancelFilter": "Annuleren",
    "columnFilter": "Kolomfilter",
    "ariaFilterInput": "Filterinvoer",
    "ariaFilterValue": "Filterwaarde",
    "ariaFilterFromValue": "Filter vanaf waarde",
    "ariaFilterToValue": "Filter tot waarde",
    "ariaFilteringOperator": "Filteroperator",
    "ariaColumn": "Kolom",
    "ariaRowSelect": "Druk op spatie om deze rij te selecteren",
    "ariaSortableColumn": "Druk op Enter om te sorteren",
    "ariaMenuColumn": "Druk op Alt+pijl omlaag voor het kolommenu",
    "ariaColumnFiltered": "Kolom gefilterd",
    "ariaSearch": "Zoeken",
    "ariaChecked": "aangevinkt",
    "ariaUnchecked": "niet aangevinkt",
    "sortAscending": "Oplopend sorteren",
    "sortDescending": "Aflopend sorteren",
    "sortUnSort": "Sortering wissen",
    "pinColumn": "Kolom vastzetten",
    "autosizeThisColumn": "Deze kolom passend maken",
    "autosizeAllColumns": "Alle kolommen passend maken",
    "resetColumns": "Kolommen herstellen",
    "copy": "Kopiëren",
    "export": "Exporteren",
    "csvExport": "CSV-export",
}
# (field, header key, min width, flex): the figure, its value and the quote come first, so the
# quote reads without scrolling sideways; the quote and note take the room that is left.
COLUMNS: tuple[tuple[str, str, int, int], ...] = (
    ("metric", "col.metric", 150, 0),
    ("value_text", "col.value", 130, 0),
    ("value", "grid.col.value_number", 105, 0),
    ("quote", "col.quote", 300, 3),
    ("year", "col.year", 75, 0),
    ("donor", "col.donor", 120, 0),
    ("rank", "col.rank", 70, 0),
    ("source", "col.source", 170, 0),
    ("section", "col.section", 170, 0),
    ("page", "col.page", 75, 0),
    ("line", "col.line", 80, 0),
    ("note", "col.note", 240, 2),
)
NUMERIC = frozenset({"value", "year", "rank", "page", "line"})
WRAPPED = frozenset({"quote", "note", "section", "source", "metric", "value_text"})
# Wrapped text at reading line height (AG Grid's is the row height, 42 px per line).
WRAPPED_STYLE = {"lineHeight": "1.45", "paddingTop": "6px", "paddingBottom": "6px"}
# JavaScript (assets/sources_grid.js): the published text sorts by its number.
BY_NUMBER = {"function": "sourcesByNumber"}


@dataclass(frozen=True)
class LoadedFile:
    """A file a session loaded, with what the grid says of it."""

    name: str
    loaded: dt.date | None
    rows: int | None  # rows of the upload (all its files together); None when unknown


def loaded_files(
    names: Sequence[str], loaded: dt.date | None, stored: Any | None = None
) -> list[LoadedFile]:
    """The files behind the numbers with the day they were loaded and, from the session's
    store entry (``StoredDataset``, if any), the rows of the upload."""
    rows = getattr(stored, "rows", None)
    return [LoadedFile(name, loaded, int(rows) if rows is not None else None) for name in names]


def locale_text(lang: Lang) -> dict[str, str]:
    """AG Grid's words in ``lang``."""
    return dict(LOCALE_NL) if lang == "nl" else {}


def _number_format(lang: Lang) -> dict[str, str]:
    """Numbers as the language writes them (1.365 / 1,365); empty cells stay empty."""
    locale = "nl-NL" if lang == "nl" else "en-GB"
    return {
        "function": f"params.value == null ? '' : params.value.toLocaleString('{locale}', "
        "{maximumFractionDigits: 3})"
    }


def column_defs(lang: Lang) -> list[dict[str, Any]]:
    """Column definitions: headers in ``lang``, numbers sorted and filtered as numbers, long
    text wrapped, widths that fit the page (flex columns share what is left)."""
    defs: list[dict[str, Any]] = []
    for field, key, width, flex in COLUMNS:
        col: dict[str, Any] = {
            "field": field,
            "headerName": t(key, lang),
            "minWidth": width,
            "sortable": True,
            "filter": "agNumberColumnFilter" if field in NUMERIC else "agTextColumnFilter",
            "wrapText": field in WRAPPED,
            "autoHeight": field in WRAPPED,
        }
        if field in WRAPPED:
            col["cellStyle"] = WRAPPED_STYLE
        col.update({"flex": flex} if flex else {"width": width})
        if field == "value_text":
            col["comparator"] = BY_NUMBER
        if field == "value":
            col.update(valueFormatter=_number_format(lang), cellStyle={"textAlign": "right"})
        if field in ("quote", "note"):
            col["tooltipField"] = field
        defs.append(col)
    return defs


def _file_rows(files: Sequence[LoadedFile], lang: Lang) -> list[dict[str, Any]]:
    """One row per loaded file: its name, the day it was loaded and the upload's rows."""
    rows = []
    for number, file in enumerate(files, start=1):
        day = format_date(file.loaded, lang) if file.loaded else "–"
        count = (
            "–"
            if file.rows is None
            else f"{file.rows:,}".replace(",", "." if lang == "nl" else ",")
        )
        rows.append(
            {
                "id": f"file-{number}",
                "metric": t("grid.file.metric", lang),
                "value_text": file.name,
                "value": None,
                "year": file.loaded.year if file.loaded else None,
                "donor": "",
                "rank": None,
                "source": t("grid.file.source", lang),
                "section": file.name,
                "page": None,
                "line": None,
                "quote": "",
                "note": t("grid.file.note", lang, date=day, rows=count),
            }
        )
    return rows


def row_data(
    model: FundingSource, lang: Lang, files: Sequence[LoadedFile] = ()
) -> list[dict[str, Any]]:
    """Every published figure (document titles, not file names), then the loaded files."""
    facts = [
        {k: v for k, v in row.items() if k != "file"} for row in panels.source_rows(model, lang)
    ]
    return [*_file_rows(files, lang), *facts]


def grid(lang: Lang, columns: list[dict[str, Any]], rows: list[dict[str, Any]]) -> dag.AgGrid:
    """The AG Grid itself, made for one language."""
    return dag.AgGrid(
        id=ids.SOURCES_GRID,
        columnDefs=columns,
        rowData=rows,
        defaultColDef={"resizable": True, "floatingFilter": True},
        dashGridOptions={
            "pagination": True,
            "paginationPageSize": PAGE_SIZE,
            "paginationPageSizeSelector": [PAGE_SIZE, 50, 100],
            "tooltipShowDelay": 300,
            "enableCellTextSelection": True,
            "localeText": locale_text(lang),
        },
        # Dutch Excel reads ";" between fields (as components/exports/tables.py writes CSV).
        csvExportParams={
            "fileName": t("grid.file_name", lang),
            "columnSeparator": ";" if lang == "nl" else ",",
        },
        className="ag-theme-alpine sources-grid",
        style={"height": GRID_HEIGHT},
    )


def sources_grid(lang: Lang) -> html.Div:
    """The layout's part: the download button and the box the grid is drawn in."""
    return html.Div(
        [
            html.Button(
                t("grid.download", lang),
                id=ids.SOURCES_DOWNLOAD,
                n_clicks=0,
                type="button",
                className="button button-small sources-download",
            ),
            html.Div(grid(lang, column_defs(lang), []), id=ids.SOURCES_GRID_BOX),
        ],
        className="sources-grid-wrap",
    )


def sources_view(
    model: FundingSource, lang: Lang, files: Sequence[LoadedFile] = ()
) -> tuple[dag.AgGrid, list[Any], str]:
    """The sources tab for ``lang``: a new grid, the contradictions listed, the button text."""
    _, _, listed = panels.sources_view(model, lang)
    return (
        grid(lang, column_defs(lang), row_data(model, lang, files)),
        listed,
        t("grid.download", lang),
    )
