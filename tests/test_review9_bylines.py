"""review9's byline, masthead and title tests (fix9a), with the helpers they need.

The text is invented for this project."""

from __future__ import annotations

import pytest

from compare.extract import extract
from compare.extract.chrome import is_chrome
from compare.model import Document, MediaKind, Provenance, Snapshot

BODY = [
    "The county council confirmed on Thursday that six branch libraries will open for "
    "fewer hours from June, in a move it says will save £180,000 a year.",
    "Councillor Rhiannon Bevan said the branches would still open on at least four days a "
    "week and that no staff would lose their jobs.",
    "Campaigners said they would present a petition with more than 4,000 signatures to the "
    "full council meeting next month.",
]
PARAGRAPHS = "".join(f"<p>{p}</p>" for p in BODY)


def page(body: str, head: str = "") -> str:
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        f"{head}</head><body>{body}</body></html>"
    )


def read(content: str, kind: MediaKind = "html") -> Document:
    return extract(
        Snapshot(
            content=content.encode("utf-8"),
            kind=kind,
            provenance=Provenance(spec="page", encoding="utf-8"),
        )
    )


def texts(document: Document) -> list[str]:
    return [p.text for p in document.paragraphs]


# ---------------------------------------------------------------- metadata: title / site


def test_a_site_first_title_whose_site_has_a_full_stop_keeps_its_headline() -> None:
    # No og:site_name; <title> puts the outlet first ("St. Albans Review | headline").
    # trafilatura takes the part with a full stop for the site, which is right here:
    # _title_site_fixed swaps them, making the outlet the headline and the headline the
    # outlet, and the <h1> then comes out as the story's first paragraph.
    doc = read(
        page(
            f"<article><h1>Council votes to close library</h1>{PARAGRAPHS}</article>",
            head="<title>St. Albans Review | Council votes to close library</title>"
            '<meta property="og:title" content="Council votes to close library">',
        )
    )
    assert doc.title == "Council votes to close library"
    assert doc.site_name == "St. Albans Review"
    assert texts(doc) == BODY


@pytest.mark.parametrize(
    ("shown", "head"),
    [
        ("<h1>Council votes to close library</h1>", ""),  # the <h1> alone tells
        (
            '<header><a class="site-logo" href="/"><img src="l.png" alt="St. Albans Review">'
            "</a></header><h2>Council votes to close library</h2>",
            "",
        ),  # the logo's name tells
        ("", '<meta name="twitter:title" content="Council votes to close library">'),
    ],
)
def test_an_outlet_with_a_full_stop_is_the_site_when_the_page_shows_the_other_part(
    shown: str, head: str
) -> None:
    doc = read(
        page(
            f"<article>{shown}{PARAGRAPHS}</article>",
            head="<title>St. Albans Review | Council votes to close library</title>" + head,
        )
    )
    assert (doc.title, doc.site_name) == ("Council votes to close library", "St. Albans Review")


# ---------------------------------------------------------------- chrome: too broad


def test_a_line_pointing_readers_to_an_appeal_is_no_print_masthead() -> None:
    # The print-masthead rule ("- Site - https://site.example -") takes any one to six
    # words, a dash and a web address: a story's own line for readers goes as chrome.
    line = "Donate to the Wendholm flood appeal – www.wendholmappeal.example"
    doc = read(page(f"<article><h1>Library hours cut</h1>{PARAGRAPHS}<p>{line}</p></article>"))
    assert line in texts(doc)


@pytest.mark.parametrize(
    ("line", "masthead"),
    [
        ("- Porthcarrow Times - https://www.porthcarrowtimes.example -", True),
        ("The Porthcarrow Times | www.porthcarrowtimes.example", True),
        ("Wrenfield Gazette – https://news.wrenfieldgazette.example/", True),
        ("Read the full report – https://www.wendholm.example/flood-report", False),
        ("Wendholm Flood Appeal – www.givetowendholm.example", False),
    ],
)
def test_a_print_masthead_names_the_site_its_address_is(line: str, masthead: bool) -> None:
    assert is_chrome(line) is masthead


def test_a_publishers_line_in_a_book_review_is_no_byline() -> None:
    # _POSTED_BY is read on every line of the story (not only above it, as the job-byline
    # rule is): a review's closing "Published by <publisher> on <date>, <price>" makes the
    # publisher the article's author and is dropped from the text.
    line = "Published by Harbour Books on 4 June 2026, £16.99"
    doc = read(page(f"<article><h1>The Long Tide review</h1>{PARAGRAPHS}<p>{line}</p></article>"))
    assert "Harbour Books" not in doc.authors
    assert line in texts(doc)


@pytest.mark.parametrize(
    ("above", "below"),
    [
        # A review's box of the book's details over the review.
        ("Published by Harbour Books on 4 June 2026, £16.99", ""),
        # A line of the story under its first sentence: a notice the council posted.
        ("", "Posted by Wendholm Council on 3 March 2026 and taken down a day later"),
    ],
)
def test_a_posted_by_line_is_a_byline_only_over_the_post(above: str, below: str) -> None:
    line = above or below
    doc = read(
        page(
            f"<article><h1>The Long Tide review</h1>{f'<p>{above}</p>' if above else ''}"
            f"{PARAGRAPHS}{f'<p>{below}</p>' if below else ''}</article>"
        )
    )
    assert doc.authors == ()
    assert line in texts(doc)


# ---------------------------------------------------------------- byline lines


def test_a_hard_wrapped_sentence_opening_with_by_is_not_split_at_its_line_break() -> None:
    # _split_byline_lines takes any first line "By <Capital>..." of up to 12 words that is
    # no whole sentence, over a line with a digit: a paragraph of wire copy wrapped with
    # <br> ("By Tuesday evening the water had reached the ground<br>floor of 40 homes ...")
    # becomes two paragraphs, its sentence cut in half.
    wrapped = [
        "The River Aske burst its banks early on Sunday after two days of<br>heavy rain, the "
        "county council said.",
        "By Tuesday evening the water had reached the ground<br>floor of 40 homes in the Lanes, "
        "officials said.",
        "Councillor Dev Rao said a permanent wall had been approved<br>but not funded, and "
        "residents were angry.",
    ]
    doc = read(
        page(
            "<article><h1>River bursts its banks</h1>"
            + "".join(f"<p>{p}</p>" for p in wrapped)
            + "</article>"
        )
    )
    assert (
        "By Tuesday evening the water had reached the ground floor of 40 homes in the Lanes, "
        "officials said." in texts(doc)
    )


@pytest.mark.parametrize(
    "under",
    [
        "Health correspondent, Channel 4 News",  # a role: a digit in the outlet's name
        "@annaortiz24",  # a handle with a digit
        "20 November 2026",  # a stamp that is the date alone
    ],
)
def test_what_a_byline_line_is_split_from_does_not_open_the_story(under: str) -> None:
    # _split_byline_lines splits whenever the rest has a digit, and the byline is read;
    # but the line split off stays the story's first paragraph when it is a role whose
    # outlet has a digit (da37027 says a role is not split off), a handle, or a stamp that
    # is a bare date (1f8fc61 says the stamp gives the times instead of opening the story).
    doc = read(
        page(
            f"<article><h1>Library hours cut</h1><p>By Anna Ortiz<br>{under}</p>"
            f"{PARAGRAPHS}</article>"
        )
    )
    assert doc.authors == ("Anna Ortiz",)
    assert texts(doc) == BODY


@pytest.mark.parametrize(
    "wrapped",
    [
        "By Tuesday, the water had reached the ground<br>floor of 40 homes in the Lanes.",
        "By Anna Ortiz's count the water had reached the ground<br>floor of 40 homes.",
        "By Christmas, the water had reached the ground<br>floor of 40 homes, they said.",
    ],
)
def test_a_wrapped_sentence_opening_with_by_and_a_capital_stays_one_paragraph(
    wrapped: str,
) -> None:
    doc = read(page(f"<article><h1>River bursts its banks</h1><p>{wrapped}</p>{PARAGRAPHS}"))
    assert texts(doc)[0] == wrapped.replace("<br>", " ")
    assert doc.authors == ()


@pytest.mark.parametrize(
    ("byline", "authors"),
    [
        ("By May Chen<br>@maychen", ("May Chen",)),  # a month's name may open a name
        ("By Anna Ortiz<br>anna.ortiz@ledger.example", ("Anna Ortiz",)),
        ("By Anna Ortiz<br>Follow Anna on X: @annaortiz", ("Anna Ortiz",)),
        ("By Anna Ortiz and Ben Ko<br>@annaortiz | @benko", ("Anna Ortiz", "Ben Ko")),
    ],
)
@pytest.mark.parametrize("box", ["", ' class="byline"'])
def test_a_handle_or_address_under_a_byline_goes_with_it(
    byline: str, authors: tuple[str, ...], box: str
) -> None:
    # In a box classed as a byline, trafilatura drops the names and keeps the line split
    # off them: it goes too.
    doc = read(page(f"<article><h1>Library hours cut</h1><p{box}>{byline}</p>{PARAGRAPHS}"))
    assert doc.authors == authors
    assert texts(doc) == BODY


def test_a_date_alone_under_a_byline_is_the_date_published() -> None:
    doc = read(
        page(
            "<article><h1>Library hours cut</h1><p>By Anna Ortiz<br>20 November 2026</p>"
            f"{PARAGRAPHS}</article>"
        )
    )
    assert doc.published == "2026-11-20"
    assert texts(doc) == BODY


def test_a_date_alone_over_the_story_with_no_byline_stays() -> None:
    # A timeline's first heading, say: only under a byline is a bare date its stamp.
    doc = read(page(f"<article><h1>Library hours cut</h1><h2>20 November 2026</h2>{PARAGRAPHS}"))
    assert texts(doc) == ["20 November 2026", *BODY]


@pytest.mark.parametrize(
    "credit",
    ["By Jane Doe, Staff photographer", "By Jane Doe | Photographer"],
)
def test_a_photographers_credit_over_the_story_names_no_author(credit: str) -> None:
    doc = read(page(f"<article><h1>Library hours cut</h1><p>{credit}</p>{PARAGRAPHS}"))
    assert doc.authors == ()
    assert texts(doc) == BODY
