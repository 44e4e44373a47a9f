"""``python -m compare`` and the ``storydiff`` script run the storydiff command."""

import atexit
import gc
import os
import sys

from compare.gcpause import paused_gc


def main() -> None:
    """Load the command line, run it, and leave without tearing the heap down."""
    # typer, click and the CLI make ~100k objects that live as long as the process. Loaded
    # with the collector paused and frozen at once, they are never walked: not while they
    # load (9M instructions of --version's 261M), nor in each full collection and at exit
    # after (26M).
    with paused_gc():
        from compare.cli import main as run

        gc.freeze()
    try:
        run()
    except SystemExit as stop:
        _leave(stop.code)
    _leave(0)


def _leave(code: str | int | None) -> None:
    """End the process as ``sys.exit(code)`` would, minus the interpreter's teardown.

    Freeing every module and object one by one took 15-21 ms after a 2,000-paragraph
    comparison, for memory the kernel takes back at once. What the teardown does that
    matters is done here: exit handlers run and the standard streams are flushed. Every file
    the commands write is closed (and renamed into place) before they return. Where a
    thread is still running, or a stream cannot be flushed, the usual exit does it all, as
    it would have (it waits for the thread; it reports the stream's error)."""
    threading = sys.modules.get("threading")
    if threading is not None and threading.active_count() > 1:
        sys.exit(code)
    atexit._run_exitfuncs()
    try:
        for stream in (sys.stdout, sys.stderr):
            if stream is not None:
                stream.flush()
    except Exception:
        sys.exit(code)
    if code is None:
        code = 0
    elif not isinstance(code, int):  # sys.exit("message") prints it and exits with 1
        print(code, file=sys.stderr, flush=True)
        code = 1
    os._exit(code)


if __name__ == "__main__":
    main()
