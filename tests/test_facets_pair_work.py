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


def test_the_prefetch_takes_the_collectors_reading(monkeypatch: pytest.MonkeyPatch) -> None:
    old, new = story(OLD), story(NEW)
    found = ChangeCollector(old, new, early=True)
    assert found.read is not None
    assert found.read.texts == (
        {*old.paragraphs[0].sentences, "Nobody was hurt."},
        {*new.paragraphs[0].sentences, "A new one came."},
    )
    assert found.read.changed == [(0, 0), (0, 1), (1, 0), (1, 1)]
    assert found.read.unshared == ({1}, {1}) == found.maybe_whole

    def again(*_: Any) -> Any:
        raise AssertionError("the documents were read again")

    monkeypatch.setattr(document, "_read_documents", again)
    prefetch(old, new, lambda: False, found.read)
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


def test_the_prefetch_prepares_the_one_sided_sentences_from_the_top(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # (Pins what passing over whole paragraphs in C must keep: which sentences, in which
    # order, both versions from the top, each with whether it opens inside a quote.)
    old = story(["Same one. Gone here.", "Kept whole.", 'He said "we will go. Now.', "Old end."])
    new = story(["Same one. Came here.", "Kept whole.", 'He said "we will go. Soon.', "New."])
    prepared: list[tuple[str, bool]] = []
    real = document._prepare

    def recording(text: str, opens: bool) -> Any:
        prepared.append((text, opens))
        return real(text, opens)

    monkeypatch.setattr(document, "_prepare", recording)
    prefetch(old, new, lambda: True)
    assert prepared == [
        ("Gone here.", False),
        ("Came here.", False),
        ("Now.", True),
        ("Soon.", True),
        ("Old end.", False),
        ("New.", False),
    ]


def test_the_worker_sends_changes_and_reads_word_ops_field_for_field() -> None:
    from compare import facets_worker
    from compare.model import Change, WordOp

    changes = (
        Change("number", "changed", "4", "5", 1, 7, "d"),
        Change("name", "added", None, "X", 3, 0),
    )
    plain = facets_worker._plain_changes(changes)
    assert plain == (
        ("number", "changed", "4", "5", 1, 7, "d"),
        ("name", "added", None, "X", 3, 0, ""),
    )
    assert tuple(Change(*fields) for fields in plain) == changes
    ops = facets_worker._word_ops((("equal", "a ", "a "), ("replace", "b", "c")))
    assert [(w.op, w.old, w.new) for w in ops] == [("equal", "a ", "a "), ("replace", "b", "c")]
    assert all(type(w) is WordOp for w in ops)


def test_names_go_with_the_facts_that_moved_between_their_sentences() -> None:
    from compare.facets.base import _change

    texts = {
        (0, False): "In Leeds, 30 people were hurt on Monday, Kim said.",
        (1, True): "Officials in Leeds said 30 people were hurt on Monday near Oslo.",
        (2, False): "Oslo held 30 people on Monday.",
        (3, True): "Nothing to see.",
    }

    def text(index: int, new: bool) -> str | None:
        return texts.get((index, new))

    gone = _change("number", "removed", "30 people", None, 0, "")
    came = _change("number", "added", None, "30 people", 1, "")
    names = [
        _change("name", "removed", "Leeds", None, 0, ""),  # named where the fact went: moved
        _change("name", "removed", "Kim", None, 0, ""),  # not: stays
        _change("name", "added", None, "Oslo", 1, ""),  # not in the sentence it came from
        _change("name", "added", None, "Leeds", 1, ""),  # named where it came from: moved
        _change("name", "removed", "Oslo", None, 2, ""),  # no fact moved out of it
        _change("name", "changed", "Kim", "Lee", 0, ""),  # neither came nor went
    ]
    kept = document._without_moved_facts([gone, came, *names], text)
    assert kept == [names[1], names[2], names[4], names[5]]


def test_figures_across_a_passage_are_sorted_again_only_when_one_changed(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from compare.facets.base import _change, _sort

    old = story(["Same.", "Twelve died. In all, 12 people were killed."])
    new = story(["Same.", "Police said 12 people were killed in the storm."])
    blocks = (("equal", (0,), (0,)), ("removed", (1,), ()), ("added", (), (1,)))
    alone = {
        1: SentenceBlock("removed", ((1, 1),), (), 0.0),
        2: SentenceBlock("added", (), ((1, 0),), 0.0),
    }
    changes = _sort(
        [
            _change("number", "removed", "12 people", None, 1, ""),
            _change("number", "added", None, "12 people", 2, ""),
            _change("name", "added", None, "Police", 2, ""),
            _change("quote", "removed", "x", None, 0, ""),
        ]
    )
    sorts: list[int] = []
    monkeypatch.setattr(document, "_sort", lambda found: sorts.append(1) or _sort(found))
    kept = document._facing_number_changes(old, new, blocks, alone, changes)
    assert kept == [changes[0], changes[3]]  # the figure restated: neither came nor went
    assert not sorts


def test_a_verbs_stem_is_worked_out_once_per_word() -> None:
    from compare.facets import clear_caches
    from compare.facets.verbs import _same_verb, _stem

    clear_caches()
    assert _stem.cache_info().currsize == 0  # (cleared with the other readings)
    assert [_stem(w) for w in ("stopped", "paid", "using", "passes", "Stopped")] == [
        "stop",
        "pay",
        "us",
        "pass",
        "stop",
    ]
    assert _same_verb("won", "wins") and _same_verb("resigned", "resign")
    hits = _stem.cache_info().hits
    _stem("stopped")
    assert _stem.cache_info().hits == hits + 1


def test_a_hinted_change_moved_to_its_block_keeps_every_other_field() -> None:
    from dataclasses import fields

    from compare.model import Change

    # document._at copies the change's __dict__: every field must come through.
    assert [f.name for f in fields(Change)] == [
        "kind",
        "action",
        "old",
        "new",
        "severity",
        "sentence",
        "detail",
    ]
    change = Change("quote", "changed", "a", "b", 1, -1, "quote: a -> b")
    moved = document._at(change, 12)
    assert [getattr(moved, f.name) for f in fields(Change)] == [
        "quote",
        "changed",
        "a",
        "b",
        1,
        12,
        "quote: a -> b",
    ]
