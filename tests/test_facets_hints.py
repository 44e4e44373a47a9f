"""Hints: alignment tells the facets worker each reworded pair of sentences as soon as it
finds it (compare/align.py ``_align_sentences``), and the worker compares it while the rest
is aligned (``facets.ChangeCollector.hint``); the pair's block then takes those changes. A
hint may change when a change is found, never which."""

from __future__ import annotations

import importlib.util
import json
import marshal
import os
from collections.abc import Sequence
from dataclasses import replace
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from compare import facets, facets_worker, load
from compare.align import _align_documents
from compare.facets.document import ChangeCollector
from compare.model import (
    Change,
    CompareOptions,
    Comparison,
    Document,
    Paragraph,
    PlainBlock,
    SentenceBlock,
    WordOp,
)
from compare.text import split_sentences
from compare.worddiff import word_diff

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
Positions = tuple[tuple[int, int], ...]


@cache
def served(old: Document, new: Document, messages: bytes, path: Path) -> Any:
    """What the facets worker answers (unmarshalled) to ``messages`` about ``old`` and
    ``new``, served from files (``path`` with .requests and .answers)."""
    requests, answers = path.with_suffix(".requests"), path.with_suffix(".answers")
    requests.write_bytes(messages)
    with open(requests, "rb") as r, open(answers, "wb") as w:
        assert facets_worker._serve(old, new, r.fileno(), w.fileno()) == 0
    with open(answers, "rb") as r:
        answer = facets_worker._read(r.fileno(), None)
    assert answer is not None
    return marshal.loads(answer)


def speed_pair(paragraphs: int) -> tuple[Document, Document]:
    """The pair benchmarks/speed.py compares, at ``paragraphs`` paragraphs."""
    spec = importlib.util.spec_from_file_location("speed_bench", ROOT / "benchmarks" / "speed.py")
    assert spec is not None and spec.loader is not None
    speed = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(speed)
    old, new = speed.make_pair(paragraphs)
    return speed.document(old), speed.document(new)


def fixture_pairs() -> list[tuple[str, str, str]]:
    found = []
    for expected in sorted(FIXTURES.glob("*/expected.json")):
        for case in json.loads(expected.read_text(encoding="utf-8")).get("comparisons", []):
            found.append((expected.parent.name, case["old"], case["new"]))
    return found


class InProcessWorker:
    """What the facets worker does with blocks and hints (facets_worker._serve), in this
    process, counting the blocks whose changes a hint had found."""

    def __init__(self, old: Document, new: Document, hints: bool = True) -> None:
        self.found = ChangeCollector(old, new, early=True)
        self.hints = hints
        self.hinted = 0
        self.hits = 0
        self.paired = 0
        self.blocks: list[SentenceBlock] = []

    def hint(self, a: Positions, b: Positions, words: Sequence[WordOp]) -> None:
        if self.hints:
            self.hinted += 1
            self.found.hint(a, b, words)

    def add(self, index: int, block: SentenceBlock) -> None:
        if block.a and block.b:
            self.paired += 1
            hinted = self.found.hinted.get((block.a, block.b))
            self.hits += hinted is not None and _plain(hinted[0]) == _plain(block.words)
        self.blocks.append(block)
        self.found.add(index, block)

    def result(
        self,
        titles: tuple[str, str, tuple[WordOp, ...]] | None,
        standfirsts: tuple[str, str] | None,
        blocks: Sequence[PlainBlock] = (),
        made: tuple[object, ...] = (),
    ) -> tuple[tuple[Change, ...], ...]:
        top = facets.top_changes(titles, standfirsts)
        return (self.found.changes(blocks), *top)

    def close(self) -> None:
        pass


def compared(old: Document, new: Document, worker: InProcessWorker | None) -> Comparison:
    return _align_documents(old, new, CompareOptions(), worker)  # type: ignore[arg-type]


def outcome(comparison: Comparison) -> tuple[Any, ...]:
    """What a comparison says: its sentence blocks (words as text) and its changes."""
    return (
        [
            (b.op, b.a, b.b, b.similarity, b.moved, b.cosmetic, _plain(b.words))
            for b in comparison.sentences
        ],
        comparison.changes,
        comparison.title_changes,
        comparison.standfirst_changes,
    )


def _plain(words: Sequence[WordOp]) -> tuple[tuple[str, str, str], ...]:
    return tuple((w.op, w.old, w.new) for w in words)


def test_hinted_pairs_give_the_changes_their_blocks_give_unhinted() -> None:
    old, new = speed_pair(300)
    alone = compared(old, new, None)
    unhinted = compared(old, new, InProcessWorker(old, new, hints=False))
    worker = InProcessWorker(old, new)
    hinted = compared(old, new, worker)
    assert outcome(hinted) == outcome(unhinted) == outcome(alone)
    assert hinted.changes  # (a pair with something to find)
    # Every pair found in both versions was hinted before its block came, and took what
    # the hint found: none was compared twice, none hinted in vain.
    assert worker.paired > 40
    assert worker.hits == worker.paired == worker.hinted
    assert not worker.found.hinted  # (changes() cleared it)


@pytest.mark.parametrize(("story", "old_page", "new_page"), fixture_pairs())
def test_hints_change_no_fixture_comparison(story: str, old_page: str, new_page: str) -> None:
    old = load(str(FIXTURES / story / old_page))
    new = load(str(FIXTURES / story / new_page))
    worker = InProcessWorker(old, new)
    hinted = compared(old, new, worker)
    assert outcome(hinted) == outcome(compared(old, new, InProcessWorker(old, new, False)))
    assert worker.hits == worker.hinted


def _reworded(old: Document, new: Document) -> list[SentenceBlock]:
    worker = InProcessWorker(old, new, hints=False)
    compared(old, new, worker)
    return [b for b in worker.blocks if b.a and b.b and b.op == "reworded"]


def _changes(old: Document, new: Document, blocks: Sequence[SentenceBlock], hints: Any) -> Any:
    found = ChangeCollector(old, new, early=True)
    for a, b, words in hints:
        found.hint(a, b, words)
    for index, block in enumerate(blocks):
        found.add(index, block)
    left = set(found.hinted)  # the hints no block took
    return found.changes(), left


def test_a_hint_that_no_block_matches_changes_nothing() -> None:
    texts = [
        ("Officials said 40 homes were flooded.", "Officials said 45 homes were flooded."),
        ("The mayor said the bridge was closed.", "The mayor said the bridge was not closed."),
    ]
    old = story([o for o, _ in texts])
    new = story([n for _, n in texts])
    block, other = (
        SentenceBlock("reworded", ((k, 0),), ((k, 0),), 0.8, words=word_diff(*pair))
        for k, pair in enumerate(texts)
    )
    right, _ = _changes(old, new, [block], [])
    assert right  # (a figure changed)
    # A hint that took its changes from its sentences alone, not from its words too, would
    # give the block the changes its sentences show under other words.
    misled = ChangeCollector(old, new, early=True)
    misled.hint(block.a, block.b, other.words)
    assert [replace(c, sentence=0) for c in misled.hinted.popitem()[1][1]] != list(right)
    # The wrong words; the wrong sentences on one side; on the other: none is taken.
    for hint in [
        (block.a, block.b, other.words),
        (other.a, block.b, block.words),
        (block.a, other.b, block.words),
    ]:
        found, left = _changes(old, new, [block], [hint])
        assert found == right
        assert left  # the hint was not taken
    # The right hint is taken, and each block has its own index.
    hint = (block.a, block.b, block.words)
    found, left = _changes(old, new, [other, block], [hint])
    assert found == _changes(old, new, [other, block], [])[0]
    assert {c.sentence for c in found} == {0, 1}
    assert not left


def story(paragraphs: Sequence[str]) -> Document:
    return Document(tuple(Paragraph(p, tuple(split_sentences(p))) for p in paragraphs))


def test_the_worker_compares_the_hints_it_reads(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    old, new = speed_pair(300)
    reworded = _reworded(old, new)[:40]
    assert len(reworded) == 40
    compared_pairs: list[int] = []
    paired = ChangeCollector._paired_changes

    def counting(self: ChangeCollector, index: int, *args: Any) -> list[Change]:
        compared_pairs.append(index)
        return paired(self, index, *args)

    monkeypatch.setattr(ChangeCollector, "_paired_changes", counting)
    monkeypatch.setattr(facets, "prefetch", lambda *args: None)
    made: list[int] = []
    word_ops = facets_worker._word_ops

    def making(words: Any) -> Any:
        made.append(len(words))
        return word_ops(words)

    monkeypatch.setattr(facets_worker, "_word_ops", making)

    def serve(hints: bool) -> Any:
        messages = bytearray()
        if hints:
            plain = [(b.a, b.b, _plain(b.words)) for b in reworded]
            messages += facets_worker._message(("hints", plain))
        blocks = [
            (i, b.op, b.a, b.b, b.similarity, b.moved, b.cosmetic, _plain(b.words))
            for i, b in enumerate(reworded)
        ]
        messages += facets_worker._message(("blocks", blocks))
        messages += facets_worker._message(("end", (None, None, ())))
        return served(old, new, bytes(messages), tmp_path / f"hints{hints}")

    unhinted = serve(False)
    assert compared_pairs == list(range(40))
    assert len(made) == 40
    compared_pairs.clear()
    made.clear()
    assert serve(True) == unhinted
    assert unhinted[0]
    # Each pair compared once, as a hint (its block's index not known yet), and its word
    # ops made once, for the hint: its block took them.
    assert compared_pairs == [-1] * 40
    assert len(made) == 40


def test_hints_go_before_the_blocks_that_follow_them() -> None:
    to_r, to_w = os.pipe()
    from_r, from_w = os.pipe()
    worker = facets_worker.FacetsWorker(0, to_w, from_r)
    try:
        words = (WordOp("replace", "rose", "fell"),)
        for k in range(facets_worker._HINT_BATCH - 1):
            worker.hint(((k, 0),), ((k, 0),), words)
        assert not _pending(to_r)  # a batch waits to be full
        worker.add(0, SentenceBlock("reworded", ((0, 0),), ((0, 0),), 0.9, words=words))
        worker.hint(((9, 0),), ((9, 0),), words)  # the batch is full: it goes
        kind, hints = marshal.loads(facets_worker._read(to_r, None) or b"")
        assert kind == "hints" and len(hints) == facets_worker._HINT_BATCH
        assert hints[0] == (((0, 0),), ((0, 0),), (("replace", "rose", "fell"),))
        # (and then the block gathered so far, with the word diff hinted for it)
        kind, blocks = marshal.loads(facets_worker._read(to_r, None) or b"")
        assert kind == "blocks" and blocks[0][-1] == (("replace", "rose", "fell"),)
        assert not _pending(to_r)
    finally:
        for fd in (to_r, to_w, from_r, from_w):
            os.close(fd)


def _pending(fd: int) -> bool:
    import select

    return bool(select.select([fd], [], [], 0)[0])
