"""Fixes after session 26's read-only review of the session's own changes: a wall's box
does not swallow the story's paragraphs beside it; a short headline ending in a section's
word stays the title; a story sentence that opens "... imagery copyright" stays; one page's
address written two ways (a feed's utm_* tags) is no other address to track and history."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from test_extract26 import HEADLINE, UNDER, extracted, page, pasted, texts
from test_ops26 import _copy_page, run

from compare.extract.chrome import is_chrome
from compare.facets import compare_sentences

FADED = "Residents of Gullet Lane said they had heard the bank crack in the small hours."
WALL = (
    '<div class="paywall"><h3>Subscribe to read the rest of this article</h3>'
    "<p>Subscribe from just £1 a week. Already a subscriber? <a href='/login'>Log in</a></p>"
    "</div>"
)


def test_a_paragraph_faded_out_in_one_box_with_the_wall_stays_and_the_offer_goes() -> None:
    doc = extracted(page(after=f'<div class="article-fade"><p>{FADED}</p>{WALL}</div>'))
    assert doc.partial
    assert texts(doc)[-1] == FADED
    assert not any("Subscribe" in t for t in texts(doc))


def test_a_short_headline_ending_in_a_sections_word_stays_the_title() -> None:
    for headline in ("Devastating News", "Farewell, Football", "Tragic News"):
        assert pasted(f"{headline}\n{UNDER}").title == headline, headline
    # A place's name the story names mid-sentence still makes a label of it.
    doc = pasted(f"Tollmere News\n{HEADLINE}\n{UNDER}")
    assert doc.title == HEADLINE


def test_only_a_maps_credit_with_its_sign_or_year_is_chrome() -> None:
    assert is_chrome("Map data copyright 2026 Google")
    assert is_chrome("Imagery (c) 2026 Maxar")
    assert not is_chrome("Satellite imagery copyright claims have risen sharply, lawyers said.")


def test_a_feeds_link_to_the_page_is_the_pages_own_address(
    http: HTTPServer, tmp_path: Path
) -> None:
    # Tracked from a feed's link, then from the page's address, as the newsroom takes its
    # correction down: no lagging copy, and history names no other address.
    page_url = http.url_for("/news/crane.html")
    for note in (True, False):
        http.expect_ordered_request("/news/crane.html").respond_with_data(
            _copy_page(page_url, "Varrick Lines", "2026-04-08T10:00:00Z", note=note),
            content_type="text/html; charset=utf-8",
        )
    db = str(tmp_path / "v.db")
    for address in (f"{page_url}?utm_source=rss&utm_medium=feed", page_url):
        assert run("track", address, "--db", db, "--delay", "0")[0] == 0
    code, out, _ = run("history", page_url, "--db", db, "--format", "json")
    assert code == 0
    versions = json.loads(out)["versions"]
    assert len(versions) == 2
    assert [v["fetched_from"] for v in versions] == [None, None]
    assert not any(
        "lags the page" in w for v in versions for w in (v["changes"] or {}).get("warnings", [])
    )
    assert "correction removed" in run("history", page_url, "--db", db, "--width", "200")[1]
    # The timeline reads the address as history does: no "from ..." for the feed's link.
    report = tmp_path / "timeline.html"
    assert run("timeline", page_url, "--db", db, "-o", str(report))[0] == 0
    assert 'class="from"' not in report.read_text(encoding="utf-8")


# ---- the meaning layer's review -------------------------------------------------------------


@pytest.mark.parametrize(
    "new",
    [
        "A man was injured in the crash on the A40 on Friday, which killed two others.",
        "A man was injured in the crash on the A40 on Friday and Ms Patel died.",
        "A man was injured in the crash on the A40 on Friday and a 12-year-old died.",
        "A man was injured in the crash on the A40 on Friday and another died.",
        "A man was injured in the crash on the A40 on Friday and his dog died.",
    ],
)
def test_a_death_told_of_another_is_no_change_of_this_ones_condition(new: str) -> None:
    old = "A man was injured in the crash on the A40 on Friday."
    assert [c for c in compare_sentences(old, new) if c.kind == "status"] == []


def test_a_death_suffered_later_is_this_ones() -> None:
    found = compare_sentences(
        "The driver was injured.", "The driver was injured and was later killed."
    )
    # (Told joined, as "injured and later died" is, since session 27.)
    assert [(c.old, c.new) for c in found if c.kind == "status"] == [
        ("injured", "injured and was later killed")
    ]


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        # A list of ages: the 12 victims are a count, not the third age.
        (
            "The victims, aged 7, 9 and 12, were named.",
            "The 12 victims were named.",
            [("7", None), ("9", None), ("12", None), (None, "12 victims")],
        ),
        (
            "Aged 14 and 15, the boys were held.",
            "Aged 14 and 16, the boys were held.",
            [("15", "16")],
        ),
        # The sentence's first word is no name: "Houses, 40," counts houses.
        ("Houses, 40, were destroyed.", "In all, 45 houses were destroyed.", [("40", "45 houses")]),
    ],
)
def test_ages_in_lists_and_no_first_word_for_a_name(
    old: str, new: str, expected: list[tuple[str | None, str | None]]
) -> None:
    found = [(c.old, c.new) for c in compare_sentences(old, new) if c.kind == "number"]
    assert found == expected


def test_found_that_so_is_no_finding() -> None:
    assert [
        c
        for c in compare_sentences(
            "She found that hard to believe.", "She found it hard to believe."
        )
        if c.kind == "attribution"
    ] == []


@pytest.mark.parametrize(
    ("text", "name", "named"),
    [
        ("Police said the road was shut.", "police", True),
        ("The police_said line", "police", False),
        ("Impolice said", "police", False),
        ("A spokesman for West Yorkshire Police said", "West Yorkshire Police", True),
        ("Ms Reyes, the minister, said", "reyes", True),
        ("Nothing here", "reyes", False),
        ("reyes", "Reyes", True),
    ],
)
def test_a_source_is_named_only_as_whole_words_in_any_case(
    text: str, name: str, named: bool
) -> None:
    from compare.facets.document import _names_whole

    assert _names_whole(text, name) is named


def test_a_figure_still_told_after_text_that_lowers_longer_is_found() -> None:
    # "İ" lowers to two characters: NEW's offsets must find their sentence all the same.
    from test_align import doc

    from compare import compare

    turkish = "Ferries from İzmir, İstanbul and İskenderun were held in port. " * 40
    lede = "The ferry struck the quay at Dunmarsh on Friday, and twelve cars were damaged."
    tail = "The harbour will reopen on Monday, the port authority said."
    old = doc(turkish, lede, "Twelve cars were damaged in all.", tail)
    new = doc(turkish, lede, tail)
    assert [c for c in compare(old, new).changes if c.kind == "paragraph"] == []
