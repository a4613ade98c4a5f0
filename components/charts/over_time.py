"""The donor ranking across the years: a bump chart of ranks, and the table behind it."""

from __future__ import annotations

import re
from typing import Any

import pandas as pd
import plotly.graph_objects as go
from dash import dcc, html

from components import ids
from components.charts.base import (
    Captions,
    ChartOutput,
    ChartSpec,
    Panel,
    chart_top,
    contradiction_notes,
    data_source,
    donor_rows,
    fact_ids,
    filters,
    negative_note,
    ranked_controls,
    span,
)
from components.charts.image_tidy import END_LABEL, flowing_legend, legend_note
from components.charts.ranking import COLUMNS as RANKING_COLUMNS
from components.charts.wording import absent, join_words, sentence, usd_m
from components.formatting import Lang, fmt_number, fmt_pct, fmt_signed
from components.i18n import t
from components.panels import notes_box, table
from components.theme import (
    FAINT_GRID_COLOR,
    ON_COLOR,
    PAPER_COLOR,
    apply_theme,
    donor_colors,
    footer_lines,
    wrap,
)
from components.view_state import ViewState
from data import columns as c
from data.source import FundingSource

ID = "over_time"
COLUMNS = (*RANKING_COLUMNS[:-1], c.CHANGE_ABS, c.CHANGE_PCT, c.RANK_CHANGE, c.FACT_ID)
# Screen pixels per rank: a marker (22 px) and its amount label above it (12 px) stay clear of
# the marker a rank higher, so no label sits on a line or a marker.
ROW_HEIGHT = 40
# The most donors a legend names; with more (a long top N) each line is named at its end.
LEGEND_MOST = 12
# The most donors an image draws legibly: a memo image's plot is about 150 px tall.
IMAGE_TOP = 10
IMAGE_NOTE_WIDTH = 60  # characters per line of a legend note in the image


# figure ------------------------------------------------------------------------------------------
def drawn_rows(frame: pd.DataFrame, top_n: int | None, highlight: str | None) -> pd.DataFrame:
    """The donor-years a chart of the top N draws: ranks N or better (a donor that falls out of
    the top N leaves a gap, as in a year it is not listed), and every rank of the highlighted
    donor. Ranks of 60 drawn for a donor once in the top 10 squeezed the top 10 into a strip."""
    if top_n is None:
        return frame
    return frame[(frame[c.RANK] <= top_n) | (frame[c.DONOR_KEY] == highlight)]


def over_time_figure(
    frame: pd.DataFrame,
    lang: Lang,
    highlight: str | None,
    captions: Captions,
    top_n: int | None = None,
    compact: bool = False,
) -> go.Figure:
    """One line per donor through its ranks; years a donor is not listed (or not in the top
    N, ``drawn_rows``) leave a gap.

    Amounts sit above their marker, where no line runs (beside it, every line ran through
    them), and the chart grows by ``ROW_HEIGHT`` a rank. More than ``LEGEND_MOST`` donors are
    named at the end of their line instead of in a legend above the plot that would outgrow
    its margin and cover the title. ``compact`` (an image's short plot) draws small markers
    without amounts: the data file has them."""
    frame = drawn_rows(frame, top_n, highlight)
    years = sorted(int(y) for y in frame[c.YEAR].unique())
    name_col = c.NAME_NL if lang == "nl" else c.NAME_EN
    order = frame.groupby(c.DONOR_KEY)[c.RANK].min().sort_values(kind="stable").index
    by_donor = dict(iter(frame.groupby(c.DONOR_KEY, sort=False)))
    colours = dict(zip(order, donor_colors([str(k) for k in order], highlight), strict=True))
    size = 9 if compact else 22
    traces = []
    for key in order:
        listed = by_donor[key]
        name = str(listed[name_col].iloc[0])
        rows = listed.set_index(c.YEAR).reindex(years)
        emphasis = highlight is None or key == highlight
        hover = [
            t(
                "over_time.hover",
                lang,
                donor=name,
                year=y,
                rank=int(rank),
                amount=fmt_number(amount, lang),
                change=fmt_signed(change, lang),
                pct=fmt_pct(pct, lang, signed=True),
            )
            if not pd.isna(rank)
            else ""
            for y, rank, amount, change, pct in zip(
                years,
                rows[c.RANK],
                rows[c.AMOUNT],
                rows[c.CHANGE_ABS],
                rows[c.CHANGE_PCT],
                strict=True,
            )
        ]
        traces.append(
            go.Scatter(
                x=years,
                y=[None if pd.isna(v) else int(v) for v in rows[c.RANK]],
                mode="lines+markers" if compact else "lines+markers+text",
                name=name,
                line={"color": colours[key], "width": 4 if key == highlight else 2.5},
                marker={
                    "size": size + 4 if key == highlight else size,
                    "color": colours[key],
                    "line": {"color": ON_COLOR, "width": 1 if compact else 2},
                },
                opacity=1.0 if emphasis else 0.5,
                text=["" if pd.isna(v) else fmt_number(v, lang) for v in rows[c.AMOUNT]],
                textposition="top center",
                textfont={"size": 12},
                hovertext=hover,
                hovertemplate="%{hovertext}<extra></extra>",
                customdata=[str(key)] * len(years),
                connectgaps=False,
            )
        )
    fig = go.Figure(data=traces)  # one construction: add_trace per donor re-validates each time
    max_rank = int(frame[c.RANK].max())
    many = len(order) > LEGEND_MOST
    if many:
        fig.update_layout(annotations=end_labels(frame, name_col, colours), showlegend=False)
    fig.update_layout(height=max(470, 170 + ROW_HEIGHT * max_rank + 16 * footer_lines(captions)))
    fig.update_yaxes(
        autorange=False,
        range=[max_rank + 0.7, 0.3],
        dtick=1 if max_rank <= 2 * IMAGE_TOP or not compact else 5,
        title_text=t("over_time.axis_rank", lang),
        gridcolor=FAINT_GRID_COLOR,
        zeroline=False,
    )
    fig.update_xaxes(
        tickvals=years,
        ticktext=[str(y) for y in years],
        range=[years[0] - 0.25, years[-1] + (max(1.3, 0.22 * len(years)) if many else 0.3)],
        title_text=t("over_time.axis_year", lang),
        showgrid=False,
    )
    return apply_theme(fig, lang, captions, legend_on_top=not many)


def end_labels(frame: pd.DataFrame, name_col: str, colours: dict[Any, str]) -> list[dict[str, Any]]:
    """Each donor's name right of its last marker, in its colour, on the paper's colour so a
    line behind it does not run through the name."""
    last = frame.sort_values(c.YEAR).groupby(c.DONOR_KEY, sort=False).tail(1)
    return [
        {
            "x": int(row[c.YEAR]),
            "y": int(row[c.RANK]),
            "xref": "x",
            "yref": "y",
            "text": str(row[name_col]),
            "name": END_LABEL,
            "xanchor": "left",
            "xshift": 15,
            "showarrow": False,
            "font": {"size": 11, "color": colours[row[c.DONOR_KEY]]},
            "bgcolor": PAPER_COLOR,
        }
        for _, row in last.iterrows()
    ]


def over_time_image(
    model: FundingSource, state: ViewState, top_n: int | None, captions: Captions
) -> go.Figure:
    """The image copy: ranks down to ``IMAGE_TOP`` at most (a longer top N is cut there, with
    a note saying so; the data file keeps it whole), small markers without amounts (a short
    plot has no room above each marker), the legend flowing by its entries' width."""
    donor = state.donor or None
    shown = top_n if top_n is None else min(top_n, IMAGE_TOP)
    frame = model.ranking_over_time(model.top_donors(shown) if shown else None)
    figure = over_time_figure(frame, state.lang, donor, captions, shown, compact=True)
    notes = []
    if top_n is not None and top_n > IMAGE_TOP:
        notes.append(t("over_time.image_note", state.lang, shown=IMAGE_TOP, top=top_n))
    figure, key = coded_ended_lines(figure, frame, state.lang)
    notes.extend([key] if key else [])
    for note in notes:
        if figure.layout.showlegend is False:  # named at their ends: the legend holds the note
            figure.update_traces(showlegend=False)
            figure.update_layout(showlegend=True)
        figure = legend_note(figure, note)
    return flowing_legend(figure)


def coded_ended_lines(figure: go.Figure, frame: pd.DataFrame, lang: Lang) -> tuple[go.Figure, str]:
    """In an image the years stand closer than a name is long: a line that ends before the
    last year, named at its end, ran into the names beside the last year's markers
    ("Noorwegen" into "Japan"). Such a line is named by its three-letter code and the codes
    are spelled out once, in a legend note (the returned text; empty if no line is coded)."""
    if frame.empty:
        return figure, ""
    name_col = c.NAME_NL if lang == "nl" else c.NAME_EN
    final = int(frame[c.YEAR].max())
    # a line ends where its drawn rows end (a donor out of the top N leaves the chart), so the
    # labels themselves say which lines end early
    keys = dict(zip(frame[name_col].astype(str), frame[c.DONOR_KEY].astype(str), strict=False))
    codes = {name: key for name, key in keys.items() if re.fullmatch(r"[A-Z]{3}", key)}
    labels = [
        a
        for a in figure.layout.annotations
        if a.name == END_LABEL and a.text in codes and int(a.x) < final
    ]
    if not labels:
        return figure, ""
    out = go.Figure(figure)
    for annotation in out.layout.annotations:
        if annotation.name == END_LABEL and annotation.text in codes and int(annotation.x) < final:
            annotation.text = codes[annotation.text]
    spelled = ", ".join(f"{codes[a.text]}\u00a0{a.text}" for a in sorted(labels, key=lambda a: a.x))
    # on lines of its own: a legend entry does not wrap, and the square image is narrow
    return out, wrap(t("over_time.image_codes", lang, codes=spelled), IMAGE_NOTE_WIDTH)


# captions ----------------------------------------------------------------------------------------
def captions(model: FundingSource, lang: Lang, top_n: int | None) -> Captions:
    measure, years = model.measure, model.years()
    frame = model.ranking_over_time()
    notes = contradiction_notes(model.notes(ID), lang)
    return Captions(
        title=t(f"over_time.title.{measure}", lang, entity=model.entity, span=span(years)),
        subtitle=t(f"over_time.subtitle.{measure}", lang, top=top_n or ""),
        source=data_source(model, lang, frame[c.FACT_ID], "source.ranking_table"),
        notes=(*notes, *negative_note(model, years, lang)),
    )


# takeaway ----------------------------------------------------------------------------------------
# over time -------------------------------------------------------------------------------------
def takeaway_text(
    model: FundingSource, highlight: str | None, top_n: int | None, lang: Lang
) -> str:
    """The highlighted donor's rank and amount in every year, then who was largest when."""
    donors = model.top_donors(top_n) if top_n else None
    frame = model.ranking_over_time(donors)
    years = model.years()
    clauses: list[str] = []
    if highlight:
        clauses.append(_donor_years(model, frame, years, highlight, top_n, lang))
    tops = frame[frame[c.RANK] == 1].sort_values(c.YEAR)
    by_donor: dict[str, list[int]] = {}
    for key, year in zip(tops[c.DONOR_KEY].astype(str), tops[c.YEAR].astype(int), strict=True):
        by_donor.setdefault(key, []).append(year)
    if not (highlight in by_donor and len(by_donor) == 1 and clauses):
        clauses.append(_top_by_year(model, by_donor, years, lang))
    return sentence(clauses)


def _donor_years(
    model: FundingSource,
    frame: pd.DataFrame,
    years: list[int],
    donor: str,
    top_n: int | None,
    lang: Lang,
) -> str:
    name = model.donor_name(donor, lang)
    rows = frame[frame[c.DONOR_KEY] == donor]
    if rows.empty:
        if top_n is not None:
            return t("export.takeaway.never_in_top", lang, donor=name, top=top_n)
        return ""
    listed = {
        int(year): (int(rank), float(amount))
        for year, rank, amount in zip(rows[c.YEAR], rows[c.RANK], rows[c.AMOUNT], strict=True)
    }
    missing = absent(model, in_a_year=True)
    items = [
        t(
            "export.takeaway.year_rank",
            lang,
            year=year,
            rank=listed[year][0],
            amount=usd_m(listed[year][1], lang),
        )
        if year in listed
        else t(missing, lang, year=year)
        for year in years
    ]
    return t("export.takeaway.over_time_donor", lang, donor=name, years=join_words(items, lang))


def _top_by_year(
    model: FundingSource, by_donor: dict[str, list[int]], years: list[int], lang: Lang
) -> str:
    if len(by_donor) == 1:
        ((key, top_years),) = by_donor.items()
        name = model.donor_name(key, lang)
        if len(years) == 1:
            return t("export.takeaway.top_in_year", lang, year=years[0], donor=name)
        if top_years == years:
            return t("export.takeaway.top_every_year", lang, donor=name)
    parts = [
        f"{model.donor_name(key, lang)} ({', '.join(str(y) for y in top_years)})"
        for key, top_years in by_donor.items()
    ]
    return t("export.takeaway.top_by_year", lang, donors=join_words(parts, lang))


def takeaway(model: FundingSource, state: ViewState) -> str:
    return takeaway_text(model, state.donor, chart_top(model, state.top), state.lang)


# the chart and what is drawn beside it -----------------------------------------------------------
def build(model: FundingSource, state: ViewState) -> ChartOutput:
    lang, top_n = state.lang, chart_top(model, state.top)
    donors = model.top_donors(top_n) if top_n else None
    frame = model.ranking_over_time(donors)
    caps = captions(model, lang, top_n)
    years = (t("export.filter.years", lang), span(model.years()))
    return ChartOutput(
        fit_image=lambda _screen: over_time_image(model, state, top_n, caps),
        draw=lambda: over_time_figure(frame, lang, state.donor or None, caps, top_n),
        captions=caps,
        data_frame=donor_rows(frame, lang, COLUMNS),
        # the image draws no amounts (``over_time_image``): a rank, named without money
        unit=t("export.unit.rank", lang),
        export_subtitle=t(f"over_time.image_subtitle.{model.measure}", lang, top=top_n or ""),
        fact_ids=fact_ids(frame[c.FACT_ID]),
        data_files=model.files,
        filters=filters(model, state, years, frame[c.DONOR_KEY], top_n),
    )


def over_time_table(
    model: FundingSource, lang: Lang, donors: list[str] | None = None
) -> dcc.Markdown:
    """Rank, amount, share and year-on-year change per donor and year, plus the totals."""
    frame = model.ranking_over_time(donors)
    name_col = c.NAME_NL if lang == "nl" else c.NAME_EN
    header = [
        t(k, lang)
        for k in (
            "table.year",
            "table.rank",
            "table.donor",
            "table.amount",
            "table.share",
            "table.change_abs",
            "table.change_pct",
            "table.rank_change",
        )
    ]
    rows: list[list[Any]] = []
    totals = model.totals_over_time().set_index(c.YEAR)
    total, total_abs, total_pct = (
        totals[col].astype(float).to_dict() for col in (c.TOTAL, c.CHANGE_ABS, c.CHANGE_PCT)
    )
    for year in model.years():
        for _, r in frame[frame[c.YEAR] == year].iterrows():
            rank_change = r[c.RANK_CHANGE]
            rows.append(
                [
                    year,
                    int(r[c.RANK]),
                    r[name_col],
                    fmt_number(float(r[c.AMOUNT]), lang),
                    fmt_pct(float(r[c.SHARE]), lang),
                    fmt_signed(float(r[c.CHANGE_ABS]), lang),
                    fmt_pct(float(r[c.CHANGE_PCT]), lang, signed=True),
                    "–" if pd.isna(rank_change) else fmt_signed(int(rank_change), lang),
                ]
            )
        rows.append(
            [
                year,
                "",
                html.B(t(f"table.total_row.{model.measure}", lang)),
                html.B(fmt_number(total[year], lang)),
                fmt_pct(1.0, lang),
                fmt_signed(total_abs[year], lang),
                fmt_pct(total_pct[year], lang, signed=True),
                "",
            ]
        )
    return table(header, rows)


def _table(model: FundingSource, state: ViewState) -> Any:
    """Apart from the chart: the table has no highlighted donor, and with a long file it is
    the bigger part of the work, which a donor change then need not redo."""
    top_n = chart_top(model, state.top)
    return over_time_table(model, state.lang, model.top_donors(top_n) if top_n else None)


def _notes(model: FundingSource, state: ViewState) -> Any:
    return notes_box(model.notes(ID), state.lang)


SPEC = ChartSpec(
    id=ID,
    tab=ids.TAB_OVER_TIME,
    build=build,
    takeaway=takeaway,
    inputs=(ids.DONOR, ids.TOP_N),
    depends_on=lambda model: ranked_controls(model, ids.DONOR),
    panels=(
        Panel("table", _table, class_name="table-wrap", inputs=(ids.TOP_N,)),
        Panel("notes", _notes),
    ),
    memo_default=True,
)
