"""How long exports take: one chart as PNG in the browser, and a memo pack of five charts.

One image should feel immediate, so it is rendered in the browser; the memo pack renders on the
server with kaleido, whose Chromium start (about two seconds) is paid once and then kept. Run
``python -m bench.bench_export`` from the repository root (needs /usr/bin/chromium); it prints a
table of median and worst times.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import statistics
import time
from collections.abc import Callable

from bench.chromium import CHROMIUM, CHROMIUM_FLAGS
from bench.serve import serve_app
from components import ids
from components.charts import CHART_IDS, chart_state, chart_takeaway, ranking
from components.exports.assemble import memo_bytes, memo_item, prepare
from components.exports.memo import MemoItem
from components.exports.renderer import KaleidoServer
from data.scorecard_source import ScorecardModel
from data.source import FundingSource


def browser_png(runs: int) -> list[float]:
    """Seconds from clicking PNG to the finished download, for the ranking chart (memo size)."""
    from playwright.sync_api import sync_playwright

    selector = "[id='{}']".format(
        json.dumps(ids.for_chart(ids.EXPORT_PNG, ranking.ID), sort_keys=True, separators=(",", ":"))
    )
    summary = selector.replace(ids.EXPORT_PNG, ids.EXPORT_SUMMARY)
    times = []
    with serve_app() as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=list(CHROMIUM_FLAGS)
        )
        page = browser.new_page(viewport={"width": 1366, "height": 768})
        page.goto(url)
        page.wait_for_selector("#ranking-graph .js-plotly-plot .bars")
        page.click(summary)
        for _ in range(runs + 1):  # the first click also loads fonts and warms the server
            start = time.perf_counter()
            with page.expect_download() as info:
                page.click(selector)
            info.value.path()  # waits until the file is complete
            times.append(time.perf_counter() - start)
        browser.close()
    return times[1:]


def memo_items(model: FundingSource) -> list[MemoItem]:
    """All five charts, as the memo-pack callback assembles them."""
    state = chart_state("nl", model.latest_year(), "NLD")
    return [
        memo_item(
            *prepare(chart_id, model, state, None, "http://127.0.0.1:8050/"),
            chart_takeaway(chart_id, model, state),
        )
        for chart_id in CHART_IDS
    ]


def timed(build: Callable[[], bytes]) -> float:
    start = time.perf_counter()
    build()
    return time.perf_counter() - start


def memo_packs(runs: int) -> dict[str, list[float]]:
    """Seconds per PPTX pack of five charts: one-shot kaleido, then the kept server."""
    model = ScorecardModel.from_seed()
    items = memo_items(model)
    today = dt.date.today()

    def pack() -> bytes:
        return memo_bytes(items, "nl", "pptx", today)

    server = KaleidoServer()
    one_shot = [timed(pack) for _ in range(runs)]
    first = timed(lambda: server.render(pack))
    kept = [timed(lambda: server.render(pack)) for _ in range(runs)]
    return {
        "memo pack, 5 charts, new Chromium each": one_shot,
        "memo pack, 5 charts, first with kept server": [first],
        "memo pack, 5 charts, kept server": kept,
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    rows = {"PNG in the browser, click to file": browser_png(args.runs), **memo_packs(args.runs)}
    width = max(len(name) for name in rows)
    print(f"{'export':<{width}}  {'runs':>4}  {'median s':>8}  {'worst s':>7}")
    for name, times in rows.items():
        print(
            f"{name:<{width}}  {len(times):>4}  {statistics.median(times):>8.2f}  {max(times):>7.2f}"
        )


if __name__ == "__main__":
    main()
