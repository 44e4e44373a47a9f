"""Meaning rules of the twenty-sixth session: an age is read apart from counts."""

from __future__ import annotations

import pytest

from compare.facets import compare_sentences


def _numbers(old: str, new: str) -> list[tuple[str | None, str | None]]:
    return [(c.old, c.new) for c in compare_sentences(old, new) if c.kind == "number"]


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        # The age dropped; "two people" are the man and the woman, not 34 people become two.
        (
            "Police said a man and a woman, both 34, were hurt in the crash.",
            "Police said two people were hurt in the crash.",
            [("34", None)],
        ),
        ("A man, 34, was arrested.", "A man, 43, was arrested.", [("34", "43")]),
        ("Jane Doe, 34, of Leeds, died.", "Jane Doe, 35, of Leeds, died.", [("34", "35")]),
        (
            "The boys, aged 14 and 15, were held.",
            "The boys, aged 14 and 16, were held.",
            [("15", "16")],
        ),
        ("A 34-year-old man was arrested.", "A man, 34, was arrested.", []),
        # Counts stay counts.
        ("In March, 34 people were hurt.", "In March, two people were hurt.", None),
    ],
)
def test_an_age_pairs_only_with_an_age(
    old: str, new: str, expected: list[tuple[str | None, str | None]] | None
) -> None:
    found = _numbers(old, new)
    if expected is None:
        assert found == [("34 people", "two people")]
    else:
        assert found == expected


def test_a_number_set_off_after_a_thing_is_no_age() -> None:
    # "The company, 34," is no one's age: the 34 pairs with a count as before.
    assert _numbers("The company, 34, said", "The company said 35 staff") == [("34", "35 staff")]
    # After a name it is an age, and an age does not pair with a count.
    assert _numbers("Ms Cole, 34, said", "Ms Cole said 35 staff") == [
        ("34", None),
        (None, "35 staff"),
    ]


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        # A finding turned into a suggestion, or into words said, is an attribution change.
        (
            "The drug cut deaths by 30%, the study found.",
            "The drug cut deaths by 30%, the study suggests.",
            [("changed", "the study found", "the study suggests")],
        ),
        (
            "The inquiry found that the council had failed to act.",
            "The inquiry said the council had failed to act.",
            [("changed", "The inquiry found", "The inquiry said")],
        ),
        # Things found are no one's words.
        (
            "Police found a body in the river.",
            "Police said a body was in the river.",
            [("added", None, "Police said")],
        ),
        ("Inspectors found four cracks in a beam.", "Inspectors found five cracks in a beam.", []),
        ("The inquiry failed to find any fraud.", "The inquiry found fraud.", []),
        (
            "Experts say the lines found that year were deep.",
            "Experts say the lines were deep.",
            [],
        ),
    ],
)
def test_found_attributes_a_finding_not_a_thing_found(
    old: str, new: str, expected: list[tuple[str, str | None, str | None]]
) -> None:
    found = [
        (c.action, c.old, c.new) for c in compare_sentences(old, new) if c.kind == "attribution"
    ]
    assert found == expected


@pytest.mark.parametrize(
    ("old", "new", "detail"),
    [
        (
            "The agency issued three severe flood warnings.",
            "The agency issued five severe flood warnings.",
            'number: "three severe flood warnings" → "five severe flood warnings"',
        ),
        (
            "Two new bus routes open on Monday.",
            "Three new bus routes open on Monday.",
            'number: "Two new bus routes" → "Three new bus routes"',
        ),
        (
            "Three flood warnings were issued.",
            "Four flood warnings were issued.",
            'number: "Three flood warnings" → "Four flood warnings"',
        ),
        # A noun that is no compound's: the phrase ends at the counted noun.
        ("It is a 10 minute walk.", "It is a 15 minute walk.", 'number: "10 minute" → "15 minute"'),
    ],
)
def test_a_figure_counts_through_a_noun_before_the_one_counted(
    old: str, new: str, detail: str
) -> None:
    assert [c.detail for c in compare_sentences(old, new)] == [detail]


def test_a_figure_in_a_removed_quote_is_the_quotes() -> None:
    found = [
        (c.kind, c.action, c.old)
        for c in compare_sentences('"By midnight 40 homes were flooded," she said.', None)
    ]
    assert found == [("quote", "removed", "By midnight 40 homes were flooded")]
    # Outside the quote, a figure removed is told.
    found = [
        (c.kind, c.old)
        for c in compare_sentences('"It rose fast," she said of the 40 homes flooded.', None)
    ]
    assert ("number", "40 homes") in found


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("A man was taken to hospital.", "A man has died.", ("taken to hospital", "died")),
        # The death told after the stay kept, in a clause of its own, and taken back.
        (
            "A man in his 70s was taken to hospital with hypothermia.",
            "A man in his 70s who was taken to hospital with hypothermia has died, police said.",
            ("taken to hospital", "died"),
        ),
        (
            "A man in his 70s who was taken to hospital with hypothermia has died.",
            "A man in his 70s was taken to hospital with hypothermia.",
            ("died", "taken to hospital"),
        ),
        (
            "A man was injured in the crash and taken to hospital.",
            "A man was injured in the crash and taken to hospital, where he died.",
            ("taken to hospital", "died"),
        ),
        # Another person died: no change of this one's condition.
        ("The driver was injured.", "The driver was injured and his passenger died.", None),
        (
            "The driver was taken to hospital.",
            "The driver was taken to hospital and a passenger died.",
            None,
        ),
        # Taken there in a graded condition: the condition alone is compared.
        (
            "The woman was taken to hospital in a critical condition.",
            "The woman was taken to hospital in a stable condition.",
            ("in a critical condition", "in a stable condition"),
        ),
    ],
)
def test_a_death_told_beside_a_hospital_stay_is_a_condition_changed(
    old: str, new: str, expected: tuple[str, str] | None
) -> None:
    found = [(c.old, c.new) for c in compare_sentences(old, new) if c.kind == "status"]
    assert found == ([expected] if expected else [])
