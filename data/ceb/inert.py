"""Text from a file made inert before it enters the model: drawn as text, never as markup, and
unable to hide or pose as another name.

Plotly draws labels with an HTML subset (``<a href>``, ``<b>``, ``<br>``, entities), so a donor
named ``<a href="https://evil.example">Germany</a>`` became a live link in the chart and the
exported SVG. ``<`` and ``>`` are therefore escaped as entities, which plotly shows as the
characters themselves; ``&`` only where it starts an entity (``&lt;``), so "Bill & Melinda"
stays as written everywhere while a literal entity stays literal. Bidi controls (a right-to-left
override makes "aniahC" read "Chaina") and zero-width characters (a second "Germany") are
removed, so a name reads as what it is, and two rows of one donor meet in the duplicate check;
control characters (a newline is a line break in plotly) become spaces. The full name stays
available (``official_name``); charts shorten it (``names.short_name``).
"""

from __future__ import annotations

import re
from typing import Final

_INVISIBLE: Final = re.compile(
    "[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]"
)
"""Soft hyphen, Arabic letter mark, zero-width spaces and joiners, bidi marks, embeddings,
overrides and isolates, the word joiner and invisible operators, the BOM."""
_CONTROL: Final = re.compile("[\u0000-\u001f\u007f-\u009f]+")
_ENTITY_START: Final = re.compile(r"&(?=#?[0-9A-Za-z]+;)")


def inert_text(text: str) -> str:
    """``text`` without invisible characters, with markup escaped; ordinary text unchanged."""
    if text.isascii() and not any(ch in text for ch in "<>&") and text.isprintable():
        return text  # nearly every name: no work
    cleaned = _CONTROL.sub(" ", _INVISIBLE.sub("", text))
    escaped = _ENTITY_START.sub("&amp;", cleaned)
    return escaped.replace("<", "&lt;").replace(">", "&gt;").strip()
