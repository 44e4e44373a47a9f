"""The shortcuts of align20 in alignment, the word diff and sentence splitting: each gives
what the long way gives, and each test fails without its shortcut (it checks what makes it
fast or small)."""

from __future__ import annotations

from typing import Any
from unittest import mock

from compare import align, compare
from compare.model import CompareOptions, Document, Paragraph
from compare.text import split_sentences


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
