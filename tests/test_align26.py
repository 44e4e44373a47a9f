"""A short line moved and grown a clause: a paragraph anywhere that keeps every content word
of a shorter one (``SHARED_GROWN_MIN_COMMON`` at least) and opens with the same one continues
it. Found on the sixth blind hand set (benchmarks/data/alignment-hand-6.md)."""

from __future__ import annotations

from test_align import doc
from test_align23 import both_ways

from compare import compare

LEDE = "Cabin crew at the airline Skylark will strike for five days from July 24 over pay."
VOTE = "The union said 87% of members who voted backed the walkout, on a turnout of 71%."
OFFER = "Skylark has offered a 6% rise this year and a review of rosters."
TALKS = "Talks are due to resume at the conciliation service next week."
SHARES = "Skylark shares fell 4.2% in morning trading after the announcement."


def _ops(
    old: list[str], new: list[str]
) -> list[tuple[str, tuple[int, ...], tuple[int, ...], bool]]:
    return [
        (b.op, b.a, b.b, b.moved) for b in both_ways(doc(*old), doc(*new)).blocks if b.op != "equal"
    ]


def test_a_short_line_moved_up_and_grown_continues() -> None:
    pilots = "Pilots at the airline are not involved in the dispute."
    grown = (
        "Pilots are not involved in the dispute, but the airline cannot fly without its "
        "cabin crew, so most flights that week are at risk."
    )
    old = [LEDE, VOTE, OFFER, SHARES, pilots, TALKS]
    new = [LEDE, grown, VOTE, OFFER, SHARES, TALKS]
    assert _ops(old, new) == [("reworded", (4,), (1,), True)]
    assert compare(doc(*old), doc(*new)).summary.paragraphs["removed"] == 0


def test_another_fact_about_the_same_subject_elsewhere_does_not() -> None:
    # The same subject, but the shorter's words are not all kept: another fact.
    old = [LEDE, VOTE, OFFER, SHARES, "Police said the lorry driver was not injured.", TALKS]
    new = [
        LEDE,
        "Police believe the lorry driver lost control on the bend.",
        VOTE,
        OFFER,
        SHARES,
        TALKS,
    ]
    assert _ops(old, new) == [("added", (), (1,), False), ("removed", (4,), (), False)]


def test_every_word_kept_under_another_subject_does_not() -> None:
    # All of the short line's words are in the long one, but as background to another
    # subject's news: the closure is not the reopening.
    old = [LEDE, VOTE, OFFER, SHARES, "Police closed the bridge on Tuesday.", TALKS]
    new = [
        LEDE,
        "The bridge, which police closed on Tuesday, reopened on Friday after repairs.",
        VOTE,
        OFFER,
        SHARES,
        TALKS,
    ]
    assert _ops(old, new) == [("added", (), (1,), False), ("removed", (4,), (), False)]


def test_sentences_of_paragraphs_merged_merge_as_sentences_in_a_row_do() -> None:
    # Two paragraphs apart merged: the second's sentence joined to the first's with ", and".
    # Its words are neither removed nor added, so no attribution is "added".
    old = doc(
        "The council approved the budget on Monday after a four-hour debate.",
        "The plan includes $4 million for road repairs across the city.",
        "Opponents said the tax rise would hurt families already struggling with rents.",
        "The mayor said the vote was a turning point for the city.",
    )
    new = doc(
        "The council approved the budget on Monday after a four-hour debate, and opponents "
        "said the tax rise would hurt families already struggling with rents.",
        "The plan includes $4 million for road repairs across the city.",
        "The mayor said the vote was a turning point for the city.",
    )
    comparison = both_ways(old, new)
    assert [(b.op, b.a, b.b) for b in comparison.blocks if b.op != "equal"] == [
        ("reworded", (0, 2), (0,))
    ]
    differing = [(s.op, s.a, s.b) for s in comparison.sentences if s.op != "equal"]
    assert differing == [("reworded", ((0, 0), (2, 0)), ((0, 0),))]
    assert compare(old, new).changes == ()
