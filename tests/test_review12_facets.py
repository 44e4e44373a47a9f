"""review12's findings on compare/facets/: a superlative subject and a negation flip, "for the
first time" -> "for the last time", times told from now that swap, and the cost of reading
them."""

from __future__ import annotations

import pytest
from test_facets import kinds as _pairwise


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (
            "The largest landlords have paid the levy.",
            "The largest landlords have not paid the levy, which is higher this year.",
        ),
        (
            "The most senior officers have been suspended, and pay is lower this year.",
            "The most senior officers have not been suspended, and pay is lower this year.",
        ),
        (
            "The team's best players have agreed to stay.",
            "The team's best players have not agreed to stay, and wages are higher elsewhere.",
        ),
    ],
)
def test_a_subject_with_a_superlative_does_not_hide_a_negation_flip(old: str, new: str) -> None:
    # No "the worst X the region has seen" here: the superlative describes the subject, and
    # the comparative after the "not" belongs to another clause. The flip is real.
    assert [c[:2] for c in _pairwise(old, new)] == [("negation", "changed")]
    assert [c[:2] for c in _pairwise(new, old)] == [("negation", "changed")]


@pytest.mark.parametrize("other", ["last", "final"])
def test_for_the_first_time_to_for_the_last_time_is_a_change(other: str) -> None:
    old = "She played at Wembley for the first time."
    new = f"She played at Wembley for the {other} time."
    assert _pairwise(old, new) != []
    assert _pairwise(new, old) != []


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (
            "The service runs once a week, not once a day.",
            "The service runs once a day, not once a week.",
        ),
        (
            "The talks collapsed last week and resumed this week.",
            "The talks collapsed this week and resumed last week.",
        ),
    ],
)
def test_times_told_from_now_that_swap_are_changed(old: str, new: str) -> None:
    # The convention for numbers that swap: both are changed.
    assert _pairwise(old, new) != []
    assert _pairwise(new, old) != []


class _Sliced(str):
    """A text that counts the characters of the slices taken of it."""

    taken = 0

    def __getitem__(self, key):  # type: ignore[no-untyped-def]
        got = super().__getitem__(key)
        _Sliced.taken += len(got)
        return got


def test_times_told_from_now_are_read_in_linear_time() -> None:
    # "two times two times ... daily": for each "times", _relative_times splits the whole
    # sentence before it to find its count, n * n / 20 characters (compare_sentences of a
    # 40,000-character sentence with "daily" -> "weekly": about 11 s, 0.0 s before facets4).
    # A count, no clock: the characters sliced stay a few times the sentence's.
    from compare.facets.figures import _relative_times, _token_set  # type: ignore[attr-defined]

    text = "two times " * 1000 + "daily."
    lower = _Sliced(text.lower())
    _Sliced.taken = 0
    _relative_times(text, text, lower, _token_set(text.lower()))
    assert _Sliced.taken <= 20 * len(text), _Sliced.taken


def test_a_superlative_without_its_noun_still_says_what_a_not_says() -> None:
    # The noun left out after the superlative ("the strongest [storm] the island has seen").
    old = "The storm was the strongest the island has seen in decades."
    new = "The island has not seen a storm this strong in decades."
    assert _pairwise(old, new) == []
    assert _pairwise(new, old) == []
