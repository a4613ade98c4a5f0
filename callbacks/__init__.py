"""Thin Dash callbacks; each module exposes ``register(app, ...)``."""
