"""Long work off the request path: memo packs and uploads run as Dash background callbacks.

A memo pack renders its charts with kaleido (Chromium) for seconds, and a large workbook takes
seconds to read; inside a request that worker would serve no one meanwhile (``gunicorn -w 4``
has four). As background callbacks the request only starts a job and returns; the browser polls
for progress (a bar and a line of text) and the result, and a cancel button ends the job.

- **Default: ``DiskcacheManager``.** Each job is a child process of the worker that got the
  click; progress and results go through a ``diskcache`` directory that every worker of the
  host shares (``IOM_JOBS_DIR``, default ``<tempdir>/iom-dashboard-jobs``, owner-only like the
  data store), so any worker can answer the browser's polls.
- **Several hosts: ``CeleryManager``.** With ``IOM_CELERY=1`` and ``IOM_REDIS_URL`` set, jobs go
  to Celery workers through that Redis (``pip install celery``; run ``celery -A app:celery
  worker`` beside the app servers; see the README). Jobs then survive a web worker's death.
- **``IOM_JOBS=inline``** runs them in the request, as before (a debugging aid, not for serving).

The bare apps of the callback unit tests register without a manager: the same callbacks then
run inline, so they stay testable through Flask's test client without child processes.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any, Final

import diskcache
from dash import DiskcacheManager, Input, Output

from data.store.backends import private_directory
from data.store.settings import ENV_REDIS_URL

ENV_JOBS: Final = "IOM_JOBS"
ENV_JOBS_DIR: Final = "IOM_JOBS_DIR"
ENV_CELERY: Final = "IOM_CELERY"
DEFAULT_JOBS_DIR: Final = "iom-dashboard-jobs"
POLL_MS: Final = 400
"""How often the browser asks how a job is getting on."""
JOB_EXPIRE_SECONDS: Final = 30 * 60
"""Results nobody collected (the tab was closed) are dropped after this long."""

Report = Callable[[Sequence[Any]], None]
"""Dash's ``set_progress``: takes the values of the progress outputs."""


def manager_from_env(environ: Mapping[str, str] | None = None) -> Any | None:
    """The background-callback manager the deployment asks for (``None``: run inline)."""
    env = os.environ if environ is None else environ
    kind = env.get(ENV_JOBS, "").strip().lower()
    if kind == "inline":
        return None
    if env.get(ENV_CELERY, "").strip() in ("1", "true", "yes") or kind == "celery":
        return celery_manager(env)
    directory = env.get(ENV_JOBS_DIR, "").strip() or str(
        Path(tempfile.gettempdir()) / DEFAULT_JOBS_DIR
    )
    cache = diskcache.Cache(str(private_directory(Path(directory))))
    return DiskcacheManager(cache, expire=JOB_EXPIRE_SECONDS)


def uploads_as_jobs(environ: Mapping[str, str] | None = None) -> bool:
    """Whether uploads run as jobs too (``IOM_UPLOAD_JOBS=1``); memo packs always do.

    Off by default for now: read as a job, an upload in the browser tests never showed its
    data (tests/browser/test_upload.py), while the same job through Flask's test client does
    (tests/test_callback_graph.py); see the hand-over note."""
    env = os.environ if environ is None else environ
    return env.get("IOM_UPLOAD_JOBS", "").strip() in ("1", "true", "yes")


def celery_manager(env: Mapping[str, str]) -> Any:
    """A ``CeleryManager`` on the deployment's Redis, for jobs shared by several hosts."""
    url = env.get(ENV_REDIS_URL, "").strip()
    if not url:
        raise ValueError(f"{ENV_CELERY} needs {ENV_REDIS_URL}: Celery passes jobs through Redis")
    try:
        from celery import Celery
        from dash import CeleryManager
    except ImportError as exc:
        raise ValueError(
            f"{ENV_CELERY} is set but celery is not installed (pip install celery)"
        ) from exc
    celery = Celery("iom-dashboard", broker=url, backend=url)
    return CeleryManager(celery, expire=JOB_EXPIRE_SECONDS)


def background(
    manager: Any | None,
    bar: str,
    label: str,
    cancel: str,
    busy: Sequence[str] = (),
) -> dict[str, Any]:
    """The callback arguments that make it a background job with a progress bar, a line of
    text and a cancel button (shown only while it runs); none when running inline."""
    if manager is None:
        return {}
    running = [
        (Output(bar, "hidden"), False, True),
        (Output(cancel, "hidden"), False, True),
        *((Output(b, "disabled"), True, False) for b in busy),
    ]
    return {
        "background": True,
        "manager": manager,
        "interval": POLL_MS,
        "running": running,
        "progress": [Output(bar, "value"), Output(bar, "max"), Output(label, "children")],
        "progress_default": [0, 1, ""],
        "cancel": [Input(cancel, "n_clicks")],
    }


def reporter(report: tuple[Report, ...], steps: int) -> Callable[[int, str], None]:
    """``step(i, text)``: the bar at ``i`` of ``steps`` and what is being done; a no-op inline."""

    def step(done: int, text: str) -> None:
        if report:
            report[0]([done, steps, text])

    return step


def in_job(report: tuple[Report, ...]) -> bool:
    """Whether the callback runs as a background job (its child process ends with it)."""
    return bool(report)
