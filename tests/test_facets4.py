"""facets4: the same value written two ways, units as written, times told from now, a clause
dropped with its negation, and "for the first time"."""

from __future__ import annotations

import pytest
from test_facets import kinds as pairwise

from compare import compare
from compare.facets import compare_sentences
from compare.model import Document, Paragraph
from compare.text import split_sentences

Told = list[tuple[str, str, str | None, str | None]]


def whole(old: str, new: str) -> Told:
    """The changes of a full comparison of two short stories that differ in one sentence."""
    lead = "Officials in Carrow met on Tuesday to review the figures."
    tail = "A further report is due before the end of the season."

    def doc(text: str) -> Document:
        paragraphs = (lead, text, tail)
        return Document(
            paragraphs=tuple(Paragraph(p, tuple(split_sentences(p))) for p in paragraphs),
            title="Figures reviewed in Carrow",
        )

    return [(c.kind, c.action, c.old, c.new) for c in compare(doc(old), doc(new)).changes]


SAME_VALUE = [
    (
        "The bank cut its rate by a quarter of a percentage point.",
        "The bank cut its rate by 0.25 percentage points.",
    ),
    (
        "The bank cut its rate by half a percentage point.",
        "The bank cut its rate by 0.5 percentage points.",
    ),
    # A point's part without its "a": "a quarter point", "a half-point".
    ("The bank cut its rate by a quarter point.", "The bank cut its rate by 25 basis points."),
    ("The bank cut its rate by a half-point.", "The bank cut its rate by half a point."),
    ("Police arrived within 30 minutes.", "Police arrived within half an hour."),
    ("Two-thirds of residents voted yes.", "About 66% of residents voted yes."),
    (
        "Sea levels could rise by a metre in 50 years.",
        "Sea levels could rise by a metre in half a century.",
    ),
    ("The match ended goalless.", "The match ended 0-0."),
]


@pytest.mark.parametrize(("old", "new"), SAME_VALUE)
def test_the_same_value_written_two_ways_is_no_change(old: str, new: str) -> None:
    assert pairwise(old, new) == []
    assert pairwise(new, old) == []
    assert whole(old, new) == []


def test_another_value_written_as_a_part_of_a_unit_is_still_a_change() -> None:
    assert pairwise("Police arrived within 25 minutes.", "Police arrived within half an hour.") == [
        ("number", "changed", "25 minutes", "half an hour")
    ]
    assert pairwise("Police arrived within half a day.", "Police arrived within half an hour.")
    assert pairwise("Half of residents voted yes.", "About 66% of residents voted yes.")
    # A share cut short is the same, but one a point past it is not.
    assert pairwise("Two-thirds of residents voted yes.", "About 65% of residents voted yes.")
    assert pairwise(
        "The bank cut its rate by a quarter of a percentage point.",
        "The bank cut its rate by 0.5 percentage points.",
    ) == [("number", "changed", "a quarter of a percentage point", "0.5 percentage points")]
    assert pairwise("The match ended 1-1.", "The match ended goalless.")
    # The whole "a quarter point" is the figure, not "a quarter" of something.
    assert pairwise(
        "The bank cut its rate by a quarter point.", "The bank cut its rate by half a point."
    ) == [("number", "changed", "a quarter point", "half a point")]


def test_a_unit_per_another_written_out_is_shown_whole() -> None:
    assert pairwise("The limit is 70mph.", "The limit is 70 km an hour.") == [
        ("number", "changed", "70mph", "70 km an hour")
    ]
    assert whole("The limit is 70mph.", "The limit is 70 km an hour.") == [
        ("number", "changed", "70mph", "70 km an hour")
    ]
    assert pairwise("The limit is 70 km an hour.", "The limit is 70 miles per hour.") == [
        ("number", "changed", "70 km an hour", "70 miles per hour")
    ]


@pytest.mark.parametrize(
    ("old", "new", "label"),
    [
        ("The ship sank last week.", "The ship sank last month.", "date"),
        ("Take the pill once a day.", "Take the pill once a week.", "time"),
        ("The plant closed earlier this month.", "The plant closed last week.", "date"),
        ("Last week's vote was close.", "Last month's vote was close.", "date"),
    ],
)
def test_times_told_from_now_that_change_are_date_or_time_changes(
    old: str, new: str, label: str
) -> None:
    found = compare_sentences(old, new)
    assert [(c.kind, c.action, c.label) for c in found] == [("number", "changed", label)]
    assert whole(old, new) == pairwise(old, new)


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("The ship sank last week.", "The ship sank last week, officials said."),
        ("The ship sank in the past week.", "The ship sank last week."),
        ("Take the pill twice a day.", "Take the pill twice daily."),
        ("The plant will open later this year.", "The plant will open this year."),
    ],
)
def test_the_same_time_told_from_now_is_no_date_change(old: str, new: str) -> None:
    assert [c for c in compare_sentences(old, new) if c.kind == "number"] == []


def test_a_time_told_from_now_that_comes_alone_is_no_date_change() -> None:
    # The date that took its place says it.
    assert pairwise("The ship sank last week.", "The ship sank on Tuesday.") == [
        ("number", "added", None, "Tuesday")
    ]


def test_a_clause_dropped_with_its_negation_is_a_negation_removed() -> None:
    old = "Five of 28 economists had expected a cut; the rest had forecast no change."
    new = "Only five of 28 economists had expected a cut."
    assert pairwise(old, new) == [("negation", "removed", "no change", None)]
    assert pairwise(new, old) == [("negation", "added", None, "no change")]
    assert whole(old, new) == pairwise(old, new)


def test_for_the_first_time_is_no_rank() -> None:
    old = "Brent crude rose above $90 a barrel."
    new = "Brent crude rose above $90 a barrel for the first time since April."
    assert pairwise(old, new) == [("number", "added", None, "April")]
    assert whole(old, new) == pairwise(old, new)
    # A rank that changed is still one.
    assert pairwise(
        "She won the title for the first time.", "She won the title for the second time."
    ) == [("number", "changed", "first", "second")]


def test_a_superlative_said_with_a_not_is_no_negation_flip() -> None:
    old = "It was the worst drought the region has seen."
    new = "The region has not seen a drought this bad."
    assert pairwise(old, new) == []
    assert pairwise(new, old) == []
    # Without the superlative, or without the measure, it still flips.
    assert pairwise(
        "The region has seen droughts this bad.", "The region has not seen droughts this bad."
    )
    assert pairwise(old, "The region has not seen a drought.")
