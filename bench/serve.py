"""The app served in this process on a free port, as the browser tests, the benchmarks and the
screenshot script drive it: one way to start it, so they all measure and see the same server."""

from __future__ import annotations

import logging
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

STORE_LIMIT_BYTES = 512 * 1024 * 1024


@contextmanager
def serve_app(store_dir: Path | None = None, name: str = "app-server") -> Iterator[str]:
    """Yield the base URL of the app served by werkzeug in a daemon thread.

    Uploaded data goes to a store of its own (in ``store_dir``, else a temporary folder), so
    runs never see each other's sessions.
    """
    from werkzeug.serving import make_server

    from app import create_app
    from data.store import DatasetStore, DiskcacheBackend

    with tempfile.TemporaryDirectory(prefix="iom-store-") as folder:
        store = DatasetStore(
            DiskcacheBackend(store_dir or Path(folder), size_limit_bytes=STORE_LIMIT_BYTES)
        )
        logging.getLogger("werkzeug").setLevel(logging.WARNING)  # no access log per request
        server = make_server("127.0.0.1", 0, create_app(store=store).server, threaded=True)
        thread = threading.Thread(target=server.serve_forever, name=name, daemon=True)
        thread.start()
        try:
            yield f"http://127.0.0.1:{server.server_port}"
        finally:
            server.shutdown()
            thread.join(timeout=5)
