"""The server's defences: body limit before reading, rate limits, security headers, no
tracebacks, and a failing callback answered with a message instead of an HTTP 500.

A small Dash app carries the guard here (fast, and it can have a callback that fails on
purpose); one test checks the real app has the same guard wired in.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from dash import Dash, Input, Output, State, dcc, html

from callbacks import server_guard
from callbacks.server_guard import GuardSettings, RateLimiter, callback_failed, request_kind
from components import ids

SETTINGS = GuardSettings(upload_limit=1024 * 1024, uploads_per_minute=2, exports_per_minute=3)
UPDATE = "/_dash-update-component"


def small_app(settings: GuardSettings = SETTINGS) -> Dash:
    app = Dash(__name__, on_error=callback_failed)
    app.layout = html.Div(
        [
            dcc.RadioItems(id=ids.LANG, options=["nl", "en"], value="en"),
            html.Div(id=ids.APP_ALERT),
            html.Button(id="go", n_clicks=0),
            dcc.Graph(id="graph"),
            html.Div(id="text"),
            dcc.Upload(id=ids.UPLOAD),
            dcc.Store(id=ids.DATASET),
        ]
    )

    @app.callback(
        Output("graph", "figure"),
        Output("text", "children"),
        Input("go", "n_clicks"),
        State(ids.LANG, "value"),
        prevent_initial_call=True,
    )
    def fail(clicks: int, _lang: str) -> Any:
        raise ZeroDivisionError(f"the secret detail {clicks}")

    @app.callback(Output(ids.DATASET, "data"), Input(ids.UPLOAD, "contents"))
    def upload(contents: Any) -> Any:
        return {"got": bool(contents)}

    server_guard.install(app, settings)
    return app


def failing_body(lang: str = "en") -> dict[str, Any]:
    return {
        "output": "..graph.figure...text.children..",
        "outputs": [{"id": "graph", "property": "figure"}, {"id": "text", "property": "children"}],
        "inputs": [{"id": "go", "property": "n_clicks", "value": 1}],
        "state": [{"id": ids.LANG, "property": "value", "value": lang}],
        "changedPropIds": ["go.n_clicks"],
    }


def upload_body() -> dict[str, Any]:
    return {
        "output": f"{ids.DATASET}.data",
        "outputs": {"id": ids.DATASET, "property": "data"},
        "inputs": [{"id": ids.UPLOAD, "property": "contents", "value": "data:,x"}],
        "changedPropIds": [f"{ids.UPLOAD}.contents"],
    }


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_a_failing_callback_answers_with_a_message_in_the_page_language(lang: str) -> None:
    client = small_app().server.test_client()
    response = client.post(UPDATE, json=failing_body(lang))
    assert response.status_code == 200
    answer = response.get_json()
    alert = json.dumps(answer["sideUpdate"][ids.APP_ALERT])
    assert "ZeroDivisionError" in alert
    assert ("kon niet worden gemaakt" if lang == "nl" else "could not be drawn") in alert
    assert "secret detail" not in response.get_data(as_text=True)  # no traceback, no message
    figure = answer["response"]["graph"]["figure"]
    assert (
        figure["data"] == [] and "ZeroDivisionError" in figure["layout"]["annotations"][0]["text"]
    )
    assert "text" not in answer["response"]  # the other output keeps what it shows


def test_under_test_the_exception_itself_is_raised() -> None:
    app = small_app()
    app.server.config["TESTING"] = True  # the callback-graph tests must see the exception
    with pytest.raises(ZeroDivisionError):
        app.server.test_client().post(UPDATE, json=failing_body())


def test_an_oversized_request_is_refused_before_its_body_is_read() -> None:
    app = small_app()
    read: list[int] = []

    class Body:
        """A request body that records being read."""

        def read(self, size: int = -1) -> bytes:
            read.append(size)
            return b"{}"

    limit = SETTINGS.request_limit
    environ = {"CONTENT_LENGTH": str(limit + 1), "CONTENT_TYPE": "application/json"}
    environ["wsgi.input"] = Body()  # type: ignore[assignment]
    response = app.server.test_client().post(UPDATE, environ_overrides=environ)
    assert response.status_code == 413
    assert read == []
    assert "Traceback" not in response.get_data(as_text=True)


def test_the_request_limit_leaves_room_for_a_base64_upload_of_the_file_limit() -> None:
    assert SETTINGS.request_limit > SETTINGS.upload_limit * 4 / 3
    assert SETTINGS.request_limit < SETTINGS.upload_limit * 4 / 3 + 2 * 1024 * 1024


def test_uploads_are_rate_limited_per_client() -> None:
    client = small_app().server.test_client()
    codes = [client.post(UPDATE, json=upload_body()).status_code for _ in range(3)]
    assert codes == [200, 200, 429]
    other = small_app().server.test_client()
    other_client = {"REMOTE_ADDR": "10.0.0.9"}
    assert other.post(UPDATE, json=upload_body(), environ_base=other_client).status_code == 200


def test_the_rate_limiter_forgets_after_its_window() -> None:
    now = [0.0]
    limiter = RateLimiter(2, window=60, clock=lambda: now[0])
    assert [limiter.wait("a"), limiter.wait("a")] == [0.0, 0.0]
    assert limiter.wait("a") == pytest.approx(60)
    assert limiter.wait("b") == 0.0
    now[0] = 61
    assert limiter.wait("a") == 0.0


def test_what_counts_as_an_upload_or_an_export() -> None:
    assert request_kind(upload_body()) == "upload"
    export = {"output": f'{{"chart":"ranking","kind":"{ids.EXPORT_DOWNLOAD}"}}.data'}
    assert request_kind({**export, "changedPropIds": ['{"chart":"x"}.n_clicks']}) == "export"
    assert request_kind({**export, "changedPropIds": []}) is None  # not a click: not counted
    assert request_kind({"output": "graph.figure", "changedPropIds": ["go.n_clicks"]}) is None
    assert request_kind("not a dict") is None


@pytest.mark.parametrize("path", ["/", "/_dash-layout", "/no-such-page"])
def test_every_response_has_the_security_headers(path: str) -> None:
    response = small_app().server.test_client().get(path)
    policy = response.headers["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in policy
    assert "'unsafe-eval'" not in policy and "script-src 'self' 'sha256-" in policy
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "same-origin"
    assert response.headers["X-Frame-Options"] == "DENY"


def test_an_unhandled_error_page_has_no_traceback() -> None:
    app = small_app()

    @app.server.route("/boom")
    def boom() -> str:
        raise RuntimeError("the secret detail")

    response = app.server.test_client().get("/boom")
    assert response.status_code == 500
    assert "secret detail" not in response.get_data(as_text=True)
    assert "Traceback" not in response.get_data(as_text=True)


def test_settings_come_from_the_environment_and_are_checked() -> None:
    chosen = GuardSettings.from_env({server_guard.ENV_RATE_UPLOADS: "5"})
    assert chosen.uploads_per_minute == 5
    assert chosen.exports_per_minute == server_guard.DEFAULT_EXPORTS_PER_MINUTE
    with pytest.raises(ValueError, match=server_guard.ENV_RATE_EXPORTS):
        GuardSettings.from_env({server_guard.ENV_RATE_EXPORTS: "-1"})


def test_the_real_app_is_guarded(tmp_path: Any) -> None:
    from app import create_app
    from data.store import DatasetStore, DiskcacheBackend

    store = DatasetStore(DiskcacheBackend(tmp_path, size_limit_bytes=16 * 1024 * 1024))
    app = create_app(store=store, history=False)
    response = app.server.test_client().get("/")
    assert "frame-ancestors 'none'" in response.headers["Content-Security-Policy"]
    assert app.server.config["MAX_CONTENT_LENGTH"] > 25 * 1024 * 1024
    assert app._on_error is callback_failed


def test_behind_a_proxy_the_client_it_names_is_counted() -> None:
    proxied = GuardSettings(1024 * 1024, uploads_per_minute=1, exports_per_minute=1, proxy_hops=1)
    client = small_app(proxied).server.test_client()

    def status(forwarded: str) -> int:
        headers = {"X-Forwarded-For": forwarded}
        return client.post(UPDATE, json=upload_body(), headers=headers).status_code

    assert [status("198.51.100.1"), status("198.51.100.2"), status("198.51.100.1")] == [
        200,
        200,
        429,
    ]
