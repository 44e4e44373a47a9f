"""notes20: a correction note tied to the figure it corrects however it is worded, a wire's
opening dateline dropped or added is no date change, and "over four years" told as "over a
four-year period" is no number change. Every page and sentence here was written for these
tests."""

from __future__ import annotations

import pytest

from compare import compare
from compare.facets import compare_sentences
from compare.model import Document, Paragraph
from compare.text import split_sentences


def doc(*paragraphs: str) -> Document:
    return Document(
        paragraphs=tuple(Paragraph(p, tuple(split_sentences(p))) for p in paragraphs),
        title="Bank to close branches",
        site_name="wire.example",
    )


# --- 2. A wire's opening dateline dropped or added ------------------------------------------

WIRED = (
    "LONDON, Nov. 24, 2026 (Reuters) - Brellin Bank will cut 300 jobs in its branch "
    "network, the lender said on Tuesday."
)
PLAIN = "Brellin Bank will cut 300 jobs in its branch network, the lender said on Tuesday."
SHARES = "Its shares fell 2% in early trading."


@pytest.mark.parametrize(("old", "new"), [(WIRED, PLAIN), (PLAIN, WIRED)])
def test_a_wire_dateline_dropped_or_added_changes_no_date(old: str, new: str) -> None:
    # Before, a rewrite that dropped the dateline gave 'date removed: "Nov. 24, 2026"' as a
    # key change, though the names facet skipped the dateline's place and agency already.
    c = compare(doc(old, SHARES), doc(new, SHARES))
    assert c.changes == ()


def test_a_date_changed_inside_the_text_is_still_a_change() -> None:
    old = "LONDON (Reuters) - Brellin Bank will close 40 branches by Nov. 24, 2026, it said."
    new = "Brellin Bank will close 40 branches by Dec. 1, 2026, it said."
    c = compare(doc(old, SHARES), doc(new, SHARES))
    assert [(ch.kind, ch.old, ch.new) for ch in c.changes] == [
        ("number", "Nov. 24, 2026", "Dec. 1, 2026")
    ]
    # And a figure after the dateline in the same sentence is read as before.
    moved = compare(doc(WIRED, SHARES), doc(PLAIN.replace("300", "350"), SHARES))
    assert [(ch.old, ch.new) for ch in moved.changes] == [("300 jobs", "350 jobs")]


# --- 3. "over four years" / "over a four-year period" --------------------------------------

SPENT = "The council will spend £4m over four years on new electric buses."


@pytest.mark.parametrize(
    "new",
    [
        "The council will spend £4m over a four-year period on new electric buses.",
        "The council will spend £4m over a period of four years on new electric buses.",
        "The council will spend £4m during a four-year period on new electric buses.",
    ],
)
def test_a_span_after_over_told_as_a_period_is_no_number_change(new: str) -> None:
    # "over" read as a bound made it "more than four years" -> "four-year"; both say the
    # span the money is spent over. Either way round.
    assert compare_sentences(SPENT, new) == ()
    assert compare_sentences(new, SPENT) == ()


def test_over_is_still_a_bound_where_nothing_says_during() -> None:
    dropped = compare_sentences("Over 40 people were hurt in the crash.", "40 people were hurt.")
    assert [(c.old, c.new) for c in dropped] == [("Over 40 people", "40 people")]
    # Another span is another figure, and "over four years" against a bare "four years"
    # still reads as a bound dropped ("took over four years" / "took four years").
    other = compare_sentences(SPENT, SPENT.replace("over four years", "over a five-year period"))
    assert [(c.old, c.new) for c in other] == [("over four years", "five-year")]
    bare = compare_sentences("The repairs took over four years.", "The repairs took four years.")
    assert [(c.old, c.new) for c in bare] == [("over four years", "four years")]


# --- 1. A correction note tied to the figure it corrects ----------------------------------

SPILLS = (
    "Sewage spills into the Marrow river had fallen by 40% since 2024, Anvale Water said on "
    "Tuesday."
)
TANKS = "The company said it had spent £12m on 8 new storm tanks."
REST = [
    "Campaigners said the figures were still too high.",
    "Fish numbers fell by 30% over the same period, the anglers' club said.",
]


def _noted(note: str) -> list[str | None]:
    """The old values of the number changes ``note`` is said to speak of, when NEW puts
    60% for the spills' 40% and £15m for the tanks' £12m and adds ``note``."""
    new = [SPILLS.replace("40%", "60%"), TANKS.replace("£12m", "£15m"), *REST, note]
    c = compare(doc(SPILLS, TANKS, *REST), doc(*new))
    assert [(ch.kind, ch.old, ch.new) for ch in c.changes if ch.kind != "note"] == [
        ("number", "40%", "60%"),
        ("number", "£12m", "£15m"),
    ]
    return [c.changes[i].old for i, _ in c.summary.noted]


@pytest.mark.parametrize(
    "note",
    [
        # The user-trial's: the old figure in the old wording, the new one in a new verb.
        "Correction: An earlier version of this article said the spills had fallen by 40%. "
        "Anvale Water says they fell by 60%.",
        "An earlier version of this story misstated the fall in sewage spills as 40%.",
        "This article was amended on 3 March 2026 to correct the fall in spills: it is 60%, "
        "not 40% as originally stated.",
        "Correction: An earlier version of this article incorrectly said that spills had "
        "fallen by 40%. In fact they fell by 60%.",
        "Correction: We have corrected the figure for the fall in sewage spills to 60%.",
        "Correction: It was 60%, not 40%.",
        "An earlier version of this story gave the fall in spills as 40 per cent rather than "
        "60 per cent.",
    ],
)
def test_a_correction_worded_the_common_ways_speaks_of_the_figure_it_corrects(note: str) -> None:
    # Before, only "It was 60%, not 40%" beside words the sentence shares was tied to the
    # change: a note that quoted the old figure in the old wording, or set "as originally
    # stated" after it, was said to correct nothing.
    assert _noted(note) == ["40%"]


@pytest.mark.parametrize(
    "note",
    [
        # Another count of the same story, which did not change.
        "This article was amended on 3 March 2026 to correct the number of storm tanks: it "
        "is 9, not 8 as originally stated.",
        "Correction: An earlier version of this article said fish numbers fell by 30%. They "
        "fell by 35%.",
        # A figure of the changed sentence that the edit left alone.
        "Correction: An earlier version of this article gave the wrong year. Spills have "
        "been counted since 2024, not 2023.",
        # The note's own date.
        "This article was amended on 15 March 2026 to correct a name.",
    ],
)
def test_a_correction_is_tied_to_no_change_it_does_not_name(note: str) -> None:
    assert _noted(note) == []


def test_a_correction_of_the_cost_speaks_of_the_cost_only() -> None:
    assert _noted(
        "Correction: We have corrected the figure for the cost of the tanks to £15m."
    ) == ["£12m"]
