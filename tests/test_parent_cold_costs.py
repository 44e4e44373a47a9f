"""What the parent process of a `storydiff compare` of two local files no longer does: imports
it never uses, a word count made twice, copies of the report's JSON. Each checked as
behaviour (never by the clock), with the output and the other paths as before."""

import subprocess
import sys
from pathlib import Path

from test_startup_cost import STORY, _run

from compare.model import Document


def _story_files(tmp_path: Path) -> tuple[str, str]:
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    old.write_text(STORY, encoding="utf-8")
    new.write_text(STORY.replace("four percent", "six percent"), encoding="utf-8")
    return str(old), str(new)


def _main_in_a_process(args: list[str], report: str) -> tuple[str, str]:
    """Run compare/__main__.py's main (what `python -m compare` and the storydiff script
    run) with ``args`` in a fresh Python; print ``report`` (an expression) on stderr as it
    leaves. Its stdout, and the report's line."""
    code = (
        "import sys\n"
        "import compare.__main__ as start\n"
        "leave = start._leave\n"
        "def reported(code):\n"
        f"    print({report}, file=sys.stderr)\n"
        "    leave(code)\n"
        "start._leave = reported\n"
        f"sys.argv = ['storydiff', *{args!r}]\n"
        "start.main()\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    return done.stdout, done.stderr.strip().splitlines()[-1]


def test_a_comparison_of_two_files_never_imports_inspect(tmp_path: Path) -> None:
    # dataclasses imports inspect (ast, dis, tokenize) for nothing a comparison uses.
    old, new = _story_files(tmp_path)
    stdout, report = _main_in_a_process(
        ["compare", "-f", "json", old, new],
        "('dataclasses' in sys.modules, 'inspect' in sys.modules, 'ast' in sys.modules)",
    )
    assert "six percent" in stdout
    assert report == "(True, False, False)"


def test_dataclasses_imported_without_inspect_work_as_before() -> None:
    # A dataclass without a docstring gets its signature as one, as dataclasses writes it,
    # and inspect, imported after, is the real module, in sys.modules once.
    code = (
        "import sys\n"
        "from compare.__main__ import _import_dataclasses_without_inspect\n"
        "_import_dataclasses_without_inspect()\n"
        "print('inspect' in sys.modules)\n"
        "from dataclasses import dataclass, field, fields, replace\n"
        "@dataclass(frozen=True)\n"
        "class Fare:\n"
        "    route: str\n"
        "    pence: int = 250\n"
        "    stops: list = field(default_factory=list)\n"
        "print(Fare.__doc__)\n"
        "print(replace(Fare('Ness'), pence=300), [f.name for f in fields(Fare)])\n"
        "import inspect, dataclasses\n"
        "print(sys.modules['inspect'] is inspect, inspect.signature(Fare))\n"
        "print(dataclasses.inspect.signature is inspect.signature)\n"
    )
    assert _run(code).splitlines() == [
        "False",
        "Fare(route: str, pence: int = 250, stops: list = <factory>)",
        "Fare(route='Ness', pence=300, stops=[]) ['route', 'pence', 'stops']",
        "True (route: str, pence: int = 250, stops: list = <factory>) -> None",
        "True",
    ]


def test_dataclasses_or_inspect_imported_already_are_left_as_they_are() -> None:
    code = (
        "import sys, inspect\n"
        "from compare.__main__ import _import_dataclasses_without_inspect\n"
        "_import_dataclasses_without_inspect()\n"
        "print(sys.modules['inspect'] is inspect, 'dataclasses' in sys.modules)\n"
    )
    assert _run(code).split() == ["True", "False"]


DATA = Path(__file__).parent / "data"


def _fixture_documents() -> list[tuple[Path, Document]]:
    from compare import load
    from compare.errors import StorydiffError

    found = []
    for path in sorted(DATA.rglob("*")):
        if path.suffix not in (".html", ".txt", ".md"):
            continue
        try:
            found.append((path, load(str(path))))
        except StorydiffError:  # a login wall, an index page: no document
            continue
    return found


def test_the_words_clean_up_counted_are_the_bodys_word_count() -> None:
    # An extracted document's word count comes from clean-up's counts where it counted
    # every paragraph; it is what counting the body joined gives, for every fixture page.
    from compare.text import word_count

    documents = _fixture_documents()
    counted = 0
    for path, document in documents:
        known = document.__dict__.get("word_count")
        recounted = word_count(" ".join(p.text for p in document.paragraphs))
        assert document.word_count == recounted, path
        if known is not None:
            counted += 1
    assert len(documents) > 100
    assert counted > 40  # the pages in ASCII (others have curly quotes, dashes...)


def test_a_plain_text_document_comes_with_its_word_count(tmp_path: Path) -> None:
    from compare import load

    old, _ = _story_files(tmp_path)
    document = load(old)
    assert document.__dict__.get("word_count") == 41
    assert document.word_count == 41
    # Not for a body clean-up did not count whole (beyond ASCII): counted when asked.
    path = tmp_path / "fares.txt"
    path.write_text(STORY.replace("four percent", "4 %, or €12"), encoding="utf-8")
    other = load(str(path))
    assert "word_count" not in other.__dict__
    assert other.word_count == 43


def test_the_json_written_ahead_goes_out_as_it_is() -> None:
    # The blocks' and sentences' JSON written while the command waits for the facets worker
    # are pieces of the report themselves (not copied into the rest's JSON), which reads as
    # the JSON of the comparison's plain data.
    from comparison_samples import ferry, long_story

    from compare.render import json as render_json

    for c in (ferry(), long_story()):
        render_json.write_ahead(c.old, c.new, c.blocks, c.sentences)
        ahead = [render_json._written[id(made)][1] for made in (c.blocks, c.sentences)]
        pieces = render_json.comparison_pieces(c, "2026-11-26T00:00:00Z")
        assert [any(piece is json for piece in pieces) for json in ahead] == [True, True]
        expected = render_json.dumps(render_json.comparison_dict(c, "2026-11-26T00:00:00Z"))
        assert b"".join(pieces).decode() == expected
        assert render_json.comparison(c) == render_json.dumps(render_json.comparison_dict(c))
