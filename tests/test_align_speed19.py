"""The shortcuts of align19 in the word diff and alignment: each gives what the long way
gives (property-tested), and each test of what makes it fast fails without its shortcut."""

from __future__ import annotations

from unittest import mock

from hypothesis import given, settings
from hypothesis import strategies as st

from compare import worddiff

# Plain words that share starts and ends ("a", "ab", "ba"), marks and a NUL: what could trip
# finding the words two texts start and end with from their characters.
_WORD = st.sampled_from(["a", "b", "ab", "ba", "a,", "a.", "said", "1,000", "(it)", "x_y", "\0"])
_WORDS = st.lists(_WORD, max_size=9)


def _edges_word_by_word(old: str, new: str) -> tuple[int, int] | None:
    """_equal_edges the long way: words compared one by one from each end."""
    words_a, words_b = old.split(" "), new.split(" ")
    head = 0
    for word_a, word_b in zip(words_a, words_b, strict=False):
        if word_a != word_b:
            break
        head += 1
    end_a, end_b = len(words_a), len(words_b)
    while end_a > head and end_b > head and words_a[end_a - 1] == words_b[end_b - 1]:
        end_a -= 1
        end_b -= 1
    if end_a == head or end_b == head:
        return None
    head_chars = len(" ".join(words_a[:head])) + 1 if head else 0
    tail_chars = len(" ".join(words_a[end_a:])) + 1 if end_a < len(words_a) else 0
    return head_chars, tail_chars


@settings(max_examples=2000, deadline=None)
@given(_WORDS, _WORDS, _WORDS, _WORDS)
def test_equal_edges_are_the_words_both_start_and_end_with(
    head: list[str], tail: list[str], middle_a: list[str], middle_b: list[str]
) -> None:
    old = " ".join(head + middle_a + tail)
    new = " ".join(head + middle_b + tail)
    if old != new:
        assert worddiff._equal_edges(old, new) == _edges_word_by_word(old, new)
        assert worddiff._equal_edges(new, old) == _edges_word_by_word(new, old)


def test_plain_ops_find_the_equal_words_from_characters() -> None:
    # The words both ends share are counted in C from the characters the texts start and
    # end with (rapidfuzz's Prefix and Postfix), not word by word.
    old = "The council said on Thursday that the bridge would open in May this year."
    new = "The council said on Friday that the bridge would open in June this year."
    with (
        mock.patch.object(worddiff, "_common_start", wraps=worddiff._common_start) as start,
        mock.patch.object(worddiff, "_common_end", wraps=worddiff._common_end) as end,
    ):
        ops = worddiff._plain_ops(old, new)
    assert start.call_count == end.call_count == 1
    assert ops is not None and ops[0] == ("equal", "The council said on ", "The council said on ")
    assert worddiff._equal_edges(old, new) == (len("The council said on "), len(" this year."))
