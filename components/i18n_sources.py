"""Texts of the source choice and the built-in CEB history, in Dutch and English.

A part of the one catalogue: ``components.i18n.TEXT`` merges it, and a test fails if any key is
written in two parts.
"""

from __future__ import annotations

from collections.abc import Mapping

from components.formatting import Lang

SOURCE_TEXT: Mapping[str, Mapping[Lang, str]] = {
    "control.source": {"nl": "Bron", "en": "Source"},
    "source.option.scorecard": {"nl": "Scorekaart 2024", "en": "Scorecard 2024"},
    "source.option.ceb": {"nl": "CEB 2013–2024", "en": "CEB 2013–2024"},
    "source.option.upload": {"nl": "Geladen bestanden", "en": "Loaded files"},
    "control.scope": {"nl": "Bijdragers", "en": "Contributors"},
    "scope.option.governments": {"nl": "Overheden", "en": "Governments"},
    "scope.option.all": {"nl": "Alle bijdragers", "en": "All contributors"},
    "source.ceb_history": {
        "nl": "Bron: UN CEB Financial Statistics, inkomsten per bijdrager (samengesteld door open.unfck.org), entiteit {entity}{money}",
        "en": "Source: UN CEB Financial Statistics, revenue by contributor (compiled by open.unfck.org), entity {entity}{money}",
    },
    "source.ceb_merged": {
        "nl": "Bron: UN CEB, geladen bestanden ({files}) aangevuld met de CEB-reeks 2013–2024 (open.unfck.org), entiteit {entity}{money}",
        "en": "Source: UN CEB, loaded files ({files}) added to the CEB series 2013–2024 (open.unfck.org), entity {entity}{money}",
    },
    "tab.entities": {"nl": "VN-organisaties", "en": "UN entities"},
    "tab.contributors": {"nl": "Soorten bijdragers", "en": "Contributor types"},
    "tab.donor": {"nl": "Donor in de VN", "en": "Donor across the UN"},
    "tab.peers": {"nl": "Nederland en anderen", "en": "Netherlands and peers"},
    "tab.claims": {"nl": "Scorekaart getoetst", "en": "Scorecard checked"},
    "tab.table": {"nl": "Volledige tabel", "en": "Full table"},
    "data.summary.ceb": {
        "nl": "Gegevens: UN CEB-reeks 2013–2024 (ingebouwd) · CEB-bestanden laden",
        "en": "Data: UN CEB series 2013–2024 (built in) · load CEB files",
    },
    "empty.needs_ceb": {
        "nl": "Deze weergave gebruikt CEB-gegevens: kies bij Bron 'CEB 2013–2024' of laad CEB-bestanden.",
        "en": "This view uses CEB data: choose 'CEB 2013–2024' as the source, or load CEB files.",
    },
    "kpi.revenue_total": {
        "nl": "Totale inkomsten {year} (CEB)",
        "en": "Total revenue {year} (CEB)",
    },
    "kpi.revenue_total_note": {
        "nl": "verplichte, vrijwillige en overige inkomsten van de getoonde bijdragers",
        "en": "assessed, voluntary and other revenue from the contributors shown",
    },
    "organisation.iom_only": {
        "nl": "Deze feiten gaan over IOM, niet over {entity}: de bronnen beschrijven alleen IOM.",
        "en": "These facts are about IOM, not {entity}: the sources describe IOM only.",
    },
    "empty.iom_only": {
        "nl": "De begroting in de scorekaart is die van IOM; kies IOM als VN-organisatie om haar te zien.",
        "en": "The scorecard's budget is IOM's; choose IOM as the UN entity to see it.",
    },
    "earmarking.subtitle_entity": {
        "nl": "Aandeel in de vrijwillige bijdragen per jaar; lijn: de Funding Compact-richtlijn",
        "en": "Share of voluntary contributions per year; line: the funding-compact guideline",
    },
    "export.col.entity": {"nl": "VN-organisatie", "en": "UN entity"},
    # The ranking's wording when every contributor is ranked (contributors=all), beside the
    # ".voluntary" (governments) and ".listed" (the scorecard) keys in components/i18n.py.
    "donor.other.voluntary_all": {"nl": "Overige bijdragers", "en": "Other contributors"},
    "ranking.title.voluntary_all": {
        "nl": "Grootste bijdragers van {entity} in {year}",
        "en": "Largest contributors to {entity} in {year}",
    },
    "ranking.subtitle.voluntary_all": {
        "nl": "Vrijwillige bijdragen (geoormerkt + kern), in {cur} mln, {prices}, top {top}; aandeel in alle vrijwillige bijdragen, van overheden, de EU, fondsen en anderen ({cur} {total} mln)",
        "en": "Voluntary contributions (earmarked + core), in {cur} million, {prices}, top {top}; share of all voluntary contributions, from governments, the EU, funds and others ({cur} {total} million)",
    },
    "ranking.other_note.voluntary_all": {
        "nl": "Overige bijdragers = alle overige bijdragers samen, ook de resten die de bron niet per bijdrager noemt ('Other NGOs'). Gelijke bedragen delen een rang.",
        "en": "Other contributors = all other contributors together, including the remainders the source does not name one by one ('Other NGOs'). Equal amounts share a rank.",
    },
    "over_time.title.voluntary_all": {
        "nl": "Ranglijst van bijdragers van {entity}, {span}",
        "en": "Ranking of contributors to {entity}, {span}",
    },
    "over_time.subtitle.voluntary_all": {
        "nl": "Rang per jaar op vrijwillige bijdragen (geoormerkt + kern) van alle bijdragers; wie in een jaar in de top {top} stond; label: {cur} mln, {prices}",
        "en": "Rank per year by voluntary contributions (earmarked + core) of every contributor; those in the top {top} in any year; label: {cur} million, {prices}",
    },
    # The bump chart's image draws ranks without their amounts: its subtitle names no money
    # (the screen's says "label: USD million"), for every measure.
    "over_time.image_subtitle.listed": {
        "nl": "Rang per jaar (1 = grootste). Niet getoond = niet vermeld in de bron",
        "en": "Rank per year (1 = largest). Not shown = not listed by the source",
    },
    "over_time.image_subtitle.voluntary": {
        "nl": "Rang per jaar op vrijwillige bijdragen (geoormerkt + kern); donoren die in een jaar in de top {top} stonden",
        "en": "Rank per year by voluntary contributions (earmarked + core); donors in the top {top} in any year",
    },
    "over_time.image_subtitle.voluntary_all": {
        "nl": "Rang per jaar op vrijwillige bijdragen (geoormerkt + kern) van alle bijdragers; wie in een jaar in de top {top} stond",
        "en": "Rank per year by voluntary contributions (earmarked + core) of every contributor; those in the top {top} in any year",
    },
    "kpi.total.voluntary_all": {
        "nl": "Vrijwillig van alle bijdragers {year}",
        "en": "Voluntary from all contributors {year}",
    },
    "table.total_row.voluntary_all": {
        "nl": "Alle bijdragers (vrijwillig)",
        "en": "All contributors (voluntary)",
    },
    "export.takeaway.total.voluntary_all": {
        "nl": "alle vrijwillige bijdragen",
        "en": "all voluntary contributions",
    },
}
