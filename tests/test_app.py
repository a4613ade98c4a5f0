"""The entry point: what gunicorn imports and what ``python app.py`` does with its arguments."""

from __future__ import annotations

from pathlib import Path

import pytest

import app


def test_server_is_built_on_first_use_and_serves_the_page(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("IOM_DATA", raising=False)
    server = app.server
    assert server is app.server is app.app.server  # one app per process
    response = server.test_client().get("/")
    assert response.status_code == 200
    assert b"_dash-renderer" in response.data or b"dash-renderer" in response.data


def test_unknown_module_attributes_still_fail() -> None:
    with pytest.raises(AttributeError, match="no attribute 'nope'"):
        _ = app.nope


def test_a_bad_start_up_file_stops_with_its_file_and_problem(tmp_path: Path) -> None:
    bad = tmp_path / "revenue.csv"
    bad.write_text("Year,Entity\n2024,IOM\n", encoding="utf-8")
    with pytest.raises(SystemExit, match=r"Cannot start: .*revenue\.csv"):
        app.main(["--data", str(bad), "--port", "0"])


def test_start_up_files_come_from_iom_data(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("IOM_DATA", "a.csv  b.xlsx")
    assert app._env_files() == [Path("a.csv"), Path("b.xlsx")]
