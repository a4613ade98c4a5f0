"""Shared fixtures. The browser ones serve the app in-process and drive Debian's Chromium.

Run the browser tests with ``pytest -p no:playwright tests/browser``: we start Playwright ourselves
(sync API), which must not share a session with the pytest-playwright plugin. Everything browser-
related is imported lazily, so the unit tests never need Playwright or Chromium.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

import pytest

from bench.chromium import CHROMIUM, CHROMIUM_FLAGS
from bench.serve import serve_app

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

VIEWPORT = {"width": 1366, "height": 768}
DEFAULT_TIMEOUT_MS = 10_000
PUBLIC_URL = "https://dashboard.example.org/iom/"  # the address exports link to in these tests


@pytest.fixture(scope="session")
def live_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The app on a free port, in a daemon thread of this process; yields its base URL.

    Uploaded data goes to a store of its own, so test runs never see each other's sessions.
    """
    # exports print a link to the view only at a public address, never a loopback one
    os.environ["IOM_PUBLIC_URL"] = PUBLIC_URL
    try:
        with serve_app(tmp_path_factory.mktemp("store"), name="live-server") as url:
            yield url
    finally:
        os.environ.pop("IOM_PUBLIC_URL", None)


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """One headless Chromium for the session (Debian's; Playwright's own download fails here)."""
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} not found; install it with `make chromium` (apt package chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=list(CHROMIUM_FLAGS)
        )
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture
def browser_errors() -> list[str]:
    """Console errors, uncaught page errors and failed app requests seen during one test."""
    return []


@pytest.fixture
def new_page(
    browser: Browser, live_server: str, browser_errors: list[str]
) -> Iterator[Callable[..., Page]]:
    """Factory of pages, each in a fresh context (no shared cache, storage or history).

    ``new_page(width=800, height=900)`` for another window size. Every page reports its JS errors
    into ``browser_errors``; the test fails at teardown if there were any.
    """
    contexts: list[Any] = []

    def make(width: int = VIEWPORT["width"], height: int = VIEWPORT["height"]) -> Page:
        context = browser.new_context(
            base_url=live_server, viewport={"width": width, "height": height}
        )
        context.set_default_timeout(DEFAULT_TIMEOUT_MS)
        contexts.append(context)
        page = context.new_page()
        page.on(
            "console",
            lambda msg: (
                browser_errors.append(f"console.{msg.type}: {msg.text} @ {msg.location}")
                if msg.type == "error"
                else None
            ),
        )
        page.on("pageerror", lambda exc: browser_errors.append(f"pageerror: {exc}"))
        page.on(
            "response",
            lambda resp: (
                browser_errors.append(f"HTTP {resp.status}: {resp.request.method} {resp.url}")
                if resp.status >= 400 and resp.url.startswith(live_server)
                else None
            ),
        )
        return page

    yield make
    for context in contexts:
        context.close()
    if browser_errors:
        pytest.fail("errors in the browser:\n" + "\n".join(browser_errors), pytrace=False)


@pytest.fixture
def page(new_page: Callable[..., Page]) -> Page:
    """A 1366×768 page in its own context; JS errors fail the test."""
    return new_page()
