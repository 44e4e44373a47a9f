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
