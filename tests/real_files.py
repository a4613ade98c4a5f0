"""Where the real files users load lie: ``../shared`` beside the clone, read in place, never copied.

``IOM_SHARED_DIR`` points elsewhere (``IOM_SHARED_DIR=/nonexistent`` shows what a clone without
``../shared`` runs: every test of the full real files is skipped, the fixture tests still run).
``CEB_CUT`` is the committed cut of the CEB export and ``HISTORY_CUT`` the one of the funding
history (see tests/fixtures/README.md and tests/fixtures/history/README.md) for tests of
behaviour, which must not skip without ``../shared``.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar, cast

import pytest

SHARED = Path(
    os.environ.get("IOM_SHARED_DIR") or Path(__file__).resolve().parents[1].parent / "shared"
)
CEB_FILE = SHARED / "data" / "ceb" / "government-donor-revenue-2024.csv"
CEB_CUT = Path(__file__).resolve().parent / "fixtures" / "ceb-2024-cut.csv"
HISTORY_DIR = SHARED / "data" / "ceb" / "history"  # the compiled funding history, 2013-2024
HISTORY_CUT = Path(__file__).resolve().parent / "fixtures" / "history"  # two years, cut small
SEEDS = SHARED / "seeds"

T = TypeVar("T")


def _real_data(found: bool, reason: str) -> Callable[[T], T]:
    """Marks a test of the full real files: ``real_data`` (the fast suite, ``make unit``, leaves
    them to ``make test``, so it runs whole in a clone without ``../shared``) and skipped when
    the files are not there."""

    def mark(test: T) -> T:
        skipped = pytest.mark.skipif(not found, reason=reason)(test)
        return cast(T, pytest.mark.real_data(skipped))

    return mark


needs_ceb = _real_data(CEB_FILE.is_file(), f"real CEB export not found at {CEB_FILE}")
needs_history = _real_data(
    (HISTORY_DIR / "donors-2024.json").is_file(), f"funding history not found in {HISTORY_DIR}"
)
needs_seeds = _real_data(SEEDS.is_dir(), f"source documents not found in {SEEDS}")
