"""Meaning-level facets found on a second core while the first aligns the versions.

In a fresh process, facets cost a 2,000-paragraph comparison ~150 ms on this project's
2-core machine (importing their module and compiling their number patterns included), and
alignment ~250 ms; neither needs the other until the end. Facets are read from sentence
texts, and alignment only says which sentences pair up. So ``align_documents`` forks a
worker as it starts. The worker imports the facets module and extracts the facets of every
sentence found in one version only (``facets.prefetch``), into the caches that
``meaning_changes`` reads; when the aligned blocks arrive, it computes the changes from
those caches and sends them back.

A fork is made only where it is safe and pays: on Linux (macOS and Windows cannot fork a
Python process safely), with two or more cores, with no other thread running (a fork copies
only the calling thread, and a lock another thread held would never be released in the
child), and with enough sentences in one version only. Anything amiss (the fork fails, the
worker dies, hangs or sends nonsense) and the parent computes the changes itself: the result
is the same either way, only the time differs.
"""

from __future__ import annotations

import gc
import marshal
import os
import pickle
import select
import signal
import struct
import sys
import threading
import time
from collections.abc import Sequence
from typing import NoReturn

from compare.model import Change, Document, SentenceBlock, WordOp

#: Paragraphs found in one version only below which a fork does not pay for itself (each
#: brings a few sentences whose facets take ~0.1 ms; forking and the round trip ~3 ms).
MIN_CHANGED_PARAGRAPHS = 40
#: Seconds to wait for the worker's answer before computing the changes here instead.
TIMEOUT = 10.0

_LENGTH = struct.Struct("<Q")

#: What the worker sends back: the changes of the sentence blocks, then of the headline.
Result = tuple[tuple[Change, ...], tuple[Change, ...]]
#: The headline pair and its word diff, when the headline changes are wanted.
Titles = tuple[str, str, tuple[WordOp, ...]]


class FacetsWorker:
    """A forked process that prefetches facets, then turns aligned blocks into changes.
    Use :func:`start`, then :meth:`result` once, and :meth:`close` in any case."""

    def __init__(self, pid: int, to_worker: int, from_worker: int) -> None:
        self.pid = pid
        self._to_worker = to_worker
        self._from_worker = from_worker
        self._closed = False

    def result(
        self, todo: Sequence[tuple[int, SentenceBlock]], titles: Titles | None
    ) -> Result | None:
        """The worker's changes of ``todo`` (``facets.changed_blocks``) and of ``titles``,
        or ``None`` when it could not give them in time."""
        # Plain tuples travel through marshal many times faster than pickled dataclasses.
        request = marshal.dumps(
            (
                [
                    (i, b.op, b.a, b.b, b.similarity, b.moved, b.cosmetic, _plain(b.words))
                    for i, b in todo
                ],
                None if titles is None else (titles[0], titles[1], _plain(titles[2])),
            )
        )
        try:
            _write(self._to_worker, request)
            answer = _read(self._from_worker, time.monotonic() + TIMEOUT)
            result = pickle.loads(answer) if answer is not None else None
        except Exception:  # a worker that died mid-way, or garbled its answer
            return None
        finally:
            self.close()
        if not (isinstance(result, tuple) and len(result) == 2 and all(map(_changes, result))):
            return None
        changes, title_changes = result
        return changes, title_changes

    def close(self) -> None:
        """Stop the worker if it still runs, and reap it."""
        if self._closed:
            return
        self._closed = True
        for fd in (self._to_worker, self._from_worker):
            os.close(fd)
        try:
            done, _ = os.waitpid(self.pid, os.WNOHANG)
            if done == 0:  # an answer abandoned, or never asked for
                os.kill(self.pid, signal.SIGKILL)
                os.waitpid(self.pid, 0)
        except (ChildProcessError, ProcessLookupError):
            pass


def start(old: Document, new: Document) -> FacetsWorker | None:
    """Fork a worker for this pair when it is safe and pays (see the module's docstring)."""
    if not _worth_forking(old, new):
        return None
    to_worker_r, to_worker_w = os.pipe()
    from_worker_r, from_worker_w = os.pipe()
    try:
        pid = os.fork()
    except OSError:  # no memory or process slots left: compute in this process
        for fd in (to_worker_r, to_worker_w, from_worker_r, from_worker_w):
            os.close(fd)
        return None
    if pid == 0:  # the worker: it never returns
        os.close(to_worker_w)
        os.close(from_worker_r)
        _work(old, new, to_worker_r, from_worker_w)
    os.close(to_worker_r)
    os.close(from_worker_w)
    return FacetsWorker(pid, to_worker_w, from_worker_r)


def _worth_forking(old: Document, new: Document) -> bool:
    if not sys.platform.startswith("linux") or threading.active_count() > 1:
        return False
    if len(os.sched_getaffinity(0)) < 2:
        return False
    old_texts = {p.text for p in old.paragraphs}
    new_texts = {p.text for p in new.paragraphs}
    return len(old_texts ^ new_texts) >= MIN_CHANGED_PARAGRAPHS


def _work(old: Document, new: Document, requests: int, answers: int) -> NoReturn:
    """The worker's whole life. It leaves with os._exit: no atexit handlers, no flushing of
    output buffers copied from the parent, no exception climbing back into its code."""
    status = 1
    try:
        signal.signal(signal.SIGINT, signal.SIG_DFL)  # Ctrl-C ends it quietly
        gc.disable()  # it lives a fraction of a second and makes no cycles worth collecting
        from compare import facets

        facets.prefetch(old, new, lambda: bool(select.select([requests], [], [], 0)[0]))
        request = _read(requests, None)
        if request is not None:
            todo, titles = marshal.loads(request)
            blocks = [
                (i, SentenceBlock(op, a, b, similarity, moved, cosmetic, _word_ops(words)))
                for i, op, a, b, similarity, moved, cosmetic, words in todo
            ]
            changes = facets.changes_of_blocks(old, new, blocks)
            title_changes: tuple[Change, ...] = ()
            if titles is not None:
                title_changes = facets.headline_changes(titles[0], titles[1], _word_ops(titles[2]))
            _write(answers, pickle.dumps((changes, title_changes), pickle.HIGHEST_PROTOCOL))
            status = 0
    except BaseException:  # the parent computes the changes itself
        pass
    os._exit(status)


def _plain(words: Sequence[WordOp]) -> tuple[tuple[str, str, str], ...]:
    return tuple((w.op, w.old, w.new) for w in words)


def _word_ops(words: Sequence[tuple[str, str, str]]) -> tuple[WordOp, ...]:
    return tuple(WordOp(op, old, new) for op, old, new in words)  # type: ignore[arg-type]


def _changes(value: object) -> bool:
    return isinstance(value, tuple) and all(isinstance(c, Change) for c in value)


def _write(fd: int, payload: bytes) -> None:
    data = memoryview(_LENGTH.pack(len(payload)) + payload)
    while data:
        data = data[os.write(fd, data) :]


def _read(fd: int, deadline: float | None) -> bytes | None:
    """One length-prefixed message, or ``None`` at end of file or past ``deadline``."""
    chunks: list[bytes] = []
    wanted = _LENGTH.size
    header = True
    while True:
        if deadline is not None:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([fd], [], [], left)[0]:
                return None
        chunk = os.read(fd, min(wanted, 1 << 20))
        if not chunk:
            return None
        chunks.append(chunk)
        wanted -= len(chunk)
        if wanted:
            continue
        if not header:
            return b"".join(chunks)
        (wanted,) = _LENGTH.unpack(b"".join(chunks))
        chunks, header = [], False
        if not wanted:
            return b""
