"""Run one comparison in a process of its own, where no other thread runs (as in the CLI),
and print what the facets worker did as JSON. Used by tests/test_facets_worker.py:

    python tests/facets_worker_run.py SCENARIO

SCENARIO is ``parallel`` (the worker answers), ``serial`` (no worker), ``failing`` (the
worker raises), ``hanging`` (the worker never answers), ``garbled`` (it answers nonsense),
``misshapen`` (it answers a message of the wrong shape), ``aborted`` (alignment fails
while the worker runs), ``killed`` (this process is killed with SIGKILL as the worker
starts prefetching) or ``killed-late`` (killed once the blocks are sent, as the worker
waits for the end); the last two print the worker's pid and nothing else.
"""

from __future__ import annotations

import fcntl
import json
import marshal
import os
import signal
import sys
import time
from typing import Any

from compare import facets_worker
from compare.align import align_documents
from compare.model import CompareOptions, Document, Paragraph, Provenance
from compare.text import split_sentences

TOWNS = ["Port Ellery", "Marrow Bay", "Caddon", "Lisle Ferry", "Hollin Cross", "Dunmere"]


def story(edited: bool) -> Document:
    """A long fictional flood report; the edited version corrects figures, changes sources,
    adds hedges and negations, and adds and drops paragraphs."""
    paragraphs = []
    for i in range(60):
        town = TOWNS[i % len(TOWNS)]
        homes = 40 + i * 3
        text = (
            f"Floodwater reached {homes} homes in {town} on Tuesday, officials said. "
            f'"We have never seen the river this high," said resident Aino Varga, {30 + i}. '
            f"Repairs will cost about ${i + 2} million, the council estimated."
        )
        if edited and i % 3 == 0:
            text = text.replace(f"{homes} homes", f"{homes + 5} homes")
            text = text.replace("officials said", "witnesses said")
        if edited and i % 5 == 1:
            text = text.replace("will cost", "could reportedly cost")
            text = text.replace("this high", "this high before")
        if edited and i % 7 == 2:
            text += " The bridge was not closed."
        if edited and i % 11 == 4:
            continue  # a paragraph dropped
        paragraphs.append(text)
    if edited:
        paragraphs.insert(10, "Emergency crews rescued 14 people from rooftops, police said.")
    title = "Floods reach 40 homes in Port Ellery" if not edited else "Floods reach 45 homes"
    return Document(
        paragraphs=tuple(Paragraph(p, tuple(split_sentences(p))) for p in paragraphs),
        title=title,
        summary=f"Homes flooded in {'six' if edited else 'five'} towns as the river rose.",
        provenance=Provenance(spec="new.txt" if edited else "old.txt"),
    )


def children() -> dict[str, bool]:
    """Whether a child process is left, running or unreaped."""
    try:
        os.waitpid(-1, os.WNOHANG)
    except ChildProcessError:
        return {"children_left": False}
    return {"children_left": True}


def main(scenario: str) -> None:
    facets_worker.MIN_CHANGED_PARAGRAPHS = 10**9 if scenario == "serial" else 1
    # Whether the machine is busy decides nothing here: the worker itself is under test.
    facets_worker._running_tasks = lambda: 1
    parent = os.getpid()
    if scenario == "failing":

        def failing(*_: object) -> None:
            raise RuntimeError("prefetch failed")

        from compare import facets

        facets.prefetch = failing  # type: ignore[assignment]
    elif scenario == "hanging":
        facets_worker.TIMEOUT = 0.5
        from compare import facets

        facets.prefetch = lambda *_: time.sleep(60)  # type: ignore[assignment]
        # Pipes of one page, which the blocks overfill: the parent must neither wait for a
        # worker that reads nothing while it aligns, nor past the timeout at the end.
        pipe = os.pipe

        def small_pipe() -> tuple[int, int]:
            ends = pipe()
            fcntl.fcntl(ends[1], fcntl.F_SETPIPE_SZ, 4096)
            return ends

        os.pipe = small_pipe
    elif scenario in ("garbled", "misshapen"):
        # A whole message, framed right, whose content is no marshal data, or data of the
        # wrong shape: the parent must check what it reads, not only that it arrived.
        junk = b"\x80garbage" if scenario == "garbled" else marshal.dumps(((), (), ("x",)))
        write = facets_worker._write
        facets_worker._write = lambda fd, payload: write(  # type: ignore[assignment]
            fd, payload if os.getpid() == parent else facets_worker._LENGTH.pack(len(junk)) + junk
        )
    if scenario == "aborted":  # alignment fails once the worker runs
        import compare.align

        def failing_alignment(*_: object, **__: object) -> None:
            raise RuntimeError("alignment failed")

        compare.align._align_sentences = failing_alignment  # type: ignore[assignment]
    if scenario in ("killed", "killed-late"):
        start_worker, result = facets_worker.start, facets_worker.FacetsWorker.result

        def die(worker: facets_worker.FacetsWorker) -> None:
            print(json.dumps({"worker_pid": worker.pid}), flush=True)
            os.kill(os.getpid(), signal.SIGKILL)

        def start_and_die(old: Document, new: Document) -> facets_worker.FacetsWorker | None:
            worker = start_worker(old, new)
            if worker is not None and scenario == "killed":
                die(worker)
            return worker

        def result_and_die(worker: facets_worker.FacetsWorker, *args: Any) -> Any:
            worker._send_batch()
            die(worker)
            return result(worker, *args)

        facets_worker.start = start_and_die
        facets_worker.FacetsWorker.result = result_and_die  # type: ignore[method-assign]
    workers: list[facets_worker.FacetsWorker | None] = []
    start = facets_worker.start
    facets_worker.start = lambda old, new: workers.append(start(old, new)) or workers[-1]  # type: ignore[func-returns-value]
    started = time.monotonic()
    try:
        comparison = align_documents(story(False), story(True), CompareOptions())
    except RuntimeError as error:
        print(json.dumps({"worker": workers != [None], "error": str(error), **children()}))
        return
    print(
        json.dumps(
            {
                "worker": workers != [None],
                # The worker spares this process the facets module's import (~8 ms).
                "facets_imported": "compare.facets" in sys.modules,
                "seconds": time.monotonic() - started,
                **children(),
                "changes": [repr(c) for c in comparison.changes],
                "title_changes": [repr(c) for c in comparison.title_changes],
                "standfirst_changes": [repr(c) for c in comparison.standfirst_changes],
            }
        )
    )


if __name__ == "__main__":
    main(sys.argv[1])
