"""Review 26's findings 1, 2 and 14(c): a status change missed when the count of the people
it is said of changes in the same sentence; a paragraph removed (or added) whole that holds
facts of weight, told nowhere but in the HTML's "Largest change"; and a history's "meaning"
tally that counted a changed date as a number."""

from __future__ import annotations

import json
from dataclasses import replace

import jsonschema
import pytest
from test_align import doc

from compare import compare
from compare.facets.comparing import compare_sentences
from compare.model import CompareOptions
from compare.render import json as render_json
from compare.render import markdown
from compare.render.html import render_comparison
from compare.render.text import comparison as text_view
from compare.schema import load_schema
from compare.track import describe_changes, summarizer


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


# Finding 2: a paragraph NEW removes whole. Invented story: a fire at a warehouse in Dunmore.
LEDE = "A fire destroyed a warehouse on Kestrel Lane in Dunmore on Tuesday night."
CREWS = "Crews from the town's fire station fought the blaze until dawn."
ARREST = (
    "Police said a 41-year-old woman had been arrested on suspicion of arson. "
    "She has since been released on bail."
)
SCENERY = "The lane is lined with small workshops and a cafe popular with walkers."
LAST = "Kestrel Lane remained closed on Wednesday."


def test_a_paragraph_of_weight_removed_whole_is_a_key_change_in_every_view() -> None:
    c = compare(doc(LEDE, CREWS, ARREST, LAST), doc(LEDE, CREWS, LAST))
    assert [(x.kind, x.action, x.old, x.new) for x in c.changes] == [
        ("paragraph", "removed", ARREST, None)
    ]
    detail = c.changes[0].detail
    for held in ("arrested on suspicion of arson", "released on bail", "a claim by Police"):
        assert held in detail
    assert "figure" not in detail  # (an age describes whom it names)
    assert c.summary.edited_without_note  # no note owned up to it

    text = text_view(c, width=100, color=False, context=1)
    assert "paragraph removed, which held" in " ".join(text.split())
    assert "without adding or changing a correction" in text
    md = markdown.comparison(c)
    assert "paragraph removed, which held" in md and "without adding" in md
    page = render_comparison(c, generated_at="2026-11-28T10:00:00Z")
    assert "Paragraph removed" in page and "which held &#34;arrested on suspicion" in page
    assert "without adding or changing a correction" in page
    data = json.loads(render_json.comparison(c, "2026-11-28T10:00:00Z"))
    jsonschema.Draft202012Validator(load_schema("compare")).validate(data)
    assert data["summary"]["edited_without_note"] is True
    assert [x["kind"] for x in data["changes"]] == ["paragraph"]

    # Between two outlets' stories it is what one left out (the blocks show it), and a
    # live blog's old updates fall off its foot: no key change either way.
    old, new = doc(LEDE, CREWS, ARREST, LAST), doc(LEDE, CREWS, LAST)
    outlets = compare(
        replace(old, site_name="Dunmore Courier"), replace(new, site_name="Fenwick Post")
    )
    live = compare(replace(old, live=True), replace(new, live=True))
    assert not any(x.kind == "paragraph" for x in (*outlets.changes, *live.changes))

    # A paragraph of scenery trimmed is no alarm.
    trimmed = compare(doc(LEDE, CREWS, SCENERY, LAST), doc(LEDE, CREWS, LAST))
    assert trimmed.changes == () and not trimmed.summary.edited_without_note


def test_a_long_paragraph_removed_is_one_entry_and_facts_kept_elsewhere_are_not_lost() -> None:
    figures = (
        "The council said 120 homes lost power, 35 families were moved to the leisure "
        "centre and repairs would cost 2.4 million pounds, 15% of its yearly budget."
    )
    c = compare(doc(LEDE, figures, CREWS, LAST), doc(LEDE, CREWS, LAST))
    assert [x.kind for x in c.changes] == ["paragraph"]
    assert "4 figures" in c.changes[0].detail and "a claim by the council" in c.changes[0].detail

    # The arrest said again in another paragraph NEW adds: the status is still stated; the
    # claim moved to a sentence crediting the same source.
    again = "A 41-year-old woman arrested on suspicion of arson was released on bail, police said."
    moved = compare(doc(LEDE, CREWS, ARREST, LAST), doc(LEDE, CREWS, LAST, again))
    assert not any(x.kind == "paragraph" for x in moved.changes)


def test_a_paragraph_past_a_partial_version_s_end_is_still_no_edit() -> None:
    old = doc(LEDE, ARREST, CREWS, SCENERY, LAST)
    # ARREST deleted above NEW's end: an edit. What is past the end (SCENERY, LAST) is not.
    cut = compare(old, replace(doc(LEDE, CREWS), partial=True))
    assert [(x.kind, x.old) for x in cut.changes] == [("paragraph", ARREST)]
    assert not cut.summary.edited_without_note  # (NEW's foot, where a note goes, unshown)
    # ARREST past the end of a partial NEW: not shown there, not removed.
    walled = compare(doc(LEDE, CREWS, SCENERY, ARREST), replace(doc(LEDE, CREWS), partial=True))
    assert walled.changes == () and walled.summary.unshown


# Finding 14(c): a history's "meaning" counts a date or time changed as one, not as a number.
def test_a_summary_counts_dates_and_times_apart_from_numbers() -> None:
    old = doc(LEDE, "The warehouse will be demolished on Wednesday, the owner said.", LAST)
    new = doc(LEDE, "The warehouse will be demolished in September, the owner said.", LAST)
    summary = summarizer(CompareOptions())(old, new)
    assert summary["meaning"] == {"date": 1}
    assert "meaning: 1 date" in describe_changes(summary)

    gone = summarizer(CompareOptions())(doc(LEDE, CREWS, ARREST, LAST), doc(LEDE, CREWS, LAST))
    assert "meaning: 1 paragraph removed" in describe_changes(gone)
