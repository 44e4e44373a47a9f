"""The shortcuts of align20 in alignment, the word diff and sentence splitting: each gives
what the long way gives, and each test fails without its shortcut (it checks what makes it
fast or small)."""

from __future__ import annotations

from compare import align


def test_a_sentence_keeps_its_words_as_the_list_its_coding_made() -> None:
    """A sentence's word characters are the list the coding joined, not a frozenset made
    of them (~1.4 KB a sentence, 2.4 MB of fresh memory at 2,000 paragraphs): the set a
    unit asks for is made when it is asked (a paragraph's is a union anyway)."""
    coder = align._Coder()
    unit = coder.unit("The bridge will close in March. Drivers were told to use the ring road.")
    code = unit.code
    kept = [coder.part_words[part] for part in unit._parts]
    assert all(type(words) is list for words in kept)
    assert "".join(char for words in kept for char in words) == code
    assert unit.word_set() == set(code)
