"""Review9's findings on notes and moved facts (the rest of its tests are with the
extraction fixes): each failed before its fix."""

from __future__ import annotations

import pytest

from compare import compare
from compare.model import Document, Paragraph
from compare.notes import note_kind
from compare.text import split_sentences


@pytest.mark.parametrize(
    "text",
    [
        "Update, late Tuesday: The road has reopened and the diversion has been lifted.",
        "UPDATE, noon: The road has reopened and the diversion has been lifted.",
        "Update, after the vote: The council approved the plan by 31 votes to 12.",
        "Aktualisierung, Dienstagabend: Die Straße ist wieder offen.",
    ],
)
def test_an_update_label_set_off_by_a_comma_and_a_time_of_day_is_still_a_note(text: str) -> None:
    # 9f4fd9e lets a comma set a label off only before a digit or a listed date word:
    # "late Tuesday", "noon", "after the vote" and German "Dienstagabend" (no \b after
    # "dienstag") were notes before and are now plain paragraphs.
    assert note_kind(text) == "update"


# ---------------------------------------------------------------- moved facts


def _doc(paragraphs: list[str]) -> Document:
    return Document(
        paragraphs=tuple(Paragraph(p, tuple(split_sentences(p))) for p in paragraphs),
        title="Minister faces calls to quit over hospital report",
    )


MINISTER = [
    "The hospital report was published on Friday after a two-year inquiry into deaths at "
    "Carrow General.",
    "Opposition leaders had called for the health minister to go as soon as the findings "
    "were read out.",
    "The report found that staff had raised concerns about the maternity unit as early as 2021.",
    "Her deputy, Tomas Breck, will take over the department until a successor is named.",
]


def test_a_denial_about_someone_else_is_no_moved_fact() -> None:
    # OLD: the minister "will not resign over the hospital report". NEW: that sentence is
    # gone, and the deputy "will not resign over the hospital report". Not the same fact
    # moved: whose denial it is changed. _without_moved_facts pairs them because the words
    # after the negation agree ("hospital report"), and both changes vanish.
    old = [
        MINISTER[0] + " The minister will not resign over the hospital report, her office said.",
        *MINISTER[1:],
    ]
    new = [
        *MINISTER[:3],
        MINISTER[3] + " Breck, a former surgeon who ran the trust's board for six years before "
        "entering politics in 2019, told colleagues at Westbury he will not resign over the "
        "hospital report and expects to face questions in the chamber next week.",
    ]
    told = [(c.kind, c.action) for c in compare(_doc(old), _doc(new)).changes]
    assert ("negation", "removed") in told
    assert ("negation", "added") in told
