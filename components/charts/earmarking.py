"""Earmarked versus core (unearmarked) funding, against the 2022 reform and the funding compact.

What the chart draws depends on what the source offers: where it has revenue per year by kind,
the core share of voluntary revenue per year; else the published shares as one 100 % bar.
"""

from __future__ import annotations

from typing import Any

import pandas as pd
import plotly.graph_objects as go

from components import ids
from components.charts.base import (
    Captions,
    ChartOutput,
    ChartSpec,
    Panel,
    chart_year,
    contradiction_notes,
    entity_source,
    fact_ids,
    facts_chart,
    filters,
    negative_note,
    scorecard_source,
    span,
)
from components.charts.image_tidy import without_axis_titles
from components.charts.references import add_references, fact_value
from components.charts.wording import first_fact, guideline_share, relation, sentence
from components.formatting import Lang, fmt_pct
from components.i18n import t
from components.panels import notes_box
from components.theme import (
    CORE_COLOR,
    CORE_TEXT_COLOR,
    EARMARKED_COLOR,
    GRID_COLOR,
    ON_COLOR,
    apply_theme,
    footer_lines,
)
from components.view_state import ViewState
from data import columns as c
from data.derive import share
from data.source import FundingSource

ID = "earmarking"
# Facts the published version of the chart draws.
METRICS = (
    "earmarked_share",
    "earmarked_share_after_reform",
    "funding_compact_core_guideline",
)
EARMARKED_METRIC, REFORM_METRIC = METRICS[0], METRICS[1]
REVENUE_COLUMNS = [c.YEAR, c.ASSESSED, c.CORE, c.EARMARKED, c.OTHER, c.VOLUNTARY, c.CORE_SHARE]
# The share-per-year chart: as tall as the graph's least height (assets/style.css .graph), and
# taller where its notes would leave the plot less than YEARS_PLOT px.
YEARS_HEIGHT = 420
YEARS_PLOT = 200


# figures -----------------------------------------------------------------------------------------


def earmarking_figure(facts: pd.DataFrame, lang: Lang, captions: Captions) -> go.Figure:
    """A 100 % bar (core then earmarked) with reference lines for the core share targets."""
    earmarked = fact_value(facts, "earmarked_share") / 100
    core = 1 - earmarked
    label = t("earmarking.bar", lang)
    fig = go.Figure()
    core_name, earmarked_name = t("earmarking.core", lang), t("earmarking.earmarked", lang)
    for name, value, colour, text in (
        (core_name, core, CORE_COLOR, ""),
        (
            earmarked_name,
            earmarked,
            EARMARKED_COLOR,
            f"{earmarked_name}: {fmt_pct(earmarked, lang, 0)}",
        ),
    ):
        fig.add_trace(
            go.Bar(
                x=[value],
                y=[label],
                orientation="h",
                name=name,
                marker_color=colour,
                text=[text],
                textposition="inside",
                insidetextanchor="middle",
                textangle=0,
                textfont={"color": ON_COLOR, "size": 14},
                hovertemplate=f"{name}: {fmt_pct(value, lang, 0)}<extra></extra>",
            )
        )
    fig.add_annotation(
        x=core / 2,
        y=0,
        xref="x",
        yref="paper",
        ax=40,
        ay=34,
        showarrow=True,
        arrowhead=0,
        text=f"<b>{core_name}: {fmt_pct(core, lang, 0)}</b>",
        xanchor="left",
        yanchor="top",
        font={"size": 13, "color": CORE_TEXT_COLOR},
    )
    add_references(fig, facts, lang)
    fig.update_layout(barmode="stack", bargap=0.45, showlegend=False)
    fig.update_xaxes(
        range=[0, 1],
        tickformat=".0%",
        title_text=t("earmarking.axis", lang),
        gridcolor=GRID_COLOR,
        title_standoff=40,
    )
    fig = apply_theme(fig, lang, captions, axis_space=84)
    # The notes under the bar (the 97 % and its denominators) add lines: the chart grows.
    fig.update_layout(margin={"t": 140}, height=max(420, 300 + 16 * footer_lines(captions)))
    return fig


def earmarking_years_figure(
    totals: pd.DataFrame, facts: pd.DataFrame, lang: Lang, captions: Captions, reform: bool = True
) -> go.Figure:
    """Core share of voluntary revenue per year (loaded data), against the same references."""
    years = [int(y) for y in totals[c.YEAR]]
    core = [float(v) for v in totals[c.CORE_SHARE]]
    earmarked = [1 - v for v in core]
    fig = go.Figure()
    for name, values, colour in (
        (t("earmarking.core", lang), core, CORE_COLOR),
        (t("earmarking.earmarked", lang), earmarked, EARMARKED_COLOR),
    ):
        fig.add_trace(
            go.Bar(
                x=years,
                y=values,
                name=name,
                marker_color=colour,
                text=[fmt_pct(v, lang, 1) for v in values],
                textposition="inside",
                textangle=0,
                hovertemplate="%{x}: %{text}<extra>" + name + "</extra>",
            )
        )
    fig.update_layout(
        barmode="stack", bargap=0.3 if len(years) > 3 else 0.6, legend_traceorder="normal"
    )
    fig.update_yaxes(
        range=[0, 1], tickformat=".0%", title_text=t("earmarking.axis", lang), gridcolor=GRID_COLOR
    )
    fig.update_xaxes(tickvals=years, ticktext=[str(y) for y in years], type="category")
    themed = apply_theme(fig, lang, captions, axis_space=36, legend_on_top=True)
    # A height of its own (the plot at least YEARS_PLOT px under the notes' lines), so the
    # reference labels can be kept apart on the plot height the screen will draw.
    margin = themed.layout.margin
    height = max(YEARS_HEIGHT, int(margin.t) + int(margin.b) + YEARS_PLOT)
    themed.update_layout(height=height)
    plot_height = height - int(margin.t) - int(margin.b)
    add_references(themed, facts, lang, axis="y", reform=reform, plot_height=plot_height)
    return themed


# captions ----------------------------------------------------------------------------------------
def captions(model: FundingSource, lang: Lang) -> Captions:
    if model.revenue_by_year() is not None:
        return Captions(
            title=t("earmarking.title_revenue", lang, entity=model.entity),
            subtitle=t(
                "earmarking.subtitle_revenue"
                if model.published_applies()
                else "earmarking.subtitle_entity",
                lang,
            ),
            source=entity_source(model, lang, [6, 9]),
            # the source's own notes (CEB: its shares and the scorecard's 97 % have different
            # denominators), then whether refunds are netted in
            notes=(
                *contradiction_notes(model.notes(ID), lang),
                *negative_note(model, model.years(), lang),
            ),
        )
    facts = model.earmarking()
    pages = sorted({int(p) for p in facts[c.PAGE].dropna() if int(p) != 15})
    return Captions(
        title=t("earmarking.title", lang),
        subtitle=t("earmarking.subtitle", lang),
        source=scorecard_source(lang, pages),
        notes=contradiction_notes(model.notes(ID), lang),
    )


# takeaway ----------------------------------------------------------------------------------------
def takeaway_text(model: FundingSource, year: int, lang: Lang) -> str:
    """Earmarked against core, measured against the 30 % guideline (and the reform, if drawn)."""
    facts = model.earmarking()
    guideline = guideline_share(model)
    by_year = model.revenue_by_year()
    if by_year is not None:
        return _earmarking_revenue(model, by_year, year, guideline, lang)
    shown = first_fact(facts, EARMARKED_METRIC)
    earmarked = float(shown[c.VALUE]) / 100
    reform = first_fact(facts, REFORM_METRIC)
    period = reform[c.PERIOD]
    lead = t(
        "export.takeaway.earmarking",
        lang,
        year=int(shown[c.YEAR]),
        entity=model.entity,
        earmarked=fmt_pct(earmarked, lang, 0),
        core=fmt_pct(1 - earmarked, lang, 0),
        relation=relation(1 - earmarked, guideline, lang),
        guideline=fmt_pct(guideline, lang, 0),
    )
    after = t(
        "export.takeaway.reform",
        lang,
        period=str(period) if isinstance(period, str) and period else int(reform[c.YEAR]),
        reform=fmt_pct(float(reform[c.VALUE]) / 100, lang, 0),
    )
    return sentence([lead, after])


def _earmarked_share(totals: pd.DataFrame, year: int) -> float | None:
    row = totals[totals[c.YEAR] == year]
    if row.empty or float(row[c.VOLUNTARY].iloc[0]) <= 0:
        return None
    return share(float(row[c.EARMARKED].iloc[0]), float(row[c.VOLUNTARY].iloc[0]))


def _earmarking_revenue(
    model: FundingSource, totals: pd.DataFrame, year: int, guideline: float, lang: Lang
) -> str:
    row = totals[totals[c.YEAR] == year].iloc[0]
    earmarked = _earmarked_share(totals, year) or 0.0
    core = float(row[c.CORE_SHARE]) if not pd.isna(row[c.CORE_SHARE]) else 0.0
    lead = t(
        "export.takeaway.earmarking_revenue",
        lang,
        year=year,
        entity=model.entity,
        earmarked=fmt_pct(earmarked, lang, 1),
        core=fmt_pct(core, lang, 1),
        relation=relation(core, guideline, lang),
        guideline=fmt_pct(guideline, lang, 0),
    )
    previous = _earmarked_share(totals, year - 1)
    if previous is not None:
        lead += ", " + t(
            "export.takeaway.previous_share",
            lang,
            share=fmt_pct(previous, lang, 1),
            year=year - 1,
        )
    return sentence([lead])


def takeaway(model: FundingSource, state: ViewState) -> str:
    return takeaway_text(model, chart_year(model, state.year), state.lang)


# image fits --------------------------------------------------------------------------------------
# The earmarking bar in an image: bar thickness (as plotly's bargap) and the y range that puts
# it in the bottom 30 % of the plot; the label rows above it (paper y of each row's baseline,
# lowest first) and how far a reference line reaches into its label's row.
IMAGE_BARGAP = 0.4
IMAGE_Y_RANGE = (-0.3, 1.7)
IMAGE_ROWS = (0.36, 0.58, 0.8)
IMAGE_LEADER = 0.12
IMAGE_TITLE_STANDOFF = 8


def _years_image(figure: go.Figure) -> go.Figure:
    """The share-per-year chart without its rotated axis title, which is taller than the plot
    of a memo image and ran into the subtitle; the image names the unit under its title."""
    out = go.Figure(figure)
    out.update_yaxes(title_text=None)
    return out


def _earmarking_image(figure: go.Figure) -> go.Figure:
    """The 100 % bar rearranged for an image.

    On screen the reference labels sit above the plot in a 140 px top margin and the core label
    hangs under the axis; an image spends that room on its title and footer. Here the bar sits
    at the bottom of the plot and every label has a row of its own above it, written rightwards
    from where it points: the rightmost line's label lowest, each line reaching up into its own
    label's row only, so no line crosses a label (the 30 % line ran through the reform's); the
    core label, which points at the bar's left end, on the top row where no line reaches. The
    axis title goes: the subtitle names the share.
    """
    out = without_axis_titles(go.Figure(figure))
    lines = sorted(
        (s for s in out.layout.shapes if s.type == "line" and s.yref == "paper"),
        key=lambda s: -float(s.x0),
    )
    labels = {
        float(a.x): a for a in out.layout.annotations if a.yref == "paper" and not a.showarrow
    }
    for row, shape in zip(IMAGE_ROWS, lines, strict=False):
        shape.update(y0=0, y1=row + IMAGE_LEADER)
        label = labels.get(float(shape.x0))
        if label is not None:
            label.update(y=row, yanchor="bottom", xshift=2, yshift=0)
    top = IMAGE_ROWS[min(len(lines), len(IMAGE_ROWS) - 1)]
    for annotation in out.layout.annotations:
        if annotation.showarrow:  # the core label
            annotation.update(x=0, y=top, yanchor="bottom", xanchor="left", showarrow=False)
    out.update_layout(bargap=IMAGE_BARGAP)
    out.update_xaxes(title_standoff=IMAGE_TITLE_STANDOFF)  # were a title set, close to its axis
    out.update_yaxes(range=list(IMAGE_Y_RANGE), autorange=False)
    return out


# the chart and what is drawn beside it -----------------------------------------------------------
def build(model: FundingSource, state: ViewState) -> ChartOutput:
    lang, facts = state.lang, model.earmarking()
    caps = captions(model, lang)
    totals = model.revenue_by_year()
    if totals is not None:
        references = facts[facts[c.METRIC].isin(METRICS[1:])]
        return ChartOutput(
            fit_image=_years_image,
            draw=lambda: earmarking_years_figure(
                totals, facts, lang, caps, reform=model.published_applies()
            ),
            captions=caps,
            data_frame=totals[REVENUE_COLUMNS].reset_index(drop=True),
            unit=t("export.unit.share_voluntary", lang),
            fact_ids=fact_ids(references[c.FACT_ID]),
            data_files=model.files,
            filters=filters(model, state, (t("export.filter.years", lang), span(model.years()))),
        )
    drawn = facts[facts[c.METRIC].isin(METRICS)]
    return facts_chart(
        lambda: earmarking_figure(facts, lang, caps),
        caps,
        drawn,
        lang,
        t("export.unit.share_funding", lang),
        fit_image=_earmarking_image,
    )


def _notes(model: FundingSource, state: ViewState) -> Any:
    return notes_box(model.notes(ID), state.lang)


def _depends_on(model: FundingSource) -> frozenset[str]:
    """The chart draws every year at once; only its takeaway names the chosen year, and only
    where the source has a share per year."""
    return frozenset({ids.YEAR}) if model.revenue_by_year() is not None else frozenset()


SPEC = ChartSpec(
    id=ID,
    tab=ids.TAB_EARMARKING,
    build=build,
    takeaway=takeaway,
    inputs=(),
    text_inputs=(ids.YEAR,),
    depends_on=_depends_on,
    panels=(Panel("notes", _notes),),
    graph_class="graph graph-wide",
    memo_default=True,
)
