"""review22b: an adversarial review of the session's change to main (records without the
dataclass's methods, the comparison made before the command line is parsed, the cache of
long paragraphs, stdout written straight to its descriptor)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def big_story(folder: Path, paragraphs: int = 1500) -> tuple[str, str]:
    """Two versions of a made-up story whose report is far bigger than a pipe holds."""
    words = "the council met on monday to vote on a stormwater fee for the east flats".split()
    lines = [
        f"Paragraph {i}: " + " ".join(words[(i + j) % len(words)] for j in range(40)) + "."
        for i in range(paragraphs)
    ]
    old, new = folder / "big-1.txt", folder / "big-2.txt"
    old.write_text("\n\n".join(lines) + "\n", encoding="utf-8")
    changed = [line.replace("monday", "tuesday") if i % 7 == 0 else line for i, line in enumerate(lines)]
    new.write_text("\n\n".join(changed) + "\n", encoding="utf-8")
    return old.name, new.name


def storydiff(*args: str, cwd: Path) -> subprocess.Popen[bytes]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("FORCE_COLOR", None)
    return subprocess.Popen(
        [sys.executable, "-m", "compare", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=cwd,
        env=env,
    )


@pytest.mark.parametrize("output", ["/dev/stdout", "/dev/fd/1"])
def test_a_reader_of_stdout_named_by_o_that_went_away_ends_quietly_with_141(
    tmp_path: Path, output: str
) -> None:
    # `storydiff compare a b -o /dev/stdout | head -1` said "error: cannot write
    # /dev/stdout: Broken pipe — choose another path with -o" and exit 2 (trouble), where
    # the same run without -o (or with -o -) ends quietly with 141, as diff(1) does.
    old, new = big_story(tmp_path)
    process = storydiff("compare", "-f", "json", old, new, "-o", output, cwd=tmp_path)
    assert process.stdout is not None and process.stderr is not None
    process.stdout.read(1)  # `| head -c 1`
    process.stdout.close()
    assert process.wait(timeout=60) == 141
    assert process.stderr.read() == b""
