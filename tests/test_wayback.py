"""Wayback Machine import against a local archive server that answers the CDX query and the
capture fetches in the real formats, for captures written for this project."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timezone
from email.utils import format_datetime
from pathlib import Path
from urllib.parse import parse_qs

import pytest
from history_pages import ChangingPage, article_html, cosmetic, serve, versions
from pytest_httpserver import HTTPServer
from typer.testing import CliRunner
from werkzeug import Request, Response

from compare.cli import app
from compare.errors import FetchError
from compare.model import LoadOptions
from compare.store import Store
from compare.track import TrackOptions, WaybackOptions, track, wayback

ORIGINAL = "https://courier.example/local/ferry-terminal"
FAST = TrackOptions(host_delay=0.0, load=LoadOptions(retries=0, read_timeout=5))


@dataclass(frozen=True)
class Capture:
    timestamp: str
    status: str
    digest: str
    body: str


def captures() -> list[Capture]:
    pages = versions()
    canonical = ORIGINAL
    return [
        Capture("20260524080000", "200", "AAAA", article_html(*pages[0], canonical)),
        # The same bytes captured again minutes later: the CDX collapses it.
        Capture("20260524080500", "200", "AAAA", article_html(*pages[0], canonical)),
        Capture("20260524090000", "301", "RRRR", ""),
        Capture(
            "20260524100000",
            "200",
            "BBBB",
            article_html(pages[0][0], cosmetic(pages[0][1]), canonical),
        ),
        Capture("20260524110000", "200", "CCCC", article_html(*pages[1], canonical)),
        Capture("20260524130000", "200", "DDDD", article_html(*pages[3], canonical)),
    ]


class Archive:
    """A small Wayback Machine: the CDX server API and ``id_`` replay."""

    def __init__(self, items: list[Capture]) -> None:
        self.items = items
        self.queries: list[dict[str, list[str]]] = []
        self.replays: list[str] = []

    def cdx(self, request: Request) -> Response:
        query = parse_qs(request.query_string.decode())
        self.queries.append(query)
        if query.get("url") != [ORIGINAL] or query.get("output") != ["json"]:
            return Response("bad query", status=400)
        rows = list(self.items)
        lo = query.get("from", [""])[0]
        hi = query.get("to", [""])[0]
        rows = [c for c in rows if c.timestamp[: len(lo)] >= lo]
        rows = [c for c in rows if not hi or c.timestamp[: len(hi)] <= hi]
        for rule in query.get("filter", []):
            field, _, value = rule.partition(":")
            assert field == "statuscode"
            rows = [c for c in rows if c.status == value]
        if "digest" in query.get("collapse", []):
            rows = [c for i, c in enumerate(rows) if i == 0 or rows[i - 1].digest != c.digest]
        if "limit" in query:
            rows = rows[: int(query["limit"][0])]
        fields = query.get("fl", ["urlkey,timestamp,original,mimetype,statuscode,digest,length"])
        names = fields[0].split(",")
        table = [names]
        for c in rows:
            values = {
                "urlkey": "example,courier)/local/ferry-terminal",
                "timestamp": c.timestamp,
                "original": ORIGINAL,
                "mimetype": "text/html",
                "statuscode": c.status,
                "digest": c.digest,
                "length": str(len(c.body)),
            }
            table.append([values[n] for n in names])
        body = json.dumps(table) if rows else "[]"
        return Response(body, content_type="application/json")

    def replay(self, request: Request) -> Response:
        # /web/<timestamp>id_/<original>
        rest = request.full_path.split("/web/", 1)[1].rstrip("?")
        stamp, _, original = rest.partition("id_/")
        self.replays.append(stamp)
        found = {c.timestamp: c for c in self.items if c.status == "200"}
        if original != ORIGINAL:
            return Response("not in archive", status=404)
        if stamp not in found:  # the archive redirects to the nearest capture
            nearest = min(found, key=lambda t: abs(int(t) - int(stamp)))
            return Response("", status=302, headers={"Location": f"/web/{nearest}id_/{original}"})
        moment = datetime.strptime(stamp, "%Y%m%d%H%M%S").replace(tzinfo=timezone.utc)
        return Response(
            found[stamp].body,
            content_type="text/html; charset=utf-8",
            headers={
                "Memento-Datetime": format_datetime(moment, usegmt=True),
                "Link": f'<{ORIGINAL}>; rel="original"',
                "X-Archive-Orig-Content-Type": "text/html; charset=utf-8",
                "X-Archive-Src": "spn2-20260524080000-wwwb-spn01.us.archive.org-8001.warc.gz",
            },
        )


@pytest.fixture
def archive() -> Iterator[tuple[HTTPServer, Archive]]:
    model = Archive(captures())
    with HTTPServer(host="127.0.0.1", port=0) as server:
        server.expect_request("/cdx/search/cdx").respond_with_handler(model.cdx)
        server.expect_request(re.compile("^/web/.*")).respond_with_handler(model.replay)
        yield server, model


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store.open(tmp_path / "v.db") as opened:
        yield opened


def base(server: HTTPServer) -> str:
    return server.url_for("/").rstrip("/")


def test_import_stores_distinct_captures_at_their_capture_times(
    archive: tuple[HTTPServer, Archive], store: Store
) -> None:
    server, model = archive
    summary = wayback(ORIGINAL, store, FAST, WaybackOptions(archive=base(server)))
    assert (summary.new, summary.unchanged, summary.failed) == (3, 1, 0)
    query = model.queries[0]
    assert query["collapse"] == ["digest"] and query["filter"] == ["statuscode:200"]
    # Workers share one host slot, which is not first-come-first-served: any order is fine,
    # as long as each capture is fetched once (they are stored in capture order regardless).
    assert sorted(model.replays) == [
        "20260524080000",
        "20260524100000",
        "20260524110000",
        "20260524130000",
    ]
    story = store.require_story(ORIGINAL)
    history = store.history(story)
    assert [v.first_seen for v in history] == [
        "2026-05-24T08:00:00.000Z",
        "2026-05-24T11:00:00.000Z",
        "2026-05-24T13:00:00.000Z",
    ]
    assert history[0].last_seen == "2026-05-24T10:00:00.000Z"
    assert {v.source for v in history} == {"wayback"}
    assert history[1].archive_url == f"{base(server)}/web/20260524110000/{ORIGINAL}"
    assert history[2].changes is not None and history[2].changes["title_changed"]
    fetches = store.fetches(story)
    assert all("id_/" in f["url"] for f in fetches)


def test_from_to_and_limit_reach_the_cdx_query(
    archive: tuple[HTTPServer, Archive], store: Store
) -> None:
    server, model = archive
    options = WaybackOptions(
        archive=base(server),
        since=datetime(2026, 5, 24, 10, 30, tzinfo=timezone.utc),
        until=datetime(2026, 5, 24, 23, 0, tzinfo=timezone.utc),
        limit=1,
    )
    summary = wayback(ORIGINAL, store, FAST, options)
    assert summary.new == 1
    query = model.queries[0]
    assert (query["from"], query["to"], query["limit"]) == (
        ["20260524103000"],
        ["20260524230000"],
        ["1"],
    )
    history = store.history(store.require_story(ORIGINAL))
    assert [v.first_seen[11:16] for v in history] == ["11:00"]


def test_import_after_tracking_slots_older_versions_in_first(
    archive: tuple[HTTPServer, Archive], store: Store
) -> None:
    server, _ = archive
    pages = versions()
    live = ChangingPage([pages[3]], canonical=ORIGINAL)
    url = serve(server, "/live/ferry", live)
    assert track([url], store, FAST).new == 1
    summary = wayback(ORIGINAL, store, FAST, WaybackOptions(archive=base(server)))
    # The 13:00 capture has the text tracked live: it only moves that version's first-seen.
    assert (summary.new, summary.unchanged) == (2, 2)
    history = store.history(store.require_story(url))
    assert [v.source for v in history] == ["wayback", "wayback", "fetch"]
    assert history[2].first_seen == "2026-05-24T13:00:00.000Z"
    assert store.find_story(ORIGINAL) == store.find_story(url)
    # The version tracked live was @1; two older captures came before it: it is @3 now.
    assert summary.renumbered == ((1, 3),)


def test_the_cli_says_which_stored_versions_got_new_numbers(
    archive: tuple[HTTPServer, Archive], tmp_path: Path
) -> None:
    server, _ = archive
    pages = versions()
    url = serve(server, "/live/ferry", ChangingPage([pages[3]], canonical=ORIGINAL))
    db = str(tmp_path / "v.db")
    runner = CliRunner()
    tracked = runner.invoke(app, ["track", url, "--delay", "0", "--db", db])
    assert tracked.exit_code == 0, tracked.stderr
    command = ["wayback", ORIGINAL, "--archive", base(server), "--delay", "0", "--db", db]
    result = runner.invoke(app, command)
    assert result.exit_code == 0, result.stderr
    assert "version 1 is now 3" in result.stderr
    assert "cite a version by time: URL@ followed by its first-seen time" in result.stderr
    assert "2026-05-24T10:00" not in result.stderr  # (no made-up example: review21)
    # Imported again: nothing new comes before a stored version, nothing is said.
    again = runner.invoke(app, command)
    assert again.exit_code == 0 and "is now" not in again.stderr


def test_an_import_before_nothing_stored_renumbers_nothing(
    archive: tuple[HTTPServer, Archive], store: Store
) -> None:
    server, _ = archive
    assert wayback(ORIGINAL, store, FAST, WaybackOptions(archive=base(server))).renumbered == ()


@pytest.mark.parametrize(
    ("pairs", "said"),
    [
        (((2, 5),), "version 2 is now 5"),
        (((1, 4), (2, 5), (3, 6)), "versions 1-3 are now 4-6"),
        (((1, 2), (2, 4)), "version 1 is now 2, 2 is now 4"),
        (
            ((1, 2), (2, 4), (3, 6), (4, 8), (5, 10), (6, 12)),
            "version 1 is now 2, 2 is now 4, 3 is now 6, 4 is now 8 and 2 more moved",
        ),
    ],
)
def test_renumbering_is_told_briefly(pairs: tuple[tuple[int, int], ...], said: str) -> None:
    from compare.cli import _renumbering

    assert _renumbering(pairs) == said


def test_cli_import_and_history(archive: tuple[HTTPServer, Archive], tmp_path: Path) -> None:
    server, _ = archive
    db = str(tmp_path / "v.db")
    runner = CliRunner()
    result = runner.invoke(
        app, ["wayback", ORIGINAL, "--archive", base(server), "--delay", "0", "--db", db]
    )
    assert result.exit_code == 0, result.stderr
    assert "3 new versions, 1 unchanged, 0 failed" in result.stderr
    history = runner.invoke(app, ["history", ORIGINAL, "--db", db])
    assert history.exit_code == 0
    assert history.stdout.count("[wayback]") == 3
    assert "2026-05-24 08:00" in history.stdout


def test_an_archive_that_is_not_one_is_a_clear_error(store: Store) -> None:
    with HTTPServer(host="127.0.0.1", port=0) as server:
        server.expect_request("/cdx/search/cdx").respond_with_data("<html>hello</html>")
        with pytest.raises(FetchError, match="did not answer the CDX query"):
            wayback(ORIGINAL, store, FAST, WaybackOptions(archive=base(server)))
    assert store.counts()["versions"] == 0


def test_a_failed_archive_query_leaves_no_new_database_behind(tmp_path: Path) -> None:
    db = tmp_path / "new.db"
    kept = tmp_path / "kept.db"
    Store.open(kept).close()  # an existing store, empty still: it is the user's, kept
    before = kept.read_bytes()
    runner = CliRunner()
    with HTTPServer(host="127.0.0.1", port=0) as server:
        server.expect_request("/cdx/search/cdx").respond_with_data("<html>hello</html>")
        for path in (db, kept):
            result = runner.invoke(
                app,
                ["wayback", ORIGINAL, "--archive", base(server), "--db", str(path)],
            )
            assert result.exit_code == 3, result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kept.db"]
    assert kept.read_bytes() == before


def test_an_address_with_no_cdx_api_says_to_check_the_archive_in_one_line(tmp_path: Path) -> None:
    # A plain web server answers the CDX query 404: the error named the long query URL and
    # told the user to "save the page and pass the file", which wayback cannot take.
    with HTTPServer(host="127.0.0.1", port=0) as server:
        server.expect_request("/cdx/search/cdx").respond_with_data("Not Found", status=404)
        result = CliRunner().invoke(
            app, ["wayback", ORIGINAL, "--archive", base(server), "--db", str(tmp_path / "w.db")]
        )
    assert result.exit_code == 3
    line = result.stderr.strip()
    assert "\n" not in line and "cdx/search/cdx?" not in line, line
    assert "--archive" in line and "save the page" not in line, line


def test_an_address_the_archive_never_captured_is_said_not_an_error(tmp_path: Path) -> None:
    # The CDX API answers "[]" for an address it holds no capture of: that ended in "did
    # not answer the CDX query with JSON", exit 3, for the commonest answer there is.
    with HTTPServer(host="127.0.0.1", port=0) as server:
        server.expect_request("/cdx/search/cdx").respond_with_data(
            "[]", content_type="application/json"
        )
        result = CliRunner().invoke(
            app, ["wayback", ORIGINAL, "--archive", base(server), "--db", str(tmp_path / "w.db")]
        )
    assert result.exit_code == 0, result.stderr
    assert result.stderr.splitlines() == [
        f"storydiff: the archive at {base(server)} holds no capture of {ORIGINAL}",
        "storydiff: 0 new versions, 0 unchanged, 0 failed",
    ]


def test_no_capture_in_the_dates_asked_for_says_the_dates(tmp_path: Path) -> None:
    # "holds no capture of URL" was untrue when --from/--to left out the ones it holds.
    with HTTPServer(host="127.0.0.1", port=0) as server:
        server.expect_request("/cdx/search/cdx").respond_with_data(
            "[]", content_type="application/json"
        )
        db = str(tmp_path / "w.db")
        args = ["wayback", ORIGINAL, "--archive", base(server), "--from", "2026-01-01", "--db", db]
        result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.stderr
    assert result.stderr.splitlines()[0] == (
        f"storydiff: the archive at {base(server)} holds no capture of {ORIGINAL} in the "
        "dates asked for (--from, --to)"
    )
