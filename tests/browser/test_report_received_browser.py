"""The HTML report as received by an editor who did not run storydiff: opened from an
e-mail on a phone or a laptop, read with the keyboard, printed."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from test_report_browser import open_report

from compare import compare, load
from compare.render.html import render_comparison

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"


@pytest.fixture(scope="module")
def shooting_report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The police-shooting fixture: seven key changes, dates with a zone offset."""
    story = FIXTURES / "police-shooting-update"
    comparison = compare(load(str(story / "v1.html")), load(str(story / "v2.html")))
    path = tmp_path_factory.mktemp("received") / "shooting.html"
    path.write_text(render_comparison(comparison, generated_at="2026-11-28T06:00:00Z"))
    return path


@pytest.mark.parametrize(
    ("width", "height", "keys_in_view"), [(375, 812, 4), (1280, 800, 7)], ids=["phone", "laptop"]
)
def test_the_first_screen_says_what_changed_and_how_much(
    browser: Any, shooting_report: Path, width: int, height: int, keys_in_view: int
) -> None:
    """On a phone the first screen held the toolbar, the headline and the OLD card's
    metadata: the similarity and the key changes were two screens down. On a laptop the
    fourth key change was cut by the bottom of the screen."""
    context, page, _ = open_report(
        browser, shooting_report, viewport={"width": width, "height": height}
    )
    assert page.locator(".gist").bounding_box()["y"] < height / 2
    bottoms = page.eval_on_selector_all(
        "ol.keys > li", "items => items.map(i => i.getBoundingClientRect().bottom)"
    )
    assert len(bottoms) == 7
    assert sum(bottom <= height for bottom in bottoms) >= keys_in_view
    context.close()


def test_a_date_with_a_zone_offset_breaks_between_the_day_and_the_time_on_a_phone(
    browser: Any, shooting_report: Path
) -> None:
    """ "2026-05-19T19:20:00+01:00" broke as "2026-05-" over "19T19:20:00+01:00"."""
    context, page, _ = open_report(browser, shooting_report, viewport={"width": 375, "height": 812})
    lines = page.eval_on_selector_all(
        ".field.date dd time",
        """times => times.map(t => [...t.querySelectorAll('.whole')].map(part => {
            const text = document.createRange();
            text.selectNodeContents(part);
            return text.getClientRects().length;
        }))""",
    )
    assert lines and all(parts == [1, 1] for parts in lines), lines
    context.close()


def _ring(page: Any, selector: str) -> tuple[str, str, str]:
    return page.eval_on_selector(
        selector,
        "e => { const s = getComputedStyle(e);"
        " return [s.outlineStyle, s.outlineWidth, s.outlineColor]; }",
    )


def test_the_change_moved_to_with_enter_on_next_is_ringed(
    browser: Any, shooting_report: Path
) -> None:
    """Enter on Next keeps the focus on the button and marks the change: its mark, a 4 px
    bar inside the row, lay under the cells' own coloured borders, and nothing showed
    which of the paragraphs on screen was "Change 3 of 5"."""
    context, page, _ = open_report(browser, shooting_report)
    page.get_by_role("button", name="Next").focus()
    for _ in range(3):
        page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.dataset.action") == "next"
    style, width, colour = _ring(page, ".row.current")
    assert (style, width) == ("solid", "3px")
    assert colour == "rgb(176, 120, 0)"  # --current, 3.6:1 on the page (the CSS tests)
    # On paper no ring: the reader's place on screen is no part of the story.
    page.emulate_media(media="print")
    assert _ring(page, ".row.current")[0] == "none"
    context.close()


@pytest.mark.parametrize(("width", "shown"), [(1280, True), (375, False)], ids=["laptop", "phone"])
def test_the_keys_for_next_and_previous_are_shown_on_their_buttons(
    browser: Any, shooting_report: Path, width: int, shown: bool
) -> None:
    """j and k were said only in a tooltip: a reader sent the file, with no README, using
    the keyboard, never saw them. A phone has no such keys and shows none."""
    context, page, _ = open_report(
        browser, shooting_report, viewport={"width": width, "height": 800}
    )
    for name, key in (("Next", "j"), ("Previous", "k")):
        button = page.get_by_role("button", name=name, exact=True)
        assert button.get_attribute("aria-keyshortcuts") == key
        assert button.locator("kbd").is_visible() is shown
        if shown:
            assert button.locator("kbd").inner_text() == key
    page.keyboard.press("j")
    assert page.locator(".position").inner_text().startswith("Change 1 of")
    context.close()


@pytest.mark.parametrize("javascript", [True, False], ids=["script", "no-script"])
def test_on_a_phone_the_column_head_names_both_outlets_when_they_differ(
    browser: Any, tmp_path: Path, javascript: bool
) -> None:
    """The unified view's head read "Old → New · The Daily Ledger" for a wire story against
    the Ledger's rewrite: both sides seemed the Ledger's. Two outlets get a line each; one
    outlet keeps its one line."""
    story = FIXTURES / "wire-harbour-fire"
    comparison = compare(load(str(story / "wire.html")), load(str(story / "outlet-b.html")))
    path = tmp_path / "wire.html"
    path.write_text(render_comparison(comparison, generated_at="2026-11-28T06:00:00Z"))
    context = browser.new_context(
        viewport={"width": 375, "height": 812}, java_script_enabled=javascript
    )
    page = context.new_page()
    page.goto(path.as_uri())
    head = page.locator(".cols").inner_text().lower().split("\n")
    assert head == ["old · meridian press", "new · the daily ledger"]
    same = replace(comparison, new=replace(comparison.new, site_name="Meridian Press"))
    path.write_text(render_comparison(same, generated_at="2026-11-28T06:00:00Z"))
    page.goto(path.as_uri())
    assert page.locator(".cols").inner_text().lower() == "new · meridian press"
    before = "getComputedStyle(document.querySelector('.cols .new'), '::before').content"
    assert page.evaluate(before) == '"Old → "'
    context.close()


def test_on_a_phone_the_sticky_row_is_what_the_page_leaves_room_for(
    browser: Any, shooting_report: Path
) -> None:
    """On a phone the toolbar is laid out as its rows (no box of its own): the room kept
    under it (--bar-h) measured the toolbar, 0, while its Previous/Next row stuck 43 px
    over the change gone to."""
    context, page, _ = open_report(browser, shooting_report, viewport={"width": 375, "height": 812})
    room, row = page.evaluate(
        """() => [getComputedStyle(document.documentElement).getPropertyValue('--bar-h'),
                  document.querySelector('.toolbar .group.nav').offsetHeight]"""
    )
    assert row > 0 and room == f"{row}px", (room, row)
    page.click("[data-action='next']")
    top = page.eval_on_selector(".current", "e => e.getBoundingClientRect().top")
    assert top >= row, (top, row)  # not under the sticky row
    context.close()
