"""Alignment of edits found on hand-written version pairs (benchmarks/alignment_hand.py):
a lede with its clauses turned round, a split whose second half grew, a split with a new
paragraph between its halves, a merge whose own sentence grew, and two paragraphs merged
and rewritten so that neither pairs alone."""

from __future__ import annotations

from test_align import doc, mirrored

from compare import compare
from compare.model import Comparison, Document

AROUND = [
    "Rescue teams from three provinces searched collapsed houses through the night.",
    "The regional governor declared a state of emergency and asked the army for tents.",
    "Schools across the valley will stay closed until engineers have checked them.",
    "The last deadly earthquake in the region, in 1987, killed 31 people.",
]


def blocks(c: Comparison) -> set[tuple[str, tuple[int, ...], tuple[int, ...]]]:
    return {(b.op, b.a, b.b) for b in c.blocks}


def both_ways(old: Document, new: Document) -> Comparison:
    c = compare(old, new, facets=False)
    mirrored(c, compare(new, old, facets=False))
    return c


def test_a_lede_with_its_clauses_turned_round_is_reworded() -> None:
    """A second outlet puts the toll first: word order alone scores 0.48, under the
    threshold, and the lede was reported removed and added."""
    old = doc(
        "A magnitude 5.9 earthquake shook the hill town of Corvale early on Monday, killing"
        " at least seven people and damaging dozens of homes, officials in the provincial"
        " capital said.",
        *AROUND,
    )
    new = doc(
        "At least seven people were killed and dozens of homes damaged when a magnitude 5.9"
        " earthquake shook the hill town of Corvale early on Monday.",
        *AROUND,
    )
    c = both_ways(old, new)
    assert ("reworded", (0,), (0,)) in blocks(c)
    assert not [b for b in c.blocks if b.op in ("added", "removed")]


def test_short_lines_sharing_a_word_in_another_order_do_not_pair() -> None:
    """Two short lines sharing a word in another order ("Labour") are two results, not
    one: too few content words to tell (align.py's ``SHARED_MIN_WORDS``)."""
    old = doc("Results so far:", "Eastgate: Labour gain from Liberal Democrat", *AROUND)
    new = doc("Results so far:", "Northgate: Green gain from Labour", *AROUND)
    assert ("reworded", (1,), (1,)) not in blocks(both_ways(old, new))


def test_a_split_whose_second_half_grew_is_one_block() -> None:
    """The second half starts with the old paragraph's last sentence and goes on with a
    new quote: adding it lowers the pair's score, yet it pairs with what the first half
    lacks."""
    old = doc(
        AROUND[0],
        "In her letter, Ms Varden said the plans would 'pour concrete over the green belt'"
        " and that she had raised her worries many times. She said she would go on backing"
        " the government on other matters.",
        *AROUND[1:],
    )
    new = doc(
        AROUND[0],
        "In her letter, Ms Varden said the plans would 'pour concrete over the green belt'"
        " and that she had raised her worries many times.",
        "She said she would go on backing the government on other matters, but added: 'I"
        " cannot stand up in the chamber and defend a policy I think is wrong, and I will"
        " not try.'",
        *AROUND[1:],
    )
    assert ("reworded", (1,), (1, 2)) in blocks(both_ways(old, new))


def test_a_split_with_a_new_paragraph_between_its_halves() -> None:
    """The halves are the split; the paragraph put between them stays added."""
    old = doc(
        "The rise will add £88 a year to a typical Band D bill, taking it to £1,904."
        " Council leader Omar Ruiz said the rise was needed to protect care for older"
        " people, which now takes almost half of all the council spends.",
        *AROUND,
    )
    new = doc(
        "The rise will add £88 a year to a typical Band D bill, taking it to £1,904.",
        "Care for older people now costs the council £151m a year, up from £119m in 2021.",
        "Council leader Omar Ruiz said the rise was needed to protect care for older people,"
        " which now takes almost half of all the council spends.",
        *AROUND,
    )
    c = both_ways(old, new)
    assert ("reworded", (0,), (0, 2)) in blocks(c)
    assert ("added", (), (1,)) in blocks(c)


def test_a_merge_whose_own_sentence_grew() -> None:
    """The first paragraph's sentence gained a clause in the merge, so the rest of the
    merged paragraph is the second paragraph with that clause; its sentence alone is the
    second paragraph reworded."""
    old = doc(
        AROUND[0],
        "The cause of the fire is not yet known.",
        "The depot was the scene of a smaller fire in 2020, when a van caught light in a"
        " loading bay.",
        *AROUND[1:],
    )
    new = doc(
        AROUND[0],
        "The cause of the fire is not yet known, and investigators are expected to start"
        " work once the site is safe. It is the second fire at the depot in five years: in"
        " 2020 a van caught light in a loading bay.",
        *AROUND[1:],
    )
    assert ("reworded", (1, 2), (1,)) in blocks(both_ways(old, new))


def test_two_paragraphs_merged_and_rewritten_pair_together() -> None:
    """Neither half scores the threshold with the merged paragraph; both together do."""
    old = doc(
        AROUND[0],
        "Researchers at the University of Fenmouth followed the volunteers, who were aged"
        " between 45 and 70 when the study began, for an average of nine years.",
        "They wore step counters for a week at the start of the study, and their health was"
        " then followed through hospital and GP records.",
        *AROUND[1:],
    )
    new = doc(
        AROUND[0],
        "University of Fenmouth researchers followed more than 60,000 adults aged 45 to 70"
        " for an average of nine years, after they had worn step counters for a week, and"
        " used hospital and GP records to see who fell ill.",
        *AROUND[1:],
    )
    c = both_ways(old, new)
    assert ("reworded", (1, 2), (1,)) in blocks(c)
    assert not [b for b in c.blocks if b.op in ("added", "removed")]
