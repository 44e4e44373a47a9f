"""extract20b: a byline box's call to subscribe or follow is no part of the name, an audio
version's notice and a reading time between the headline and the standfirst are chrome, a
standfirst box above the headline is read, and a page drawn by JavaScript gives its JSON-LD
description as the standfirst. Each test fails before the fix. The pages are
test_extract20's local paper (written for this project) with the pieces changed."""

from __future__ import annotations

import json

import pytest
from test_extract20 import HEADLINE, STANDFIRST, STORY, extracted, outlet_page, texts

from compare.extract.chrome import is_chrome

# ----------------------------------------------------------------- 1. a byline's calls

NELL = '<a href="/authors/nell-quigley">Nell Quigley</a>'
SAM = '<a href="/authors/sam-hale">Sam Hale</a>'


@pytest.mark.parametrize(
    ("byline", "authors"),
    [
        (
            f"By {NELL} <a class='follow' href='/newsletters/nell'>Subscribe to Nell's "
            "newsletter</a>",
            ("Nell Quigley",),
        ),
        # No link to her page: the call is told by its words and the box alone.
        (
            "By Nell Quigley <a href='/newsletters/nell'>Sign up to Nell's newsletter</a>",
            ("Nell Quigley",),
        ),
        (f"By {NELL} <a href='https://x.example/nellq'>Follow Nell on X</a>", ("Nell Quigley",)),
        (f"By {NELL} <button class='follow-btn'>Follow</button>", ("Nell Quigley",)),
        (
            f"By {NELL} and {SAM} <a href='/newsletters/nell'>Subscribe to Nell's newsletter</a>",
            ("Nell Quigley", "Sam Hale"),
        ),
        # A surname that is a call's first word stays: the box reads the name, then the call.
        (
            "By Nell Quigley and Sam Read <a href='/more'>Read more</a>",
            ("Nell Quigley", "Sam Read"),
        ),
    ],
)
def test_a_bylines_call_to_subscribe_or_follow_is_no_part_of_the_name(
    byline: str, authors: tuple[str, ...]
) -> None:
    # trafilatura ran the link's first word into the name: "Nell Quigley Subscribe".
    assert extracted(outlet_page(byline=byline)).authors == authors
