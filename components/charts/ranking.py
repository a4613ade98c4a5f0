"""The donor ranking of one year: bars of the largest donors, the rest as one bar.

Drawn from whatever the source ranks (the scorecard's listed donors, or every government donor
of a loaded CEB file, cut at top N); the figure of every year goes to the browser at once, so a
year click repaints it there.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import pandas as pd
import plotly.graph_objects as go
from dash import html

from components import ids
from components.charts.base import (
    NAME,
    Captions,
    ChartOutput,
    ChartSpec,
    Panel,
    chart_top,
    chart_year,
    contradiction_notes,
    data_source,
    donor_rows,
    fact_ids,
    filters,
    other_label,
    ranked_controls,
)
from components.charts.image_tidy import legend_note, without_axis_titles
from components.charts.wording import (
    absent,
    previous_amount,
    sentence,
    total_of,
    usd_m,
    with_change,
)
from components.formatting import LANGS, Lang, fmt_number, fmt_pct, fmt_signed
from components.i18n import t
from components.money_context import words_for
from components.panels import notes_box, table
from components.text_width import text_width
from components.theme import GRID_COLOR, apply_theme, footer_lines, highlight_marker
from components.view_state import ViewState
from data import columns as c
from data.derive import change
from data.source import FundingSource

ID = "ranking"
# A donor's amount as the scorecard's text states it, where its table gives another.
STATED_METRIC = "donor_contribution_stated"
COLUMNS = (c.YEAR, c.RANK, c.DONOR_KEY, NAME, c.AMOUNT, c.SHARE, c.FACT_ID)
# The most donors an image labels legibly: a memo image (756 x 425 px) keeps about 150 px of
# plot between its subtitle and its footer, so 10 bars and the rest at 13 px a label.
IMAGE_TOP = 10
# Value labels beside the bars of an image: plotly shrinks them to the bar's thickness otherwise.
IMAGE_LABEL_SIZE = 11
TICK_SIZE = 13  # px, the donors' names
# px plotly puts between a y tick label's width and the plot (a 141.5 px label: margin 155),
# and 2 px over for a glyph's overhang past its advance
TICK_GAP = 15


# figure ------------------------------------------------------------------------------------------
def donor_labels(rows: pd.DataFrame, lang: Lang, other: str) -> list[str]:
    """'1. Verenigde Staten' for listed donors, ``other`` ('Overige lidstaten') for the
    remainder, in the rows' order."""
    names = rows[c.NAME_NL if lang == "nl" else c.NAME_EN]
    return [
        other if bool(is_other) else f"{int(rank)}. {name}"
        for is_other, rank, name in zip(rows[c.IS_OTHER], rows[c.RANK], names, strict=True)
    ]


@dataclass(frozen=True)
class Room:
    """The left margin and footer lines that fit the ranking of every year in every language:
    the browser swaps years and languages in one graph (``assets/year_paint.js``), and a
    figure whose margins differ from the one drawn before costs plotly a second layout."""

    left: int
    lines: int


def steady_room(model: FundingSource, top_n: int | None) -> Room:
    """The ``Room`` of the ranking at ``top_n``, once per model. A highlighted donor's bold
    name, or a donor kept beyond the top N, may need more: plotly widens the margin for it
    (``automargin``), the same in every year the donor is drawn."""
    return model.remembered((ID, "room", top_n), lambda: _room(model, top_n))


def _room(model: FundingSource, top_n: int | None) -> Room:
    widest, lines = 0.0, 0
    for lang in LANGS:
        other = other_label(model, lang)
        for year in model.years():
            labels = donor_labels(model.ranking(year, top_n), lang, other)
            widest = max([widest, *(text_width(label, TICK_SIZE) for label in labels)])
            with words_for(model.valuation, year):  # the year's rate on the source line
                lines = max(lines, footer_lines(captions(model, year, lang, top_n)))
    return Room(left=math.ceil(widest + TICK_GAP), lines=lines)


def ranking_figure(
    ranking: pd.DataFrame,
    lang: Lang,
    highlight: str | None,
    captions: Captions,
    *,
    other: str,
    room: Room | None = None,
) -> go.Figure:
    """Horizontal bars, largest on top, labelled with amount and share of the total; the
    remainder bar is named ``other`` (``base.other_label``: what the source ranks). With a
    ``room``, the margins of every year's and language's figure (on screen; an image is cut to
    its own text)."""
    rows = ranking.iloc[::-1]  # plotly draws the first category at the bottom
    labels = donor_labels(rows, lang, other)
    keys = [str(k) for k in rows[c.DONOR_KEY]]
    texts = [
        f"{fmt_number(a, lang)} · {fmt_pct(s, lang)}"
        for a, s in zip(rows[c.AMOUNT], rows[c.SHARE], strict=True)
    ]
    hover = [
        t(
            "ranking.hover",
            lang,
            rank="–" if pd.isna(r) else int(r),
            amount=fmt_number(a, lang),
            share=fmt_pct(s, lang),
        )
        for r, a, s in zip(rows[c.RANK], rows[c.AMOUNT], rows[c.SHARE], strict=True)
    ]
    yaxis: dict[str, Any] = {"automargin": True, "tickfont": {"size": TICK_SIZE}}
    if highlight in keys:  # assets/year_paint.js repaints a donor pick the same way (DonorPaint)
        yaxis["ticktext"] = [
            f"<b>{lab}</b>" if k == highlight else lab for lab, k in zip(labels, keys, strict=True)
        ]
        yaxis["tickvals"] = labels
    lines = max(footer_lines(captions), room.lines if room else 0)
    # One construction: each update_* call validates the whole figure again, which made a
    # ranking cost 14 ms to build (24 of them, every year in both languages, on a cold server).
    fig = go.Figure(
        data=[
            go.Bar(
                x=list(rows[c.AMOUNT]),
                y=labels,
                orientation="h",
                marker=highlight_marker(keys, highlight, bottom_up=True),
                text=texts,
                textposition="outside",
                cliponaxis=False,
                customdata=keys,
                hovertext=hover,
                hovertemplate="<b>%{y}</b><br>%{hovertext}<extra></extra>",
            )
        ],
        layout={
            "xaxis": {
                "title": {"text": t("ranking.axis", lang)},
                "tickformat": ",d",
                "gridcolor": GRID_COLOR,
                "range": [0, float(rows[c.AMOUNT].max()) * 1.28],
            },
            "yaxis": yaxis,
            "showlegend": False,
            "bargap": 0.25,
            "height": max(470, 190 + 34 * len(rows) + 16 * lines),
        },
    )
    # plotly still widens the room's margin if a browser's font draws the labels wider
    left = room.left if room is not None else None
    return apply_theme(fig, lang, captions, footer_room=lines, margin_left=left)


def ranking_image(
    model: FundingSource,
    year: int,
    top_n: int | None,
    highlight: str | None,
    lang: Lang,
    captions: Captions,
) -> go.Figure:
    """The image copy: every bar has its value, so no x tick labels nor axis titles (the
    subtitle names the unit), and value labels at a size that reads. At a top N longer than
    ``IMAGE_TOP`` the largest ``IMAGE_TOP`` (and the highlighted donor), everyone else summed in
    the remainder bar, and a note saying so (the data file keeps the whole top N): the screen's
    rows at top 100 in a fixed-size image are a pile of labels over each other."""
    rows = model.ranking(year, top_n, keep=highlight)
    fewer = model.ranking(year, IMAGE_TOP, keep=highlight)
    cut = top_n is not None and len(fewer) < len(rows)
    other = other_label(model, lang)
    figure = ranking_figure(fewer if cut else rows, lang, highlight, captions, other=other)
    figure.update_xaxes(showticklabels=False, showgrid=False)
    figure.update_traces(textfont={"size": IMAGE_LABEL_SIZE}, constraintext="none")
    figure = without_axis_titles(figure)
    if not cut:
        return figure
    figure.update_traces(showlegend=False)
    figure.update_layout(showlegend=True)
    listed = fewer[~fewer[c.IS_OTHER].astype(bool)]
    beyond = listed[listed[c.RANK] > IMAGE_TOP]
    added = highlight is not None and highlight in set(beyond[c.DONOR_KEY].astype(str))
    note = t(
        "ranking.image_note_donor" if added else "ranking.image_note",
        lang,
        shown=IMAGE_TOP,
        top=top_n,
        other=other,
        donor=model.donor_name(highlight, lang) if added and highlight else "",
    )
    return legend_note(figure, note)


# captions ----------------------------------------------------------------------------------------
def _apart_notes(model: FundingSource, year: int, lang: Lang) -> list[str]:
    """What the ranking leaves out (where the source has revenue of other kinds), and whether
    refunds are netted in."""
    by_year = model.revenue_by_year()
    notes = []
    if by_year is not None:
        row = by_year[by_year[c.YEAR] == year].iloc[0]
        notes.append(
            t(
                "revenue.apart",
                lang,
                assessed=fmt_number(float(row[c.ASSESSED]), lang, 1),
                other=fmt_number(float(row[c.OTHER]), lang, 1),
            )
        )
    if model.includes_negative(year):
        notes.append(t("revenue.negative", lang))
    return notes


def captions(model: FundingSource, year: int, lang: Lang, top_n: int | None) -> Captions:
    measure = model.measure
    rows = model.ranking(year)
    notes = contradiction_notes(model.notes(ID, year), lang)
    return Captions(
        title=t(f"ranking.title.{measure}", lang, entity=model.entity, year=year),
        subtitle=t(
            f"ranking.subtitle.{measure}",
            lang,
            total=fmt_number(model.total(year), lang),
            top=top_n or "",
        ),
        source=data_source(model, lang, rows[c.FACT_ID], "source.ranking_table"),
        notes=(*notes, *_apart_notes(model, year, lang), t(f"ranking.other_note.{measure}", lang)),
    )


# takeaway ----------------------------------------------------------------------------------------
# ranking ---------------------------------------------------------------------------------------
def takeaway_text(
    model: FundingSource, year: int, highlight: str | None, top_n: int | None, lang: Lang
) -> str:
    """The year's largest donor with share and change, then the highlighted donor's place."""
    rows = model.ranking(year, top_n)
    listed = rows[~rows[c.IS_OTHER].astype(bool)].sort_values(c.RANK, kind="stable")
    if listed.empty:  # nobody ranked that year (UNOPS, IRMCT, UPU in the CEB data): say so
        return sentence([t("error.no_donor_listed", lang, entity=model.entity, year=year)])
    top = listed.iloc[0]
    top_key, top_amount = str(top[c.DONOR_KEY]), float(top[c.AMOUNT])
    lead = t(
        "export.takeaway.ranking",
        lang,
        entity=model.entity,
        year=year,
        donor=model.donor_name(top_key, lang),
        amount=usd_m(top_amount, lang),
        share=fmt_pct(float(top[c.SHARE]), lang),
        total=total_of(model, lang),
    )
    aside = _stated_caveat(model, top_key, year, lang)
    clauses = [with_change(lead, model, top_key, year, top_amount, lang, aside)]
    if highlight and highlight != top_key:
        clauses.append(_ranking_donor(model, year, highlight, top_n, listed, lang))
    return sentence(clauses)


def _ranking_donor(
    model: FundingSource,
    year: int,
    donor: str,
    top_n: int | None,
    listed: pd.DataFrame,
    lang: Lang,
) -> str:
    name = model.donor_name(donor, lang)
    everyone = model.ranking(year)
    row = everyone[everyone[c.DONOR_KEY] == donor]
    if row.empty:
        return t(absent(model), lang, donor=name, year=year)
    amount = float(row[c.AMOUNT].iloc[0])
    values = {
        "donor": name,
        "rank": int(row[c.RANK].iloc[0]),
        "amount": usd_m(amount, lang),
        "share": fmt_pct(float(row[c.SHARE].iloc[0]), lang),
    }
    if donor in set(listed[c.DONOR_KEY].astype(str)):
        text = t("export.takeaway.ranking_donor", lang, **values)
    else:
        text = t("export.takeaway.ranking_outside", lang, top=top_n, **values)
    aside = _stated_caveat(model, donor, year, lang)
    return with_change(text, model, donor, year, amount, lang, aside)


def _stated_caveat(model: FundingSource, donor: str, year: int, lang: Lang) -> str:
    """'(volgens de tabel; de tekst geeft USD 59,8 mln: −0,3 %)' where a contradiction note
    of the year's ranking names the donor-year's table figure and a figure its text states:
    a memo that quotes the table's rise must not hide that the text gives a fall (the
    scorecard's Dutch 2023 contribution). Both changes are against the same year before."""
    before = previous_amount(model, donor, year)
    if before is None or before[0] <= 0:
        return ""
    table = model.ranking_table
    rows = table[(table[c.YEAR] == year) & (table[c.DONOR_KEY] == donor)]
    drawn = {str(i) for i in rows[c.FACT_ID].dropna()}
    notes = model.notes(ID, year)
    named: set[str] = set()  # every fact of a contradiction that names the figure drawn
    for fact_ids_ in notes.loc[notes[c.KIND] == "contradiction", c.FACT_IDS].str.split(";"):
        if drawn & set(fact_ids_):
            named |= set(fact_ids_)
    facts = model.tables.facts
    stated = facts[
        facts[c.FACT_ID].isin(named)
        & (facts[c.METRIC] == STATED_METRIC)
        & (facts[c.DONOR] == donor)
        & (facts[c.YEAR] == year)
    ]
    if stated.empty:
        return ""
    value = float(stated[c.VALUE].iloc[0])
    _, pct = change(before[0], value)
    return t(
        "export.takeaway.stated_differs",
        lang,
        amount=usd_m(value, lang),
        change=fmt_pct(pct, lang, 1, signed=True),
    )


def takeaway(model: FundingSource, state: ViewState) -> str:
    year, top_n = chart_year(model, state.year), chart_top(model, state.top)
    return takeaway_text(model, year, state.donor, top_n, state.lang)


# the chart and what is drawn beside it -----------------------------------------------------------
def build(model: FundingSource, state: ViewState) -> ChartOutput:
    lang, year, top_n = state.lang, chart_year(model, state.year), chart_top(model, state.top)
    caps = captions(model, year, lang, top_n)
    rows = model.ranking(year, top_n, keep=state.donor or None)
    other = other_label(model, lang)
    donor = state.donor or None
    return ChartOutput(
        draw=lambda: ranking_figure(
            rows, lang, donor, caps, other=other, room=steady_room(model, top_n)
        ),
        fit_image=lambda _screen: ranking_image(model, year, top_n, donor, lang, caps),
        captions=caps,
        data_frame=donor_rows(rows, lang, COLUMNS, other),
        unit=t("unit.usd_m", lang),
        fact_ids=fact_ids(rows[c.FACT_ID]),
        data_files=model.files,
        filters=filters(
            model, state, (t("export.filter.year", lang), str(year)), rows[c.DONOR_KEY], top_n
        ),
    )


def highlight_colours(model: FundingSource, state: ViewState) -> dict[str, list[str]] | None:
    """The bar colours with each drawn donor highlighted (``highlight_marker``: in figure
    order, smallest bar first), so the browser repaints a donor picked among the bars without a
    round trip; ``None`` where the highlighted donor is a bar of its own beyond the top N (the
    figure of another donor lacks that bar, so only the server can draw it)."""
    rows = model.ranking(chart_year(model, state.year), chart_top(model, state.top)).iloc[::-1]
    keys = [str(k) for k in rows[c.DONOR_KEY]]
    if state.donor and state.donor not in keys:
        return None
    listed = [k for k, other in zip(keys, rows[c.IS_OTHER], strict=True) if not bool(other)]
    return {k: highlight_marker(keys, k, bottom_up=True)["color"] for k in listed}


def _notes(model: FundingSource, state: ViewState) -> Any:
    return notes_box(model.notes(ID, chart_year(model, state.year)), state.lang)


def _comparison(model: FundingSource, state: ViewState) -> Any:
    frame = model.comparison()
    return [] if frame is None else comparison_table(frame, model, state.lang)


def comparison_table(frame: pd.DataFrame, model: FundingSource, lang: Lang) -> list[Any]:
    """Scorecard and loaded file side by side where both give the same donor and year."""
    heading = html.H3(t("comparison.heading", lang))
    if frame.empty:
        return [heading, html.P(t("comparison.none", lang))]
    header = [
        t(k, lang)
        for k in (
            "table.year",
            "table.donor",
            "comparison.scorecard",
            "comparison.file",
            "table.change_abs",
            "table.change_pct",
        )
    ]
    rows = [
        [
            int(r[c.YEAR]),
            model.donor_name(str(r[c.DONOR_KEY]), lang),
            fmt_number(float(r[f"{c.AMOUNT}_scorecard"]), lang),
            fmt_number(float(r[f"{c.AMOUNT}_file"]), lang, 1),
            fmt_signed(float(r[c.CHANGE_ABS]), lang, 1),
            fmt_pct(float(r[c.CHANGE_PCT]), lang, signed=True),
        ]
        for _, r in frame.iterrows()
    ]
    return [heading, table(header, rows)]


SPEC = ChartSpec(
    id=ID,
    tab=ids.TAB_RANKING,
    build=build,
    takeaway=takeaway,
    inputs=(ids.YEAR, ids.DONOR, ids.TOP_N),
    depends_on=lambda model: ranked_controls(model, ids.YEAR, ids.DONOR),
    panels=(
        Panel("notes", _notes, inputs=(ids.YEAR,)),
        Panel("comparison", _comparison, class_name="table-wrap"),
    ),
    graph_class="graph graph-main",
    years_in_browser=True,
    donors_in_browser=highlight_colours,
    memo_default=True,
)
