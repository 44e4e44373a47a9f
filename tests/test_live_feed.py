"""A live page drops its oldest updates as new ones come in: a comparison of two fetches says
so, rather than leaving the updates that fell off the page to read as deleted."""

from __future__ import annotations

from compare import compare
from compare.model import Document, Paragraph
from compare.text import split_sentences

UPDATES = [
    "The storm made landfall near Sable Point shortly after 5 a.m., the weather service said.",
    "Power is out for about 41,000 customers across three counties, the utility reported.",
    "Schools in Halden and Millhaven will stay closed on Friday, the district announced.",
    "A shelter opened at the Brixley community college gym; pets are welcome there.",
    "Firefighters rescued a family of four from a flooded car on Route 9 near the river.",
    "The governor asked residents to stay off the roads until the water goes down.",
    "That is all for tonight: our live coverage resumes at 6 a.m. with a new page.",
]


def feed(numbers: list[int], live: bool = True) -> Document:
    paragraphs = [UPDATES[n - 1] for n in numbers]
    return Document(
        paragraphs=tuple(Paragraph(p, tuple(split_sentences(p))) for p in paragraphs),
        title="Live: storm clean-up continues",
        live=live,
    )


def live_warnings(old: Document, new: Document) -> list[str]:
    return [w for w in compare(old, new).summary.warnings if "live page" in w]


def test_updates_that_fell_off_a_live_page_are_said_to_be_cut_not_deleted() -> None:
    # Newest first: two updates came in at the top, the two oldest fell off the end.
    [warning] = live_warnings(feed([5, 4, 3, 2, 1]), feed([7, 6, 5, 4, 3]))
    assert "NEW no longer shows OLD's last 2 paragraphs and has 2 new paragraphs" in warning
    # Only one side need be marked live (an older fetch read before the mark was known).
    assert live_warnings(feed([5, 4, 3, 2, 1], live=False), feed([7, 6, 5, 4, 3]))


def test_no_live_feed_warning_where_the_page_did_not_scroll() -> None:
    # Not a live page: paragraphs gone from the end are the story cut.
    assert not live_warnings(feed([5, 4, 3, 2, 1], False), feed([7, 6, 5, 4, 3], False))
    # Live, but nothing new above what was kept: the last updates were taken down.
    assert not live_warnings(feed([5, 4, 3, 2, 1]), feed([5, 4, 3]))
    # Oldest first, new updates at the end: nothing fell off.
    assert not live_warnings(feed([1, 2, 3, 4, 5]), feed([1, 2, 3, 4, 5, 6, 7]))
    # Everything replaced: no kept paragraph to be above.
    assert not live_warnings(feed([2, 1]), feed([7, 6]))


def test_the_warning_reaches_every_view() -> None:
    comparison = compare(feed([5, 4, 3, 2, 1]), feed([7, 6, 5, 4, 3]))
    from compare.render import json as render_json
    from compare.render import markdown as render_markdown
    from compare.render import text as render_text

    assert "live page drops its oldest" in render_json.comparison_bytes(comparison).decode()
    assert "live page drops its oldest" in render_markdown.comparison(comparison)
    text = render_text.comparison(comparison, width=200, color=False, context=2)
    assert "live page drops its oldest" in text
    from compare.render.html import render_comparison

    html = render_comparison(comparison, generated_at="2026-11-27T00:00:00Z")
    assert "live page drops its oldest" in html


def test_one_paragraph_fallen_off_is_named_in_the_singular() -> None:
    [warning] = live_warnings(feed([5, 4, 3, 2, 1]), feed([6, 5, 4, 3, 2]))
    assert warning.startswith("NEW no longer shows OLD's last paragraph and has 1 new paragraph")
