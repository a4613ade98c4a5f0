"""The charts of the dashboard, in the order their tabs show them.

Everything that handles charts in general reads this list: the layout puts each chart on its
tab, the view callbacks draw it, the export bar and the memo pack offer it, and a control change
rewrites the words of the charts that depend on it. Adding a chart is one module in this package
and one line here.
"""

from __future__ import annotations

from components import ids
from components.charts import (
    budget,
    claims,
    contributors,
    donor,
    donor_amounts,
    donor_over_time,
    earmarking,
    earmarking_side,
    entities,
    entities_over_time,
    over_time,
    peers,
    peers_core,
    ranking,
    table,
)
from components.charts.base import ChartOutput, ChartSpec
from components.view_state import ViewState
from data.source import FundingSource

CHARTS: tuple[ChartSpec, ...] = (
    ranking.SPEC,
    over_time.SPEC,
    donor_amounts.SPEC,
    earmarking.SPEC,
    earmarking_side.SPEC,
    budget.SPEC,
    entities.SPEC,
    entities_over_time.SPEC,
    contributors.SPEC,
    donor.SPEC,
    donor_over_time.SPEC,
    peers.SPEC,
    peers_core.SPEC,
    claims.SPEC,
    table.SPEC,
)
CHART_IDS: tuple[str, ...] = tuple(spec.id for spec in CHARTS)
BY_ID: dict[str, ChartSpec] = {spec.id: spec for spec in CHARTS}
# The tabs of the page: those with charts, in the registry's order, then the two without.
PAGE_TABS: tuple[str, ...] = (
    *dict.fromkeys(spec.tab for spec in CHARTS),
    ids.TAB_ORGANISATION,
    ids.TAB_SOURCES,
)
# The tab each chart is on, so a permalink reopens the chart, not whatever tab was open.
CHART_VIEWS: dict[str, str] = {spec.id: spec.tab for spec in CHARTS}


def spec(chart_id: str) -> ChartSpec:
    return BY_ID[chart_id]


def charts_on(tab: str) -> tuple[ChartSpec, ...]:
    return tuple(s for s in CHARTS if s.tab == tab)


def build_chart(chart_id: str, model: FundingSource, state: ViewState) -> ChartOutput:
    """The chart ``chart_id`` for ``model`` in the view ``state``: the same for the screen and
    for every export, so what goes into a memo is what the screen shows."""
    return BY_ID[chart_id].build(model, state)


def chart_takeaway(chart_id: str, model: FundingSource, state: ViewState) -> str:
    """The chart's one-sentence message, for the same selection ``build_chart`` draws."""
    return BY_ID[chart_id].takeaway(model, state)


def stale_charts(trigger: object, model: FundingSource) -> set[str]:
    """The charts whose figure or words a change of ``trigger`` can change for ``model``; any
    trigger that is not a chart control (language, data, first load) changes them all."""
    controls = {c for s in CHARTS for c in (*s.inputs, *s.text_inputs)}
    if str(trigger) not in controls:
        return set(CHART_IDS)
    return {s.id for s in CHARTS if str(trigger) in s.controls_for(model)}
