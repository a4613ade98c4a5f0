"""The sources tab: the grid of published figures and loaded files, and its CSV download.

The grid is drawn anew for each language and data (components/sources_grid.py says why); the
loaded files come with what the session's store knows of them (day loaded, rows).
"""

from __future__ import annotations

from typing import Any

from dash import Dash, Input, Output, no_update
from dash.exceptions import PreventUpdate

from callbacks.context import RequestContext, dataset_id, request_inputs
from components import ids
from components.sources_grid import loaded_files, sources_view


def register(app: Dash, context: RequestContext) -> None:
    """Wire the grid to the language and the data, and the button to AG Grid's CSV export."""

    @app.callback(
        output=[
            Output(ids.SOURCES_GRID_BOX, "children"),
            Output(ids.CONTRADICTIONS, "children"),
            Output(ids.SOURCES_DOWNLOAD, "children"),
        ],
        inputs={**request_inputs(), "view": Input(ids.VIEW, "value")},
    )
    def sources(view: str | None, **values: Any) -> tuple[Any, list[Any], str]:
        # Drawn when its tab opens: a closed tab's panel is not mounted, so what is drawn into it
        # would be lost, and drawing it on every click elsewhere costs every other view time.
        if view != ids.TAB_SOURCES:
            raise PreventUpdate
        request = context(**values)
        session, data_id = values.get("session"), dataset_id(values.get("dataset"))
        stored = context.models.store.get(session, data_id) if session and data_id else None
        files = loaded_files(request.model.files, request.loaded, stored)
        return sources_view(request.model, request.state.lang, files)

    @app.callback(
        Output(ids.SOURCES_GRID, "exportDataAsCsv"),
        Input(ids.SOURCES_DOWNLOAD, "n_clicks"),
        prevent_initial_call=True,
    )
    def download_sources(clicks: int | None) -> Any:
        return True if clicks else no_update
