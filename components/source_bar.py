"""The choice of data under the header: which source, and for CEB data the entity, top N and who
is ranked (governments or every contributor).

The entity, top-N and scope controls only mean something for CEB data, so they are hidden while
the scorecard is shown; their values stay, so switching back to CEB finds them as they were.
"""

from __future__ import annotations

from typing import Any

from dash import dcc, html

from components import ids
from components.formatting import Lang
from components.i18n import t
from components.page_text import page_texts, static, top_note
from components.panels import radio_group
from components.view_state import DEFAULT_TOP, MAX_TOP, SOURCES, ViewState


def source_options(lang: Lang, available: list[str]) -> list[dict[str, Any]]:
    """Every source, the ones the session cannot pick (no loaded files yet) disabled."""
    return [
        {
            "label": t(f"source.option.{source}", lang),
            "value": source,
            "disabled": source not in available,
        }
        for source in SOURCES
    ]


def _labelled(label_id: str, control: Any, lang: Lang, class_name: str) -> html.Div:
    return html.Div(
        [html.Label(static(label_id, lang), id=label_id, htmlFor=control.id), control],
        className=f"control {class_name}",
    )


def source_bar(
    state: ViewState, available: list[str], entities: list[str] | None = None
) -> html.Div:
    lang = state.lang
    source = html.Div(
        [
            html.Span(
                static(ids.SOURCE_LABEL, lang), id=ids.SOURCE_LABEL, className="control-label"
            ),
            radio_group(
                dcc.RadioItems(
                    id=ids.SOURCE,
                    options=source_options(lang, available),
                    value=state.source,
                    inline=True,
                    className="segmented",
                ),
                ids.SOURCE_LABEL,
            ),
        ],
        className="control",
    )
    entity = dcc.Dropdown(
        id=ids.ENTITY,
        options=[{"label": e, "value": e} for e in entities or []],
        value=state.entity,
        clearable=False,
        searchable=True,
    )
    top = dcc.Input(
        id=ids.TOP_N, type="number", min=1, max=MAX_TOP, step=1, value=DEFAULT_TOP, debounce=True
    )
    # Shown by assets/top_n.js while the box holds what the charts cannot use (0, 2.5, 1000).
    top_note_line = html.Div(
        top_note(lang), id=ids.TOP_N_NOTE, className="control-note", hidden=True, role="status"
    )
    scope = html.Div(
        [
            html.Span(static(ids.SCOPE_LABEL, lang), id=ids.SCOPE_LABEL, className="control-label"),
            radio_group(
                dcc.RadioItems(
                    id=ids.SCOPE,
                    options=page_texts(lang)[(ids.SCOPE, "options")],
                    value=state.scope,
                    inline=True,
                    className="segmented",
                ),
                ids.SCOPE_LABEL,
            ),
        ],
        className="control",
    )
    options = html.Div(
        [
            _labelled(ids.ENTITY_LABEL, entity, lang, "control-entity"),
            _labelled(ids.TOP_N_LABEL, top, lang, "control-top"),
            scope,
            top_note_line,
        ],
        id=ids.SOURCE_OPTIONS,
        className="source-options",
        hidden=state.source == SOURCES[0],
    )
    return html.Div([source, options], className="source-bar")
