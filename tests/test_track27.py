"""Session 27's new-user review, findings 3, 6, 7, 8, 11, 14 and 15: the timeline finds an
edit without a note where the story moved to a new slug, as compare does; stored change
summaries mark an edit made without a note (history, the timeline's table, export); a
story moved to a new address says so; a story that now redirects to a section front names
the redirect; the timeline gives no command-line advice; an empty page from a server is not
called a file; the nesting limit is in the README's exit codes. The stories are written for
these tests and served from 127.0.0.1."""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from pathlib import Path

import jsonschema
from pytest_httpserver import HTTPServer
from test_publish import SwappablePage
from typer.testing import CliRunner
from werkzeug import Response

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


def _timeline_html(url: str, db: str, tmp_path: Path) -> str:
    """The story's timeline report, written by ``storydiff timeline``."""
    report = tmp_path / "t.html"
    assert run("timeline", url, "--db", db, "-o", str(report))[0] == 0
    return report.read_text(encoding="utf-8")


def _serve_moved(http: HTTPServer, page: str) -> None:
    """/news/harbour-wall 301-redirected to /news/harbour-wall-rebuilt, which serves ``page``."""
    http.expect_request("/news/harbour-wall").respond_with_response(
        Response(status=301, headers={"Location": "/news/harbour-wall-rebuilt"})
    )
    http.expect_request("/news/harbour-wall-rebuilt").respond_with_data(
        page, content_type="text/html; charset=utf-8"
    )


def _first_version(http: HTTPServer, db: str, url: str, page: str | None = None) -> None:
    """The story at /news/harbour-wall tracked once (served once, as ``page``, else as
    :func:`_page` gives it at ``url``), as its first version."""
    http.expect_oneshot_request("/news/harbour-wall").respond_with_data(
        page if page is not None else _page(url), content_type="text/html; charset=utf-8"
    )
    assert _track(http, db)[0] == 0


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
    html = _timeline_html(url, db, tmp_path)
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
    html = _timeline_html(url, db, tmp_path)
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
    # Unknown, not "noted": nothing was checked (review of session 27's changes, finding 9).
    assert describe_changes(old) == "1 reworded; meaning: 1 number; not checked for a note"
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


# ---- 7. an article that now redirects to a section front ---------------------------------------


def _section_front() -> str:
    cards = "".join(
        f'<li><a href="/news/story-{i}"><h3>Saltmere story number {i} of the week</h3></a>'
        f"<p>Teaser {i}.</p></li>"
        for i in range(30)
    )
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>News | Saltmere '
        f"Echo</title></head><body><main><h1>News</h1><ul>{cards}</ul></main></body></html>"
    )


def test_an_article_redirected_to_a_section_front_names_the_redirect(
    http: HTTPServer, tmp_path: Path
) -> None:
    url = http.url_for("/news/harbour-wall")
    db = str(tmp_path / "v.db")
    _first_version(http, db, url)
    http.expect_request("/news/harbour-wall").respond_with_response(
        Response(status=301, headers={"Location": "/news.html"})
    )
    http.expect_request("/news.html").respond_with_data(
        _section_front(), content_type="text/html; charset=utf-8"
    )
    code, out, err = _track(http, db)
    assert code == 4  # held back, as before
    said = out + err
    assert f"now redirects to {http.url_for('/news.html')}, a section front" in said
    assert "the article may have been taken down" in said
    assert "held back, not stored as an edit" in said
    code, out, _ = run("history", url, "--db", db, "--width", "400")
    assert code == 0 and "now redirects to" in out


# ---- 14. the timeline, a report for editors, gives no command-line advice ---------------------


def test_the_timeline_tells_of_a_page_not_found_without_command_line_advice(
    http: HTTPServer, tmp_path: Path
) -> None:
    url = http.url_for("/news/harbour-wall")
    db = str(tmp_path / "v.db")
    _first_version(http, db, url)
    http.expect_request("/news/harbour-wall").respond_with_data("Not here", status=404)
    code, out, _ = _track(http, db)
    assert code == 3 and "track that" in out  # the command line keeps its advice
    html = _timeline_html(url, db, tmp_path)
    assert "probably taken down or moved" in html
    assert "the version stored before is kept" in html
    assert "track that" not in html and "storydiff wayback" not in html


def test_for_readers_keeps_what_happened_and_advice_that_needs_no_command_line() -> None:
    from compare.render.timeline import for_readers

    assert for_readers("gone: moved — find the new address and track that") == "gone: moved"
    assert (
        for_readers("x — check the URL; if it was taken down, `storydiff wayback URL` imports")
        == "x — check the URL"
    )
    assert for_readers("timed out") == "timed out"


# ---- 15. an empty page from a server is not called a file ---------------------------------------


def test_an_empty_page_from_a_server_says_so_not_to_pass_a_file(
    http: HTTPServer, tmp_path: Path
) -> None:
    http.expect_request("/empty").respond_with_data("", content_type="text/html")
    article = tmp_path / "a.html"
    article.write_text(_page("https://saltmere.example/news/harbour-wall"), encoding="utf-8")
    code, _, err = run("compare", str(article), http.url_for("/empty"))
    assert code == 2  # empty input, as the README's table says
    assert "the server sent an empty page" in err and "try again later" in err
    assert "text file" not in err
    # A file stays a file.
    empty = tmp_path / "e.html"
    empty.write_bytes(b"")
    code, _, err = run("compare", str(article), str(empty))
    assert code == 2 and "pass a page or a text file" in err


# ---- 11. the nesting limit is documented with the exit codes -----------------------------------


def test_the_readme_exit_codes_name_the_nesting_limit() -> None:
    text = README.read_text(encoding="utf-8")
    table = text[text.index("## Exit codes") :]
    row = next(line for line in table.splitlines() if line.startswith("| 4 |"))
    assert "2,048 deep" in row and "30,000 paragraphs" in row


# ---- 6. a story moved to a new slug -------------------------------------------------------------


def _moved_story(http: HTTPServer, tmp_path: Path) -> tuple[str, str, str, tuple[int, str, str]]:
    """The story tracked, then its old address 301-redirected to a new slug whose page
    gives the new address as canonical, the text unchanged: the store, the old and the new
    address, and the second run's result."""
    url = http.url_for("/news/harbour-wall")
    moved = http.url_for("/news/harbour-wall-rebuilt")
    db = str(tmp_path / "v.db")
    _first_version(http, db, url)
    _serve_moved(http, _page(moved, modified="2026-06-02T12:00:00Z"))
    return db, url, moved, _track(http, db)


def test_a_story_moved_to_a_new_slug_says_so_on_the_track_line(
    http: HTTPServer, tmp_path: Path
) -> None:
    _, _, moved, (code, out, _) = _moved_story(http, tmp_path)
    assert code == 0
    assert f"moved to {moved} (redirect, canonical link)" in out
    assert "adverts, links, menus" not in out and "the text is as before" in out


def test_a_story_moved_to_a_new_slug_is_named_in_history_timeline_and_export(
    http: HTTPServer, tmp_path: Path
) -> None:
    db, url, moved, (code, _, _) = _moved_story(http, tmp_path)
    assert code == 0
    assert _track(http, db)[0] == 0  # read again at the new address: no second move
    code, out, _ = run("history", url, "--db", db, "--width", "400")
    assert code == 0 and out.count(f"moved to {moved}") == 1
    code, out, _ = run("history", url, "--db", db, "--format", "json")
    data = json.loads(out)
    jsonschema.Draft202012Validator(load_schema("history")).validate(data)
    assert [m["url"] for m in data["versions"][0]["moved"]] == [moved]
    exported = tmp_path / "e.json"
    assert run("export", url, "--db", db, "-o", str(exported))[0] == 0
    dump = json.loads(exported.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(load_schema("story")).validate(dump)
    assert [f["moved_to"] for f in dump["fetches"]] == [None, moved, None]
    html = _timeline_html(url, db, tmp_path)
    assert f"moved to {moved}" in html


def test_the_timeline_says_a_page_back_after_a_failure_came_back_at_a_new_address(
    http: HTTPServer, tmp_path: Path
) -> None:
    url = http.url_for("/news/harbour-wall")
    moved = http.url_for("/news/harbour-wall-rebuilt")
    db = str(tmp_path / "v.db")
    _first_version(http, db, url)
    http.expect_oneshot_request("/news/harbour-wall").respond_with_data("Gone", status=404)
    assert _track(http, db)[0] == 3
    _serve_moved(http, _page(moved))
    code, out, _ = _track(http, db)
    assert code == 0 and "back after not found" in out and f"moved to {moved}" in out
    html = _timeline_html(url, db, tmp_path)
    assert f"the page was back at a new address, {moved}, its text unchanged." in html


def test_a_store_from_before_moves_were_recorded_reads_and_upgrades(
    http: HTTPServer, tmp_path: Path
) -> None:
    url = http.url_for("/news/harbour-wall")
    http.expect_request("/news/harbour-wall").respond_with_data(
        _page(url), content_type="text/html; charset=utf-8"
    )
    db = tmp_path / "v.db"
    assert _track(http, str(db))[0] == 0
    # The file as schema 4 wrote it: no moved_to.
    with closing(sqlite3.connect(db)) as connection:
        connection.execute("ALTER TABLE fetches DROP COLUMN moved_to")
        connection.execute("PRAGMA user_version = 4")
        connection.commit()
    db.chmod(0o444)
    try:
        code, out, _ = run("history", url, "--db", str(db), "--format", "json")
        assert code == 0 and json.loads(out)["versions"][0]["moved"] == []
        code, out, _ = run("export", url, "--db", str(db))
        assert code == 0 and json.loads(out)["fetches"][0]["moved_to"] is None
    finally:
        db.chmod(0o644)
    assert _track(http, str(db))[0] == 0  # upgraded in place
    with closing(sqlite3.connect(db)) as connection:
        assert connection.execute("PRAGMA user_version").fetchone()[0] == 5
        columns = [r[1] for r in connection.execute("PRAGMA table_info(fetches)")]
    assert "moved_to" in columns
