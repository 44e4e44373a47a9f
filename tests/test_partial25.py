"""A version whose text is only the story's opening (``Document.partial``: a subscription
wall, a cut-off download, a structured body cut short): the other version's paragraphs past
its end are not shown there, not deleted or added. They were reported removed, their quotes
and figures "removed", and the summary said NEW changed facts without a note: a stealth
edit read into a paywall. Then review25's cases: whole stories taken for partial ones (which
would hide real deletions), two partial versions, tracking and coverage."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import jsonschema
import pytest
from pytest_httpserver import HTTPServer
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
    # (SECOND, deleted above the end, held a claim police made: review26's finding 2.)
    assert [change.kind for change in c.changes] == ["number", "paragraph"]
    assert c.changes[1].old == SECOND


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


# A whole story taken for a partial one would hide its real deletions: review25's cases.
_WALL_BOX = (
    '<div class="meter-wall"{hide}><h3>Subscribe to continue reading</h3>'
    '<p>Already a subscriber? <a href="/login">Log in</a></p></div>'
)


@pytest.mark.parametrize(
    ("hide", "partial"),
    [
        ("", True),  # shown: the story stops at it
        (
            ' style="display:none"',
            False,
        ),  # a metered site's template, shown when the meter runs out
        (" hidden", False),
        (' class="meter-wall hidden"', False),
    ],
)
def test_a_wall_template_the_page_hides_makes_no_partial_text(
    hide: str, partial: bool, tmp_path: Path
) -> None:
    html = (WALL / "old.html").read_text(encoding="utf-8")
    box = _WALL_BOX.format(hide=hide)
    if "class=" in hide:
        box = box.replace('<div class="meter-wall"', "<div")
    page = tmp_path / "page.html"
    page.write_text(html.replace("</article>", box + "</article>"), encoding="utf-8")
    assert load(str(page)).partial is partial


@pytest.mark.parametrize("tail", ["\n0\n", "\nServed by cache-lhr7 in 12 ms\n"])
def test_text_after_the_closing_html_tag_is_no_cut_download(tail: str, tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text((WALL / "old.html").read_text(encoding="utf-8") + tail, encoding="utf-8")
    document = load(str(page))
    assert not document.partial and document.warnings == ()


def test_a_wall_over_a_story_the_framework_s_data_holds_whole_is_no_partial_text(
    tmp_path: Path,
) -> None:
    # The HTML shows two paragraphs, then a wall; __NEXT_DATA__ holds the whole story,
    # which is what is read.
    source = (OUTLETS / "nextjs-data" / "old.html").read_text(encoding="utf-8")
    skeletons = '<div class="Skeleton_root__l3" aria-busy="true"></div>' * 3
    assert skeletons in source
    second = (
        '<p class="Paragraph_p__k2">Larchmont Health said the unit at Brindle Memorial '
        "Hospital had delivered 212 babies last year, fewer than half the number it needs to "
        "keep obstetric staff trained and on call around the clock.</p>"
    )
    wall = (
        '<div class="paywall"><h3>Subscribe to read the rest of this article</h3><p>Already '
        'a subscriber? <a href="/login">Log in</a></p></div>'
    )
    page = tmp_path / "page.html"
    page.write_text(source.replace(skeletons, second + wall), encoding="utf-8")
    document = load(str(page))
    assert len(document.paragraphs) == len(
        load(str(OUTLETS / "nextjs-data" / "old.html")).paragraphs
    )
    assert not document.partial
    assert not any("subscription wall" in warning for warning in document.warnings)


def test_two_partial_versions_that_both_go_on_past_what_they_share_are_compared() -> None:
    # Two walled fetches: OLD shows LEDE SECOND QUOTE, NEW shows LEDE SECOND COST. Where
    # one stops the other shows text, so one of them was edited: no paragraph is unshown.
    old = replace(doc(LEDE, SECOND, QUOTE), partial=True)
    new = replace(doc(LEDE, SECOND, COST), partial=True)
    c = compare(old, new)
    assert c.summary.unshown == () and c.summary.changed
    assert [change.kind for change in c.changes] == ["quote"]
    # One of them stopping where they part: what the other has after is past its end.
    shorter = replace(doc(LEDE, SECOND), partial=True)
    assert compare(old, shorter).summary.unshown and compare(shorter, new).summary.unshown


def test_no_edit_without_a_note_is_claimed_of_a_partial_new() -> None:
    # Its correction note would stand at its foot, past its end.
    old = doc(LEDE, SECOND, QUOTE, COST)
    new = doc(LEDE.replace("40 homes", "45 homes"), SECOND)
    assert compare(old, new).summary.edited_without_note
    c = compare(old, replace(new, partial=True))
    assert [change.kind for change in c.changes] == ["number"]
    assert not c.summary.edited_without_note


def test_a_paragraph_cut_inside_by_a_partial_version_loses_no_fact() -> None:
    # A body cut short at a character count ends inside the paragraph: its later sentences
    # are past the end too, not a quote and a figure "removed".
    old = doc(LEDE, f"{SECOND} {QUOTE} {COST}", NOTE)
    c = compare(old, replace(doc(LEDE, SECOND), partial=True))
    assert c.changes == ()
    whole = compare(old, doc(LEDE, SECOND))
    assert {change.kind for change in whole.changes} >= {"quote", "number"}


def test_similarity_leaves_out_what_one_version_does_not_show() -> None:
    old, new = _pair(partial=True)
    assert compare(old, new).summary.similarity == 1.0
    old, new = _pair(partial=False)
    assert compare(old, new).summary.similarity < 0.7


def test_a_history_line_names_the_paragraphs_past_the_end() -> None:
    from compare.track import describe_changes

    counts = {"equal": 2, "unshown": 3}
    assert describe_changes({"paragraphs": counts}) == "3 past the other version's end"


def test_tracking_holds_back_a_fetch_cut_short_and_compares_the_next_with_the_whole(
    http: HTTPServer, tmp_path: Path
) -> None:
    # review25: A whole, B a download cut off in its last paragraphs (over the shrink
    # limit: stored before), C whole with its last paragraph edited. Stored, B hid C's edit
    # from the history: A -> B "nothing past B's end", B -> C the same.
    from history_pages import article_html
    from history_pages import versions as story_versions
    from test_history4 import FAST, Answers, Recorder
    from werkzeug import Response

    from compare.store import Store
    from compare.track import track

    title, paragraphs = story_versions()[0]
    whole = article_html(title, paragraphs)
    cut = whole[: whole.index(paragraphs[-2]) + 40]  # no closing tag: a download cut off
    edited = article_html(title, [*paragraphs[:-1], paragraphs[-1].replace("seven", "eight")])
    answers = [Response(page, content_type="text/html") for page in (whole, cut, edited)]
    http.expect_request("/news/ferry").respond_with_handler(Answers(*answers))
    url = http.url_for("/news/ferry")
    with Store.open(tmp_path / "history.db") as store:
        assert track([url], store, FAST).new == 1
        recorder = Recorder()
        summary = track([url], store, FAST, recorder)
        assert (summary.new, summary.failed, summary.exit_code) == (0, 1, 4)
        assert "now shows only the story's opening" in recorder.events[-1].detail
        assert "held back, not stored as an edit" in recorder.events[-1].detail
        assert track([url], store, FAST).new == 1
        history = store.history(store.require_story(url))
        assert len(history) == 2
        changes = history[-1].changes or {}
        assert changes.get("meaning", {}).get("number") == 1, changes


def test_coverage_says_no_walled_outlet_leaves_out_what_its_wall_hides() -> None:
    from compare.multi import compare_many

    story = (LEDE, SECOND, QUOTE, COST)
    alpha = replace(doc(*story), site_name="Alpha")
    beta = replace(doc(*story), site_name="Beta")
    gamma = replace(doc(*story[:2]), site_name="Gamma")
    cut = compare_many([alpha, beta, gamma])
    assert cut.all_but_one() and cut.changed  # a whole page without them left them out
    walled = compare_many([alpha, beta, replace(gamma, partial=True)])
    assert walled.all_but_one() == () and not walled.changed


def test_a_story_s_last_sentence_that_opens_like_a_wall_line_is_no_wall(tmp_path: Path) -> None:
    # rt25: "Already a member ..." as a whole article's last, long sentence was read as
    # the wall the story stops at: a partial text, and tracking held the version back.
    last = (
        "<p>Already a member of the planning board since 2019, Ana Ruiz said the council "
        "would publish the inspection report on the works in full once the water company "
        "had been given a chance to respond to it at the town hall.</p>"
    )
    html = (WALL / "old.html").read_text(encoding="utf-8")
    page = tmp_path / "page.html"
    page.write_text(html.replace("</article>", last + "</article>"), encoding="utf-8")
    document = load(str(page))
    assert document.paragraphs[-1].text.startswith("Already a member")
    assert not document.partial and document.warnings == ()


def test_a_credit_line_past_the_end_is_no_credit_change() -> None:
    # Not counted twice (credits_only and unshown): the views said "Only a credit line
    # changed" of a wall.
    credit = "Additional reporting by Jane Smith in London; editing by Tom Hogue."
    c = compare(doc(LEDE, SECOND, QUOTE, credit), replace(doc(LEDE, SECOND), partial=True))
    assert c.summary.credits_only == 0 and len(c.summary.unshown) == 2
    assert compare(doc(LEDE, SECOND, QUOTE, credit), doc(LEDE, SECOND, QUOTE)).summary.credits_only


def test_the_report_neither_stops_at_nor_folds_the_paragraphs_past_the_end() -> None:
    many = [
        f"Paragraph {k} tells of the flood's {k}th street, where water stood a metre deep."
        for k in range(8)
    ]
    old = doc(LEDE, SECOND, *many)
    page = render_comparison(
        compare(old, replace(doc(LEDE, SECOND), partial=True)), generated_at="2026-11-28T10:00:00Z"
    )
    rows = page.split('class="row ')[1:]
    unshown = [row for row in rows if row.startswith("op-unshown")]
    assert len(unshown) == 8
    assert not any(" chg" in row.split('"', 1)[0] for row in unshown)  # no "next change" stop
    assert '<details class="fold">' not in page.split("op-unshown", 1)[1]  # none folded away
    whole = render_comparison(compare(old, doc(LEDE, SECOND)), generated_at="2026-11-28T10:00:00Z")
    assert "past the other's end" not in whole  # no column where nothing is past an end
