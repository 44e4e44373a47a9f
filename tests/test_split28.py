"""Review 28, items 1 and 8 (the sentence alignment's part).

1. A sentence split across a paragraph break (its second half opening the next paragraph),
   or two sentences either side of a break merged into one, is one reworded block, one to
   many: align.py ``_grown_across_breaks``. Before, the first half paired alone and the
   second was "added" (or "removed"), and the facets read its words as new.
8. A repeated line of the text (not a page's boilerplate) holds order: when the paragraph
   after its first copy goes to the top, that paragraph moved (align.py ``_left_copies``,
   ``_copies_kept``); before, the copy paired elsewhere said nothing and no paragraph moved
   (exit 0), while the sentence level counted a move. The same for a sentence repeated
   inside a paragraph.
"""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from test_align import POOL, covered, doc, mirrored
from typer.testing import CliRunner

from compare import compare
from compare.cli import app
from compare.model import Comparison, Document, SentenceBlock

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


# --- item 8: a repeated line holds order -----------------------------------------------------

REPEATED = "Officers said their inquiries into the cause were continuing."
FIRE = "The fire began in a storeroom at 4am and spread quickly through the depot."
ARRESTS = "Two teenagers were arrested on Monday and later released on bail."


def _moved(c: Comparison) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    return [(b.a, b.b) for b in c.blocks if b.moved]


def test_a_paragraph_moved_past_a_repeated_line_is_moved() -> None:
    old = doc(REPEATED, FIRE, ARRESTS, REPEATED)
    new = doc(FIRE, REPEATED, ARRESTS, REPEATED)
    c = compare(old, new)
    # Something moved (before 6f5c337, nothing). The copy of the line is what moved, not
    # the paragraph: FIRE and ARRESTS kept their order, and a copy only breaks ties between
    # runs as long for the story's own paragraphs (review 28 item 2, tests/test_fixa28.py).
    assert _moved(c) == [((0,), (1,))]
    assert c.summary.paragraphs["moved"] == 1
    # As for any paragraph moved: its sentences ride with it, none moved of their own.
    assert c.summary.sentences["moved"] == 0
    assert all(b.op == "equal" for b in c.blocks)
    back = compare(new, old)
    assert _moved(back) == [((1,), (0,))]
    assert back.summary.sentences["moved"] == 0
    mirrored(c, back)


def test_the_command_says_a_paragraph_moved(tmp_path: Path) -> None:
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    old.write_text("\n\n".join(["Depot fire", REPEATED, FIRE, ARRESTS, REPEATED]) + "\n")
    new.write_text("\n\n".join(["Depot fire", FIRE, REPEATED, ARRESTS, REPEATED]) + "\n")
    result = CliRunner().invoke(app, ["compare", str(old), str(new), "--no-color"])
    assert result.exit_code == 1
    assert "1 of them moved" in result.stdout.splitlines()[4]  # the paragraphs' line
    assert "moved" in result.stdout and "No differences" not in result.stdout


def test_a_sentence_repeated_inside_a_paragraph_holds_order() -> None:
    old = doc("Water rose quickly. Water rose quickly. Then the wall gave way near the school.")
    new = doc("Water rose quickly. Then the wall gave way near the school. Water rose quickly.")
    c = compare(old, new)
    # (The copy moved, not the sentence that kept its order with the rest: review 28
    # item 2.)
    assert [(s.a, s.b) for s in c.sentences if s.moved] == [(((0, 1),), ((0, 2),))]
    back = compare(new, old)
    assert [(s.a, s.b) for s in back.sentences if s.moved] == [(((0, 2),), ((0, 1),))]


def test_a_short_repeated_line_still_says_nothing() -> None:
    # "Share" under every entry of a page is the page's: where a copy paired elsewhere
    # stands tells nothing, and nothing moved (a live page's entries slide past them).
    old = doc("Share", FIRE, ARRESTS, "Share")
    new = doc(FIRE, "Share", ARRESTS, "Share")
    for c in (compare(old, new), compare(new, old)):
        assert not _moved(c)
        assert c.summary.sentences["moved"] == 0


def test_a_line_at_the_same_number_from_the_top_says_nothing() -> None:
    # A page that sets a line after every second paragraph keeps it there when a
    # paragraph is added on top: the copy paired elsewhere moved nothing.
    lead = "A new paragraph was put on top of the story by the desk this morning."
    old = doc(FIRE, ARRESTS, REPEATED, POOL[0], POOL[1], REPEATED)
    new = doc(lead, FIRE, REPEATED, ARRESTS, POOL[0], REPEATED, POOL[1])
    for c in (compare(old, new), compare(new, old)):
        assert not _moved(c)
        assert c.summary.sentences["moved"] == 0


def test_copies_elsewhere_never_count_as_sentence_moves() -> None:
    # The sentences of a copy paired elsewhere that never moved did not move either (they
    # were counted as moved, three here, while no paragraph moved).
    top = [
        "The council has called an emergency meeting for Thursday evening.",
        "The mayor's office confirmed the meeting in a short statement.",
    ]
    story = [*POOL[:8]]

    def with_ads(paragraphs: list[str]) -> list[str]:
        out = []
        for k, p in enumerate(paragraphs):
            out += [p, "Advertisement"] if k % 3 == 2 else [p]
        return out

    c = compare(doc(*with_ads(story)), doc(*with_ads(top + story)))
    assert not _moved(c)
    assert c.summary.sentences["moved"] == 0


@st.composite
def stories_with_a_repeated_line(draw: st.DrawFn) -> tuple[Document, Document]:
    """A story with a line of its text repeated, its paragraphs moved about, a paragraph's
    last sentence split off into the next, or two merged across a break."""
    body = draw(st.lists(st.sampled_from(POOL[:10]), min_size=2, max_size=6, unique=True))
    old = list(body)
    for _ in range(draw(st.integers(1, 2))):
        old.insert(draw(st.integers(0, len(old))), REPEATED)
    new = list(old)
    for _ in range(draw(st.integers(0, 2))):
        new.insert(draw(st.integers(0, len(new) - 1)), new.pop(draw(st.integers(0, len(new) - 1))))
    if draw(st.booleans()):
        k = draw(st.integers(0, len(new) - 2))
        words = new[k].rstrip(".").split()
        cut = draw(st.integers(2, max(2, len(words) - 2)))
        first, second = " ".join(words[:cut]) + ".", " ".join(words[cut:]) + "."
        new[k : k + 2] = [first, f"{second[:1].upper()}{second[1:]} {new[k + 1]}"]
    return doc(*old), doc(*new)


@settings(max_examples=150, deadline=None)
@given(stories_with_a_repeated_line())
def test_invariants_with_a_repeated_line_and_splits_across_breaks(
    pair: tuple[Document, Document],
) -> None:
    old, new = pair
    c = compare(old, new)
    covered(c)
    assert compare(old, new) == c  # deterministic
    mirrored(c, compare(new, old))


def test_a_repeated_line_that_crossed_more_moved_itself() -> None:
    # Two paragraphs went above the first copy: moving the copy is one move, moving both
    # paragraphs two; the fewer moves win, as for any pair.
    old = doc(REPEATED, FIRE, ARRESTS, POOL[0], REPEATED)
    new = doc(FIRE, ARRESTS, REPEATED, POOL[0], REPEATED)
    for c, moved in ((compare(old, new), ((0,), (2,))), (compare(new, old), ((2,), (0,)))):
        assert _moved(c) == [moved]
        assert c.summary.sentences["moved"] == 0
