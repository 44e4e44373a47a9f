"""Publishing each change as tracking finds it: ``track``/``watch --report-dir`` writes the
side-by-side report of every new version against the one before, and ``--jsonl`` prints one
``storydiff.track-event/1`` object per fetch. Pages are served from 127.0.0.1: the council
fixture's four versions, and short stories of two ferry routes written for these tests."""

from __future__ import annotations

import errno
import json
import os
import re
import shutil
import subprocess
import sys
from html import escape
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import jsonschema
import pytest
from pytest_httpserver import HTTPServer
from typer.testing import CliRunner
from werkzeug import Request, Response

from compare.cli import app
from compare.publish import report_base
from compare.schema import load_schema
from compare.store import Store

ROOT = Path(__file__).resolve().parent.parent
COUNCIL = ROOT / "fixtures" / "updated-council-vote"
#: The council fixture's canonical link, under which its versions are stored.
CANONICAL = (
    "https://www.larchfieldsentinel.com/news/local-government/2026/03/11/"
    "council-approves-stormwater-fee-east-flats"
)
BASE = "larchfieldsentinel.com-council-approves-stormwater-fee-east-flats"
#: Pinned, so that a report written by track and one written by compare are the same bytes.
EPOCH = {"SOURCE_DATE_EPOCH": "1780000000"}


class SwappablePage:
    """A page the test replaces between fetches, served with no validators (so every fetch
    reads it in full, as the second `track` after a `cp` in the README's session does)."""

    def __init__(self, html: str) -> None:
        self.html = html

    def __call__(self, request: Request) -> Response:
        return Response(self.html, content_type="text/html; charset=utf-8")


def council(version: int) -> str:
    return (COUNCIL / f"v{version}.html").read_text(encoding="utf-8")


@pytest.fixture
def validator() -> jsonschema.Draft202012Validator:
    schema = load_schema("track-event")
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def run(*args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args), env={**EPOCH, **(env or {})})
    return result.exit_code, result.stdout, result.stderr


def events(stdout: str, validator: jsonschema.Draft202012Validator) -> list[dict[str, Any]]:
    """Every line of ``--jsonl`` output, parsed and checked against the schema."""
    lines = stdout.splitlines()
    assert lines, "one line per fetch"
    parsed = [json.loads(line) for line in lines]
    for event in parsed:
        validator.validate(event)
    return parsed


def test_a_report_is_written_for_each_new_version_and_no_other_fetch(
    http: HTTPServer, tmp_path: Path
) -> None:
    page = SwappablePage(council(1))
    http.expect_request("/council.html").respond_with_handler(page)
    url = http.url_for("/council.html")
    db, reports = str(tmp_path / "v.db"), tmp_path / "out" / "reports"
    track = ["track", url, "--db", db, "--delay", "0", "--report-dir", str(reports)]

    code, out, err = run(*track)
    assert code == 0, err
    assert "new story" in out and "report" not in out
    assert not reports.exists() or not list(reports.iterdir()), "a first version has no report"

    page.html = council(2)
    code, out, err = run(*track)
    assert code == 0, err
    written = reports / f"{BASE}-v1-v2.html"
    assert sorted(p.name for p in reports.iterdir()) == [written.name]
    assert f"report: {written}" in out, "the track line names the file"
    html = written.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and html.rstrip().endswith("</html>")
    assert "14 people" in html and "12 people" in html  # the changed figure, both sides
    assert "began collecting signatures" in html  # the paragraph added
    # Self-contained: no stylesheet, script, image or font fetched from anywhere.
    assert not re.search(r"<(?:script|img|iframe)[^>]*\ssrc=", html, re.IGNORECASE)
    assert not re.search(r"<link[^>]*rel=[\"']?stylesheet", html, re.IGNORECASE)
    assert "@import" not in html and "url(http" not in html
    # The very report `storydiff compare URL@1 URL@2 -o x.html` writes.
    by_hand = tmp_path / "by-hand.html"
    code, _, err = run(
        "compare", f"{CANONICAL}@1", f"{CANONICAL}@2", "--db", db, "-o", str(by_hand)
    )
    assert code == 1, err
    assert by_hand.read_bytes() == written.read_bytes()

    # Unchanged, then cosmetic (the same words retyped): stored as no version, no report.
    code, out, err = run(*track)
    assert code == 0 and "unchanged" in out and "report" not in out, out
    page.html = council(2).replace("voted late Tuesday", "voted  late  Tuesday")
    code, out, err = run(*track)
    assert code == 0 and "cosmetic" in out and "report" not in out, out
    assert [p.name for p in reports.iterdir()] == [written.name]

    page.html = council(3)
    code, out, err = run(*track)
    assert code == 0, err
    assert sorted(p.name for p in reports.iterdir()) == [
        f"{BASE}-v1-v2.html",
        f"{BASE}-v2-v3.html",
    ]


def test_jsonl_is_one_valid_event_per_fetch_with_the_key_changes(
    http: HTTPServer, tmp_path: Path, validator: jsonschema.Draft202012Validator
) -> None:
    page = SwappablePage(council(1))
    http.expect_request("/council.html").respond_with_handler(page)
    http.expect_request("/gone.html").respond_with_data("Not here", status=404)
    url = http.url_for("/council.html")
    db, reports = str(tmp_path / "v.db"), tmp_path / "reports"
    track = ["track", url, "--db", db, "--delay", "0", "--jsonl"]

    code, out, err = run(*track)
    assert code == 0, err
    [first] = events(out, validator)
    assert first["outcome"] == "new" and first["first"] is True
    assert (first["version"], first["previous_version"]) == (1, None)
    assert first["story"] == CANONICAL and first["url"] == url
    assert first["time"].endswith("Z") and "changes" not in first
    assert "storydiff: 1 new version" in err, "the totals stay on stderr"

    page.html = council(2)
    code, out, err = run(*track, "--report-dir", str(reports))
    assert code == 0, err
    [second] = events(out, validator)
    assert second["outcome"] == "new" and second["first"] is False
    assert (second["version"], second["previous_version"]) == (2, 1)
    assert second["counts"] == {"added": 1, "removed": 0, "reworded": 1, "moved": 0}
    assert second["headline_changed"] is False and "previous_headline" not in second
    assert {
        "in": "text",
        "kind": "number",
        "action": "changed",
        "old": "12 people",
        "new": "14 people",
    }.items() <= second["changes"][0].items()
    assert second["report"] == str(reports / f"{BASE}-v1-v2.html")
    assert Path(second["report"]).is_file()
    # The key changes are those of `compare URL@1 URL@2 --format json`.
    code, compared, err = run(
        "compare", f"{CANONICAL}@1", f"{CANONICAL}@2", "--db", db, "-f", "json"
    )
    wanted = json.loads(compared)
    strip = [{k: v for k, v in c.items() if k != "in"} for c in second["changes"]]
    assert strip == [
        {k: v for k, v in c.items() if k != "sentence"}
        for c in wanted["title_changes"] + wanted["standfirst_changes"] + wanted["changes"]
    ]

    # Version 3 rewrites the headline: both are given. Without --report-dir, no report.
    page.html = council(3)
    code, out, err = run(*track)
    [third] = events(out, validator)
    assert third["headline_changed"] is True and "report" not in third
    assert third["previous_headline"] == second["headline"] != third["headline"]
    assert {c["kind"] for c in third["changes"]} >= {"attribution", "hedge", "quote"}

    # A fetch that finds the same text, and a failure, are events too: exit 3 as before.
    gone = http.url_for("/gone.html")
    code, out, err = run("track", url, gone, "--db", db, "--delay", "0", "--jsonl")
    assert code == 3
    by_url = {event["url"]: event for event in events(out, validator)}
    assert by_url[url]["outcome"] == "unchanged" and by_url[url]["version"] == 3
    assert by_url[url]["previous_version"] is None and "changes" not in by_url[url]
    failed = by_url[gone]
    assert failed["outcome"] == "failed" and failed["failure"] == "not found"
    assert (failed["status"], failed["exit_code"], failed["story"]) == (404, 3, None)
    assert "404" in failed["error"]
    # The failure is told in its event (stdout held nothing but JSON: parsed above); stderr
    # keeps only the totals line.
    assert err.splitlines() == ["storydiff: 0 new versions, 1 unchanged, 1 failed"]


def test_watch_publishes_the_articles_of_a_local_feed(
    http: HTTPServer, tmp_path: Path, validator: jsonschema.Draft202012Validator
) -> None:
    page = SwappablePage(council(1))
    http.expect_request("/news/council.html").respond_with_handler(page)
    item = http.url_for("/news/council.html")
    feed = (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>'
        "<title>Larchfield Sentinel: Local government</title>"
        f"<link>{http.url_for('/')}</link><description>Council and city hall</description>"
        "<item><title>Council approves stormwater fee</title>"
        f"<link>{item}</link><guid>larchfield-council-0311</guid></item>"
        "</channel></rss>"
    )
    http.expect_request("/local.rss").respond_with_data(feed, content_type="application/rss+xml")
    db, reports = str(tmp_path / "v.db"), tmp_path / "reports"
    watch = ["watch", http.url_for("/local.rss"), "--db", db, "--delay", "0"]
    watch += ["--report-dir", str(reports), "--jsonl"]

    code, out, err = run(*watch)
    assert code == 0, err
    assert [e["first"] for e in events(out, validator)] == [True]
    page.html = council(2)
    code, out, err = run(*watch)
    assert code == 0, err
    [event] = events(out, validator)
    assert event["report"] == str(reports / f"{BASE}-v1-v2.html")
    assert "14 people" in Path(event["report"]).read_text(encoding="utf-8")
    # Unchanged on the next round: still a line (one per fetch), and no report.
    code, out, err = run(*watch)
    [event] = events(out, validator)
    assert event["outcome"] == "unchanged"
    assert [p.name for p in reports.iterdir()] == [f"{BASE}-v1-v2.html"]


def ferry_page(site: str, route: str, fare: str, canonical: str) -> str:
    """A short ferry story of a fictional outlet, its fare given as ``fare``."""
    paragraphs = [
        f"Fares on the {route} crossing will rise to {fare} from the first of June, the "
        "harbour board said on Thursday, the second increase in a year.",
        "The board blamed the price of fuel and the cost of repairing the slipway at the "
        "northern landing, which was closed for three weeks in the winter storms.",
        f"Regular passengers on the {route} route said the rise would hit commuters who "
        "have no other way to reach the mainland before the bridge opens in 2029.",
        "A season ticket will still be sold at the old price until the end of May, the "
        "board said, and children under twelve will continue to travel free of charge.",
    ]
    body = "".join(f"<p>{escape(p)}</p>" for p in paragraphs)
    return (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
        f"<title>{route} ferry fares rise | {site}</title>"
        f"<link rel='canonical' href='{canonical}'>"
        f"<meta property='og:site_name' content='{site}'></head><body>"
        "<nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
        f"<article><h1>{route} ferry fares rise</h1><p class='byline'>By Ola Brandt</p>"
        f"{body}</article><footer>© {site}</footer></body></html>"
    )


def test_two_stories_whose_names_collide_keep_apart_reports(
    http: HTTPServer, tmp_path: Path
) -> None:
    north_url, south_url = "https://example.org/north/ferry", "https://example.org/south/ferry"
    north = SwappablePage(ferry_page("Isles Gazette", "Northsound", "£6.40", north_url))
    south = SwappablePage(ferry_page("Isles Gazette", "Southsound", "£4.10", south_url))
    http.expect_request("/north").respond_with_handler(north)
    http.expect_request("/south").respond_with_handler(south)
    db, reports = str(tmp_path / "v.db"), tmp_path / "reports"
    for _ in range(2):
        for path in ("/north", "/south"):  # north is filed first
            code, _, err = run(
                "track",
                http.url_for(path),
                "--db",
                db,
                "--delay",
                "0",
                "--report-dir",
                str(reports),
            )
            assert code == 0, err
        north.html = north.html.replace("£6.40", "£6.90")
        south.html = south.html.replace("£4.10", "£4.60")
    names = {p.name for p in reports.iterdir()}
    plain = "example.org-ferry-v1-v2.html"
    assert len(names) == 2 and plain in names, "the story filed first keeps the name"
    [hashed] = names - {plain}
    assert re.fullmatch(r"example\.org-ferry-[0-9a-f]{6}-v1-v2\.html", hashed), hashed
    assert "£6.90" in (reports / plain).read_text(encoding="utf-8")
    assert "£4.60" in (reports / hashed).read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("url", "base"),
    [
        (
            "https://www.example.org/news/2026/05/24/ferry-fares-rise",
            "example.org-ferry-fares-rise",
        ),
        ("https://example.org/news/ferry-fares-rise/", "example.org-ferry-fares-rise"),
        ("https://example.org/local/ferry.html?id=7#top", "example.org-ferry"),
        ("https://example.org/news/ferry/index.html", "example.org-ferry"),
        ("http://127.0.0.1:8765/council.html", "127.0.0.1-8765-council"),
        ("https://example.org/politics/12345", "example.org-politics-12345"),
        ("https://example.org/", "example.org"),
        (
            "https://example.org/kultur/f%C3%A4hre-%C3%BCber-den-sund",
            "example.org-fahre-uber-den-sund",
        ),
        ("https://example.org/news/a:b*c?d", "example.org-a-b-c"),
        # A letter or mark with no ASCII form is left out, as the names were always spelt.
        (
            "https://example.org/news/stra%C3%9Fe-don%E2%80%99t-close",
            "example.org-strae-dont-close",
        ),
        ("https://例え.jp/ニュース/フェリー-2026", "xn--r8jz45g.jp-2026"),
    ],
)
def test_report_names_are_readable_and_safe(url: str, base: str) -> None:
    assert report_base(url) == base


def test_a_long_or_foreign_slug_is_cut_to_a_safe_name() -> None:
    long = "https://example.org/news/" + "-".join(["harbour"] * 40)
    base = report_base(long)
    assert len(base) <= 72 and base.endswith("harbour") and "--" not in base
    for url in (long, "https://例え.jp/ニュース/フェリー", "https://example.org/..%2F..%2Fetc"):
        assert re.fullmatch(r"[a-z0-9][a-z0-9.-]*", report_base(url)), report_base(url)


def test_a_report_that_cannot_be_written_is_a_warning_and_the_version_is_kept(
    http: HTTPServer,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    validator: jsonschema.Draft202012Validator,
) -> None:
    page = SwappablePage(council(1))
    http.expect_request("/council.html").respond_with_handler(page)
    url = http.url_for("/council.html")
    db, reports = str(tmp_path / "v.db"), tmp_path / "reports"
    track = ["track", url, "--db", db, "--delay", "0", "--report-dir", str(reports), "--jsonl"]
    assert run(*track)[0] == 0
    page.html = council(2)

    def full(*args: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "replace", full)
    code, out, err = run(*track)
    monkeypatch.undo()
    assert code == 2, "as for an -o that cannot be written"
    [event] = events(out, validator)
    assert event["outcome"] == "new" and event["version"] == 2 and "report" not in event
    assert "No space left on device" in event["report_error"]
    assert event["changes"], "the key changes are given all the same"
    warnings = [line for line in err.splitlines() if "warning" in line]
    assert len(warnings) == 1 and "version 2 is stored" in warnings[0], err
    assert "Traceback" not in err
    assert list(reports.iterdir()) == [], "no half-written file is left"
    with Store.open(Path(db), read_only=True) as store:
        story = store.find_story(CANONICAL)
        assert story is not None and len(store.history(story)) == 2


def _unprivileged() -> list[str]:
    """A command prefix that runs without root's power to write read-only folders."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    assert setpriv, "the read-only test needs setpriv (util-linux) when run as root"
    return [setpriv, "--bounding-set=-dac_override,-dac_read_search,-fowner"]


def test_a_read_only_report_folder_warns_and_tracking_goes_on(
    http: HTTPServer, tmp_path: Path
) -> None:
    page = SwappablePage(council(1))
    http.expect_request("/council.html").respond_with_handler(page)
    url = http.url_for("/council.html")
    db, reports = tmp_path / "v.db", tmp_path / "reports"
    reports.mkdir()
    command = [*_unprivileged(), sys.executable, "-m", "compare", "track", url, "--db", str(db)]
    command += ["--delay", "0", "--report-dir", str(reports)]
    first = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert first.returncode == 0, first.stderr
    page.html = council(2)
    reports.chmod(0o555)
    try:
        second = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=120)
    finally:
        reports.chmod(0o755)
    assert second.returncode == 2, second.stderr
    assert "new " in second.stdout and "v2" in second.stdout and "report:" not in second.stdout
    [warning] = [line for line in second.stderr.splitlines() if "warning" in line]
    assert warning.startswith("storydiff: warning: cannot write ")
    assert "Permission denied" in warning and "version 2 is stored" in warning
    assert "Traceback" not in second.stderr
    assert "1 new version" in second.stderr
    assert list(reports.iterdir()) == []
    with Store.open(db, read_only=True) as store:
        story = store.find_story(CANONICAL)
        assert story is not None and len(store.history(story)) == 2


def test_a_report_dir_that_is_a_file_is_refused_before_any_fetch(tmp_path: Path) -> None:
    taken = tmp_path / "reports"
    taken.write_text("notes")
    code, out, err = run(
        "track", "http://127.0.0.1:9/x", "--db", str(tmp_path / "v.db"), "--report-dir", str(taken)
    )
    assert code == 2 and out == ""
    assert err.startswith("storydiff: error: --report-dir") and "not a folder" in err
    assert not (tmp_path / "v.db").exists()


def test_a_shrunken_page_gets_its_report_only_once_confirmed(
    http: HTTPServer, tmp_path: Path, validator: jsonschema.Draft202012Validator
) -> None:
    # The Marrowby story of tests/history_pages.py, then a paywall teaser, twice: held as
    # suspect on the first fetch (no report), stored and reported on the second.
    from history_pages import TEASER, TITLE, article_html, versions

    page = SwappablePage(article_html(*versions()[0]))
    http.expect_request("/ferry").respond_with_handler(page)
    url = http.url_for("/ferry")
    db, reports = str(tmp_path / "v.db"), tmp_path / "reports"
    track = ["track", url, "--db", db, "--delay", "0", "--report-dir", str(reports), "--jsonl"]
    assert run(*track)[0] == 0
    page.html = article_html(TITLE, TEASER)
    code, out, err = run(*track)
    [held] = events(out, validator)
    assert held["outcome"] == "suspect" and "report" not in held
    assert not reports.exists() or not list(reports.iterdir())
    code, out, err = run(*track)
    assert code == 0, err
    [confirmed] = events(out, validator)
    assert (confirmed["outcome"], confirmed["version"], confirmed["previous_version"]) == (
        "new",
        2,
        1,
    )
    port = urlsplit(url).port
    assert Path(confirmed["report"]).name == f"127.0.0.1-{port}-ferry-v1-v2.html"
    assert confirmed["counts"]["removed"] >= 1


def test_a_takedown_is_a_failed_event_that_says_so(
    http: HTTPServer, tmp_path: Path, validator: jsonschema.Draft202012Validator
) -> None:
    page = SwappablePage(council(1))
    http.expect_request("/council.html").respond_with_handler(page)
    url = http.url_for("/council.html")
    db = str(tmp_path / "v.db")
    track = ["track", url, "--db", db, "--delay", "0", "--jsonl", "--report-dir", str(tmp_path)]
    assert run(*track)[0] == 0
    page.html = (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
        "<title>Larchfield Sentinel</title></head><body><nav><a href='/'>Home</a></nav>"
        "<main><h1>Article removed</h1><p>This article has been removed for legal reasons."
        "</p></main></body></html>"
    )
    code, out, err = run(*track)
    assert code == 4, err
    [event] = events(out, validator)
    assert (event["outcome"], event["failure"], event["exit_code"]) == ("failed", "taken down", 4)
    assert event["story"] == CANONICAL and event["version"] is None
    # The version kept, by which a bot names the story taken down (ops22).
    assert event["kept"] == {
        "version": 1,
        "headline": "Larchfield council approves stormwater fee after raucous late-night debate",
    }
    assert "removed for legal reasons" in event["error"]
    assert not [p for p in tmp_path.iterdir() if p.suffix == ".html"], "no report for a failure"
