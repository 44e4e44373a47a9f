"""The facets worker (compare/facets_worker.py): it must change when changes are found,
never what they are, whatever becomes of it."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import pytest

from compare import facets_worker
from compare.model import Document, Paragraph

RUN = Path(__file__).parent / "facets_worker_run.py"


def run(scenario: str) -> dict[str, Any]:
    """One comparison in a fresh process, where no other thread runs (pytest may have some)."""
    done = subprocess.run(
        [sys.executable, str(RUN), scenario], capture_output=True, text=True, check=True
    )
    result: dict[str, Any] = json.loads(done.stdout)
    return result


@pytest.fixture(scope="module")
def serial() -> dict[str, Any]:
    result = run("serial")
    assert not result["worker"]
    # The story has changes in its text, headline and standfirst.
    assert result["changes"] and result["title_changes"] and result["standfirst_changes"]
    return result


def test_the_worker_finds_exactly_what_this_process_finds(serial: dict[str, Any]) -> None:
    parallel = run("parallel")
    assert parallel["worker"]
    # Everything facets find, figures across rewritten passages too, came from the worker.
    assert not parallel["facets_imported"] and serial["facets_imported"]
    assert parallel["changes"] == serial["changes"]
    assert parallel["title_changes"] == serial["title_changes"]
    assert parallel["standfirst_changes"] == serial["standfirst_changes"]
    assert not parallel["children_left"]


@pytest.mark.parametrize("scenario", ["failing", "garbled", "misshapen"])
def test_a_worker_that_fails_or_answers_nonsense_changes_nothing(
    scenario: str, serial: dict[str, Any]
) -> None:
    result = run(scenario)
    assert result["worker"]
    assert result["changes"] == serial["changes"]
    assert result["title_changes"] == serial["title_changes"]
    assert result["standfirst_changes"] == serial["standfirst_changes"]
    assert not result["children_left"]


def test_a_hanging_worker_is_given_up_after_the_timeout_and_reaped(
    serial: dict[str, Any],
) -> None:
    result = run("hanging")  # the worker sleeps a minute; the timeout is half a second
    assert result["worker"]
    assert 0.5 <= result["seconds"] < 10
    assert result["changes"] == serial["changes"]
    assert not result["children_left"]


def test_a_comparison_that_fails_leaves_no_worker_behind() -> None:
    result = run("aborted")
    assert result == {"worker": True, "error": "alignment failed", "children_left": False}


def _exited(pid: int) -> bool:
    """Whether process ``pid`` has ended: gone, or a zombie that nobody reaps (an orphan's
    new parent may be a container's init that reaps nothing)."""
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] in ("Z", "X")
    except FileNotFoundError:
        return True


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the worker forks on Linux")
@pytest.mark.parametrize("scenario", ["killed", "killed-late"])
def test_a_worker_whose_parent_is_killed_exits_at_once(scenario: str) -> None:
    # SIGKILL leaves the parent no chance to stop its worker: the worker must see the end
    # of its pipe (the parent held its only write end) and leave, whether it is
    # prefetching or waiting for blocks, not live on as an orphan.
    parent = subprocess.Popen([sys.executable, str(RUN), scenario], stdout=subprocess.PIPE)
    assert parent.stdout is not None
    with parent.stdout:
        pid = json.loads(parent.stdout.readline())["worker_pid"]
        assert parent.wait(timeout=30) == -signal.SIGKILL
        deadline = time.monotonic() + 2
        while not _exited(pid) and time.monotonic() < deadline:
            time.sleep(0.01)
        if not _exited(pid):
            os.kill(pid, signal.SIGKILL)
            pytest.fail(f"the worker outlived its killed parent by 2 s ({scenario})")


def _pair(changed: int) -> tuple[Document, Document]:
    old = [f"Paragraph {i} says {i} homes flooded." for i in range(60)]
    new = [p.replace("homes", "houses") if i < changed else p for i, p in enumerate(old)]
    return tuple(  # type: ignore[return-value]
        Document(paragraphs=tuple(Paragraph(p, (p,)) for p in version)) for version in (old, new)
    )


def test_a_fork_only_for_an_edit_big_enough_and_a_core_nobody_wants(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(threading, "active_count", lambda: 1)
    monkeypatch.setattr(os, "sched_getaffinity", lambda _: {0, 1})
    monkeypatch.setattr(facets_worker, "_running_tasks", lambda: 1)  # this process alone
    enough = facets_worker.MIN_CHANGED_PARAGRAPHS // 2  # each edit: one old text, one new
    assert not facets_worker._worth_forking(*_pair(enough - 1))
    assert facets_worker._worth_forking(*_pair(enough))
    monkeypatch.setattr(os, "sched_getaffinity", lambda _: {0})
    assert not facets_worker._worth_forking(*_pair(enough))
    monkeypatch.setattr(os, "sched_getaffinity", lambda _: {0, 1, 2, 3})
    monkeypatch.setattr(facets_worker, "_running_tasks", lambda: 4)  # every core busy
    assert not facets_worker._worth_forking(*_pair(enough))


def test_running_tasks_counts_this_process_at_least() -> None:
    assert 1 <= facets_worker._running_tasks() < 1 << 30


def test_no_fork_while_another_thread_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(facets_worker, "MIN_CHANGED_PARAGRAPHS", 1)
    # A free core, so that only the thread can be the reason not to fork.
    monkeypatch.setattr(os, "sched_getaffinity", lambda _: {0, 1})
    monkeypatch.setattr(facets_worker, "_running_tasks", lambda: 1)
    release = threading.Event()
    other = threading.Thread(target=release.wait)
    other.start()
    try:
        assert facets_worker.start(*_pair(30)) is None
    finally:
        release.set()
        other.join()


class _Clock:
    """Wall and CPU time as a test sets them."""

    def __init__(self) -> None:
        self.wall = self.cpu = 0.0

    def perf_counter(self) -> float:
        return self.wall

    def process_time(self) -> float:
        return self.cpu


def test_prefetching_stops_when_blocks_arrive_or_when_the_core_is_shared(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    clock = _Clock()
    monkeypatch.setattr(facets_worker, "time", clock)
    monkeypatch.setattr(facets_worker._Prefetching, "EVERY", 1)
    requests, blocks = os.pipe()
    try:
        prefetching = facets_worker._Prefetching(requests)
        clock.wall = clock.cpu = 0.01
        assert not prefetching.over()  # too soon to judge
        clock.wall = clock.cpu = 0.05
        assert not prefetching.over()  # a core of its own: guesses cost the parent nothing
        clock.wall = 0.1
        assert prefetching.over()  # half a core: it would take time from the parent
        clock.cpu = clock.wall
        assert not prefetching.over()
        os.write(blocks, b"x")
        assert prefetching.over()  # blocks to compare
    finally:
        os.close(requests)
        os.close(blocks)


def test_prefetching_looks_once_every_few_sentences() -> None:
    # A look is three system calls, dearer than most sentences' facets: blocks that arrive
    # wait for at most EVERY - 1 sentences.
    requests, blocks = os.pipe()
    try:
        os.write(blocks, b"x")
        prefetching = facets_worker._Prefetching(requests)
        every = facets_worker._Prefetching.EVERY
        assert every > 1
        assert [prefetching.over() for _ in range(2 * every)] == 2 * (
            [False] * (every - 1) + [True]
        )
    finally:
        os.close(requests)
        os.close(blocks)


def test_a_worker_that_answered_is_left_to_end_in_a_process_about_to_end(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Waiting for it as it gave its memory back took ~2 ms between its answer and the
    # report; a process that ends after its one comparison leaves it to the system. One
    # that goes on (polling for days) still waits for each, as for one that never answered.
    def worker(answered: bool) -> tuple[facets_worker.FacetsWorker, subprocess.Popen[bytes]]:
        child = subprocess.Popen(["sleep", "30"])
        ends = os.pipe() + os.pipe()
        made = facets_worker.FacetsWorker(child.pid, ends[1], ends[2])
        made._answered = answered
        for fd in (ends[0], ends[3]):
            os.close(fd)
        return made, child

    for ending, answered, waited in (
        (True, True, False),
        (True, False, True),
        (False, True, True),
        (False, False, True),
    ):
        monkeypatch.setattr(facets_worker, "_wait_for_answered_workers", not ending)
        made, child = worker(answered)
        made.close()
        if waited:  # stopped and reaped
            with pytest.raises(ChildProcessError):
                os.waitpid(child.pid, os.WNOHANG)
            child.returncode = -signal.SIGKILL  # (reaped: Popen need not)
        else:
            assert os.waitpid(child.pid, os.WNOHANG) == (0, 0)  # still running
            child.kill()
            child.wait()
