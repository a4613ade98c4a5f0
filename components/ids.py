"""Every component id in one place, so a misspelt id is a NameError, not a silent no-op."""

from typing import Any, Final

URL: Final = "url"
URL_STATE: Final = "url-state"  # the query string last written by assets/url_state.js
LAYOUT_SEARCH: Final = "layout-search"  # the query string the first page was drawn for
LANG: Final = "lang"
YEAR: Final = "year"
DONOR: Final = "donor"
VIEW: Final = "view"
BUDGET_MODE: Final = "budget-mode"
AMOUNTS_MODE: Final = "amounts-mode"  # amounts per donor: the amounts or their change

TITLE: Final = "app-title"
SUBTITLE: Final = "app-subtitle"
LANG_LABEL: Final = "lang-label"
YEAR_LABEL: Final = "year-label"
DONOR_LABEL: Final = "donor-label"
BUDGET_MODE_LABEL: Final = "budget-mode-label"
AMOUNTS_MODE_LABEL: Final = "amounts-mode-label"
KPIS: Final = "kpis"
FOOTER: Final = "footer"

TAB_RANKING: Final = "ranking"
TAB_OVER_TIME: Final = "over_time"
TAB_EARMARKING: Final = "earmarking"
TAB_BUDGET: Final = "budget"
TAB_ENTITIES: Final = "entities"
TAB_CONTRIBUTORS: Final = "contributors"
TAB_DONOR: Final = "donor"
TAB_PEERS: Final = "peers"
TAB_CLAIMS: Final = "claims"
TAB_TABLE: Final = "table"
TAB_ORGANISATION: Final = "organisation"
TAB_SOURCES: Final = "sources"
TABS: Final = (
    TAB_RANKING,
    TAB_OVER_TIME,
    TAB_EARMARKING,
    TAB_BUDGET,
    TAB_ENTITIES,
    TAB_CONTRIBUTORS,
    TAB_DONOR,
    TAB_PEERS,
    TAB_CLAIMS,
    TAB_TABLE,
    TAB_ORGANISATION,
    TAB_SOURCES,
)

ORGANISATION: Final = "organisation-facts"
RELEVANCE: Final = "relevance"
CONTRADICTIONS: Final = "contradictions"
SOURCES_GRID: Final = "sources-grid"
SOURCES_INTRO: Final = "sources-intro"

# Where the numbers come from: the scorecard, the built-in CEB history, loaded files
SOURCE: Final = "source"
SOURCE_LABEL: Final = "source-label"
SOURCE_OPTIONS: Final = "source-options"  # entity, top N and scope: for CEB data only
SCOPE: Final = "scope"
SCOPE_LABEL: Final = "scope-label"
PEERS: Final = "peers"  # the donors set beside the highlighted one (view=peers)
PEERS_LABEL: Final = "peers-label"

# Loaded data (CEB exports)
SESSION: Final = "session"
DATASET: Final = "dataset"
DATA_PANEL: Final = "data-panel"
DATA_SUMMARY: Final = "data-summary"
DATA_HELP: Final = "data-help"
UPLOAD: Final = "upload"
UPLOAD_LABEL: Final = "upload-label"
DATA_STATUS: Final = "data-status"
UPLOAD_CHECK: Final = "upload-check"  # the browser's own check of dropped files (upload_guard.js)
APP_ALERT: Final = "app-alert"  # a failure anywhere on the page, said in its language
ENTITY: Final = "entity"
ENTITY_LABEL: Final = "entity-label"
TOP_N: Final = "top-n"
TOP_N_LABEL: Final = "top-n-label"
TOP_N_NOTE: Final = "top-n-note"  # says why an entered top N is not used
RESET_DATA: Final = "reset-data"
TEMPLATE_BUTTON: Final = "template-button"
TEMPLATE_DOWNLOAD: Final = "template-download"

# Per-chart export controls: pattern-matching ids {"chart": <chart>, <one of these>: <the same>}
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
EXPORT_KEYS: Final = "export-keys"  # store: per chart, what its export texts were written from


def graph(chart: str) -> str:
    """The graph of a chart (``components/charts``): 'over_time' -> 'over-time-graph'."""
    return f"{chart.replace('_', '-')}-graph"


def panel(chart: str, name: str) -> str:
    """Something drawn beside a chart, named by it: ('ranking', 'notes') -> 'ranking-notes'."""
    return f"{chart.replace('_', '-')}-{name}"


def for_chart(kind: str, chart: Any) -> dict[str, Any]:
    """The pattern-matching id of a chart's export control; ``chart`` may be MATCH or ALL.

    The kind is a key of its own, not the value of a shared "type" key: Dash's renderer finds
    the component of a dict id by comparing it with every id of the same key names, deep-equal
    one by one, for each output of each callback. With one "chart, type" key set that was
    some 300 ids (20 kinds for 15 charts) and about 15 ms of main thread on every control change;
    a key set per kind keeps each search to the fifteen charts."""
    return {"chart": chart, kind: kind}


def kind_of(component_id: dict[str, Any]) -> str:
    """The kind of a chart's export control (``for_chart``), from its id."""
    return next(key for key in component_id if key != "chart")


# Memo pack (several charts in one PPTX or DOCX)
MEMO_HEADING: Final = "memo-heading"
MEMO_HELP: Final = "memo-help"
MEMO_CHARTS: Final = "memo-charts"
MEMO_PPTX: Final = "memo-pptx"
MEMO_DOCX: Final = "memo-docx"
MEMO_DOWNLOAD: Final = "memo-download"
MEMO_STATUS: Final = "memo-status"

# Money: the currency and prices amounts are shown in (issue 9, components/money_bar.py)
CURRENCY: Final = "currency"
CURRENCY_LABEL: Final = "currency-label"
PRICES: Final = "prices"
PRICES_LABEL: Final = "prices-label"
BASE: Final = "price-base"
BASE_LABEL: Final = "price-base-label"
MONEY_NOTE: Final = "money-note"

# Sources grid (components/sources_grid.py): the box it is redrawn in (AG Grid reads its
# language once, so a language change draws a new grid) and its CSV download button.
SOURCES_GRID_BOX: Final = "sources-grid-box"
SOURCES_DOWNLOAD: Final = "sources-download"

# Long work off the request path (callbacks/jobs.py): progress bars, their text, cancel buttons
MEMO_PROGRESS: Final = "memo-progress"
MEMO_PROGRESS_TEXT: Final = "memo-progress-text"
MEMO_CANCEL: Final = "memo-cancel"
UPLOAD_PROGRESS: Final = "upload-progress"
UPLOAD_PROGRESS_TEXT: Final = "upload-progress-text"
UPLOAD_CANCEL: Final = "upload-cancel"
TAB: Final = "tab"  # this browser tab's id (sessionStorage): its uploads are its own
DATA_POLL: Final = "data-poll"  # a reloaded tab waits for the upload it started
