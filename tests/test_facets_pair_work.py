"""What the facets worker does per pair and per document, done once: the sentences of each
version read once for the collector and the prefetch, a hinted pair's block matched to its
hint by identity of the word ops the worker made for both."""

from __future__ import annotations

from typing import Any

import pytest

from compare.facets import ChangeCollector, document, prefetch
from compare.model import Document, Paragraph, SentenceBlock
from compare.text import split_sentences
from compare.worddiff import word_diff

OLD = ["Officials said 40 homes were flooded. The river rose.", "Nobody was hurt."]
NEW = ["Officials said 45 homes were flooded. The river rose.", "A new one came."]


def story(paragraphs: list[str]) -> Document:
    return Document(tuple(Paragraph(p, tuple(split_sentences(p))) for p in paragraphs))


def test_the_prefetch_takes_the_collectors_sentences(monkeypatch: pytest.MonkeyPatch) -> None:
    old, new = story(OLD), story(NEW)
    found = ChangeCollector(old, new, early=True)
    assert found.texts == (
        set(old.paragraphs[0].sentences) | {"Nobody was hurt."},
        set(new.paragraphs[0].sentences) | {"A new one came."},
    )

    def again(*_: Any) -> Any:
        raise AssertionError("the sentences were read again")

    monkeypatch.setattr(document, "_sentence_sets", again)
    prefetch(old, new, lambda: False, found.texts)
    with pytest.raises(AssertionError):
        prefetch(old, new, lambda: False)


def test_a_hinted_block_with_the_hints_word_ops_is_matched_without_reading_them(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    old, new = story(OLD), story(NEW)
    a, b = ((0, 0),), ((0, 0),)
    words = word_diff(old.paragraphs[0].sentences[0], new.paragraphs[0].sentences[0])
    expected = ChangeCollector(old, new)
    expected.add(3, SentenceBlock("reworded", a, b, 0.9, words=words))
    read: list[int] = []
    plain = document._plain_words

    def reading(w: Any) -> Any:
        read.append(len(w))
        return plain(w)

    monkeypatch.setattr(document, "_plain_words", reading)
    found = ChangeCollector(old, new, early=True)
    found.hint(a, b, words)
    found.add(3, SentenceBlock("reworded", a, b, 0.9, words=words))
    assert not found.hinted and not read  # taken, its words unread
    assert found.changes() == expected.changes()
    # The same words made anew (as in-process alignment would) are read, and still match.
    found = ChangeCollector(old, new, early=True)
    found.hint(a, b, words)
    found.add(3, SentenceBlock("reworded", a, b, 0.9, words=tuple(word_diff(*_texts(old, new)))))
    assert not found.hinted and read
    assert found.changes() == expected.changes()


def _texts(old: Document, new: Document) -> tuple[str, str]:
    return old.paragraphs[0].sentences[0], new.paragraphs[0].sentences[0]
