"""Full-page screenshots of every view, for a before/after comparison of a refactor.

``python -m bench.screenshots OUT_DIR [--url URL]`` from the repository root. Without ``--url``
it serves the app in-process, as the ``live_server`` test fixture does (its own temporary
dataset store, so no session of another run is seen). It drives Debian's headless Chromium and
writes ``OUT_DIR/{view}-{lang}-{width}.png`` for every view, language and window width, plus
``upload-{view}-nl-1366.png`` for two views after uploading the real CEB export (skipped, with a
message, when that file is not on this machine). Compare two runs with ``bench.compare_shots``.
``--views``, ``--langs``, ``--widths`` take a subset (the whole run takes many minutes on a shared
machine), ``--query top=100`` adds URL state to every shot (its files get a ``-top=100`` suffix).

A screenshot is only useful for comparison if it shows the settled page, never a loading state,
so each one waits for: no Dash callback request in flight or started during a quiet period, no
component marked as loading, every visible plotly graph drawn with its figure, every visible
grid with its rows, and the web fonts loaded. Animations and the caret are disabled, the mouse
is parked in a corner and nothing keeps the focus, so two runs of the same code give the same
pixels. One failing view is logged and the run goes on; the exit status is 1 if any failed.
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final

from playwright.sync_api import Browser, Page, ViewportSize, sync_playwright

from bench.chromium import CHROMIUM, CHROMIUM_FLAGS
from bench.serve import serve_app
from bench.settle import CallbackTraffic, make_still, wait_until_settled

logger = logging.getLogger("bench.screenshots")

ROOT: Final = Path(__file__).resolve().parents[1]
CEB_FILE: Final = ROOT.parent / "shared" / "data" / "ceb" / "government-donor-revenue-2024.csv"

# Spelled out rather than read from components.ids: the list must not move with the refactor
# whose result it checks.
VIEWS: Final = ("ranking", "over_time", "earmarking", "budget", "organisation", "sources")
# The views on the built-in CEB history (the scorecard shows them empty): shot on ?source=ceb,
# and the existing views there too.
CEB_VIEWS: Final = (
    "ranking",
    "over_time",
    "earmarking",
    "entities",
    "contributors",
    "donor",
    "peers",
    "claims",
    "table",
)
LANGS: Final = ("nl", "en")
WIDTHS: Final = (1366, 800, 390)
HEIGHT: Final = 768
UPLOAD_VIEWS: Final = ("ranking", "earmarking")
UPLOAD_LANG: Final = "nl"
UPLOAD_WIDTH: Final = 1366

UPLOAD_TIMEOUT_MS: Final = 60_000


@dataclass
class Shot:
    """One page to capture: where to go, what to do there, and the file it ends up in."""

    name: str
    path: str
    width: int
    prepare: Callable[[Page, CallbackTraffic], None] | None = None


@dataclass(frozen=True)
class Selection:
    """Which shots to take: every view, language and width unless narrowed, and URL state
    (``top=100``) added to each; the upload shots only when the whole set is asked for."""

    views: tuple[str, ...] | None = None
    langs: tuple[str, ...] = LANGS
    widths: tuple[int, ...] = WIDTHS
    query: str = ""

    @property
    def everything(self) -> bool:
        return self.views is None and self.langs == LANGS and self.widths == WIDTHS

    def wants(self, view: str) -> bool:
        return self.views is None or view in self.views

    def suffix(self) -> str:
        return f"-{self.query.replace('&', '-')}" if self.query else ""

    def path(self, base: str) -> str:
        return f"{base}&{self.query}" if self.query else base


@dataclass
class Run:
    """What happened: files written, failures, and browser errors seen on the way."""

    written: list[Path] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    browser_errors: list[str] = field(default_factory=list)


def upload_ceb(ceb_file: Path) -> Callable[[Page, CallbackTraffic], None]:
    """Load a CEB export through the Data drawer, as tests/browser/test_upload.py does."""

    def prepare(page: Page, traffic: CallbackTraffic) -> None:
        page.click("#data-panel summary")
        page.set_input_files("#upload input[type=file]", [str(ceb_file)])
        status = page.locator("#data-status .status-ok, #data-status .status-error")
        status.wait_for(timeout=UPLOAD_TIMEOUT_MS)
        traffic.restart()
        if page.locator("#data-status .status-error").count():
            raise RuntimeError(f"upload refused: {status.inner_text()}")

    return prepare


def switch_tab(view: str) -> Callable[[Page, CallbackTraffic], None]:
    """Click a tab in the page already open (keeps the session's uploaded data)."""

    def prepare(page: Page, traffic: CallbackTraffic) -> None:
        page.click(f"#tab-{view}")
        traffic.restart()
        page.wait_for_function(
            "(v) => new URLSearchParams(location.search).get('view') === v", arg=view
        )

    return prepare


def capture(page: Page, traffic: CallbackTraffic, shot: Shot, out_dir: Path) -> Path:
    """Do the shot's preparation, wait for the settled page and save it."""
    if shot.prepare is not None:
        shot.prepare(page, traffic)
    wait_until_settled(page, traffic)
    make_still(page)
    target = out_dir / f"{shot.name}.png"
    page.screenshot(path=str(target), full_page=True, animations="disabled", caret="hide")
    return target


@contextlib.contextmanager
def new_page(browser: Browser, base_url: str, width: int, run: Run) -> Iterator[Page]:
    """A page in a fresh context (a new session); browser errors are collected into ``run``."""
    viewport: ViewportSize = {"width": width, "height": HEIGHT}
    context = browser.new_context(
        base_url=base_url, viewport=viewport, device_scale_factor=1, reduced_motion="reduce"
    )
    context.set_default_timeout(30_000)
    try:
        page = context.new_page()
        page.on(
            "console",
            lambda msg: (
                run.browser_errors.append(f"console.error: {msg.text}")
                if msg.type == "error"
                else None
            ),
        )
        page.on("pageerror", lambda exc: run.browser_errors.append(f"pageerror: {exc}"))
        yield page
    finally:
        context.close()


def _first_line(exc: Exception) -> str:
    """Playwright's messages carry a call log over many lines; the first says what failed."""
    return (str(exc).splitlines() or [type(exc).__name__])[0]


def take(browser: Browser, base_url: str, shots: list[Shot], out_dir: Path, run: Run) -> None:
    """Capture ``shots`` one after another in ONE page (the first one's path is opened).

    A failure is logged and ends this sequence only, since later shots build on earlier ones.
    """
    with new_page(browser, base_url, shots[0].width, run) as page:
        traffic = CallbackTraffic()
        traffic.watch(page)
        try:
            page.goto(shots[0].path)
            traffic.restart()
        except Exception as exc:
            reason = f"cannot open {shots[0].path}: {_first_line(exc)}"
            for shot in shots:
                run.failed.append(f"{shot.name}: {reason}")
                logger.error("FAILED %s: %s", shot.name, reason)
            return
        for i, shot in enumerate(shots):
            started = time.monotonic()
            try:
                target = capture(page, traffic, shot, out_dir)
            except Exception as exc:
                for skipped in shots[i:]:
                    run.failed.append(f"{skipped.name}: {_first_line(exc)}")
                    logger.error("FAILED %s: %s", skipped.name, _first_line(exc))
                return
            run.written.append(target)
            logger.info("%-32s %.1f s", target.name, time.monotonic() - started)


def plan(ceb_file: Path, selection: Selection | None = None) -> list[list[Shot]]:
    """Every sequence of shots (or those ``selection`` names); each runs in its own fresh page."""
    pick = selection or Selection()
    tail = pick.suffix()
    sequences = [
        [Shot(f"{view}-{lang}-{width}{tail}", pick.path(f"/?lang={lang}&view={view}"), width)]
        for view in VIEWS
        if pick.wants(view)
        for lang in pick.langs
        for width in pick.widths
    ]
    sequences += [
        [
            Shot(
                f"ceb-{view}-{lang}-{width}{tail}",
                pick.path(f"/?lang={lang}&view={view}&source=ceb"),
                width,
            )
        ]
        for view in CEB_VIEWS
        if pick.wants(view)
        for lang in pick.langs
        for width in pick.widths
    ]
    if not pick.everything:
        return sequences
    first, *rest = UPLOAD_VIEWS
    upload = [
        Shot(
            f"upload-{first}-{UPLOAD_LANG}-{UPLOAD_WIDTH}",
            f"/?lang={UPLOAD_LANG}&view={first}",
            UPLOAD_WIDTH,
            upload_ceb(ceb_file),
        ),
        *(
            Shot(f"upload-{view}-{UPLOAD_LANG}-{UPLOAD_WIDTH}", "", UPLOAD_WIDTH, switch_tab(view))
            for view in rest
        ),
    ]
    if ceb_file.is_file():
        sequences.append(upload)
    else:
        logger.warning("skipping the upload shots: %s not found", ceb_file)
    return sequences


def shoot(out_dir: Path, base_url: str, ceb_file: Path, selection: Selection | None = None) -> Run:
    """Take every planned screenshot (or those ``selection`` names) against ``base_url``."""
    run = Run()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=list(CHROMIUM_FLAGS)
        )
        try:
            for shots in plan(ceb_file, selection):
                take(browser, base_url, shots, out_dir, run)
        finally:
            browser.close()
    return run


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("out_dir", type=Path, help="folder for the PNG files (created)")
    parser.add_argument("--url", help="base URL of a running app (default: serve it in-process)")
    parser.add_argument(
        "--ceb-file", type=Path, default=CEB_FILE, help=f"export to upload (default {CEB_FILE})"
    )
    parser.add_argument("--views", help="comma-separated views (default: all)")
    parser.add_argument("--langs", default=",".join(LANGS), help="comma-separated languages")
    parser.add_argument(
        "--widths", default=",".join(map(str, WIDTHS)), help="comma-separated widths in px"
    )
    parser.add_argument("--query", default="", help="URL state added to every shot: top=100")
    args = parser.parse_args(argv)
    selection = Selection(
        views=tuple(args.views.split(",")) if args.views else None,
        langs=tuple(args.langs.split(",")),
        widths=tuple(int(w) for w in args.widths.split(",")),
        query=args.query,
    )
    logging.basicConfig(level=logging.INFO, format="%(levelname)-7s %(message)s")
    if not CHROMIUM.exists():
        logger.error("%s not found: install Debian's chromium (make chromium)", CHROMIUM)
        return 2
    out_dir: Path = args.out_dir
    out_dir.mkdir(parents=True, exist_ok=True)
    started = time.monotonic()
    if args.url:
        run = shoot(out_dir, args.url.rstrip("/"), args.ceb_file, selection)
    else:
        with serve_app(name="shots-server") as base_url:
            run = shoot(out_dir, base_url, args.ceb_file, selection)
    for error in dict.fromkeys(run.browser_errors):  # each distinct message once
        logger.warning("browser: %s", error)
    logger.info(
        "%d screenshot(s) in %s, %d failed, %.0f s",
        len(run.written), out_dir, len(run.failed), time.monotonic() - started,
    )  # fmt: skip
    for failure in run.failed:
        logger.error("failed: %s", failure)
    return 1 if run.failed else 0


if __name__ == "__main__":
    sys.exit(main())
