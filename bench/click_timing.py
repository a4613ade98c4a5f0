"""A click timed as a person feels it: a real mouse click, from ``pointerdown`` to the painted frame.

A JS ``label.click()`` timed to plotly's afterplot skips the browser's input path and measures
about half of what a person waits (see ``../shared/notes/testing-here.md``, "Timing a click"), so
here Playwright moves the mouse and presses it at the centre of the target's box, and the page
itself times:

* ``changed_ms``: from the ``pointerdown`` event's ``timeStamp`` to the first animation frame
  in which the graph's data (its traces' x, y and customdata) differs from before the click;
* ``answered_before_change``: how many callback answers (headers) arrived before that frame (0: the
  browser drew the change itself, as for a year the figure already holds);
* ``settled_ms``: to the first frame after the last Dash callback answer of that click, once no
  callback request is pending and none started for ``quiet_ms`` (the page has nothing left to
  do); counted with a wrapped ``window.fetch``, installed before Dash loads.

The same functions drive the app and the naive peer, so their figures are comparable in one run.
"""

from __future__ import annotations

from typing import Final

from playwright.sync_api import BrowserContext, Page
from playwright.sync_api import Error as PlaywrightError

# Before any page script: count Dash callback requests (start, answer's headers, body read: the
# page may read the body before this copy does, so "answered" means headers) and note every
# pointerdown's timeStamp (the same clock as performance.now()).
_INIT: Final = r"""(() => {
    const b = window.__bench = {pending: 0, requests: [], downs: [], result: null};
    const original = window.fetch;
    window.fetch = function (input, init) {
        const url = typeof input === 'string' ? input : (input && input.url) || String(input);
        if (!url.includes('_dash-update-component')) return original.apply(this, arguments);
        const rec = {start: performance.now(), headers: NaN, end: NaN};
        b.pending += 1;
        b.requests.push(rec);
        const done = () => {
            if (Number.isNaN(rec.end)) { rec.end = performance.now(); b.pending -= 1; }
        };
        return original.apply(this, arguments).then(
            (response) => {
                rec.headers = performance.now();
                response.clone().arrayBuffer().then(done, done);
                return response;
            },
            (error) => { done(); throw error; });
    };
    addEventListener('pointerdown', (e) => b.downs.push(e.timeStamp), true);
    addEventListener('keydown', (e) => { if (e.key === 'Enter') b.downs.push(e.timeStamp); }, true);
    // first load: the first animation frame in which any graph has painted bars
    b.firstBars = NaN;
    const watchBars = () => {
        if (document.querySelector('.js-plotly-plot .main-svg .bars .point')) {
            b.firstBars = performance.now();
            return;
        }
        requestAnimationFrame(watchBars);
    };
    requestAnimationFrame(watchBars);
})();"""

# In the page, before the click: fingerprint the graph, then watch every animation frame.
_ARM: Final = r"""([graph, timeoutMs, quietMs, deep]) => {
    const b = window.__bench;
    const fingerprint = () => {
        const gd = document.querySelector(graph + ' .js-plotly-plot');
        if (!gd || !gd.data) return '';
        const traces = gd.data.map((t) => deep
            ? [t.x, t.y, t.customdata, t.text, (t.marker || {}).color, (t.line || {}).color]
            : [t.x, t.y, t.customdata]);
        const words = deep ? [((gd.layout || {}).title || {}).text,
                              ((gd.layout || {}).yaxis || {}).ticktext] : [];
        return JSON.stringify([traces, words],
            (key, value) => ArrayBuffer.isView(value) ? Array.from(value) : value);
    };
    const before = fingerprint();
    b.downs = [];
    b.result = new Promise((resolve, reject) => {
        let changedAt = NaN, settledAt = NaN, previous = performance.now(), over = false;
        const timer = setTimeout(() => {
            over = true;
            const what = b.downs.length === 0 ? 'no pointerdown reached the page'
                : Number.isNaN(changedAt) ? 'the data of ' + graph + ' did not change'
                : b.pending + ' callback request(s) still pending';
            reject(new Error(what + ' within ' + timeoutMs + ' ms of the click'));
        }, timeoutMs);
        const tick = () => {
            if (over) return;
            const now = performance.now();
            if (b.downs.length) {
                const t0 = b.downs[0];
                if (Number.isNaN(changedAt) && fingerprint() !== before) changedAt = now;
                const mine = b.requests.filter((r) => r.start >= t0);
                const ends = mine.map((r) => r.end).filter((e) => !Number.isNaN(e));
                const lastEnd = Math.max(-Infinity, ...ends);
                // the first frame after the last answer: Dash has drawn what it brought
                if (b.pending === 0 && lastEnd > previous) settledAt = now;
                const activity = Math.max(t0, lastEnd, ...mine.map((r) => r.start));
                if (!Number.isNaN(changedAt) && b.pending === 0 && now - activity > quietMs) {
                    over = true;
                    clearTimeout(timer);
                    resolve({changed: changedAt - t0,
                             settled: Math.max(changedAt, Number.isNaN(settledAt) ? changedAt : settledAt) - t0,
                             requests: mine.length,
                             answeredBefore: mine.filter((r) => r.headers <= changedAt).length});
                    return;
                }
            }
            previous = now;
            requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
    });
}"""

_QUIET: Final = """(quietMs) => {
    const b = window.__bench;
    const last = Math.max(0, ...b.requests.map((r) => Math.max(r.start, r.end || 0)));
    return b.pending === 0 && performance.now() - last > quietMs;
}"""


def bars_painted(graph: str) -> str:
    """The JS predicate: the graph has drawn bars (its first figure arrived and was painted)."""
    return f"() => !!document.querySelector('{graph} .js-plotly-plot .main-svg .bars .point')"


def instrument(context: BrowserContext) -> None:
    """Install the request counter and pointerdown log in every page the context opens."""
    context.add_init_script(_INIT)


def load(page: Page, url: str, graph: str, quiet_ms: float, timeout_ms: float = 60_000) -> None:
    """Open ``url`` and wait until the graph's bars are painted and no callback is pending."""
    try:
        page.goto(url, timeout=timeout_ms)
        page.wait_for_function(bars_painted(graph), timeout=timeout_ms)
        page.wait_for_function(_QUIET, arg=quiet_ms, timeout=timeout_ms)
    except PlaywrightError as exc:
        raise RuntimeError(f"{url}: {graph} not painted and quiet within {timeout_ms / 1000:.0f} s: {exc.message}") from exc  # fmt: skip


def timed_click(
    page: Page,
    target: str,
    graph: str,
    timeout_ms: float = 15_000,
    quiet_ms: float = 250,
    deep: bool = False,
    key: str | None = None,
) -> dict[str, float]:
    """Mouse-click the centre of ``target`` (a selector); milliseconds to changed and settled.

    ``deep`` also counts a change of the graph's colours, bar texts, title and tick labels as
    the change (a donor highlight, a language); ``key`` presses that key in the focused
    ``target`` instead of clicking it (timed from its ``keydown``: Enter in a number input)."""
    locator = page.locator(target)
    try:
        locator.scroll_into_view_if_needed(timeout=timeout_ms)
        box = locator.bounding_box(timeout=timeout_ms)
    except PlaywrightError as exc:
        raise RuntimeError(f"{target} not found or not visible: {exc.message}") from exc
    if box is None:
        raise RuntimeError(f"{target} has no box on the page (hidden?)")
    page.evaluate(_ARM, [graph, timeout_ms, quiet_ms, deep])
    if key is None:
        page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    else:
        page.keyboard.press(key)
    try:
        result = page.evaluate("() => window.__bench.result")
    except PlaywrightError as exc:
        raise RuntimeError(f"click on {target}: {exc.message}") from exc
    return {
        "changed_ms": float(result["changed"]),
        "settled_ms": float(result["settled"]),
        "requests": float(result["requests"]),
        "answered_before_change": float(result["answeredBefore"]),
    }


def radio_label(radio: str, value: object) -> str:
    """The selector of the label a person clicks for one option of a Dash RadioItems."""
    return f'#{radio} label:has(input[value="{value}"])'


def checked_value(page: Page, radio: str) -> str:
    """The value of the option a Dash RadioItems shows as chosen."""
    value = page.evaluate(f"() => document.querySelector('#{radio} input:checked')?.value ?? null")
    if value is None:
        raise RuntimeError(f"#{radio}: no option is chosen")
    return str(value)


def offered_values(page: Page, radio: str) -> list[str]:
    """The values of a Dash RadioItems' enabled options, in their order on the page."""
    values = page.evaluate(
        f"() => Array.from(document.querySelectorAll('#{radio} input:not([disabled])'))"
        ".map((i) => i.value)"
    )
    return [str(v) for v in values]


def first_load(
    page: Page, url: str, quiet_ms: float, timeout_ms: float = 60_000
) -> dict[str, float]:
    """Open ``url`` in ``page`` (a fresh context: nothing cached) and time, from navigation
    start: the first frame with bars painted in any graph, and the end of the last callback
    answer once the page is quiet; plus how many callback requests the load sent."""
    try:
        page.goto(url, timeout=timeout_ms)
        page.wait_for_function("() => !Number.isNaN(window.__bench.firstBars)", timeout=timeout_ms)
        page.wait_for_function(_QUIET, arg=quiet_ms, timeout=timeout_ms)
    except PlaywrightError as exc:
        raise RuntimeError(f"{url}: no bars painted and quiet within {timeout_ms / 1000:.0f} s: {exc.message}") from exc  # fmt: skip
    result = page.evaluate(
        """() => { const b = window.__bench;
            const ends = b.requests.map((r) => r.end).filter((e) => !Number.isNaN(e));
            return {bars: b.firstBars, requests: b.requests.length,
                    settled: Math.max(b.firstBars, ...ends)}; }"""
    )
    return {
        "first_chart_ms": float(result["bars"]),
        "settled_ms": float(result["settled"]),
        "requests": float(result["requests"]),
    }
