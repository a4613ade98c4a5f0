"""Charts out of the app: images, data files, takeaways and the memo pack.

Images are rendered in the browser (Plotly.toImage), which is immediate, from the figure that
``export_figure`` lays out here on the server, so the browser and the server-side memo pack draw
the same spec. The memo pack renders on the server with kaleido, whose Chromium is started once
and kept, since starting it costs about two seconds per pack.

The functions above ``register`` are pure (tested in tests/test_export_callbacks.py); the
callbacks only read the controls and hand over to them.
"""

from __future__ import annotations

import datetime as dt
import json
import threading
import warnings
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from typing import Any, Literal

import kaleido
import pandas as pd
import plotly.io as pio
from dash import ALL, MATCH, ClientsideFunction, Dash, Input, Output, State, ctx, dcc, no_update

from callbacks.common import dataset_id
from components import ids
from components.charts import CHART_VIEWS, ChartOutput, build_chart, chart_state, chart_takeaway
from components.export_bar import preset_options
from components.export_data import PERMALINK_KEY, csv_bytes, xlsx_bytes
from components.export_image import PRESETS, ExportMeta, export_figure, export_filename
from components.formatting import Lang, as_lang
from components.i18n import t
from components.memo_pack import MemoItem, memo_pack_docx, memo_pack_pptx
from components.view_state import ViewState, to_search
from data import columns as c
from data.model import FundingModel
from data.provider import ModelProvider

DataFormat = Literal["csv", "xlsx"]
PackFormat = Literal["pptx", "docx"]
# Image button -> (format, what the browser does with the image)
IMAGE_ACTIONS: dict[str, tuple[str, str]] = {
    ids.EXPORT_PNG: ("png", "download"),
    ids.EXPORT_SVG: ("svg", "download"),
    ids.EXPORT_COPY: ("png", "copy"),
}
DATA_FORMATS: dict[str, DataFormat] = {ids.EXPORT_CSV: "csv", ids.EXPORT_XLSX: "xlsx"}
PACK_FORMATS: dict[str, PackFormat] = {ids.MEMO_PPTX: "pptx", ids.MEMO_DOCX: "docx"}
# The no-break space keeps the dot at the end of a line when the subtitle wraps.
SUBTITLE_SEPARATOR = "\u00a0· "
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
CONTROLS = (ids.LANG, ids.YEAR, ids.DONOR, ids.TOP_N, ids.BUDGET_MODE)
# Which charts each control changes; any other trigger (language, data, first load) changes all.
CHART_INPUTS: dict[str, set[str]] = {
    ids.YEAR: {ids.CHART_RANKING, ids.CHART_EARMARKING, ids.CHART_EARMARKING_SIDE},
    ids.DONOR: {ids.CHART_RANKING, ids.CHART_OVER_TIME, ids.CHART_EARMARKING_SIDE},
    ids.TOP_N: {ids.CHART_RANKING, ids.CHART_OVER_TIME, ids.CHART_EARMARKING_SIDE},
    ids.BUDGET_MODE: {ids.CHART_BUDGET},
}
# The scorecard's earmarking charts have no year or donor, and it lists its own donors (no top N).
SCORECARD_CHART_INPUTS: dict[str, set[str]] = {
    ids.YEAR: {ids.CHART_RANKING},
    ids.DONOR: {ids.CHART_RANKING, ids.CHART_OVER_TIME},
    ids.TOP_N: set(),
    ids.BUDGET_MODE: {ids.CHART_BUDGET},
}


# pure parts -------------------------------------------------------------------------------------
def stale_charts(trigger: object, basis: str) -> set[str]:
    """The charts whose texts a change of ``trigger`` can change, for data of ``basis``."""
    inputs = SCORECARD_CHART_INPUTS if basis == "scorecard" else CHART_INPUTS
    return set(inputs.get(str(trigger), ids.CHARTS))


def chart_view(state: ViewState, chart: str) -> ViewState:
    """The state with the chart's own tab, so its link opens the chart."""
    return replace(state, view=CHART_VIEWS[chart])


def permalink(href: str | None, state: ViewState, chart: str) -> str:
    """This page's address with the chart's view as its query: the link printed in the image."""
    base = (href or "").split("#", 1)[0].split("?", 1)[0]
    return base + to_search(chart_view(state, chart))


def default_subtitle(chart: ChartOutput) -> str:
    """What the chart counts, then the filters in force ("Jaar: 2023 · Gemarkeerde donor: …")."""
    filters = [f"{label}: {value}" for label, value in chart.filters]
    return SUBTITLE_SEPARATOR.join([chart.captions.subtitle, *filters])


def data_as_of(chart: ChartOutput, model: FundingModel, loaded: dt.date | None) -> dt.date:
    """The date the numbers were taken: the upload date for loaded files, else the date the
    built-in figures were taken from their documents (``sources.csv``, column ``retrieved``)."""
    if chart.revenue and loaded is not None:
        return loaded
    sources = model.tables.sources
    used = sources[sources[c.SOURCE_ID].isin(_source_ids(chart, model))]
    dates = (used if not used.empty else sources)[c.RETRIEVED].dropna()
    return max(dt.date.fromisoformat(str(d)) for d in dates)


def export_meta(
    chart: ChartOutput,
    lang: Lang,
    title: str | None,
    subtitle: str | None,
    as_of: dt.date,
    link: str,
) -> ExportMeta:
    """The words around the image; an emptied title falls back to the default, the source,
    date, notes and link cannot be removed."""
    return ExportMeta(
        title=(title or "").strip() or chart.captions.title,
        subtitle=default_subtitle(chart) if subtitle is None else subtitle.strip(),
        unit=chart.unit,
        source=chart.captions.source,
        data_as_of=as_of,
        permalink=link,
        lang=lang,
        notes=chart.captions.notes,
    )


def chart_source(chart_id: str, model: FundingModel, seed: FundingModel) -> FundingModel:
    """The model a chart is drawn from: the budget view always shows the built-in series,
    whatever data is loaded (as callbacks/views.py draws it)."""
    return seed if chart_id == ids.CHART_BUDGET else model


def prepare(
    chart_id: str,
    model: FundingModel,
    seed: FundingModel,
    state: ViewState,
    loaded: dt.date | None,
    href: str | None,
    title: str | None = None,
    subtitle: str | None = None,
) -> tuple[ChartOutput, ExportMeta]:
    """A chart ready to leave the app: built as the screen shows it, with the words around it."""
    source = chart_source(chart_id, model, seed)
    chart = build_chart(chart_id, source, state)
    meta = export_meta(
        chart,
        state.lang,
        title,
        subtitle,
        data_as_of(chart, source, loaded),
        permalink(href, state, chart_id),
    )
    return chart, meta


def memo_item(chart: ChartOutput, meta: ExportMeta, takeaway: str) -> MemoItem:
    """One figure of the annex: the image version of the chart, captioned with its title."""
    return MemoItem(chart.image_figure(), meta, meta.title, takeaway)


def image_messages(lang: Lang) -> dict[str, str]:
    """What the browser says after an image export, in the page's language."""
    return {
        "downloaded": t("export.status.downloaded", lang),
        "copied": t("export.status.copied", lang),
        "fallback": t("export.status.copy_fallback", lang),
        "failed": t("export.status.failed", lang, error="{error}"),
    }


def copy_messages(lang: Lang) -> dict[str, str]:
    """What the browser says after copying a takeaway."""
    return {
        "copied": t("export.status.text_copied", lang),
        "failed": t("export.status.text_failed", lang),
    }


def image_spec(
    chart: ChartOutput, meta: ExportMeta, preset: str, fmt: str, action: str, nonce: int
) -> dict[str, Any]:
    """Everything the browser needs to render the image: the laid-out figure as plain JSON,
    the exact size, a file name and the status messages. ``nonce`` makes a repeated click a
    new request."""
    spec = PRESETS[preset if preset in PRESETS else "memo"]
    figure = export_figure(chart.image_figure(), meta, spec.name)
    filename = export_filename(meta, spec.name, fmt)
    return {
        "figure": json.loads(figure.to_json()),
        "format": fmt,
        "action": action,
        "filename": filename.rsplit(".", 1)[0],
        "width": spec.width,
        "height": spec.height,
        "scale": spec.scale,
        "nonce": nonce,
        "messages": image_messages(meta.lang),
    }


def _source_ids(chart: ChartOutput, model: FundingModel) -> list[str]:
    facts = model.tables.facts
    used = facts.loc[facts[c.FACT_ID].isin(chart.fact_ids), c.SOURCE_ID]
    return sorted({str(s) for s in used})


def sources_frame(
    chart: ChartOutput, model: FundingModel, lang: Lang, as_of: dt.date, loaded: dt.date | None
) -> pd.DataFrame:
    """The 'sources and notes' sheet: the source line, each document or file with its date,
    and every note the chart carries."""
    facts, sources = model.tables.facts, model.tables.sources.set_index(c.SOURCE_ID)
    title_col = c.SOURCE_TITLE_NL if lang == "nl" else c.SOURCE_TITLE_EN
    rows: list[dict[str, Any]] = [
        {"kind": t("export.kind.source_line", lang), "text": chart.captions.source, "as_of": as_of}
    ]
    for source in _source_ids(chart, model):
        pages = facts.loc[
            facts[c.FACT_ID].isin(chart.fact_ids) & (facts[c.SOURCE_ID] == source), c.PAGE
        ].dropna()
        rows.append(
            {
                "kind": t("export.kind.document", lang),
                c.SOURCE_ID: source,
                "text": sources.at[source, title_col],
                c.PUBLISHER: sources.at[source, c.PUBLISHER],
                c.PUBLISHED: sources.at[source, c.PUBLISHED],
                "pages": ", ".join(str(p) for p in sorted({int(p) for p in pages})),
                "as_of": dt.date.fromisoformat(str(sources.at[source, c.RETRIEVED])),
            }
        )
    if chart.revenue:
        rows.extend(
            {
                "kind": t("export.kind.file", lang),
                "text": name,
                c.PUBLISHER: t("export.publisher.ceb", lang),
                "as_of": loaded or as_of,
            }
            for name in model.files
        )
    rows.extend(
        {"kind": t("export.kind.note", lang), "text": note} for note in chart.captions.notes
    )
    frame = pd.DataFrame(
        rows, columns=["kind", c.SOURCE_ID, "text", c.PUBLISHER, c.PUBLISHED, "pages", "as_of"]
    )
    return frame.astype({c.PUBLISHED: "Int64"}).assign(as_of=pd.to_datetime(frame["as_of"]))


def filters_table(chart: ChartOutput, model: FundingModel, lang: Lang, link: str) -> dict[str, str]:
    """The 'filters' sheet: which data, the selections in force and the link to the view."""
    data = (
        t("export.filter.data_files", lang, files=", ".join(model.files))
        if model.basis == "revenue"
        else t("export.filter.data_seed", lang)
    )
    return {t("export.filter.data", lang): data, **dict(chart.filters), PERMALINK_KEY: link}


def data_file(
    chart: ChartOutput,
    model: FundingModel,
    meta: ExportMeta,
    fmt: DataFormat,
    loaded: dt.date | None,
    exported_at: dt.datetime | None = None,
) -> tuple[bytes, str]:
    """The chart's numbers as CSV or as a workbook with sources and filters; with a file name."""
    name = export_filename(meta, "data", fmt)
    if fmt == "csv":
        return csv_bytes(chart.data_frame, meta.lang), name
    content = xlsx_bytes(
        chart.data_frame,
        sources_frame(chart, model, meta.lang, meta.data_as_of, loaded),
        filters_table(chart, model, meta.lang, meta.permalink),
        meta.lang,
        meta.title,
        exported_at=exported_at,
    )
    return content, name


def memo_bytes(items: Sequence[MemoItem], lang: Lang, fmt: PackFormat, created: dt.date) -> bytes:
    """The annex as a slide deck or a Word document."""
    build = memo_pack_pptx if fmt == "pptx" else memo_pack_docx
    return build(items, lang, created=created)


def memo_filename(lang: Lang, fmt: PackFormat, created: dt.date) -> str:
    """``memo-bijlage-financiering-iom-2026-11-24.docx``: what it is and the day it was made."""
    meta = ExportMeta(t("export.memo.title", lang), "", "", "", created, "", lang)
    return export_filename(meta, "", fmt)


def values_by_chart(entries: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """Dash's list of ``{"id": {..., "chart": c}, "value": v}`` for an ALL state, by chart."""
    return {entry["id"]["chart"]: entry.get("value") for entry in entries}


class KaleidoServer:
    """Starts kaleido's Chromium once, on the first memo pack, and keeps it for the next.

    kaleido's sync server is one per process and answers requests in order through one queue
    that cannot tell callers apart, so every server-side render in the app must go through
    ``render``, which serialises them. If a render fails the server is stopped, so the next
    pack starts a fresh one instead of reusing a broken browser.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()

    def render(self, build: Callable[[], bytes]) -> bytes:
        """Run ``build`` (which renders through plotly.io) with the server running."""
        with self._lock, warnings.catch_warnings():
            # plotly.io passes its request headers as kaleido options, which a running server
            # already has (it was started with them) and says so on every call.
            warnings.filterwarnings("ignore", message="The kopts argument is ignored")
            # A no-op while the server runs; starts it on first use or after a stop.
            kaleido.start_sync_server(headers=pio.defaults.headers, silence_warnings=True)
            try:
                return build()
            except Exception:
                kaleido.stop_sync_server(silence_warnings=True)
                raise

    def stop(self) -> None:
        """Close the kept Chromium (tests; the process's exit closes it too)."""
        with self._lock:
            kaleido.stop_sync_server(silence_warnings=True)


# callbacks --------------------------------------------------------------------------------------
def register(app: Dash, models: ModelProvider) -> None:
    kaleido_server = KaleidoServer()
    started = dt.datetime.now(dt.UTC).date()
    control_states = [State(cid, "value") for cid in CONTROLS]
    data_states = [
        State(ids.DATASET, "data"),
        State(ids.ENTITY, "value"),
        State(ids.SESSION, "data"),
    ]

    def context(
        lang: str,
        year: Any,
        donor: str | None,
        top: Any,
        budget: Any,
        dataset: dict[str, Any] | None,
        entity: str | None,
        session: str | None,
    ) -> tuple[FundingModel, ViewState, dt.date | None]:
        """The session's model, the view state and, for loaded data, the day it was loaded."""
        data_id = dataset_id(dataset)
        model = models.model(session, data_id, entity)
        state = chart_state(
            lang, year, donor, top, budget, model.entity if model.basis == "revenue" else None
        )
        loaded: dt.date | None = None
        if model.basis == "revenue":
            stored = models.store.get(session, data_id) if session and data_id else None
            loaded = stored.loaded_at.date() if stored is not None else started
        return model, state, loaded

    @app.callback(
        Output(ids.for_chart(ids.TAKEAWAY, ALL), "children"),
        Output(ids.for_chart(ids.EXPORT_TITLE, ALL), "value"),
        Output(ids.for_chart(ids.EXPORT_SUBTITLE, ALL), "value"),
        Output(ids.MEMO_CHARTS, "options"),
        *(Input(cid, "value") for cid in CONTROLS),
        Input(ids.DATASET, "data"),
        Input(ids.ENTITY, "value"),
        State(ids.SESSION, "data"),
        State(ids.MEMO_CHARTS, "options"),
    )
    def chart_texts(*values: Any) -> tuple[list[Any], list[Any], list[Any], list[dict[str, str]]]:
        *context_values, old_options = values
        model, state, _ = context(*context_values)
        names = [out["id"]["chart"] for out in ctx.outputs_list[0]]
        # Only the charts the changed control affects are rebuilt: this runs on every year click,
        # beside the chart callbacks, and rebuilding all five doubled the server time of a click.
        stale = stale_charts(ctx.triggered_id, model.basis)
        charts = {
            name: build_chart(name, chart_source(name, model, models.seed), state)
            for name in ids.CHARTS
            if name in stale
        }
        old_labels = {o["value"]: o["label"] for o in old_options or []}
        options = [
            {
                "label": t(
                    "export.memo.chart",
                    state.lang,
                    tab=t(f"tab.{CHART_VIEWS[name]}", state.lang),
                    title=charts[name].captions.title,
                )
                if name in charts
                else old_labels.get(name, name),
                "value": name,
            }
            for name in ids.CHARTS
        ]
        keep = no_update
        return (
            [
                chart_takeaway(name, chart_source(name, model, models.seed), state)
                if name in charts
                else keep
                for name in names
            ],
            [charts[name].captions.title if name in charts else keep for name in names],
            [default_subtitle(charts[name]) if name in charts else keep for name in names],
            options,
        )

    @app.callback(
        *(Output(ids.for_chart(kind, ALL), "children") for kind in BAR_TEXT),
        Output(ids.for_chart(ids.TAKEAWAY_COPY, ALL), "title"),
        Output(ids.for_chart(ids.EXPORT_PRESET, ALL), "options"),
        Output(ids.for_chart(ids.TAKEAWAY_MESSAGES, ALL), "data"),
        *(Output(cid, "children") for cid in MEMO_TEXT),
        Input(ids.LANG, "value"),
    )
    def translate(lang_value: str) -> tuple[Any, ...]:
        lang = as_lang(lang_value)
        count = len(ctx.outputs_list[0])
        return (
            *([t(key, lang)] * count for key in BAR_TEXT.values()),
            [t("export.takeaway.copy_label", lang)] * count,
            [preset_options(lang)] * count,
            [copy_messages(lang)] * count,
            *(t(key, lang) for key in MEMO_TEXT.values()),
        )

    @app.callback(
        Output(ids.for_chart(ids.EXPORT_IMAGE, MATCH), "data"),
        *(Input(ids.for_chart(kind, MATCH), "n_clicks") for kind in IMAGE_ACTIONS),
        State(ids.for_chart(ids.EXPORT_TITLE, MATCH), "value"),
        State(ids.for_chart(ids.EXPORT_SUBTITLE, MATCH), "value"),
        State(ids.for_chart(ids.EXPORT_PRESET, MATCH), "value"),
        *control_states,
        *data_states,
        State(ids.URL, "href"),
        prevent_initial_call=True,
    )
    def image(
        png: int, svg: int, copy: int, title: str, subtitle: str, preset: str, *rest: Any
    ) -> Any:
        trigger = ctx.triggered_id
        if not trigger or not (png or svg or copy):
            return no_update
        model, state, loaded = context(*rest[:-1])
        chart, meta = prepare(
            trigger["chart"], model, models.seed, state, loaded, rest[-1], title, subtitle
        )
        fmt, action = IMAGE_ACTIONS[trigger["type"]]
        return image_spec(chart, meta, preset, fmt, action, (png or 0) + (svg or 0) + (copy or 0))

    app.clientside_callback(
        ClientsideFunction(namespace="iomExport", function_name="renderImage"),
        Output(ids.for_chart(ids.EXPORT_STATUS, MATCH), "children"),
        Input(ids.for_chart(ids.EXPORT_IMAGE, MATCH), "data"),
        prevent_initial_call=True,
    )

    app.clientside_callback(
        ClientsideFunction(namespace="iomExport", function_name="copyText"),
        Output(ids.for_chart(ids.TAKEAWAY_STATUS, MATCH), "children"),
        Input(ids.for_chart(ids.TAKEAWAY_COPY, MATCH), "n_clicks"),
        State(ids.for_chart(ids.TAKEAWAY, MATCH), "children"),
        State(ids.for_chart(ids.TAKEAWAY_MESSAGES, MATCH), "data"),
        prevent_initial_call=True,
    )

    @app.callback(
        Output(ids.for_chart(ids.EXPORT_DOWNLOAD, MATCH), "data"),
        *(Input(ids.for_chart(kind, MATCH), "n_clicks") for kind in DATA_FORMATS),
        State(ids.for_chart(ids.EXPORT_TITLE, MATCH), "value"),
        State(ids.for_chart(ids.EXPORT_SUBTITLE, MATCH), "value"),
        *control_states,
        *data_states,
        State(ids.URL, "href"),
        prevent_initial_call=True,
    )
    def data(csv: int, xlsx: int, title: str, subtitle: str, *rest: Any) -> Any:
        trigger = ctx.triggered_id
        if not trigger or not (csv or xlsx):
            return no_update
        model, state, loaded = context(*rest[:-1])
        chart, meta = prepare(
            trigger["chart"], model, models.seed, state, loaded, rest[-1], title, subtitle
        )
        content, filename = data_file(chart, model, meta, DATA_FORMATS[trigger["type"]], loaded)
        return dcc.send_bytes(content, filename)

    @app.callback(
        Output(ids.MEMO_DOWNLOAD, "data"),
        Output(ids.MEMO_STATUS, "children"),
        Input(ids.MEMO_PPTX, "n_clicks"),
        Input(ids.MEMO_DOCX, "n_clicks"),
        State(ids.MEMO_CHARTS, "value"),
        State(ids.for_chart(ids.EXPORT_TITLE, ALL), "value"),
        State(ids.for_chart(ids.EXPORT_SUBTITLE, ALL), "value"),
        *control_states,
        *data_states,
        State(ids.URL, "href"),
        prevent_initial_call=True,
    )
    def memo(pptx: int, docx: int, chosen: list[str] | None, *rest: Any) -> tuple[Any, Any]:
        if ctx.triggered_id not in PACK_FORMATS or not (pptx or docx):
            return no_update, no_update
        model, state, loaded = context(*rest[2:-1])
        names = [name for name in ids.CHARTS if name in (chosen or [])]
        if not names:
            return no_update, t("export.memo.none", state.lang)
        titles = values_by_chart(ctx.states_list[1])
        subtitles = values_by_chart(ctx.states_list[2])
        items = [
            memo_item(
                *prepare(
                    name,
                    model,
                    models.seed,
                    state,
                    loaded,
                    rest[-1],
                    titles.get(name),
                    subtitles.get(name),
                ),
                chart_takeaway(name, chart_source(name, model, models.seed), state),
            )
            for name in names
        ]
        fmt, today = PACK_FORMATS[str(ctx.triggered_id)], dt.date.today()
        packed = kaleido_server.render(lambda: memo_bytes(items, state.lang, fmt, today))
        return (
            dcc.send_bytes(packed, memo_filename(state.lang, fmt, today)),
            t("export.memo.ready", state.lang),
        )
