"""The plotly.js the browser runs: plotly's "basic" partial bundle (bar, scatter, pie) in place
of the full bundle that ``dcc.Graph`` fetches.

Why: every chart here is bars and lines. The full plotly.js is 4.8 MB, and evaluating it is about
a second of the browser's main thread on this kind of machine, before the first chart can draw;
the basic bundle is 1.2 MB and takes about a fifth of that (bench/bench_interaction.py, first
load). ``dcc.Graph`` uses ``window.Plotly`` when a script has set it, and fetches its own
bundle only when none has, so the page stays correct without ours, only slower.

The bundle is an npm package pinned in ``components/browser_bundle/package-lock.json`` and
installed by ``make`` (``npm ci``) beside that file. Its plotly.js version must be plotly.py's,
so the browser draws exactly the figures the server builds (and kaleido exports): a mismatch, like
a bundle not installed, leaves the full bundle in place and says so in the log.
"""

from __future__ import annotations

import logging
import re
from functools import cache
from pathlib import Path
from typing import Final

import flask
from plotly.offline import get_plotlyjs_version

BUNDLE_DIR: Final = Path(__file__).resolve().parent / "browser_bundle"
PACKAGE: Final = "plotly.js-basic-dist-min"
BUNDLE: Final = BUNDLE_DIR / "node_modules" / PACKAGE / "plotly-basic.min.js"
# The trace types the basic bundle registers (plotly.js's lib/index-basic.js); a figure with any
# other type would draw as an empty plot (tests/test_plotly_js.py checks every chart).
TRACES: Final = frozenset({"bar", "scatter", "pie"})
ROUTE: Final = "/_iom/plotly-basic-{version}.min.js"
# The file is named by its version, so the browser may keep it for a year.
MAX_AGE_S: Final = 365 * 24 * 3600

_VERSION = re.compile(rb"plotly\.js \(basic - minified\) v(\d+\.\d+\.\d+)")
log = logging.getLogger(__name__)


def bundle_version(path: Path = BUNDLE) -> str | None:
    """The plotly.js version the bundle's banner names; None if the file is missing or is not
    the basic bundle."""
    try:
        with path.open("rb") as head:
            match = _VERSION.search(head.read(400))
    except OSError:
        return None
    return match.group(1).decode() if match else None


def problem(path: Path, wanted: str) -> str | None:
    """Why the bundle at ``path`` cannot stand in for plotly.py's plotly.js ``wanted``; None
    when it can."""
    found = bundle_version(path)
    if found is None:
        return f"{path} is not installed (make installs it: npm ci in {BUNDLE_DIR})"
    if found != wanted:
        return (
            f"{PACKAGE} is plotly.js {found} but plotly.py draws with {wanted} "
            f"(pin {PACKAGE}@{wanted} in {BUNDLE_DIR / 'package.json'})"
        )
    return None


@cache
def usable_bundle() -> Path | None:
    """The bundle to serve, or None (the reason logged once) when dcc's own must stay."""
    reason = problem(BUNDLE, get_plotlyjs_version())
    if reason is not None:
        log.warning("%s; the browser gets the full plotly.js", reason)
        return None
    return BUNDLE


def external_scripts(prefix: str = "/") -> list[dict[str, str]]:
    """Dash's ``external_scripts``: the bundle's script, before the component libraries, so
    ``window.Plotly`` is set before any graph renders; none when the bundle is not usable."""
    if usable_bundle() is None:
        return []
    return [{"src": prefix.rstrip("/") + ROUTE.format(version=get_plotlyjs_version())}]


def serve(server: flask.Flask) -> None:
    """Serve the bundle at its versioned route (when it is usable)."""
    path = usable_bundle()
    if path is None:
        return

    def plotly_basic() -> flask.Response:
        response = flask.send_file(path, mimetype="text/javascript", max_age=MAX_AGE_S)
        response.headers["Cache-Control"] = f"public, max-age={MAX_AGE_S}, immutable"
        return response

    server.add_url_rule(
        ROUTE.format(version=get_plotlyjs_version()), "iom_plotly_basic", plotly_basic
    )
