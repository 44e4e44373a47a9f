"""Alignment of edits found on the second hand-written set (benchmarks/alignment_hand.py
--data alignment-hand-2.md): a lede turned from active to passive with a figure added,
and a sentence with its clauses turned round, each keeping most of its words though not
in their order."""

from __future__ import annotations

from test_align23 import AROUND, blocks, both_ways, doc


def test_a_lede_turned_passive_with_a_figure_added_is_reworded() -> None:
    """0.43 in one word order and no clause of three words found again elsewhere, but
    eleven of the twelve content words kept; a paragraph moved up beside it does not
    hide that the two stand in the same place."""
    old = doc(
        "The ferry operator Northlink has said engineers may have found cracks in the hulls"
        " of two of its vessels during checks last month.",
        *AROUND,
    )
    new = doc(
        "Cracks in the hulls of three Northlink vessels, including its largest ferry, were"
        " found by engineers during checks last month, the operator has said.",
        AROUND[3],
        *AROUND[:3],
    )
    c = both_ways(old, new)
    assert ("reworded", (0,), (0,)) in blocks(c)
    assert not [b for b in c.blocks if b.op in ("added", "removed")]


#: A second translation of one sentence: "According to X, A and B" -> "A, which X said B".
YACHT_OLD = (
    "According to the coastguard, the yacht was spotted drifting off the headland at dawn and"
    " had lost its mast."
)
YACHT_NEW = (
    "The yacht, which the coastguard said was missing its mast, was spotted at dawn drifting"
    " off the headland."
)


def test_a_sentence_with_its_clauses_turned_round_is_reworded() -> None:
    """A second translation: "According to X, A and B" -> "A, which X said B": every
    content word but one kept, 0.43 in one order."""
    old = doc(AROUND[0], YACHT_OLD, *AROUND[1:])
    new = doc(AROUND[0], YACHT_NEW, *AROUND[1:])
    c = both_ways(old, new)
    assert ("reworded", (1,), (1,)) in blocks(c)
    assert not [b for b in c.blocks if b.op in ("added", "removed")]


def test_paragraphs_sharing_names_and_places_only_do_not_pair() -> None:
    """The same mayor and town, 0.41 in order, but under half the content words shared:
    another story about her."""
    old = doc(
        AROUND[0],
        "Mayor Ines Carbury of Holt Cross opened the new Holt Cross library on Saturday with"
        " a reading for children.",
        *AROUND[1:],
    )
    new = doc(
        AROUND[0],
        "Ines Carbury, the mayor of Holt Cross, will stand again in the Holt Cross election"
        " next May, her office confirmed.",
        *AROUND[1:],
    )
    c = both_ways(old, new)
    assert ("removed", (1,), ()) in blocks(c)
    assert ("added", (), (1,)) in blocks(c)


def test_two_paragraphs_each_with_the_same_words_as_one_pair_with_neither() -> None:
    """Two candidates for one paragraph, both with its words in another order: which one
    continues it is not told by the words, and OLD -> NEW must pair as NEW -> OLD."""
    old = doc(AROUND[0], YACHT_OLD, *AROUND[1:])
    new = doc(
        AROUND[0],
        YACHT_NEW,
        "At dawn a coastguard crew spotted the yacht, its mast lost, drifting off the headland.",
        *AROUND[1:],
    )
    c = both_ways(old, new)
    assert not [b for b in c.blocks if b.op == "reworded" and b.a == (1,)]


def test_a_long_paragraph_cut_to_one_sentence_with_a_possessive_is_reworded() -> None:
    """A review cut for print: three sentences on the set become one that names the
    designer in the possessive ("Ilse Marrow's set"), 0.47 kept in order. Counting
    "Marrow's" as "Marrow", six of the seven content words are kept."""
    old = doc(
        AROUND[0],
        "The designer, Ilse Marrow, has built a spiral staircase that climbs to the bell"
        " loft, the organ gallery and the roof beyond. It is a marvellous thing, and the"
        " scenes on the roof, with wind tearing at the cast, are gripping. The lighting,"
        " by Owen Tally, turns the storm into a player of its own.",
        *AROUND[1:],
    )
    new = doc(AROUND[0], "Ilse Marrow's spiral staircase set is a marvellous thing.", *AROUND[1:])
    c = both_ways(old, new)
    assert ("reworded", (1,), (1,)) in blocks(c)
    assert not [b for b in c.blocks if b.op in ("added", "removed")]


def test_a_sentence_folded_into_its_neighbour_as_a_closing_clause_is_a_merge() -> None:
    """ "Work began in 2019." becomes the close of the paragraph above, which was itself
    reworded: with the whole rest of that pair (the words reworded along the way too) it
    scores under the threshold, with the clause the pair closes with, over it."""
    old = doc(
        AROUND[0],
        "The council said that a firm of engineers from outside the county would survey the"
        " pier within six weeks.",
        "Work on the pier began in 2019.",
        *AROUND[1:],
    )
    new = doc(
        AROUND[0],
        "Within six weeks, the council said, outside engineers will survey the pier, on"
        " which work began in 2019.",
        *AROUND[1:],
    )
    c = both_ways(old, new)
    assert ("reworded", (1, 2), (1,)) in blocks(c)
    assert not [b for b in c.blocks if b.op in ("added", "removed")]
