"""What the built-in CEB history costs: start-up, memory per worker, and clicks as a user feels them.

``python -m bench.bench_history [--repeats N] [--json PATH]`` from the repository root. Measures:

1. start-up: ``create_app()`` with and without the history, each in a fresh interpreter
   (median of ``--startup-runs``); process start to the ranking's first bars painted for
   ``gunicorn -w 2 app:server`` (``bench_browser.cold_start``); memory: each gunicorn worker's
   RSS after a warm-up (the scorecard page, ``?source=ceb`` and three other entities loaded),
   for ``app:server`` and for ``bench.wsgi_no_history:server``, and the RSS a fresh
   interpreter gains in ``create_app()`` with and without the history;
2. clicks (``bench.click_timing``: a real mouse click, ``pointerdown`` to the first frame with
   the graph's new data, and to "settled", no callback pending): a year on the scorecard, a year
   on ``?source=ceb`` (IOM, 12 years) and a year on the naive Dash peer
   (``../shared/peers/dash_naive.py``, its own server process), clicked in turns in one run;
   then the source switch both ways. Only the ratio app/peer is comparable across machines.

No target: it prints a table and ``--json PATH`` writes every sample. Exit status 1 when a part
could not be measured (its error is printed and kept in the JSON).
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, Final

from playwright.sync_api import Browser, Page, sync_playwright

from bench import click_timing as clicks
from bench.bench_browser import (
    ROOT,
    VIEWPORT,
    cold_start,
    free_port,
    summary,
    wait_until_up,
)
from bench.chromium import CHROMIUM, CHROMIUM_FLAGS

PEER: Final = ROOT.parent / "shared" / "peers" / "dash_naive.py"
GRAPH: Final = "#ranking-graph"
PEER_GRAPH, PEER_YEAR = "#g", "y"  # the peer's graph and year radio ids (see its source)
WARM_PAGES: Final = ("/", "/?source=ceb", *(f"/?source=ceb&entity={e}" for e in ("WFP", "UNHCR", "UNICEF")))  # fmt: skip
QUIET_MS: Final = 250.0
STEP_TIMEOUT_S: Final = 180.0
MEMORY_TARGETS: Final = ("app:server", "bench.wsgi_no_history:server")
PARTS: Final = ("create_app", "cold", "memory", "clicks", "peer")

# A fresh interpreter: seconds to import the app and to create it, and its RSS around create_app.
_CREATE_APP: Final = """
import json, sys, time
def rss_kb():
    for line in open('/proc/self/status'):
        if line.startswith('VmRSS:'):
            return int(line.split()[1])
t0 = time.perf_counter()
import app
t1 = time.perf_counter()
before = rss_kb()
app.create_app(history=sys.argv[1] == '1')
t2 = time.perf_counter()
print(json.dumps({'import_s': t1 - t0, 'create_s': t2 - t1, 'rss_before_kb': before,
                  'rss_after_kb': rss_kb()}))
"""


def create_app_run(history: bool) -> dict[str, float]:
    """One fresh ``python -c`` that imports the app and calls ``create_app(history=...)``."""
    try:
        done = subprocess.run(
            [sys.executable, "-c", _CREATE_APP, "1" if history else "0"],
            cwd=ROOT, capture_output=True, text=True, timeout=STEP_TIMEOUT_S, check=False,
        )  # fmt: skip
    except subprocess.TimeoutExpired as exc:
        raise RuntimeError(f"create_app(history={history}) took over {STEP_TIMEOUT_S:.0f} s") from exc  # fmt: skip
    if done.returncode != 0:
        raise RuntimeError(f"create_app(history={history}) failed:\n{done.stderr[-2000:]}")
    run: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    run["rss_gain_mb"] = (run["rss_after_kb"] - run["rss_before_kb"]) / 1024
    return run


def create_app_times(runs: int) -> dict[str, list[dict[str, float]]]:
    """With and without the history, interleaved so a burst of load on the machine hits both."""
    out: dict[str, list[dict[str, float]]] = {"history": [], "no_history": []}
    for _ in range(runs):
        out["history"].append(create_app_run(True))
        out["no_history"].append(create_app_run(False))
    return out


@contextlib.contextmanager
def server_process(command: list[str], cwd: Path, name: str) -> Iterator[subprocess.Popen[bytes]]:
    """Start a server this benchmark owns; stop it (and only it) afterwards; show its log on error."""
    with tempfile.TemporaryFile() as log:
        proc = subprocess.Popen(command, cwd=cwd, stdout=log, stderr=subprocess.STDOUT)
        try:
            yield proc
        except Exception:
            log.seek(0)
            print(f"--- {name} output ---\n{log.read().decode(errors='replace')[-2000:]}", file=sys.stderr)  # fmt: skip
            raise
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(timeout=5)


def children_rss_mb(parent: int) -> dict[int, float]:
    """VmRSS of each live child of ``parent`` (gunicorn's workers of its master), by PID."""
    found: dict[int, float] = {}
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            fields = dict(line.split(":", 1) for line in status.read_text().splitlines() if ":" in line)  # fmt: skip
        except OSError:  # the process ended while we looked
            continue
        if int(fields.get("PPid", "0")) == parent and "VmRSS" in fields:
            found[int(status.parent.name)] = int(fields["VmRSS"].split()[0]) / 1024
    return found


def worker_memory(browser: Browser, target: str, rounds: int) -> dict[str, Any]:
    """RSS of each ``gunicorn -w 2 <target>`` worker after loading the warm-up pages ``rounds``
    times (a page's callback requests go to whichever sync worker accepts first, so one round
    reaches both)."""
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    command = [sys.executable, "-m", "gunicorn", "-w", "2", "-b", f"127.0.0.1:{port}", target]
    with server_process(command, ROOT, f"gunicorn {target}") as proc:
        wait_until_up(url + "/", proc)
        booted = children_rss_mb(proc.pid)
        page = new_page(browser)
        try:
            for _ in range(rounds):
                for path in WARM_PAGES:
                    clicks.load(page, url + path, GRAPH, QUIET_MS)
        finally:
            page.context.close()
        workers = children_rss_mb(proc.pid)
    if len(workers) != 2:
        raise RuntimeError(f"gunicorn {target}: found {len(workers)} workers, expected 2")
    return {"target": target, "booted_mb": sorted(booted.values()), "warm_mb": sorted(workers.values())}  # fmt: skip


def new_page(browser: Browser) -> Page:
    context = browser.new_context(viewport=VIEWPORT)
    context.set_default_timeout(30_000)
    clicks.instrument(context)
    return context.new_page()


def next_year(page: Page, radio: str, graph: str) -> dict[str, float]:
    """Click the year after the chosen one (the first after the last) and time it."""
    years = clicks.offered_values(page, radio)
    if len(years) < 2:
        raise RuntimeError(f"#{radio} offers {years}: nothing to change to")
    year = years[(years.index(clicks.checked_value(page, radio)) + 1) % len(years)]
    timing = clicks.timed_click(page, clicks.radio_label(radio, year), graph, quiet_ms=QUIET_MS)
    return {**timing, "year": float(year)}


def source_clicks(page: Page, repeats: int, warmup: int) -> dict[str, list[dict[str, float]]]:
    """Switch scorecard → ceb → scorecard … ; each direction measured ``repeats`` times."""
    out: dict[str, list[dict[str, float]]] = {"scorecard→ceb": [], "ceb→scorecard": []}
    for i in range(2 * (warmup + repeats)):
        now = clicks.checked_value(page, "source")
        to = "ceb" if now == "scorecard" else "scorecard"
        timing = clicks.timed_click(page, clicks.radio_label("source", to), GRAPH, quiet_ms=QUIET_MS)  # fmt: skip
        if i >= 2 * warmup:
            out[f"{now}→{to}"].append(timing)
    return out


def app_command(server: str, port: int) -> list[str]:
    """``python app.py`` (``dev``: werkzeug, the server the peer's ``app.run`` uses) or gunicorn."""
    if server == "gunicorn":
        return [sys.executable, "-m", "gunicorn", "-w", "2", "-b", f"127.0.0.1:{port}", "app:server"]  # fmt: skip
    return [sys.executable, "app.py", "--port", str(port)]


def open_peer(stack: contextlib.ExitStack, browser: Browser) -> Page:
    """Start the naive peer as it runs itself (``python dash_naive.py PORT``); its page, loaded."""
    if not PEER.exists():
        raise RuntimeError(f"{PEER} not found: the peer is read from ../shared")
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    proc = stack.enter_context(
        server_process([sys.executable, str(PEER), str(port)], PEER.parent, "peer")
    )
    wait_until_up(url, proc)
    page = new_page(browser)
    stack.callback(page.context.close)
    clicks.load(page, url, PEER_GRAPH, QUIET_MS)
    return page


def click_run(
    browser: Browser, server: str, repeats: int, warmup: int, errors: dict[str, str] | None
) -> dict[str, list[dict[str, float]]]:
    """The year changes (the app's scorecard and CEB pages and, unless ``errors`` is None, the
    peer) taken in turns, so a burst of load from elsewhere on the machine hits all of them
    alike; then the source switch. A peer that fails to start is reported in ``errors``."""
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    with contextlib.ExitStack() as stack:
        proc = stack.enter_context(server_process(app_command(server, port), ROOT, f"app ({server})"))  # fmt: skip
        wait_until_up(url + "/", proc)
        pages: dict[str, tuple[Page, str, str]] = {}
        for name, path in (("year: scorecard", "/"), ("year: ceb (IOM)", "/?source=ceb")):
            page = new_page(browser)
            stack.callback(page.context.close)
            clicks.load(page, url + path, GRAPH, QUIET_MS)
            pages[name] = (page, "year", GRAPH)
        ceb = pages["year: ceb (IOM)"][0]
        entity = ceb.evaluate("() => new URLSearchParams(location.search).get('entity')")
        if entity != "IOM" or len(clicks.offered_values(ceb, "year")) < 12:
            raise RuntimeError(f"?source=ceb shows entity {entity} and years {clicks.offered_values(ceb, 'year')}; expected IOM and 12 years")  # fmt: skip
        if errors is not None:
            peer = attempt(errors, "peer start", lambda: open_peer(stack, browser))
            if peer:
                pages["peer: year"] = (peer, PEER_YEAR, PEER_GRAPH)
        out: dict[str, list[dict[str, float]]] = {name: [] for name in pages}
        for i in range(warmup + repeats):
            for name, (page, radio, graph) in pages.items():
                timing = next_year(page, radio, graph)
                if i >= warmup:
                    out[name].append(timing)
        for direction, samples in source_clicks(pages["year: scorecard"][0], repeats, warmup).items():  # fmt: skip
            out[f"source: {direction}"] = samples
    return out


def attempt(errors: dict[str, str], part: str, step: Callable[[], Any]) -> Any:
    """Run one part; on failure keep its message and go on with the others."""
    started = time.perf_counter()
    try:
        return step()
    except Exception as exc:  # every failure is reported; none hides the rest
        errors[part] = f"{type(exc).__name__}: {exc}"
        print(f"{part}: could not measure: {errors[part]}", file=sys.stderr)
        return None
    finally:
        print(f"[{part}: {time.perf_counter() - started:.0f} s]", file=sys.stderr)


def click_summary(samples: list[dict[str, float]]) -> dict[str, Any]:
    return {key: {**summary([s[key] for s in samples]), "samples": [s[key] for s in samples]}
            for key in ("changed_ms", "settled_ms", "requests", "answered_before_change")}  # fmt: skip


def ratios(click_stats: dict[str, Any]) -> dict[str, dict[str, float]]:
    """App/peer for each year change: p50 and p95 of changed and settled."""
    peer = click_stats.get("peer: year")
    if not peer:
        return {}
    return {
        f"{name} / peer": {
            f"{key[:-3]}_{q}": stats[key][q] / peer[key][q]
            for key in ("changed_ms", "settled_ms") for q in ("p50", "p95")
        }
        for name, stats in click_stats.items() if name.startswith("year:")
    }  # fmt: skip


def print_table(results: dict[str, Any]) -> None:
    startup = results.get("create_app") or {}
    if startup:
        print(f"{'start-up (median of fresh interpreters)':<44} {'n':>3} {'import s':>9} {'create s':>9} {'RSS +MB':>8}")  # fmt: skip
    for kind, runs in startup.items():
        med = {k: statistics.median(r[k] for r in runs) for k in ("import_s", "create_s", "rss_gain_mb")}  # fmt: skip
        print(f"{'create_app(' + ('' if kind == 'history' else 'history=False') + ')':<44} {len(runs):>3} {med['import_s']:>9.2f} {med['create_s']:>9.2f} {med['rss_gain_mb']:>8.1f}")  # fmt: skip
    for run in results.get("gunicorn_cold") or []:
        print(f"gunicorn -w 2: server answers {run['server_answers_s']:.2f} s, first bars painted {run['total_s']:.2f} s")  # fmt: skip
    for mem in results.get("memory") or []:
        print(f"RSS per worker, {mem['target']}: booted {', '.join(f'{m:.0f}' for m in mem['booted_mb'])} MB; warm {', '.join(f'{m:.0f}' for m in mem['warm_mb'])} MB")  # fmt: skip
    head = f"{'click (' + results['meta']['click_server'] + ' server)':<28} {'n':>3} {'changed p50':>11} {'p95':>7} {'settled p50':>11} {'p95':>7} {'req':>4} {'ans<chg':>7}"  # fmt: skip
    print("\n" + head + "\n" + "-" * len(head))
    for name, s in (results.get("clicks") or {}).items():
        c, t = s["changed_ms"], s["settled_ms"]
        print(f"{name:<28} {c['n']:>3} {c['p50']:>11.1f} {c['p95']:>7.1f} {t['p50']:>11.1f} {t['p95']:>7.1f} {statistics.median(s['requests']['samples']):>4.0f} {statistics.median(s['answered_before_change']['samples']):>7.0f}")  # fmt: skip
    for name, r in results.get("ratios", {}).items():
        print(f"{name:<28} changed ×{r['changed_p50']:.2f} (p95 ×{r['changed_p95']:.2f}), settled ×{r['settled_p50']:.2f} (p95 ×{r['settled_p95']:.2f})")  # fmt: skip
    for part, error in results["errors"].items():
        print(f"NOT MEASURED {part}: {error.splitlines()[0]}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--repeats", type=int, default=30, help="measured clicks per measure")
    parser.add_argument("--warmup", type=int, default=3, help="unmeasured clicks first")
    parser.add_argument("--startup-runs", type=int, default=5, help="fresh create_app() runs each")
    parser.add_argument("--cold-runs", type=int, default=3, help="gunicorn cold starts")
    parser.add_argument("--warm-rounds", type=int, default=1, help="warm-up page rounds (memory)")
    parser.add_argument("--click-server", choices=("dev", "gunicorn"), default="dev",
                        help="server of the app's clicks (dev: python app.py, as the peer runs)")  # fmt: skip
    parser.add_argument("--skip", default="", help=f"comma-separated parts to leave out, of {', '.join(PARTS)}")  # fmt: skip
    parser.add_argument("--json", type=Path, help="write the results and all samples here")
    args = parser.parse_args(argv)
    if min(args.repeats, args.startup_runs) < 1 or min(args.warmup, args.cold_runs, args.warm_rounds) < 0:  # fmt: skip
        parser.error("--repeats and --startup-runs must be ≥ 1, the others ≥ 0")
    skip = {p.strip() for p in args.skip.split(",") if p.strip()}
    if skip - set(PARTS):
        parser.error(f"unknown part(s) in --skip: {', '.join(sorted(skip - set(PARTS)))}")
    if not CHROMIUM.exists():
        print(f"{CHROMIUM} not found: install Debian's chromium (make chromium)", file=sys.stderr)
        return 2
    errors: dict[str, str] = {}
    results: dict[str, Any] = {
        "meta": {
            "python": platform.python_version(), "cpus": os.cpu_count(),
            "load_average_before": os.getloadavg(), "repeats": args.repeats,
            "warmup": args.warmup, "click_server": args.click_server,
        },
        "errors": errors,
    }  # fmt: skip
    started = time.perf_counter()
    if "create_app" not in skip:
        results["create_app"] = attempt(
            errors, "create_app", lambda: create_app_times(args.startup_runs)
        )
    samples: dict[str, list[dict[str, float]]] = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=list(CHROMIUM_FLAGS)
        )
        try:
            if "cold" not in skip:
                results["gunicorn_cold"] = attempt(
                    errors,
                    "gunicorn cold start",
                    lambda: [cold_start(browser, "gunicorn") for _ in range(args.cold_runs)],
                )
            results["memory"] = []
            for target in () if "memory" in skip else MEMORY_TARGETS:
                memory = attempt(
                    errors,
                    f"memory {target}",
                    functools.partial(worker_memory, browser, target, args.warm_rounds),
                )
                if memory:
                    results["memory"].append(memory)
            if "clicks" not in skip:
                peer_errors = None if "peer" in skip else errors
                run = functools.partial(
                    click_run, browser, args.click_server, args.repeats, args.warmup, peer_errors
                )
                samples.update(attempt(errors, "clicks", run) or {})
        finally:
            browser.close()
    results["clicks"] = {name: click_summary(runs) for name, runs in samples.items()}
    results["ratios"] = ratios(results["clicks"])
    results["meta"]["runtime_s"] = time.perf_counter() - started
    results["meta"]["load_average_after"] = os.getloadavg()
    print_table(results)
    print(f"runtime {results['meta']['runtime_s']:.0f} s, load average {results['meta']['load_average_after'][0]:.1f} on {os.cpu_count()} cores")  # fmt: skip
    if args.json:
        args.json.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")  # fmt: skip
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
