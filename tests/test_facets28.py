"""The sentences of a split or merge are read as one text: a name must not run across the
end of one sentence into the next ("on the A61. He was arrested" is no name "A61. He").
Review 28 of the word output, found after the split across paragraph breaks was fixed."""

from __future__ import annotations

from test_align import doc

from compare import compare
from compare.facets.names import _names


def test_a_name_ends_with_its_sentence() -> None:
    text = "The crash closed the A61. He was arrested at the scene, police added."
    assert _names(text) == ("A61",)
    # A title, an initial or a dotted abbreviation ends no sentence.
    assert _names("Sen. Maria Lopez met Capt. Luis Arroyo and J. R. Smith in St. Louis.") == (
        "Sen. Maria Lopez",
        "Capt. Luis Arroyo",
        "J. R. Smith",
        "St. Louis",
    )
    assert _names("Officials met U.S. Ambassador Kim on Monday.") == ("U.S. Ambassador Kim",)
    # A company's abbreviation may end a sentence or go on in the name: it goes on.
    assert _names("Investors sold Warner Bros. Discovery stock.") == ("Warner Bros. Discovery",)


def test_a_sentence_split_in_two_adds_no_name() -> None:
    old = doc(
        "Police said the driver had been drinking before the crash on the A61, and he was "
        "arrested at the scene."
    )
    new = doc(
        "Police said the driver had been drinking before the crash on the A61. He was arrested "
        "at the scene."
    )
    c = compare(old, new)
    assert [s.op for s in c.sentences] == ["reworded"]
    assert [ch for ch in c.changes if ch.kind == "name"] == []
