"""The facets worker forked as ``storydiff compare`` starts (compare/facets_worker.py's
``start_early``, called by compare/__main__.py): it readies the facets while the command
line loads and the files are read, and must change when changes are found, never what
they are, nor how a comparison fails."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from facets_worker_run import story

from compare import __main__ as entry
from compare import facets_worker

RUN = Path(__file__).parent / "facets_worker_early_run.py"

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="the worker forks on Linux"
)


@pytest.fixture(scope="module")
def pair(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, str]:
    folder = tmp_path_factory.mktemp("early")
    paths = []
    for edited in (False, True):
        path = folder / ("new.txt" if edited else "old.txt")
        path.write_text("\n\n".join(p.text for p in story(edited).paragraphs) + "\n")
        paths.append(str(path))
    return paths[0], paths[1]


def storydiff(scenario: str, *args: str, tmp: Path) -> tuple[dict[str, Any], int, str, str]:
    """One ``storydiff`` run in a fresh process (where no other thread runs): what became of
    the early worker, the exit status, the output and the error output."""
    report = tmp / f"{scenario}.json"
    done = subprocess.run(
        [sys.executable, str(RUN), str(report), scenario, *args],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert report.exists(), done.stderr
    result: dict[str, Any] = json.loads(report.read_text())
    return result, done.returncode, done.stdout, done.stderr


def comparison(stdout: str) -> dict[str, Any]:
    found: dict[str, Any] = json.loads(stdout)
    del found["generated_at"]
    return found


@pytest.fixture(scope="module")
def serial(pair: tuple[str, str], tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    tmp = tmp_path_factory.mktemp("serial")
    result, status, stdout, _ = storydiff("serial", "compare", "-f", "json", *pair, tmp=tmp)
    assert result["early_pid"] is None and result["facets_imported"]
    assert status == 1
    found = comparison(stdout)
    assert found["changes"]  # the story's figures, quotes and sources changed
    return found


def test_the_early_worker_finds_the_changes_of_the_pair(
    pair: tuple[str, str], serial: dict[str, Any], tmp_path: Path
) -> None:
    result, status, stdout, _ = storydiff("early", "compare", "-f", "json", *pair, tmp=tmp_path)
    assert isinstance(result["early_pid"], int)
    assert result["handed_over"] is True
    # Handed over before the command line was loaded: the worker starts on them while it
    # loads and the command parses its arguments.
    assert result["cli_loaded_at_hand_over"] is False
    assert result["loads"] == 2  # and the command took them: each file was read once
    # Compared with the default options before the command line was loaded too, and the
    # command took the comparison: typer's import came while the worker found the changes.
    assert result["compares"] == 1
    assert result["cli_loaded_at_compare"] is False
    # The JSON of the documents was written while this process waited for the changes.
    assert result["done_while_waiting"] is True
    # The facets were found by the worker forked before the files were read, not here.
    assert not result["facets_imported"]
    assert status == 1
    assert comparison(stdout) == serial
    assert not result["children_left"]


def test_a_pair_too_little_changed_does_not_keep_the_early_worker(
    pair: tuple[str, str], tmp_path: Path
) -> None:
    # One paragraph of 60 edited: fewer than a worker needs (MIN_CHANGED_PARAGRAPHS).
    text = Path(pair[0]).read_text()
    edited = tmp_path / "edited.txt"
    edited.write_text(text.replace("reached 40 homes", "reached 45 homes", 1))
    assert edited.read_text() != text
    result, status, stdout, _ = storydiff(
        "small", "compare", "-f", "json", pair[0], str(edited), tmp=tmp_path
    )
    assert isinstance(result["early_pid"], int)
    assert result["handed_over"] is None  # not even given the documents
    assert result["alive_after"] is False  # stopped by the time the comparison returned
    assert status == 1 and json.loads(stdout)["changes"]
    assert not result["children_left"]


@pytest.mark.parametrize("scenario", ["killed", "cramped"])
def test_an_early_worker_that_cannot_take_the_documents_changes_nothing(
    pair: tuple[str, str], serial: dict[str, Any], tmp_path: Path, scenario: str
) -> None:
    # Killed before they came, or they do not fit in the memory it shares with this
    # process: a worker forked then finds the changes.
    result, status, stdout, _ = storydiff(scenario, "compare", "-f", "json", *pair, tmp=tmp_path)
    assert isinstance(result["early_pid"], int)
    assert result["handed_over"] is False
    assert not result["facets_imported"]
    assert status == 1
    assert comparison(stdout) == serial
    assert not result["children_left"]


def test_an_early_worker_that_never_takes_the_documents_is_given_up(
    pair: tuple[str, str], serial: dict[str, Any], tmp_path: Path
) -> None:
    result, status, stdout, _ = storydiff("hanging", "compare", "-f", "json", *pair, tmp=tmp_path)
    assert isinstance(result["early_pid"], int)
    assert result["handed_over"] is True  # this process did not wait for it to read them
    assert status == 1
    assert comparison(stdout) == serial
    assert not result["children_left"]


@pytest.mark.parametrize("wrong", ["old", "new", "option", "max-bytes"])
def test_a_comparison_that_fails_on_input_leaves_no_worker_and_fails_as_before(
    pair: tuple[str, str], tmp_path: Path, wrong: str
) -> None:
    gone = str(tmp_path / "gone.txt")
    arguments = {
        "old": [gone, pair[1]],
        "new": [pair[0], gone],
        "option": [*pair, "--threshold", "7"],  # refused before any file is read
        # The files were loaded before the command line, with the default options: the
        # command must load them with its own, and refuse them.
        "max-bytes": [*pair, "--max-bytes", "1000"],
    }[wrong]
    result, status, stdout, stderr = storydiff("early", "compare", *arguments, tmp=tmp_path)
    assert isinstance(result["early_pid"], int)
    assert not result["children_left"]
    reference = storydiff("serial", "compare", *arguments, tmp=tmp_path)
    assert reference[0]["early_pid"] is None
    assert (status, stdout, stderr) == reference[1:] and status == 2
    assert stderr.count("\n") == 1
    assert "gone.txt" in stderr or "threshold" in stderr or "larger than" in stderr


def test_an_early_worker_is_stopped_when_the_hand_over_is_interrupted(
    pair: tuple[str, str], tmp_path: Path
) -> None:
    # Taken from where stop_early looks for it, it must be stopped there and then.
    result, status, _, stderr = storydiff("interrupted", "compare", *pair, tmp=tmp_path)
    assert isinstance(result["early_pid"], int)
    assert status == 130 and stderr.count("\n") == 1, (status, stderr)
    assert not result["children_left"]


def _exited(pid: int) -> bool:
    """Whether process ``pid`` has ended: gone, or a zombie nobody reaps (an orphan's new
    parent may be a container's init that reaps nothing)."""
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] in ("Z", "X")
    except FileNotFoundError:
        return True


def test_an_early_worker_whose_parent_is_killed_exits_at_once(
    pair: tuple[str, str], tmp_path: Path
) -> None:
    # SIGKILL leaves the parent no chance to stop its worker: the worker must see the end
    # of its pipe as it readies the facets or waits for the documents, and leave.
    result, status, _, _ = storydiff("parent-killed", "compare", *pair, tmp=tmp_path)
    assert status == -signal.SIGKILL
    pid = result["early_pid"]
    assert isinstance(pid, int)
    deadline = time.monotonic() + 5
    while not _exited(pid) and time.monotonic() < deadline:
        time.sleep(0.01)
    if not _exited(pid):
        os.kill(pid, signal.SIGKILL)
        pytest.fail("the early worker outlived its killed parent by 5 s")


def test_no_early_worker_for_small_files_or_more_than_a_pair(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    forks: list[int] = []

    def fork() -> int:
        forks.append(1)
        raise OSError("no fork in this test")

    monkeypatch.setattr(os, "fork", fork)
    monkeypatch.setattr(facets_worker, "_may_fork", lambda: True)
    monkeypatch.setattr(facets_worker, "_running_tasks", lambda: 1)
    monkeypatch.setattr(os, "sched_getaffinity", lambda _: {0, 1})
    half = facets_worker.EARLY_MIN_BYTES // 2
    small, big, other = tmp_path / "small.txt", tmp_path / "big.txt", tmp_path / "other.txt"
    small.write_bytes(b"x" * (half - 1))
    big.write_bytes(b"x" * half)
    other.write_bytes(b"x" * half)
    facets_worker.start_early([str(small), str(big), "https://example.org/story"])
    assert forks == []  # too little to read for a worker to pay
    page = tmp_path / "page.html"
    page.write_bytes(b"x" * facets_worker.EARLY_MIN_BYTES)
    facets_worker.start_early([str(page), str(page)])
    assert forks == []  # a web page's bytes are mostly markup
    facets_worker.start_early([str(big), str(big), str(other)])
    assert forks == []  # three sources: outlets compared claim by claim
    facets_worker.start_early([str(big), "--no-moves", str(other)])
    assert forks == [1]  # (the fork "failed": nothing to stop)
    assert facets_worker._early is None


def test_the_command_line_is_read_for_the_sources_of_a_comparison(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    given: list[list[str]] = []
    monkeypatch.setattr(facets_worker, "start_early", given.append)
    monkeypatch.setattr(facets_worker, "_wait_for_answered_workers", True)  # (restored after)
    entry._start_facets_worker(
        ["--debug", "compare", "-o", "report.json", "--db", "news.db", "a.txt", "b.txt", "-f", "md"]
    )
    # A report or store that exists must not be taken for a big source.
    assert given == [["-o", "--db", "a.txt", "b.txt", "-f", "md"]]
    given.clear()
    for other in (["extract", "a.txt", "b.txt"], ["compare", "a.txt"], ["--version"]):
        entry._start_facets_worker(other)
    entry._start_facets_worker(["compare", "--matrix", "a.txt", "b.txt"])
    assert given == []


#: Documents (strings standing for them) loaded before the command line for a.txt and b.txt.
PRELOADED: Any = (("a.txt", "a.txt loaded before"), ("b.txt", "b.txt loaded before"))


class CommandLoad:
    """``load`` as the compare command calls it, recording what it loads."""

    def __init__(self) -> None:
        self.specs: list[str] = []

    def __call__(self, spec: str, options: object) -> str:
        self.specs.append(spec)
        return f"{spec} loaded by the command"


def test_the_compare_command_takes_the_documents_loaded_before_it_only_for_its_own(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # compare/__main__.py loads the two files an early worker was forked for before the
    # command line: the command takes them for the same sources, in the same order, loaded
    # with the same options, and loads its own otherwise.
    from compare import compare_command
    from compare.model import LoadOptions

    load = CommandLoad()
    loaded, preloaded = load.specs, PRELOADED
    monkeypatch.setattr(compare_command, "_preloaded", preloaded)
    assert compare_command._load_pair(["a.txt", "b.txt"], LoadOptions(), load) == (
        "a.txt loaded before",
        "b.txt loaded before",
    )
    assert loaded == []
    again = compare_command._load_pair(["a.txt", "b.txt"], LoadOptions(), load)
    assert again[0].endswith("command")
    assert loaded == ["a.txt", "b.txt"]  # taken once only
    for sources, options in (
        (["b.txt", "a.txt"], LoadOptions()),
        (["a.txt", "c.txt"], LoadOptions()),
        (["a.txt", "b.txt"], LoadOptions(max_bytes=1000)),
    ):
        loaded.clear()
        monkeypatch.setattr(compare_command, "_preloaded", preloaded)
        compare_command._load_pair(sources, options, load)
        assert loaded == sources


def test_no_files_are_loaded_before_the_command_line_for_more_than_a_pair_or_the_help(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import compare

    loaded: list[str] = []
    monkeypatch.setattr(compare, "load", lambda spec, options: loaded.append(spec))
    for args in (
        ["compare", "a.txt", "b.txt", "https://example.org/story"],
        ["compare", "a.txt", "b.txt", "--help"],
    ):
        assert entry._preload(["a.txt", "b.txt"], args) == ((), None)
    assert entry._preload(["a.txt", "-"], ["compare", "a.txt", "-"]) == ((), None)
    assert loaded == []


def test_the_default_comparison_is_made_ahead_only_when_nothing_else_is_asked(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import compare
    from compare import facets_worker

    monkeypatch.setattr(compare, "load", lambda spec, options: f"doc {spec}")
    monkeypatch.setattr(facets_worker, "prepare", lambda old, new: None)
    made: list[tuple[object, ...]] = []
    monkeypatch.setattr(
        entry, "_compared_ahead", lambda *pair_and_request: made.append(pair_and_request) or "made"
    )
    files = ["a.txt", "b.txt"]

    def ahead(*args: str) -> bool:
        made.clear()
        preloaded, compared = entry._preload(files, list(args), entry._fast_request(list(args)))
        assert preloaded == (("a.txt", "doc a.txt"), ("b.txt", "doc b.txt")), args
        assert (compared == "made") == bool(made), args
        return bool(made)

    for shown in (
        ["compare", "a.txt", "b.txt"],
        ["--debug", "compare", "-f", "json", "a.txt", "b.txt"],
        ["compare", "a.txt", "--format=md", "b.txt", "--no-color", "--exit-zero"],
        ["compare", "-o", "r.html", "a.txt", "b.txt", "--width", "90"],
        ["compare", "a.txt", "b.txt", "--md-limit", "0", "--output=r.json"],
    ):
        assert ahead(*shown), shown
    for other in (
        ["compare", "b.txt", "a.txt"],  # the other way round
        ["compare", "a.txt", "b.txt", "--threshold", "0.6"],
        ["compare", "a.txt", "b.txt", "--no-moves"],
        ["compare", "a.txt", "b.txt", "--context", "3"],
        ["compare", "a.txt", "b.txt", "--label", "x", "--label", "y"],
        ["compare", "a.txt", "b.txt", "--max-bytes", "100"],
        ["compare", "a.txt", "b.txt", "--open"],  # the command line runs: no time to save
        ["compare", "-fjson", "a.txt", "b.txt"],  # a value joined on: not read here
        ["compare", "--", "a.txt", "b.txt"],
        ["compare", "-o", "a.txt", "b.txt"],  # a.txt is the report's name, not a source
        ["compare", "-f", "xml", "a.txt", "b.txt"],  # usage errors: said before any work
        ["compare", "--format=pdf", "a.txt", "b.txt"],
        ["compare", "a.txt", "b.txt", "-f"],
    ):
        assert not ahead(*other), other


def test_the_documents_json_is_written_ahead_only_for_a_json_report(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import compare
    from compare import facets_worker

    waiting: list[object] = []
    monkeypatch.setattr(facets_worker, "while_waiting", waiting.append)
    monkeypatch.setattr(compare, "compare", lambda old, new, options: "made")
    for args, writes_json in (
        (["compare", "-f", "json", "a.txt", "b.txt"], True),
        (["compare", "a.txt", "b.txt", "-o", "R.JSON"], True),
        (["compare", "a.txt", "b.txt", "-f", "json", "-o", "r.html"], True),
        (["compare", "a.txt", "b.txt", "-o", "r.json", "-f", "md"], False),
        (["compare", "x.json", "b.txt"], False),  # a source's name says nothing
        (["compare", "a.txt", "b.txt"], False),
    ):
        waiting.clear()
        request = entry._fast_request(args)
        assert request is not None
        assert entry._compared_ahead("old", "new", request) == "made"  # type: ignore[arg-type]
        assert bool(waiting) == writes_json, args


def test_the_compare_command_takes_the_comparison_made_ahead_only_for_its_own(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from compare import compare_command
    from compare.model import CompareOptions

    class Made:  # a comparison, as far as the command looks at it
        old, new, options = "old", "new", CompareOptions()

    made: Any = Made()
    for old, new, options in (
        ("new", "old", CompareOptions()),
        ("old", "other", CompareOptions()),
        ("old", "new", CompareOptions(threshold=0.6)),
        ("old", "new", CompareOptions(detect_moves=False)),
    ):
        monkeypatch.setattr(compare_command, "_compared", made)
        assert compare_command._compared_before(old, new, options) is None  # type: ignore[arg-type]
    monkeypatch.setattr(compare_command, "_compared", made)
    assert compare_command._compared_before("old", "new", CompareOptions()) is made  # type: ignore[arg-type]
    assert compare_command._compared_before("old", "new", CompareOptions()) is None  # type: ignore[arg-type]


def test_a_comparison_asking_for_more_than_the_default_is_made_by_the_command_alone(
    pair: tuple[str, str], tmp_path: Path
) -> None:
    args = ["compare", "-f", "json", "--threshold", "0.7", *pair]
    _, _, expected, _ = storydiff("serial", *args, tmp=tmp_path)
    result, status, stdout, _ = storydiff("early", *args, tmp=tmp_path)
    assert result["loads"] == 2 and result["handed_over"] is True  # still loaded ahead
    assert result["compares"] == 1 and result["cli_loaded_at_compare"] is True
    assert status == 1
    assert comparison(stdout) == comparison(expected)
    assert not result["children_left"]


def test_work_left_for_a_wait_that_did_not_come_is_dropped() -> None:
    # A command whose comparison needed no worker (or failed) leaves the work it meant to do
    # while waiting for one: not to be done in the next command's wait.
    done: list[int] = []
    facets_worker.while_waiting(lambda: done.append(1))
    facets_worker.stop_early()
    facets_worker._do_idle_work()
    assert done == []
    facets_worker.while_waiting(lambda: done.append(2))
    facets_worker.while_waiting(lambda: 1 / 0)  # its error is ignored
    facets_worker.while_waiting(lambda: done.append(3))
    facets_worker._do_idle_work()
    assert done == [2, 3]
