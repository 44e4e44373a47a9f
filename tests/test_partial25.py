"""A version whose text is only the story's opening (``Document.partial``: a subscription
wall, a cut-off download, a structured body cut short, a story that goes on at another
page): the other version's paragraphs past its end are not shown there, not deleted or
added. They were reported removed, their quotes and figures "removed", and the summary said
NEW changed facts without a note: a stealth edit read into a paywall."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import jsonschema
import pytest
from test_align import doc
from test_outlet_pages import OUTLETS
from typer.testing import CliRunner

from compare import compare, load
from compare.cli import app
from compare.model import Document
from compare.render import json as render_json
from compare.render import markdown
from compare.render.html import render_comparison
from compare.render.text import comparison as text_view
from compare.schema import load_schema
from compare.store import document_from_dict, document_to_json

WALL = OUTLETS / "regional-wall"

LEDE = "Mayor Dana Whitlock said on Monday that 40 homes in Brackwell were flooded overnight."
SECOND = "The river burst its banks near the Mill Lane bridge shortly after 2 a.m., police said."
QUOTE = '"We will rebuild every one of them," Whitlock told reporters outside the town hall.'
COST = "The council said the repairs would cost about 2 million pounds over two years."
NOTE = "Correction: An earlier version of this story gave the wrong date for the flood."


def _pair(*, partial: bool) -> tuple[Document, Document]:
    old = doc(LEDE, SECOND, QUOTE, COST, NOTE)
    return old, replace(doc(LEDE, SECOND), partial=partial)


def test_paragraphs_past_a_partial_version_s_end_are_no_edit() -> None:
    old, new = _pair(partial=False)
    whole = compare(old, new)
    # (The same pair, NEW whole: what the wall hid reads as deleted, as it should then.)
    assert whole.summary.changed and whole.summary.unshown == ()
    assert {change.kind for change in whole.changes} >= {"quote", "note"}

    old, new = _pair(partial=True)
    c = compare(old, new)
    removed = [i for i, block in enumerate(c.blocks) if block.op == "removed"]
    assert removed and c.summary.unshown == tuple(removed)
    assert sorted(p for i in removed for p in c.blocks[i].a) == [2, 3, 4]
    assert not c.summary.changed
    assert c.changes == () and not c.summary.edited_without_note
    # The data still says what the blocks are: every paragraph is in one block.
    assert c.summary.paragraphs["removed"] == len(removed)


def test_mirrored_the_paragraphs_past_a_partial_old_s_end_are_not_new() -> None:
    old, new = _pair(partial=True)
    c = compare(new, old)
    added = [i for i, block in enumerate(c.blocks) if block.op == "added"]
    assert added and c.summary.unshown == tuple(added)
    assert not c.summary.changed and c.changes == ()


def test_an_edit_above_the_end_is_still_an_edit() -> None:
    old = doc(LEDE, SECOND, QUOTE, COST)
    cut = doc(LEDE.replace("40 homes", "45 homes"), QUOTE)  # SECOND deleted, the rest unshown
    c = compare(old, replace(cut, partial=True))
    removed = {p for block in c.blocks if block.op == "removed" for p in block.a}
    unshown = {p for i in c.summary.unshown for p in c.blocks[i].a}
    assert removed == {1, 3} and unshown == {3}
    assert c.summary.changed
    assert [change.kind for change in c.changes] == ["number"]


def test_nothing_is_past_the_end_of_a_version_that_shares_no_paragraph() -> None:
    old = doc(LEDE, SECOND, QUOTE)
    other = replace(doc("A different story about a school fete, written afresh."), partial=True)
    c = compare(old, other)
    assert c.summary.unshown == () and c.summary.changed


def test_the_wall_page_s_last_paragraphs_are_shown_as_past_its_end() -> None:
    old, new = load(str(WALL / "old.html")), load(str(WALL / "new.html"))
    c = compare(old, new)
    assert [c.blocks[i].a for i in c.summary.unshown] == [(7,), (8,)]
    assert c.summary.changed  # the figure and the hospital changed above the wall
    assert {change.kind for change in c.changes} == {"number", "name"}

    text = text_view(c, width=100, color=False, context=1)
    assert "old ¶ 8, past the end of NEW's text: not shown there, not deleted" in text
    assert "2 past the other version's end" in text
    assert "- old ¶ 8" not in text
    md = markdown.comparison(c)
    assert "#### old ¶ 9, past the end of NEW's text: not shown there, not deleted" in md
    assert "| past the other version's end | 2 | 3 |" in md
    assert "~~Pellham Water said" not in md
    page = render_comparison(c, generated_at="2026-11-28T10:00:00Z")
    assert page.count('class="row op-unshown') == 2
    assert '<th scope="col">past the other\'s end</th>' in page
    data = json.loads(render_json.comparison(c, "2026-11-28T10:00:00Z"))
    jsonschema.Draft202012Validator(load_schema("compare")).validate(data)
    assert data["summary"]["unshown"] == list(c.summary.unshown)
    assert data["documents"]["new"]["partial"] is True
    assert "partial" not in data["documents"]["old"]


def test_markdown_has_no_row_for_what_no_version_leaves_unshown() -> None:
    old, new = _pair(partial=False)
    assert "past the other version's end" not in markdown.comparison(compare(old, new))


def test_a_partial_document_keeps_its_mark_when_stored_and_read_back(tmp_path: Path) -> None:
    new = load(str(WALL / "new.html"))
    assert document_from_dict(json.loads(document_to_json(new))).partial
    # And as a document JSON given back to storydiff as a source.
    saved = tmp_path / "new.json"
    saved.write_text(render_json.dumps(render_json.document_dict(new)), encoding="utf-8")
    assert load(str(saved)).partial


@pytest.mark.parametrize("partial", [True, False])
def test_the_exit_status_says_no_difference_when_only_the_unshown_differ(
    partial: bool, tmp_path: Path
) -> None:
    old, new = _pair(partial=partial)
    files = []
    for name, document in (("old", old), ("new", new)):
        path = tmp_path / f"{name}.json"
        path.write_text(render_json.dumps(render_json.document_dict(document)), encoding="utf-8")
        files.append(str(path))
    result = CliRunner().invoke(app, ["compare", "--no-color", *files])
    assert result.exit_code == (0 if partial else 1), result.output
    if partial:
        assert "No differences beyond cosmetic ones in what both versions show." in result.stdout


def test_a_last_paragraph_moved_to_the_top_does_not_bound_the_end() -> None:
    # NEW, cut at a wall, moved OLD's last paragraph to the top: what stood between the
    # paragraphs it shows and that one is past its end all the same.
    old = doc(LEDE, SECOND, QUOTE, COST, NOTE)
    new = replace(doc(NOTE, LEDE, SECOND), partial=True)
    c = compare(old, new)
    assert sorted(p for i in c.summary.unshown for p in c.blocks[i].a) == [2, 3]
    assert c.summary.changed and [b.a for b in c.blocks if b.moved] == [(4,)]  # the move
    assert c.changes == ()
