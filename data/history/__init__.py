"""The UN funding history built in: every contributor's CEB revenue per UN entity, 2013-2024.

``build`` derives the shipped tables from the compiled files in ``../shared`` (run
``python -m data.history.build``); ``load`` reads them. Import from ``data.history``.
"""

from __future__ import annotations

from data.history.files import (
    CONTRIBUTORS_FILE,
    DEFAULT_SOURCE,
    HISTORY_DIR,
    MANIFEST_FILE,
    REVENUE_FILE,
    SHIPPED_FILES,
)
from data.history.load import HISTORY_COLUMNS, HistoryFileError, load_contributors, load_history

__all__ = [
    "CONTRIBUTORS_FILE",
    "DEFAULT_SOURCE",
    "HISTORY_COLUMNS",
    "HISTORY_DIR",
    "MANIFEST_FILE",
    "REVENUE_FILE",
    "SHIPPED_FILES",
    "HistoryFileError",
    "load_contributors",
    "load_history",
]
