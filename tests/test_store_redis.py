"""The Redis store for real: the store's rules against a ``redis-server`` these tests start, and
two app servers (two "hosts" behind a load balancer) sharing it.

Debian's ``redis-server`` is started on a free port with no persistence and stopped after the
module; without ``/usr/bin/redis-server`` (``apt-get install -y redis-server``) every test here
is skipped, saying so. The app servers are ``python app.py`` subprocesses driven over HTTP with
the requests Dash's renderer sends, so what is tested is what a browser would see.
"""

from __future__ import annotations

import base64
import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from data.store import DatasetStore, RedisBackend, new_session_id
from tests.real_files import CEB_CUT
from tests.store_fakes import revenue_frame

ROOT = Path(__file__).resolve().parents[1]
REDIS_SERVER = Path("/usr/bin/redis-server")

pytestmark = pytest.mark.skipif(
    not REDIS_SERVER.exists(),
    reason=f"{REDIS_SERVER} not found: apt-get install -y redis-server (CI installs it)",
)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
    return port


@pytest.fixture(scope="module")
def redis_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A private redis-server on a free port, no persistence; stopped after the module."""
    port = _free_port()
    folder = tmp_path_factory.mktemp("redis")
    command = [str(REDIS_SERVER), "--port", str(port), "--bind", "127.0.0.1", "--save", ""]
    command += ["--appendonly", "no", "--dir", str(folder), "--maxmemory-policy", "allkeys-lru"]
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
    url = f"redis://127.0.0.1:{port}/0"
    try:
        client = _client(url)
        for _ in range(100):
            try:
                if client.ping():
                    break
            except Exception:  # not listening yet
                time.sleep(0.05)
        else:
            pytest.fail("redis-server did not answer PING within 5 s")
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def _client(url: str) -> Any:
    redis = pytest.importorskip(
        "redis", reason="the redis package (a pinned dependency) is missing"
    )
    return redis.Redis.from_url(url)


@pytest.fixture
def store(redis_url: str) -> Iterator[DatasetStore]:
    _client(redis_url).flushdb()
    yield DatasetStore(RedisBackend.from_url(redis_url), ttl_seconds=30)


# --------------------------------------------------------------------------------------------
# the store's rules on a real server
# --------------------------------------------------------------------------------------------


def test_a_dataset_round_trips_with_every_dtype(store: DatasetStore) -> None:
    session = store.issue_session()
    frame = revenue_frame(rows=5_000)
    dataset_id = store.put(session, frame, ["a.csv", "b.xlsx"])
    loaded = store.get(session, dataset_id)
    assert loaded is not None and loaded.files == ("a.csv", "b.xlsx")
    pd.testing.assert_frame_equal(loaded.frame, frame)


def test_only_the_owning_session_reads_or_deletes(store: DatasetStore) -> None:
    owner, intruder = store.issue_session(), store.issue_session()
    dataset_id = store.put(owner, revenue_frame(), ["a.csv"])
    assert store.get(intruder, dataset_id) is None
    store.delete(intruder, dataset_id)
    assert store.get(owner, dataset_id) is not None


def test_a_replaced_upload_is_deleted_and_a_discarded_one_too(
    store: DatasetStore, redis_url: str
) -> None:
    session = store.issue_session()
    first = store.put(session, revenue_frame(seed=1), ["a.csv"])
    second = store.put(session, revenue_frame(seed=2), ["b.csv"])
    keys = {key.decode() for key in _client(redis_url).keys("*")}
    assert not any(first in key for key in keys)
    assert any(second in key for key in keys)
    store.delete(session, second)
    assert not any(":dataset:" in key.decode() for key in _client(redis_url).keys("*"))
    assert store.is_issued(session)  # the session stays; only its data is gone


def test_every_key_expires_on_the_server(redis_url: str) -> None:
    _client(redis_url).flushdb()
    store = DatasetStore(RedisBackend.from_url(redis_url), ttl_seconds=0.4)
    session = store.issue_session()
    dataset_id = store.put(session, revenue_frame(rows=50), ["a.csv"])
    ttls = [_client(redis_url).pttl(key) for key in _client(redis_url).keys("*")]
    assert len(ttls) == 3 and all(0 < ttl <= 400 for ttl in ttls)  # pointer, data, issued mark
    time.sleep(0.6)
    assert store.get(session, dataset_id) is None
    assert not store.is_issued(session)
    assert _client(redis_url).keys("*") == []


def test_a_session_id_the_server_did_not_issue_is_not_known(store: DatasetStore) -> None:
    assert not store.is_issued(new_session_id())
    assert not store.is_issued("short")
    assert store.is_issued(store.issue_session())


def test_two_hosts_share_sessions_and_data(redis_url: str, store: DatasetStore) -> None:
    other_host = DatasetStore(RedisBackend.from_url(redis_url), ttl_seconds=30)
    session = store.issue_session()
    assert other_host.is_issued(session)
    dataset_id = other_host.put(session, revenue_frame(seed=3), ["c.csv"])
    loaded = store.get(session, dataset_id)
    assert loaded is not None and loaded.files == ("c.csv",)


# --------------------------------------------------------------------------------------------
# two app servers sharing the Redis store, each restarted
# --------------------------------------------------------------------------------------------


class AppServer:
    """``python app.py`` on a port of its own, with the shared Redis store."""

    def __init__(self, redis: str, log: Path) -> None:
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.env = {**os.environ, "IOM_REDIS_URL": redis}
        self.log = log
        self.proc: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        with self.log.open("ab") as sink:
            self.proc = subprocess.Popen(
                [sys.executable, "app.py", "--port", str(self.port)],
                cwd=ROOT, env=self.env, stdout=sink, stderr=subprocess.STDOUT,
            )  # fmt: skip
        deadline = time.monotonic() + 180
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                pytest.fail(f"the app on {self.port} exited: {self.log.read_text()[-2000:]}")
            try:
                urllib.request.urlopen(self.url + "/_dash-dependencies", timeout=2).read()
                return
            except OSError:
                time.sleep(0.5)
        pytest.fail(f"the app on {self.port} did not start within 180 s")

    def stop(self) -> None:
        if self.proc is not None:
            self.proc.terminate()
            self.proc.wait(timeout=30)
            self.proc = None

    def restart(self) -> None:
        self.stop()
        self.start()

    def post(self, body: dict[str, Any]) -> Any:
        request = urllib.request.Request(
            self.url + "/_dash-update-component",
            data=json.dumps(body).encode(),
            headers={"Content-Type": "application/json", "Referer": self.url + "/?lang=en"},
        )
        with urllib.request.urlopen(request, timeout=120) as response:
            return json.loads(response.read())

    def callback(self, output_has: str, trigger: str, values: dict[str, Any]) -> dict[str, Any]:
        """Run the callback whose output names ``output_has``, as the renderer would when
        ``trigger`` changed; ``values`` holds the page's prop values by "id.prop"."""
        raw = urllib.request.urlopen(self.url + "/_dash-dependencies", timeout=10).read()
        spec = next(d for d in json.loads(raw) if output_has in d["output"])

        def dep(item: dict[str, str]) -> dict[str, Any]:
            key = f"{item['id']}.{item['property']}"
            return {"id": item["id"], "property": item["property"], "value": values.get(key)}

        outputs = [_output(part) for part in spec["output"].strip(".").split("...")]
        answer = self.post(
            {
                "output": spec["output"],
                "outputs": outputs if len(outputs) > 1 else outputs[0],
                "inputs": [dep(i) for i in spec["inputs"]],
                "state": [dep(s) for s in spec["state"]],
                "changedPropIds": [trigger],
            }
        )
        response: dict[str, Any] = answer["response"]
        return response


def _output(part: str) -> dict[str, str]:
    name, prop = part.rsplit(".", 1)
    return {"id": name, "property": prop.split("@", 1)[0]}


@contextmanager
def _servers(redis: str, folder: Path) -> Iterator[tuple[AppServer, AppServer]]:
    first, second = AppServer(redis, folder / "a.log"), AppServer(redis, folder / "b.log")
    try:
        first.start()
        second.start()
        yield first, second
    finally:
        first.stop()
        second.stop()


def _sources(server: AppServer, session: str, dataset: dict[str, Any]) -> list[str]:
    """The sources the page offers (enabled): 'upload' only when the server finds the data."""
    values = {"dataset.data": dataset, "session.data": session, "lang.value": "en"}
    answer = server.callback("source.options", "dataset.data", values)
    return [o["value"] for o in answer["source"]["options"] if not o.get("disabled")]


def test_an_upload_through_one_server_is_served_by_the_other_and_survives_restarts(
    redis_url: str, tmp_path: Path
) -> None:
    _client(redis_url).flushdb()
    with _servers(redis_url, tmp_path) as (first, second):
        issued = first.callback("session.data", "url.pathname", {"url.pathname": "/"})
        session = issued["session"]["data"]
        content = "data:text/csv;base64," + base64.b64encode(CEB_CUT.read_bytes()).decode()
        values = {
            "upload.contents": [content],
            "upload.filename": [CEB_CUT.name],
            "session.data": session,
            "lang.value": "en",
            "reset-data.n_clicks": 0,
        }
        loaded = first.callback("dataset.data", "upload.contents", values)
        dataset = loaded["dataset"]["data"]
        assert dataset and dataset["files"] == [CEB_CUT.name], loaded
        assert "upload" in _sources(second, session, dataset)  # the other host serves it
        assert "upload" not in _sources(second, new_session_id(), dataset)  # only to its owner
        first.restart()
        assert "upload" in _sources(first, session, dataset)
        second.restart()
        assert "upload" in _sources(second, session, dataset)
        kept = second.callback("session.data", "url.pathname", {"session.data": session})
        assert kept["session"]["data"] == session  # still issued, after both restarts
