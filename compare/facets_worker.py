"""Meaning-level facets found on a second core while the first aligns the versions.

In a fresh process, facets cost a 2,000-paragraph comparison ~150 ms on this project's
2-core machine (importing their module and compiling their number patterns included), and
alignment ~250 ms, and facets need little of alignment: they are read from sentence texts,
and alignment only says which sentences pair up. So ``align_documents`` forks a worker as
it starts. The worker imports the facets module and extracts the facets of the sentences
found in one version only (``facets.prefetch``), as many as it can before blocks come,
into the caches that the comparison of sentences reads. Alignment hands it the sentence
blocks that differ in batches, as it makes them, and the worker compares them as they
come (``facets.ChangeCollector``); at the end it sends the changes back. Before the
blocks, alignment hints each reworded pair of sentences to it as soon as it pairs them
(:meth:`FacetsWorker.hint`), and the worker compares them then: the blocks of those pairs,
made last, find their changes ready (~6 ms off the 2,000-paragraph comparison). On the
2,000-paragraph pair of ``benchmarks/speed.py``, facets then add ~25–180 ms to the
comparison (see benchmarks/README.md).

``storydiff compare`` of big local files forks it sooner, as the process starts
(:func:`start_early`, called by compare/__main__.py): while the files are read (before
the command line is loaded), it imports the facets module, compiles the number patterns and
compares a few made-up edits (``_SAMPLES``), then waits; the documents are handed to it
through shared memory as soon as they are loaded (:func:`prepare`, from
``__main__._preload``, or from the command when it loads its own), or it is stopped when a
worker does not pay after all.

A fork is made only where it is safe and pays: on Linux (macOS and Windows cannot fork a
Python process safely), with no other thread running (a fork copies only the calling
thread, and a lock another thread held would never be released in the child), with enough
paragraphs in one version only, and with a core that no other task wants at the moment.
Anything amiss (the fork fails, the worker dies, hangs or sends nonsense) and the parent
computes the changes itself: the result is the same either way, only the time differs.
"""

from __future__ import annotations

import contextlib
import dataclasses
import gc
import marshal
import mmap
import os
import select
import signal
import stat
import struct
import sys
import threading
import time
from collections.abc import Callable, Sequence
from functools import cached_property, partial
from itertools import starmap
from operator import attrgetter
from typing import Any, NoReturn

from compare.model import (
    Change,
    Document,
    Paragraph,
    PlainBlock,
    Provenance,
    SentenceBlock,
    WordOp,
)

#: Paragraphs found in one version only below which a fork does not pay for itself (each
#: brings a few sentences whose facets take ~0.1 ms; forking and the round trip ~3 ms).
MIN_CHANGED_PARAGRAPHS = 40
#: Seconds to wait for the worker to take the last blocks and answer, before computing the
#: changes here instead.
TIMEOUT = 10.0
#: Bytes of text in local files below which :func:`start_early` forks no worker before the
#: documents are loaded: too few paragraphs for enough of them to change for a worker to
#: pay (see ``MIN_CHANGED_PARAGRAPHS``). A fork that does not pay costs this process ~1 ms.
EARLY_MIN_BYTES = 64 * 1024
#: Bytes of a web page per byte of its text, roughly (see ``_text_bytes``).
_MARKUP_PER_TEXT = 8
#: Bytes of shared memory per byte of the local files: room for both documents' marshal
#: (up to ~0.8 times a text file's bytes: its sentences, see ``_HandedParagraph``; a web
#: page's far less), at most
#: ``_MAX_SHARED`` (documents that do not fit go to a worker forked when they are loaded).
_SHARED_PER_BYTE = 4
_MAX_SHARED = 1 << 28

#: Made-up edits the early worker compares while it waits for the documents, so that what
#: the facets build when first used (tables, patterns other than the figures') is built
#: then: ~45M instructions that the comparison of the 2,000-paragraph pair no longer makes
#: (each cached extraction is of its sentence's text alone: they change no other's).
_SAMPLES = (
    (
        'The council said 40 homes were flooded on Tuesday, and "we will rebuild," Mayor '
        "Ana Ruiz told reporters.",
        'Officials reportedly said 45 homes were not flooded on Wednesday, and "we must '
        'rebuild," Ana Ruiz said, according to police.',
    ),
    (
        "Shares of Harbor Freight Lines rose 3.5% to $12.40 on March 3, 2026, after the "
        "company denied the report.",
        "Shares of Harbor Freight Lines fell 2% to $11.9 million on 4 March, after the "
        "company confirmed the report at 10 a.m.",
    ),
    (
        "About two-thirds of the 1,200 workers may lose their jobs next year, the union claimed.",
        "Half of the 1,500 workers will lose their jobs this year, the union said.",
    ),
)
#: The fields of a change, in the order ``Change`` takes them.
_CHANGE_FIELDS = tuple(field.name for field in dataclasses.fields(Change))
#: Sentence blocks sent to the worker at a time.
_BATCH = 32
#: Hints sent to the worker at a time (see :meth:`FacetsWorker.hint`). Batches of 8 got
#: the first to it a little sooner, but cost the parent ~5 ms more at 2,000 paragraphs in
#: writes and reads (measured: the worker prefetches until they come in any case).
_HINT_BATCH = 32
_LENGTH = struct.Struct("<Q")

#: What the worker sends back: the changes of the sentence blocks, of the headline and of
#: the standfirst.
Result = tuple[tuple[Change, ...], tuple[Change, ...], tuple[Change, ...]]
#: The headline pair and its word diff, when the headline changes are wanted.
Titles = tuple[str, str, tuple[WordOp, ...]]
#: The worker :func:`start_early` forked, until a comparison takes it or it is stopped.
_early: FacetsWorker | None = None
#: What this process does while it waits for the worker's answer (see :func:`while_waiting`).
_idle_work: list[Callable[..., object]] = []
#: The worker :func:`prepare` started, for the pair it was given (or ``None``).
_prepared: tuple[Document, Document, FacetsWorker | None] | None = None
#: Whether a worker that has answered is waited for as it leaves (see
#: :func:`process_ends_after_comparison`).
_wait_for_answered_workers = True


class FacetsWorker:
    """A forked process that prefetches facets, then turns aligned blocks into changes as
    they come. Use :func:`start`, :meth:`add` for each sentence block that ``differs``,
    then :meth:`result` once, and :meth:`close` in any case."""

    def __init__(
        self, pid: int, to_worker: int, from_worker: int, shared: mmap.mmap | None = None
    ) -> None:
        self.pid = pid
        #: Memory shared with a worker forked early, where the documents go (hand_over).
        self._shared = shared
        self._to_worker = to_worker
        self._from_worker = from_worker
        self._batch: list[tuple[object, ...]] = []
        self._hints: list[tuple[object, ...]] = []
        #: The word diffs hinted (by the diff's id, the diff kept alive with it), with the
        #: sentences they were hinted for: a hinted pair's block comes with the very same
        #: diff, which the worker has already (see ``add``).
        self._hinted_words: dict[
            int,
            tuple[Sequence[WordOp], tuple[tuple[int, int], ...], tuple[tuple[int, int], ...]],
        ] = {}
        self._unsent = bytearray()
        self._failed = False
        self._answered = False
        self._closed = False
        # The parent must never wait on the worker while it aligns: what the pipe cannot
        # take now waits here for the next batch or the end.
        os.set_blocking(to_worker, False)

    def hand_over(self, old: Document, new: Document) -> bool:
        """Give the documents to a worker forked early (it waits for them); ``False`` when
        they do not fit in the memory kept for them, or the worker is gone."""
        if self._shared is None:
            return False
        try:
            payload = marshal.dumps((_plain_document(old), _plain_document(new)))
        except ValueError:  # a field marshal cannot write
            return False
        if len(payload) > len(self._shared):
            return False
        self._shared[: len(payload)] = payload
        self._unsent += _message(("documents", len(payload)))
        self._send_batch()
        return not self._failed

    def running(self) -> bool:
        """Whether the worker is running now (not waiting for the documents)."""
        try:
            with open(f"/proc/{self.pid}/stat", "rb") as found:
                return found.read().rsplit(b")", 1)[1].split()[0] == b"R"
        except (OSError, IndexError):
            return False

    def add(self, index: int, b: SentenceBlock) -> None:
        """Hand over sentence block ``index``; they go in batches, as alignment makes them,
        so that the worker finds their changes while the rest is aligned."""
        hinted = self._hinted_words.get(id(b.words))
        # A block of the sentences hinted, with the word diff hinted for them, goes without
        # it: the worker takes the word ops it made for the hint, which went before (~480 of
        # the 2,000-paragraph pair's ~760 blocks: ~150 KB less to write and read, and on the
        # worker's side, after the parent's last message, no diff read and compared again).
        words: tuple[tuple[str, str, str], ...] | None
        if hinted is not None and hinted[0] is b.words and (hinted[1], hinted[2]) == (b.a, b.b):
            words = None
        else:
            words = _plain(b.words)
        self._batch.append((index, b.op, b.a, b.b, b.similarity, b.moved, b.cosmetic, words))
        if len(self._batch) >= _BATCH:
            self._send_batch()

    def hint(
        self,
        a: tuple[tuple[int, int], ...],
        b: tuple[tuple[int, int], ...],
        words: Sequence[WordOp],
    ) -> None:
        """Say that a reworded block of sentences ``a`` and ``b`` with word diff ``words``
        is likely to come: the worker compares them now, while alignment goes on, and the
        block that comes with the same sentences and words takes what it found
        (facets.ChangeCollector.hint). A hint no block matches costs only time."""
        self._hinted_words[id(words)] = (words, a, b)
        self._hints.append((a, b, _plain(words)))
        if len(self._hints) >= _HINT_BATCH:
            self._send_batch()

    def result(
        self,
        titles: Titles | None,
        standfirsts: tuple[str, str] | None,
        blocks: Sequence[PlainBlock] = (),
        made: tuple[object, ...] = (),
    ) -> Result | None:
        """The changes of the blocks handed over, of the headlines ``titles`` and of the
        ``standfirsts``, or ``None`` when the worker could not give them in time.
        ``blocks``, the paragraph blocks' ops and paragraphs, say which passages were
        rewritten whole, whose figures the worker reads across (facets.ChangeCollector.changes).
        ``made``, what the comparison has made, is given to the work kept for the wait."""
        deadline = time.monotonic() + TIMEOUT
        try:
            self._send_batch()
            plain_titles = None if titles is None else (titles[0], titles[1], _plain(titles[2]))
            plain_blocks = tuple((op, tuple(a), tuple(b)) for op, a, b in blocks)
            self._unsent += _message(("end", (plain_titles, standfirsts, plain_blocks)))
            self._send_batch()
            # The work kept for the wait is done now, while the worker reads what the pipe
            # could not take yet (if any: see _widen_pipes), not after: done after, it held
            # up the reading of the answer by ~5 ms at 2,000 paragraphs (the worker, its
            # answer bigger than a pipe's default 64 KB, waited for it to be read).
            _do_idle_work(*made)
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
            self._answered = True  # it leaves on its own now
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
        if self._hints:
            self._unsent += _message(("hints", self._hints))
            self._hints = []
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
        if self._shared is not None:
            self._shared.close()
        try:
            done, _ = os.waitpid(self.pid, os.WNOHANG)
            if done == 0 and (_wait_for_answered_workers or not self._answered):
                # (An answer abandoned, or never asked for.)
                os.kill(self.pid, signal.SIGKILL)
                os.waitpid(self.pid, 0)
        except (ChildProcessError, ProcessLookupError):
            pass


def process_ends_after_comparison() -> None:
    """Say that this process ends once its command, a comparison, has run (as
    compare/__main__.py says): a worker that has answered is then left to end on its own,
    not waited for as it gives
    its memory back (~2 ms at 2,000 paragraphs, after the answer, before the report); the
    system reaps it as this process ends. (A process that goes on, polling for days, waits
    for each: it would gather one unreaped process a comparison.)"""
    global _wait_for_answered_workers
    _wait_for_answered_workers = False


def while_waiting(work: Callable[..., object]) -> None:
    """Have ``work`` done as this process waits for a worker's answer (~25 ms at 2,000
    paragraphs), rather than after it, where it delays the result: work that must be done
    later anyway, and that may never be done here (no worker answers: the changes are found
    in this process). It is given what the comparison has made by then (its paragraph and
    sentence blocks: see :meth:`FacetsWorker.result`). Its errors are ignored."""
    _idle_work.append(work)


def _do_idle_work(*made: object) -> None:
    while _idle_work:
        # (Failed, it is done again where it is needed, and fails there as it would have.)
        with contextlib.suppress(Exception):
            _idle_work.pop(0)(*made)


def start(old: Document, new: Document) -> FacetsWorker | None:
    """A worker for this pair when it is safe and pays (see the module's docstring): the one
    :func:`prepare` started for it, else the one :func:`start_early` made, handed the
    documents, else one forked now."""
    global _early, _prepared
    prepared, _prepared = _prepared, None
    if prepared is not None:
        if prepared[0] is old and prepared[1] is new:
            return prepared[2]
        if prepared[2] is not None:
            prepared[2].close()
    early, _early = _early, None
    if early is not None:
        taken = False
        try:
            if not _worth_forking(old, new, early):  # too small a pair, or a busy machine
                return None
            taken = early.hand_over(old, new)
            if taken:
                return early
        finally:
            if not taken:
                early.close()
        # Gone before the documents came, or they did not fit: fork anew (the pair was
        # judged worth a worker above).
        if not _may_fork():
            return None
    elif not _worth_forking(old, new):
        return None
    return _fork(lambda requests, answers: _serve(old, new, requests, answers))


def prepare(old: Document, new: Document) -> None:
    """Start the worker for this pair now, as soon as the documents are loaded: the
    :func:`start` that alignment makes for the same pair takes it."""
    global _prepared
    worker = start(old, new)
    _prepared = (old, new, worker)


def start_early(sources: Sequence[str]) -> list[str]:
    """Fork a worker before the documents are loaded, when ``sources`` (the arguments of a
    comparison: file names among them) are local files big enough to make a fork likely
    (see ``EARLY_MIN_BYTES``). It imports the facets, compiles their number patterns and
    compares a few made-up edits while this process starts up and loads, then waits for
    :func:`start` to hand it the documents, or to stop it. :func:`stop_early` stops one that
    no comparison took. The local files it was forked for, in order (none when it was not)."""
    global _early
    if _early is not None or not _may_fork():
        return []
    files = _local_files(sources)
    # (More than two files: outlets compared claim by claim, with no facets worker.)
    if len(files) > 2 or sum(_text_bytes(*file) for file in files) < EARLY_MIN_BYTES:
        return []
    if _running_tasks() >= len(os.sched_getaffinity(0)):
        return []
    try:
        # The documents go through memory both processes share: this process copies them
        # there and goes on, whether or not the worker is ready to read them (through a
        # pipe, it would wait for the worker to empty it: ~2 ms at 2,000 paragraphs).
        # Pages never written cost nothing; 64 KB more for a small pair's metadata.
        room = _SHARED_PER_BYTE * sum(size for _, size in files) + (1 << 16)
        shared = mmap.mmap(-1, min(room, _MAX_SHARED))
    except (OSError, ValueError, OverflowError):
        return []
    _early = _fork(partial(_serve_early, shared), shared)
    return [name for name, _ in files] if _early is not None else []


def _fork(serve: Callable[[int, int], int], shared: mmap.mmap | None = None) -> FacetsWorker | None:
    """Fork a worker that runs ``serve(requests, answers)`` (the ends of its two pipes) and
    leaves with its status; ``None`` when the fork fails (no memory or process slots left:
    the parent computes the changes itself)."""
    try:
        to_worker_r, to_worker_w = os.pipe()
        from_worker_r, from_worker_w = os.pipe()
    except OSError:
        if shared is not None:
            shared.close()
        return None
    try:
        pid = os.fork()
    except OSError:
        for fd in (to_worker_r, to_worker_w, from_worker_r, from_worker_w):
            os.close(fd)
        if shared is not None:
            shared.close()
        return None
    if pid == 0:  # the worker: it never returns
        os.close(to_worker_w)
        os.close(from_worker_r)
        _widen_pipes(to_worker_r, from_worker_w)
        _live(partial(serve, to_worker_r, from_worker_w))
    os.close(to_worker_r)
    os.close(from_worker_w)
    return FacetsWorker(pid, to_worker_w, from_worker_r, shared)


#: Bytes each pipe between the parent and the worker holds, when the system lets the worker
#: ask for that many (Linux's F_SETPIPE_SZ; 1 MiB is the default limit): all the blocks and
#: hints of the 2,000-paragraph pair of benchmarks/speed.py (~370 KB), and the answer
#: (~90 KB), where a pipe holds 64 KB by default.
_PIPE_BYTES = (1 << 20, 1 << 18)


def _widen_pipes(*fds: int) -> None:
    """Let the pipes ``fds`` hold ``_PIPE_BYTES``, where the system allows it, so that
    neither side waits for the other to read before it goes on: the parent sends its last
    blocks at once and does the work kept for the wait (``while_waiting``) before the
    worker has read them, and the worker writes its answer whole while the parent is still
    at that work. Done in the worker, which waits for the documents then: the parent spends
    nothing on it (not even fcntl's import). Pipes left as they are work as before."""
    try:
        import fcntl

        for fd in fds:
            for size in _PIPE_BYTES:
                try:
                    fcntl.fcntl(fd, fcntl.F_SETPIPE_SZ, size)
                    break
                except OSError:  # more than the system lets this process ask for
                    continue
    except (ImportError, AttributeError):  # not Linux
        pass


def stop_early() -> None:
    """Stop and reap the worker :func:`start_early` or :func:`prepare` started, if no
    comparison took it (the command failed, or was no comparison); drop the work left for
    a wait (:func:`while_waiting`) that did not come."""
    global _early, _prepared
    early, _early = _early, None
    prepared, _prepared = _prepared, None
    _idle_work.clear()  # work for a wait that did not come
    for worker in (early, prepared[2] if prepared else None):
        if worker is not None:
            worker.close()


def _local_files(sources: Sequence[str]) -> list[tuple[str, int]]:
    """The local files among ``sources`` (stdin, as "-", when it is one), with their sizes."""
    files = []
    for source in sources:
        try:
            found = os.fstat(0) if source == "-" else os.stat(source)
        except (OSError, ValueError):  # a URL, a stored version, an option, a missing file
            continue
        if stat.S_ISREG(found.st_mode):
            files.append((source, found.st_size))
    return files


def _text_bytes(name: str, size: int) -> int:
    """About how many bytes of text a file of ``size`` bytes holds: markup is most of a web
    page (a quarter of this project's fixtures' pages is text; a tenth or less of a news
    site's), all of a text or Markdown file (and of stdin's, taken as text)."""
    plain = name == "-" or name.lower().endswith((".txt", ".md", ".markdown", ".text"))
    return size if plain else size // _MARKUP_PER_TEXT


def _may_fork() -> bool:
    """Whether forking is safe here: on Linux, with no other thread running."""
    return sys.platform.startswith("linux") and threading.active_count() == 1


def _worth_forking(old: Document, new: Document, early: FacetsWorker | None = None) -> bool:
    """Whether a worker pays for this pair; ``early``: the one :func:`start_early` forked
    (no fork is needed then)."""
    if early is None and not _may_fork():
        return False
    old_texts = {p.text for p in old.paragraphs}
    new_texts = {p.text for p in new.paragraphs}
    if len(old_texts ^ new_texts) < MIN_CHANGED_PARAGRAPHS:
        return False
    running = _running_tasks()
    if early is not None and early.running():
        running -= 1  # still compiling: it is not counted against itself
    return running < len(os.sched_getaffinity(0))


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


def _live(serve: Callable[[], int]) -> NoReturn:
    """The worker's whole life. It leaves with os._exit: no atexit handlers, no flushing of
    output buffers copied from the parent, no exception climbing back into its code."""
    status = 1
    try:
        signal.signal(signal.SIGINT, signal.SIG_DFL)  # Ctrl-C ends it quietly
        signal.signal(signal.SIGTERM, signal.SIG_DFL)  # and so does SIGTERM (compare's is Ctrl-C's)
        gc.disable()  # it lives a fraction of a second and makes no cycles worth collecting
        status = serve()
        from compare import regex_cache

        regex_cache.save()  # (the patterns it compiled: once it has answered)
    except BaseException:  # the parent computes the changes itself
        pass
    os._exit(status)


def _serve_early(shared: mmap.mmap, requests: int, answers: int) -> int:
    """The work of a worker forked by :func:`start_early`: ready the facets, wait for the
    documents in ``shared``, then :func:`_serve`; the exit status. The end of its pipe (the
    parent stopped it, or died) ends it at any point."""
    from compare import facets

    def documents_came() -> bool:  # (or the end of the pipe)
        return bool(select.select([requests], [], [], 0)[0])

    facets.warm_up(documents_came)
    for old_text, new_text in _SAMPLES:
        if documents_came():
            break
        facets.compare_sentences(old_text, new_text)
    facets.warm_up_comparing(documents_came)
    facets.warm_up(documents_came, other_text=True)
    message = _read(requests, None)
    if message is None:
        return 1
    kind, size = marshal.loads(message)
    if kind != "documents":
        return 1
    old, new = map(_document, marshal.loads(memoryview(shared)[:size]))
    return _serve(old, new, requests, answers)


def _serve(old: Document, new: Document, requests: int, answers: int) -> int:
    """Prefetch the facets of ``old`` and ``new``, compare the blocks as they come, and send
    the changes back at the end; the exit status."""
    from compare import facets

    found = facets.ChangeCollector(old, new, early=True)
    prefetching = _Prefetching(requests)
    facets.prefetch(old, new, prefetching.over, found.read)
    # Between two messages, the sentences that came or went alone are read ahead of their
    # blocks, and the words round facts that may have moved (ChangeCollector.read_ahead),
    # unless the worker has no core of its own; hints bring more of the latter.
    may_read_ahead = ahead = not prefetching.starved
    # The plain words of each hint and the word ops made for them, by its sentences: the
    # hinted pair's block comes without its words (``None``: FacetsWorker.add), or with the
    # same words, and takes those ops rather than making them again (the collector then
    # knows them for its hint's at once).
    hinted: dict[tuple[Any, Any], tuple[Any, tuple[WordOp, ...]]] = {}
    while True:
        if ahead and not _waiting(requests):
            ahead = found.read_ahead(_Looking(requests).over)
            continue
        message = _read(requests, None)
        if message is None:
            break
        kind, payload = marshal.loads(message)
        if kind == "blocks":
            for i, op, a, b, similarity, moved, cosmetic, words in payload:
                if words is None:
                    # (A block said to be hinted that was not: a KeyError, and the parent
                    # finds the changes itself.)
                    ops = hinted.pop((a, b))[1]
                else:
                    made = hinted.pop((a, b), None) if words else None
                    ops = made[1] if made is not None and made[0] == words else _word_ops(words)
                found.add(i, SentenceBlock(op, a, b, similarity, moved, cosmetic, ops))
            continue
        if kind == "hints":
            for a, b, words in payload:
                ops = _word_ops(words)
                hinted[a, b] = (words, ops)
                found.hint(a, b, ops)
            ahead = may_read_ahead
            continue
        titles, standfirsts, blocks = payload
        if titles is not None:
            titles = (titles[0], titles[1], _word_ops(titles[2]))
        top = facets.top_changes(titles, standfirsts)
        changes = found.changes(blocks)
        _write(answers, _message(tuple(map(_plain_changes, (changes, *top)))))
        return 0
    return 1


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
        #: Whether it stopped for want of a core.
        self.starved = False

    def over(self) -> bool:
        """Whether to stop."""
        self.asked += 1
        if self.asked % self.EVERY:
            return False
        if _waiting(self.requests):
            return True
        wall = time.perf_counter() - self.wall
        self.starved = wall > self.SETTLE and time.process_time() - self.cpu < self.MIN_SHARE * wall
        return self.starved


class _Looking:
    """Says when the worker should stop reading ahead between two messages: when one
    comes."""

    #: Sentences read between two looks (each ~30-150 us; a look, one system call): a
    #: message waits at most two.
    EVERY = 2

    def __init__(self, requests: int) -> None:
        self.requests = requests
        self.asked = 0

    def over(self) -> bool:
        """Whether to stop."""
        self.asked += 1
        return not self.asked % self.EVERY and _waiting(self.requests)


def _waiting(requests: int) -> bool:
    """Whether a message (or the end of the pipe) waits to be read."""
    return bool(select.select([requests], [], [], 0)[0])


#: The fields of a document other than its paragraphs and provenance, in their order.
_DOCUMENT_FIELDS = tuple(
    field.name
    for field in dataclasses.fields(Document)
    if field.name not in ("paragraphs", "provenance")
)


def _plain_document(document: Document) -> tuple[Any, ...]:
    """A document as plain tuples, for marshal (see ``_plain_changes``): its paragraphs as
    their sentences alone, which are all the facets read of them (see ``_HandedParagraph``)."""
    return (
        tuple(p.sentences for p in document.paragraphs),
        tuple(getattr(document, name) for name in _DOCUMENT_FIELDS),
        dataclasses.astuple(document.provenance),
    )


def _document(plain: tuple[Any, ...]) -> Document:
    paragraphs, fields, provenance = plain
    return Document(
        paragraphs=tuple(map(_HandedParagraph, paragraphs)),
        provenance=Provenance(*provenance),
        **dict(zip(_DOCUMENT_FIELDS, fields, strict=True)),
    )


class _HandedParagraph(Paragraph):
    """A paragraph as the worker gets it: its sentences, its text joined from them when first
    asked for (as ``Paragraph.text`` says they give it back). The facets read sentences only;
    the paragraphs' texts were half of the documents handed over (1.94 MB of marshal at the
    2,000-paragraph pair of benchmarks/speed.py, 0.99 MB without them): ~6M instructions
    and ~700 page faults less for the parent to write them, ~3M and ~300 less for the worker
    to read them. (Equal to a ``Paragraph`` of the same text and sentences only as a
    field-by-field comparison tells: records of two classes are never equal.)"""

    def __init__(self, sentences: tuple[str, ...]) -> None:
        object.__setattr__(self, "__dict__", {"sentences": sentences})

    # (A cached property, not a __getattr__: with one, every attribute read of the class
    # goes through it, and the paragraphs' sentences are read ~100,000 times: ~24M
    # instructions more at the 2,000-paragraph pair.)
    @cached_property
    def text(self) -> str:
        from compare.text import join_sentences  # (a module this one does not load early)

        return join_sentences(self.sentences)


def _plain(words: Sequence[WordOp]) -> tuple[tuple[str, str, str], ...]:
    return tuple((w.op, w.old, w.new) for w in words)


def _word_ops(words: Sequence[tuple[str, str, str]]) -> tuple[WordOp, ...]:
    # (starmap: no generator frame per step.)
    return tuple(starmap(WordOp, words))


#: A change's fields as a tuple, read in C (a generator over the fields cost the worker
#: ~50,000 bytecodes at the end of the 2,000-paragraph pair).
_change_fields = attrgetter(*_CHANGE_FIELDS)


def _plain_changes(changes: Sequence[Change]) -> tuple[tuple[object, ...], ...]:
    """Changes as tuples of their fields, for marshal: unlike pickle, it needs no import
    (7M instructions on the parent's side, while it waits) and no object of its own."""
    return tuple(map(_change_fields, changes))


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
