"""Entry point: load the tables, build the model, lay out the page, register the callbacks.

``python app.py [--port N] [--host H]`` serves on http://127.0.0.1:8050 by default;
``gunicorn app:server`` serves the same app.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from dash import Dash

import callbacks
from callbacks.text import donor_options
from components.layout import build_layout
from components.view_state import default_state
from data.model import FundingModel

ASSETS = Path(__file__).resolve().parent / "assets"


def create_app(model: FundingModel | None = None) -> Dash:
    """Build a ready-to-serve Dash app from a model (the built-in seed data by default)."""
    model = model if model is not None else FundingModel.from_seed()
    app = Dash(
        __name__, assets_folder=str(ASSETS), title="IOM funding · financiering", update_title=""
    )
    state = default_state(model.years(), model.donors())
    app.layout = build_layout(state, model.years(), donor_options(model, state.lang))
    callbacks.register(app, model)
    return app


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="IOM funding dashboard")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8050)
    parser.add_argument("--debug", action="store_true")
    args = parser.parse_args(argv)
    app.run(host=args.host, port=args.port, debug=args.debug)


app = create_app()
server = app.server

if __name__ == "__main__":
    main()
