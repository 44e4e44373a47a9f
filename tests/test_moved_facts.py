"""Facts that only moved from one sentence into another when an editor restructured a story
are no meaning change: neither "removed" where they were nor "added" where they went."""

from __future__ import annotations

from compare import compare
from compare.model import Comparison, Document, Paragraph
from compare.text import split_sentences

RESTRUCTURED_OLD = [
    "A temporary flood barrier on the River Aske gave way early on Sunday, sending water into "
    "about 60 homes in the Wendholm Lanes area, the county council said. Nobody was hurt.",
    "The barrier, a line of water-filled tubes installed in 2024, was designed to hold back a "
    "rise of 1.4 metres. The river peaked at 1.7 metres shortly before 3 a.m., according to "
    "the Environment Agency.",
    "Councillor Dev Rao said a permanent wall had been approved but not funded.",
    "Rest centres have been opened at St Anne's church hall and Wendholm leisure centre. About "
    "140 people spent the night there.",
    "The Environment Agency expects the river to fall slowly on Monday, but more rain is "
    "forecast for Wednesday.",
]
RESTRUCTURED_NEW = [
    "A temporary flood barrier on the River Aske gave way early on Sunday, sending water into "
    "about 75 homes in the Wendholm Lanes area, the county council said.",
    "Nobody was hurt, but about 140 people spent the night in rest centres at St Anne's church "
    "hall and Wendholm leisure centre.",
    "The barrier, a line of water-filled tubes installed in 2024, was designed to hold back a "
    "rise of 1.4 metres. The river peaked at 1.7 metres shortly before 3 a.m., according to "
    "the Environment Agency, which expects it to fall slowly on Monday.",
    "Councillor Dev Rao said a permanent wall had been approved and would be built next year.",
    "More rain is forecast for Wednesday.",
]


def doc(paragraphs: list[str]) -> Document:
    return Document(
        paragraphs=tuple(Paragraph(p, tuple(split_sentences(p))) for p in paragraphs),
        title="Flood barrier fails as river rises in Wendholm",
    )


def told(comparison: Comparison) -> list[tuple[str, str, str | None, str | None]]:
    return [(c.kind, c.action, c.old, c.new) for c in comparison.changes]


def test_facts_moved_with_their_words_are_no_change_but_real_edits_stay() -> None:
    comparison = compare(doc(RESTRUCTURED_OLD), doc(RESTRUCTURED_NEW))
    assert told(comparison) == [
        ("number", "changed", "about 60 homes", "about 75 homes"),
        ("negation", "changed", "but not funded", "and"),
    ]
    # Swapped, the same two changes, mirrored.
    mirrored = compare(doc(RESTRUCTURED_NEW), doc(RESTRUCTURED_OLD))
    assert told(mirrored) == [
        ("number", "changed", "about 75 homes", "about 60 homes"),
        ("negation", "changed", "and", "but not funded"),
    ]


def test_the_same_fact_about_something_else_is_still_removed_and_added() -> None:
    old = [
        "Police closed the harbour road after the collision. Nobody was arrested.",
        "Ferries ran as normal all week. The mayor resigned on Monday after a vote.",
    ]
    new = [
        "Police closed the harbour road after the collision.",
        "Ferries ran as normal all week. Nobody was hurt, the coastguard said. Schools in the "
        "harbour district reopen on Monday, the council said.",
    ]
    changes = told(compare(doc(old), doc(new)))
    assert ("negation", "removed", "Nobody", None) in changes
    assert ("negation", "added", None, "Nobody") in changes
    assert ("number", "removed", "Monday", None) in changes
    assert ("number", "added", None, "Monday") in changes
