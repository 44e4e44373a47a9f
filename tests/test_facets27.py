"""Meaning rules of the twenty-seventh session."""

from __future__ import annotations

import pytest

from compare.facets import compare_sentences, sentence_facets
from compare.facets.status import statuses


def _conditions(old: str, new: str) -> list[tuple[str | None, str | None]]:
    return [(c.old, c.new) for c in compare_sentences(old, new) if c.kind == "status"]


# A condition's word that is an act done to someone named after it is not joined to the
# subject's own condition: the gunman did the killing, and is still injured.
@pytest.mark.parametrize(
    ("text", "phrases"),
    [
        ("The gunman was injured and killed two others.", ["injured", "killed"]),
        ("A man was stabbed and injured him.", ["stabbed", "injured"]),
        ("He was shot and wounded 3 officers before he fled.", ["shot", "wounded"]),
        ("The driver was hurt and killed at least two others.", ["hurt", "killed"]),
        # Suffered, both: one condition, the later.
        ("Two men were injured and killed.", ["injured and killed"]),
        ("He was shot and killed on Friday.", ["shot and killed"]),
        ("She was injured and later died.", ["injured and later died"]),
        ("She was injured and was later killed in the crash.", ["injured and was later killed"]),
    ],
)
def test_an_act_on_others_is_not_joined_to_the_subjects_condition(
    text: str, phrases: list[str]
) -> None:
    assert [s.text for s in statuses(text)] == phrases


def test_the_gunman_injured_still_is_no_change_of_his_condition() -> None:
    old = "Police said the gunman was injured in an exchange of fire."
    new = "Police said the gunman was injured and killed two others in an exchange of fire."
    assert ("injured", "injured and killed") not in _conditions(old, new)
    assert not any(c.new == "injured and killed" for c in compare_sentences(old, new))
    # Suffered, it is one.
    suffered = compare_sentences("He was shot.", "He was shot and killed.")
    assert [(c.old, c.new) for c in suffered if c.kind == "status"] == [("shot", "shot and killed")]


# A name's age set off before its verb hid the source, and with it every attribution change:
# "Linda Harper, 62, said" -> "... claimed" gave nothing.
@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Neighbour Mara Quill, 62, said the blast shook her house.", "Neighbour Mara Quill"),
        ("Resident Tom Hale, 71, told the Echo the road had flooded.", "Resident Tom Hale"),
    ],
)
def test_a_names_age_before_the_verb_leaves_the_name_the_source(text: str, source: str) -> None:
    assert [a.source for a in sentence_facets(text).attributions] == [source]


def test_an_attribution_change_after_a_names_age_is_found() -> None:
    old = "Neighbour Mara Quill, 62, said the blast shook her house."
    changes = compare_sentences(old, old.replace(" said ", " claimed "))
    assert [(c.kind, c.old, c.new) for c in changes] == [
        ("attribution", "Neighbour Mara Quill said", "Neighbour Mara Quill claimed")
    ]
    # A figure alone before the verb is no one ("Of those asked, 62, said no.").
    assert sentence_facets("Of those asked, 62, said no.").attributions == ()
