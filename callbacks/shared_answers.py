"""Answers drawn from the data every analyst shares, kept so the next analyst gets them at once.

The published scorecard, the CEB history and the start-up files are the same for every session
in a server process, and the models over them are immutable, so a figure or a chart's words
drawn from them for one view are the same for whoever asks next. Building them is most of a
request's time (a ranking figure takes about 20 ms in plotly; the every-year figures of the CEB
ranking about 230 ms), and on a busy server those requests queue behind each other.

Only answers over shared data are kept (``callbacks.context.Request.remember``); a session's
upload is its own and never enters. The keys carry everything the answer is drawn from (the
data, language, money and the chart's controls: ``Request.drawn_key``), so a kept answer is
never another view's. Bounded: the least recently used answer goes first.
"""

from __future__ import annotations

import os
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any, Final, TypeVar

T = TypeVar("T")

# About 30 KB an answer in memory (a figure as plotly JSON): some 30 MB a process at the most.
DEFAULT_SIZE: Final = 1024
ENV_SIZE: Final = "IOM_SHARED_ANSWERS"  # how many answers a process keeps; 0 keeps none


class SharedAnswers:
    """A bounded, thread-safe, least-recently-used store of answers by key, per process.

    The answers are shared: callers must not change what they get (figures are handed to Dash
    to serialise, never edited after)."""

    def __init__(self, size: int = DEFAULT_SIZE) -> None:
        if size < 1:
            raise ValueError(f"size must be at least 1, not {size}")
        self.size = size
        self._answers: OrderedDict[Hashable, Any] = OrderedDict()
        self._lock = threading.Lock()
        self.hits = 0
        self.misses = 0

    def __len__(self) -> int:
        return len(self._answers)

    def get_or_make(self, key: Hashable, make: Callable[[], T]) -> T:
        """The answer kept for ``key``, else ``make()``'s, kept. Two threads asking for the
        same missing key may both make it (the lock is not held while making): the answers are
        equal, and a slow build never blocks the other requests."""
        with self._lock:
            if key in self._answers:
                self._answers.move_to_end(key)
                self.hits += 1
                return self._answers[key]
            self.misses += 1
        answer = make()
        with self._lock:
            self._answers[key] = answer
            self._answers.move_to_end(key)
            while len(self._answers) > self.size:
                self._answers.popitem(last=False)
        return answer


def answers_from_env() -> SharedAnswers | None:
    """The process's store of shared answers, ``IOM_SHARED_ANSWERS`` of them (default
    ``DEFAULT_SIZE``); ``None`` at 0, so every request draws afresh (the load benchmark's cold
    run)."""
    raw = os.environ.get(ENV_SIZE, "").strip()
    try:
        size = int(raw) if raw else DEFAULT_SIZE
    except ValueError as error:
        raise ValueError(f"{ENV_SIZE} must be a whole number of answers, not {raw!r}") from error
    if size < 0:
        raise ValueError(f"{ENV_SIZE} must be 0 or more, not {size}")
    return SharedAnswers(size) if size else None
