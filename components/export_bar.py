"""The takeaway line and the collapsed export bar under each chart, and the memo-pack section.

The bar sits in a closed ``<details>`` so it costs one line of the first screen; everything in it
is a native input or button, so it works from the keyboard. Ids are pattern-matching
(``ids.for_chart``) so one callback serves the same control of every chart.
Texts are filled in here for the first render and replaced by the language callback.
"""

from __future__ import annotations

from typing import Any, cast

from dash import dcc, html

from components import ids
from components.charts import CHART_IDS, CHARTS
from components.exports.assemble import copy_messages
from components.exports.image import PRESETS
from components.formatting import Lang
from components.i18n import t
from components.job_progress import job_progress

DEFAULT_PRESET = "memo"
# (button id type, i18n key, CSS modifier); the image buttons are handled in the browser.
BUTTONS = (
    (ids.EXPORT_PNG, "export.bar.png", "image"),
    (ids.EXPORT_SVG, "export.bar.svg", "image"),
    (ids.EXPORT_COPY, "export.bar.copy", "image"),
    (ids.EXPORT_CSV, "export.bar.csv", "data"),
    (ids.EXPORT_XLSX, "export.bar.xlsx", "data"),
)


def _attrs(**values: str) -> dict[str, Any]:
    """ARIA attributes, which Dash accepts as keyword arguments but its stubs do not declare."""
    return cast(dict[str, Any], {k.replace("_", "-"): v for k, v in values.items()})


def preset_options(lang: Lang) -> list[dict[str, str]]:
    """The size presets, labelled with the pixel size the PNG will have."""
    return [
        {
            "label": t(
                f"export.preset.{name}",
                lang,
                width=preset.pixel_width,
                height=preset.pixel_height,
            ),
            "value": name,
        }
        for name, preset in PRESETS.items()
    ]


def _text_field(
    kind: str, label_kind: str, key: str, chart: str, lang: Lang, wide: bool
) -> html.Label:
    """A labelled text input. The input sits inside its label because Dash writes dict ids as
    JSON strings, which a label's ``htmlFor`` could not reliably name."""
    modifier = " export-field-wide" if wide else ""
    return html.Label(
        [
            html.Span(t(key, lang), id=ids.for_chart(label_kind, chart)),
            dcc.Input(
                id=ids.for_chart(kind, chart),
                type="text",
                debounce=False,
                className="export-input",
            ),
        ],
        className="export-field" + modifier,
    )


def export_bar(chart: str, lang: Lang) -> html.Details:
    """Title, subtitle and size for the image; buttons for PNG, SVG, clipboard, CSV and XLSX."""
    preset = dcc.RadioItems(
        id=ids.for_chart(ids.EXPORT_PRESET, chart),
        options=cast(Any, preset_options(lang)),
        value=DEFAULT_PRESET,
        inline=True,
        className="segmented export-presets",
    )
    buttons = [
        html.Button(
            t(key, lang),
            id=ids.for_chart(kind, chart),
            n_clicks=0,
            type="button",
            className=f"button export-button export-button-{modifier}",
        )
        for kind, key, modifier in BUTTONS
    ]
    return html.Details(
        [
            html.Summary(
                t("export.bar.summary", lang), id=ids.for_chart(ids.EXPORT_SUMMARY, chart)
            ),
            html.Div(
                [
                    _text_field(
                        ids.EXPORT_TITLE,
                        ids.EXPORT_TITLE_LABEL,
                        "export.bar.title",
                        chart,
                        lang,
                        False,
                    ),
                    _text_field(
                        ids.EXPORT_SUBTITLE,
                        ids.EXPORT_SUBTITLE_LABEL,
                        "export.bar.subtitle",
                        chart,
                        lang,
                        True,
                    ),
                    html.Fieldset(
                        [
                            html.Legend(
                                t("export.bar.preset", lang),
                                id=ids.for_chart(ids.EXPORT_PRESET_LABEL, chart),
                            ),
                            preset,
                        ],
                        className="export-field export-presets-field",
                    ),
                ],
                className="export-fields",
            ),
            html.P(
                t("export.bar.hint", lang),
                id=ids.for_chart(ids.EXPORT_HINT, chart),
                className="export-hint",
            ),
            html.Div(buttons, className="export-buttons"),
            html.Div(
                id=ids.for_chart(ids.EXPORT_STATUS, chart),
                className="export-status",
                role="status",
            ),
            dcc.Store(id=ids.for_chart(ids.EXPORT_IMAGE, chart)),
            dcc.Download(id=ids.for_chart(ids.EXPORT_DOWNLOAD, chart)),
        ],
        className="export-bar",
    )


def takeaway_line(chart: str, lang: Lang) -> html.Div:
    """The chart's message in one sentence, with a button that copies it."""
    return html.Div(
        [
            html.Span(
                t("export.memo.takeaway", lang),
                id=ids.for_chart(ids.TAKEAWAY_LABEL, chart),
                className="takeaway-label",
            ),
            html.Span(id=ids.for_chart(ids.TAKEAWAY, chart), className="takeaway-text"),
            html.Button(
                t("export.takeaway.copy", lang),
                id=ids.for_chart(ids.TAKEAWAY_COPY, chart),
                n_clicks=0,
                type="button",
                className="button button-small takeaway-copy",
                title=t("export.takeaway.copy_label", lang),
            ),
            html.Span(
                id=ids.for_chart(ids.TAKEAWAY_STATUS, chart),
                className="takeaway-status",
                role="status",
            ),
            dcc.Store(id=ids.for_chart(ids.TAKEAWAY_MESSAGES, chart), data=copy_messages(lang)),
        ],
        className="takeaway",
    )


def chart_block(graph: Any, chart: str, lang: Lang, settings: Any = None) -> html.Div:
    """A chart with its own settings (if any) right above it, and its takeaway line and
    (collapsed) export bar right under it: with two charts side by side, or stacked on a
    narrow screen, a switch stays beside the chart it switches."""
    above = [] if settings is None else [settings]
    return html.Div(
        [*above, graph, takeaway_line(chart, lang), export_bar(chart, lang)],
        className="chart-block",
    )


def memo_section(lang: Lang) -> html.Section:
    """Choose charts and download them as one numbered Word or PowerPoint annex."""
    return html.Section(
        [
            html.H2(t("export.memo.heading", lang), id=ids.MEMO_HEADING),
            html.P(t("export.memo.help", lang), id=ids.MEMO_HELP, className="memo-help"),
            dcc.Checklist(
                id=ids.MEMO_CHARTS,
                options=[{"label": chart, "value": chart} for chart in CHART_IDS],
                value=[spec.id for spec in CHARTS if spec.memo_default],
                className="memo-charts",
                labelClassName="memo-chart",
            ),
            html.Div(
                [
                    html.Button(
                        t("export.memo.pptx", lang),
                        id=ids.MEMO_PPTX,
                        n_clicks=0,
                        type="button",
                        className="button",
                    ),
                    html.Button(
                        t("export.memo.docx", lang),
                        id=ids.MEMO_DOCX,
                        n_clicks=0,
                        type="button",
                        className="button",
                    ),
                    dcc.Download(id=ids.MEMO_DOWNLOAD),
                ],
                className="memo-buttons",
            ),
            job_progress(ids.MEMO_PROGRESS, ids.MEMO_PROGRESS_TEXT, ids.MEMO_CANCEL, lang),
            dcc.Loading(
                html.Div(id=ids.MEMO_STATUS, className="memo-status", role="status"),
                delay_show=300,
                type="dot",
            ),
        ],
        className="memo-pack",
        **_attrs(aria_labelledby=ids.MEMO_HEADING),
    )
