"""Reading back a table drawn by ``components.panels.table``: its header and body cells as text."""

from __future__ import annotations

from html.parser import HTMLParser
from typing import Any

from dash import dcc


class _Cells(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.header: list[str] = []
        self.rows: list[list[str]] = []
        self._cell: list[str] | None = None
        self._in_head = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "thead":
            self._in_head = True
        elif tag == "tr" and not self._in_head:
            self.rows.append([])
        elif tag in ("td", "th"):
            self._cell = []
        elif tag == "br" and self._cell is not None:
            self._cell.append("|")  # a line break inside a cell, as the old tree reader wrote it

    def handle_endtag(self, tag: str) -> None:
        if tag == "thead":
            self._in_head = False
        elif tag in ("td", "th") and self._cell is not None:
            text = "".join(self._cell)
            (self.header if self._in_head else self.rows[-1]).append(text)
            self._cell = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)


def table_cells(table: Any) -> tuple[list[str], list[list[str]]]:
    """The header and the body rows of a table component, each cell's text."""
    assert isinstance(table, dcc.Markdown), type(table)
    parser = _Cells()
    parser.feed(str(table.children))
    return parser.header, parser.rows
