"""``opposites._may_flip_by_prefix`` reads the words with a negative prefix and the words
they negate from a frozenset of ``_PREFIX_OPPOSITES``' words (a set's intersection with a
dict walks the whole dict): the same words, and the same answers."""

from __future__ import annotations

from compare.facets import opposites


def test_the_words_are_those_of_the_table() -> None:
    assert isinstance(opposites._PREFIX_OPPOSITE_WORDS, frozenset)
    assert set(opposites._PREFIX_OPPOSITES) == opposites._PREFIX_OPPOSITE_WORDS


def test_a_word_and_its_negative_left_in_the_other_sentence_may_flip() -> None:
    # "unarmed" is among the differing words and "armed" stands in the new sentence.
    texts = ("The man was unarmed and armed guards came.", "The man was armed and guards came.")
    assert opposites._may_flip_by_prefix({"unarmed"}, "unarmed", texts)
    assert not opposites._may_flip_by_prefix({"guards"}, "guards", texts)
