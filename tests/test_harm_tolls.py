"""What a sentence tells befell people: tolls an earlier rule miscounted or dropped."""

from __future__ import annotations

import pytest

from compare import claimwords, disputes, multi


def _sentence(text: str) -> claimwords._Sentence:
    norm, tokens, numbers, quotes, negated, plain = multi._features(text)
    return claimwords._Sentence(0, 0, 0, 0, text, norm, tokens, numbers, quotes, negated, plain)


@pytest.mark.parametrize(
    ("sentence", "counted"),
    [
        # The figure of a harm word that did not befall anyone is no toll's figure.
        ("Three workers were nearly killed and two died.", {"killed": "2"}),
        ("Three people could have been killed, but one was killed.", {"killed": "1"}),
        # A figure and a harm word before a place, a day or a clause are a toll.
        ("Two killed overnight.", {"killed": "2"}),
        ("Two killed yesterday in the crash.", {"killed": "2"}),
        ("Two dead near Lyon.", {"killed": "2"}),
        ("Two dead following crash.", {"killed": "2"}),
        ("Two dead including a child.", {"killed": "2"}),
        # Hurt by something that moves or answers is still hurt.
        ("Twelve people were hurt by the police move to clear the square.", {"injured": "12"}),
        ("Three officers were hurt by stones thrown in response.", {"injured": "3"}),
    ],
)
def test_review8_tolls(sentence: str, counted: dict[str, str]) -> None:
    assert disputes._harm_said(_sentence(sentence))[1] == counted
