"""Review of session 27's changes, findings 4 and 9: a story is said to have moved only when
it is read at an address other than those it was last read at (not after a Wayback import,
nor when its page drops its canonical link), "canonical link" only when the page gives one;
and history says when a summary stored before the "no note" flag was kept cannot tell,
where the timeline, comparing again, can. The stories are written for these tests and
served from 127.0.0.1."""

from __future__ import annotations

import json
import re
import sqlite3
from contextlib import closing
from pathlib import Path

from pytest_httpserver import HTTPServer
from test_track27 import _first_version, _page, _serve_moved, _timeline_html, _track, run
from werkzeug import Request, Response

from compare.track import describe_changes


def _without_canonical(page: str) -> str:
    """``page`` less its canonical link and og:url: a template that gives neither."""
    bare = re.sub(r'<link rel="canonical"[^>]*>|<meta property="og:url"[^>]*>', "", page)
    assert "canonical" not in bare
    return bare


# ---- 4. "moved to" only where the story moved ----------------------------------------------------


def test_a_live_fetch_after_a_wayback_import_of_the_same_address_is_no_move(
    http: HTTPServer, tmp_path: Path
) -> None:
    url = http.url_for("/news/harbour-wall")
    page = _without_canonical(_page(url))
    db = str(tmp_path / "w.db")
    http.expect_request("/cdx/search/cdx").respond_with_json(
        [
            ["timestamp", "original", "statuscode", "digest", "mimetype"],
            ["20260601120000", url, "200", "AAAA", "text/html"],
        ]
    )

    def replay(request: Request) -> Response:
        # The archive's copy of the page, as it gives it raw ("id_").
        assert request.path.startswith("/web/20260601120000id_/")
        return Response(page, content_type="text/html; charset=utf-8")

    http.expect_request(re.compile(r"^/web/.*")).respond_with_handler(replay)
    http.expect_request("/news/harbour-wall").respond_with_data(
        page, content_type="text/html; charset=utf-8"
    )
    code, _, err = run("wayback", url, "--archive", http.url_for("/").rstrip("/"), "--db", db)
    assert code == 0, err
    code, out, _ = _track(http, db)
    assert code == 0 and "unchanged" in out
    assert "moved" not in out
    code, out, _ = run("history", url, "--db", db, "--format", "json")
    assert code == 0 and json.loads(out)["versions"][0]["moved"] == []


def test_a_page_that_drops_its_canonical_link_has_not_moved(
    http: HTTPServer, tmp_path: Path
) -> None:
    url = http.url_for("/s/4417")
    named = http.url_for("/news/harbour-wall")  # the address the page gave for itself
    db = str(tmp_path / "c.db")
    http.expect_oneshot_request("/s/4417").respond_with_data(
        _page(named), content_type="text/html; charset=utf-8"
    )
    assert _track(http, db, "/s/4417")[0] == 0
    http.expect_oneshot_request("/s/4417").respond_with_data(
        _without_canonical(_page(named)), content_type="text/html; charset=utf-8"
    )
    code, out, _ = _track(http, db, "/s/4417")
    assert code == 0 and url in out
    assert "moved" not in out and "canonical" not in out
    with closing(sqlite3.connect(db)) as connection:
        moves = connection.execute("SELECT moved_to FROM fetches WHERE moved_to IS NOT NULL")
        assert moves.fetchall() == []


def test_a_page_that_always_names_another_address_as_canonical_has_not_moved(
    http: HTTPServer, tmp_path: Path
) -> None:
    named = http.url_for("/news/harbour-wall")
    db = str(tmp_path / "c.db")
    http.expect_request("/s/4417").respond_with_data(
        _page(named), content_type="text/html; charset=utf-8"
    )
    assert _track(http, db, "/s/4417")[0] == 0
    code, out, _ = _track(http, db, "/s/4417")
    assert code == 0 and "unchanged" in out and "moved" not in out


def test_a_redirect_to_a_page_with_no_canonical_link_claims_none(
    http: HTTPServer, tmp_path: Path
) -> None:
    url = http.url_for("/news/harbour-wall")
    moved = http.url_for("/news/harbour-wall-rebuilt")
    db = str(tmp_path / "r.db")
    _first_version(http, db, url, _without_canonical(_page(url)))
    _serve_moved(http, _without_canonical(_page(moved)))
    code, out, _ = _track(http, db)
    assert code == 0 and f"moved to {moved} (redirect)" in out
    code, out, _ = _track(http, db)  # read at the new address again: no second move
    assert code == 0 and "unchanged" in out and "moved" not in out


def test_a_new_canonical_link_at_the_same_address_is_still_a_move(
    http: HTTPServer, tmp_path: Path
) -> None:
    url = http.url_for("/news/harbour-wall")
    moved = http.url_for("/news/harbour-wall-rebuilt")
    db = str(tmp_path / "n.db")
    _first_version(http, db, url)
    http.expect_request("/news/harbour-wall").respond_with_data(
        _page(moved), content_type="text/html; charset=utf-8"
    )
    code, out, _ = _track(http, db)
    assert code == 0 and f"moved to {moved} (canonical link)" in out


# ---- 9. a summary stored before the "no note" flag was kept -------------------------------------


def test_a_summary_stored_without_the_flag_is_not_read_as_noted() -> None:
    stored = {"paragraphs": {"reworded": 1}, "meaning": {"number": 1}}
    assert describe_changes(stored) == "1 reworded; meaning: 1 number; not checked for a note"
    assert describe_changes({**stored, "edited_without_note": True}).endswith("; no note")
    assert "note" not in describe_changes({**stored, "edited_without_note": False})
    # No fact changed: nothing a note was owed for, so nothing unknown.
    assert describe_changes({"paragraphs": {"added": 1}, "meaning": {}}) == "1 added"
    assert "not checked" not in describe_changes({"meaning": {"note": 1}, "notes": ["x"]})


def test_history_and_the_timeline_agree_on_a_summary_stored_before_the_flag(
    http: HTTPServer, tmp_path: Path
) -> None:
    url = http.url_for("/news/harbour-wall")
    db = str(tmp_path / "v.db")
    _first_version(http, db, url)
    http.expect_oneshot_request("/news/harbour-wall").respond_with_data(
        _page(url, boats="2,140", modified="2026-06-03T11:00:00Z"),
        content_type="text/html; charset=utf-8",
    )
    code, out, _ = _track(http, db)
    assert code == 0 and "no note" in out  # the figure changed, and no note says so
    # The summary as a storydiff from before the flag was kept stored it.
    with closing(sqlite3.connect(db)) as connection:
        (row_id, changes), *_ = connection.execute(
            "SELECT id, changes FROM versions WHERE changes IS NOT NULL"
        )
        older = json.loads(changes)
        del older["edited_without_note"]
        connection.execute(
            "UPDATE versions SET changes = ? WHERE id = ?", (json.dumps(older), row_id)
        )
        connection.commit()
    code, out, _ = run("history", url, "--db", db, "--width", "400")
    assert code == 0 and "meaning: 1 number; not checked for a note" in out
    assert "no note" not in out
    code, out, _ = run("history", url, "--db", db, "--format", "json")
    assert json.loads(out)["versions"][1]["summary"].endswith("not checked for a note")
    html = _timeline_html(url, db, tmp_path)
    # It compares the versions again: its summary says what its marks say.
    assert "meaning: 1 number; no note" in html and "not checked" not in html
