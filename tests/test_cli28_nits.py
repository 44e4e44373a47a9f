"""Small things the review found: the Markdown count of one paragraph left out, and an
empty ``-o``."""

from __future__ import annotations

from pathlib import Path

from test_cli28_moves import PARAGRAPHS, write
from typer.testing import CliRunner

from compare.cli import app


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner(env={"NO_COLOR": "1"}).invoke(app, ["compare", *args])
    return result.exit_code, result.stdout, result.stderr


def test_one_paragraph_left_out_is_counted_in_the_singular(tmp_path: Path) -> None:
    long = " ".join(
        f"Sentence {i} of the long paragraph says the pier was closed." for i in range(60)
    )
    old = write(tmp_path / "a.txt", [*PARAGRAPHS, long])
    new = write(tmp_path / "b.txt", [*PARAGRAPHS, long.replace("Sentence 7 ", "Line 7 ")])
    code, md, _ = run(old, new, "-f", "md", "--md-limit", "2000")
    assert code == 1
    assert "1 changed paragraph is not shown" in md
    assert "paragraphs are" not in md


def test_an_empty_output_name_is_named_as_such(tmp_path: Path) -> None:
    old = write(tmp_path / "a.txt", PARAGRAPHS)
    new = write(tmp_path / "b.txt", PARAGRAPHS[::-1])
    code, _, stderr = run(old, new, "-o", "")
    assert code == 2
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert lines == [
        "storydiff: error: -o names no file: it is empty — give a file name, such as report.txt"
    ]
