"""review21: the documents compare/__main__.py loads before the command line (fastparent).

Taken only when they read as the command's own would: options that do not touch a local
file (timeouts, the version store, a larger cap) must not make the command read both files
again and fork a second worker; nor must they outlive the command that was handed them.
A Ctrl-C before the command line is loaded ends as one in the command does."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from test_facets_worker_early import PRELOADED, CommandLoad

from compare.model import LoadOptions

ROOT = Path(__file__).resolve().parent.parent
RUN = Path(__file__).parent / "facets_worker_early_run.py"


def python(code: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=cwd, env=env, timeout=120
    )


def test_options_that_do_not_touch_a_local_file_keep_the_preloaded_documents(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # `compare --timeout 60 a.txt b.txt` read both files twice (before the command line,
    # then in the command) and forked a second worker: ~20 % slower than before the preload.
    from compare import compare_command

    load = CommandLoad()
    loaded, preloaded = load.specs, PRELOADED
    for options in (
        LoadOptions(read_timeout=5.0),
        LoadOptions(connect_timeout=2.0),
        LoadOptions(db="news.db"),  # read for URL@N only, never preloaded
        LoadOptions(max_bytes=30_000_000),  # read under 20 MB: the same under 30
    ):
        monkeypatch.setattr(compare_command, "_preloaded", preloaded)
        assert compare_command._load_pair(["a.txt", "b.txt"], options, load) == (
            "a.txt loaded before",
            "b.txt loaded before",
        ), options
    assert loaded == []
    # A smaller cap may refuse them, a kind read them otherwise: loaded again.
    for options in (LoadOptions(max_bytes=1000), LoadOptions(kind="html")):
        loaded.clear()
        monkeypatch.setattr(compare_command, "_preloaded", preloaded)
        compare_command._load_pair(["a.txt", "b.txt"], options, load)
        assert loaded == ["a.txt", "b.txt"]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the worker forks on Linux")
def test_a_timeout_given_reads_each_file_once_and_changes_nothing(tmp_path: Path) -> None:
    from facets_worker_run import story

    paths = []
    for edited in (False, True):
        path = tmp_path / ("new.txt" if edited else "old.txt")
        path.write_text("\n\n".join(p.text for p in story(edited).paragraphs) + "\n")
        paths.append(str(path))

    def run(scenario: str, *args: str) -> tuple[dict[str, Any], str]:
        report = tmp_path / f"{scenario}.json"
        done = subprocess.run(
            [sys.executable, str(RUN), str(report), scenario, *args],
            capture_output=True,
            text=True,
            timeout=120,
            env={**os.environ, "SOURCE_DATE_EPOCH": "1700000000"},
        )
        assert done.returncode == 1, done.stderr
        return json.loads(report.read_text()), done.stdout

    early, output = run("early", "compare", "-f", "json", "--timeout", "7", *paths)
    assert isinstance(early["early_pid"], int) and early["handed_over"] is True
    assert early["loads"] == 2  # not 4: the preloaded documents were taken
    assert output == run("serial", "compare", "-f", "json", "--timeout", "7", *paths)[1]


def test_preloaded_documents_do_not_outlive_the_command_they_were_for(tmp_path: Path) -> None:
    # A command that never read its sources (refused before, or three of them) left them
    # for the next one run in this process: the same names would then read old documents.
    done = python(
        "import sys\n"
        "from compare import cli, compare_command\n"
        "sys.argv = ['storydiff', 'compare', 'a.txt', 'b.txt', '--threshold', '7']\n"
        "try:\n"
        "    cli.main((('a.txt', 'stale a'), ('b.txt', 'stale b')))\n"
        "except SystemExit as stop:\n"
        "    print(stop.code, compare_command._preloaded == ())\n",
        tmp_path,
    )
    assert done.stdout.split() == ["2", "True"], done.stderr


def test_ctrl_c_as_the_command_line_loads_ends_as_in_the_command(tmp_path: Path) -> None:
    # The command line is loaded after the two files now (~0.15 s into a 2,000-paragraph
    # comparison, where the command used to be reading them and said "interrupted"): a
    # Ctrl-C there printed a traceback and ended on the signal. (Both the command line and a
    # comparison run without it, as this one is, load compare.compare_command.)
    for name in ("old.txt", "new.txt"):
        (tmp_path / name).write_text("The council met on Monday.\n", encoding="utf-8")
    done = python(
        "import sys\n"
        "class Interrupt:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name in ('compare.cli', 'compare.compare_command'):\n"
        "            raise KeyboardInterrupt\n"
        "sys.meta_path.insert(0, Interrupt())\n"
        "sys.argv = ['storydiff', 'compare', 'old.txt', 'new.txt']\n"
        "from compare.__main__ import main\n"
        "main()\n",
        tmp_path,
    )
    assert (done.returncode, done.stderr) == (130, "storydiff: interrupted\n")
