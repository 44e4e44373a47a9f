"""review17: rules landed since 21fd2c4 that did the wrong thing on realistic input (undated
edits, the shrink warning, the block cap; the rest are in test_review17_fixes.py). Each
failed on d8614d3; its comment says what was wrong and what is expected. Invented texts."""

from __future__ import annotations

from history_pages import BASE
from test_align import doc
from test_undated_edit import EDITED, STORY, page

from compare import compare

# -- compare/notes.py: undated_edit --------------------------------------------------------------


def test_a_modified_date_without_a_time_does_not_make_a_same_day_edit_undated() -> None:
    # Both pages give "2026-11-24" as last modified (a day, no time). An edit made that day
    # is dated as precisely as the page dates anything; the views still say "NEW's page
    # still gives OLD's last-modified time, 2026-11-24: the edit is undated."
    # Expected: no undated edit when the time given is only a date.
    stamps = {"modified": "2026-11-24"}
    assert compare(page(STORY, **stamps), page(EDITED, **stamps)).summary.undated_edit is None


def test_a_published_date_without_a_time_does_not_make_a_same_day_edit_undated() -> None:
    # The same with no modified time and only a publication day on both pages.
    stamps = {"published": "2026-11-24"}
    assert compare(page(STORY, **stamps), page(EDITED, **stamps)).summary.undated_edit is None


def test_an_edit_with_a_dated_correction_note_is_not_undated() -> None:
    # NEW corrects "Four" to "Three" and says so in a correction dated 24 November, 18:40,
    # but its metadata keeps the old modified time: the edit is dated on the page, in
    # readers' view, yet every view says "the edit is undated" (and track says "undated
    # edit") beside the note it counts as noted. Expected: undated_edit is None when NEW
    # adds a note for the change.
    stamps = {"modified": "2026-11-24T17:05:00Z"}
    note = (
        "Correction, 24 November 2026, 18:40: An earlier version of this article said four "
        "of the injured were in a serious condition. It was three."
    )
    c = compare(page(STORY, **stamps), page((*EDITED, note), **stamps))
    assert c.summary.noted  # the note is read as the edit's note
    assert c.summary.undated_edit is None


# -- compare/align.py: _shrink_warnings ----------------------------------------------------------


def test_a_teaser_cut_mid_paragraph_is_still_warned_as_a_shrunken_old() -> None:
    # OLD is a paywall teaser: the first paragraph whole, the second cut off mid-sentence
    # (46 words against NEW's 119). NEW's second paragraph reads as an edit of the cut one,
    # so _shrink_warnings' "NEW keeps OLD word for word" fails and no warning is given: the
    # three paragraphs OLD's extraction never saw read as added. Before, the comparison
    # warned "OLD has 2 paragraphs (46 words) where NEW has 5 (119 words)". Expected: a
    # warning that OLD may not have been extracted fully.
    old = doc(
        BASE[0], "Officials said 14 workers would be moved to the new harbour office by the end …"
    )
    warnings = compare(old, doc(*BASE)).summary.warnings
    assert any(w.startswith("OLD has 2 paragraphs") for w in warnings), warnings


# -- compare/extract/html.py: the 30,000-block cap -----------------------------------------------


def test_a_story_with_a_county_data_table_is_read_not_refused() -> None:
    # An eight-paragraph story with a table of 3,200 counties (ten cells each): the cap
    # counts every <td> as a block (32,008) and refuses the page as "more than any one
    # article", so the story cannot be compared or tracked at all. Before the cap it was
    # read in ~3.6 s on this machine (the cap's own measure: 20,000 short paragraphs ~3 s);
    # a table's rows are not the quadratic case the cap guards. Expected: the story is read.
    from compare.extract.pipeline import extract
    from compare.model import Provenance
    from compare.sources import stored_snapshot

    paras = "".join(
        f"<p>Paragraph {i} of the story says unemployment rose in {i + 3} of the state's "
        "counties last year, according to figures the labour department published on "
        "Tuesday.</p>"
        for i in range(8)
    )
    rows = "".join(
        f"<tr><td>County {i}</td><td>State {i % 50}</td>"
        + "".join(f"<td>{(i * 7 + j) % 97}.{j}</td>" for j in range(8))
        + "</tr>"
        for i in range(3200)
    )
    html = (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>Unemployment rose "
        "in most counties</title></head><body><article><h1>Unemployment rose in most "
        f"counties</h1>{paras}<table><tbody>{rows}</tbody></table></article></body></html>"
    )
    url = "https://news.example/jobs"
    document = extract(stored_snapshot(html.encode(), Provenance(spec=url, url=url)))
    assert document.paragraphs[0].text.startswith("Paragraph 0 of the story")


def test_an_old_last_paragraph_that_ends_its_sentence_was_not_cut() -> None:
    # review18: _cut_short took any last paragraph whose words NEW's paragraph starts with
    # for a teaser cut off; one that ends its sentence ("... by March.") was whole, and NEW
    # grew it: an edit, not a page read short.
    whole = "Officials said 14 workers would be moved to the new harbour office by March."
    old = doc(BASE[0], whole)
    new = doc(BASE[0], whole + " Unions said they had not been consulted.", *BASE[2:])
    warnings = compare(old, new).summary.warnings
    assert not any(w.startswith("OLD has 2 paragraphs") for w in warnings), warnings
