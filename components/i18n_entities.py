"""Texts of the charts across UN entities and contributor types, in Dutch and English.

The charts ``entities``, ``entities_over_time`` and ``contributors``
(``components/charts/entities.py``, ``entities_over_time.py``, ``contributors.py``). A part of
the one catalogue: ``components.i18n.TEXT`` merges it, and a test fails if any key is written in
two parts. Contributor categories are keyed by the name the CEB data gives them
(``contributors.category.<name>``); a category without a key here is shown as given.
"""

from __future__ import annotations

from collections.abc import Mapping

from components.formatting import Lang

ENTITIES_TEXT: Mapping[str, Mapping[Lang, str]] = {
    # entities: core share per UN entity in one year ---------------------------------------------
    "entities.title": {
        "nl": "Ongeoormerkt aandeel van de vrijwillige inkomsten per VN-organisatie, {year}",
        "en": "Core share of voluntary revenue by UN entity, {year}",
    },
    "entities.title_empty": {
        "nl": "Ongeoormerkt aandeel van de vrijwillige inkomsten per VN-organisatie",
        "en": "Core share of voluntary revenue by UN entity",
    },
    "entities.subtitle": {
        "nl": "Kern / (kern + geoormerkt); verplichte bijdragen en overige inkomsten apart; {scope}; {cur}, {prices}",
        "en": "Core / (core + earmarked); assessed and other revenue apart; {scope}; {cur}, {prices}",
    },
    "entities.scope.governments": {
        "nl": "alleen overheden",
        "en": "governments only",
    },
    "entities.scope.all": {
        "nl": "alle bijdragers",
        "en": "all contributors",
    },
    "entities.axis": {
        "nl": "Ongeoormerkt aandeel van de vrijwillige inkomsten",
        "en": "Core share of voluntary revenue",
    },
    "entities.hover": {
        "nl": "{share} ongeoormerkt: {core} van {voluntary} vrijwillig<br>plaats {rank} van {n}",
        "en": "{share} core: {core} of {voluntary} voluntary<br>rank {rank} of {n}",
    },
    "entities.median": {"nl": "Mediaan: {share}", "en": "Median: {share}"},
    "entities.legend_compact": {
        "nl": "Funding Compact: minstens {core} ongeoormerkt",
        "en": "Funding compact: at least {core} core",
    },
    "entities.image_note": {
        "nl": "{shown} van {n} getoond (hoogste aandeel); mediaan en gegevensbestand: alle {n}",
        "en": "{shown} of {n} shown (highest share); median and data file: all {n}",
    },
    "entities.image_note_entity": {
        "nl": "{shown} van {n} getoond (hoogste aandeel en {entity}); mediaan en gegevensbestand: alle {n}",
        "en": "{shown} of {n} shown (highest share and {entity}); median and data file: all {n}",
    },
    "entities.left_out": {
        "nl": "Niet getoond, zonder vrijwillige inkomsten in {year}: {entities}.",
        "en": "Not shown, no voluntary revenue in {year}: {entities}.",
    },
    "entities.unit": {
        "nl": "ongeoormerkt aandeel van de vrijwillige inkomsten (%)",
        "en": "core share of voluntary revenue (%)",
    },
    "entities.takeaway": {
        "nl": "In {year} kreeg {entity} {share} van zijn vrijwillige inkomsten ongeoormerkt ({core} van {voluntary}); plaats {rank} van {n} VN-organisaties (hoogste aandeel eerst); mediaan {median}",
        "en": "In {year}, {entity} received {share} of its voluntary revenue as core funding ({core} of {voluntary}); rank {rank} of {n} UN entities (highest share first); median {median}",
    },
    "entities.takeaway_absent": {
        "nl": "In {year} had {entity} geen vrijwillige inkomsten in deze gegevens; mediaan van {n} VN-organisaties {median}",
        "en": "In {year}, {entity} had no voluntary revenue in these data; median of {n} UN entities {median}",
    },
    "entities.takeaway_none": {
        "nl": "In {year} had geen enkele VN-organisatie vrijwillige inkomsten in deze gegevens",
        "en": "In {year}, no UN entity had voluntary revenue in these data",
    },
    "entities.none": {
        "nl": "Geen enkele VN-organisatie heeft in dit jaar vrijwillige inkomsten in deze gegevens.",
        "en": "No UN entity has voluntary revenue in this year in these data.",
    },
    # entities_over_time: the chosen entity beside the others, every year ------------------------
    "entities_over_time.title": {
        "nl": "Ongeoormerkt aandeel van {entity} naast de andere VN-organisaties, {span}",
        "en": "Core share of {entity} beside the other UN entities, {span}",
    },
    "entities_over_time.title_empty": {
        "nl": "Ongeoormerkt aandeel naast de andere VN-organisaties",
        "en": "Core share beside the other UN entities",
    },
    "entities_over_time.subtitle": {
        "nl": "Kern / (kern + geoormerkt) per jaar; verplichte bijdragen en overige inkomsten apart; {scope}; {cur}, {prices}",
        "en": "Core / (core + earmarked) per year; assessed and other revenue apart; {scope}; {cur}, {prices}",
    },
    "entities_over_time.axis": {"nl": "Ongeoormerkt aandeel", "en": "Core share"},
    "entities_over_time.axis_year": {"nl": "Jaar", "en": "Year"},
    "entities_over_time.median": {"nl": "Mediaan VN-organisaties", "en": "Median of UN entities"},
    "entities_over_time.system": {"nl": "VN-systeem (totaal)", "en": "UN system (total)"},
    "entities_over_time.hover": {
        "nl": "{series}, {year}: {share}<br>kern {core} van {voluntary} vrijwillig",
        "en": "{series}, {year}: {share}<br>core {core} of {voluntary} voluntary",
    },
    "entities_over_time.hover_median": {
        "nl": "{series}, {year}: {share}<br>van {n} VN-organisaties",
        "en": "{series}, {year}: {share}<br>of {n} UN entities",
    },
    "entities_over_time.gaps": {
        "nl": "Geen vrijwillige inkomsten van {entity} in deze gegevens in: {years}.",
        "en": "No voluntary revenue of {entity} in these data in: {years}.",
    },
    "entities_over_time.takeaway": {
        "nl": "{entity}: ongeoormerkt aandeel van {first_share} in {first} naar {last_share} in {last}; mediaan van de VN-organisaties in die jaren van {first_median} naar {last_median}",
        "en": "{entity}: core share from {first_share} in {first} to {last_share} in {last}; median of UN entities in those years from {first_median} to {last_median}",
    },
    "entities_over_time.takeaway_single": {
        "nl": "{entity}: ongeoormerkt aandeel {share} in {year}; mediaan van de VN-organisaties {median}",
        "en": "{entity}: core share {share} in {year}; median of UN entities {median}",
    },
    "entities_over_time.below": {
        "nl": "in {below} van de {count} jaren onder de mediaan",
        "en": "below the median in {below} of {count} years",
    },
    "entities_over_time.takeaway_absent": {
        "nl": "{entity}: in geen enkel jaar vrijwillige inkomsten in deze gegevens",
        "en": "{entity}: no voluntary revenue in these data in any year",
    },
    "entities_over_time.lines": {
        "nl": "Mediaan: van de VN-organisaties met vrijwillige inkomsten in dat jaar. VN-systeem: hun kernbijdragen samen gedeeld door hun vrijwillige inkomsten samen.",
        "en": "Median: of the UN entities with voluntary revenue in that year. UN system: their core revenue together divided by their voluntary revenue together.",
    },
    "entities_over_time.unit": {
        "nl": "ongeoormerkt aandeel van de vrijwillige inkomsten (%)",
        "en": "core share of voluntary revenue (%)",
    },
    # contributors: the entity's voluntary revenue by contributor type ---------------------------
    "contributors.title": {
        "nl": "Vrijwillige inkomsten van {entity} per soort bijdrager, {span}",
        "en": "Voluntary revenue of {entity} by contributor type, {span}",
    },
    "contributors.title_empty": {
        "nl": "Vrijwillige inkomsten per soort bijdrager",
        "en": "Voluntary revenue by contributor type",
    },
    "contributors.subtitle": {
        "nl": "{cur} mln, {prices}; vrijwillig = geoormerkt + kern; verplichte bijdragen en overige inkomsten apart",
        "en": "{cur} million, {prices}; voluntary = earmarked + core; assessed and other revenue apart",
    },
    "contributors.axis": {"nl": "{cur} mln (vrijwillig)", "en": "{cur} million (voluntary)"},
    "contributors.axis_year": {"nl": "Jaar", "en": "Year"},
    "contributors.image_other": {"nl": "Overige soorten ({n})", "en": "Other types ({n})"},
    "contributors.hover": {
        "nl": "{category}, {year}: {amount}<br>{share} van de vrijwillige inkomsten",
        "en": "{category}, {year}: {amount}<br>{share} of voluntary revenue",
    },
    "contributors.coarse": {
        "nl": "Vóór 2021 deelt de CEB de bijdragers buiten de overheden grover in (enkele verzamelposten zoals Non-Government en Other); de soorten zijn pas vanaf 2021 goed te vergelijken.",
        "en": "Before 2021 the CEB data group the non-government contributors more coarsely (a few buckets such as Non-Government and Other); the types compare well only from 2021.",
    },
    "contributors.governments_only": {
        "nl": "Deze gegevens noemen geen soort bijdrager: alle bedragen gelden als bijdragen van overheden (een geladen CEB-bestand bevat alleen overheden).",
        "en": "These data name no contributor type: every amount counts as a government's (a loaded CEB file holds governments only).",
    },
    "contributors.negative": {
        "nl": "Negatieve bedragen (terugbetalingen en correcties) staan onder de nullijn.",
        "en": "Negative amounts (refunds and adjustments) are drawn below zero.",
    },
    "contributors.all_scope": {
        "nl": "Altijd alle bijdragers, ook als bij Bijdragers 'Overheden' gekozen is.",
        "en": "Always all contributors, also when 'Governments' is chosen under Contributors.",
    },
    "contributors.takeaway_coarse": {
        "nl": "vóór 2021 deelt de CEB de bijdragers buiten de overheden grover in",
        "en": "before 2021 the CEB data group the non-government contributors more coarsely",
    },
    "contributors.unit": {"nl": "{cur} mln (vrijwillig)", "en": "{cur} million (voluntary)"},
    "contributors.takeaway": {
        "nl": "Overheden: {share} van de vrijwillige inkomsten van {entity} in {year} ({amount} van {total})",
        "en": "Governments: {share} of {entity}'s voluntary revenue in {year} ({amount} of {total})",
    },
    "contributors.change": {
        "nl": "{change} procentpunt ten opzichte van {first} ({first_share})",
        "en": "{change} percentage points compared with {first} ({first_share})",
    },
    "contributors.same": {
        "nl": "even groot als in {first}",
        "en": "the same as in {first}",
    },
    "contributors.takeaway_none": {
        "nl": "{entity} had in deze gegevens geen vrijwillige inkomsten",
        "en": "{entity} had no voluntary revenue in these data",
    },
    # contributor categories as the CEB data name them
    "contributors.category.Government": {"nl": "Overheden", "en": "Governments"},
    "contributors.category.European Union": {"nl": "Europese Unie", "en": "European Union"},
    "contributors.category.Multilateral - UN Pooled Funds": {
        "nl": "Gebundelde VN-fondsen",
        "en": "UN pooled funds",
    },
    "contributors.category.Multilateral - Global Funds": {
        "nl": "Mondiale fondsen",
        "en": "Global funds",
    },
    "contributors.category.Multilateral - IFIs": {
        "nl": "Internationale financiële instellingen",
        "en": "International financial institutions",
    },
    "contributors.category.Multilateral - UN Orgs": {
        "nl": "VN-organisaties",
        "en": "UN organisations",
    },
    "contributors.category.Multilateral - Other": {
        "nl": "Overige multilaterale bijdragers",
        "en": "Other multilateral contributors",
    },
    "contributors.category.Foundations": {"nl": "Stichtingen", "en": "Foundations"},
    "contributors.category.Private Sector": {"nl": "Bedrijfsleven", "en": "Private sector"},
    "contributors.category.NGOs": {"nl": "Ngo's", "en": "NGOs"},
    "contributors.category.Academic": {"nl": "Kennisinstellingen", "en": "Academic institutions"},
    "contributors.category.Public Private Partnership": {
        "nl": "Publiek-private partnerschappen",
        "en": "Public-private partnerships",
    },
    "contributors.category.Non-Government": {"nl": "Niet-overheden", "en": "Non-government"},
    "contributors.category.Other Contributors": {
        "nl": "Overige bijdragers",
        "en": "Other contributors",
    },
    "contributors.category.No Contributor": {
        "nl": "Geen bijdrager genoemd",
        "en": "No contributor named",
    },
    "contributors.category.Other": {"nl": "Overig", "en": "Other"},
}
