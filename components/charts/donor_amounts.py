"""Amounts per donor over the years, as lines: beside the bump chart of ranks, what each donor
actually gave, so a rank held with less money (or lost with more) shows.

Two readings, switched by the chart's own control above it (``amounts=`` in the URL, so a link
reopens the reading it was copied from): the amounts themselves, and the change on the year
before (a donor's line crossing zero is the year it gave less). Exports draw the reading shown.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
from dash import html

from components import ids
from components.charts.base import (
    Captions,
    ChartOutput,
    ChartSpec,
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
from components.charts.wording import usd_m
from components.formatting import Lang, fmt_number, fmt_signed
from components.i18n import t
from components.panels import ModeSwitch
from components.theme import FAINT_GRID_COLOR, apply_theme, donor_colors
from components.view_state import AMOUNT_MODES, ViewState
from data import columns as c
from data.source import FundingSource

ID = "donor_amounts"
COLUMNS = (c.YEAR, c.DONOR_KEY, c.AMOUNT, c.CHANGE_ABS, c.CHANGE_PCT, c.RANK, c.FACT_ID)


def amounts_frame(model: FundingSource, top_n: int | None, highlight: str | None) -> pd.DataFrame:
    """Every year of the largest donors of the last year, and of the highlighted donor."""
    donors = (
        model.top_donors(top_n) if top_n else list(model.ranking(model.latest_year())[c.DONOR_KEY])
    )
    keys = [str(k) for k in donors]
    if highlight and highlight not in keys and highlight in model.donors():
        keys.append(highlight)
    frame = model.ranking_over_time(keys)
    return frame[frame[c.DONOR_KEY].isin(keys)].sort_values([c.DONOR_KEY, c.YEAR])


def change_on_year_before(frame: pd.DataFrame) -> pd.Series:
    """Each donor's amount minus its amount of the year before; empty where that year is not in
    the data (a gap is not a change)."""
    ordered = frame.sort_values([c.DONOR_KEY, c.YEAR])
    previous = ordered.groupby(c.DONOR_KEY)[c.AMOUNT].shift(1)
    previous_year = ordered.groupby(c.DONOR_KEY)[c.YEAR].shift(1)
    change = (ordered[c.AMOUNT] - previous).where(previous_year == ordered[c.YEAR] - 1)
    return change.reindex(frame.index)


def captions(model: FundingSource, lang: Lang, frame: pd.DataFrame, mode: str) -> Captions:
    years = model.years()
    title = "donor_amounts.title_change" if mode == "change" else "donor_amounts.title"
    return Captions(
        title=t(title, lang, entity=model.entity, first=years[0], last=years[-1]),
        subtitle=t("donor_amounts.subtitle", lang, last=years[-1], unit=t("unit.usd_m", lang)),
        source=data_source(model, lang, frame[c.FACT_ID], "source.ranking_table"),
        notes=(
            *contradiction_notes(model.notes("over_time"), lang),
            *negative_note(model, years, lang),
        ),
    )


def _trace(
    rows: pd.DataFrame,
    years: list[int],
    name: str,
    colour: str,
    highlighted: bool,
    column: str,
    lang: Lang,
) -> go.Scatter:
    values = rows.set_index(c.YEAR).reindex(years)[column]
    text = fmt_signed if column == "change" else fmt_number
    return go.Scatter(
        x=years,
        y=[None if pd.isna(v) else float(v) for v in values],
        mode="lines+markers",
        name=name,
        line={"color": colour, "width": 4 if highlighted else 2},
        marker={"size": 9 if highlighted else 6, "color": colour},
        hovertext=[
            "" if pd.isna(v) else f"{name}, {year}: {text(float(v), lang)}"
            for year, v in zip(years, values, strict=True)
        ],
        hovertemplate="%{hovertext}<extra></extra>",
        connectgaps=False,
    )


def figure(
    frame: pd.DataFrame, lang: Lang, highlight: str | None, caps: Captions, mode: str
) -> go.Figure:
    """One line per donor through its amounts (gaps where it gave nothing listed), or, in the
    ``change`` mode, through its change on the year before."""
    years = sorted(int(y) for y in frame[c.YEAR].unique())
    name_col = c.NAME_NL if lang == "nl" else c.NAME_EN
    latest = frame[frame[c.YEAR] == years[-1]].sort_values(c.AMOUNT, ascending=False)
    order = [*latest[c.DONOR_KEY], *frame[c.DONOR_KEY]]
    order = [str(k) for k in dict.fromkeys(order)]
    colours = dict(zip(order, donor_colors(order, highlight), strict=True))
    column = "change" if mode == "change" else c.AMOUNT
    with_change = frame.assign(change=change_on_year_before(frame))
    traces = []
    for key in order:
        rows = with_change[with_change[c.DONOR_KEY] == key]
        name = str(rows[name_col].iloc[0])
        traces.append(_trace(rows, years, name, colours[key], key == highlight, column, lang))
    fig = go.Figure(data=traces)
    unit = t("unit.usd_m", lang)
    axis = "donor_amounts.axis_change" if mode == "change" else "donor_amounts.axis"
    fig.update_yaxes(
        title_text=t(axis, lang, unit=unit),
        gridcolor=FAINT_GRID_COLOR,
        # amounts start at zero; a change is drawn around its zero line, falls below it
        rangemode="normal" if mode == "change" else "tozero",
        zeroline=mode == "change",
    )
    fig.update_xaxes(
        tickvals=years,
        ticktext=[str(y) for y in years],
        title_text=t("over_time.axis_year", lang),
        showgrid=False,
    )
    fig = apply_theme(fig, lang, caps)
    # A dozen donors would bury the title under a legend on top: they list down the right.
    fig.update_layout(
        legend={"orientation": "v", "x": 1.02, "xanchor": "left", "y": 1, "yanchor": "top"},
        margin_r=230,
    )
    return fig


def takeaway_text(model: FundingSource, frame: pd.DataFrame, donor: str | None, lang: Lang) -> str:
    """What the highlighted donor gave in the last year, and how much more or less than the
    year before."""
    years = model.years()
    last = years[-1]
    key = donor or (
        str(frame.sort_values(c.AMOUNT).iloc[-1][c.DONOR_KEY]) if not frame.empty else ""
    )
    if not key:
        return ""
    name, entity = model.donor_name(key, lang), model.entity
    rows = frame[frame[c.DONOR_KEY] == key].set_index(c.YEAR)
    if last not in rows.index:
        return t("donor_amounts.takeaway_absent", lang, donor=name, entity=entity, last=last)
    amounts = rows[c.AMOUNT].astype(float)
    amount = float(amounts.loc[last])
    if last - 1 not in rows.index:
        return t(
            "donor_amounts.takeaway_first",
            lang,
            donor=name,
            entity=entity,
            amount=usd_m(amount, lang),
            last=last,
        )
    change = amount - float(amounts.loc[last - 1])
    direction = "up" if change > 0 else "down" if change < 0 else "flat"
    return t(
        "donor_amounts.takeaway",
        lang,
        donor=name,
        entity=entity,
        amount=usd_m(amount, lang),
        last=last,
        direction=t(f"donor_amounts.{direction}", lang),
        change=usd_m(abs(change), lang),
        previous=last - 1,
    )


def takeaway(model: FundingSource, state: ViewState) -> str:
    frame = amounts_frame(model, chart_top(model, state.top), state.donor or None)
    return takeaway_text(model, frame, state.donor or None, state.lang)


def build(model: FundingSource, state: ViewState) -> ChartOutput:
    lang, top_n = state.lang, chart_top(model, state.top)
    frame = amounts_frame(model, top_n, state.donor or None)
    caps = captions(model, lang, frame, state.amounts)
    years = (t("export.filter.years", lang), span(model.years()))
    shown = (t("donor_amounts.mode", lang), t(f"donor_amounts.mode.{state.amounts}", lang))
    data = frame.assign(**{c.CHANGE_ABS: change_on_year_before(frame)})
    return ChartOutput(
        draw=lambda: figure(frame, lang, state.donor or None, caps, state.amounts),
        captions=caps,
        data_frame=donor_rows(data, lang, COLUMNS),
        unit=t("unit.usd_m", lang),
        fact_ids=fact_ids(frame[c.FACT_ID]),
        data_files=model.files,
        filters=(*filters(model, state, years, frame[c.DONOR_KEY], top_n), shown),
    )


SWITCH = ModeSwitch(
    ids.AMOUNTS_MODE,
    ids.AMOUNTS_MODE_LABEL,
    "donor_amounts.mode",
    "donor_amounts.mode.{mode}",
    AMOUNT_MODES,
)


def settings(state: ViewState) -> html.Div:
    """Amounts or their change on the year before: the chart's own switch, above it."""
    return SWITCH.settings(state.amounts, state.lang)


SPEC = ChartSpec(
    id=ID,
    tab=ids.TAB_OVER_TIME,
    build=build,
    takeaway=takeaway,
    inputs=(ids.DONOR, ids.TOP_N, ids.AMOUNTS_MODE),
    depends_on=lambda model: ranked_controls(model, ids.DONOR, ids.AMOUNTS_MODE),
    settings=settings,
    texts=SWITCH.texts,
)
