"""Locust user that replays a recorded browser session (``bench/locust_record.py``).

Each simulated analyst gets its own server-issued session id (from the first recorded request
that returns one, as the browser would) and replays the recorded callback bodies, step by step,
with a think time between steps. Every request is named by its step, so locust reports
requests/s and percentiles per step. Run it through ``python -m bench.bench_load_fifty``.
"""

from __future__ import annotations

import json
import os
import random
from typing import Any

from locust import HttpUser, between, task

RECORDING = os.environ["IOM_LOCUST_RECORDING"]  # set by bench/bench_load_fifty.py
UPDATE = "/_dash-update-component"


Request = tuple[str, dict[str, Any]]  # the path posted to, the body


def _steps(recorded: list[dict[str, Any]]) -> list[tuple[str, list[Request]]]:
    """The requests grouped by step, in the order the browser sent them (a recording without
    paths is of callbacks alone)."""
    steps: list[tuple[str, list[Request]]] = []
    for item in recorded:
        if not steps or steps[-1][0] != item["step"]:
            steps.append((item["step"], []))
        steps[-1][1].append((item.get("path", UPDATE), item["body"]))
    return steps


with open(RECORDING, encoding="utf-8") as handle:
    STEPS = _steps(json.load(handle))


def _with_session(body: dict[str, Any], session: str | None) -> dict[str, Any]:
    """The body with this user's session id in place of the recorded one (a callback's among
    its states, an early figure's as its own field)."""
    if session is None:
        return body
    if "session" in body:
        return {**body, "session": session}
    text = json.dumps(body)
    for item in body.get("state", []) + body.get("inputs", []):
        if isinstance(item, dict) and item.get("id") == "session" and item.get("value"):
            text = text.replace(json.dumps(item["value"]), json.dumps(session))
    return dict(json.loads(text))


class Analyst(HttpUser):
    """One analyst: opens the page and clicks through the recorded session, again and again."""

    wait_time = between(0.5, 1.5)

    def on_start(self) -> None:
        self.session: str | None = None

    @task
    def session_replay(self) -> None:
        self.client.get("/", name="page")
        for name, bodies in STEPS:
            for path, body in bodies:
                self._post(path, name, _with_session(body, self.session))
            self.wait_time_between_steps()

    def wait_time_between_steps(self) -> None:
        self._sleep(random.uniform(0.3, 1.0))

    def _sleep(self, seconds: float) -> None:
        import gevent

        gevent.sleep(seconds)

    def _post(self, path: str, name: str, body: dict[str, Any]) -> None:
        with self.client.post(path, json=body, name=name, catch_response=True) as response:
            if response.status_code not in (200, 204):
                response.failure(f"HTTP {response.status_code}")
                return
            if self.session is None and response.status_code == 200 and path == UPDATE:
                found = response.json().get("response", {}).get("session", {}).get("data")
                self.session = found if isinstance(found, str) else None
            response.success()
