"""What a stored dataset is, and its byte form in the backend.

Frames are serialised with pickle (protocol 5): it preserves every dtype, including pandas 3
``str`` columns, and reads a million rows in well under a second. Unpickling runs code chosen by
whoever wrote the bytes, which is acceptable only because nothing but this app writes the store
(see the package docstring for what keeps it that way).
"""

from __future__ import annotations

import pickle
from dataclasses import dataclass
from datetime import datetime
from typing import Final

import pandas as pd

from data.store.errors import StoreError

_PICKLE_PROTOCOL: Final = 5
_PAYLOAD_KEYS: Final = frozenset({"frame", "files", "rows", "loaded_at"})


@dataclass(frozen=True, eq=False)
class StoredDataset:
    """One session's uploaded data with what the UI shows about it ("3 files, 1,000,000 rows").

    ``eq=False`` because comparing DataFrames with ``==`` is element-wise, not a truth value.
    """

    dataset_id: str
    frame: pd.DataFrame
    files: tuple[str, ...]
    rows: int
    loaded_at: datetime


def encode(dataset: StoredDataset) -> bytes:
    """Pickle the frame with its metadata in one value, so they can never get out of step."""
    payload = {
        "frame": dataset.frame,
        "files": list(dataset.files),
        "rows": dataset.rows,
        "loaded_at": dataset.loaded_at.isoformat(),
    }
    return pickle.dumps(payload, protocol=_PICKLE_PROTOCOL)


def decode(dataset_id: str, blob: bytes) -> StoredDataset:
    """Unpickle a value written by ``encode`` (trusted: only this app writes the store).

    The id is not part of the value: it is the key the value was read from.
    """
    try:
        payload = pickle.loads(blob)
    except Exception as exc:  # unpickling can raise nearly anything on damaged bytes
        raise StoreError(f"dataset {dataset_id} cannot be unpickled: {exc!r}") from exc
    if not isinstance(payload, dict) or set(payload) != _PAYLOAD_KEYS:
        raise StoreError(f"dataset {dataset_id} is not a value written by this store")
    frame = payload["frame"]
    if not isinstance(frame, pd.DataFrame):
        raise StoreError(f"dataset {dataset_id} holds a {type(frame).__name__}, not a DataFrame")
    return StoredDataset(
        dataset_id=dataset_id,
        frame=frame,
        files=tuple(payload["files"]),
        rows=int(payload["rows"]),
        loaded_at=datetime.fromisoformat(payload["loaded_at"]),
    )
