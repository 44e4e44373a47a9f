"""Where ``compare -o`` writes: never over a source, stdin's file included; SIGTERM during
the write leaves no temporary file; a long name that fits is written; a read-only report is
refused as cp refuses it; a folder that cannot take the temporary file is named as such."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from test_cli28_moves import PARAGRAPHS, write


def pair(tmp_path: Path) -> tuple[str, str]:
    edited = [*PARAGRAPHS[:5], PARAGRAPHS[5].replace("next month", "this month")]
    return write(tmp_path / "a.txt", PARAGRAPHS), write(tmp_path / "b.txt", edited)


def storydiff(
    *args: str, cwd: Path, stdin: object = subprocess.DEVNULL, script: str | None = None
) -> subprocess.CompletedProcess[str]:
    """The command in a process of its own, as a shell runs it (``script``: Python run first
    in that process, before the command)."""
    env = {**os.environ, "STORYDIFF_CACHE_DIR": "", "NO_COLOR": "1"}
    code = (script or "") + "\nimport sys\nfrom compare.__main__ import main\n"
    code += f"sys.argv = ['storydiff', *{list(args)!r}]\nmain()\n"
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=cwd,
        stdin=stdin,  # type: ignore[arg-type]
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


def one_error_line(result: subprocess.CompletedProcess[str]) -> str:
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr
    return lines[0]


# --- 4: stdin read from the output file -----------------------------------------------------


def test_output_that_stdin_is_read_from_is_refused(tmp_path: Path) -> None:
    old, new = pair(tmp_path)
    before = Path(new).read_bytes()
    with open(new, "rb") as stdin:
        result = storydiff("compare", old, "-", "-o", new, cwd=tmp_path, stdin=stdin)
    assert result.returncode == 2
    line = one_error_line(result)
    assert "it is the source -" in line and "choose another" in line
    assert Path(new).read_bytes() == before  # the saved version is kept


def test_stdin_from_another_file_is_written_as_before(tmp_path: Path) -> None:
    old, new = pair(tmp_path)
    with open(new, "rb") as stdin:
        result = storydiff("compare", old, "-", "-o", "out.md", cwd=tmp_path, stdin=stdin)
    assert result.returncode == 1, result.stderr
    assert (tmp_path / "out.md").read_text("utf-8").startswith("## storydiff")


# --- 5: SIGTERM during the write ------------------------------------------------------------

#: Sends the process SIGTERM as the report is about to be renamed into place: the moment a
#: kill left the temporary file behind.
TERM_AT_RENAME = """
import os, signal
real_replace = os.replace
def replace(src, dst, *args, **kwargs):
    if str(dst).endswith("out.md"):
        os.kill(os.getpid(), signal.SIGTERM)
    return real_replace(src, dst, *args, **kwargs)
os.replace = replace
"""


@pytest.mark.parametrize("extra", [[], ["--context", "2"]], ids=["fast path", "command line"])
def test_sigterm_during_the_write_leaves_no_temporary_file(
    tmp_path: Path, extra: list[str]
) -> None:
    old, new = pair(tmp_path)
    (tmp_path / "out.md").write_text("the report before\n", encoding="utf-8")
    result = storydiff(
        "compare", old, new, "-o", "out.md", *extra, cwd=tmp_path, script=TERM_AT_RENAME
    )
    assert result.returncode == 143, (result.returncode, result.stderr)
    assert one_error_line(result) == "storydiff: interrupted"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "b.txt", "out.md"]
    assert (tmp_path / "out.md").read_text("utf-8") == "the report before\n"


# --- 8: a long name that fits ---------------------------------------------------------------


@pytest.mark.parametrize("stem", ["a" * 245, "é" * 125])
def test_a_long_output_name_that_fits_is_written(tmp_path: Path, stem: str) -> None:
    old, new = pair(tmp_path)
    name = stem + ".md"
    assert len(os.fsencode(name)) <= 255
    result = storydiff("compare", old, new, "-o", name, cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    assert (tmp_path / name).read_text("utf-8").startswith("## storydiff")
    # Its temporary file, named after it, was renamed into place: nothing else is left.
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["a.txt", "b.txt", name])


# --- 9: permissions -------------------------------------------------------------------------
# (Tests run as root here, whom permissions do not stop: the system's answers for a user
# they do stop stand in for it.)


def test_a_read_only_report_is_refused_not_replaced(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from compare.errors import InputError
    from compare.output import write_atomic

    report = tmp_path / "ro.md"
    report.write_text("kept\n", encoding="utf-8")
    report.chmod(0o444)
    real_access = os.access

    def access(path: object, mode: int, **kwargs: object) -> bool:
        if Path(str(path)) == report and mode & os.W_OK:
            return False  # what a user who may not write it is told
        return real_access(path, mode, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "access", access)
    with pytest.raises(InputError) as raised:
        write_atomic(report, "new report\n")
    assert "read-only" in str(raised.value) and "chmod u+w" in raised.value.one_line()
    assert report.read_text("utf-8") == "kept\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ro.md"]


def test_the_compare_command_refuses_a_read_only_report_before_any_work(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from typer.testing import CliRunner

    from compare import compare_command
    from compare.cli import app

    old, new = pair(tmp_path)
    report = tmp_path / "ro.md"
    report.write_text("kept\n", encoding="utf-8")
    real_access = os.access
    monkeypatch.setattr(
        os,
        "access",
        lambda path, mode, **kw: False if Path(str(path)) == report else real_access(path, mode),
    )
    monkeypatch.setattr(compare_command, "_load_pair", lambda *a: pytest.fail("loaded"))
    result = CliRunner().invoke(app, ["compare", old, new, "-o", str(report)])
    assert result.exit_code == 2
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and "the file is read-only" in lines[0]
    assert report.read_text("utf-8") == "kept\n"


def test_a_folder_that_cannot_take_the_temporary_file_is_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno
    import tempfile

    from compare.errors import InputError
    from compare.output import write_atomic

    folder = tmp_path / "ro"
    folder.mkdir()
    report = folder / "w.md"
    report.write_text("kept\n", encoding="utf-8")

    def mkstemp(*args: object, **kwargs: object) -> tuple[int, str]:
        raise PermissionError(errno.EACCES, "Permission denied")  # a folder of mode 0555

    monkeypatch.setattr(tempfile, "mkstemp", mkstemp)
    with pytest.raises(InputError) as raised:
        write_atomic(report, "new report\n")
    message = raised.value.one_line()
    assert f"the folder {folder} is not writable" in message
    assert f"chmod u+w {folder}" in message
    assert report.read_text("utf-8") == "kept\n"
