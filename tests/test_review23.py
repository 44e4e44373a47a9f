"""Review 23: the compare command's body out of compare/cli.py (compare/compare_command.py,
compare/exits.py, compare/output.py) and its run without typer (compare/__main__.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_compare_fast_path import NEW, OLD, assert_same, storydiff

#: A file name longer than any file system takes (255 bytes on Linux).
TOO_LONG = "x" * 300


def _story(tmp_path: Path) -> Path:
    (tmp_path / "old.txt").write_text("\n\n".join(OLD) + "\n", encoding="utf-8")
    (tmp_path / "new.txt").write_text("\n\n".join(NEW) + "\n", encoding="utf-8")
    return tmp_path


def test_an_output_name_too_long_is_one_line_before_any_work(tmp_path: Path) -> None:
    # It was a traceback (compare, on both paths: names_folder's is_dir) or "unexpected
    # OSError" (timeline, export).
    story = _story(tmp_path)
    for name in (f"{TOO_LONG}.html", f"{TOO_LONG}.json"):
        stdout, stderr, code = assert_same(story, "compare", "old.txt", "new.txt", "-o", name)
        assert (stdout, code) == (b"", 2)
        assert stderr.startswith(f"storydiff: error: cannot write {name}: File name too long")
        assert stderr.count("\n") == 1
    for command in ("timeline", "export"):
        name = f"{TOO_LONG}.{'html' if command == 'timeline' else 'json'}"
        stdout, stderr, code = storydiff(
            story, command, "https://example.org/a", "--db", "missing.db", "-o", name
        )
        assert (stdout, code) == (b"", 2), stderr
        assert stderr.startswith(f"storydiff: error: cannot write {name}: File name too long")
        assert stderr.count("\n") == 1


def test_a_too_long_name_on_the_way_still_names_a_folder_or_a_file(tmp_path: Path) -> None:
    # What refuse_unwritable lets through is said as before: a folder to make, a folder given.
    story = _story(tmp_path)
    (story / "reports").mkdir()
    stderr = assert_same(story, "compare", "old.txt", "new.txt", "-o", "reports")[1]
    assert "cannot write reports: it is a folder" in stderr
    code = assert_same(
        story, "compare", "old.txt", "new.txt", "-o", "made/r.md", written="made/r.md"
    )[2]
    assert code == 1 and (story / "made" / "r.md").is_file()


def test_ctrl_c_is_ended_in_one_place(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # guarded, the command line's invoke and run_alone each had their copy of the line and
    # the status; SIGTERM's status (set by track's handler) reaches all of them through one.
    from compare import compare_command, exits

    root = Path(__file__).resolve().parent.parent / "compare"
    copies = [
        path.name
        for path in (root / "cli.py", root / "compare_command.py", root / "exits.py")
        if '"storydiff: interrupted"' in path.read_text(encoding="utf-8")
    ]
    assert copies == ["exits.py"]

    def stopped(*args: object, **options: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(compare_command, "run_compare", stopped)
    monkeypatch.setitem(exits.interrupted, "exit_code", 143)
    with pytest.raises(SystemExit) as stop:
        compare_command.run_alone({"sources": ["a", "b"]})
    assert stop.value.code == 143
    with pytest.raises(SystemExit) as stop:
        exits.guarded(lambda: stopped())
    assert stop.value.code == 143
    assert capsys.readouterr().err == "storydiff: interrupted\n" * 2


def test_dev_stdout_spelt_with_two_slashes_is_appended_to_as_dev_stdout(tmp_path: Path) -> None:
    # `-o //dev/stdout >> log` replaced the log with the report (opened "wb", through the
    # link to the file): Path keeps a leading "//" apart, and it was no stream.
    import subprocess
    import sys

    from test_compare_fast_path import _env

    story = _story(tmp_path)
    command = [sys.executable, "-m", "compare", "compare", "old.txt", "new.txt", "-f", "md"]
    for given in ("/dev/stdout", "//dev/stdout"):
        log = story / "log.txt"
        log.write_text("KEEP\n", encoding="utf-8")
        with open(log, "ab") as stdout:
            done = subprocess.run(
                [*command, "-o", given],
                cwd=story,
                env=_env(),
                stdout=stdout,
                stderr=subprocess.PIPE,
                timeout=120,
            )
        assert done.returncode == 1, done.stderr
        assert log.read_text(encoding="utf-8").startswith("KEEP\n## storydiff"), given
