"""review15: findings on 01e942c, 8a6c980 and ceb3fd3 (each fails on ceb3fd3). Invented text."""

from __future__ import annotations

import pytest
from test_review9_extract import BODY, PARAGRAPHS, page, read, texts

from compare.extract.chrome import is_chrome

# ---------------------------------------------------------------- 01e942c: print mastheads


@pytest.mark.parametrize(
    "line",
    [
        "Wendholm Council News – www.wendholm.gov.uk",
        "Wendholm Police News – www.wendholm.police.uk",
        "Wendholm Post Office – www.wendholm.example",
    ],
)
def test_review15_a_line_naming_another_sites_newsletter_is_no_print_masthead(line: str) -> None:
    # _is_print_masthead now takes any run of the name's words that is a host label once any
    # word is a paper word ("news", "post") or ends like one: the run "Wendholm" is the
    # council's / police's host label, so the line pointing readers elsewhere is dropped as
    # chrome (kept before 01e942c).
    assert not is_chrome(line)


# ---------------------------------------------------------------- 01e942c: hedges


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("The road is linked to higher pollution.", "The road causes higher pollution."),
        (
            "The app is linked to depression in teenagers.",
            "The app causes depression in teenagers.",
        ),
        ("The device is linked to the burns.", "The device caused the burns."),
    ],
)
def test_review15_a_thing_linked_to_a_harm_is_still_a_hedged_claim(old: str, new: str) -> None:
    # hedges._links_things now needs only ONE end in _LINKED_THINGS and no _OUTCOMES word
    # near: harms outside that short list ("pollution", "depression", "burns") make the
    # claim of cause read as a physical link, so the hedge dropped is not reported.
    from compare.facets import compare_sentences

    assert any(c.kind == "hedge" for c in compare_sentences(old, new))


# ---------------------------------------------------------------- 01e942c: logo <h1>


def test_review15_a_story_header_with_a_breadcrumb_nav_holds_the_headline_not_a_logo() -> None:
    # metadata._is_logo_h1 reads a plain <header> holding any <nav> as the site's: a story's
    # header with its breadcrumb <nav> makes its headline <h1> a "logo", and
    # _title_site_fixed gives the headline as the site's name (Porthcarrow Times before).
    doc = read(
        page(
            '<header><nav class="breadcrumb"><a href="/">Home</a> › <a href="/news">News</a>'
            "</nav><h1>Repairs to cost £1.8m</h1><p>By Anna Ortiz</p></header>"
            f"<div>{PARAGRAPHS}</div>",
            head="<title>Repairs to cost £1.8m | Porthcarrow Times</title>",
        )
    )
    assert doc.title == "Repairs to cost £1.8m"
    assert doc.site_name == "Porthcarrow Times"
    assert texts(doc)[0].startswith("The county council")


# ---------------------------------------------------------------- 01e942c: bylines over a stamp


@pytest.mark.parametrize("names", ["Ana De La Torre", "Marie Le Conte", "Lucía Del Río"])
def test_review15_a_byline_over_its_stamp_with_a_capitalised_particle_is_read(
    names: str,
) -> None:
    # _is_a_name now checks every capitalised word against _NO_NAME_WORDS, which holds the
    # articles "de", "la", "le", "del"; a particle passes only in lower case, so a
    # capitalised one ("De La", "Le", "Del") refuses the name: no author, the byline line
    # stays as the first paragraph (read before 01e942c).
    from compare.extract import extract
    from compare.model import Provenance, Snapshot

    source = "\n\n".join(["# Library hours cut", f"By {names} · 12 November 2026", *BODY])
    doc = extract(
        Snapshot(
            content=source.encode("utf-8"),
            kind="text",
            provenance=Provenance(spec="page", url=None, encoding="utf-8"),
        )
    )
    assert doc.authors == (names,)
    assert texts(doc)[0] == BODY[0]


# ---------------------------------------------------------------- 8a6c980: posted-on time


# ---------------------------------------------------------------- 01e942c: call-outs


def test_review15_a_call_out_speaking_as_our_reporters_is_still_chrome() -> None:
    # _is_chrome_key now needs r"\bus\b" in a 26-40-word call-out: one that gives an email
    # and a WhatsApp number but says "our reporters" (no "us") is kept as the story's
    # sentence (chrome before 01e942c).
    line = (
        "Do you live in Wendholm and have you been affected by the library cuts? Email "
        "tips@wendholmgazette.example or WhatsApp 07700 900123 to share your story with our "
        "reporters in confidence today"
    )
    assert is_chrome(line)


# ---------------------------------------------------------------- ceb3fd3: place in a byline
