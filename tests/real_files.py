"""Where the real files users load lie: ``../shared`` beside the clone, read in place, never copied."""

from __future__ import annotations

from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
CEB_FILE = SHARED / "data" / "ceb" / "government-donor-revenue-2024.csv"
SEEDS = SHARED / "seeds"

needs_ceb = pytest.mark.skipif(
    not CEB_FILE.is_file(), reason=f"real CEB export not found at {CEB_FILE}"
)
