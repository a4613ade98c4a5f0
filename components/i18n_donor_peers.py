"""Texts of the donor-across-the-UN and the peers charts, in Dutch and English.

A part of the one catalogue: ``components.i18n.TEXT`` merges it, and a test fails if any key is
written in two parts. Keys start with the chart's id (``donor_profile``, ``donor_over_time``,
``peers``, ``peers_core``); ``peers.ranked.*`` says who a rank is among, for all four charts.
Donor names stand before a colon ("Nederland: ..."), since a name alone does not tell whether
Dutch needs an article or a plural verb.
"""

from __future__ import annotations

from collections.abc import Mapping

from components.formatting import Lang

DONOR_PEERS_TEXT: Mapping[str, Mapping[Lang, str]] = {
    # who a rank is among: the contributors ranked (data/combine.py SCOPES)
    "peers.ranked.governments": {"nl": "overheidsdonoren", "en": "government donors"},
    "peers.ranked.all": {"nl": "bijdragers", "en": "contributors"},
    # a donor at every UN entity in one year ----------------------------------------------------
    "donor_profile.title": {
        "nl": "{donor}: vrijwillige bijdragen per VN-organisatie in {year}",
        "en": "{donor}: voluntary contributions per UN entity in {year}",
    },
    "donor_profile.title_empty": {
        "nl": "Eén donor bij alle VN-organisaties",
        "en": "One donor across the UN entities",
    },
    "donor_profile.subtitle": {
        "nl": "Vrijwillig (geoormerkt + kern), {cur} mln, {prices}; label: bedrag · kernaandeel · plaats onder de {ranked} (een rang hangt niet af van de valuta)",
        "en": "Voluntary (earmarked + core), {cur} million, {prices}; label: amount · core share · rank among the {ranked} (ranks do not depend on the currency)",
    },
    "donor_profile.label": {
        "nl": "{cur} {amount} mln · kern {core} · plaats {rank}",
        "en": "{cur} {amount} million · core {core} · rank {rank}",
    },
    "donor_profile.hover": {
        "nl": "{cur} {amount} mln vrijwillig<br>kern {cur} {core} mln ({share})<br>geoormerkt {cur} {earmarked} mln<br>plaats {rank} onder de {ranked}",
        "en": "{cur} {amount} million voluntary<br>core {cur} {core} million ({share})<br>earmarked {cur} {earmarked} million<br>rank {rank} among the {ranked}",
    },
    "donor_profile.axis": {
        "nl": "Vrijwillige bijdrage ({cur} mln)",
        "en": "Voluntary contribution ({cur} million)",
    },
    "donor_profile.image_note": {
        "nl": "{shown} van {total} getoond; alle organisaties staan in het gegevensbestand",
        "en": "{shown} of {total} shown; the data file has every organisation",
    },
    "donor_profile.source": {
        "nl": "de grafiek toont alle VN-organisaties in deze gegevens",
        "en": "the chart shows every UN entity in these data",
    },
    "donor_profile.apart_note": {
        "nl": "Verplichte bijdragen en overige inkomsten staan apart: niet in de balken, wel per getoonde organisatie in de gegevens (CSV/XLSX).",
        "en": "Assessed contributions and other revenue are apart: not in the bars, but in the data (CSV/XLSX) for each entity shown.",
    },
    "donor_profile.rank_note": {
        "nl": "Plaats: rang onder de {ranked} van elke organisatie op vrijwillige bijdragen; gelijke bedragen delen de beste plaats.",
        "en": "Rank: among each entity's {ranked} by voluntary contributions; equal amounts share the best rank.",
    },
    "donor_profile.highlight_note": {
        "nl": "Gemarkeerd: {entity}, de gekozen organisatie.",
        "en": "Highlighted: {entity}, the entity chosen.",
    },
    "donor_profile.none": {
        "nl": "Deze donor heeft in dit jaar volgens deze gegevens geen vrijwillige bijdrage aan een VN-organisatie.",
        "en": "According to these data this donor made no voluntary contribution to any UN entity this year.",
    },
    "donor_profile.takeaway.many": {
        "nl": "{donor}, {year}: {total} vrijwillig aan {n} VN-organisaties; het meest aan {top} ({amount}, kern {core}, plaats {rank})",
        "en": "{donor}, {year}: {total} in voluntary contributions to {n} UN entities; most to {top} ({amount}, core {core}, rank {rank})",
    },
    "donor_profile.takeaway.one": {
        "nl": "{donor}, {year}: {total} vrijwillig, alleen aan {top} (kern {core}, plaats {rank})",
        "en": "{donor}, {year}: {total} in voluntary contributions, to {top} only (core {core}, rank {rank})",
    },
    "donor_profile.takeaway.entity": {
        "nl": "{entity}: {amount}, kern {core}, plaats {rank} onder de {ranked}, nummer {position} van de {n} organisaties",
        "en": "{entity}: {amount}, core {core}, rank {rank} among its {ranked}, number {position} of the {n} entities",
    },
    "donor_profile.takeaway.entity_none": {
        "nl": "{entity}: geen vrijwillige bijdrage in {year}",
        "en": "{entity}: no voluntary contribution in {year}",
    },
    "donor_profile.takeaway.none": {
        "nl": "{donor}: geen vrijwillige bijdrage aan een VN-organisatie in {year} volgens deze gegevens",
        "en": "{donor}: no voluntary contribution to any UN entity in {year} in these data",
    },
    # a donor at the entity and its largest other entities over the years -------------------
    "donor_over_time.title": {
        "nl": "{donor}: vrijwillige bijdragen aan {entity} en andere VN-organisaties, {span}",
        "en": "{donor}: voluntary contributions to {entity} and other UN entities, {span}",
    },
    "donor_over_time.title_empty": {
        "nl": "Eén donor bij VN-organisaties door de jaren",
        "en": "One donor at UN entities over the years",
    },
    "donor_over_time.subtitle": {
        "nl": "Vrijwillig (geoormerkt + kern), {cur} mln, {prices}, per jaar",
        "en": "Voluntary (earmarked + core), {cur} million, {prices}, per year",
    },
    "donor_over_time.beside": {
        "nl": "naast {entity}: {others} (grootste andere in {year})",
        "en": "beside {entity}: {others} (largest others in {year})",
    },
    "donor_over_time.note": {
        "nl": "Verplichte bijdragen en overige inkomsten tellen niet mee. Geen punt = geen vrijwillige bijdrage in dat jaar.",
        "en": "Assessed contributions and other revenue are not counted. No point = no voluntary contribution that year.",
    },
    "donor_over_time.hover": {
        "nl": "{entity}, {year}: {cur} {amount} mln (kern {core}, plaats {rank})",
        "en": "{entity}, {year}: {cur} {amount} million (core {core}, rank {rank})",
    },
    "donor_over_time.axis": {"nl": "{cur} mln", "en": "{cur} million"},
    "donor_over_time.axis_year": {"nl": "Jaar", "en": "Year"},
    "donor_over_time.none": {
        "nl": "Deze donor heeft volgens deze gegevens geen vrijwillige bijdragen aan VN-organisaties.",
        "en": "According to these data this donor made no voluntary contributions to UN entities.",
    },
    "donor_over_time.takeaway.span": {
        "nl": "{donor} aan {entity}: van {first} in {first_year} naar {last} in {last_year} ({change})",
        "en": "{donor} to {entity}: from {first} in {first_year} to {last} in {last_year} ({change})",
    },
    "donor_over_time.takeaway.single": {
        "nl": "{donor} aan {entity}: alleen in {year} een vrijwillige bijdrage ({amount})",
        "en": "{donor} to {entity}: a voluntary contribution in {year} only ({amount})",
    },
    "donor_over_time.takeaway.never": {
        "nl": "{donor} aan {entity}: geen vrijwillige bijdrage in {span}",
        "en": "{donor} to {entity}: no voluntary contribution in {span}",
    },
    "donor_over_time.takeaway.peak": {
        "nl": "het hoogst in {year} ({amount})",
        "en": "highest in {year} ({amount})",
    },
    "donor_over_time.takeaway.largest": {
        "nl": "grootste organisatie in {year}: {top} ({amount})",
        "en": "largest entity in {year}: {top} ({amount})",
    },
    # the highlighted donor beside its peers: rank --------------------------------------------
    "peers.control": {"nl": "Vergelijk met", "en": "Compare with"},
    "peers.placeholder": {
        "nl": "Standaard: Duitsland, Verenigd Koninkrijk en de Noordse landen",
        "en": "Default: Germany, the United Kingdom and the Nordics",
    },
    "peers.title": {
        "nl": "{donor} en vergelijkbare donoren: rang bij {entity}, {span}",
        "en": "{donor} and peers: rank at {entity}, {span}",
    },
    "peers.title_empty": {
        "nl": "Een donor naast vergelijkbare donoren: rang",
        "en": "A donor beside its peers: rank",
    },
    "peers.subtitle": {
        "nl": "Rang onder de {ranked} van {entity} op vrijwillige bijdragen (geoormerkt + kern); 1 = grootste; een rang hangt niet af van de valuta",
        "en": "Rank among {entity}'s {ranked} by voluntary contributions (earmarked + core); 1 = largest; ranks do not depend on the currency",
    },
    "peers.note": {
        "nl": "Gelijke bedragen delen de beste rang; verplichte bijdragen en overige inkomsten tellen niet mee. Geen punt = geen vrijwillige bijdrage in dat jaar.",
        "en": "Equal amounts share the best rank; assessed contributions and other revenue are not counted. No point = no voluntary contribution that year.",
    },
    "peers.hover": {
        "nl": "{donor}, {year}: plaats {rank}<br>{cur} {amount} mln vrijwillig",
        "en": "{donor}, {year}: rank {rank}<br>{cur} {amount} million voluntary",
    },
    "peers.axis": {"nl": "Rang (1 = grootste)", "en": "Rank (1 = largest)"},
    "peers.axis_image": {"nl": "Rang", "en": "Rank"},
    "peers.axis_year": {"nl": "Jaar", "en": "Year"},
    "peers.none": {
        "nl": "Geen van deze donoren heeft volgens deze gegevens een vrijwillige bijdrage aan deze organisatie.",
        "en": "According to these data none of these donors made a voluntary contribution to this entity.",
    },
    "peers.takeaway.donor": {
        "nl": "{donor} bij {entity}: plaats {rank} in {year}",
        "en": "{donor} at {entity}: rank {rank} in {year}",
    },
    "peers.takeaway.donor_since": {
        "nl": "{donor} bij {entity}: plaats {rank} in {year}, tegen plaats {first_rank} in {first_year}",
        "en": "{donor} at {entity}: rank {rank} in {year}, against rank {first_rank} in {first_year}",
    },
    "peers.takeaway.donor_none": {
        "nl": "{donor} bij {entity}: geen vrijwillige bijdrage in {year}",
        "en": "{donor} at {entity}: no voluntary contribution in {year}",
    },
    "peers.takeaway.higher": {"nl": "hoger: {donors}", "en": "ranked higher: {donors}"},
    "peers.takeaway.same": {"nl": "even hoog: {donors}", "en": "same rank: {donors}"},
    "peers.takeaway.lower": {"nl": "lager: {donors}", "en": "ranked lower: {donors}"},
    "peers.takeaway.ranks": {
        "nl": "de vergeleken donoren in {year}: {donors}",
        "en": "the peers in {year}: {donors}",
    },
    "peers.takeaway.unranked": {
        "nl": "zonder vrijwillige bijdrage in {year}: {donors}",
        "en": "no voluntary contribution in {year}: {donors}",
    },
    "peers.takeaway.rank_of": {"nl": "{donor} ({rank})", "en": "{donor} ({rank})"},
    # the highlighted donor beside its peers: core share --------------------------------------
    "peers_core.title": {
        "nl": "{donor} en vergelijkbare donoren: kernaandeel bij {entity}, {span}",
        "en": "{donor} and peers: core share at {entity}, {span}",
    },
    "peers_core.title_empty": {
        "nl": "Een donor naast vergelijkbare donoren: kernaandeel",
        "en": "A donor beside its peers: core share",
    },
    "peers_core.subtitle": {
        "nl": "Ongeoormerkt (kern) deel van de vrijwillige bijdrage (geoormerkt + kern), {cur}, {prices}; stippellijn: Funding Compact-richtlijn {guideline}",
        "en": "Unearmarked (core) part of the voluntary contribution (earmarked + core), {cur}, {prices}; dotted line: Funding Compact guideline {guideline}",
    },
    "peers_core.note": {
        "nl": "Verplichte bijdragen en overige inkomsten tellen niet mee. Geen punt = geen vrijwillige bijdrage in dat jaar.",
        "en": "Assessed contributions and other revenue are not counted. No point = no voluntary contribution that year.",
    },
    "peers_core.hover": {
        "nl": "{donor}, {year}: kern {share}<br>{cur} {core} van {voluntary} mln",
        "en": "{donor}, {year}: core {share}<br>{cur} {core} of {voluntary} million",
    },
    "peers_core.axis": {"nl": "Kernaandeel", "en": "Core share"},
    "peers_core.guideline": {"nl": "richtlijn {share}", "en": "guideline {share}"},
    "peers_core.takeaway.donor": {
        "nl": "{donor} bij {entity}: kernaandeel {share} in {year}",
        "en": "{donor} at {entity}: core share {share} in {year}",
    },
    "peers_core.takeaway.donor_since": {
        "nl": "{donor} bij {entity}: kernaandeel {share} in {year}, tegen {first_share} in {first_year}",
        "en": "{donor} at {entity}: core share {share} in {year}, against {first_share} in {first_year}",
    },
    "peers_core.takeaway.highest": {
        "nl": "hoogste van de vergeleken donoren in {year}: {donor} ({share})",
        "en": "highest of the peers in {year}: {donor} ({share})",
    },
    "peers_core.takeaway.at_guideline": {
        "nl": "op of boven de richtlijn van {guideline} in {year}: {donors}",
        "en": "at or above the guideline of {guideline} in {year}: {donors}",
    },
    "peers_core.takeaway.below_guideline": {
        "nl": "in {year} zat geen van de getoonde donoren op de richtlijn van {guideline}",
        "en": "in {year} none of the donors shown reached the guideline of {guideline}",
    },
}
