"""An edit the page does not date: NEW changes a fact and still gives OLD's time for its
last change (the stealth edit readers of the page cannot see)."""

from __future__ import annotations

import json
from dataclasses import replace

import jsonschema
import pytest
from markupsafe import escape
from test_align import doc

from compare import compare
from compare.model import Document
from compare.render import json as render_json
from compare.render import markdown
from compare.render import text as render_text
from compare.render.html import render_comparison
from compare.schema import load_schema

STORY = (
    "Two workers were killed and 14 people injured when an explosion tore through a chemical "
    "plant on Harlow Street on Tuesday afternoon, fire officials said.",
    "Four of the injured were in a serious condition at Marrowby General Hospital, a "
    "spokeswoman for the hospital said.",
    "Police have closed Harlow Street and parts of the ring road for the night.",
)
EDITED = (STORY[0], STORY[1].replace("Four", "Three"), STORY[2])
PAGE = "https://echo.example/news/harlow-street-explosion"


def page(paragraphs: tuple[str, ...], **stamps: str | None) -> Document:
    return replace(doc(*paragraphs), url=PAGE, site_name="Marrowby Echo", **stamps)


def test_a_fact_changed_under_the_same_modified_time_is_an_undated_edit() -> None:
    stamps = {"published": "2026-11-24T14:20:00Z", "modified": "2026-11-24T17:05:00Z"}
    c = compare(page(STORY, **stamps), page(EDITED, **stamps))
    assert c.summary.undated_edit == "2026-11-24T17:05:00Z"
    line = "NEW's page still gives OLD's last-modified time, 2026-11-24T17:05:00Z"
    assert line in render_text.comparison(c, width=100, color=False, context=1)
    assert line in markdown.comparison(c)
    assert str(escape(line)) in render_comparison(c, generated_at="T")
    data = json.loads(render_json.comparison(c))
    assert data["summary"]["undated_edit"] == "2026-11-24T17:05:00Z"
    jsonschema.Draft202012Validator(load_schema("compare")).validate(data)
    # The same time written another way is the same time.
    later = {**stamps, "modified": "2026-11-24T17:05:00+00:00"}
    assert compare(page(STORY, **stamps), page(EDITED, **later)).summary.undated_edit


def test_with_no_modified_time_the_same_published_time_dates_nothing() -> None:
    c = compare(
        page(STORY, published="2026-11-24T14:20:00Z"),
        page(EDITED, published="2026-11-24T14:20:00Z"),
    )
    assert c.summary.undated_edit == "2026-11-24T14:20:00Z"
    shown = render_text.comparison(c, width=100, color=False, context=1)
    assert "Neither page gives a last-modified time, and both give 2026-11-24T14:20:00Z" in shown


@pytest.mark.parametrize(
    ("old", "new"),
    [
        # A new modified time dates the edit.
        (
            page(STORY, modified="2026-11-24T17:05:00Z"),
            page(EDITED, modified="2026-11-24T18:40:00Z"),
        ),
        # No time on either page: nothing to say.
        (page(STORY), page(EDITED)),
        # Nothing but a word changed: no fact edited.
        (
            page(STORY, modified="2026-11-24T17:05:00Z"),
            page(
                (STORY[0], STORY[1], STORY[2].replace("for the night", "overnight")),
                modified="2026-11-24T17:05:00Z",
            ),
        ),
        # Two outlets' pages owe each other no time.
        (
            page(STORY, modified="2026-11-24T17:05:00Z"),
            replace(
                page(EDITED, modified="2026-11-24T17:05:00Z"),
                url="https://other.example/a",
                site_name="Other Post",
            ),
        ),
    ],
)
def test_no_undated_edit(old: Document, new: Document) -> None:
    c = compare(old, new)
    assert c.summary.undated_edit is None
    assert "undated" not in render_text.comparison(c, width=100, color=False, context=1)


def test_the_track_line_and_history_say_an_edit_is_undated() -> None:
    from compare import CompareOptions
    from compare.track import describe_changes, summarizer

    stamps = {"modified": "2026-11-24T17:05:00Z"}
    summary = summarizer(CompareOptions())(page(STORY, **stamps), page(EDITED, **stamps))
    assert summary["undated"] == "2026-11-24T17:05:00Z"
    # (and with no note: "no note", session 27)
    assert describe_changes(summary) == "1 reworded; meaning: 1 number; undated edit; no note"
    dated = summarizer(CompareOptions())(
        page(STORY, **stamps), page(EDITED, modified="2026-11-24T18:00:00Z")
    )
    assert describe_changes(dated) == "1 reworded; meaning: 1 number; no note"


def test_midnight_is_a_day_without_a_time() -> None:
    # review18: a CMS that knows only the day writes "T00:00:00": it dates nothing finer.
    for stamp in ("2026-11-24T00:00:00Z", "2026-11-24T00:00:00-05:00"):
        stamps = {"modified": stamp}
        assert compare(page(STORY, **stamps), page(EDITED, **stamps)).summary.undated_edit is None
    stamps = {"modified": "2026-11-24T00:30:00Z"}
    assert compare(page(STORY, **stamps), page(EDITED, **stamps)).summary.undated_edit
