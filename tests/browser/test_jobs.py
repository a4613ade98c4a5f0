"""Memo packs off the request path, in a real browser: a progress bar and a cancel button while
the pack is made in a background job, and the download when it is done (issue 10)."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from components import ids

pytestmark = pytest.mark.browser
JOB_TIMEOUT_MS = 90_000  # the job's own process starts kaleido's Chromium


def _visible(page: Page, element_id: str) -> bool:
    return bool(page.evaluate("(id) => !document.getElementById(id).hidden", element_id))


def test_a_memo_pack_shows_progress_can_be_cancelled_and_then_downloads(page: Page) -> None:
    page.goto("/?view=sources")
    page.wait_for_selector(f"#{ids.MEMO_DOCX}")
    assert not _visible(page, ids.MEMO_PROGRESS) and not _visible(page, ids.MEMO_CANCEL)
    page.click(f"#{ids.MEMO_DOCX}")
    page.wait_for_function("(id) => !document.getElementById(id).hidden", arg=ids.MEMO_CANCEL)
    assert _visible(page, ids.MEMO_PROGRESS)
    assert page.locator(f"#{ids.MEMO_DOCX}").is_disabled()  # one pack at a time
    page.wait_for_function(
        "(id) => document.getElementById(id).textContent.length > 0", arg=ids.MEMO_PROGRESS_TEXT
    )
    page.click(f"#{ids.MEMO_CANCEL}")
    page.wait_for_function("(id) => document.getElementById(id).hidden", arg=ids.MEMO_CANCEL)
    assert not _visible(page, ids.MEMO_PROGRESS)
    assert page.locator(f"#{ids.MEMO_DOCX}").is_enabled()
    page.wait_for_timeout(1_500)
    assert page.locator(f"#{ids.MEMO_STATUS}").text_content() == ""  # nothing was delivered

    with page.expect_download(timeout=JOB_TIMEOUT_MS) as info:
        page.click(f"#{ids.MEMO_DOCX}")
    assert info.value.suggested_filename.endswith(".docx")
    page.wait_for_function(
        "(id) => document.getElementById(id)?.textContent === 'Memo-pakket gedownload.'",
        arg=ids.MEMO_STATUS,
    )
    assert not _visible(page, ids.MEMO_CANCEL)
