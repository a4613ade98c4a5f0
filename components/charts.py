"""Which chart is built how, in one place, for the screen and for every export.

The views, the image and data downloads and the memo pack all ask ``build_chart`` for a chart,
so what an analyst pastes into a memo is the chart on the screen, with the same numbers, the
same captions and the same selection, and cannot drift from it when a view changes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property

import pandas as pd
import plotly.graph_objects as go

from components import captions, ids, takeaways
from components.captions import Captions
from components.figures.budget import budget_figure
from components.figures.earmarking import (
    donor_core_figure,
    earmarking_figure,
    earmarking_years_figure,
    nl_core_figure,
)
from components.figures.over_time import over_time_figure
from components.figures.ranking import ranking_figure
from components.formatting import Lang, as_lang
from components.i18n import t
from components.view_state import BUDGET_MODES, DEFAULT_TOP, ViewState, valid_top
from data import columns as c
from data.model import FundingModel

# Facts the scorecard version of each earmarking chart draws.
EARMARKING_METRICS = (
    "earmarked_share",
    "earmarked_share_after_reform",
    "funding_compact_core_guideline",
)
NL_CORE_METRIC = "nl_core_contribution"
# The earmarking bar in an image: bar thickness (as plotly's bargap), spacing of the reference
# labels above it (fraction of the plot height), offset of the core label and gap between tick
# labels and axis title (px).
IMAGE_BARGAP = 0.7
IMAGE_LABEL_STEP = 0.14
IMAGE_ARROW = 24
IMAGE_TITLE_STANDOFF = 8
FACT_COLUMNS = [c.FACT_ID, c.METRIC, c.VALUE, c.UNIT, c.YEAR, c.QUALIFIER, c.SOURCE_ID, c.PAGE]
# Columns of the data behind each chart; NAME stands for the donor name in the chart's language.
NAME = "name"
RANKING_COLUMNS = (c.YEAR, c.RANK, c.DONOR_KEY, NAME, c.AMOUNT, c.SHARE, c.FACT_ID)
OVER_TIME_COLUMNS = (*RANKING_COLUMNS[:-1], c.CHANGE_ABS, c.CHANGE_PCT, c.RANK_CHANGE, c.FACT_ID)
DONOR_CORE_COLUMNS = (c.YEAR, c.DONOR_KEY, NAME, c.CORE, c.EARMARKED, c.VOLUNTARY, c.CORE_SHARE)
REVENUE_COLUMNS = [c.YEAR, c.ASSESSED, c.CORE, c.EARMARKED, c.OTHER, c.VOLUNTARY, c.CORE_SHARE]
BUDGET_COLUMNS = [c.YEAR, c.VALUE, c.UNIT, "index", c.QUALIFIER, c.SOURCE_ID, c.PAGE, c.FACT_ID]
# The tab each chart is on, so a permalink reopens the chart, not whatever tab was open.
CHART_VIEWS = {
    ids.CHART_RANKING: ids.TAB_RANKING,
    ids.CHART_OVER_TIME: ids.TAB_OVER_TIME,
    ids.CHART_EARMARKING: ids.TAB_EARMARKING,
    ids.CHART_EARMARKING_SIDE: ids.TAB_EARMARKING,
    ids.CHART_BUDGET: ids.TAB_BUDGET,
}


@dataclass(frozen=True)
class ChartOutput:
    """A chart with everything needed to explain it away from the dashboard.

    ``data_frame`` holds the numbers the chart draws (numbers as numbers, for downloads);
    ``fact_ids`` are the published facts among them (for the sources), and ``revenue`` says
    whether the rest comes from loaded CEB files, whose data date is the upload date.
    ``filters`` are the selections in force, as (label, value) in the chart's language.
    The figure is drawn on first use: captions and data alone (for export defaults and
    takeaways) cost a fraction of a figure.
    """

    draw: Callable[[], go.Figure] = field(repr=False)
    captions: Captions
    data_frame: pd.DataFrame
    unit: str
    fact_ids: tuple[str, ...]
    revenue: bool
    filters: tuple[tuple[str, str], ...]

    fit_image: Callable[[go.Figure], go.Figure] | None = field(default=None, repr=False)

    @cached_property
    def figure(self) -> go.Figure:
        """The plotly figure, as the screen shows it."""
        return self.draw()

    def image_figure(self) -> go.Figure:
        """The figure to lay out as an image: the screen figure, or a copy rearranged where
        the screen relies on room a fixed-size image does not have."""
        return self.fit_image(self.figure) if self.fit_image else self.figure


def chart_year(model: FundingModel, year: int) -> int:
    """The year a chart shows: the chosen one if the data has it, else the latest."""
    return int(year) if int(year) in model.years() else model.latest_year()


def chart_top(model: FundingModel, top: object) -> int | None:
    """Top N applies to loaded revenue data only; the scorecard lists its own donors."""
    return valid_top(top) if model.basis == "revenue" else None


def _name_column(lang: Lang) -> str:
    return c.NAME_NL if lang == "nl" else c.NAME_EN


def _donor_rows(frame: pd.DataFrame, lang: Lang, columns: tuple[str, ...]) -> pd.DataFrame:
    """Donor rows with the name in the chart's language; the remainder row named as drawn."""
    name = _name_column(lang)
    out = frame.copy()
    if c.IS_OTHER in out.columns:
        out[name] = out[name].astype("string").mask(out[c.IS_OTHER], t("donor.other", lang))
    return out[[name if col == NAME else col for col in columns]].reset_index(drop=True)


def _fact_rows(frame: pd.DataFrame, lang: Lang) -> pd.DataFrame:
    """Published facts with their metric in words, so a spreadsheet reader needs no code book."""
    out = frame[FACT_COLUMNS].copy()
    out[c.METRIC] = out[c.METRIC].map(lambda m: t(f"metric.{m}", lang)).astype("string")
    out[c.UNIT] = out[c.UNIT].map(lambda u: t(f"unit.{u}", lang)).astype("string")
    out[c.QUALIFIER] = (
        out[c.QUALIFIER]
        .map(lambda q: t(f"qualifier.{q}", lang) if isinstance(q, str) and q else pd.NA)
        .astype("string")
    )
    return out.reset_index(drop=True)


def _fact_ids(*columns: pd.Series) -> tuple[str, ...]:
    """The published facts a chart draws, in order, without the computed rows (no fact id)."""
    return tuple(dict.fromkeys(str(f) for col in columns for f in col.dropna()))


def _span(years: list[int]) -> str:
    return f"{years[0]}–{years[-1]}" if len(years) > 1 else str(years[0])


def _filters(
    model: FundingModel,
    state: ViewState,
    first: tuple[str, str],
    keys: pd.Series | None = None,
    top_n: int | None = None,
) -> tuple[tuple[str, str], ...]:
    """The selections in force: the chart's own (year or years), the highlighted donor if the
    chart shows it (else highlighting changes nothing), and for loaded data entity and top N."""
    lang = state.lang
    out = [first]
    if keys is not None and state.donor and state.donor in {str(k) for k in keys}:
        out.append((t("export.filter.donor", lang), model.donor_name(state.donor, lang)))
    if model.basis == "revenue":
        out.append((t("export.filter.entity", lang), model.entity))
        if top_n is not None:
            out.append((t("export.filter.top", lang), str(top_n)))
    return tuple(out)


def _ranking(model: FundingModel, state: ViewState) -> ChartOutput:
    lang, year, top_n = state.lang, chart_year(model, state.year), chart_top(model, state.top)
    caps = captions.ranking_captions(model, year, lang, top_n)
    rows = model.ranking(year, top_n)
    return ChartOutput(
        draw=lambda: ranking_figure(rows, lang, state.donor or None, caps),
        captions=caps,
        data_frame=_donor_rows(rows, lang, RANKING_COLUMNS),
        unit=t("unit.usd_m", lang),
        fact_ids=_fact_ids(rows[c.FACT_ID]),
        revenue=model.basis == "revenue",
        filters=_filters(
            model, state, (t("export.filter.year", lang), str(year)), rows[c.DONOR_KEY], top_n
        ),
    )


def _over_time(model: FundingModel, state: ViewState) -> ChartOutput:
    lang, top_n = state.lang, chart_top(model, state.top)
    donors = model.top_donors(top_n) if top_n else None
    frame = model.ranking_over_time(donors)
    caps = captions.over_time_captions(model, lang, top_n)
    years = (t("export.filter.years", lang), _span(model.years()))
    return ChartOutput(
        fit_image=_legend_image,
        draw=lambda: over_time_figure(frame, lang, state.donor or None, caps),
        captions=caps,
        data_frame=_donor_rows(frame, lang, OVER_TIME_COLUMNS),
        unit=t("export.unit.rank", lang),
        fact_ids=_fact_ids(frame[c.FACT_ID]),
        revenue=model.basis == "revenue",
        filters=_filters(model, state, years, frame[c.DONOR_KEY], top_n),
    )


def _earmarking(model: FundingModel, state: ViewState) -> ChartOutput:
    lang, facts = state.lang, model.earmarking()
    caps = captions.earmarking_captions(model, lang)
    references = facts[facts[c.METRIC].isin(EARMARKING_METRICS[1:])]
    if model.basis == "revenue" and model.revenue_totals is not None:
        totals = model.revenue_totals
        return ChartOutput(
            fit_image=_years_image,
            draw=lambda: earmarking_years_figure(totals, facts, lang, caps),
            captions=caps,
            data_frame=totals[REVENUE_COLUMNS].reset_index(drop=True),
            unit=t("export.unit.share_voluntary", lang),
            fact_ids=_fact_ids(references[c.FACT_ID]),
            revenue=True,
            filters=_filters(model, state, (t("export.filter.years", lang), _span(model.years()))),
        )
    drawn = facts[facts[c.METRIC].isin(EARMARKING_METRICS)]
    return ChartOutput(
        fit_image=_earmarking_image,
        draw=lambda: earmarking_figure(facts, lang, caps),
        captions=caps,
        data_frame=_fact_rows(drawn, lang),
        unit=t("export.unit.share_funding", lang),
        fact_ids=_fact_ids(drawn[c.FACT_ID]),
        revenue=False,
        filters=(),
    )


def _legend_image(figure: go.Figure) -> go.Figure:
    """Legend entries that flow by their own width, as the image layout reckons with.

    Plotly puts a horizontal legend that needs more than one row into a grid of equal columns
    as wide as the longest name, which can take a row more than the image layout reserves
    (components/export_image: ``_legend_height``), so the last row ran into the footer. In a
    grouped legend, groups flow by their own width; one group per trace keeps every entry.
    """
    out = go.Figure(figure)
    for index, trace in enumerate(out.data):
        trace.legendgroup = f"trace-{index}"
    out.update_layout(legend_traceorder="grouped", legend_tracegroupgap=0)
    return out


def _years_image(figure: go.Figure) -> go.Figure:
    """The share-per-year chart without its rotated axis title, which is taller than the plot
    of a memo image and ran into the subtitle; the image names the unit under its title."""
    out = go.Figure(figure)
    out.update_yaxes(title_text=None)
    return out


def _labels_inside(figure: go.Figure) -> go.Figure:
    """Labels anchored at a data position and written rightwards turn leftwards when they
    start past the middle of the axis, so a long one does not run off the image."""
    out = go.Figure(figure)
    low, high = out.layout.xaxis.range or (None, None)
    if low is None or high is None or high == low:
        return out
    for annotation in out.layout.annotations:
        past_middle = (float(annotation.x or 0) - low) / (high - low) > 0.5
        if annotation.xref == "x" and annotation.xanchor == "left" and past_middle:
            annotation.update(xanchor="right")
    return out


def _earmarking_image(figure: go.Figure) -> go.Figure:
    """The 100 % bar rearranged for an image.

    On screen the reference labels sit above the plot in a 140 px top margin and the core label
    hangs under the axis, pushing the axis title 40 px down; an image spends that room on its
    title and footer, so the labels would run into them. Here the bar is made thinner and the
    labels move into the plot: references above the bar (highest first), core label below it,
    and the axis title comes back up to the tick labels.
    """
    out = go.Figure(figure)
    bar_bottom = IMAGE_BARGAP / 2  # a single bar is centred: plotly leaves half the gap below
    above = sorted(
        (a for a in out.layout.annotations if a.yref == "paper" and (a.y or 0) > 1),
        key=lambda a: -float(a.y),
    )
    for row, annotation in enumerate(above):
        annotation.update(y=1 - IMAGE_LABEL_STEP * row, yanchor="top")
    for annotation in out.layout.annotations:
        if annotation.showarrow:
            annotation.update(
                y=bar_bottom, ay=IMAGE_ARROW, ax=IMAGE_ARROW, bgcolor="rgba(255,255,255,0.85)"
            )
    out.update_layout(bargap=IMAGE_BARGAP)
    out.update_xaxes(title_standoff=IMAGE_TITLE_STANDOFF)
    return out


def _earmarking_side(model: FundingModel, state: ViewState) -> ChartOutput:
    lang, facts = state.lang, model.earmarking()
    if model.basis == "revenue" and model.revenue_totals is not None:
        year, top_n = chart_year(model, state.year), valid_top(state.top)
        split = model.revenue_split(year)
        caps = captions.donor_core_captions(model, year, lang, top_n)
        shown = split.sort_values(c.VOLUNTARY, ascending=False).head(top_n)
        year_filter = (t("export.filter.year", lang), str(year))
        guideline = facts[facts[c.METRIC] == EARMARKING_METRICS[2]]
        return ChartOutput(
            fit_image=_labels_inside,
            draw=lambda: donor_core_figure(split, facts, lang, state.donor or None, caps, top_n),
            captions=caps,
            data_frame=_donor_rows(shown, lang, DONOR_CORE_COLUMNS),
            unit=t("export.unit.core_share", lang),
            fact_ids=_fact_ids(guideline[c.FACT_ID]),
            revenue=True,
            filters=_filters(model, state, year_filter, shown[c.DONOR_KEY], top_n),
        )
    rows = facts[facts[c.METRIC] == NL_CORE_METRIC].sort_values(c.YEAR)
    caps = captions.nl_core_captions(model, lang)
    return ChartOutput(
        draw=lambda: nl_core_figure(facts, lang, caps),
        captions=caps,
        data_frame=_fact_rows(rows, lang),
        unit=t("unit.eur_m", lang),
        fact_ids=_fact_ids(rows[c.FACT_ID]),
        revenue=False,
        filters=(),
    )


def _budget(model: FundingModel, state: ViewState) -> ChartOutput:
    lang, indexed = state.lang, state.budget == "index"
    series = model.budget()
    caps = captions.budget_captions(model, lang, indexed)
    frame = _fact_rows(series, lang).assign(index=series["index"].astype(float))
    return ChartOutput(
        draw=lambda: budget_figure(series, model.budget_growth(), lang, indexed, caps),
        captions=caps,
        data_frame=frame[BUDGET_COLUMNS],
        unit=t("budget_mode.index" if indexed else "unit.usd_bn", lang),
        fact_ids=_fact_ids(series[c.FACT_ID]),
        revenue=False,
        filters=((t("export.filter.mode", lang), t(f"budget_mode.{state.budget}", lang)),),
    )


BUILDERS: dict[str, Callable[[FundingModel, ViewState], ChartOutput]] = {
    ids.CHART_RANKING: _ranking,
    ids.CHART_OVER_TIME: _over_time,
    ids.CHART_EARMARKING: _earmarking,
    ids.CHART_EARMARKING_SIDE: _earmarking_side,
    ids.CHART_BUDGET: _budget,
}


def build_chart(chart_id: str, model: FundingModel, state: ViewState) -> ChartOutput:
    """The chart ``chart_id`` (one of ``ids.CHARTS``) for ``model`` in the view ``state``."""
    return BUILDERS[chart_id](model, state)


def chart_takeaway(chart_id: str, model: FundingModel, state: ViewState) -> str:
    """The chart's one-sentence message, for the same selection ``build_chart`` draws."""
    lang = state.lang
    year, top_n = chart_year(model, state.year), chart_top(model, state.top)
    if chart_id == ids.CHART_RANKING:
        return takeaways.ranking(model, year, state.donor, top_n, lang)
    if chart_id == ids.CHART_OVER_TIME:
        return takeaways.over_time(model, state.donor, top_n, lang)
    if chart_id == ids.CHART_EARMARKING:
        return takeaways.earmarking(model, year, lang)
    if chart_id == ids.CHART_EARMARKING_SIDE:
        if model.basis == "revenue":
            return takeaways.donor_core(model, year, state.donor, valid_top(state.top), lang)
        return takeaways.nl_core(model, lang)
    if chart_id == ids.CHART_BUDGET:
        return takeaways.budget(model, state.budget == "index", lang)
    raise KeyError(chart_id)


def chart_state(
    lang: object,
    year: object,
    donor: str | None,
    top: object = DEFAULT_TOP,
    budget: object = BUDGET_MODES[0],
    entity: str | None = None,
) -> ViewState:
    """The controls as Dash hands them over (strings, numbers, None) as one valid state.

    A year the data does not have is kept: ``chart_year`` falls back to the latest one, as the
    views always have. The view is left at the default; ``CHART_VIEWS`` says where a chart is.
    """
    year_ = int(str(year)) if str(year).lstrip("-").isdigit() else 0
    mode = budget if budget in BUDGET_MODES else BUDGET_MODES[0]
    return ViewState(
        as_lang(lang), year_, donor or "", ids.TAB_RANKING, str(mode), valid_top(top), entity
    )
