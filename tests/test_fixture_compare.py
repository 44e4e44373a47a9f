"""Expected comparisons of the fixture stories: what must be reported, and what must not.

Each fixtures/<story>/expected.json lists, per pair of versions, the planted edits (added,
removed, reworded and moved text, a changed headline) and text that did not change. The
snippets may be a whole paragraph, a sentence or part of one, so they are looked up in the
sentences each block covers.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pytest

from compare import compare, load
from compare.model import Comparison, Document
from compare.text import join_sentences, normalize

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def cases() -> list[tuple[str, dict[str, object]]]:
    found = []
    for expected in sorted(FIXTURES.glob("*/expected.json")):
        for case in json.loads(expected.read_text(encoding="utf-8")).get("comparisons", []):
            found.append((expected.parent.name, case))
    return found


@cache
def document(story: str, page: str) -> Document:
    return load(str(FIXTURES / story / page))


def norm(text: str) -> str:
    return normalize(text).casefold()


def side_texts(c: Comparison, side: str, ops: set[str], moved: bool = False) -> list[str]:
    """Runs of consecutive sentences (within one paragraph) whose block has one of ``ops``."""
    doc = c.old if side == "a" else c.new
    marked: set[tuple[int, int]] = set()
    for block in c.sentences:
        if block.op in ops and (block.moved or not moved):
            marked.update(block.a if side == "a" else block.b)
    if moved:
        for pblock in c.blocks:
            if pblock.moved:
                for p in pblock.a if side == "a" else pblock.b:
                    marked.update((p, s) for s in range(len(doc.paragraphs[p].sentences)))
    runs: list[str] = []
    for p, paragraph in enumerate(doc.paragraphs):
        run: list[str] = []
        for s, sentence in enumerate(paragraph.sentences):
            if (p, s) in marked:
                run.append(sentence)
            elif run:
                runs.append(norm(join_sentences(run)))
                run = []
        if run:
            runs.append(norm(join_sentences(run)))
    return runs


def reported(snippet: str, runs: list[str]) -> bool:
    return any(norm(snippet) in run for run in runs)


CASES = cases()


@pytest.mark.parametrize(
    ("story", "case"), CASES, ids=[f"{s}:{c['old']}->{c['new']}" for s, c in CASES]
)
def test_planted_edits_are_reported(story: str, case: dict[str, object]) -> None:
    c = compare(document(story, str(case["old"])), document(story, str(case["new"])))
    added = side_texts(c, "b", {"added"})
    removed = side_texts(c, "a", {"removed"})
    for snippet in case.get("added", []):  # type: ignore[attr-defined]
        assert reported(snippet, added), f"not reported as added: {snippet!r}"
    for snippet in case.get("removed", []):  # type: ignore[attr-defined]
        assert reported(snippet, removed), f"not reported as removed: {snippet!r}"
    for pair in case.get("reworded", []):  # type: ignore[attr-defined]
        hits = [
            s
            for s in c.sentences
            if s.op == "reworded"
            and norm(pair["old"]) in norm("".join(w.old for w in s.words))
            and norm(pair["new"]) in norm("".join(w.new for w in s.words))
        ]
        assert hits, f"not reported as reworded: {pair!r}"
    moved = side_texts(c, "b", {"equal", "reworded"}, moved=True)
    for snippet in case.get("moved", []):  # type: ignore[attr-defined]
        assert reported(snippet, moved), f"not reported as moved: {snippet!r}"
    if "headline" in case:
        headline = case["headline"]
        assert c.old.title == headline["old"]  # type: ignore[index]
        assert c.new.title == headline["new"]  # type: ignore[index]
        assert any(op.op != "equal" for op in c.title_words)


@pytest.mark.parametrize(
    ("story", "case"), CASES, ids=[f"{s}:{c['old']}->{c['new']}" for s, c in CASES]
)
def test_unchanged_text_is_not_reported(story: str, case: dict[str, object]) -> None:
    c = compare(document(story, str(case["old"])), document(story, str(case["new"])))
    changed = side_texts(c, "b", {"added", "reworded"})
    equal = side_texts(c, "b", {"equal"})
    for snippet in case.get("unchanged", []):  # type: ignore[attr-defined]
        assert reported(snippet, equal), f"unchanged text not found as equal: {snippet!r}"
        assert not reported(snippet, changed), f"unchanged text reported: {snippet!r}"


def test_every_story_with_versions_has_expected_comparisons() -> None:
    stories = {story for story, _ in CASES}
    assert {"updated-council-vote", "wire-harbour-fire", "liveblog-storm"} <= stories
