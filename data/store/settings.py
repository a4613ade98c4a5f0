"""The store's environment variables, their defaults, and the checks that read them.

Kept apart from the backends so that every knob an operator can turn is listed in one place,
and so the error messages elsewhere can name the variable to change.
"""

from __future__ import annotations

import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Final

from data.store.errors import StoreConfigError

ENV_DIR: Final = "IOM_STORE_DIR"
ENV_TTL: Final = "IOM_STORE_TTL_SECONDS"
ENV_SIZE_LIMIT: Final = "IOM_STORE_SIZE_LIMIT_MB"
ENV_REDIS_URL: Final = "IOM_REDIS_URL"

DEFAULT_DIR_NAME: Final = "iom-dashboard-store"
DEFAULT_TTL_SECONDS: Final = 6 * 60 * 60
"""Long enough for a working session with breaks; an idle upload is gone by the next day."""
DEFAULT_SIZE_LIMIT_MB: Final = 2048
"""About fifty million-row uploads at ~40 MB each."""
DEFAULT_LOCAL_ENTRIES: Final = 4
"""Datasets each worker keeps unpickled in memory: a few sessions' worth, not a second store."""


def store_directory(env: Mapping[str, str]) -> str:
    """``IOM_STORE_DIR``, or ``<tempdir>/iom-dashboard-store`` when it is unset or blank."""
    return env.get(ENV_DIR, "").strip() or str(Path(tempfile.gettempdir()) / DEFAULT_DIR_NAME)


def positive_number(env: Mapping[str, str], name: str, default: float) -> float:
    """Read a positive number from the environment, naming the variable when it is wrong."""
    text = env.get(name, "").strip()
    if not text:
        return float(default)
    try:
        value = float(text)
    except ValueError:
        raise StoreConfigError(f"{name} must be a number, not {text!r}") from None
    if not value > 0 or value == float("inf"):
        raise StoreConfigError(f"{name} must be a positive number, not {text!r}")
    return value
