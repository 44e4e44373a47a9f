"""A paragraph rewritten in its place, the only free one there on each side, continues the
other with fewer of its words kept than elsewhere, when both open with the same subject
(align.py ``LONE_LEAST``): a lede rewritten round the same event is reworded, not removed
and added."""

from __future__ import annotations

from test_align import doc

from compare import compare
from compare.model import Comparison

OLD_LEDE = (
    "A fire tore through a furniture warehouse on the edge of Pellmouth on Tuesday evening, "
    "sending a column of black smoke over the town and forcing the closure of the B4021."
)
NEW_LEDE = (
    "A fire destroyed a furniture warehouse on the edge of Pellmouth overnight, injuring two "
    "firefighters and keeping the B4021 closed into Wednesday morning."
)
REST_OLD = [
    "Firefighters were called to the Quarry Lane estate shortly after 6pm.",
    "Residents in nearby streets were told to keep their windows shut because of the smoke.",
]
REST_NEW = [
    "Firefighters were called to the Quarry Lane estate shortly after 6pm on Tuesday.",
    "Residents in nearby streets were told to keep their windows shut because of the smoke.",
]


def _ops(c: Comparison) -> list[tuple[str, tuple[int, ...], tuple[int, ...]]]:
    return [(b.op, b.a, b.b) for b in c.blocks]


def test_a_lede_rewritten_alone_in_its_place_is_reworded() -> None:
    c = compare(doc(OLD_LEDE, *REST_OLD), doc(NEW_LEDE, *REST_NEW))
    assert _ops(c)[0] == ("reworded", (0,), (0,))
    # Swapped, the same pair (the rule reads both versions alike).
    c = compare(doc(NEW_LEDE, *REST_NEW), doc(OLD_LEDE, *REST_OLD))
    assert _ops(c)[0] == ("reworded", (0,), (0,))


def test_not_when_another_paragraph_is_free_in_the_same_place() -> None:
    other = "The blaze was the third on the estate this year, the fire service said."
    c = compare(doc(OLD_LEDE, *REST_OLD), doc(NEW_LEDE, other, *REST_NEW))
    assert ("reworded", (0,), (0,)) not in _ops(c)
    assert ("removed", (0,), ()) in _ops(c)


def test_not_under_another_subject() -> None:
    turned = (
        "Two firefighters were hurt when a furniture warehouse on the edge of Pellmouth burned "
        "down overnight, keeping the B4021 closed into Wednesday morning."
    )
    c = compare(doc(OLD_LEDE, *REST_OLD), doc(turned, *REST_NEW))
    assert _ops(c)[:2] == [("removed", (0,), ()), ("added", (), (0,))]


def test_not_two_facts_told_of_one_subject() -> None:
    # (review 27 of this session's changes, finding 8) The share is met by the subject's
    # words alone: two facts about the same residents are two paragraphs.
    told = (
        "Residents of nearby Quarry Lane were told to keep their windows shut because of the smoke."
    )
    said = (
        "Residents of nearby Quarry Lane said they had complained to the council about the "
        "warehouse's wiring for years."
    )
    c = compare(doc(*REST_OLD, told), doc(*REST_NEW, said))
    assert ("reworded", (2,), (2,)) not in _ops(c)
    assert ("removed", (2,), ()) in _ops(c)
