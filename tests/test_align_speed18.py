"""The shortcuts of speedalign18 in alignment and the word diff: each gives what the long way
gives (property-tested), and each test fails without its shortcut (it checks what makes it
fast: no call, no new object, no dict)."""

from __future__ import annotations

from unittest import mock

from hypothesis import given, settings
from hypothesis import strategies as st

from compare import align, compare
from compare.model import Document, Paragraph
from compare.text import fold, match_key, split_sentences
from compare.worddiff import _at_a_digit, _equal_share

# Words, marks, dashes, dots, odd whitespace and a little beyond ASCII: the cases a unit's
# fold and key, and a text's coding, take apart.
_PIECES = st.sampled_from(
    [
        *("the", "Council", "said", "48,000", "hour-long", "U.S.", "don't", "it's"),
        *("-", "--", "\u2014", "...", ".", ",", "(", '"', "Caf\u00e9", "\u00a0", "\t", "\n"),
        *("  ", " ", ". ", "2026.", "x_y", "\u5e02\u653f\u5e9c", "NO", "no."),
    ]
)
_TEXTS = st.lists(_PIECES, max_size=14).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(_TEXTS)
def test_unit_fold_and_key_are_fold_and_match_key(text: str) -> None:
    unit = align._Unit(text, align._Coder())
    assert unit._folded == fold(text)
    assert unit.key == match_key(text)


def test_unit_of_clean_ascii_text_calls_neither_fold_nor_match_key() -> None:
    with (
        mock.patch.object(align, "fold", side_effect=AssertionError),
        mock.patch.object(align, "match_key", side_effect=AssertionError),
    ):
        unit = align._Unit("The Council said on Thursday it would close.", align._Coder())
    assert unit.key == "the council said on thursday it would close"


@settings(max_examples=300, deadline=None)
@given(st.lists(_TEXTS, min_size=1, max_size=6))
def test_word_set_is_the_set_of_the_code(texts: list[str]) -> None:
    coder = align._Coder()
    units = [coder.unit(text) for text in texts]
    for unit in units:  # (codes made in order, some sentences seen before)
        assert unit.word_set() == set(unit.code)


def test_word_set_holds_the_words_own_character_objects() -> None:
    """No character of a code is made again to make a set: the set's elements are the very
    objects the coder gave the words (set(code) made a new one for each)."""
    coder = align._Coder()
    unit = coder.unit("The bridge will close in March. Drivers were told to use the ring road.")
    words = unit.word_set()
    own = {id(char) for char in coder.codes.values()}
    assert len(words) == len(coder.codes) == 13 and all(id(char) in own for char in words)


@given(st.sets(st.integers(0, 40)))
def test_positions_are_where_each_unit_stands(ids: set[int]) -> None:
    ordered = sorted(ids)
    positions = align._positions(ordered)
    assert all(positions[x] == k for k, x in enumerate(ordered))


def test_positions_of_a_whole_side_are_a_range_not_a_dict() -> None:
    assert align._positions(list(range(2000))) == range(2000)
    assert isinstance(align._positions([0, 2, 3]), dict)


def _document(*texts: str) -> Document:
    paragraphs = tuple(Paragraph(text, tuple(split_sentences(text))) for text in texts)
    return Document(title="", paragraphs=paragraphs)


def test_paragraph_copies_become_equal_blocks_without_op() -> None:
    """A paragraph paired with its copy (or a copy differing only cosmetically) is an equal
    block made without asking _op; the blocks are those _op would have made."""
    old = _document("One two three four.", "Five six seven eight.", "Nine ten eleven twelve.")
    new = _document("One two three four.", "Five six seven eight", "Nine ten eleven twenty.")
    calls = []
    real_op = align._op

    def op(group, units_a, units_b):  # type: ignore[no-untyped-def]
        if isinstance(units_a, list):  # paragraphs (sentences are _LazyUnits)
            calls.append((group.a, group.b))
        return real_op(group, units_a, units_b)

    with mock.patch.object(align, "_op", op):
        comparison = compare(old, new, facets=False)
    ops = [(b.op, b.a, b.b, b.similarity, b.moved, b.cosmetic) for b in comparison.blocks]
    assert ops[:2] == [
        ("equal", (0,), (0,), 1.0, False, False),
        ("equal", (1,), (1,), 1.0, False, True),
    ]
    assert ops[2][0] == "reworded"
    assert calls == [([2], [2])]


_OPS = st.lists(
    st.tuples(
        st.sampled_from(["equal", "replace", "insert", "delete"]),
        st.sampled_from(["", "a", "1", "a 1", " 12", "x9", "\u0663", " "]),
        st.sampled_from(["", "b", "2", "b 2", "34 ", "9y", " "]),
    ),
    max_size=6,
)


@given(_OPS)
def test_at_a_digit_as_before(ops: list[tuple[str, str, str]]) -> None:
    before = any(
        op != "equal"
        and (a[:1].isdigit() or a[-1:].isdigit() or b[:1].isdigit() or b[-1:].isdigit())
        for op, a, b in ops
    )
    assert _at_a_digit(ops) == before


@given(_OPS)
def test_equal_share_as_before(ops: list[tuple[str, str, str]]) -> None:
    old = "".join(a for _, a, _ in ops)
    new = "".join(b for _, _, b in ops)
    total = len(old) - old.count(" ") + len(new) - new.count(" ")
    changed = sum(
        len(a) - a.count(" ") + len(b) - b.count(" ") for op, a, b in ops if op != "equal"
    )
    assert _equal_share(ops, old, new) == ((total - changed) / total if total else 1.0)


def _reference_code(folded_texts: list[str]) -> list[str]:
    """Each folded text's code as the coder made it before its shortcuts: every piece's
    words by _words, a new word given the next character."""
    codes: dict[str, str] = {}
    out = []
    for folded in folded_texts:
        chars = []
        for piece in folded.split(" "):
            for word in align._words(piece):
                chars.append(codes.setdefault(word, align._word_code(len(codes))))
        out.append("".join(chars))
    return out


@settings(max_examples=300, deadline=None)
@given(st.lists(_TEXTS, min_size=1, max_size=6))
def test_codes_as_before_the_shortcuts(texts: list[str]) -> None:
    coder = align._Coder()
    units = [align._Unit(text, coder) for text in texts]
    assert [unit.code for unit in units] == _reference_code([unit._folded for unit in units])


def test_an_ascii_piece_of_one_word_is_coded_without_words() -> None:
    coder = align._Coder()
    with mock.patch.object(align, "_words", side_effect=AssertionError):
        code = coder.code("the council said, on thursday. it would close")
    assert len(code) == 8 and len(set(code)) == 8
