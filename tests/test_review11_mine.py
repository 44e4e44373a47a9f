"""review11's findings on notes, attribution disputes and the "linked to" hedge (its
extraction findings are in test_review11_extract.py and test_review11_pages.py): each
failed before its fix."""

from __future__ import annotations

import pytest
from timing import in_units

from compare.notes import note_kind


@pytest.mark.parametrize(
    "text",
    [
        "Clarification, not confrontation: that was the mayor's message to the council.",
        "Update, upgrade, repeat: how the council's software bill tripled in three years.",
        "Précision, rigueur et patience : les trois qualités que le juge a réclamées.",
        "Actualización, rápida y barata: así quiere el Gobierno la red de trenes.",
    ],
)
def test_review11_a_sentence_opening_with_a_label_word_a_comma_and_a_colon_is_no_note(
    text: str,
) -> None:
    # _WHEN_SET_OFF takes any one to four words between the comma and a colon that are no
    # verb of saying as "when": a story's own sentence becomes a newsroom note (notes.py
    # itself says "Précision, rigueur et ..." must not be one).
    assert note_kind(text) is None


@pytest.mark.parametrize(
    "title",
    [
        "Secretary of State Anna Ortiz",
        "Minister of State Anna Ortiz",
        "Head of Communications Anna Ortiz",
    ],
)
def test_review11_a_title_of_a_place_before_a_name_still_names_the_speaker(title: str) -> None:
    # _TITLE_OF's "after" part runs over every capitalised word after "of": "Secretary of
    # State Anna Ortiz said" loses "anna" and "ortiz" with "state", names no one, and its
    # dispute with "Fire chief Dana Whitlock said" (found before 1ad3a56) is gone.
    from test_multi import _CAUSE, _attributions

    whitlock = f"Fire chief Dana Whitlock said {_CAUSE}."
    assert _attributions(whitlock, f"{title} said {_CAUSE}.", whitlock)


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (
            "The outbreak is linked to the water supply, officials said.",
            "The outbreak came from the water supply, officials said.",
        ),
        ("The fire is linked to a faulty heater.", "The fire started in a faulty heater."),
        ("Heavy drinking is linked to liver cancer.", "Heavy drinking gives people liver cancer."),
    ],
)
def test_review11_linked_to_firmed_up_without_a_cause_word_is_still_a_hedge_removed(
    old: str, new: str
) -> None:
    # _states_a_cause knows a claim of cause only by a word of its list ("causes", "led
    # to", "due to" ...): "came from", "started in", "gives" firm the link up into a cause
    # as surely, and the hedge removed (reported before 1ad3a56) is lost.
    from test_facets import kinds

    assert ("hedge", "removed", "is linked to", None) in kinds(old, new)


def test_review11_linked_to_a_thing_is_no_hedge_when_the_other_sentence_says_behind() -> None:
    # ... while "behind" as a place counts as a cause: the road linked to the motorway is a
    # hedge removed again once the new sentence says where the road is.
    from test_facets import kinds

    assert (
        kinds(
            "The road is linked to the motorway.",
            "The road behind the school connects to the motorway.",
        )
        == []
    )


def test_review11_a_long_line_after_a_label_and_a_comma_is_read_in_linear_work() -> None:
    # The set-off after "Update," once split a run of letters into four words every way
    # there is: 400 letters took 32 s of CPU. A line four times longer now takes about four
    # times the work (units of a fixed piece of work, not seconds: see tests/timing.py).
    def read(n: int) -> None:
        for text in ("Update," + "x" * n, "Update, " + "\u4e2d" * n, "Update, " + "ab " * n):
            assert note_kind(text) is None

    _, small = in_units(lambda: read(5_000), repeat=3)
    _, large = in_units(lambda: read(20_000), repeat=3)
    assert large < 8 * small + 20, (small, large)
