"""Waiting until a page shows its settled state, never a loading one (for screenshots).

Split from ``bench.screenshots``: what "settled" means (no Dash callback request in flight or
started during a quiet period, nothing marked as loading, every visible graph drawn, every
visible grid with rows, fonts loaded) is one concern, which shots to take is another.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Final

from playwright.sync_api import Page, Request

QUIET_MS: Final = 800
"""No callback request for this long after everything is drawn: late callbacks have settled."""
SETTLE_TIMEOUT_S: Final = 45.0
POLL_MS: Final = 100

_CALLBACK_PATH: Final = "/_dash-update-component"

# Runs in the page: '' once the visible page is drawn, else what is still missing.
_NOT_SETTLED: Final = """() => {
    if (document.querySelector('._dash-loading')) return 'dash is starting';
    const visible = el => el.getClientRects().length > 0
        && getComputedStyle(el).visibility !== 'hidden';
    const loading = [...document.querySelectorAll('[data-dash-is-loading="true"]')]
        .filter(visible);
    if (loading.length) return 'loading: ' + (loading[0].id || loading[0].className);
    const spinner = [...document.querySelectorAll('.dash-spinner, ._dash-loading-callback')]
        .filter(visible);
    if (spinner.length) return 'a loading spinner is shown';
    for (const gd of document.querySelectorAll('.js-plotly-plot')) {
        if (!visible(gd)) continue;
        const name = (gd.closest('[id]') || {}).id || 'graph';
        if (!gd._fullLayout || !gd.querySelector('.main-svg')) return name + ' not drawn';
        const layout = gd.layout || {};
        const hasFigure = (gd.data && gd.data.length) || (layout.annotations || []).length
            || layout.title;
        if (!hasFigure) return name + ' has no figure yet';
    }
    for (const grid of document.querySelectorAll('.ag-root-wrapper')) {
        if (!visible(grid)) continue;
        if (!grid.querySelector('.ag-row, .ag-overlay-no-rows-wrapper'))
            return 'grid without rows';
    }
    if (document.fonts && document.fonts.status !== 'loaded') return 'fonts loading';
    return '';
}"""

# Runs in the page: resolve after the next frame has been painted.
_NEXT_FRAME: Final = (
    "() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => r(true))))"
)


class NotSettledError(RuntimeError):
    """The page did not settle in time; the message says what was still missing."""


@dataclass
class CallbackTraffic:
    """Dash callback requests of one page: how many are open and when the last one moved.

    Counted from Playwright's network events rather than from the renderer's internals, which
    are not a public API and may change with Dash.
    """

    in_flight: set[Request] = field(default_factory=set)
    last_activity: float = field(default_factory=time.monotonic)

    def watch(self, page: Page) -> None:
        page.on("request", self._started)
        page.on("requestfinished", self._ended)
        page.on("requestfailed", self._ended)

    def _started(self, request: Request) -> None:
        if _CALLBACK_PATH in request.url:
            self.in_flight.add(request)
            self.last_activity = time.monotonic()

    def _ended(self, request: Request) -> None:
        if request in self.in_flight:
            self.in_flight.discard(request)
            self.last_activity = time.monotonic()

    def restart(self) -> None:
        """Count from now: after a click or navigation, callbacks may not have started yet."""
        self.last_activity = time.monotonic()

    def quiet_for(self) -> float:
        """Milliseconds without an open or newly started callback request."""
        if self.in_flight:
            return 0.0
        return (time.monotonic() - self.last_activity) * 1000


def wait_until_settled(page: Page, traffic: CallbackTraffic) -> None:
    """Return once the page is drawn and no callback moved for ``QUIET_MS``; else raise."""
    deadline = time.monotonic() + SETTLE_TIMEOUT_S
    reason = "not checked yet"
    while time.monotonic() < deadline:
        page.wait_for_timeout(POLL_MS)  # lets Playwright dispatch the network events too
        reason = str(page.evaluate(_NOT_SETTLED))
        if reason:
            continue
        if traffic.quiet_for() < QUIET_MS:
            reason = f"{len(traffic.in_flight)} callback request(s) open or just answered"
            continue
        page.evaluate("document.fonts ? document.fonts.ready.then(() => true) : true")
        page.evaluate(_NEXT_FRAME)
        if not page.evaluate(_NOT_SETTLED) and traffic.quiet_for() >= QUIET_MS:
            return
    raise NotSettledError(f"page not settled after {SETTLE_TIMEOUT_S:.0f} s: {reason}")


def make_still(page: Page) -> None:
    """Remove what differs between two runs of the same code: hover, focus, scroll position."""
    page.mouse.move(0, 0)
    page.evaluate("() => { if (document.activeElement) document.activeElement.blur(); }")
    page.evaluate("() => window.scrollTo(0, 0)")
    page.evaluate(_NEXT_FRAME)
