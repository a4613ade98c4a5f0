"""Small pieces shared by the figure builders: source lines and contradiction notes."""

from __future__ import annotations

import pandas as pd

from components.formatting import Lang
from components.i18n import t
from data import columns as c


def source_line(lang: Lang, pages: list[int], extra: str = "", factsheet: bool = False) -> str:
    """The source line under a chart: document, pages and, where useful, the table."""
    parts = [t("source.scorecard", lang)]
    if pages:
        parts.append(", ".join(t("source.page", lang, page=p) for p in sorted(set(pages))))
    if extra:
        parts.append(extra)
    line = ", ".join(parts)
    if factsheet:
        line += "; " + t("source.factsheet", lang).split(": ", 1)[1]
    return line


def contradiction_notes(contradictions: pd.DataFrame, lang: Lang) -> list[str]:
    """One note per contradiction affecting the chart, in the chart's language."""
    column = c.TEXT_NL if lang == "nl" else c.TEXT_EN
    return [f"{t('notes.heading', lang)}: {text}" for text in contradictions[column]]
