"""Texts of the memo part of the catalogue, Dutch and English; merged into ``components.i18n.TEXT``.

Memo-grade exports (data dates, the "cite this" line, the app named in document properties),
the sources grid (AG Grid's own words in the page's language, loaded files) and the chart of
amounts per donor over time (components/charts/donor_amounts.py).
"""

from __future__ import annotations

from collections.abc import Mapping

from components.formatting import Lang

EXPORT_WORDS: Mapping[str, Mapping[Lang, str]] = {
    "memo.app": {"nl": "IOM-financieringsdashboard", "en": "IOM funding dashboard"},
    "memo.as_of.published": {
        "nl": "gegevens zoals gepubliceerd in {year}",
        "en": "data as published in {year}",
    },
    "memo.as_of.through": {"nl": "gegevens t/m {year}", "en": "data up to {year}"},
    "memo.exported": {"nl": "geëxporteerd op {date}", "en": "exported on {date}"},
    "memo.cite": {
        "nl": "Citeren als: {publisher} ({date}). {title}. Via {app}, geëxporteerd op {exported}.",
        "en": "Cite as: {publisher} ({date}). {title}. Via {app}, exported on {exported}.",
    },
    "memo.cite_label": {"nl": "Citeren als", "en": "Cite as"},
    "memo.data_date_label": {"nl": "Datum van de gegevens", "en": "Date of the data"},
    "memo.subject": {"nl": "Figuren: {titles}", "en": "Figures: {titles}"},
    # Publishers of the built-in documents by source id (data/sources.csv writes them in Dutch).
    "memo.publisher.scorecard_2024": {
        "nl": "Ministerie van Buitenlandse Zaken (Nederland)",
        "en": "Netherlands Ministry of Foreign Affairs",
    },
    "memo.publisher.iom_factsheet": {
        "nl": "Internationale Organisatie voor Migratie (IOM)",
        "en": "International Organization for Migration (IOM)",
    },
}

GRID_WORDS: Mapping[str, Mapping[Lang, str]] = {
    "grid.col.value_number": {"nl": "Waarde (getal)", "en": "Value (number)"},
    "grid.col.rows": {"nl": "Rijen", "en": "Rows"},
    "grid.col.loaded": {"nl": "Geladen op", "en": "Loaded on"},
    "grid.file.source": {
        "nl": "Geladen bestand (UN CEB, inkomsten per donor)",
        "en": "Loaded file (UN CEB, revenue by donor)",
    },
    "grid.file.metric": {"nl": "Geladen bestand", "en": "Loaded file"},
    "grid.file.note": {
        "nl": "Geladen op {date}; {rows} rijen; de cijfers zijn die van het bestand zelf.",
        "en": "Loaded on {date}; {rows} rows; the figures are the file's own.",
    },
    "grid.download": {"nl": "Download bronnen (CSV)", "en": "Download sources (CSV)"},
    "grid.file_name": {"nl": "bronnen-financiering-iom.csv", "en": "sources-iom-funding.csv"},
}

CHART_WORDS: Mapping[str, Mapping[Lang, str]] = {
    "donor_amounts.title": {
        "nl": "Bijdragen per donor aan {entity}, {first}–{last}",
        "en": "Contributions per donor to {entity}, {first}–{last}",
    },
    "donor_amounts.title_change": {
        "nl": "Verandering van de bijdragen per donor aan {entity} t.o.v. het jaar ervoor",
        "en": "Change in contributions per donor to {entity} on the year before",
    },
    "donor_amounts.subtitle": {
        "nl": "De grootste donoren van {last} en de gemarkeerde donor; {unit}, nominaal",
        "en": "The largest donors of {last} and the highlighted donor; {unit}, nominal",
    },
    "donor_amounts.axis": {"nl": "Bijdrage ({unit})", "en": "Contribution ({unit})"},
    # short: the title says "on the year before", and a longer one ran past the plot's height
    "donor_amounts.axis_change": {"nl": "Verandering ({unit})", "en": "Change ({unit})"},
    "donor_amounts.mode": {"nl": "Weergave", "en": "Show"},
    "donor_amounts.mode.absolute": {"nl": "Bedragen", "en": "Amounts"},
    "donor_amounts.mode.change": {
        "nl": "Verandering t.o.v. vorig jaar",
        "en": "Change on year before",
    },
    "donor_amounts.takeaway": {
        "nl": "{donor} gaf {entity} {amount} in {last}, {direction} {change} t.o.v. {previous}.",
        "en": "{donor} gave {entity} {amount} in {last}, {direction} {change} on {previous}.",
    },
    "donor_amounts.takeaway_first": {
        "nl": "{donor} gaf {entity} {amount} in {last}.",
        "en": "{donor} gave {entity} {amount} in {last}.",
    },
    "donor_amounts.takeaway_absent": {
        "nl": "{donor} staat niet bij de bijdragers van {entity} in {last}.",
        "en": "{donor} is not among the contributors to {entity} in {last}.",
    },
    "donor_amounts.up": {"nl": "een stijging van", "en": "up"},
    "donor_amounts.down": {"nl": "een daling van", "en": "down"},
    "donor_amounts.flat": {"nl": "gelijk aan", "en": "level with"},
    "donor_amounts.col.amount": {"nl": "Bedrag", "en": "Amount"},
    "donor_amounts.col.change": {"nl": "Verandering", "en": "Change"},
}

MEMO_TEXT: Mapping[str, Mapping[Lang, str]] = {**EXPORT_WORDS, **GRID_WORDS, **CHART_WORDS}
