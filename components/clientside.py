"""The browser-side functions the callbacks call, named once on the Python side.

Dash finds a clientside callback's code by two strings, a namespace and a function name, that
assets/*.js registers on ``window.dash_clientside``. A typo on either side fails only in the
browser, and silently (the output never updates), so the pairs live here and
tests/test_theme.py checks them against what the JS files define.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from dash import ClientsideFunction


@dataclass(frozen=True)
class ClientFunction:
    """One function of ``window.dash_clientside``: ``namespace.name``, defined in ``asset``."""

    namespace: str
    name: str
    asset: str  # the file in assets/ that defines it, for the reader and the test

    def ref(self) -> ClientsideFunction:
        """What ``app.clientside_callback`` takes to call this function."""
        return ClientsideFunction(namespace=self.namespace, function_name=self.name)


YEAR_FIGURE: Final = ClientFunction("iomViews", "yearFigure", "views.js")
"""The ranking figure of the chosen year, out of the per-year figures the server sent."""

SYNC_URL: Final = ClientFunction("iom", "syncUrl", "url_state.js")
"""Mirrors the controls into the address bar and the page language into ``<html lang>``."""

RENDER_IMAGE: Final = ClientFunction("iomExport", "renderImage", "export.js")
"""Downloads or copies a chart export with Plotly.toImage."""

COPY_TEXT: Final = ClientFunction("iomExport", "copyText", "export.js")
"""Copies a takeaway line to the clipboard."""

VIEW_GATE: Final = ClientFunction("iomGate", "pass", "view_gate.js")
"""Passes a chart's control values on to its server callback only while its tab is open."""

TOP_N_NOTE: Final = ClientFunction("iomTop", "noteHidden", "top_n.js")
"""Hides the top N note while the box holds a whole number the charts can use."""

ALL_FUNCTIONS: Final = (YEAR_FIGURE, SYNC_URL, RENDER_IMAGE, COPY_TEXT, VIEW_GATE, TOP_N_NOTE)
