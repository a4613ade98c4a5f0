"""Record the callback requests a real browser session sends, step by step, for the load test.

A headless Chromium (Debian's) opens the app and does what an analyst does: first load, two year
clicks, a switch to English, a donor picked in the dropdown, a switch to the CEB history, an
entity change, a switch to euros, back to the scorecard. Every POST to ``/_dash-update-component`` is kept with the step that sent it, in
order, so ``bench/locust_replay.py`` sends exactly these bodies (with each simulated user's own
session id). Uploads and exports are left out: their rate limits (callbacks/server_guard.py)
would refuse fifty users' worth from one address, and they are background jobs now.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from bench.chromium import CHROMIUM, CHROMIUM_FLAGS

UPDATE = "/_dash-update-component"
EARLY = "/_iom-early-figure"  # callbacks/early_paint.py: a top N or source drawn early


def record(url: str, out: Path) -> list[dict[str, Any]]:
    """Drive the session and write ``[{step, body}, ...]`` to ``out``; returns it."""
    from playwright.sync_api import Request, sync_playwright

    sent: list[dict[str, Any]] = []
    step = ["first_load"]

    def keep(request: Request) -> None:
        if request.method != "POST" or "cacheKey" in request.url:
            return
        path = next((p for p in (UPDATE, EARLY) if p in request.url), None)
        if path is not None:
            body = json.loads(request.post_data or "{}")
            sent.append({"step": step[0], "path": path, "body": body})

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=list(CHROMIUM_FLAGS)
        )
        page = browser.new_page()
        page.on("request", keep)
        page.goto(url)
        page.wait_for_selector("#ranking-graph .main-svg")
        page.wait_for_load_state("networkidle")

        def act(name: str, action: Any) -> None:
            step[0] = name
            action()
            page.wait_for_load_state("networkidle")
            page.wait_for_timeout(500)

        act("year_click", lambda: page.locator("#year label").filter(has_text="2022").click())
        act("year_click", lambda: page.locator("#year label").filter(has_text="2021").click())
        act("language", lambda: page.locator("#lang label").filter(has_text="EN").click())
        act("donor_pick", lambda: _choose(page, "donor", "DEU", "Germ"))
        act("source_switch", lambda: page.locator("#source label").nth(1).click())
        act("top_n", lambda: _enter(page, "top-n", "4"))  # the CEB ranking's top N
        act("entity_change", lambda: _choose_entity(page, "WFP"))
        act(
            "currency_switch",
            lambda: page.locator("#currency label").filter(has_text="EUR").click(),
        )
        act("back_to_scorecard", lambda: page.locator("#source label").nth(0).click())
        browser.close()
    out.write_text(json.dumps(sent), encoding="utf-8")
    return sent


def _enter(page: Any, box: str, value: str) -> None:
    page.fill(f"#{box}", value)
    page.press(f"#{box}", "Enter")


def _choose_entity(page: Any, entity: str) -> None:
    _choose(page, "entity", entity, entity)


def _choose(page: Any, control: str, value: str, search: str) -> None:
    """Open a dropdown, search and click the option of ``value``, as a pointer user does (typed
    keys land on an option, not in the search box: they chose nothing, and the step sent no
    request), and wait until the address shows it."""
    page.locator(f"#{control}").click()
    page.locator(".dash-dropdown-content .dash-dropdown-search").fill(search)
    page.locator(f'.dash-dropdown-content [role=option]:has(input[value="{value}"])').click()
    page.wait_for_function(
        "([k, v]) => new URLSearchParams(location.search).get(k) === v", arg=[control, value]
    )
