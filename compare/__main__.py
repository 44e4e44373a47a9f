"""``python -m compare`` and the ``storydiff`` script run the storydiff command."""

import gc

from compare.gcpause import paused_gc


def main() -> None:
    """Load the command line, then run it."""
    # typer, click and the CLI make ~100k objects that live as long as the process. Loaded
    # with the collector paused and frozen at once, they are never walked: not while they
    # load (9M instructions of --version's 261M), nor in each full collection and at exit
    # after (26M).
    with paused_gc():
        from compare.cli import main as run

        gc.freeze()
    run()


if __name__ == "__main__":
    main()
