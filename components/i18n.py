"""Every user-facing string, in Dutch and English, in one place.

Keys are dotted names; ``t(key, lang, **values)`` fills ``{placeholders}``. A missing key or a
key missing one language fails loudly in the tests (see tests/test_i18n.py), never silently.
"""

from __future__ import annotations

from collections.abc import Mapping

from components.formatting import Lang

Texts = Mapping[str, Mapping[Lang, str]]

APP_TEXT: Texts = {
    "app.title": {
        "nl": "Hoe wordt IOM gefinancierd?",
        "en": "How is IOM funded?",
    },
}

# Text of the export features (images, data downloads, memo pack).
EXPORT_TEXT: Texts = {}

TEXT: Texts = {**APP_TEXT, **EXPORT_TEXT}


def t(key: str, lang: Lang, **values: object) -> str:
    """Look up ``key`` in ``lang`` and fill its placeholders."""
    template = TEXT[key][lang]
    return template.format(**values) if values else template
