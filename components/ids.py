"""Every component id in one place, so a misspelt id is a NameError, not a silent no-op."""

from typing import Final

URL: Final = "url"
LANG: Final = "lang"
YEAR: Final = "year"
DONOR: Final = "donor"
VIEW: Final = "view"
BUDGET_MODE: Final = "budget-mode"

TITLE: Final = "app-title"
SUBTITLE: Final = "app-subtitle"
LANG_LABEL: Final = "lang-label"
YEAR_LABEL: Final = "year-label"
DONOR_LABEL: Final = "donor-label"
BUDGET_MODE_LABEL: Final = "budget-mode-label"
KPIS: Final = "kpis"
FOOTER: Final = "footer"

TAB_RANKING: Final = "ranking"
TAB_OVER_TIME: Final = "over_time"
TAB_EARMARKING: Final = "earmarking"
TAB_BUDGET: Final = "budget"
TAB_ORGANISATION: Final = "organisation"
TAB_SOURCES: Final = "sources"
TABS: Final = (
    TAB_RANKING,
    TAB_OVER_TIME,
    TAB_EARMARKING,
    TAB_BUDGET,
    TAB_ORGANISATION,
    TAB_SOURCES,
)

RANKING_GRAPH: Final = "ranking-graph"
RANKING_NOTES: Final = "ranking-notes"
OVER_TIME_GRAPH: Final = "over-time-graph"
OVER_TIME_TABLE: Final = "over-time-table"
OVER_TIME_NOTES: Final = "over-time-notes"
EARMARKING_GRAPH: Final = "earmarking-graph"
NL_CORE_GRAPH: Final = "nl-core-graph"
EARMARKING_NOTES: Final = "earmarking-notes"
BUDGET_GRAPH: Final = "budget-graph"
BUDGET_TABLE: Final = "budget-table"
BUDGET_NOTES: Final = "budget-notes"
ORGANISATION: Final = "organisation-facts"
RELEVANCE: Final = "relevance"
CONTRADICTIONS: Final = "contradictions"
SOURCES_GRID: Final = "sources-grid"
SOURCES_INTRO: Final = "sources-intro"

# Loaded data (CEB exports)
SESSION: Final = "session"
DATASET: Final = "dataset"
DATA_PANEL: Final = "data-panel"
DATA_SUMMARY: Final = "data-summary"
DATA_HELP: Final = "data-help"
UPLOAD: Final = "upload"
UPLOAD_LABEL: Final = "upload-label"
DATA_STATUS: Final = "data-status"
ENTITY: Final = "entity"
ENTITY_LABEL: Final = "entity-label"
TOP_N: Final = "top-n"
TOP_N_LABEL: Final = "top-n-label"
RESET_DATA: Final = "reset-data"
TEMPLATE_BUTTON: Final = "template-button"
TEMPLATE_DOWNLOAD: Final = "template-download"
COMPARISON: Final = "comparison"
