"""Tracking and publishing without work done twice: a published edit compared once, a
failed fetch's story looked up once, a report's name read from the stories it needs, the
failed fetches before a page came back asked for only when there may be some; and
``wayback --report-dir``/``--jsonl``, the timeline's axis up to the last failed fetch, and
no ``--jsonl`` line lost to a Ctrl-C after a failure or a 304. Pages are served from
127.0.0.1: the council fixture's versions and short stories written for these tests."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from pytest_httpserver import HTTPServer
from test_publish import CANONICAL, EPOCH, SwappablePage, council
from test_track import FAST

import compare
from compare import track as track_module
from compare.model import CompareOptions, LoadOptions
from compare.publish import report_name
from compare.store import Store
from compare.track import TrackOptions, track


def counting(monkeypatch: pytest.MonkeyPatch, owner: Any, name: str) -> list[Any]:
    """Every call of ``owner.name`` from now on, by its arguments."""
    calls: list[Any] = []
    real = getattr(owner, name)

    def counted(*args: Any, **kwargs: Any) -> Any:
        calls.append(args)
        return real(*args, **kwargs)

    monkeypatch.setattr(owner, name, counted)
    return calls


# ---- 1. one comparison per published edit ---------------------------------------------------


def test_a_published_edit_is_compared_once_and_its_report_is_the_same(
    http: HTTPServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = SwappablePage(council(1))
    http.expect_request("/council.html").respond_with_handler(page)
    url = http.url_for("/council.html")
    reports = tmp_path / "reports"
    options = TrackOptions(
        host_delay=0.0, load=LoadOptions(retries=0), report_dir=reports, key_changes=True
    )
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH["SOURCE_DATE_EPOCH"])
    with Store.open(tmp_path / "v.db") as store:
        track([url], store, options)
        calls = counting(monkeypatch, compare, "compare")
        page.html = council(2)
        [event] = [e for e in _events(store, url, options) if e.outcome == "new"]
        assert len(calls) == 1, "the summary's comparison is the report's"
        page.html = council(3)
        _events(store, url, options)
        assert len(calls) == 2, "one comparison per edit"
    monkeypatch.undo()
    assert event.report is not None and event.key_changes
    # The very report, and key changes, that comparing the two stored versions gives.
    from compare.compare_command import html_report, stored_pair, utc_now
    from compare.publish import key_changes

    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH["SOURCE_DATE_EPOCH"])

    for old, new in ((1, 2), (2, 3)):
        again = stored_pair(
            f"{CANONICAL}@{old}", f"{CANONICAL}@{new}", LoadOptions(db=str(tmp_path / "v.db"))
        )
        written = reports / re.sub(r"v1-v2", f"v{old}-v{new}", Path(event.report).name)
        assert written.read_text(encoding="utf-8") == html_report(again, utc_now()) + "\n"
        if (old, new) == (1, 2):
            assert event.key_changes == key_changes(again)


def _events(store: Store, url: str, options: TrackOptions) -> list[Any]:
    seen: list[Any] = []

    class Listener(track_module.Listener):
        def event(self, event: Any) -> None:
            seen.append(event)

    track([url], store, options, Listener())
    return seen


def test_other_compare_options_make_the_report_with_its_own_comparison(
    http: HTTPServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = SwappablePage(council(1))
    http.expect_request("/council.html").respond_with_handler(page)
    url = http.url_for("/council.html")
    options = TrackOptions(
        host_delay=0.0,
        load=LoadOptions(retries=0),
        compare=CompareOptions(threshold=0.7),
        key_changes=True,
    )
    with Store.open(tmp_path / "v.db") as store:
        track([url], store, options)
        calls = counting(monkeypatch, compare, "compare")
        page.html = council(2)
        _events(store, url, options)
    # The summary's, with --threshold 0.7, is not the report's (compare's defaults).
    assert len(calls) == 2
    assert calls[1][2] == CompareOptions()


# ---- 2. a failed fetch looks its story up once ----------------------------------------------


def test_a_failed_fetch_reads_its_story_and_history_once(
    http: HTTPServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = SwappablePage(council(1))
    http.expect_request("/council.html").respond_with_handler(page)
    url = http.url_for("/council.html")
    with Store.open(tmp_path / "v.db") as store:
        track([url], store, FAST)
        http.clear()
        http.expect_request("/council.html").respond_with_data("Not here", status=404)
        # (Asking for the validators, before the fetch, finds the story too: not counted.)
        monkeypatch.setattr(Store, "validators", lambda self, url: (None, None))
        finds = counting(monkeypatch, Store, "find_story")
        histories = counting(monkeypatch, Store, "history")
        [event] = _events(store, url, FAST)
    assert event.outcome == "failed" and event.kept == (1, event.kept[1])
    assert "the version stored before is kept" in event.detail, "the advice still counts them"
    assert len(finds) == 1 and len(histories) == 1


# ---- 3. a report's name reads only the stories it needs --------------------------------------


def test_a_report_name_reads_only_the_stories_filed_before_and_once_a_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from test_publish import ferry_page

    from compare import extract, sources
    from compare.model import Provenance

    with Store.open(tmp_path / "v.db") as store:
        filed = []
        for n, url in enumerate(
            [
                "https://example.org/north/ferry",
                "https://example.org/south/ferry",
                "https://example.org/east/tolls",
            ]
        ):
            html = ferry_page("Isles Gazette", f"Route {n}", "£6.40", url).encode()
            snapshot = sources.stored_snapshot(
                html, Provenance(spec=url, url=url, content_type="text/html")
            )
            document = extract.extract(snapshot)
            filed.append(store.observe([url], document, html, f"2026-05-24T10:0{n}:00.000Z").story)

        def every_story() -> None:
            raise AssertionError("every story read for one report's name")

        monkeypatch.setattr(store, "stories", every_story)
        asked = counting(monkeypatch, Store, "urls_before")
        bases: dict[int, str] = {}
        north, south, east = filed
        assert report_name(store, north, 1, 2, bases) == "example.org-ferry-v1-v2.html"
        south_name = report_name(store, south, 1, 2, bases)
        assert re.fullmatch(r"example\.org-ferry-[0-9a-f]{6}-v1-v2\.html", south_name)
        assert report_name(store, east, 1, 2) == "example.org-tolls-v1-v2.html"
        assert len(asked) == 3
        # Known for the run: the next report of a story reads no story.
        assert report_name(store, south, 2, 3, bases) == south_name.replace("v1-v2", "v2-v3")
        assert report_name(store, north, 2, 3, bases) == "example.org-ferry-v2-v3.html"
        assert len(asked) == 3


# ---- 5. _moved_on reads times with store.parse_time -----------------------------------------


@pytest.mark.parametrize(
    ("old", "new", "moved"),
    [
        ("2026-05-24T10:00:00Z", "2026-05-24T10:00:00+00:00", False),  # written another way
        ("2026-05-24T10:00:00Z", "2026-05-24T11:00:00+00:00", True),
        ("2026-05-24T10:00:00+02:00", "2026-05-24T09:00:00Z", True),
        ("2026-05-24t10:00:00z", "2026-05-24T11:00:00Z", True),  # lower case, as parse_time
        ("2026-05-24T10:00:00+0200", "2026-05-24T09:00:00Z", True),
        ("2026-05-24", "2026-05-25", True),
        ("2026-05-24", "2026-05-24T11:00:00Z", False),  # a date alone: no zone to compare in
        ("2026-05-24T12:00:00Z", "2026-05-24T11:00:00Z", False),
        ("yesterday", "today", False),
        ("2026-02-30", "2026-03-01", False),  # no such day
    ],
)
def test_a_last_modified_time_moved_on_as_parse_time_reads_it(
    old: str, new: str, moved: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    from compare import store

    read = counting(monkeypatch, store, "parse_time")
    assert track_module._moved_on(old, new) is moved
    if old != new and track_module._zoned(old) == track_module._zoned(new):
        assert read, "the times are read by store.parse_time"


# ---- 6. no regex compiled at import ----------------------------------------------------------


def test_track_compiles_no_regex_at_import() -> None:
    compiled = [name for name, value in vars(track_module).items() if isinstance(value, re.Pattern)]
    assert compiled == []
    assert track_module._FILE_ADVICE().search("check the URL, or save the page and pass the file")


# ---- 4. the failures before a page came back are asked for only when there may be some ------


def test_a_page_read_again_asks_for_failures_only_after_one_or_another_process_wrote(
    http: HTTPServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from compare.track import _Run

    page = SwappablePage(council(1))
    http.expect_request("/council.html").respond_with_handler(page)
    url = http.url_for("/council.html")
    db = tmp_path / "v.db"
    seen: list[Any] = []

    class Listener(track_module.Listener):
        def event(self, event: Any) -> None:
            seen.append(event)

    with Store.open(db) as store:
        asked = counting(monkeypatch, Store, "failing")
        run = _Run(store, FAST, Listener())
        try:
            for _ in range(3):
                run.round("tracking", [url])
            assert len(asked) == 1, "asked at the first fetch of the run, not at each"
            # A fetch of this run fails: the next one that reads the page asks, and is back.
            http.clear()
            http.expect_request("/council.html").respond_with_data("Not here", status=404)
            run.round("tracking", [url])
            http.clear()
            http.expect_request("/council.html").respond_with_handler(page)
            run.round("tracking", [url])
            assert len(asked) == 2 and seen[-1].back is not None
            assert seen[-1].back["failure"] == "not found"
            run.round("tracking", [url])
            assert len(asked) == 2 and seen[-1].back is None
            # Another process files a failure of the page: the next fetch asks, and tells.
            with Store.open(db) as other:
                other.record_failure(url, track_module.utc_now(), "the server answered 503")
            run.round("tracking", [url])
            assert len(asked) == 3
            assert seen[-1].back is not None and seen[-1].back["failure"] == "fetch failed"
        finally:
            run.close(False)
    assert [e.outcome for e in seen] == ["new", *["unchanged"] * 2, "failed", *["unchanged"] * 3]


# ---- a Ctrl-C right after a failure or a 304 is filed ----------------------------------------


class WithETag:
    """The council's first version with an ETag, and 304 to a request that sends it back."""

    def __call__(self, request: Any) -> Any:
        from werkzeug import Response

        if request.headers.get("If-None-Match") == '"council-1"':
            return Response(status=304, headers={"ETag": '"council-1"'})
        return Response(
            council(1), content_type="text/html; charset=utf-8", headers={"ETag": '"council-1"'}
        )


@pytest.mark.parametrize("answer", ["failed", "not-modified"])
def test_a_ctrl_c_right_after_a_failure_or_a_304_is_filed_still_tells_its_event(
    answer: str, http: HTTPServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os
    import signal

    http.expect_request("/council.html").respond_with_handler(WithETag())
    url = http.url_for("/council.html")
    with Store.open(tmp_path / "v.db") as store:
        assert track([url], store, FAST).new == 1
        if answer == "failed":
            http.clear()
            http.expect_request("/council.html").respond_with_data("Not here", status=404)
        made = track_module.TrackEvent

        def ctrl_c_meanwhile(*args: Any, **kwargs: Any) -> Any:
            os.kill(os.getpid(), signal.SIGINT)  # Ctrl-C, once the fetch is recorded
            return made(*args, **kwargs)

        monkeypatch.setattr(track_module, "TrackEvent", ctrl_c_meanwhile)
        heard: list[Any] = []

        class Listener(track_module.Listener):
            def event(self, event: Any) -> None:
                heard.append(event)

        summary = track([url], store, FAST, Listener())
        fetches = store.fetches(store.require_story(url))
    assert summary.interrupted
    assert [f["outcome"] for f in fetches] == ["new", answer]
    assert [e.outcome for e in heard] == [answer], "the fetch recorded is told"
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler


# ---- 7. the timeline's axis runs on to the last failed fetch -----------------------------------


def test_the_timeline_axis_runs_to_the_last_fetch_of_a_run_of_failures(tmp_path: Path) -> None:
    from depot_story import GONE, URL, P, observe, page

    from compare.render.timeline import render_story

    title = "Fire at Oldwick grain depot"
    with Store.open(tmp_path / "v.db") as store:
        observe(
            store, tmp_path, page(title, P[:2], "2026-11-24T09:05:00Z"), "2026-11-24T09:10:00.000Z"
        )
        observe(store, tmp_path, page(title, P, "2026-11-24T09:30:00Z"), "2026-11-24T09:35:00.000Z")
        for hour in range(11, 19):  # taken down at 11:10, and still gone at 18:10
            store.record_failure(URL, f"2026-11-24T{hour}:10:00.000Z", GONE, status=404)
        html = render_story(store, store.require_story(URL), generated_at="2026-11-25T00:00:00Z")
    ticks = re.search(r'<p class="ticks"><span>([^<]*)</span> <span>([^<]*)</span></p>', html)
    assert ticks is not None
    assert ticks.groups() == ("2026-11-24 09:10", "2026-11-24 18:10"), "the axis ends at 18:10"
    # The run's cross at its first fetch, and the rule marked from there to the axis's end.
    gap = re.search(
        r'<svg x="([\d.]+)%" y="0" overflow="visible" class="gap gone">(.*?)</svg>', html
    )
    assert gap is not None
    start = float(gap.group(1))
    span = re.search(r'<line class="span" x1="0" y1="20" x2="([\d.]+)%"', gap.group(2))
    assert span is not None
    assert start < 90 and start + float(span.group(1)) == pytest.approx(98.0), "to the end"
    assert "until the last fetch that failed so" in html


def test_a_single_failed_fetch_marks_no_span(tmp_path: Path) -> None:
    from depot_story import GONE, URL, P, observe, page

    from compare.render.timeline import render_story

    title = "Fire at Oldwick grain depot"
    with Store.open(tmp_path / "v.db") as store:
        observe(
            store, tmp_path, page(title, P[:2], "2026-11-24T09:05:00Z"), "2026-11-24T09:10:00.000Z"
        )
        observe(store, tmp_path, page(title, P, "2026-11-24T09:30:00Z"), "2026-11-24T09:35:00.000Z")
        store.record_failure(URL, "2026-11-24T11:10:00.000Z", GONE, status=404)
        html = render_story(store, store.require_story(URL), generated_at="2026-11-25T00:00:00Z")
    assert 'class="span"' not in html and "until the last fetch" not in html
    assert "<span>2026-11-24 11:10</span></p>" in html


# ---- 8. wayback --report-dir and --jsonl ----------------------------------------------------


@pytest.fixture
def wayback_archive() -> Any:
    from test_wayback import Archive, captures

    model = Archive(captures())
    with HTTPServer(host="127.0.0.1", port=0) as server:
        server.expect_request("/cdx/search/cdx").respond_with_handler(model.cdx)
        server.expect_request(re.compile("^/web/.*")).respond_with_handler(model.replay)
        yield server


def test_wayback_publishes_the_captures_that_make_new_versions(
    wayback_archive: HTTPServer, tmp_path: Path
) -> None:
    import jsonschema
    from test_publish import events, run
    from test_wayback import ORIGINAL

    from compare.schema import load_schema

    validator = jsonschema.Draft202012Validator(load_schema("track-event"))
    db, reports = str(tmp_path / "v.db"), tmp_path / "reports"
    archive = wayback_archive.url_for("/").rstrip("/")
    code, out, err = run(
        "wayback", ORIGINAL, "--archive", archive, "--delay", "0", "--db", db,
        "--report-dir", str(reports), "--jsonl",
    )  # fmt: skip
    assert code == 0, err
    assert "3 new versions, 1 unchanged, 0 failed" in err, "the totals stay on stderr"
    told = events(out, validator)
    assert [(e["outcome"], e["version"], e.get("previous_version")) for e in told] == [
        ("new", 1, None),
        ("unchanged", 1, None),
        ("new", 2, 1),
        ("new", 3, 2),
    ]
    assert [e["time"][:16] for e in told] == [
        "2026-05-24T08:00",
        "2026-05-24T10:00",
        "2026-05-24T11:00",
        "2026-05-24T13:00",
    ], "each at its capture time"
    assert all(e["story"] == ORIGINAL for e in told)
    names = [
        "courier.example-ferry-terminal-v1-v2.html",
        "courier.example-ferry-terminal-v2-v3.html",
    ]
    assert sorted(p.name for p in reports.iterdir()) == names
    assert [told[2]["report"], told[3]["report"]] == [str(reports / n) for n in names]
    assert told[2]["changes"] and "counts" in told[2]
    # The very report `storydiff compare URL@1 URL@2 -o x.html` writes.
    by_hand = tmp_path / "by-hand.html"
    code, _, err = run("compare", f"{ORIGINAL}@1", f"{ORIGINAL}@2", "--db", db, "-o", str(by_hand))
    assert code == 1, err
    assert by_hand.read_bytes() == (reports / names[0]).read_bytes()

    # Without the options, the lines for people and no report, as before.
    again = tmp_path / "again.db"
    code, out, err = run(
        "wayback", ORIGINAL, "--archive", archive, "--delay", "0", "--db", str(again)
    )
    assert code == 0 and "new story" in out and "report" not in out, out


def test_a_summary_made_from_another_reading_of_the_version_before_is_not_the_reports(
    http: HTTPServer, tmp_path: Path
) -> None:
    # The store reads the version before again with the charset the page just fetched was
    # decoded with too, and may summarise against that reading; `URL@N` reads it with the
    # charset stored with it. Such a comparison is not handed to the report.
    from dataclasses import replace

    from compare.publish import as_stored_pair

    page = SwappablePage(council(1))
    http.expect_request("/council.html").respond_with_handler(page)
    url = http.url_for("/council.html")
    with Store.open(tmp_path / "v.db") as store:
        track([url], store, FAST)
        page.html = council(2)
        track([url], store, FAST)
        story = store.require_story(url)
        first, second = (store.document(v) for v in store.history(story))
        made = compare.compare(first, second)
        named = as_stored_pair(store, story, 1, 2, made)
        assert named is not None
        assert (named.old.provenance.spec, named.new.provenance.spec) == (
            f"{CANONICAL}@1",
            f"{CANONICAL}@2",
        )
        assert named.blocks == made.blocks and named.new.provenance.version == 2
        elsewise = replace(first.provenance, encoding="windows-1252")
        other = compare.compare(replace(first, provenance=elsewise), second)
        assert as_stored_pair(store, story, 1, 2, other) is None
        assert (
            as_stored_pair(store, story, 1, 2, compare.compare(first, second, threshold=0.7))
            is None
        )
