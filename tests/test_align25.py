"""A one-line update of a fact where it stood: a short paragraph alone in its place on one
side pairs with the one there that keeps half its content words, two of them at least
(``SHARED_ALONE_MIN_COMMON``), where a paragraph elsewhere needs four out of six. Found on
the fifth blind hand set (benchmarks/data/alignment-hand-5.md)."""

from __future__ import annotations

import pytest
from test_align import doc
from test_align23 import both_ways
from test_ops23 import counting

from compare import compare

A1 = "The council met on Monday evening at the town hall in Brackwell to vote on the budget."
A2 = "Councillors approved the plan by seven votes to two after a debate of three hours."
Z1 = "The next meeting is scheduled for March, when the council will set the rates."
Z2 = "A recording of the meeting will be posted online later this week."


def _ops(old: list[str], new: list[str]) -> list[tuple[str, tuple[int, ...], tuple[int, ...]]]:
    return [(b.op, b.a, b.b) for b in both_ways(doc(*old), doc(*new)).blocks if b.op != "equal"]


@pytest.mark.parametrize(
    ("before", "after"),
    [
        (
            "Calloway's shares were 1.4% higher in morning trading.",
            "Calloway's shares closed 2.3% higher.",
        ),
        (
            "Scientists say the eruption is continuing but weakening.",
            "Scientists say the eruption has strengthened again since midday.",
        ),
    ],
)
def test_a_one_line_update_alone_in_its_place_continues_it(before: str, after: str) -> None:
    assert _ops([A1, A2, before, Z1, Z2], [A1, A2, after, Z1, Z2]) == [("reworded", (2,), (2,))]


def test_a_one_line_update_beside_another_new_line_still_continues_it() -> None:
    # One OLD line in its place, two NEW ones: the one that keeps its words continues it.
    old = [A1, A2, "Calloway's shares were 1.4% higher in morning trading.", Z1, Z2]
    new = [
        A1,
        A2,
        "Calloway's shares closed 2.3% higher.",
        "The union called the news a blow.",
        Z1,
        Z2,
    ]
    assert _ops(old, new) == [("reworded", (2,), (2,)), ("added", (), (3,))]


def test_short_lines_with_company_in_their_place_need_the_usual_words() -> None:
    # Short lines gone and come in the middle of their place, with company before and after
    # on each side: their place tells nothing about which continues which, so two words in
    # common are not enough. (At the same end of their place, it does: test_align28.py.)
    old = [
        A1,
        "Trading volumes were light.",
        "Calloway's shares were 1.4% higher.",
        "Analysts expect more news next week.",
        Z1,
        Z2,
    ]
    new = [
        A1,
        "Brokers said the market was quiet.",
        "Calloway's shares ended the day higher after a volatile session.",
        "The results are due on Thursday.",
        Z1,
        Z2,
    ]
    assert ("reworded", (2,), (2,)) not in _ops(old, new)


def test_a_short_line_that_moved_needs_the_usual_words() -> None:
    old = [A1, A2, "Calloway's shares were 1.4% higher in morning trading.", Z1, Z2]
    new = ["Calloway's shares closed 2.3% higher.", A1, A2, Z1, Z2]
    assert ("reworded", (2,), (0,)) not in _ops(old, new)


def test_one_word_in_common_is_no_update() -> None:
    old = [A1, A2, "Calloway's shares were 1.4% higher in morning trading.", Z1, Z2]
    new = [A1, A2, "Calloway's pension fund will be wound up.", Z1, Z2]
    assert _ops(old, new) == [("removed", (2,), ()), ("added", (), (2,))]


def test_two_facts_that_share_only_their_subject_are_no_update() -> None:
    # review25: the two words in common were the subject the lines open with.
    old = [A1, A2, "The health minister said the hospital would stay open.", Z1, Z2]
    new = [A1, A2, "The health minister resigned on Monday.", Z1, Z2]
    assert _ops(old, new) == [("removed", (2,), ()), ("added", (), (2,))]


def test_a_story_rewritten_throughout_is_not_scored_pair_by_pair(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # rt25: two free paragraphs side by side were each scored against every free one of the
    # other side in their gap: a story rewritten throughout is one gap, n^2 scores (2,000
    # unrelated paragraphs a side took 7.6 s). A gap over EXHAUSTIVE_PAIRS is left.
    import random

    from compare import align

    rng = random.Random(5)
    words = [f"w{k}" for k in range(3000)]

    def story() -> list[str]:
        return [
            " ".join(rng.choice(words) for _ in range(40)).capitalize() + "." for _ in range(300)
        ]

    old, new = story(), story()
    calls = counting(monkeypatch, align, "_similarity")
    c = compare(doc(*old), doc(*new), facets=False)
    assert not any(b.op == "reworded" for b in c.blocks)
    assert len(calls) < 10 * len(old), len(calls)  # (179,400 when each pair was scored)
