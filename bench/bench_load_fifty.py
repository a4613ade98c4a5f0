"""Fifty analysts for sixty seconds against ``gunicorn -w 4 app:server`` (issue 10).

1. Starts gunicorn (4 workers) on a free port with a store and a jobs directory of its own.
2. Records a real browser session's callback requests with Playwright (bench/locust_record.py).
3. Runs locust headless (bench/locust_replay.py): ``--users`` (50) spawned at 10/s, for
   ``--seconds`` (60), and prints, per step, requests, failures, requests/s, median and p95.

The answers drawn from the shared data are kept per worker (``callbacks/shared_answers.py``), so
fifty analysts replaying one session mostly get kept answers; ``--cold`` turns that off, for
the case where every analyst asks for a view no one asked for before.

Exit status 1 when a request failed or the callback p95 is over the target (300 ms). Bounded
(one minute of load) and out of the test suite: ``python -m bench.bench_load_fifty``.
"""

from __future__ import annotations

import argparse
import csv
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import requests

from bench.locust_record import record

ROOT = Path(__file__).resolve().parents[1]
TARGET_P95_MS = 300.0


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _start(port: int, folder: Path, workers: int, cold: bool) -> subprocess.Popen[bytes]:
    env = {
        **os.environ,
        "IOM_STORE_DIR": str(folder / "store"),
        "IOM_JOBS_DIR": str(folder / "jobs"),
    }
    if cold:  # no answers kept over the shared data (callbacks/shared_answers.py)
        env["IOM_SHARED_ANSWERS"] = "0"
    command = [str(Path(sys.executable).with_name("gunicorn")), "-w", str(workers), "-b"]
    command += [f"127.0.0.1:{port}", "--preload", "app:server"]
    server = subprocess.Popen(command, cwd=ROOT, env=env, stderr=subprocess.DEVNULL)
    for _ in range(300):
        try:
            if requests.get(f"http://127.0.0.1:{port}/_dash-layout", timeout=5).ok:
                return server
        except requests.ConnectionError:
            time.sleep(0.2)
    server.kill()
    raise SystemExit("gunicorn did not start")


def _report(prefix: Path) -> bool:
    """Print locust's per-step statistics; True when the targets are met."""
    with open(f"{prefix}_stats.csv", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    print(f"{'step':<22}{'requests':>9}{'failures':>9}{'req/s':>8}{'p50 ms':>8}{'p95 ms':>8}")
    ok = True
    for row in rows:
        name = row["Name"]
        print(
            f"{name:<22}{row['Request Count']:>9}{row['Failure Count']:>9}"
            f"{float(row['Requests/s']):>8.1f}{row['50%']:>8}{row['95%']:>8}"
        )
        if name == "Aggregated":
            ok = int(row["Failure Count"]) == 0 and float(row["95%"]) <= TARGET_P95_MS
    return ok


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument(
        "--cold",
        action="store_true",
        help="keep no answers over the shared data: every request draws afresh, as if every "
        "analyst asked for a view no one had asked for before",
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="iom-load-") as folder:
        recording, prefix = Path(folder) / "locust-session.json", Path(folder) / "locust"
        port = _free_port()
        server = _start(port, Path(folder), args.workers, args.cold)
        try:
            sent = record(f"http://127.0.0.1:{port}/", recording)
            print(f"recorded {len(sent)} callback requests of one browser session")
            env = {**os.environ, "IOM_LOCUST_RECORDING": str(recording)}
            subprocess.run(
                [
                    str(Path(sys.executable).with_name("locust")),
                    "-f",
                    "bench/locust_replay.py",
                    "--headless",
                    "-u",
                    str(args.users),
                    "-r",
                    "10",
                    "-t",
                    f"{args.seconds}s",
                    "--host",
                    f"http://127.0.0.1:{port}",
                    "--csv",
                    str(prefix),
                    "--only-summary",
                ],
                cwd=ROOT,
                env=env,
                check=False,
                stdout=subprocess.DEVNULL,
            )
        finally:
            server.send_signal(signal.SIGTERM)
            server.wait(20)
        met = _report(prefix)
    sys.exit(0 if met else 1)


if __name__ == "__main__":
    main()
