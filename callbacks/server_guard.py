"""The server's own defences, as far as they fit Dash: a body limit, rate limits, security
headers, and answers without tracebacks.

- **Body limit.** An upload arrives as base64 inside one JSON request; Dash would read,
  JSON-parse and decode all of it before the size check in ``data.ceb`` ran (a 500 MB POST took
  2.3 GB in one worker). The request is refused on its ``Content-Length`` before it is read,
  and ``MAX_CONTENT_LENGTH`` bounds a body sent without one. The limit follows the upload
  setting (``IOM_UPLOAD_LIMIT_MB``), which the browser also checks before sending.
- **Rate limits.** Uploads and exports cost seconds of a worker; a client (by address) may
  start ``IOM_RATE_UPLOADS_PER_MINUTE`` uploads and ``IOM_RATE_EXPORTS_PER_MINUTE`` exports a
  minute, counted in this process (behind a load balancer each worker counts on its own, which
  bounds the cost per worker, the point of it). Behind a reverse proxy set ``IOM_PROXY_HOPS``
  so the client is the one the proxy names, not the proxy.
- **Headers.** A Content-Security-Policy the app runs under: scripts only from the app itself
  plus the hashes of Dash's inline scripts (no 'unsafe-inline', no 'unsafe-eval'); styles may
  be inline because plotly and Dash's components write style elements; no framing, no plugins, no
  foreign connections. Plus ``nosniff``, a same-origin referrer, ``X-Frame-Options``.
- **Failures.** A callback that raises answers with a message in the page's language
  (``callback_failed``, Dash's ``on_error``) instead of an HTTP 500 and a stale page; any
  other error page is a short text, never a traceback.
"""

from __future__ import annotations

import logging
import os
import threading
import time
from collections import deque
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Final
from urllib.parse import parse_qs, urlparse

import flask
from dash import Dash, callback_context, html, no_update, set_props
from werkzeug.exceptions import HTTPException
from werkzeug.middleware.proxy_fix import ProxyFix

from components import ids
from data.ceb.limits import request_limit_bytes, upload_limit_bytes
from data.error_text import ErrorLang, render

logger = logging.getLogger(__name__)

ENV_RATE_UPLOADS: Final = "IOM_RATE_UPLOADS_PER_MINUTE"
ENV_RATE_EXPORTS: Final = "IOM_RATE_EXPORTS_PER_MINUTE"
ENV_PROXY_HOPS: Final = "IOM_PROXY_HOPS"
DEFAULT_UPLOADS_PER_MINUTE: Final = 30
DEFAULT_EXPORTS_PER_MINUTE: Final = 120
_WINDOW_SECONDS: Final = 60.0
_MAX_CLIENTS: Final = 10_000  # clients remembered per kind; the oldest are forgotten first
_EXPORT_OUTPUTS: Final = (
    ids.EXPORT_DOWNLOAD,
    ids.EXPORT_IMAGE,
    ids.MEMO_DOWNLOAD,
    ids.TEMPLATE_DOWNLOAD,
)
_UPDATE_PATH: Final = "_dash-update-component"


@dataclass(frozen=True)
class GuardSettings:
    """The limits, read once at start-up; a bad value stops start-up with its variable named."""

    upload_limit: int
    uploads_per_minute: int
    exports_per_minute: int
    proxy_hops: int = 0
    """Reverse proxies in front that set ``X-Forwarded-For``; 0 counts the peer's address."""

    @property
    def request_limit(self) -> int:
        return request_limit_bytes(self.upload_limit)

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> GuardSettings:
        env = os.environ if environ is None else environ
        return cls(
            upload_limit=upload_limit_bytes(env),
            uploads_per_minute=_count(env, ENV_RATE_UPLOADS, DEFAULT_UPLOADS_PER_MINUTE),
            exports_per_minute=_count(env, ENV_RATE_EXPORTS, DEFAULT_EXPORTS_PER_MINUTE),
            proxy_hops=_count(env, ENV_PROXY_HOPS, 0, minimum=0),
        )


def _count(env: Mapping[str, str], name: str, default: int, minimum: int = 1) -> int:
    text = env.get(name, "").strip()
    if not text:
        return default
    if not text.isdigit() or int(text) < minimum:
        raise ValueError(f"{name} must be a whole number of at least {minimum}, not {text!r}")
    return int(text)


class RateLimiter:
    """Sliding-window counts per client, in this process; thread-safe, memory bounded."""

    def __init__(
        self,
        per_window: int,
        window: float = _WINDOW_SECONDS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.per_window = per_window
        self.window = window
        self._clock = clock
        self._hits: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def wait(self, client: str) -> float:
        """Seconds until ``client`` may go ahead; 0 means go (and the request is counted)."""
        now = self._clock()
        with self._lock:
            hits = self._hits.pop(client, deque())
            while hits and hits[0] <= now - self.window:
                hits.popleft()
            self._hits[client] = hits  # re-inserted: the dict's order is least recent first
            if len(hits) >= self.per_window:
                return max(hits[0] + self.window - now, 0.001)
            hits.append(now)
            while len(self._hits) > _MAX_CLIENTS:
                self._hits.pop(next(iter(self._hits)))
            return 0.0


def install(app: Dash, settings: GuardSettings | None = None) -> GuardSettings:
    """Wire the body limit, rate limits, headers and error pages into ``app``'s Flask server."""
    chosen = settings or GuardSettings.from_env()
    server = app.server
    server.config["MAX_CONTENT_LENGTH"] = chosen.request_limit
    if chosen.proxy_hops:  # behind a proxy every request comes from it: count the real client
        server.wsgi_app = ProxyFix(server.wsgi_app, x_for=chosen.proxy_hops)
    limiters = {
        "upload": RateLimiter(chosen.uploads_per_minute),
        "export": RateLimiter(chosen.exports_per_minute),
    }
    policy: list[str] = []  # built on the first response: Dash's inline scripts exist by then

    @server.before_request
    def _refuse_early() -> flask.Response | None:
        request = flask.request
        length = request.content_length
        if length is not None and length > chosen.request_limit:
            return _plain(413, f"request body over {chosen.request_limit} bytes")
        if request.method != "POST" or not request.path.endswith(_UPDATE_PATH):
            return None
        if is_job_poll(request.args):  # a background job's poll or cancel: counted when started
            return None
        kind = request_kind(request.get_json(silent=True))
        if kind is None:
            return None
        wait = limiters[kind].wait(request.remote_addr or "-")
        if wait <= 0:
            return None
        response = _plain(429, f"too many {kind} requests; retry in {wait:.0f} s")
        response.headers["Retry-After"] = str(max(1, round(wait)))
        return response

    @server.after_request
    def _headers(response: flask.Response) -> flask.Response:
        if not policy:
            policy.append(content_security_policy(app))
        response.headers.setdefault("Content-Security-Policy", policy[0])
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        return response

    # Unhandled errors reach the 500 handler only when Flask does not propagate them (debug off,
    # not testing): tests still see the exception itself.
    @server.errorhandler(500)
    @server.errorhandler(413)
    def _no_traceback(error: HTTPException) -> flask.Response:
        return _plain(error.code or 500, error.name)

    return chosen


SECURITY_HEADERS: Final = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
}


def content_security_policy(app: Dash) -> str:
    """The policy the app runs under (checked in a real browser by tests/browser/test_hostile)."""
    scripts = " ".join(["'self'", *app.csp_hashes()])  # the hashes come quoted
    return "; ".join(
        [
            "default-src 'self'",
            f"script-src {scripts}",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data: blob:",
            "font-src 'self' data:",
            "connect-src 'self'",
            "worker-src 'self' blob:",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'",
        ]
    )


def request_kind(payload: object) -> str | None:
    """'upload' or 'export' for a Dash callback request that starts one, else ``None``."""
    if not isinstance(payload, dict):
        return None
    changed = [str(prop) for prop in payload.get("changedPropIds") or []]
    if f"{ids.UPLOAD}.contents" in changed:
        return "upload"
    output = str(payload.get("output", ""))
    clicked = any(prop.endswith(".n_clicks") for prop in changed)
    if clicked and any(name in output for name in _EXPORT_OUTPUTS):
        return "export"
    return None


def is_job_poll(args: Mapping[str, str]) -> bool:
    """Whether a callback request polls (or cancels) a background job the browser started: it
    resends the starting request's ids every few hundred milliseconds while the job runs, and
    counting each poll would refuse a long memo pack halfway."""
    return any(name in args for name in ("cacheKey", "job", "cancelJob"))


def _plain(status: int, text: str) -> flask.Response:
    return flask.Response(text, status=status, mimetype="text/plain")


# ---------------------------------------------------------------------------------------------
# A callback that raises: a message, not a 500
# ---------------------------------------------------------------------------------------------


def callback_failed(error: Exception) -> Any:
    """Dash's ``on_error``: log, show the message in the page's language, clear stale figures.

    The reason shown is the exception's type only; the traceback goes to the log.
    """
    if flask.has_app_context() and flask.current_app.testing:
        raise error  # the callback tests must see the exception, not a message
    logger.error("callback failed", exc_info=error)
    said = render("error.view_failed", page_lang(), {"reason": type(error).__name__})
    text = said[:1].upper() + said[1:]  # a sentence of its own, not after a file name
    set_props(ids.APP_ALERT, {"children": html.Div(text, className="status-error", role="alert")})
    return _failed_outputs(text)


def page_lang() -> ErrorLang:
    """The language of the page that sent the request: its language control, else its URL."""
    for item in _flat([*callback_context.inputs_list, *callback_context.states_list]):
        if item.get("id") == ids.LANG and item.get("value") in ("nl", "en"):
            return "en" if item["value"] == "en" else "nl"
    referrer = flask.request.referrer if flask.has_request_context() else None
    found = parse_qs(urlparse(referrer or "").query).get("lang", [""])[0]
    return "en" if found == "en" else "nl"


def _flat(items: list[Any]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for item in items:
        out.extend(
            _flat(item) if isinstance(item, list) else [item] if isinstance(item, dict) else []
        )
    return out


def _failed_outputs(text: str) -> Any:
    """An empty figure saying so for each figure output, nothing for the others; ``None``
    (nothing updated) where the outputs' shape is not a plain one or a plain list."""
    outputs = callback_context.outputs_list
    if isinstance(outputs, dict):
        return _failed_value(outputs, text)
    if isinstance(outputs, list) and all(isinstance(o, dict) for o in outputs):
        return [_failed_value(output, text) for output in outputs]
    return None


def _failed_value(output: Mapping[str, Any], text: str) -> Any:
    if output.get("property") != "figure":
        return no_update
    hidden = {"visible": False}
    note = {"text": text, "showarrow": False, "xref": "paper", "yref": "paper", "x": 0.5, "y": 0.5}
    return {"data": [], "layout": {"xaxis": hidden, "yaxis": hidden, "annotations": [note]}}
