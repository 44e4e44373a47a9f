"""Review 26's findings 1, 2 and 14(c): a status change missed when the count of the people
it is said of changes in the same sentence; a paragraph removed (or added) whole that holds
facts of weight, told nowhere but in the HTML's "Largest change"; and a history's "meaning"
tally that counted a changed date as a number."""

from __future__ import annotations

import pytest

from compare.facets.comparing import compare_sentences


def _told(old: str, new: str) -> set[tuple[str, str | None, str | None]]:
    return {(c.kind, c.old, c.new) for c in compare_sentences(old, new)}


# Finding 1: "Two men" -> "Three men" is a count changed, not other people: the status said
# of them changed too, and both are told.
@pytest.mark.parametrize(
    ("old", "new", "was", "now"),
    [
        (
            "Two men were in a serious condition in hospital in Corrick last night.",
            "Three men were in a critical condition in hospital in Corrick last night.",
            "in a serious condition",
            "in a critical condition",
        ),
        (
            "Two teenagers were charged with burglary after the raid on Fenlow Road.",
            "Three teenagers were charged with robbery after the raid on Fenlow Road.",
            "charged with burglary",
            "charged with robbery",
        ),
        (
            "Two men were arrested on suspicion of arson at the Tiller Street depot.",
            "Three men were arrested on suspicion of burglary at the Tiller Street depot.",
            "arrested on suspicion of arson",
            "arrested on suspicion of burglary",
        ),
        (
            "2 women were arrested after the match at Haddon Park, police said.",
            "3 women were charged after the match at Haddon Park, police said.",
            "arrested",
            "charged",
        ),
        (
            "Two directors of Pellory Foods resigned on Monday.",
            "Four directors of Pellory Foods were sacked on Monday.",
            "resigned",
            "sacked",
        ),
    ],
)
def test_a_status_change_is_told_when_the_count_changes_too(
    old: str, new: str, was: str, now: str
) -> None:
    told = _told(old, new)
    assert ("status", was, now) in told
    assert any(kind == "number" for kind, _, _ in told)

    # The count is the same group; another noun is other people (their status is theirs).
    if " men " in old:
        others = _told(old.replace(" men ", " boys "), new.replace(" men ", " girls "))
        assert not any(kind == "status" for kind, _, _ in others)
