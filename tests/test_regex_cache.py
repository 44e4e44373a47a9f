"""Compiled regexes kept between runs (compare/regex_cache.py): a pattern made from a saved
program is the one re.compile makes; a cache that is missing, broken, refused or unwritable
costs a compile, never a different pattern or an error."""

from __future__ import annotations

import marshal
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from compare import regex_cache

ROOT = Path(__file__).resolve().parent.parent
COUNCIL = ROOT / "fixtures" / "updated-council-vote"


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A cache folder of the test's own, and the module's state as a fresh process has it."""
    folder = tmp_path / "cache"
    monkeypatch.setenv("STORYDIFF_CACHE_DIR", str(folder))
    monkeypatch.setattr(regex_cache, "_saved", None)
    monkeypatch.setattr(regex_cache, "_made", {})
    monkeypatch.setattr(regex_cache, "_used", set())
    yield folder


def _fresh_process(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(regex_cache, "_saved", None)
    monkeypatch.setattr(regex_cache, "_made", {})
    monkeypatch.setattr(regex_cache, "_used", set())


def _write_cache(path: str, programs: dict[tuple[str, int], bytes]) -> None:
    with open(path, "wb") as out:
        regex_cache._write(dict(programs), out)


#: Compiles in a fresh process what storydiff compiles through the cache (a comparison of
#: a fixture pair, the facets' warm-ups: every facet's pattern and every number pattern's)
#: and prints how many it compiled.
_COMPILE_ALL = """
import sys
from compare import compare, facets, load, regex_cache
from compare.facets import figure_patterns
old, new = (load(name) for name in sys.argv[1:3])
compare(old, new)
facets.warm_up(lambda: False, other_text=True)
facets.warm_up_comparing(lambda: False)
for forms in (figure_patterns._WORD_FORMS, figure_patterns._DIGIT_FORMS):
    for index in range(len(forms)):
        figure_patterns._compiled(index, forms)
print(len(regex_cache._made))
"""


def test_a_pattern_from_a_saved_program_is_the_one_re_compile_makes(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "STORYDIFF_CACHE_DIR": str(cache)}
    argv = [sys.executable, "-c", _COMPILE_ALL, *(str(COUNCIL / v) for v in ("v1.html", "v2.html"))]
    compiled = [
        int(subprocess.run(argv, capture_output=True, check=True, env=env, timeout=120).stdout)
        for _ in range(2)
    ]
    # The first process compiled them all and saved them; the second compiled none.
    assert compiled[0] > 100 and compiled[1] == 0, compiled
    saved = regex_cache._read()
    assert len(saved) == compiled[0]
    for (pattern, flags), program in saved.items():
        # Equal patterns have the same pattern text, flags and engine code.
        made = regex_cache._engine(pattern, marshal.loads(program))
        assert made == re.compile(pattern, flags), pattern


def test_a_comparison_reads_the_programs_an_earlier_run_saved(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "SOURCE_DATE_EPOCH": "1700000000"}
    argv = [sys.executable, "-m", "compare", "compare", "-f", "json"]
    argv += [str(COUNCIL / "v1.html"), str(COUNCIL / "v2.html")]
    reports = []
    for folder in ("", str(tmp_path / "cache"), str(tmp_path / "cache")):
        done = subprocess.run(
            argv, capture_output=True, env={**env, "STORYDIFF_CACHE_DIR": folder}, timeout=120
        )
        assert done.returncode == 1 and not done.stderr, done.stderr
        reports.append(done.stdout)
    # No cache, a cache written, a cache read: the same report each time.
    assert reports[0] == reports[1] == reports[2]
    (written,) = (tmp_path / "cache").glob("regex-*.index")
    assert written.stat().st_size > 10_000
    assert not list((tmp_path / "cache").glob("*.tmp"))


def test_a_broken_cache_file_is_passed_over_and_written_anew(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = regex_cache._path()
    assert path is not None
    cache.mkdir()
    magic = regex_cache._MAGIC
    for broken in (
        b"",
        b"\x00not marshal",
        b"\xe9" * 100,
        marshal.dumps({(r"\bold\b", 0): b"a file of the first layout"}),
        magic + b"\x05\x00\x00\x00\x00\x00\x00\x00junk!",  # an index that is none
        magic + b"\xff" * 8,  # an index longer than the file
        magic + (5).to_bytes(8, "little") + marshal.dumps(7),  # an index that is no dict
        magic + (13).to_bytes(8, "little") + marshal.dumps({("p", 0): 1}),  # no place
    ):
        Path(path).write_bytes(broken)
        _fresh_process(monkeypatch)
        assert regex_cache.compile(r"\d+ people") == re.compile(r"\d+ people")
        regex_cache.save()
        _fresh_process(monkeypatch)
        assert (r"\d+ people", 0) in regex_cache._read()


def test_a_program_the_engine_refuses_is_compiled_anew(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = regex_cache._path()
    assert path is not None
    cache.mkdir()
    refused = {
        (r"\bnot\b", 0): marshal.dumps((0, [0], 0, {}, ())),  # code the engine refuses
        (r"\bno\b", 0): marshal.dumps("not a program"),
        (r"\bnever\b", 0): b"\xffnot marshal",
    }
    _write_cache(path, refused)
    with open(path, "ab") as out:  # (the last program cut short: a file cut as it was copied)
        out.truncate(os.path.getsize(path) - 3)
    for pattern, _ in refused:
        assert regex_cache.compile(pattern) == re.compile(pattern)
    regex_cache.save()
    _fresh_process(monkeypatch)
    assert marshal.loads(regex_cache._read()[r"\bnot\b", 0])[1] != [0]


def test_without_re_s_private_parts_re_compile_answers(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def missing(pattern: str, flags: int) -> regex_cache._Program:
        raise AttributeError("module 're' has no attribute '_parser'")

    monkeypatch.setattr(regex_cache, "_program", missing)
    assert regex_cache.compile(r"(?i)said \w+", re.MULTILINE) == re.compile(
        r"(?i)said \w+", re.MULTILINE
    )
    assert regex_cache._made == {}


def test_a_bad_pattern_raises_as_re_compile_does(cache: Path) -> None:
    with pytest.raises(re.error, match="unterminated character set"):
        regex_cache.compile(r"[a-z")


def test_a_cache_folder_that_cannot_be_written_costs_nothing_but_the_cache(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache.write_text("a file where the folder would be")
    assert regex_cache.compile(r"\bcouncil\b") == re.compile(r"\bcouncil\b")
    regex_cache.save()  # no error, nothing said
    assert cache.read_text() == "a file where the folder would be"
    assert not [p for p in cache.parent.iterdir() if p.name.endswith(".tmp")]


def test_an_empty_cache_folder_name_keeps_no_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("STORYDIFF_CACHE_DIR", "")
    _fresh_process(monkeypatch)
    monkeypatch.chdir(tmp_path)
    assert regex_cache._path() is None
    assert regex_cache.compile(r"\bvote\b") == re.compile(r"\bvote\b")
    regex_cache.save()
    assert list(tmp_path.iterdir()) == []


def test_the_cache_is_in_the_user_cache_folder_one_file_a_python_version(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv("STORYDIFF_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    path = regex_cache._path()
    assert path is not None
    if sys.platform.startswith("linux"):
        assert Path(path).parent == tmp_path / "storydiff"
    assert f"{sys.hexversion:x}" in Path(path).name
    assert sys.implementation.cache_tag in Path(path).name


def test_processes_saving_at_once_keep_each_other_s_programs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The parent and its facets worker save as each ends: without a lock, one's merge
    # replaced the other's, and the next runs compiled again what was lost.
    script = (
        "import sys\nfrom compare import regex_cache\n"
        "for i in range(40): regex_cache.compile(rf'\\bword{sys.argv[1]}x{i}\\b')\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT), "STORYDIFF_CACHE_DIR": str(tmp_path)}
    running = [subprocess.Popen([sys.executable, "-c", script, str(n)], env=env) for n in range(8)]
    assert [p.wait(timeout=120) for p in running] == [0] * 8
    monkeypatch.setenv("STORYDIFF_CACHE_DIR", str(tmp_path))
    saved = regex_cache._read()
    assert {p for p, _ in saved if p.startswith(r"\bword")} == {
        rf"\bword{n}x{i}\b" for n in range(8) for i in range(40)
    }


def test_a_cache_of_more_programs_than_storydiff_has_is_read_as_none(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = regex_cache._path()
    assert path is not None
    cache.mkdir()
    junk = {(f"junk{i}", 0): b"" for i in range(regex_cache.MAX_PROGRAMS + 1)}
    _write_cache(path, junk)
    assert regex_cache._read() == {}
    regex_cache.compile(r"\bferry\b")
    regex_cache.save()  # replaces it
    _fresh_process(monkeypatch)
    assert list(regex_cache._read()) == [(r"\bferry\b", 0)]


def test_a_cache_file_others_may_write_is_not_read(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    regex_cache.compile(r"\bharbour\b")
    regex_cache.save()
    path = regex_cache._path()
    assert path is not None
    _fresh_process(monkeypatch)
    assert (r"\bharbour\b", 0) in regex_cache._read()
    os.chmod(path, 0o666)
    assert regex_cache._read() == {}


def test_no_cache_without_a_home_to_keep_it_in(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("STORYDIFF_CACHE_DIR")
    if sys.platform.startswith("linux"):  # (the XDG rules are Linux's)
        monkeypatch.setenv("XDG_CACHE_HOME", "relative/cache")  # ignored, as XDG says
        for home in ("", "/"):
            monkeypatch.setenv("HOME", home)
            assert regex_cache._path() is None
    monkeypatch.setattr(regex_cache._sre, "MAGIC", None)
    monkeypatch.setenv("STORYDIFF_CACHE_DIR", "/tmp")
    assert regex_cache._path() is None


def test_a_cache_grown_past_its_limit_keeps_what_the_run_used(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Patterns an older storydiff compiled stay in the file until it outgrows KEEP_BYTES:
    # then a save drops them, those saved longest ago first, and keeps what its run used.
    old = [rf"\bretired{i}\b" for i in range(6)]
    for pattern in old:
        regex_cache.compile(pattern)
    regex_cache.save()
    _fresh_process(monkeypatch)
    regex_cache.compile(old[0])  # read from the file, not compiled
    assert regex_cache._made == {}
    size = len(regex_cache._read()[old[0], 0])
    monkeypatch.setattr(regex_cache, "KEEP_BYTES", 4 * size)
    regex_cache.compile(r"\bnew\b")
    regex_cache.save()
    _fresh_process(monkeypatch)
    assert list(regex_cache._read()) == [(old[4], 0), (old[5], 0), (old[0], 0), (r"\bnew\b", 0)]
    monkeypatch.setattr(regex_cache, "KEEP_BYTES", 1 << 20)  # within the limit: all kept
    regex_cache.compile(r"\bnewer\b")
    regex_cache.save()
    _fresh_process(monkeypatch)
    assert len(regex_cache._read()) == 5
