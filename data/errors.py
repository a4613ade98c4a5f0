"""One error type for every bad input, so the UI and start-up can say exactly what is wrong and where."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class DataLoadError(Exception):
    """A table or uploaded file that cannot be used.

    ``row`` is the 1-based line in the file as a spreadsheet or editor shows it (the header is
    line 1), so an analyst can jump straight to it; ``None`` when the problem is the whole file.
    """

    file: str
    message: str
    row: int | None = None
    column: str | None = None

    def __str__(self) -> str:
        where = [self.file]
        if self.row is not None:
            where.append(f"row {self.row}")
        if self.column is not None:
            where.append(f"column '{self.column}'")
        return f"{', '.join(where)}: {self.message}"
