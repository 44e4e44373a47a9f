"""The coverage Markdown keeps outlets' names and words inert: a site name or a quote that
holds Markdown or HTML shows as written, never as a link, an image or emphasis."""

from __future__ import annotations

from test_multi import doc
from test_render_markdown import to_html

from compare import compare_many
from compare.render.coverage_text import coverage_markdown

SHARED = (
    "The station was closed for four hours while officers searched the area and trains stopped.",
    "The police watchdog said it would send investigators to the scene on Wednesday morning.",
)
HOSTILE_SITES = (
    "Wire <img src=x onerror=alert(1)>",
    "Gazette *Daily* [home](javascript:alert(1))",
    "1. Courier_of_the_North | Extra",
)


def hostile_coverage_markdown() -> str:
    outlets = [
        doc(
            "A man was hurt near Eastgate station on Tuesday after reports of a knife, "
            "police said.",
            *SHARED,
            site=HOSTILE_SITES[0],
        ),
        doc(
            "Two men were hurt near Eastgate station on Tuesday after reports of a knife, "
            "police said.",
            *SHARED,
            "A witness said it was <b>terrifying</b> and *nobody* helped [see video](http://x.example).",
            site=HOSTILE_SITES[1],
        ),
        doc(
            "Three men were hurt near Eastgate station on Tuesday after reports of a knife, "
            "police said.",
            SHARED[0],
            site=HOSTILE_SITES[2],
        ),
    ]
    return coverage_markdown(compare_many(outlets), limit=None)


def test_outlets_names_and_words_are_no_markup_in_coverage_markdown() -> None:
    markdown = hostile_coverage_markdown()
    html = to_html(markdown)
    assert "<img" not in html and "<a " not in html and "<b>" not in html
    assert "<em>" not in html and "<ol>" not in html
    # Our own markup stays: the headings, the claims table and the shares table.
    assert html.count("<table>") == 2
    assert "<h2>Only in one outlet</h2>" in html
    # The names read as written, escaped for HTML.
    assert "Wire &lt;img src=x onerror=alert(1)&gt;" in html
    assert "Gazette *Daily* [home](javascript:alert(1))" in html
    assert "1. Courier_of_the_North | Extra" in html
    assert "&lt;b&gt;terrifying&lt;/b&gt; and *nobody* helped" in html
