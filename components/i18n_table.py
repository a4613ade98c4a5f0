"""Texts of the full table (``components/charts/table.py``), in Dutch and English.

A part of the one catalogue: ``components.i18n.TEXT`` merges it, and a test fails if any key is
written in two parts. The ``full_table.grid.locale.*`` keys are AG Grid's own locale keys (the
words of its pagination and column filters), so the grid speaks the page's language.
Contributor categories are translated by the ``contributors.category.<name>`` keys of the
contributor-types chart (``components/i18n_entities.py``), one translation for both charts.
"""

from __future__ import annotations

from collections.abc import Mapping

from components.formatting import Lang

TABLE_TEXT: Mapping[str, Mapping[Lang, str]] = {
    # the figure ---------------------------------------------------------------------------------
    "full_table.title": {
        "nl": "{entity}: alle bijdragers in {year}",
        "en": "{entity}: every contributor in {year}",
    },
    "full_table.title_any": {
        "nl": "{entity}: alle bijdragers",
        "en": "{entity}: every contributor",
    },
    "full_table.subtitle.any": {
        "nl": "Per bijdrager de inkomsten per soort in {cur} mln, {prices}; vrijwillig = geoormerkt + kern, verplichte contributies en overige inkomsten apart",
        "en": "Each contributor's revenue by kind in {cur} million, {prices}; voluntary = earmarked + core, assessed contributions and other revenue apart",
    },
    "full_table.subtitle.top": {
        "nl": "De {top} grootste bijdragers (naar vrijwillige inkomsten) en de overige samen, per soort inkomsten in {cur} mln, {prices}; vrijwillig = geoormerkt + kern, verplichte contributies en overige inkomsten apart",
        "en": "The {top} largest contributors (by voluntary revenue) and all others together, by kind of revenue in {cur} million, {prices}; voluntary = earmarked + core, assessed contributions and other revenue apart",
    },
    "full_table.subtitle.all": {
        "nl": "Alle {n} bijdragers (grootste vrijwillige inkomsten boven), per soort inkomsten in {cur} mln, {prices}; vrijwillig = geoormerkt + kern, verplichte contributies en overige inkomsten apart",
        "en": "All {n} contributors (largest voluntary revenue on top), by kind of revenue in {cur} million, {prices}; voluntary = earmarked + core, assessed contributions and other revenue apart",
    },
    "full_table.kind.assessed": {"nl": "Verplichte contributies", "en": "Assessed contributions"},
    "full_table.kind.core": {"nl": "Kern (ongeoormerkt)", "en": "Core (unearmarked)"},
    "full_table.kind.earmarked": {"nl": "Geoormerkt", "en": "Earmarked"},
    "full_table.kind.other": {"nl": "Overige inkomsten", "en": "Other revenue"},
    "full_table.others": {"nl": "Overige bijdragers ({n})", "en": "Other contributors ({n})"},
    "full_table.others_rest": {"nl": "Overige bijdragers", "en": "Other contributors"},
    "full_table.axis": {"nl": "{cur} mln ({prices})", "en": "{cur} million ({prices})"},
    "full_table.hover": {
        "nl": "{kind}: {cur} {amount} mln<br>Totaal: {cur} {total} mln, waarvan vrijwillig {cur} {voluntary} mln",
        "en": "{kind}: {cur} {amount} million<br>Total: {cur} {total} million, of which voluntary {cur} {voluntary} million",
    },
    "full_table.none": {
        "nl": "Voor deze VN-organisatie en dit jaar staan er geen bijdragers in de gegevens.",
        "en": "The data hold no contributors for this UN entity and year.",
    },
    # the takeaway -------------------------------------------------------------------------------
    "full_table.takeaway.count": {
        "nl": "{entity} had in {year} {n} bijdragers",
        "en": "{entity} had {n} contributors in {year}",
    },
    "full_table.takeaway.count_one": {
        "nl": "{entity} had in {year} één bijdrager",
        "en": "{entity} had one contributor in {year}",
    },
    "full_table.takeaway.top": {
        "nl": "de {top} grootste gaven {share} van de vrijwillige inkomsten ({total})",
        "en": "the {top} largest gave {share} of voluntary revenue ({total})",
    },
    "full_table.takeaway.voluntary": {
        "nl": "vrijwillige inkomsten {total}",
        "en": "voluntary revenue {total}",
    },
    "full_table.takeaway.earmarked": {
        "nl": "geoormerkt: {share}",
        "en": "earmarked: {share}",
    },
    "full_table.takeaway.no_voluntary": {
        "nl": "geen vrijwillige inkomsten per saldo",
        "en": "no net voluntary revenue",
    },
    "full_table.takeaway.donor": {
        "nl": "{donor}: plaats {rank}, {amount} vrijwillig ({share})",
        "en": "{donor}: rank {rank}, {amount} voluntary ({share})",
    },
    "full_table.takeaway.donor_other": {
        "nl": "{donor}: geen vrijwillige bijdrage, wel {amount} aan verplichte contributies en overige inkomsten",
        "en": "{donor}: no voluntary contribution, but {amount} in assessed contributions and other revenue",
    },
    # the grid -----------------------------------------------------------------------------------
    "full_table.grid.heading": {
        "nl": "Alle {n} bijdragers van {entity} in {year}",
        "en": "All {n} contributors to {entity} in {year}",
    },
    "full_table.grid.hint": {
        "nl": "{cur} mln, {prices}; vrijwillig = geoormerkt + kern. Klik op een kolomkop om te sorteren en filter per kolom in de regel onder de koppen; de onderste regel is het totaal van alle bijdragers.",
        "en": "{cur} million, {prices}; voluntary = earmarked + core. Click a column header to sort and filter each column in the row below the headers; the bottom row is the total of all contributors.",
    },
    "full_table.grid.remainders": {
        "nl": "Regels als 'Overige ngo's' staan voor het deel van een soort bijdragers dat de bron niet per bijdrager noemt: ze tellen mee in de totalen, niet als bijdrager.",
        "en": "Rows such as 'Other NGOs' stand for the part of a kind of contributor that the source does not name one by one: they count in the totals, not as contributors.",
    },
    "full_table.grid.total": {"nl": "Totaal ({n} bijdragers)", "en": "Total ({n} contributors)"},
    "full_table.col.name": {"nl": "Bijdrager", "en": "Contributor"},
    "full_table.col.category": {"nl": "Soort bijdrager", "en": "Contributor type"},
    "full_table.col.assessed": {"nl": "Verplicht", "en": "Assessed"},
    "full_table.col.core": {"nl": "Kern", "en": "Core"},
    "full_table.col.earmarked": {"nl": "Geoormerkt", "en": "Earmarked"},
    "full_table.col.other": {"nl": "Overige inkomsten", "en": "Other revenue"},
    "full_table.col.voluntary": {"nl": "Vrijwillig", "en": "Voluntary"},
    "full_table.col.core_share": {"nl": "Aandeel kern", "en": "Core share"},
    # AG Grid's words: pagination
    "full_table.grid.locale.page": {"nl": "Pagina", "en": "Page"},
    "full_table.grid.locale.of": {"nl": "van", "en": "of"},
    "full_table.grid.locale.to": {"nl": "t/m", "en": "to"},
    "full_table.grid.locale.more": {"nl": "meer", "en": "more"},
    "full_table.grid.locale.firstPage": {"nl": "Eerste pagina", "en": "First page"},
    "full_table.grid.locale.previousPage": {"nl": "Vorige pagina", "en": "Previous page"},
    "full_table.grid.locale.nextPage": {"nl": "Volgende pagina", "en": "Next page"},
    "full_table.grid.locale.lastPage": {"nl": "Laatste pagina", "en": "Last page"},
    "full_table.grid.locale.pageSizeSelectorLabel": {
        "nl": "Rijen per pagina:",
        "en": "Rows per page:",
    },
    "full_table.grid.locale.ariaPageSizeSelectorLabel": {
        "nl": "Rijen per pagina",
        "en": "Rows per page",
    },
    "full_table.grid.locale.noRowsToShow": {"nl": "Geen rijen", "en": "No rows"},
    # AG Grid's words: column filters
    "full_table.grid.locale.filterOoo": {"nl": "Filter…", "en": "Filter…"},
    "full_table.grid.locale.equals": {"nl": "Gelijk aan", "en": "Equals"},
    "full_table.grid.locale.notEqual": {"nl": "Niet gelijk aan", "en": "Does not equal"},
    "full_table.grid.locale.lessThan": {"nl": "Kleiner dan", "en": "Less than"},
    "full_table.grid.locale.greaterThan": {"nl": "Groter dan", "en": "Greater than"},
    "full_table.grid.locale.lessThanOrEqual": {
        "nl": "Kleiner dan of gelijk aan",
        "en": "Less than or equal to",
    },
    "full_table.grid.locale.greaterThanOrEqual": {
        "nl": "Groter dan of gelijk aan",
        "en": "Greater than or equal to",
    },
    "full_table.grid.locale.inRange": {"nl": "Tussen", "en": "Between"},
    "full_table.grid.locale.inRangeStart": {"nl": "Van", "en": "From"},
    "full_table.grid.locale.inRangeEnd": {"nl": "Tot", "en": "To"},
    "full_table.grid.locale.contains": {"nl": "Bevat", "en": "Contains"},
    "full_table.grid.locale.notContains": {"nl": "Bevat niet", "en": "Does not contain"},
    "full_table.grid.locale.startsWith": {"nl": "Begint met", "en": "Begins with"},
    "full_table.grid.locale.endsWith": {"nl": "Eindigt op", "en": "Ends with"},
    "full_table.grid.locale.blank": {"nl": "Leeg", "en": "Blank"},
    "full_table.grid.locale.notBlank": {"nl": "Niet leeg", "en": "Not blank"},
    "full_table.grid.locale.andCondition": {"nl": "EN", "en": "AND"},
    "full_table.grid.locale.orCondition": {"nl": "OF", "en": "OR"},
    # the data download: the category column's header (the other columns have theirs)
    "export.col.category": {"nl": "Soort bijdrager", "en": "Contributor type"},
}
