"""A hinted pair's block goes to the facets worker without its word diff (compare/
facets_worker.py ``FacetsWorker.add``): the worker takes the word ops it made for the hint,
which went before. The answer is the same as with the words sent again."""

from __future__ import annotations

import marshal
import os
import select
from pathlib import Path

import pytest
from test_facets_hints import _plain, _reworded, served, speed_pair

from compare import facets, facets_worker
from compare.model import SentenceBlock, WordOp


def _messages(fd: int) -> list[tuple[str, object]]:
    found = []
    while True:
        if not select.select([fd], [], [], 0)[0]:
            return found
        message = facets_worker._read(fd, None)
        assert message is not None
        found.append(marshal.loads(message))


def test_the_parent_sends_a_hinted_blocks_words_once() -> None:
    to_r, to_w = os.pipe()
    from_r, from_w = os.pipe()
    worker = facets_worker.FacetsWorker(0, to_w, from_r)
    try:
        words = (WordOp("replace", "rose", "fell"),)
        same_words = (WordOp("replace", "rose", "fell"),)  # equal, not the same diff
        worker.hint(((0, 0),), ((0, 0),), words)
        worker.add(0, SentenceBlock("reworded", ((0, 0),), ((0, 0),), 0.9, words=words))
        # The same diff for other sentences, and equal words not hinted: sent whole.
        worker.add(1, SentenceBlock("reworded", ((1, 0),), ((1, 0),), 0.9, words=words))
        worker.add(2, SentenceBlock("reworded", ((2, 0),), ((2, 0),), 0.9, words=same_words))
        worker._send_batch()
        (kind, hints), (kind2, blocks) = _messages(to_r)
        assert kind == "hints" and hints[0][2] == (("replace", "rose", "fell"),)
        assert kind2 == "blocks"
        assert [block[-1] for block in blocks] == [None, *[(("replace", "rose", "fell"),)] * 2]
    finally:
        for fd in (to_r, to_w, from_r, from_w):
            os.close(fd)


def _served(tmp_path: Path, name: str, hinted_blocks_without_words: bool) -> object:
    old, new = speed_pair(300)
    reworded = _reworded(old, new)[:40]
    plain = [(b.a, b.b, _plain(b.words)) for b in reworded]
    messages = bytearray(facets_worker._message(("hints", plain)))
    blocks = [
        (
            i,
            b.op,
            b.a,
            b.b,
            b.similarity,
            b.moved,
            b.cosmetic,
            None if hinted_blocks_without_words else _plain(b.words),
        )
        for i, b in enumerate(reworded)
    ]
    messages += facets_worker._message(("blocks", blocks))
    messages += facets_worker._message(("end", (None, None, ())))
    return served(old, new, bytes(messages), tmp_path / name)


def test_a_hinted_block_without_its_words_gets_the_same_changes(tmp_path: Path) -> None:
    facets.clear_caches()
    with_words = _served(tmp_path, "with", False)
    without = _served(tmp_path, "without", True)
    assert without == with_words
    assert with_words[0]  # (changes were found)


def test_a_block_said_hinted_that_was_not_fails_the_worker(tmp_path: Path) -> None:
    # The parent then finds the changes itself (FacetsWorker.result gives None).
    old, new = speed_pair(300)
    block = _reworded(old, new)[0]
    messages = facets_worker._message(
        ("blocks", [(0, block.op, block.a, block.b, 0.9, False, False, None)])
    )
    requests = tmp_path / "unhinted.requests"
    requests.write_bytes(messages + facets_worker._message(("end", (None, None, ()))))
    with (
        open(requests, "rb") as r,
        open(tmp_path / "unhinted.answers", "wb") as w,
        pytest.raises(KeyError),
    ):
        facets_worker._serve(old, new, r.fileno(), w.fileno())
