"""A comparison of two local files asked for with nothing but how to show it runs without the
command line (compare/__main__.py ``_fast_request`` -> compare/compare_command.py
``run_compare``): typer and click are never imported. Its stdout, stderr, exit status and
written report are the command line's to the byte; an option the fast path does not read
(``--threshold 0.5``, the default) makes the same run go through typer."""

from __future__ import annotations

import inspect
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from compare import cli, compare_command
from compare.__main__ import _fast_request

ROOT = Path(__file__).resolve().parent.parent
#: The default threshold, given: an option the fast path leaves to the command line.
THROUGH_TYPER = ("--threshold", "0.5")
PAIR = ("old.txt", "new.txt")

OLD = [
    "The harbour authority will keep ferry fares frozen until spring, its chair said on "
    "Monday, after a meeting that ran late into the evening.",
    "Operators had asked for a rise of four percent to cover the cost of fuel.",
    "The council meets again on Tuesday to hear from residents of the islands.",
    "A survey of 1,200 passengers found most travel at least twice a week.",
    "The mainland terminal will close for repairs in March, the authority said.",
]
NEW = [
    OLD[0],
    "Operators had asked for a rise of six percent to cover the cost of fuel and wages.",
    OLD[2],
    "A survey of 1,200 passengers found most travel at least twice a week.",
    "Two night crossings will be added in summer, the chair said.",
]


def _env() -> dict[str, str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "SOURCE_DATE_EPOCH": "1700000000"}
    for name in ("NO_COLOR", "FORCE_COLOR", "COLUMNS"):
        env.pop(name, None)
    return env


def storydiff(cwd: Path, *args: str, **env: str) -> tuple[bytes, str, int]:
    done = subprocess.run(
        [sys.executable, "-m", "compare", *args],
        capture_output=True,
        cwd=cwd,
        env={**_env(), **env},
        timeout=120,
    )
    return done.stdout, done.stderr.decode("utf-8", "replace"), done.returncode


def _command_args(args: tuple[str, ...]) -> tuple[str, ...]:
    """``args`` with the option that sends them through typer, after ``compare``."""
    at = args.index("compare") + 1
    return (*args[:at], *THROUGH_TYPER, *args[at:])


def assert_same(
    cwd: Path, *args: str, written: str | None = None, **env: str
) -> tuple[bytes, str, int]:
    """Run ``args`` through the fast path and through typer: the same stdout, stderr, status
    (and report file ``written``, removed before each run). What the fast path gave."""
    assert _fast_request(list(args)) is not None, args
    assert _fast_request(list(_command_args(args))) is None
    results = []
    for run in (_command_args(args), args):
        if written is not None:
            (cwd / written).unlink(missing_ok=True)
        stdout, stderr, code = storydiff(cwd, *run, **env)
        report = (cwd / written).read_bytes() if written and (cwd / written).is_file() else None
        results.append((stdout, stderr, code, report))
    assert results[1] == results[0], args
    return results[1][:3]


@pytest.fixture
def story(tmp_path: Path) -> Path:
    (tmp_path / "old.txt").write_text("\n\n".join(OLD) + "\n", encoding="utf-8")
    (tmp_path / "new.txt").write_text("\n\n".join(NEW) + "\n", encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("format", ["text", "json", "md", "html"])
def test_each_format_to_stdout_is_the_command_line_s(story: Path, format: str) -> None:
    stdout, stderr, code = assert_same(story, "compare", "-f", format, "old.txt", "new.txt")
    assert code == 1 and stdout and stderr == ""
    assert_same(story, "compare", "old.txt", "new.txt", f"--format={format}", "--exit-zero")


@pytest.mark.parametrize(
    "name", ["r.txt", "r.json", "r.md", "r.markdown", "r.html", "r.htm", "r", "r.pdf", "R.JSON"]
)
def test_each_output_extension_is_the_command_line_s(story: Path, name: str) -> None:
    stdout, stderr, code = assert_same(
        story, "compare", "old.txt", "new.txt", "-o", name, written=name
    )
    assert stdout == b""
    if name == "r.pdf":
        assert code == 2 and "cannot tell the report format" in stderr
    else:
        assert code == 1 and stderr == f"storydiff: wrote {name}\n"
    assert_same(
        story, "compare", "-f", "md", f"--output={name}", "old.txt", "new.txt", written=name
    )


def test_the_showing_options_are_the_command_line_s(story: Path) -> None:
    for args in (
        ("--no-color", "--width", "60"),
        ("-f", "md", "--md-limit", "300"),
        ("--width", "5"),  # refused by the command, in one line
        ("--width", " 70 "),  # int(), as click reads it
        ("-o", "-", "-f", "json"),
        ("--exit-zero", "-o", "x.json"),
    ):
        assert_same(story, "--debug", "compare", "old.txt", *args, "new.txt")
        assert_same(story, "compare", *args, "old.txt", "new.txt")


def test_identical_files_exit_0_and_exit_zero_too(story: Path) -> None:
    (story / "same.txt").write_text((story / "old.txt").read_text())
    assert assert_same(story, "compare", "old.txt", "same.txt")[2] == 0
    assert assert_same(story, "compare", "old.txt", "new.txt", "--exit-zero")[2] == 0


def test_outputs_the_command_refuses_are_refused_alike(story: Path) -> None:
    (story / "reports").mkdir()
    connection = sqlite3.connect(story / "news.db")
    connection.execute("create table t (x)")
    connection.commit()
    connection.close()
    (story / "plain").write_text("a file\n")
    for output in (
        "reports",  # a folder
        "reports/",
        "missing/",
        "news.db",  # a version store
        "old.txt",  # a source
        "plain/r.md",  # under a file
        "/proc/storydiff-report.md",  # where nothing can be written
    ):
        # (-f: news.db names no format; the store is refused whatever its name. The names
        # that say a format say md: r.json with -f md is refused as a contradiction.)
        _, stderr, code = assert_same(
            story, "compare", "-f", "md", "old.txt", "new.txt", "-o", output
        )
        assert code == 2 and stderr.startswith("storydiff: error: cannot write"), stderr
    assert (story / "news.db").read_bytes().startswith(b"SQLite format 3\x00")


def test_a_report_into_a_missing_folder_is_written_alike(story: Path) -> None:
    written = "new/folder/r.md"
    _, stderr, code = assert_same(
        story, "compare", "old.txt", "new.txt", "-o", written, written=written
    )
    assert (code, stderr) == (1, f"storydiff: wrote {written}\n")


def test_inputs_the_command_refuses_are_refused_alike(story: Path) -> None:
    (story / "binary.txt").write_bytes(b"\x00\x01\x02PNG\x00" * 200)
    (story / "empty.txt").write_bytes(b"")
    (story / "menu.html").write_text(
        "<html><head><title>Menu</title></head><body><nav><a href='/'>Home</a></nav></body></html>",
        encoding="utf-8",
    )
    for other in ("binary.txt", "empty.txt", "menu.html", "missing.txt"):
        stdout, stderr, code = assert_same(story, "compare", "old.txt", other)
        assert stdout == b"" and code >= 2 and stderr.startswith("storydiff: error:"), stderr
        # --debug: the traceback too, the same frames (from guarded down).
        _, stderr, code = assert_same(story, "--debug", "compare", other, "new.txt")
        assert "Traceback" in stderr


def test_a_stdout_closed_early_ends_alike_with_141(tmp_path: Path) -> None:
    # A report far longer than a pipe holds (64 KB; the text report is ~240 KB): the reader
    # leaves after one byte.
    paragraphs = [f"{OLD[0]} Paragraph {i} of the long story." for i in range(1200)]
    edited = [p.replace("frozen", "fixed") if i % 3 == 0 else p for i, p in enumerate(paragraphs)]
    (tmp_path / "old.txt").write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
    (tmp_path / "new.txt").write_text("\n\n".join(edited) + "\n", encoding="utf-8")
    script = '"$@" 2>"$ERRORS" | head -c1 >/dev/null; echo "${PIPESTATUS[0]}"'
    outcomes = []
    for args in (
        ("compare", *THROUGH_TYPER, "old.txt", "new.txt"),
        ("compare", "old.txt", "new.txt"),
    ):
        for format in ("json", "text"):
            errors = tmp_path / "errors"
            done = subprocess.run(
                ["bash", "-c", script, "_", sys.executable, "-m", "compare", *args, "-f", format],
                capture_output=True,
                text=True,
                cwd=tmp_path,
                env={**_env(), "ERRORS": str(errors)},
                timeout=120,
            )
            outcomes.append((format, done.stdout.strip(), errors.read_text()))
    assert outcomes[:2] == outcomes[2:]
    assert outcomes[:2] == [("json", "141", ""), ("text", "141", "")]


def test_a_closed_stdout_is_one_line_alike(story: Path) -> None:
    results = []
    for args in (
        ("compare", *THROUGH_TYPER, "old.txt", "new.txt"),
        ("compare", "old.txt", "new.txt"),
    ):
        done = subprocess.run(
            ["bash", "-c", '"$@" >&-', "_", sys.executable, "-m", "compare", *args],
            capture_output=True,
            text=True,
            cwd=story,
            env=_env(),
            timeout=120,
        )
        results.append((done.returncode, done.stderr))
    assert results[0] == results[1]
    assert results[1][0] == 2 and "standard output: it is closed" in results[1][1]


def test_the_fast_path_loads_neither_typer_nor_click_nor_the_command_line(story: Path) -> None:
    code = (
        "import sys\n"
        "import compare.__main__ as entry\n"
        "def leave(code):\n"
        "    loaded = [m for m in sys.modules if m.split('.')[0] in ('typer', 'click')]\n"
        "    print(code, 'compare.cli' in sys.modules, loaded, file=sys.stderr)\n"
        "entry._leave = leave\n"
        "sys.argv = ['storydiff', *sys.argv[1:]]\n"
        "entry.main()\n"
    )

    def loaded(*args: str) -> str:
        done = subprocess.run(
            [sys.executable, "-c", code, *args],
            capture_output=True,
            text=True,
            cwd=story,
            env=_env(),
            timeout=120,
        )
        return done.stderr.strip().splitlines()[-1]

    assert loaded("compare", "-f", "json", "old.txt", "new.txt") == "1 False []"
    assert loaded("--debug", "compare", "old.txt", "new.txt", "-o", "r.md", "--exit-zero") == (
        "0 False []"
    )
    assert loaded("compare", "old.txt", "missing.txt") == "2 False []"
    # Given an option it does not read, the command line runs (and typer is loaded).
    through_typer = loaded("compare", *THROUGH_TYPER, "old.txt", "new.txt")
    assert through_typer.startswith("1 True [") and "'typer'" in through_typer


def test_what_the_wait_for_the_worker_does_on_the_fast_path_loads_no_command_line(
    story: Path,
) -> None:
    # With a worker forked early, the parent waits for its answer: on the fast path it
    # writes the documents' JSON then, and loads no command line.
    code = (
        "import sys\n"
        "from compare import load\n"
        "from compare.__main__ import _write_ahead\n"
        "from compare.model import LoadOptions\n"
        "from compare.render import json as render_json\n"
        "old, new = (load(name, LoadOptions()) for name in ('old.txt', 'new.txt'))\n"
        "_write_ahead(old, new)\n"
        "print('compare.cli' in sys.modules, 'typer' in sys.modules)\n"
        "print(len(render_json._written) == 2)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=story, env=_env()
    )
    assert done.stdout.split() == ["False", "False", "True"], done.stderr


def test_the_fast_path_reads_only_what_it_reads_as_click_does(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    files = ["a.txt", "b.txt"]

    def read(*args: str) -> dict[str, object] | None:
        return _fast_request(list(args))

    assert read("compare", *files) == {"debug": False, "sources": files}
    assert read("--debug", "compare", "-f", "md", *files, "--width", "+80", "-o", "-") == {
        "debug": True,
        "format": "md",
        "width": 80,
        "output_given": "-",
        "sources": files,
    }
    assert read("compare", "a.txt", "--format=json", "--output=r.x", "b.txt", "--no-color") == {
        "debug": False,
        "format": "json",
        "output_given": "r.x",
        "no_color": True,
        "sources": files,
    }
    monkeypatch.setenv("_STORYDIFF_COMPLETE", "bash_source")  # typer's shell completion
    assert read("compare", *files) is None
    monkeypatch.delenv("_STORYDIFF_COMPLETE")
    for declined in (
        ("compare", "a.txt"),
        ("compare", "a.txt", "b.txt", "c.txt"),
        ("compare", "-", "b.txt"),
        ("compare", "https://example.com/a", "b.txt"),
        ("compare", "https://example.com/a@2", "b.txt"),
        ("compare", "--", "a.txt", "b.txt"),
        ("compare", "-fjson", *files),
        ("compare", "-o=r.md", *files),
        ("compare", "-f", "json", "-f", "md", *files),
        ("compare", "-f", "json", "--format", "json", *files),
        ("compare", "-f", "JSON", *files),
        ("compare", "-f", *files),
        ("compare", *files, "-o"),
        ("compare", *files, "-o", "--no-color"),
        ("compare", *files, "--output="),
        ("compare", *files, "--width", "wide"),
        ("compare", *files, "--width", "-5"),
        ("compare", *files, "--no-color=1"),
        ("compare", *files, "--no-color", "--no-color"),
        ("compare", *files, "--open"),
        ("compare", *files, "--help"),
        ("compare", *files, "--threshold", "0.5"),
        ("compare", *files, "--label", "A"),
        ("--debug", "--debug", "compare", *files),
        ("--version", "compare", *files),
        ("extract", *files),
        (),
    ):
        assert read(*declined) is None, declined


def test_the_body_s_defaults_are_the_command_line_s() -> None:
    # One body, two callers: the fast path leaves every option it does not read at
    # run_compare's default, which must be what typer gives the command.
    declared = inspect.signature(cli.compare_command).parameters
    body = inspect.signature(compare_command.run_compare).parameters
    assert list(declared) == list(body)
    for name, parameter in declared.items():
        assert parameter.default == body[name].default, name


@pytest.mark.parametrize("encoding", ["utf-8", "ascii", "latin-1"])
def test_messages_are_written_as_the_command_line_wrote_them(story: Path, encoding: str) -> None:
    # Through click's echo, a message lost its escape sequences on a stderr that is no
    # terminal, and went out in UTF-8 on a stream Python took for ASCII.
    missing = "mi\x1b[31mss\udce9ing.txt"  # (a byte that is not UTF-8, as Python holds it)
    for args in (("old.txt", missing), (*PAIR, "-o", "/proc/r\x1b[1m\u00e9.json")):
        _, stderr, code = assert_same(story, "compare", *args, PYTHONIOENCODING=encoding)
        assert code == 2 and "\x1b" not in stderr
