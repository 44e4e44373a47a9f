"""review9's findings on extraction: numbered galleries, a lede rewritten above a paywall,
an English windows-1252 page under a UTF-8 <meta> (fix9b); bylines, print mastheads and
titles (fix9a). The text is invented for this project."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from lxml import html as lxml_html

from compare import load
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


# ---------------------------------------------------------------- numbered galleries


def test_figures_in_bold_inside_sentences_are_no_gallery_counters() -> None:
    # "3/12" in a <b> inside a sentence is the whole text of its element, so it counted as
    # a gallery's counter "in a box of its own"; each paragraph sits in a block with its
    # photo, and both paragraphs of the match report were dropped as slides.
    doc = read(
        page(
            f"<article><h1>Hosts win by six wickets</h1>{PARAGRAPHS}"
            '<div><img src="a.jpg" alt=""><p>Smith took <b>3/12</b> as the hosts won.</p></div>'
            '<div><img src="b.jpg" alt=""><p>Jones finished with <b>2/12</b> in the second '
            "innings.</p></div></article>"
        )
    )
    assert "Smith took 3/12 as the hosts won." in texts(doc)
    assert "Jones finished with 2/12 in the second innings." in texts(doc)


def test_a_photo_essay_whose_chapters_open_with_numbered_photos_keeps_its_text() -> None:
    # Each chapter (<section>) opens with a photo numbered "1/3", "2/3", "3/3", then its
    # paragraphs. The "slide" was climbed from the counter up to the last box holding no
    # other counter: the whole <section>, text and all. Every paragraph went and the page
    # was refused as having no article.
    story = [
        (
            "The Wendholm Lanes flooded for the third time in five years on Sunday.",
            "About 60 homes took in water before the pumps arrived.",
        ),
        (
            "At St Anne's church hall, volunteers had beds ready by noon.",
            "About 140 people spent the night there, the council said.",
        ),
        (
            "By Monday the river was falling, but more rain is forecast.",
            "The Environment Agency said the barrier would be rebuilt.",
        ),
    ]
    chapters = "".join(
        f'<section class="chapter"><figure><img src="p{i}.jpg" alt=""><figcaption>'
        f'<span class="count">{i}/3</span> A street in the Lanes.</figcaption></figure>'
        f"<p>{first}</p><p>{second}</p></section>"
        for i, (first, second) in enumerate(story, 1)
    )
    doc = read(page(f"<article><h1>Third flood in five years</h1>{chapters}</article>"))
    assert texts(doc) == [p for pair in story for p in pair]


def _gallery(slides: int) -> str:
    return page(
        '<article><h1>Gallery</h1><div class="set">'
        + "".join(
            f'<div class="slide"><div class="inner"><div class="media"><img src="p{i}.jpg">'
            f'</div><div class="meta"><span class="count">{i}/{slides}</span><p>Caption {i}.'
            "</p></div></div></div>"
            for i in range(1, slides + 1)
        )
        + "</div></article>"
    )


def test_a_long_numbered_gallery_is_removed_in_linear_time() -> None:
    # _drop_numbered_galleries asked, for every counter and every box above it, whether
    # the box held any other counter (walking the other counter's ancestors): counters x
    # counters x depth, ~6 s for 600 slides. Counted once per box it is linear: four times
    # the slides take about four times the work, not sixteen.
    from timing import in_units

    from compare.extract.page import _drop_numbered_galleries

    def units(slides: int) -> float:
        trees = [lxml_html.fromstring(_gallery(slides)) for _ in range(3)]
        done = list(trees)
        _, spent = in_units(lambda: _drop_numbered_galleries(trees.pop()), repeat=3)
        assert not any(tree.xpath("//img") for tree in done)
        return spent

    units(50)  # warm up (regular expressions compiled)
    small, large = units(150), units(600)
    # Linear: ~4x. Quadratic was ~16x (and the large run alone thousands of units).
    assert large < 8 * max(small, 1.0) + 20
    assert large < 600


# ---------------------------------------------------------------- paywall opening


PAYWALL_BODY = [
    "Harlan Mills will cut 210 jobs at its paper plant on the Oskee River by the end of the "
    "year, the company said on Tuesday, blaming a slump in orders for the packaging board it "
    "makes there.",
    "The cuts amount to about a third of the plant's workforce of 610 and will fall mostly on "
    "the night shift, according to a notice the company filed with the state labour "
    "department.",
    "Plant manager Dolores Whitcomb said in a statement that demand for the board had fallen "
    "faster than anyone in the industry had expected this year.",
    "The mill, which opened in 1952, is the county's largest private employer, and the county "
    "executive said he would ask the state for retraining money.",
    "The paperworkers' union said it had not been consulted before the announcement and would "
    "seek a meeting with the company this week.",
]


LEDE = (
    "Harlan Mills, the county's largest private employer, is to shed a third of the "
    "workforce at its Oskee River paper plant before Christmas after orders for its "
    "packaging board collapsed."
)


def paywalled(above: str) -> str:
    """A page whose wall leaves ``above`` and the body's second paragraph shown, over a
    stale articleBody."""
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": "Harlan Mills to cut jobs",
        "isAccessibleForFree": False,
        "articleBody": "\n\n".join(PAYWALL_BODY),
    }
    head = (
        "<title>Harlan Mills to cut jobs</title>"
        f'<script type="application/ld+json">{json.dumps(data)}</script>'
    )
    return page(
        f'<article><h1>Harlan Mills to cut jobs</h1><div class="article-body">{above}'
        f'<p>{PAYWALL_BODY[1]}</p></div><div class="paywall"><h2>Subscribe to continue '
        "reading</h2><p>Already a subscriber? Log in</p></div></article>",
        head,
    )


def test_a_lede_rewritten_above_a_paywall_is_not_replaced_by_the_stale_body() -> None:
    # The page shows a rewritten first paragraph and the second unchanged; articleBody is
    # stale. _with_shown_opening passed over every paragraph before the first one it found
    # in the body ("a dek"), so the rewritten lede was thrown away and the stale body read:
    # the edit readers see was lost, and two fetches compared as unchanged.
    doc = read(paywalled(f"<p>{LEDE}</p>"))
    assert texts(doc)[0] == LEDE


@pytest.mark.parametrize(
    ("above", "text"),
    [
        # A dek (no sentence) over the rewritten lede is still no paragraph of the story.
        (f"<p class='dek'>A third of the night shift to go</p><p>{LEDE}</p>", [LEDE]),
        # A lede cut short ("…") does not cut the body's.
        (f"<p>{LEDE[:80]}…</p>", PAYWALL_BODY[:1]),
    ],
    ids=["dek", "cut-short"],
)
def test_what_stands_above_a_rewritten_lede_and_a_lede_cut_short(
    above: str, text: list[str]
) -> None:
    doc = read(paywalled(above))
    assert texts(doc) == [*text, *PAYWALL_BODY[1:]]


# ---------------------------------------------------------------- charsets


def test_an_english_windows_1252_page_under_a_utf8_meta_reads_pound_signs_as_pounds(
    tmp_path: Path,
) -> None:
    # A UTF-8 <meta> is passed over when every byte beyond ASCII is invalid UTF-8 and the
    # charset guessed; for an English page (lang="en") whose only such bytes are £ signs
    # and curly quotes (no accented letter) the guess was windows-1250, so "£4.2m" read
    # "Ł4.2m": a wrong figure where U+FFFD at least showed a gap.
    paragraphs = [
        *BODY[:2],
        "\u201cYes,\u201d she said of the plan, which will cost \u00a34.2m, up from \u00a33.1m.",
        BODY[2],
    ]
    path = tmp_path / "cost.html"
    path.write_bytes(
        page(
            f"<article><h1>Library hours cut</h1>{''.join(f'<p>{p}</p>' for p in paragraphs)}"
            "</article>"
        ).encode("cp1252")
    )
    doc = load(str(path))
    assert paragraphs[2] in texts(doc)


@pytest.mark.parametrize(
    ("paragraph", "lang", "charset"),
    [
        # No language named, and no letter beyond ASCII: the £ signs are windows-1252's.
        (
            "The plan will cost \u00a34.2m, up from \u00a33.1m \u2013 a rise of a third.",
            "",
            "cp1252",
        ),
        # An English page's name: one letter does not outweigh windows-1252 ("Moli\u010dre").
        (
            "Moli\u00e8re\u2019s plays return to the Globe in June, the theatre said.",
            "en",
            "cp1252",
        ),
        # A paragraph of Polish names on an English page in windows-1250 still reads so.
        (
            "Lech Wa\u0142\u0119sa met students in \u0141\u00f3d\u017a and Gda\u0144sk on "
            "Monday, his office said.",
            "en",
            "cp1250",
        ),
    ],
    ids=["no-language", "english-name", "polish-names"],
)
def test_a_single_byte_page_under_a_utf8_meta_reads_its_names_and_signs(
    tmp_path: Path, paragraph: str, lang: str, charset: str
) -> None:
    html = page(
        f"<article><h1>Library hours cut</h1><p>{paragraph}</p>{PARAGRAPHS}</article>"
    ).replace(' lang="en"', f' lang="{lang}"' if lang else "")
    if charset != "cp1252":
        html = html.replace("£", "GBP ")  # BODY's "£180,000": windows-1250 has no £
    path = tmp_path / "page.html"
    path.write_bytes(html.encode(charset))
    assert paragraph in texts(load(str(path)))


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
