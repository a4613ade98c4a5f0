"""Texts of the scorecard-checked view (components/charts/claims.py), in Dutch and English.

A part of the one catalogue: ``components.i18n.TEXT`` merges it, and a test fails if any key is
written in two parts.
"""

from __future__ import annotations

from collections.abc import Mapping

from components.formatting import Lang

CLAIMS_TEXT: Mapping[str, Mapping[Lang, str]] = {
    # captions
    "claims.title": {
        "nl": "De scorekaart getoetst aan CEB: {n} toetsbare cijfers en uitspraken",
        "en": "The scorecard checked against CEB: {n} testable figures and statements",
    },
    "claims.title_empty": {
        "nl": "De scorekaart getoetst aan CEB",
        "en": "The scorecard checked against CEB",
    },
    "claims.subtitle": {
        "nl": "Verschil van CEB met de scorekaart, in % van het scorekaartcijfer. IOM, kalenderjaren, nominale USD; vrijwillig = geoormerkt + kern",
        "en": "Difference of CEB from the scorecard, in % of the scorecard figure. IOM, calendar years, nominal USD; voluntary = earmarked + core",
    },
    "claims.note.rule": {
        "nl": "Komt overeen: CEB geeft precies het cijfer; binnen de afronding: CEB afgerond zoals de scorekaart geeft het cijfer; wijkt af: verder ervan af.",
        "en": "Agrees: CEB gives exactly the figure; within rounding: CEB rounded as the scorecard rounds gives the figure; differs: further off.",
    },
    "claims.note.ranks": {
        "nl": "Niet in de figuur: {ranks} plaatsen in de ranglijst ({ranks_agree} gelijk aan CEB) en {statements} uitspraken zonder cijfer ({statements_agree} kloppen met CEB); zie de tabel.",
        "en": "Not in the figure: {ranks} places in the ranking ({ranks_agree} equal to CEB's) and {statements} statements without a figure ({statements_agree} hold in CEB); see the table.",
    },
    "claims.axis": {
        "nl": "CEB tegenover de scorekaart (% van het scorekaartcijfer)",
        "en": "CEB against the scorecard (% of the scorecard figure)",
    },
    "claims.legend.rounding": {"nl": "afronding scorekaart", "en": "scorecard rounding"},
    "claims.hover": {
        "nl": "<b>{label}</b><br>Scorekaart: {published}<br>CEB: {ceb}<br>{verdict}<br>{reason}",
        "en": "<b>{label}</b><br>Scorecard: {published}<br>CEB: {ceb}<br>{verdict}<br>{reason}",
    },
    "claims.unit": {
        "nl": "verschil in % van het scorekaartcijfer",
        "en": "difference in % of the scorecard figure",
    },
    # the table
    "claims.table.claim": {"nl": "Bewering", "en": "Claim"},
    "claims.table.scorecard": {"nl": "Scorekaart", "en": "Scorecard"},
    "claims.table.ceb": {"nl": "CEB", "en": "CEB"},
    "claims.table.difference": {"nl": "Verschil", "en": "Difference"},
    "claims.table.verdict": {"nl": "Oordeel", "en": "Verdict"},
    "claims.table.reason": {"nl": "Verklaring", "en": "Likely reason"},
    "claims.with_page": {"nl": "{figure} (p. {pages})", "en": "{figure} (p. {pages})"},
    # column headers of the data files (components/exports/tables.py column_label)
    "export.col.claim": {"nl": "Bewering (id)", "en": "Claim (id)"},
    "export.col.claim_topic": {"nl": "Onderwerp", "en": "Topic"},
    "export.col.claim_label": {"nl": "Bewering", "en": "Claim"},
    "export.col.period": {"nl": "Periode", "en": "Period"},
    "export.col.scorecard": {"nl": "Scorekaart", "en": "Scorecard"},
    "export.col.fact_ids": {"nl": "Feiten (id)", "en": "Facts (id)"},
    "export.col.ceb": {"nl": "CEB", "en": "CEB"},
    "export.col.ceb_counts": {"nl": "CEB telt", "en": "CEB counts"},
    "export.col.difference": {
        "nl": "Verschil (CEB − scorekaart)",
        "en": "Difference (CEB − scorecard)",
    },
    "export.col.difference_pct": {
        "nl": "Verschil (deel van de scorekaart)",
        "en": "Difference (fraction of the scorecard)",
    },
    "export.col.verdict": {"nl": "Oordeel", "en": "Verdict"},
    "export.col.reason": {"nl": "Verklaring", "en": "Likely reason"},
    "export.col.explained": {"nl": "Verklaard door CEB", "en": "Explained by CEB"},
    "export.col.ceb_other": {
        "nl": "CEB, andere lezing of maatstaf",
        "en": "CEB, other reading or benchmark",
    },
    "export.col.ceb_other_year": {"nl": "Jaar daarvan", "en": "Its year"},
    "export.col.ceb_other_counts": {"nl": "Die telt", "en": "It counts"},
    "export.col.compared": {"nl": "Vergeleken onder (aantal)", "en": "Compared among (number)"},
    # labels per topic and kind
    "claims.label.donor_table.amount": {"nl": "{donor} {year}", "en": "{donor} {year}"},
    "claims.label.donor_table.rank": {"nl": "{donor} {year}: plaats", "en": "{donor} {year}: rank"},
    "claims.label.donor_table.total": {
        "nl": "Totaal lidstaten {year}",
        "en": "Member-state total {year}",
    },
    "claims.label.nl_contribution.amount": {
        "nl": "{donor} {year} (tekst)",
        "en": "{donor} {year} (text)",
    },
    "claims.label.nl_contribution.rank": {
        "nl": "{donor} {year}: plaats (tekst)",
        "en": "{donor} {year}: rank (text)",
    },
    "claims.label.earmarking.share": {
        "nl": "Geoormerkt aandeel {year}",
        "en": "Earmarked share {year}",
    },
    "claims.label.earmarking.amount": {
        "nl": "Geoormerkte bijdragen {year}",
        "en": "Earmarked contributions {year}",
    },
    "claims.label.budget.level": {"nl": "Begroting {year}", "en": "Budget {year}"},
    "claims.label.budget.growth": {
        "nl": "Groei begroting {period}",
        "en": "Budget growth {period}",
    },
    "claims.label.core_donor.statement": {
        "nl": "{donor} een van de grootste core-donoren, {year}",
        "en": "{donor} one of the largest core donors, {year}",
    },
    "claims.label.un_core_share.statement": {
        "nl": "IOM relatief weinig ongeoormerkt t.o.v. andere VN-organisaties, {year} ({scope})",
        "en": "IOM relatively little unearmarked compared with other UN organisations, {year} ({scope})",
    },
    "claims.group.donor_table": {
        "nl": "Donortabel: bedragen (p. {pages})",
        "en": "Donor table: amounts (p. {pages})",
    },
    "claims.group.donor_table.total": {
        "nl": "Totaal lidstaten (p. {pages})",
        "en": "Member-state total (p. {pages})",
    },
    "claims.group.nl_contribution": {
        "nl": "Nederland 2023, tekst (p. {pages})",
        "en": "Netherlands 2023, text (p. {pages})",
    },
    "claims.group.earmarking": {"nl": "Oormerken (p. {pages})", "en": "Earmarking (p. {pages})"},
    "claims.group.budget": {
        "nl": "Begroting en groei (p. {pages})",
        "en": "Budget and growth (p. {pages})",
    },
    "claims.scope.governments": {"nl": "overheden", "en": "governments"},
    "claims.scope.all": {"nl": "alle bijdragers", "en": "all contributors"},
    "claims.topic.donor_table": {"nl": "Donortabel", "en": "Donor table"},
    "claims.topic.nl_contribution": {
        "nl": "Bijdrage Nederland (tekst)",
        "en": "Netherlands' contribution (text)",
    },
    "claims.topic.earmarking": {"nl": "Oormerken", "en": "Earmarking"},
    "claims.topic.core_donor": {
        "nl": "Nederland als core-donor",
        "en": "Netherlands as core donor",
    },
    "claims.topic.un_core_share": {"nl": "IOM naast de VN", "en": "IOM against the UN"},
    "claims.topic.budget": {"nl": "Begroting", "en": "Budget"},
    # figures in words
    "claims.rank": {"nl": "plaats {rank}", "en": "rank {rank}"},
    "claims.unit.rank": {"nl": "plaats", "en": "rank"},
    "claims.unit.USD million": {"nl": "USD mln", "en": "USD million"},
    "claims.unit.USD billion": {"nl": "USD mld", "en": "USD billion"},
    "claims.unit.%": {"nl": "%", "en": "%"},
    "claims.usd_bn": {"nl": "USD {amount} mld", "en": "USD {amount} billion"},
    "claims.pair.USD million": {
        "nl": "USD {published} → {ceb} mln",
        "en": "USD {published} → {ceb} million",
    },
    "claims.pair.USD billion": {
        "nl": "USD {published} → {ceb} mld",
        "en": "USD {published} → {ceb} billion",
    },
    "claims.pair.%": {"nl": "{published} % → {ceb} %", "en": "{published}% → {ceb}%"},
    "claims.pp": {"nl": "{value} procentpunt", "en": "{value} percentage points"},
    "claims.statement.one_of_largest_core_donors": {
        "nl": "een van de grootste core-donoren",
        "en": "one of the largest core donors",
    },
    "claims.statement.little_core_against_un": {
        "nl": "relatief weinig ongeoormerkt",
        "en": "relatively little unearmarked",
    },
    # verdicts
    "claims.verdict.agrees": {"nl": "komt overeen", "en": "agrees"},
    "claims.verdict.within_rounding": {"nl": "binnen de afronding", "en": "within rounding"},
    "claims.verdict.differs": {"nl": "wijkt af", "en": "differs"},
    "claims.verdict.differs_by": {
        "nl": "wijkt af met {difference} ({pct})",
        "en": "differs by {difference} ({pct})",
    },
    "claims.verdict.statement.agrees": {"nl": "klopt met CEB", "en": "holds in CEB"},
    "claims.verdict.statement.differs": {"nl": "niet volgens CEB", "en": "not in CEB"},
    # what the CEB figure counts
    "claims.counts.donor_voluntary": {
        "nl": "vrijwillige bijdragen van de donor aan IOM",
        "en": "the donor's voluntary revenue at IOM",
    },
    "claims.counts.donor_voluntary_assessed": {
        "nl": "vrijwillige en verplichte bijdragen van de donor",
        "en": "the donor's voluntary and assessed contributions",
    },
    "claims.counts.donor_rank": {
        "nl": "plaats onder alle overheden naar vrijwillige bijdragen",
        "en": "rank among all governments by voluntary revenue",
    },
    "claims.counts.governments_voluntary": {
        "nl": "vrijwillige bijdragen van alle overheden",
        "en": "voluntary revenue from all governments",
    },
    "claims.counts.governments_voluntary_assessed": {
        "nl": "vrijwillige en verplichte bijdragen van alle overheden",
        "en": "voluntary and assessed contributions from all governments",
    },
    "claims.counts.earmarked_share_of_voluntary": {
        "nl": "geoormerkt deel van de vrijwillige bijdragen van alle bijdragers",
        "en": "earmarked part of voluntary revenue from all contributors",
    },
    "claims.counts.earmarked_share_with_assessed": {
        "nl": "geoormerkt deel van vrijwillige plus verplichte bijdragen",
        "en": "earmarked part of voluntary plus assessed contributions",
    },
    "claims.counts.earmarked_share_of_revenue": {
        "nl": "geoormerkt deel van alle inkomsten",
        "en": "earmarked part of all revenue",
    },
    "claims.counts.earmarked_all": {
        "nl": "geoormerkte bijdragen van alle bijdragers",
        "en": "earmarked revenue from all contributors",
    },
    "claims.counts.revenue_all": {
        "nl": "alle inkomsten van IOM (alle soorten, alle bijdragers)",
        "en": "all IOM revenue (every kind, every contributor)",
    },
    "claims.counts.revenue_growth": {
        "nl": "groei van alle inkomsten van IOM",
        "en": "growth of all IOM revenue",
    },
    "claims.counts.revenue_ratio": {
        "nl": "inkomsten van het eindjaar als % van het beginjaar",
        "en": "revenue of the end year as % of the start year",
    },
    "claims.counts.donor_core_rank": {
        "nl": "plaats onder de overheden naar ongeoormerkte bijdragen",
        "en": "rank among governments by core contributions",
    },
    "claims.counts.largest_rank": {"nl": "grens: de grootste {n}", "en": "limit: the largest {n}"},
    "claims.counts.iom_core_share.governments": {
        "nl": "ongeoormerkt deel van de vrijwillige bijdragen van overheden aan IOM",
        "en": "core part of governments' voluntary revenue at IOM",
    },
    "claims.counts.iom_core_share.all": {
        "nl": "ongeoormerkt deel van de vrijwillige bijdragen aan IOM",
        "en": "core part of voluntary revenue at IOM",
    },
    "claims.counts.median_core_share.governments": {
        "nl": "mediaan van de VN-organisaties (overheden)",
        "en": "median of the UN entities (governments)",
    },
    "claims.counts.median_core_share.all": {
        "nl": "mediaan van de VN-organisaties (alle bijdragers)",
        "en": "median of the UN entities (all contributors)",
    },
    # reasons
    "claims.reason.none": {
        "nl": "niet uit de CEB-cijfers te verklaren",
        "en": "not explained by the CEB figures",
    },
    "claims.reason.calendar_year": {
        "nl": "ander jaar: CEB geeft {other} voor {year}",
        "en": "another year: CEB gives {other} for {year}",
    },
    "claims.reason.assessed_included": {
        "nl": "met verplichte bijdragen erbij geeft CEB {other}",
        "en": "with assessed contributions included CEB gives {other}",
    },
    "claims.reason.denominator": {
        "nl": "andere noemer: als deel van alle inkomsten geeft CEB {other}",
        "en": "another denominator: as a share of all revenue CEB gives {other}",
    },
    "claims.reason.level_not_growth": {
        "nl": "geen groei maar niveau: de inkomsten van {year} zijn {other} van die van {start}",
        "en": "a level, not growth: revenue in {year} is {other} of {start}'s",
    },
    "claims.reason.unexplained.all_governments_vs_member_states": {
        "nl": "CEB telt alle overheden, de scorekaart lidstaten (CEB zegt niet wie lid is van IOM)",
        "en": "CEB counts all governments, the scorecard member states (CEB does not say who is an IOM member)",
    },
    "claims.reason.unexplained.denominator": {
        "nl": "de scorekaart rekent met 'alle financiering', CEB met vrijwillige bijdragen; geen noemer in CEB geeft het cijfer",
        "en": "the scorecard counts 'all funding', CEB voluntary revenue; no denominator in CEB gives the figure",
    },
    "claims.reason.core_rank": {
        "nl": "plaats {rank} van {n} overheden met ongeoormerkte bijdragen (grens: de grootste {largest})",
        "en": "rank {rank} of {n} governments giving core funding (limit: the largest {largest})",
    },
    "claims.reason.core_share": {
        "nl": "IOM {share}; mediaan van {n} VN-organisaties {median}",
        "en": "IOM {share}; median of {n} UN entities {median}",
    },
    # takeaway
    "claims.takeaway": {
        "nl": "Van de {n} toetsbare cijfers en uitspraken in de scorekaart {agree} met CEB, {within} binnen de afronding; {differ}",
        "en": "Of the {n} testable figures and statements in the scorecard, {agree} with CEB, {within} within rounding; {differ}",
    },
    "claims.takeaway.agree.one": {"nl": "komt er 1 overeen", "en": "1 agrees"},
    "claims.takeaway.agree.many": {"nl": "komen er {count} overeen", "en": "{count} agree"},
    "claims.takeaway.differ.none": {"nl": "geen wijkt af", "en": "none differs"},
    "claims.takeaway.differ.one": {"nl": "1 wijkt af", "en": "1 differs"},
    "claims.takeaway.differ.many": {"nl": "{count} wijken af", "en": "{count} differ"},
    "claims.takeaway.largest": {
        "nl": "{differ} (grootste: {label}, {published} in de scorekaart, {ceb} bij CEB)",
        "en": "{differ} (largest: {label}, {published} in the scorecard, {ceb} in CEB)",
    },
    "claims.takeaway.needs_ceb": {
        "nl": "De toets van de scorekaart gebruikt de CEB-reeks: kies bij Bron 'CEB 2013–2024'.",
        "en": "The check of the scorecard uses the CEB series: choose 'CEB 2013–2024' as the source.",
    },
}
