"""What every data-aware callback needs: the dataset id the browser holds."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


def dataset_id(dataset: Mapping[str, Any] | None) -> str | None:
    """The id in the browser's dataset store; None means the built-in (or start-up) data."""
    return (dataset or {}).get("id")
