"""The partial-version rules of notes live in notes.py (with_notes), not in align: NEW's foot,
where a note goes, is not shown when NEW is partial, so no edit is "without a note" and no
change is "not in the correction" there."""

from __future__ import annotations

from dataclasses import replace

from test_align import doc

from compare import compare

OLD = [
    "Police said 12 people were hurt when the roof of the Corn Exchange gave way.",
    "The mayor said the road would reopen on Monday.",
]
NEW = [
    "Police said 14 people were hurt when the roof of the Corn Exchange gave way.",
    "The mayor said the road would reopen on Tuesday.",
    "Correction: An earlier version of this story gave the wrong number of people hurt.",
]


def test_a_note_owns_up_to_some_changes_and_not_the_rest() -> None:
    c = compare(doc(*OLD), doc(*NEW))
    assert c.summary.noted and c.summary.beyond_note  # the road's day is not in the note


def test_past_a_partial_news_end_no_change_is_beyond_its_note() -> None:
    c = compare(doc(*OLD), replace(doc(*NEW), partial=True))
    assert c.summary.noted and c.summary.beyond_note == ()
    assert not c.summary.edited_without_note
    cut = compare(doc(*OLD), replace(doc(*NEW[:2]), partial=True))
    assert cut.changes and not cut.summary.edited_without_note
