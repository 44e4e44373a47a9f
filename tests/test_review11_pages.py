"""review11's findings on fix9b's extraction (a standfirst over a lede rewritten above a
paywall; a photo essay with one paragraph a chapter). The text is invented for this
project."""

from __future__ import annotations

import pytest
from test_review9_extract import LEDE, PAYWALL_BODY, page, paywalled, read, texts

# ---------------------------------------------------------------- paywall opening


def test_review11_a_standfirst_sentence_over_a_rewritten_lede_is_no_paragraph_of_the_story() -> (
    None
):
    # Behind a wall, the page shows a standfirst that is a sentence, the lede and the second
    # paragraph over articleBody. With the lede as the body has it, the standfirst is passed
    # over (a dek); with the lede rewritten, _with_shown_opening keeps every sentence shown
    # above the second paragraph in place of the body's lede, the standfirst too: a
    # comparison of the two fetches reports it as a paragraph added.
    dek = "Union leaders say the night shift will bear the brunt of the cuts."
    stale = read(paywalled(f"<p class='standfirst'>{dek}</p><p>{PAYWALL_BODY[0]}</p>"))
    assert dek not in texts(stale)
    fresh = read(paywalled(f"<p class='standfirst'>{dek}</p><p>{LEDE}</p>"))
    assert texts(fresh) == [LEDE, *PAYWALL_BODY[1:]]


def _described(above: str, description: str) -> str:
    """A paywalled page whose meta description is ``description``."""
    return paywalled(above).replace(
        "<title>", f'<meta name="description" content="{description}"><title>', 1
    )


_DEK = "Union leaders say the night shift will bear the brunt of the cuts."


@pytest.mark.parametrize(
    ("content", "text"),
    [
        # The reviewer's related risk: a standfirst sentence alone over the second paragraph
        # does not replace the body's lede, which the page does not show.
        (paywalled(f"<p class='standfirst'>{_DEK}</p>"), PAYWALL_BODY),
        # A line that is the description stays: it is so often the lede itself (an
        # unclassed standfirst over a rewritten lede stays too: see review13's test).
        (_described(f"<p>{LEDE}</p>", LEDE), [LEDE, *PAYWALL_BODY[1:]]),
    ],
    ids=["standfirst-alone", "description-is-lede"],
)
def test_a_standfirst_above_a_paywall_stands_for_no_paragraph_of_the_body(
    content: str, text: list[str]
) -> None:
    assert texts(read(content)) == text


# ---------------------------------------------------------------- numbered galleries


def test_review11_a_photo_essay_with_one_paragraph_a_chapter_keeps_its_text() -> None:
    # fix9b keeps "the text around a numbered photo (a photo essay's chapter)" only when a
    # chapter has two paragraphs or more: the climb stops at a box with two of prose, so a
    # <section> holding its photo and one paragraph is a "slide", and every chapter goes
    # (the page is refused as having no article).
    story = [
        "The Wendholm Lanes flooded for the third time in five years on Sunday, and about 60 "
        "homes took in water.",
        "At St Anne's church hall, volunteers had beds ready by noon for about 140 people.",
        "By Monday the river was falling, but the Environment Agency said more rain is forecast.",
    ]
    chapters = "".join(
        f'<section class="chapter"><figure><img src="p{i}.jpg" alt=""><figcaption>'
        f'<span class="count">{i}/3</span> A street in the Lanes.</figcaption></figure>'
        f"<p>{text}</p></section>"
        for i, text in enumerate(story, 1)
    )
    doc = read(page(f"<article><h1>Third flood in five years</h1>{chapters}</article>"))
    assert texts(doc) == story


_LONG_CHAPTERS = [
    "The Wendholm Lanes flooded for the third time in five years on Sunday, when the Oskee "
    "burst its banks below the old mill after two days of rain, and about 60 homes on the "
    "three streets nearest the water took in as much as a metre of it before the pumps came.",
    "At St Anne's church hall, volunteers from the parish and the rugby club had camp beds, "
    "blankets and hot food ready by noon, and about 140 people spent the night there while "
    "the fire service went from door to door checking on those who had chosen to stay.",
]


def test_a_chapter_with_no_figure_keeps_a_paragraph_longer_than_a_caption() -> None:
    # No <figure> to tell the photo's caption from the story: a paragraph of more words
    # than a caption runs to is the story's, and the climb stops below its box.
    chapters = "".join(
        f'<div class="chapter"><img src="p{i}.jpg" alt=""><div class="count">{i}/2</div>'
        f"<p>{text}</p></div>"
        for i, text in enumerate(_LONG_CHAPTERS, 1)
    )
    doc = read(page(f"<article><h1>Third flood in five years</h1>{chapters}</article>"))
    assert texts(doc) == _LONG_CHAPTERS


def test_a_gallery_of_figures_with_sentences_for_captions_still_goes() -> None:
    # A caption that is a sentence, inside the numbered figure, is the slide's own.
    slides = "".join(
        f'<div class="slide"><figure><img src="g{i}.jpg" alt=""><figcaption>'
        f'<span class="count">{i}/3</span> Volunteers carried sandbags to the Lanes on '
        f"Sunday.</figcaption><p>Photograph by the Gazette staff on the day.</p></figure></div>"
        for i in range(1, 4)
    )
    doc = read(
        page(
            f"<article><h1>Third flood in five years</h1><p>{_LONG_CHAPTERS[0]}</p>"
            f'<div class="set">{slides}</div><p>{_LONG_CHAPTERS[1]}</p></article>'
        )
    )
    assert texts(doc) == _LONG_CHAPTERS
