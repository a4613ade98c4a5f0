"""Charts out of the app: the export bars, the takeaways and the memo pack, wired to Dash.

Images are rendered in the browser (Plotly.toImage), which is immediate, from the figure laid
out on the server (components/exports/image_layout.py), so the browser and the server-side memo
pack draw the same spec. The memo pack renders on the server through the process's one
``kaleido_server()``, made on the first pack and started then, never at import or registration;
it runs as a background job (``callbacks/jobs.py``), so no worker waits for Chromium.
Each callback reads its controls and hands over to components/exports. Links in exports use
the app's public address (the ``IOM_PUBLIC_URL`` setting), never the address the browser
happens to use, which on an analyst's machine is a loopback address.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Final

import kaleido
from dash import ALL, MATCH, Dash, Input, Output, State, ctx, dcc, no_update

from callbacks import jobs
from callbacks.context import ALL_CONTROLS, RequestContext, request_inputs
from components import clientside, ids
from components.charts import CHARTS
from components.exports.assemble import (
    DATA_FORMATS,
    IMAGE_ACTIONS,
    PACK_FORMATS,
    data_file,
    image_spec,
    memo_bytes,
    memo_filename,
    memo_items,
    prepare,
    values_by_chart,
)
from components.exports.provenance import public_address
from components.exports.renderer import kaleido_server
from components.exports.texts import (
    BAR_TEXT,
    MEMO_TEXT,
    ChartWords,
    chart_texts,
    chart_words,
    static_texts,
)
from components.formatting import as_lang
from components.i18n import t
from components.view_state import ViewState
from data.source import FundingSource

MEMO_BUTTONS: Final = (ids.MEMO_PPTX, ids.MEMO_DOCX)


def register(app: Dash, context: RequestContext, manager: Any | None = None) -> None:
    """Wire the export callbacks; nothing renders or starts until a button is clicked.

    With a background-callback ``manager`` (``callbacks.jobs``) the memo pack is a job off the
    request path, with progress and a cancel button; without one it renders in the request."""
    on_change = request_inputs(*ALL_CONTROLS)
    as_read = request_inputs(*ALL_CONTROLS, as_state=True)

    @app.callback(
        output=[
            Output(ids.for_chart(ids.TAKEAWAY, ALL), "children"),
            Output(ids.for_chart(ids.EXPORT_TITLE, ALL), "value"),
            Output(ids.for_chart(ids.EXPORT_SUBTITLE, ALL), "value"),
            Output(ids.MEMO_CHARTS, "options"),
            Output(ids.EXPORT_KEYS, "data"),
        ],
        inputs={
            **on_change,
            "old_options": State(ids.MEMO_CHARTS, "options"),
            "written": State(ids.EXPORT_KEYS, "data"),
        },
    )
    def export_texts(old_options: Any, written: dict[str, str] | None, **values: Any) -> Any:
        request = context(**values)
        names = [out["id"]["chart"] for out in ctx.outputs_list[0]]
        # Only the charts whose words would change are rebuilt: this runs on every year click,
        # beside the chart callbacks, and rebuilding every chart doubled the server time of a
        # click. A chart's key says what its words were written from (callbacks/context.py).
        keys = {s.id: request.drawn_key(s.controls_for(request.model)) for s in CHARTS}
        stale = {name for name, key in keys.items() if (written or {}).get(name) != key}

        def words(name: str, model: FundingSource, state: ViewState) -> ChartWords:
            return request.remember(("words", name, keys[name]), lambda: chart_words(name, model, state))  # fmt: skip

        texts = chart_texts(request.model, request.state, names, stale, old_options, words)
        return (*texts, keys)

    @app.callback(
        *(Output(ids.for_chart(kind, ALL), "children") for kind in BAR_TEXT),
        Output(ids.for_chart(ids.TAKEAWAY_COPY, ALL), "title"),
        Output(ids.for_chart(ids.EXPORT_PRESET, ALL), "options"),
        Output(ids.for_chart(ids.TAKEAWAY_MESSAGES, ALL), "data"),
        *(Output(cid, "children") for cid in MEMO_TEXT),
        Input(ids.LANG, "value"),
        # the first page is written in its language (tests/test_first_view.py)
        prevent_initial_call=True,
    )
    def translate(lang_value: str) -> tuple[Any, ...]:
        return static_texts(as_lang(lang_value), len(ctx.outputs_list[0]))

    @app.callback(
        output=Output(ids.for_chart(ids.EXPORT_IMAGE, MATCH), "data"),
        inputs={
            "clicks": [Input(ids.for_chart(kind, MATCH), "n_clicks") for kind in IMAGE_ACTIONS],
            "title": State(ids.for_chart(ids.EXPORT_TITLE, MATCH), "value"),
            "subtitle": State(ids.for_chart(ids.EXPORT_SUBTITLE, MATCH), "value"),
            "preset": State(ids.for_chart(ids.EXPORT_PRESET, MATCH), "value"),
            **as_read,
        },
        prevent_initial_call=True,
    )
    def image(
        clicks: list[int | None], title: str, subtitle: str, preset: str, **values: Any
    ) -> Any:
        trigger = ctx.triggered_id
        if not trigger or not any(clicks):
            return no_update
        request, address = context(**values), public_address()
        chart, meta = prepare(
            trigger["chart"], request.model, request.state, request.loaded, address, title, subtitle
        )
        fmt, action = IMAGE_ACTIONS[ids.kind_of(trigger)]
        return image_spec(chart, meta, preset, fmt, action, sum(c or 0 for c in clicks))

    app.clientside_callback(
        clientside.RENDER_IMAGE.ref(),
        Output(ids.for_chart(ids.EXPORT_STATUS, MATCH), "children"),
        Input(ids.for_chart(ids.EXPORT_IMAGE, MATCH), "data"),
        prevent_initial_call=True,
    )

    app.clientside_callback(
        clientside.COPY_TEXT.ref(),
        Output(ids.for_chart(ids.TAKEAWAY_STATUS, MATCH), "children"),
        Input(ids.for_chart(ids.TAKEAWAY_COPY, MATCH), "n_clicks"),
        State(ids.for_chart(ids.TAKEAWAY, MATCH), "children"),
        State(ids.for_chart(ids.TAKEAWAY_MESSAGES, MATCH), "data"),
        prevent_initial_call=True,
    )

    @app.callback(
        output=Output(ids.for_chart(ids.EXPORT_DOWNLOAD, MATCH), "data"),
        inputs={
            "clicks": [Input(ids.for_chart(kind, MATCH), "n_clicks") for kind in DATA_FORMATS],
            "title": State(ids.for_chart(ids.EXPORT_TITLE, MATCH), "value"),
            "subtitle": State(ids.for_chart(ids.EXPORT_SUBTITLE, MATCH), "value"),
            **as_read,
        },
        prevent_initial_call=True,
    )
    def data(clicks: list[int | None], title: str, subtitle: str, **values: Any) -> Any:
        trigger = ctx.triggered_id
        if not trigger or not any(clicks):
            return no_update
        request = context(**values)
        model, loaded = request.model, request.loaded
        address = public_address()
        chart, meta = prepare(
            trigger["chart"], model, request.state, loaded, address, title, subtitle
        )
        content, filename = data_file(
            chart, model, meta, DATA_FORMATS[ids.kind_of(trigger)], loaded
        )
        return dcc.send_bytes(content, filename)

    @app.callback(
        output=[Output(ids.MEMO_DOWNLOAD, "data"), Output(ids.MEMO_STATUS, "children")],
        inputs={
            "clicks": [Input(ids.MEMO_PPTX, "n_clicks"), Input(ids.MEMO_DOCX, "n_clicks")],
            "chosen": State(ids.MEMO_CHARTS, "value"),
            "titles": State(ids.for_chart(ids.EXPORT_TITLE, ALL), "value"),
            "subtitles": State(ids.for_chart(ids.EXPORT_SUBTITLE, ALL), "value"),
            **as_read,
        },
        prevent_initial_call=True,
        # a background job with a progress bar and a cancel button; inline without a manager
        **jobs.background(
            manager, ids.MEMO_PROGRESS, ids.MEMO_PROGRESS_TEXT, ids.MEMO_CANCEL, MEMO_BUTTONS
        ),
    )
    def memo(
        *report: jobs.Report,
        clicks: list[int | None],
        chosen: list[str] | None,
        titles: list[str | None],
        subtitles: list[str | None],
        **values: Any,
    ) -> tuple[Any, Any]:
        if ctx.triggered_id not in PACK_FORMATS or not any(clicks):
            return no_update, no_update
        # The edited titles by chart: ALL states come in layout order, with their ids here.
        typed = values_by_chart(ctx.args_grouping["titles"])
        edited = typed, values_by_chart(ctx.args_grouping["subtitles"])
        request, fmt = context(**values), PACK_FORMATS[str(ctx.triggered_id)]
        step, lang, today = jobs.reporter(report, 3), request.state.lang, dt.date.today()
        step(0, t("jobs.memo.charts", lang, count=len(chosen or [])))
        items = memo_items(
            chosen, request.model, request.state, request.loaded, public_address(), edited, today
        )
        if not items:
            return no_update, t("export.memo.none", lang)
        step(1, t("jobs.memo.render", lang))
        packed = render_pack(kaleido_server(), lambda: memo_bytes(items, lang, fmt, today), report)
        step(3, "")
        return dcc.send_bytes(packed, memo_filename(lang, fmt, today)), t("export.memo.ready", lang)


def render_pack(renderer: Any, build: Any, report: tuple[jobs.Report, ...]) -> bytes:
    """Render the pack; in a job's own process, stop its Chromium afterwards (the process ends
    with the job, and kaleido's browser would outlive it)."""
    try:
        packed: bytes = renderer.render(build)
    finally:
        if jobs.in_job(report):
            kaleido.stop_sync_server(silence_warnings=True)
    return packed
