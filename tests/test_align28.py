"""A short line updated where it stood, with a new paragraph beside it on each side, is the
same line when it is at the same end of its place in both versions (the last before the same
kept paragraph, or the first after it): align.py ``_shared_words_free``, ``one_line_alone``.
Before, only a line alone in its place on one side was read so."""

from __future__ import annotations

from test_align import doc

from compare import compare
from compare.model import Comparison

TOP = (
    "The River Quell burst its banks at Tarnford early on Sunday after two days of heavy rain, "
    "flooding more than 300 homes."
)
BOTTOM = "The Rivers Agency said more rain was expected on Monday and urged people to stay away."
POWER_OLD = "About 1,800 properties are without power."
POWER_NEW = (
    "About 1,800 properties lost power when a substation on the edge of town was flooded, the "
    "electricity network said."
)
ROADS_OLD = "Several roads into the town centre were closed by police on Sunday morning."
ROADS_NEW = "A rest centre for families forced from their homes has opened at the leisure centre."


def _ops(c: Comparison) -> list[tuple[str, tuple[int, ...], tuple[int, ...]]]:
    return [(b.op, b.a, b.b) for b in c.blocks]


def test_a_line_updated_at_the_same_end_of_its_place_is_reworded() -> None:
    old = doc(TOP, ROADS_OLD, POWER_OLD, BOTTOM)
    new = doc(TOP, ROADS_NEW, POWER_NEW, BOTTOM)
    assert ("reworded", (2,), (2,)) in _ops(compare(old, new))
    # Swapped, the same pair.
    assert ("reworded", (2,), (2,)) in _ops(compare(new, old))


def test_first_after_the_same_kept_paragraph_too() -> None:
    old = doc(TOP, POWER_OLD, ROADS_OLD, BOTTOM)
    new = doc(TOP, POWER_NEW, ROADS_NEW, BOTTOM)
    assert ("reworded", (1,), (1,)) in _ops(compare(old, new))


def test_not_at_opposite_ends_of_its_place() -> None:
    # The old line last before the kept paragraph, the new one first after the other: its
    # place does not say it is the same line, and its words are too few to.
    old = doc(TOP, ROADS_OLD, POWER_OLD, BOTTOM)
    new = doc(TOP, POWER_NEW, ROADS_NEW, BOTTOM)
    ops = _ops(compare(old, new))
    assert ("removed", (2,), ()) in ops
    assert ("added", (), (1,)) in ops


def test_not_without_a_word_besides_the_subject() -> None:
    # "About 1,800 properties" opens both; nothing else is shared: another fact.
    other = "About 1,800 properties in the valley have flood insurance, the council estimated."
    old = doc(TOP, ROADS_OLD, POWER_OLD, BOTTOM)
    new = doc(TOP, ROADS_NEW, other, BOTTOM)
    ops = _ops(compare(old, new))
    assert ("removed", (2,), ()) in ops
    assert ("added", (), (2,)) in ops
