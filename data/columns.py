"""Column names as constants: every table, loader, query and figure refers to these, never to literals."""

from __future__ import annotations

from typing import Final

# facts.csv: one row per published figure
FACT_ID: Final = "fact_id"
METRIC: Final = "metric"
VALUE: Final = "value"
UNIT: Final = "unit"
YEAR: Final = "year"
AS_OF: Final = "as_of"
DONOR: Final = "donor"
RANK: Final = "rank"
SOURCE_ID: Final = "source_id"
SECTION: Final = "section"
TABLE: Final = "table"
PAGE: Final = "page"
LINE_IN_SOURCE: Final = "line"  # line in the extracted text of the source document
QUALIFIER: Final = "qualifier"  # "", "approx", "more_than", "at_least"
PERIOD: Final = "period"
QUOTE_NL: Final = "quote_nl"
NOTE_EN: Final = "note_en"
NOTE_NL: Final = "note_nl"

# sources.csv: one row per source document
SOURCE_FILE: Final = "file"
SOURCE_TITLE_EN: Final = "title_en"
SOURCE_TITLE_NL: Final = "title_nl"
PUBLISHER: Final = "publisher"
PUBLISHED: Final = "published"
RETRIEVED: Final = "retrieved"  # when the figures were taken from the document: the data-as-of date
SOURCE_NOTE_EN: Final = "note_en"
SOURCE_NOTE_NL: Final = "note_nl"

# donors.csv: one row per donor, keyed by a short stable key
DONOR_KEY: Final = "donor"
OFFICIAL_NAME: Final = "official_name"
NAME_EN: Final = "name_en"
NAME_NL: Final = "name_nl"

# contradictions.csv
CONTRADICTION_ID: Final = "contradiction_id"
KIND: Final = "kind"  # "contradiction" or "difference"
FACT_IDS: Final = "fact_ids"
VIEW: Final = "view"
TEXT_EN: Final = "text_en"
TEXT_NL: Final = "text_nl"

# relevance.csv (scorecard section 5.1)
PRIORITY_NL: Final = "priority_nl"
PRIORITY_EN: Final = "priority_en"
RATING_NL: Final = "rating_nl"
RATING_EN: Final = "rating_en"
RATING_LEVEL: Final = "rating_level"

# Derived frames returned by model queries. Amount columns hold millions in the model's
# valuation (data/money.py): nominal USD as the sources give them, unless a view chose euros or
# constant prices; the names keep "usd" from the sources' unit.
AMOUNT: Final = "amount_usd_m"  # million, USD as the scorecard publishes them
TOTAL: Final = "total_usd_m"
SHARE: Final = "share"  # fraction 0..1 of the member-state total
IS_OTHER: Final = "is_other"
OTHER_KEY: Final = "OTHER"  # the donor key of the remainder row (IS_OTHER)
CHANGE_ABS: Final = "change_usd_m"
CHANGE_PCT: Final = "change_pct"  # fraction, e.g. 0.391 for +39.1 %
RANK_CHANGE: Final = "rank_change"  # positive = moved up
INCLUDES_NEGATIVE: Final = "includes_negative"

# Money facts in a valuation (data/money.py): the published figure beside the one shown
PUBLISHED_VALUE: Final = "published_value"
PUBLISHED_UNIT: Final = "published_unit"
NOMINAL_VALUE: Final = "nominal_value"  # in the chosen currency, at current prices

# Long revenue table (CEB exports and the app's own XLSX template)
ENTITY: Final = "entity"
REV_TYPE: Final = "rev_type"
AMOUNT_USD: Final = "amount_usd"  # plain USD, as CEB publishes them
FILE: Final = "file"
LINE: Final = "line"  # 1-based line in the source file (header = 1)

# Revenue types, as CEB names them
REV_ASSESSED: Final = "Assessed Contributions"
REV_CORE: Final = "Voluntary core (un-earmarked) contributions"
REV_EARMARKED: Final = "Voluntary non-core (earmarked) contributions"
REV_OTHER: Final = "Revenue from other activities"
REV_TYPES: Final = (REV_ASSESSED, REV_CORE, REV_EARMARKED, REV_OTHER)

# Per-donor split frame (wide): USD million per revenue kind
ASSESSED: Final = "assessed_usd_m"
CORE: Final = "core_usd_m"
EARMARKED: Final = "earmarked_usd_m"
OTHER: Final = "other_usd_m"
VOLUNTARY: Final = "voluntary_usd_m"  # core + earmarked: what the scorecard ranking counts
CORE_SHARE: Final = "core_share"  # core / voluntary, fraction

# Contributor category of a CEB history row ("Government", "European Union", "Foundations" ...);
# a loaded CEB export has governments only and no such column.
CATEGORY: Final = "category"

# UN funding history (data/history): every contributor, governments and others, 2013-2024
CATEGORY_CHANGES: Final = "category_changes"  # "2013:Non-Government;2018:..." when it changed
STATUS: Final = "status"  # UN membership: member, observer, nonmember; organization
ISO3: Final = "iso3"  # ISO 3166-1 alpha-3 of a government contributor, else empty
OTHER_NAMES: Final = "other_names"  # earlier names of the contributor in the history
YEARS: Final = "years"  # the years a contributor is in the history, ";"-joined
