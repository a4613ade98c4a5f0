"""Loading CEB exports in the browser: upload, bad files, session isolation, several workers."""

from __future__ import annotations

import csv
import io
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from .helpers import (
    click_radio,
    expect_url_params,
    ranking_bars,
    wait_for_ranking_title,
)

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
CEB_FILE = ROOT.parent / "shared" / "data" / "ceb" / "government-donor-revenue-2024.csv"
# IOM 2024, United States: earmarked 1 520 634 949 + core 3 630 428 (grep of the file).
USA_2024_VOLUNTARY_M = 1524.265377


@pytest.fixture(scope="module")
def ceb_file() -> Path:
    if not CEB_FILE.is_file():
        pytest.skip(f"real CEB export not found at {CEB_FILE}")
    return CEB_FILE


@pytest.fixture(scope="module")
def two_year_file(ceb_file: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The 2024 export plus a 2023 copy with every amount halved, written as one CEB CSV."""
    text = ceb_file.read_bytes().decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    header, body = rows[0], rows[1:]
    extra = []
    for donor, entity, rev_type, _year, amount in body:
        value = float(amount.replace(" ", "")) / 2
        extra.append([donor, entity, rev_type, "2023", f"{value:.2f}"])
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows([header, *extra, *body])
    path = tmp_path_factory.mktemp("ceb") / "revenue-2023-2024.csv"
    path.write_bytes(b"\xef\xbb\xbf" + out.getvalue().encode("utf-8"))
    return path


def upload(page: Page, *files: Path) -> str:
    """Drop files on the upload area; return the status line once it appears."""
    page.click("#data-panel summary")
    page.set_input_files("#upload input[type=file]", [str(f) for f in files])
    status = page.locator("#data-status .status-ok, #data-status .status-error")
    status.wait_for(timeout=30_000)
    return status.inner_text()


def test_upload_shows_every_donor_ranked_by_voluntary_money(page: Page, ceb_file: Path) -> None:
    page.goto("/?lang=en")
    wait_for_ranking_title(page, "Largest donors to IOM in 2023")
    assert "8,976 rows" in upload(page, ceb_file)
    wait_for_ranking_title(page, "Largest government donors to IOM in 2024")
    bars = ranking_bars(page)
    assert bars[0].label == "1. United States"
    assert bars[0].value == pytest.approx(USA_2024_VOLUNTARY_M)
    assert len(bars) == 11  # top 10 and the other donors
    assert bars[-1].label == "Other donors"
    expect_url_params(page, {"year": "2024", "entity": "IOM", "top": "10"}, exact=False)
    # The chart says what is counted and that refunds are in the sums.
    footer = page.evaluate(
        "document.querySelector('#ranking-graph .js-plotly-plot').layout.annotations"
        ".find(a => a.name === 'source').text"
    )
    assert "assessed contributions" in footer and "negative amounts" in footer


def test_bad_file_is_refused_and_the_data_shown_stays(
    page: Page, ceb_file: Path, tmp_path: Path
) -> None:
    page.goto("/?lang=en")
    upload(page, ceb_file)
    wait_for_ranking_title(page, "Largest government donors to IOM in 2024")
    broken = tmp_path / "broken.csv"
    lines = ceb_file.read_bytes().decode("utf-8-sig").splitlines()
    lines[3] = lines[3].rsplit(",", 1)[0] + ",12 abc"
    broken.write_text("\n".join(lines), encoding="utf-8")
    page.set_input_files("#upload input[type=file]", [str(broken)])
    error = page.locator("#data-status .status-error")
    error.wait_for()
    message = error.inner_text()
    assert "broken.csv" in message and "row 4" in message and "amount" in message
    assert "12 abc" in message
    # Nothing already loaded is lost.
    wait_for_ranking_title(page, "Largest government donors to IOM in 2024")
    assert ranking_bars(page)[0].value == pytest.approx(USA_2024_VOLUNTARY_M)


def test_another_session_does_not_see_the_upload(
    new_page: Callable[..., Page], ceb_file: Path
) -> None:
    first = new_page()
    first.goto("/?lang=en")
    upload(first, ceb_file)
    wait_for_ranking_title(first, "IOM in 2024")
    second = new_page()  # a new browser context: a new session
    second.goto("/?lang=en&year=2024&entity=IOM")
    wait_for_ranking_title(second, "Largest donors to IOM in 2023")
    assert ranking_bars(second)[0].value == 1365


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@pytest.fixture(scope="module")
def gunicorn_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The app under ``gunicorn -w 4``, with a store folder of its own."""
    port = _free_port()
    store = tmp_path_factory.mktemp("gunicorn-store")
    env = {**os.environ, "IOM_STORE_DIR": str(store)}
    log = tmp_path_factory.mktemp("gunicorn-log") / "gunicorn.log"
    with log.open("wb") as sink:
        proc = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "-w", "4", "-b", f"127.0.0.1:{port}", "app:server"],
            cwd=ROOT, env=env, stdout=sink, stderr=subprocess.STDOUT,
        )  # fmt: skip
        url = f"http://127.0.0.1:{port}"
        try:
            deadline = time.time() + 60
            while True:
                try:
                    urllib.request.urlopen(url, timeout=2).close()
                    break
                except OSError:
                    if time.time() > deadline or proc.poll() is not None:
                        raise RuntimeError(log.read_text(errors="replace")[-2000:]) from None
                    time.sleep(0.3)
            yield url
        finally:
            proc.terminate()
            proc.wait(timeout=20)


def test_loaded_data_survives_four_gunicorn_workers(
    browser: Browser, gunicorn_url: str, two_year_file: Path
) -> None:
    """Every callback may land on another worker; each must find the session's upload."""
    context = browser.new_context(base_url=gunicorn_url, viewport={"width": 1366, "height": 768})
    context.set_default_timeout(30_000)
    try:
        page = context.new_page()
        page.goto("/?lang=en")
        wait_for_ranking_title(page, "Largest donors to IOM in 2023")
        assert "17,952 rows" in upload(page, two_year_file)
        # The view turns to the loaded files' latest year.
        wait_for_ranking_title(page, "Largest government donors to IOM in 2024")
        for year, usa in [(2023, USA_2024_VOLUNTARY_M / 2), (2024, USA_2024_VOLUNTARY_M)] * 4:
            click_radio(page, "year", str(year))
            wait_for_ranking_title(page, f"IOM in {year}")
            assert ranking_bars(page)[0].value == pytest.approx(usa, rel=1e-6)
    finally:
        context.close()
