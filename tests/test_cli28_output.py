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
# (Run without root's power to write what permissions forbid, as test_publish.py does.)


def unprivileged(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    from test_publish import _unprivileged

    code = "import sys; from compare.__main__ import main; sys.argv[0] = 'storydiff'; main()"
    env = {**os.environ, "STORYDIFF_CACHE_DIR": "", "NO_COLOR": "1"}
    return subprocess.run(
        [*_unprivileged(), sys.executable, "-c", code, *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        stdin=subprocess.DEVNULL,
    )


@pytest.mark.parametrize("extra", [[], ["--context", "2"]], ids=["fast path", "command line"])
def test_a_read_only_report_is_refused_not_replaced(tmp_path: Path, extra: list[str]) -> None:
    old, new = pair(tmp_path)
    report = tmp_path / "ro.md"
    report.write_text("kept\n", encoding="utf-8")
    report.chmod(0o444)
    result = unprivileged("compare", old, new, "-o", "ro.md", *extra, cwd=tmp_path)
    assert result.returncode == 2, result.stderr
    line = one_error_line(result)
    assert line.startswith("storydiff: error: cannot write ro.md: the file is read-only")
    assert "chmod u+w ro.md" in line
    assert report.read_text("utf-8") == "kept\n"
    assert report.stat().st_mode & 0o777 == 0o444
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "b.txt", "ro.md"]


def test_write_atomic_refuses_a_read_only_file_too(tmp_path: Path) -> None:
    # Every command's -o goes through it (export, timeline, track --report-dir).
    report = tmp_path / "ro.md"
    report.write_text("kept\n", encoding="utf-8")
    report.chmod(0o444)
    script = (
        "import sys; from pathlib import Path; from compare.output import write_atomic\n"
        "from compare.errors import InputError\n"
        "try:\n    write_atomic(Path('ro.md'), 'new')\n"
        "except InputError as error:\n    print(error.one_line())\n"
    )
    from test_publish import _unprivileged

    result = subprocess.run(
        [*_unprivileged(), sys.executable, "-c", script],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert "the file is read-only" in result.stdout, result.stderr
    assert report.read_text("utf-8") == "kept\n"


def test_a_folder_that_cannot_take_the_temporary_file_is_named(tmp_path: Path) -> None:
    old, new = pair(tmp_path)
    folder = tmp_path / "ro"
    folder.mkdir()
    report = folder / "w.md"
    report.write_text("kept\n", encoding="utf-8")
    report.chmod(0o666)
    folder.chmod(0o555)
    try:
        result = unprivileged("compare", old, new, "-o", "ro/w.md", cwd=tmp_path)
    finally:
        folder.chmod(0o755)
    assert result.returncode == 2, result.stderr
    line = one_error_line(result)
    assert "the folder ro is not writable" in line
    assert "chmod u+w ro" in line
    assert report.read_text("utf-8") == "kept\n"
    assert [p.name for p in folder.iterdir()] == ["w.md"]
