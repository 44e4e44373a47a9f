"""review11's findings on fix9b's extraction (a standfirst over a lede rewritten above a
paywall; a photo essay with one paragraph a chapter). The text is invented for this
project."""

from __future__ import annotations

import pytest
from test_review9_extract import LEDE, PAYWALL_BODY, paywalled, read, texts

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
        # The description over a rewritten lede, unclassed, is the standfirst too...
        (_described(f"<p>{_DEK}</p><p>{LEDE}</p>", _DEK), [LEDE, *PAYWALL_BODY[1:]]),
        # ... but alone it is the lede, which the description is so often written from.
        (_described(f"<p>{LEDE}</p>", LEDE), [LEDE, *PAYWALL_BODY[1:]]),
    ],
    ids=["standfirst-alone", "description-over-lede", "description-is-lede"],
)
def test_a_standfirst_above_a_paywall_stands_for_no_paragraph_of_the_body(
    content: str, text: list[str]
) -> None:
    assert texts(read(content)) == text
