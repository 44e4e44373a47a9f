"""The process's way out (compare/__main__.py): it skips the interpreter's teardown, and must
lose nothing by it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def python(code: str) -> subprocess.CompletedProcess[str]:
    # Buffered output, as most machines have it (this project's sets PYTHONUNBUFFERED).
    env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, env=env, timeout=60
    )


def test_a_long_report_through_a_pipe_arrives_whole(tmp_path: Path) -> None:
    # The whole way out, from the command line: status 1 and every byte of a long report.
    # (typer.echo flushes each write itself; the flush in _leave is guarded below.)
    sentences = [f"Officials counted {n} ballots in ward {n} before noon." for n in range(400)]
    old = "\n\n".join(sentences)
    new = old.replace("ward 7 ", "ward seven ")
    (tmp_path / "old.txt").write_text(old, encoding="utf-8")
    (tmp_path / "new.txt").write_text(new, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "compare", "compare", "old.txt", "new.txt", "--format", "json"],
        capture_output=True,
        cwd=tmp_path,
        timeout=120,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
    )
    assert done.returncode == 1, done.stderr
    report = json.loads(done.stdout)
    assert len(report["documents"]["new"]["paragraphs"]) == 400
    assert report["summary"]["paragraphs"]["reworded"] == 1


def test_exit_handlers_run_and_the_status_is_kept() -> None:
    done = python(
        "import atexit, sys\n"
        "from compare.__main__ import _leave\n"
        "atexit.register(lambda: print('handler ran'))\n"
        "sys.stdout.write('buffered')\n"
        "_leave(3)\n"
    )
    assert done.returncode == 3
    assert done.stdout == "bufferedhandler ran\n"


def test_a_message_for_status_is_told_as_sys_exit_tells_it() -> None:
    done = python("from compare.__main__ import _leave\n_leave('storydiff: stopped')\n")
    assert (done.returncode, done.stderr) == (1, "storydiff: stopped\n")
    assert python("from compare.__main__ import _leave\n_leave(None)\n").returncode == 0


def test_a_thread_still_running_is_waited_for() -> None:
    done = python(
        "import threading, time\n"
        "from compare.__main__ import _leave\n"
        "def late():\n"
        "    time.sleep(0.3)\n"
        "    print('thread finished', flush=True)\n"
        "threading.Thread(target=late).start()\n"
        "_leave(4)\n"
    )
    assert (done.returncode, done.stdout) == (4, "thread finished\n")
