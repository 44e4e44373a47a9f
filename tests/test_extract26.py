"""extract26 (review26's findings 3, 4, 11 and 14b): a video player's box goes whole (its
"Duration 1:32" was kept and a longer clip read as a changed time, "without a note"); a
subscription wall's own box goes with its line (its offer was kept as the last paragraph
of a page rightly read as partial); a copied page's two- or three-word section label
("Local News") over its headline is no title, while a short headline stays one; and a
reader call-out naming "our newsroom" and a map's credit are chrome. Each test fails
before its fix. The Tollmere Courier and its landslide story are written for this
project."""

from __future__ import annotations

import pytest

from compare import compare
from compare.extract import extract
from compare.extract.chrome import is_chrome
from compare.model import Document, Provenance, Snapshot

HEADLINE = "Landslide shuts Tollmere coast road for the winter"
STORY = [
    "TOLLMERE — A landslide has closed the coast road between Tollmere and Saltby Cove "
    "until at least March, the county council said on Wednesday.",
    "About 2,000 tonnes of clay slid onto the B3190 after three days of heavy rain, "
    "burying a 40-metre stretch of the carriageway near Gullet Point.",
    "Nobody was hurt, but a bus carrying 11 passengers stopped about 50 metres short of "
    "the slip shortly before it came down, the operator said.",
    "Highways engineer Maud Penhallow said the cliff above the road was still moving. "
    "\u201cWe cannot send crews in until the ground has settled,\u201d she said.",
    "Drivers face a 26-mile diversion through Pollard Cross, and the school bus to "
    "Saltby Cove will run from the village hall car park from Monday.",
    "Traders in Saltby Cove said the closure would cost them the Christmas trade. "
    "\u201cHalf our customers come along that road,\u201d said cafe owner Wenna Rowe.",
    "The council said it had spent £310,000 shoring up the same cliff in 2023 and would "
    "ask the government for emergency funding to rebuild the road.",
    "Geologists from the county's coastal team will fly a drone over the slip on Friday "
    "to map how far the ground has moved since the weekend.",
]


def page(inside: str = "", *, after: str = "", paragraphs: list[str] | None = None) -> str:
    """The Courier's article page: ``inside`` set after the story's third paragraph,
    ``after`` after its last, both in the story's box."""
    shown = [f"<p>{p}</p>" for p in (STORY if paragraphs is None else paragraphs)]
    shown.insert(3, inside)
    return f"""<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8">
<title>{HEADLINE} | The Tollmere Courier</title>
<meta property="og:title" content="{HEADLINE}">
<meta property="og:site_name" content="The Tollmere Courier">
<meta property="article:published_time" content="2026-11-25T08:10:00Z">
</head><body>
<header class="site-header"><a href="/" class="logo">The Tollmere Courier</a>
<nav><ul><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li></ul></nav>
</header>
<main>
<article class="story">
<h1>{HEADLINE}</h1>
<p class="byline">By Jory Treloar</p>
<div class="story-body">{"".join(shown)}{after}</div>
<div class="tags">Topics: <a href="/t/roads">Roads</a> <a href="/t/tollmere">Tollmere</a></div>
</article>
<aside class="related"><h2>Related</h2><ul>
<li><a href="/news/a">Ferry timetable cut for the winter months</a></li>
<li><a href="/news/b">Sea wall repairs to cost county £1.2m</a></li></ul></aside>
</main>
<footer><p>© 2026 The Tollmere Courier. All rights reserved.</p></footer>
</body></html>"""


def extracted(html: str) -> Document:
    return extract(
        Snapshot(
            content=html.encode("utf-8"),
            kind="html",
            provenance=Provenance(spec="page.html", encoding="utf-8"),
        )
    )


def pasted(text: str) -> Document:
    return extract(
        Snapshot(
            content=text.encode("utf-8"),
            kind="text",
            provenance=Provenance(spec="copied.txt", encoding="utf-8"),
        )
    )


def texts(doc: Document) -> list[str]:
    return [p.text for p in doc.paragraphs]


# ------------------------------------------------------------------ 3. a video player


def _player(duration: str, title: str = "Watch: Drone footage of the slip at Gullet Point") -> str:
    return (
        f'<div class="video-player"><p>{title}</p><p>Duration {duration}</p>'
        "<p>Tap to unmute</p></div>"
    )


def test_a_video_players_box_goes_whole_and_a_longer_clip_is_no_edit() -> None:
    old, new = extracted(page(_player("1:32"))), extracted(page(_player("2:05")))
    assert texts(old) == STORY and texts(new) == STORY
    c = compare(old, new)
    assert not c.summary.changed and c.changes == () and not c.summary.edited_without_note
    # The clip's title, which no chrome rule knows, goes with the player's clock.
    titled = extracted(page(_player("1:32", "Drone footage shows the scale of the slip")))
    assert texts(titled) == STORY


def test_a_players_clock_is_a_line_of_chrome_and_a_players_box_without_one_stays() -> None:
    assert is_chrome("Duration 1:32") and is_chrome("Video duration: 2:05")
    assert not is_chrome("The duration of the closure, 14 weeks, angered traders.")
    # A sports story's "player" box with no player's line is the story's.
    card = (
        '<div class="player-profile"><p>Ellis Marr, 24, joined from Saltby Rovers in the '
        "summer.</p><p>Duration of contract: three years</p></div>"
    )
    assert "Duration of contract: three years" in texts(extracted(page(card)))
    # The clock alone, in a box no class names a player, still goes.
    assert texts(extracted(page("<div><p>Duration 1:32</p></div>"))) == STORY


# --------------------------------------------------------------- 4. a subscription wall

OPENING = STORY[:7]


JOIN = "Join 40,000 readers who back local reporting on the coast."


@pytest.mark.parametrize(
    "wall",
    [
        '<div class="paywall"><h3>Subscribe to keep reading</h3>'
        f'<p>{JOIN} <a href="/login">Log in</a></p></div>',
        # Whatever its class, and with its line in a paragraph.
        '<div class="offer-box"><p>Subscribe to read the rest of this article</p>'
        f"<p>{JOIN}</p></div>",
    ],
)
def test_a_walls_own_box_goes_with_its_line_and_the_version_stays_partial(wall: str) -> None:
    doc = extracted(page(after=wall, paragraphs=OPENING))
    assert texts(doc) == OPENING
    assert doc.partial
    assert any("subscription wall" in warning for warning in doc.warnings)
    # Compared with the whole story, the rest is past NEW's end: no edit, no offer added.
    c = compare(extracted(page()), doc)
    assert not c.summary.changed and c.summary.unshown
    assert all(block.op != "added" for block in c.blocks)
    # The same box after the whole story, with no wall line in it, is no wall.
    offer = extracted(page(after=f'<div class="offer-box"><p>{JOIN}</p></div>'))
    assert not offer.partial and JOIN in texts(offer)


def test_an_offer_run_into_a_walls_line_is_chrome() -> None:
    assert is_chrome("Subscribe from just £1 a week. Already a subscriber?")
    assert is_chrome("Only $1 for 3 months. Already a member? Sign in.")
    # A sentence of the story's among them keeps the line.
    assert not is_chrome("The Courier costs £1 a week. Already a subscriber?")
    assert not is_chrome("Subscribe from just £1 a week. The council said parking would rise.")
    # Set as lines of the story's box, with no box of their own.
    wall = (
        "<p>Subscribe to read the rest of this article</p>"
        "<p>Subscribe from just £1 a week. Already a subscriber? <a href='/login'>Log in</a></p>"
    )
    doc = extracted(page(after=wall, paragraphs=OPENING))
    assert texts(doc) == OPENING and doc.partial


# -------------------------------------------------------- 11. a copied page's section label

STANDFIRST = "Drivers face a 26-mile diversion as engineers wait for the cliff to settle"
REST = "\n\n".join(STORY)


#: The lines under the headline of a page copied from a browser.
UNDER = f"{STANDFIRST}\nBy Jory Treloar\n25 November 2026, 08:10 GMT\n\n{REST}\n"


def _copied(first_line: str) -> str:
    return f"{first_line}\n{HEADLINE}\n{UNDER}"


def test_a_two_or_three_word_section_label_is_no_title_and_a_short_headline_is_one() -> None:
    for label in ("Local News", "UK Politics", "Crime & Courts", "Tollmere News"):
        doc = pasted(_copied(label))
        assert doc.title == HEADLINE, label
        assert label not in texts(doc) and HEADLINE not in texts(doc), label
    # A short headline over a standfirst that reads as one stays the title, its
    # standfirst the text's: a place or a storm's name, a verb, a column's name.
    for headline in ("Storm Ida", "Fire kills four", "Good News", "Gullet Point"):
        assert pasted(f"{headline}\n{UNDER}").title == headline, headline


def test_a_headline_edit_under_a_section_label_reads_as_a_headline_edit() -> None:
    old = pasted(_copied("Local News"))
    new = pasted(_copied("Local News").replace("Landslide shuts", "Landslip shuts"))
    c = compare(old, new)
    assert c.summary.headline_changed
    assert all(block.op == "equal" for block in c.blocks)


# ------------------------------------------------------- 14(b). a call-out, a map's credit

CALLOUT = "Got a story? Contact our newsroom on 01234 567890 or WhatsApp 07700 900123."
MAP = "Map data ©2026 Google"


def test_a_call_out_to_our_newsroom_and_a_maps_credit_are_chrome() -> None:
    for line in (CALLOUT, "Contact our news desk at desk@tollmerecourier.example", MAP):
        assert is_chrome(line), line
    assert is_chrome("Map data: © OpenStreetMap contributors")
    # The story's sentences that look like them stay.
    for line in (
        "Map data shows the slip now covers 40 metres of the carriageway.",
        "Residents who have a story to share can contact our newsroom, the editor said.",
        "Contact our team on 0800 555 0199 if your bus is cancelled, the operator said.",
        '"Got a story? Contact our newsroom," read the posters the paper put up in 1998.',
    ):
        assert not is_chrome(line), line
    inside = f'<p class="tip">{CALLOUT}</p><div class="map"><p>{MAP}</p></div>'
    assert texts(extracted(page(inside))) == STORY
