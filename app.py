"""Entry point: load the tables, build the model, lay out the page, register the callbacks.

``python app.py [--port N] [--host H] [--data FILE...]`` serves on http://127.0.0.1:8050 by
default; ``gunicorn app:server`` serves the same app (start-up files from ``IOM_DATA``).
"""

from __future__ import annotations

import argparse
import functools
import os
from pathlib import Path
from typing import Any

from dash import Dash

import callbacks
from callbacks import first_view, server_guard
from callbacks.context import RequestContext
from components import plotly_js
from data import ceb
from data.errors import DataLoadError
from data.history import load_history
from data.provider import ModelProvider, Revenue
from data.scorecard_source import ScorecardModel
from data.store import DatasetStore

ASSETS = Path(__file__).resolve().parent / "assets"


def load_startup_files(paths: list[Path]) -> Revenue | None:
    """Read ``--data`` files once at start-up; a bad file stops start-up with its message."""
    if not paths:
        return None
    frame = ceb.read_revenue_files([(p.name, p.read_bytes()) for p in paths])
    return Revenue(frame, tuple(p.name for p in paths))


def create_app(
    data_files: list[Path] | None = None,
    store: DatasetStore | None = None,
    history: bool = True,
) -> Dash:
    """Build a ready-to-serve app: the published scorecard (the default view), the built-in CEB
    history (``history=False`` leaves it out, for tests of the scorecard alone) and revenue
    files if given."""
    models = ModelProvider(
        ScorecardModel.from_seed(),
        store if store is not None else DatasetStore.from_env(),
        load_startup_files(data_files or []),
        load_history() if history else None,
    )
    app = Dash(
        __name__,
        assets_folder=str(ASSETS),
        title="IOM funding · financiering",
        update_title="",
        on_error=server_guard.callback_failed,  # a failing callback says so, never a 500
        external_scripts=plotly_js.external_scripts(),  # plotly's basic bundle, not the full one
    )
    plotly_js.serve(app.server)
    server_guard.install(app)  # body limit, rate limits, security headers, no tracebacks
    # The page is drawn for each request's address (callbacks/first_view.py).
    context = RequestContext(models)
    app.layout = first_view.page(context)
    callbacks.register(app, context)
    return app


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="IOM funding dashboard")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8050)
    parser.add_argument("--debug", action="store_true")
    parser.add_argument(
        "--data",
        nargs="+",
        type=Path,
        default=[],
        metavar="FILE",
        help="CEB revenue export(s), CSV or XLSX",
    )
    args = parser.parse_args(argv)
    try:
        served = create_app(args.data or _env_files())
    except DataLoadError as exc:
        raise SystemExit(f"Cannot start: {exc}") from exc
    served.run(host=args.host, port=args.port, debug=args.debug)


def _env_files() -> list[Path]:
    """Start-up files for gunicorn, which passes no arguments: IOM_DATA='a.csv b.xlsx'."""
    return [Path(p) for p in os.environ.get("IOM_DATA", "").split()]


@functools.cache
def _served_app() -> Dash:
    return create_app(_env_files())


def __getattr__(name: str) -> Any:
    """``app`` and ``server`` (``gunicorn app:server``), built on first use: importing this module
    for ``create_app`` (tests, benchmarks) or running it with ``--data`` builds no app it would
    not serve."""
    if name == "app":
        return _served_app()
    if name == "server":
        return _served_app().server
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


if __name__ == "__main__":
    main()
