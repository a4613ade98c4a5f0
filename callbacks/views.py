"""One callback per view: read the controls, ask the model, hand the result to a pure builder."""

from __future__ import annotations

from typing import Any

import plotly.graph_objects as go
from dash import ClientsideFunction, Dash, Input, Output, State, ctx, html
from dash.exceptions import PreventUpdate

from callbacks.common import dataset_id
from components import captions, ids, panels
from components.charts import build_chart, chart_state, chart_top, chart_year
from components.formatting import as_lang
from components.i18n import t
from data.model import FundingModel
from data.provider import ModelProvider

DATA = (Input(ids.DATASET, "data"), Input(ids.ENTITY, "value"), State(ids.SESSION, "data"))


def register(app: Dash, models: ModelProvider) -> None:
    def model_for(
        dataset: dict[str, Any] | None, entity: str | None, session: str | None
    ) -> FundingModel:
        return models.model(session, dataset_id(dataset), entity)

    @app.callback(
        Output(ids.KPIS, "children"), Input(ids.LANG, "value"), Input(ids.YEAR, "value"), *DATA
    )
    def kpis(
        lang: str, year: int, dataset: Any, entity: str | None, session: str | None
    ) -> list[html.Div]:
        model = model_for(dataset, entity, session)
        return panels.kpi_cards(model, model.key_figures(chart_year(model, year)), as_lang(lang))

    @app.callback(
        Output(ids.RANKING_FIGURES, "data"),
        Output(ids.COMPARISON, "children"),
        Input(ids.LANG, "value"),
        Input(ids.DONOR, "value"),
        Input(ids.TOP_N, "value"),
        *DATA,
    )
    def ranking_figures(
        lang: str, donor: str, top: Any, dataset: Any, entity: str | None, session: str | None
    ) -> tuple[dict[str, Any], Any]:
        lang_, model = as_lang(lang), model_for(dataset, entity, session)
        figures = {
            str(year): build_chart(
                ids.CHART_RANKING, model, chart_state(lang_, year, donor, top)
            ).figure
            for year in model.years()
        }
        comparison = (
            panels.comparison_table(model.comparison(models.seed), model, lang_)
            if model.basis == "revenue"
            else []
        )
        return {"by_year": figures, "latest": model.latest_year()}, comparison

    app.clientside_callback(
        ClientsideFunction(namespace="iomViews", function_name="yearFigure"),
        Output(ids.RANKING_GRAPH, "figure"),
        Input(ids.YEAR, "value"),
        Input(ids.RANKING_FIGURES, "data"),
    )

    @app.callback(
        Output(ids.RANKING_NOTES, "children"),
        Input(ids.LANG, "value"),
        Input(ids.YEAR, "value"),
        *DATA,
    )
    def ranking_notes(
        lang: str, year: int, dataset: Any, entity: str | None, session: str | None
    ) -> Any:
        lang_, model = as_lang(lang), model_for(dataset, entity, session)
        return panels.notes_box(
            captions.year_contradictions(model, "ranking", chart_year(model, year)), lang_
        )

    @app.callback(
        Output(ids.OVER_TIME_GRAPH, "figure"),
        Output(ids.OVER_TIME_NOTES, "children"),
        Input(ids.LANG, "value"),
        Input(ids.DONOR, "value"),
        Input(ids.TOP_N, "value"),
        *DATA,
    )
    def over_time(
        lang: str, donor: str, top: Any, dataset: Any, entity: str | None, session: str | None
    ) -> tuple[go.Figure, Any]:
        lang_, model = as_lang(lang), model_for(dataset, entity, session)
        state = chart_state(lang_, model.latest_year(), donor, top)
        fig = build_chart(ids.CHART_OVER_TIME, model, state).figure
        notes = panels.notes_box(captions.year_contradictions(model, "over_time"), lang_)
        return fig, notes

    @app.callback(
        Output(ids.OVER_TIME_TABLE, "children"),
        Input(ids.LANG, "value"),
        Input(ids.TOP_N, "value"),
        *DATA,
    )
    def over_time_table(
        lang: str, top: Any, dataset: Any, entity: str | None, session: str | None
    ) -> Any:
        """Apart from the chart: the table has no highlighted donor, and with a long file it is
        the bigger part of the work, which a donor change then need not redo."""
        model = model_for(dataset, entity, session)
        top_n = chart_top(model, top)
        donors = model.top_donors(top_n) if top_n else None
        return panels.over_time_table(model, as_lang(lang), donors)

    @app.callback(
        Output(ids.EARMARKING_GRAPH, "figure"),
        Output(ids.EARMARKING_NOTES, "children"),
        Input(ids.LANG, "value"),
        *DATA,
    )
    def earmarking(
        lang: str, dataset: Any, entity: str | None, session: str | None
    ) -> tuple[go.Figure, Any]:
        lang_, model = as_lang(lang), model_for(dataset, entity, session)
        notes = panels.notes_box(captions.year_contradictions(model, "earmarking"), lang_)
        state = chart_state(lang_, model.latest_year(), None)
        return build_chart(ids.CHART_EARMARKING, model, state).figure, notes

    @app.callback(
        Output(ids.NL_CORE_GRAPH, "figure"),
        Input(ids.LANG, "value"),
        Input(ids.YEAR, "value"),
        Input(ids.DONOR, "value"),
        Input(ids.TOP_N, "value"),
        *DATA,
    )
    def earmarking_side(
        lang: str,
        year: int,
        donor: str,
        top: Any,
        dataset: Any,
        entity: str | None,
        session: str | None,
    ) -> go.Figure:
        model = model_for(dataset, entity, session)
        if model.basis == "scorecard" and ctx.triggered_id in (ids.YEAR, ids.DONOR, ids.TOP_N):
            raise PreventUpdate  # the scorecard's side chart (Dutch core funding) has no year or donor
        state = chart_state(as_lang(lang), year, donor, top)
        return build_chart(ids.CHART_EARMARKING_SIDE, model, state).figure

    @app.callback(
        Output(ids.BUDGET_GRAPH, "figure"),
        Output(ids.BUDGET_TABLE, "children"),
        Output(ids.BUDGET_NOTES, "children"),
        Input(ids.LANG, "value"),
        Input(ids.BUDGET_MODE, "value"),
    )
    def budget(lang: str, mode: str) -> tuple[go.Figure, html.Table, list[html.Div]]:
        lang_, model = as_lang(lang), models.seed
        state = chart_state(lang_, model.latest_year(), None, budget=mode)
        fig = build_chart(ids.CHART_BUDGET, model, state).figure
        return (
            fig,
            panels.budget_table(model.budget_growth(), lang_),
            panels.notes_box(model.contradictions("budget"), lang_),
        )

    @app.callback(
        Output(ids.ORGANISATION, "children"),
        Output(ids.RELEVANCE, "children"),
        Input(ids.LANG, "value"),
    )
    def organisation(lang: str) -> tuple[list[Any], list[Any]]:
        lang_, model = as_lang(lang), models.seed
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
        lang_, model = as_lang(lang), models.seed
        listed = [
            html.H2(t("sources.contradictions", lang_)),
            *panels.notes_box(model.contradictions(), lang_),
        ]
        return panels.source_columns(lang_), panels.source_rows(model, lang_), listed
