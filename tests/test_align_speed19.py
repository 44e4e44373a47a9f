"""The shortcuts of align19 in the word diff and alignment: each gives what the long way
gives (property-tested), and each test of what makes it fast fails without its shortcut."""

from __future__ import annotations

import bisect
from collections.abc import Callable
from typing import Any
from unittest import mock

from hypothesis import given, settings
from hypothesis import strategies as st

from compare import align, compare, worddiff
from compare.model import Document, Paragraph
from compare.text import split_sentences

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


def _reading_order_by_tuples(
    groups: list[align._Group],
    free_a: list[int],
    free_b: list[int],
    riding: list[align._Group],
    home_a: Callable[[int], int],
) -> list[tuple[list[int], list[int], align._Group | None]]:
    """align._reading_order the long way: each row's place a tuple (NEW unit, -1, 0 or 1,
    OLD unit)."""
    rows: list[tuple[tuple[int, int, int], Any]] = [((g.b[0], 0, 0), (g.a, g.b, g)) for g in groups]
    rows += [((j, 0, 0), ([], [j], None)) for j in free_b]
    skip = {id(g) for g in riding}
    anchors = sorted((g.a[-1], g.b[-1]) for g in groups if not g.moved and id(g) not in skip)
    anchor_a = [a for a, _ in anchors]
    ride = sorted(riding, key=lambda g: g.a[0])
    ride_a = [g.a[0] for g in ride]
    for i in free_a:
        k = bisect.bisect_left(anchor_a, i)
        key = (anchors[k - 1][1] if k else -1, 1, i)
        if ride:
            r = bisect.bisect_left(ride_a, i)
            near = anchors[k - 1] if k else None
            own = near is not None and home_a(near[0]) == home_a(i)
            before = ride[r - 1] if r else None
            beyond = ride[r] if r < len(ride) else None
            if (
                before is not None
                and home_a(before.a[-1]) == home_a(i)
                and (near is None or before.a[-1] > near[0])
            ):
                key = (before.b[-1], 1, i)
            elif not own and beyond is not None and home_a(beyond.a[0]) == home_a(i):
                key = (beyond.b[0], -1, i)
        rows.append((key, ([i], [], None)))
    rows.sort(key=lambda row: row[0])
    return [row[1] for row in rows]


@settings(max_examples=500, deadline=None)
@given(st.integers(0, 12), st.integers(0, 12), st.data())
def test_reading_order_places_rows_as_tuples_would(n: int, m: int, data: st.DataObject) -> None:
    # Groups pair OLD and NEW units one to one, in any order, some moved, some riding with
    # their paragraph (three units a paragraph); the rest are free on each side.
    pairs = data.draw(st.integers(0, min(n, m)))
    olds = data.draw(st.permutations(range(n)))[:pairs]
    news = data.draw(st.permutations(range(m)))[:pairs]
    groups = sorted(
        (
            align._Group([i], [j], 0.9, moved=data.draw(st.booleans()))
            for i, j in zip(olds, news, strict=True)
        ),
        key=lambda g: g.a[0],
    )
    riding = [g for g in groups if data.draw(st.booleans())]
    free_a = sorted(set(range(n)) - set(olds))
    free_b = sorted(set(range(m)) - set(news))

    def home(i: int) -> int:
        return i // 3

    for ride in ([], riding):
        assert align._reading_order(groups, free_a, free_b, ride, home) == (
            _reading_order_by_tuples(groups, free_a, free_b, ride, home)
        )


def test_reading_order_sorts_integers() -> None:
    # Each row's place is one integer, not a tuple: cheaper to make and to compare.
    seen: list[type] = []
    real = align.itemgetter

    def spy(k: int) -> Callable[[Any], Any]:
        get = real(k)

        def key(row: Any) -> Any:
            seen.append(type(get(row)))
            return get(row)

        return key

    groups = [align._Group([0], [1], 1.0), align._Group([2], [0], 0.8, moved=True)]
    with mock.patch.object(align, "itemgetter", spy):
        order = align._reading_order(groups, [1], [2])
    assert seen and set(seen) == {int}
    assert [(a, b) for a, b, _ in order] == [([2], [0]), ([0], [1]), ([1], []), ([], [2])]


def _document(texts: list[str]) -> Document:
    paragraphs = tuple(Paragraph(text, tuple(split_sentences(text))) for text in texts)
    return Document(title="", paragraphs=paragraphs)


_SENTENCE_WORDS = st.sampled_from(
    [
        *("the", "council", "said", "bridge", "48,000", "closed", "March", "Thursday.", "not"),
        *("drivers", "ring", "road.", "Ann", "U.S.", "caf\u00e9", "12", "The", "Council"),
    ]
)
_SENTENCE = st.lists(_SENTENCE_WORDS, min_size=1, max_size=10).map(lambda ws: " ".join(ws) + ".")


def _groups(groups: list[align._Group]) -> list[tuple[object, ...]]:
    return [(g.a, g.b, g.score, g.moved, g.identical, g.anywhere) for g in groups]


@settings(max_examples=500, deadline=None)
@given(
    st.lists(_SENTENCE, min_size=1, max_size=5),
    st.integers(0, 4),
    _SENTENCE,
    st.sampled_from(["new", "edited", "case"]),
    st.integers(0, 3),
)
def test_one_sentence_edited_aligns_as_the_full_matching(
    sentences: list[str], at: int, other: str, how: str, before: int
) -> None:
    """A paragraph pair the same but for one sentence gives the groups the full matching
    gives, whenever the shortcut answers (and it answers for most such pairs)."""
    at = min(at, len(sentences) - 1)
    edited = list(sentences)
    if how == "new":
        edited[at] = other
    elif how == "edited":
        edited[at] = sentences[at].rstrip(".") + " " + other
    else:
        edited[at] = sentences[at].upper()
    # Sentences of paragraphs before this one, on both sides: the local ids start there.
    texts_a = ["Earlier one."] * before + sentences
    texts_b = ["Earlier one."] * before + edited
    ids_a = list(range(before, len(texts_a)))
    ids_b = list(range(before, len(texts_b)))
    found = []
    for shortcut in (True, False):
        coder = align._Coder()  # each way codes its words afresh, in its own order
        units_a, units_b = align._LazyUnits(texts_a, coder), align._LazyUnits(texts_b, coder)
        if shortcut:
            groups = align._one_sentence_edited(units_a, units_b, ids_a, ids_b, 0.5)
            if groups is None:
                return
        else:  # as alignment calls it: its same_paragraph says yes within the one pair
            groups = align._match(units_a, units_b, 0.5, ids_a, ids_b, lambda *_: True).groups
        found.append((_groups(groups), dict(coder.codes)))
    assert found[0] == found[1]


def test_one_sentence_edited_skips_the_full_matching() -> None:
    old = "The council closed the bridge on Thursday. Drivers used the ring road. It reopens."
    new = "The council closed the bridge on Friday night. Drivers used the ring road. It reopens."
    with mock.patch.object(align, "_match", wraps=align._match) as match:
        comparison = compare(_document([old]), _document([new]), facets=False)
    # The paragraphs' matching and the (empty) one across paragraphs for the sentences
    # left over: none for the sentences inside the paragraph pair.
    assert [len(call.args) for call in match.call_args_list] == [3, 6]
    assert match.call_args_list[1].args[3:5] == ([], [])
    assert [s.op for s in comparison.sentences] == ["reworded", "equal", "equal"]


def test_words_are_coded_from_u0001_past_the_surrogates() -> None:
    # Two bytes a character for a story's first 65,000 words, one for its first 255 (as
    # Python keeps them); never U+0000 (NUMBER) nor a lone surrogate, which no text holds.
    assert [align._word_code(k) for k in (0, 1, 254)] == ["\x01", "\x02", "\xff"]
    assert align._word_code(0xD7FE) == "\ud7ff" and align._word_code(0xD7FF) == "\ue000"
    codes = [align._word_code(k) for k in range(70_000)]
    assert len(set(codes)) == len(codes) and align.NUMBER not in codes
    assert not any("\ud800" <= c <= "\udfff" for c in codes)
    coder = align._Coder()
    assert coder.code("the council said the bridge closed") == "\x01\x02\x03\x01\x04\x05"


@settings(max_examples=300, deadline=None)
@given(st.lists(st.booleans(), max_size=40))
def test_unset_are_the_indices_of_the_zeros(flags: list[bool]) -> None:
    marks = bytearray(flags)
    assert align._unset(marks) == [k for k, done in enumerate(marks) if not done]


def test_unset_takes_a_step_a_sentence_left_only() -> None:
    # Thousands of sentences matched, two left: found by two searches and one that fails.
    marks = bytearray(b"\1" * 5000 + b"\0" + b"\1" * 5000 + b"\0")

    class Counted(bytearray):
        finds = 0

        def find(self, *args: Any) -> int:  # type: ignore[override]
            Counted.finds += 1
            return super().find(*args)

    assert align._unset(Counted(marks)) == [5000, 10001] and Counted.finds == 3


def _longest_increasing_searched(values: list[int]) -> set[int]:
    """align._longest_increasing of single values the long way: every value searched for."""
    tails: list[int] = []
    tail_pos: list[int] = []
    back = [-1] * len(values)
    for pos, value in enumerate(values):
        k = bisect.bisect_left(tails, value)
        tails[k : k + 1] = [value]
        tail_pos[k : k + 1] = [pos]
        back[pos] = tail_pos[k - 1] if k else -1
    keep = set()
    pos = tail_pos[-1] if tail_pos else -1
    while pos >= 0:
        keep.add(pos)
        pos = back[pos]
    return keep


@settings(max_examples=500, deadline=None)
@given(st.lists(st.integers(0, 30), unique=True, max_size=30), st.integers(0, 30))
def test_longest_increasing_keeps_what_searching_every_value_keeps(
    values: list[int], in_order: int
) -> None:
    # Mostly in order, as a story's groups are: a sorted head, then anything.
    values = sorted(values[:in_order]) + values[in_order:]
    assert align._longest_increasing(values) == _longest_increasing_searched(values)
