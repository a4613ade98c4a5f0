"""Thin Dash callbacks. ``register(app, context)`` wires them; nothing registers on import."""

from __future__ import annotations

from dash import Dash

from callbacks import data, early_paint, export, jobs, money, sources, text, url, views
from callbacks.context import RequestContext


def register(app: Dash, context: RequestContext) -> None:
    """Every callback, over ``context`` (the one the first page is drawn with, so the answers
    kept over shared data serve both)."""
    manager = jobs.manager_from_env()  # memo packs and uploads off the request path
    # uploads stay in the request until tests/browser/test_upload.py passes with them as jobs
    data.register(app, context, manager if jobs.uploads_as_jobs() else None)
    url.register(app, context)
    text.register(app, context)
    money.register(app, context)
    views.register(app, context)
    early_paint.register(app, context)  # a top N or source drawn before Dash's chain
    export.register(app, context, manager)
    sources.register(app, context)
