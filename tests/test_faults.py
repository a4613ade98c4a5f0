"""Faults, on a real ``gunicorn -w 2 app:server`` in a subprocess (issue 10):

- a worker killed with ``kill -9`` under load loses no uploaded data, and the next requests
  succeed (gunicorn starts a new worker; the data lives in the shared store, not the worker);
- a restart of the whole server keeps every session's upload within its TTL;
- a full store evicts the least recently used sessions, never the one in use.

The uploads are written into the server's store directory by a ``DatasetStore`` of the test
(one more worker on the same directory, as an upload job's child process is); the server is
asked through Dash's own callback protocol whether each session still has its data.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import psutil
import pytest
import requests

from data.store import DatasetStore, DiskcacheBackend
from tests.store_fakes import MB, revenue_frame

ROOT = Path(__file__).resolve().parents[1]
GUNICORN = Path(sys.executable).with_name("gunicorn")
START_TIMEOUT = 40.0


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def gunicorn(store_dir: Path, jobs_dir: Path, size_mb: float = 64) -> Iterator[tuple[str, Any]]:
    """``gunicorn -w 2 app:server`` on a free port; yields its URL and the master process."""
    port = _free_port()
    env = {
        **os.environ,
        "IOM_STORE_DIR": str(store_dir),
        "IOM_JOBS_DIR": str(jobs_dir),
        "IOM_STORE_SIZE_LIMIT_MB": str(size_mb),
    }
    command = [str(GUNICORN), "-w", "2", "-b", f"127.0.0.1:{port}", "--preload", "app:server"]
    master = subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            try:
                if requests.get(f"{url}/_dash-layout", timeout=5).ok:
                    break
            except requests.ConnectionError:
                time.sleep(0.2)
        else:
            pytest.fail("gunicorn did not start")
        yield url, master
    finally:
        master.send_signal(signal.SIGTERM)
        try:
            master.wait(10)
        except subprocess.TimeoutExpired:
            master.kill()
            master.wait(5)


def sources(url: str, session: str, dataset_id: str) -> list[str]:
    """The sources the session can pick with this dataset ('upload' if the server has it)."""
    body: dict[str, Any] = {
        "output": "source.options",
        "outputs": {"id": "source", "property": "options"},
        "inputs": [
            {"id": "dataset", "property": "data", "value": {"id": dataset_id}},
            {"id": "lang", "property": "value", "value": "en"},
        ],
        "state": [
            {"id": "session", "property": "data", "value": session},
            {"id": "tab", "property": "data", "value": None},
        ],
        "changedPropIds": ["dataset.data"],
    }
    response = requests.post(f"{url}/_dash-update-component", json=body, timeout=20)
    response.raise_for_status()
    options = response.json()["response"]["source"]["options"]
    return [str(option["value"]) for option in options if not option["disabled"]]


def _uploads(store: DatasetStore, count: int, rows: int = 1_000) -> list[tuple[str, str]]:
    made = []
    for seed in range(count):
        session, frame = store.issue_session(), revenue_frame(rows=rows, seed=seed)
        made.append((session, store.put(session, frame, [f"{seed}.csv"])))
    return made


def test_kill_9_of_a_worker_and_a_restart_lose_no_upload(tmp_path: Path) -> None:
    store_dir, jobs_dir = tmp_path / "store", tmp_path / "jobs"
    store = DatasetStore(DiskcacheBackend(store_dir, size_limit_bytes=64 * MB), ttl_seconds=600)
    uploads = _uploads(store, 6)
    with gunicorn(store_dir, jobs_dir) as (url, master):
        assert all("upload" in sources(url, s, d) for s, d in uploads)
        assert "upload" not in sources(url, uploads[0][0], uploads[1][1])  # not another's
        failures: list[BaseException] = []
        done = threading.Event()

        def load() -> None:  # requests keep coming while a worker dies
            while not done.is_set():
                for session, dataset_id in uploads:
                    try:
                        sources(url, session, dataset_id)
                    except requests.RequestException as exc:
                        failures.append(exc)

        threads = [threading.Thread(target=load, daemon=True) for _ in range(3)]
        for thread in threads:
            thread.start()
        time.sleep(0.5)
        victim = psutil.Process(master.pid).children()[0]
        os.kill(victim.pid, signal.SIGKILL)
        time.sleep(1.0)
        done.set()
        for thread in threads:
            thread.join(30)
        assert len(failures) <= 3  # at most the requests the dead worker held
        assert len(psutil.Process(master.pid).children()) == 2  # gunicorn started a new one
        assert all("upload" in sources(url, s, d) for s, d in uploads)  # nothing lost
    with gunicorn(store_dir, jobs_dir) as (url, _master):  # the whole server restarted
        assert all("upload" in sources(url, s, d) for s, d in uploads)


def test_a_full_store_evicts_the_least_recently_used_never_the_session_in_use(
    tmp_path: Path,
) -> None:
    store_dir, jobs_dir = tmp_path / "store", tmp_path / "jobs"
    store = DatasetStore(DiskcacheBackend(store_dir, size_limit_bytes=2 * MB), ttl_seconds=600)
    with gunicorn(store_dir, jobs_dir, size_mb=2) as (url, _master):
        mine = _uploads(store, 1, rows=6_000)[0]
        others: list[tuple[str, str]] = []
        for _ in range(16):  # ~0.15 MB each: the store overflows several times over
            assert "upload" in sources(url, *mine)  # in use all along, through the server
            others += _uploads(store, 1, rows=6_000)
        assert "upload" in sources(url, *mine)
        alive = ["upload" in sources(url, s, d) for s, d in others]
        assert not alive[0] and alive[-1]  # the oldest idle ones went, the newest stayed
        gone = alive.index(True)
        assert all(alive[gone:])  # in order of last use, one at a time
