"""Every user-facing string, in Dutch and English, in one place.

Keys are dotted names; ``t(key, lang, **values)`` fills ``{placeholders}``. A missing key or a
key missing one language fails loudly in the tests (see tests/test_i18n.py), never silently.
"""

from __future__ import annotations

from collections.abc import Mapping

from components.formatting import Lang
from components.i18n_access import ACCESS_TEXT
from components.i18n_claims import CLAIMS_TEXT
from components.i18n_donor_peers import DONOR_PEERS_TEXT
from components.i18n_entities import ENTITIES_TEXT
from components.i18n_jobs import JOBS_TEXT
from components.i18n_memo import MEMO_TEXT
from components.i18n_money import MONEY_TEXT
from components.i18n_sources import SOURCE_TEXT
from components.i18n_table import TABLE_TEXT
from components.money_context import placeholders
from data.error_text import ERROR_TEXT
from data.typography import glue_units

Texts = Mapping[str, Mapping[Lang, str]]

APP_TEXT: Texts = {
    "app.title": {"nl": "Hoe wordt IOM gefinancierd?", "en": "How is IOM funded?"},
    "app.subtitle": {
        "nl": "Donoren, oormerking en begroting van de Internationale Organisatie voor Migratie, zoals gepubliceerd",
        "en": "Donors, earmarking and budget of the International Organization for Migration, as published",
    },
    "control.lang": {"nl": "Taal", "en": "Language"},
    "control.year": {"nl": "Jaar", "en": "Year"},
    "control.donor": {"nl": "Donor markeren", "en": "Highlight donor"},
    "control.budget_mode": {"nl": "Weergave", "en": "Show"},
    "budget_mode.absolute": {"nl": "Bedragen", "en": "Amounts"},
    "budget_mode.index": {"nl": "Index (2010 = 100)", "en": "Index (2010 = 100)"},
    "tab.ranking": {"nl": "Ranglijst", "en": "Ranking"},
    "tab.over_time": {"nl": "Verloop", "en": "Over time"},
    "tab.earmarking": {"nl": "Geoormerkt vs. kern", "en": "Earmarked vs. core"},
    "tab.budget": {"nl": "Begroting", "en": "Budget"},
    "tab.organisation": {"nl": "Organisatie", "en": "Organisation"},
    "tab.sources": {"nl": "Bronnen en noten", "en": "Sources and notes"},
    "kpi.total.listed": {"nl": "Totaal lidstaten {year}", "en": "Member-state total {year}"},
    "kpi.top": {"nl": "Grootste donor {year}", "en": "Largest donor {year}"},
    "kpi.top_value": {"nl": "{donor}: {amount} ({share})", "en": "{donor}: {amount} ({share})"},
    "kpi.earmarked": {"nl": "Geoormerkt aandeel ({year})", "en": "Earmarked share ({year})"},
    "kpi.budget": {"nl": "Begroting ({year})", "en": "Budget ({year})"},
    "kpi.note_earlier_year": {
        "nl": "laatst bekende waarde, uit {year}",
        "en": "latest known value, from {year}",
    },
    "kpi.note_later_year": {
        "nl": "geen waarde voor {chosen}; eerstvolgende bekende: {year}",
        "en": "no value for {chosen}; next known: {year}",
    },
    "unit.usd_m": {"nl": "{cur} mln", "en": "{cur} million"},
    "unit.usd_bn": {"nl": "{cur} mld", "en": "{cur} billion"},
    "unit.eur_m": {"nl": "EUR mln", "en": "EUR million"},
    # the remainder of a ranking, in the words of what the source ranks (data/model.py measure)
    "donor.other.listed": {"nl": "Overige lidstaten", "en": "Other member states"},
    "donor.other.voluntary": {"nl": "Overige donoren", "en": "Other donors"},
    "source.scorecard_amounts": {
        "nl": "Bron: Ministerie van Buitenlandse Zaken, Scorekaart IOM 2024{money}",
        "en": "Source: Netherlands Ministry of Foreign Affairs, IOM scorecard 2024{money}",
    },
    "source.scorecard": {
        "nl": "Bron: Ministerie van Buitenlandse Zaken, Scorekaart IOM 2024",
        "en": "Source: Netherlands Ministry of Foreign Affairs, IOM scorecard 2024",
    },
    "source.factsheet": {
        "nl": "Bron: IOM-factsheet (circa 2019)",
        "en": "Source: IOM factsheet (about 2019)",
    },
    "source.page": {"nl": "p. {page}", "en": "p. {page}"},
    "source.ranking_table": {
        "nl": "tabel 'Overzicht bijdragen en ranking grootste donoren'",
        "en": "table 'Overview of contributions and ranking of largest donors'",
    },
    "ranking.title.listed": {
        "nl": "Grootste donoren van IOM in {year}",
        "en": "Largest donors to IOM in {year}",
    },
    "ranking.subtitle.listed": {
        "nl": "Bijdrage in {cur} mln en aandeel in het totaal van de lidstaten ({cur} {total} mln); rang volgens de bron",
        "en": "Contribution in {cur} million and share of the member-state total ({cur} {total} million); rank as published",
    },
    "ranking.axis": {"nl": "Bijdrage ({cur} mln)", "en": "Contribution ({cur} million)"},
    "ranking.other_note.listed": {
        "nl": "Overige lidstaten = het totaal van de lidstaten min de genoemde lidstaten. De bron noemt niet elk jaar dezelfde landen, dus deze rest bevat elk jaar andere landen.",
        "en": "Other member states = the member-state total minus the member states listed. The source does not list the same countries every year, so this remainder holds different countries each year.",
    },
    "ranking.hover": {
        "nl": "Rang {rank}<br>{cur} {amount} mln<br>{share} van het totaal",
        "en": "Rank {rank}<br>{cur} {amount} million<br>{share} of the total",
    },
    "over_time.title.listed": {
        "nl": "Ranglijst van donoren 2021–2023",
        "en": "Donor ranking 2021–2023",
    },
    "over_time.subtitle.listed": {
        "nl": "Rang per jaar (1 = grootste); label: bijdrage in {cur} mln. Niet getoond = niet vermeld in de bron",
        "en": "Rank per year (1 = largest); label: contribution in {cur} million. Not shown = not listed by the source",
    },
    "over_time.axis_rank": {"nl": "Rang", "en": "Rank"},
    "over_time.axis_year": {"nl": "Jaar", "en": "Year"},
    "over_time.hover": {
        "nl": "{donor} {year}<br>Rang {rank}<br>{cur} {amount} mln<br>t.o.v. vorig jaar: {change} ({pct})",
        "en": "{donor} {year}<br>Rank {rank}<br>{cur} {amount} million<br>vs previous year: {change} ({pct})",
    },
    "table.donor": {"nl": "Donor", "en": "Donor"},
    "table.year": {"nl": "Jaar", "en": "Year"},
    "table.rank": {"nl": "Rang", "en": "Rank"},
    "table.amount": {"nl": "Bijdrage ({cur} mln)", "en": "Contribution ({cur} million)"},
    "table.share": {"nl": "Aandeel", "en": "Share"},
    "table.change_abs": {"nl": "Verschil ({cur} mln)", "en": "Change ({cur} million)"},
    "table.change_pct": {"nl": "Verschil (%)", "en": "Change (%)"},
    "table.rank_change": {"nl": "Rangverschil", "en": "Rank change"},
    "table.total_row.listed": {"nl": "Totaal lidstaten", "en": "Member-state total"},
    "table.not_listed": {"nl": "niet genoemd", "en": "not listed"},
    "earmarking.title": {
        "nl": "IOM-financiering: geoormerkt tegenover ongeoormerkt (kern)",
        "en": "IOM funding: earmarked versus unearmarked (core)",
    },
    "earmarking.subtitle": {
        "nl": "Aandeel in de financiering, 2022; lijnen: niveau na de hervorming van 2022 en de Funding Compact-richtlijn",
        "en": "Share of funding, 2022; lines: level after the 2022 reform and the funding-compact guideline",
    },
    "earmarking.core": {"nl": "Ongeoormerkt (kern)", "en": "Unearmarked (core)"},
    "earmarking.earmarked": {"nl": "Geoormerkt", "en": "Earmarked"},
    "earmarking.bar": {"nl": "IOM 2022", "en": "IOM 2022"},
    "earmarking.reform": {
        "nl": "Na hervorming 2022: {core} kern ({earmarked} geoormerkt), vijf jaar vanaf 2023",
        "en": "After the 2022 reform: {core} core ({earmarked} earmarked), five years from 2023",
    },
    "earmarking.compact": {
        "nl": "Funding Compact-richtlijn: minstens {core} ongeoormerkt",
        "en": "Funding-compact guideline: at least {core} unearmarked",
    },
    "earmarking.axis": {"nl": "Aandeel in de financiering", "en": "Share of funding"},
    "nl_core.title": {
        "nl": "Ongeoormerkte bijdrage van Nederland aan IOM",
        "en": "Netherlands' unearmarked contribution to IOM",
    },
    "nl_core.subtitle": {
        "nl": "EUR mln per jaar; verhoogd in 2023 (jaarlijkse bijdrage sinds {since})",
        "en": "EUR million per year; raised in 2023 (annual contribution since {since})",
    },
    "nl_core.before": {"nl": "Vóór 2023", "en": "Before 2023"},
    "nl_core.from": {"nl": "Vanaf 2023", "en": "From 2023"},
    "nl_core.axis": {"nl": "EUR mln per jaar", "en": "EUR million per year"},
    "budget.title": {"nl": "Groei van de IOM-begroting", "en": "Growth of IOM's budget"},
    "budget.subtitle_abs": {
        "nl": "{cur} mld, {prices}; label: groei tussen de punten (totaal en gemiddeld per jaar); stippellijn: jaren zonder gepubliceerd cijfer",
        "en": "{cur} billion, {prices}; labels: growth between points (total and average per year); dotted: years without a published figure",
    },
    "budget.subtitle_index": {
        "nl": "Index, 2010 = 100; label: groei tussen de punten (totaal en gemiddeld per jaar)",
        "en": "Index, 2010 = 100; labels: growth between points (total and average per year)",
    },
    "budget.series": {"nl": "Begroting", "en": "Budget"},
    "budget.approx": {
        "nl": "≈ ongeveer, volgens de bron; groei en index die op dit punt rusten, zijn daardoor ook bij benadering",
        "en": "≈ approximate, per the source; growth and index resting on this point are approximate too",
    },
    "budget.axis_abs": {"nl": "{cur} mld", "en": "{cur} billion"},
    "budget.axis_index": {"nl": "Index (2010 = 100)", "en": "Index (2010 = 100)"},
    "budget.growth_label": {
        "nl": "{total}<br>({annual} per jaar)",
        "en": "{total}<br>({annual} a year)",
    },
    "budget.from": {"nl": "Van", "en": "From"},
    "budget.to": {"nl": "Tot", "en": "To"},
    "budget.total_growth": {"nl": "Groei totaal", "en": "Total growth"},
    "budget.annual_growth": {"nl": "Gemiddeld per jaar", "en": "Average per year"},
    "organisation.heading": {"nl": "IOM in cijfers", "en": "IOM in numbers"},
    "organisation.relevance": {
        "nl": "Relevantie voor Nederlandse beleidsprioriteiten (scorekaart, 5.1)",
        "en": "Relevance to Dutch policy priorities (scorecard, 5.1)",
    },
    "organisation.priority": {"nl": "Beleidsprioriteit", "en": "Policy priority"},
    "organisation.rating": {"nl": "Relevantie", "en": "Relevance"},
    "notes.heading": {"nl": "Let op", "en": "Note"},
    "sources.intro": {
        "nl": "Elk getal in het dashboard, met bron, vindplaats en het oorspronkelijke citaat. Sorteer en filter per kolom.",
        "en": "Every figure in the dashboard, with source, location and the original Dutch quote. Sort and filter per column.",
    },
    "sources.contradictions": {
        "nl": "Tegenstrijdigheden en verschillen",
        "en": "Contradictions and differences",
    },
    "sources.kind.contradiction": {"nl": "Tegenstrijdigheid", "en": "Contradiction"},
    "sources.kind.difference": {"nl": "Verschil", "en": "Difference"},
    "col.metric": {"nl": "Gegeven", "en": "Figure"},
    "col.value": {"nl": "Waarde", "en": "Value"},
    "col.unit": {"nl": "Eenheid", "en": "Unit"},
    "col.year": {"nl": "Jaar", "en": "Year"},
    "col.donor": {"nl": "Donor", "en": "Donor"},
    "col.rank": {"nl": "Rang", "en": "Rank"},
    "col.source": {"nl": "Bron", "en": "Source"},
    "col.file": {"nl": "Bestand", "en": "File"},
    "col.section": {"nl": "Sectie", "en": "Section"},
    "col.table": {"nl": "Tabel", "en": "Table"},
    "col.page": {"nl": "Pagina", "en": "Page"},
    "col.line": {"nl": "Regel (tekst)", "en": "Line (text)"},
    "col.quote": {"nl": "Citaat (NL)", "en": "Quote (Dutch)"},
    "col.note": {"nl": "Toelichting", "en": "Note"},
    "footer.text": {
        "nl": "Alle getallen zoals gepubliceerd; afgeleide getallen (aandelen, verschillen, groei) zijn berekend. Zie 'Bronnen en noten'.",
        "en": "All figures as published; derived numbers (shares, changes, growth) are calculated. See 'Sources and notes'.",
    },
    "qualifier.approx": {"nl": "ongeveer", "en": "about"},
    "qualifier.more_than": {"nl": "meer dan", "en": "more than"},
    "qualifier.at_least": {"nl": "minstens", "en": "at least"},
    "as_of": {"nl": "stand per {date}", "en": "as of {date}"},
    "source.ceb": {
        "nl": "Bron: UN CEB, inkomsten per overheidsdonor ({files}), entiteit {entity}{money}",
        "en": "Source: UN CEB, revenue by government donor ({files}), entity {entity}{money}",
    },
    "revenue.apart": {
        "nl": "Niet in de ranglijst, apart vermeld: verplichte contributies {cur} {assessed} mln, overige inkomsten {cur} {other} mln.",
        "en": "Not in the ranking, shown apart: assessed contributions {cur} {assessed} million, revenue from other activities {cur} {other} million.",
    },
    "revenue.negative": {
        "nl": "Inclusief negatieve bedragen (terugbetalingen en correcties) in de getoonde sommen.",
        "en": "Includes negative amounts (refunds and adjustments) in the sums shown.",
    },
    "ranking.title.voluntary": {
        "nl": "Grootste overheidsdonoren van {entity} in {year}",
        "en": "Largest government donors to {entity} in {year}",
    },
    "ranking.subtitle.voluntary": {
        "nl": "Vrijwillige bijdragen (geoormerkt + kern), in {cur} mln, {prices}, top {top}; aandeel in alle vrijwillige bijdragen van overheden ({cur} {total} mln)",
        "en": "Voluntary contributions (earmarked + core), in {cur} million, {prices}, top {top}; share of all governments' voluntary contributions ({cur} {total} million)",
    },
    "ranking.other_note.voluntary": {
        "nl": "Overige donoren = alle overige overheden samen. Gelijke bedragen delen een rang.",
        "en": "Other donors = all other governments together. Equal amounts share a rank.",
    },
    "over_time.title.voluntary": {
        "nl": "Ranglijst van overheidsdonoren van {entity}, {span}",
        "en": "Ranking of government donors to {entity}, {span}",
    },
    "over_time.subtitle.voluntary": {
        "nl": "Rang per jaar op vrijwillige bijdragen (geoormerkt + kern); donoren die in een jaar in de top {top} stonden; label: {cur} mln, {prices}",
        "en": "Rank per year by voluntary contributions (earmarked + core); donors in the top {top} in any year; label: {cur} million, {prices}",
    },
    "earmarking.title_revenue": {
        "nl": "{entity}: geoormerkte en ongeoormerkte (kern) vrijwillige bijdragen van overheden",
        "en": "{entity}: earmarked and unearmarked (core) voluntary contributions from governments",
    },
    "earmarking.subtitle_revenue": {
        "nl": "Aandeel in de vrijwillige bijdragen per jaar; lijnen: niveau na de IOM-hervorming van 2022 en de Funding Compact-richtlijn",
        "en": "Share of voluntary contributions per year; lines: level after IOM's 2022 reform and the funding-compact guideline",
    },
    "donor_core.title": {
        "nl": "Kernaandeel per donor, {entity} {year}",
        "en": "Core share per donor, {entity} {year}",
    },
    "donor_core.subtitle": {
        "nl": "Ongeoormerkt deel van de vrijwillige bijdrage van de {top} grootste donoren; label: kern / vrijwillig in {cur} mln",
        "en": "Unearmarked part of the voluntary contribution of the {top} largest donors; label: core / voluntary in {cur} million",
    },
    "donor_core.axis": {"nl": "Ongeoormerkt aandeel", "en": "Unearmarked share"},
    "kpi.total.voluntary": {
        "nl": "Vrijwillig van overheden {year}",
        "en": "Voluntary from governments {year}",
    },
    "data.summary_seed": {
        "nl": "Gegevens: Scorekaart IOM 2024 (ingebouwd) · CEB-bestanden laden",
        "en": "Data: IOM scorecard 2024 (built in) · load CEB files",
    },
    "data.summary_loaded": {
        "nl": "Gegevens: {files} ({rows} rijen, entiteit {entity})",
        "en": "Data: {files} ({rows} rows, entity {entity})",
    },
    "data.help": {
        "nl": "Laad exports 'revenue by government donor' van de UN CEB (CSV of XLSX, één of meer jaren, max. {limit} MB per bestand). De scorekaart blijft de standaard; ranglijst, verloop en oormerking tonen dan alle donoren en jaren uit het bestand.",
        "en": "Load UN CEB 'revenue by government donor' exports (CSV or XLSX, one or more years, max. {limit} MB per file). The scorecard stays the default; ranking, over time and earmarking then show every donor and year in the file.",
    },
    "data.upload": {
        "nl": "Sleep bestanden hierheen of klik om te kiezen",
        "en": "Drag files here or click to choose",
    },
    "data.entity": {"nl": "VN-entiteit", "en": "UN entity"},
    "data.top_n": {"nl": "Top N", "en": "Top N"},
    "data.top_n_invalid": {
        "nl": "Vul een geheel getal van 1 tot en met {max} in; de grafieken tonen nu de top {top}.",
        "en": "Enter a whole number from 1 to {max}; the charts now show the top {top}.",
    },
    "data.reset": {"nl": "Terug naar de scorekaart", "en": "Back to the scorecard"},
    "data.template": {"nl": "Sjabloon (XLSX)", "en": "Template (XLSX)"},
    "data.loaded": {
        "nl": "Geladen: {files}, {rows} rijen, jaren {years}.",
        "en": "Loaded: {files}, {rows} rows, years {years}.",
    },
    "data.failed": {
        "nl": "Niet geladen; de getoonde gegevens blijven staan. {error}",
        "en": "Not loaded; the data shown stays. {error}",
    },
    "data.reset_done": {
        "nl": "Terug naar de ingebouwde scorekaart.",
        "en": "Back to the built-in scorecard.",
    },
    "comparison.heading": {
        "nl": "Scorekaart en geladen bestand naast elkaar (zelfde donor en jaar)",
        "en": "Scorecard and loaded file side by side (same donor and year)",
    },
    "comparison.none": {
        "nl": "Het geladen bestand heeft geen donor-jaren die ook in de scorekaart staan (2021–2023).",
        "en": "The loaded file has no donor-years that the scorecard also gives (2021–2023).",
    },
    "comparison.scorecard": {"nl": "Scorekaart ({cur} mln)", "en": "Scorecard ({cur} million)"},
    "comparison.file": {
        "nl": "Bestand, vrijwillig ({cur} mln)",
        "en": "File, voluntary ({cur} million)",
    },
    "kpi.includes_negative": {
        "nl": "incl. terugbetalingen (negatief)",
        "en": "incl. refunds (negative)",
    },
    "table.total_row.voluntary": {
        "nl": "Alle overheden (vrijwillig)",
        "en": "All governments (voluntary)",
    },
}

# Labels of the metrics in facts.csv.
METRIC_TEXT: Texts = {
    "metric.donor_contribution": {
        "nl": "Bijdrage donor (tabel)",
        "en": "Donor contribution (table)",
    },
    "metric.member_state_total": {
        "nl": "Totaal bijdragen lidstaten",
        "en": "Total member-state contributions",
    },
    "metric.donor_contribution_stated": {
        "nl": "Bijdrage donor (tekst)",
        "en": "Donor contribution (text)",
    },
    "metric.budget": {"nl": "Begroting", "en": "Budget"},
    "metric.budget_growth_stated": {
        "nl": "Groei middelen (genoemd)",
        "en": "Growth of resources (stated)",
    },
    "metric.operational_expenditure": {
        "nl": "Operationele uitgaven",
        "en": "Operational expenditure",
    },
    "metric.earmarked_contributions": {
        "nl": "Geoormerkte vrijwillige bijdragen",
        "en": "Earmarked voluntary contributions",
    },
    "metric.earmarked_share": {"nl": "Geoormerkt aandeel", "en": "Earmarked share"},
    "metric.earmarked_share_after_reform": {
        "nl": "Geoormerkt aandeel na hervorming",
        "en": "Earmarked share after reform",
    },
    "metric.assessed_increase": {
        "nl": "Verhoging lidmaatschapscontributies",
        "en": "Increase of assessed contributions",
    },
    "metric.funding_compact_core_guideline": {
        "nl": "Funding Compact: ongeoormerkt (richtlijn)",
        "en": "Funding compact: unearmarked (guideline)",
    },
    "metric.nl_core_contribution": {
        "nl": "Ongeoormerkte bijdrage Nederland",
        "en": "Netherlands' unearmarked contribution",
    },
    "metric.dag_threshold_voluntary": {
        "nl": "Drempel Special Sub-Committee (vrijwillig)",
        "en": "Special Sub-Committee threshold (voluntary)",
    },
    "metric.dag_threshold_core": {
        "nl": "Drempel Special Sub-Committee (ongeoormerkt)",
        "en": "Special Sub-Committee threshold (unearmarked)",
    },
    "metric.localisation_commitment": {
        "nl": "Grand Bargain-commitment via lokale partners (IOM heeft hiervan afgezien)",
        "en": "Grand Bargain commitment via local partners (IOM opted out)",
    },
    "metric.localisation_share": {
        "nl": "Budget via lokale partners",
        "en": "Budget via local partners",
    },
    "metric.humanitarian_share": {
        "nl": "Aandeel humanitaire hulp in de begroting",
        "en": "Humanitarian share of the budget",
    },
    "metric.founded": {"nl": "Opgericht", "en": "Founded"},
    "metric.member_states": {"nl": "Lidstaten", "en": "Member states"},
    "metric.observer_states": {"nl": "Waarnemende staten", "en": "Observer states"},
    "metric.field_offices": {"nl": "Veldkantoren", "en": "Field offices"},
    "metric.office_countries": {"nl": "Landen met kantoren", "en": "Countries with offices"},
    "metric.active_projects": {"nl": "Actieve projecten", "en": "Active projects"},
    "metric.staff": {
        "nl": "Personeel (incl. niet in dienst en adviseurs)",
        "en": "Staff (incl. non-staff and consultants)",
    },
    "metric.staff_non_staff": {"nl": "Niet in dienst zijnde werknemers", "en": "Non-staff workers"},
    "metric.staff_consultants": {"nl": "Consultants", "en": "Consultants"},
    "metric.staff_growth": {"nl": "Groei personeelsbestand", "en": "Workforce growth"},
    "metric.compass_partner_countries": {
        "nl": "COMPASS-partnerlanden",
        "en": "COMPASS partner countries",
    },
    "metric.cccm_countries": {"nl": "Landen met CCCM-cluster", "en": "Countries with CCCM cluster"},
    "metric.dtm_countries": {
        "nl": "Landen met Displacement Tracking Matrix",
        "en": "Countries with Displacement Tracking Matrix",
    },
    "metric.locations": {"nl": "Locaties", "en": "Locations"},
    "metric.operational_staff": {"nl": "Operationeel personeel", "en": "Operational staff"},
    "metric.staff_field_share": {
        "nl": "Personeel actief in het veld",
        "en": "Staff working in the field",
    },
    "metric.people_on_the_move": {
        "nl": "Mensen in beweging wereldwijd",
        "en": "People on the move worldwide",
    },
    "metric.regional_offices": {"nl": "Regionale kantoren", "en": "Regional offices"},
    "metric.administrative_centres": {
        "nl": "Administratieve centra",
        "en": "Administrative centres",
    },
    "metric.liaison_offices": {"nl": "Speciale liaisonbureaus", "en": "Special liaison offices"},
    "metric.resource_mobilisation_offices": {
        "nl": "Kantoren voor middelenmobilisatie",
        "en": "Resource mobilisation offices",
    },
    "metric.development_fund_new_projects": {
        "nl": "Ontwikkelingsfonds: nieuwe projecten",
        "en": "Development fund: new projects",
    },
    "metric.development_fund_countries": {
        "nl": "Ontwikkelingsfonds: bereikte landen",
        "en": "Development fund: countries reached",
    },
    "metric.development_fund_active_projects": {
        "nl": "Ontwikkelingsfonds: actieve projecten",
        "en": "Development fund: active projects",
    },
    "metric.level3_emergencies": {
        "nl": "Actieve crises (niveau 3)",
        "en": "Active crises (level 3)",
    },
    "metric.major_crisis_interventions": {
        "nl": "Belangrijke crisisinterventies",
        "en": "Major crisis interventions",
    },
    "metric.un_related_since": {
        "nl": "Aan de VN verbonden organisatie, sinds",
        "en": "UN-related organisation, since",
    },
    "metric.nl_core_since": {
        "nl": "Jaarlijkse ongeoormerkte bijdrage Nederland, sinds",
        "en": "Netherlands' yearly unearmarked contribution, since",
    },
    "metric.council_resolution": {
        "nl": "Resolutie IOM Council: tekort kernstructuur opvullen",
        "en": "IOM Council resolution: fill the core-structure shortfall",
    },
    "metric.assessed_increase_years": {
        "nl": "Trapsgewijze verhoging lidmaatschapscontributies: looptijd",
        "en": "Step-wise increase of assessed contributions: period",
    },
    "metric.deputy_directors_general": {
        "nl": "Nieuwe plaatsvervangend directeuren-generaal",
        "en": "New deputy directors-general",
    },
    "metric.central_departments": {
        "nl": "Centrale afdelingen hoofdkantoor (na reorganisatie)",
        "en": "Central departments at headquarters (after reorganisation)",
    },
    "metric.strategic_plan": {
        "nl": "Strategic Plan (opvolger van de Strategic Vision 2019–2023), vanaf",
        "en": "Strategic Plan (successor to the Strategic Vision 2019–2023), from",
    },
    "metric.erp_due": {
        "nl": "Nieuw ERP-systeem: invoering gepland",
        "en": "New ERP system: introduction planned",
    },
    "metric.pseah_unit_posts": {"nl": "PSEAH-unit: posities", "en": "PSEAH unit: posts"},
    "metric.pseah_core_posts": {
        "nl": "PSEAH-unit: posities uit kernbijdragen",
        "en": "PSEAH unit: posts funded from core contributions",
    },
}

# Units as facts.csv writes them.
UNIT_TEXT: Texts = {
    "unit.USD million": {"nl": "USD mln", "en": "USD million"},
    "unit.USD billion": {"nl": "USD mld", "en": "USD billion"},
    "unit.EUR billion": {"nl": "EUR mld", "en": "EUR billion"},
    "unit.EUR million": {"nl": "EUR mln", "en": "EUR million"},
    "unit.%": {"nl": "%", "en": "%"},
    "unit.year": {"nl": "jaar", "en": "year"},
    "unit.states": {"nl": "staten", "en": "states"},
    "unit.offices": {"nl": "kantoren", "en": "offices"},
    "unit.countries": {"nl": "landen", "en": "countries"},
    "unit.projects": {"nl": "projecten", "en": "projects"},
    "unit.people": {"nl": "personen", "en": "people"},
    "unit.billion people": {"nl": "miljard mensen", "en": "billion people"},
    "unit.locations": {"nl": "locaties", "en": "locations"},
    "unit.centres": {"nl": "centra", "en": "centres"},
    "unit.crises": {"nl": "crises", "en": "crises"},
    "unit.years": {"nl": "jaar", "en": "years"},
    "unit.posts": {"nl": "posities", "en": "posts"},
    "unit.departments": {"nl": "afdelingen", "en": "departments"},
}

# Text of the export features (images, data downloads, memo pack).
EXPORT_TEXT: Texts = {
    "export.as_of": {"nl": "gegevens per {date}", "en": "data as of {date}"},
    "export.unit": {"nl": "eenheid: {unit}", "en": "unit: {unit}"},
    "export.sheet.data": {"nl": "Gegevens", "en": "Data"},
    "export.sheet.sources": {"nl": "Bronnen en toelichting", "en": "Sources and notes"},
    "export.sheet.filters": {"nl": "Filters", "en": "Filters"},
    "export.filters.title": {"nl": "Titel", "en": "Title"},
    "export.filters.key": {"nl": "Filter", "en": "Filter"},
    "export.filters.value": {"nl": "Waarde", "en": "Value"},
    "export.filters.exported_at": {"nl": "Geëxporteerd op (UTC)", "en": "Exported at (UTC)"},
    "export.filters.permalink": {"nl": "Link naar deze weergave", "en": "Link to this view"},
    "export.memo.title": {"nl": "Memo-bijlage: financiering IOM", "en": "Memo annex: IOM funding"},
    "export.memo.created": {"nl": "Samengesteld op {date}", "en": "Compiled on {date}"},
    "export.memo.figure": {"nl": "Figuur {number}.", "en": "Figure {number}."},
    "export.memo.takeaway": {"nl": "Kernboodschap", "en": "Key message"},
    "export.col.year": {"nl": "Jaar", "en": "Year"},
    "export.col.donor": {"nl": "Donor", "en": "Donor"},
    "export.col.official_name": {"nl": "Officiële naam", "en": "Official name"},
    "export.col.name_nl": {"nl": "Naam", "en": "Name (Dutch)"},
    "export.col.name_en": {"nl": "Naam (Engels)", "en": "Name"},
    "export.col.metric": {"nl": "Indicator", "en": "Metric"},
    "export.col.value": {"nl": "Waarde", "en": "Value"},
    "export.col.unit": {"nl": "Eenheid", "en": "Unit"},
    "export.col.rank": {"nl": "Rang", "en": "Rank"},
    "export.col.amount_usd_m": {"nl": "Bedrag ({cur} mln)", "en": "Amount ({cur} million)"},
    "export.col.total_usd_m": {"nl": "Totaal ({cur} mln)", "en": "Total ({cur} million)"},
    "export.col.share": {"nl": "Aandeel", "en": "Share"},
    "export.col.change_usd_m": {"nl": "Verandering ({cur} mln)", "en": "Change ({cur} million)"},
    "export.col.change_pct": {"nl": "Verandering (%)", "en": "Change (%)"},
    "export.col.rank_change": {"nl": "Verandering rang", "en": "Rank change"},
    "export.col.assessed_usd_m": {
        "nl": "Verplichte bijdragen ({cur} mln)",
        "en": "Assessed contributions ({cur} million)",
    },
    "export.col.core_usd_m": {"nl": "Kernbijdragen ({cur} mln)", "en": "Core ({cur} million)"},
    "export.col.earmarked_usd_m": {
        "nl": "Geoormerkte bijdragen ({cur} mln)",
        "en": "Earmarked ({cur} million)",
    },
    "export.col.voluntary_usd_m": {
        "nl": "Vrijwillige bijdragen ({cur} mln)",
        "en": "Voluntary contributions ({cur} million)",
    },
    "export.col.other_usd_m": {
        "nl": "Overige inkomsten ({cur} mln)",
        "en": "Other revenue ({cur} million)",
    },
    "export.col.core_share": {"nl": "Aandeel kern", "en": "Core share"},
    "export.col.source_id": {"nl": "Bron", "en": "Source"},
    "export.col.page": {"nl": "Pagina", "en": "Page"},
    "export.col.file": {"nl": "Bestand", "en": "File"},
    "export.col.title_nl": {"nl": "Titel", "en": "Title (Dutch)"},
    "export.col.title_en": {"nl": "Titel (Engels)", "en": "Title"},
    "export.col.publisher": {"nl": "Uitgever", "en": "Publisher"},
    "export.col.published": {"nl": "Jaar van uitgave", "en": "Year published"},
    "export.col.note_nl": {"nl": "Toelichting", "en": "Note (Dutch)"},
    "export.col.note_en": {"nl": "Toelichting (Engels)", "en": "Note"},
    "export.col.as_of": {"nl": "Peildatum", "en": "As of"},
    "export.col.kind": {"nl": "Soort", "en": "Kind"},
    "export.col.text": {"nl": "Tekst", "en": "Text"},
    "export.col.pages": {"nl": "Pagina's", "en": "Pages"},
    "export.col.index": {"nl": "Index (eerste jaar = 100)", "en": "Index (first year = 100)"},
    "export.col.qualifier": {"nl": "Kwalificatie", "en": "Qualifier"},
    "export.col.fact_id": {"nl": "Feit (id)", "en": "Fact (id)"},
    "export.kind.source_line": {"nl": "Bronregel", "en": "Source line"},
    "export.kind.document": {"nl": "Brondocument", "en": "Source document"},
    "export.kind.file": {"nl": "Geladen bestand", "en": "Loaded file"},
    "export.kind.note": {"nl": "Toelichting", "en": "Note"},
    "export.publisher.ceb": {
        "nl": "UN System Chief Executives Board (CEB)",
        "en": "UN System Chief Executives Board (CEB)",
    },
    # export bar under each chart
    "export.bar.summary": {"nl": "Exporteren", "en": "Export"},
    "export.bar.title": {"nl": "Titel", "en": "Title"},
    "export.bar.subtitle": {"nl": "Ondertitel", "en": "Subtitle"},
    "export.bar.preset": {"nl": "Formaat", "en": "Size"},
    "export.bar.png": {"nl": "PNG", "en": "PNG"},
    "export.bar.svg": {"nl": "SVG", "en": "SVG"},
    "export.bar.copy": {"nl": "Kopieer afbeelding", "en": "Copy image"},
    "export.bar.csv": {"nl": "Gegevens (CSV)", "en": "Data (CSV)"},
    "export.bar.xlsx": {"nl": "Gegevens (Excel)", "en": "Data (Excel)"},
    "export.bar.hint": {
        "nl": "Titel en ondertitel komen in de afbeelding; bron, peildatum en link naar deze weergave staan er altijd onder.",
        "en": "Title and subtitle go into the image; the source, data date and link to this view are always added below.",
    },
    "export.preset.memo": {
        "nl": "Memo (16 × 9 cm, 300 dpi)",
        "en": "Memo (16 × 9 cm, 300 dpi)",
    },
    "export.preset.slide": {"nl": "Dia ({width} × {height})", "en": "Slide ({width} × {height})"},
    "export.preset.square": {
        "nl": "Vierkant ({width} × {height})",
        "en": "Square ({width} × {height})",
    },
    "export.takeaway.copy": {"nl": "Kopieer", "en": "Copy"},
    "export.takeaway.copy_label": {
        "nl": "Kopieer de kernboodschap",
        "en": "Copy the key message",
    },
    "export.status.downloaded": {"nl": "Afbeelding gedownload.", "en": "Image downloaded."},
    "export.status.copied": {
        "nl": "Afbeelding gekopieerd; plak die in je memo.",
        "en": "Image copied; paste it into your memo.",
    },
    "export.status.copy_fallback": {
        "nl": "Deze browser kan geen afbeelding kopiëren; de afbeelding is gedownload.",
        "en": "This browser cannot copy images; the image was downloaded instead.",
    },
    "export.status.failed": {"nl": "Exporteren mislukt: {error}", "en": "Export failed: {error}"},
    "export.status.text_copied": {"nl": "Gekopieerd.", "en": "Copied."},
    "export.status.text_failed": {
        "nl": "Kopiëren lukt niet in deze browser; selecteer de zin en kopieer die zelf.",
        "en": "This browser cannot copy; select the sentence and copy it yourself.",
    },
    # memo pack
    "export.memo.heading": {"nl": "Memo-pakket", "en": "Memo pack"},
    "export.memo.help": {
        "nl": "Kies grafieken voor een bijlage: één Word- of PowerPoint-bestand met genummerde figuren, onderschrift, kernboodschap en bron. Aangepaste titels uit 'Exporteren' gaan mee.",
        "en": "Choose charts for an annex: one Word or PowerPoint file with numbered figures, caption, key message and source. Titles edited under 'Export' are used.",
    },
    "export.memo.chart": {"nl": "{tab}: {title}", "en": "{tab}: {title}"},
    "export.memo.pptx": {"nl": "PowerPoint (PPTX)", "en": "PowerPoint (PPTX)"},
    "export.memo.docx": {"nl": "Word (DOCX)", "en": "Word (DOCX)"},
    "export.memo.none": {"nl": "Kies minstens één grafiek.", "en": "Choose at least one chart."},
    "export.memo.ready": {"nl": "Memo-pakket gedownload.", "en": "Memo pack downloaded."},
    # filters in force, for subtitles and the filters sheet
    "export.filter.year": {"nl": "Jaar", "en": "Year"},
    "export.filter.years": {"nl": "Jaren", "en": "Years"},
    "export.filter.donor": {"nl": "Gemarkeerde donor", "en": "Highlighted donor"},
    "export.filter.top": {"nl": "Top N", "en": "Top N"},
    "export.filter.entity": {"nl": "VN-entiteit", "en": "UN entity"},
    "export.filter.mode": {"nl": "Weergave", "en": "Show"},
    "export.filter.data": {"nl": "Gegevens", "en": "Data"},
    "export.filter.data_seed": {
        "nl": "Scorekaart IOM 2024 (ingebouwd)",
        "en": "IOM scorecard 2024 (built in)",
    },
    "export.filter.data_files": {"nl": "UN CEB-bestanden: {files}", "en": "UN CEB files: {files}"},
    # units printed in the image's subtitle
    # A rank chart's unit: its images draw ranks without their amounts, so no money is named.
    "export.unit.rank": {"nl": "rang", "en": "rank"},
    "export.unit.share_funding": {
        "nl": "aandeel in de financiering (%)",
        "en": "share of funding (%)",
    },
    "export.unit.share_voluntary": {
        "nl": "aandeel in de vrijwillige bijdragen (%)",
        "en": "share of voluntary contributions (%)",
    },
    "export.unit.core_share": {
        "nl": "ongeoormerkt aandeel (%); label: {cur} mln",
        "en": "unearmarked share (%); label: {cur} million",
    },
    # one-sentence takeaways (components/takeaways.py composes the clauses)
    "export.takeaway.and": {"nl": "en", "en": "and"},
    "export.takeaway.ranking": {
        "nl": "Grootste donor van {entity} in {year}: {donor} met {amount} ({share} van {total})",
        "en": "Largest donor to {entity} in {year}: {donor} with {amount} ({share} of {total})",
    },
    "export.takeaway.total.listed": {
        "nl": "het totaal van de lidstaten",
        "en": "the member-state total",
    },
    "export.takeaway.total.voluntary": {
        "nl": "alle vrijwillige bijdragen van overheden",
        "en": "all governments' voluntary contributions",
    },
    "export.takeaway.more": {"nl": "{pct} meer dan in {year}", "en": "{pct} more than in {year}"},
    "export.takeaway.less": {"nl": "{pct} minder dan in {year}", "en": "{pct} less than in {year}"},
    "export.takeaway.same": {"nl": "evenveel als in {year}", "en": "the same as in {year}"},
    "export.takeaway.ranking_donor": {
        "nl": "{donor}: plaats {rank} met {amount} ({share})",
        "en": "{donor}: rank {rank} with {amount} ({share})",
    },
    "export.takeaway.ranking_outside": {
        "nl": "{donor}: plaats {rank}, buiten de getoonde top {top}, met {amount} ({share})",
        "en": "{donor}: rank {rank}, outside the top {top} shown, with {amount} ({share})",
    },
    "export.takeaway.stated_differs": {
        "nl": "(volgens de tabel; de tekst geeft {amount}: {change})",
        "en": "(per the table; the text gives {amount}: {change})",
    },
    "export.takeaway.not_listed": {
        "nl": "{donor}: niet genoemd in de bron voor {year}",
        "en": "{donor}: not listed by the source for {year}",
    },
    "export.takeaway.no_contribution": {
        "nl": "{donor}: geen vrijwillige bijdrage in {year}",
        "en": "{donor}: no voluntary contribution in {year}",
    },
    "export.takeaway.over_time_donor": {
        "nl": "{donor} op de ranglijst: {years}",
        "en": "{donor} in the ranking: {years}",
    },
    "export.takeaway.year_rank": {
        "nl": "{year} plaats {rank} ({amount})",
        "en": "{year} rank {rank} ({amount})",
    },
    "export.takeaway.year_not_listed": {"nl": "{year} niet genoemd", "en": "{year} not listed"},
    "export.takeaway.year_no_contribution": {
        "nl": "{year} geen bijdrage",
        "en": "{year} no contribution",
    },
    "export.takeaway.never_in_top": {
        "nl": "{donor}: in geen enkel jaar in de top {top}",
        "en": "{donor}: not in the top {top} in any year",
    },
    "export.takeaway.top_every_year": {
        "nl": "grootste donor in elk jaar: {donor}",
        "en": "largest donor every year: {donor}",
    },
    "export.takeaway.top_in_year": {
        "nl": "grootste donor in {year}: {donor}",
        "en": "largest donor in {year}: {donor}",
    },
    "export.takeaway.top_by_year": {
        "nl": "grootste donor: {donors}",
        "en": "largest donor: {donors}",
    },
    "export.takeaway.earmarking": {
        "nl": "In {year} was {earmarked} van de financiering van {entity} geoormerkt en {core} ongeoormerkt (kern), {relation} de Funding Compact-richtlijn van minstens {guideline} ongeoormerkt",
        "en": "In {year}, {earmarked} of {entity}'s funding was earmarked and {core} unearmarked (core), {relation} the funding-compact guideline of at least {guideline} unearmarked",
    },
    "export.takeaway.earmarking_revenue": {
        "nl": "In {year} was {earmarked} van de vrijwillige bijdragen van overheden aan {entity} geoormerkt en {core} ongeoormerkt (kern), {relation} de Funding Compact-richtlijn van minstens {guideline} ongeoormerkt",
        "en": "In {year}, {earmarked} of governments' voluntary contributions to {entity} were earmarked and {core} unearmarked (core), {relation} the funding-compact guideline of at least {guideline} unearmarked",
    },
    "export.takeaway.below": {"nl": "onder", "en": "below"},
    "export.takeaway.at_or_above": {"nl": "op of boven", "en": "at or above"},
    "export.takeaway.reform": {
        "nl": "volgens MOPAN vermindert de hervorming van 2022 het geoormerkte deel maar in zeer beperkte mate: tot {reform} over {period}",
        "en": "according to MOPAN, the 2022 reform reduces the earmarked part only to a very limited extent: to {reform} over {period}",
    },
    "export.takeaway.previous_share": {
        "nl": "tegen {share} geoormerkt in {year}",
        "en": "against {share} earmarked in {year}",
    },
    "export.takeaway.nl_core_up": {
        "nl": "Nederland verhoogde zijn ongeoormerkte bijdrage aan IOM in {year} van {before} naar {after} per jaar ({change})",
        "en": "The Netherlands raised its unearmarked contribution to IOM in {year} from {before} to {after} a year ({change})",
    },
    "export.takeaway.nl_core_down": {
        "nl": "Nederland verlaagde zijn ongeoormerkte bijdrage aan IOM in {year} van {before} naar {after} per jaar ({change})",
        "en": "The Netherlands lowered its unearmarked contribution to IOM in {year} from {before} to {after} a year ({change})",
    },
    "export.takeaway.nl_core_same": {
        "nl": "Nederland hield zijn ongeoormerkte bijdrage aan IOM in {year} gelijk op {after} per jaar",
        "en": "The Netherlands kept its unearmarked contribution to IOM at {after} a year in {year}",
    },
    "export.takeaway.core_none": {
        "nl": "Geen van de {n} grootste overheidsdonoren van {entity} in {year} gaf minstens {guideline} ongeoormerkt (Funding Compact-richtlijn)",
        "en": "None of the {n} largest government donors to {entity} in {year} gave at least {guideline} unearmarked (funding-compact guideline)",
    },
    "export.takeaway.core_one": {
        "nl": "1 van de {n} grootste overheidsdonoren van {entity} in {year} gaf minstens {guideline} ongeoormerkt (Funding Compact-richtlijn)",
        "en": "1 of the {n} largest government donors to {entity} in {year} gave at least {guideline} unearmarked (funding-compact guideline)",
    },
    "export.takeaway.core_some": {
        "nl": "{count} van de {n} grootste overheidsdonoren van {entity} in {year} gaven minstens {guideline} ongeoormerkt (Funding Compact-richtlijn)",
        "en": "{count} of the {n} largest government donors to {entity} in {year} gave at least {guideline} unearmarked (funding-compact guideline)",
    },
    "export.takeaway.core_all": {
        "nl": "Alle {n} grootste overheidsdonoren van {entity} in {year} gaven minstens {guideline} ongeoormerkt (Funding Compact-richtlijn)",
        "en": "All {n} largest government donors to {entity} in {year} gave at least {guideline} unearmarked (funding-compact guideline)",
    },
    "export.takeaway.core_single": {
        "nl": "Grootste overheidsdonor van {entity} in {year}: {donor}, {share} ongeoormerkt ({amounts}), {relation} de Funding Compact-richtlijn van minstens {guideline}",
        "en": "Largest government donor to {entity} in {year}: {donor}, {share} unearmarked ({amounts}), {relation} the funding-compact guideline of at least {guideline}",
    },
    "export.takeaway.core_highest": {
        "nl": "hoogste kernaandeel: {donor}, {share} ({amounts})",
        "en": "highest core share: {donor}, {share} ({amounts})",
    },
    "export.takeaway.core_donor": {
        "nl": "{donor}: {share} ({amounts})",
        "en": "{donor}: {share} ({amounts})",
    },
    "export.takeaway.core_outside": {
        "nl": "{donor}, buiten de top {top}: {share} ({amounts})",
        "en": "{donor}, outside the top {top}: {share} ({amounts})",
    },
    "export.takeaway.core_amounts": {
        "nl": "{cur} {core} van {voluntary} mln",
        "en": "{cur} {core} of {voluntary} million",
    },
    "export.takeaway.budget_up": {
        "nl": "De begroting van IOM steeg van {first}{via} naar {last}: {total} in {years} jaar, gemiddeld {annual} per jaar",
        "en": "IOM's budget grew from {first}{via} to {last}: {total} in {years} years, {annual} a year on average",
    },
    "export.takeaway.budget_down": {
        "nl": "De begroting van IOM daalde van {first}{via} naar {last}: {total} in {years} jaar, gemiddeld {annual} per jaar",
        "en": "IOM's budget fell from {first}{via} to {last}: {total} in {years} years, {annual} a year on average",
    },
    "export.takeaway.budget_single": {
        "nl": "De begroting van IOM was {first}",
        "en": "IOM's budget was {first}",
    },
    "export.takeaway.via": {"nl": " via {points}", "en": " via {points}"},
    "export.takeaway.point": {"nl": "{value} in {year}", "en": "{value} in {year}"},
    "export.takeaway.index": {"nl": "index {value}", "en": "index {value}"},
}


def _glued(texts: Texts) -> Texts:
    """The catalogue set by ``data.typography``: numbers on one line with their units."""
    return {
        key: {lang: glue_units(text) for lang, text in by_lang.items()}
        for key, by_lang in texts.items()
    }


# Messages about bad files are written in data/error_text.py (the data layer words its own
# errors, in both languages); they join the one catalogue here.
TEXT: Texts = _glued(
    {
        **APP_TEXT,
        **METRIC_TEXT,
        **UNIT_TEXT,
        **EXPORT_TEXT,
        **ERROR_TEXT,
        **SOURCE_TEXT,
        **ENTITIES_TEXT,
        **DONOR_PEERS_TEXT,
        **TABLE_TEXT,
        **CLAIMS_TEXT,
        **MEMO_TEXT,
        **ACCESS_TEXT,
        **MONEY_TEXT,
        **JOBS_TEXT,
    }
)


def t(key: str, lang: Lang, **values: object) -> str:
    """Look up ``key`` in ``lang`` and fill its placeholders; a text about money gets its
    currency, prices and conversion (``{cur}``, ``{prices}``, ``{money}``) from the valuation shown
    (``components.money_context``) unless the caller gives them."""
    template = TEXT[key][lang]
    if "{cur}" in template or "{prices}" in template or "{money}" in template:
        values = {**placeholders(lang), **values}
    return template.format(**values) if values else template
