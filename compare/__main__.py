"""``python -m compare`` and the ``storydiff`` script run the storydiff command."""

import gc

from compare.gcpause import paused_gc


def main() -> None:
    """Load the command line, then run it."""
    # typer, click and the CLI make ~100k objects that live as long as the process. Loaded
    # with the collector paused and frozen at once, they are never walked: loaded with it
    # running, each collection while they load walks them again (9M instructions of
    # --version's 261M).
    with paused_gc():
        from compare.cli import main as run

        gc.freeze()
    run()


if __name__ == "__main__":
    main()
