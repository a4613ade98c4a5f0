"""Interaction and first load as one analyst feels them, beside the naive Dash peer in one run.

``python -m bench.bench_interaction [--repeats N] [--json PATH]`` from the repository root.
It starts the app (``python app.py``, the server the peer's ``app.run`` uses) and the peer
(``../shared/peers/dash_naive.py``) and drives Debian's headless Chromium with real mouse clicks
and key presses (``bench.click_timing``: from the input event's ``timeStamp`` to the first frame
in which the ranking graph changed, and to the page settled: no callback pending):

* on ``?source=ceb`` (IOM, 12 years) and on the scorecard (``/``): a year click, a donor picked
  in the dropdown (the highlight: bar colours and bold tick), a language click, the top N (CEB
  only: typed, timed from the Enter key), the source switch both ways; the peer's year click;
  all taken in turns, so a burst of load from elsewhere on the machine hits them alike;
* first load on a warm server, each in a fresh browser context (nothing cached): navigation
  start to the first bars painted, to the last callback answer, and the callback requests sent;
  the same for the peer.

Targets (issue 10): every change p95 ≤ 60 ms and ≤ 0.6 × the peer's year click (changed frame);
first load ≤ 6 callback requests and first chart ≤ 0.7 × the peer's. Prints a table with the
ratios; ``--json PATH`` writes every sample. No pass/fail: exit status 1 only when a part could
not be measured.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import json
import os
import platform
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, Final

from playwright.sync_api import Browser, Page, sync_playwright

from bench import click_timing as clicks
from bench.bench_browser import ROOT, free_port, summary, wait_until_up
from bench.bench_history import (
    GRAPH,
    PEER,
    PEER_GRAPH,
    PEER_YEAR,
    QUIET_MS,
    app_command,
    attempt,
    new_page,
    next_year,
    server_process,
)
from bench.chromium import CHROMIUM, CHROMIUM_FLAGS

TARGET_P95_MS: Final = 60.0
TARGET_PEER_RATIO: Final = 0.6
TARGET_LOAD_REQUESTS: Final = 6
TARGET_LOAD_RATIO: Final = 0.7
PAGES: Final = {"ceb": "/?source=ceb", "scorecard": "/"}
LOADS: Final = {"load: ceb": "/?source=ceb", "load: scorecard": "/"}
TOPS: Final = ("15", "10")


def drawn_donors(page: Page) -> list[tuple[str, str]]:
    """(key, name) of the ranked donors the ranking graph draws, from its bars."""
    return [
        (str(k), str(n))
        for k, n in page.evaluate(
            """(graph) => { const gd = document.querySelector(graph + ' .js-plotly-plot');
                const t = gd.data[0];
                return t.customdata.map((k, i) => [k, String(t.y[i]).replace(/^\\d+\\.\\s*/, '')]); }""",
            GRAPH,
        )
    ]


def donor_change(page: Page) -> dict[str, float]:
    """Open the donor dropdown, search another drawn donor, and time the click on its option."""
    current = page.evaluate("() => new URLSearchParams(location.search).get('donor')")
    choices = [(k, n) for k, n in drawn_donors(page)[-4:] if k != current and k != "other"]
    if not choices:
        raise RuntimeError(f"no other donor drawn besides {current}")
    key, name = choices[-1]
    page.locator("#donor").click()
    page.locator(".dash-dropdown-content .dash-dropdown-search").fill(name[:8])
    option = f'.dash-dropdown-content [role=option]:has(input[value="{key}"])'
    page.wait_for_selector(option, state="visible")
    return clicks.timed_click(page, option, GRAPH, quiet_ms=QUIET_MS, deep=True)


def lang_change(page: Page) -> dict[str, float]:
    to = "en" if clicks.checked_value(page, "lang") == "nl" else "nl"
    return clicks.timed_click(page, clicks.radio_label("lang", to), GRAPH, quiet_ms=QUIET_MS, deep=True)  # fmt: skip


def top_change(page: Page) -> dict[str, float]:
    """Type another top N and press Enter (the input answers on Enter or blur)."""
    box = page.locator("#top-n")
    now = box.input_value()
    box.fill(TOPS[0] if now != TOPS[0] else TOPS[1])
    return clicks.timed_click(page, "#top-n", GRAPH, quiet_ms=QUIET_MS, key="Enter")


def source_change(page: Page) -> dict[str, float]:
    to = "ceb" if clicks.checked_value(page, "source") == "scorecard" else "scorecard"
    return clicks.timed_click(page, clicks.radio_label("source", to), GRAPH, quiet_ms=QUIET_MS)


def year_change(page: Page) -> dict[str, float]:
    return next_year(page, "year", GRAPH)


STEPS: Final[dict[str, tuple[str, Callable[[Page], dict[str, float]]]]] = {
    "ceb: year": ("ceb", year_change),
    "ceb: donor": ("ceb", donor_change),
    "ceb: language": ("ceb", lang_change),
    "ceb: top N": ("ceb", top_change),
    "scorecard: year": ("scorecard", year_change),
    "scorecard: donor": ("scorecard", donor_change),
    "scorecard: language": ("scorecard", lang_change),
    "scorecard: source →ceb": ("scorecard", source_change),
    "ceb: source →scorecard": ("scorecard", source_change),
}


def loads(browser: Browser, base: str, paths: dict[str, str], runs: int) -> dict[str, list[dict[str, float]]]:  # fmt: skip
    """Each page ``runs`` times in a fresh context, in turns."""
    out: dict[str, list[dict[str, float]]] = {name: [] for name in paths}
    for _ in range(runs):
        for name, path in paths.items():
            page = new_page(browser)
            try:
                out[name].append(clicks.first_load(page, base + path, QUIET_MS))
            finally:
                page.context.close()
    return out


def run(browser: Browser, repeats: int, warmup: int, load_runs: int, errors: dict[str, str], only: Sequence[str] = ()) -> dict[str, list[dict[str, float]]]:  # fmt: skip
    port, peer_port = free_port(), free_port()
    url, peer_url = f"http://127.0.0.1:{port}", f"http://127.0.0.1:{peer_port}"
    out: dict[str, list[dict[str, float]]] = {}
    with contextlib.ExitStack() as stack:
        proc = stack.enter_context(server_process(app_command("dev", port), ROOT, "app"))
        peer = stack.enter_context(
            server_process([sys.executable, str(PEER), str(peer_port)], PEER.parent, "peer")
        )
        wait_until_up(url + "/", proc)
        wait_until_up(peer_url + "/", peer)
        pages: dict[str, Page] = {}
        for name, path in PAGES.items():
            pages[name] = new_page(browser)
            stack.callback(pages[name].context.close)
            clicks.load(pages[name], url + path, GRAPH, QUIET_MS)
        peer_page = new_page(browser)
        stack.callback(peer_page.context.close)
        clicks.load(peer_page, peer_url + "/", PEER_GRAPH, QUIET_MS)
        steps = {k: v for k, v in STEPS.items() if not only or any(o in k for o in only)}
        for name in (*steps, "peer: year"):
            out[name] = []
        for i in range(warmup + repeats):
            for name, (page_name, step) in steps.items():
                page = pages[page_name]
                timing = attempt(errors, name, functools.partial(step, page))
                if timing and i >= warmup:
                    out[name].append(timing)
            timing = next_year(peer_page, PEER_YEAR, PEER_GRAPH)
            if i >= warmup:
                out["peer: year"].append(timing)
        if load_runs:
            out.update(loads(browser, url, LOADS, load_runs))
            out.update(loads(browser, peer_url, {"load: peer": "/"}, load_runs))
    return {k: v for k, v in out.items() if v}


def stats(samples: dict[str, list[dict[str, float]]]) -> dict[str, dict[str, Any]]:
    def one(values: list[float]) -> dict[str, Any]:
        return {**summary(values), "samples": values}

    return {
        name: {key: one([s[key] for s in runs]) for key in runs[0]}
        for name, runs in samples.items()
    }


def print_table(results: dict[str, Any]) -> None:
    st = results["stats"]
    peer = st.get("peer: year", {}).get("changed_ms", {})
    head = f"{'change':<26} {'n':>3} {'changed p50':>11} {'p95':>7} {'×peer p95':>9} {'settled p50':>11} {'p95':>7} {'req':>4}"  # fmt: skip
    print(head + "\n" + "-" * len(head))
    for name, s in st.items():
        if name.startswith("load:"):
            continue
        c, t = s["changed_ms"], s["settled_ms"]
        ratio = c["p95"] / peer["p95"] if peer else float("nan")
        print(f"{name:<26} {c['n']:>3} {c['p50']:>11.1f} {c['p95']:>7.1f} {ratio:>9.2f} {t['p50']:>11.1f} {t['p95']:>7.1f} {s['requests']['p50']:>4.0f}")  # fmt: skip
    print(f"\n{'first load (warm server)':<26} {'n':>3} {'chart p50':>11} {'p95':>7} {'×peer p50':>9} {'settled p50':>11} {'p95':>7} {'req':>4}")  # fmt: skip
    peer_load = st.get("load: peer", {}).get("first_chart_ms", {})
    for name, s in st.items():
        if not name.startswith("load:"):
            continue
        c, t = s["first_chart_ms"], s["settled_ms"]
        ratio = c["p50"] / peer_load["p50"] if peer_load else float("nan")
        print(f"{name:<26} {c['n']:>3} {c['p50']:>11.1f} {c['p95']:>7.1f} {ratio:>9.2f} {t['p50']:>11.1f} {t['p95']:>7.1f} {s['requests']['p50']:>4.0f}")  # fmt: skip
    print(f"\ntargets: changed p95 ≤ {TARGET_P95_MS:.0f} ms and ≤ {TARGET_PEER_RATIO} × peer; first load ≤ {TARGET_LOAD_REQUESTS} requests, chart ≤ {TARGET_LOAD_RATIO} × peer")  # fmt: skip
    for part, error in results["errors"].items():
        print(f"NOT MEASURED {part}: {error.splitlines()[0]}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--repeats", type=int, default=20, help="measured changes per kind")
    parser.add_argument("--warmup", type=int, default=2, help="unmeasured rounds first")
    parser.add_argument("--load-runs", type=int, default=8, help="first loads per page")
    parser.add_argument("--json", type=Path, help="write the results and all samples here")
    parser.add_argument(
        "--only",
        action="append",
        default=[],
        help="only the changes whose name has this (repeatable)",
    )
    args = parser.parse_args(argv)
    if args.repeats < 1 or args.warmup < 0 or args.load_runs < 0:
        parser.error("--repeats must be ≥ 1, --warmup and --load-runs ≥ 0 (0: no first loads)")
    if not CHROMIUM.exists() or not PEER.exists():
        print(f"need {CHROMIUM} (make chromium) and {PEER}", file=sys.stderr)
        return 2
    errors: dict[str, str] = {}
    started = time.perf_counter()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=list(CHROMIUM_FLAGS))  # fmt: skip
        try:
            samples = attempt(errors, "run", lambda: run(browser, args.repeats, args.warmup, args.load_runs, errors, args.only)) or {}  # fmt: skip
        finally:
            browser.close()
    results: dict[str, Any] = {
        "meta": {"python": platform.python_version(), "cpus": os.cpu_count(),
                 "runtime_s": time.perf_counter() - started, "load_average": os.getloadavg(),
                 "repeats": args.repeats},
        "stats": stats(samples),
        "errors": errors,
    }  # fmt: skip
    print_table(results)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")  # fmt: skip
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
