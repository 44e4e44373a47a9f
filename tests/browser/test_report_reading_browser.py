"""The HTML report read as a journalist shares it: printed with no script to open its folds,
navigated when only the headline changed, and its summary's numbers."""

from __future__ import annotations

from pathlib import Path
from typing import Any


def test_print_without_javascript_keeps_every_folded_paragraph(
    browser: Any, sample_report: Path
) -> None:
    """The folds were opened for paper only by a ``beforeprint`` handler: with JavaScript
    off, or printed headless to PDF, every unchanged paragraph in a fold was left off the
    page, and so was the "Show N unchanged" line that said so."""
    context = browser.new_context(
        viewport={"width": 1280, "height": 900}, java_script_enabled=False
    )
    page = context.new_page()
    page.goto(sample_report.as_uri())
    page.emulate_media(media="print")
    folded = page.eval_on_selector_all("details.fold .row", "rs => rs.map(r => r.id)")
    assert folded  # the sample has folds to print
    hidden = page.eval_on_selector_all(
        ".row", "rs => rs.filter(r => !r.checkVisibility()).map(r => r.id)"
    )
    assert hidden == []
    context.close()
