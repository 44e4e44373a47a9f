"""The coverage report of five outlets on A4 paper (helper report5): every outlet's column
is on the page. The matrix kept its screen width on paper (74rem for five outlets), and
the outlets past the third were cut off at the page's right edge."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest

from compare import compare_many, load
from compare.render.coverage_html import render_coverage

STORY = Path(__file__).resolve().parents[2] / "fixtures" / "multi-bridge-closure"
OUTLETS = ("wire", "gazette", "courier", "ledger", "metro")


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    coverage = compare_many([load(str(STORY / f"{name}.html")) for name in OUTLETS])
    path = tmp_path_factory.mktemp("coverage-print") / "five outlets.html"
    path.write_text(render_coverage(coverage, generated_at="2026-04-15T08:00:00Z"), "utf-8")
    return path


@pytest.mark.parametrize("width", [718, 1040])  # A4 portrait and landscape, 15 mm margins
def test_every_outlets_column_prints_on_the_page(
    browser: Any, report: Path, artifacts: Path, width: int
) -> None:
    context = browser.new_context(viewport={"width": width, "height": 1000})
    page = context.new_page()
    page.emulate_media(media="print")
    page.goto(report.as_uri())
    page.wait_for_selector("html[data-ready='true']", state="attached")
    edges = page.eval_on_selector_all(
        ".matrix thead th", "hs => hs.map(h => Math.round(h.getBoundingClientRect().right))"
    )
    assert len(edges) == 1 + len(OUTLETS)
    assert max(edges) <= width, edges
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    # Still readable: the outlets' cells keep text of 11 px and more, a column of 80 px.
    cell = page.locator(".matrix td.mc").first
    assert cell.evaluate("c => parseFloat(getComputedStyle(c).fontSize)") >= 11
    assert min(b - a for a, b in pairwise(edges)) >= 80, edges
    if width == 718:
        page.locator(".matrix-wrap").screenshot(path=str(artifacts / "coverage-print-a4.png"))
    context.close()


@pytest.mark.parametrize("width", [1280, 390])
def test_without_javascript_every_claim_is_on_the_page(
    browser: Any, report: Path, width: int
) -> None:
    # The script lets a matrix that fits the width flow with the page; without it (a mail
    # client's viewer) the matrix stayed a box one screen tall, cut at the third claim
    # with nothing to say seventeen more were inside it.
    context = browser.new_context(
        viewport={"width": width, "height": 900}, java_script_enabled=False
    )
    page = context.new_page()
    page.goto(report.as_uri())
    box = page.eval_on_selector(".matrix-wrap .scroller", "s => [s.clientHeight, s.scrollHeight]")
    assert box[0] >= box[1] - 1, box
    last = page.locator("tr.claim").last
    assert last.evaluate("r => r.checkVisibility()")
    context.close()
