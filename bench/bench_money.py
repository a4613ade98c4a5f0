"""What a currency or prices switch costs, measured like the year change, beside the naive peer.

``python -m bench.bench_money [--repeats N] [--server dev|gunicorn] [--json PATH]`` from the
repository root. On ``?source=ceb`` (IOM, the built-in history, 12 years) it mouse-clicks, in
turns: the next year, USD ↔ EUR, current ↔ constant prices, and the next year on the naive Dash
peer (``../shared/peers/dash_naive.py``), each timed by ``bench.click_timing`` from the
``pointerdown`` event to the first frame with the ranking's new data (``changed``) and to the
page settled (no callback pending). The first switch to a valuation builds its model (once per
worker); ``--warmup`` clicks are left out, so the figures are those of a warm worker, as a user
meets them after the first look. Only ratios to the peer compare across machines.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import platform
import sys
from pathlib import Path
from typing import Any, Final

from playwright.sync_api import Page, sync_playwright

from bench import click_timing as clicks
from bench.bench_browser import ROOT, free_port, wait_until_up
from bench.bench_history import (
    GRAPH,
    PEER_GRAPH,
    PEER_YEAR,
    QUIET_MS,
    app_command,
    attempt,
    click_summary,
    new_page,
    next_year,
    open_peer,
    server_process,
)
from bench.chromium import CHROMIUM, CHROMIUM_FLAGS

# control id -> its two values, clicked in turn
TOGGLES: Final = {"currency": ("USD", "EUR"), "prices": ("current", "constant")}


def toggle(page: Page, radio: str) -> dict[str, float]:
    """Click the other value of a two-valued control and time it."""
    first, second = TOGGLES[radio]
    to = second if clicks.checked_value(page, radio) == first else first
    timing = clicks.timed_click(page, clicks.radio_label(radio, to), GRAPH, quiet_ms=QUIET_MS)
    return {**timing, "to": float(to == second)}


def run(server: str, repeats: int, warmup: int, errors: dict[str, str]) -> dict[str, Any]:
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    samples: dict[str, list[dict[str, float]]] = {}
    with sync_playwright() as pw, contextlib.ExitStack() as stack:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        stack.callback(browser.close)
        proc = stack.enter_context(server_process(app_command(server, port), ROOT, "app"))
        wait_until_up(url + "/", proc)
        app = new_page(browser)
        stack.callback(app.context.close)
        clicks.load(app, url + "/?source=ceb", GRAPH, QUIET_MS)
        steps: dict[str, Any] = {
            "year (USD, nominal)": lambda: next_year(app, "year", GRAPH),
            "currency USD↔EUR": lambda: toggle(app, "currency"),
            "prices current↔constant": lambda: toggle(app, "prices"),
        }
        peer = attempt(errors, "peer start", lambda: open_peer(stack, browser))
        if peer:
            steps["peer: year"] = lambda: next_year(peer, PEER_YEAR, PEER_GRAPH)
        samples = {name: [] for name in steps}
        for i in range(warmup + repeats):
            for name, step in steps.items():
                timing = step()
                if i >= warmup:
                    samples[name].append(timing)
    return {name: click_summary(s) for name, s in samples.items() if s}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=20)
    parser.add_argument("--warmup", type=int, default=2)
    parser.add_argument("--server", choices=("dev", "gunicorn"), default="dev")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)
    errors: dict[str, str] = {}
    stats = attempt(errors, "clicks", lambda: run(args.server, args.repeats, args.warmup, errors))
    results = {
        "meta": {"python": platform.python_version(), "server": args.server},
        "clicks": stats or {},
        "errors": errors,
    }
    peer = (stats or {}).get("peer: year")
    head = f"{'click (' + args.server + ')':<26} {'n':>3} {'changed p50':>11} {'p95':>7} {'settled p50':>11} {'p95':>7} {'× peer p50':>10} {'p95':>6}"  # fmt: skip
    print(head + "\n" + "-" * len(head))
    for name, s in (stats or {}).items():
        c, t = s["changed_ms"], s["settled_ms"]
        ratio = f"{c['p50'] / peer['changed_ms']['p50']:>10.2f} {c['p95'] / peer['changed_ms']['p95']:>6.2f}" if peer else ""  # fmt: skip
        print(f"{name:<26} {c['n']:>3} {c['p50']:>11.1f} {c['p95']:>7.1f} {t['p50']:>11.1f} {t['p95']:>7.1f} {ratio}")  # fmt: skip
    for part, error in errors.items():
        print(f"NOT MEASURED {part}: {error.splitlines()[0]}")
    if args.json:
        args.json.write_text(json.dumps(results, indent=1), encoding="utf-8")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
