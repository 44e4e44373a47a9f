"""The shortcuts of align20 in alignment, the word diff and sentence splitting: each gives
what the long way gives, and each test fails without its shortcut (it checks what makes it
fast or small)."""

from __future__ import annotations

from typing import Any
from unittest import mock

from hypothesis import given, settings
from hypothesis import strategies as st

from compare import align, compare
from compare import text as text_module
from compare.model import CompareOptions, Document, Paragraph
from compare.text import _boundaries, clean_whitespace, split_clean_sentences, split_sentences


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


def _document(texts: list[str]) -> Document:
    return Document(
        url=None,
        title=None,
        paragraphs=tuple(Paragraph(text, tuple(split_sentences(text))) for text in texts),
    )


class _Worker:
    """What alignment sends a facets worker, in order (no process)."""

    def __init__(self, events: list[str]) -> None:
        self.events = events

    def add(self, index: int, block: object) -> None:
        self.events.append("add")

    def hint(self, pos_a: object, pos_b: object, words: object) -> None:
        self.events.append("hint")

    def result(self, *args: object) -> tuple[tuple[()], tuple[()], tuple[()]]:
        self.events.append("result")
        return (), (), ()


def test_the_worker_is_hinted_before_the_paragraph_blocks_are_made() -> None:
    """The facets worker gets the reworded sentence pairs (hints) as soon as the paragraphs
    are matched: the paragraph blocks, which only the summary reads, are made after the
    sentences (~20M instructions before the first hint at 2,000 paragraphs)."""
    kept = "The council met on Monday. It voted on the budget for next year."
    old = _document(
        [kept, "The bridge will close in March for repairs. Drivers must use the ring road."]
    )
    new = _document(
        [kept, "The bridge will close in April for repairs. Drivers must use the ring road."]
    )
    events: list[str] = []
    made = align._paragraph_blocks

    def spy(*args: Any) -> Any:
        events.append("blocks")
        return made(*args)

    with mock.patch.object(align, "_paragraph_blocks", spy):
        comparison = align._align_documents(
            old,
            new,
            CompareOptions(),
            _Worker(events),  # type: ignore[arg-type]
        )
    assert events.index("hint") < events.index("blocks") < events.index("result")
    assert [b.op for b in comparison.blocks] == ["equal", "reworded"]
    assert comparison.blocks == compare(old, new, facets=False).blocks


def _split_at_boundaries(text: str) -> list[str]:
    """split_clean_sentences the long way: cut at every end _boundaries finds."""
    if not text:
        return []
    ends, unspaced = _boundaries(text)
    sentences, start = [], 0
    for end in sorted(ends + unspaced):
        sentences.append(text[start : end + 1])
        start = end + 1 if end in unspaced else end + 2
    sentences.append(text[start:])
    return sentences


# Words that end sentences or do not (abbreviations, initials, dotted, lower case after),
# with marks and closers, and a dateline's capitals: the places the one loop settles, and
# those it leaves to _boundaries.
_WORD = st.sampled_from(
    [
        *("said", "the", "iPhone", "Council", "Sept", "approx", "etc", "Mr", "U.S", "a.m"),
        *("Z", "3", "LONDON", "(Reuters)", '"We', "ST", "brave", "Ave", "vs", "no"),
    ]
)
_MARK = st.sampled_from(["", "", "", ".", ".", ".", '."', ".)", "...", "!", "?", ","])
_CLEAN_TEXT = st.lists(st.tuples(_WORD, _MARK).map("".join), max_size=16).map(" ".join)


@settings(max_examples=2000, deadline=None)
@given(st.one_of(_CLEAN_TEXT, st.text(max_size=80).map(clean_whitespace)))
def test_sentences_cut_in_one_loop_are_those_of_the_boundaries(text: str) -> None:
    assert split_clean_sentences(text) == _split_at_boundaries(text)


def test_a_plain_paragraph_is_cut_without_looking_for_its_boundaries() -> None:
    """Full stops the search settles, the first past a dateline's reach: the sentences are
    cut as the stops are found, with no call of _boundaries (its loops cost ~3,000
    instructions a paragraph more)."""
    text = (
        "The council met on Monday to vote on the budget. Drivers were told to use the "
        "ring road. Officials gave no details."
    )
    with mock.patch.object(text_module, "_boundaries", side_effect=AssertionError):
        sentences = split_clean_sentences(text)
    assert sentences == [
        "The council met on Monday to vote on the budget.",
        "Drivers were told to use the ring road.",
        "Officials gave no details.",
    ]
