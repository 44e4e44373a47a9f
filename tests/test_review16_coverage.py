"""review16: findings on the coverage and facets rules of 7e72aca..21fd2c4 (each failed on
21fd2c4). Invented text."""

from __future__ import annotations

import pytest
from test_multi import doc

from compare import compare_many

# ------------------------------------------------------------------------- coverage helpers

_PAD = (
    "The county council said the review would be published in the spring.",
    "Residents were asked to avoid the area while crews worked through the night.",
)


def _disputes(a: tuple[str, ...], b: tuple[str, ...]) -> list[tuple[str, tuple[str, ...]]]:
    coverage = compare_many([doc(*a, *_PAD, site="A"), doc(*b, *_PAD, site="B")])
    return [
        (d.kind, tuple(value for _, value in d.values))
        for claim in coverage.claims
        for d in claim.disagreements
    ]


# ------------------------------------------------ 4291a38: disputes._rounded_from (figures)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            "The company lost about $1.2 billion last year, its filing showed.",
            "The company lost $1.3 billion last year, its filing showed.",
        ),
        (
            "Some 42 people were taken to hospital, officials said.",
            "Officials said 46 people were taken to hospital.",
        ),
    ],
)
def test_review16_an_approximate_figure_told_to_its_last_digit_is_still_disputed(
    a: str, b: str
) -> None:
    # _rounded_from lets any "about/some N" stand for anything within 10% of N, whatever
    # the precision N is told to: "about $1.2 billion" is rounded to a tenth of a billion,
    # so $1.3 billion contradicts it; "some 42" is counted to the person, so 46 does too.
    # Both were disputes before 4291a38; now coverage shows none. Expected: disputed (the
    # tolerance should follow the rounding place of N: about 300 -> +-50, about 1.2 -> +-0.05).
    assert [kind for kind, _ in _disputes((a,), (b,))] == ["number"]


# --------------------------------------------- 1811a3e: disputes._negated_alike (negation)


def test_review16_a_flip_beside_another_denial_of_the_same_verb_is_still_disputed() -> None:
    # The shape 1811a3e was meant to reach ("had not failed and no homes were flooded" /
    # "had failed and no homes were flooded"), with the other denial sharing the verb:
    # _negated_alike sees "close" governed by "not" in A and by "no" in B and calls the flip
    # "the same denial told in other words". A says the school stays open, B that it closes.
    # Expected: a negation dispute; got none.
    a = "Officials said Harlow Primary would not close on Friday and no other schools would close."
    b = "Officials said Harlow Primary would close on Friday, but no other schools would close."
    assert "negation" in [kind for kind, _ in _disputes((a,), (b,))]


# -------------------------------------------------------- c5358fb: multi._quote_split (quote)


def test_review16_a_quote_altered_beside_an_earlier_quote_is_still_disputed() -> None:
    # _quote_split accepts A's quote when it is found anywhere in the quotes of B's sentences
    # around the paired one, even when B's own paired quote takes no part in it: B reports
    # Friday's words as "not safe" and recalls Thursday's "safe" in the next sentence, and
    # the dispute over what was said on Friday vanishes (it was 'quote altered' before
    # c5358fb, and is still without B's second sentence). Expected: the quote dispute.
    a = ('"The water is safe to drink," Dana Whitlock, the utility\'s director, said on Friday.',)
    b = (
        '"The water is not safe to drink," Dana Whitlock, the utility\'s director, said on Friday.',
        'On Thursday she had told residents: "The water is safe to drink."',
    )
    assert "quote" in [kind for kind, _ in _disputes(a, b)]


# --------------------------------------------------- 689c8a7: facets/figure_patterns.py year


@pytest.mark.parametrize(
    ("a", "b", "detail"),
    [
        (
            "The hall seats 1900, and it was full on Friday.",
            "The hall seats 1200, and it was full on Friday.",
            'number: "1900" → "1200"',
        ),
        (
            "Police estimated the crowd at 2000, while organisers said 5000 marched.",
            "Police estimated the crowd at 1500, while organisers said 5000 marched.",
            'number: "2000" → "1500"',
        ),
    ],
)
def test_review16_a_count_before_a_clause_comma_is_no_year(a: str, b: str, detail: str) -> None:
    # The year pattern now takes any 1800-2099 before a comma that ends a clause as a year,
    # so a count written without a thousands comma ("seats 1900,", "at 2000,") is reported
    # as 'date removed: "1900"' plus 'number added: "1200"' (and 1900 -> 1950 as a date
    # change). Before 689c8a7: 'number: "1900" → "1200"'. Expected: the number change.
    from compare.facets import compare_sentences

    assert [c.detail for c in compare_sentences(a, b)] == [detail]
