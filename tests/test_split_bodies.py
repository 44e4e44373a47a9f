"""A story's text that its page splits into boxes of the same class round an advert, a
sign-up box or a figure is read whole (the paragraphs after the split were lost: a later
version seemed to remove them). Pages written for this project."""

from __future__ import annotations

import pytest
from test_extract import snapshot
from test_user21 import _BUS_STORY, _bus_page

from compare.extract import extract

SECOND_PART = [
    "The council said a second consultation on night services would open in May and run "
    "for six weeks.",
    "Passenger groups said they would respond to both consultations and urged riders to do "
    "the same.",
]
REST = "<div class='article-body'>" + "".join(f"<p>{p}</p>" for p in SECOND_PART) + "</div>"


@pytest.mark.parametrize(
    "between",
    [
        "<div class='ad-slot'><div class='ad-label'>Advertisement</div></div>",
        "<div class='ad'></div>",
        "<div class='newsletter-signup'><p>Sign up for our daily email</p></div>",
        "<figure><img src='depot.jpg'><figcaption>Buses at the depot</figcaption></figure>",
        "",  # one text in two boxes side by side
    ],
)
def test_a_story_split_into_boxes_of_one_class_is_read_whole(between: str) -> None:
    document = extract(snapshot(_bus_page(after_body=between + REST)))
    assert [p.text for p in document.paragraphs] == [*_BUS_STORY, *SECOND_PART]


def test_boxes_of_another_class_or_prose_between_stay_apart() -> None:
    # A box of another class after the story is no part of it; nor is a box of the same
    # class past a paragraph of other prose (a reader's letter set between).
    other = (
        "<div class='related-body'><p>Read more: how Northgate's bus network was cut back "
        "over ten years of falling subsidies</p></div>"
    )
    document = extract(snapshot(_bus_page(after_body=other)))
    assert [p.text for p in document.paragraphs] == list(_BUS_STORY)
    letter = (
        "<div class='reader-letter'><p>A reader writes that the fares were already the "
        "highest in the region last year.</p></div>"
    )
    document = extract(snapshot(_bus_page(after_body=letter + REST)))
    assert [p.text for p in document.paragraphs] == list(_BUS_STORY)


STORY = (
    "Two kayakers were rescued by the lifeboat crew on Sunday after being swept out to sea "
    "near the point, the coastguard said.",
    "The pair, both in their twenties, were treated for hypothermia at the scene and taken to "
    "hospital as a precaution.",
    "The coxswain said they had been very lucky that a walker saw them and raised the alarm.",
)
COMMENTS = (
    "Posted by seadog77: Another rescue paid for by donations while the council cuts the "
    "harbour budget again.",
    "Posted by Marie L: Well done to the crew, out in all weathers and never thanked enough.",
)
NEXT_STORY = (
    "A primary school in the north of the town has been rated outstanding for the first time "
    "in its history.",
    "Inspectors praised its reading programme and the way staff support pupils with special needs.",
)


def boxes(*texts: str) -> str:
    return "<div class='text'>" + "".join(f"<p>{t}</p>" for t in texts) + "</div>"


@pytest.mark.parametrize(
    ("between", "after"),
    [
        # Readers' comments, each in a box of the story's class, after a share bar.
        ("<div class='share-tools'></div>", "".join(boxes(c) for c in COMMENTS)),
        # The next story of an endless page, after a rule or an empty rail.
        ("<hr>", boxes(*NEXT_STORY)),
        ("<aside></aside>", boxes(*NEXT_STORY)),
    ],
)
def test_comments_and_the_next_story_in_boxes_of_the_same_class_stay_out(
    between: str, after: str
) -> None:
    page = (
        "<!doctype html><html><head><title>Lifeboat crew rescue two kayakers</title>"
        "<meta property='og:site_name' content='Orvane Post'></head><body><div id='main'>"
        f"<h1>Lifeboat crew rescue two kayakers</h1>{boxes(*STORY)}{between}{after}"
        "</div></body></html>"
    )
    document = extract(snapshot(page))
    assert [p.text for p in document.paragraphs] == list(STORY)
