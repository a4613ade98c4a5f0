"""Session and dataset ids, and the backend keys derived from them.

The session id is the only secret that grants access to a session's data, so its shape is
checked everywhere an id enters from the browser, and it never appears in a key in clear.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from typing import Final

_TOKEN_BYTES: Final = 32  # 256 bits; the brief asks for at least 128
_ID_PATTERN: Final = re.compile(r"[A-Za-z0-9_-]{22,256}")  # token_urlsafe alphabet, >= 128 bits
KEY_PREFIX: Final = "iom-dashboard:store:v1:"  # versioned so a format change never misreads


def new_session_id() -> str:
    """A fresh, unguessable session id: the only secret that gives access to a session's data."""
    return secrets.token_urlsafe(_TOKEN_BYTES)


def new_dataset_id() -> str:
    """A fresh dataset id, as unguessable as a session id so ids never collide across sessions."""
    return secrets.token_urlsafe(_TOKEN_BYTES)


def valid_id(value: object) -> bool:
    """Ids come back from the browser: anything not shaped like our tokens is simply unknown."""
    return isinstance(value, str) and _ID_PATTERN.fullmatch(value) is not None


def check_session_id(session_id: str) -> None:
    """A short or empty session id would let sessions share data: refuse it loudly on write."""
    if not valid_id(session_id):
        raise ValueError("session_id must come from new_session_id() (URL-safe, >= 128 bits)")


def session_key(session_id: str) -> str:
    """Key of the session's pointer; hashed so the secret itself never shows in a key listing."""
    return f"{KEY_PREFIX}session:{hashlib.sha256(session_id.encode('ascii')).hexdigest()}"


def dataset_key(dataset_id: str) -> str:
    """Key of one pickled dataset; the id is not secret on its own, so it is used as is."""
    return f"{KEY_PREFIX}dataset:{dataset_id}"


def issued_key(session_id: str) -> str:
    """Key of the mark that the server issued this session id (a client-chosen id has none)."""
    return f"{KEY_PREFIX}issued:{hashlib.sha256(session_id.encode('ascii')).hexdigest()}"


def tab_key(session_id: str, tab_id: str) -> str:
    """Key of one browser tab's pointer: the dataset it shows and the one it replaced.

    Two tabs of one session (a duplicated tab, a second window) each upload into their own
    pointer, so one tab's upload never replaces the data another tab is drawing."""
    digest = hashlib.sha256(f"{session_id}\n{tab_id}".encode("ascii")).hexdigest()
    return f"{KEY_PREFIX}tab:{digest}"


def pending_key(session_id: str, tab_id: str) -> str:
    """Key of the mark that a tab's upload is being read (so a reloaded tab waits for it)."""
    digest = hashlib.sha256(f"{session_id}\n{tab_id}".encode("ascii")).hexdigest()
    return f"{KEY_PREFIX}pending:{digest}"


def split_ids(value: bytes | None) -> list[str]:
    """The dataset ids in a pointer value (space-separated ASCII tokens), in order."""
    return [] if value is None else value.decode("ascii", errors="replace").split()


def join_ids(found: list[str]) -> bytes:
    """A pointer value from dataset ids (no duplicates, order kept)."""
    return " ".join(dict.fromkeys(found)).encode("ascii")
