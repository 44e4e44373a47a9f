"""The multi-outlet text view (``compare A B C``, ``compare OLD NEW --matrix``) shows what a
page wrote (site names, headlines, claims) as the pairwise views show it (``reveal``): no
escape sequence, bell or C1 control reaches the terminal, and the mark columns stay put."""

from __future__ import annotations

import re
from pathlib import Path

from test_multi import doc
from typer.testing import CliRunner

from compare import compare_many
from compare.cli import app
from compare.render.coverage_text import coverage_text
from compare.render.layout import reveal

#: What must never reach a terminal: C0 controls but newline, DEL, C1 and bidi overrides.
CONTROLS = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")

SHARED = "The harbour board said the new pier would open in the spring after a long delay."


def hostile_coverage_text(width: int = 100) -> str:
    outlets = [
        doc(
            "The mayor said \x1b[31mRED\x1b[0m that 12 people \x1b[2J were hurt\tin the storm.",
            "A bell\x07 rang and a C1 \x9b31m control followed in the council chamber.",
            SHARED,
            site="Evil\x1b]0;PWNED\x07\x1b[2J Gazette",
        ),
        doc(
            "The mayor said \x1b[31mRED\x1b[0m that 14 people \x1b[2J were hurt\tin the storm.",
            "A bell\x07 rang and a C1 \x9b31m control followed in the council chamber.",
            SHARED,
            site="Plain \u202eTimes",
        ),
        doc(
            "The mayor said that 12 people were hurt in the storm.",
            SHARED,
            site="Third Courier",
        ),
    ]
    return coverage_text(compare_many(outlets), width)


def test_no_control_character_reaches_the_terminal() -> None:
    for width in (60, 100):
        text = hostile_coverage_text(width)
        assert not CONTROLS.search(text), CONTROLS.search(text)
        # Shown as the pairwise view shows it: the escape's own letters stay, inert.
        assert "Evil]0;PWNED[2J Gazette" in text
        assert "Plain ⟨RLO⟩Times" in text
    assert "hurt in the storm" in hostile_coverage_text(100)  # the tab read as a space


def test_marks_stay_in_their_columns() -> None:
    text = hostile_coverage_text(100)
    rows = [line for line in text.splitlines() if re.match(r"c\d+ ", line)]
    assert len(rows) >= 3
    header = next(line for line in text.splitlines() if line.rstrip().endswith("A B C"))
    column = len(header.rstrip()) - len("A B C")
    for row in rows:
        # Each row's marks start where the header's keys do, as a terminal draws the row:
        # a control character there takes no column (BEL and ESC threw the marks off).
        drawn = CONTROLS.sub("", row)
        assert drawn[column] in "✓~·", row


def test_reveal_is_what_cleans_it() -> None:
    # One cleaning for every view: the multi-outlet view's lines are reveal's fixed points.
    text = hostile_coverage_text()
    assert all(reveal(line) == line for line in text.splitlines())


def test_matrix_command_line_shows_escapes_inert(tmp_path: Path) -> None:
    old = tmp_path / "e1.txt"
    old.write_text(
        "Title with \x1b]0;PWNED\x07 escape\n\n"
        "The mayor said \x1b[31mRED\x1b[0m that 12 people \x1b[2J were hurt\tin tabs. Bell\x07 "
        "here and C1 \x9b 31m csi.\n\nSecond para stays the same with words.\n",
        encoding="utf-8",
    )
    new = tmp_path / "e2.txt"
    new.write_text(old.read_text("utf-8").replace("12 people", "14 people"), encoding="utf-8")
    result = CliRunner(env={"NO_COLOR": "1", "COLUMNS": None}).invoke(
        app, ["compare", str(old), str(new), "--matrix"]
    )
    assert result.exit_code == 1, result.output
    assert not CONTROLS.search(result.stdout)
    assert "[31mRED[0m" in result.stdout
