"""Thin Dash callbacks. ``register(app, model)`` wires them; nothing registers on import."""

from __future__ import annotations

from dash import Dash

from callbacks import text, url, views
from data.model import FundingModel


def register(app: Dash, model: FundingModel) -> None:
    url.register(app, model)
    text.register(app, model)
    views.register(app, model)
