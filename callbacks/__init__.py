"""Thin Dash callbacks. ``register(app, models)`` wires them; nothing registers on import."""

from __future__ import annotations

from dash import Dash

from callbacks import data, export, money, sources, text, url, views
from callbacks.context import RequestContext
from data.provider import ModelProvider


def register(app: Dash, models: ModelProvider) -> None:
    context = RequestContext(models)
    data.register(app, context)
    url.register(app, context)
    text.register(app, context)
    money.register(app, context)
    views.register(app, context)
    export.register(app, context)
    sources.register(app, context)
