"""The progress bar, its line of text and the cancel button of a background job.

Hidden until the job runs: ``callbacks/jobs.py`` shows them while it runs (Dash's ``running``)
and fills the bar from the job's progress reports.
"""

from __future__ import annotations

from dash import html

from components.formatting import Lang
from components.i18n import t


def job_progress(bar: str, label: str, cancel: str, lang: Lang) -> html.Div:
    """Bar, text and cancel button for one job, each with its own id."""
    return html.Div(
        [
            html.Progress(
                id=bar,
                value="0",
                max="1",
                hidden=True,
                className="job-bar",
                title=t("jobs.progress", lang),
            ),
            html.Span(id=label, className="job-label", role="status"),
            html.Button(
                t("jobs.cancel", lang),
                id=cancel,
                n_clicks=0,
                type="button",
                hidden=True,
                className="button job-cancel",
            ),
        ],
        className="job-progress",
    )
