"""The tables of opposites (compare/facets/opposites.py) are built from the moves up and down
as groups, not from every pair of them spelt out: the same tables as before."""

from __future__ import annotations

from collections.abc import Iterable

from compare.facets import opposites
from compare.facets.opposites import (
    _ANTONYM_PAIRS,
    _ANTONYMS,
    _MIDDLE_OPPOSITES,
    _MOVES,
    _OPPOSITE_VERBS,
    _antonym_table,
)


def _table_from_pairs(pairs: Iterable[str]) -> dict[str, frozenset[str]]:
    """The tables as they were built, from pairs only (a copy of the code before)."""
    found: dict[str, set[str]] = {}
    for pair in pairs:
        a, b = pair.split()
        found.setdefault(a, set()).add(b)
        found.setdefault(b, set()).add(a)
    return {word: frozenset(words) for word, words in found.items()}


def _moves_as_pairs() -> tuple[str, ...]:
    return tuple(
        f"{up} {down}" for ups, downs in _MOVES for up in ups.split() for down in downs.split()
    )


def test_the_tables_of_opposites_are_those_the_pairs_spelt_out_gave() -> None:
    assert _table_from_pairs((*_ANTONYM_PAIRS, *_moves_as_pairs())) == _ANTONYMS
    verbs = (
        f"{a} {b}"
        for one, other in _OPPOSITE_VERBS[7:]
        for a, b in zip(one.split(), other.split(), strict=True)
    )
    middle = (*verbs, *_moves_as_pairs(), "support opposition", "supporters opponents")
    assert _table_from_pairs((*middle, "for against")) == _MIDDLE_OPPOSITES
    assert _ANTONYMS["rose"] >= {"fell", "fallen", "shrunk"} and "rose" in _ANTONYMS["sank"]


def test_the_moves_are_read_as_groups() -> None:
    # Not spelt out as pairs: the pairs of the table are those of the other opposites only.
    assert not set(_moves_as_pairs()) & set(_ANTONYM_PAIRS)
    assert _antonym_table((), [("rose climbed", "fell")]) == {
        "rose": frozenset({"fell"}),
        "climbed": frozenset({"fell"}),
        "fell": frozenset({"rose", "climbed"}),
    }
    assert opposites._antonym_table(["won lost"]) == {
        "won": frozenset({"lost"}),
        "lost": frozenset({"won"}),
    }
