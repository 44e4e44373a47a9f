"""Run ``storydiff`` (compare/__main__.py's main) in a process of its own and write what
became of the facets worker forked early to a JSON file. Used by
tests/test_facets_worker_early.py:

    python tests/facets_worker_early_run.py REPORT SCENARIO STORYDIFF-ARGUMENTS...

SCENARIO is ``early`` (a worker may be forked early, whatever the files' size), ``serial``
(no worker at all: the reference), ``small`` (as ``early``, with the usual number of
changed paragraphs a worker needs), ``cramped`` (the documents do not fit in the memory
shared with the early worker), ``killed`` (the early worker is killed as soon as it
is forked), ``hanging`` (it never takes the documents; the timeout is half a second) or
``parent-killed`` (this process is killed with SIGKILL once the worker is forked, the
report written first) or ``interrupted`` (Ctrl-C as the documents are handed over).
The report says the early worker's pid, whether a comparison took it, whether the command
line was loaded when the documents were handed over, how many times a source was loaded,
how many comparisons were made and whether the command line was loaded at the first,
whether the work to be done while waiting for the worker's answer was done before it was
read, whether it was still running when the comparison ended, whether this process
imported the facets, and whether any child process was left (running or unreaped) when the
process ended.
"""

from __future__ import annotations

import atexit
import json
import os
import signal
import sys
import time
from collections.abc import Callable

from compare import facets_worker

report: dict[str, object] = {"early_pid": None, "handed_over": None, "alive_after": None}


def alive(pid: int) -> bool:
    """Whether process ``pid`` runs (a zombie does not)."""
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] not in ("Z", "X")
    except FileNotFoundError:
        return False


def main(path: str, scenario: str, args: list[str]) -> None:
    # Whether the machine is busy decides nothing here: the worker itself is under test.
    facets_worker._running_tasks = lambda: 1
    if scenario == "serial":
        facets_worker.MIN_CHANGED_PARAGRAPHS = 10**9
        facets_worker.EARLY_MIN_BYTES = 1 << 62
    else:
        facets_worker.EARLY_MIN_BYTES = 1  # the test's files are small
        if scenario != "small":
            facets_worker.MIN_CHANGED_PARAGRAPHS = 1
    if scenario == "cramped":  # no room for the documents in the shared memory
        facets_worker._MAX_SHARED = 16
    if scenario == "hanging":
        facets_worker.TIMEOUT = 0.5
        from compare import facets

        facets.warm_up = lambda *_: time.sleep(60)  # type: ignore[assignment]

    start_early = facets_worker.start_early

    def recorded_start_early(sources: list[str]) -> list[str]:
        files = start_early(sources)
        early = facets_worker._early
        if early is not None:
            report["early_pid"] = early.pid
            if scenario == "killed":  # dead, not yet reaped, before the documents come
                os.kill(early.pid, signal.SIGKILL)
                while alive(early.pid):
                    time.sleep(0.001)
            if scenario == "parent-killed":  # as the worker readies the facets
                with open(path, "w", encoding="utf-8") as out:
                    json.dump(report, out)
                os.kill(os.getpid(), signal.SIGKILL)
        return files

    facets_worker.start_early = recorded_start_early  # type: ignore[assignment]
    hand_over = facets_worker.FacetsWorker.hand_over

    def recorded_hand_over(worker: facets_worker.FacetsWorker, *documents: object) -> bool:
        if scenario == "interrupted":  # Ctrl-C as the documents are handed over
            raise KeyboardInterrupt
        report["cli_loaded_at_hand_over"] = "compare.cli" in sys.modules
        report["handed_over"] = hand_over(worker, *documents)  # type: ignore[arg-type]
        return bool(report["handed_over"])

    facets_worker.FacetsWorker.hand_over = recorded_hand_over  # type: ignore[method-assign]
    while_waiting = facets_worker.while_waiting
    read = facets_worker._read

    def recorded_while_waiting(work: Callable[..., object]) -> None:
        def recorded_work(*made: object) -> None:
            work(*made)
            report["done_while_waiting"] = True

        while_waiting(recorded_work)

    def recorded_read(fd: int, deadline: float | None) -> bytes | None:
        report.setdefault("done_while_waiting", False)  # (no work done before the answer)
        return read(fd, deadline)

    facets_worker.while_waiting = recorded_while_waiting  # type: ignore[assignment]
    facets_worker._read = recorded_read  # type: ignore[assignment]
    import compare

    compare_pair = compare.compare

    def recorded_compare(*given: object, **options: object) -> object:
        report["compares"] = int(report.get("compares") or 0) + 1  # type: ignore[call-overload]
        report.setdefault("cli_loaded_at_compare", "compare.cli" in sys.modules)
        try:
            return compare_pair(*given, **options)  # type: ignore[arg-type]
        finally:
            if isinstance(report["early_pid"], int):
                report["alive_after"] = alive(report["early_pid"])

    compare.compare = recorded_compare  # type: ignore[assignment]
    load = compare.load

    def recorded_load(*given: object, **options: object) -> object:
        report["loads"] = int(report.get("loads") or 0) + 1  # type: ignore[call-overload]
        return load(*given, **options)  # type: ignore[arg-type]

    compare.load = recorded_load  # type: ignore[assignment]

    def write_report() -> None:
        report["facets_imported"] = "compare.facets" in sys.modules
        # No child may be left running: a worker that answered may still be ending (it is
        # not waited for: facets_worker.process_ends_after_comparison), and is reaped here
        # once it has.
        report["children_left"] = True
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline:
            try:
                if os.waitpid(-1, os.WNOHANG) == (0, 0):  # one still running
                    time.sleep(0.01)
            except ChildProcessError:  # none left, running or unreaped
                report["children_left"] = False
                break
        with open(path, "w", encoding="utf-8") as out:
            json.dump(report, out)

    atexit.register(write_report)  # compare/__main__.py's _leave runs it
    from compare.__main__ import main as storydiff

    sys.argv = ["storydiff", *args]
    storydiff()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3:])
