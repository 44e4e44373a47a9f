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
