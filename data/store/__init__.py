"""Server-side store for the revenue data set each browser session uploads.

An upload can be a million rows (~40 MB pickled); sending that to the browser in a ``dcc.Store``
and back with every callback would make the dashboard unusable, so the frame stays on the server
and the browser only holds two opaque strings: its session id and the dataset id.

The app runs under ``gunicorn -w 4``, so the data lives outside any one process: in a
``diskcache`` directory by default, or in Redis when ``IOM_REDIS_URL`` is set. Every entry has a
TTL, refreshed whenever the session reads its data, and the disk store has a size limit beyond
which the least-recently-used entries are evicted, one at a time and never the one being
written. A dataset is served only to the session that uploaded it, and session ids are accepted
only if this server issued them.

Frames are pickled. Unpickling runs code chosen by whoever wrote the bytes, which is acceptable
only because nothing but this app writes the store: the store directory must be private to the
app's user (checked at start-up) and a Redis server must not be writable by anyone else.

One module per job; import from here, not from the modules:

- ``settings``: environment variables, defaults and their parsing;
- ``errors``: ``StoreError`` and its subclasses;
- ``ids``: session and dataset ids, and the backend keys derived from them;
- ``codec``: ``StoredDataset`` and its pickled form;
- ``backends``: the ``Backend`` protocol, ``DiskcacheBackend`` and ``RedisBackend``;
- ``dataset_store``: ``DatasetStore`` (per-session access) and its per-worker cache.
"""

from __future__ import annotations

from data.store.backends import Backend, DiskcacheBackend, RedisBackend
from data.store.codec import StoredDataset
from data.store.dataset_store import DatasetStore
from data.store.errors import DatasetTooLargeError, StoreConfigError, StoreError
from data.store.ids import new_session_id
from data.store.settings import (
    DEFAULT_DIR_NAME,
    DEFAULT_LOCAL_ENTRIES,
    DEFAULT_SIZE_LIMIT_MB,
    DEFAULT_TTL_SECONDS,
    ENV_DIR,
    ENV_REDIS_URL,
    ENV_SIZE_LIMIT,
    ENV_TTL,
)

__all__ = [
    "DEFAULT_DIR_NAME",
    "DEFAULT_LOCAL_ENTRIES",
    "DEFAULT_SIZE_LIMIT_MB",
    "DEFAULT_TTL_SECONDS",
    "ENV_DIR",
    "ENV_REDIS_URL",
    "ENV_SIZE_LIMIT",
    "ENV_TTL",
    "Backend",
    "DatasetStore",
    "DatasetTooLargeError",
    "DiskcacheBackend",
    "RedisBackend",
    "StoreConfigError",
    "StoreError",
    "StoredDataset",
    "new_session_id",
]
