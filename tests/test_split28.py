"""Review 28, items 1 and 8 (the sentence alignment's part).

1. A sentence split across a paragraph break (its second half opening the next paragraph),
   or two sentences either side of a break merged into one, is one reworded block, one to
   many: align.py ``_grown_across_breaks``. Before, the first half paired alone and the
   second was "added" (or "removed"), and the facets read its words as new.
"""

from __future__ import annotations

from test_align import covered, doc, mirrored

from compare import compare
from compare.model import Comparison, SentenceBlock

WHOLE = (
    "Coastguards said the trawler had lost power off Skerry Head before dawn, and its crew "
    "of six was lifted off by helicopter."
)
FIRST_HALF = "Coastguards said the trawler had lost power off Skerry Head before dawn."
SECOND_HALF = "Its crew of six was lifted off by helicopter, the coastguard added."
NEXT = "The vessel was towed into Kilbrannan harbour on Tuesday afternoon."
LAST = "An inquiry into the engine failure has been opened by the marine accident branch."


def _sentence(c: Comparison, a: tuple[tuple[int, int], ...]) -> SentenceBlock:
    return next(s for s in c.sentences if s.a == a)


def test_a_sentence_split_across_a_paragraph_break_is_one_block() -> None:
    old = doc(WHOLE, NEXT, LAST)
    new = doc(FIRST_HALF, f"{SECOND_HALF} {NEXT}", LAST)
    c = compare(old, new)
    split = _sentence(c, ((0, 0),))
    assert (split.op, split.b) == ("reworded", ((0, 0), (1, 0)))
    assert not split.moved
    assert not [s for s in c.sentences if s.op in ("added", "removed")]
    # The word diff reads across the break: the joined halves against the whole.
    assert "".join(w.new for w in split.words) == f"{FIRST_HALF} {SECOND_HALF}"
    assert "".join(w.old for w in split.words) == WHOLE
    covered(c)
    mirrored(c, compare(new, old))


def test_two_sentences_either_side_of_a_break_merged_are_one_block() -> None:
    old = doc(FIRST_HALF, f"{SECOND_HALF} {NEXT}", LAST)
    new = doc(WHOLE, NEXT, LAST)
    c = compare(old, new)
    merged = next(s for s in c.sentences if s.b == ((0, 0),))
    assert (merged.op, merged.a) == ("reworded", ((0, 0), (1, 0)))
    assert not [s for s in c.sentences if s.op in ("added", "removed")]
    covered(c)


def test_an_attribution_carried_across_the_break_is_no_key_change() -> None:
    # Before, "residents said" was both removed (with the second half) and added (in the
    # merged sentence), and the other way round for the split.
    halves = (
        "The fire started in a bakery on Mill Lane at about 4am.",
        "It spread to the flats above within minutes, residents said.",
    )
    whole = (
        "The fire started in a bakery on Mill Lane at about 4am and spread to the flats above "
        "within minutes, residents said."
    )
    one = doc(whole, NEXT, LAST)
    two = doc(halves[0], f"{halves[1]} {NEXT}", LAST)
    for old, new in ((one, two), (two, one)):
        c = compare(old, new)
        assert [s.op for s in c.sentences].count("reworded") == 1
        assert not [x for x in c.changes if x.kind == "attribution"]


def test_the_first_paragraph_of_the_next_block_opening_with_the_second_half() -> None:
    # The free half is the first of the next paragraph and that paragraph keeps more of its
    # own sentences: still its first sentence, across the break, that the pair takes.
    old = doc("Lead paragraph of the story stays as it was.", WHOLE, NEXT, LAST)
    new = doc(
        "Lead paragraph of the story stays as it was.", FIRST_HALF, f"{SECOND_HALF} {NEXT}", LAST
    )
    c = compare(old, new)
    split = _sentence(c, ((1, 0),))
    assert split.b == ((1, 0), (2, 0))
    mirrored(c, compare(new, old))


def test_a_new_sentence_opening_the_next_paragraph_stays_added() -> None:
    # The pair is the same shortened sentence, but the sentence across the break shares
    # none of the words cut: it is added, not the rest of a split.
    new_text = "Fishing boats in the area were warned to stay clear of the wreck."
    old = doc(WHOLE, NEXT, LAST)
    new = doc(FIRST_HALF, f"{new_text} {NEXT}", LAST)
    c = compare(old, new)
    assert _sentence(c, ((0, 0),)).b == ((0, 0),)
    assert [s.b for s in c.sentences if s.op == "added"] == [((1, 0),)]


def test_not_when_the_paragraphs_are_not_neighbours_on_the_other_side() -> None:
    # The second half opens a paragraph that pairs with OLD's last, two paragraphs down
    # from the whole sentence's: the halves are not beside each other in OLD's order of
    # paragraphs, and the split is not read across the break.
    far = "Harbour staff said the crew were treated for mild hypothermia and later released."
    far_new = "Harbour staff said the crew were treated for mild hypothermia, then released."
    old = doc(WHOLE, NEXT, far)
    new = doc(FIRST_HALF, f"{SECOND_HALF} {far_new}", NEXT)
    c = compare(old, new)
    assert [(b.a, b.b) for b in c.blocks if b.b == (1,)] == [((2,), (1,))]
    assert _sentence(c, ((0, 0),)).b == ((0, 0),)
    assert [s.b for s in c.sentences if s.op == "added"] == [((1, 0),)]
