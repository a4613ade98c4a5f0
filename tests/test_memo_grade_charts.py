"""Memo-grade on screen: no cloud buttons on any chart, the sources grid in the page's language
with numbers sortable as numbers and loaded files listed, and the chart of amounts per donor
over time (figure, change on the year before, takeaway, export)."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Any

import pandas as pd
import pytest
from dash import dcc

import app as app_module
from components import ids
from components.charts import CHART_IDS, build_chart, chart_state, chart_takeaway
from components.charts import donor_amounts as da
from components.charts.registry import CHART_VIEWS, charts_on
from components.layout import GRAPH_CONFIG
from components.sources_grid import LoadedFile, column_defs, locale_text, row_data, sources_view
from components.view_state import parse_state, to_search
from data import ceb
from data import columns as c
from data.ceb_source import CebModel
from data.scorecard_source import ScorecardModel
from data.source import FundingSource
from tests.export_helpers import LOADED_FILE

CLOUD = {"sendChartToCloud", "sendDataToCloud", "editInChartStudio"}


@pytest.fixture(scope="module")
def seed() -> FundingSource:
    return ScorecardModel.from_seed()


@pytest.fixture(scope="module")
def ceb_model(seed: FundingSource) -> FundingSource:
    frame = ceb.read_revenue_files([(LOADED_FILE.name, LOADED_FILE.read_bytes())])
    return CebModel.from_revenue(frame, "IOM", seed.tables, (LOADED_FILE.name,))


# toolbar -----------------------------------------------------------------------------------------
def _no_cloud(config: dict[str, Any]) -> None:
    assert config.get("showSendToCloud") is False
    assert config.get("showEditInChartStudio") is False
    assert not config.get("plotlyServerURL")
    assert set(config["modeBarButtonsToRemove"]) >= CLOUD
    assert "toImage" in config["modeBarButtonsToRemove"]  # the export bar's images carry sources
    assert config.get("displaylogo") is False


def test_graph_config_has_no_cloud_buttons() -> None:
    _no_cloud(GRAPH_CONFIG)


def _graphs(component: Any) -> list[dcc.Graph]:
    found = [component] if isinstance(component, dcc.Graph) else []
    children = getattr(component, "children", None)
    if children is None:
        return found
    for child in children if isinstance(children, list | tuple) else [children]:
        found.extend(_graphs(child))
    return found


def test_every_graph_in_the_layout_has_no_cloud_buttons() -> None:
    # the layout is a function of the request (callbacks/first_view.py): the page as served
    layout = app_module.create_app(history=False).layout
    graphs = _graphs(layout() if callable(layout) else layout)
    assert len(graphs) == len(CHART_IDS)
    for graph in graphs:
        _no_cloud(getattr(graph, "config"))  # noqa: B009 (dcc.Graph's stubs lack it)


# sources grid ------------------------------------------------------------------------------------
def test_the_grid_speaks_dutch_in_dutch_and_ag_grids_english_in_english() -> None:
    nl = locale_text("nl")
    assert (nl["page"], nl["of"], nl["to"]) == ("Pagina", "van", "tot")
    assert nl["pageSizeSelectorLabel"].startswith("Rijen per pagina")
    assert locale_text("en") == {}
    grid, _, button = sources_view(ScorecardModel.from_seed(), "nl")
    assert grid.dashGridOptions["localeText"]["page"] == "Pagina"
    assert button == "Download bronnen (CSV)"
    assert grid.csvExportParams["columnSeparator"] == ";"


def test_values_sort_as_numbers_and_quotes_wrap(seed: FundingSource) -> None:
    columns = {col["field"]: col for col in column_defs("nl")}
    assert columns["value"]["filter"] == "agNumberColumnFilter"
    assert columns["value_text"]["comparator"] == {"function": "sourcesByNumber"}
    assert columns["quote"]["wrapText"] and columns["quote"]["autoHeight"]
    assert columns["quote"]["flex"] > 0
    assert "file" not in columns  # titles, not internal file names
    rows = row_data(seed, "nl")
    values = [row["value"] for row in rows]
    assert all(isinstance(v, float) for v in values)
    assert sorted(values) != sorted(values, key=str)  # text order would be wrong here
    assert not any(str(row.get("source", "")).endswith(".txt") for row in rows)


def test_loaded_files_are_listed_with_their_provenance(seed: FundingSource) -> None:
    files = [LoadedFile("ceb-2024.csv", dt.date(2026, 11, 20), 8974)]
    rows = row_data(seed, "nl", files)
    first = rows[0]
    assert first["value_text"] == "ceb-2024.csv"
    assert "20-11-2026" in first["note"] and "8.974 rijen" in first["note"]
    english = row_data(seed, "en", files)[0]
    assert "20 Nov 2026" in english["note"] and "8,974 rows" in english["note"]


# amounts per donor over time -----------------------------------------------------------------------
def test_the_chart_sits_beside_the_bump_chart_and_is_exported() -> None:
    assert CHART_VIEWS[da.ID] == ids.TAB_OVER_TIME
    assert [s.id for s in charts_on(ids.TAB_OVER_TIME)][:2] == ["over_time", da.ID]


def test_lines_per_donor_with_the_highlight_thickest(seed: FundingSource) -> None:
    chart = build_chart(da.ID, seed, chart_state("nl", 2023, "NLD"))
    fig = chart.figure
    amounts = list(fig.data)
    assert len(amounts) == chart.data_frame[c.DONOR_KEY].nunique()
    netherlands = next(trace for trace in amounts if trace.name == "Nederland")
    assert list(netherlands.x) == [2021, 2022, 2023]
    assert netherlands.line.width == max(trace.line.width for trace in amounts)
    assert list(netherlands.y)[-1] == 62.0  # the table's 2023 amount (p. 7)
    assert not fig.layout.updatemenus  # the switch is a control of the page, in the URL


def test_the_change_reading_is_its_own_chart_and_link(seed: FundingSource) -> None:
    state = replace(chart_state("nl", 2023, "NLD"), amounts="change")
    chart = build_chart(da.ID, seed, state)
    netherlands = next(trace for trace in chart.figure.data if trace.name == "Nederland")
    # 67 → 60 → 62 (p. 7): −7, then +2; 2021 has no year before in the data
    assert list(netherlands.y) == [None, -7.0, 2.0]
    assert chart.captions.title.startswith("Verandering van de bijdragen per donor")
    assert chart.figure.layout.yaxis.title.text == "Verandering (USD mln)"
    assert ("Weergave", "Verandering t.o.v. vorig jaar") in chart.filters
    assert "amounts=change" in to_search(state)
    assert parse_state(to_search(state), [2021, 2022, 2023], ["NLD"]).amounts == "change"
    assert parse_state("?amounts=sideways", [2023], ["NLD"]).amounts == "absolute"


def test_change_is_empty_across_a_gap() -> None:
    frame = pd.DataFrame(
        {
            c.DONOR_KEY: ["A", "A", "A", "B"],
            c.YEAR: [2019, 2020, 2022, 2022],
            c.AMOUNT: [1.0, 3.0, 2.0, 5.0],
        }
    )
    change = da.change_on_year_before(frame)
    assert change.isna().tolist() == [True, False, True, True]
    assert change.iloc[1] == 2.0


def test_takeaway_states_the_amount_and_the_change(seed: FundingSource) -> None:
    nl = chart_takeaway(da.ID, seed, chart_state("nl", 2023, "NLD"))
    assert (
        nl
        == "Nederland gaf IOM USD\u00a062\u00a0mln in 2023, een stijging van USD\u00a02\u00a0mln t.o.v. 2022."
    )
    en = chart_takeaway(da.ID, seed, chart_state("en", 2023, "USA"))
    assert en.startswith("United States gave IOM USD\u00a0") and "on 2022." in en


def test_on_ceb_data_the_top_n_and_the_highlight_are_drawn(ceb_model: FundingSource) -> None:
    state = chart_state("en", 2024, "NLD", 3, entity="IOM", source="upload")
    chart = build_chart(da.ID, ceb_model, state)
    donors = set(chart.data_frame[c.DONOR_KEY])
    assert {"USA", "NLD"} <= donors and len(donors) == 4  # top 3 and the Netherlands
    assert chart.data_files == (LOADED_FILE.name,)
