"""Session 27's new-user review, findings 3, 6, 7, 8, 11, 14 and 15: the timeline finds an
edit without a note where the story moved to a new slug, as compare does; stored change
summaries mark an edit made without a note (history, the timeline's table, export); a
story moved to a new address says so; a story that now redirects to a section front names
the redirect; the timeline gives no command-line advice; an empty page from a server is not
called a file; the nesting limit is in the README's exit codes. The stories are written for
these tests and served from 127.0.0.1."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
from pytest_httpserver import HTTPServer
from test_publish import SwappablePage
from typer.testing import CliRunner

from compare.cli import app
from compare.render.timeline import history_json
from compare.schema import load_schema
from compare.store import Story, VersionInfo
from compare.track import describe_changes

README = Path(__file__).resolve().parent.parent / "README.md"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def _page(
    canonical: str,
    *,
    boats: str = "1,840",
    modified: str = "2026-06-02T09:00:00Z",
    note: str = "",
) -> str:
    """A harbour story by the Saltmere Echo: ``boats`` is the figure edited, ``canonical``
    its address as the page gives it (rel=canonical and og:url)."""
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        "<title>Saltmere harbour wall to be rebuilt | Saltmere Echo</title>"
        '<meta property="og:site_name" content="Saltmere Echo">'
        f'<link rel="canonical" href="{canonical}"><meta property="og:url" content="{canonical}">'
        '<meta property="article:published_time" content="2026-06-01T07:30:00Z">'
        f'<meta property="article:modified_time" content="{modified}">'
        "</head><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
        "<main><article><h1>Saltmere harbour wall to be rebuilt</h1>"
        '<div class="byline">By <a href="/staff/ines">Ines Calder</a></div>'
        "<p>The crumbling east wall of Saltmere harbour will be rebuilt over the next two "
        "winters, the port trust confirmed on Monday after a storm opened a second breach.</p>"
        f"<p>The trust said {boats} boats had used the harbour last year, more than in any "
        "year since the fish market moved inland.</p>"
        "<p>Work will begin in October, when most of the pleasure craft have left for the "
        "season, and the slipway will stay open to the lifeboat throughout.</p>"
        "<p>Harbour master Tomas Reyne said the old wall had been patched six times since "
        "the last big storm and could not be patched again.</p>"
        "<p>The rebuilt wall will be a metre higher and faced with granite from the quarry at "
        "Penhallow, which supplied the stone for the original in the nineteenth century.</p>"
        f"{note}</article></main><footer>Saltmere Echo</footer></body></html>"
    )


def _track(http: HTTPServer, db: str, path: str = "/news/harbour-wall") -> tuple[int, str, str]:
    return run("track", http.url_for(path), "--db", db, "--delay", "0")


# ---- 3. the timeline agrees with compare on a story moved to a new slug ------------------------


def test_the_timeline_finds_an_edit_without_a_note_where_the_canonical_url_changed(
    http: HTTPServer, tmp_path: Path
) -> None:
    url = http.url_for("/news/harbour-wall")
    moved = http.url_for("/news/harbour-wall-rebuilt")
    page = SwappablePage(_page(url))
    http.expect_request("/news/harbour-wall").respond_with_handler(page)
    db = str(tmp_path / "v.db")
    assert _track(http, db)[0] == 0
    # The same site and byline, a new slug, and a figure changed with no note.
    page.html = _page(moved, boats="2,140", modified="2026-06-03T11:00:00Z")
    assert _track(http, db)[0] == 0
    code, out, _ = run("compare", f"{url}@1", f"{url}@2", "--db", db, "--no-color")
    assert code == 1 and "without a correction or update note" in out
    report = tmp_path / "t.html"
    assert run("timeline", url, "--db", db, "-o", str(report))[0] == 0
    html = report.read_text(encoding="utf-8")
    assert "without a correction or update note" in html
    # The cards are still labelled by their version.
    assert "Version 1 · " in html and "Version 2 · " in html


# ---- 8. stored change summaries mark an edit made without a note ------------------------------

_CORRECTION = (
    '<div class="correction"><p>Correction: An earlier version of this article gave the '
    "number of boats that used the harbour last year as 2,140. It was 2,410.</p></div>"
)


def test_an_edit_without_a_note_is_flagged_in_history_timeline_export_and_events(
    http: HTTPServer, tmp_path: Path
) -> None:
    url = http.url_for("/news/harbour-wall")
    page = SwappablePage(_page(url))
    http.expect_request("/news/harbour-wall").respond_with_handler(page)
    db = str(tmp_path / "v.db")
    assert _track(http, db)[0] == 0
    page.html = _page(url, boats="2,140", modified="2026-06-03T11:00:00Z")  # no note
    code, out, _ = run("track", url, "--db", db, "--delay", "0", "--jsonl")
    assert code == 0
    event = json.loads(out)
    jsonschema.Draft202012Validator(load_schema("track-event")).validate(event)
    assert event["edited_without_note"] is True
    # The same kind of edit, owned up to with a correction: no flag.
    page.html = _page(url, boats="2,410", modified="2026-06-04T08:00:00Z", note=_CORRECTION)
    code, out, _ = run("track", url, "--db", db, "--delay", "0", "--jsonl")
    assert code == 0 and json.loads(out)["edited_without_note"] is False

    code, out, _ = run("history", url, "--db", db, "--width", "300")
    rows = out.splitlines()[2:]
    assert code == 0 and len(rows) == 3
    assert "no note" in rows[1] and "no note" not in rows[2]
    code, out, _ = run("history", url, "--db", db, "--format", "json")
    data = json.loads(out)
    jsonschema.Draft202012Validator(load_schema("history")).validate(data)
    assert [v["changes"] and v["changes"]["edited_without_note"] for v in data["versions"]] == [
        None,
        True,
        False,
    ]
    exported = tmp_path / "e.json"
    assert run("export", url, "--db", db, "-o", str(exported))[0] == 0
    versions = json.loads(exported.read_text(encoding="utf-8"))["versions"]
    assert versions[1]["changes"]["edited_without_note"] is True
    report = tmp_path / "t.html"
    assert run("timeline", url, "--db", db, "-o", str(report))[0] == 0
    html = report.read_text(encoding="utf-8")
    assert html.count('<span class="flag nonote">no note</span>') == 2  # its row and section
    assert html.count('class="flag note"') >= 1


def test_a_summary_stored_before_the_flag_reads_as_before() -> None:
    old = {
        "title_changed": False,
        "paragraphs": {"reworded": 1},
        "meaning": {"number": 1},
        "undated": None,
        "notes": [],
        "warnings": [],
    }
    assert describe_changes(old) == "1 reworded; meaning: 1 number"
    assert describe_changes({**old, "edited_without_note": True}).endswith("; no note")
    story = Story(
        id=1,
        url="https://example.org/news/harbour-wall",
        created_at="2026-06-01T07:30:00.000Z",
        etag=None,
        last_modified=None,
    )
    version = VersionInfo(
        id=2,
        number=2,
        first_seen="2026-06-01T07:30:00.000Z",
        last_seen="2026-06-01T07:30:00.000Z",
        title="Saltmere harbour wall to be rebuilt",
        word_count=120,
        source="fetch",
        archive_url=None,
        cosmetic_changes=0,
        changes=old,
    )
    data = history_json(story, [version], [], {})
    jsonschema.Draft202012Validator(load_schema("history")).validate(json.loads(data))
