"""Reading ahead: between two messages, the facets worker finds the changes of the sentences
found in one version only that no hint placed yet, as if each came or went alone
(``facets.ChangeCollector.read_ahead``); the block of such a sentence, which alignment makes
last, takes them. Reading ahead may change when a change is found, never which."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_facets_hints import (
    FIXTURES,
    InProcessWorker,
    _plain,
    compared,
    fixture_pairs,
    outcome,
    served,
    speed_pair,
)

from compare import facets, facets_worker, load
from compare.facets import document
from compare.facets.document import _FUNCTION_WORDS, ChangeCollector
from compare.model import Change, Document, SentenceBlock, WordOp


def _stopping_after(count: int) -> Callable[[], bool]:
    asked = [0]

    def stop() -> bool:
        asked[0] += 1
        return asked[0] >= count

    return stop


class ReadingAhead(InProcessWorker):
    """The in-process worker of tests/test_facets_hints.py, reading a few sentences ahead
    after every fifth hint, and all that is left before the first block."""

    def __init__(self, old: Document, new: Document) -> None:
        super().__init__(old, new)
        self.started = False

    def hint(self, a: Any, b: Any, words: Sequence[WordOp]) -> None:
        super().hint(a, b, words)
        if self.hinted % 5 == 0:
            self.found.read_ahead(_stopping_after(3))

    def add(self, index: int, block: SentenceBlock) -> None:
        if not self.started:
            self.started = True
            assert not self.found.read_ahead(lambda: False)  # (none left)
        super().add(index, block)


def _counting_alone(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The blocks whose changes are worked out as they come (not read ahead)."""
    counted: list[int] = []
    alone = ChangeCollector._alone_changes

    def counting(self: ChangeCollector, index: int, *args: Any) -> list[Change]:
        counted.append(index)
        return alone(self, index, *args)

    monkeypatch.setattr(ChangeCollector, "_alone_changes", counting)
    return counted


def test_sentences_read_ahead_give_the_changes_their_blocks_give(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    old, new = speed_pair(300)
    plain = compared(old, new, InProcessWorker(old, new))
    counted = _counting_alone(monkeypatch)
    # The words round facts that may have moved, read at the end ("end") or before.
    read: dict[str, int] = {"end": 0, "before": 0}
    when = ["before"]
    surroundings, changes = document._surroundings, ChangeCollector.changes

    def reading(text: Any, value: Any, known: Any = None) -> Any:
        if known is None or (text, value) not in known:
            read[when[0]] += 1
        return surroundings(text, value, known)

    def ending(self: ChangeCollector, *args: Any) -> Any:
        when[0] = "end"
        return changes(self, *args)

    monkeypatch.setattr(document, "_surroundings", reading)
    monkeypatch.setattr(ChangeCollector, "changes", ending)
    worker = ReadingAhead(old, new)
    ahead = compared(old, new, worker)
    assert outcome(ahead) == outcome(plain)
    alone = [b for b in worker.blocks if not (b.a and b.b)]
    assert len(alone) > 20
    # Every sentence that came or went alone was read ahead: none is read as its block
    # comes, nor again when its paragraph proves not to have come or gone whole.
    assert counted == []
    # And so were the words round every fact that may have moved.
    assert read["before"] > 5
    assert read["end"] == 0


@pytest.mark.parametrize(("story", "old_page", "new_page"), fixture_pairs())
def test_reading_ahead_changes_no_fixture_comparison(
    story: str, old_page: str, new_page: str
) -> None:
    old = load(str(FIXTURES / story / old_page))
    new = load(str(FIXTURES / story / new_page))
    plain = compared(old, new, InProcessWorker(old, new))
    assert outcome(compared(old, new, ReadingAhead(old, new))) == outcome(plain)


def parent_messages(
    old: Document, new: Document, every_hint: int = 1
) -> tuple[bytearray, list[Any], list[SentenceBlock]]:
    """What the parent sends the worker for ``old`` and ``new`` (every ``every_hint``-th
    reworded pair as a hint, then the blocks, then the end), the hints and the blocks."""
    worker = InProcessWorker(old, new, hints=False)
    compared(old, new, worker)
    blocks = worker.blocks
    hints = [(b.a, b.b, _plain(b.words)) for b in blocks if b.a and b.b][::every_hint]
    messages = facets_worker._message(("hints", hints))
    messages += facets_worker._message(
        (
            "blocks",
            [
                (i, b.op, b.a, b.b, b.similarity, b.moved, b.cosmetic, _plain(b.words))
                for i, b in enumerate(blocks)
            ],
        )
    )
    messages += facets_worker._message(("end", (None, None, ())))
    return messages, hints, blocks


def test_the_worker_reads_ahead_while_no_message_waits(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    old, new = speed_pair(300)
    messages, hints, blocks = parent_messages(old, new)
    monkeypatch.setattr(facets, "prefetch", lambda *args: None)
    taken = [0]
    hint = ChangeCollector.hint

    def hinting(self: ChangeCollector, *args: Any) -> None:
        taken[0] += 1
        hint(self, *args)

    monkeypatch.setattr(ChangeCollector, "hint", hinting)

    def serve(idle: bool) -> Any:
        # The pipe is a file here: a message always waits, but for the worker made idle
        # once it has taken the hints (the blocks have not come yet).
        monkeypatch.setattr(facets_worker, "_waiting", lambda fd: not idle or taken[0] < len(hints))
        taken[0] = 0
        return served(old, new, bytes(messages), tmp_path / f"idle{idle}")

    counted = _counting_alone(monkeypatch)
    busy = serve(False)
    assert len(counted) >= sum(1 for b in blocks if not (b.a and b.b)) > 20
    counted.clear()
    assert serve(True) == busy
    assert busy[0]
    assert counted == []  # every lone sentence was read ahead, while the worker waited


def _surroundings_read_whole(text: str, value: str) -> Any:
    """``document._surroundings`` as it read the whole text either side of the fact."""
    low, value = text.lower(), value.lower()
    start = low.find(value)
    while start >= 0 and (
        (start > 0 and low[start - 1].isalnum())
        or (start + len(value) < len(low) and low[start + len(value)].isalnum())
    ):
        start = low.find(value, start + 1)
    if start < 0:
        return None
    letters = re.compile(r"[^\W\d_]+")
    before = letters.findall(low[:start])[-4:]
    after = letters.findall(low[start + len(value) :])[:4]
    return frozenset(before) - _FUNCTION_WORDS, frozenset(after) - _FUNCTION_WORDS


_WORDS = st.sampled_from(
    ["flood", "the", "Mayor", "said", "40", "homes", "x", "über", "ri-ver", "on", "a1b", ""]
)
_GAPS = st.sampled_from([" ", ", ", " -- ", "  ", "'", ". ", "\u00a0", "123", " 4.5 "])


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.tuples(_WORDS, _GAPS), max_size=60), st.sampled_from(["40", "homes", "x"]))
def test_the_words_round_a_fact_are_those_the_whole_text_gives(
    parts: list[tuple[str, str]], value: str
) -> None:
    text = "".join(word + gap for word, gap in parts)
    assert document._surroundings(text, value) == _surroundings_read_whole(text, value)


def test_the_words_round_a_fact_are_read_from_a_stretch_round_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    text = " ".join(f"word{chr(97 + k % 26)}x" for k in range(300)) + " 40 homes were flooded"
    pattern = document._LETTERS()
    read: list[int] = []

    class Counting:
        def findall(self, string: str, pos: int = 0, endpos: int = len(text)) -> list[str]:
            read.append(min(endpos, len(string)) - pos)
            return pattern.findall(string, pos, endpos)

    monkeypatch.setattr(document, "_LETTERS", lambda: Counting())
    found = document._surroundings(text, "40")
    assert found == _surroundings_read_whole(text, "40")
    assert sum(read) < len(text) // 4  # (it read all of it: 2,100 characters before "40")


def _gaps_as_read_before(blocks: Sequence[Any], alone: dict[int, SentenceBlock]) -> Any:
    """``document._gaps`` as it read every paragraph block, and joined with a union-find."""
    lone = sorted(alone)
    parent = {i: i for i in lone}

    def root(i: int) -> int:
        while parent[i] != i:
            i = parent[i]
        return i

    def join(i: int, j: int) -> None:
        parent[root(i)] = root(j)

    for i in lone:
        if i + 1 in parent:
            join(i, i + 1)
    run = 0
    runs: dict[tuple[int, int], int] = {}
    run_of: dict[int, int] = {}  # block -> its run of removed and added paragraphs
    for k, (op, a, b) in enumerate(blocks):
        if op not in ("removed", "added"):
            run += 1
            continue
        run_of[k] = run
        runs.update({(0, p): run for p in a})
        runs.update({(1, p): run for p in b})
    # A reworded block beside a run faces it (the run before it first).
    for k, (op, a, b) in enumerate(blocks):
        beside = run_of.get(k - 1, run_of.get(k + 1))
        if op == "reworded" and beside is not None:
            runs.update({(0, p): beside for p in a})
            runs.update({(1, p): beside for p in b})
    first: dict[int, int] = {}
    for i in lone:
        s = alone[i]
        version, (paragraph, _) = (0, s.a[0]) if s.a else (1, s.b[0])
        where = runs.get((version, paragraph))
        if where is not None:
            join(i, first.setdefault(where, i))
    groups: dict[int, list[int]] = {}
    for i in lone:
        groups.setdefault(root(i), []).append(i)
    return [g for g in groups.values() if any(alone[i].a for i in g) and any(alone[i].b for i in g)]


@settings(max_examples=1500, deadline=None)
@given(
    st.lists(st.sampled_from(["equal", "removed", "added", "reworded"]), max_size=30),
    st.lists(st.tuples(st.integers(0, 40), st.booleans(), st.integers(0, 35)), max_size=25),
)
def test_the_gaps_are_those_read_from_every_paragraph_block(
    ops: list[str], sentences: list[tuple[int, bool, int]]
) -> None:
    # Paragraph k of each version in block k; a lone sentence of paragraph p in block i.
    blocks = [
        (op, (k,) if op != "added" else (), (k,) if op != "removed" else ())
        for k, op in enumerate(ops)
    ]
    alone = {
        i: SentenceBlock(
            "removed" if old else "added", ((p, 0),) if old else (), () if old else ((p, 0),), 0.0
        )
        for i, old, p in sentences
    }
    assert document._gaps(blocks, alone) == _gaps_as_read_before(blocks, alone)


class _Kept(tuple):  # type: ignore[type-arg]
    """A kept paragraph block that must not be read past its op."""

    def __iter__(self) -> Any:
        raise AssertionError("a kept paragraph block was read whole")


def test_the_gaps_read_only_the_paragraph_blocks_that_came_or_went() -> None:
    blocks = [_Kept(("equal", (0,), (0,))), ("removed", (1,), ()), ("added", (), (1,))]
    alone = {
        3: SentenceBlock("removed", ((1, 0),), (), 0.0),
        4: SentenceBlock("added", (), ((1, 0),), 0.0),
    }
    assert document._gaps(blocks, alone) == [[3, 4]]


def test_a_change_moved_to_its_block_is_made_without_its_class_s_init(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    change = Change("number", "changed", "40", "45", 1, -1, 'number: "40" → "45"')

    def refused(self: Change, *args: Any) -> None:
        raise AssertionError("made field by field")

    monkeypatch.setattr(Change, "__init__", refused)
    moved = document._at(change, 12)
    assert type(moved) is Change and moved.sentence == 12 and change.sentence == -1
    assert vars(moved) == {**vars(change), "sentence": 12}
    assert list(vars(moved)) == list(vars(change))
