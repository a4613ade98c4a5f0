"""The chosen entity's core share over the years, beside the median UN entity and the UN system.

The one-year bars (``entities.py``) say where the entity stands in a year; this says whether
that is a pattern: the entity's core share of voluntary revenue per year, the median of the
entities with voluntary revenue that year, and the UN system's total (all entities' core over all
their voluntary revenue), against the funding compact's 30 % guideline.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from components import ids
from components.charts.base import (
    Captions,
    ChartOutput,
    ChartSpec,
    empty_chart,
    entity_source,
    fact_ids,
    pages,
    span,
)
from components.charts.entities import entity_filters, guideline_facts, scope_text
from components.charts.image_tidy import flowing_legend, without_axis_titles
from components.charts.wording import guideline_share, sentence, usd_m
from components.formatting import Lang, fmt_pct
from components.i18n import t
from components.theme import (
    CORE_COLOR,
    FAINT_GRID_COLOR,
    MUTED_COLOR,
    OTHER_COLOR,
    REFERENCE_COLOR,
    apply_theme,
)
from components.view_state import ViewState
from data import columns as c
from data.source import FundingSource

ID = "entities_over_time"
COLUMNS = (c.YEAR, c.ENTITY, c.CORE_SHARE, c.CORE, c.EARMARKED, c.VOLUNTARY)
# Columns of the per-year frame (one row per year of the data).
MINE, MEDIAN, SYSTEM, COUNT = "mine", "median", "system", "count"
SERIES = (MINE, MEDIAN, SYSTEM)


# the numbers -------------------------------------------------------------------------------------
def yearly(shares: pd.DataFrame, entity: str) -> pd.DataFrame:
    """Per year of the data: the entity's core share and amounts (missing where it had no
    voluntary revenue), the median share of the entities that had some, how many they were, and
    the system's share (their core over their voluntary revenue)."""
    years = sorted(int(y) for y in shares[c.YEAR].unique())
    rows = shares[(shares[c.VOLUNTARY] > 0) & shares[c.CORE_SHARE].notna()]
    grouped = rows.groupby(c.YEAR)
    sums = grouped[[c.CORE, c.EARMARKED, c.VOLUNTARY]].sum()
    mine = rows[rows[c.ENTITY] == entity].set_index(c.YEAR)
    out = pd.DataFrame(index=pd.Index(years, name=c.YEAR))
    for column in (c.CORE, c.EARMARKED, c.VOLUNTARY):
        out[f"{MINE}_{column}"] = mine[column].astype("float64")
        out[f"{SYSTEM}_{column}"] = sums[column].astype("float64")
    out[MINE] = mine[c.CORE_SHARE].astype("float64")
    out[MEDIAN] = grouped[c.CORE_SHARE].median().astype("float64")
    out[COUNT] = grouped.size().reindex(years, fill_value=0).astype("int64")
    out[SYSTEM] = (sums[c.CORE] / sums[c.VOLUNTARY]).astype("float64")
    return out.reset_index()


def series_name(series: str, entity: str, lang: Lang) -> str:
    return entity if series == MINE else t(f"entities_over_time.{series}", lang)


def export_rows(frame: pd.DataFrame, entity: str, lang: Lang) -> pd.DataFrame:
    """The lines drawn, one row per year and line, named in the chart's language: the entity
    and the system with their amounts, the median with its share only (it is no one's sum)."""
    parts = []
    for series in SERIES:
        part = pd.DataFrame(
            {
                c.YEAR: frame[c.YEAR].astype("int64"),
                c.ENTITY: series_name(series, entity, lang),
                c.CORE_SHARE: frame[series],
            }
        )
        for column in (c.CORE, c.EARMARKED, c.VOLUNTARY):
            source = f"{series}_{column}"
            part[column] = frame[source] if source in frame.columns else float("nan")
        parts.append(part[part[c.CORE_SHARE].notna()])
    out = pd.concat(parts, ignore_index=True)
    return out.sort_values(c.YEAR, kind="stable", ignore_index=True)[list(COLUMNS)]


# figure ------------------------------------------------------------------------------------------
def over_time_figure(
    frame: pd.DataFrame, entity: str, guideline: float, lang: Lang, captions: Captions
) -> go.Figure:
    """Three lines over the years (system, median, entity on top) and the guideline; a year
    the entity had no voluntary revenue leaves a gap in its line."""
    years = [int(y) for y in frame[c.YEAR]]
    looks = {
        SYSTEM: {"color": OTHER_COLOR, "width": 3},
        MEDIAN: {"color": MUTED_COLOR, "width": 2, "dash": "dash"},
        MINE: {"color": CORE_COLOR, "width": 4},
    }
    traces = []
    for series in (SYSTEM, MEDIAN, MINE):
        name = series_name(series, entity, lang)
        values = [None if pd.isna(v) else float(v) for v in frame[series]]
        traces.append(
            go.Scatter(
                x=years,
                y=values,
                mode="lines+markers",
                name=name,
                line=looks[series],
                marker={"size": 10 if series == MINE else 6, "color": looks[series]["color"]},
                hovertext=_hover(frame, series, name, lang),
                hovertemplate="%{hovertext}<extra></extra>",
                connectgaps=False,
            )
        )
    # The guideline as a line of its own, named in the legend: a label on the line would sit
    # on whichever series comes near it.
    traces.insert(
        0,
        go.Scatter(
            x=[years[0], years[-1]],
            y=[guideline, guideline],
            mode="lines",
            name=t("earmarking.compact", lang, core=fmt_pct(guideline, lang, 0)),
            line={"color": REFERENCE_COLOR, "width": 1.5, "dash": "dot"},
            hoverinfo="skip",
        ),
    )
    fig = go.Figure(data=traces)
    drawn = [float(v) for s in SERIES for v in frame[s].dropna()]
    low, high = min([0.0, *drawn]), max([*drawn, guideline])
    fig.update_yaxes(
        range=[low * 1.15, high * 1.2],
        tickformat=".0%",
        title_text=t("entities_over_time.axis", lang),
        gridcolor=FAINT_GRID_COLOR,
    )
    fig.update_xaxes(
        tickvals=years,
        ticktext=[str(y) for y in years],
        title_text=t("entities_over_time.axis_year", lang),
        showgrid=False,
    )
    fig.update_layout(height=460)
    return apply_theme(fig, lang, captions, legend_on_top=True)


def _hover(frame: pd.DataFrame, series: str, name: str, lang: Lang) -> list[str]:
    out = []
    for _, row in frame.iterrows():
        share, year = row[series], int(row[c.YEAR])
        if pd.isna(share):
            out.append("")
        elif series == MEDIAN:
            out.append(
                t(
                    "entities_over_time.hover_median",
                    lang,
                    series=name,
                    year=year,
                    share=fmt_pct(float(share), lang),
                    n=int(row[COUNT]),
                )
            )
        else:
            out.append(
                t(
                    "entities_over_time.hover",
                    lang,
                    series=name,
                    year=year,
                    share=fmt_pct(float(share), lang),
                    core=usd_m(float(row[f"{series}_{c.CORE}"]), lang),
                    voluntary=usd_m(float(row[f"{series}_{c.VOLUNTARY}"]), lang),
                )
            )
    return out


# captions ----------------------------------------------------------------------------------------
def captions(model: FundingSource, state: ViewState, frame: pd.DataFrame | None) -> Captions:
    lang, entity = state.lang, model.entity
    notes: tuple[str, ...] = ()
    title = t("entities_over_time.title_empty", lang)
    if frame is not None:
        title = t(
            "entities_over_time.title",
            lang,
            entity=entity,
            span=span([int(y) for y in frame[c.YEAR]]),
        )
        gaps = [str(int(y)) for y, v in zip(frame[c.YEAR], frame[MINE], strict=True) if pd.isna(v)]
        notes = (t("entities_over_time.lines", lang),)
        if gaps:
            notes += (t("entities_over_time.gaps", lang, entity=entity, years=", ".join(gaps)),)
    return Captions(
        title=title,
        subtitle=t("entities_over_time.subtitle", lang, scope=scope_text(state, lang)),
        source=entity_source(model, lang, pages(model, guideline_facts(model)[c.FACT_ID])),
        notes=notes,
    )


# takeaway ----------------------------------------------------------------------------------------
def takeaway_text(frame: pd.DataFrame, entity: str, lang: Lang) -> str:
    """The entity's core share in its first and last year with voluntary revenue, the median
    in the same years, and in how many of its years it was below the median."""
    mine = frame[frame[MINE].notna()]
    if mine.empty:
        return sentence([t("entities_over_time.takeaway_absent", lang, entity=entity)])
    first, last = mine.iloc[0], mine.iloc[-1]
    if len(mine) == 1:
        return sentence(
            [
                t(
                    "entities_over_time.takeaway_single",
                    lang,
                    entity=entity,
                    share=fmt_pct(float(last[MINE]), lang),
                    year=int(last[c.YEAR]),
                    median=fmt_pct(float(last[MEDIAN]), lang),
                )
            ]
        )
    lead = t(
        "entities_over_time.takeaway",
        lang,
        entity=entity,
        first=int(first[c.YEAR]),
        last=int(last[c.YEAR]),
        first_share=fmt_pct(float(first[MINE]), lang),
        last_share=fmt_pct(float(last[MINE]), lang),
        first_median=fmt_pct(float(first[MEDIAN]), lang),
        last_median=fmt_pct(float(last[MEDIAN]), lang),
    )
    below = int((mine[MINE] < mine[MEDIAN]).sum())
    count = t("entities_over_time.below", lang, below=below, count=len(mine))
    return sentence([lead, count])


def takeaway(model: FundingSource, state: ViewState) -> str:
    shares = model.entity_shares()
    if shares is None or shares.empty:
        return t("empty.needs_ceb", state.lang)
    return takeaway_text(yearly(shares, model.entity), model.entity, state.lang)


# the chart ---------------------------------------------------------------------------------------
def build(model: FundingSource, state: ViewState) -> ChartOutput:
    lang, shares = state.lang, model.entity_shares()
    if shares is None or shares.empty:
        return empty_chart(captions(model, state, None), lang)
    frame = yearly(shares, model.entity)
    caps = captions(model, state, frame)
    guideline = guideline_share(model)
    years = span([int(y) for y in frame[c.YEAR]])
    return ChartOutput(
        draw=lambda: over_time_figure(frame, model.entity, guideline, lang, caps),
        fit_image=fit_image,
        captions=caps,
        data_frame=export_rows(frame, model.entity, lang),
        unit=t("entities_over_time.unit", lang),
        fact_ids=fact_ids(guideline_facts(model)[c.FACT_ID]),
        data_files=model.files,
        filters=entity_filters(model, state, (t("export.filter.years", lang), years)),
    )


def fit_image(figure: go.Figure) -> go.Figure:
    """The image copy: the legend flowing in rows (the long guideline name put every entry on a
    row of its own, past the room the image reserves) and no axis titles (the subtitle names the
    unit; the rotated one ran into it over a memo's short plot)."""
    return flowing_legend(without_axis_titles(figure))


SPEC = ChartSpec(
    id=ID,
    tab=ids.TAB_ENTITIES,
    build=build,
    takeaway=takeaway,
    inputs=(),
)
