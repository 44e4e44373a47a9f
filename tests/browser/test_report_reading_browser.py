"""The HTML report read as a journalist shares it: printed with no script to open its folds,
navigated when only the headline changed, and its summary's numbers."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from story import sample_comparison

from compare import compare
from compare.model import Document, Paragraph
from compare.render.html import render_comparison
from compare.text import split_sentences


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


BRIDGE = [
    "The bridge at Ferrow Cross will close for six weeks from Monday, the county said.",
    "Engineers found cracks in two of the five supports during an inspection in October.",
    "Drivers will be sent on a 14-mile diversion through Upper Ferrow.",
    "The county's transport chief, Ines Dola, said safety came first.",
    "Businesses on the far side of the river said they feared losing trade.",
]


def _story(title: str, texts: list[str]) -> Document:
    paragraphs = tuple(Paragraph(t, tuple(split_sentences(t))) for t in texts)
    return Document(title=title, paragraphs=paragraphs, site_name="The Wendholm Ledger")


def _report(tmp_path: Path, new_title: str, new_texts: list[str]) -> Path:
    old = _story("Ferrow Cross bridge to close", BRIDGE)
    new = _story(new_title, new_texts)
    path = tmp_path / "bridge.html"
    path.write_text(render_comparison(compare(old, new), generated_at="2026-11-21T10:00:00Z"))
    return path


def test_next_stops_at_a_headline_that_changed_when_no_paragraph_did(
    browser: Any, tmp_path: Path, artifacts: Path
) -> None:
    """A headline turned from "to close" to "will not close" said "0 changes" in the bar,
    and Next did nothing: the one change that mattered could not be reached from it."""
    report = _report(tmp_path, "Ferrow Cross bridge will not close, county says", BRIDGE)
    context = browser.new_context(viewport={"width": 1280, "height": 700})
    page = context.new_page()
    page.goto(report.as_uri())
    page.wait_for_selector("html[data-ready='true']")
    assert page.inner_text(".position") == "1 change"
    page.keyboard.press("j")
    assert page.inner_text(".position") == "Change 1 of 1"
    current = page.eval_on_selector(".current", "e => e.closest('.field').id")
    assert current == "headline-new"
    assert page.evaluate("location.hash") == "#headline-new"
    page.screenshot(path=str(artifacts / "browser-headline-stop.png"))
    # A filter for one kind of paragraph leaves the headline out.
    page.get_by_role("button", name="Added").click()
    assert page.inner_text(".position") == "0 changes"
    context.close()


def test_with_paragraph_changes_next_goes_to_the_paragraphs(browser: Any, tmp_path: Path) -> None:
    """The headline stop is for a story whose text did not change: otherwise Next goes
    through the paragraphs, and the headline leads the key changes at the top."""
    texts = [*BRIDGE[:2], BRIDGE[2].replace("14-mile", "19-mile"), *BRIDGE[3:]]
    report = _report(tmp_path, "Ferrow Cross bridge to close for eight weeks", texts)
    context = browser.new_context(viewport={"width": 1280, "height": 700})
    page = context.new_page()
    page.goto(report.as_uri())
    page.wait_for_selector("html[data-ready='true']")
    assert page.inner_text(".position") == "1 change"
    assert page.query_selector(".stop") is None
    page.keyboard.press("j")
    assert page.evaluate("location.hash") == "#b3"
    context.close()


def test_a_long_word_in_the_headline_and_a_changed_long_address_fit_a_phone(
    browser: Any, tmp_path: Path, artifacts: Path
) -> None:
    """A headline holding a company's 60-letter name widened the page to 917 px on a
    390 px phone, and a changed address was cut to "https://www.wendholm-le…" on both
    sides, hiding the part that changed."""
    name = "Wendholmharbourdredgingandmarineengineeringservicesholdings"
    address = "https://www.wendholm-ledger.example.org/news/local/2026/11/20/dredging-contract-"
    old = replace(_story(f"Dredging papers published: {name}", BRIDGE), url=address + "v1")
    new = replace(_story(f"Dredging papers published: {name} responds", BRIDGE), url=address + "v2")
    report = tmp_path / "long-words.html"
    report.write_text(render_comparison(compare(old, new), generated_at="2026-11-21T10:00:00Z"))
    context = browser.new_context(viewport={"width": 390, "height": 800})
    page = context.new_page()
    page.goto(report.as_uri())
    page.wait_for_selector("html[data-ready='true']")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    cut = page.eval_on_selector_all(
        ".field.url dd", "ds => ds.filter(d => d.scrollWidth > d.clientWidth).length"
    )
    assert cut == 0
    assert page.is_visible("text=dredging-contract-v2")
    page.screenshot(path=str(artifacts / "browser-phone-long-words.png"), full_page=True)
    context.close()


def test_with_no_javascript_a_phone_gets_no_dead_buttons_and_one_column(
    browser: Any, sample_report: Path, artifacts: Path
) -> None:
    """Opened where scripts do not run (a mail client's viewer), a phone showed Previous,
    Next and the filters, which did nothing, over two 130 px columns of text."""
    context = browser.new_context(viewport={"width": 390, "height": 800}, java_script_enabled=False)
    page = context.new_page()
    page.goto(sample_report.as_uri())
    assert not page.is_visible(".toolbar button")
    cells = page.eval_on_selector_all(
        ".diff .row:not(details .row)",
        "rs => rs.map(r => [...r.children].filter(c => c.checkVisibility()).length)",
    )
    assert cells and set(cells) == {1}
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.screenshot(path=str(artifacts / "browser-phone-no-js.png"), full_page=True)
    context.close()


@pytest.mark.parametrize("script", [True, False], ids=["javascript", "no-javascript"])
def test_print_keeps_the_key_changes_past_the_tenth(
    browser: Any, tmp_path: Path, script: bool
) -> None:
    """Key changes past the tenth sit in a "4 more" fold that only the folds of unchanged
    paragraphs were opened beside for paper: a printed report listed ten and "4 more"."""
    base = sample_comparison()
    path = tmp_path / "many.html"
    path.write_text(
        render_comparison(
            replace(base, changes=base.changes * 7), generated_at="2026-03-04T15:01:00Z"
        )
    )
    context = browser.new_context(
        viewport={"width": 1280, "height": 900}, java_script_enabled=script
    )
    page = context.new_page()
    page.goto(path.as_uri())
    page.emulate_media(media="print")
    if script:
        page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    hidden = page.eval_on_selector_all(
        "ol.keys li", "ls => ls.filter(l => !l.checkVisibility()).length"
    )
    assert page.eval_on_selector_all("ol.keys li", "ls => ls.length") == 14
    assert hidden == 0
    context.close()


def test_on_a4_paper_each_date_takes_one_line(browser: Any, sample_report: Path) -> None:
    """The two cards side by side on A4 (~720 px) left each date ~120 px beside its label
    and a flag, and broke it at its hyphens: "2026-11-" over "20T08:15:00Z"."""
    context = browser.new_context(viewport={"width": 718, "height": 1000})
    page = context.new_page()
    page.goto(sample_report.as_uri())
    page.wait_for_selector("html[data-ready='true']")
    page.emulate_media(media="print")
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    dates = page.eval_on_selector_all(
        ".field.date dd",
        """dds => dds.map(d => {
            const text = document.createRange();
            text.selectNodeContents(d);
            const lines = text.getBoundingClientRect().height
                / parseFloat(getComputedStyle(d).lineHeight);
            return [d.textContent, lines];
        })""",
    )
    assert len(dates) >= 4
    assert [text for text, lines in dates if lines > 1.5] == []
    context.close()


HEBREW = [
    "עיריית כפר הנחל הודיעה ביום שני כי הגשר הראשי ייסגר לשישה שבועות.",
    "המהנדסים מצאו סדקים בשניים מתוך חמשת העמודים.",
    "הנהגים יופנו לדרך עוקפת באורך 14 קילומטרים.",
    "ראש מחלקת התחבורה אמרה כי הבטיחות קודמת לכל.",
    "בעלי העסקים בצד השני של הנהר אמרו כי הם חוששים מירידה במכירות.",
]


def test_a_hebrew_key_change_sits_beside_its_label(browser: Any, tmp_path: Path) -> None:
    """The key change's text filled the rest of its line, so a change set right to left
    started at the far end of a 1280 px screen, some 600 px from its paragraph number."""

    def story(texts: list[str]) -> Document:
        paragraphs = tuple(Paragraph(t, tuple(split_sentences(t))) for t in texts)
        return Document(title="סגירת הגשר", paragraphs=paragraphs, language="he")

    new = [HEBREW[0].replace("שני", "שלישי"), *HEBREW[1:3], HEBREW[3] + " אמש", HEBREW[4]]
    path = tmp_path / "he.html"
    path.write_text(
        render_comparison(compare(story(HEBREW), story(new)), generated_at="2026-11-21T10:00:00Z")
    )
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(path.as_uri())
    page.wait_for_selector("html[data-ready='true']")
    gaps = page.eval_on_selector_all(
        "ol.keys li",
        """ls => ls.map(l => {
            const text = document.createRange();  // the text itself, not its box
            text.selectNodeContents(l.querySelector('.what'));
            const link = l.querySelector('a').getBoundingClientRect();
            return text.getBoundingClientRect().left - link.right;
        })""",
    )
    assert gaps and max(gaps) < 30
    # "OLD → NEW" reads left to right, as the report's English does; each value keeps its
    # own direction (tests/browser/test_keys_bidi_browser.py).
    assert page.eval_on_selector("ol.keys .what", "e => getComputedStyle(e).direction") == "ltr"
    assert (
        page.eval_on_selector("ol.keys .what ins", "e => getComputedStyle(e).unicodeBidi")
        == "plaintext"
    )
    context.close()
