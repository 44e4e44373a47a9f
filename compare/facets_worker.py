"""Meaning-level facets found on a second core while the first aligns the versions.

In a fresh process, facets cost a 2,000-paragraph comparison ~150 ms on this project's
2-core machine (importing their module and compiling their number patterns included), and
alignment ~250 ms, and facets need little of alignment: they are read from sentence texts,
and alignment only says which sentences pair up. So ``align_documents`` forks a worker as
it starts. The worker imports the facets module and extracts the facets of the sentences
found in one version only (``facets.prefetch``), as many as it can before blocks come,
into the caches that the comparison of sentences reads. Alignment hands it the sentence
blocks that differ in batches, as it makes them, and the worker compares them as they
come (``facets.ChangeCollector``); at the end it sends the changes back. On the
2,000-paragraph pair of ``benchmarks/speed.py``, facets then add ~25–180 ms to the
comparison (see benchmarks/README.md).

A fork is made only where it is safe and pays: on Linux (macOS and Windows cannot fork a
Python process safely), with no other thread running (a fork copies only the calling
thread, and a lock another thread held would never be released in the child), with enough
paragraphs in one version only, and with a core that no other task wants at the moment.
Anything amiss (the fork fails, the worker dies, hangs or sends nonsense) and the parent
computes the changes itself: the result is the same either way, only the time differs.
"""

from __future__ import annotations

import dataclasses
import gc
import marshal
import os
import select
import signal
import struct
import sys
import threading
import time
from collections.abc import Sequence
from typing import Any, NoReturn

from compare.model import Change, Document, PlainBlock, SentenceBlock, WordOp

#: Paragraphs found in one version only below which a fork does not pay for itself (each
#: brings a few sentences whose facets take ~0.1 ms; forking and the round trip ~3 ms).
MIN_CHANGED_PARAGRAPHS = 40
#: Seconds to wait for the worker to take the last blocks and answer, before computing the
#: changes here instead.
TIMEOUT = 10.0

#: The fields of a change, in the order ``Change`` takes them.
_CHANGE_FIELDS = tuple(field.name for field in dataclasses.fields(Change))
#: Sentence blocks sent to the worker at a time.
_BATCH = 32
_LENGTH = struct.Struct("<Q")

#: What the worker sends back: the changes of the sentence blocks, of the headline and of
#: the standfirst.
Result = tuple[tuple[Change, ...], tuple[Change, ...], tuple[Change, ...]]
#: The headline pair and its word diff, when the headline changes are wanted.
Titles = tuple[str, str, tuple[WordOp, ...]]


class FacetsWorker:
    """A forked process that prefetches facets, then turns aligned blocks into changes as
    they come. Use :func:`start`, :meth:`add` for each sentence block that ``differs``,
    then :meth:`result` once, and :meth:`close` in any case."""

    def __init__(self, pid: int, to_worker: int, from_worker: int) -> None:
        self.pid = pid
        self._to_worker = to_worker
        self._from_worker = from_worker
        self._batch: list[tuple[object, ...]] = []
        self._unsent = bytearray()
        self._failed = False
        self._closed = False
        # The parent must never wait on the worker while it aligns: what the pipe cannot
        # take now waits here for the next batch or the end.
        os.set_blocking(to_worker, False)

    def add(self, index: int, b: SentenceBlock) -> None:
        """Hand over sentence block ``index``; they go in batches, as alignment makes them,
        so that the worker finds their changes while the rest is aligned."""
        self._batch.append(
            (index, b.op, b.a, b.b, b.similarity, b.moved, b.cosmetic, _plain(b.words))
        )
        if len(self._batch) >= _BATCH:
            self._send_batch()

    def result(
        self,
        titles: Titles | None,
        standfirsts: tuple[str, str] | None,
        blocks: Sequence[PlainBlock] = (),
    ) -> Result | None:
        """The changes of the blocks handed over, of the headlines ``titles`` and of the
        ``standfirsts``, or ``None`` when the worker could not give them in time.
        ``blocks``, the paragraph blocks' ops and paragraphs, say which passages were
        rewritten whole, whose figures the worker reads across (facets.ChangeCollector.changes)."""
        deadline = time.monotonic() + TIMEOUT
        try:
            self._send_batch()
            plain_titles = None if titles is None else (titles[0], titles[1], _plain(titles[2]))
            plain_blocks = tuple((op, tuple(a), tuple(b)) for op, a, b in blocks)
            self._unsent += _message(("end", (plain_titles, standfirsts, plain_blocks)))
            self._send_batch()
            while self._unsent and not self._failed:  # a worker that reads nothing: give up
                left = deadline - time.monotonic()
                if left <= 0 or not select.select([], [self._to_worker], [], left)[1]:
                    return None
                self._send_batch()
            if self._failed:
                return None
            answer = _read(self._from_worker, deadline)
            if answer is None:
                return None
            result = tuple(
                tuple(Change(*fields) for fields in part) for part in marshal.loads(answer)
            )
        except Exception:  # a worker that died mid-way, or garbled its answer
            return None
        finally:
            self.close()
        if len(result) != 3:
            return None
        return result[0], result[1], result[2]

    def _send_batch(self) -> None:
        """Send the blocks gathered so far, and what the pipe could not take before, as far
        as the pipe takes them now."""
        if self._batch:
            # Plain tuples through marshal: many times faster than pickled dataclasses.
            self._unsent += _message(("blocks", self._batch))
            self._batch = []
        try:
            while self._unsent:
                del self._unsent[: os.write(self._to_worker, self._unsent)]
        except BlockingIOError:  # the pipe is full: the rest goes later
            pass
        except OSError:  # the worker is gone
            self._failed = True
            self._unsent.clear()

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
    old_texts = {p.text for p in old.paragraphs}
    new_texts = {p.text for p in new.paragraphs}
    if len(old_texts ^ new_texts) < MIN_CHANGED_PARAGRAPHS:
        return False
    return _running_tasks() < len(os.sched_getaffinity(0))


def _running_tasks() -> int:
    """How many tasks are running or waiting for a core now, this one included: the
    kernel's instant count in /proc/loadavg ("0.52 0.61 0.70 1/82 9455"). A worker pays only
    on a core nobody else wants: sharing one with the parent, it slows the comparison down
    (measured: facets cost 128 ms with the worker against 75 ms without, at 500 paragraphs,
    while another job kept the second core busy). The least of three readings, so that a task
    that runs for a moment does not count."""
    counts = []
    try:
        for _ in range(3):
            with open("/proc/loadavg", "rb") as loadavg:
                counts.append(int(loadavg.read().split()[3].split(b"/")[0]))
    except (OSError, ValueError, IndexError):
        return 1 << 30  # unknown: assume busy
    return min(counts)


def _work(old: Document, new: Document, requests: int, answers: int) -> NoReturn:
    """The worker's whole life. It leaves with os._exit: no atexit handlers, no flushing of
    output buffers copied from the parent, no exception climbing back into its code."""
    status = 1
    try:
        signal.signal(signal.SIGINT, signal.SIG_DFL)  # Ctrl-C ends it quietly
        gc.disable()  # it lives a fraction of a second and makes no cycles worth collecting
        from compare import facets

        found = facets.ChangeCollector(old, new, early=True)
        facets.prefetch(old, new, _Prefetching(requests).over)
        while (message := _read(requests, None)) is not None:
            kind, payload = marshal.loads(message)
            if kind == "blocks":
                for i, op, a, b, similarity, moved, cosmetic, words in payload:
                    found.add(
                        i, SentenceBlock(op, a, b, similarity, moved, cosmetic, _word_ops(words))
                    )
                continue
            titles, standfirsts, blocks = payload
            if titles is not None:
                titles = (titles[0], titles[1], _word_ops(titles[2]))
            top = facets.top_changes(titles, standfirsts)
            changes = found.changes(blocks)
            _write(answers, _message(tuple(map(_plain_changes, (changes, *top)))))
            status = 0
            break
    except BaseException:  # the parent computes the changes itself
        pass
    os._exit(status)


class _Prefetching:
    """Says when the worker should stop prefetching: when blocks arrive, or when it gets
    much less than a core of its own. Prefetching is a guess (a sentence's numbers are read
    whether or not its pair will need them), worth making only with a core that would
    otherwise stand idle: where the parent must share one with it, every guess slows the
    parent down (on this project's virtual machine, the second core comes and goes)."""

    #: The share of a core below which the worker is taking time from the parent.
    MIN_SHARE = 0.7
    #: Seconds of prefetching before the share is judged.
    SETTLE = 0.02
    #: Sentences read between two looks. A look costs three system calls, more than most
    #: sentences' facets (asked before each, they took 7 % of the worker's time).
    EVERY = 8

    def __init__(self, requests: int) -> None:
        self.requests = requests
        self.wall = time.perf_counter()
        self.cpu = time.process_time()
        self.asked = 0

    def over(self) -> bool:
        """Whether to stop."""
        self.asked += 1
        if self.asked % self.EVERY:
            return False
        if select.select([self.requests], [], [], 0)[0]:
            return True
        wall = time.perf_counter() - self.wall
        return wall > self.SETTLE and time.process_time() - self.cpu < self.MIN_SHARE * wall


def _plain(words: Sequence[WordOp]) -> tuple[tuple[str, str, str], ...]:
    return tuple((w.op, w.old, w.new) for w in words)


def _word_ops(words: Sequence[tuple[str, str, str]]) -> tuple[WordOp, ...]:
    return tuple(WordOp(op, old, new) for op, old, new in words)  # type: ignore[arg-type]


def _plain_changes(changes: Sequence[Change]) -> tuple[tuple[object, ...], ...]:
    """Changes as tuples of their fields, for marshal: unlike pickle, it needs no import
    (7M instructions on the parent's side, while it waits) and no object of its own."""
    return tuple(tuple(getattr(c, name) for name in _CHANGE_FIELDS) for c in changes)


def _message(value: Any) -> bytes:
    payload = marshal.dumps(value)
    return _LENGTH.pack(len(payload)) + payload


def _write(fd: int, data: bytes | bytearray) -> None:
    """Write all of ``data`` (a message already framed with its length)."""
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


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
