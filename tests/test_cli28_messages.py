"""Messages on stderr stay one line and inert whatever a file name holds: its escape
sequences, newlines and other control characters are written as escapes (``\\x1b``,
``\\n``), on a terminal or not."""

from __future__ import annotations

import os
import re
from pathlib import Path

from test_cli28_moves import PARAGRAPHS, write
from typer.testing import CliRunner

from compare.cli import app

RAW_CONTROL = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e]")


def run(*args: str, cwd: Path) -> tuple[int, list[str], str]:
    here = os.getcwd()
    os.chdir(cwd)
    try:
        result = CliRunner(env={"NO_COLOR": "1"}).invoke(app, ["compare", *args])
    finally:
        os.chdir(here)
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    return result.exit_code, lines, result.stderr


def test_a_missing_file_with_escapes_in_its_name(tmp_path: Path) -> None:
    write(tmp_path / "b.txt", PARAGRAPHS)
    code, lines, stderr = run("missing\x1b[31mRED\n.txt", "b.txt", cwd=tmp_path)
    assert code == 2
    assert len(lines) == 1 and not RAW_CONTROL.search(stderr)
    assert "missing\\x1b[31mRED" in lines[0]


def test_the_wrote_line_of_an_output_with_escapes_and_a_newline(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", PARAGRAPHS)
    write(tmp_path / "b.txt", [*PARAGRAPHS[:5], "The inquiry was dropped."])
    name = "o\x1b[2J\nx.md"
    code, lines, stderr = run("a.txt", "b.txt", "-o", name, cwd=tmp_path)
    assert code == 1
    assert (tmp_path / name).is_file()
    assert lines == ["storydiff: wrote o\\x1b[2J\\nx.md"]
    assert not RAW_CONTROL.search(stderr)


def test_one_line_leaves_plain_text_alone() -> None:
    from compare.exits import one_line

    text = "storydiff: error: no such file: café — “give” a path, ¶ 2 → ¶ 3"
    assert one_line(text) == text
    assert one_line("a\tb\u202ec\x9bd\x7f") == "a\\tb\\u202ec\\x9bd\\x7f"
