"""The pipes between the parent and the facets worker (compare/facets_worker.py): the worker
widens them (``_widen_pipes``) so that neither side waits for the other to read, and the
parent does the work it kept for the wait before it waits for the worker to read its last
messages, not after."""

from __future__ import annotations

import os
import select
import sys
import time

import pytest

from compare import facets_worker

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="the worker forks on Linux"
)


def _pipe_size(fd: int) -> int:
    import fcntl

    return int(fcntl.fcntl(fd, fcntl.F_GETPIPE_SZ))


def test_the_worker_widens_both_pipes() -> None:
    def serve(requests: int, answers: int) -> int:
        select.select([requests], [], [], 30)  # until the parent closes its end
        return 0

    worker = facets_worker._fork(serve)
    assert worker is not None
    try:
        deadline = time.monotonic() + 30
        wanted = min(facets_worker._PIPE_BYTES)
        while time.monotonic() < deadline:
            sizes = [_pipe_size(fd) for fd in (worker._to_worker, worker._from_worker)]
            if min(sizes) >= wanted:
                break
            time.sleep(0.01)
        # Both pipes hold the last blocks and the answer of a 2,000-paragraph comparison
        # whole: more than the 64 KB a pipe holds by default.
        assert min(sizes) >= wanted > 1 << 16
    finally:
        worker.close()


def test_work_kept_for_the_wait_is_done_while_the_worker_has_yet_to_read() -> None:
    # A worker that reads nothing: the parent's last messages cannot all go, and it gives up
    # after TIMEOUT. The work it kept for the wait is done first, not left for after.
    to_r, to_w = os.pipe()
    from_r, from_w = os.pipe()
    os.set_blocking(to_w, False)
    try:
        while True:  # the pipe to the worker is full
            try:
                os.write(to_w, b"\0" * 65536)
            except BlockingIOError:
                break
        worker = facets_worker.FacetsWorker(os.getpid(), to_w, from_r)
        worker._closed = True  # (no process of its own to stop)
        done: list[int] = []
        facets_worker.while_waiting(lambda: done.append(1))
        saved, facets_worker.TIMEOUT = facets_worker.TIMEOUT, 0.2
        try:
            assert worker.result(None, None) is None
        finally:
            facets_worker.TIMEOUT = saved
        assert done == [1]
    finally:
        facets_worker._idle_work.clear()
        for fd in (to_r, to_w, from_r, from_w):
            os.close(fd)
