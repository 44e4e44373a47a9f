"""review10's alignment findings (compare/align.py _moved_short_texts, _kept_sentences,
_by_gap), from /work/wt-review10/tests/test_review10.py. Each test fails on 610c583."""

from __future__ import annotations

from test_align import L
from test_align import doc as align_doc

from compare import compare

# -- _moved_short_texts ------------------------------------------------------------------------

WARDS = [
    "Labour have taken control of the district council for the first time in 20 years.",
    "Ward 1: Labour gain from Conservative",
    "Ward 2: Labour hold",
    "Ward 3: Conservative hold",
    "Ward 4: Liberal Democrat hold",
    "Ward 5: Green gain from Labour",
    "Turnout was 31.4%, down from 34.9% at the last elections in 2022.",
    "The count at the leisure centre finished at 4.15 a.m. on Friday.",
]


def test_review10_a_moved_short_line_is_not_another_numbered_line() -> None:
    # Ward 3's line was dropped and a line on Ward 9, with a sentence, added at the top. The
    # number is what tells one list line from another: out of its place, "Ward 3:
    # Conservative hold" is not "Ward 9: Conservative hold ..." moved up and reworded.
    grown = "Ward 9: Conservative hold after a recount that the returning officer allowed."
    old, new = align_doc(*WARDS), align_doc(WARDS[0], grown, *WARDS[1:3], *WARDS[4:])
    for c in (compare(old, new), compare(new, old)):
        assert not any(b.op == "reworded" and b.moved for b in c.blocks), [
            (b.op, b.a, b.b, b.moved) for b in c.blocks if b.op != "equal"
        ]


# -- _kept_sentences, _by_gap ------------------------------------------------------------------

ARREST = (
    "A man was arrested in Halden on Tuesday after a car was driven into a shop window on Mill "
    "Street. Three people were treated for minor injuries at the scene. Police said the "
    "investigation was continuing."
)
BURGLARY = (
    "Separately, detectives are appealing for witnesses to a burglary at a pharmacy in Brixley "
    "overnight, in which drugs and cash were taken from the safe. Police said the investigation "
    "was continuing."
)


def test_review10_a_stock_sentence_does_not_make_two_stories_one_paragraph() -> None:
    # An arrest replaced by a burglary in the same place: all they share is the stock
    # "Police said the investigation was continuing." (similarity 0.3, the threshold 0.5).
    # One kept sentence of six words in a paragraph of forty is not the paragraph kept.
    old = align_doc(*L[:3], ARREST, *L[3:])
    new = align_doc(*L[:3], BURGLARY, *L[3:])
    for c in (compare(old, new), compare(new, old)):
        assert [b.op for b in c.blocks if b.op != "equal"] == ["removed", "added"], [
            (b.op, b.a, b.b, b.similarity) for b in c.blocks if b.op != "equal"
        ]


class _Counted(dict):  # type: ignore[type-arg]
    looks = 0

    def __contains__(self, key: object) -> bool:
        _Counted.looks += 1
        return super().__contains__(key)


def test_review10_free_units_by_gap_is_linear_in_the_gap() -> None:
    # A story rewritten throughout (every paragraph new, of more than one sentence) leaves
    # one gap of n free units; each walks to both ends of the gap to find its pairs, n * n
    # steps (at 4,000 paragraphs about a fifth of the whole compare). A count of lookups, no
    # clock: a few per unit.
    from compare.align import _by_gap

    n = 3000
    partner = _Counted({0: 0, n + 1: n + 1})
    _Counted.looks = 0
    gaps = _by_gap(range(1, n + 1), partner, (0, n + 1), True)
    assert list(gaps) == [(0, n + 1)]
    assert _Counted.looks <= 10 * n, _Counted.looks
