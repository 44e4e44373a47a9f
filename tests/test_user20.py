"""user20: a demanding new user's session (a journalist tracking stealth edits, an analyst
comparing outlets) on pages written for it. Each test failed before its fix."""

from __future__ import annotations

from test_coverage5 import _disputes


def test_a_figure_each_sentence_gives_under_another_noun_is_no_dispute() -> None:
    # The wire gives the 37 with no noun ("injuring 37"), the rewrite as "Thirty-seven
    # people were injured"; the 412 people aboard became "more than 400 passengers". The
    # claim showed '412 people' / 'Thirty-seven people' as a disputed figure.
    wire = (
        "A passenger ferry carrying 412 people ran aground off Skellig Point early on "
        "Wednesday, injuring 37, the coastguard said."
    )
    rewrite = (
        "Thirty-seven people were injured when a ferry carrying more than 400 passengers "
        "and crew ran aground off Skellig Point in the early hours of Wednesday."
    )
    assert _disputes(wire, wire, rewrite) == []
    # A figure the other sentence gives nowhere is still a dispute.
    thirty = rewrite.replace("Thirty-seven", "Thirty-one")
    assert _disputes(wire, wire, thirty) != []
