"""What a `storydiff compare` of two plain-text files leaves out of its start: each is a
behaviour that keeps the run short, checked as behaviour (never by the clock)."""

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

STORY = (
    "The harbour authority will keep ferry fares frozen until spring, its chair said.\n\n"
    "Operators had asked for a rise of four percent to cover the cost of fuel.\n\n"
    "The council meets again on Tuesday to hear from residents of the islands.\n"
)


def _run(code: str) -> str:
    done = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
    return done.stdout


def _compare_in_a_process(old: str, new: str, setup: str, report: str) -> tuple[str, str]:
    """Run `storydiff compare -f json OLD NEW` through compare.cli.main (what the storydiff
    script runs after compare/__main__.py's start-up) in a fresh Python, after ``setup``
    (code); print ``report`` (an expression) on stderr as it ends. Its stdout, and the
    report's line."""
    code = (
        f"import sys\n{setup}"
        "from compare.cli import main\n"
        f"sys.argv = ['storydiff', 'compare', '-f', 'json', {old!r}, {new!r}]\n"
        "try:\n"
        "    main()\n"
        "except SystemExit as end:\n"
        "    assert end.code == 1, end.code\n"
        f"print({report}, file=sys.stderr)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
    return done.stdout, done.stderr.strip().splitlines()[-1]


def _story_files(tmp_path: Path) -> tuple[str, str]:
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    old.write_text(STORY, encoding="utf-8")
    new.write_text(STORY.replace("four percent", "six percent"), encoding="utf-8")
    return str(old), str(new)


def test_a_compare_builds_only_the_compare_command(tmp_path: Path) -> None:
    old, new = _story_files(tmp_path)
    setup = (
        "import typer.main\n"
        "built = []\n"
        "make = typer.main.get_command_from_info\n"
        "def recorded(*args, **kw):\n"
        "    info = args[0] if args else kw['command_info']\n"
        "    built.append(info.name or info.callback.__name__)\n"
        "    return make(*args, **kw)\n"
        "typer.main.get_command_from_info = recorded\n"
    )
    stdout, built = _compare_in_a_process(old, new, setup, "built")
    assert "six percent" in stdout  # the report was made
    assert built == "['compare']"


def test_the_help_lists_every_command_as_typer_builds_them() -> None:
    # The command line builds its commands on demand; its help says what typer's own does.
    def help_of(run: str) -> str:
        code = (
            "import sys, typer.main\n"
            "from compare.cli import app, main\n"
            "sys.argv = ['storydiff', '--help']\n"
            "try:\n"
            f"    {run}\n"
            "except SystemExit as end:\n"
            "    assert end.code == 0, end.code\n"
        )
        return _run(code)

    shown = help_of("main()")
    assert shown == help_of("typer.main.get_command(app)()")
    for command in ("extract", "compare", "track", "watch", "wayback", "history", "timeline"):
        assert f"  {command} " in shown


def test_the_model_records_share_one_equality_hash_and_repr() -> None:
    # Generated for each of the twelve classes, __eq__ and __repr__ were compiled from source
    # at every start. Written once, they give what the generated ones gave.
    import dataclasses

    from compare import model
    from compare.extract.blocks import Block, Cleaned, Metadata

    records = [
        model.Provenance(spec="a.txt", sha256="ab", version=2, first_seen="2026-05-24T10:00:00Z"),
        model.Paragraph("One. Two.", ("One.", "Two.")),
        model.WordOp("replace", "four", "six"),
        model.Block("reworded", (1,), (1, 2), 0.75, moved=True),
        model.SentenceBlock(
            "reworded", ((0, 1),), ((0, 1),), 0.5, words=(model.WordOp("equal", "a", "a"),)
        ),
        model.Change("number", "changed", "4", "6", 1, 0, "four -> six"),
        model.CompareOptions(threshold=0.6),
        model.LoadOptions(db="x.db"),
        Metadata(title="Ferry fares frozen", authors=("Anna Ortiz",)),
        Cleaned((Block("One."),), "Ferry fares frozen", ascii_words={"One.": 1}),
    ]
    for record in records:
        cls = type(record)
        assert cls.__eq__ is model._Record.__eq__ and cls.__repr__ is model._Record.__repr__
        generated = dataclasses.make_dataclass(
            cls.__name__,
            [
                (f.name, f.type, dataclasses.field(repr=f.repr, compare=f.compare))
                for f in dataclasses.fields(record)
            ],
            frozen=True,
        )
        generated.__qualname__ = cls.__qualname__
        twin = generated(**{f.name: getattr(record, f.name) for f in dataclasses.fields(record)})
        assert repr(record) == repr(twin)
        assert _hash(record) == _hash(twin)
        assert record == dataclasses.replace(record)
        assert record != twin  # another class, as a generated __eq__ says
    first, second = records[3], dataclasses.replace(records[3], similarity=0.5)
    assert first != second and len({first, second, dataclasses.replace(second)}) == 2
    with pytest.raises(dataclasses.FrozenInstanceError):
        first.similarity = 1.0  # type: ignore[misc]
    summary = model.Summary({"equal": 1}, {}, 1.0)
    with pytest.raises(TypeError):  # a dict field: unhashable, as a generated hash was
        hash(summary)


def _hash(value: object) -> int | str:
    try:
        return hash(value)
    except TypeError as error:  # a field holds a list, a dict or a mutable block
        return str(error)


def test_a_plain_text_compare_does_not_import_the_html_reader(tmp_path: Path) -> None:
    old, new = _story_files(tmp_path)
    _, loaded = _compare_in_a_process(
        old, new, "", "[m for m in sys.modules if m.startswith('compare.extract.')]"
    )
    assert "compare.extract.plain" in loaded and "compare.extract.cleanup" in loaded
    assert "compare.extract.html" not in loaded and "compare.extract.appdata" not in loaded


def test_a_plain_text_compare_without_a_byline_does_not_import_the_metadata_reader(
    tmp_path: Path,
) -> None:
    # A headline and paragraphs, none opening with "By": clean-up's byline rules need no
    # more than their "By" test, and the metadata and page readers (HTML's, and a
    # byline's names, roles and stamps: ~8M instructions) are not imported.
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    old.write_text("Ferry fares frozen until spring\n\n" + STORY, encoding="utf-8")
    new.write_text(
        "Ferry fares frozen until spring\n\n" + STORY.replace("four percent", "six percent"),
        encoding="utf-8",
    )
    _, loaded = _compare_in_a_process(
        str(old), str(new), "", "[m for m in sys.modules if m.startswith('compare.extract.')]"
    )
    assert "compare.extract.cleanup" in loaded
    assert "compare.extract.metadata" not in loaded and "compare.extract.page" not in loaded


def test_reading_sources_compiles_only_the_patterns_every_input_needs() -> None:
    # The charset's <meta>, markup sniffing and consent walls are compiled where they are
    # used: reading a plain-text file needs none of them.
    code = (
        "import re, sys\n"
        "import compare.text\n"  # the extraction's patterns: not what this counts
        "compiled = []\n"
        "make = re.compile\n"
        "def counted(pattern, flags=0):\n"
        "    if sys._getframe(1).f_globals['__name__'] == 'compare.sources':\n"
        "        compiled.append(pattern)\n"
        "    return make(pattern, flags)\n"
        "re.compile = counted\n"
        "import compare.sources\n"
        "print(compiled)\n"
    )
    assert _run(code).strip() == "['([A-Za-z][A-Za-z0-9+.-]+):']"


def test_a_text_without_escapes_is_not_searched_for_iso_2022_jp() -> None:
    # ISO-2022-JP's escapes open with ESC: one memchr for it spares two slower searches
    # for three bytes over the whole text (~1 ms at 850 kB).
    from compare import sources

    looked_for: list[bytes] = []

    class Watched(bytes):
        def __contains__(self, part: object) -> bool:
            assert isinstance(part, bytes)
            looked_for.append(part)
            return super().__contains__(part)

    text = Watched(STORY.encode())
    assert sources._detect_encoding(text, None, False, "old.txt") == "utf-8"
    assert looked_for == [b"\x1b"]
    jis = "東京で会議".encode("iso2022_jp")
    assert sources._detect_encoding(jis, None, False, "jis.txt") == "iso2022_jp"


def test_the_comparison_is_not_walked_by_the_collector_as_the_command_ends(
    tmp_path: Path,
) -> None:
    # Resuming the paused collector set off a collection that walked every object of the
    # comparison (~10 ms at 2,000 paragraphs) in a process about to end; frozen, it is not.
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    paragraphs = [
        f"Paragraph {i} tells of the harbour's {i} boats and their crews." for i in range(300)
    ]
    old.write_text("\n\n".join(paragraphs), encoding="utf-8")
    paragraphs[150] = "A paragraph written anew, with 12 boats."
    new.write_text("\n\n".join(paragraphs), encoding="utf-8")
    setup = (
        "import gc\n"
        "import compare\n"
        "walked = []\n"
        "after_compare = []\n"
        # What each collection after compare() would walk (its generation's objects): a
        # few hundred made as the output is written may be, the comparison's never.
        "gc.callbacks.append(lambda phase, info: after_compare and phase == 'start'"
        " and walked.append(sum(map(len, map(gc.get_objects, range(info['generation'] + 1))))))\n"
        "made = compare.compare\n"
        "def recorded(*args, **kw):\n"
        "    found = made(*args, **kw)\n"
        "    after_compare.append(True)\n"
        "    return found\n"
        "compare.compare = recorded\n"
    )
    stdout, seen = _compare_in_a_process(
        str(old), str(new), setup, "after_compare, max(walked, default=0)"
    )
    assert "written anew" in stdout
    ran, walked = seen.split(" ")
    assert ran == "[True]" and int(walked) < 2_000, seen


def test_every_name_of_the_extract_package_is_found_where_it_is_said_to_be() -> None:
    # Its names are imported on first use from the module _HOMES gives: one left out, or
    # given the wrong home, would fail only when first used (and hasattr() would hide it).
    import compare.extract as extract

    assert sorted(extract.__all__) == sorted(extract._HOMES)
    for name in extract.__all__:
        home = f"compare.extract.{extract._HOMES[name]}"
        assert getattr(extract, name) is getattr(sys.modules[home], name), name


def test_the_comparison_is_not_freed_as_the_command_ends(tmp_path: Path) -> None:
    # Freed object by object as the command returned (~2 ms at 2,000 paragraphs), in a
    # process about to give its memory back whole: kept, it is not.
    old, new = _story_files(tmp_path)
    setup = (
        "import weakref\n"
        "import compare\n"
        "made = compare.compare\n"
        "found = []\n"
        "def recorded(*args, **kw):\n"
        "    comparison = made(*args, **kw)\n"
        "    found.append(weakref.ref(comparison))\n"
        "    return comparison\n"
        "compare.compare = recorded\n"
    )
    stdout, alive = _compare_in_a_process(old, new, setup, "[ref() is not None for ref in found]")
    assert "six percent" in stdout
    assert alive == "[True]"


def test_a_json_report_is_written_as_it_was_made(tmp_path: Path) -> None:
    # The report's bytes go to stdout as they are, in the pieces they were made in (the
    # documents' JSON, written ahead, in between): echo copied them whole (4.7 MB at 2,000
    # paragraphs) to add the line break, and joining the pieces would copy them too.
    old, new = _story_files(tmp_path)
    setup = (
        "import io\n"
        "from compare.render import json as render_json\n"
        "reports, writes = [], []\n"
        "make = render_json.comparison_pieces\n"
        "def recorded(*args, **kw):\n"
        "    reports.append(make(*args, **kw))\n"
        "    return reports[-1]\n"
        "render_json.comparison_pieces = recorded\n"
        "class Recorded(io.BytesIO):\n"
        "    def write(self, data):\n"
        "        writes.append(data)\n"
        "        return super().write(data)\n"
        "out = Recorded()\n"
        "sys.stdout = io.TextIOWrapper(out, encoding='utf-8')\n"
    )
    code_report = (
        "len(reports[0]), [w is r for w, r in zip(writes, reports[0])], writes[-1] == b'\\n', "
        "out.getvalue() == b''.join(reports[0]) + b'\\n'"
    )
    _, seen = _compare_in_a_process(old, new, setup, code_report)
    # (Nine pieces: the documents' JSON and the blocks' and sentences', each between the rest.)
    assert seen == f"9 {[True] * 9} True True", seen


def test_documents_written_ahead_make_the_same_json_report(tmp_path: Path) -> None:
    # The compare command writes the documents' JSON while it waits for the facets worker
    # (compare.render.json.write_ahead): the report must be the very same bytes.
    from compare import compare, load
    from compare.render import json as render_json

    old, new = (load(path) for path in _story_files(tmp_path))
    comparison = compare(old, new)
    expected = render_json.comparison_bytes(comparison, "2026-01-01T00:00:00Z")
    taken = []
    monkeypatch = pytest.MonkeyPatch()
    with monkeypatch.context() as patched:
        made = render_json._document_data
        patched.setattr(
            render_json,
            "_document_data",
            lambda document, records: taken.append(document) or made(document, records),
        )
        render_json.write_ahead(old, new)
        assert taken == [old, new]
        ahead = [render_json._written[id(document)][1] for document in (old, new)]
        pieces = render_json.comparison_pieces(comparison, "2026-01-01T00:00:00Z")
        assert b"".join(pieces) == expected
        assert pieces[1] is ahead[0] and pieces[3] is ahead[1]  # as written, not copied
        assert taken == [old, new]  # written once, ahead
    assert not render_json._written  # taken, not kept
    # With the comparison's blocks and sentence blocks, their JSON is written ahead too.
    render_json.write_ahead(old, new, comparison.blocks, comparison.sentences)
    assert len(render_json._written) == 4
    assert render_json.comparison_bytes(comparison, "2026-01-01T00:00:00Z") == expected
    assert not render_json._written
    render_json.write_ahead(old, old)
    render_json.write_ahead(new, new)  # for the next report: the earlier one's is dropped
    assert list(render_json._written) == [id(new)]
    render_json._written.clear()


def test_the_wait_for_the_worker_is_given_the_comparisons_own_blocks(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # What the process does while the facets worker finds the changes (the JSON written
    # ahead) is given the blocks and sentence blocks the comparison will hold, the very
    # tuples: their JSON, written then, is taken as it is (compare.render.json._ahead).
    from compare import compare, facets_worker, load
    from compare.model import CompareOptions

    monkeypatch.setattr(facets_worker, "_worth_forking", lambda *pair, **early: True)
    old, new = (load(path) for path in _story_files(tmp_path))
    given: list[tuple[object, ...]] = []
    facets_worker.while_waiting(lambda *made: given.append(made))
    comparison = compare(old, new, CompareOptions())
    assert len(given) == 1
    assert given[0][0] is comparison.blocks and given[0][1] is comparison.sentences


def test_a_file_is_read_into_a_buffer_of_its_size(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Read into a buffer the size of --max-bytes (20 MB), an 850 KB file cost 0.2 ms more.
    # A file that grows between its size's look-up and its reading is read on, to the cap.
    from compare import sources
    from compare.errors import InputError
    from compare.model import LoadOptions

    story = tmp_path / "story.txt"
    story.write_text(STORY, encoding="utf-8")
    asked: list[int] = []
    grow = {"by": b""}
    opened = Path.open

    class Recorded:
        def __init__(self, handle: Any) -> None:
            self.handle = handle

        def __enter__(self) -> "Recorded":
            return self

        def __exit__(self, *exc: object) -> None:
            self.handle.close()

        def read(self, size: int) -> bytes:
            asked.append(size)
            if grow["by"] and len(asked) == 1:
                with open(story, "ab") as more:
                    more.write(grow["by"])
            data: bytes = self.handle.read(size)
            return data

    monkeypatch.setattr(Path, "open", lambda self, *a, **k: Recorded(opened(self, *a, **k)))
    size = len(STORY.encode())
    assert sources.read(str(story), LoadOptions()).text() == STORY
    assert asked == [size + 1]
    asked.clear()
    grow["by"] = b"More lines.\n" * 10
    data = sources._read_file(str(story), story, LoadOptions(max_bytes=size + 200))
    assert data == STORY.encode() + grow["by"]  # read on, within the cap
    assert asked[0] == size + 1
    # Grown past the cap: refused, where it was read to the cap and a byte more and taken
    # as the page, cut short without a word.
    with open(story, "wb") as again:  # (Path.open is the recording one)
        again.write(STORY.encode())
    asked.clear()
    with pytest.raises(InputError, match=r"story\.txt is larger than"):
        sources._read_file(str(story), story, LoadOptions(max_bytes=size + 50))
    assert asked[0] == size + 1
