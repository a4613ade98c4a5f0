"""Bad-file messages for the UI: the catalogue of their texts and how to show one in a language.

The texts are written once, in ``data/error_text.py``, because the data layer renders the English
``str(error)`` for logs and start-up and must not import the UI. This module is where the UI takes
them from: ``ERROR_TEXT`` joins ``components.i18n.TEXT`` (keys ``error.*``), and ``describe``
turns a ``DataLoadError`` into the sentence shown to the reader, e.g.
``t("data.failed", lang, error=describe(exc, lang))``.
"""

from __future__ import annotations

from data.error_text import ERROR_TEXT
from data.errors import describe

__all__ = ["ERROR_TEXT", "describe"]
