"""review22b: an adversarial review of the session's change to main (records without the
dataclass's methods, the comparison made before the command line is parsed, the cache of
long paragraphs, stdout written straight to its descriptor)."""

from __future__ import annotations

import dataclasses
import os
import subprocess
import sys
from pathlib import Path

import pytest
from test_review22 import big_story, storydiff

ROOT = Path(__file__).resolve().parent.parent


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


OLD = [
    "The café on Quai Rousseau — closed since the flood — will reopen on Friday, its owner said.",
    "Twelve people were taken to hospital, and two remain in a serious condition.",
    "The owner, Amélie Durand, said the insurers had paid for new floors, a new counter and "
    "two ovens, and that the staff of nine had been kept on through the months of repairs.",
]
NEW = [
    "The café on Quai Rousseau — closed since the flood — will reopen on Monday, its owner said.",
    "Fourteen people were taken to hospital, and two remain in a serious condition.",
    "The owner, Amélie Durand, said the insurers had paid for new floors, a new counter and "
    "two ovens, and that the staff of nine had been kept on through the months of repairs.",
]


def stdout_of(folder: Path, *args: str, encoding: str) -> bytes:
    for name, paragraphs in (("old.txt", OLD), ("new.txt", NEW)):
        (folder / name).write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
        os.utime(folder / name, (1_790_000_000, 1_790_000_000))  # (reports show the time)
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONIOENCODING": encoding}
    env["SOURCE_DATE_EPOCH"] = "1790000000"
    for name in ("FORCE_COLOR", "NO_COLOR", "COLUMNS"):
        env.pop(name, None)
    done = subprocess.run(
        [sys.executable, "-m", "compare", *args, "old.txt", "new.txt"],
        capture_output=True,
        cwd=folder,
        env=env,
        timeout=120,
    )
    assert done.returncode == 1, done.stderr
    return done.stdout


@pytest.mark.parametrize("format", ["text", "md", "html"])
def test_a_stdout_python_thinks_ascii_gets_the_report_in_utf8_as_before(
    tmp_path: Path, format: str
) -> None:
    # PYTHONIOENCODING=ascii, or PYTHONUTF8=0 in the C locale: typer's echo wrote such a
    # "misconfigured" stream UTF-8 (as click does); written straight to the descriptor, every
    # "café" and "—" of the report became "?".
    args = ("compare", "-f", format)
    ascii = stdout_of(tmp_path, *args, encoding="ascii")
    assert "café".encode() in ascii and b"caf?" not in ascii
    assert ascii == stdout_of(tmp_path, *args, encoding="utf-8")


def test_an_html_report_on_stdout_is_the_utf8_it_says_it_is(tmp_path: Path) -> None:
    # The page says <meta charset="utf-8">; to a stdout in Latin-1 it was written in
    # Latin-1 ("caf\xe9"), which a browser shows as "caf�" (-o wrote it UTF-8).
    args = ("compare", "-f", "html")
    latin1 = stdout_of(tmp_path, *args, encoding="latin-1")
    assert b'<meta charset="utf-8">' in latin1
    assert latin1 == stdout_of(tmp_path, *args, encoding="utf-8")


@pytest.mark.parametrize("name", ["Document", "Paragraph", "Comparison", "LoadOptions"])
def test_help_of_a_record_shows_its_fields(name: str) -> None:
    # help() (pydoc) reads every attribute of each class in the MRO: the fields signature
    # _Record gives its records asked _Record for its own, and fields() of a class that
    # is no dataclass raised "must be called with a dataclass type or instance".
    import pydoc

    import compare.model

    cls = getattr(compare.model, name)
    shown = pydoc.render_doc(cls, renderer=pydoc.plaintext)
    first = next(f.name for f in dataclasses.fields(cls))
    assert f"{name}({first}: " in " ".join(shown.split())


def test_the_python_docs_of_the_model_module_can_be_read() -> None:
    import pydoc

    import compare.model

    assert "class Document" in pydoc.render_doc(compare.model, renderer=pydoc.plaintext)
