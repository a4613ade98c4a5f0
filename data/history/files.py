"""What the shipped history files are called, their columns, and where the raw files lie.

Build and loader both read these, so the two cannot drift apart on a file name or a column.
"""

from __future__ import annotations

from pathlib import Path
from typing import Final

from data.columns import (
    AMOUNT_USD,
    CATEGORY,
    CATEGORY_CHANGES,
    DONOR_KEY,
    ENTITY,
    IS_OTHER,
    ISO3,
    OFFICIAL_NAME,
    OTHER_NAMES,
    REV_ASSESSED,
    REV_CORE,
    REV_EARMARKED,
    REV_OTHER,
    REV_TYPE,
    STATUS,
    YEAR,
    YEARS,
)

HISTORY_DIR: Final = Path(__file__).resolve().parent
REPO_ROOT: Final = HISTORY_DIR.parents[1]
# The raw files stay beside the clone, in ../shared, never in the repo.
DEFAULT_SOURCE: Final = REPO_ROOT.parent / "shared" / "data" / "ceb" / "history"
SOURCE_PATTERN: Final = "donors-*.json"

REVENUE_FILE: Final = "revenue.csv.gz"
CONTRIBUTORS_FILE: Final = "contributors.csv"
MANIFEST_FILE: Final = "MANIFEST.json"
SHIPPED_FILES: Final = (REVENUE_FILE, CONTRIBUTORS_FILE, MANIFEST_FILE)

REVENUE_COLUMNS: Final = (YEAR, ENTITY, DONOR_KEY, REV_TYPE, AMOUNT_USD)
CONTRIBUTOR_COLUMNS: Final = (
    DONOR_KEY,
    OFFICIAL_NAME,  # the latest year's name in the history
    OTHER_NAMES,
    CATEGORY,  # the latest year's category: one per contributor, so a series does not hop
    CATEGORY_CHANGES,
    STATUS,
    IS_OTHER,
    ISO3,
    YEARS,
)
LIST_SEPARATOR: Final = ";"

# The history's revenue categories -> CEB's revenue types (data/columns.py REV_TYPES).
REV_TYPE_OF: Final = {
    "Assessed": REV_ASSESSED,
    "Voluntary un-earmarked": REV_CORE,
    "Voluntary earmarked": REV_EARMARKED,
    "Other": REV_OTHER,
}
# The history's entity codes that the CEB export writes otherwise; all others are the same
# (PAHO is in the history only).
ENTITY_OF: Final = {"UN Women": "UNWOMEN", "UN-Habitat": "UNHABITAT"}

# Provenance, from ../shared/data/ceb/history/README.md: written into MANIFEST.json.
COMPILER: Final = "un-fck/open.unfck.org"
COMPILER_PATH: Final = "public/data/donors-YYYY.json"
COMPILER_COMMIT: Final = "052fc73"
COMPILER_LICENCE: Final = "MIT"
FIGURES_BY: Final = (
    "UN System Chief Executives Board for Coordination (CEB), Financial Statistics "
    "(unsceb.org/financial-statistics)"
)


def amount_text(value: float) -> str:
    """An amount as the shortest text that reads back as the same float (``repr``), without a
    trailing ".0", so the table is lossless and small."""
    text = repr(float(value))
    return text.removesuffix(".0")
