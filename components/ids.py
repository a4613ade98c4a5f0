"""Every component id in one place, so a misspelt id is a NameError, not a silent no-op."""

from typing import Any, Final

URL: Final = "url"
URL_STATE: Final = "url-state"  # the query string last written by assets/url_state.js
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
# The ranking figure of every year for the current language, donor, top N and data: the browser
# picks the chosen year's, so a year click repaints without a server round trip.
RANKING_FIGURES: Final = "ranking-figures"
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

# Charts that can leave the app (exports, takeaways, memo pack); values of the "chart" key below
CHART_RANKING: Final = "ranking"
CHART_OVER_TIME: Final = "over_time"
CHART_EARMARKING: Final = "earmarking"
CHART_EARMARKING_SIDE: Final = "earmarking_side"
CHART_BUDGET: Final = "budget"
CHARTS: Final = (
    CHART_RANKING,
    CHART_OVER_TIME,
    CHART_EARMARKING,
    CHART_EARMARKING_SIDE,
    CHART_BUDGET,
)

# Per-chart export controls: pattern-matching ids {"type": <one of these>, "chart": <chart>}
TAKEAWAY: Final = "takeaway"
TAKEAWAY_LABEL: Final = "takeaway-label"
TAKEAWAY_COPY: Final = "takeaway-copy"
TAKEAWAY_STATUS: Final = "takeaway-status"
TAKEAWAY_MESSAGES: Final = "takeaway-messages"  # store: what the browser says after a copy
EXPORT_SUMMARY: Final = "export-summary"
EXPORT_TITLE: Final = "export-title"
EXPORT_TITLE_LABEL: Final = "export-title-label"
EXPORT_SUBTITLE: Final = "export-subtitle"
EXPORT_SUBTITLE_LABEL: Final = "export-subtitle-label"
EXPORT_PRESET: Final = "export-preset"
EXPORT_PRESET_LABEL: Final = "export-preset-label"
EXPORT_HINT: Final = "export-hint"
EXPORT_PNG: Final = "export-png"
EXPORT_SVG: Final = "export-svg"
EXPORT_COPY: Final = "export-copy"
EXPORT_CSV: Final = "export-csv"
EXPORT_XLSX: Final = "export-xlsx"
EXPORT_IMAGE: Final = "export-image"  # store: the export figure the browser renders
EXPORT_DOWNLOAD: Final = "export-download"
EXPORT_STATUS: Final = "export-status"


def for_chart(kind: str, chart: Any) -> dict[str, Any]:
    """The pattern-matching id of a chart's export control; ``chart`` may be MATCH or ALL."""
    return {"type": kind, "chart": chart}


# Memo pack (several charts in one PPTX or DOCX)
MEMO_HEADING: Final = "memo-heading"
MEMO_HELP: Final = "memo-help"
MEMO_CHARTS: Final = "memo-charts"
MEMO_PPTX: Final = "memo-pptx"
MEMO_DOCX: Final = "memo-docx"
MEMO_DOWNLOAD: Final = "memo-download"
MEMO_STATUS: Final = "memo-status"
