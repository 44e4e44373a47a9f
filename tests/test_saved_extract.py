"""A version saved with ``storydiff extract page.html -f json > v1.json`` compares as the
page does (it was refused as "JSON data, not an article"), and one saved as the text view
(``> v1.txt``) compares its text as the page does."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from compare import load
from compare.errors import ExtractionError
from compare.extract.plain import extract_view_blocks

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
PAIRS = [
    ("updated-council-vote", "v1.html", "v4.html"),
    ("wire-harbour-fire", "wire.html", "outlet-a.html"),
    ("liveblog-storm", "v1.html", "v2.html"),
    ("zh-bridge-opening", "v1.html", "v2.html"),
]


def storydiff(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "compare", *args], capture_output=True, text=True, cwd=cwd
    )


def compared_saved(
    story: str, old: str, new: str, tmp_path: Path, suffix: str, *extract: str
) -> tuple[dict[str, Any], dict[str, Any]]:
    """The JSON comparisons of the pair's pages and of the pair saved by ``storydiff extract
    PAGE *extract > PAGE.suffix``."""
    pages = [FIXTURES / story / name for name in (old, new)]
    saved = []
    for page in pages:
        made = storydiff("extract", str(page), *extract, cwd=tmp_path)
        assert made.returncode == 0, made.stderr
        path = tmp_path / f"{page.stem}{suffix}"
        path.write_text(made.stdout, encoding="utf-8")
        saved.append(str(path))
    runs = [
        storydiff("compare", "-f", "json", *map(str, sources), cwd=tmp_path)
        for sources in (pages, saved)
    ]
    assert [run.returncode for run in runs] == [1, 1], [run.stderr for run in runs]
    from_pages, from_saved = (json.loads(run.stdout) for run in runs)
    return from_pages, from_saved


@pytest.mark.parametrize(("story", "old", "new"), PAIRS)
def test_saved_extracts_compare_as_the_pages_do(
    story: str, old: str, new: str, tmp_path: Path
) -> None:
    from_pages, from_saved = compared_saved(story, old, new, tmp_path, ".json", "--format", "json")
    for key in ("alignment", "sentences", "changes", "title", "standfirst", "summary"):
        assert from_saved[key] == from_pages[key], key
    for was, read in zip(
        from_pages["documents"].values(), from_saved["documents"].values(), strict=True
    ):
        assert {k: v for k, v in read.items() if k != "source"} == {
            k: v for k, v in was.items() if k != "source"
        }
        assert read["source"]["spec"].endswith(".json")  # the file given, as for any source


def test_a_saved_extract_with_sentences_edited_by_hand_is_split_again(tmp_path: Path) -> None:
    text = "The bridge reopened on Tuesday. Traffic was light, the city said."
    saved = {
        "title": "Bridge reopens",
        "paragraphs": [{"text": text, "sentences": ["The bridge reopened."]}],
    }
    path = tmp_path / "v1.json"
    path.write_text(json.dumps([saved]), encoding="utf-8")
    document = load(str(path))
    assert document.title == "Bridge reopens"
    assert document.paragraphs[0].sentences == (
        "The bridge reopened on Tuesday.",
        "Traffic was light, the city said.",
    )


@pytest.mark.parametrize(
    "data",
    [
        {"title": "x"},  # no paragraphs
        {"paragraphs": [{"text": ""}]},
        {"paragraphs": [{"text": 3}]},
        {"paragraphs": ["A paragraph."]},
        {"paragraphs": [{"text": "A."}], "title": ["a list"]},
        {"paragraphs": [{"text": "A."}], "authors": "Ana Ruiz"},
        [1, 2, 3],
    ],
)
def test_other_json_is_still_no_article(data: object, tmp_path: Path) -> None:
    path = tmp_path / "data.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ExtractionError, match=r"data\.json is JSON data, not an article"):
        load(str(path))


def test_two_saved_documents_are_no_article_and_say_so(tmp_path: Path) -> None:
    path = tmp_path / "data.json"
    two = [{"paragraphs": [{"text": "A."}]}, {"paragraphs": [{"text": "B."}]}]
    path.write_text(json.dumps(two), encoding="utf-8")
    with pytest.raises(ExtractionError, match=r"data\.json holds 2 articles saved by"):
        load(str(path))


@pytest.mark.parametrize(("story", "old", "new"), PAIRS)
def test_saved_text_views_compare_their_text_as_the_pages_do(
    story: str, old: str, new: str, tmp_path: Path
) -> None:
    # Read as any text, the view's header was a paragraph ("words: 176" -> "213" a changed
    # number) and "[6]" -> "[7]" changed with every paragraph added above. The view has no
    # description and no live flag (-f json keeps them): the text compares the same.
    from_pages, from_saved = compared_saved(story, old, new, tmp_path, ".txt")
    if any(d.get("live") for d in from_pages["documents"].values()):
        # A live blog's updates that fell off its foot are no paragraphs of weight removed
        # (kind "paragraph"); read from the view, which has no live flag, they are.
        from_saved["changes"] = [c for c in from_saved["changes"] if c["kind"] != "paragraph"]
    for key in ("alignment", "sentences", "changes", "title"):
        assert from_saved[key] == from_pages[key], key
    for was, read in zip(
        from_pages["documents"].values(), from_saved["documents"].values(), strict=True
    ):
        for field in ("title", "site_name", "authors", "published", "modified", "url"):
            assert read[field] == was[field], field
        assert read["paragraphs"] == was["paragraphs"]


def test_only_the_extract_view_is_read_as_one() -> None:
    view = "title:     A bridge reopens\nwords:     5\n\n[1] The bridge reopened on Tuesday."
    blocks, meta = extract_view_blocks(view) or ([], None)
    assert [block.text for block in blocks] == ["The bridge reopened on Tuesday."]
    assert meta is not None and meta.title == "A bridge reopens"
    for other in (
        "title: My notes\n\nThe bridge reopened on Tuesday, the city said.",  # no [1] lines
        "title:     A bridge\nwords:     6\n\n[2] The bridge reopened.",  # not from 1
        "title:     A bridge\nwords:     6\n\n[1] One.\n[3] Three.",  # a number skipped
        "title:     A bridge\nnotes:     mine\nwords:     6\n\n[1] One.",  # no such field
        "title:     A bridge\ntitle:     Again\nwords:     6\n\n[1] One.",  # a field twice
        "title:     A bridge\n\n[1] The bridge reopened.",  # no words line
        "The bridge reopened on Tuesday.\n\n[1] A note.",
    ):
        assert extract_view_blocks(other) is None, other
