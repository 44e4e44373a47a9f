"""The timeline's axis in headless chromium when Wayback captures are days older than the
tracked versions (helper timeline20): no marker drawn over another, each still a link. The
story is tests/test_timeline20.py's; the browser is the session's (tests/browser/conftest.py):
a second Playwright in one process refuses to start."""

from __future__ import annotations

import sys
from itertools import combinations
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests/: the story module
from test_timeline20 import uneven_report


@pytest.fixture(scope="module")
def uneven(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return uneven_report(tmp_path_factory.mktemp("uneven"))


def _overlapping(boxes: list[tuple[str, dict[str, float]]]) -> list[tuple[str, str]]:
    def apart(a: dict[str, float], b: dict[str, float]) -> bool:
        return (
            a["right"] <= b["left"]
            or b["right"] <= a["left"]
            or a["bottom"] <= b["top"]
            or b["bottom"] <= a["top"]
        )

    return [(n, m) for (n, a), (m, b) in combinations(boxes, 2) if not apart(a, b)]


_BOXES = """els => els.filter(e => e.getBoundingClientRect().width > 0).map(e => {
  const r = e.getBoundingClientRect();
  const a = e.closest('a');
  const name = a ? a.getAttribute('href') : 'break ' + e.closest('svg').getAttribute('x');
  return [name + ' ' + e.tagName,
          {left: r.left, right: r.right, top: r.top, bottom: r.bottom}];
})"""


@pytest.mark.parametrize("width", [1280, 390])
def test_markers_of_unevenly_spread_versions_do_not_overlap(
    browser: Any, uneven: Path, width: int
) -> None:
    # Captures days older squeezed the afternoon's five versions and three failed fetches
    # into 4 % of the axis: a failure's cross was drawn over versions 3 and 4.
    context = browser.new_context(viewport={"width": width, "height": 900})
    opened = context.new_page()
    opened.goto(uneven.as_uri())
    marks = opened.eval_on_selector_all(
        ".axis svg.line .mark .dot, .axis svg.line .mark text, .axis svg.line .gap path,"
        " .axis svg.line .break rect, .axis svg.line .break text",
        _BOXES,
    )
    # Seven dots and numbers, two runs of failed fetches, two breaks (their lengths in
    # words too where there is room for them, not on a phone).
    assert _overlapping(marks) == []
    assert len(marks) == 7 * 2 + 2 + 2 * (2 if width > 600 else 1), marks
    # Each marker still leads to its row or section.
    opened.locator('.axis a[href="#v5"]').click()
    assert opened.evaluate("location.hash") == "#v5"
    opened.locator('.axis a[href="#failed-2026-11-24T111000000Z"]').click()
    assert opened.evaluate("location.hash") == "#failed-2026-11-24T111000000Z"
    assert opened.evaluate("document.documentElement.scrollWidth") <= width
    context.close()
