"""A key change whose values are Hebrew or Arabic reads OLD → NEW from left to right, as the
report's English does, each value set whole (the list item's "auto" direction made it right
to left, so NEW stood left of the arrow and OLD right of it)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from compare import compare
from compare.model import Document, Paragraph
from compare.render.html import render_comparison
from compare.text import split_sentences


def story(quote: str) -> Document:
    texts = (
        "מועצת העיר אישרה את התקציב החדש ביום שלישי אחרי דיון ארוך.",
        f"ראש העיר אמר: \u201c{quote}\u201d",
        "הישיבה הבאה תתקיים בחודש הבא.",
    )
    return Document(tuple(Paragraph(t, tuple(split_sentences(t))) for t in texts))


@pytest.mark.parametrize("width", [1280, 390])
def test_a_right_to_left_change_reads_old_then_new(
    browser: Any, tmp_path: Path, width: int
) -> None:
    c = compare(story("אנחנו נבנה גשר חדש"), story("אנחנו נתקן את הגשר הישן"))
    assert c.changes, "a quote change to show"
    path = tmp_path / "he.html"
    path.write_text(render_comparison(c, generated_at="2026-05-24T10:00:00Z"), encoding="utf-8")
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(path.as_uri())
    # The first box of each value (a value may wrap onto the next line).
    old, new = page.evaluate(
        """() => ['del', 'ins'].map(tag => {
            const box = document.querySelector('ol.keys .what ' + tag).getClientRects()[0];
            return [box.x, box.y];
        })"""
    )
    if abs(old[1] - new[1]) < 4:  # on one line: OLD left of NEW
        assert old[0] < new[0]
    else:  # NEW starts on a later line
        assert old[1] < new[1]
    context.close()
