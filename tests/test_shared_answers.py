"""Answers over shared data are kept per process, bounded, and never over a session's upload."""

from __future__ import annotations

import threading

import pytest

from callbacks.context import RequestContext
from callbacks.shared_answers import ENV_SIZE, SharedAnswers, answers_from_env
from callbacks.views import figures_by_year
from components.charts import spec
from data.provider import ModelProvider
from data.scorecard_source import ScorecardModel
from tests.store_fakes import disk_store


def test_an_answer_is_made_once_then_kept() -> None:
    answers = SharedAnswers(size=4)
    made: list[str] = []

    def make() -> str:
        made.append("a")
        return "answer"

    for _ in range(3):
        assert answers.get_or_make("a", make) == "answer"
    assert made == ["a"]
    assert (answers.hits, answers.misses) == (2, 1)


def test_the_least_recently_used_answer_goes_first() -> None:
    answers = SharedAnswers(size=2)
    answers.get_or_make("a", lambda: 1)
    answers.get_or_make("b", lambda: 2)
    answers.get_or_make("a", lambda: 99)  # used again: "b" is now the oldest
    answers.get_or_make("c", lambda: 3)
    assert len(answers) == 2
    assert answers.get_or_make("a", lambda: 99) == 1
    assert answers.get_or_make("b", lambda: 22) == 22  # gone, made again


def test_a_size_below_one_is_refused() -> None:
    with pytest.raises(ValueError, match="at least 1"):
        SharedAnswers(size=0)


def test_the_size_is_a_setting_and_zero_keeps_none(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ENV_SIZE, "16")
    answers = answers_from_env()
    assert answers is not None and answers.size == 16
    monkeypatch.setenv(ENV_SIZE, "0")
    assert answers_from_env() is None
    for bad in ("many", "-1"):
        monkeypatch.setenv(ENV_SIZE, bad)
        with pytest.raises(ValueError, match=ENV_SIZE):
            answers_from_env()


def test_threads_asking_at_once_all_get_an_answer() -> None:
    answers = SharedAnswers(size=8)
    got: list[int] = []
    threads = [
        threading.Thread(target=lambda: got.append(answers.get_or_make("k", lambda: 7)))
        for _ in range(8)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert got == [7] * 8 and len(answers) == 1


@pytest.fixture
def context(tmp_path_factory: pytest.TempPathFactory) -> RequestContext:
    from data.history import load_history

    store = disk_store(tmp_path_factory.mktemp("store"))
    return RequestContext(ModelProvider(ScorecardModel.from_seed(), store, None, load_history()))


def test_shared_data_keeps_the_figures_and_another_view_gets_its_own(
    context: RequestContext,
) -> None:
    """The second analyst on the same view gets the kept figures; a view that differs in
    donor, source or currency gets figures of its own, never the kept ones; the other
    language's are the ones drawn beside the first (for a language click in the browser)."""
    ranking = spec("ranking")
    shared = context.shared
    assert shared is not None
    first = figures_by_year(ranking, context(lang="en", year=2023, donor="NLD"))
    made = shared.misses
    again = figures_by_year(ranking, context(lang="en", year=2023, donor="NLD"))
    assert shared.misses == made and again["by_year"] == first["by_year"]
    dutch = figures_by_year(ranking, context(lang="nl", year=2023, donor="NLD"))
    assert dutch["by_year"] == first["by_lang"]["nl"]["by_year"] != first["by_year"]
    assert dutch["by_lang"]["en"]["by_year"] == first["by_year"]
    for other in (
        context(lang="en", year=2023, donor="DEU"),
        context(lang="en", year=2023, donor="NLD", source="ceb", entity="IOM"),
        context(lang="en", year=2023, donor="NLD", currency="EUR"),
    ):
        before = shared.misses
        figures = figures_by_year(ranking, other)
        assert shared.misses > before
        assert figures["by_year"] != first["by_year"]


def test_a_sessions_upload_is_never_kept(context: RequestContext) -> None:
    request = context(lang="en", year=2023, donor="NLD", dataset={"id": "upload-1"})
    assert request.shared is None
    made: list[int] = []
    for _ in range(2):
        request.remember(("x",), lambda: made.append(1))
    assert made == [1, 1]
