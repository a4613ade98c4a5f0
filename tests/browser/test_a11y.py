"""WCAG 2.1 AA on every view, in both languages: axe-core (shipped by axe-playwright-python) finds
no serious or critical violation.

Each view is opened by its URL on the built-in CEB history, the source on which every view has
content (on the scorecard several views are empty), and audited once its chart or table is
drawn; the controls of the header, the source bar and the export bars are part of every audit.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from playwright.sync_api import Page

from components import ids

pytestmark = pytest.mark.browser

WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
BLOCKING = {"serious", "critical"}
# the open tab's content (every tab stays mounted; the others are not displayed)
DRAWN = ".js-plotly-plot .main-svg, .ag-root, .fact-card >> visible=true"


def audit(page: Page) -> list[dict[str, Any]]:
    """The serious and critical WCAG 2.1 AA violations axe-core finds on the page as it is."""
    from axe_playwright_python.sync_playwright import Axe

    result = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_AA}})
    return [v for v in result.response["violations"] if v["impact"] in BLOCKING]


def upstream(violation: dict[str, Any]) -> bool:
    """AG Grid 35's own header markup: a row role whose cells sit behind presentation wrappers
    (axe: aria-required-children), an open upstream issue (ag-grid#11363) no page markup fixes.
    Only that rule and only on AG Grid's elements; ``test_the_grid_gap_is_still_there`` fails
    once it is fixed upstream, so the exception cannot outlive the gap."""
    return violation["id"] == "aria-required-children" and all(
        ".ag-" in str(node["target"]) or 'class="ag-' in str(node.get("html", ""))
        for node in violation["nodes"]
    )


def summary(violations: list[dict[str, Any]]) -> list[str]:
    """One line per violation with the first elements it names, for a readable failure."""
    return [
        f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes'][:3]]}" for v in violations
    ]


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("view", ids.TABS)
def test_view_has_no_serious_violations(
    new_page: Callable[..., Page], view: str, lang: str
) -> None:
    page = new_page()
    page.goto(f"/?lang={lang}&view={view}&source=ceb")
    page.wait_for_selector(DRAWN, timeout=20_000)
    page.wait_for_timeout(800)  # late callbacks (takeaways, panels) settle
    assert summary([v for v in audit(page) if not upstream(v)]) == []


@pytest.mark.xfail(strict=True, reason="AG Grid 35 header rows, ag-grid#11363 (see upstream())")
def test_the_grid_gap_is_still_there(new_page: Callable[..., Page]) -> None:
    page = new_page()
    page.goto(f"/?lang=nl&view={ids.TAB_SOURCES}")
    page.wait_for_selector(".ag-root", timeout=20_000)
    page.wait_for_timeout(800)
    assert not [v for v in audit(page) if upstream(v)]


def test_the_audit_finds_a_violation(new_page: Callable[..., Page]) -> None:
    """The audit is not blind: a focusable element hidden from screen readers is reported."""
    page = new_page()
    page.goto("/?view=ranking")
    page.wait_for_selector(DRAWN, timeout=20_000)
    page.evaluate(
        """() => { const b = document.createElement('button'); b.textContent = 'x';
                   b.setAttribute('aria-hidden', 'true'); document.body.appendChild(b); }"""
    )
    assert "aria-hidden-focus" in {v["id"] for v in audit(page)}
