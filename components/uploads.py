"""The data drawer's work, apart from Dash: read uploaded files, say what happened, and the
choices (entities, years) the loaded data offers.

A bad file is answered with a message in the page's language naming file, row and column; the
data already shown stays, because nothing is stored until every file has been read.
"""

from __future__ import annotations

import base64
import binascii
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd
from dash import html, no_update

from components.formatting import Lang, fmt_number
from components.i18n import t
from components.view_state import ViewState
from data import ceb
from data.ceb.inert import inert_text
from data.errors import DataLoadError, describe
from data.provider import UPLOAD, ModelProvider
from data.source import FundingSource
from data.store import StoreError, new_session_id
from data.store.ids import valid_id

logger = logging.getLogger(__name__)


def decode_uploads(contents: Sequence[str], names: Sequence[str]) -> list[tuple[str, bytes]]:
    """Dash delivers uploads as data URLs; turn them back into (name, bytes)."""
    files = []
    for name, content in zip(names, contents, strict=True):
        try:
            files.append((name, base64.b64decode(content.split(",", 1)[1], validate=True)))
        except (IndexError, binascii.Error) as exc:
            raise DataLoadError(name, key="error.upload_damaged") from exc
    return files


def status_message(text: str, error: bool = False) -> html.Div:
    return html.Div(
        text,
        className="status-error" if error else "status-ok",
        role="alert" if error else "status",
    )


@dataclass(frozen=True)
class UploadResult:
    """What an upload leaves: the browser's pointer to the stored data (``None``: keep what is
    shown) and the message to show."""

    dataset: dict[str, Any] | None
    message: html.Div
    latest_year: int | None = None  # the loaded files' latest year, which the view turns to


def _span(years: list[int]) -> str:
    return f"{years[0]}–{years[-1]}" if len(years) > 1 else str(years[0])


def _refused(exc: DataLoadError, lang: Lang) -> UploadResult:
    return UploadResult(
        None, status_message(t("data.failed", lang, error=describe(exc, lang)), True)
    )


def _no_step(_done: int, _text: str) -> None:
    """Progress nobody shows (an upload read inline)."""


def load_upload(
    models: ModelProvider,
    session: str,
    contents: Sequence[str],
    names: Sequence[str],
    lang: Lang,
    tab: str | None = None,
    step: Callable[[int, str], None] = _no_step,
) -> UploadResult:
    """Read every file, store the table for the session (for its browser ``tab``: the data the
    tab showed stays readable until it shows the new one), and say what was loaded (or why not).

    Every failure is a message in the page's language and the data shown stays: a bad file, a
    session the server did not issue, a data set the store cannot hold, and (logged, never
    shown as a traceback) anything the reader did not foresee. While the files are read, the
    tab is marked as waiting for them, so a reload of the tab waits too (``tab_data``).
    """
    names = [inert_text(str(name)) for name in names]  # shown in charts' source lines
    if not models.store.is_issued(session):
        return _refused(DataLoadError(", ".join(names), key="error.session_unknown"), lang)
    if tab is not None:
        models.store.mark_pending(session, tab, True)
    try:
        return _read_and_store(models, session, contents, names, lang, tab, step)
    finally:
        if tab is not None:
            models.store.mark_pending(session, tab, False)


def _read_and_store(
    models: ModelProvider,
    session: str,
    contents: Sequence[str],
    names: list[str],
    lang: Lang,
    tab: str | None,
    step: Callable[[int, str], None],
) -> UploadResult:
    """``load_upload``'s work, with its progress: decode and read (most of it), then store."""
    try:
        step(0, t("jobs.upload.read", lang, files=", ".join(names)))
        frame = ceb.read_revenue_files(decode_uploads(contents, names))
        step(2, t("jobs.upload.store", lang))
        new_id = models.store.put(session, frame, list(names), tab=tab)
    except DataLoadError as exc:
        return _refused(exc, lang)
    except StoreError as exc:
        logger.warning("upload of %s not stored: %s", names, exc)  # the operator's detail
        return _refused(DataLoadError(", ".join(names), key="error.store_full"), lang)
    except Exception as exc:  # the last line of defence of the upload path
        logger.exception("upload of %s failed unexpectedly", names)
        reason = {"reason": type(exc).__name__}
        error = DataLoadError(", ".join(names), key="error.upload_unexpected", params=reason)
        return _refused(error, lang)
    years = sorted(int(y) for y in frame["year"].unique())
    message = t(
        "data.loaded",
        lang,
        files=", ".join(names),
        rows=fmt_number(len(frame), lang),
        years=_span(years),
    )
    dataset = {"id": new_id, "files": list(names), "rows": len(frame)}
    return UploadResult(dataset, status_message(message), years[-1])


def issued_session(models: ModelProvider, session: object) -> str:
    """The browser's session id if this server issued it, else a new one: never a client's own."""
    if isinstance(session, str) and models.store.is_issued(session):
        return session
    return models.store.issue_session()


def discard_upload(models: ModelProvider, session: str | None, dataset: object) -> None:
    """Back to the scorecard: the upload is deleted on the server, not only forgotten."""
    data_id = dataset.get("id") if isinstance(dataset, dict) else None
    if session and isinstance(data_id, str):
        models.store.delete(session, data_id)


def entity_choices(
    models: ModelProvider,
    session: str | None,
    data_id: str | None,
    source: str | None,
    current: str | None,
) -> tuple[Any, Any, bool]:
    """The entity dropdown of the source's data: options, value (the current one if the data
    has it) and whether the CEB controls are hidden (the scorecard covers IOM alone)."""
    available = models.entities(session, data_id, source)
    if not available:  # the scorecard: the controls hide, keeping their options and value
        return no_update, no_update, True
    # The current entity stays (a link's entity, set by the URL callback), sent again with the
    # options: a dropdown handed a value before its options has been seen to drop it.
    value = current if current in available else models.default_entity(session, data_id, source)
    return [{"label": e, "value": e} for e in available], value, False


def year_options(model: FundingSource, year: int | None) -> tuple[list[dict[str, Any]], int]:
    """The year buttons of the data shown, and the year to show (the chosen one if it has it)."""
    years = model.years()
    return [{"label": str(y), "value": y} for y in years], (year if year in years else years[-1])


def data_summary(model: FundingSource, loaded: pd.DataFrame | None, state: ViewState) -> str:
    """The drawer's one-line summary: which files, how many rows, which entity; or the seed."""
    lang = state.lang
    if state.source == "ceb":
        return t("data.summary.ceb", lang)
    if loaded is None or state.source != "upload":
        return t("data.summary_seed", lang)
    return t(
        "data.summary_loaded",
        lang,
        files=", ".join(model.files),
        rows=fmt_number(len(loaded), lang),
        entity=model.entity,
    )


def issued_tab(tab: object) -> str:
    """This browser tab's id, kept across reloads (sessionStorage); a new one for a new tab."""
    return tab if valid_id(tab) and isinstance(tab, str) else new_session_id()


def stored_pointer(
    models: ModelProvider, session: str | None, data_id: str
) -> dict[str, Any] | None:
    """The browser's pointer to a stored dataset (as an upload hands it out), if readable."""
    stored = models.store.get(session, data_id) if session else None
    if stored is None:
        return None
    return {"id": data_id, "files": list(stored.files), "rows": stored.rows}


def tab_data(
    models: ModelProvider, session: str | None, tab: str | None, dataset: object, lang: Lang
) -> tuple[Any, Any, bool, Any]:
    """What a (re)loaded tab shows: (dataset pointer, source, poll off?, status).

    While an upload the tab started is being read (the tab was reloaded during it), the data
    shown stays and the tab polls; once the upload is stored, the tab takes it up. A tab whose
    pointer already names its latest upload changes nothing."""
    if not session or not tab:
        return no_update, no_update, True, no_update
    if models.store.pending(session, tab):
        return no_update, no_update, False, status_message(t("jobs.upload.waiting", lang))
    latest = models.store.shown_in(session, tab)
    shown = dataset.get("id") if isinstance(dataset, dict) else None
    pointer = stored_pointer(models, session, latest) if latest and latest != shown else None
    if pointer is None:
        return no_update, no_update, True, no_update
    return (
        pointer,
        UPLOAD,
        True,
        status_message(t("jobs.upload.adopted", lang, files=", ".join(pointer["files"]))),
    )


def settle_tab(
    models: ModelProvider, session: str | None, tab: str | None, dataset: object
) -> None:
    """The tab shows ``dataset`` now: the data its upload replaced is deleted on the server."""
    data_id = dataset.get("id") if isinstance(dataset, dict) else None
    if session and tab and isinstance(data_id, str):
        models.store.settle(session, tab, data_id)
