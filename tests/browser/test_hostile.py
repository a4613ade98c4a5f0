"""Hostile names and files in a real browser, under the app's Content-Security-Policy.

The page fixture fails a test on any console error, so a CSP violation (a script, style or
image the policy blocks) fails every test here too.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from playwright.sync_api import Page, Request

from components import ids
from data.columns import REV_EARMARKED

from .helpers import ranking_bars, wait_for_ranking_title

pytestmark = pytest.mark.browser

LONG = ("Extraordinarily Long Donor Name " * 700)[:20_000]
LINK = '<a href="https://evil.example/x">Evil link</a>'


def _csv(tmp_path: Path, donors: list[str], name: str = "hostile.csv") -> Path:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(["government_donor", "entity", "rev_type", "calendar_year", "amount"])
    for n, donor in enumerate(donors):
        writer.writerow([donor, "IOM", REV_EARMARKED, "2024", str(9_000_000 - n * 1_000_000)])
    path = tmp_path / name
    path.write_bytes(out.getvalue().encode("utf-8"))
    return path


def _upload(page: Page, path: Path) -> str:
    page.click("#data-panel summary")
    page.set_input_files("#upload input[type=file]", [str(path)])
    status = page.locator("#data-status .status-ok, #data-status .status-error")
    status.wait_for(timeout=30_000)
    return status.inner_text()


def test_the_app_runs_under_its_content_security_policy(page: Page) -> None:
    response = page.goto("/?lang=en")
    assert response is not None
    policy = response.headers["content-security-policy"]
    assert "frame-ancestors 'none'" in policy and "'unsafe-eval'" not in policy
    wait_for_ranking_title(page, "Largest donors to IOM in 2023")
    page.click("text=Earmarked vs. core")
    page.wait_for_timeout(500)
    page.goto("/?lang=en&source=ceb&view=entities")
    page.locator("#entities-graph .js-plotly-plot").wait_for()
    page.goto("/?lang=en")
    wait_for_ranking_title(page, "Largest donors to IOM in 2023")
    page.click(_pid(ids.EXPORT_SUMMARY))
    with page.expect_download(timeout=30_000) as download:  # drawn in the page: data:/blob:
        page.click(_pid(ids.EXPORT_PNG))
    assert download.value.suggested_filename.endswith(".png")
    # any blocked script, style or image is a console error, which fails the test at teardown


def _pid(kind: str, chart: str = "ranking") -> str:
    """CSS selector of a chart's pattern-matching id, as Dash writes it into the DOM."""
    return f"[id='{json.dumps(ids.for_chart(kind, chart), sort_keys=True, separators=(',', ':'))}']"


def test_a_linked_and_a_20000_character_name_are_drawn_as_short_plain_text(
    page: Page, tmp_path: Path
) -> None:
    page.goto("/?lang=en")
    wait_for_ranking_title(page, "Largest donors to IOM in 2023")
    message = _upload(page, _csv(tmp_path, ["Germany", LINK, LONG, "\u202eaniahC"]))
    assert "4 rows" in message
    wait_for_ranking_title(page, "IOM in 2024")
    assert page.locator("#ranking-graph svg a").count() == 0  # no live link in the chart
    labels = page.locator("#ranking-graph .yaxislayer-above text").all_text_contents()
    assert any('<a href="https://evil.example/x">Evil link</a>' in label for label in labels)
    assert max(len(label) for label in labels) < 80  # the long name shortened
    assert not any("\u202e" in label for label in labels)
    assert len(ranking_bars(page)) >= 4
    # the page still answers: a year click repaints at once
    page.click("#lang >> text=NL")
    wait_for_ranking_title(page, "IOM in 2024")


def _watch_uploads(page: Page) -> list[str]:
    sent: list[str] = []

    def record(request: Request) -> None:
        if "_dash-update-component" in request.url and "upload.contents" in (
            request.post_data or ""
        ):
            sent.append(request.url)

    page.on("request", record)
    return sent


@pytest.mark.parametrize("suffix", [".ods", ".docx", ".txt"])
def test_an_unsupported_file_dropped_is_named_at_once_and_nothing_is_sent(
    page: Page, suffix: str
) -> None:
    page.goto("/?lang=en")
    wait_for_ranking_title(page, "Largest donors to IOM in 2023")
    sent = _watch_uploads(page)
    page.click("#data-panel summary")
    page.evaluate(
        """(name) => {
            const target = document.querySelector('#upload > div') || document.querySelector('#upload');
            const data = new DataTransfer();
            data.items.add(new File(['PK\\u0003\\u0004 not a table'], name));
            for (const type of ['dragenter', 'dragover', 'drop']) {
                target.dispatchEvent(new DragEvent(type, {dataTransfer: data, bubbles: true, cancelable: true}));
            }
        }""",
        f"funding-2024{suffix}",
    )
    check = page.locator("#upload-check")
    check.filter(has_text=f"funding-2024{suffix}").wait_for(timeout=5_000)
    assert "does not read this type of file" in check.inner_text()
    page.wait_for_timeout(500)
    assert sent == []


def test_a_file_over_the_limit_chosen_is_named_in_dutch_and_nothing_is_sent(
    page: Page, tmp_path: Path
) -> None:
    big = tmp_path / "te-groot.csv"
    with big.open("wb") as sink:
        sink.truncate(26 * 1024 * 1024)  # sparse: over the 25 MB default, costs no disk
    page.goto("/?lang=nl")
    wait_for_ranking_title(page, "IOM")
    sent = _watch_uploads(page)
    page.click("#data-panel summary")
    page.set_input_files("#upload input[type=file]", [str(big)])
    check = page.locator("#upload-check")
    check.filter(has_text="te-groot.csv").wait_for(timeout=10_000)
    assert "grens van 25,0 MB" in check.inner_text()
    page.wait_for_timeout(500)
    assert sent == []
