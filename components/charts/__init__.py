"""One module per chart (figure, captions, takeaway, export columns, controls) and their registry.

See ``base.py`` for what a chart module declares and ``registry.py`` for the list of charts.
"""

from components.charts.base import Captions, ChartOutput, ChartSpec, Panel, chart_state
from components.charts.registry import (
    CHART_IDS,
    CHART_VIEWS,
    CHARTS,
    build_chart,
    chart_takeaway,
    spec,
    stale_charts,
)

__all__ = [
    "CHARTS",
    "CHART_IDS",
    "CHART_VIEWS",
    "Captions",
    "ChartOutput",
    "ChartSpec",
    "Panel",
    "build_chart",
    "chart_state",
    "chart_takeaway",
    "spec",
    "stale_charts",
]
