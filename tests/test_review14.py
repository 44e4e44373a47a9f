"""review14: findings on 2ddfa76 (review13's fixes); each fails on c7944d4."""

from __future__ import annotations

import pytest

from compare.extract.chrome import is_chrome

# ---------------------------------------------------------------- print mastheads


@pytest.mark.parametrize(
    "line",
    [
        "La Gazzetta dello Sport – www.gazzetta.it",
        "Corriere della Sera – www.corriere.it",
        "Berliner Morgenpost – www.morgenpost.de",
        "Hamburger Abendblatt – www.abendblatt.de",
        "Evening Standard – www.standard.co.uk",
        "Wendholm News Online – www.wendholmnews.example",
    ],
)
def test_review14_a_masthead_its_host_shortens_otherwise_is_still_chrome(line: str) -> None:
    # chrome._is_print_masthead now accepts a host shortened only to the words before a
    # run of _PAPER_WORDS, and returns at the first such run: a host that keeps the first
    # word ("gazzetta", "corriere"), the last ("morgenpost", "standard") or the first two
    # of three ("wendholmnews" for "Wendholm News Online") is no longer the masthead's
    # (all chrome before 2ddfa76).
    assert is_chrome(line)


# ---------------------------------------------------------------- call-outs


def test_review14_a_story_sentence_of_26_to_40_words_quoting_an_address_is_kept() -> None:
    # A 31-word sentence of the story quoting a council's notice opens "Email <address>"
    # (_TO_NEWSROOM's "e-?mail \S+@\S+"), so with _CONTACT's "@" it is a call-out now; the
    # address is the council's, not the newsroom's (kept before 2ddfa76).
    line = (
        "Email repairs@wendholm.gov.uk or call 01632 960 123 if your bin has not been emptied "
        "since the strike began, reads the notice pushed through 4,000 letterboxes across the "
        "borough on Monday morning."
    )
    assert not is_chrome(line)


# ---------------------------------------------------------------- bylines over a stamp


@pytest.mark.parametrize(
    "heading",
    [
        "By Good Friday · 3 April 2026",
        "By Boxing Day · 26 December 2026",
        "By Bonfire Night · 5 November 2026",
        "By Election Day · 3 November 2026",
    ],
)
def test_review14_a_heading_naming_a_holiday_over_a_date_is_no_byline(heading: str) -> None:
    # cleanup._is_a_name checks only the first word against _NO_NAME_WORDS: "Good Friday",
    # "Boxing Day", "Bonfire Night" ("day", "night" refused before) read as a person's
    # name, an author is invented and the line is dropped from the story (before 2ddfa76:
    # no author, the line kept as the first paragraph).
    from compare.extract import extract
    from compare.model import Provenance, Snapshot

    body = [
        "The county council confirmed on Thursday that six branch libraries will open for "
        "fewer hours from June, in a move it says will save £180,000 a year.",
        "Councillor Rhiannon Bevan said the branches would still open on at least four days "
        "a week and that no staff would lose their jobs.",
    ]
    source = "\n\n".join(["# Library hours cut", heading, *body])
    doc = extract(
        Snapshot(
            content=source.encode("utf-8"),
            kind="text",
            provenance=Provenance(spec="page", url=None, encoding="utf-8"),
        )
    )
    assert doc.authors == ()
    assert doc.paragraphs[0].text == heading


# ---------------------------------------------------------------- hedges


def test_review14_a_place_linked_to_another_place_is_no_hedge() -> None:
    # hedges._links_things now needs both ends in _LINKED_THINGS: "The village is linked to
    # the mainland" ("mainland" not in the list) is read as a hedged cause, and rewording
    # "linked" as "joined" reports a hedge removed (no change before 2ddfa76).
    from compare.facets import compare_sentences

    old = "The village is linked to the mainland by a causeway."
    new = "The village is joined to the mainland by a causeway."
    assert not compare_sentences(old, new)
    assert not compare_sentences(new, old)


# ---------------------------------------------------------------- logo <h1> in a plain <header>


@pytest.mark.parametrize(
    "top",
    [
        '<header><h1>Porthcarrow Times</h1><nav><a href="/">Home</a> <a href="/news">News</a>'
        "</nav></header><div><h2>Repairs to cost £1.8m</h2>",
        '<header><h1><a href="/">Porthcarrow Times</a></h1></header>'
        '<div class="story"><h1>Repairs to cost £1.8m</h1>',
    ],
)
def test_review14_an_outlet_name_h1_in_a_plain_site_header_is_still_a_logo(top: str) -> None:
    # metadata._is_logo_h1 no longer reads a plain <header> outside <article>/<main> as the
    # page's: the outlet's name set as the page's <h1> is taken for the headline, the
    # title and the site name swap ("Porthcarrow Times" / "Repairs to cost £1.8m"), and in
    # the second page the headline becomes the first paragraph (right before 2ddfa76).
    from test_review9_extract import PARAGRAPHS, page, read, texts

    doc = read(
        page(
            f"{top}{PARAGRAPHS}</div>",
            head="<title>Repairs to cost £1.8m | Porthcarrow Times</title>",
        )
    )
    assert doc.title == "Repairs to cost £1.8m"
    assert doc.site_name == "Porthcarrow Times"
    assert texts(doc)[0].startswith("The county council")


# ---------------------------------------------------------------- co-authors
