"""One callback per view: read the controls, ask the model, hand the result to a pure builder."""

from __future__ import annotations

from typing import Any

import plotly.graph_objects as go
from dash import Dash, Input, Output, html

from components import ids, panels
from components.figures.budget import budget_figure
from components.figures.earmarking import earmarking_figure, nl_core_figure
from components.figures.over_time import over_time_figure
from components.figures.ranking import ranking_figure
from components.formatting import as_lang
from components.i18n import t
from components.panels import source_columns, source_rows
from data import columns as c
from data.model import FundingModel


def _pages(model: FundingModel, fact_ids: Any) -> list[int]:
    facts = model.tables.facts
    return [int(p) for p in facts.loc[facts[c.FACT_ID].isin(list(fact_ids)), c.PAGE].dropna()]


def register(app: Dash, model: FundingModel) -> None:
    @app.callback(Output(ids.KPIS, "children"), Input(ids.LANG, "value"), Input(ids.YEAR, "value"))
    def kpis(lang: str, year: int) -> list[html.Div]:
        return panels.kpi_cards(model, model.key_figures(int(year)), as_lang(lang))

    @app.callback(
        Output(ids.RANKING_GRAPH, "figure"),
        Output(ids.RANKING_NOTES, "children"),
        Input(ids.LANG, "value"),
        Input(ids.YEAR, "value"),
        Input(ids.DONOR, "value"),
    )
    def ranking(lang: str, year: int, donor: str) -> tuple[go.Figure, list[html.Div]]:
        lang_, year_ = as_lang(lang), int(year)
        frame = model.ranking(year_)
        notes = model.contradictions("ranking")
        notes = notes[notes[c.FACT_IDS].str.contains(f"_{year_}_")]
        pages = _pages(model, frame[c.FACT_ID].dropna())
        fig = ranking_figure(frame, model.total(year_), year_, lang_, donor, notes, pages)
        return fig, panels.notes_box(notes, lang_)

    @app.callback(
        Output(ids.OVER_TIME_GRAPH, "figure"),
        Output(ids.OVER_TIME_TABLE, "children"),
        Output(ids.OVER_TIME_NOTES, "children"),
        Input(ids.LANG, "value"),
        Input(ids.DONOR, "value"),
    )
    def over_time(lang: str, donor: str) -> tuple[go.Figure, html.Table, list[html.Div]]:
        lang_ = as_lang(lang)
        frame = model.ranking_over_time()
        notes = model.contradictions("over_time")
        fig = over_time_figure(frame, lang_, donor, notes, _pages(model, frame[c.FACT_ID].dropna()))
        return fig, panels.over_time_table(model, lang_), panels.notes_box(notes, lang_)

    @app.callback(
        Output(ids.EARMARKING_GRAPH, "figure"),
        Output(ids.NL_CORE_GRAPH, "figure"),
        Output(ids.EARMARKING_NOTES, "children"),
        Input(ids.LANG, "value"),
    )
    def earmarking(lang: str) -> tuple[go.Figure, go.Figure, list[html.Div]]:
        lang_ = as_lang(lang)
        facts, notes = model.earmarking(), model.contradictions("earmarking")
        return (
            earmarking_figure(facts, lang_, notes),
            nl_core_figure(facts, lang_),
            panels.notes_box(notes, lang_),
        )

    @app.callback(
        Output(ids.BUDGET_GRAPH, "figure"),
        Output(ids.BUDGET_TABLE, "children"),
        Output(ids.BUDGET_NOTES, "children"),
        Input(ids.LANG, "value"),
        Input(ids.BUDGET_MODE, "value"),
    )
    def budget(lang: str, mode: str) -> tuple[go.Figure, html.Table, list[html.Div]]:
        lang_ = as_lang(lang)
        growth, notes = model.budget_growth(), model.contradictions("budget")
        fig = budget_figure(model.budget(), growth, lang_, mode == "index", notes)
        return fig, panels.budget_table(growth, lang_), panels.notes_box(notes, lang_)

    @app.callback(
        Output(ids.ORGANISATION, "children"),
        Output(ids.RELEVANCE, "children"),
        Input(ids.LANG, "value"),
    )
    def organisation(lang: str) -> tuple[list[Any], list[Any]]:
        lang_ = as_lang(lang)
        relevance = [
            html.H2(t("organisation.relevance", lang_)),
            panels.relevance_table(model, lang_),
        ]
        notes = panels.notes_box(model.contradictions("organisation"), lang_)
        return [*panels.organisation_cards(model, lang_), *notes], relevance

    @app.callback(
        Output(ids.SOURCES_GRID, "columnDefs"),
        Output(ids.SOURCES_GRID, "rowData"),
        Output(ids.CONTRADICTIONS, "children"),
        Input(ids.LANG, "value"),
    )
    def sources(lang: str) -> tuple[list[dict[str, Any]], list[dict[str, Any]], list[Any]]:
        lang_ = as_lang(lang)
        listed = [
            html.H2(t("sources.contradictions", lang_)),
            *panels.notes_box(model.contradictions(), lang_),
        ]
        return source_columns(lang_), source_rows(model, lang_), listed
