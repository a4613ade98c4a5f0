"""A chart, built as the screen shows it, turned into what each export needs.

The export callbacks read the controls and call these functions: ``prepare`` builds the chart
with the words around it (``ExportMeta``), then ``image_spec`` makes the browser's image
request, ``data_file`` the CSV or workbook, and ``memo_items`` / ``memo_bytes`` the annex. All
of it is pure, so tests/test_export_assemble.py checks the files without a browser or a server.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any, Literal

import pandas as pd

from components import ids
from components.charts import CHART_IDS, CHART_VIEWS, ChartOutput, build_chart, chart_takeaway
from components.exports.image import PRESETS, DataDate, ExportMeta, export_filename
from components.exports.image_layout import export_figure
from components.exports.memo import MemoItem, memo_pack_docx, memo_pack_pptx
from components.exports.provenance import (
    cite_line,
    data_date,
    public_base,
    publisher,
    source_ids,
)
from components.exports.tables import PERMALINK_KEY, csv_bytes, xlsx_bytes
from components.formatting import Lang
from components.i18n import t
from components.view_state import ViewState, to_search
from data import columns as c
from data.source import FundingSource

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


def chart_view(state: ViewState, chart: str) -> ViewState:
    """The state with the chart's own tab, so its link opens the chart."""
    return replace(state, view=CHART_VIEWS[chart])


def permalink(href: str | None, state: ViewState, chart: str) -> str:
    """This page's address with the chart's view as its query: the link printed in the image."""
    base = (href or "").split("#", 1)[0].split("?", 1)[0]
    return base + to_search(chart_view(state, chart))


def shown_link(address: str | None, state: ViewState, chart: str) -> str:
    """The link an export prints: the chart's view at the app's public address, or nothing
    when no public address is set (or it is a loopback address, which leads nowhere)."""
    base = public_base(address)
    return permalink(base, state, chart) if base else ""


def default_subtitle(chart: ChartOutput) -> str:
    """What the chart counts, then the filters in force ("Jaar: 2023 · Gemarkeerde donor: …")."""
    filters = [f"{label}: {value}" for label, value in chart.filters]
    counts = chart.captions.subtitle if chart.export_subtitle is None else chart.export_subtitle
    return SUBTITLE_SEPARATOR.join([counts, *filters])


def data_as_of(chart: ChartOutput, model: FundingSource, loaded: dt.date | None) -> dt.date:
    """The day of the numbers (``provenance.data_date`` gives its precision): the upload date
    for loaded files, else the end of the year the documents were published in."""
    return data_date(chart, model, loaded).day


def export_meta(
    chart: ChartOutput,
    lang: Lang,
    title: str | None,
    subtitle: str | None,
    as_of: dt.date | DataDate,
    link: str,
    exported_on: dt.date | None = None,
    publisher: str = "",
) -> ExportMeta:
    """The words around the image; an emptied title falls back to the default, the source,
    date, notes and link cannot be removed."""
    dated = as_of if isinstance(as_of, DataDate) else DataDate(as_of)
    return ExportMeta(
        title=(title or "").strip() or chart.captions.title,
        subtitle=default_subtitle(chart) if subtitle is None else subtitle.strip(),
        unit=chart.unit,
        source=chart.captions.source,
        data_as_of=dated.day,
        permalink=link,
        lang=lang,
        notes=chart.captions.notes,
        data_date=dated,
        exported_on=exported_on,
        publisher=publisher,
    )


def prepare(
    chart_id: str,
    model: FundingSource,
    state: ViewState,
    loaded: dt.date | None,
    address: str | None,
    title: str | None = None,
    subtitle: str | None = None,
    exported_on: dt.date | None = None,
) -> tuple[ChartOutput, ExportMeta]:
    """A chart ready to leave the app: built as the screen shows it, with the words around it.
    ``address`` is the app's public address (``provenance.public_address()``); without one
    the export carries no link."""
    chart = build_chart(chart_id, model, state)
    meta = export_meta(
        chart,
        state.lang,
        title,
        subtitle,
        data_date(chart, model, loaded),
        shown_link(address, state, chart_id),
        exported_on or dt.date.today(),
        publisher(chart, model, state.lang),
    )
    return chart, meta


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
        "dpi": spec.dpi,
        "nonce": nonce,
        "messages": image_messages(meta.lang),
    }


def sources_frame(
    chart: ChartOutput,
    model: FundingSource,
    lang: Lang,
    as_of: dt.date | None,
    loaded: dt.date | None,
) -> pd.DataFrame:
    """The 'sources and notes' sheet: the source line (dated when its data has a day), each
    document with the day its figures were taken, each file with its upload day, and every
    note the chart carries."""
    facts, sources = model.tables.facts, model.tables.sources.set_index(c.SOURCE_ID)
    title_col = c.SOURCE_TITLE_NL if lang == "nl" else c.SOURCE_TITLE_EN
    rows: list[dict[str, Any]] = [
        {"kind": t("export.kind.source_line", lang), "text": chart.captions.source, "as_of": as_of}
    ]
    for source in source_ids(chart, model):
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
    rows.extend(
        {
            "kind": t("export.kind.file", lang),
            "text": name,
            c.PUBLISHER: t("export.publisher.ceb", lang),
            "as_of": loaded or as_of,
        }
        for name in chart.data_files
    )
    rows.extend(
        {"kind": t("export.kind.note", lang), "text": note} for note in chart.captions.notes
    )
    frame = pd.DataFrame(
        rows, columns=["kind", c.SOURCE_ID, "text", c.PUBLISHER, c.PUBLISHED, "pages", "as_of"]
    )
    return frame.astype({c.PUBLISHED: "Int64"}).assign(as_of=pd.to_datetime(frame["as_of"]))


def filters_table(
    chart: ChartOutput, lang: Lang, link: str, meta: ExportMeta | None = None
) -> dict[str, str]:
    """The 'filters' sheet: which data (the loaded files the chart draws, else the built-in
    scorecard), the selections in force, the date of the data and how to cite it (given the
    export's ``meta``), and the link to the view."""
    data = (
        t("export.filter.data_files", lang, files=", ".join(chart.data_files))
        if chart.data_files
        else t("export.filter.data_seed", lang)
    )
    dated = (
        {
            t("memo.data_date_label", lang): meta.dated.text(lang),
            t("memo.cite_label", lang): cite_line(replace(meta, permalink="")),
        }
        if meta is not None
        else {}
    )
    return {
        t("export.filter.data", lang): data,
        **dict(chart.filters),
        **dated,
        PERMALINK_KEY: link,
    }


def _day_of(meta: ExportMeta) -> dt.date | None:
    """The data's day for the sources sheet; a publication known to the year has none."""
    return meta.data_as_of if meta.dated.kind == "loaded" else None


def data_file(
    chart: ChartOutput,
    model: FundingSource,
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
        sources_frame(chart, model, meta.lang, _day_of(meta), loaded),
        filters_table(chart, meta.lang, meta.permalink, meta),
        meta.lang,
        meta.title,
        exported_at=exported_at,
    )
    return content, name


def memo_item(chart: ChartOutput, meta: ExportMeta, takeaway: str) -> MemoItem:
    """One figure of the annex: the image version of the chart, captioned with its title."""
    return MemoItem(chart.image_figure(), meta, meta.title, takeaway)


def memo_items(
    chosen: Sequence[str] | None,
    model: FundingSource,
    state: ViewState,
    loaded: dt.date | None,
    address: str | None,
    edited: tuple[Mapping[str, str | None], Mapping[str, str | None]],
    exported_on: dt.date,
) -> list[MemoItem]:
    """The annex's figures: the chosen charts in page order (not in the order they were ticked),
    each with the title and subtitle typed into its export bar (``edited``: titles, then
    subtitles, by chart) and a link at the public
    ``address``, if any; a chart the data chosen cannot
    draw (a CEB view on the scorecard) is left out, not pasted in as an empty frame.
    ``exported_on`` is the annex's own date, so every "cite this" line carries the day the
    title page names, even when the clock passes midnight while the pack is built."""
    titles, subtitles = edited
    prepared = [
        (
            name,
            prepare(
                name,
                model,
                state,
                loaded,
                address,
                titles.get(name),
                subtitles.get(name),
                exported_on,
            ),
        )
        for name in CHART_IDS
        if name in (chosen or ())
    ]
    return [
        memo_item(chart, meta, chart_takeaway(name, model, state))
        for name, (chart, meta) in prepared
        if not chart.is_empty
    ]


def memo_bytes(items: Sequence[MemoItem], lang: Lang, fmt: PackFormat, created: dt.date) -> bytes:
    """The annex as a slide deck or a Word document."""
    build = memo_pack_pptx if fmt == "pptx" else memo_pack_docx
    return build(items, lang, created=created)


def memo_filename(lang: Lang, fmt: PackFormat, created: dt.date) -> str:
    """``memo-bijlage-financiering-iom-2026-11-24.docx``: what it is and the day it was made."""
    meta = ExportMeta(t("export.memo.title", lang), "", "", "", created, "", lang)
    # The annex is named by the day it was compiled: its charts each carry their data date.
    return export_filename(meta, "", fmt)


def values_by_chart(entries: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """Dash's list of ``{"id": {..., "chart": c}, "value": v}`` for an ALL state, by chart."""
    return {entry["id"]["chart"]: entry.get("value") for entry in entries}
