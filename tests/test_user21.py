"""user21: a demanding user's session (a journalist tracking stealth edits of one story
over a day, an analyst comparing four outlets' coverage of a dam evacuation) on pages
written for it. Each test failed before its fix."""

from __future__ import annotations

from test_coverage5 import _disputes


def test_a_day_one_outlet_gives_as_at_least_that_day_is_no_dispute() -> None:
    # A brief dropped the wire's "at least": "closed until at least Monday" / "closed until
    # Monday" was a disputed date ('at least Monday' / 'Monday') in every coverage view,
    # though "at least 30" / "30" is one figure.
    wire = (
        "Three schools in Lower Orvane and Fennick will be closed until at least Monday, "
        "and emergency shelters have been set up in the town of Brask."
    )
    brief = "Schools in Lower Orvane and Fennick are closed until Monday."
    assert _disputes(wire, wire, brief) == []
    # Another day is still disputed, with or without the hedge.
    tuesday = brief.replace("Monday", "Tuesday")
    assert _disputes(wire, wire, tuesday) != []
    assert _disputes(wire, wire, wire.replace("Monday", "Tuesday")) != []
