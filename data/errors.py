"""One error type for every bad input, so the UI and start-up can say exactly what is wrong and where."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import KW_ONLY, dataclass, field

from data.error_text import ErrorLang, ParamValue, render


@dataclass(frozen=True)
class DataLoadError(Exception):
    """A table or uploaded file that cannot be used.

    ``row`` is the 1-based line in the file as a spreadsheet or editor shows it (the header is
    line 1), so an analyst can jump straight to it; ``None`` when the problem is the whole file.

    What is wrong is a ``key`` of ``data.error_text.ERROR_TEXT`` with the ``params`` for its
    placeholders, so the UI can say it in Dutch or English (``describe``); ``message`` is then
    the English sentence, for logs, start-up errors and tests. A plain English ``message``
    without a key is still accepted for callers not yet moved to keys; it is shown in English
    in either language.
    """

    file: str
    message: str = ""
    row: int | None = None
    column: str | None = None
    _: KW_ONLY
    key: str | None = None
    params: Mapping[str, ParamValue] = field(default_factory=dict, hash=False)

    def __post_init__(self) -> None:
        if self.key is None:
            if not self.message or self.params:
                raise TypeError("DataLoadError needs a key (with its params) or a plain message")
        elif self.message:
            raise TypeError("DataLoadError takes a key or a plain message, not both")
        else:  # an unknown key or a missing placeholder value fails here, where it is raised
            object.__setattr__(self, "message", render(self.key, "en", self.params))

    def text(self, lang: ErrorLang) -> str:
        """What is wrong, in ``lang``, without the file, row and column."""
        return self.message if self.key is None else render(self.key, lang, self.params)

    def __str__(self) -> str:
        return describe(self, "en")


def describe(error: DataLoadError, lang: ErrorLang) -> str:
    """The whole message in ``lang``: "bestand X, rij 12, kolom 'amount': ...".

    In English it is ``str(error)``: "X, row 12, column 'amount': ...".
    """
    where = [render("error.at_file", lang, {"file": error.file})]
    if error.row is not None:
        where.append(render("error.at_row", lang, {"row": error.row}))
    if error.column is not None:
        where.append(render("error.at_column", lang, {"column": error.column}))
    return f"{', '.join(where)}: {error.text(lang)}"
