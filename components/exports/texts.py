"""The texts around each chart's export bar and in the memo section.

Under every chart sit its takeaway and an export bar whose title and subtitle fields start from
the chart's own captions; the memo section lists the charts by tab and title. They are written
by one callback that runs on every control change, beside the chart callbacks, so it rebuilds
only the charts the changed control can change (``components.charts.stale_charts``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from dash import no_update

from components import ids
from components.charts import CHART_IDS, CHART_VIEWS, build_chart, chart_takeaway
from components.export_bar import preset_options
from components.exports.assemble import copy_messages, default_subtitle
from components.formatting import Lang
from components.i18n import t
from components.view_state import ViewState
from data.source import FundingSource

# Static texts of the export bars: pattern id type -> i18n key.
BAR_TEXT = {
    ids.EXPORT_SUMMARY: "export.bar.summary",
    ids.EXPORT_TITLE_LABEL: "export.bar.title",
    ids.EXPORT_SUBTITLE_LABEL: "export.bar.subtitle",
    ids.EXPORT_PRESET_LABEL: "export.bar.preset",
    ids.EXPORT_HINT: "export.bar.hint",
    ids.EXPORT_PNG: "export.bar.png",
    ids.EXPORT_SVG: "export.bar.svg",
    ids.EXPORT_COPY: "export.bar.copy",
    ids.EXPORT_CSV: "export.bar.csv",
    ids.EXPORT_XLSX: "export.bar.xlsx",
    ids.TAKEAWAY_LABEL: "export.memo.takeaway",
    ids.TAKEAWAY_COPY: "export.takeaway.copy",
}
MEMO_TEXT = {
    ids.MEMO_HEADING: "export.memo.heading",
    ids.MEMO_HELP: "export.memo.help",
    ids.MEMO_PPTX: "export.memo.pptx",
    ids.MEMO_DOCX: "export.memo.docx",
}


@dataclass(frozen=True)
class ChartWords:
    """What the export bar and the memo list say of one chart for one view."""

    takeaway: str
    title: str
    subtitle: str
    is_empty: bool  # the data chosen cannot draw the chart


def chart_words(name: str, model: FundingSource, state: ViewState) -> ChartWords:
    """The chart's takeaway, default export title and subtitle, and whether it can be drawn."""
    chart = build_chart(name, model, state)
    return ChartWords(
        takeaway=chart_takeaway(name, model, state),
        title=chart.captions.title,
        subtitle=default_subtitle(chart),
        is_empty=chart.is_empty,
    )


WordsOf = Callable[[str, FundingSource, ViewState], ChartWords]


def memo_options(
    charts: Mapping[str, ChartWords], lang: Lang, old_options: Iterable[Mapping[str, Any]] | None
) -> list[dict[str, Any]]:
    """The memo checklist, "tab: title" per chart; charts not rebuilt keep their old label, and
    a chart the data chosen cannot draw is offered disabled."""
    old = {o["value"]: o for o in old_options or []}
    old_labels = {name: option["label"] for name, option in old.items()}
    return [
        {
            "disabled": charts[name].is_empty
            if name in charts
            else bool(old.get(name, {}).get("disabled", False)),
            "label": t(
                "export.memo.chart",
                lang,
                tab=t(f"tab.{CHART_VIEWS[name]}", lang),
                title=charts[name].title,
            )
            if name in charts
            else old_labels.get(name, name),
            "value": name,
        }
        for name in CHART_IDS
    ]


def chart_texts(
    model: FundingSource,
    state: ViewState,
    names: Sequence[str],
    stale: set[str],
    old_options: Iterable[Mapping[str, str]] | None,
    words: WordsOf = chart_words,
) -> tuple[list[Any], list[Any], list[Any], list[dict[str, str]]]:
    """Takeaways, default titles and subtitles of the export bars ``names`` (in that order), and
    the memo checklist. Charts not in ``stale`` are not rebuilt: their texts are ``no_update``.
    ``words`` writes one chart's (the callback's keeps them over shared data)."""
    charts = {name: words(name, model, state) for name in CHART_IDS if name in stale}
    keep = no_update
    return (
        [charts[name].takeaway if name in charts else keep for name in names],
        [charts[name].title if name in charts else keep for name in names],
        [charts[name].subtitle if name in charts else keep for name in names],
        memo_options(charts, state.lang, old_options),
    )


def static_texts(lang: Lang, count: int) -> tuple[Any, ...]:
    """The fixed texts of ``count`` export bars and of the memo section in ``lang``, in the order
    of the language callback's outputs: each ``BAR_TEXT`` entry, the copy button's tooltip, the
    preset options and the copy messages (one list each, a value per bar), then each
    ``MEMO_TEXT`` entry."""
    return (
        *([t(key, lang)] * count for key in BAR_TEXT.values()),
        [t("export.takeaway.copy_label", lang)] * count,
        [preset_options(lang)] * count,
        [copy_messages(lang)] * count,
        *(t(key, lang) for key in MEMO_TEXT.values()),
    )
