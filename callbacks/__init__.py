"""Thin Dash callbacks. ``register(app, models)`` wires them; nothing registers on import."""

from __future__ import annotations

from dash import Dash

from callbacks import data, export, text, url, views
from data.provider import ModelProvider


def register(app: Dash, models: ModelProvider) -> None:
    data.register(app, models)
    url.register(app, models)
    text.register(app, models)
    views.register(app, models)
    export.register(app, models)
