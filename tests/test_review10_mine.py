"""review10's findings on the live feed warning, attribution disputes and the "linked to"
hedge (its alignment findings are in test_review10_align.py): each failed before its fix."""

from __future__ import annotations

from test_facets import kinds
from test_live_feed import feed, live_warnings
from test_multi import _CAUSE, _attributions


def test_review10_a_paragraph_inserted_between_kept_ones_is_not_above_those_kept() -> None:
    # An oldest-first live page: a correction inserted after the first update, the two
    # newest updates taken down. Nothing new stands above what NEW kept (update 1 is still
    # its first paragraph), so nothing scrolled off: the warning's "new paragraphs above
    # those it kept" is untrue and calls two deletions "probably cut from the page".
    assert not live_warnings(feed([1, 2, 3, 4, 5]), feed([1, 6, 2, 3]))
    # Newest first, one update inserted among those kept, the newest removed at the top
    # and the oldest at the end: no new update came in above the kept ones either.
    assert not live_warnings(feed([5, 4, 3, 2, 1]), feed([4, 3, 7, 2]))


def test_review10_a_title_with_its_place_is_no_other_speaker() -> None:
    # The same source by a title only is no dispute ("The mayor said" / "Mayor Teodor Brask
    # said" is guarded); with the town before or after the title it is still a title only.
    brask = f"Mayor Teodor Brask said {_CAUSE}."
    assert not _attributions(brask, f"The Brannock mayor said {_CAUSE}.", brask)
    said = _CAUSE[0].upper() + _CAUSE[1:]
    assert not _attributions(
        f"{said}, Mayor Teodor Brask said.", f"{said}, the mayor of Brannock said."
    )
    whitlock = f"Fire chief Dana Whitlock said {_CAUSE}."
    assert not _attributions(whitlock, f"The Brannock fire chief said {_CAUSE}.", whitlock)


def test_review10_linked_to_a_thing_is_no_hedge() -> None:
    # "is linked to" hedges a claim of cause ("Drinking is linked to cancer"); a road linked
    # to a motorway or a phone linked to an account is a plain fact said otherwise.
    assert kinds("The road is linked to the motorway.", "The road connects to the motorway.") == []
    assert kinds("The phone was linked to the account.", "The phone was tied to the account.") == []
